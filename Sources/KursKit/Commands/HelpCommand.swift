/// `kurs help [COMMAND]` (and `kurs --help`): the overview, or one command's help, in the
/// reader's language.
struct HelpCommand: Command {
  static let configuration = CommandConfiguration(
    name: "help", abstract: "explain a command, with an example",
    arguments: [CommandArgument("COMMAND", isOptional: true)], options: [.language],
    refusesOtherOptions: false, help: help)

  var topic: String?

  init(topic: String? = nil) { self.topic = topic }
  init(_ parsed: ParsedArguments) { topic = parsed.arguments.first }

  func run(_ context: CommandContext) -> ExitCode {
    // Help speaks the learner's language: --lang, else the locale (LANGUAGE, LC_ALL, LANG).
    let language = context.readerLanguage
    guard let topic else {
      context.console.write(HelpText.overview(in: language))
      return .success
    }
    guard let text = HelpText.topic(topic, in: language) else {
      context.console.writeError(
        "kurs: no help for '\(topic)'\(didYouMean(topic, CommandLineParser.commandNames))\n")
      return .usage
    }
    context.console.write(text)
    return .success
  }
}

// MARK: - kurs help help

extension HelpCommand {
  /// What `kurs help help` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Explains a command, with an example, in the language of --lang or of the system
      (LANGUAGE, LC_ALL, LANG): en, ru or uk. The commands for authors and hosts are
      explained in English in every language.

      example:
        kurs help validate
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Объясняет команду, с примером. Справка выводится на языке из --lang или из
          настроек системы (LANGUAGE, LC_ALL, LANG): en, ru или uk.

          пример:
            kurs help start --lang ru
          """
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Пояснює команду, з прикладом. Довідку виведено мовою з --lang або з налаштувань
          системи (LANGUAGE, LC_ALL, LANG): en, ru або uk.

          приклад:
            kurs help start --lang uk
          """
      ),
    ])
}
