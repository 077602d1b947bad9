import Foundation

/// The shared content files of one course load, each read and built once, by whichever thread
/// asks first. What a file's reading found is kept with it, so that the builder can report it
/// where a course read one file after another would have: at the first reference in file order.
final class LibraryShelf: @unchecked Sendable {
  /// One shared file: read (or missing), and built when it is a `<content>` file.
  struct Entry: Sendable {
    /// The file does not exist.
    var missing = false
    /// Carried in a packed course (`<files>`): no file was read.
    var isEmbedded = false
    var displayPath = ""
    var url: URL?
    /// What the course digest takes of the file: its path inside the course folder, its bytes.
    var digestPath: [UInt8] = []
    var bytes: [UInt8] = []
    /// Findings of reading the file (syntax, schema).
    var readFindings: [Diagnostic] = []
    /// The root element, when it is not `<content>`.
    var wrongRoot: String?
    /// Findings of building the library (languages, texts).
    var buildFindings: [Diagnostic] = []
    var library: ContentLibrary?
  }

  private let lock = NSLock()
  /// Guarded by `lock`.
  private var entries: [String: Entry] = [:]

  /// The entry for `key`, if it has been loaded.
  subscript(key: String) -> Entry? {
    lock.lock()
    defer { lock.unlock() }
    return entries[key]
  }

  /// The entry for `key` (a file's path), loaded with `load` by the first caller; others wait
  /// for it. `load` must not ask the shelf again.
  func entry(for key: String, load: () -> Entry) -> Entry {
    lock.lock()
    defer { lock.unlock() }
    if let entry = entries[key] { return entry }
    let entry = load()
    entries[key] = entry
    return entry
  }
}
