import Foundation
import Testing

@testable import KursKit

/// The journal: xAPI statements, one step per write, and damage handled without losing a byte.
@Suite struct JournalTests {
  let course: Course
  let engine: Engine

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  /// Plays `inputs` and writes each step as the runner does.
  func record(_ inputs: [EngineInput], to journal: Journal) throws -> CourseState {
    var state = CourseState()
    for input in inputs {
      let step = try engine.apply(input, to: state)
      state = step.state
      try journal.append(
        Journal.Entry(
          time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
          registration: "7d3c1f0e-1111-4222-8333-944455556666", input: input, events: step.events),
        course: course)
    }
    return state
  }

  let inputs: [EngineInput] = [
    .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["calm"])),
    .proceed,
  ]

  @Test func everyLineIsAnXAPIStatementWithAPseudonymousActor() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record(inputs, to: journal)
    let lines = try String(contentsOf: journal.url, encoding: .utf8).split(separator: "\n")
    let statements = try lines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    let verbs = statements.compactMap { ($0["verb"] as? [String: Any])?["id"] as? String }
    #expect(verbs.first == "http://adlnet.gov/expapi/verbs/initialized")
    #expect(verbs.contains("http://adlnet.gov/expapi/verbs/answered"))
    #expect(verbs.contains("http://adlnet.gov/expapi/verbs/experienced"))
    let ids = statements.compactMap { $0["id"] as? String }
    #expect(Set(ids).count == statements.count, "every statement has its own id")
    #expect(ids.allSatisfy { UUID(uuidString: $0) != nil })
    for statement in statements {
      let account = (statement["actor"] as? [String: Any])?["account"] as? [String: Any]
      #expect(account?["name"] as? String == "learner-1")
      let context = statement["context"] as? [String: Any]
      #expect(context?["registration"] as? String == "7d3c1f0e-1111-4222-8333-944455556666")
    }
    let answers = statements.filter {
      ($0["verb"] as? [String: Any])?["id"] as? String == "http://adlnet.gov/expapi/verbs/answered"
    }
    let final = try #require(answers.last?["result"] as? [String: Any])
    #expect(final["response"] as? String == "calm")
    #expect(final["success"] as? Bool == true)
    #expect((final["score"] as? [String: Any])?["raw"] as? Int == 1)
  }

  @Test func replayingTheJournalRebuildsTheSameState() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    let played = try record(inputs, to: journal)
    let (entries, notice) = try journal.read()
    #expect(notice == nil)
    #expect(entries.count == inputs.count)
    #expect(Replay.rebuild(entries, engine: engine).state == played)
  }

  @Test func aCutOffLastRecordIsSkippedWithANotice() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record(inputs, to: journal)
    let whole = try Data(contentsOf: journal.url)
    try (whole + Data(#"{"actor":{"account":{"homePage":"urn:kurs:learner","na"#.utf8)).write(
      to: journal.url)
    let (entries, notice) = try journal.read()
    #expect(entries.count == inputs.count)
    #expect(notice?.line == whole.split(separator: UInt8(ascii: "\n")).count + 1)
    // The next step starts on a new line, and both old and new records read back.
    _ = try journal.append(
      Journal.Entry(
        time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
        session: .suspended))
    #expect(try journal.read().entries.count == inputs.count + 1)
  }

  @Test func aDamagedLineStopsWithFileAndLineAndTheFileIsLeftAlone() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record(inputs, to: journal)
    var lines = try String(contentsOf: journal.url, encoding: .utf8).split(
      separator: "\n", omittingEmptySubsequences: false
    ).map(String.init)
    lines[1] = "this is not a statement"
    let damaged = Data(lines.joined(separator: "\n").utf8)
    try damaged.write(to: journal.url)
    #expect {
      _ = try journal.read()
    } throws: { error in
      guard let error = error as? Journal.ReadError else { return false }
      return error.line == 2 && error.file == journal.url.path
        && error.text("en").contains("damaged")
    }
    #expect(try Data(contentsOf: journal.url) == damaged)
  }

  /// Long journals are read in slices on every core: a damaged line in a late slice is still
  /// found, with its own line number, and the entries of a whole one are all there.
  @Test func aLongJournalIsReadWholeAndItsDamageFound() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record(inputs, to: journal)
    let one = try String(contentsOf: journal.url, encoding: .utf8).split(separator: "\n").map(
      String.init)
    let entries = try journal.read().entries.count
    let copies = 7_000 / one.count + 1
    // The same steps again and again: each copy's steps keep their ids, so entries repeat too.
    let long = Array(repeating: one, count: copies).flatMap { $0 }
    try Data((long.joined(separator: "\n") + "\n").utf8).write(to: journal.url)
    #expect(try journal.read().entries.count == entries * copies)
    var damaged = long
    damaged[long.count - 3] = "{\"not\": \"a statement\"}"
    try Data((damaged.joined(separator: "\n") + "\n").utf8).write(to: journal.url)
    #expect {
      _ = try journal.read()
    } throws: { error in
      (error as? Journal.ReadError)?.line == long.count - 2
    }
  }

  @Test func timestampsSurviveBeingReadAndWrittenAgain() {
    for seconds in [1_700_000_000.123456, 1_795_000_000.571055, 0.000001, 1_234_567_890.999999] {
      let written = Journal.timestamp(Date(timeIntervalSince1970: seconds))
      let again = Journal.timestamp(Journal.date(fromTimestamp: written) ?? .distantPast)
      #expect(written == again)
    }
    #expect(
      Journal.timestamp(Date(timeIntervalSince1970: 1_795_000_000.571055)).hasSuffix(".571055Z"))
  }

  /// The hand-written reader of Kurs's own timestamps gives exactly what the format style gives.
  @Test func timestampsReadByHandAgreeWithTheFormatStyle() {
    var seed: UInt64 = 7
    var texts = [
      "2024-02-29T23:59:59Z", "2000-01-01T00:00:00.5Z", "1970-01-01T00:00:00.000001Z",
      "2100-12-31T12:30:45.123Z",
    ]
    for _ in 0..<2_000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      texts.append(
        Journal.timestamp(
          Date(timeIntervalSince1970: Double(seed >> 34) / 1_000 + 0.000001 * Double(seed % 1_000)))
      )
    }
    for text in texts {
      let fast = Journal.utcDate(text)
      #expect(fast != nil, "\(text)")
      #expect(fast == Journal.formatStyleDate(text), "\(text)")
    }
    for other in [
      "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-22T10:00:00+01:00",
      "2026-11-22T24:00:00Z", "2026-11-22T10:00:60Z",
      "2026-11-22 10:00:00Z", "2026-11-22T10:00:00.Z", "2026-11-22T10:00:00.1234567890123456789Z",
    ] {
      #expect(Journal.utcDate(other) == nil, "\(other)")
    }
  }

  /// A write that fails part way (a full disk) is taken back: the file is as it was, and the
  /// next step starts on a clean line.
  @Test func aFailedAppendLeavesTheFileAsItWas() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record([.startModule("basics")], to: journal)
    let before = try Data(contentsOf: journal.url)
    journal.testSizeLimit = before.count + 100
    let entry = Journal.Entry(
      time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
      session: .suspended)
    #expect(throws: POSIXError(.ENOSPC)) { try journal.append(entry) }
    #expect(try Data(contentsOf: journal.url) == before)
    journal.testSizeLimit = nil
    try journal.append(entry)
    let (entries, notice) = try journal.read()
    #expect(notice == nil)
    #expect(entries.count == 2)
  }

  /// A record cut short with whole records after it was a save that failed and was made again:
  /// it is reported with its line, and not as "the last record".
  @Test func aCutRecordInTheMiddleIsNotCalledTheLastOne() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record(Array(inputs.prefix(2)), to: journal)
    let whole = try Data(contentsOf: journal.url)
    try (whole + Data(#"{"actor":{"account":{"homePage":"urn:kurs:learner","na"#.utf8)).write(
      to: journal.url)
    _ = try record(Array(inputs.prefix(2)), to: journal)
    let (entries, notice) = try journal.read()
    #expect(entries.count == 4)
    let cutLine = whole.split(separator: UInt8(ascii: "\n")).count + 1
    #expect(notice?.line == cutLine)
    #expect(notice?.message == LocalizedMessage(.journalCutOffEarlier))
    #expect(notice?.text("en").contains("the last record") == false)
    #expect(entries[2].line == cutLine + 1, "each step knows its line")
  }

  @Test func aJournalFromANewerKursIsRefused() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    _ = try record([.startModule("basics")], to: journal)
    let text = try String(contentsOf: journal.url, encoding: .utf8)
      .replacingOccurrences(
        of: #""urn:kurs:xapi:journal-version":2"#, with: #""urn:kurs:xapi:journal-version":9"#)
    try text.write(to: journal.url, atomically: true, encoding: .utf8)
    #expect(throws: Journal.ReadError.self) { try journal.read() }
  }

  /// Issue 20: the first screen's `launched` mark and pairs given one at a time are written as
  /// journal version 3 (an older Kurs says "update Kurs" instead of misreading them), every
  /// other line as version 2; both read back as written.
  @Test func launchedMarksAndPartialMatchesAreVersionThreeAndReplay() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    try journal.append(
      Journal.Entry(
        time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
        session: .launched),
      course: course)
    var state = try record([.startModule("basics")], to: journal)
    state.modules["basics"]?.passedBefore = true
    state.modules["basics"]?.status = .passed
    let order = try #require(course.module("practice")?.node("order"))
    guard case .question(let question) = order.kind else {
      Issue.record("order is a question")
      return
    }
    var step = try engine.apply(.startModule("practice"), to: state)
    step = try engine.apply(.answer(.order(question.items.map(\.id))), to: step.state)
    step = try engine.apply(.proceed, to: step.state)
    step = try engine.apply(.partialMatches(["prosecutor": "ombudsperson"]), to: step.state)
    try journal.append(
      Journal.Entry(
        time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
        input: .partialMatches(["prosecutor": "ombudsperson"]), events: step.events),
      course: course)
    let text = try String(contentsOf: journal.url, encoding: .utf8)
    let versions = text.split(separator: "\n").map {
      $0.contains(#""urn:kurs:xapi:journal-version":3"#) ? 3 : 2
    }
    #expect(versions.first == 3, "the launched mark")
    #expect(versions.last == 3, "the pairs so far")
    #expect(
      versions.dropFirst().dropLast().allSatisfy { $0 == 2 }, "everything else stays version 2")
    let (entries, _) = try journal.read()
    #expect(entries.first?.session == .launched)
    #expect(entries.last?.input == .partialMatches(["prosecutor": "ombudsperson"]))
  }

}

