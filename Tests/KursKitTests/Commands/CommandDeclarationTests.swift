import Testing

@testable import KursKit

/// Issue 23: each command is declared once (`CommandConfiguration`), and the parser,
/// `kurs help COMMAND`, the manual page and the shell completions all read that declaration.
@Suite struct CommandDeclarationTests {
  /// Every command with the path a user types: `start`, `certificate sign`…
  static var leaves: [(path: String, group: String, type: any Command.Type)] {
    CommandLineParser.commands.flatMap { declaration in
      let name = declaration.configuration.name
      if let leaf = declaration as? any Command.Type { return [(name, name, leaf)] }
      return declaration.configuration.subcommands.map {
        ("\(name) \($0.configuration.name)", name, $0)
      }
    }
  }

  @Test func everyDeclaredOptionIsInTheHelpTheManualPageAndTheCompletions() throws {
    let manual = ManualPage.roff(version: "0.0.0")
    let bash = ShellCompletion.script(for: .bash, courses: [])
    let zsh = ShellCompletion.script(for: .zsh, courses: [])
    for (path, group, type) in Self.leaves {
      let help = try #require(HelpText.topic(group), "no 'kurs help \(group)'")
      let bashLine = bash.split(separator: "\n").first { $0.contains(" \(group)) options=") }
      let zshLine = zsh.split(separator: "\n").first { $0.contains(" \(group)) options+=(") }
      for option in type.configuration.options {
        #expect(help.contains(option.usage), "kurs help \(group) lacks \(option.usage)")
        #expect(
          manual.contains(ManualPage.escape(option.synopsis)), "man: \(path) \(option.name)")
        guard !option.isGlobal else { continue }
        #expect(
          bashLine?.split(separator: " ").contains { $0.contains(option.name) } == true,
          "bash: \(path) \(option.name)")
        #expect(zshLine?.contains(option.name) == true, "zsh: \(path) \(option.name)")
      }
    }
    for option in GlobalOptions.declarations {
      #expect(bash.contains("local options=\"") && bash.contains(option.name), "\(option.name)")
      #expect(zsh.contains(option.name), "\(option.name)")
      #expect(manual.contains(ManualPage.escape(option.name)), "\(option.name)")
    }
  }

  /// The usage lines and the option tables come from the declarations: the hand-written part
  /// of a help holds neither, and the usage shows exactly the declared words and options.
  @Test func aCommandsHelpIsGeneratedFromItsDeclaration() throws {
    for declaration in CommandLineParser.commands {
      let configuration = declaration.configuration
      let help = try #require(configuration.help, "\(configuration.name) has no help")
      let text = try #require(HelpText.topic(configuration.name))
      let usage = CommandHelp.usageLines(declaration)
      #expect(text.hasPrefix("usage: " + usage.joined(separator: "\n       ") + "\n\n"))
      for part in [help.discussion, help.epilogue]
        + help.translations.values.flatMap({
          [$0.discussion, $0.epilogue]
        })
      {
        #expect(!part.contains("usage:"), "\(configuration.name): a hand-written usage")
        #expect(!part.contains("как запускать:") && !part.contains("як запускати:"))
      }
      let subcommands: [CommandConfiguration] =
        configuration.subcommands.isEmpty
        ? [configuration] : configuration.subcommands.map { $0.configuration }
      for (line, sub) in zip(usage, subcommands) {
        let shown = CommandReference.options(in: line)
        #expect(shown == sub.options.map(\.name), "usage of \(configuration.name): \(line)")
        for argument in sub.arguments {
          #expect(line.contains(" \(argument.usage)"), "\(line) lacks \(argument.usage)")
        }
      }
      guard let column = help.optionColumn else { continue }
      for option in configuration.allOwnOptions {
        let row = "\n  " + option.synopsis
        let first = option.help.split(separator: "\n").first.map(String.init) ?? ""
        #expect(text.contains(row), "\(configuration.name): no row for \(option.name)")
        #expect(
          text.contains(
            option.synopsis + String(repeating: " ", count: max(1, column - option.synopsis.count))
              + first), "\(configuration.name): \(option.name)'s help")
        for (language, translation) in help.translations {
          #expect(
            translation.optionHelp[option.name] != nil,
            "\(configuration.name) \(language): no help for \(option.name)")
        }
      }
    }
  }

  /// The parser takes exactly the options a command declares (and the global ones).
  @Test func theParserTakesTheDeclaredOptionsAndNoOthers() {
    let everyOption = CommandLineParser.allOptions.filter { !$0.isGlobal }
    for (path, _, type) in Self.leaves where type.configuration.refusesOtherOptions {
      let declared = Set(type.configuration.options.map(\.name))
      for option in everyOption {
        let words =
          path.split(separator: " ").map(String.init) + [option.name]
          + (option.isFlag ? [] : ["x"])
        let refused: Bool
        do {
          _ = try CommandLineParser.parse(words)
          refused = false
        } catch {
          refused = error.message.contains("has no option \(option.name)")
        }
        #expect(refused == !declared.contains(option.name), "kurs \(path) \(option.name)")
      }
    }
  }

  /// `kurs start --cohort CODE` was accepted but missing from `kurs help start` and from the
  /// completion of start, while the completion offered it to `kurs join`, which refuses it
  /// (the help, kept by hand, had drifted from the parser).
  @Test func startsCohortOptionIsInItsHelpAndCompletedForStartNotJoin() throws {
    for language in ["en", "ru", "uk"] {
      #expect(try #require(HelpText.topic("start", in: language)).contains("[--cohort CODE]"))
    }
    let bash = ShellCompletion.script(for: .bash, courses: [])
    #expect(bash.contains("start) options=\"$options --module --cohort\""))
    #expect(!bash.contains("join) options="))
    #expect(throws: UsageError.self) {
      try CommandLineParser.parse(["join", "x", "--cohort", "y"])
    }
  }

  /// The overview (kept as text, with its translations) names every command with its declared
  /// abstract, and lists exactly the declared global options.
  @Test func theOverviewNamesEveryCommandWithItsAbstractAndTheGlobalOptions() {
    let lines = HelpText.overview.split(separator: "\n").map {
      $0.trimmingPrefix(while: { $0 == " " })
    }
    for (path, _, type) in Self.leaves {
      #expect(
        lines.contains { $0.hasPrefix(path + " ") && $0.contains(type.configuration.abstract) }
          || lines.contains {
            $0 == path || ($0.hasPrefix(path) && $0.contains(type.configuration.abstract))
          },
        "the overview has no line for \(path) saying '\(type.configuration.abstract)'")
    }
    let overview = HelpText.overview
    let start = overview.range(of: "options for every command:")
    let rest = start.map { overview[$0.upperBound...] } ?? ""
    let section = rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)]
    #expect(
      CommandReference.options(in: String(section))
        == (GlobalOptions.declarations + CommandOption.standIns).map(\.name))
  }
}
