import Foundation

/// One learner taking one course: replays their journal, shows screens, reads their lines,
/// records every step before showing the next screen. Terminal details come in through
/// `Console`, `LineReader` and `SessionOptions`, so tests drive it with scripted lines.
public final class LearningSession {
  public struct Options: Sendable {
    public var plain = false
    public var colour = false
    /// The terminal width now (measured again before each screen).
    public var width: @Sendable () -> Int = { 80 }
    /// Rows per screen for long pages; `nil` prints everything (scripted mode).
    public var height: @Sendable () -> Int? = { nil }
    /// The command that continues this session, shown when the learner stops.
    public var resumeCommand = "kurs resume"
    /// Where the learner's certificates go when they complete a course; `nil`: none are issued.
    public var certificatesDirectory: URL?
    /// Sends the journal's statements to a learning record store (`--lrs`), if any.
    public var lrs: LRSClient?
    /// Sets what Ctrl-C prints: while a step waits unsaved, it must not say "saved".
    public var setInterruptMessage: @Sendable (String) -> Void = { _ in }
    /// The interface's language, when it is not the course's (a Ukrainian interface over a
    /// course in Russian); `nil`: the course's language.
    public var uiLanguage: String?
    /// Whether text is wrapped at the terminal's width. Off in plain mode unless asked
    /// (`--wrap N`), so that a screen reader reads a paragraph as one line.
    public var lineBreaks = true
    /// What the language key (`l`) offers and where the choice is kept; `nil`: the languages of
    /// the interface and the course, kept for this session only.
    public var languageSwitch: LanguageSwitch?
    /// `--discreet`: `q` also clears the screen and the scrollback, as the quick exit does.
    public var discreet = false
    /// The clock: the time of each journal entry and the date of a certificate.
    public var now: @Sendable () -> Date = Date.init
    /// A new unique id: each journal entry's statement id, each module run's registration and
    /// each certificate's id.
    public var newID: @Sendable () -> String = { UUID().uuidString.lowercased() }
    public init() {}
  }

  let course: Course
  private(set) var engine: Engine
  let learner: LearnerProfile
  let journal: Journal
  let console: Console
  let input: LineReader
  let options: Options
  /// The course's language (its texts).
  private(set) var language: String
  /// The interface's language (the runner's own words).
  var uiLanguage: String { terminal.uiLanguage }
  private(set) var state = CourseState()
  /// Writes the steps and the session's marks to the journal.
  private let recorder: SessionRecorder
  /// Whether the journal holds anything (see `SessionRecorder.hasRecords`).
  private var hasRecords: Bool { recorder.hasRecords }
  /// Delivers the journal's statements to the LRS (`--lrs`), if any, in the background.
  private let delivery: StatementDelivery
  /// The certificate at the end of the course.
  private let award: CertificateAward

  public init(
    course: Course, learner: LearnerProfile, language: String, journal: Journal, console: Console,
    input: LineReader, options: Options
  ) {
    self.course = course
    self.learner = learner
    self.language = language
    self.terminal = SessionTerminal(
      console: console, input: input, options: options,
      uiLanguage: options.uiLanguage ?? language)
    self.engine = Engine(course: course, language: language, seed: learner.id)
    self.engine.interfaceLanguage = options.uiLanguage
    self.journal = journal
    self.console = console
    self.input = input
    self.options = options
    self.delivery = StatementDelivery(lrs: options.lrs, journal: journal, console: console)
    self.recorder = SessionRecorder(
      course: course, learner: learner, journal: journal, options: options, terminal: terminal,
      delivery: delivery)
    self.award = CertificateAward(
      course: course, learner: learner, journal: journal,
      directory: options.certificatesDirectory, now: options.now, newID: options.newID)
  }

  /// The screen, the prompt and the session's messages.
  let terminal: SessionTerminal

  var renderer: ScreenRenderer { terminal.renderer }

  func t(_ key: Localization.Key, _ arguments: String...) -> String {
    Localization.string(key, uiLanguage, arguments: arguments)
  }

