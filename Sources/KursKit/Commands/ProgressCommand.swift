/// `kurs progress [--json]`: the learner's courses and modules.
struct ProgressCommand: Command {
  static let configuration = CommandConfiguration(
    name: "progress", abstract: "your courses and modules: not started, in progress, passed",
    options: [.learner, CommandOption("--json")], usesDataFolder: true, help: help)

  var json: Bool

  init(json: Bool = false) { self.json = json }
  init(_ parsed: ParsedArguments) { json = parsed.flag("--json") }

  func run(_ context: CommandContext) -> ExitCode {
    json
      ? context.cli.progressJSON(context.options, locator: context.locator, loader: context.loader)
      : context.cli.progress(context.options, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help progress

extension ProgressCommand {
  /// What `kurs help progress` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Shows each course you have started: its status and percent, and each module's
      status, score and pass mark, with locked modules and what they need first.
      --json prints the same for scripts. Without --json, a completed course whose
      certificate files are missing or incomplete gets them written again.

      example:
        kurs progress --learner Sveta --lang ru
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Показывает каждый начатый вами курс: его состояние и процент, а для каждого модуля —
          состояние, баллы и проходной балл; закрытые модули и что для них нужно пройти сначала.
          --json печатает то же для программ. Без --json пройденный курс, у которого нет файлов
          сертификата или они неполные, получает их заново.

          пример:
            kurs progress --learner Sveta --lang ru
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Показує кожен розпочатий вами курс: його стан і відсоток, а для кожного модуля — стан,
          бали й прохідний бал; закриті модулі й що для них треба пройти спершу. --json друкує
          те саме для програм. Без --json пройдений курс, у якого немає файлів сертифіката або
          вони неповні, отримує їх знову.

          приклад:
            kurs progress --learner Sveta --lang uk
          """
      ),
    ])
}
