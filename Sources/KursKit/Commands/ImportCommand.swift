import Foundation

/// `kurs import moodle|gift FILE [--out DIR]`: a question bank made into a new course folder,
/// with a report of everything that could not be carried over.
struct ImportCommand: Command {
  static let configuration = CommandConfiguration(
    name: "import", abstract: "a Moodle XML or GIFT question bank as a new course",
    arguments: [
      CommandArgument("moodle|gift", completion: .words(formats)), CommandArgument("FILE"),
    ],
    options: [CommandOption("--out", value: "DIR"), .language], help: help)

  static let formats = BankImporter.Format.allCases.map(\.rawValue)

  var arguments: [String]
  var out: String?
  var format: BankImporter.Format? { arguments.first.flatMap(BankImporter.Format.init) }
  var file: String { arguments.count > 1 ? arguments[1] : "" }

  init(format: BankImporter.Format, file: String, out: String? = nil) {
    arguments = [format.rawValue, file]
    self.out = out
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    out = parsed.value("--out")
  }

  func validate() throws(UsageError) {
    guard let format else {
      let given = arguments.first.map {
        "'kurs import' reads moodle or gift, not '\($0)'\(didYouMean($0, Self.formats))"
      }
      throw UsageError(
        "\(given ?? "'kurs import' needs a format and a file"): kurs import moodle questions.xml --out Courses/my-quiz",
        command: "import")
    }
    guard arguments.count == 2 else {
      throw UsageError(
        "'kurs import \(format.rawValue)' needs one file: kurs import \(format.rawValue) questions.\(format == .moodle ? "xml" : "txt")",
        command: "import")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    guard let format else { return .usage }
    let console = context.console
    let language = context.options.language
    if let language, MultilangText.normalise(language) == nil || language == "other" {
      console.writeError(
        "kurs: --lang '\(language)' is not a language code; write one like en, ru or pt-br\n")
      return .usage
    }
    let importer = BankImporter(format: format)
    let reading: BankImporter.Reading
    do {
      reading = try importer.read(path: file)
    } catch {
      console.writeError("kurs: \(error.description)\n")
      return error.exitCode
    }
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let folder =
      out.map { URL(fileURLWithPath: $0, relativeTo: working).standardizedFileURL }
      ?? BankImporter.defaultFolder(for: file, in: working)
    let written: BankImporter.Written
    do {
      written = try importer.write(
        reading, source: file, to: folder, textLanguage: language ?? "en")
    } catch {
      if !reading.notes.isEmpty { console.writeError(Self.report(reading.notes)) }
      console.writeError("kurs: \(error.description)\n")
      return error.exitCode
    }
    let shown = out ?? folder.lastPathComponent
    let plural = { (count: Int, noun: String) in "\(count) \(noun)\(count == 1 ? "" : "s")" }
    console.write(
      "imported \(plural(written.questionCount, "question")) in \(plural(written.moduleCount, "module")) from \(file) into \(shown) (course '\(written.courseID)', languages: \(written.languages.joined(separator: ", ")))\n"
    )
    if language == nil, written.languages == ["en"], !reading.hasMultilang {
      console.write(
        "texts are taken to be English (en); if they are not, import again with --lang CODE\n")
    }
    if written.notes.isEmpty {
      console.write("everything was carried over\n")
    } else {
      console.writeError(Self.report(written.notes))
    }
    if !written.warnings.isEmpty {
      console.writeError(
        "kurs validate --strict refuses the course until these are fixed (\(written.warnings.count)):\n"
          + written.warnings.map { "  \($0)\n" }.joined())
    }
    console.write(
      "next: check each question and the pass marks (50%), then: kurs validate --strict \(shown)\ntry it: kurs start \(written.courseID) --courses \(folder.deletingLastPathComponent().path)\n"
    )
    return .success
  }

  /// The report: one line per question or feature not carried over (or not exactly).
  static func report(_ notes: [ImportNote]) -> String {
    "not carried over, or changed (\(notes.count)):\n" + notes.map { "  \($0)\n" }.joined()
  }
}

extension ImportError {
  /// 2 for a file that cannot be read or written, 1 for everything else.
  var exitCode: ExitCode {
    switch self {
    case .unreadable, .tooLarge, .unwritable: return .unreadable
    default: return .invalid
    }
  }
}

// MARK: - kurs help import

extension ImportCommand {
  /// What `kurs help import` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Makes a question bank you already have into a new Kurs course: FILE is a Moodle XML
      export (kurs import moodle) or a GIFT text file (kurs import gift). It writes the
      folder DIR (default: the file's name, here) with a course.xml that 'kurs validate
      --strict' accepts: one module per category, its questions one after the other, pass
      mark 50%. An existing folder is never replaced; nothing is written unless all of it is.

      Carried over: single and multiple choice (fractions: the 100% answer of a single
      choice is the correct one; in a multiple choice every answer above 0% is correct),
      true/false, matching, ordering (Moodle's ordering question type), question texts,
      per-answer and general feedback, hints (each adds a try), default grades (points),
      categories (modules), Moodle's multilang spans and {mlang} tags (one xml:lang text
      per language; the course's languages are those the file uses), and the HTML
      paragraphs, line breaks, lists, bold and italics. --lang CODE is the language of
      texts without multilang markup (default en).

      Not carried over, each named in the report with FILE:LINE and the question's name:
      short answer, numerical, essay, cloze, description, calculated and drag-and-drop
      questions; images and files; other HTML markup (its text is kept); partial credit
      and negative fractions Kurs cannot express; extra wrong answers of a matching.

      A broken file (not UTF-8, not well-formed XML, a <!DOCTYPE>, a GIFT brace never
      closed) is refused with FILE:LINE:COLUMN and nothing is written.

      exit codes: 0 imported (the report may list what was left out), 1 a broken file or
      nothing that maps, or DIR exists, 2 a file that cannot be read or written, 64 usage

      examples:
        kurs import moodle questions.xml --out Courses/police-test
        kurs import gift quiz.txt --lang ru
        kurs validate --strict Courses/police-test
      """)
}
