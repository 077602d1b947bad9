import Foundation

/// The learner's commands: `kurs` (home), `start`, `resume`, `progress`.
extension KursCLI {
  func t(_ key: Localization.Key, _ language: String, _ arguments: String...) -> String {
    Localization.string(key, language, arguments: arguments)
  }

  /// Writes `error` for the learner, in their language where it is one of ours.
  func report(_ error: any Error, _ language: String) {
    switch error {
    case let error as Journal.ReadError: console.writeError("kurs: \(error.text(language))\n")
    case let error as StoreError: console.writeError("kurs: \(error.text(language))\n")
    default: console.writeError("kurs: \(error)\n")
    }
  }

  /// The learner's languages in order: `--lang`, else the learner's saved choice, then the
  /// locale (`LANGUAGE` as a list, else `LC_ALL`, `LC_MESSAGES`, `LANG`), then English; see
  /// `LanguageChain` for Russian before English in the region.
  func languageChain(_ options: GlobalOptions, learner: LearnerProfile?) -> [String] {
    LanguageChain.chain(explicit: options.language ?? learner?.language, environment: environment)
  }

  /// The UI language: the first of the learner's languages that Kurs speaks.
  func uiLanguage(_ options: GlobalOptions, learner: LearnerProfile?) -> String {
    LanguageChain.first(of: languageChain(options, learner: learner), in: Localization.languages)
      ?? "en"
  }

  /// The language a course is shown in: the first of the learner's languages it has, else its
  /// default language.
  func courseLanguage(_ course: Course, _ options: GlobalOptions, learner: LearnerProfile?)
    -> String
  {
    LanguageChain.first(of: languageChain(options, learner: learner), in: course.languages)
      ?? course.defaultLanguage
  }

  func store(_ options: GlobalOptions) -> LearnerStore {
    LearnerStore(
      root: DataDirectory.resolve(option: options.dataDirectory, environment: environment))
  }

  /// The learner stopped at a prompt before any course began: `q` (nothing to save), or the
  /// quick exit (the screen is cleared already).
  struct LearnerLeftError: Error, Equatable, CustomStringConvertible {
    var description: String { "the learner left before a course began" }
  }

  /// What a learner typed at one of the home screen's prompts, with the keys every prompt has.
  enum HomeAnswer {
    case line(String)
    case quit
    case quickExit
    case inputEnded
    /// The language key (`l`), on the prompts that offer it.
    case language
  }

  /// `--discreet` or `KURS_DISCREET=1`: `q` clears the screen and the scrollback as `x` does.
  func isDiscreet(_ options: GlobalOptions) -> Bool {
    options.discreet || environment["KURS_DISCREET"] == "1"
  }

  /// Reads a line at a home screen prompt. `q` quits, the quick-exit key clears the screen and
  /// the scrollback and quits, `?` says what the prompt wants (`help`) and asks again.
  /// With `language` (the interface's language now), `l` chooses the language and `?` also
  /// says so.
  func homePrompt(help: String, language: String? = nil, discreet: Bool = false) -> HomeAnswer {
    while true {
      console.write("> ")
      guard let line = input.readLine() else { return .inputEnded }
      let key = LearnerKeys.key(line)
      if key == "q" && !discreet { return .quit }
      // In discreet mode `q` leaves nothing on screen either.
      if key == QuickExit.key || key == "q" {
        console.clearScreenAndScrollback()
        return .quickExit
      }
      if key == "?" {
        console.write(help + "\n")
        if let language { console.write(languageHint(language) + "\n") }
        continue
      }
      if language != nil, key == LearnerKeys.language { return .language }
      return .line(line)
    }
  }

  /// "Type l to choose the language (now: English)", in `language`.
  func languageHint(_ language: String) -> String {
    t(.languageHint, language, LanguageMenu.name(of: language))
  }

