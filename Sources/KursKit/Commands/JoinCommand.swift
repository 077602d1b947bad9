/// `kurs join CODE`: join a host's cohort.
struct JoinCommand: Command {
  static let configuration = CommandConfiguration(
    name: "join", abstract: "join your host's cohort (the code looks like marina-K7P4QX)",
    arguments: [CommandArgument("CODE")], options: [.learner], usesDataFolder: true, help: help)

  var arguments: [String]
  var code: String { arguments.first ?? "" }

  init(code: String) { arguments = [code] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs join' needs the code your host gave you: kurs join marina-K7P4QX", command: "join")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.join(code: code, context.options)
  }
}

// MARK: - kurs help join

extension JoinCommand {
  /// What `kurs help join` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Joins the cohort your host created: your records in that course carry the cohort's
      mark, so the host can group them. Nothing is sent anywhere: the host sees your
      progress only when you send an export (kurs export). You can also join while
      starting: kurs start marina --cohort CODE.

      example:
        kurs join marina-K7P4QX
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Присоединяет вас к группе, которую создал ведущий: ваши записи по этому курсу
          получают метку группы, и ведущий может их сгруппировать. Никуда ничего не
          отправляется: ведущий увидит ваш прогресс, только когда вы отправите файл (kurs
          export). Присоединиться можно и при запуске: kurs start marina --cohort CODE.

          пример:
            kurs join marina-K7P4QX
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Приєднує вас до групи, яку створили ведучі: ваші записи з цього курсу отримують
          позначку групи, і ведучі можуть їх згрупувати. Нікуди нічого не надсилається: ведучі
          побачать ваш прогрес, лише коли ви надішлете файл (kurs export). Приєднатися можна й
          під час запуску: kurs start marina --cohort CODE.

          приклад:
            kurs join marina-K7P4QX
          """
      ),
    ])
}
