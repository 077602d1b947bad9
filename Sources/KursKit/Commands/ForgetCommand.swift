/// `kurs forget LEARNER`: delete a learner's records from this computer.
struct ForgetCommand: Command {
  static let configuration = CommandConfiguration(
    name: "forget", abstract: "delete a learner's records from this computer",
    arguments: [CommandArgument("LEARNER")], usesDataFolder: true, help: help)

  var arguments: [String]
  var learner: String { arguments.first ?? "" }

  init(learner: String) { arguments = [learner] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs forget' needs the learner's name: kurs forget Sveta", command: "forget")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.forget(learner, context.options)
  }
}

// MARK: - kurs help forget

extension ForgetCommand {
  /// What `kurs help forget` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Deletes the learner's profile, progress and certificates from this computer (and any
      temporary copy of learners.json), after you type the name again to confirm. It cannot
      be undone, and it refuses while the learner is learning in another window. Files
      already exported or sent are not affected. See docs/privacy.md.

      example:
        kurs forget Sveta --data-dir /media/usb/kurs
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Удаляет профиль учащегося, его прогресс и сертификаты с этого компьютера (и
          временную копию learners.json, если она есть) после того, как вы ещё раз введёте имя
          для подтверждения. Отменить это нельзя; пока учащийся занимается в другом окне,
          удаление не выполняется. Файлы, которые уже экспортированы или отправлены, это не
          затрагивает. См. docs/privacy.md.

          пример:
            kurs forget Sveta --data-dir /media/usb/kurs
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Видаляє профіль, його прогрес і сертифікати з цього комп’ютера (і тимчасову копію
          learners.json, якщо вона є) після того, як ви ще раз введете ім’я для підтвердження.
          Скасувати це неможливо; поки з цим профілем навчаються в іншому вікні, видалення не
          виконується. Файлів, які вже експортовано чи надіслано, це не стосується. Див.
          docs/privacy.md.

          приклад:
            kurs forget Sveta --data-dir /media/usb/kurs
          """
      ),
    ])
}
