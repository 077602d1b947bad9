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
    let language = options.language ?? "en"

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
    if invocation.command.usesDataFolder {
      do {
        try DataDirectory.checkOwnership(
          DataDirectory.resolve(option: options.dataDirectory, environment: environment))
      } catch {
        report(error, uiLanguage(options, learner: nil))
        return .invalid
      }
    }

    switch invocation.command {
    case .version:
      console.write("kurs \(Self.version) (course format \(FormatVersion.current))\n")
      return .success
    case .help(let topic):
      // Help speaks the learner's language: --lang, else the locale (LANGUAGE, LC_ALL, LANG).
      let helpLanguage = uiLanguage(options, learner: nil)
      guard let topic else {
        console.write(HelpText.overview(in: helpLanguage))
        return .success
      }
      guard let text = HelpText.topic(topic, in: helpLanguage) else {
        console.writeError(
          "kurs: no help for '\(topic)'\(didYouMean(topic, CommandLineParser.commandNames))\n")
        return .usage
      }
      console.write(text)
      return .success
    case .schema:
      console.write(CourseSchema.text)
      return .success
    case .importBank(let format, let file, let out):
      return importBank(format: format, file: file, out: out, language: options.language)
    case .validate(let paths, let strict, let json, let review):
      var report = ValidationReport(strict: strict, review: review)
      for path in paths {
        report.check(path: locator.path(for: path) ?? path, loader: loader, streaming: true)
      }
      // Diagnostics (and the summary under them) to standard error, as compilers write them;
      // the JSON report is data, for standard output.
      if json {
        console.write(report.json())
      } else {
        console.writeError(report.text(language: language))
      }
      return report.exitCode
    case .graph(let name, let moduleID, let format):
      guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
      var modules = course.modules
      if let moduleID {
        guard let module = course.module(moduleID) else {
          console.writeError(
            "kurs: course '\(course.id)' has no module '\(moduleID)'\(didYouMean(moduleID, course.modules.map(\.id))); modules: \(course.modules.map(\.id).joined(separator: ", "))\n"
          )
          return .usage
        }
        modules = [module]
      }
      console.write(GraphExporter(format: format, language: language).render(modules, of: course))
      return .success
    case .stats(let name, let json):
      guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
      let statistics = CourseStatistics(course: course, language: language)
      if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(statistics) else { return .invalid }
        console.write(String(decoding: data, as: UTF8.self) + "\n")
      } else {
        console.write(statistics.text())
      }
      return .success
    case .newCourse(let id, let directory, let languages):
      return newCourse(
        id: id,
        directory: directory.map { URL(fileURLWithPath: $0) } ?? newCourseDirectory(locator),
        languages: languages)
    case .courses:
      return listCourses(
        options, locator: locator, loader: loader, language: uiLanguage(options, learner: nil),
        home: false)
    case .pack(let course, let out):
      return pack(course, out: out, locator: locator, loader: loader)
    case .publishHTML(let course, let out):
      return publishHTML(course, out: out, options, locator: locator, loader: loader)
    case .publishPackage(let kind, let course, let out):
      return publishPackage(kind, course, out: out, options, locator: locator, loader: loader)
    case .add(let path):
      return add(
        path, locator: locator, loader: loader, language: uiLanguage(options, learner: nil))
    case .home:
      return home(options, locator: locator, loader: loader)
    case .start(let course, let module):
      return start(course: course, module: module, options, locator: locator, loader: loader)
    case .resume:
      return resume(options, locator: locator, loader: loader)
    case .progress(let json):
      return json
        ? progressJSON(options, locator: locator, loader: loader)
        : progress(options, locator: locator, loader: loader)
    case .export(let out):
      return export(to: out, options, locator: locator, loader: loader)
    case .forget(let learner):
      return forget(learner, options)
    case .join(let code):
      return join(code: code, options)
    case .cohortNew(let name, let course):
      return cohortNew(name: name, course: course, options, locator: locator, loader: loader)
    case .cohortImport(let name, let files, let replace):
      return cohortImport(name: name, files: files, replace: replace, options)
    case .cohortPull(let name, let since, let until):
      return cohortPull(name: name, since: since, until: until, options)
    case .cohortReport(let name, let csv, let json, let html, let replace):
      return cohortReport(
        name: name, csv: csv, json: json, html: html, replace: replace, options, locator: locator,
        loader: loader)
    case .newKeys(let directory, let name):
      return newKeys(directory: directory, name: name)
    case .signCertificate(let file, let key, let issuerName, let output):
      return signCertificate(
        file, key: key, issuerName: issuerName, output: output, locator: locator, loader: loader)
    case .verifyCertificate(let file, let issuerKey):
      return verifyCertificate(
        file, issuerKey: issuerKey, locator: locator, loader: loader,
        language: uiLanguage(options, learner: nil))
    case .printCertificate(let file, let issuerKey, let output, let title, let replace):
      return printCertificate(
        file, issuerKey: issuerKey, output: output, title: title, replace: replace,
        locator: locator, loader: loader)
    case .certificateContext:
      console.write(KursContext.text)
      return .success
    case .completion(let shell):
      console.write(ShellCompletion.script(for: shell, courses: locator.courseIDs()))
      return .success
    case .manual:
      console.write(ManualPage.roff(version: Self.version))
      return .success
    }
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

  private func newCourse(id: String, directory: URL, languages: [String]) -> ExitCode {
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
  private func newCourseDirectory(_ locator: CourseLocator) -> URL {
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

  private func listCourses(
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

extension Command {
  /// Whether the command reads or writes the data folder (learners, cohorts; `kurs courses`
  /// keeps its cache there).
  var usesDataFolder: Bool {
    switch self {
    case .home, .courses, .start, .resume, .progress, .export, .forget, .join, .cohortNew,
      .cohortImport,
      .cohortPull, .cohortReport, .add:
      return true
    case .validate, .graph, .stats, .newCourse, .pack, .publishHTML, .publishPackage, .importBank,
      .schema, .newKeys,
      .signCertificate, .verifyCertificate,
      .printCertificate, .certificateContext, .completion, .manual, .help, .version:
      return false
    }
  }
}
