import Foundation

/// A certificate's files: the three the runner writes, and reading one back.
///
/// ```
/// DIR/COURSE.txt    the certificate as text (what the runner shows)
/// DIR/COURSE.html   a page to print, self-contained
/// DIR/COURSE.json   the Open Badges 3.0 credential, to check and to have signed
/// DIR/COURSE.jwt    the signed credential (written by `kurs certificate sign`)
/// ```
public enum CertificateFiles {
  /// Files larger than this are not certificates (a long course's certificate is a few hundred
  /// kilobytes); refusing them keeps a wrong file from filling memory.
  static let largestFile = 8 * 1024 * 1024

  /// Writes the certificate as text, HTML and JSON into `directory` (created 0700 when
  /// missing), mode 0600, replacing an earlier certificate, as a set: all three are first
  /// written beside their names and flushed, then renamed into place, the JSON last. A set cut
  /// short by a kill between the renames is found by `isComplete` and made again.
  /// - Parameters:
  ///   - language: the language of the text and the page (the learner's).
  ///   - width: the terminal width the text is wrapped to.
  /// - Returns: the text to show the learner, and the files written (text, HTML, JSON).
  /// - Throws: `StoreError` for a course id that cannot name a file; the file system's error
  ///   when a file cannot be written (then no file of the earlier set was replaced).
  public static func write(
    _ credential: Credential, course: Course, language: String, to directory: URL, width: Int = 80
  ) throws -> (text: String, files: [URL]) {
    let safe = course.id.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"
    }
    guard safe, !course.id.isEmpty else {
      throw StoreError(LocalizedMessage(.courseIDUnsafe, course.id))
    }
    try DataDirectory.create(directory)
    let renderer = CertificateRenderer(course: course, language: language)
    let text = renderer.text(credential, width: width)
    let contents: [(String, Data)] = [
      ("txt", Data(text.utf8)),
      ("html", Data(renderer.html(credential).utf8)),
      ("json", try credential.json()),
    ]
    // Temporary files of a write that a kill cut short go first.
    let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in leftovers where name.hasPrefix(".\(course.id).") && name.hasSuffix(".tmp") {
      unlink(directory.appendingPathComponent(name).path)
    }
    var staged: [(temporary: URL, target: URL)] = []
    defer { for file in staged { unlink(file.temporary.path) } }
    for (fileExtension, data) in contents {
      let url = directory.appendingPathComponent("\(course.id).\(fileExtension)")
      staged.append((try AtomicFile.stage(data, for: url, permissions: 0o600), url))
    }
    for file in staged where rename(file.temporary.path, file.target.path) != 0 {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    AtomicFile.synchronize(directory)
    return (text, staged.map(\.target))
  }

  /// Whether `directory` holds a whole certificate set for `course`: the text, the page and a
  /// JSON credential for this course, the text and the page naming that credential's id (so a
  /// set mixed from two issues is not whole).
  public static func isComplete(course: Course, in directory: URL) -> Bool {
    let base = directory.appendingPathComponent(course.id)
    guard let json = try? Data(contentsOf: base.appendingPathExtension("json")),
      let credential = try? decode(json), credential.kurs.course.id == course.id,
      let text = try? String(contentsOf: base.appendingPathExtension("txt"), encoding: .utf8),
      let html = try? String(contentsOf: base.appendingPathExtension("html"), encoding: .utf8)
    else { return false }
    return text.contains(credential.id) && html.contains(credential.id)
  }

  /// What a certificate file holds.
  public enum Contents: Sendable, Equatable {
    /// The JSON credential, not signed.
    case credential(Credential)
    /// A signed credential: a VC-JWT, still to be checked.
    case signed(String)
  }

