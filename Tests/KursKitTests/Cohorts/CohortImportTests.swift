import Foundation
import Testing

@testable import KursKit

/// The fast export reader and the cohort's summary index: they must give exactly what
/// `ExportFile.read` and the learners' statements give, and step aside for anything else.
@Suite struct CohortImportTests {
  let fixture: CohortTests

  init() throws { fixture = try CohortTests() }

  func folder() throws -> URL { try makeTemporaryDirectory() }

  func summaries(_ data: Data, course: String = "example") throws -> (
    fast: ExportScanner.Scanned?, slow: LearnerSummary
  ) {
    let file = try ExportFile.read(data)
    let records = try #require(file.courses.first { $0.id == course })
    let slow = LearnerSummary(
      id: file.learner.id, pseudonym: file.learner.pseudonym, seal: file.seal ?? "",
      exported: file.exported, statements: records.statements)
    return (ExportScanner.scan(data, course: course), slow)
  }

  @Test func theFastReaderTakesWhatKursExportsAndAgreesWithTheDecoder() throws {
    for (pseudonym, statements) in try fixture.members() {
      let data = try fixture.export(String(pseudonym.prefix(1)).lowercased(), pseudonym, statements)
      let (fast, slow) = try summaries(data)
      let scanned = try #require(fast, "the fast reader stepped aside for \(pseudonym)'s export")
      #expect(scanned.summary == slow)
      #expect(scanned.stored == nil, "a single-course export is stored as it came")
    }
  }

  /// A field given twice: the seal covers the value JSONDecoder reads (the first), other tools
  /// read the last. Refused, as in certificates.
  @Test func anExportWithAFieldGivenTwiceIsRefused() throws {
    let (_, statements) = try fixture.members()[1]
    let text = String(decoding: try fixture.export("b", "Bea", statements), as: UTF8.self)
    let doubled = text.replacingOccurrences(
      of: #""pseudonym" : "Bea""#, with: #""pseudonym" : "Bea", "pseudonym" : "Eve""#)
    #expect(doubled != text)
    #expect(throws: ExportFile.ExportError.notJSON("field 'learner.pseudonym' is given twice")) {
      try ExportFile.read(Data(doubled.utf8))
    }
    let store = CohortStore(dataDirectory: try folder())
    defer { try? FileManager.default.removeItem(at: store.root.deletingLastPathComponent()) }
    let cohort = try store.create(name: "spring", course: "example")
    guard case .refused(let reason) = store.importFile(Data(doubled.utf8), into: cohort) else {
      Issue.record("accepted")
      return
    }
    #expect(reason.contains("given twice"))
  }