/// A learner resumes against a newer version of the course.
@Suite struct CourseChangeTests {
  /// A copy of the example course (and Content/) with `change` applied to course.xml.
  func changedCourse(_ change: (String) -> String) throws -> (Course, URL) {
    let root = try makeTemporaryDirectory()
    let fileManager = FileManager.default
    try fileManager.createDirectory(
      at: root.appendingPathComponent("Courses"), withIntermediateDirectories: true)
    try fileManager.copyItem(
      at: Fixtures.repository.appendingPathComponent("Courses/example"),
      to: root.appendingPathComponent("Courses/example"))
    try fileManager.copyItem(
      at: Fixtures.repository.appendingPathComponent("Content"),
      to: root.appendingPathComponent("Content"))
    let file = root.appendingPathComponent("Courses/example/course.xml")
    let text = try String(contentsOf: file, encoding: .utf8)
    try change(text).write(to: file, atomically: true, encoding: .utf8)
    let result = CourseLoader().load(path: root.appendingPathComponent("Courses/example").path)
    return (try #require(result.course, "\(result.diagnostics)"), root)
  }

  func entries(_ inputs: [EngineInput], course: Course) throws -> [Journal.Entry] {
    let engine = Engine(course: course, language: "en", seed: "learner-1")
    var state = CourseState()
    return try inputs.map { input in
      let step = try engine.apply(input, to: state)
      state = step.state
      return Journal.Entry(
        time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
        input: input, events: step.events)
    }
  }

  let original = try! #require(
    CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
      .course)

