import Foundation

/// `kurs pack COURSE [--out FILE]`: the whole course as one file.
struct PackCommand: Command {
  static let configuration = CommandConfiguration(
    name: "pack", abstract: "the whole course as one file to send (--out FILE)",
    arguments: [CommandArgument("COURSE", completion: .course)],
    options: [CommandOption("--out", value: "FILE")], help: help)

  var arguments: [String]
  var out: String?
  var course: String { arguments.first ?? "" }

  init(course: String, out: String? = nil) {
    arguments = [course]
    self.out = out
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    out = parsed.value("--out")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs pack' needs one course: kurs pack marina --out marina.xml", command: "pack")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    let (console, locator, loader, name) = (
      context.console, context.locator, context.loader, course
    )
    guard let path = locator.path(for: name) else {
      console.writeError(
        "kurs: no course '\(name)'\(didYouMean(name, locator.courseIDs())); looked in \(locator.searchedDescription); give a course id or a path\n"
      )
      return .invalid
    }
    let output: URL
    if let out {
      output = URL(fileURLWithPath: out)
    } else {
      let course = loader.load(path: path, withDigest: false).course
      let name = course.map { "\($0.id)-\($0.version)" } ?? "course"
      output = URL(fileURLWithPath: "\(name).xml")
    }
    var isDirectory: ObjCBool = false
    let folder = output.deletingLastPathComponent()
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      console.writeError(
        "kurs: the folder \(folder.path) does not exist; nothing was written. Create it or choose another --out\n"
      )
      return .unreadable
    }
    do {
      let course = try CoursePacker.pack(path: path, to: output, loader: loader)
      console.write(
        "packed course '\(course.id)' \(course.version) into \(output.path)\nlearners add it with: kurs add \(output.lastPathComponent)\n"
      )
      return .success
    } catch {
      return report(error, path: path, console: console)
    }
  }

  private func report(_ error: CoursePacker.PackError, path: String, console: Console)
    -> ExitCode
  {
    if case .invalid = error {
      console.writeError(error.description + "\n")
      console.writeError(
        "kurs: fix the errors above first (kurs validate \(path)); nothing was written\n")
      return .invalid
    }
    console.writeError("kurs: \(error.description)\n")
    return .unreadable
  }
}

extension CoursePacker.PackError {
  var isInvalid: Bool {
    switch self {
    case .invalid, .notUTF8, .declaresDoctype, .noRootElement: return true
    default: return false
    }
  }
}

// MARK: - kurs help pack

extension PackCommand {
  /// What `kurs help pack` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Writes the whole course as one file: its course.xml with the module files and the
      shared Content/ files it uses carried inside (<files>). Send that one file to
      learners (by messenger, e-mail or a USB stick); they add it with 'kurs add FILE'.
      The packed course is the same course: certificates, exports and cohorts made with it
      verify and import against the folder, and the other way round. The course must be
      valid; the packed file is loaded and checked before it is written (default
      ID-VERSION.xml in the current folder, like marina-1.0.0.xml; an existing file is never replaced).

      example:
        kurs pack marina --out marina.xml
      """)
}
