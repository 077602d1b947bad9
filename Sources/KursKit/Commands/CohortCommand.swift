import Foundation

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
    let console = context.console
    guard
      let loaded = context.cli.loadValid(course, locator: context.locator, loader: context.loader)
    else { return .invalid }
    do {
      let cohort = try context.cli.cohortStore(context.options).create(
        name: name, course: loaded.id)
      console.write(
        """
        Created cohort \(cohort.name) for course \(cohort.course).
        Join code: \(cohort.code)

        Learners run:  kurs join \(cohort.code)
        then send you: kurs export   (and you run: kurs cohort import \(cohort.name) FILE...)

        """)
      return .success
    } catch {
      console.writeError("kurs: \(error)\n")
      return .invalid
    }
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

  /// Each file on its own; a refused file does not stop the rest. A folder stands for the
  /// `.json` files in it, so a host with thousands of exports does not hit the shell's limit on
  /// arguments.
  func run(_ context: CommandContext) -> ExitCode {
    let (console, paths) = (context.console, files)
    var files: [String] = []
    var unreadableFolders = 0
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(path)
        continue
      }
      do {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        files += names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
          URL(fileURLWithPath: path).appendingPathComponent($0).path
        }
      } catch {
        console.writeError(
          "\(path): refused: the folder cannot be read (\(error.localizedDescription)); check its permissions\n"
        )
        unreadableFolders += 1
      }
    }
    let store = context.cli.cohortStore(context.options)
    let cohort: Cohort
    do {
      cohort = try store.cohort(named: name)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .invalid
    }
    let outcomes: [CohortStore.ImportOutcome]
    do {
      outcomes = try store.importAll(
        files.map { .file(URL(fileURLWithPath: $0)) }, into: cohort, replace: replace)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .unreadable
    }
    var refused = 0
    for (file, outcome) in zip(files, outcomes) {
      switch outcome {
      case .added(let who): console.write("\(file): added \(who)\n")
      case .updated(let who): console.write("\(file): updated \(who) (a newer export)\n")
      case .unchanged(let who):
        console.write("\(file): unchanged (\(who) was already imported from the same records)\n")
      case .keptNewer(let who):
        console.write("\(file): kept the newer records of \(who) already imported\n")
      case .conflict: console.write("\(file): \(outcome.text)\n")
      case .refused(let reason):
        console.writeError("\(file): refused: \(reason)\n")
        refused += 1
      }
    }
    console.write(
      "imported \(files.count - refused) of \(files.count) files into cohort \(cohort.name)\n")
    return refused == 0 && unreadableFolders == 0 ? .success : .invalid
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

  /// Data to standard output (`-`), confirmations to standard error; a report file already
  /// there is replaced only with `--replace`.
  func run(_ context: CommandContext) -> ExitCode {
    let (console, options, environment) = (
      context.console, context.options, context.cli.environment
    )
    let store = context.cli.cohortStore(options)
    do {
      let cohort = try store.cohort(named: name)
      guard
        let course = context.cli.loadValid(
          cohort.course, locator: context.locator, loader: context.loader)
      else {
        return .invalid
      }
      // Course content in the first of the host's languages the course has; the report's own
      // words in the first it speaks; times in the host's time zone.
      let chain = LanguageChain.chain(explicit: options.language, environment: environment)
      let report = CohortReport(
        cohort: cohort, course: course, summaries: try store.summaries(of: cohort),
        language: LanguageChain.first(of: chain, in: course.languages) ?? course.defaultLanguage)
      let language = ReportText.language(chain)
      let timeZone =
        environment["TZ"].flatMap {
          TimeZone(identifier: $0.hasPrefix(":") ? String($0.dropFirst()) : $0)
        } ?? TimeZone.current
      // Every file checked before any is written, so a refusal leaves nothing half done.
      for path in [csv, html].compactMap({ $0 }) where path != "-" {
        if let problem = KursCLI.outputProblem(path, replace: replace) {
          console.writeError("kurs: \(problem)\n")
          return .invalid
        }
      }
      for (path, content) in [
        (csv, { report.csv() }), (html, { report.html(language: language, timeZone: timeZone) }),
      ] {
        guard let path else { continue }
        if path == "-" {
          console.write(content())
        } else {
          try AtomicFile.write(
            Data(content().utf8), to: URL(fileURLWithPath: path), permissions: 0o600)
          console.writeError("wrote \(path)\n")
        }
      }
      if json {
        console.write(String(decoding: try report.json(), as: UTF8.self) + "\n")
      } else if csv == nil && html == nil {
        console.write(report.text(language: language, timeZone: timeZone))
      }
      return .success
    } catch let error as CohortStore.CohortError {
      console.writeError("kurs: \(error)\n")
      return .invalid
    } catch {
      console.writeError(
        "kurs: could not write the report: \(error.localizedDescription); nothing was changed\n")
      return .unreadable
    }
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
