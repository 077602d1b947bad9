import Foundation
import KursKit
import Testing

/// A host's cohort through the real binary: create, learners join and export, import, report.
@Suite struct CohortCommandsTests {
  @Test func aCohortFromJoinToReport() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kurs-cohort-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let created = try KursProcess.run(["cohort", "new", "spring", "--course", "example", "--data-dir", host])
    #expect(created.exitCode == 0)
    let code = try #require(created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst("Join code: ".count))

    var files: [String] = []
    for (name, script) in [("Ana", "\n\n\n1\n\nq\n"), ("Bea", "\n\n\n")] {
      let data = root.appendingPathComponent(name).path
      let joined = try KursProcess.run(["join", String(code), "--learner", name, "--data-dir", data])
      #expect(joined.exitCode == 0, "\(joined.errors)")
      _ = try KursProcess.run(["start", "example", "--learner", name, "--data-dir", data], input: script)
      let file = root.appendingPathComponent("\(name).json").path
      #expect(try KursProcess.run(["export", "--out", file, "--learner", name, "--data-dir", data]).exitCode == 0)
      let exported = try String(contentsOfFile: file, encoding: .utf8)
      #expect(exported.contains(Cohort.registration(forCode: String(code))), "statements carry the cohort's registration")
      files.append(file)
    }
    let garbage = root.appendingPathComponent("garbage.json").path
    try "{".write(toFile: garbage, atomically: true, encoding: .utf8)

    let imported = try KursProcess.run(["cohort", "import", "spring"] + files + [garbage, "--data-dir", host])
    #expect(imported.exitCode == 1, "one file was refused")
    #expect(imported.output.contains("added Ana") && imported.output.contains("added Bea"))
    #expect(imported.errors.contains("garbage.json: refused: this is not a Kurs export"))
    let again = try KursProcess.run(["cohort", "import", "spring"] + files + ["--data-dir", host])
    #expect(again.exitCode == 0)
    #expect(again.output.contains("unchanged"))
    // A folder stands for the .json files in it (here: the two exports and the garbage).
    let folder = try KursProcess.run(["cohort", "import", "spring", root.path, "--data-dir", host])
    #expect(folder.exitCode == 1)
    #expect(folder.output.contains("Ana.json: unchanged") && folder.output.contains("Bea.json: unchanged"))
    #expect(folder.output.contains("imported 2 of 3 files into cohort spring"))

    let html = root.appendingPathComponent("spring.html").path
    let report = try KursProcess.run(["cohort", "report", "spring", "--data-dir", host])
    #expect(report.exitCode == 0)
    #expect(report.output.contains("Ana") && report.output.contains("Bea"))
    #expect(report.output.contains("completion: started 2"))
    #expect(try KursProcess.run(["cohort", "report", "spring", "--html", html, "--data-dir", host]).exitCode == 0)
    #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
  }
}
