/// What the language key (`l`) offers a learner in a course, and where the choice goes: the
/// runner shows the menu, the command line decides the languages (from the learner's locale)
/// and keeps the choice with the learner's profile, so that `kurs resume` keeps it.
public struct LanguageSwitch: Sendable {
  /// The languages offered, in the menu's order.
  public var available: [String]
  /// The interface's and the course's language for a choice (the course falls back along the
  /// language chain: Ukrainian chosen, a course in Russian and English is shown in Russian).
  public var resolve: @Sendable (String) -> (ui: String, course: String)
  /// Keeps the choice with the learner's records.
  public var remember: @Sendable (String) throws -> Void

  public init(
    available: [String], resolve: @escaping @Sendable (String) -> (ui: String, course: String),
    remember: @escaping @Sendable (String) throws -> Void
  ) {
    self.available = available
    self.resolve = resolve
    self.remember = remember
  }

  /// The switch for `course` with the standard language chain and nothing kept beyond the
  /// session.
  public static func standalone(_ course: Course) -> LanguageSwitch {
    let languages = course.languages
    let fallback = course.defaultLanguage
    return LanguageSwitch(
      available: LanguageMenu.available(courseLanguages: languages),
      resolve: { code in
        let chain = LanguageChain.chain(explicit: code, environment: [:])
        return (
          LanguageChain.first(of: chain, in: Localization.languages) ?? "en",
          LanguageChain.first(of: chain, in: languages) ?? fallback
        )
      },
      remember: { _ in })
  }
}

extension LearningSession {
  /// The language key (`l`): the menu of languages, then the interface and the course in the
  /// chosen one from the next screen on, kept with the learner's profile.
  /// - Returns: whether the language changed (then the caller shows its screen again).
  func chooseLanguage() -> Bool {
    let choice = options.languageSwitch ?? .standalone(course)
    let lines = LanguageMenu.lines(
      available: choice.available, current: uiLanguage, language: uiLanguage)
    console.write("\n" + lines.joined(separator: "\n") + "\n> ")
    guard let line = input.readLine() else { return false }
    if LearnerKeys.key(line) == QuickExit.key {
      requestQuickExit()
      return false
    }
    guard let code = LanguageMenu.choice(line, available: choice.available) else { return false }
    let (ui, shown) = choice.resolve(code)
    switchLanguage(ui: ui, course: shown)
    var message = Localization.string(.languageNow, ui, LanguageMenu.name(of: code))
    do {
      try choice.remember(code)
      message += " " + Localization.string(.languageRemembered, ui, learner.name)
    } catch let error as StoreError {
      console.writeError("kurs: \(error.text(ui))\n")
    } catch {
      console.writeError("kurs: \(error)\n")
    }
    say(TerminalText.safe(message))
    if shown != code {
      say(
        Localization.string(
          .courseShownIn, ui, LanguageMenu.name(of: code), LanguageMenu.name(of: shown)))
    }
    return true
  }
}
