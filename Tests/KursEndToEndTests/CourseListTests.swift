import Foundation
import Testing

/// `kurs courses` remembers what it found (DATA/cache/courses.json) and must notice every change.
@Suite struct CourseListTests {
  let root: URL
  let courses: URL
  let data: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("kurs-courses-\(UUID().uuidString)")
    courses = root.appendingPathComponent("Courses")
    data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"), to: courses.appendingPathComponent("example"))
    try FileManager.default.copyItem(at: KursProcess.repository.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
  }

  func list() throws -> KursProcess.Result {
    try KursProcess.run(["courses", "--courses", courses.path, "--data-dir", data.path])
  }

  func edit(_ relative: String, _ change: (String) -> String) throws {
    let url = root.appendingPathComponent(relative)
    try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func aSecondListingComesFromTheCacheAndAnEditIsSeenAtOnce() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try list()
    #expect(first.exitCode == 0)
    #expect(first.output.contains("example 1.0.0  Example: a safe walk home  [en, ru]"))
    let cache = data.appendingPathComponent("cache/courses.json")
    #expect(FileManager.default.fileExists(atPath: cache.path))

    // The cache is what the second run shows: a title changed only in the cache appears.
    let cached = try String(contentsOf: cache, encoding: .utf8)
    try cached.replacingOccurrences(of: "Example: a safe walk home", with: "Remembered title")
      .write(to: cache, atomically: true, encoding: .utf8)
    #expect(try list().output.contains("example 1.0.0  Remembered title"))

    // Any edit of the course changes the key: the course is read again.
    try edit("Courses/example/course.xml") { $0.replacingOccurrences(of: "version=\"1.0.0\"", with: "version=\"1.1.0\"") }
    #expect(try list().output.contains("example 1.1.0  Example: a safe walk home"))
  }

  /// Files older than two seconds are known by their stamps alone; a new file's bytes are
  /// checked too, so an edit within one clock tick that keeps the size is still seen.
  @Test func oldFilesAreKnownByTheirStampsNewOnesByTheirBytes() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let old = Date(timeIntervalSinceNow: -3600)
    for folder in [courses, root.appendingPathComponent("Content")] {
      let names = try #require(FileManager.default.subpathsOfDirectory(atPath: folder.path) as [String]?)
      for name in names where name.hasSuffix(".xml") {
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(name).path)
      }
    }
    #expect(try list().output.contains("example 1.0.0"))
    let cache = data.appendingPathComponent("cache/courses.json")
    #expect(!(try String(contentsOf: cache, encoding: .utf8)).contains("contentKey"), "old files: stamps only")

    // The same size, and the old time put back: only the inode (a new file) tells.
    let url = courses.appendingPathComponent("example/course.xml")
    try edit("Courses/example/course.xml") { $0.replacingOccurrences(of: "version=\"1.0.0\"", with: "version=\"1.2.0\"") }
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    #expect(try list().output.contains("example 1.2.0"))

    // Just edited: the bytes are kept and compared, whatever the stamps say.
    try edit("Courses/example/course.xml") { $0.replacingOccurrences(of: "version=\"1.2.0\"", with: "version=\"1.3.0\"") }
    #expect(try list().output.contains("example 1.3.0"))
    #expect((try String(contentsOf: cache, encoding: .utf8)).contains("contentKey"))
  }

  @Test func breakingAModuleOrSharedFileShowsTheCourseInvalid() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try list().output.contains("example 1.0.0"))
    try edit("Courses/example/modules/practice.xml") { $0.replacingOccurrences(of: "</module>", with: "") }
    let broken = try list()
    #expect(broken.output.contains("example  (invalid: 1 errors; run kurs validate"))
    try edit("Courses/example/modules/practice.xml") { $0 + "</module>\n" }
    #expect(try list().output.contains("example 1.0.0"))
    try edit("Content/glossary.xml") { $0.replacingOccurrences(of: "</content>", with: "") }
    #expect(try list().output.contains("(invalid:"))
  }

  @Test func aCacheThatCannotBeReadOrWrittenOnlyCostsSpeed() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: data.appendingPathComponent("cache"), withIntermediateDirectories: true)
    try Data("{not json".utf8).write(to: data.appendingPathComponent("cache/courses.json"))
    let result = try list()
    #expect(result.exitCode == 0)
    #expect(result.output.contains("example 1.0.0  Example: a safe walk home"))
  }
}
