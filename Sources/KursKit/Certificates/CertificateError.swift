/// Why a certificate cannot be issued.
public enum CertificateError: Error, Equatable, CustomStringConvertible {
  /// The display name is empty, too long or has a character `LearnerName` refuses.
  case invalidName
  /// An input does not fit the course.
  case transcript(course: String, Transcript.ReplayError)
  /// The inputs do not meet the course's completion rule.
  case notComplete(course: String, missing: [String], total: Int, minimum: Int?)

  public var description: String {
    switch self {
    case .invalidName:
      return
        "a certificate needs the learner's display name: 1 to 200 characters on one line, without control characters or direction overrides"
    case .transcript(let course, let error):
      return "the transcript does not fit course '\(course)': \(error)"
    case .notComplete(let course, let missing, let total, let minimum):
      if !missing.isEmpty {
        return
          "the transcript does not complete course '\(course)': modules still to pass: \(missing.joined(separator: ", "))"
      }
      return
        "the transcript does not complete course '\(course)': the passed modules add up to \(total) points, the course needs \(minimum ?? 0)"
    }
  }
}
