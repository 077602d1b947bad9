/// Where a command writes: standard output and standard error in the binary, strings in tests.
public protocol Console: AnyObject {
  /// Writes to standard output.
  func write(_ text: String)
  /// Writes to standard error.
  func writeError(_ text: String)
  /// Clears the screen and the terminal's scrollback (the quick exit): the one escape sequence
  /// beyond styles that Kurs writes, so it goes past the filter `write` applies.
  func clearScreenAndScrollback()
}

extension Console {
  public func clearScreenAndScrollback() { write(QuickExit.clearSequence) }
}

/// A console that keeps what was written, for tests.
public final class RecordingConsole: Console {
  public private(set) var output = ""
  public private(set) var errors = ""

  public init() {}

  public func write(_ text: String) { output += text }
  public func writeError(_ text: String) { errors += text }
}
