/// `kurs resume`: continue exactly where the learner stopped.
struct ResumeCommand: Command {
  static let configuration = CommandConfiguration(
    name: "resume", abstract: "continue exactly where you stopped, even mid-question",
    options: [.learner], usesDataFolder: true, help: help)

  init() {}
  init(_ parsed: ParsedArguments) {}

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.resume(context.options, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help resume

extension ResumeCommand {
  /// What `kurs help resume` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Continues the course you were last in, at the very screen you left: the same page,
      or the same question with the same tries used, in the same language. q, Ctrl-C and
      the end of input all save first and print this command to come back. A completed
      course whose certificate files are missing or incomplete gets them written again.

      example:
        kurs resume --learner Sveta
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Продолжает курс, который вы проходили последним, ровно на том экране, где вы его
          оставили: та же страница или тот же вопрос с теми же использованными попытками, на
          том же языке. q, Ctrl-C и конец ввода сначала сохраняют и печатают эту команду, чтобы
          вернуться. Если у пройденного курса нет файлов сертификата или они неполные, они
          записываются заново.

          пример:
            kurs resume --learner Sveta
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Продовжує курс, який ви проходили останнім, саме на тому екрані, де ви його залишили:
          та сама сторінка або те саме запитання з тими самими використаними спробами, тією
          самою мовою. q, Ctrl-C і кінець введення спершу зберігають і друкують цю команду, щоб
          повернутися. Якщо в пройденого курсу немає файлів сертифіката або вони неповні, їх
          записано знову.

          приклад:
            kurs resume --learner Sveta
          """
      ),
    ])
}
