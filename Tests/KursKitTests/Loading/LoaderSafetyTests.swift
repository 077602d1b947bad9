import Foundation
import Testing

@testable import KursKit

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile and awkward input: every case ends in a clear finding, never a crash or a hang.
@Suite struct LoaderSafetyTests {
  func write(_ text: String, in directory: URL, name: String = "course.xml") throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  @Test func whitespaceIsUnicodesWhiteSpaceForEveryScalar() {
    var differ: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if CourseBuilder.isWhitespace(scalar) != scalar.properties.isWhitespace {
        differ.append(value)
      }
    }
    #expect(differ.isEmpty, "\(differ.prefix(10).map { String($0, radix: 16) })")
  }

  @Test func externalEntityNeverReadsTheFile() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let secret = directory.appendingPathComponent("secret.txt")
    try Data("TOP-SECRET-TEXT".utf8).write(to: secret)
    let path = try write(
      """
      <?xml version="1.0"?>
      <!DOCTYPE course [<!ENTITY s SYSTEM "file://\(secret.path)">]>
      <course xmlns="urn:kurs:course:1" id="x" version="1" languages="en" default-language="en"><title>&s;</title></course>
      """, in: directory)
    let report = validate(path)
    #expect(report.exitCode == .invalid)
    #expect(!report.text().contains("TOP-SECRET-TEXT"))
    #expect(report.diagnostics.first?.message.hasPrefix("<!DOCTYPE> is not allowed") == true)
  }

  @Test func nestingTenThousandDeepIsRefusedWithALocation() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let open = String(repeating: "<p>", count: 10_000)
    let close = String(repeating: "</p>", count: 10_000)
    let path = try write(
      "<course xmlns=\"urn:kurs:course:1\">\n\(open)\(close)</course>\n", in: directory)
    let report = validate(path)
    #expect(report.exitCode == .invalid)
    let first = try #require(report.diagnostics.first)
    #expect(first.location.line == 2)
    #expect(first.message == "elements are nested more than 256 levels deep; flatten the document")
  }

  @Test func fiftyMegabyteCourseLoads() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let paragraph = "<p>" + String(repeating: "Марина знает свои права. ", count: 40) + "</p>\n"
    let count = 50 * 1024 * 1024 / paragraph.utf8.count + 1
    var text = """
      <course xmlns="urn:kurs:course:1" id="big" version="1" languages="en" default-language="en">
      <title>Big</title><module id="m" start="a" pass-mark="0"><title>M</title>
      <page id="a" next="e"><body>

      """
    text += String(repeating: paragraph, count: count)
    text += "</body></page><end id=\"e\" outcome=\"pass\"/></module></course>\n"
    #expect(text.utf8.count > 50 * 1024 * 1024)
    let path = try write(text, in: directory)
    let result = CourseLoader().load(path: path)
    #expect(result.diagnostics.isEmpty)
    let course = try #require(result.course)
    #expect(course.modules.first?.nodes.count == 2)
  }

  @Test func fileAboveTheLimitIsRefusedBeforeReading() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("course.xml")
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(XMLReader.maximumFileSize + 1))
    try handle.close()
    let report = validate(url.path)
    #expect(report.exitCode == .unreadable)
    #expect(report.diagnostics.first?.message.contains("at most 64 MiB") == true)
  }

  @Test func symbolicLinkOutOfTheCourseFolderIsRefused() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let course = directory.appendingPathComponent("course")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    let outside = directory.appendingPathComponent("outside.xml")
    try Data("<module/>".utf8).write(to: outside)
    try FileManager.default.createSymbolicLink(
      at: course.appendingPathComponent("linked.xml"), withDestinationURL: outside)
    let resolver = PathResolver(courseDirectory: course, contentDirectory: nil)
    #expect(throws: PathResolver.ReferenceError.self) {
      try resolver.resolve("linked.xml", from: course)
    }
    #expect(throws: PathResolver.ReferenceError.self) {
      try resolver.resolve("../outside.xml", from: course)
    }
    #expect(throws: PathResolver.ReferenceError.self) {
      try resolver.resolve("http://example.org/x.xml", from: course)
    }
    #expect(throws: PathResolver.ReferenceError.self) {
      try resolver.resolve("content:x.xml", from: course)
    }
  }

  /// A course whose module file is `modules/m.xml`.
  static let courseWithModuleFile = """
    <?xml version="1.0" encoding="UTF-8"?>
    <course xmlns="urn:kurs:course:1" id="c" version="1.0" languages="en" default-language="en">
    <title>C</title>
    <module-ref href="modules/m.xml"/>
    </course>
    """

  static func module(_ text: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <module xmlns="urn:kurs:course:1" id="m" start="a" pass-mark="0">
      <title>M</title>
      <page id="a" next="done"><body><p>\(text)</p></body></page>
      <end id="done" outcome="pass"/>
    </module>
    """
  }

  @Test func courseXMLThatIsASymbolicLinkOutOfTheFolderIsRefused() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let course = directory.appendingPathComponent("course")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    let outside = try write(
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="c" version="1.0" languages="en" default-language="en"><title>TOP-SECRET-TEXT</title></course>
      """, in: directory, name: "elsewhere.xml")
    try FileManager.default.createSymbolicLink(
      atPath: course.appendingPathComponent("course.xml").path, withDestinationPath: outside)
    let report = validate(course.path)
    #expect(report.exitCode == .unreadable)
    #expect(
      report.diagnostics.first?.message.contains("'course.xml' is a symbolic link") == true,
      "\(report.text())")
    #expect(CourseLoader().load(path: course.path).course == nil)
    #expect(!report.text().contains("TOP-SECRET-TEXT"))
  }

  @Test func aFolderOnTheWayThatIsALinkIsRefused() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let course = directory.appendingPathComponent("course")
    let elsewhere = directory.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    _ = try write(Self.courseWithModuleFile, in: course)
    _ = try write(Self.module("Hello"), in: elsewhere, name: "m.xml")
    try FileManager.default.createSymbolicLink(
      at: course.appendingPathComponent("modules"), withDestinationURL: elsewhere)
    let report = validate(course.path)
    #expect(report.exitCode != .success)
    #expect(report.text().contains("symbolic link"), "\(report.text())")
  }

  /// The check (`PathResolver`) and the read were two operations: a module file swapped for a
  /// link between them was read from outside the folder. Now the read itself refuses links.
  @Test func aModuleFileSwappedForALinkWhileLoadingIsNeverReadFromOutside() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let course = directory.appendingPathComponent("course")
    let modules = course.appendingPathComponent("modules")
    try FileManager.default.createDirectory(at: modules, withIntermediateDirectories: true)
    _ = try write(Self.courseWithModuleFile, in: course)
    let inside = try write(Self.module("Harmless"), in: directory, name: "inside.xml")
    let outside = try write(Self.module("TOP-SECRET-TEXT"), in: directory, name: "outside.xml")
    let target = modules.appendingPathComponent("m.xml").path
    let spareFile = modules.appendingPathComponent("spare-file").path
    let spareLink = modules.appendingPathComponent("spare-link").path
    _ = Glibc.link(inside, target)

    final class Flag: @unchecked Sendable {
      private let lock = NSLock()
      private var value = false
      var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
      }
      func set() {
        lock.lock()
        value = true
        lock.unlock()
      }
    }
    let stop = Flag()
    let swapper = Thread {
      while !stop.isSet {
        // A regular file, then a link out, each put in place in one rename.
        unlink(spareFile)
        _ = Glibc.link(inside, spareFile)
        rename(spareFile, target)
        unlink(spareLink)
        symlink(outside, spareLink)
        rename(spareLink, target)
      }
    }
    swapper.start()
    defer { stop.set() }
    var leaked = 0
    var loaded = 0
    for _ in 0..<400 {
      let result = CourseLoader().load(path: course.path)
      if let course = result.course {
        loaded += 1
        if "\(course)".contains("TOP-SECRET-TEXT") { leaked += 1 }
      }
      if result.diagnostics.contains(where: { $0.message.contains("TOP-SECRET-TEXT") }) {
        leaked += 1
      }
    }
    stop.set()
    #expect(leaked == 0, "text from outside the course folder was read \(leaked) times")
    #expect(loaded > 0, "the regular file was read at least once")
  }

  @Test func missingFileIsUnreadable() {
    let report = validate("/nonexistent/kurs/course")
    #expect(report.exitCode == .unreadable)
  }

  @Test func emptyAndBinaryFilesGetClearErrors() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let empty = try write("", in: directory, name: "empty.xml")
    #expect(validate(empty).exitCode == .invalid)
    let url = directory.appendingPathComponent("binary.xml")
    try Data((0..<256).map { UInt8($0) }).write(to: url)
    let report = validate(url.path)
    #expect(report.exitCode == .invalid)
    #expect(report.diagnostics.first?.location.file == url.path)
  }
}
