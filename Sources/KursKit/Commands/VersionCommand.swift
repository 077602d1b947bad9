/// `kurs --version` (or `-V`, or `kurs version`). Not in `CommandLineParser.commands`: the
/// overview lists it with the options.
struct VersionCommand: Command {
  static let configuration = CommandConfiguration(name: "version", abstract: "the version")

  init() {}
  init(_ parsed: ParsedArguments) {}

  func run(_ context: CommandContext) -> ExitCode {
    context.console.write("kurs \(KursCLI.version) (course format \(FormatVersion.current))\n")
    return .success
  }
}
