import Foundation

/// `kurs pack`: a whole course (its course.xml, module files and the shared Content/ files it
/// uses) as one course file that a trainer can send over a messenger.
///
/// The packed file is the course's own course.xml with one element added at its end:
/// `<files>`, holding the root element of every other file the course read, each under the path
/// the course names it by (`<file href="modules/intro.xml">`, `<file href="content:glossary.xml">`).
/// `module-ref`, `use` and `include` keep their meaning and resolve to these, never to files on
/// disk, so the packed course behaves exactly as its folder. Its identity (`Course.digest`) is
/// the folder's: certificates verify against either. Nothing is written unless the packed text
/// loads without errors and has that identity.
public enum CoursePacker {
  /// Why a course could not be packed. The description starts with the file it concerns.
  public enum PackError: Error, Equatable, CustomStringConvertible {
    /// The course has errors (`kurs validate` lists them): these.
    case invalid([Diagnostic])
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case declaresDoctype(path: String)
    case noRootElement(path: String)
    /// The packed text did not load as the same course: a bug in Kurs, never the trainer's.
    case changed(String)
    case exists(path: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
      switch self {
      case .invalid(let diagnostics):
        return diagnostics.filter { $0.severity == .error }.map(\.description).joined(
          separator: "\n")
      case .unreadable(let path, let reason): return "\(path): cannot read the file: \(reason)"
      case .notUTF8(let path):
        return "\(path): the file is not UTF-8 text; save it as UTF-8 and pack again"
      case .declaresDoctype(let path):
        return
          "\(path): the file declares a DOCTYPE, which a packed course cannot carry; remove the <!DOCTYPE …> line"
      case .noRootElement(let path):
        return "\(path): no root element found; check the file with kurs validate"
      case .changed(let detail):
        return
          "the packed course did not load as the same course (\(detail)); nothing was written. This is a bug in kurs: please report it with the course"
      case .exists(let path):
        return
          "\(path) already exists; nothing was written. Choose another --out or remove the file"
      case .cannotWrite(let path, let reason):
        return "\(path): cannot write: \(reason); nothing was written"
      }
    }
  }

  /// Packs the course at `path` into `output`, checking the packed file first.
  /// - Returns: the packed course, as loaded from the written file.
  /// - Throws: `PackError`; `output` is then untouched.
  @discardableResult
  public static func pack(path: String, to output: URL, loader: CourseLoader) throws(PackError)
    -> Course
  {
    guard !FileManager.default.fileExists(atPath: output.path) else {
      throw .exists(path: output.path)
    }
    let original = loader.load(path: path)
    // The checks `kurs validate` makes: a course with errors is never sent to learners.
    var diagnostics = original.diagnostics
    if let course = original.course, !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics += CourseValidator().validate(course)
    }
    guard let course = original.course, !diagnostics.contains(where: { $0.severity == .error })
    else {
      throw .invalid(diagnostics)
    }
    let text = try packedText(original)

    // Write beside the target, load that file as a learner's kurs will, and only then link it
    // into place (never over a file that appeared meanwhile).
    let directory = output.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(output.lastPathComponent).\(UUID().uuidString).packing")
    do {
      try AtomicFile.write(Data(text.utf8), to: temporary, permissions: 0o644)
    } catch {
      throw .cannotWrite(path: output.path, reason: Self.reason(error))
    }
    defer { try? FileManager.default.removeItem(at: temporary) }
    let packed = CourseLoader().load(path: temporary.path)
    guard let packedCourse = packed.course,
      !packed.diagnostics.contains(where: { $0.severity == .error })
    else {
      throw .changed(
        packed.diagnostics.first { $0.severity == .error }?.message ?? "it did not load")
    }
    guard packedCourse.digest == course.digest else {
      throw .changed(
        "its identity is \(packedCourse.digest.prefix(12))…, the folder's \(course.digest.prefix(12))…"
      )
    }
    if link(temporary.path, output.path) != 0 {
      let code = POSIXErrorCode(rawValue: errno) ?? .EIO
      if code == .EEXIST { throw .exists(path: output.path) }
      throw .cannotWrite(path: output.path, reason: String(cString: strerror(code.rawValue)))
    }
    return packedCourse
  }

  /// The packed text of a loaded course.
  static func packedText(_ result: CourseLoader.Result) throws(PackError) -> String {
    guard let courseFile = result.sourceFiles.first else {
      throw .noRootElement(path: "course.xml")
    }
    let courseText = try text(of: courseFile)
    let courseDirectory = courseFile.deletingLastPathComponent().standardizedFileURL.path
    let contentDirectory = result.contentDirectory?.standardizedFileURL.path

    // A course that already carries its files is packed as it is.
    if result.sourceFiles.count == 1 { return courseText }

    guard let rootName = rootElementName(courseText),
      let closing = courseText.range(of: "</\(rootName)", options: .backwards)
    else { throw .noRootElement(path: courseFile.path) }
    let prefix = rootName.contains(":") ? String(rootName.split(separator: ":")[0]) + ":" : ""

    var files = "\n  <\(prefix)files>\n"
    var carried: Set<String> = []
    for url in result.sourceFiles.dropFirst() {
      let path = url.standardizedFileURL.path
      let href: String
      if path.hasPrefix(courseDirectory + "/") {
        href = String(path.dropFirst(courseDirectory.count + 1))
      } else if let contentDirectory, path.hasPrefix(contentDirectory + "/") {
        href = "content:" + path.dropFirst(contentDirectory.count + 1)
      } else {
        continue
      }
      guard carried.insert(href).inserted else { continue }
      var body = try text(of: url)
      body = withoutDeclaration(body)
      guard !body.contains("<!DOCTYPE") else { throw .declaresDoctype(path: url.path) }
      files += "    <\(prefix)file href=\"\(escapedAttribute(href))\">\n"
      files += body.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
      files += "    </\(prefix)file>\n"
    }
    files += "  </\(prefix)files>\n"
    // Right before the course's closing tag, after the last module.
    var packed = courseText
    var insertAt = closing.lowerBound
    while insertAt > packed.startIndex, packed[packed.index(before: insertAt)].isWhitespace {
      insertAt = packed.index(before: insertAt)
    }
    packed.insert(contentsOf: files, at: insertAt)
    return packed
  }

  private static func text(of url: URL) throws(PackError) -> String {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable(path: url.path, reason: reason(error))
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw .notUTF8(path: url.path)
    }
    return text
  }

  /// The text without its `<?xml …?>` declaration.
  static func withoutDeclaration(_ text: String) -> String {
    let trimmed = text.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<?xml"), let end = trimmed.range(of: "?>") else { return text }
    return String(trimmed[end.upperBound...])
  }

  /// The qualified name of the first element (`course`, `k:course`).
  static func rootElementName(_ text: String) -> String? {
    var index = text.startIndex
    while let open = text[index...].firstIndex(of: "<") {
      let next = text.index(after: open)
      guard next < text.endIndex else { return nil }
      if text[next] == "?" || text[next] == "!" {
        let terminator = text[next] == "!" && text[next...].hasPrefix("!--") ? "-->" : ">"
        guard let end = text[next...].range(of: terminator) else { return nil }
        index = end.upperBound
        continue
      }
      let name = text[next...].prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      return name.isEmpty ? nil : String(name)
    }
    return nil
  }

  private static func escapedAttribute(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "<", with: "&lt;")
  }

  private static func reason(_ error: Error) -> String {
    if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
    if let error = error as? CocoaError,
      let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
    {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
