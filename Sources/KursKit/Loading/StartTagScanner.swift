/// Finds the line and column of every start tag and of its attributes in raw UTF-8 text.
///
/// libxml2 keeps only a line per element, so Kurs reads columns itself. The scan runs on text
/// that libxml2 has accepted as well-formed and that has no DTD, so start tags correspond one to
/// one, in document order, to the elements of the parsed tree. It also finds a `<!DOCTYPE`, which
/// the loader refuses before libxml2 sees the file.
struct StartTagScanner {
  struct Tag: Equatable {
    var line: Int
    var column: Int
    /// Qualified attribute name → (line, column) of the name.
    var attributes: [String: (line: Int, column: Int)]

    static func == (lhs: Tag, rhs: Tag) -> Bool {
      lhs.line == rhs.line && lhs.column == rhs.column
        && lhs.attributes.mapValues { [$0.line, $0.column] }
          == rhs.attributes.mapValues { [$0.line, $0.column] }
    }
  }

  private(set) var tags: [Tag] = []
  /// Line and column of a `<!DOCTYPE`, if the text has one.
  private(set) var doctype: (line: Int, column: Int)?

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var column = 1

  init(bytes: [UInt8]) {
    self.bytes = bytes
    // A byte-order mark is not a character of the text.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    scan()
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    index + offset < bytes.count ? bytes[index + offset] : nil
  }

  private func matches(_ text: String) -> Bool {
    let utf8 = Array(text.utf8)
    guard index + utf8.count <= bytes.count else { return false }
    return bytes[index..<index + utf8.count].elementsEqual(utf8)
  }

  /// Moves one byte on, counting lines and characters (continuation bytes are not characters).
  private mutating func step() {
    let byte = bytes[index]
    index += 1
    if byte == 0x0A {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  private mutating func skip(past terminator: String) {
    while index < bytes.count, !matches(terminator) { step() }
    for _ in terminator.utf8 where index < bytes.count { step() }
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x3E || byte == 0x2F
      || byte == 0x3D)
  }

  private mutating func scan() {
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "<") else {
        step()
        continue
      }
      if matches("<!--") {
        skip(past: "-->")
      } else if matches("<![CDATA[") {
        skip(past: "]]>")
      } else if matches("<?") {
        skip(past: "?>")
      } else if matches("<!DOCTYPE") || matches("<!doctype") {
        if doctype == nil { doctype = (line, column) }
        step()
      } else if matches("</") || matches("<!") {
        step()
      } else {
        scanStartTag()
      }
    }
  }

  private mutating func scanStartTag() {
    var tag = Tag(line: line, column: column, attributes: [:])
    step()  // '<'
    while let byte = peek(), Self.isNameByte(byte) { step() }
    // Attributes: name = "value" | 'value', until '>' or '/>'.
    while let byte = peek(), byte != UInt8(ascii: ">") {
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        step()
        while let inner = peek(), inner != byte { step() }
        if index < bytes.count { step() }
      } else if Self.isNameByte(byte) {
        let start = (line: line, column: column)
        var name: [UInt8] = []
        while let inner = peek(), Self.isNameByte(inner) {
          name.append(inner)
          step()
        }
        let key = String(decoding: name, as: UTF8.self)
        if tag.attributes[key] == nil { tag.attributes[key] = start }
      } else {
        step()
      }
    }
    tags.append(tag)
  }
}
