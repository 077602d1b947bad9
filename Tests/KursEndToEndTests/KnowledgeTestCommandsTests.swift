import Foundation
import Testing

/// A course with a knowledge test before and after, through the real binary: nothing is told
/// during the tests, a learner can stop in the middle and come back, the post-test shows the
/// review, and the host's report shows the gains.
@Suite struct KnowledgeTestCommandsTests {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kurs-knowledge-\(UUID().uuidString)")
  let courses = KursProcess.repository.appendingPathComponent("Tests/KursKitTests/Fixtures/courses")
    .path

  func kurs(_ arguments: [String], data: String, input: String = "") throws -> KursProcess.Result {
    try KursProcess.run(arguments + ["--courses", courses, "--data-dir", data], input: input)
  }

  @Test func theTestsTellNothingUntilTheEndAndResumeMidTest() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("ana").path
    // The pre-test: a wrong answer, then stop at the second question.
    let first = try kurs(["start", "knowledge", "--learner", "Ana"], data: data, input: "2\n\nq\n")
    #expect(
      first.output.contains(
        "Your answer is saved. You will see the right answers and explanations after the"))
    #expect(
      !first.output.contains("Correct") && !first.output.contains("Not correct")
        && !first.output.contains("points 0 of"))
    #expect(!first.output.contains("Try again"), "one try only")
    // Back at the same question of the pre-test.
    let resumed = try kurs(
      ["resume", "--learner", "Ana"], data: data, input: "1\n\n\n\n\n1\n\n1\n\n\n")
    #expect(resumed.output.contains("A written complaint should carry its date."))
    #expect(resumed.output.contains("This test is not graded"))
    #expect(
      resumed.output.contains("Before the course: 1 of 3 points. After: 3 of 3 points."),
      "\(resumed.output)")
    #expect(resumed.output.contains("not right before, right after"))
    #expect(resumed.output.contains("You have completed the course."))
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    let again = try kurs(
      ["start", "knowledge", "--module", "before", "--learner", "Ana"], data: data)
    #expect(again.exitCode != 0)
    #expect(again.errors.contains("you have taken the knowledge test 'before' already"))
  }

  @Test func theHostSeesEachLearnersGainAndEachItemsChange() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let created = try kurs(["cohort", "new", "spring", "--course", "knowledge"], data: host)
    #expect(created.exitCode == 0, "\(created.errors)")
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    var files: [String] = []
    // Ana: wrong then right on q-stop, right both times on q-true (1 → 3). Bea: wrong, wrong → right, wrong (0 → 2).
    for (name, script) in [
      ("Ana", "2\n\n1\n\n\n\n\n1\n\n1\n\n\n"), ("Bea", "2\n\n2\n\n\n\n\n1\n\n2\n\n\n"),
    ] {
      let data = root.appendingPathComponent(name).path
      #expect(try kurs(["join", String(code), "--learner", name], data: data).exitCode == 0)
      let run = try kurs(["start", "knowledge", "--learner", name], data: data, input: script)
      #expect(
        run.output.contains("Before and after the course"), "\(name): \(run.output.suffix(400))")
      let file = root.appendingPathComponent("\(name).json").path
      #expect(try kurs(["export", "--out", file, "--learner", name], data: data).exitCode == 0)
      files.append(file)
    }
    #expect(try kurs(["cohort", "import", "spring"] + files, data: host).exitCode == 0)
    let report = try kurs(["cohort", "report", "spring"], data: host)
    #expect(
      report.output.contains("  Ana: before 1, after 3, gain +2, normalised gain 1.00"),
      "\(report.output)")
    #expect(report.output.contains("  Bea: before 0, after 2, gain +2, normalised gain 0.67"))
    #expect(
      report.output.contains(
        "  group (took both: 2): before 0.50, after 2.50, gain 2.00, normalised gain 0.80"))
    #expect(report.output.contains("  q-stop: 2 of 2 from wrong to right"))
    let csv = root.appendingPathComponent("spring.csv").path
    let html = root.appendingPathComponent("spring.html").path
    #expect(
      try kurs(["cohort", "report", "spring", "--csv", csv, "--html", html], data: host).exitCode
        == 0)
    #expect(
      try String(contentsOfFile: csv, encoding: .utf8).contains(
        ",after_before,after_after,after_gain,after_normalized_gain"))
    #expect(
      try String(contentsOfFile: html, encoding: .utf8).contains("Knowledge test before and after"))
    let json = try kurs(["cohort", "report", "spring", "--json"], data: host)
    #expect(json.output.contains("\"normalizedGain\" : 0.8"))
  }
}
