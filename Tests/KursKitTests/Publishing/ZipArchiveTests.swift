import Foundation
import Testing

@testable import KursKit

@Suite struct ZipArchiveTests {
  /// The check value every CRC-32 implementation gives for "123456789".
  @Test func crc32OfTheCheckString() {
    #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum(Data()) == 0)
  }

  static let noon = Date(timeIntervalSince1970: 1_796_385_600)  // 2026-12-04 12:00:00 UTC

  /// Info-ZIP's unzip reads what the writer wrote: every entry intact (CRC checked), the
  /// names (UTF-8 too) and the bytes as given.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip")))
  func unzipReadsTheArchiveBack() throws {
    var archive = ZipArchive(modified: Self.noon)
    let page = Data("<!DOCTYPE html>\nпривіт\n".utf8)
    try archive.add("index.html", page)
    try archive.add("схемы/a.xsd", Data(repeating: 0x41, count: 70_000))
    try archive.add("empty.txt", Data())
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-zip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("a.zip")
    try archive.data().write(to: file)
    func unzip(_ arguments: [String]) throws -> (Data, Int32) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
      process.arguments = arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (data, process.terminationStatus)
    }
    let (tested, status) = try unzip(["-t", file.path])
    #expect(status == 0, "\(String(decoding: tested, as: UTF8.self))")
    let (names, _) = try unzip(["-Z1", file.path])
    #expect(
      String(decoding: names, as: UTF8.self).split(separator: "\n") == [
        "index.html", "схемы/a.xsd", "empty.txt",
      ])
    #expect(try unzip(["-p", file.path, "index.html"]).0 == page)
    #expect(try unzip(["-p", file.path, "схемы/a.xsd"]).0.count == 70_000)
    let (verbose, _) = try unzip(["-Z", "-l", file.path])
    #expect(String(decoding: verbose, as: UTF8.self).contains("26-Dec-04 12:00"))
  }

  /// The same files at the same time give the same bytes (a package can be compared).
  @Test func theSameInputGivesTheSameBytes() throws {
    func build() throws -> Data {
      var archive = ZipArchive(modified: Self.noon)
      try archive.add("a", Data("1".utf8))
      try archive.add("b/c", Data("2".utf8))
      return try archive.data()
    }
    #expect(try build() == build())
    // The end record counts two entries.
    let bytes = try build()
    let end = bytes.suffix(22)
    #expect(Array(end.prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
    #expect(end[end.startIndex + 10] == 2)
  }

  /// Names that would unpack outside the package, or twice, are refused.
  @Test(arguments: ["", "/etc/passwd", "../up", "a/../../b", "a//b", "a\\b", "./a"])
  func refusesNamesOutsideThePackage(name: String) {
    var archive = ZipArchive(modified: Self.noon)
    #expect(throws: ZipArchive.ZipError.badName(name)) { try archive.add(name, Data()) }
  }

  @Test func refusesARepeatedName() throws {
    var archive = ZipArchive(modified: Self.noon)
    try archive.add("index.html", Data())
    #expect(throws: ZipArchive.ZipError.badName("index.html")) {
      try archive.add("index.html", Data())
    }
  }

  /// MS-DOS time: 2-second steps, years from 1980 (an earlier clock is clamped, not wrapped).
  @Test func dosTimeOfKnownDates() {
    let (time, date) = ZipArchive.dosTime(Self.noon)
    #expect(time == 12 << 11)
    #expect(date == UInt16((2026 - 1980) << 9 | 12 << 5 | 4))
    #expect(ZipArchive.dosTime(Date(timeIntervalSince1970: 0)).date == UInt16(1 << 5 | 1))
  }
}
