import Foundation

/// `kurs validate PATH... [--strict] [--json] [--review]`: check courses like a compiler.
struct ValidateCommand: Command {
  static let configuration = CommandConfiguration(
    name: "validate",
    abstract: "check courses like a compiler: path:line:column: error: message",
    arguments: [CommandArgument("PATH", repeats: true)],
    options: [
      CommandOption("--strict", help: "count warnings as errors"),
      CommandOption("--json", help: "print the findings as JSON, to standard output"),
      CommandOption(
        "--review",
        help: """
          also review the questions for what makes them guessable: the correct
          option markedly or usually the longest, correct answers in one place,
          true/false answers nearly all alike, "all/none of the above", hints
          that give the number of correct options, multiple select with nearly
          every option correct, options that alone repeat the prompt. Findings
          are warnings with the fix (docs/authoring.md, "Writing fair questions")
          """),
    ], help: help)

  var paths: [String]
  var strict: Bool
  var json: Bool
  var review: Bool

  init(paths: [String], strict: Bool = false, json: Bool = false, review: Bool = false) {
    self.paths = paths
    self.strict = strict
    self.json = json
    self.review = review
  }

  init(_ parsed: ParsedArguments) {
    paths = parsed.arguments
    strict = parsed.flag("--strict")
    json = parsed.flag("--json")
    review = parsed.flag("--review")
  }

  func validate() throws(UsageError) {
    guard !paths.isEmpty else {
      throw UsageError(
        "'kurs validate' needs a course folder or file: kurs validate Courses/example",
        command: "validate")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    var report = ValidationReport(strict: strict, review: review)
    for path in paths {
      report.check(
        path: context.locator.path(for: path) ?? path, loader: context.loader, streaming: true)
    }
    // Diagnostics (and the summary under them) to standard error, as compilers write them;
    // the JSON report is data, for standard output.
    if json {
      context.console.write(report.json())
    } else {
      context.console.writeError(report.text(language: context.language))
    }
    return report.exitCode
  }
}

// MARK: - kurs help validate

extension ValidateCommand {
  /// What `kurs help validate` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Checks each course (a folder holding course.xml, or the file itself) against the schema,
      then checks what a schema cannot see: ids that name nothing, unreachable nodes, nodes
      from which no end can be reached, questions without a correct answer, pass marks no path
      can reach, branches that can fall through, flags never set, texts missing in a
      language. Each finding is written to standard error as
        path:line:column: error|warning: message
      so editors can jump to it, then a summary line.
      """,
    optionColumn: 11,
    epilogue: """
      exit codes: 0 valid (warnings allowed), 1 invalid, 2 a file could not be read, 64 usage

      example:
        kurs validate Courses/example Courses/marina --strict
        kurs validate Courses/example --review --strict
      """)
}
