import Foundation
import KursKit

/// Standard output and standard error, unbuffered enough for a terminal.
final class StandardConsole: Console {
  func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
  func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

let cli = KursCLI(console: StandardConsole(), environment: ProcessInfo.processInfo.environment)
let code = cli.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
