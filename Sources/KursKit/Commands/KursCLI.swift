import Foundation

/// Runs a parsed command: the one place that wires loaders, validators and printers together.
/// The executable only parses `CommandLine.arguments`, calls this and exits with the code.
public struct KursCLI {
  public var console: Console
  public var environment: [String: String]
  public var input: LineReader
  public var terminal: Terminal
  /// The clock: the times in learners' journals and exports, the dates of certificates.
  public var now: @Sendable () -> Date = Date.init
  /// A new unique id: journal statements and module runs (xAPI registrations).
  public var newID: @Sendable () -> String = { UUID().uuidString.lowercased() }
  /// The version `kurs --version` prints.
  public static let version = KursVersion.current

  public init(
    console: Console, environment: [String: String], input: LineReader = ScriptedLines([]),
    terminal: Terminal = .scripted
  ) {
    self.console = console
    self.environment = environment
    self.input = input
    self.terminal = terminal
  }

  /// Parses and runs `arguments` (without the program name).
  public func run(arguments: [String]) -> ExitCode {
    do {
      let invocation = try CommandLineParser.parse(arguments)
      return run(invocation)
    } catch {
      console.writeError(error.description)
      return .usage
    }
  }

  public func run(_ invocation: Invocation) -> ExitCode {
    let options = invocation.options
    let locator = CourseLocator.standard(
      option: options.coursesDirectory, environment: environment,
      dataDirectory: DataDirectory.resolve(option: options.dataDirectory, environment: environment))
    let loader = CourseLoader(
      contentDirectory: options.contentDirectory.map { URL(fileURLWithPath: $0) })

    if let wrap = environment["KURS_WRAP"], !wrap.isEmpty,
      CommandLineParser.wrapColumns(wrap) == nil
    {
      console.writeError(
        "kurs: KURS_WRAP=\(wrap) is not a number of columns from 20 to 1000; set it like KURS_WRAP=80, or unset it\n"
      )
      return .usage
    }

    // Learners' records and cohorts live in the data folder: never in one that another
    // account could change (it could plant ids, links or records there).
    if invocation.command.configuration.usesDataFolder {
      do {
        try DataDirectory.checkOwnership(
          DataDirectory.resolve(option: options.dataDirectory, environment: environment))
      } catch {
        report(error, uiLanguage(options, learner: nil))
        return .invalid
      }
    }

    let context = CommandContext(cli: self, options: options, locator: locator, loader: loader)
    return invocation.command.base.run(context)
  }

  /// Loads a course for graph and stats; prints its errors and returns `nil` when it has any.
  /// - Parameter language: the language of the message when there is no such course (a
  ///   learner's `kurs start`); a course's errors are an author's, in English.
  func loadValid(
    _ name: String, locator: CourseLocator, loader: CourseLoader, language: String = "en"
  ) -> Course? {
    guard let path = locator.path(for: name) else {
      console.writeError(
        "kurs: "
          + Localization.string(
            .noSuchCourse, language, name,
            Localization.didYouMean(name, locator.courseIDs(), language: language),
            locator.searchedDescription) + "\n")
      return nil
    }
    var report = ValidationReport(strict: false)
    report.check(path: path, loader: loader)
    guard report.errorCount == 0, let course = loader.load(path: path).course else {
      console.writeError(
        report.diagnostics.filter { $0.severity == .error }.map(\.description).joined(
          separator: "\n") + "\n")
      console.writeError("kurs: fix the errors above first (kurs validate \(path))\n")
      return nil
    }
    return course
  }

  func listCourses(
    _ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader, language: String,
    home: Bool
  ) -> ExitCode {
    let folders = locator.courseFolders()
    // A folder that cannot be read is said even when others hold courses: its courses are missing.
    if !folders.isEmpty {
      for (directory, problem) in locator.unreadablePlaces {
        console.writeError(
          "kurs: warning: \(directory.path) cannot be read (\(problem)); courses there are not listed\n"
        )
      }
    }
    guard !folders.isEmpty else {
      console.writeError(
        "kurs: no courses found; looked in \(locator.searchedDescription); add a course file with 'kurs add FILE', pass --courses DIR, or create one with 'kurs new course ID'\n"
      )
      return .invalid
    }
    var catalogue = CourseCatalogue(
      cacheDirectory: CacheDirectory.resolve(environment: environment),
      dataDirectory: DataDirectory.resolve(option: options.dataDirectory, environment: environment))
    var heading = ""
    for folder in folders {
      let parent = folder.deletingLastPathComponent().path
      if parent != heading {
        console.write(
          (heading.isEmpty ? "" : "\n") + Localization.string(.coursesIn, language, parent) + "\n")
        heading = parent
      }
      let entry = catalogue.entry(for: folder, loader: loader)
      if entry.errorCount == 0, let id = entry.id {
        // The title in the first of the reader's languages the course has.
        let shownIn = LanguageChain.first(
          of: LanguageChain.chain(explicit: options.language, environment: environment),
          in: entry.languages)
        console.write(
          "  \(id) \(entry.version ?? "")  \(entry.title(shownIn ?? language))  [\(entry.languages.joined(separator: ", "))]\n"
        )
      } else {
        console.write(
          "  \(folder.lastPathComponent)  "
            + Localization.string(
              .courseInvalidEntry, language, String(entry.errorCount),
              "kurs validate \(folder.path)") + "\n")
      }
    }
    catalogue.save()
    if home {
      console.write("\nrun 'kurs --help' for the commands\n")
    }
    return .success
  }
}