  /// Rebuilds the learner's state from the journal.
  /// - Returns: notices for the learner (a cut-off last record, a changed course), if any.
  public func restore() throws(Journal.ReadError) -> [String] {
    let (entries, notice) = try journal.read()
    var notices = notice.map { [$0.text(uiLanguage)] } ?? []
    let outcome = Replay.rebuild(entries, engine: engine)
    if let change = outcome.change {
      notices.append(
        t(.courseChanged, change.oldVersion, change.newVersion, String(change.dropped)))
      if !change.retakes.isEmpty {
        let titles = change.retakes.map { id in
          course.module(id).flatMap { engine.text($0.title).map(renderer.inline) } ?? id
        }
        notices.append(t(.retakeNeeded, titles.joined(separator: ", ")))
      }
    }
    for gap in outcome.gaps {
      notices.append(
        "\(journal.url.path):\(gap.line): "
          + t(.journalGap, gap.module, gap.journalNode, gap.replayedNode))
    }
    state = outcome.state
    recorder.registrations = outcome.registrations
    recorder.hasRecords = !entries.isEmpty
    return notices
  }

  /// The learner's state after `restore()`.
  public var currentState: CourseState { state }

  // MARK: Running

  /// Runs until the learner quits, the input ends, or the course is done.
  /// - Parameter module: the module to start (`--module`), else where the learner stopped,
  ///   else the next open module.
  public func run(module requested: String?) -> ExitCode {
    defer { delivery.finish(language: uiLanguage) }
    if let requested, course.module(requested) == nil {
      let ids = course.modules.map(\.id)
      console.writeError(
        "kurs: "
          + t(
            .noSuchModule, course.id, requested,
            Localization.didYouMean(requested, ids, language: uiLanguage),
            ids.joined(separator: ", "))
          + "\n")
      return .usage
    }
    let isFirstVisit = state.modules.isEmpty
    if hasRecords {
      recorder.mark(.resumed, currentModule: state.currentModule)
    } else {
      // The first screen is saved: quitting here, `kurs resume` comes back to it.
      recorder.hasRecords = recorder.mark(.launched, currentModule: state.currentModule)
      if !hasRecords {
        let start = "kurs start \(course.id)" + options.resumeCommand.dropFirst("kurs resume".count)
        options.setInterruptMessage("\n" + t(.nothingSavedYet, start) + "\n")
      }
    }
    if isFirstVisit, !course.contentNote.isEmpty {
      switch contentNote(course.contentNote) {
      case .read: break
      case .quit: return quit()
      case .quickExit: return quickExit()
      case .inputEnded: return endOfInput()
      }
    }

    var screen: Screen
    do {
      if let requested {
        if state.currentModule == requested, state.module(requested).status == .inProgress {
          screen = try currentScreen()
        } else {
          guard let started = try startModule(requested) else {
            return leftAtNote(otherwise: .success)
          }
          screen = started
        }
      } else if let current = state.currentModule, state.module(current).status == .inProgress {
        screen = try currentScreen()
        welcomeBack(screen)
      } else if let next = engine.nextModule(in: state) {
        guard let started = try startModule(next) else { return leftAtNote(otherwise: .success) }
        screen = started
      } else {
        say(t(.courseComplete))
        // A certificate lost before (a stop at the last screen, a kill while writing) is made now.
        let certified = repairCertificate()
        showProgress()
        return certified ? .success : .notSaved
      }
    } catch {
      return refused(error)
    }
    return loop(from: screen)
  }

  private func currentScreen() throws(StepError) -> Screen {
    do {
      return try engine.currentScreen(state)
    } catch {
      throw .refused(error)
    }
  }

  /// Shows the module's content note, then starts it. `nil` when the learner quit at the note.
  private func startModule(_ id: String) throws(StepError) -> Screen? {
    // A locked module is refused before its note is shown.
    let missing = engine.missingRequirements(of: id, in: state)
    if !missing.isEmpty { throw .refused(.moduleLocked(module: id, missing: missing)) }
    if let module = course.module(id), !module.contentNote.isEmpty {
      let outcome = contentNote(module.contentNote, before: module)
      guard outcome == .read else {
        stoppedAtNote = outcome
        return nil
      }
    }
    if let module = course.module(id), module.contentNote.isEmpty {
      show(moduleIntroduction(module))
    }
    return try step(.startModule(id))
  }