  /// The language menu of the home screen.
  /// - Returns: the language chosen, or `nil` to keep the one there is.
  /// - Throws: `LearnerLeftError` on `q` or the quick exit (the screen is cleared).
  func homeLanguage(available: [String], current: String, discreet: Bool = false) throws -> String?
  {
    console.write(
      "\n"
        + LanguageMenu.lines(available: available, current: current, language: current).joined(
          separator: "\n") + "\n> ")
    guard let line = input.readLine() else { return nil }
    switch LearnerKeys.key(line) {
    case "q" where !discreet: throw LearnerLeftError()
    case QuickExit.key, "q":
      console.clearScreenAndScrollback()
      throw LearnerLeftError()
    default: return LanguageMenu.choice(line, available: available)
    }
  }

  /// The learner: `--learner NAME` (created when new, unless `creating` is false), else the only
  /// profile (unless `offeringOthers`: on a shared computer the home screen always lets someone
  /// else in), else asked.
  /// - Throws: `LearnerLeftError` when the learner quits at a prompt.
  func learner(
    _ options: GlobalOptions, store: LearnerStore, creating: Bool = true,
    offeringOthers: Bool = false
  ) throws -> LearnerProfile? {
    var options = options
    return try learner(
      &options, store: store, creating: creating, offeringOthers: offeringOthers,
      offeringLanguages: false)
  }

  /// The same; with `offeringLanguages` (the home screen), `l` at its prompts chooses the
  /// language: it is set in `options` and kept with the profile chosen or made.
  func learner(
    _ options: inout GlobalOptions, store: LearnerStore, creating: Bool = true,
    offeringOthers: Bool = false,
    offeringLanguages: Bool
  ) throws -> LearnerProfile? {
    if let name = options.learner {
      if creating { return try store.profile(named: name) }
      if let existing = try store.existingProfile(named: name) { return existing }
      let names = try store.profiles().map(\.name)
      throw StoreError(
        LocalizedMessage(
          .noSuchLearner, name, store.root.path,
          Localization.didYouMean(name, names, language: uiLanguage(options, learner: nil)),
          names.isEmpty ? "-" : names.joined(separator: ", ")))
    }
    let profiles = try store.profiles()
    if profiles.count == 1 && !(offeringOthers && creating) { return profiles[0] }
    var language = uiLanguage(options, learner: nil)
    // A language chosen here is the profile's from now on.
    var chosenHere = false
    func chooseLanguage() throws {
      guard
        let code = try homeLanguage(
          available: Localization.languages, current: language, discreet: isDiscreet(options))
      else { return }
      options.language = code
      language = uiLanguage(options, learner: nil)
      chosenHere = true
    }
    if profiles.isEmpty && !creating {
      throw StoreError(LocalizedMessage(.noLearners))
    }
    if !profiles.isEmpty {
      var listed = false
      chosen: while true {
        let choices = profiles.count + (creating ? 1 : 0)
        let ask = t(.invalidNumber, language, String(choices)) + " " + t(.orQuit, language)
        if !listed {
          console.write("\n" + t(.whoIsLearning, language) + "\n")
          for (index, profile) in profiles.enumerated() {
            console.write("  \(index + 1). \(profile.name)\n")
          }
          if creating { console.write("  \(choices). \(t(.newProfile, language))\n") }
          if offeringLanguages { console.write(languageHint(language) + "\n") }
          listed = true
        }
        switch homePrompt(
          help: ask, language: offeringLanguages ? language : nil, discreet: isDiscreet(options))
        {
        case .inputEnded: return nil
        case .quit, .quickExit: throw LearnerLeftError()
        case .language:
          try chooseLanguage()
          listed = false
        case .line(let line):
          if let number = Int(line.trimmingCharacters(in: .whitespaces)),
            (1...choices).contains(number)
          {
            if number <= profiles.count {
              let profile = profiles[number - 1]
              guard chosenHere, let code = options.language, profile.language != code else {
                return profile
              }
              return try store.update(profile) { $0.language = code }
            }
            break chosen
          }
          console.write(ask + "\n")
        }
      }
    }
    console.write("\n" + t(.typeName, language) + "\n")
    if offeringLanguages && profiles.isEmpty { console.write(languageHint(language) + "\n") }
    while true {
      let name: String
      switch homePrompt(
        help: t(.typeName, language), language: offeringLanguages ? language : nil,
        discreet: isDiscreet(options))
      {
      case .inputEnded: return nil
      case .quit, .quickExit: throw LearnerLeftError()
      case .language:
        try chooseLanguage()
        console.write(t(.typeName, language) + "\n")
        continue
      case .line(let line): name = line
      }
      do {
        _ = try LearnerStore.checkedName(name)
      } catch {
        // A name the rule refuses (an empty line too) is asked for again, with the reason.
        console.writeError("kurs: \(error.text(language))\n")
        console.write(t(.typeName, language) + "\n")
        continue
      }
      do {
        return try store.create(name: name, language: options.language)
      } catch let error as StoreError where error.message.key == .learnerNameTaken {
        // Names are unique: say so and ask again, rather than make a second profile.
        console.write(TerminalText.safe(error.text(language)) + "\n")
      }
    }
  }

