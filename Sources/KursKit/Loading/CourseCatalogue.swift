import Foundation

/// What `kurs courses` shows about each course (id, version, title, languages, whether it is
/// valid), remembered between runs so the list appears at once instead of after every course
/// has been parsed and checked again. An entry is used only while its key matches: a SHA-256 of
/// this Kurs's version and schema, the path and bytes of every XML file in the course folder and
/// in the shared Content/ folder. Any edit, added or removed file changes the key, and the
/// course is checked again. The cache holds nothing about learners.
///
/// Stored in `DATA/cache/courses.json`; when it cannot be read or written the list is simply
/// built the slow way.
public struct CourseCatalogue: Sendable {
  public struct Entry: Codable, Sendable, Equatable {
    public var key: String
    public var id: String?
    public var version: String?
    public var defaultLanguage: String?
    public var languages: [String]
    /// The course title by language.
    public var titles: [String: String]
    public var errorCount: Int

    /// The title in `language`, else in the course's default language.
    public func title(_ language: String) -> String {
      titles[language] ?? defaultLanguage.flatMap { titles[$0] } ?? ""
    }
  }

  public let file: URL
  private var entries: [String: Entry]
  private var changed = false

  public init(dataDirectory: URL) {
    file = dataDirectory.appendingPathComponent("cache").appendingPathComponent("courses.json")
    entries = (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
  }

  /// The listing of the course in `folder`: from the cache when nothing changed, else loaded and
  /// checked with `loader` (and remembered).
  public mutating func entry(for folder: URL, loader: CourseLoader) -> Entry {
    let contentDirectory = loader.contentDirectory ?? CourseLoader.findContentDirectory(from: folder)
    let key = Self.key(folder: folder, contentDirectory: contentDirectory)
    if let key, let entry = entries[folder.path], entry.key == key { return entry }
    var report = ValidationReport(strict: false)
    let course = report.check(path: folder.path, loader: loader)
    var titles: [String: String] = [:]
    for language in course?.languages ?? [] {
      if let title = course?.title.resolve(language, fallback: course?.defaultLanguage ?? language)?.plain { titles[language] = title }
    }
    let entry = Entry(
      key: key ?? "", id: course?.id, version: course?.version, defaultLanguage: course?.defaultLanguage,
      languages: course?.languages ?? [], titles: titles, errorCount: report.errorCount)
    if key != nil {
      entries[folder.path] = entry
      changed = true
    }
    return entry
  }

  /// Saves the cache when an entry changed. Failing to save only costs speed next time.
  public func save() {
    guard changed else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(entries) else { return }
    try? DataDirectory.create(file.deletingLastPathComponent())
    try? AtomicFile.write(data, to: file, permissions: 0o600)
  }

  /// SHA-256 of the Kurs version, the schema, and the relative path and bytes of every `.xml`
  /// file under the course folder and the content folder; `nil` when a file cannot be read.
  static func key(folder: URL, contentDirectory: URL?) -> String? {
    var digest = SHA256Digest()
    digest.update(Array("kurs \(KursCLI.version)\n".utf8))
    digest.update(Array(String(CourseSchema.text()?.utf8.count ?? 0).utf8))
    for (label, root) in [("course", folder), ("content", contentDirectory)] {
      guard let root else { continue }
      guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return nil }
      var names: [String] = []
      while let name = enumerator.nextObject() as? String {
        if name.hasSuffix(".xml") { names.append(name) }
      }
      for name in names.sorted() {
        guard let bytes = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else { return nil }
        digest.update(Array("\n\(label)/\(name) \(bytes.count)\n".utf8))
        digest.update(Array(bytes))
      }
    }
    return digest.hexDigest()
  }
}
