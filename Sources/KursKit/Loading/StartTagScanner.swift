/// Finds the line and column of every start tag and of its attributes in raw UTF-8 text.
///
/// libxml2 keeps only a line per element, so Kurs reads columns itself. The scan runs on text
/// that libxml2 has accepted as well-formed and that has no DTD, so start tags correspond one to
/// one, in document order, to the elements of the parsed tree. It also finds a `<!DOCTYPE`, which
/// the loader refuses before libxml2 sees the file.
///
/// Everything is kept in flat arrays of numbers (no string, no dictionary per tag): a course of
/// 100,000 nodes has millions of tags, and this scan runs over every byte of it.
struct StartTagScanner {
  /// Where a start tag begins (its `<`), and where its attributes are in `attributes`.
  struct Tag: Equatable {
    var line: Int32
    var column: Int32
    /// `attributes[firstAttribute..<endAttribute]` are this tag's.
    var firstAttribute: Int32
    var endAttribute: Int32
  }

  /// An attribute's qualified name as written (`bytes[nameStart..<nameEnd]`) and where it is.
  struct Attribute: Equatable {
    var nameStart: Int32
    var nameEnd: Int32
    var line: Int32
    var column: Int32
  }

  private(set) var tags: [Tag] = []
  private(set) var attributes: [Attribute] = []
  /// Line and column of a `<!DOCTYPE`, if the text has one.
  private(set) var doctype: (line: Int, column: Int)?

  init(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { scan($0) }
  }

  /// The attributes of tag `index`: name bytes, line and column.
  func attributes(ofTag index: Int) -> ArraySlice<Attribute> {
    let tag = tags[index]
    return attributes[Int(tag.firstAttribute)..<Int(tag.endAttribute)]
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3E || byte == 0x2F
      || byte == 0x3D)
  }

  private static let comment = Array("<!--".utf8)
  private static let commentEnd = Array("-->".utf8)
  private static let cdata = Array("<![CDATA[".utf8)
  private static let cdataEnd = Array("]]>".utf8)
  private static let instructionEnd = Array("?>".utf8)
  private static let doctypeUpper = Array("<!DOCTYPE".utf8)
  private static let doctypeLower = Array("<!doctype".utf8)

  /// Where the scan is: its line, and a column counted lazily from the last place asked.
  private struct Cursor {
    var index = 0
    var line: Int32 = 1
    /// The last offset whose column is known, on the current line, and that column.
    var known = 0
    var knownColumn: Int32 = 1

    mutating func newLine(at offset: Int) {
      line += 1
      known = offset + 1
      knownColumn = 1
    }

    /// The column of `offset` (on the current line, at or after the last offset asked): counted
    /// on from the last answer, so a long line is walked once however many tags it holds.
    mutating func column(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
      while known < offset {
        if bytes[known] & 0xC0 != 0x80 { knownColumn += 1 }
        known += 1
      }
      return knownColumn
    }
  }

  private static func matches(_ text: [UInt8], at offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    guard offset + text.count <= bytes.count else { return false }
    for (position, byte) in text.enumerated() where bytes[offset + position] != byte {
      return false
    }
    return true
  }

  /// Moves past the next `terminator` (or to the end), counting lines.
  private static func skip(
    past terminator: [UInt8], _ cursor: inout Cursor, in bytes: UnsafeBufferPointer<UInt8>
  ) {
    while cursor.index < bytes.count, !matches(terminator, at: cursor.index, in: bytes) {
      if bytes[cursor.index] == 0x0A { cursor.newLine(at: cursor.index) }
      cursor.index += 1
    }
    cursor.index = min(cursor.index + terminator.count, bytes.count)
  }

  /// One pass over the bytes, counting lines; columns are counted only where a tag or an
  /// attribute starts (continuation bytes of UTF-8 are not characters).
  private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
    let count = bytes.count
    var cursor = Cursor()
    // A byte-order mark is not a character of the text.
    if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      cursor.index = 3
      cursor.known = 3
    }
    while cursor.index < count {
      let index = cursor.index
      let byte = bytes[index]
      if byte == 0x0A {
        cursor.newLine(at: index)
        cursor.index += 1
        continue
      }
      guard byte == UInt8(ascii: "<") else {
        cursor.index += 1
        continue
      }
      let next = index + 1 < count ? bytes[index + 1] : 0
      if next == UInt8(ascii: "!") {
        if Self.matches(Self.comment, at: index, in: bytes) {
          Self.skip(past: Self.commentEnd, &cursor, in: bytes)
        } else if Self.matches(Self.cdata, at: index, in: bytes) {
          Self.skip(past: Self.cdataEnd, &cursor, in: bytes)
        } else {
          if doctype == nil,
            Self.matches(Self.doctypeUpper, at: index, in: bytes)
              || Self.matches(Self.doctypeLower, at: index, in: bytes)
          {
            doctype = (Int(cursor.line), Int(cursor.column(at: index, in: bytes)))
          }
          cursor.index += 1
        }
      } else if next == UInt8(ascii: "?") {
        Self.skip(past: Self.instructionEnd, &cursor, in: bytes)
      } else if next == UInt8(ascii: "/") {
        cursor.index += 1
      } else {
        scanStartTag(bytes, &cursor)
      }
    }
  }

  private mutating func scanStartTag(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Cursor) {
    let count = bytes.count
    let first = Int32(attributes.count)
    let tagLine = cursor.line
    let tagColumn = cursor.column(at: cursor.index, in: bytes)
    cursor.index += 1  // '<'
    while cursor.index < count, Self.isNameByte(bytes[cursor.index]) { cursor.index += 1 }
    // Attributes: name = "value" | 'value', until '>' or '/>'.
    while cursor.index < count, bytes[cursor.index] != UInt8(ascii: ">") {
      let byte = bytes[cursor.index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        cursor.index += 1
        while cursor.index < count, bytes[cursor.index] != byte {
          if bytes[cursor.index] == 0x0A { cursor.newLine(at: cursor.index) }
          cursor.index += 1
        }
        if cursor.index < count { cursor.index += 1 }
      } else if Self.isNameByte(byte) {
        let start = cursor.index
        while cursor.index < count, Self.isNameByte(bytes[cursor.index]) { cursor.index += 1 }
        attributes.append(
          Attribute(
            nameStart: Int32(start), nameEnd: Int32(cursor.index), line: cursor.line,
            column: cursor.column(at: start, in: bytes)))
      } else {
        if byte == 0x0A { cursor.newLine(at: cursor.index) }
        cursor.index += 1
      }
    }
    tags.append(
      Tag(
        line: tagLine, column: tagColumn, firstAttribute: first,
        endAttribute: Int32(attributes.count)))
  }
}
