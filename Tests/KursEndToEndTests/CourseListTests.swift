import Foundation
import Testing

/// `kurs courses` remembers what it found ($XDG_CACHE_HOME/kurs/courses.json) and must notice every change.
@Suite struct CourseListTests {
  let root: URL
  let courses: URL
  let data: URL
  let cacheHome: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-courses-\(UUID().uuidString)")
    courses = root.appendingPathComponent("Courses")
    data = root.appendingPathComponent("data")
    cacheHome = root.appendingPathComponent("cache-home")
    try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"),
      to: courses.appendingPathComponent("example"))
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"),
      to: root.appendingPathComponent("Content"))
  }

  func list() throws -> KursProcess.Result {
    try KursProcess.run(
      ["courses", "--courses", courses.path, "--data-dir", data.path],
      environment: ["XDG_CACHE_HOME": cacheHome.path])
  }

  func edit(_ relative: String, _ change: (String) -> String) throws {
    let url = root.appendingPathComponent(relative)
    try change(try String(contentsOf: url, encoding: .utf8)).write(
      to: url, atomically: true, encoding: .utf8)
  }

  @Test func aSecondListingComesFromTheCacheAndAnEditIsSeenAtOnce() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let first = try list()
    #expect(first.exitCode == 0)
    #expect(first.output.contains("example 1.0.0  Example: a safe walk home  [en, ru]"))
    let cache = cacheHome.appendingPathComponent("kurs/courses.json")
    #expect(FileManager.default.fileExists(atPath: cache.path))

    // The cache is what the second run shows: a title changed only in the cache appears.
    let cached = try String(contentsOf: cache, encoding: .utf8)
    try cached.replacingOccurrences(of: "Example: a safe walk home", with: "Remembered title")
      .write(to: cache, atomically: true, encoding: .utf8)
    #expect(try list().output.contains("example 1.0.0  Remembered title"))

    // Any edit of the course changes the key: the course is read again.
    try edit("Courses/example/course.xml") {
      $0.replacingOccurrences(of: "version=\"1.0.0\"", with: "version=\"1.1.0\"")
    }
    #expect(try list().output.contains("example 1.1.0  Example: a safe walk home"))
  }

  /// Files older than two seconds are known by their stamps alone; a new file's bytes are
  /// checked too, so an edit within one clock tick that keeps the size is still seen.
  @Test func oldFilesAreKnownByTheirStampsNewOnesByTheirBytes() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let old = Date(timeIntervalSinceNow: -3600)
    for folder in [courses, root.appendingPathComponent("Content")] {
      let names = try #require(
        FileManager.default.subpathsOfDirectory(atPath: folder.path) as [String]?)
      for name in names where name.hasSuffix(".xml") {
        try FileManager.default.setAttributes(
          [.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(name).path)
      }
    }
    #expect(try list().output.contains("example 1.0.0"))
    let cache = cacheHome.appendingPathComponent("kurs/courses.json")
    #expect(
      !(try String(contentsOf: cache, encoding: .utf8)).contains("contentKey"),
      "old files: stamps only")

    // The same size, and the old time put back: only the inode (a new file) tells.
    let url = courses.appendingPathComponent("example/course.xml")
    try edit("Courses/example/course.xml") {
      $0.replacingOccurrences(of: "version=\"1.0.0\"", with: "version=\"1.2.0\"")
    }
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: url.path)
    #expect(try list().output.contains("example 1.2.0"))

    // Just edited: the bytes are kept and compared, whatever the stamps say.
    try edit("Courses/example/course.xml") {
      $0.replacingOccurrences(of: "version=\"1.2.0\"", with: "version=\"1.3.0\"")
    }
    #expect(try list().output.contains("example 1.3.0"))
    #expect((try String(contentsOf: cache, encoding: .utf8)).contains("contentKey"))
  }

  @Test func breakingAModuleOrSharedFileShowsTheCourseInvalid() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try list().output.contains("example 1.0.0"))
    try edit("Courses/example/modules/practice.xml") {
      $0.replacingOccurrences(of: "</module>", with: "")
    }
    let broken = try list()
    #expect(broken.output.contains("example  (invalid: 1 errors; run kurs validate"))
    try edit("Courses/example/modules/practice.xml") { $0 + "</module>\n" }
    #expect(try list().output.contains("example 1.0.0"))
    try edit("Content/glossary.xml") { $0.replacingOccurrences(of: "</content>", with: "") }
    #expect(try list().output.contains("(invalid:"))
  }

  @Test func aCacheThatCannotBeReadOrWrittenOnlyCostsSpeed() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(
      at: cacheHome.appendingPathComponent("kurs"), withIntermediateDirectories: true)
    try Data("{not json".utf8).write(to: cacheHome.appendingPathComponent("kurs/courses.json"))
    let result = try list()
    #expect(result.exitCode == 0)
    #expect(result.output.contains("example 1.0.0  Example: a safe walk home"))
  }

  /// Issue 19: the cache is a cache (`$XDG_CACHE_HOME/kurs`, else `~/.cache/kurs`), not part of
  /// the learners' data folder; Kurs 0.1's copy there is removed.
  @Test func theCacheLivesInTheXDGCacheFolderNotWithTheData() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let legacy = data.appendingPathComponent("cache/courses.json")
    try FileManager.default.createDirectory(
      at: legacy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data("{}".utf8).write(to: legacy)
    #expect(try list().exitCode == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: cacheHome.appendingPathComponent("kurs/courses.json").path))
    #expect(
      !FileManager.default.fileExists(atPath: legacy.path),
      "the old cache in the data folder is removed")
    #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("cache").path))

    // No XDG_CACHE_HOME: ~/.cache/kurs, in a clean environment as on a learner's computer.
    let home = root.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    let result = try KursProcess.run(
      ["courses", "--courses", courses.path],
      environment: ["HOME": home.path, "PATH": "/usr/bin:/bin"], inheritEnvironment: false)
    #expect(result.exitCode == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: home.appendingPathComponent(".cache/kurs/courses.json").path))
  }

  /// Issue 23: a folder Kurs cannot list is named with why, not reported as "no courses".
  @Test func aCoursesFolderThatCannotBeReadIsNamedWithWhy() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("not-a-folder")
    try Data("x".utf8).write(to: file)
    let result = try KursProcess.run(["courses", "--courses", file.path, "--data-dir", data.path])
    #expect(result.exitCode == 1)
    #expect(
      result.errors.contains("\(file.path) (")
        && result.errors.contains("cannot be read: not a folder"), "\(result.errors)")

    // Where permissions apply (not as root): an unreadable folder beside a readable one.
    guard geteuid() != 0 else { return }
    let locked = data.appendingPathComponent("courses")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path)
    }
    let listed = try KursProcess.run(["courses", "--data-dir", data.path], in: root)
    #expect(listed.output.contains("example 1.0.0"))
    #expect(
      listed.errors.contains("\(locked.path) cannot be read (permission denied)"),
      "\(listed.errors)")
  }

  /// The course of issue 16: one branch with 1,000 tests of 450 `false` terms and an
  /// always-true test over 16 flags (4 MB), which once kept `kurs validate` busy for minutes.
  static func hostileCourse() -> String {
    let falseTest = Array(repeating: "false", count: 450).joined(separator: " or ")
    let alwaysTrue = "not flag(f0) or " + (0..<16).map { "flag(f\($0))" }.joined(separator: " or ")
    let sets = (0..<16).map { #"<set flag="f\#($0)"/>"# }.joined()
    let tests = String(
      repeating: "      <when test=\"\(falseTest)\" goto=\"done\"/>\n", count: 1000)
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="hostile" version="1.0" languages="en" default-language="en">
      <title>Hostile</title>
      <module id="m" start="q" pass-mark="0">
        <title>M</title>
        <question id="q" kind="single" next="b">
          <prompt>Which?</prompt>
          <choice id="x" correct="true"><text>X</text>\(sets)</choice>
          <choice id="y"><text>Y</text></choice>
        </question>
        <branch id="b">
      \(tests)      <when test="\(alwaysTrue)" goto="done"/>
        </branch>
        <end id="done" outcome="pass"/>
      </module>
      </course>

      """
  }

  @Test func aCourseBuiltToExhaustTheValidatorIsListedAsInvalidAndTheOthersStillOffered() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let hostile = courses.appendingPathComponent("hostile")
    try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
    try Data(Self.hostileCourse().utf8).write(to: hostile.appendingPathComponent("course.xml"))

    let validated = try KursProcess.run(["validate", hostile.path])
    #expect(validated.exitCode == 1)
    #expect(
      validated.errors.contains(
        "error: branch 'b' has no <otherwise>, and its conditions are too large to check"))
    let listed = try list()
    #expect(listed.exitCode == 0)
    #expect(
      listed.output.contains("hostile  (invalid: 1 errors; run kurs validate"), "\(listed.output)")
    #expect(listed.output.contains("example 1.0.0"))
    let home = try KursProcess.run(
      ["--learner", "Ann", "--courses", courses.path, "--data-dir", data.path], input: "")
    #expect(
      home.output.contains("1. Example: a safe walk home (not started)"),
      "\(home.output) \(home.errors)")
    #expect(!home.output.contains("Hostile"))
  }
}
