import Foundation

/// `kurs new course ID [--dir DIR] [--languages "en ru"]`: a starter course that validates.
struct NewCommand: Command {
  static let configuration = CommandConfiguration(
    name: "new", abstract: "write a starter course that validates",
    arguments: [CommandArgument("course", completion: .words(["course"])), CommandArgument("ID")],
    options: [
      CommandOption("--dir", value: "DIR", completion: .directory),
      CommandOption("--languages", value: "\"en ru\""),
    ], help: help)

  var arguments: [String]
  var directory: String?
  /// The course's languages, the default first (`en` when `--languages` is not given).
  var languages: [String]
  var id: String { arguments.last ?? "" }

  init(id: String, directory: String? = nil, languages: [String] = ["en"]) {
    arguments = ["course", id]
    self.directory = directory
    self.languages = languages
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    directory = parsed.value("--dir")
    languages = (parsed.value("--languages") ?? "en").split(whereSeparator: {
      $0 == " " || $0 == ","
    }).map(String.init)
  }

  func validate() throws(UsageError) {
    guard arguments.count == 2, arguments[0] == "course" else {
      throw UsageError(
        "write 'kurs new course ID', for example: kurs new course first-aid", command: "new")
    }
    let code = try? Regex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    if languages.isEmpty
      || languages.contains(where: { language in
        code.map { language.wholeMatch(of: $0) == nil } ?? true
      })
    {
      throw UsageError(
        "--languages takes language codes separated by spaces, the default first: --languages \"en ru\"",
        command: "new")
    }
    if Set(languages).count != languages.count {
      throw UsageError(
        "--languages lists a language twice: \(languages.joined(separator: " "))", command: "new")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    write(
      to: directory.map { URL(fileURLWithPath: $0) } ?? Self.defaultDirectory(context.locator),
      console: context.console)
  }

  /// Writes the starter course into `directory`.
  private func write(to directory: URL, console: Console) -> ExitCode {
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
  static func defaultDirectory(_ locator: CourseLocator) -> URL {
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
}

// MARK: - kurs help new

extension NewCommand {
  /// What `kurs help new` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Writes DIR/ID/course.xml, a starter course that validates and says what to change
      (DIR: --courses DIR or $KURS_COURSES when given, else Courses/ in the current folder
      when there is one, else the current folder). --languages lists the course's
      languages, the default first; every text is written once per language (English and
      Russian starter texts; other languages get the English text to translate). Never
      overwrites an existing folder.

      examples:
        kurs new course first-aid
        kurs new course first-aid --languages "ru en"
        kurs validate Courses/first-aid
      """)
}
