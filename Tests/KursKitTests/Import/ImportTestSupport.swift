import Foundation

@testable import KursKit

/// The import fixtures (Tests/KursKitTests/Fixtures/import): written for Kurs, each in the
/// shape of one of Moodle's public format fixtures, named in its header comment.
enum ImportFixtures {
  static var root: URL { Fixtures.root.appendingPathComponent("import") }

  static func path(_ name: String) -> String { root.appendingPathComponent(name).path }

  /// Reads a fixture as the command does.
  static func read(_ name: String, _ format: BankImporter.Format) throws -> BankImporter.Reading {
    try BankImporter(format: format).read(path: path(name))
  }

  /// Imports a fixture into a new folder under `directory` and returns what was written.
  static func write(
    _ name: String, _ format: BankImporter.Format, into directory: URL, folder: String = "course",
    language: String = "en"
  ) throws -> BankImporter.Written {
    let importer = BankImporter(format: format)
    let reading = try importer.read(path: path(name))
    return try importer.write(
      reading, source: name, to: directory.appendingPathComponent(folder), textLanguage: language)
  }
}

/// Reads a bank from text written in a test.
func importBank(_ text: String, _ format: BankImporter.Format, name: String = "bank.txt") throws
  -> BankImporter.Reading
{
  let directory = try makeTemporaryDirectory()
  defer { try? FileManager.default.removeItem(at: directory) }
  let file = directory.appendingPathComponent(name)
  try Data(text.utf8).write(to: file)
  return try BankImporter(format: format).read(path: file.path)
}

/// Notes as the report prints them, without the file's folder.
func reportLines(_ notes: [ImportNote]) -> [String] {
  notes.map { note in
    var copy = note
    copy.location.file = URL(fileURLWithPath: note.location.file).lastPathComponent
    return copy.description
  }
}

extension BankImporter.Written {
  var lines: [String] { reportLines(notes) }
}

extension BankImporter.Reading {
  var lines: [String] { reportLines(notes) }

  var questions: [ImportedQuestion] { bank.categories.flatMap(\.questions) }
}
