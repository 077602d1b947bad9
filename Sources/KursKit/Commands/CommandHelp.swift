/// `kurs help COMMAND`, generated from the command's declaration: the usage lines from its
/// arguments and options, the option table from their help, around the words of its
/// `HelpTopic` (translated where it has a translation).
enum CommandHelp {
  /// The word before the usage lines, by language.
  static func usageWord(_ language: String) -> String {
    switch language {
    case "ru": "как запускать:"
    case "uk": "як запускати:"
    default: "usage:"
    }
  }

  /// The usage line of one command (`kurs certificate sign FILE --key KEY …`).
  static func usage(_ configuration: CommandConfiguration, path: String) -> String {
    (["kurs", path] + configuration.arguments.map(\.usage) + configuration.options.map(\.usage))
      .joined(separator: " ")
  }

  /// The usage lines of `declaration`: one, or one per subcommand.
  static func usageLines(_ declaration: any CommandDeclaration.Type) -> [String] {
    let configuration = declaration.configuration
    guard !configuration.subcommands.isEmpty else {
      return [usage(configuration, path: configuration.name)]
    }
    return configuration.subcommands.map {
      usage($0.configuration, path: "\(configuration.name) \($0.configuration.name)")
    }
  }

  /// The help of the command `name` in `language`, or `nil` when there is no such command or
  /// it has no help.
  static func text(_ name: String, language: String) -> String? {
    guard let declaration = CommandLineParser.command(named: name),
      let help = declaration.configuration.help
    else { return nil }
    let translation = help.translations[language]
    let word = usageWord(translation == nil ? "en" : language)
    let indent = String(repeating: " ", count: word.count + 1)
    var text = word + " " + usageLines(declaration).joined(separator: "\n" + indent) + "\n\n"
    text += translation?.discussion ?? help.discussion
    if let column = help.optionColumn {
      text +=
        "\n\n"
        + optionTable(declaration.configuration.allOwnOptions, column: column) {
          translation?.optionHelp[$0.name] ?? $0.help
        }
    }
    let epilogue = translation?.epilogue ?? help.epilogue
    if !epilogue.isEmpty {
      text += "\n\n" + epilogue
    }
    return text + "\n"
  }

  /// Each option with its help from `column` on (at least one space after the option), the
  /// help's further lines indented to the column.
  static func optionTable(
    _ options: [CommandOption], column: Int, help: (CommandOption) -> String
  ) -> String {
    let indent = String(repeating: " ", count: column + 2)
    return options.map { option in
      let head = option.synopsis
      let padding = String(repeating: " ", count: max(1, column - head.count))
      let lines = help(option).split(separator: "\n", omittingEmptySubsequences: false)
      return "  " + head + padding + lines.joined(separator: "\n" + indent)
    }.joined(separator: "\n")
  }
}
