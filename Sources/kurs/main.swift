import Foundation
import KursKit

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output and standard error. Everything passes `TerminalText.safe` on its way out:
/// much of what Kurs prints came from a file or a person, and only Kurs's own styles may reach
/// the terminal as escapes.
///
/// A write that fails (a full disk behind `> file`, `/dev/full`, a closed pipe) is not a crash:
/// what follows is not written, and the command ends with a clear message and a non-zero exit.
final class StandardConsole: Console {
  /// Why writing to standard output failed, once it has.
  private(set) var outputFailure: String?

  func write(_ text: String) {
    guard outputFailure == nil else { return }
    do {
      try FileHandle.standardOutput.write(
        contentsOf: Data(TerminalText.safe(text, keepingStyles: true).utf8))
    } catch {
      outputFailure = String(cString: strerror(errno == 0 ? EIO : errno))
    }
  }
  func writeError(_ text: String) {
    // Nowhere left to say that standard error failed.
    try? FileHandle.standardError.write(
      contentsOf: Data(TerminalText.safe(text, keepingStyles: true).utf8))
  }
  func clearScreenAndScrollback() {
    FileHandle.standardOutput.write(Data(QuickExit.clearSequence.utf8))
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
  colour: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil
    && environment["TERM"] != "dumb",
  width: { windowSize()?.columns ?? 80 },
  height: { windowSize()?.rows })
// Ctrl-C during a lesson: every step is already on disk (each answer is flushed before the next
// screen), so the handler only says how to come back and leaves, using nothing but
// async-signal-safe calls. It is installed when a session starts, with the session's message.
terminal.prepareInterruptMessage = { installInterruptHandler(message: $0) }

let arguments = Array(CommandLine.arguments.dropFirst())
let console = StandardConsole()
let cli = KursCLI(
  console: console, environment: environment, input: StandardInput(), terminal: terminal)
let status = cli.run(arguments: arguments)
if let failure = console.outputFailure {
  console.writeError(
    "kurs: cannot write to standard output (\(failure)): what was to be printed is incomplete; free space or write elsewhere\n"
  )
  exit(status == .success ? ExitCode.notSaved.rawValue : status.rawValue)
}
exit(status.rawValue)