  @Test func aSecondCourseIsLeftOutAndTheStoredFileIsSealedAgain() throws {
    let (_, statements) = try fixture.members()[1]
    let course = fixture.course
    let file = ExportFile(
      exported: "2026-11-22T10:00:00Z",
      learner: ExportFile.Learner(id: "b", pseudonym: "Bea \"B\" Ø"),
      courses: [
        ExportFile.CourseRecords(
          id: "aaa-other", version: "1", digest: "d", statements: Array(statements.prefix(2))),
        ExportFile.CourseRecords(
          id: course.id, version: course.version, digest: course.digest, statements: statements),
      ])
    let data = try file.sealed().encoded()
    let scanned = try #require(ExportScanner.scan(data, course: course.id))
    #expect(scanned.courses == ["aaa-other", course.id])
    let stored = try ExportFile.read(Data(try #require(scanned.stored)))
    #expect(stored.courses.map(\.id) == [course.id])
    #expect(stored.courses[0].statements == statements)
    #expect(stored.learner == file.learner)
    #expect(scanned.summary?.seal == stored.seal)
    #expect(ExportScanner.scan(data, course: "missing")?.summary == nil)
  }

  @Test func anythingUnusualIsLeftToTheDecoder() throws {
    let (_, statements) = try fixture.members()[0]
    let data = try fixture.export("a", "Ana", statements)
    let text = String(decoding: data, as: UTF8.self)
    // Edited: the seal no longer matches.
    #expect(
      ExportScanner.scan(
        Data(text.replacingOccurrences(of: "\"Ana\"", with: "\"Eve\"").utf8), course: "example")
        == nil)
    // Re-sealed after removing a field the decoder requires: still refused by both.
    var forged = try ExportFile.read(data)
    forged.seal = nil
    let forgedText = String(decoding: try forged.sealed().encoded(), as: UTF8.self)
    let broken = forgedText.replacingOccurrences(of: #""verb" : {"#, with: #""verbose" : {"#)
    #expect(broken != forgedText)
    #expect(
      ExportScanner.scan(try reseal(forgedText), course: "example") != nil,
      "resealing alone does not refuse a file")
    let resealed = try reseal(broken)
    #expect(throws: ExportFile.ExportError.self) { try ExportFile.read(resealed) }
    #expect(ExportScanner.scan(resealed, course: "example") == nil)
    // Keys out of order, or twice: what a decoder makes of them is its business.
    let swapped = text.replacingOccurrences(of: "\"format\" : \"kurs-export\",", with: "")
      .replacingOccurrences(
        of: "{\n  \"courses\"", with: "{\n  \"format\" : \"kurs-export\",\n  \"courses\"")
    #expect(swapped != text)
    #expect(ExportScanner.scan(Data(swapped.utf8), course: "example") == nil)
    // Not UTF-8.
    var invalid = Array(data)
    invalid.insert(0xFF, at: try #require(invalid.firstIndex(of: UInt8(ascii: "A"))))
    #expect(ExportScanner.scan(Data(invalid), course: "example") == nil)
  }

  /// The same text with its seal computed again over the edited learner and courses.
  func reseal(_ text: String) throws -> Data {
    typealias Cursor = JSONCursor
    let bytes = Array(text.utf8)
    var spans: [String: Range<Int>] = [:]
    let seal = try bytes.withUnsafeBufferPointer { buffer throws -> String in
      var cursor = Cursor(bytes: buffer)
      try cursor.object { (cursor: inout Cursor, key: String) throws(JSONCursor.SyntaxError) in
        spans[key] = try cursor.span { (cursor: inout Cursor) throws(JSONCursor.SyntaxError) in
          try cursor.skip()
        }
      }
      let learner = try #require(spans["learner"])
      let courses = try #require(spans["courses"])
      return ExportScanner.seal(
        ExportScanner.compact(buffer, learner), ExportScanner.compact(buffer, courses))
    }
    let old = try #require(
      spans["seal"].map {
        String(decoding: bytes[($0.lowerBound + 1)..<($0.upperBound - 1)], as: UTF8.self)
      })
    return Data(text.replacingOccurrences(of: old, with: seal).utf8)
  }

  @Test func oneImportOfTwoExportsOfALearnerKeepsTheNewerInEitherOrder() throws {
    let (_, all) = try fixture.members()[1]
    let early = try fixture.export(
      "b", "Bea", Array(all.prefix(3)), exported: "2026-11-20T10:00:00Z")
    let late = try fixture.export("b", "Bea", all, exported: "2026-11-22T10:00:00Z")
    for (order, expected) in [
      ([early, late], [CohortStore.ImportOutcome.added("Bea"), .updated("Bea")]),
      ([late, early], [.added("Bea"), .keptNewer("Bea")]),
    ] {
      let data = try folder()
      defer { try? FileManager.default.removeItem(at: data) }
      let store = CohortStore(dataDirectory: data)
      let cohort = try store.create(name: "spring", course: "example")
      #expect(try store.importAll(order.map { .data($0) }, into: cohort) == expected)
      #expect(try store.summaries(of: cohort).map(\.count) == [all.count])
      let stored = try Data(
        contentsOf: data.appendingPathComponent("cohorts/spring/learners/b.json"))
      #expect(stored == late)
      let leftovers = try FileManager.default.contentsOfDirectory(
        atPath: data.appendingPathComponent("cohorts/spring/learners").path)
      #expect(leftovers == ["b.json"], "no temporary file is left behind")
    }
  }

  @Test func theIndexIsACacheTheFilesWin() throws {
    let data = try folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let store = CohortStore(dataDirectory: data)
    let cohort = try store.create(name: "spring", course: "example")
    let members = try fixture.members()
    let exports = try members.map {
      try fixture.export(String($0.pseudonym.prefix(1)).lowercased(), $0.pseudonym, $0.statements)
    }
    _ = try store.importAll(exports.map { .data($0) }, into: cohort)
    let report = {
      CohortReport(
        cohort: cohort, course: fixture.course, summaries: try store.summaries(of: cohort),
        language: "en")
    }
    let expected = CohortReport(
      cohort: cohort, course: fixture.course, members: members, language: "en")
    #expect(try report() == expected)

    let index = data.appendingPathComponent("cohorts/spring/summaries.jsonl")
    let learners = data.appendingPathComponent("cohorts/spring/learners")
    // Lost or damaged: rebuilt from the files.
    try FileManager.default.removeItem(at: index)
    #expect(try report() == expected)
    try Data("{\"kurs-cohort-summaries\":1}\n{\"id\":\"a\",\"pseudonym\":\n".utf8).write(to: index)
    #expect(try report() == expected)
    // A learner's file replaced by hand with another valid export: the file is read again.
    try exports[0].write(to: learners.appendingPathComponent("b.json"))
    #expect(throws: CohortStore.CohortError.self, "the file named b holds a's records") {
      try store.summaries(of: cohort)
    }
    try exports[1].write(to: learners.appendingPathComponent("b.json"))
    #expect(try report() == expected)
    // Damaged: named, with what to do.
    try Data("{ cut".utf8).write(to: learners.appendingPathComponent("c.json"))
    do {
      _ = try store.summaries(of: cohort)
      Issue.record("a damaged learner file was read")
    } catch {
      #expect(error.description.contains("c.json"))
      #expect(error.description.contains("import the learner's export again"))
    }
    // Removed: gone from the report.
    try FileManager.default.removeItem(at: learners.appendingPathComponent("c.json"))
    #expect(try store.summaries(of: cohort).map(\.pseudonym) == ["Ana", "Bea"])
    #expect(
      !String(decoding: try Data(contentsOf: index), as: UTF8.self).contains("Cleo"),
      "the removed learner's summary is gone too")
  }

  @Test func indexLinesRoundTrip() throws {
    let summary = LearnerSummary(
      id: "x-1", pseudonym: "Ана \"q\" \\ \n\u{1}", seal: "s", last: "2026", count: 3,
      lastActivity: nil, completed: false,
      lastNode: "m/n",
      modules: [
        "m": .init(status: "failed", attempts: 2, best: 1, maximum: 4),
        "k": .init(status: "in-progress", attempts: 1, best: nil, maximum: nil),
      ],
      firstTry: ["m/q": true, "m/r": false], wrong: ["m/r": ["a,b": 2, "ü": 1]])
    let entry = CohortIndex.Entry(
      summary: summary, stamp: .init(size: 10, modified: 1_763_800_000_123_456_789, inode: 7))
    let data = CohortIndex.encode(["x-1": entry])
    #expect(CohortIndex.read(data) == ["x-1": entry])
    #expect(
      CohortIndex.read(Data("{\"kurs-cohort-summaries\":2}\n".utf8) + data.dropFirst(28)).isEmpty,
      "another version is not guessed at")

    // Several megabytes are read in slices, one per core and more: every line exactly once.
    var many: [String: CohortIndex.Entry] = [:]
    for number in 0..<12_000 {
      var copy = entry
      copy.summary.id = "learner-\(number)"
      copy.summary.count = number
      many[copy.summary.id] = copy
    }
    let big = CohortIndex.encode(many)
    #expect(big.count > 3_000_000)
    #expect(CohortIndex.read(big) == many)
  }
}
