import Foundation
import Testing

@testable import KursKit

/// Shell completion and the manual page come from the parser and the help: a command or an
/// option the parser accepts and they leave out fails here.
@Suite struct CommandReferenceTests {
  @Test func everyCommandOfTheParserIsCompletedAndInTheManualPage() {
    let bash = ShellCompletion.script(for: .bash, courses: ["marina"])
    let zsh = ShellCompletion.script(for: .zsh, courses: ["marina"])
    let manual = ManualPage.roff(version: "0.0.0")
    let bashCommands =
      bash.split(separator: "\n").first { $0.contains("local commands=") }
      .map { $0.split(separator: "\"")[1].split(separator: " ").map(String.init) } ?? []
    #expect(bashCommands == CommandLineParser.commandNames)
    for command in CommandLineParser.commandNames {
      #expect(zsh.contains("'\(command):"), "zsh: \(command)")
      #expect(manual.contains(".SS \"kurs \(ManualPage.escape(command))\""), "man: \(command)")
      #expect(HelpText.topic(command) != nil || command == "help", "no 'kurs help \(command)'")
      #expect(!CommandReference.summary(of: command).isEmpty, "no line for \(command) in kurs help")
    }
    for command in CommandLineParser.commandNames {
      for subcommand in CommandReference.subcommands(of: command) {
        #expect(bash.contains(subcommand), "bash: \(command) \(subcommand)")
        #expect(
          manual.contains("\\fB\(ManualPage.escape(subcommand))\\fR"),
          "man: \(command) \(subcommand)")
      }
    }
  }

  @Test func everyOptionOfTheParserIsCompletedAndInTheManualPage() {
    let bash = ShellCompletion.script(for: .bash, courses: [])
    let zsh = ShellCompletion.script(for: .zsh, courses: [])
    let manual = ManualPage.roff(version: "0.0.0")
    for option in CommandReference.allOptions where option.hasPrefix("--") {
      #expect(bash.contains(option), "bash: \(option)")
      #expect(zsh.contains(option), "zsh: \(option)")
      #expect(manual.contains(ManualPage.escape(option)), "man: \(option)")
    }
  }

  @Test func optionsAreReadFromTheHelpOfTheirCommand() {
    #expect(CommandReference.options(of: "certificate").contains("--no-title"))
    #expect(CommandReference.options(of: "validate") == ["--strict", "--json", "--review"])
    #expect(CommandReference.globalOptions.contains("--data-dir"))
    #expect(
      CommandReference.summary(of: "resume")
        == "continue exactly where you stopped, even mid-question")
  }

  @Test func courseIdsThatWouldNeedQuotingAreLeftOut() {
    let script = ShellCompletion.script(
      for: .bash, courses: ["marina", "a b", "$(rm -rf x)", "курс"])
    #expect(script.contains("local courses=\"marina\""))
  }

  @Test func commandLinesParse() throws {
    #expect(try CommandLineParser.parse(["completion", "zsh"]).command == .completion(shell: .zsh))
    #expect(try CommandLineParser.parse(["man"]).command == .manual)
    #expect(try CommandLineParser.parse(["certificate", "context"]).command == .certificateContext)
    #expect(
      try CommandLineParser.parse([
        "certificate", "print", "a.json", "--no-title", "--out", "a.html",
      ]).command
        == .printCertificate(
          file: "a.json", issuerKey: nil, output: "a.html", title: false, replace: false))
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["completion", "fish"]) }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["verify", "--no-title"]) }
    #expect(throws: UsageError.self) {
      try CommandLineParser.parse(["certificate", "verify", "a.json", "--no-title"])
    }
  }

  /// bash and zsh find the command the same way (one block, written once): the same loop over
  /// the words typed, skipping the same options' values.
  @Test func bashAndZshFindTheCommandAlike() {
    func scan(_ script: String, _ word: String) -> String {
      let lines = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
      guard let start = lines.firstIndex(of: "local command=\"\" sub=\"\" i") else { return "" }
      return lines[(start + 2)...].prefix(9).joined(separator: "\n")
        .replacingOccurrences(of: word, with: "WORD")
    }
    let bash = scan(ShellCompletion.script(for: .bash, courses: []), "${COMP_WORDS[i]}")
    let zsh = scan(ShellCompletion.script(for: .zsh, courses: []), "${words[i]}")
    #expect(!bash.isEmpty && bash == zsh)
    #expect(bash.contains("--data-dir") && bash.contains("((i++))"))
  }
}