  /// `kurs resume` with the options that find this learner's data again.
  func resumeCommand(_ options: GlobalOptions, learner: LearnerProfile?) -> String {
    var words = ["kurs", "resume"]
    if let learner, options.learner != nil || ((try? store(options).profiles().count) ?? 0) > 1 {
      words += ["--learner", Self.shellQuoted(learner.name)]
    }
    if let directory = options.dataDirectory {
      words += ["--data-dir", Self.shellQuoted(directory)]
    }
    if let courses = options.coursesDirectory { words += ["--courses", Self.shellQuoted(courses)] }
    return words.joined(separator: " ")
  }

  /// `word` as a shell would need it typed.
  static func shellQuoted(_ word: String) -> String {
    let safe = word.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "-_./:@".unicodeScalars.contains($0)
    }
    return safe && !word.isEmpty
      ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  func sessionOptions(
    _ options: GlobalOptions, learner: LearnerProfile? = nil, language: String = "en"
  ) -> LearningSession.Options {
    var session = LearningSession.Options()
    session.resumeCommand = resumeCommand(options, learner: learner)
    terminal.prepareInterruptMessage(
      TerminalText.safe("\n" + t(.saved, language, session.resumeCommand) + "\n"))
    let terminal = terminal
    session.setInterruptMessage = { terminal.prepareInterruptMessage(TerminalText.safe($0)) }
    session.plain = options.plain
    session.discreet = isDiscreet(options)
    if session.discreet {
      // Ctrl-C, too, leaves nothing of the course on screen: every step is on disk already.
      terminal.prepareInterruptMessage(QuickExit.clearSequence)
      session.setInterruptMessage = { _ in }
    }
    session.colour = terminal.colour && !options.plain
    // --wrap N (else KURS_WRAP) sets the width; without it plain mode keeps a paragraph whole.
    if let columns = wrapColumns(options) {
      session.width = { columns }
    } else {
      session.width = terminal.width
      session.lineBreaks = !options.plain
    }
    session.now = now
    session.newID = newID
    session.uiLanguage = uiLanguage(options, learner: learner)
    if terminal.isInteractive { session.height = terminal.height }
    return session
  }

  /// The columns of `--wrap N`, else of `KURS_WRAP` (checked by `run`), if any.
  func wrapColumns(_ options: GlobalOptions) -> Int? {
    options.wrap ?? environment["KURS_WRAP"].flatMap(CommandLineParser.wrapColumns)
  }

