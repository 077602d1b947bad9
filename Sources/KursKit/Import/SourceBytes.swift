import Foundation

/// Reads the bytes of a question bank file as UTF-8 text, refusing anything else with the line
/// and column of the first bad byte.
enum SourceBytes {
  /// Reads the file at `url`, refusing one larger than `limit` before reading it.
  /// - Throws: `ImportError.unreadable` or `.tooLarge`.
  static func read(_ url: URL, displayPath: String, limit: Int) throws(ImportError) -> [UInt8] {
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      if (attributes[.type] as? FileAttributeType) == .typeDirectory {
        throw ImportError.unreadable(displayPath, "it is a folder; give the exported file")
      }
      if let size = attributes[.size] as? NSNumber, size.intValue > limit {
        throw ImportError.tooLarge(displayPath, size: size.intValue, limit: limit)
      }
      return Array(try Data(contentsOf: url))
    } catch let error as ImportError {
      throw error
    } catch {
      throw .unreadable(displayPath, describe(error))
    }
  }

  /// The text of `bytes`, without a UTF-8 byte-order mark.
  /// - Throws: `ImportError.malformed` at the first byte that is not UTF-8.
  static func text(_ bytes: [UInt8], displayPath: String) throws(ImportError) -> String {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      throw .malformed(
        SourceLocation(file: displayPath, line: 1, column: 1),
        "the file is UTF-16; save it as UTF-8 (Moodle exports UTF-8) and import it again")
    }
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let bad = InvalidUTF8.find(in: body) else { return String(decoding: body, as: UTF8.self) }
    throw .malformed(
      SourceLocation(file: displayPath, line: bad.line, column: bad.column),
      "the file is not valid UTF-8 (byte \(bad.byte)); save it as UTF-8 in your editor, or convert it (a Windows-1251 file: iconv -f cp1251 -t utf-8 \(Self.quoted(displayPath)) > \(Self.quoted("utf8-" + URL(fileURLWithPath: displayPath).lastPathComponent))), and import it again"
    )
  }

  /// A path as a shell command needs it: in single quotes when it holds more than safe letters.
  static func quoted(_ path: String) -> String {
    let safe = path.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || "/._-+".unicodeScalars.contains($0)
    }
    return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  private static func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    if nsError.domain == NSCocoaErrorDomain,
      nsError.code == NSFileReadNoSuchFileError || nsError.code == 260
    {
      return "no such file"
    }
    return nsError.localizedDescription
  }
}
