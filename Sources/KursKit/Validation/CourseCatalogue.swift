import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What `kurs courses` shows about each course (id, version, title, languages, whether it is
/// valid), remembered between runs so the list appears at once instead of after every course
/// has been parsed and checked again. An entry is used only while its key matches: this Kurs's
/// version, the schema's fingerprint, and the path and stamp (size, modification
/// time, inode: `FileStamp`) of every XML file in the course folder and in the shared Content/
/// folder. Any edit, added or removed file changes the key, and the course is checked again;
/// nothing is read but the folders' listings.
///
/// A file changed within two seconds of the listing could change again without its stamp
/// changing (file systems keep times to a clock tick, and an edit may keep the size). Such an
/// entry also keeps a SHA-256 of the files' bytes, and is used only while that matches too (as
/// git does for "racily clean" files). The cache holds nothing about learners.
///
/// Stored in `courses.json` in the cache folder (`CacheDirectory`: `$XDG_CACHE_HOME/kurs`);
/// when it cannot be read or written the list is simply built the slow way. Kurs 0.1 kept it
/// in `DATA/cache/`: that copy is removed the first time the new one is saved.
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
    /// When a file was new at the listing: a SHA-256 of the course's bytes, checked too.
    public var contentKey: String?

    /// The title in `language`, else in the course's default language.
    public func title(_ language: String) -> String {
      titles[language] ?? defaultLanguage.flatMap { titles[$0] } ?? ""
    }
  }

  public let file: URL
  private var entries: [String: Entry]
  private var changed = false

  /// Where Kurs 0.1 kept the cache, inside the data folder; removed on the next save.
  private let legacyFile: URL?

  public init(cacheDirectory: URL, dataDirectory: URL? = nil) {
    file = cacheDirectory.appendingPathComponent("courses.json")
    legacyFile = dataDirectory?.appendingPathComponent("cache").appendingPathComponent(
      "courses.json")
    entries = (try? Data(contentsOf: file)).flatMap(Self.read) ?? [:]
  }

  /// The cache file's entries, read without `JSONDecoder` (whose generic set-up costs more
  /// than the rest of a start); `nil` when it is not what `save()` writes.
  static func read(_ data: Data) -> [String: Entry]? {
    data.withUnsafeBytes { raw -> [String: Entry]? in
      var cursor = JSONCursor(
        bytes: UnsafeBufferPointer(
          start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
      var entries: [String: Entry] = [:]
      do {
        try cursor.object {
          (cursor: inout JSONCursor, folder: String) throws(JSONCursor.SyntaxError) in
          guard case .object(let members) = try cursor.value() else {
            throw JSONCursor.SyntaxError()
          }
          var fields: [String: JSONValue] = [:]
          for (key, value) in members { fields[key] = value }
          func text(_ key: String) -> String? { fields[key]?.string }
          guard let key = text("key"), let errorCount = fields["errorCount"]?.integer,
            case .array(let languageValues) = fields["languages"],
            case .object(let titleValues) = fields["titles"]
          else { throw JSONCursor.SyntaxError() }
          var titles: [String: String] = [:]
          for (language, title) in titleValues { titles[language] = title.string }
          entries[folder] = Entry(
            key: key, id: text("id"), version: text("version"),
            defaultLanguage: text("defaultLanguage"),
            languages: languageValues.compactMap(\.string), titles: titles, errorCount: errorCount,
            contentKey: text("contentKey"))
        }
        guard cursor.atEnd() else { return nil }
      } catch {
        return nil
      }
      return entries
    }
  }

  /// The listing of the course in `folder`: from the cache when nothing changed, else loaded and
  /// checked with `loader` (and remembered).
  public mutating func entry(for folder: URL, loader: CourseLoader) -> Entry {
    let contentDirectory =
      loader.contentDirectory ?? CourseLoader.findContentDirectory(from: folder)
    // Listed once: the stamps and, for a just-changed course, the bytes are of the same files.
    let files = Self.files(folder: folder, contentDirectory: contentDirectory)
    let stamped = files.flatMap(Self.key)
    let key = stamped?.key
    if let key, let entry = entries[folder.path], entry.key == key {
      guard let contentKey = entry.contentKey else { return entry }
      if contentKey == files.flatMap(Self.contentKey) { return entry }
    }
    var report = ValidationReport(strict: false)
    let course = report.check(path: folder.path, loader: loader)
    var titles: [String: String] = [:]
    for language in course?.languages ?? [] {
      if let title = course?.title.resolve(language, fallback: course?.defaultLanguage ?? language)?
        .plain
      {
        titles[language] = title
      }
    }
    let entry = Entry(
      key: key ?? "", id: course?.id, version: course?.version,
      defaultLanguage: course?.defaultLanguage,
      languages: course?.languages ?? [], titles: titles, errorCount: report.errorCount,
      contentKey: (stamped?.newest ?? 0) > Self.now() - 2_000_000_000
        ? files.flatMap(Self.contentKey) : nil)
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
    try? FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    do {
      try AtomicFile.write(data, to: file, permissions: 0o600)
    } catch {
      return
    }
    if let legacyFile, FileManager.default.fileExists(atPath: legacyFile.path) {
      try? FileManager.default.removeItem(at: legacyFile)
      // The folder only if nothing else is in it (rmdir refuses otherwise).
      _ = rmdir(legacyFile.deletingLastPathComponent().path)
    }
  }

  /// The `.xml` files under the course folder and the content folder, by label and path.
  static func files(folder: URL, contentDirectory: URL?) -> [(label: String, url: URL)]? {
    var files: [(String, URL)] = []
    for (label, root) in [("course", folder), ("content", contentDirectory)] {
      guard let root else { continue }
      guard let names = xmlFiles(under: root.path) else { return nil }
      files += names.sorted().map { ("\(label)/\($0)", root.appendingPathComponent($0)) }
    }
    return files
  }

  /// The relative paths of the `.xml` files under `root` (symbolic links to folders are not
  /// followed); `nil` when `root` or a folder in it cannot be listed, or it nests deeper than 32. Plain `readdir`: at start-up, Foundation's
  /// enumerator costs more than everything else the course list does.
  static func xmlFiles(under root: String, prefix: String = "", depth: Int = 0) -> [String]? {
    guard depth < 32, let directory = opendir(root) else { return nil }
    defer { closedir(directory) }
    var found: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = root + "/" + name
      var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
      if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
        var info = stat()
        isDirectory = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      }
      if isDirectory {
        // A folder that cannot be listed leaves the course without a key: it is checked every time.
        guard let inner = xmlFiles(under: path, prefix: prefix + name + "/", depth: depth + 1)
        else { return nil }
        found += inner
      } else if name.hasSuffix(".xml") {
        found.append(prefix + name)
      }
    }
    return found
  }

  /// The Kurs version, the schema's fingerprint, and the relative path and stamp of every `.xml` file
  /// under the course folder and the content folder, one per line (kept as it is: hashing it
  /// would load OpenSSL at every start), with the newest modification time among them; `nil`
  /// when a file cannot be looked at.
  static func key(_ files: [(label: String, url: URL)]) -> (key: String, newest: Int)? {
    var text = "kurs \(KursVersion.current)\n"
    var newest = 0
    func add(_ label: String, _ stamp: FileStamp) {
      text += "\(label) \(stamp.size) \(stamp.modified) \(stamp.inode)\n"
      newest = max(newest, stamp.modified)
    }
    text += "schema \(CourseSchema.fingerprint)\n"
    for (label, url) in files {
      guard let stamp = FileStamp.of(path: url.path) else { return nil }
      add(label, stamp)
    }
    return (text, newest)
  }

  /// SHA-256 of the relative path and bytes of every `.xml` file of the course and the content.
  static func contentKey(_ files: [(label: String, url: URL)]) -> String? {
    var digest = SHA256Digest()
    for (label, url) in files {
      guard let bytes = FileManager.default.contents(atPath: url.path) else { return nil }
      digest.update(Array("\n\(label) \(bytes.count)\n".utf8))
      digest.update(Array(bytes))
    }
    return digest.hexDigest()
  }

  /// Now, in nanoseconds since 1970 (as file times are kept).
  static func now() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int(time.tv_sec) &* 1_000_000_000 &+ Int(time.tv_nsec)
  }
}