  /// The language key's menu in a course: the interface's languages and the course's, resolved
  /// along the learner's language chain, and the choice kept in the learner's profile.
  func languageSwitch(
    _ course: Course, _ options: GlobalOptions, learner: LearnerProfile, store: LearnerStore
  )
    -> LanguageSwitch
  {
    let environment = environment
    let languages = course.languages
    let fallback = course.defaultLanguage
    return LanguageSwitch(
      available: LanguageMenu.available(courseLanguages: languages),
      resolve: { code in
        let chain = LanguageChain.chain(explicit: code, environment: environment)
        return (
          LanguageChain.first(of: chain, in: Localization.languages) ?? "en",
          LanguageChain.first(of: chain, in: languages) ?? fallback
        )
      },
      remember: { code in _ = try store.update(learner) { $0.language = code } })
  }

  /// `kurs start COURSE [--module ID]`.
  func start(
    course name: String, module: String?, _ options: GlobalOptions, locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    guard
      let course = loadValid(
        name, locator: locator, loader: loader, language: uiLanguage(options, learner: nil))
    else { return .invalid }
    if let language = options.language, !Localization.languages.contains(language),
      !course.languages.contains(language)
    {
      let known = Array(Set(Localization.languages + course.languages)).sorted()
      console.writeError(
        "kurs: "
          + t(
            .unknownLanguage, uiLanguage(options, learner: nil), language,
            known.joined(separator: ", ")) + "\n")
      return .usage
    }
    // The record store's address and credentials are checked before anything is written.
    let lrs: LRSClient?
    do {
      lrs = try lrsClient(options)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .usage
    }
    let store = store(options)
    do {
      guard var learner = try learner(options, store: store) else {
        console.write(
          "\n"
            + t(
              .inputEnded, uiLanguage(options, learner: nil), resumeCommand(options, learner: nil))
            + "\n")
        return .inputEnded
      }
      if let language = options.language, learner.language != language {
        learner = try store.update(learner) { $0.language = language }
      }
      if let typed = options.cohortCode {
        guard let (cohortCourse, code) = Cohort.parse(code: typed), cohortCourse == course.id else {
          console.writeError(
            "kurs: " + t(.joinCodeInvalid, uiLanguage(options, learner: learner), typed) + "\n")
          return .usage
        }
        learner = try store.update(learner) { learner in
          var cohorts = learner.cohorts ?? [:]
          cohorts[course.id] = code
          learner.cohorts = cohorts
        }
      }
      let language = uiLanguage(options, learner: learner)
      let lock = try store.session(of: learner)
      defer { withExtendedLifetime(lock) {} }
      let shownIn = courseLanguage(course, options, learner: learner)
      let session = LearningSession(
        course: course, learner: learner, language: shownIn,
        journal: try journal(of: learner, course: course.id, in: store), console: console,
        input: input,
        options: {
          var session = sessionOptions(options, learner: learner, language: language)
          session.certificatesDirectory = certificatesDirectory(of: learner, in: store)
          session.lrs = lrs
          session.languageSwitch = languageSwitch(course, options, learner: learner, store: store)
          return session
        }())
      for notice in try session.restore() { console.writeError("kurs: \(notice)\n") }
      return session.run(module: module)
    } catch is LearnerLeftError {
      return .success
    } catch {
      report(error, uiLanguage(options, learner: nil))
      return .invalid
    }
  }

  /// The learner's journal of a course. `KURS_TEST_JOURNAL_LIMIT` (bytes) makes the journal
  /// act as if the disk were full at that size: for the test suite only (docs/privacy.md).
  func journal(of learner: LearnerProfile, course: String, in store: LearnerStore) throws -> Journal
  {
    var journal = try store.journal(of: learner, course: course)
    journal.testSizeLimit = environment["KURS_TEST_JOURNAL_LIMIT"].flatMap { Int($0) }
    return journal
  }

  /// Where the runner writes a learner's certificates.
  func certificatesDirectory(of learner: LearnerProfile, in store: LearnerStore) -> URL {
    store.root.appendingPathComponent("certificates").appendingPathComponent(learner.id)
  }