  private enum NoteOutcome { case read, quit, quickExit, inputEnded }

  /// A content note before a course or module. The keys work here too: the learner can open
  /// the help resources before reading on.
  private func contentNote(_ note: LocalizedBody, before module: Module? = nil) -> NoteOutcome {
    // Computed, so that after a change of language the note is shown in the new one.
    var lines: [String] {
      let introduction = module.map { moduleIntroduction($0) + [""] } ?? []
      return introduction + renderer.progressTitle(t(.contentNoteTitle))
        + renderer.blocks(engine.blocks(note))
        + [""] + renderer.wrapped(t(.pauseReminder)) + [""] + renderer.wrapped(t(.pressEnter))
    }
    show(lines)
    while true {
      guard let line = terminal.prompt(canGoBack: false) else { return .inputEnded }
      switch LearnerKeys.key(line) {
      case "q": return .quit
      case QuickExit.key: return .quickExit
      case "?": show(renderer.helpLines(t(.help) + "\n" + t(.helpMore)))
      case "r": showResources()
      case "p": showProgress()
      case "c": showContents()
      case LearnerKeys.language: if chooseLanguage() { show(lines) }
      case "s": show(lines)
      default: return .read
      }
    }
  }

  /// Why a step did not happen: the engine refused the input, or the step could not be saved
  /// and the learner chose to stop.
  enum StepError: Error, Equatable, CustomStringConvertible {
    case refused(EngineError)
    case notSaved

    var description: String {
      switch self {
      case .refused(let refusal): refusal.description
      case .notSaved: "the step could not be saved and the learner stopped"
      }
    }
  }

  /// Applies an input, records it, and returns the next screen. The learner's state moves on
  /// only once the step is on disk: a step that could not be saved is never shown as done.
  private func step(_ input: EngineInput) throws(StepError) -> Screen {
    let result: Engine.Step
    do {
      result = try engine.apply(input, to: state)
    } catch {
      throw .refused(error)
    }
    if Engine.records(input, from: state) {
      guard recorder.save(input, result.events, currentModule: state.currentModule) else {
        throw .notSaved
      }
    }
    state = result.state
    return result.screen
  }

  private func loop(from first: Screen) -> ExitCode {
    var screen = first
    while true {
      show(renderer.render(screen))
      let canGoBack: Bool
      switch screen {
      case .page(let page): canGoBack = page.canGoBack
      case .question(let question): canGoBack = question.canGoBack
      default: canGoBack = false
      }
      var answered = false
      // Matching pairs given so far, when the learner answers one pair at a time (kept in the
      // journal, so a stop mid-question keeps them).
      var pendingPairs: [String: String] = [:]
      if case .question(let question) = screen { pendingPairs = question.pendingMatches }
      // The footer of keys once per screen: a screen reader reads it again only when something
      // new was shown, not after each message about a typo.
      var footerShown = false
      while !answered {
        guard let line = terminal.prompt(canGoBack: canGoBack, footer: !footerShown) else {
          return endOfInput()
        }
        let key = LearnerKeys.key(line)
        // After the help, the resources, the progress or the screen again, the keys are shown anew.
        footerShown = !["?", "r", "p", "s", "c", LearnerKeys.language].contains(key)
        switch key {
        case "q": return quit()
        case QuickExit.key: return quickExit()
        case "?":
          show(renderer.helpLines(t(.help) + "\n" + t(.helpMore)))
        case LearnerKeys.language:
          // The same screen again, in the new language: the state does not depend on it.
          if chooseLanguage() {
            do {
              screen = try currentScreen()
            } catch {
              return refused(error)
            }
            show(renderer.render(screen))
          }
        case "r":
          showResources()
        case "p":
          showProgress()
        case "c":
          showContents()
        case "s":
          show(renderer.render(screen))
        case "b":
          do {
            screen = try step(.back)
            answered = true
          } catch {
            say(t(.cannotGoBack))
          }
        default:
          do {
            switch screen {
            case .question(let question) where question.kind == .matching:
              switch AnswerParser.parseMatching(
                line, for: question, language: uiLanguage, pending: pendingPairs)
              {
              case .complete(let answer):
                pendingPairs = [:]
                screen = try step(.answer(answer))
                answered = true
              case .partial(let pairs, let message):
                // Saved before it is confirmed: the pairs so far survive a stop.
                screen = try step(.partialMatches(pairs))
                pendingPairs = pairs
                say(message.text)
              case .invalid(let message):
                say(message.text)
              }
            case .question(let question):
              switch AnswerParser.parse(line, for: question, language: uiLanguage) {
              case .success(let answer):
                screen = try step(.answer(answer))
                answered = true
              case .failure(let message):
                say(message.text)
              }
            case .moduleEnd(let end):
              guard let next = try afterModule(end) else { return leftAtNote(otherwise: lastExit) }
              screen = next
              answered = true
            default:
              screen = try step(.proceed)
              answered = true
            }
          } catch {
            return refused(error)
          }
        }
      }
    }
  }

