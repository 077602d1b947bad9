/// `kurs man`: the manual page, kurs(1), in roff.
struct ManCommand: Command {
  static let configuration = CommandConfiguration(
    name: "man", abstract: "this help as a manual page: kurs man | man -l -", help: help)

  var arguments: [String]

  init() { arguments = [] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.isEmpty else {
      throw UsageError("'kurs man' takes no arguments: kurs man > kurs.1", command: "man")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.console.write(ManualPage.roff(version: KursCLI.version))
    return .success
  }
}

// MARK: - kurs help man

extension ManCommand {
  /// What `kurs help man` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Prints kurs's manual page, kurs(1), made from this help.

      examples:
        kurs man | man -l -
        kurs man > ~/.local/share/man/man1/kurs.1
      """)
}
