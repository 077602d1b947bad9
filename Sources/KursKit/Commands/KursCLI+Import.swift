import Foundation

/// `kurs import moodle|gift FILE`: a question bank made into a new course folder, with a report
/// of everything that could not be carried over.
extension KursCLI {
  func importBank(format: BankImporter.Format, file: String, out: String?, language: String?)
    -> ExitCode
  {
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
