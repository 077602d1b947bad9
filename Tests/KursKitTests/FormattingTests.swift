import Foundation
import Testing

/// The code is formatted as `.swift-format` says (2-space indent, 100 columns; no force unwraps
/// or force tries in Sources): the toolchain's `swift format lint --strict` finds nothing.
/// After an edit, `swift format -i -r Sources Tests Benchmarks Fuzz Package.swift` fixes most.
@Suite struct FormattingTests {
  @Test func swiftFormatFindsNothing() throws {
    let repository = Fixtures.repository
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "format", "lint", "--strict", "--recursive", "Sources", "Tests", "Benchmarks",
      "Fuzz", "Package.swift",
    ]
    process.currentDirectoryURL = repository
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    do {
      try process.run()
    } catch {
      print("FormattingTests: skipped: 'swift format' could not be started (\(error))")
      return
    }
    let findings = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if findings.contains("no such subcommand") || findings.contains("Unknown subcommand") {
      print("FormattingTests: skipped: this toolchain has no 'swift format'")
      return
    }
    #expect(
      process.terminationStatus == 0 && findings.isEmpty,
      "swift format lint:\n\(findings.prefix(4000))")
  }
}
