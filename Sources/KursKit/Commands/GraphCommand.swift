/// `kurs graph COURSE [--module ID] [--format dot|mermaid]`: the branching of a course.
struct GraphCommand: Command {
  static let configuration = CommandConfiguration(
    name: "graph", abstract: "draw the branching of a course (Graphviz dot or Mermaid)",
    arguments: [CommandArgument("COURSE", completion: .course)],
    options: [
      CommandOption("--module", value: "ID"),
      CommandOption(
        "--format", value: "dot|mermaid", completion: .words(GraphFormat.allCases.map(\.rawValue))),
    ], help: help)

  var arguments: [String]
  var module: String?
  /// What `--format` says (`dot` when not given).
  var formatName: String
  var course: String { arguments.first ?? "" }
  var format: GraphFormat? { GraphFormat(rawValue: formatName) }

  init(course: String, module: String? = nil, format: GraphFormat = .dot) {
    arguments = [course]
    self.module = module
    formatName = format.rawValue
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    module = parsed.value("--module")
    formatName = parsed.value("--format") ?? "dot"
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs graph' needs one course: kurs graph example --module basics", command: "graph")
    }
    guard format != nil else {
      throw UsageError(
        "unknown graph format '\(formatName)'; use dot or mermaid", command: "graph")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    let console = context.console
    guard let format,
      let course = context.cli.loadValid(course, locator: context.locator, loader: context.loader)
    else { return .invalid }
    var modules = course.modules
    if let module {
      guard let found = course.module(module) else {
        console.writeError(
          "kurs: course '\(course.id)' has no module '\(module)'\(didYouMean(module, course.modules.map(\.id))); modules: \(course.modules.map(\.id).joined(separator: ", "))\n"
        )
        return .usage
      }
      modules = [found]
    }
    console.write(
      GraphExporter(format: format, language: context.language).render(modules, of: course))
    return .success
  }
}

// MARK: - kurs help graph

extension GraphCommand {
  /// What `kurs help graph` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Prints the branching of every module (or one) with nodes labelled by kind and id, and
      edges by choice or condition. COURSE is a course id from the courses folder or a path.

      examples:
        kurs graph example --module basics | dot -Tsvg > basics.svg
        kurs graph marina --format mermaid
      """)
}
