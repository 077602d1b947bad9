/// A wrong command line: what is wrong and what to type instead. Exit code 64.
public struct UsageError: Error, Equatable, CustomStringConvertible {
  public var message: String
  /// The command whose help to point at, if any.
  public var command: String?

  public init(_ message: String, command: String? = nil) {
    self.message = message
    self.command = command
  }

  public var description: String {
    "kurs: \(message)\n"
      + (command.map { "run 'kurs help \($0)' for its options\n" }
        ?? "run 'kurs --help' for the commands\n")
  }
}