  /// The exit code when the loop ends after a module: not success when the certificate of a
  /// completed course could not be written.
  private var lastExit = ExitCode.success

  /// Makes the certificate of a completed course again when its set of files is missing or
  /// incomplete (a stop at the last screen, a kill while writing). Nothing is shown when the
  /// set is whole.
  /// - Returns: whether a whole set is on disk (or none is due: the course is not complete, or
  ///   no certificates folder was given).
  @discardableResult
  public func repairCertificate() -> Bool {
    report(award.repair(completed: state.completed, language: language, width: renderer.width))
  }

  /// Issues the certificate from the journal (the answers that earned it) and shows it. A
  /// problem is reported and the learner's progress is untouched.
  /// - Returns: whether the certificate's files are on disk.
  private func issueCertificate() -> Bool {
    report(award.issue(language: language, width: renderer.width))
  }

  /// Shows the certificate, or why it could not be made.
  /// - Returns: whether the certificate's files are on disk (or none is due).
  private func report(_ outcome: CertificateAward.Outcome) -> Bool {
    switch outcome {
    case .notDue:
      return true
    case .issued(let text, let files, let directory):
      console.write("\n" + text + "\n")
      let names = files.map(\.lastPathComponent)
      say(
        t(
          .certificateSaved, directory.path, names.count > 1 ? names[1] : "",
          names.count > 2 ? names[2] : ""))
      return true
    case .failed(let error):
      console.writeError("kurs: " + t(.certificateFailed, "\(error)") + "\n")
      return false
    }
  }

  /// After a module: the course's completion, then the next module or a retake.
  private func afterModule(_ end: ModuleEndScreen) throws(StepError) -> Screen? {
    if state.completed {
      say("\n" + t(.courseComplete))
      if !issueCertificate() { lastExit = .notSaved }
      showProgress()
      return nil
    }
    let next = engine.nextModule(in: state)
    let target: String?
    if end.status == .failed {
      target = end.moduleID
    } else {
      target = next
    }
    guard let target else {
      showProgress()
      return nil
    }
    if let title = course.module(target).flatMap({ engine.text($0.title) }) {
      say(t(.nextModule, renderer.inline(title)))
    }
    do {
      return try startModule(target)
    } catch .refused(let error) {
      _ = refused(.refused(error))
      return nil
    }
  }

  // MARK: Menus

  /// The menus as they are now: the state, the languages and the width of this moment.
  private var menus: SessionMenus {
    SessionMenus(
      course: course, engine: engine, state: state, renderer: renderer, language: language,
      uiLanguage: uiLanguage, plain: options.plain)
  }

  func moduleIntroduction(_ module: Module) -> [String] { menus.moduleIntroduction(module) }

  func welcomeBack(_ screen: Screen) { say(menus.welcomeBack(screen)) }

