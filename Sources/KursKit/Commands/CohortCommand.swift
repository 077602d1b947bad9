/// `kurs cohort new|import|pull|report`: webinar hosts' cohorts. Each subcommand is its own
/// type below; this file holds their help.
enum CohortCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "cohort", abstract: "webinar cohorts: create, import, pull from an LRS, report",
    subcommands: [
      CohortNewCommand.self, CohortImportCommand.self, CohortPullCommand.self,
      CohortReportCommand.self,
    ], help: help)

  static func missingSubcommand(_ given: String?) -> UsageError {
    let names = configuration.subcommands.map { $0.configuration.name }
    return UsageError(
      "'kurs cohort' needs new, import, pull or report\(didYouMean(given ?? "", names)): kurs cohort new spring --course marina",
      command: "cohort")
  }

  static let name = CommandArgument("NAME")
  static let replace = CommandOption("--replace")
}

/// `kurs cohort new NAME --course COURSE`.
struct CohortNewCommand: Command {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "create a cohort and its join code", arguments: [CohortCommand.name],
    options: [CommandOption("--course", value: "COURSE", completion: .course).required()],
    usesDataFolder: true)

  var arguments: [String]
  var course: String?
  var name: String { arguments.first ?? "" }

  init(name: String, course: String) {
    arguments = [name]
    self.course = course
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    course = parsed.value("--course")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1, course != nil else {
      throw UsageError(
        "write 'kurs cohort new NAME --course COURSE', for example: kurs cohort new spring --course marina",
        command: "cohort")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    guard let course else { return .usage }
    return context.cli.cohortNew(
      name: name, course: course, context.options, locator: context.locator,
      loader: context.loader)
  }
}

/// `kurs cohort import NAME FILE|FOLDER... [--replace]`.
struct CohortImportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "import", abstract: "import learners' exports (kurs export)",
    arguments: [CohortCommand.name, CommandArgument("FILE|FOLDER", repeats: true)],
    options: [CohortCommand.replace], usesDataFolder: true)

  var arguments: [String]
  var replace: Bool
  var name: String { arguments.first ?? "" }
  var files: [String] { Array(arguments.dropFirst()) }

  init(name: String, files: [String], replace: Bool = false) {
    arguments = [name] + files
    self.replace = replace
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    replace = parsed.flag("--replace")
  }

  func validate() throws(UsageError) {
    guard arguments.count >= 2 else {
      throw UsageError(
        "write 'kurs cohort import NAME FILE...', for example: kurs cohort import spring exports/*.json",
        command: "cohort")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.cohortImport(name: name, files: files, replace: replace, context.options)
  }
}

/// `kurs cohort pull NAME --lrs URL [--since TIME] [--until TIME]`.
struct CohortPullCommand: Command {
  static let configuration = CommandConfiguration(
    name: "pull", abstract: "read the cohort's statements from an xAPI LRS",
    arguments: [CohortCommand.name],
    options: [
      CommandOption.lrs.required(), CommandOption("--since", value: "TIME"),
      CommandOption("--until", value: "TIME"),
    ], usesDataFolder: true)

  var arguments: [String]
  var since: String?
  var until: String?
  var name: String { arguments.first ?? "" }

  init(name: String, since: String? = nil, until: String? = nil) {
    arguments = [name]
    self.since = since
    self.until = until
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    since = parsed.value("--since")
    until = parsed.value("--until")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "write 'kurs cohort pull NAME --lrs URL', for example: kurs cohort pull spring --lrs http://127.0.0.1:8100/xAPI/",
        command: "cohort")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.cohortPull(name: name, since: since, until: until, context.options)
  }
}

/// `kurs cohort report NAME [--csv FILE|-] [--json] [--html FILE|-] [--replace]`.
struct CohortReportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "report", abstract: "who finished, who is stuck, hardest questions",
    arguments: [CohortCommand.name],
    options: [
      CommandOption("--csv", value: "FILE|-"), CommandOption("--json"),
      CommandOption("--html", value: "FILE|-"),
      CohortCommand.replace,
    ], usesDataFolder: true)

  var arguments: [String]
  var csv: String?
  var json: Bool
  var html: String?
  var replace: Bool
  var name: String { arguments.first ?? "" }

  init(
    name: String, csv: String? = nil, json: Bool = false, html: String? = nil,
    replace: Bool = false
  ) {
    arguments = [name]
    self.csv = csv
    self.json = json
    self.html = html
    self.replace = replace
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    csv = parsed.value("--csv")
    json = parsed.flag("--json")
    html = parsed.value("--html")
    replace = parsed.flag("--replace")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "write 'kurs cohort report NAME', for example: kurs cohort report spring --html spring.html",
        command: "cohort")
    }
    let toStandardOutput = [csv == "-", html == "-", json].filter { $0 }.count
    guard toStandardOutput <= 1 else {
      throw UsageError(
        "only one of --csv -, --html - and --json can go to standard output: write the others to files",
        command: "cohort")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.cohortReport(
      name: name, csv: csv, json: json, html: html, replace: replace, context.options,
      locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help cohort

extension CohortCommand {
  /// What `kurs help cohort` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      For webinar hosts. 'new' creates a cohort and prints its join code for learners.
      'import' reads the files learners send (kurs export): importing a file twice changes
      nothing, a newer export of the same learner replaces the older one (when one is
      dated in the future, a wrong clock, the longer one wins and the conflict is shown;
      --replace keeps the given files whatever their dates), a file above 256 MB is
      refused, and a damaged, edited or other-course file is refused with the reason
      while the rest go on.
      'pull' reads the cohort's statements (by its registration) from a learning record
      store and stores them as imports are, so the report is the same either way; it
      follows the store's 'more' links only on the same server, the only one that gets
      the credentials.
      'report' prints each learner by module (status, score, tries, last activity, where
      they are), the completion funnel and the hardest questions; --csv writes a table for
      spreadsheets (UTF-8 with a byte order mark; cells that would run as formulas start
      with '), --json prints it for other tools, --html writes one page with charts (no
      scripts, works offline). FILE - writes to standard output; a file already there is
      kept unless --replace. See docs/cohorts.md.

      examples:
        kurs cohort new spring --course marina
        kurs cohort import spring ~/Downloads/kurs-export-*.json
        kurs cohort report spring --html spring.html
      """)
}
