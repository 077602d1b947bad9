import Foundation
import KursKit
import Testing

/// Plays courses through the real binary in scripted mode (one answer per line on standard
/// input), along every route the engine can find, and checks where the learner ends up.
@Suite struct RunnerPathTests {
  /// Creates a learner through the binary and returns the data folder and the learner's id.
  func newLearner(_ name: String) throws -> (URL, String) {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-e2e-\(UUID().uuidString)")
    _ = try KursProcess.run(
      ["start", "example", "--learner", name, "--data-dir", data.path], input: "")
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    let id = try #require(profiles?.first?["id"] as? String)
    return (data, id)
  }

  func course(_ id: String) throws -> Course {
    try #require(
      CourseLoader().load(path: KursProcess.repository.appendingPathComponent("Courses/\(id)").path)
        .course)
  }

  /// The lines before a module's first screen: the course note on a first visit, the module note.
  func opening(_ course: Course, module: String, firstVisit: Bool) -> [String] {
    var lines: [String] = []
    if firstVisit, !course.contentNote.isEmpty { lines.append("") }
    if let note = course.module(module)?.contentNote, !note.isEmpty { lines.append("") }
    return lines
  }

  @Test func everyRouteOfTheExampleCourseReachesItsEnd() throws {
    let course = try course("example")
    for language in ["en", "ru"] {
      let (data, id) = try newLearner("path-\(language)")
      defer { try? FileManager.default.removeItem(at: data) }
      let engine = Engine(course: course, language: language, seed: id)
      let explorer = PathExplorer(engine: engine)
      let basics = try explorer.paths(of: "basics", from: CourseState())
      // Two choices at 'stop', three routes at 'route': five of the six graph paths can happen
      // (well-prepared needs the flag set by choosing 'calm').
      #expect(
        Set(
          basics.map {
            $0.nodes.filter { ["well-prepared", "review", "what-to-note"].contains($0) }
          }
        ).count == 3)
      #expect(Set(basics.map(\.status)) == [.passed, .failed])
      for path in basics {
        let folder = data.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
          at: data.appendingPathComponent("learners.json"),
          to: folder.appendingPathComponent("learners.json"))
        let lines = opening(course, module: "basics", firstVisit: true) + path.lines + ["", "q"]
        let result = try KursProcess.run(
          [
            "start", "example", "--learner", "path-\(language)", "--data-dir", folder.path,
            "--lang", language,
          ],
          input: lines.joined(separator: "\n") + "\n")
        #expect(result.exitCode == 0, "\(path.nodes) \(result.errors)")
        let expected = Localization.string(
          path.status == .passed ? .statusPassed : .statusFailed, language)
        #expect(result.output.contains(expected), "\(path.nodes)")
        let progress = try KursProcess.run([
          "progress", "--learner", "path-\(language)", "--data-dir", folder.path, "--lang",
          language,
        ])
        #expect(progress.output.contains(expected), "\(path.nodes)")
      }
    }
  }

  @Test func secondModuleOpensAfterTheFirstAndCompletesTheCourse() throws {
    let course = try course("example")
    let (data, id) = try newLearner("whole")
    defer { try? FileManager.default.removeItem(at: data) }
    let engine = Engine(course: course, language: "en", seed: id)
    let explorer = PathExplorer(engine: engine)
    let basics = try #require(
      try explorer.paths(of: "basics", from: CourseState()).first {
        $0.status == .passed && $0.nodes.contains("well-prepared")
      })
    let practicePaths = try explorer.paths(of: "practice", from: basics.state)
    #expect(practicePaths.contains { $0.status == .passed })
    let practice = try #require(practicePaths.first { $0.status == .passed })
    let lines =
      opening(course, module: "basics", firstVisit: true) + basics.lines + [""]
      + opening(course, module: "practice", firstVisit: false) + practice.lines + [""]
    let result = try KursProcess.run(
      ["start", "example", "--learner", "whole", "--data-dir", data.path],
      input: lines.joined(separator: "\n") + "\n")
    #expect(result.exitCode == 0)
    #expect(result.output.contains("You have completed the course."))
    // The certificate is issued in three forms, and it verifies against the course.
    let folder = data.appendingPathComponent("certificates/\(id)")
    #expect(result.output.contains("Your certificate is saved in"))
    for name in ["example.txt", "example.html", "example.json"] {
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
    }
    let verified = try KursProcess.run([
      "certificate", "verify", folder.appendingPathComponent("example.json").path,
    ])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
  }

  @Test func endOfInputSavesAndResumeContinuesAtTheSameQuestion() throws {
    let (data, _) = try newLearner("resumer")
    defer { try? FileManager.default.removeItem(at: data) }
    let first = try KursProcess.run(
      ["start", "example", "--learner", "resumer", "--data-dir", data.path], input: "\n\n\n")
    #expect(first.exitCode == 3)
    #expect(first.output.contains("kurs resume"))
    let resumed = try KursProcess.run(
      ["resume", "--learner", "resumer", "--data-dir", data.path], input: "")
    #expect(resumed.output.contains("What should Anna do first?"))
    #expect(!resumed.output.contains("Before you start"))
  }

  @Test func invalidAnswersRepromptWithoutCostingATry() throws {
    let (data, _) = try newLearner("typo")
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try KursProcess.run(
      ["start", "example", "--learner", "typo", "--data-dir", data.path],
      input: "\n\n\n7\nabc\n1 2\n")
    #expect(result.output.contains("Type one number from 1 to 2."))
    #expect(!result.output.contains("tries left"))
  }

  @Test func keysWorkAtEveryPrompt() throws {
    let (data, _) = try newLearner("keys")
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try KursProcess.run(
      ["start", "example", "--learner", "keys", "--data-dir", data.path, "--plain"],
      input: "\n\n?\np\nr\n1\nq\n")
    #expect(result.exitCode == 0)
    #expect(result.output.contains("Keys you can type at any prompt:"))
    #expect(result.output.contains("Basics: in progress"))
    #expect(result.output.contains("Where to get help"))
    #expect(result.output.contains("Your progress is saved."))
    #expect(!result.output.contains("\u{1B}["))
  }

  /// One route to each ending of a module and each result there (passed, failed), played through
  /// the binary in one language.
  struct PlayedEnding {
    var path: PathExplorer.Path
    var output: String
  }

  /// Plays `module` of `courseID` through the real binary in each language, along one route to
  /// each of its endings and each result there: the modules before it are first passed through
  /// the binary, as a learner would. Checks that every ending is reached, that its title is shown
  /// and that `kurs progress` gives the result; returns what was played, by language.
  func playEveryEnding(of module: String, in courseID: String) throws -> [String: [PlayedEnding]] {
    let course = try course(courseID)
    let index = try #require(course.modules.firstIndex { $0.id == module })
    let definition = try #require(course.module(module))
    let endIDs = Set(
      definition.nodes.compactMap { node -> String? in
        if case .end = node.kind { return node.id }
        return nil
      })
    var played: [String: [PlayedEnding]] = [:]
    for language in ["en", "ru"] {
      let name = "\(courseID)-\(module)-\(language)"
      let (data, id) = try newLearner(name)
      defer { try? FileManager.default.removeItem(at: data) }
      let explorer = PathExplorer(engine: Engine(course: course, language: language, seed: id))
      var state = CourseState()
      var before: [String] = []
      for earlier in course.modules[..<index] {
        let passed = try #require(
          try explorer.paths(of: earlier.id, from: state).first { $0.status == .passed })
        before +=
          opening(course, module: earlier.id, firstVisit: state == CourseState()) + passed.lines + [
            ""
          ]
        state = passed.state
      }
      let paths = try explorer.paths(of: module, from: state)
      #expect(Set(paths.map(\.end)) == endIDs, "\(module) \(language): every end is reached")
      // One path for each end and each result at that end.
      var chosen: [String: PathExplorer.Path] = [:]
      for path in paths where chosen["\(path.end)=\(path.status)"] == nil {
        chosen["\(path.end)=\(path.status)"] = path
      }
      for path in chosen.values.sorted(by: { "\($0.end)\($0.status)" < "\($1.end)\($1.status)" }) {
        let folder = data.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
          at: data.appendingPathComponent("learners.json"),
          to: folder.appendingPathComponent("learners.json"))
        let lines =
          before + opening(course, module: module, firstVisit: index == 0) + path.lines + ["", "q"]
        let result = try KursProcess.run(
          [
            "start", courseID, "--learner", name, "--data-dir", folder.path, "--lang", language,
            "--plain",
          ],
          input: lines.joined(separator: "\n") + "\n")
        #expect(result.exitCode == 0, "\(module) \(language) \(path.end): \(result.errors)")
        guard let node = definition.node(path.end), case .end(let end) = node.kind else {
          Issue.record("\(path.end) is not an end of \(module)")
          continue
        }
        let endTitle = try #require(
          end.title.resolve(language, fallback: course.defaultLanguage)?.plain)
        #expect(
          result.output.contains(endTitle), "\(module) \(language): the end '\(path.end)' is shown")
        let title = try #require(
          definition.title.resolve(language, fallback: course.defaultLanguage)?.plain)
        let expected = Localization.string(
          path.status == .passed ? .statusPassed : .statusFailed, language)
        let progress = try KursProcess.run([
          "progress", "--learner", name, "--data-dir", folder.path, "--lang", language,
        ])
        #expect(
          progress.output.contains("\(title): \(expected)"),
          "\(module) \(language) \(path.end)\n\(progress.output)")
        played[language, default: []].append(PlayedEnding(path: path, output: result.output))
      }
    }
    return played
  }

  /// Every ending of each module of Marina's story, in each language, passed and failed (issue 18:
  /// at least two endings per module, each reached through the binary, among them the complaint
  /// that stalls in Module III).
  @Test(arguments: ["recognise", "evidence", "justice"])
  func marinaModuleReachesEveryEndingInBothLanguages(module: String) throws {
    let definition = try #require(try course("marina").module(module))
    let endIDs = Set(
      definition.nodes.compactMap { node -> String? in
        if case .end = node.kind { return node.id }
        return nil
      })
    #expect(endIDs.count >= 2, "\(module): at least two endings")
    if module == "justice" {
      #expect(endIDs.contains("done-stalled"), "the complaint that stalls has its own ending")
    }
    for (language, endings) in try playEveryEnding(of: module, in: "marina") {
      for end in endIDs {
        #expect(
          endings.contains { $0.path.end == end && $0.path.status == .passed },
          "\(module) \(language): \(end) can be passed")
      }
      #expect(
        endings.contains { $0.path.status == .failed },
        "\(module) \(language): a learner below the pass mark fails")
      // The stalled ending comes only after Marina chose to wait, and shows the refusal.
      for ending in endings where ending.path.end == "done-stalled" {
        #expect(
          ending.path.nodes.contains("stalled")
            && ending.path.state.module(module).flags.contains("kept-quiet"), "\(language)")
        #expect(
          !ending.path.nodes.contains("verdict"), "\(language): no disciplinary letter on this path"
        )
      }
    }
  }

  /// Every ending of every module of the police course, in each language, passed and (where the
  /// module can be failed) failed, starting with the knowledge test taken before the course.
  @Test(arguments: ["test-before", "problem", "procedures", "case", "oversight", "test-after"])
  func policeModuleReachesEveryEndingInBothLanguages(module: String) throws {
    for (language, endings) in try playEveryEnding(of: module, in: "police") {
      // The test before the course keeps its answers to itself; the one after shows both.
      let firstSentence = { (key: Localization.Key) in
        String(Localization.string(key, language).prefix { $0 != "." && $0 != ":" })
      }
      let review = Localization.string(.testReviewTitle, language)
      for ending in endings {
        if module == "test-before" {
          #expect(ending.output.contains(firstSentence(.testAnswerSaved)), "\(language)")
          #expect(ending.output.contains(firstSentence(.testBeforeEnd)), "\(language)")
          #expect(!ending.output.contains(review), "\(language): no review before the course")
        }
        if module == "test-after" {
          #expect(ending.output.contains(review), "\(language): the review after the course")
        }
      }
      if !["test-before", "test-after"].contains(module) {
        #expect(
          endings.contains { $0.path.status == .failed },
          "\(module) \(language): a learner below the pass mark fails")
      }
    }
  }

  /// The lines that answer every question of a knowledge test all right or all wrong (tests are
  /// not shuffled here, but the numbers are read from the screen all the same), and the state after.
  func knowledgeTest(_ moduleID: String, right: Bool, engine: Engine, from state: CourseState)
    throws -> ([String], CourseState)
  {
    let module = try #require(engine.course.module(moduleID))
    var step = try engine.apply(.startModule(moduleID), to: state)
    var lines: [String] = []
    while true {
      switch step.screen {
      case .moduleEnd:
        return (lines, step.state)
      case .page, .feedback:
        step = try engine.apply(.proceed, to: step.state)
        lines.append("")
      case .question(let screen):
        let question = try #require(
          module.node(screen.nodeID).flatMap { node -> Question? in
            if case .question(let question) = node.kind { return question }
            return nil
          })
        let correct = question.choices.filter(\.isCorrect).map(\.id)
        let wrong = try #require(question.choices.first { !$0.isCorrect }?.id)
        let ids = right ? correct : [wrong]
        let numbers = ids.compactMap { id in
          screen.options.firstIndex { $0.id == id }.map { String($0 + 1) }
        }
        step = try engine.apply(.answer(.choices(ids)), to: step.state)
        lines.append(numbers.joined(separator: " "))
      }
    }
  }

  /// Two officers take the police course through the binary and send their exports; the host's
  /// report shows the gains known in advance: Aidar wrong on every item before and right on every
  /// item after (0 to 13), Dana wrong both times (0 to 0).
  @Test func thePoliceCourseReportShowsWhatTheGroupLearned() throws {
    let course = try course("police")
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-police-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let created = try KursProcess.run([
      "cohort", "new", "police-day", "--course", "police", "--data-dir", host,
    ])
    #expect(created.exitCode == 0, "\(created.errors)")
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    var files: [String] = []
    for (name, learned) in [("Aidar", true), ("Dana", false)] {
      let data = root.appendingPathComponent(name)
      #expect(
        try KursProcess.run(["join", String(code), "--learner", name, "--data-dir", data.path])
          .exitCode == 0)
      let profiles =
        try JSONSerialization.jsonObject(
          with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
      let id = try #require(profiles?.first?["id"] as? String)
      let engine = Engine(course: course, language: "en", seed: id)
      let explorer = PathExplorer(engine: engine)
      var (lines, state) = try knowledgeTest(
        "test-before", right: false, engine: engine, from: CourseState())
      lines = opening(course, module: "test-before", firstVisit: true) + lines + [""]
      for module in ["problem", "procedures", "case", "oversight"] {
        let passed = try #require(
          try explorer.paths(of: module, from: state).first { $0.status == .passed })
        lines += opening(course, module: module, firstVisit: false) + passed.lines + [""]
        state = passed.state
      }
      let (after, _) = try knowledgeTest("test-after", right: learned, engine: engine, from: state)
      lines += opening(course, module: "test-after", firstVisit: false) + after + [""]
      let run = try KursProcess.run(
        ["start", "police", "--learner", name, "--data-dir", data.path],
        input: lines.joined(separator: "\n") + "\n")
      #expect(run.exitCode == 0, "\(name): \(run.errors)")
      #expect(
        run.output.contains(
          "Before the course: 0 of 13 points. After: \(learned ? 13 : 0) of 13 points."), "\(name)")
      #expect(
        run.output.contains("You have completed the course."),
        "\(name): the certificate comes after the test")
      let file = root.appendingPathComponent("\(name).json").path
      #expect(
        try KursProcess.run(["export", "--out", file, "--learner", name, "--data-dir", data.path])
          .exitCode == 0)
      files.append(file)
    }
    #expect(
      try KursProcess.run(["cohort", "import", "police-day"] + files + ["--data-dir", host])
        .exitCode == 0)
    let report = try KursProcess.run(["cohort", "report", "police-day", "--data-dir", host])
    #expect(report.exitCode == 0, "\(report.errors)")
    #expect(
      report.output.contains("  Aidar: before 0, after 13, gain +13, normalised gain 1.00"),
      "\(report.output)")
    #expect(report.output.contains("  Dana: before 0, after 0, gain 0, normalised gain 0.00"))
    #expect(
      report.output.contains(
        "  group (took both: 2): before 0.00, after 6.50, gain 6.50, normalised gain 0.50"))
    for item in ["t-risk", "t-practices", "t-agreements", "t-oversight"] {
      #expect(
        report.output.contains(
          "  \(item): 1 of 2 from wrong to right, 0 from right to wrong, 0 right both times, 1 wrong both times"
        ), "\(item)")
    }
  }
}
