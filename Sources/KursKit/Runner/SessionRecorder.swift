import Foundation

/// Writes a session to the learner's journal: each recorded step (`Engine.records`), which
/// must be on disk before the learner goes on, and the session's marks (launched, resumed,
/// suspended), which need not. Stamps each entry with the session's clock and ids, keeps the
/// xAPI registration of each module run, and wakes the LRS delivery after each write.
final class SessionRecorder {
  private let course: Course
  private let learner: LearnerProfile
  private let journal: Journal
  private let options: LearningSession.Options
  private let terminal: SessionTerminal
  private let delivery: StatementDelivery
  /// The current run of each module: the xAPI registration of its statements.
  var registrations: [String: String] = [:]
  /// Whether the journal holds anything: at the start, whether this is a resumption; then set
  /// once the first screen's mark or a step is on disk (from then on `q` can say "saved").
  var hasRecords = false

  init(
    course: Course, learner: LearnerProfile, journal: Journal, options: LearningSession.Options,
    terminal: SessionTerminal, delivery: StatementDelivery
  ) {
    self.course = course
    self.learner = learner
    self.journal = journal
    self.options = options
    self.terminal = terminal
    self.delivery = delivery
  }

  private func t(_ key: Localization.Key, _ arguments: String...) -> String {
    Localization.string(key, terminal.uiLanguage, arguments: arguments)
  }

  /// Writes a step to the journal. When that fails (a full disk, no permission), says so and
  /// why, and offers to try again or to stop; nothing goes on until the step is on disk.
  /// - Parameters:
  ///   - currentModule: the learner's module before the step.
  /// - Returns: whether the step is on disk (`false`: the learner stopped).
  func save(_ input: EngineInput, _ events: [EngineEvent], currentModule: String?) -> Bool {
    let entry = entry(input, events, session: nil, currentModule: currentModule)
    let console = terminal.console
    var failed = false
    while true {
      do {
        try journal.append(entry, course: course)
        if failed || !hasRecords {
          options.setInterruptMessage("\n" + t(.saved, options.resumeCommand) + "\n")
        }
        hasRecords = true
        delivery.wake(force: false, language: terminal.uiLanguage)
        return true
      } catch {
        if !failed {
          options.setInterruptMessage("\n" + t(.notSavedStopped, options.resumeCommand) + "\n")
        }
        failed = true
        console.writeError("kurs: " + t(.notSaved, reason(error)) + "\n")
        console.write("> ")
        let line = terminal.input.readLine()
        if let line, LearnerKeys.key(line) == QuickExit.key {
          console.clearScreenAndScrollback()
          return false
        }
        guard let line, LearnerKeys.key(line) != "q" else {
          terminal.say("\n" + t(.notSavedStopped, options.resumeCommand))
          return false
        }
      }
    }
  }

  /// A session mark (launched, resumed, suspended): not an answer, so a failure to save one is
  /// reported and the learner goes on.
  /// - Returns: whether the mark is on disk.
  @discardableResult
  func mark(_ session: Journal.SessionMark, currentModule: String?) -> Bool {
    do {
      try journal.append(
        entry(nil, [], session: session, currentModule: currentModule), course: course)
    } catch {
      terminal.console.writeError(
        "kurs: " + t(.saveFailed, journal.url.path, reason(error)) + "\n")
      return false
    }
    delivery.wake(force: true, language: terminal.uiLanguage)
    return true
  }

  /// Why a file could not be written, in the learner's words.
  private func reason(_ error: any Error) -> String {
    let code = (error as? POSIXError)?.code.rawValue ?? 0
    switch code {
    case ENOSPC, EDQUOT: return t(.notSavedDiskFull, journal.url.deletingLastPathComponent().path)
    case EACCES, EPERM, EROFS:
      return t(.notSavedPermission, journal.url.path, String(cString: strerror(code)))
    default: return "\(journal.url.path): \(error.localizedDescription)"
    }
  }

  /// The journal entry for a step or a mark; a module's start begins a new run (registration).
  private func entry(
    _ input: EngineInput?, _ events: [EngineEvent], session: Journal.SessionMark?,
    currentModule: String?
  ) -> Journal.Entry {
    for case .moduleStarted(let module, _) in events {
      registrations[module] = options.newID()
    }
    let module =
      events.lazy.compactMap { event -> String? in
        if case .moduleStarted(let module, _) = event { return module }
        return nil
      }.first ?? currentModule
    // In a cohort, every statement carries the cohort's registration (the host pulls by it);
    // otherwise the registration is the module run.
    let cohort = learner.cohorts?[course.id].map(Cohort.registration(forCode:))
    return Journal.Entry(
      id: options.newID(), time: options.now(), course: course.id, courseVersion: course.version,
      digest: course.digest,
      registration: cohort ?? module.flatMap { registrations[$0] },
      attempt: module.flatMap { registrations[$0] },
      input: input, session: session, events: events)
  }
}
