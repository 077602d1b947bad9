import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// `kurs import moodle|gift`: reads a question bank and writes it as a new Kurs course folder
/// (`course.xml`, one module per category) that `kurs validate --strict` accepts.
///
/// Nothing is written unless the whole course is: the folder is written beside its final place,
/// validated, and renamed into place; an existing folder is never replaced.
public struct BankImporter: Sendable {
  /// The source formats.
  public enum Format: String, Sendable, Equatable, CaseIterable {
    case moodle, gift

    /// The largest file each format reads: Moodle XML carries images in base64.
    var sizeLimit: Int { self == .moodle ? BankXMLReader.maximumFileSize : 16 * 1024 * 1024 }
  }

  /// What an import read: the questions that map, and what did not carry over.
  public struct Reading: Sendable {
    var bank: ImportedBank
    /// Every note, in source order.
    public var notes: [ImportNote]
    public var questionCount: Int { bank.questionCount }
    /// Whether any text has multilang markup (and so says its own language).
    public var hasMultilang: Bool {
      bank.categories.contains { category in
        category.questions.contains { $0.texts.contains { MultilangText($0.raw).hasGroups } }
      }
    }
  }

  /// What an import wrote.
  public struct Written: Sendable {
    public var folder: URL
    public var courseID: String
    public var languages: [String]
    public var moduleCount: Int
    public var questionCount: Int
    /// Every note, reading and writing, in source order.
    public var notes: [ImportNote]
    /// What `kurs validate` warns about in the course written (`--strict` refuses it until
    /// they are fixed); empty for every bank the importer's own checks know.
    public var warnings: [String]
  }

  public var format: Format

  public init(format: Format) {
    self.format = format
  }

  /// Reads the bank at `path`.
  /// - Throws: `ImportError` for a file that cannot be read or is broken (with line and column).
  public func read(path: String) throws(ImportError) -> Reading {
    let bytes = try SourceBytes.read(
      URL(fileURLWithPath: path), displayPath: path, limit: format.sizeLimit)
    let bank: ImportedBank
    switch format {
    case .moodle:
      let head = String(decoding: bytes.prefix(200), as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if !head.isEmpty, !head.hasPrefix("<"), !head.hasPrefix("\u{FEFF}<") {
        throw .malformed(
          SourceLocation(file: path, line: 1, column: 1),
          "the file is not XML; for a GIFT text file, run: kurs import gift \(path)")
      }
      bank = try MoodleXMLImporter(displayPath: path).read(bytes)
    case .gift:
      let text = try SourceBytes.text(bytes, displayPath: path)
      let head = text.drop { $0.isWhitespace }
      if head.hasPrefix("<?xml") || head.hasPrefix("<quiz") {
        throw .malformed(
          SourceLocation(file: path, line: 1, column: 1),
          "the file is Moodle XML, not GIFT; run: kurs import moodle \(path)")
      }
      bank = try GIFTImporter(displayPath: path).read(
        text.replacingOccurrences(of: "\r\n", with: "\n"))
    }
    return Reading(bank: bank, notes: Self.sorted(bank.notes))
  }

  /// The folder `kurs import` writes when not told: the file's name without its extension, in
  /// `directory`.
  public static func defaultFolder(for path: String, in directory: URL) -> URL {
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    let name = IDAllocator.slug(base)
    return directory.appendingPathComponent(name.isEmpty ? "imported" : name)
  }

  /// Writes `reading` as a new course folder at `folder`.
  /// - Parameters:
  ///   - source: the bank's path as the user wrote it (for the course's comment and title).
  ///   - textLanguage: the language of texts without multilang markup.
  /// - Throws: `ImportError.nothingToImport`, `.outputExists`, `.unwritable`, or
  ///   `.invalidResult` when the course would have errors; nothing is written then.
  public func write(
    _ reading: Reading, source: String, to folder: URL, textLanguage: String,
    loader: CourseLoader = CourseLoader()
  ) throws(ImportError) -> Written {
    guard reading.questionCount > 0 else {
      throw .nothingToImport(
        source, reading.notes.isEmpty ? "the file holds no questions" : "see the report above")
    }
    let manager = FileManager.default
    if (try? manager.attributesOfItem(atPath: folder.path)) != nil {
      throw .outputExists(folder.path)
    }
    let parent = folder.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw .unwritable(
        folder.path, "the folder \(parent.path) does not exist; create it or choose another --out")
    }
    var ids = IDAllocator()
    let courseID = ids.make(from: folder.lastPathComponent, fallback: "imported")
    let title = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
    let writer = ImportedCourseWriter(
      courseID: courseID, title: title.isEmpty ? courseID : title, source: source,
      command: "kurs import \(format.rawValue)",
      textLanguage: MultilangText.normalise(textLanguage) ?? "en")
    let (xml, writingNotes) = writer.write(reading.bank)

    let staged = parent.appendingPathComponent(".kurs-import-\(UUID().uuidString)")
    do {
      try manager.createDirectory(at: staged, withIntermediateDirectories: false)
      try AtomicFile.write(Data(xml.utf8), to: staged.appendingPathComponent("course.xml"))
    } catch {
      try? manager.removeItem(at: staged)
      throw .unwritable(folder.path, error.localizedDescription)
    }
    // An error is a bug of the importer: nothing is written. A warning (such as a check added
    // to the validator later, about how the questions are written) is the trainer's to fix:
    // the course is written and the warning is reported with the rest.
    var report = ValidationReport(strict: false)
    report.check(path: staged.path, loader: loader)
    guard report.errorCount == 0 else {
      try? manager.removeItem(at: staged)
      throw .invalidResult(report.diagnostics.map(\.description))
    }
    let warnings = report.diagnostics.map {
      $0.description.replacingOccurrences(of: staged.path, with: folder.path)
    }
    // rename(2) never replaces a folder that has anything in it: a folder made at that name
    // since the check above makes it fail, and nothing is lost.
    if rename(staged.path, folder.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? manager.removeItem(at: staged)
      if errno == EEXIST || errno == ENOTEMPTY || errno == ENOTDIR {
        throw .outputExists(folder.path)
      }
      throw .unwritable(folder.path, reason.lowercased())
    }
    let descriptor = open(parent.path, O_RDONLY | O_DIRECTORY)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
    let languages = writer.languages(of: reading.bank).all
    return Written(
      folder: folder, courseID: courseID, languages: languages,
      moduleCount: reading.bank.categories.filter { !$0.questions.isEmpty }.count,
      questionCount: reading.questionCount, notes: Self.sorted(reading.notes + writingNotes),
      warnings: warnings)
  }

  /// Notes by line (stable, so notes on one question keep their order).
  private static func sorted(_ notes: [ImportNote]) -> [ImportNote] {
    notes.enumerated().sorted {
      ($0.element.location.line, $0.offset) < ($1.element.location.line, $1.offset)
    }
    .map(\.element)
  }
}
