import Foundation
import Testing

@testable import KursKit

/// Statements as other tools read them: xAPI response patterns, activity definitions in every
/// language, scores out of the right maximum, IRL home pages, version-5 derived ids, and every
/// statement valid for Ralph's xAPI models.
@Suite struct StatementTests {
  let course: Course

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
  }

  /// One step with every kind of event Kurs writes, answers to every kind of question included.
  func statements() -> [Statement] {
    let events: [EngineEvent] = [
      .moduleStarted(module: "practice", run: 1),
      .nodeEntered(module: "basics", node: "welcome"),
      .hintShown(module: "practice", question: "order", hint: 1),
      .answered(
        module: "basics", question: "stop", response: "calm", points: 2, maximum: 2,
        isCorrect: true, attempt: 1, isFinal: true),
      .answered(
        module: "basics", question: "stop", response: "run", points: -1, maximum: 2,
        isCorrect: false, attempt: 1, isFinal: false),
      .answered(
        module: "basics", question: "what-to-note", response: "time,place", points: 2, maximum: 3,
        isCorrect: false, attempt: 1,
        isFinal: true),
      .answered(
        module: "practice", question: "order", response: "write>copies>complain", points: 2,
        maximum: 2, isCorrect: true, attempt: 1,
        isFinal: true),
      .answered(
        module: "practice", question: "match",
        response: "ombudsperson=prosecutor;prosecutor=ombudsperson", points: 0, maximum: 2,
        isCorrect: false, attempt: 1, isFinal: true),
      .answered(
        module: "practice", question: "truth", response: "false", points: 1, maximum: 1,
        isCorrect: true, attempt: 1, isFinal: true),
      // A story decision worth nothing.
      .answered(
        module: "basics", question: "decision", response: "a", points: 0, maximum: 0,
        isCorrect: false, attempt: 1, isFinal: true),
      .moduleEnded(module: "practice", status: .passed, score: 3, maximum: 5),
      .courseCompleted(score: 5),
    ]
    let journal = Journal(
      url: URL(fileURLWithPath: "/nonexistent/example.journal"), learnerID: "learner-1")
    let entry = Journal.Entry(
      time: Date(timeIntervalSince1970: 1_790_000_000), course: course.id,
      courseVersion: course.version, digest: course.digest,
      registration: "7d3c1f0e-1111-4222-8333-944455556666", input: .proceed, events: events)
    return journal.statements(for: entry, learnerID: "learner-1", course: course)
  }

  func answer(_ question: String, in statements: [Statement]) -> [Statement] {
    statements.filter {
      $0.verb == Statement.Verbs.answered && $0.object.id.hasSuffix(":node:\(question)")
    }
  }

  @Test func responsesFollowTheXAPIPatternOfTheirInteractionType() throws {
    let all = statements()
    #expect(answer("what-to-note", in: all).first?.result?.response == "time[,]place")
    #expect(answer("order", in: all).first?.result?.response == "write[,]copies[,]complain")
    #expect(
      answer("match", in: all).first?.result?.response
        == "ombudsperson[.]prosecutor[,]prosecutor[.]ombudsperson")
    #expect(answer("truth", in: all).first?.result?.response == "false")
    #expect(answer("stop", in: all).first?.result?.response == "calm")
  }

  @Test func courseCompletionIsScoredOutOfTheCourseMaximum() throws {
    let completed = try #require(statements().first { $0.verb == Statement.Verbs.completed })
    let score = try #require(completed.result?.score)
    #expect(score.raw == 5)
    #expect(score.max > 5, "the course maximum, not the learner's own score")
    let maximum = course.scoredModules.map { ModuleGraph(module: $0).mostPoints }.reduce(0, +)
    #expect(score.max == maximum)
  }

  @Test func activitiesAreDefinedInEveryLanguageOfTheCourse() throws {
    for statement in statements() {
      let name = try #require(
        statement.object.definition?.name, "\(statement.object.id) has a name")
      // Every activity of the course is named in English and Russian; only the decision the
      // course does not have falls back to its id.
      if !statement.object.id.hasSuffix(":decision") {
        #expect(Set(name.keys).isSuperset(of: ["en", "ru"]), "\(statement.object.id): \(name)")
      }
    }
    let order = try #require(answer("order", in: statements()).first?.object.definition)
    #expect(order.description?["ru"] == "Расставьте шаги по порядку.")
    #expect(order.choices?.map(\.id) == ["write", "copies", "complain"])
    #expect(order.choices?.first?.description["en"] == "Write down what happened")
    #expect(order.correctResponsesPattern == ["write[,]copies[,]complain"])
    let match = try #require(answer("match", in: statements()).first?.object.definition)
    #expect(match.source?.first?.description["ru"] == "Омбудсмен")
    #expect(
      match.correctResponsesPattern == ["ombudsperson[.]ombudsperson[,]prosecutor[.]prosecutor"])
    let module = try #require(
      statements().first { $0.verb == Statement.Verbs.initialized }?.object.definition?.name)
    #expect(module == ["en": "Practice", "ru": "Практика"])
  }

  @Test func theActorsHomePageIsAnIRL() throws {
    for statement in statements() {
      let url = try #require(URL(string: statement.actor.account.homePage))
      #expect(url.scheme == "https", "\(statement.actor.account.homePage)")
    }
  }

  @Test func aDecisionWorthNoPointsIsNotAFailure() throws {
    let decision = try #require(answer("decision", in: statements()).first)
    #expect(decision.result?.success == nil)
    #expect(answer("what-to-note", in: statements()).first?.result?.success == false)
  }

  @Test func derivedStatementIdsAreVersion5UUIDs() throws {
    let all = statements()
    #expect(all[0].id.count == 36)
    for statement in all.dropFirst() {
      let characters = Array(statement.id)
      #expect(UUID(uuidString: statement.id) != nil)
      #expect(characters[14] == "5", "\(statement.id) is a version-5 UUID")
      #expect("89ab".contains(characters[19]), "\(statement.id) has the RFC variant")
    }
    // The RFC 9562 example: the v5 UUID of "www.example.com" in the DNS namespace.
    let dns: [UInt8] = [
      0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30,
      0xc8,
    ]
    #expect(
      NameBasedUUID.v5(namespace: dns, name: "www.example.com")
        == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
  }

  /// Ralph's own xAPI models (the LRS the suite runs, scripts/lrs-server) accept every
  /// statement. Skipped, with a notice, where Ralph's virtual environment is not installed.
  @Test func ralphsXAPIModelsAcceptEveryStatement() throws {
    let environment = ProcessInfo.processInfo.environment
    let venv =
      environment["KURS_LRS_VENV"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(
        ".cache/kurs/ralph-5.1.0")
    let ralph = venv.appendingPathComponent("bin/ralph")
    guard FileManager.default.isExecutableFile(atPath: ralph.path) else {
      print(
        "StatementTests: SKIPPED Ralph validation: no Ralph at \(ralph.path) (scripts/test installs it; KURS_SKIP_LRS=1 skips it)"
      )
      return
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var input = Data()
    for statement in statements() {
      input += try encoder.encode(statement)
      input.append(UInt8(ascii: "\n"))
    }
    // Ralph's `validate` command looks only for its profiles (edX, video...); the base model
    // is what xAPI itself requires of any statement, with Ralph's strict extra-field rules.
    let script = """
      import json, sys
      from ralph.models.xapi.base.statements import BaseXapiStatement
      bad = 0
      for number, line in enumerate(sys.stdin, 1):
          try:
              BaseXapiStatement.model_validate(json.loads(line))
          except Exception as error:
              bad += 1
              print(f"statement {number}: {error}")
      print(f"{bad} invalid")
      """
    let python = venv.appendingPathComponent("bin/python")
    let (status, output, errors) = try Self.run(python, ["-c", script], input: input)
    #expect(status == 0, "ralph: \(errors)")
    #expect(
      output.hasSuffix("0 invalid\n") && output.split(separator: "\n").count == 1,
      "Ralph's xAPI model refused:\n\(output)")
  }

  static func run(_ tool: URL, _ arguments: [String], input: Data) throws -> (Int32, String, String)
  {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(input)
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorBox = ErrorBox()
    let reader = Thread { errorBox.data = stderr.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorBox.done { Thread.sleep(forTimeInterval: 0.01) }
    return (
      process.terminationStatus, String(decoding: output, as: UTF8.self),
      String(decoding: errorBox.data, as: UTF8.self)
    )
  }
}

/// Standard error of a tool, read on its own thread.
final class ErrorBox: @unchecked Sendable {
  private let lock = NSLock()
  private var stored = Data()
  private var finished = false
  var data: Data {
    get { lock.withLock { stored } }
    set {
      lock.withLock {
        stored = newValue
        finished = true
      }
    }
  }
  var done: Bool { lock.withLock { finished } }
}
