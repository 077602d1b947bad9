import Foundation
import KursKit
import Testing

/// Kurs outside its checkout, as a learner who downloaded it and a trainer on another computer
/// meet it: the binary alone, an installed layout, courses copied to other paths, one-file
/// courses. Every run has a clean environment (HOME and the working folder elsewhere).
@Suite struct PortabilityTests {
  let root: URL
  let home: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-portable-\(UUID().uuidString)")
    home = root.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  /// `kurs` as a learner runs it: only HOME set, in HOME.
  func kurs(
    _ arguments: [String], binary: URL? = nil, input: String = "", in directory: URL? = nil
  ) throws -> KursProcess.Result {
    let result = try KursProcess.run(
      arguments, in: directory ?? home, input: input, environment: ["HOME": home.path],
      executable: binary,
      inheritEnvironment: false)
    #expect(
      [0, 1, 2, 3, 64].contains(result.exitCode),
      "\(arguments): \(result.exitCode) \(result.errors)")
    return result
  }

  /// Copies the bundled Courses/ and Content/ into `folder` (byte for byte).
  @discardableResult
  func copyCourses(to folder: URL, courses: String = "Courses", content: String = "Content") throws
    -> URL
  {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses"),
      to: folder.appendingPathComponent(courses))
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"),
      to: folder.appendingPathComponent(content))
    return folder.appendingPathComponent(courses)
  }

  /// Copies the binary alone to `folder`.
  func copyBinary(to folder: URL) throws -> URL {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let copy = folder.appendingPathComponent("kurs")
    try FileManager.default.copyItem(at: KursProcess.binary, to: copy)
    return copy
  }

  /// Completes the example course with `--courses courses`, as the learner Sveta, and returns
  /// the certificate the runner wrote (the Open Badges JSON).
  func completeExample(courses: URL, data: URL, checkedAgainst folder: URL) throws -> URL {
    let base = [
      "start", "example", "--learner", "Sveta", "--courses", courses.path, "--data-dir", data.path,
    ]
    _ = try kurs(base)
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    let learnerID = try #require(profiles?.first?["id"] as? String)
    let course = try #require(CourseLoader().load(path: folder.path).course)
    let explorer = PathExplorer(engine: Engine(course: course, language: "en", seed: learnerID))
    let basics = try #require(
      try explorer.paths(of: "basics", from: CourseState()).first { $0.status == .passed })
    let practice = try #require(
      try explorer.paths(of: "practice", from: basics.state).first { $0.status == .passed })
    let lines = ["", ""] + basics.lines + [""] + practice.lines + [""]
    let run = try kurs(base, input: lines.joined(separator: "\n") + "\n")
    #expect(run.output.contains("You have completed the course."), "\(run.output.suffix(600))")
    let certificates = data.appendingPathComponent("certificates/\(learnerID)")
    let names = try FileManager.default.contentsOfDirectory(atPath: certificates.path)
    let json = try #require(names.first { $0.hasSuffix(".json") })
    return certificates.appendingPathComponent(json)
  }

  @Test func theBinaryCopiedAloneChecksCoursesAndPrintsItsSchema() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let binary = try copyBinary(to: root.appendingPathComponent("downloads"))
    let schema = try kurs(["schema"], binary: binary)
    #expect(schema.exitCode == 0)
    #expect(
      schema.output.hasPrefix("<?xml")
        && schema.output.contains("targetNamespace=\"urn:kurs:course:1\""))

    let none = try kurs(["courses"], binary: binary)
    #expect(none.exitCode == 1)
    #expect(
      none.errors.contains(
        "no courses found; looked in \(home.path)/.local/share/kurs/courses (your courses)"))
    #expect(none.errors.contains("kurs add FILE"))

    let courses = try copyCourses(to: root.appendingPathComponent("work"))
    let valid = try kurs(
      ["validate", courses.appendingPathComponent("marina").path], binary: binary)
    #expect(valid.exitCode == 0, "\(valid.output)\(valid.errors)")
    #expect(valid.errors.contains("valid: 1 course"))
    let listed = try kurs(["courses", "--courses", courses.path], binary: binary)
    #expect(listed.output.contains("marina 1.0.0") && listed.output.contains("example 1.0.0"))
    #expect(!listed.output.contains("invalid"))
  }

  @Test func anInstalledLayoutIsFoundFromAnyFolder() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let prefix = root.appendingPathComponent("opt/kurs")
    let binary = try copyBinary(to: prefix.appendingPathComponent("bin"))
    try copyCourses(
      to: prefix.appendingPathComponent("share/kurs"), courses: "courses", content: "content")

    let listed = try kurs(["courses"], binary: binary)
    #expect(listed.exitCode == 0, "\(listed.errors)")
    #expect(
      listed.output.contains("courses in \(prefix.path)/bin/../share/kurs/courses:")
        || listed.output.contains("courses in \(prefix.path)/share/kurs/courses:"),
      "\(listed.output)")
    #expect(listed.output.contains("marina 1.0.0") && listed.output.contains("example 1.0.0"))
    #expect(!listed.output.contains("invalid"), "shared content is found in share/kurs/content")
    #expect(try kurs(["validate", "marina"], binary: binary).exitCode == 0)
    let started = try kurs(["start", "example", "--learner", "Ana"], binary: binary, input: "\n\n")
    #expect(
      started.output.contains("This example mentions a police stop."),
      "\(started.output.prefix(800))")
    #expect(started.exitCode == 3, "input ended: progress saved")
  }

  @Test func aCertificateVerifiesWithACopyOfTheCourseElsewhereSignedOrNot() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let here = try copyCourses(to: root.appendingPathComponent("trainer laptop/courses"))
    let there = try copyCourses(to: root.appendingPathComponent("other/computer"))
    let certificate = try completeExample(
      courses: here, data: root.appendingPathComponent("data"),
      checkedAgainst: here.appendingPathComponent("example"))

    let verified = try kurs(["certificate", "verify", certificate.path, "--courses", there.path])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
    #expect(verified.output.hasPrefix("valid: "))

    let keys = root.appendingPathComponent("keys")
    #expect(try kurs(["keys", "new", "--name", "trainer", "--out", keys.path]).exitCode == 0)
    let signed = try kurs([
      "certificate", "sign", certificate.path, "--key",
      keys.appendingPathComponent("trainer.key").path,
      "--issuer-name", "Trainer", "--courses", here.path,
    ])
    #expect(signed.exitCode == 0, "\(signed.output)\(signed.errors)")
    let token = certificate.deletingPathExtension().appendingPathExtension("jwt")
    let signedThere = try kurs([
      "certificate", "verify", token.path, "--issuer-key",
      keys.appendingPathComponent("trainer.pub").path,
      "--courses", there.path,
    ])
    #expect(signedThere.exitCode == 0, "\(signedThere.output)\(signedThere.errors)")
  }

  @Test func anExportImportsIntoACohortWhoseCourseLiesElsewhere() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let learnerCourses = try copyCourses(to: root.appendingPathComponent("learner"))
    let hostCourses = try copyCourses(to: root.appendingPathComponent("host/elsewhere"))
    let host = root.appendingPathComponent("host-data").path
    let created = try kurs([
      "cohort", "new", "spring", "--course", "example", "--courses", hostCourses.path, "--data-dir",
      host,
    ])
    #expect(created.exitCode == 0, "\(created.errors)")
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    let data = root.appendingPathComponent("learner-data").path
    #expect(try kurs(["join", String(code), "--learner", "Ana", "--data-dir", data]).exitCode == 0)
    _ = try kurs(
      [
        "start", "example", "--learner", "Ana", "--courses", learnerCourses.path, "--data-dir",
        data,
      ], input: "\n\n\n1\n\nq\n")
    let file = root.appendingPathComponent("Ana.json").path
    #expect(
      try kurs([
        "export", "--out", file, "--learner", "Ana", "--courses", learnerCourses.path, "--data-dir",
        data,
      ]).exitCode == 0)

    let imported = try kurs(["cohort", "import", "spring", file, "--data-dir", host])
    #expect(imported.exitCode == 0, "\(imported.output)\(imported.errors)")
    let report = try kurs([
      "cohort", "report", "spring", "--courses", hostCourses.path, "--data-dir", host,
    ])
    #expect(report.exitCode == 0, "\(report.errors)")
    #expect(report.output.contains("Ana"))
    let exported = try String(contentsOfFile: file, encoding: .utf8)
    let hostCourse = try #require(
      CourseLoader().load(path: hostCourses.appendingPathComponent("example").path).course)
    #expect(
      exported.contains(hostCourse.digest),
      "the export names the course by the identity the host's copy has")
  }

  @Test func aPackedCourseIsAddedPlaysLikeItsFolderAndItsCertificateVerifiesAgainstIt() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let trainer = try copyCourses(to: root.appendingPathComponent("trainer"))
    let packedFile = root.appendingPathComponent("sent/example.xml")
    try FileManager.default.createDirectory(
      at: packedFile.deletingLastPathComponent(), withIntermediateDirectories: true)
    let packed = try kurs(["pack", "example", "--courses", trainer.path, "--out", packedFile.path])
    #expect(packed.exitCode == 0, "\(packed.errors)")
    #expect(
      try kurs(["validate", "--strict", packedFile.path]).errors.contains(
        "valid: 1 course, 1 file, 0 errors"))
    #expect(
      try kurs(["pack", "example", "--courses", trainer.path, "--out", packedFile.path]).exitCode
        != 0, "never over a file")

    // The learner has no Content/ folder and no checkout: the one file is enough.
    let data = root.appendingPathComponent("learner-data")
    let added = try kurs(["add", packedFile.path, "--data-dir", data.path])
    #expect(added.exitCode == 0, "\(added.errors)")
    #expect(added.output.contains("added course 'example' 1.0.0"))
    let userCourses = data.appendingPathComponent("courses")
    #expect(
      FileManager.default.fileExists(
        atPath: userCourses.appendingPathComponent("example/course.xml").path))

    // The folder's passing path passes the packed course; its certificate verifies against the folder.
    let certificate = try completeExample(
      courses: userCourses, data: data, checkedAgainst: trainer.appendingPathComponent("example"))
    let verified = try kurs(["certificate", "verify", certificate.path, "--courses", trainer.path])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
  }

  @Test func aBrokenCourseIsNeitherPackedNorAdded() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let courses = try copyCourses(to: root.appendingPathComponent("work"))
    let module = courses.appendingPathComponent("example/modules/practice.xml")
    let text = try String(contentsOf: module, encoding: .utf8)
    try text.replacingOccurrences(of: "start=\"", with: "start=\"nowhere-").write(
      to: module, atomically: true, encoding: .utf8)
    let out = root.appendingPathComponent("example.xml")
    let packed = try kurs([
      "pack", courses.appendingPathComponent("example").path, "--out", out.path,
    ])
    #expect(packed.exitCode == 1)
    #expect(packed.errors.contains("practice.xml:"), "\(packed.errors)")
    #expect(!FileManager.default.fileExists(atPath: out.path))

    let data = root.appendingPathComponent("data")
    let added = try kurs([
      "add", courses.appendingPathComponent("example").path, "--data-dir", data.path,
    ])
    #expect(added.exitCode == 1)
    #expect(added.errors.contains("was not added; nothing was changed"))
    let leftovers =
      (try? FileManager.default.contentsOfDirectory(
        atPath: data.appendingPathComponent("courses").path)) ?? []
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
