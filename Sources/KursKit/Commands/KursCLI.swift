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

  func newCourse(id: String, directory: URL, languages: [String]) -> ExitCode {
    let valid =
      id.first.map { $0.isLetter || $0 == "_" } == true
      && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } && id.count <= 128
    guard valid else {
      console.writeError(
        "kurs: '\(id)' is not a valid course id; start with a letter, then letters, digits, _ or -\n"
      )
      return .usage
    }
    let folder = directory.appendingPathComponent(id)
    guard !FileManager.default.fileExists(atPath: folder.path) else {
      console.writeError(
        "kurs: \(folder.path) already exists; nothing was written. Choose another id or remove the folder\n"
      )
      return .invalid
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let file = folder.appendingPathComponent("course.xml")
      try AtomicFile.write(
        Data(CourseTemplate.courseXML(id: id, languages: languages).utf8), to: file)
      console.write("wrote \(file.path)\nnext: edit it, then run: kurs validate \(folder.path)\n")
      return .success
    } catch {
      console.writeError("kurs: cannot write \(folder.path): \(error.localizedDescription)\n")
      return .unreadable
    }
  }

  /// Where `kurs new course` writes when not told: the folder named with `--courses` or
  /// `KURS_COURSES`, else `Courses/` in the working directory when there is one, else the
  /// working directory.
  func newCourseDirectory(_ locator: CourseLocator) -> URL {
    if let place = locator.places.first, place.kind == .option || place.kind == .environment {
      return place.directory
    }
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var isDirectory: ObjCBool = false
    let courses = working.appendingPathComponent("Courses")
    if FileManager.default.fileExists(atPath: courses.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return courses
    }
    return working
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
