/// One thing wrong with a certificate: which field, and what is wrong with it in words.
public struct CertificateProblem: Sendable, Equatable, CustomStringConvertible {
  /// The part of the certificate the problem is about.
  public enum Field: String, Sendable, Equatable {
    /// Not a Kurs certificate, or a newer format.
    case format
    /// The course id.
    case course
    case courseVersion = "course version"
    case courseDigest = "course digest"
    /// The learner's display name.
    case name
    /// `validFrom`.
    case date
    /// The learner id (the credential subject).
    case learner
    case transcript
    /// A module's score or pass, or the total.
    case scores
    /// Any other text that comes from the course (titles, criteria, scales).
    case content
    /// The signature of a signed certificate.
    case signature
    /// Who signed it.
    case issuer
  }

  public var field: Field
  /// Lowercase English, without a final period, saying what is wrong.
  public var message: String

  public init(_ field: Field, _ message: String) {
    self.field = field
    self.message = message
  }

  public var description: String { message }
}

extension CertificateProblem.Field {
  /// What is wrong, by field, in `language`: the first half of a problem line for a reader of
  /// another language than English (the detail stays in English).
  public func summary(_ language: String) -> String {
    let key: Localization.Key
    switch self {
    case .format: key = .problemFormat
    case .course: key = .problemCourse
    case .courseVersion: key = .problemCourseVersion
    case .courseDigest: key = .problemCourseDigest
    case .name: key = .problemName
    case .date: key = .problemDate
    case .learner: key = .problemLearner
    case .transcript: key = .problemTranscript
    case .scores: key = .problemScores
    case .content: key = .problemContent
    case .signature: key = .problemSignature
    case .issuer: key = .problemIssuer
    }
    return Localization.string(key, language)
  }
}
