import Foundation
import Testing

@testable import KursKit

/// `kurs pack`: one file that is the same course as its folder.
@Suite struct CoursePackerTests {
  let folder: URL

  init() throws {
    folder = try makeTemporaryDirectory()
  }

  func pack(_ course: String) throws -> (packed: Course, original: Course, file: URL) {
    let file = folder.appendingPathComponent("\(course).xml")
    let path = Fixtures.repository.appendingPathComponent("Courses/\(course)").path
    let packed = try CoursePacker.pack(path: path, to: file, loader: CourseLoader())
    let original = try #require(CourseLoader().load(path: path).course)
    return (packed, original, file)
  }

  @Test(arguments: ["marina", "example"])
  func aPackedCourseIsTheSameCourseInOneFile(course: String) throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (packed, original, file) = try pack(course)
    #expect(packed.digest == original.digest)
    #expect(packed.modules.map(\.nodes.count) == original.modules.map(\.nodes.count))
    let report = validate(file.path, strict: true)
    #expect(report.errorCount == 0, "\(report.diagnostics)")
    #expect(report.courses.first?.files.count == 1, "nothing is read but the one file")
  }

  @Test func aPackedCourseReadsNoContentFolder() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, original, file) = try pack("marina")
    // Beside a Content/ whose glossary says something else, the packed course keeps its own.
    let content = folder.appendingPathComponent("Content")
    try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    try
      "<content xmlns=\"urn:kurs:course:1\" id=\"glossary\"><term id=\"x\"><name>X</name><definition>Y</definition></term></content>"
      .write(to: content.appendingPathComponent("glossary.xml"), atomically: true, encoding: .utf8)
    let course = try #require(CourseLoader().load(path: file.path).course)
    #expect(course.digest == original.digest)
  }

  @Test func packingAPackedCourseChangesNothing() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, _, file) = try pack("example")
    let again = folder.appendingPathComponent("again.xml")
    try CoursePacker.pack(path: file.path, to: again, loader: CourseLoader())
    #expect(try Data(contentsOf: again) == Data(contentsOf: file))
  }

  @Test func aModuleMissingFromThePackedFilesIsNamedWithWhatToDo() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, _, file) = try pack("example")
    var text = try String(contentsOf: file, encoding: .utf8)
    let start = try #require(text.range(of: "<file href=\"modules/practice.xml\">"))
    let end = try #require(text.range(of: "</file>", range: start.upperBound..<text.endIndex))
    text.removeSubrange(start.lowerBound..<end.upperBound)
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = CourseLoader().load(path: file.path)
    let messages = result.diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.contains(
          "module file 'modules/practice.xml' is not carried in this packed course's <files>; pack the course again with kurs pack"
        )
      },
      "\(messages)")
  }

  @Test func aFileCarriedTwiceIsAnError() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, _, file) = try pack("example")
    var text = try String(contentsOf: file, encoding: .utf8)
    let start = try #require(text.range(of: "<file href=\"modules/practice.xml\">"))
    let end = try #require(text.range(of: "</file>", range: start.upperBound..<text.endIndex))
    let copy = String(text[start.lowerBound..<end.upperBound])
    text.insert(contentsOf: copy + "\n", at: start.lowerBound)
    try text.write(to: file, atomically: true, encoding: .utf8)
    let messages = CourseLoader().load(path: file.path).diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.contains("file 'modules/practice.xml' is carried twice in <files>; keep one")
      }, "\(messages)")
  }

  @Test func anExistingOutputIsNeverReplaced() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("taken.xml")
    try "mine".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: CoursePacker.PackError.exists(path: file.path)) {
      try CoursePacker.pack(
        path: Fixtures.repository.appendingPathComponent("Courses/example").path, to: file,
        loader: CourseLoader())
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
  }
}
