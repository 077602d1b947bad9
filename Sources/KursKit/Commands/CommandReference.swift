import Foundation

/// What `kurs` accepts, read from the parser (`CommandLineParser`) and the English help
/// (`HelpText`): the one source of shell completion and the manual page, so that neither can
/// drift from the commands they describe.
enum CommandReference {
  /// Every command, in the parser's order.
  static var commands: [String] { CommandLineParser.commandNames }

  /// The commands whose first argument is a course id.
  static let courseCommands: Set<String> = ["start", "graph", "stats", "pack"]

  /// The subcommands of `command` (`cohort new`, `certificate verify`…).
  static func subcommands(of command: String) -> [String] {
    CommandLineParser.subcommands[command] ?? []
  }

  /// The options every command takes: those under "options for every command" in the help.
  static var globalOptions: [String] {
    let overview = HelpText.overview
    guard let start = overview.range(of: "options for every command:") else { return [] }
    let rest = overview[start.upperBound...]
    let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
    return options(in: String(rest[..<end]))
  }

  /// The options `command`'s help names, besides the global ones.
  static func options(of command: String) -> [String] {
    let own = options(in: HelpText.topic(command) ?? "")
    let global = Set(globalOptions)
    return own.filter { !global.contains($0) }
  }

  /// Every option the parser knows, sorted.
  static var allOptions: [String] {
    (CommandLineParser.valueOptions.union(CommandLineParser.flagOptions)).sorted()
  }

  /// Whether `option` takes a value.
  static func takesValue(_ option: String) -> Bool {
    CommandLineParser.valueOptions.contains(option)
  }

  /// The one-line summary of `command` from the help overview (`start COURSE  start a course…`).
  static func summary(of command: String) -> String {
    for line in HelpText.overview.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " }
      guard line.hasPrefix("  "), trimmed.hasPrefix(command + " ") || trimmed == command else {
        continue
      }
      // The summary is what follows the first run of two or more spaces.
      guard let gap = trimmed.range(of: "  ") else { continue }
      return trimmed[gap.upperBound...].trimmingCharacters(in: .whitespaces)
    }
    return ""
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
