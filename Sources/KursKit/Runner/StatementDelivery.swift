import Foundation

/// Delivers the journal's statements to a learning record store (`--lrs`) in the background,
/// through a `StatementSender` over the journal's `StatementOutbox`: the learner never waits on
/// the network, and what is not delivered waits in the journal for the next try. Says so on
/// the console when a delivery fails for a new reason, in the interface's language of the
/// moment.
final class StatementDelivery {
  private let console: Console
  private let journal: Journal
  private let lrs: LRSClient?
  /// Made at the first delivery, so that a session without `--lrs` never makes one.
  private lazy var sender: StatementSender? = lrs.map {
    StatementSender(outbox: StatementOutbox(journal: journal, client: $0))
  }

  /// - Parameter lrs: where statements go; `nil`: nowhere, and every call does nothing.
  init(lrs: LRSClient?, journal: Journal, console: Console) {
    self.lrs = lrs
    self.journal = journal
    self.console = console
  }

  /// Asks for what the LRS has not received yet to be sent, in the background. The journal is
  /// already safe on disk; a failure only means the statements wait for the next try.
  /// - Parameter force: try now even while backing off (a session mark: the learner leaves or
  ///   comes back).
  func wake(force: Bool, language: String) {
    guard let sender else { return }
    sender.wake(force: force)
    if let failure = sender.newFailure() {
      console.writeError("kurs: " + Localization.string(.lrsWaiting, language, "\(failure)") + "\n")
    }
  }

  /// At the end of the session, one last delivery, waited for a few seconds at most: what is
  /// not delivered then waits in the journal for the next run.
  func finish(language: String) {
    guard let sender else { return }
    let slow = {
      self.console.writeError("kurs: " + Localization.string(.lrsSending, language) + "\n")
    }
    switch sender.finish(slow: slow) {
    case .delivered: break
    case .failed(let failure):
      if sender.newFailure() != nil {
        console.writeError(
          "kurs: " + Localization.string(.lrsWaiting, language, "\(failure)") + "\n")
      }
    case .stillSending:
      console.writeError("kurs: " + Localization.string(.lrsLater, language) + "\n")
    }
  }
}