  /// `kurs resume`: the course the learner used last, where they stopped.
  func resume(_ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader) -> ExitCode {
    let store = store(options)
    do {
      guard let learner = try learner(options, store: store, creating: false) else {
        return .inputEnded
      }
      guard let course = store.courses(of: learner).first else {
        console.writeError(t(.noLearners, uiLanguage(options, learner: learner)) + "\n")
        return .invalid
      }
      var named = options
      named.learner = learner.name
      return start(course: course, module: nil, named, locator: locator, loader: loader)
    } catch is LearnerLeftError {
      return .success
    } catch {
      report(error, uiLanguage(options, learner: nil))
      return .invalid
    }
  }

  /// `kurs progress`: every course the learner has begun.
  func progress(_ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader) -> ExitCode
  {
    let store = store(options)
    do {
      guard let learner = try learner(options, store: store, creating: false) else {
        return .inputEnded
      }
      let language = uiLanguage(options, learner: learner)
      let courses = store.courses(of: learner)
      guard !courses.isEmpty else {
        console.write(t(.noLearners, language) + "\n")
        return .success
      }
      var failed = false
      for id in courses {
        guard let path = locator.path(for: id), let course = loader.load(path: path).course else {
          continue
        }
        let session = LearningSession(
          course: course, learner: learner,
          language: courseLanguage(course, options, learner: learner),
          journal: try store.journal(of: learner, course: id), console: console, input: input,
          options: {
            var session = sessionOptions(
              options, learner: learner, language: uiLanguage(options, learner: learner))
            session.certificatesDirectory = certificatesDirectory(of: learner, in: store)
            return session
          }())
        for notice in try session.restore() { console.writeError("kurs: \(notice)\n") }
        // A completed course whose certificate set is missing or cut short gets it now.
        if !session.repairCertificate() { failed = true }
        session.showProgress()
      }
      return failed ? .notSaved : .success
    } catch is LearnerLeftError {
      return .success
    } catch {
      report(error, uiLanguage(options, learner: nil))
      return .invalid
    }
  }

