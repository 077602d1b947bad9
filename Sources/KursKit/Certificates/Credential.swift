import Foundation

/// A course certificate as an Open Badges 3.0 `OpenBadgeCredential`: a W3C Verifiable
/// Credential (data model 2.0) whose subject is the learner and whose achievement is the course.
///
/// Everything Kurs needs to check the certificate again (the course's id, version and digest,
/// the modules with their scores, the answer transcript and the digests of the fields) is under
/// the one extension property `kurs` (docs/certificates.md, "What is in the JSON file"), whose
/// terms Kurs's own JSON-LD context (`KursContext`) defines.
/// The learner's display name is an OB3 `IdentityObject` of type `name`, not hashed:
/// `AchievementSubject` has no `name` property of its own.
public struct Credential: Sendable, Equatable, Codable {
  /// The W3C Verifiable Credentials 2.0 context.
  public static let credentialsContext = "https://www.w3.org/ns/credentials/v2"
  /// The Open Badges 3.0 context.
  public static let openBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
  /// The `@context` Kurs writes: VC 2.0, OB 3.0 and Kurs's own (`KursContext`), which gives
  /// the terms under `kurs` their IRIs.
  public static let context = [credentialsContext, openBadgesContext, KursContext.identifier]
  /// The `@context` of certificates from Kurs 0.2 and before, without Kurs's own: still
  /// verified (docs/certificates.md).
  public static let contextWithoutKurs = [credentialsContext, openBadgesContext]
  /// The version of the `kurs` extension this Kurs writes and reads.
  public static let formatVersion = 1

  public var context: [String]
  /// `urn:uuid:…`, new for every certificate.
  public var id: String
  public var type: [String]
  public var issuer: Profile
  /// When the course was completed: ISO 8601 date-time in UTC, `2026-05-01T10:00:00Z`.
  public var validFrom: String
  /// The credential's name for display: the course title.
  public var name: String
  public var description: String?
  public var credentialSubject: Subject
  /// Kurs's own data, from which the certificate can be checked against the course.
  public var kurs: Record

  enum CodingKeys: String, CodingKey {
    case context = "@context"
    case id, type, issuer, validFrom, name, description, credentialSubject, kurs
  }

  /// Who issued the credential (OB3 `Profile`).
  public struct Profile: Sendable, Equatable, Codable {
    public var id: String
    public var type: [String]
    public var name: String

    public init(id: String, name: String) {
      self.id = id
      self.type = ["Profile"]
      self.name = name
    }

    /// The issuer of a certificate the runner wrote and nobody has signed.
    public static let unsigned = Profile(id: "urn:kurs:local", name: "Kurs (not signed)")

    /// Whether this is the runner's own, unsigned issuer.
    public var isUnsigned: Bool { id == Self.unsigned.id }
  }

  /// The learner and what they achieved (OB3 `AchievementSubject`).
  public struct Subject: Sendable, Equatable, Codable {
    /// `urn:uuid:<learner id>`.
    public var id: String
    public var type: [String]
    /// The learner's display name, as an `IdentityObject` of type `name`.
    public var identifier: [Identity]
    public var achievement: Achievement
    /// One result per module the learner finished.
    public var result: [Outcome]
  }

  /// OB3 `IdentityObject`.
  public struct Identity: Sendable, Equatable, Codable {
    public var type: String
    public var identityType: String
    public var hashed: Bool
    public var identityHash: String

    /// The display name, not hashed: it is printed on the certificate anyway.
    public static func name(_ name: String) -> Identity {
      Identity(type: "IdentityObject", identityType: "name", hashed: false, identityHash: name)
    }
  }

  /// The course as an OB3 `Achievement`.
  public struct Achievement: Sendable, Equatable, Codable {
    /// `urn:kurs:course:<id>:<version>`.
    public var id: String
    public var type: [String]
    public var achievementType: String
    public var name: String
    public var description: String
    public var criteria: Criteria
    public var version: String
    public var inLanguage: String
    /// One per module: its title, the most points and the pass mark.
    public var resultDescription: [ResultDescription]
  }

  /// OB3 `Criteria`: what the learner had to do, in words.
  public struct Criteria: Sendable, Equatable, Codable {
    public var narrative: String
  }

  /// OB3 `ResultDescription`: one module's scale.
  public struct ResultDescription: Sendable, Equatable, Codable {
    /// `urn:kurs:course:<id>:<version>:module:<module id>`.
    public var id: String
    public var type: [String]
    public var name: String
    public var resultType: String
    public var valueMin: String
    public var valueMax: String
    public var requiredValue: String
  }

  /// OB3 `Result`: one module's score and status.
  public struct Outcome: Sendable, Equatable, Codable {
    public var type: [String]
    /// The id of the module's `ResultDescription`.
    public var resultDescription: String
    public var value: String
    /// OB3 `ResultStatusType`: `Completed` or `Failed`.
    public var status: String
  }

  /// The `kurs` extension property.
  public struct Record: Sendable, Equatable, Codable {
    /// Version of this extension; a newer one is refused with a message.
    public var format: Int
    /// The language the texts in the credential are in.
    public var language: String
    public var course: CourseReference
    public var modules: [ModuleRecord]
    /// Points of the passed modules, added up.
    public var total: Int
    /// Every step the learner took, in order (`Transcript`).
    public var transcript: [String]
    public var digests: FieldDigests
  }

  /// The exact course the certificate was issued for.
  public struct CourseReference: Sendable, Equatable, Codable {
    public var id: String
    public var version: String
    /// SHA-256 over the course files (`Course.digest`).
    public var digest: String
  }

  /// One module's result, as numbers.
  public struct ModuleRecord: Sendable, Equatable, Codable {
    public var id: String
    /// The best score of a passing run, else the score of the last finished run.
    public var score: Int
    public var maximum: Int
    public var passMark: Int
    public var passed: Bool
  }

  /// SHA-256 of each field, so that an edit of one field is reported by name. Anyone can
  /// compute them again: they catch careless edits, not forgeries (that is what signing is for).
  public struct FieldDigests: Sendable, Equatable, Codable {
    public var name: String
    public var date: String
    public var learner: String
    public var transcript: String
    public var scores: String
    public var course: String
  }

  // MARK: Reading the fields

  /// The learner's display name, from the subject's `name` identity.
  public var learnerName: String? {
    credentialSubject.identifier.first { $0.identityType == "name" && !$0.hashed }?.identityHash
  }

  /// The learner's id (the seed of their shuffles), from the subject id.
  public var learnerID: String {
    let id = credentialSubject.id
    for prefix in ["urn:uuid:", "urn:kurs:learner:"] where id.hasPrefix(prefix) {
      return String(id.dropFirst(prefix.count))
    }
    return id
  }

  /// The subject id for a learner id: a `urn:uuid:` when it is a UUID, as Kurs's are.
  static func subjectID(learner: String) -> String {
    UUID(uuidString: learner) != nil ? "urn:uuid:\(learner)" : "urn:kurs:learner:\(learner)"
  }

  // MARK: JSON

  /// The credential as pretty-printed JSON with sorted keys: the same credential always gives
  /// the same bytes.
  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }
}
