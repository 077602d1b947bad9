import Foundation

/// What `kurs` accepts, read from the commands' declarations (`CommandLineParser.commands`):
/// the one source of shell completion and the manual page, so that neither can drift from the
/// commands they describe.
enum CommandReference {
  /// Every command, in the parser's order.
  static var commands: [String] { CommandLineParser.commandNames }

  /// The commands whose first argument is a course id.
  static var courseCommands: Set<String> {
    Set(
      CommandLineParser.commands.filter { $0.configuration.arguments.first?.completion == .course }
        .map { $0.configuration.name })
  }

  /// The subcommands of `command` (`cohort new`, `certificate verify`), or the words its first
  /// argument is one of (`new course`, `completion bash`).
  static func subcommands(of command: String) -> [String] {
    guard let configuration = CommandLineParser.command(named: command)?.configuration else {
      return []
    }
    if !configuration.subcommands.isEmpty {
      return configuration.subcommands.map { $0.configuration.name }
    }
    if case .words(let words)? = configuration.arguments.first?.completion { return words }
    return []
  }

  /// The options every command takes, with `--help` and `--version`.
  static var globalOptions: [String] {
    (GlobalOptions.declarations + CommandOption.standIns).map(\.name)
  }

  /// The options `command` declares (with its subcommands'), besides the global ones.
  static func options(of command: String) -> [String] {
    CommandLineParser.command(named: command)?.configuration.allOwnOptions.map(\.name) ?? []
  }

  /// Every option the parser knows, sorted.
  static var allOptions: [String] {
    (CommandLineParser.valueOptions.union(CommandLineParser.flagOptions)).sorted()
  }

  /// Every option some command declares, each once (global ones first).
  static var declaredOptions: [CommandOption] { CommandLineParser.allOptions }

  /// Whether `option` takes a value.
  static func takesValue(_ option: String) -> Bool {
    CommandLineParser.valueOptions.contains(option)
  }

  /// The one-line summary of `command` (its declared abstract).
  static func summary(of command: String) -> String {
    CommandLineParser.command(named: command)?.configuration.abstract ?? ""
  }

  /// The `--options` named in `text`, in order, each once (known to the parser only: a word
  /// like `--` in prose is not an option).
  static func options(in text: String) -> [String] {
    let known = CommandLineParser.valueOptions.union(CommandLineParser.flagOptions)
    var found: [String] = []
    var index = text.startIndex
    while let dash = text[index...].range(of: "-") {
      var end = dash.upperBound
      while end < text.endIndex, text[end].isLetter || text[end] == "-" {
        end = text.index(after: end)
      }
      let word = String(text[dash.lowerBound..<end])
      let before =
        dash.lowerBound == text.startIndex ? " " : text[text.index(before: dash.lowerBound)]
      if known.contains(word),
        before == " " || before == "[" || before == "(" || before == "\n" || before == ",",
        !found.contains(word)
      {
        found.append(word)
      }
      index = end > dash.lowerBound ? end : text.index(after: dash.lowerBound)
      if index >= text.endIndex { break }
    }
    return found
  }
}
