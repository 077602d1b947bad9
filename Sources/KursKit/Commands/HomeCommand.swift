/// `kurs` with no command: the home screen (choose a learner, a course and a module). Not in
/// `CommandLineParser.commands`: it has no name to type.
struct HomeCommand: Command {
  static let configuration = CommandConfiguration(
    name: "", abstract: "the home screen", usesDataFolder: true)

  init() {}
  init(_ parsed: ParsedArguments) {}

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.home(context.options, locator: context.locator, loader: context.loader)
  }
}
