import Foundation
import Testing

@testable import KursKit

/// A record store played in process: it answers each request from `reply` and keeps them.
final class ScriptedStore: @unchecked Sendable {
  private let lock = NSLock()
  private var requests: [LRSClient.Request] = []
  private let reply: @Sendable (LRSClient.Request) -> (Int, String)

  init(reply: @escaping @Sendable (LRSClient.Request) -> (Int, String)) { self.reply = reply }

  /// An honest store: stores what is posted and names the new ids; returns a statement it has.
  static func honest() -> ScriptedStore {
    let stored = Stored()
    return ScriptedStore { request in
      if request.method == "POST" {
        let ids =
          (try? JSONDecoder().decode([Identified].self, from: request.body ?? Data()))?.map(\.id)
          ?? []
        return (200, "[" + stored.add(ids).map { "\"\($0)\"" }.joined(separator: ",") + "]")
      }
      let id = request.url.query?.components(separatedBy: "statementId=").last ?? ""
      return stored.has(id) ? (200, "{\"id\":\"\(id)\"}") : (404, "{}")
    }
  }

  struct Identified: Decodable { var id: String }

  final class Stored: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    func add(_ new: [String]) -> [String] {
      lock.lock()
      defer { lock.unlock() }
      let fresh = new.filter { !ids.contains($0) }
      ids += fresh
      return fresh
    }
    func has(_ id: String) -> Bool {
      lock.lock()
      defer { lock.unlock() }
      return ids.contains(id)
    }
  }

  var posted: [[String]] {
    lock.lock()
    defer { lock.unlock() }
    return requests.filter { $0.method == "POST" }.map {
      ((try? JSONDecoder().decode([Identified].self, from: $0.body ?? Data())) ?? []).map(\.id)
    }
  }

  func client() throws -> LRSClient {
    var client = try LRSClient(url: "http://127.0.0.1:8100/xAPI/", credentials: nil)
    client.transport = { request, _ in
      self.lock.lock()
      self.requests.append(request)
      self.lock.unlock()
      let (status, body) = self.reply(request)
      return (status, Data(body.utf8))
    }
    return client
  }
}

/// The journal as the queue: nothing counts as delivered before the store confirms it.
@Suite struct StatementOutboxTests {
  /// A journal of the example course with `steps` steps (each one or more statements).
  static func journal(in folder: URL, steps: Int = 5) throws -> Journal {
    let course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
    let engine = Engine(course: course, language: "en", seed: "learner-1")
    let journal = Journal(
      url: folder.appendingPathComponent("example.journal"), learnerID: "learner-1")
    let inputs: [EngineInput] = [
      .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["calm"])),
      .proceed,
    ]
    var state = CourseState()
    for input in inputs.prefix(steps) {
      let step = try engine.apply(input, to: state)
      state = step.state
      try journal.append(
        Journal.Entry(
          time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
          registration: nil, input: input,
          events: step.events),
        course: course)
    }
    return journal
  }

  static func ids(of journal: Journal) throws -> [String] {
    try String(contentsOf: journal.url, encoding: .utf8).split(separator: "\n").map {
      try JSONDecoder().decode(ScriptedStore.Identified.self, from: Data($0.utf8)).id
    }
  }

  @Test func aStoreThatAnswers200WithoutTheIdsKeepsEveryStatementQueued() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try Self.journal(in: folder)
    let liar = ScriptedStore { _ in (200, "[]") }
    #expect(throws: LRSClient.LRSError.self) {
      try StatementOutbox(journal: journal, client: liar.client()).flush()
    }
    let honest = ScriptedStore.honest()
    #expect(
      try StatementOutbox(journal: journal, client: honest.client()).flush()
        == Self.ids(of: journal).count)
    #expect(honest.posted.flatMap { $0 } == (try Self.ids(of: journal)))
  }

  @Test func theCursorMovesPastEachConfirmedBatchOnly() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try Self.journal(in: folder)
    let ids = try Self.ids(of: journal)
    // Confirms the first two-statement batch, then fails.
    let once = ScriptedStore { request in
      let sent =
        (try? JSONDecoder().decode([ScriptedStore.Identified].self, from: request.body ?? Data()))?
        .map(\.id) ?? []
      return sent.first == ids.first
        ? (200, "[\"\(sent.joined(separator: "\",\""))\"]") : (503, "busy")
    }
    var outbox = StatementOutbox(journal: journal, client: try once.client())
    outbox.batchSize = 2
    #expect(throws: LRSClient.LRSError.rejected(status: 503, body: "busy")) { try outbox.flush() }
    let honest = ScriptedStore.honest()
    outbox = StatementOutbox(journal: journal, client: try honest.client())
    outbox.batchSize = 2
    try outbox.flush()
    #expect(
      honest.posted.flatMap { $0 } == Array(ids.dropFirst(2)), "the confirmed batch was sent again")
    #expect(!outbox.hasPending)
  }

  @Test func aStatementLeftOutOfTheAnswerCountsWhenTheStoreReturnsIt() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try Self.journal(in: folder)
    let honest = ScriptedStore.honest()
    try StatementOutbox(journal: journal, client: honest.client()).flush()
    // Sent again after a lost cursor: the store names none of them (it had them all).
    try FileManager.default.removeItem(at: journal.url.appendingPathExtension("sent"))
    #expect(
      try StatementOutbox(journal: journal, client: honest.client()).flush()
        == Self.ids(of: journal).count)
  }
}