  @Test func aPageAddedBeforeAnAnsweredQuestionKeepsTheAnswerAndThePlace() throws {
    let old = try entries(
      [.startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed], course: original)
    let (updated, root) = try changedCourse { text in
      text.replacingOccurrences(of: #"version="1.0.0""#, with: #"version="1.1.0""#)
        .replacingOccurrences(
          of: #"<page id="welcome" next="stop">"#, with: #"<page id="welcome" next="before-stop">"#
        )
        .replacingOccurrences(
          of: #"    <question id="stop""#,
          with: """
                <page id="before-stop" next="stop">
                  <body xml:lang="en"><p>New page.</p></body>
                  <body xml:lang="ru"><p>Новая страница.</p></body>
                </page>

                <question id="stop"
            """)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(updated.digest != original.digest)
    let outcome = Replay.rebuild(
      old, engine: Engine(course: updated, language: "en", seed: "learner-1"))
    let change = try #require(outcome.change)
    #expect(change.oldVersion == "1.0.0" && change.newVersion == "1.1.0")
    #expect(outcome.state.module("basics").scores["stop"] == 2, "the answer to 'stop' is kept")
    #expect(outcome.state.module("basics").node == "notes", "the learner is where they were")
  }

  @Test func aPassedModuleStaysPassedWhenItsQuestionsChange() throws {
    let engine = Engine(course: original, language: "en", seed: "learner-1")
    // Pass 'basics' along the route the engine tests use.
    var inputs: [EngineInput] = [
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
    ]
    var state = CourseState()
    for input in inputs { state = try engine.apply(input, to: state).state }
    let question = try #require(original.module("basics")?.node("what-to-note"))
    guard case .question(let whatToNote) = question.kind else {
      Issue.record("expected a question")
      return
    }
    inputs.append(.answer(.choices(whatToNote.choices.filter(\.isCorrect).map(\.id))))
    for _ in 0..<4 { inputs.append(.proceed) }
    var played: [EngineInput] = []
    state = CourseState()
    for input in inputs {
      guard let next = try? engine.apply(input, to: state).state else { break }
      state = next
      played.append(input)
    }
    #expect(state.module("basics").passedBefore)
    let old = try entries(played, course: original)
    // The new version asks for every point and changes the right answer to 'stop': replayed,
    // the same answers no longer pass.
    let (updated, root) = try changedCourse { text in
      text.replacingOccurrences(of: #"version="1.0.0""#, with: #"version="2.0.0""#)
        .replacingOccurrences(
          of: #"start="welcome" pass-mark="60%""#, with: #"start="welcome" pass-mark="100%""#
        )
        .replacingOccurrences(
          of: #"<choice id="calm" correct="true" goto="notes">"#,
          with: #"<choice id="calm" goto="notes">"#
        )
        .replacingOccurrences(
          of: #"<choice id="run" goto="notes">"#,
          with: #"<choice id="run" correct="true" goto="notes">"#)
    }
    let replayed = Replay.rebuild(
      old, engine: Engine(course: updated, language: "en", seed: "learner-1"))
    #expect(replayed.state.module("basics").lastScore ?? 0 < 5, "the same answers earn less now")
    defer { try? FileManager.default.removeItem(at: root) }
    let outcome = Replay.rebuild(
      old, engine: Engine(course: updated, language: "en", seed: "learner-1"))
    #expect(outcome.state.module("basics").passedBefore)
    #expect(outcome.change?.keptPasses == ["basics"])
  }

  @Test func aModuleMarkedRetakeBelowStartsAfresh() throws {
    let engine = Engine(course: original, language: "en", seed: "learner-1")
    let question = try #require(original.module("basics")?.node("what-to-note"))
    guard case .question(let whatToNote) = question.kind else {
      Issue.record("expected a question")
      return
    }
    let inputs: [EngineInput] =
      [
        .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
        .answer(.choices(whatToNote.choices.filter(\.isCorrect).map(\.id))),
      ] + Array(repeating: .proceed, count: 4)
    var state = CourseState()
    var played: [EngineInput] = []
    for input in inputs {
      guard let next = try? engine.apply(input, to: state).state else { break }
      state = next
      played.append(input)
    }
    #expect(state.module("basics").passedBefore)
    let old = try entries(played, course: original)
    let (updated, root) = try changedCourse { text in
      text.replacingOccurrences(of: #"version="1.0.0""#, with: #"version="2.0.0""#)
        .replacingOccurrences(
          of: #"<module id="basics" start="welcome""#,
          with: #"<module id="basics" retake-below="2.0" start="welcome""#)
    }
    defer { try? FileManager.default.removeItem(at: root) }
    let outcome = Replay.rebuild(
      old, engine: Engine(course: updated, language: "en", seed: "learner-1"))
    #expect(outcome.change?.retakes == ["basics"])
    #expect(!outcome.state.module("basics").passedBefore)
    #expect(outcome.state.module("basics").status == .notStarted)
  }

  @Test func versionsCompareByNumber() {
    #expect(Replay.isVersion("1.9", below: "1.10"))
    #expect(!Replay.isVersion("2.0", below: "2"))
    #expect(Replay.isVersion("1.0.0", below: "2.0"))
    #expect(!Replay.isVersion("3", below: "2.5"))
  }
}

/// Journal.read's fast line reader against JSONDecoder.
@Suite struct JournalLineParserTests {
  let course: Course

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
  }

  /// The fast reader must read exactly what JSONDecoder reads, for every input and event kind,
  /// and must step aside (nil) for anything it does not expect.
  @Test func theFastLineReaderAgreesWithJSONDecoder() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(url: folder.appendingPathComponent("all.journal"), learnerID: "learner-1")
    let events: [EngineEvent] = [
      .moduleStarted(module: "basics", run: 2), .nodeEntered(module: "basics", node: "stop"),
      .hintShown(module: "basics", question: "stop", hint: 1),
      .answered(
        module: "basics", question: "stop", response: "a,\"b\"/\u{1F600}", points: -1, maximum: 3,
        isCorrect: false, attempt: 2, isFinal: true),
      .moduleEnded(module: "basics", status: .failed, score: 0, maximum: 4),
      .courseCompleted(score: 12),
    ]
    let inputs: [EngineInput?] = [
      .startModule("basics"), .proceed, .back, .answer(.choices(["a", "b"])),
      .answer(.order(["x", "y"])),
      .answer(.matches(["left": "right", "Марина": "право"])), nil,
    ]
    for (index, input) in inputs.enumerated() {
      try journal.append(
        Journal.Entry(
          time: Date(timeIntervalSince1970: 1_790_000_000 + Double(index)), course: course.id,
          courseVersion: course.version,
          digest: course.digest,
          registration: index == 0 ? nil : "7d3c1f0e-1111-4222-8333-944455556666", input: input,
          session: input == nil ? .suspended : nil,
          events: index == 0 ? events : [events[index % events.count]]),
        course: course)
    }
    let data = try Data(contentsOf: journal.url)
    let lines = Journal.lines(of: data)
    #expect(lines.count >= inputs.count + events.count - 1)
    for line in lines {
      let bytes = [UInt8](data[line.range])
      let fast = bytes.withUnsafeBufferPointer { JournalLineParser.record($0) }
      let slow = try JSONDecoder().decode(Journal.Record.self, from: Data(bytes))
      #expect(fast == slow, "line \(line.number)")
    }
    // What the fast reader leaves to JSONDecoder: a fraction, an unknown event, a bad escape.
    for odd in [
      #"{"object":{"id":"a"},"timestamp":"t","context":{"extensions":{"urn:kurs:xapi:journal-version":2.0,"urn:kurs:xapi:course-version":"1","urn:kurs:xapi:course-digest":"d","urn:kurs:xapi:step":"s"}}}"#,
      #"{"object":{"id":"a"},"timestamp":"t","context":{"extensions":{"urn:kurs:xapi:journal-version":2,"urn:kurs:xapi:course-version":"1","urn:kurs:xapi:course-digest":"d","urn:kurs:xapi:step":"s","urn:kurs:xapi:event":{"flew":{}}}}}"#,
      #"{"object":{"id":"a\q"},"timestamp":"t","context":{"extensions":{}}}"#,
      #"{"object":{"id":"a"}} trailing"#,
    ] {
      #expect(
        Array(odd.utf8).withUnsafeBufferPointer { JournalLineParser.record($0) } == nil, "\(odd)")
    }
    // And the whole file reads the same either way.
    #expect(try journal.read().entries.count == inputs.count)
  }

  /// Keys are matched as bytes; a key written with escapes is still the key it spells.
  @Test func keysWithEscapesReadLikeTheKeysTheySpell() throws {
    let plain =
      #"{"object":{"id":"a"},"timestamp":"t","context":{"registration":"r","extensions":{"urn:kurs:xapi:journal-version":2,"urn:kurs:xapi:course-version":"1","urn:kurs:xapi:course-digest":"d","urn:kurs:xapi:step":"s","urn:kurs:xapi:input":{"startModule":{"_0":"m"}}}}}"#
    // JSON escapes in the keys (the raw strings keep the backslashes): \u006F is "o".
    let escaped =
      plain
      .replacingOccurrences(of: #""object""#, with: #""\u006Fbject""#)
      .replacingOccurrences(of: #""timestamp""#, with: #""time\u0073tamp""#)
      .replacingOccurrences(of: #""urn:kurs:xapi:step""#, with: #""urn:kurs:xapi:\u0073tep""#)
      .replacingOccurrences(of: #""_0""#, with: #""\u005F0""#)
    #expect(escaped != plain && escaped.contains(#"\u006Fbject"#), "the keys really are escaped")
    let read = { (text: String) in
      Array(text.utf8).withUnsafeBufferPointer { JournalLineParser.record($0) }
    }
    let expected = try JSONDecoder().decode(Journal.Record.self, from: Data(plain.utf8))
    #expect(read(plain) == expected)
    #expect(read(escaped) == expected)
    #expect(try JSONDecoder().decode(Journal.Record.self, from: Data(escaped.utf8)) == expected)
    // A key that only starts like a known one is another key.
    let longer = plain.replacingOccurrences(of: #""timestamp""#, with: #""timestamps""#)
    #expect(read(longer) == nil)
  }
}
