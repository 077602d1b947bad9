import Foundation
import KursKit
import Testing

/// Issue 22, point 2: the page's records are the runner's. Paths through the example course and
/// Marina's course are played in the Swift engine; the page (records.js in the published file,
/// in headless Chromium) writes the statements of the same steps with the same clock and ids,
/// and they must be the runner's byte for byte; the runner's reader must read the page's
/// journal back to the same state; the page's export must be `kurs export`'s and `kurs cohort
/// import` must take it; the page's certificate must be the runner's and pass `kurs certificate
/// verify`.
@Suite(.serialized) struct PlayerRecordsTests {
  static let learnerID = "5f0c2a9e-3b7d-4c1e-9a2b-6d8e0f1a2b3c"

  struct Played {
    var course: Course
    var walk: RecordsWalk
    /// The runner's journal lines for the walk.
    var swiftLines: [String]
    var swiftEntries: [Journal.Entry]
    /// What the page reported.
    var report: [String: Any]
  }

  static func course(_ id: String) throws -> Course {
    try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/\(id)").path
      ).course)
  }

  /// JSON text safe inside the page's `<script>`.
  static func scriptJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
      .replacingOccurrences(of: "<", with: "\\u003c")
  }

  struct DriverStep: Encodable {
    var input: EngineInput?
    var session: Journal.SessionMark?
    var events: [EngineEvent]
    var currentModule: String?
  }

  /// Plays `courseID` along the path of `seed` through the Swift engine and the runner's
  /// journal, and the same steps through the page's records.js.
  static func play(
    _ courseID: String, seed: UInt64, rightAnswers: Double = 0.8, language: String = "en",
    certificate: Bool = false, in folder: URL
  ) throws -> Played {
    let course = try course(courseID)
    let engine = Engine(course: course, language: language, seed: learnerID)
    let walk = try RecordsWalk(
      engine: engine, seed: seed, rightAnswers: certificate ? 1 : rightAnswers)
    // The runner's side: SessionRecorder's entries, written by Journal.append.
    let journalURL = folder.appendingPathComponent("\(courseID)-\(seed).jsonl")
    let journal = Journal(url: journalURL, learnerID: learnerID)
    var recorder = RecorderMirror(course: course)
    for step in walk.steps { try journal.append(recorder.entry(step), course: course) }
    let swiftLines = try String(contentsOf: journalURL, encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let swiftEntries = try journal.read().entries

    let steps = walk.steps.map {
      DriverStep(
        input: $0.input, session: $0.session, events: $0.events, currentModule: $0.currentModule)
    }
    let driver = """
      const course = JSON.parse(document.getElementById("kurs-course").textContent);
      const steps = \(try scriptJSON(steps));
      const learnerID = "\(learnerID)";
      let ids = 0;
      let times = 0;
      const recorder = new KursRecords.Recorder({
        course: course, learnerID: learnerID, actorName: null,
        newID: () => "00000000-0000-4000-8000-" + String(++ids).padStart(12, "0"),
        now: () => \(RecorderMirror.start) + (times++) * 1234.125,
      });
      const statements = [];
      for (const step of steps) {
        for (const statement of recorder.statements(
          step.input || null, step.events, step.session || null, step.currentModule || null)) {
          statements.push(statement);
        }
      }
      // What the page keeps in the browser's storage is the statements as JSON: read back.
      const stored = JSON.parse(JSON.stringify(statements));
      const report = {
        lines: statements.map(KursRecords.line),
        inputs: KursRecords.inputs(stored).map((input) => KursRecords.json(input)),
        exportFile: KursRecords.exportFile(
          { id: learnerID, pseudonym: "Sveta" }, \(RecorderMirror.start),
          [{ id: course.id, version: course.version, digest: course.digest, statements: stored }]),
      };
      if (\(certificate)) {
        if (typeof KursEngine !== "function" || !KursEngine.prototype.apply) {
          report.certificateError = "no engine.js in the page";
        } else {
          try {
            const engine = new KursEngine(course, "\(language)", learnerID);
            report.certificate = KursRecords.certificateJSON(KursRecords.certificate({
              course: course, engine: engine, learnerID: learnerID, learnerName: "Sveta Ж.",
              inputs: KursRecords.inputs(stored), date: \(RecorderMirror.start),
              language: "\(language)", id: "00000000-0000-4000-8000-999999999999",
            }));
          } catch (error) {
            report.certificateError = JSON.stringify(error) + " " + String(error);
          }
        }
      }
      kursReport(report);
      """
    let page = try PlayerPage.html(course: course, options: PlayerPage.Options())
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: folder) as? [String: Any])
    if let error = report["driverError"] { Issue.record("the driver failed: \(error)") }
    return Played(
      course: course, walk: walk, swiftLines: swiftLines, swiftEntries: swiftEntries,
      report: report)
  }

  static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-player-records-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The first line where two journals differ, both sides shown.
  static func firstDifference(_ page: [String], _ runner: [String]) -> String? {
    for index in 0..<max(page.count, runner.count) {
      let left = index < page.count ? page[index] : "(none)"
      let right = index < runner.count ? runner[index] : "(none)"
      if left != right { return "line \(index + 1):\npage:   \(left)\nrunner: \(right)" }
    }
    return nil
  }

  /// Courses, seeds and how often the walk answers right (wrong answers bring hints, penalties,
  /// failed modules and retakes).
  static let paths: [(String, UInt64, Double)] = [
    ("example", 1, 0.8), ("example", 2, 0.8), ("example", 3, 0.3), ("marina", 1, 0.8),
    ("marina", 2, 0.8), ("marina", 3, 0.4), ("police", 1, 0.5),
  ]

  @Test(arguments: paths)
  func thePageWritesTheRunnersStatements(_ courseID: String, _ seed: UInt64, _ right: Double)
    throws
  {
    guard HeadlessChromium.path != nil else {
      print(HeadlessChromium.missing)
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let played = try Self.play(courseID, seed: seed, rightAnswers: right, in: folder)
    let lines = try #require(played.report["lines"] as? [String])
    #expect(played.walk.steps.count > 10, "the walk went somewhere")
    #expect(played.swiftLines.contains { $0.contains("\"answered\"") }, "questions were answered")
    #expect(lines.count == played.swiftLines.count)
    let difference = Self.firstDifference(lines, played.swiftLines)
    #expect(difference == nil, "\(courseID) seed \(seed): \(difference ?? "")")

    // The runner's reader reads the page's journal: the same steps, and replay leads to the
    // state the engine reached.
    let pageJournal = folder.appendingPathComponent("page.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(
      to: pageJournal, atomically: true, encoding: .utf8)
    let (entries, notice) = try Journal(url: pageJournal, learnerID: Self.learnerID).read()
    #expect(notice == nil)
    #expect(entries == played.swiftEntries)
    let engine = Engine(course: played.course, language: "en", seed: Self.learnerID)
    let outcome = Replay.rebuild(entries, engine: engine)
    #expect(outcome.state == played.walk.state, "replaying the page's journal")
    #expect(outcome.gaps.isEmpty && outcome.change == nil)

    // KursRecords.inputs: the recorded inputs, as the certificate's transcript takes them.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let expected = try entries.compactMap(\.input).map {
      String(decoding: try encoder.encode($0), as: UTF8.self)
    }
    #expect(played.report["inputs"] as? [String] == expected)
  }

  @Test func thePagesExportIsKursExportsAndCohortImportTakesIt() throws {
    guard HeadlessChromium.path != nil else {
      print(HeadlessChromium.missing)
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let played = try Self.play("example", seed: 4, in: folder)
    let text = try #require(played.report["exportFile"] as? String)

    // Byte for byte the file `kurs export` writes for these statements.
    let decoder = JSONDecoder()
    let statements = try played.swiftLines.map {
      try decoder.decode(Statement.self, from: Data($0.utf8))
    }
    let swift = try ExportFile(
      exported: Journal.timestamp(Date(timeIntervalSince1970: RecorderMirror.start / 1000)),
      learner: ExportFile.Learner(id: Self.learnerID, pseudonym: "Sveta"),
      courses: [
        ExportFile.CourseRecords(
          id: played.course.id, version: played.course.version, digest: played.course.digest,
          statements: statements)
      ]
    ).sealed().encoded()
    #expect(text == String(decoding: swift, as: UTF8.self))
    #expect(try ExportFile.read(Data(text.utf8)).learner.id == Self.learnerID)

    // The real binary: a host's cohort takes the page's export and counts the learner.
    let host = folder.appendingPathComponent("host").path
    let created = try KursProcess.run([
      "cohort", "new", "phones", "--course", "example", "--data-dir", host,
    ])
    #expect(created.exitCode == 0, "\(created.errors)")
    let file = folder.appendingPathComponent("kurs-export-sveta.json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let imported = try KursProcess.run([
      "cohort", "import", "phones", file.path, "--data-dir", host,
    ])
    #expect(imported.exitCode == 0, "\(imported.output) \(imported.errors)")
    #expect(imported.output.contains("added Sveta"), "\(imported.output)")
    let report = try KursProcess.run(["cohort", "report", "phones", "--data-dir", host])
    #expect(report.exitCode == 0)
    #expect(report.output.contains("Sveta"), "\(report.output)")
    #expect(report.output.contains("started the course 1"), "\(report.output)")

    // An export changed after the page sealed it is refused.
    let tampered = folder.appendingPathComponent("kurs-export-edited.json")
    try text.replacingOccurrences(of: "\"Sveta\"", with: "\"Sveto\"").write(
      to: tampered, atomically: true, encoding: .utf8)
    let refused = try KursProcess.run([
      "cohort", "import", "phones", tampered.path, "--data-dir", host,
    ])
    #expect(refused.exitCode != 0)
    #expect(refused.errors.contains("seal does not match"), "\(refused.errors)")
  }

  @Test(arguments: [("example", "en"), ("marina", "ru")])
  func thePagesCertificateIsTheRunnersAndVerifies(_ courseID: String, _ language: String) throws {
    guard HeadlessChromium.path != nil else {
      print(HeadlessChromium.missing)
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let played = try Self.play(
      courseID, seed: 5, language: language, certificate: true, in: folder)
    #expect(played.walk.state.completed, "the walk completed the course")
    if let error = played.report["certificateError"] {
      Issue.record("the page issued no certificate: \(error)")
      return
    }
    let text = try #require(played.report["certificate"] as? String)
    let swift = try CertificateIssuer.issue(
      course: played.course, learnerID: Self.learnerID, learnerName: "Sveta Ж.",
      transcript: played.walk.recordedInputs,
      date: Date(timeIntervalSince1970: RecorderMirror.start / 1000), language: language,
      id: "00000000-0000-4000-8000-999999999999")
    #expect(text == String(decoding: try swift.json(), as: UTF8.self))

    let file = folder.appendingPathComponent("\(courseID).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let verified = try KursProcess.run(["certificate", "verify", file.path])
    #expect(verified.exitCode == 0, "\(verified.output) \(verified.errors)")

    // A certificate edited after the page issued it fails.
    let credential = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    var kurs = try #require(credential?["kurs"] as? [String: Any])
    kurs["total"] = ((kurs["total"] as? Int) ?? 0) + 5
    var edited = try #require(credential)
    edited["kurs"] = kurs
    let tampered = folder.appendingPathComponent("\(courseID)-edited.json")
    try JSONSerialization.data(withJSONObject: edited).write(to: tampered)
    let refused = try KursProcess.run(["certificate", "verify", tampered.path])
    #expect(refused.exitCode != 0, "\(refused.output)")
  }
}
