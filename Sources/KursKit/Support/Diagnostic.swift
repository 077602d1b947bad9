/// One finding about a course: an error or a warning at a place in a file.
public struct Diagnostic: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
  public enum Severity: String, Sendable, Equatable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .error && rhs == .warning
    }
  }

  /// What stage found it: a file that cannot be read is a different failure (exit code 2) from
  /// a course that reads but is wrong (exit code 1). `review`: the item-writing review of
  /// `kurs validate --review` (ItemReview), always a warning.
  public enum Stage: String, Sendable, Equatable, Hashable, Codable {
    case file, syntax, schema, semantic, review
  }

  public var severity: Severity
  public var stage: Stage
  public var location: SourceLocation
  /// Lowercase, no final period, says what is wrong and what to do.
  public var message: String
  /// The message in other languages, by code (`ru`), where Kurs has it (`message(in:)`).
  public var translations: [String: String]?

  public init(_ severity: Severity, _ stage: Stage, at location: SourceLocation, _ message: String)
  {
    self.severity = severity
    self.stage = stage
    self.location = location
    self.message = message
  }

  public static func error(
    _ stage: Stage = .semantic, at location: SourceLocation, _ message: String
  ) -> Diagnostic {
    Diagnostic(.error, stage, at: location, message)
  }

  public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
    Diagnostic(.warning, .semantic, at: location, message)
  }

  /// The message in `language`, else in English.
  public func message(in language: String) -> String { translations?[language] ?? message }

  /// `path:line:column: error: message`, as compilers print it.
  public var description: String { "\(location): \(severity.rawValue): \(message)" }

  /// `description` with the message in `language` where Kurs has it.
  public func description(in language: String) -> String {
    "\(location): \(severity.rawValue): \(message(in: language))"
  }
}
