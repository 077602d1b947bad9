import Foundation

/// Sends a journal's statements to the learning record store on a thread of its own, so that
/// the learner never waits on the network: the runner writes each step to the journal (the
/// on-disk queue, `StatementOutbox`) and only asks this sender to deliver it. Requests are
/// coalesced: one delivery sends whatever the journal holds by then.
///
/// A class: the runner's thread and the sending thread share one state (guarded by a condition
/// variable); that sharing is the point.
public final class StatementSender: @unchecked Sendable {
  /// How a session's deliveries ended.
  public enum Outcome: Equatable, Sendable {
    /// Everything in the journal reached the LRS.
    case delivered
    /// The last attempt failed; the statements wait in the journal for the next run.
    case failed(LRSClient.LRSError)
    /// A delivery was still under way when the time was up; it is finished next run.
    case stillSending
  }

  private let outbox: StatementOutbox
  private let retryAfter: TimeInterval
  private let now: @Sendable () -> Date
  // Everything below is read and written only with `condition` locked.
  private let condition = NSCondition()
  private var requested = false
  private var sending = false
  private var started = false
  private var failedAt: Date?
  private var failure: LRSClient.LRSError?
  private var failureShown = false

  /// - Parameters:
  ///   - outbox: the journal and the LRS. Requests get at least `backgroundTimeout`: nobody
  ///     waits for them, and a slow LRS should still receive the statements.
  ///   - retryAfter: after a failure, deliveries that are not forced wait this long, so an
  ///     unreachable LRS is not asked again at every step.
  ///   - now: the clock that times the back-off.
  public init(
    outbox: StatementOutbox, retryAfter: TimeInterval = 60, backgroundTimeout: TimeInterval = 30,
    now: @escaping @Sendable () -> Date = Date.init
  ) {
    var outbox = outbox
    outbox.client.timeout = max(outbox.client.timeout, backgroundTimeout)
    self.outbox = outbox
    self.retryAfter = retryAfter
    self.now = now
  }

  /// Asks for the journal's statements to be sent, and returns at once.
  /// - Parameter force: try even if the last attempt failed less than `retryAfter` ago (the
  ///   start and the end of a session).
  public func wake(force: Bool = false) {
    condition.lock()
    defer { condition.unlock() }
    if !force, let failedAt, now().timeIntervalSince(failedAt) < retryAfter { return }
    requested = true
    if !started {
      started = true
      let thread = Thread { [self] in deliverForever() }
      thread.name = "kurs statements"
      thread.start()
    }
    condition.broadcast()
  }

  /// The failure of the last attempt, once: `nil` when it was already returned, or when the
  /// last attempt succeeded. The runner shows it between two screens, from its own thread.
  public func newFailure() -> LRSClient.LRSError? {
    condition.lock()
    defer { condition.unlock() }
    guard let failure, !failureShown else { return nil }
    failureShown = true
    return failure
  }

  /// Makes one last attempt and waits for it, at most `grace` seconds in all.
  /// - Parameter slow: called once (from this thread) when the wait lasts longer than
  ///   `patience` seconds, to say what is happening.
  public func finish(grace: TimeInterval = 5, patience: TimeInterval = 1, slow: () -> Void)
    -> Outcome
  {
    wake(force: true)
    // Real time, not the injected clock: this is the learner's time, spent waiting.
    let start = DispatchTime.now().uptimeNanoseconds
    condition.lock()
    defer { condition.unlock() }
    var told = false
    while requested || sending {
      let waited = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      if waited >= grace { return .stillSending }
      if !told && waited >= patience {
        told = true
        condition.unlock()
        slow()
        condition.lock()
        continue
      }
      _ = condition.wait(
        until: Date().addingTimeInterval(min(told ? grace - waited : patience - waited, 0.25)))
    }
    if let failure { return .failed(failure) }
    return .delivered
  }

  /// The sending thread: waits for a request, delivers, notes how it went.
  private func deliverForever() {
    while true {
      condition.lock()
      while !requested { condition.wait() }
      requested = false
      sending = true
      condition.unlock()
      var result: LRSClient.LRSError?
      do {
        try outbox.flush()
      } catch {
        result = error
      }
      condition.lock()
      sending = false
      if let result {
        if failure == nil { failureShown = false }
        failure = result
        failedAt = now()
      } else {
        failure = nil
        failedAt = nil
        failureShown = false
      }
      condition.broadcast()
      condition.unlock()
    }
  }
}
