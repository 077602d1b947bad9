/// `kurs keys new [--out DIR] [--name NAME]`: a key pair for signing certificates.
struct KeysCommand: Command {
  static let configuration = CommandConfiguration(
    name: "keys", abstract: "make a key pair for signing certificates",
    arguments: [CommandArgument("new", completion: .words(["new"]))],
    options: [CommandOption("--out", value: "DIR"), CommandOption("--name", value: "NAME")],
    help: help)

  var arguments: [String]
  var directory: String?
  var name: String?

  init(directory: String? = nil, name: String? = nil) {
    arguments = ["new"]
    self.directory = directory
    self.name = name
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    directory = parsed.value("--out")
    name = parsed.value("--name")
  }

  func validate() throws(UsageError) {
    guard arguments == ["new"] else {
      throw UsageError(
        "write 'kurs keys new', for example: kurs keys new --name trainer --out keys",
        command: "keys")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.newKeys(directory: directory, name: name)
  }
}

// MARK: - kurs help keys

extension KeysCommand {
  /// What `kurs help keys` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Makes an Ed25519 key pair for signing certificates: DIR/NAME.key, your private key
      (readable only by you: keep it secret and backed up), and DIR/NAME.pub, your public
      key, for anyone who checks the certificates you sign. DIR is the current folder and
      NAME is 'issuer' unless given. Never overwrites a key.

      example:
        kurs keys new --name trainer --out ~/kurs-keys
      """)
}
