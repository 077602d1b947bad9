import Foundation
import Testing

@testable import KursKit

@Suite struct AtomicFileTests {
  @Test func writesWithTheModeAndReplacesByDefault() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("a.txt")
    try AtomicFile.write(Data("one".utf8), to: file, permissions: 0o600)
    try AtomicFile.write(Data("two".utf8), to: file, permissions: 0o600)
    #expect(try String(contentsOf: file, encoding: .utf8) == "two")
    let mode =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  @Test func neverReplacesWhenAskedNotTo() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("issuer.key")
    try AtomicFile.write(Data("first".utf8), to: file, permissions: 0o600, overwrite: false)
    #expect(throws: POSIXError(.EEXIST)) {
      try AtomicFile.write(Data("second".utf8), to: file, permissions: 0o600, overwrite: false)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "first")
    // No temporary file is left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["issuer.key"])
  }
}
