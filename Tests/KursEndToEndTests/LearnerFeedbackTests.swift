import Foundation
import KursKit
import Testing

/// Issue 20, points 3 to 6, through the real binary on the example course: matching letters on
/// the learner's layout, feedback a learner can follow, orientation, and safety.
@Suite struct LearnerFeedbackTests {
  static let courses = LearnerScreenTests.courses

  func temporaryDataDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-feedback-\(UUID().uuidString)")
  }

  func example() throws -> Course {
    try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/example").path
      ).course)
  }

  /// Creates a learner through the binary and returns their id (it seeds their shuffles).
  func newLearner(_ name: String, data: URL) throws -> String {
    _ = try KursProcess.run(
      ["start", "example", "--learner", name, "--data-dir", data.path, "--courses", Self.courses],
      input: "")
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    return try #require(profiles?.first { $0["name"] as? String == name }?["id"] as? String)
  }

  /// The line that answers a question right, by the numbers and letters the screen shows.
  static func rightLine(_ screen: QuestionScreen, _ question: Question, language: String) -> String
  {
    func number(_ id: String) -> Int { (screen.options.firstIndex { $0.id == id } ?? 0) + 1 }
    switch question.kind {
    case .single, .trueFalse:
      return String(number(question.choices.first(where: \.isCorrect)?.id ?? ""))
    case .multiple:
      return question.choices.filter(\.isCorrect).map { String(number($0.id)) }.joined(
        separator: " ")
    case .ordering:
      return question.items.map { String(number($0.id)) }.joined(separator: " ")
    case .matching:
      let letters = MatchingLetters.letters(screen.matches.count, language: language)
      return question.pairs.map { pair in
        "\(number(pair.id))\(letters[screen.matches.firstIndex { $0.id == pair.id } ?? 0])"
      }.joined(separator: " ")
    }
  }

  /// The lines a learner types from the first screen of the course, played in the engine as the
  /// binary plays it: Enter at notes, pages and feedback, `answer` at each question (`nil`: the
  /// right answer), until `stop` says the screen about to be answered is reached.
  func script(
    _ course: Course, language: String, learnerID: String,
    stopAt stop: (Screen) -> Bool = { _ in false },
    answer: (QuestionScreen, Question) -> [String]? = { _, _ in nil }
  ) throws -> [String] {
    let engine = Engine(course: course, language: language, seed: learnerID)
    var lines: [String] = course.contentNote.isEmpty ? [] : [""]
    var state = CourseState()
    for module in course.modules {
      if !module.contentNote.isEmpty { lines.append("") }
      var step = try engine.apply(.startModule(module.id), to: state)
      var ended = false
      while !ended {
        if stop(step.screen) { return lines }
        switch step.screen {
        case .question(let screen):
          let node = try #require(module.node(screen.nodeID))
          guard case .question(let question) = node.kind else { return lines }
          let typed =
            answer(screen, question) ?? [Self.rightLine(screen, question, language: language)]
          lines += typed
          let parsed = try AnswerParser.parse(
            try #require(typed.last), for: screen, language: language
          ).get()
          step = try engine.apply(.answer(parsed), to: step.state)
        case .moduleEnd:
          lines.append("")
          state = step.state
          ended = true
        default:
          lines.append("")
          step = try engine.apply(.proceed, to: step.state)
        }
      }
    }
    return lines
  }

  func run(
    _ arguments: [String], data: URL, learner: String, language: String = "en", input: [String]
  ) throws -> KursProcess.Result {
    try KursProcess.run(
      arguments + [
        "--learner", learner, "--data-dir", data.path, "--courses", Self.courses, "--lang",
        language, "--plain",
      ],
      input: input.joined(separator: "\n") + "\n")
  }

  /// The shown number of each choice of a question, for this learner.
  func numbers(
    _ course: Course, module: String, question: String, learnerID: String, language: String = "en"
  ) throws -> [String: Int] {
    let engine = Engine(course: course, language: language, seed: learnerID)
    let node = try #require(course.module(module)?.node(question))
    guard case .question(let definition) = node.kind else { return [:] }
    let (options, _) = engine.displayOrder(of: definition, id: "\(module)/\(question)")
    return Dictionary(uniqueKeysWithValues: options.enumerated().map { ($1.id, $0 + 1) })
  }

  static func isQuestion(_ id: String) -> (Screen) -> Bool {
    { screen in
      if case .question(let question) = screen { return question.nodeID == id }
      return false
    }
  }

  // MARK: Point 3: matching letters on the learner's layout

  @Test func matchingInRussianShowsAndTakesCyrillicLetters() throws {
    let language = "ru"
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Оля", data: data)
    let course = try example()
    // The whole course, the matching answered with Cyrillic letters typed as shown.
    let lines = try script(course, language: language, learnerID: id)
    let result = try run(
      ["start", "example"], data: data, learner: "Оля", language: language, input: lines)
    #expect(result.exitCode == 0, "\(result.errors)")
    let shown = result.output.components(separatedBy: "\n")
    #expect(
      shown.contains { $0.hasPrefix("  а) ") } && shown.contains { $0.hasPrefix("  б) ") },
      "\(result.output)")
    #expect(!shown.contains { $0.hasPrefix("  a) ") || $0.hasPrefix("  b) ") }, "no Latin letters")
    #expect(result.output.contains("1б 2а 3в"), "the prompt's example is Cyrillic")
    #expect(
      lines.contains { $0.contains("а") || $0.contains("б") },
      "the answer typed is Cyrillic: \(lines)")
    #expect(!result.output.contains("Дайте каждому числу"), "the Cyrillic answer was taken")
    #expect(result.output.contains("Вы прошли курс."), "the whole course was played")
  }

  // MARK: Point 4: feedback a learner can follow

  /// A multiple-select answer: each line names the choice by its number and says whether it
  /// was right; the expected answer is the numbers in the order shown; why a point was lost;
  /// the question comes back at the module's end for review.
  @Test func multipleSelectFeedbackNamesEachChoiceByNumber() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Ann", data: data)
    let course = try example()
    let shown = try numbers(course, module: "basics", question: "what-to-note", learnerID: id)
    let time = try #require(shown["time"])
    let place = try #require(shown["place"])
    let weather = try #require(shown["weather"])
    let lines = try script(
      course, language: "en", learnerID: id,
      stopAt: { screen in
        if case .moduleEnd = screen { return true }
        return false
      }
    ) { screen, _ in screen.nodeID == "what-to-note" ? ["\(time) \(weather)"] : nil }
    let result = try run(["start", "example"], data: data, learner: "Ann", input: lines + ["q"])
    #expect(result.exitCode == 0, "\(result.errors)")
    let output = result.output
    #expect(output.contains("\(time): you chose it, and it is right."), "\(output)")
    #expect(output.contains("\(weather): you chose it, but it is not right."))
    #expect(output.contains("\(place): you did not choose it, but it is right."))
    #expect(
      output.contains(
        "The expected answer: \([time, place].sorted().map(String.init).joined(separator: ", "))"))
    #expect(output.contains("Why not every point: right answers you did not choose: \(place)."))
    #expect(
      output.contains("Why not every point: answers you chose that are not right: \(weather)."))
    // At the end of the module, the question to review with its explanation.
    let review = try #require(
      output.range(of: "To review: the questions where you lost points"), "\(output)")
    #expect(output[review.upperBound...].contains("Which details should Anna write down?"))
  }

  /// `1 1 2` is a typo: a clear message, no try spent, and the right answer after it gets
  /// every point.
  @Test func aRepeatedNumberIsATypoThatCostsNoTry() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Ben", data: data)
    let course = try example()
    let shown = try numbers(course, module: "basics", question: "what-to-note", learnerID: id)
    let time = try #require(shown["time"])
    let place = try #require(shown["place"])
    let lines = try script(
      course, language: "en", learnerID: id, stopAt: Self.isQuestion("what-to-note"))
    let result = try run(
      ["start", "example"], data: data, learner: "Ben",
      input: lines + ["\(time) \(time) \(place)", "\(time) \(place)", "q"])
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(
      result.output.contains("You typed \(time) twice. Type each number once"), "\(result.output)")
    #expect(result.output.contains("Points: 3 of 3"), "the typo cost nothing: \(result.output)")
  }

  /// "Correct." with fewer points says why: the answer came on a later try, after a hint.
  @Test func aCorrectAnswerOnALaterTrySaysWhyAPointWasLost() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Cy", data: data)
    let course = try example()
    let shown = try numbers(course, module: "basics", question: "stop", learnerID: id)
    let lines = try script(course, language: "en", learnerID: id, stopAt: Self.isQuestion("stop"))
    let input =
      lines + [String(try #require(shown["run"])), String(try #require(shown["calm"])), "q"]
    let result = try run(["start", "example"], data: data, learner: "Cy", input: input)
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.contains("Correct."))
    #expect(result.output.contains("Points: 1 of 2"))
    // Read as one text: the line is wrapped to the terminal.
    let text = result.output.replacingOccurrences(of: "\n", with: " ")
    #expect(
      text.contains(
        "Why not every point: you answered on try 2, after a hint, and each try after the first costs 1."
      ),
      "\(result.output)")
  }

  /// One pair at a time: a letter already matched is named with its number.
  @Test func aReusedLetterInOnePairAtATimeMatchingIsNamed() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Ива", data: data)
    let course = try example()
    let lines = try script(course, language: "ru", learnerID: id, stopAt: Self.isQuestion("match"))
    let result = try run(
      ["start", "example"], data: data, learner: "Ива", language: "ru",
      input: lines + ["1б", "2б", "q"])
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.contains("Уже сопоставлено: 1б. Осталось: 2."), "\(result.output)")
    #expect(result.output.contains("Буква б уже сопоставлена с 1."), "\(result.output)")
  }

  /// Matching one pair at a time, stopped half-way: the pairs entered so far are in the journal,
  /// and `kurs resume` shows them and takes the rest.
  @Test func aHalfEnteredMatchingAnswerSurvivesAResume() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Яна", data: data)
    let course = try example()
    let lines = try script(course, language: "ru", learnerID: id, stopAt: Self.isQuestion("match"))
    let first = try run(
      ["start", "example"], data: data, learner: "Яна", language: "ru", input: lines + ["1б", "q"])
    #expect(first.exitCode == 0, "\(first.errors)")
    #expect(first.output.contains("Уже сопоставлено: 1б. Осталось: 2."))

    let resumed = try run(
      ["resume"], data: data, learner: "Яна", language: "ru", input: ["2а", "q"])
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    #expect(resumed.errors.isEmpty, "no step was dropped on replay: \(resumed.errors)")
    let question = try #require(
      resumed.output.range(of: "Сопоставьте органы и их задачи."), "\(resumed.output)")
    #expect(
      resumed.output[question.upperBound...].contains("Уже сопоставлено: 1б. Осталось: 2."),
      "\(resumed.output)")
    // The second pair completes the answer: its feedback and points follow.
    #expect(resumed.output.contains("Баллы: "), "\(resumed.output)")
    #expect(!resumed.output.contains("Дайте каждому числу"))
  }

  // MARK: Point 5: orientation

  /// Before a module its objectives and time; a progress line with "step X of about Y"; a
  /// contents view on `c` (and on `с`, the same key on the Russian layout), in the footer and
  /// in the help; and on resume, "welcome back" with where the learner is.
  @Test func orientationBeforeDuringAndOnResume() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let id = try newLearner("Dee", data: data)
    let course = try example()
    let lines = try script(course, language: "en", learnerID: id, stopAt: Self.isQuestion("stop"))
    let first = try run(
      ["start", "example"], data: data, learner: "Dee", input: lines + ["c", "?", "q"])
    #expect(first.exitCode == 0, "\(first.errors)")
    let output = first.output
    #expect(output.contains("In this module you will learn to:"), "\(output)")
    #expect(output.contains("- Tell a lawful stop from an abusive one."))
    #expect(output.range(of: #"It takes about \d+ min\."#, options: .regularExpression) != nil)
    #expect(
      output.range(of: #"step 2 of about [2-9]"#, options: .regularExpression) != nil, "\(output)")
    #expect(output.contains("Contents"))
    #expect(output.contains("1. Basics: in progress · you are here"))
    #expect(output.contains("2. Practice: locked"))
    #expect(output.contains("c contents"), "the footer shows the key")
    #expect(output.contains("c  contents"), "the help shows the key")

    let resumed = try run(
      ["resume"], data: data, learner: "Dee", language: "ru", input: ["с", "q"])
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    #expect(
      resumed.output.contains("С возвращением. Вы в модуле 1 из 2, «Основы», на шаге 2."),
      "\(resumed.output)")
    #expect(resumed.output.contains("Содержание"), "с on the Russian layout opens the contents")
  }

  /// `q` on the very first screen (the course's "Before you start" note) saves: it says so, and
  /// `kurs resume` comes back to that screen.
  @Test func theFirstScreenIsSavedAndResumeComesBackToIt() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let first = try run(["start", "example"], data: data, learner: "Eve", input: ["q"])
    #expect(first.exitCode == 0, "\(first.errors)")
    #expect(first.output.contains("Before you start"))
    #expect(first.output.contains("Your progress is saved."), "\(first.output)")
    #expect(first.output.contains("kurs resume"))
    let resumed = try run(["resume"], data: data, learner: "Eve", input: ["q"])
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    #expect(
      resumed.output.contains("Before you start"),
      "resume lands on the first screen: \(resumed.output)")
  }

  // MARK: Point 6: safety

  /// The resources (`r`, at any prompt) begin with the checked local contacts a trainer added
  /// (a `<contact checked="…">`), each with when it was checked; without any, a plain sentence
  /// says there are none and whom to ask.
  @Test func theResourcesShowCheckedLocalContactsOrSayThereAreNone() throws {
    let folder = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let none = try run(
      ["start", "example"], data: folder.appendingPathComponent("data"), learner: "Gia",
      input: ["r", "", "q"])
    #expect(none.exitCode == 0, "\(none.errors)")
    let noneText = none.output.replacingOccurrences(
      of: #"\s+"#, with: " ", options: .regularExpression)
    #expect(
      noneText.contains(
        "Checked local contacts: No checked local contacts have been added to this copy of the course."
      ), "\(none.output)")

    // A trainer's copy of the shared content with one checked contact and one not checked.
    let content = folder.appendingPathComponent("Content")
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"), to: content)
    let help = content.appendingPathComponent("help-resources.xml")
    var text = try String(contentsOf: help, encoding: .utf8)
    let anchor = "  <!-- Kinds of help -->"
    #expect(text.contains(anchor))
    text = text.replacingOccurrences(
      of: anchor,
      with: """
          <resource id="city-legal-aid" kind="legal-aid">
            <name xml:lang="en">City legal-aid clinic</name>
            <name xml:lang="ru">Городская юридическая клиника</name>
            <contact kind="phone" checked="2026-11">+000 111 222</contact>
            <contact kind="email">old@example.org</contact>
          </resource>

        \(anchor)
        """)
    try text.write(to: help, atomically: true, encoding: .utf8)
    let checked = try KursProcess.run(
      [
        "start", "example", "--learner", "Gia", "--data-dir",
        folder.appendingPathComponent("data2").path, "--courses", Self.courses,
        "--content", content.path, "--plain",
      ],
      input: "r\n\nq\n")
    #expect(checked.exitCode == 0, "\(checked.errors)")
    let listed = try #require(
      checked.output.range(of: "Checked local contacts:"), "\(checked.output)")
    let section = checked.output[listed.upperBound...].prefix(300)
    #expect(section.contains("- City legal-aid clinic"), "\(section)")
    #expect(section.contains("phone: +000 111 222 (checked 2026-11)"), "\(section)")
    #expect(
      !section.contains("old@example.org"),
      "a contact without a checked date is not listed as checked")
    #expect(!checked.output.contains("No checked local contacts"))
  }

  /// In discreet mode Ctrl-C, too, clears the screen and the scrollback and writes nothing after.
  @Test func inDiscreetModeControlCLeavesNothingOnScreen() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let terminal = try PseudoTerminalProcess(
      [
        "start", "example", "--learner", "Hal", "--data-dir", data.path, "--courses", Self.courses,
        "--discreet",
      ])
    for _ in 0..<2 {
      try terminal.waitFor("> ")
      terminal.type("\n")
    }
    try terminal.waitFor("> ")
    terminal.pressControlC()
    #expect(try terminal.waitForExit() == 130)
    let transcript = terminal.transcript
    let cleared = try #require(
      transcript.range(of: "\u{1B}[2J\u{1B}[3J", options: .backwards),
      "screen and scrollback are cleared")
    let after = transcript[cleared.upperBound...].replacingOccurrences(of: "\u{1B}c", with: "")
    #expect(
      after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      "nothing is written after the clearing: \(after)")
  }

  /// A checked date that is not a year and month (or a day) is refused where it is written.
  @Test func aCheckedDateThatIsNotADateIsRefused() throws {
    let folder = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = folder.appendingPathComponent("Content")
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"), to: content)
    let help = content.appendingPathComponent("help-resources.xml")
    let text = try String(contentsOf: help, encoding: .utf8).replacingOccurrences(
      of: "  <!-- Kinds of help -->",
      with:
        "  <resource id=\"x\" kind=\"other\"><name xml:lang=\"en\">X</name><contact checked=\"last week\">1</contact></resource>"
    )
    try text.write(to: help, atomically: true, encoding: .utf8)
    let result = try KursProcess.run([
      "validate", KursProcess.repository.appendingPathComponent("Courses/example").path,
      "--content", content.path,
    ])
    #expect(result.exitCode != 0)
    let report = result.output + result.errors
    #expect(
      report.contains("help-resources.xml:41:")
        && report.contains("attribute 'checked' of <contact>: 'last week'"), "\(report)")
  }

  /// With `--discreet` (or KURS_DISCREET=1), `q` saves and leaves nothing of the course on
  /// screen: the screen and the scrollback are cleared and nothing is written after.
  @Test(arguments: [true, false])
  func inDiscreetModeQuitLeavesNothingOnScreen(flag: Bool) throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try KursProcess.run(
      ["start", "example", "--learner", "Fay", "--data-dir", data.path, "--courses", Self.courses]
        + (flag ? ["--discreet"] : []),
      input: "\n\nq\n", environment: flag ? [:] : ["KURS_DISCREET": "1"])
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.hasSuffix(QuickExit.clearSequence), "\(result.output)")
    let progress = try KursProcess.run([
      "progress", "--learner", "Fay", "--data-dir", data.path, "--courses", Self.courses,
    ])
    #expect(progress.output.contains("in progress"), "progress is saved: \(progress.output)")
    // At the home screen's prompts too.
    let home = try KursProcess.run(
      ["--data-dir", data.path, "--courses", Self.courses] + (flag ? ["--discreet"] : []),
      input: "q\n",
      environment: flag ? [:] : ["KURS_DISCREET": "1"])
    #expect(home.exitCode == 0, "\(home.errors)")
    #expect(home.output.hasSuffix(QuickExit.clearSequence), "\(home.output)")
  }
}
