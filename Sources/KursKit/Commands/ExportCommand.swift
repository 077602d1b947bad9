/// `kurs export [--out FILE]`: the learner's records in one file.
struct ExportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "export", abstract: "write your records to one file you can send to a trainer",
    options: [CommandOption("--out", value: "FILE"), .learner], usesDataFolder: true, help: help)

  var out: String?

  init(out: String? = nil) { self.out = out }
  init(_ parsed: ParsedArguments) { out = parsed.value("--out") }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.export(
      to: out, context.options, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help export

extension ExportCommand {
  /// What `kurs help export` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Writes one JSON file with your records in every course you started: each step as
      an xAPI statement, the course's version and digest, and your pseudonym (never a
      real name). Send it to your trainer if you want them to see your progress. An
      existing file is never overwritten. Default: kurs-export-DATE.json here.

      example:
        kurs export --learner Sveta --out ~/sveta-progress.json
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Записывает один файл JSON с вашими записями по всем начатым курсам: каждый шаг как
          запись xAPI, версия и отпечаток курса и ваш псевдоним (никогда не настоящее имя).
          Отправьте его тренеру, если хотите, чтобы он видел ваш прогресс. Существующий файл
          никогда не перезаписывается. По умолчанию: kurs-export-ДАТА.json в текущей папке.

          пример:
            kurs export --learner Sveta --out ~/sveta-progress.json
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Записує один файл JSON з вашими записями з усіх розпочатих курсів: кожен крок як
          запис xAPI, версія й відбиток курсу та ваш псевдонім (ніколи не справжнє ім’я).
          Надішліть його тренерові чи тренерці, якщо хочете, щоб вони бачили ваш прогрес.
          Наявний файл ніколи не перезаписується. Типово: kurs-export-ДАТА.json у поточній папці.

          приклад:
            kurs export --learner Sveta --out ~/sveta-progress.json
          """
      ),
    ])
}