  /// Reads a certificate file: the JSON credential or the signed `.jwt`, told apart by content.
  /// - Throws: `CertificateFileError` naming the file and what is wrong.
  public static func read(_ path: String) throws(CertificateFileError) -> Contents {
    let url = URL(fileURLWithPath: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(file: path, reason: "no such file")
    }
    guard !isDirectory.boolValue else {
      throw .unreadable(
        file: path, reason: "this is a folder; give the certificate's .json or .jwt file")
    }
    let size =
      ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
      ?? 0
    guard size <= largestFile else {
      throw .notACertificate(
        file: path, reason: "the file is \(size / 1024 / 1024) MB, far larger than a certificate")
    }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: path, reason: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw .notACertificate(file: path, reason: "the file is not UTF-8 text")
    }
    let trimmed = text.trimmingCharacters(
      in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
    if trimmed.hasPrefix("{") {
      do {
        return .credential(try decode(Data(trimmed.utf8)))
      } catch {
        throw .notACertificate(file: path, reason: error.description)
      }
    }
    let isCompactJWS =
      trimmed.split(separator: ".", omittingEmptySubsequences: false).count == 3
      && trimmed.unicodeScalars.allSatisfy { Base64URL.alphabet.contains($0) || $0 == "." }
    guard isCompactJWS else {
      throw .notACertificate(
        file: path,
        reason:
          "it is neither a JSON credential nor a signed certificate (three base64url parts joined by dots)"
      )
    }
    return .signed(trimmed)
  }

  /// Decodes a credential from JSON. A field given twice is refused: other programs would read
  /// the other value.
  /// - Throws: `CredentialDecodingError` saying which field is wrong.
  static func decode(_ data: Data) throws(CredentialDecodingError) -> Credential {
    if let key = DuplicateKeys.first(in: data) {
      throw CredentialDecodingError(
        description: "field '\(key)' is given twice; a certificate names each field once")
    }
    do {
      return try JSONDecoder().decode(Credential.self, from: data)
    } catch let error as DecodingError {
      throw CredentialDecodingError(error)
    } catch {
      throw CredentialDecodingError(description: "it is not valid JSON")
    }
  }
}

/// A credential's JSON that does not decode, in words: which field and what is wrong.
struct CredentialDecodingError: Error, Equatable, CustomStringConvertible {
  var description: String

  init(description: String) { self.description = description }

  init(_ error: DecodingError) {
    func path(_ context: DecodingError.Context, _ key: CodingKey? = nil) -> String {
      let keys = context.codingPath + (key.map { [$0] } ?? [])
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text
    }
    switch error {
    case .keyNotFound(let key, let context):
      description = "field '\(path(context, key))' is missing"
    case .typeMismatch(let type, let context):
      description = "field '\(path(context))' has the wrong type (expected \(Self.name(of: type)))"
    case .valueNotFound(let type, let context):
      description = "field '\(path(context))' is empty (expected \(Self.name(of: type)))"
    case .dataCorrupted(let context):
      description =
        context.codingPath.isEmpty
        ? "it is not valid JSON" : "field '\(path(context))' is not valid"
    @unknown default:
      description = "it is not a credential"
    }
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: return "text"
    case is Int.Type: return "a whole number"
    case is Bool.Type: return "true or false"
    default: return String(describing: type).hasPrefix("Array<") ? "a list" : "an object"
    }
  }
}

/// A certificate file that cannot be used.
public enum CertificateFileError: Error, Equatable, CustomStringConvertible {
  /// The file is missing or cannot be read (exit code 2).
  case unreadable(file: String, reason: String)
  /// The file is there but is no certificate (exit code 1).
  case notACertificate(file: String, reason: String)

  public var description: String { text("en") }

  /// The message in `language`; the reason, from the file's parser, stays English.
  public func text(_ language: String) -> String {
    switch self {
    case .unreadable(let file, let reason):
      return Localization.string(.certificateFileUnreadable, language, file, reason)
    case .notACertificate(let file, let reason):
      return Localization.string(.certificateFileNotOne, language, file, reason)
    }
  }

  /// The exit code for this error.
  public var exitCode: ExitCode {
    switch self {
    case .unreadable: return .unreadable
    case .notACertificate: return .invalid
    }
  }
}
