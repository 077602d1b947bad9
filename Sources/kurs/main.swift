import Foundation
import KursKit

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output and standard error. Everything passes `TerminalText.safe` on its way out:
/// much of what Kurs prints came from a file or a person, and only Kurs's own styles may reach
/// the terminal as escapes.
final class StandardConsole: Console {
  func write(_ text: String) {
    FileHandle.standardOutput.write(Data(TerminalText.safe(text, keepingStyles: true).utf8))
  }
  func writeError(_ text: String) {
    FileHandle.standardError.write(Data(TerminalText.safe(text, keepingStyles: true).utf8))
  }
}

/// Lines from standard input; `nil` at end of input (Ctrl-D, or the end of a piped script).
final class StandardInput: LineReader {
  func readLine() -> String? { Swift.readLine(strippingNewline: true) }
}

/// The terminal's size now, through `ioctl(TIOCGWINSZ)`.
@Sendable func windowSize() -> (columns: Int, rows: Int)? {
  var size = winsize()
  guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
  return (Int(size.ws_col), Int(size.ws_row))
}

let environment = ProcessInfo.processInfo.environment
let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
var terminal = Terminal(
  isInteractive: interactive,
  colour: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb",
  width: { windowSize()?.columns ?? 80 },
  height: { windowSize()?.rows })
// Ctrl-C during a lesson: every step is already on disk (each answer is flushed before the next
// screen), so the handler only says how to come back and leaves, using nothing but
// async-signal-safe calls. It is installed when a session starts, with the session's message.
terminal.prepareInterruptMessage = { installInterruptHandler(message: $0) }

let arguments = Array(CommandLine.arguments.dropFirst())
let cli = KursCLI(console: StandardConsole(), environment: environment, input: StandardInput(), terminal: terminal)
exit(cli.run(arguments: arguments).rawValue)
