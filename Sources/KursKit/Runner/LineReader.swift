/// Where the runner reads the learner's lines: the terminal, a pipe, or a list in tests.
public protocol LineReader: AnyObject {
  /// The next line without its newline, or `nil` at the end of input.
  func readLine() -> String?
}

/// Lines given in advance, for tests and scripts.
public final class ScriptedLines: LineReader {
  private var lines: [String]

  public init(_ lines: [String]) { self.lines = lines }

  public func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}
