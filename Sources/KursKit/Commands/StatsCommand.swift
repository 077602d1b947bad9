import Foundation

/// `kurs stats COURSE [--json]`: nodes, paths, points and reading time per module.
struct StatsCommand: Command {
  static let configuration = CommandConfiguration(
    name: "stats", abstract: "nodes, paths, points and reading time per module",
    arguments: [CommandArgument("COURSE", completion: .course)], options: [CommandOption("--json")],
    help: help)

  var arguments: [String]
  var json: Bool
  var course: String { arguments.first ?? "" }

  init(course: String, json: Bool = false) {
    arguments = [course]
    self.json = json
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    json = parsed.flag("--json")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError("'kurs stats' needs one course: kurs stats example", command: "stats")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    guard
      let course = context.cli.loadValid(course, locator: context.locator, loader: context.loader)
    else { return .invalid }
    let statistics = CourseStatistics(course: course, language: context.language)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      guard let data = try? encoder.encode(statistics) else { return .invalid }
      context.console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      context.console.write(statistics.text())
    }
    return .success
  }
}

// MARK: - kurs help stats

extension StatsCommand {
  /// What `kurs help stats` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      For each module: the nodes by kind, the questions by kind, the distinct paths from the
      start to each end, the fewest and most points on offer on the way, the pass mark and
      whether it can be reached, and an estimated reading time per language
      (\(CourseStatistics.wordsPerMinute) words a minute).

      example:
        kurs stats example
      """)
}