  /// `kurs`: choose a learner, a course and a module. At each prompt `l` chooses the language
  /// (kept with the learner's profile, so `kurs resume` keeps it too).
  func home(_ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader) -> ExitCode {
    let store = store(options)
    var options = options
    do {
      guard
        var learner = try learner(
          &options, store: store, offeringOthers: true, offeringLanguages: true)
      else { return .inputEnded }
      var language = uiLanguage(options, learner: learner)
      // Which courses are valid comes from the list `kurs courses` keeps: a course is checked
      // again only when its files changed, and that check's work is bounded.
      var courses: [Course] = []
      var catalogue = CourseCatalogue(
        cacheDirectory: CacheDirectory.resolve(environment: environment), dataDirectory: store.root)
      for folder in locator.courseFolders() {
        let entry = catalogue.entry(for: folder, loader: loader)
        if entry.errorCount == 0, let course = loader.load(path: folder.path).course {
          courses.append(course)
        }
      }
      catalogue.save()
      guard !courses.isEmpty else {
        console.writeError("kurs: " + t(.noCourses, language, locator.searchedDescription) + "\n")
        return .invalid
      }
      let available = LanguageMenu.available(courseLanguages: courses.flatMap(\.languages))
      /// `l`: the menu, then the choice set for this run and kept with the profile.
      func chooseLanguage() throws {
        guard
          let code = try homeLanguage(
            available: available, current: language, discreet: isDiscreet(options))
        else { return }
        options.language = code
        learner = try store.update(learner) { $0.language = code }
        language = uiLanguage(options, learner: learner)
        console.write(
          t(.languageNow, language, LanguageMenu.name(of: code)) + " "
            + TerminalText.safe(t(.languageRemembered, language, learner.name)) + "\n")
      }
      func title(_ course: Course) -> String {
        course.title.resolve(
          courseLanguage(course, options, learner: learner), fallback: course.defaultLanguage)?
          .plain
          ?? course.id
      }
      var chosen: Int?
      var listed = false
      while chosen == nil {
        if !listed {
          console.write("\n\(learner.name)\n")
          for (index, course) in courses.enumerated() {
            let engine = Engine(course: course, language: language, seed: learner.id)
            let journal = try store.journal(of: learner, course: course.id)
            let (entries, _) = try journal.read()
            let state = Replay.rebuild(entries, engine: engine).state
            let status: String
            if state.completed {
              status = t(.statusPassed, language)
            } else if entries.isEmpty {
              status = t(.statusNotStarted, language)
            } else {
              status = t(
                .courseProgress, language, t(.statusInProgress, language),
                String(engine.percentDone(state)))
            }
            console.write("  \(index + 1). \(title(course)) (\(status))\n")
          }
          console.write(t(.chooseCourse, language) + "\n" + languageHint(language) + "\n")
          listed = true
        }
        switch homePrompt(
          help: t(.chooseCourse, language), language: language, discreet: isDiscreet(options))
        {
        case .inputEnded: return .inputEnded
        case .quit, .quickExit: return .success
        case .language:
          try chooseLanguage()
          listed = false
        case .line(let line):
          // A typo asks again: it never ends the program silently.
          if let number = Int(line.trimmingCharacters(in: .whitespaces)),
            (1...courses.count).contains(number)
          {
            chosen = number
          } else {
            let askCourse =
              t(.invalidNumber, language, String(courses.count)) + " " + t(.orQuit, language)
            console.write(askCourse + "\n")
          }
        }
      }
      let course = courses[(chosen ?? 1) - 1]
      var named = options
      named.learner = learner.name
      var module: String?
      listed = false
      moduleChoice: while true {
        let shownIn = courseLanguage(course, options, learner: learner)
        if !listed {
          let engine = Engine(course: course, language: shownIn, seed: learner.id)
          let (entries, _) = try store.journal(of: learner, course: course.id).read()
          let state = Replay.rebuild(entries, engine: engine).state
          for (index, module) in course.modules.enumerated() {
            let moduleState = state.module(module.id)
            let missing = engine.missingRequirements(of: module.id, in: state)
            let status =
              missing.isEmpty
              ? t(
                moduleState.passedBefore
                  ? .statusPassed
                  : moduleState.status == .notStarted
                    ? .statusNotStarted
                    : moduleState.status == .failed ? .statusFailed : .statusInProgress, language)
              : t(
                .locked, language,
                missing.map { id in
                  course.modules.first { $0.id == id }?.title.resolve(
                    shownIn, fallback: course.defaultLanguage)?.plain ?? id
                }.joined(separator: ", "))
            let title =
              module.title.resolve(shownIn, fallback: course.defaultLanguage)?.plain ?? module.id
            console.write("  \(index + 1). \(title) (\(status))\n")
          }
          console.write(t(.chooseModule, language) + "\n")
          listed = true
        }
        switch homePrompt(
          help: t(.chooseModule, language), language: language, discreet: isDiscreet(options))
        {
        case .inputEnded: return .inputEnded
        case .quit, .quickExit: return .success
        case .language:
          try chooseLanguage()
          named.language = options.language
          listed = false
        case .line(let line):
          let choice = line.trimmingCharacters(in: .whitespaces)
          if choice.isEmpty { break moduleChoice }
          if let number = Int(choice), (1...course.modules.count).contains(number) {
            module = course.modules[number - 1].id
            break moduleChoice
          }
          console.write(
            t(.invalidNumber, language, String(course.modules.count)) + " "
              + t(.chooseModule, language) + "\n")
        }
      }
      return start(course: course.id, module: module, named, locator: locator, loader: loader)
    } catch is LearnerLeftError {
      return .success
    } catch {
      report(error, uiLanguage(options, learner: nil))
      return .invalid
    }
  }
}
