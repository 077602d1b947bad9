/// A line of the import report: a question or a feature that could not be carried over (or
/// not exactly), with where it is in the source.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
  /// The file and line of the question (column 1 unless known).
  public var location: SourceLocation
  /// The question's name, when the note is about one question.
  public var question: String?
  public var message: String

  public init(location: SourceLocation, question: String?, message: String) {
    self.location = location
    self.question = question
    self.message = message
  }

  /// `file:line: question 'name': message`.
  public var description: String {
    let place = "\(location.file):\(location.line)"
    guard let question else { return "\(place): \(message)" }
    return "\(place): question '\(question)': \(message)"
  }
}
