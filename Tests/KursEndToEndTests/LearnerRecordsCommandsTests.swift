import Foundation
import Testing

/// `kurs progress --json`, `kurs export` and `kurs forget` through the real binary.
@Suite struct LearnerRecordsCommandsTests {
  func learnerWithProgress(_ name: String) throws -> URL {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-records-\(UUID().uuidString)")
    let result = try KursProcess.run(
      ["start", "example", "--learner", name, "--data-dir", data.path], input: "\n\n\n1\n\nq\n")
    #expect(result.exitCode == 0)
    return data
  }

  @Test func progressJSONListsModulesWithScoresAndLocks() throws {
    let data = try learnerWithProgress("Dina")
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try KursProcess.run([
      "progress", "--json", "--learner", "Dina", "--data-dir", data.path,
    ])
    #expect(result.exitCode == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(json["learner"] as? String == "Dina")
    let course = try #require((json["courses"] as? [[String: Any]])?.first)
    let modules = try #require(course["modules"] as? [[String: Any]])
    #expect(modules.map { $0["id"] as? String } == ["basics", "practice"])
    #expect(modules[0]["status"] as? String == "in-progress")
    #expect(modules[1]["locked"] as? Bool == true)
  }

  @Test func exportWritesOneFileWithStatementsDigestAndPseudonymAndNeverOverwrites() throws {
    let data = try learnerWithProgress("Lena")
    defer { try? FileManager.default.removeItem(at: data) }
    let out = data.appendingPathComponent("lena-export.json")
    let result = try KursProcess.run([
      "export", "--out", out.path, "--learner", "Lena", "--data-dir", data.path,
    ])
    #expect(result.exitCode == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any])
    #expect((json["learner"] as? [String: Any])?["pseudonym"] as? String == "Lena")
    let course = try #require((json["courses"] as? [[String: Any]])?.first)
    #expect((course["digest"] as? String)?.count == 64)
    let statements = try #require(course["statements"] as? [[String: Any]])
    #expect(
      statements.contains {
        ($0["verb"] as? [String: Any])?["id"] as? String
          == "http://adlnet.gov/expapi/verbs/answered"
      })
    let permissions =
      try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
    #expect(permissions == 0o600)

    let before = try Data(contentsOf: out)
    let again = try KursProcess.run([
      "export", "--out", out.path, "--learner", "Lena", "--data-dir", data.path,
    ])
    #expect(again.exitCode == 1)
    #expect(again.errors.contains("already exists and was not changed"))
    #expect(try Data(contentsOf: out) == before)
  }

  @Test func forgetDeletesOnlyAfterTheNameIsTypedAgain() throws {
    let data = try learnerWithProgress("Marta")
    defer { try? FileManager.default.removeItem(at: data) }
    let learners = data.appendingPathComponent("learners")
    let kept = try KursProcess.run(["forget", "Marta", "--data-dir", data.path], input: "\n")
    #expect(kept.exitCode == 1)
    #expect(kept.output.contains("Nothing was deleted."))
    #expect(try FileManager.default.contentsOfDirectory(atPath: learners.path).count == 1)

    let gone = try KursProcess.run(["forget", "Marta", "--data-dir", data.path], input: "marta\n")
    #expect(gone.exitCode == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: learners.path).isEmpty)
    let profiles = try String(
      contentsOf: data.appendingPathComponent("learners.json"), encoding: .utf8)
    #expect(!profiles.contains("Marta"))
    let progress = try KursProcess.run(["progress", "--learner", "Marta", "--data-dir", data.path])
    #expect(progress.exitCode == 1)
    #expect(progress.errors.contains("there is no learner named 'Marta'"))
  }

  @Test func resumingAnUpdatedCourseSaysWhatChangedAndKeepsThePlace() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-change-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fileManager = FileManager.default
    try fileManager.createDirectory(
      at: root.appendingPathComponent("Courses"), withIntermediateDirectories: true)
    try fileManager.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"),
      to: root.appendingPathComponent("Courses/example"))
    try fileManager.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"),
      to: root.appendingPathComponent("Content"))
    let common = [
      "--learner", "Ira", "--data-dir", root.appendingPathComponent("data").path, "--courses",
      root.appendingPathComponent("Courses").path,
    ]
    let first = try KursProcess.run(["start", "example"] + common, input: "\n\n\n")
    #expect(first.exitCode == 3)
    let file = root.appendingPathComponent("Courses/example/course.xml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacingOccurrences(of: #"version="1.0.0""#, with: #"version="1.1.0""#)
      .replacingOccurrences(of: "An officer stops Anna", with: "A police officer stops Anna")
      .write(to: file, atomically: true, encoding: .utf8)
    let resumed = try KursProcess.run(["resume"] + common, input: "")
    #expect(
      resumed.errors.contains(
        "this course was updated since your last visit (version 1.0.0, now 1.1.0)"))
    #expect(resumed.output.contains("A police officer stops Anna"))
  }
}
