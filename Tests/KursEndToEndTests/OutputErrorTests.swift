import Foundation
import Testing

/// Issue 19.5 through the real binary: a failed write to standard output is a message and a
/// non-zero exit, not a crash; `kurs version` and `-V` answer.
@Suite struct OutputErrorTests {
  /// Runs kurs with standard output on /dev/full (a device where every write fails, ENOSPC).
  func runIntoFullDevice(_ arguments: [String]) throws -> (
    status: Int32, errors: String, reason: Process.TerminationReason
  ) {
    let process = Process()
    process.executableURL = KursProcess.binary
    process.arguments = arguments
    process.currentDirectoryURL = KursProcess.repository
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let errors = Pipe()
    process.standardOutput = full
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let text = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: text, as: UTF8.self), process.terminationReason
    )
  }

  @Test(arguments: [["schema"], ["validate", "--json", "Courses/example"], ["help"]])
  func aFullStandardOutputIsAMessageNotACrash(_ arguments: [String]) throws {
    guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
    let result = try runIntoFullDevice(arguments)
    #expect(
      result.reason == .exit, "kurs \(arguments.joined(separator: " ")) crashed: \(result.errors)")
    #expect(result.status != 0)
    #expect(result.errors.contains("kurs: cannot write to standard output"), "\(result.errors)")
    #expect(!result.errors.contains("Fatal error"))
  }

  @Test(arguments: [["version"], ["-V"], ["--version"]])
  func versionAnswers(_ arguments: [String]) throws {
    let result = try KursProcess.run(arguments)
    #expect(result.exitCode == 0)
    #expect(result.output.hasPrefix("kurs "))
  }
}
