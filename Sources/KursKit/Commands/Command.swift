import Foundation

// How to add a command (`kurs publish` as the example), in five lines:
//   1. Create Commands/PublishCommand.swift with `struct PublishCommand: Command`.
//   2. Declare it once: `static let configuration = CommandConfiguration(name: "publish",
//      abstract: "…", arguments: [CommandArgument("FORMAT", completion: .words([...]))],
//      options: [CommandOption("--out", value: "DIR")], help: HelpTopic(discussion: "…"))`.
//   3. `init(_ parsed: ParsedArguments)` reads `parsed.arguments`, `parsed.value("--out")`,
//      `parsed.flag("--json")`; `validate()` throws `UsageError("…", command: "publish")`.
//   4. `run(_ context: CommandContext) -> ExitCode` does the work (`context.console`, …).
//   5. Add `PublishCommand.self` to `CommandLineParser.commands`, and its overview line
//      to `HelpText.overview` (and its translations): the parser, `kurs help publish`, the
//      man page and the shell completions all read the declaration; a test checks they agree.
// The help's usage line (and an option table, with `HelpTopic.optionColumn`) is generated:
// `discussion` is the text after it. An option the command does not declare is refused.
// Tests: a case in EveryCommandParsingTests (a factory in AnyCommand+Cases.swift), then
// `swift test --filter "CommandDeclarationTests|EveryCommandParsingTests|HelpTextTests"`.

/// A `kurs` command: declared once (`configuration`), read from the command line
/// (`init(_:)`), checked (`validate()`) and run (`run(_:)`). The parser, `kurs help COMMAND`,
/// the manual page and the shell completions all read the same `configuration`.
public protocol Command: CommandDeclaration, Sendable, Equatable {
  /// Reads the command's arguments and options; `validate()` checks them.
  init(_ parsed: ParsedArguments)
  /// Refuses a wrong command line with what to write instead.
  /// - Throws: `UsageError` naming the command whose help to read.
  func validate() throws(UsageError)
  /// Does the work, writing to the context's console.
  func run(_ context: CommandContext) -> ExitCode
}

extension Command {
  public func validate() throws(UsageError) {}

  func isEqual(_ other: any Command) -> Bool { (other as? Self) == self }
}

/// What every command and every group of commands declares.
public protocol CommandDeclaration: SendableMetatype {
  static var configuration: CommandConfiguration { get }
}

/// A command that only names its subcommands (`kurs cohort new|import|pull|report`).
public protocol CommandGroup: CommandDeclaration {
  /// The mistake when no subcommand, or an unknown one, is `given`.
  static func missingSubcommand(_ given: String?) -> UsageError
}

/// A parsed and checked command, whatever its type: what `Invocation` holds.
public struct AnyCommand: Sendable, Equatable, CustomStringConvertible {
  public let base: any Command

  public init(_ base: some Command) {
    self.base = base
  }

  public static func == (lhs: AnyCommand, rhs: AnyCommand) -> Bool { lhs.base.isEqual(rhs.base) }

  public var description: String { String(describing: base) }

  /// The command's declaration.
  var configuration: CommandConfiguration { type(of: base).configuration }
}

/// What a command runs with: the console and environment (through `cli`), the shared options,
/// and where courses are found and how they are loaded.
public struct CommandContext {
  public var cli: KursCLI
  public var options: GlobalOptions
  public var locator: CourseLocator
  public var loader: CourseLoader

  public var console: Console { cli.console }
  /// The language of a course's and an author's texts: `--lang`, else English.
  public var language: String { options.language ?? "en" }
  /// The language of kurs's own texts for the reader (no learner chosen yet).
  public var readerLanguage: String { cli.uiLanguage(options, learner: nil) }
}
