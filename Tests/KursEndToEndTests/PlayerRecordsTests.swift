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

  /// The page as the learner uses it: KursPlayer takes each input as a click gives it (also
  /// going back), journals it through records.js before the next screen, and a reload replays
  /// the journal and marks the session as resumed. The journal in the browser's storage must be
  /// the runner's for the same steps; the records and the certificate the page's buttons save
  /// must pass `kurs cohort import` and `kurs certificate verify`.
  @Test(arguments: [("example", UInt64(13)), ("marina", UInt64(12))])
  func theLearnersPageKeepsTheRunnersJournal(_ courseID: String, _ seed: UInt64) throws {
    guard HeadlessChromium.path != nil else {
      print(HeadlessChromium.missing)
      return
    }
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = try Self.course(courseID)
    let engine = Engine(course: course, language: "en", seed: Self.learnerID)
    let walk = try RecordsWalk(engine: engine, seed: seed, rightAnswers: 1, marks: false)
    #expect(walk.state.completed, "the walk completed the course")
    if course.modules.contains(where: \.allowBack) {
      #expect(walk.inputs.contains(.back), "the walk went back a page")
    }

    // The runner's journal for the same session: launched, the steps, and resumed on reload.
    let journalURL = folder.appendingPathComponent("runner.jsonl")
    let journal = Journal(url: journalURL, learnerID: Self.learnerID)
    var recorder = RecorderMirror(course: course, interval: 1234)
    let steps =
      walk.steps
      + [RecordsWalk.Step(session: .resumed, events: [], currentModule: walk.state.currentModule)]
    for step in steps { try journal.append(recorder.entry(step), course: course) }
    let runnerLines = try String(contentsOf: journalURL, encoding: .utf8)
      .split(separator: "\n").map(String.init)

    let driver = """
      const learnerID = "\(Self.learnerID)";
      const inputs = \(try Self.scriptJSON(walk.inputs));
      const stored = {};
      const storage = {
        getItem: (key) => (key in stored ? stored[key] : null),
        setItem: (key, value) => { stored[key] = String(value); },
        removeItem: (key) => { delete stored[key]; },
      };
      storage.setItem("kurs/\(courseID)/learner", learnerID);
      let ids = 0;
      let times = 0;
      const settings = {
        storage: storage,
        newID: () => "00000000-0000-4000-8000-" + String(++ids).padStart(12, "0"),
        now: () => new Date(\(RecorderMirror.start) + (times++) * 1234),
      };
      KursPlayer.start(settings);
      const refusals = [];
      for (const input of inputs) {
        const result = KursPlayer.input(input);
        if (result && result.refusal) refusals.push(JSON.stringify(result.refusal));
      }
      // A reload: the journal is read from storage and replayed.
      KursPlayer.start(settings);
      const journal = JSON.parse(stored["kurs/\(courseID)/learner".replace("learner", "journal")]);
      const course = JSON.parse(document.getElementById("kurs-course").textContent);
      const engine = KursPlayer.engine();
      const report = {
        refusals: refusals,
        lines: journal.map(KursRecords.line),
        completed: KursPlayer.state().completed,
        language: engine.language,
        saveButtons: Array.from(document.querySelectorAll(".records button")).map((b) => b.textContent),
        exportFile: KursRecords.saveExport({
          course: course, learnerID: learnerID, pseudonym: "Sveta", statements: journal,
          now: \(RecorderMirror.start), offer: false }).text,
      };
      try {
        report.certificate = KursRecords.saveCertificate({
          course: course, engine: engine, learnerID: learnerID, learnerName: "Sveta",
          statements: journal, language: engine.language, now: \(RecorderMirror.start),
          id: "00000000-0000-4000-8000-999999999998", offer: false }).text;
      } catch (error) {
        report.certificateError = JSON.stringify(error) + " " + String(error);
      }
      // The learner's way: a name, then the buttons; the files they offer are caught here.
      const blobs = [];
      URL.createObjectURL = (blob) => { blobs.push(blob); return "blob:kurs-test"; };
      URL.revokeObjectURL = () => {};
      const field = document.getElementById("kurs-records-name");
      const buttons = Array.from(document.querySelectorAll(".records button"));
      buttons[0].click();
      report.withoutName = document.querySelector(".records-status").textContent;
      field.value = "Sveta";
      for (const button of buttons) button.click();
      report.status = document.querySelector(".records-status").textContent;
      Promise.all(blobs.map((blob) => blob.text())).then((texts) => {
        report.downloads = texts;
        kursReport(report);
      });
      """
    let page = try PlayerPage.html(course: course, options: PlayerPage.Options())
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: folder) as? [String: Any])
    if let error = report["driverError"] { Issue.record("the driver failed: \(error)") }
    #expect((report["refusals"] as? [String])?.isEmpty == true, "\(report["refusals"] ?? "")")
    #expect(report["completed"] as? Bool == true)
    let lines = try #require(report["lines"] as? [String])
    let difference = Self.firstDifference(lines, runnerLines)
    #expect(difference == nil, "\(courseID): \(difference ?? "")")
    // The contents screen after the reload offers both files.
    #expect(
      report["saveButtons"] as? [String] == ["Save my records", "Save my certificate"],
      "\(report["saveButtons"] ?? "")")

    #expect(
      report["withoutName"] as? String
        == "Type a name first (no line breaks or control characters, at most 200 letters).")
    #expect(
      (report["status"] as? String)?.hasPrefix("Saved as \(courseID).json in your downloads")
        == true,
      "\(report["status"] ?? "")")
    let downloads = try #require(report["downloads"] as? [String])
    try #require(downloads.count == 2, "two files were offered: \(downloads.count)")

    // "Save my records": the file the button offered; a cohort takes it.
    // The same file as saveExport's but for the time it was saved (the seal leaves it out).
    func withoutTime(_ text: String?) -> String? {
      text?.replacingOccurrences(
        of: #""exported" : "[^"]*""#, with: #""exported" : """#, options: .regularExpression)
    }
    #expect(
      withoutTime(report["exportFile"] as? String) == withoutTime(downloads[0]),
      "the button's export is the export of the journal")
    let host = folder.appendingPathComponent("host").path
    _ = try KursProcess.run(["cohort", "new", "phones", "--course", courseID, "--data-dir", host])
    let export = folder.appendingPathComponent("export.json")
    try downloads[0].write(to: export, atomically: true, encoding: .utf8)
    let imported = try KursProcess.run([
      "cohort", "import", "phones", export.path, "--data-dir", host,
    ])
    #expect(imported.exitCode == 0, "\(imported.output) \(imported.errors)")
    let cohortReport = try KursProcess.run(["cohort", "report", "phones", "--data-dir", host])
    #expect(cohortReport.output.contains("Sveta"), "\(cohortReport.output)")
    #expect(cohortReport.output.contains("received the certificate 1"), "\(cohortReport.output)")

    // "Save my certificate": the runner's own, and `kurs certificate verify` accepts it.
    if let error = report["certificateError"] { Issue.record("no certificate: \(error)") }
    let text = try #require(report["certificate"] as? String)
    let language = try #require(report["language"] as? String)
    let swift = try CertificateIssuer.issue(
      course: course, learnerID: Self.learnerID, learnerName: "Sveta",
      transcript: walk.recordedInputs,
      date: Date(timeIntervalSince1970: RecorderMirror.start / 1000), language: language,
      id: "00000000-0000-4000-8000-999999999998")
    #expect(text == String(decoding: try swift.json(), as: UTF8.self))
    let file = folder.appendingPathComponent("\(courseID).json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let verified = try KursProcess.run(["certificate", "verify", file.path])
    #expect(verified.exitCode == 0, "\(verified.output) \(verified.errors)")
    // The certificate the button offered passes too.
    let offered = folder.appendingPathComponent("offered-\(courseID).json")
    try downloads[1].write(to: offered, atomically: true, encoding: .utf8)
    let offeredVerified = try KursProcess.run(["certificate", "verify", offered.path])
    #expect(offeredVerified.exitCode == 0, "\(offeredVerified.output) \(offeredVerified.errors)")
    #expect(offeredVerified.output.contains("Sveta"), "\(offeredVerified.output)")
  }
}
