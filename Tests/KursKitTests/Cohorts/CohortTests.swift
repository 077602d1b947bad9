import Foundation
import Testing

@testable import KursKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Cohort imports and reports on a constructed cohort whose figures are known in advance.
@Suite struct CohortTests {
  let course: Course
  let cohort = Cohort(
    name: "spring", course: "example", code: "example-ABCDEF",
    created: Date(timeIntervalSince1970: 0))

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
  }

  /// The statements a learner's journal would hold after `inputs`.
  func statements(
    _ learnerID: String, _ inputs: [EngineInput],
    start: Date = Date(timeIntervalSince1970: 1_700_000_000)
  ) throws -> [Statement] {
    let engine = Engine(course: course, language: "en", seed: learnerID)
    let journal = Journal(url: URL(fileURLWithPath: "/dev/null"), learnerID: learnerID)
    var state = CourseState()
    var result: [Statement] = []
    for (index, input) in inputs.enumerated() {
      let step = try engine.apply(input, to: state)
      state = step.state
      let entry = Journal.Entry(
        time: start.addingTimeInterval(Double(index)), course: course.id,
        courseVersion: course.version, digest: course.digest,
        registration: cohort.registration, input: input, events: step.events)
      result += journal.statements(for: entry, learnerID: learnerID, course: course)
    }
    return result
  }

  func correctWhatToNote() throws -> [String] {
    guard
      case .question(let question) = try #require(course.module("basics")?.node("what-to-note"))
        .kind
    else { return [] }
    return question.choices.filter(\.isCorrect).map(\.id)
  }

  func export(
    _ id: String, _ name: String, _ statements: [Statement],
    exported: String = "2026-11-22T10:00:00Z"
  ) throws -> Data {
    let file = ExportFile(
      exported: exported, learner: ExportFile.Learner(id: id, pseudonym: name),
      courses: [
        ExportFile.CourseRecords(
          id: course.id, version: course.version, digest: course.digest, statements: statements)
      ])
    return try file.sealed().encoded()
  }

  /// Ana passes 'basics' with every answer right at the first try; Bea gets 'stop' wrong first
  /// ("run"); Cleo only reads the first page.
  func members() throws -> [(pseudonym: String, statements: [Statement])] {
    let right = try correctWhatToNote()
    let ana = try statements(
      "a",
      [
        .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
        .answer(.choices(right)),
      ] + Array(repeating: .proceed, count: 3))
    let bea = try statements(
      "b",
      [
        .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["calm"])),
        .proceed, .proceed,
      ])
    let cleo = try statements("c", [.startModule("basics")])
    return [("Ana", ana), ("Bea", bea), ("Cleo", cleo)]
  }

  @Test func reportFiguresMatchWhatTheLearnersDid() throws {
    let report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "en")
    #expect(report.learners.map(\.pseudonym) == ["Ana", "Bea", "Cleo"])
    let basics = report.learners.map { $0.modules[0] }
    #expect(basics.map(\.status) == ["passed", "in-progress", "in-progress"])
    #expect(basics[0].score == 5 && basics[0].maximum == 5)
    #expect(basics.map(\.attempts) == [1, 1, 1])
    #expect(report.funnel.map(\.count) == [3, 1, 0, 0])
    let stop = try #require(report.items.first { $0.question == "stop" })
    #expect(stop.answered == 2)
    #expect(stop.correctFirstTry == 1)
    #expect(stop.shareCorrectFirstTry == 0.5)
    #expect(stop.commonWrongAnswer == "Run away.")
    #expect(stop.commonWrongCount == 1)
    let note = try #require(report.items.first { $0.question == "what-to-note" })
    #expect(note.answered == 1 && note.correctFirstTry == 1)
    #expect(report.items.first?.question == "stop", "the hardest question comes first")
    #expect(report.modules[0].scores == [5])
    #expect(report.learners[1].lastNode == "basics/what-to-note")
    #expect(report.totals().map(\.started) == [3, 0])
    #expect(report.totals().map(\.passed) == [1, 0])
    #expect(report.text().contains("1 passed of 3 started"))
  }

  @Test func htmlIsWellFormedAndHasEveryChart() throws {
    let report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "en")
    let html = report.html()
    let parser = XMLParserProbe(Data(html.utf8))
    #expect(parser.isWellFormed, "\(parser.error ?? "")")
    for id in ["funnel", "scores", "items"] { #expect(html.contains("id=\"\(id)\"")) }
    #expect(html.components(separatedBy: "<svg").count - 1 == 2 + report.modules.count)
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || !html.contains("src="))
  }

  @Test func csvHasOneRowPerLearnerAndModule() throws {
    let report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "en")
    let lines = report.csv().split(separator: "\r\n")
    #expect(lines.count == 1 + 3 * course.modules.count)
    #expect(lines[1].hasPrefix("Ana,basics,passed,5,5,1,no,"))
  }

  @Test func csvNeutralisesFormulasAndStartsWithAByteOrderMark() throws {
    var report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "en")
    report.learners[0].pseudonym = "=HYPERLINK(\"http://evil.example\",\"Ana\")"
    report.learners[1].pseudonym = "@Bea"
    report.learners[2].pseudonym = "Мария"
    report.learners[2].modules[0].score = -1
    let csv = report.csv()
    #expect(
      csv.hasPrefix("\u{FEFF}learner,"), "a UTF-8 byte order mark, so spreadsheets read Cyrillic")
    let lines = csv.split(separator: "\r\n")
    #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Ana\"\")\","))
    #expect(csv.contains("\r\n'@Bea,"))
    #expect(
      csv.contains(
        "\r\nМария,\(report.learners[2].modules[0].module),\(report.learners[2].modules[0].status),-1,"
      ), "a negative score stays a number")
  }

  @Test func scoreBandsHoldTheirEdges() throws {
    let bands = CohortReport.scoreBands(maximum: 26)
    #expect(bands == [0...4, 5...9, 10...14, 15...19, 20...26])
    let counts = CohortReport.bandCounts([0, 16, 24, 26, 26], maximum: 26).map(\.count)
    #expect(counts == [1, 0, 0, 1, 3])
    // Each edge in its own band.
    for band in bands {
      #expect(
        CohortReport.bandCounts([band.lowerBound, band.upperBound], maximum: 26).first {
          $0.band == band
        }?.count == 2)
    }
    #expect(CohortReport.scoreBands(maximum: 3) == [0...0, 1...1, 2...3])
    #expect(CohortReport.bandCounts([-2, 30], maximum: 10).map(\.count) == [1, 0, 0, 0, 1])
  }

  @Test func importIsIdempotentNewerSupersedesAndBadFilesAreRefused() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = CohortStore(dataDirectory: folder)
    let created = try store.create(name: "spring", course: "example")
    let all = try members()
    let early = try export(
      "b", "Bea", Array(all[1].statements.prefix(3)), exported: "2026-11-20T10:00:00Z")
    let late = try export("b", "Bea", all[1].statements, exported: "2026-11-22T10:00:00Z")
    #expect(store.importFile(early, into: created) == .added("Bea"))
    #expect(store.importFile(early, into: created) == .unchanged("Bea"))
    #expect(store.importFile(late, into: created) == .updated("Bea"))
    #expect(store.importFile(early, into: created) == .keptNewer("Bea"))
    #expect(try store.summaries(of: created).first?.count == all[1].statements.count)

    // Tampered by hand: an answer, a pseudonym.
    let original = String(decoding: late, as: UTF8.self)
    for (from, to) in [
      ("\"response\" : \"calm\"", "\"response\" : \"run\""),
      ("\"pseudonym\" : \"Bea\"", "\"pseudonym\" : \"Eve\""),
    ] {
      let text = original.replacingOccurrences(of: from, with: to)
      #expect(text != original, "the test edits \(from)")
      guard case .refused(let reason) = store.importFile(Data(text.utf8), into: created) else {
        Issue.record("accepted a tampered file")
        return
      }
      #expect(reason.contains("changed after it was written"))
    }
    guard case .refused(let garbage) = store.importFile(Data("not json".utf8), into: created) else {
      Issue.record("accepted garbage")
      return
    }
    #expect(garbage.contains("not a Kurs export"))
    let other = Cohort(name: "other", course: "marina", code: "marina-ABCDEF", created: Date())
    guard case .refused(let wrongCourse) = store.importFile(late, into: other) else {
      Issue.record("accepted another course")
      return
    }
    #expect(wrongCourse.contains("no records for course 'marina'"))
  }

  /// A summary of `count` statements whose last one is dated `last`.
  func summary(last: String, count: Int) -> LearnerSummary {
    LearnerSummary(
      id: "b", pseudonym: "Bea", seal: "seal-\(last)-\(count)", last: last, count: count,
      lastActivity: last, completed: false,
      lastNode: nil, modules: [:], firstTry: [:], wrong: [:])
  }

  /// Finding 16: `2026-11-22T23:00:00+14:00` is 09:00 UTC, an hour before `10:00:00Z`, though
  /// it sorts after it as text.
  @Test func exportTimesAreComparedAsInstantsNotAsText() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let kiribati = summary(last: "2026-11-22T23:00:00+14:00", count: 5)
    let utc = summary(last: "2026-11-22T10:00:00Z", count: 5)
    #expect(utc.isNewer(than: kiribati, now: now))
    #expect(!kiribati.isNewer(than: utc, now: now))
    #expect(LearnerSummary.isLater("2026-11-22T10:00:00Z", than: "2026-11-22T23:00:00+14:00"))
  }

  /// Finding 16: an export dated in the future (a wrong clock) does not block the later ones:
  /// the export with more of the learner's steps wins, and the host is told; `replace` keeps
  /// a given file whatever its date.
  @Test func aFutureDatedExportDoesNotBlockLaterOnesAndTheHostSeesTheConflict() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = CohortStore(dataDirectory: folder)
    let created = try store.create(name: "spring", course: "example")
    let all = try members()[1].statements
    // The first export from a computer whose clock said 2099.
    var future = Array(all.prefix(3))
    for index in future.indices { future[index].timestamp = "2099-01-01T00:00:0\(index)Z" }
    let wrongClock = try export("b", "Bea", future, exported: "2099-01-01T00:01:00Z")
    let later = try export("b", "Bea", all, exported: "2026-11-22T10:00:00Z")
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
    #expect(try store.importAll([.data(wrongClock)], into: created, now: now) == [.added("Bea")])
    let outcome = try #require(try store.importAll([.data(later)], into: created, now: now).first)
    guard case .conflict(let who, let text) = outcome else {
      Issue.record("expected a conflict, got \(outcome)")
      return
    }
    #expect(who == "Bea")
    #expect(
      text.contains("dated in the future") && text.contains("kept this export")
        && text.contains("--replace"))
    #expect(try store.summaries(of: created).first?.count == all.count)
    // The future-dated one again: still not taken, and said so.
    guard
      case .conflict(_, let again) = try #require(
        try store.importAll([.data(wrongClock)], into: created, now: now).first)
    else {
      Issue.record("expected a conflict")
      return
    }
    #expect(again.contains("kept the export already imported"))
    // The host decides otherwise.
    #expect(
      try store.importAll([.data(wrongClock)], into: created, replace: true, now: now) == [
        .updated("Bea")
      ])
    #expect(try store.summaries(of: created).first?.count == 3)
  }

  /// Finding 18: a `cohort new` that fails half way (the disk fills while cohort.json is
  /// written) leaves nothing, and the same command then works.
  @Test func aCohortNewThatFailsHalfWayLeavesNothingAndCanBeRunAgain() throws {
    let data = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let store = CohortStore(dataDirectory: data)
    #expect(throws: CohortStore.CohortError.self) {
      _ = try store.create(
        name: "spring", course: "example", writeFile: { _, _ in throw POSIXError(.ENOSPC) })
    }
    #expect(!FileManager.default.fileExists(atPath: store.folder("spring").path))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: store.root.path).isEmpty,
      "no temporary folder left")
    let made = try store.create(name: "spring", course: "example")
    #expect(try store.cohort(named: "spring").code == made.code)
    #expect(throws: CohortStore.CohortError.self) {
      _ = try store.create(name: "spring", course: "example")
    }
  }

  /// What an older Kurs left after a failed `cohort new` (a folder with an empty learners/ and
  /// no cohort.json) no longer blocks the name.
  @Test func aHalfMadeCohortFromAnOlderKursIsReplaced() throws {
    let data = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let store = CohortStore(dataDirectory: data)
    try FileManager.default.createDirectory(
      at: store.folder("spring").appendingPathComponent("learners"),
      withIntermediateDirectories: true)
    let made = try store.create(name: "spring", course: "example")
    #expect(try store.cohort(named: "spring").code == made.code)
  }

  @Test func joinCodesParseAndGiveAStableRegistration() {
    #expect(Cohort.parse(code: " marina-k7p4qx ")?.code == "marina-K7P4QX")
    #expect(Cohort.parse(code: "marina-K0P4QX") == nil, "0 is not in the alphabet")
    #expect(Cohort.parse(code: "../x-ABCDEF") == nil)
    #expect(
      Cohort.registration(forCode: "marina-K7P4QX") == Cohort.registration(forCode: "marina-K7P4QX")
    )
    #expect(UUID(uuidString: Cohort.registration(forCode: "marina-K7P4QX")) != nil)
  }
}

/// Whether a document is well-formed XML, through Foundation's parser.
final class XMLParserProbe: NSObject, XMLParserDelegate {
  var isWellFormed = false
  var error: String?

  init(_ data: Data) {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    isWellFormed = parser.parse()
    error = parser.parserError.map { "\($0)" }
  }
}
