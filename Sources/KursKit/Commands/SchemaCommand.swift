/// `kurs schema`: the XML Schema of the course format.
struct SchemaCommand: Command {
  static let configuration = CommandConfiguration(
    name: "schema", abstract: "print the XML Schema of the course format", help: help)

  init() {}
  init(_ parsed: ParsedArguments) {}

  func run(_ context: CommandContext) -> ExitCode {
    context.console.write(CourseSchema.text)
    return .success
  }
}

// MARK: - kurs help schema

extension SchemaCommand {
  /// What `kurs help schema` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Prints the XML Schema (XSD) of the course format, version 1, for editors that check
      XML as you type.

      example:
        kurs schema > kurs-course-1.xsd
      """)
}
