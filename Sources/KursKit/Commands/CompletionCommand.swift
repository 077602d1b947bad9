/// `kurs completion bash|zsh`: a shell completion script.
struct CompletionCommand: Command {
  static let configuration = CommandConfiguration(
    name: "completion",
    abstract: "a shell completion script: source <(kurs completion bash)",
    arguments: [
      CommandArgument("bash|zsh", completion: .words(CompletionShell.allCases.map(\.rawValue)))
    ], help: help)

  var arguments: [String]
  var shell: CompletionShell? { arguments.first.flatMap(CompletionShell.init) }

  init(shell: CompletionShell) { arguments = [shell.rawValue] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.count == 1, shell != nil else {
      throw UsageError(
        "write 'kurs completion bash' or 'kurs completion zsh', for example: source <(kurs completion bash)",
        command: "completion")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    guard let shell else { return .usage }
    context.console.write(
      ShellCompletion.script(for: shell, courses: context.locator.courseIDs()))
    return .success
  }
}

// MARK: - kurs help completion

extension CompletionCommand {
  /// What `kurs help completion` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Prints a script that completes kurs's commands, subcommands, options and course ids
      as you type. The course ids are those found when the script is written: write it
      again after adding a course.

      examples:
        source <(kurs completion bash)                 (in ~/.bashrc)
        kurs completion bash > ~/.local/share/bash-completion/completions/kurs
        source <(kurs completion zsh)                  (in ~/.zshrc, after compinit)
      """)
}
