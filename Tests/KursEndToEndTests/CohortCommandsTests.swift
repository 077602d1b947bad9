import Foundation
import KursKit
import Testing

/// A host's cohort through the real binary: create, learners join and export, import, report.
@Suite struct CohortCommandsTests {
  @Test func aCohortFromJoinToReport() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-cohort-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let created = try KursProcess.run([
      "cohort", "new", "spring", "--course", "example", "--data-dir", host,
    ])
    #expect(created.exitCode == 0)
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))

    var files: [String] = []
    for (name, script) in [("Ana", "\n\n\n1\n\nq\n"), ("Bea", "\n\n\n")] {
      let data = root.appendingPathComponent(name).path
      let joined = try KursProcess.run([
        "join", String(code), "--learner", name, "--data-dir", data,
      ])
      #expect(joined.exitCode == 0, "\(joined.errors)")
      _ = try KursProcess.run(
        ["start", "example", "--learner", name, "--data-dir", data], input: script)
      let file = root.appendingPathComponent("\(name).json").path
      #expect(
        try KursProcess.run(["export", "--out", file, "--learner", name, "--data-dir", data])
          .exitCode == 0)
      let exported = try String(contentsOfFile: file, encoding: .utf8)
      #expect(
        exported.contains(Cohort.registration(forCode: String(code))),
        "statements carry the cohort's registration")
      files.append(file)
    }
    let garbage = root.appendingPathComponent("garbage.json").path
    try "{".write(toFile: garbage, atomically: true, encoding: .utf8)

    let imported = try KursProcess.run(
      ["cohort", "import", "spring"] + files + [garbage, "--data-dir", host])
    #expect(imported.exitCode == 1, "one file was refused")
    #expect(imported.output.contains("added Ana") && imported.output.contains("added Bea"))
    #expect(imported.errors.contains("garbage.json: refused: this is not a Kurs export"))
    let again = try KursProcess.run(["cohort", "import", "spring"] + files + ["--data-dir", host])
    #expect(again.exitCode == 0)
    #expect(again.output.contains("unchanged"))
    // A folder stands for the .json files in it (here: the two exports and the garbage).
    let folder = try KursProcess.run(["cohort", "import", "spring", root.path, "--data-dir", host])
    #expect(folder.exitCode == 1)
    #expect(
      folder.output.contains("Ana.json: unchanged") && folder.output.contains("Bea.json: unchanged")
    )
    #expect(folder.output.contains("imported 2 of 3 files into cohort spring"))

    let html = root.appendingPathComponent("spring.html").path
    let report = try KursProcess.run(["cohort", "report", "spring", "--data-dir", host])
    #expect(report.exitCode == 0)
    #expect(report.output.contains("Ana") && report.output.contains("Bea"))
    #expect(report.output.contains("completion: started the course 2"))
    #expect(
      try KursProcess.run(["cohort", "report", "spring", "--html", html, "--data-dir", host])
        .exitCode == 0)
    #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))

    // Issue 19.5: a report file is not overwritten silently; data to standard output with `-`,
    // confirmations to standard error; a missing folder is named as such.
    try "kept".write(toFile: html, atomically: true, encoding: .utf8)
    let twice = try KursProcess.run([
      "cohort", "report", "spring", "--html", html, "--data-dir", host,
    ])
    #expect(twice.exitCode == 1)
    #expect(twice.errors.contains("already exists and was kept"), "\(twice.errors)")
    #expect(try String(contentsOfFile: html, encoding: .utf8) == "kept")
    let replaced = try KursProcess.run([
      "cohort", "report", "spring", "--html", html, "--replace", "--data-dir", host,
    ])
    #expect(replaced.exitCode == 0)
    #expect(replaced.output.isEmpty && replaced.errors.contains("wrote \(html)"))
    #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<svg"))
    let csvOut = try KursProcess.run([
      "cohort", "report", "spring", "--csv", "-", "--data-dir", host,
    ])
    #expect(csvOut.exitCode == 0)
    #expect(csvOut.output.hasPrefix("\u{FEFF}learner,module,"))
    let htmlOut = try KursProcess.run([
      "cohort", "report", "spring", "--html", "-", "--data-dir", host,
    ])
    #expect(htmlOut.output.contains("<svg") && !htmlOut.output.contains("wrote"))
    let nowhere = root.appendingPathComponent("missing/report.csv").path
    let missing = try KursProcess.run([
      "cohort", "report", "spring", "--csv", nowhere, "--data-dir", host,
    ])
    #expect(missing.exitCode == 1)
    #expect(missing.errors.contains("does not exist"), "\(missing.errors)")
    let export = try KursProcess.run(
      [
        "export", "--out", root.appendingPathComponent("missing/ana.json").path, "--learner", "Ana",
        "--data-dir", root.appendingPathComponent("Ana").path,
      ])
    #expect(export.exitCode == 1)
    #expect(
      export.errors.contains("does not exist") && !export.errors.contains("permission"),
      "\(export.errors)")

    // Issue 19.3: the host's language for the report's own words, times for people.
    let russian = try KursProcess.run(
      ["cohort", "report", "spring", "--lang", "ru", "--data-dir", host], environment: ["TZ": "UTC"]
    )
    #expect(russian.exitCode == 0, "\(russian.errors)")
    #expect(
      russian.output.contains("Группа spring · Курс example · участников: 2"), "\(russian.output)")
    #expect(russian.output.contains("прохождение: начали курс 2"))
    #expect(
      russian.output.range(of: #"\d{4}-\d\d-\d\dT"#, options: .regularExpression) == nil,
      "no raw ISO timestamps")
    #expect(
      russian.output.range(of: #"\d+ [а-я]+\.? \d{4}, \d\d:\d\d UTC"#, options: .regularExpression)
        != nil, "\(russian.output)")
    let russianPage = try KursProcess.run(
      ["cohort", "report", "spring", "--html", "-", "--data-dir", host],
      environment: ["LANG": "ru_RU.UTF-8"])
    #expect(
      russianPage.output.contains(#"lang="ru""#)
        && russianPage.output.contains("<title>Воронка прохождения</title>"))
    #expect(!russianPage.output.contains("Completion funnel"))
  }

  /// Finding 16 through the binary: a learner's first export came from a computer whose clock
  /// said 2099; their later, longer export still gets in, the host is told why, and
  /// `--replace` lets the host keep a particular file.
  @Test func aFutureDatedExportIsAConflictTheHostSeesAndResolves() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-future-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let created = try KursProcess.run([
      "cohort", "new", "spring", "--course", "example", "--data-dir", host,
    ])
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    let data = root.appendingPathComponent("bea").path
    _ = try KursProcess.run(["join", String(code), "--learner", "Bea", "--data-dir", data])
    _ = try KursProcess.run(
      ["start", "example", "--learner", "Bea", "--data-dir", data], input: "\n\n")
    let early = root.appendingPathComponent("early.json")
    _ = try KursProcess.run(["export", "--out", early.path, "--learner", "Bea", "--data-dir", data])
    // The same records as a computer with a wrong clock would have written them.
    var wrongClock = try ExportFile.read(Data(contentsOf: early))
    for index in wrongClock.courses[0].statements.indices {
      wrongClock.courses[0].statements[index].timestamp = "2099-01-01T00:00:\(10 + index)Z"
    }
    wrongClock.exported = "2099-01-01T00:01:00Z"
    wrongClock.seal = nil
    try wrongClock.sealed().encoded().write(to: early)
    _ = try KursProcess.run(["resume", "--learner", "Bea", "--data-dir", data], input: "\n1\n")
    let later = root.appendingPathComponent("later.json").path
    _ = try KursProcess.run(["export", "--out", later, "--learner", "Bea", "--data-dir", data])

    #expect(
      try KursProcess.run(["cohort", "import", "spring", early.path, "--data-dir", host]).output
        .contains("added Bea"))
    let imported = try KursProcess.run(["cohort", "import", "spring", later, "--data-dir", host])
    #expect(imported.exitCode == 0, "\(imported.errors)")
    #expect(
      imported.output.contains(
        "\(later): dates of Bea disagree: one export is dated in the future"), "\(imported.output)")
    #expect(imported.output.contains("kept this export"))
    #expect(imported.output.contains("kurs cohort import spring FILE --replace"))
    let replaced = try KursProcess.run([
      "cohort", "import", "spring", early.path, "--replace", "--data-dir", host,
    ])
    #expect(replaced.exitCode == 0)
    #expect(replaced.output.contains("updated Bea"), "\(replaced.output)")
  }

  /// Finding 17: an export above the documented limit is refused before it is read (a sparse
  /// file: its size costs no disk), with the limit in the message.
  @Test func anExportAboveTheSizeLimitIsRefusedWithTheLimit() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-big-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    _ = try KursProcess.run(["cohort", "new", "spring", "--course", "example", "--data-dir", host])
    let big = root.appendingPathComponent("big.json")
    #expect(FileManager.default.createFile(atPath: big.path, contents: Data("{".utf8)))
    let handle = try FileHandle(forWritingTo: big)
    try handle.truncate(atOffset: UInt64(CohortStore.largestExport) + 1)
    try handle.close()
    let result = try KursProcess.run(["cohort", "import", "spring", big.path, "--data-dir", host])
    #expect(result.exitCode == 1)
    #expect(
      result.errors.contains(
        "\(big.path): refused: the file is 257 MB, above the limit of 256 MB for one export"),
      "\(result.errors)")
  }
}
