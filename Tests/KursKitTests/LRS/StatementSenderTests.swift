import Foundation
import Testing

@testable import KursKit

/// Delivery in the background: the caller never waits on the store, failures are shown once
/// and retried after a while.
@Suite struct StatementSenderTests {
  @Test func aSlowStoreDoesNotHoldTheCallerAndTheLastDeliveryIsWaitedForBriefly() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try StatementOutboxTests.journal(in: folder)
    let gate = DispatchSemaphore(value: 0)
    let slow = ScriptedStore { request in
      gate.wait()  // held until the test lets it go
      return (
        200,
        "["
          + ((try? JSONDecoder().decode(
            [ScriptedStore.Identified].self, from: request.body ?? Data())) ?? []).map {
            "\"\($0.id)\""
          }.joined(separator: ",") + "]"
      )
    }
    let sender = StatementSender(
      outbox: StatementOutbox(journal: journal, client: try slow.client()))
    sender.wake()  // returns although the store holds the request
    var told = false
    #expect(sender.finish(grace: 0.3, patience: 0.1, slow: { told = true }) == .stillSending)
    #expect(told)
    gate.signal()
    #expect(sender.finish(grace: 10, slow: {}) == .delivered)
    #expect(!StatementOutbox(journal: journal, client: try slow.client()).hasPending)
  }

  @Test func aFailureIsReportedOnceAndNotRetriedAtEveryStep() throws {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = try StatementOutboxTests.journal(in: folder)
    let down = ScriptedStore { _ in (503, "down") }
    let clock = Clock()
    let sender = StatementSender(
      outbox: StatementOutbox(journal: journal, client: try down.client()), now: { clock.now })
    #expect(sender.finish(slow: {}) == .failed(.rejected(status: 503, body: "down")))
    #expect(sender.newFailure() != nil)
    #expect(sender.newFailure() == nil, "the same failure is shown once")
    let tries = down.posted.count
    sender.wake()  // within a minute of the failure: not tried
    usleep(200_000)
    #expect(down.posted.count == tries)
    clock.now += 61
    sender.wake()  // a minute later: tried again
    let deadline = Date().addingTimeInterval(10)
    while down.posted.count == tries && Date() < deadline { usleep(10_000) }
    #expect(down.posted.count == tries + 1)
  }

  final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Date(timeIntervalSince1970: 1_790_000_000)
    var now: Date {
      get { lock.withLock { value } }
      set { lock.withLock { value = newValue } }
    }
  }
}
