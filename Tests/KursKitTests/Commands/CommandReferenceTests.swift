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
}