  func showContents() { show(menus.contents()) }

  func showProgress() { show(menus.progress()) }

  /// The resources menu, then the section the learner chooses, if any.
  func showResources() {
    let menus = menus
    guard let resources = menus.resources() else {
      show(menus.localContacts([]))
      say(t(.noResources))
      return
    }
    show(resources.lines)
    console.write("> ")
    let typed = input.readLine()
    if let typed, LearnerKeys.key(typed) == QuickExit.key { terminal.quickExitRequested = true }
    guard let line = typed, let number = Int(line.trimmingCharacters(in: .whitespaces)),
      (1...resources.sections.count).contains(number)
    else { return }
    // Made again: the section is shown at the terminal's width after the choice.
    guard let section = self.menus.resources()?.sections[number - 1] else { return }
    show(renderer.progressTitle(section.title) + section.lines())
  }

  // MARK: Output

  func say(_ text: String) { terminal.say(text) }

  func show(_ lines: [String]) { terminal.show(lines) }

  /// The quick exit at a prompt that cannot end the session itself: the next prompt ends it.
  func requestQuickExit() { terminal.quickExitRequested = true }

  /// From the next screen on, the interface and the course in these languages.
  func switchLanguage(ui: String, course shown: String) {
    terminal.uiLanguage = ui
    language = shown
    engine = Engine(course: course, language: shown, seed: learner.id)
    engine.interfaceLanguage = ui
    // Ctrl-C from now on says so in the new language (every step so far is on disk).
    options.setInterruptMessage("\n" + t(.saved, options.resumeCommand) + "\n")
  }

  /// How the learner left a module's note, when they did not read on.
  private var stoppedAtNote: NoteOutcome?

  /// Ends the session after `startModule` returned no screen: the learner left at the module's
  /// note (saying so as any quit does), or there was nothing to start.
  private func leftAtNote(otherwise: ExitCode) -> ExitCode {
    switch stoppedAtNote {
    case .quit: return quit()
    case .quickExit: return quickExit()
    case .inputEnded: return endOfInput()
    case .read, nil: return terminal.quickExitRequested ? quickExit() : otherwise
    }
  }

  /// The quick exit: the step so far is on disk already; the session is marked as suspended,
  /// then the screen and the scrollback are cleared and nothing more is written.
  private func quickExit() -> ExitCode {
    if hasRecords { recorder.mark(.suspended, currentModule: state.currentModule) }
    console.clearScreenAndScrollback()
    return .success
  }

  private func quit() -> ExitCode {
    // In discreet mode `q` leaves nothing of the course on screen, as the quick exit does.
    if options.discreet { return quickExit() }
    if !hasRecords {
      // Nothing was recorded yet: "saved, resume with …" would not be true.
      let start = "kurs start \(course.id)" + options.resumeCommand.dropFirst("kurs resume".count)
      say("\n" + t(.nothingSavedYet, start))
    } else {
      recorder.mark(.suspended, currentModule: state.currentModule)
      // Stopping at the last screen of the course still ends with its certificate.
      let certified = repairCertificate()
      say("\n" + t(.saved, options.resumeCommand))
      if !certified { return .notSaved }
    }
    return .success
  }

  private func endOfInput() -> ExitCode {
    if hasRecords { recorder.mark(.suspended, currentModule: state.currentModule) }
    repairCertificate()
    say("\n" + t(.inputEnded, options.resumeCommand))
    return .inputEnded
  }

  private func refused(_ failure: StepError) -> ExitCode {
    guard case .refused(let error) = failure else { return .notSaved }
    switch error {
    case .moduleLocked(let module, let missing):
      console.writeError(
        "kurs: " + t(.moduleLocked, module, missing.joined(separator: ", "), course.id) + "\n")
    case .branchLoop(let module, let node):
      console.writeError("kurs: " + t(.branchLoop, module, node) + "\n")
    case .testTaken(let module):
      console.writeError("kurs: " + t(.testTaken, module) + "\n")
    default:
      console.writeError("kurs: \(error)\n")
    }
    return .invalid
  }
}
