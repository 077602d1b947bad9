import Foundation

/// A byte-level JSON reader, about ten times faster than `JSONDecoder` for the few fields a
/// reader needs: values it does not need are checked for JSON syntax and skipped, not built.
/// Readers of each format (journal lines, exports, the cohort index, the course cache) live
/// beside their types and drive it. Anything unexpected throws `SyntaxError`, and the caller falls
/// back to `JSONDecoder`, which decides what is damage.
struct JSONCursor {
  struct SyntaxError: Error, Equatable, CustomStringConvertible {
    var description: String { "not JSON as JSONEncoder writes it" }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  /// Accept only JSON exactly as `JSONEncoder` writes it with `.sortedKeys` and
  /// `.withoutEscapingSlashes` (keys strictly increasing, no `null`, no unknown key, only the
  /// escapes and number forms it writes), so that the bytes are the encoding of the value
  /// read: what the export's seal covers. Anything else throws and the caller decodes.
  var canonical = false
  /// How many objects and arrays are open: deeper than `JSONDecoder` goes (512) is refused
  /// before the stack runs out.
  var depth = 0
  static let maximumDepth = 512

  init(bytes: UnsafeBufferPointer<UInt8>, canonical: Bool = false) {
    self.bytes = bytes
    self.canonical = canonical
  }

  mutating func atEnd() -> Bool {
    skipSpace()
    return index == bytes.count
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
    { index += 1 }
  }

  mutating func peek() throws(SyntaxError) -> UInt8 {
    skipSpace()
    guard index < bytes.count else { throw SyntaxError() }
    return bytes[index]
  }

  mutating func expect(_ byte: UInt8) throws(SyntaxError) {
    guard try peek() == byte else { throw SyntaxError() }
    index += 1
  }

  /// Calls `member` for each key of an object; `member` must consume the value.
  mutating func object(_ member: (inout JSONCursor, String) throws(SyntaxError) -> Void)
    throws(SyntaxError)
  {
    try members { (cursor: inout JSONCursor, key: Key) throws(SyntaxError) in
      try member(&cursor, key.string)
    }
  }

  /// An object's key as written: its bytes (no string is made to match it against the keys a
  /// reader knows), and its text when it has escapes.
  struct Key {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Set only for a key with escapes, whose bytes are not its text.
    let unescaped: String?

    var string: String { unescaped ?? String(decoding: bytes, as: UTF8.self) }

    static func ~= (pattern: StaticString, key: Key) -> Bool {
      let count = pattern.utf8CodeUnitCount
      if let unescaped = key.unescaped {
        return unescaped
          == String(
            decoding: UnsafeBufferPointer(start: pattern.utf8Start, count: count), as: UTF8.self)
      }
      guard key.bytes.count == count, let base = key.bytes.baseAddress else {
        return count == 0 && key.bytes.isEmpty
      }
      return memcmp(base, pattern.utf8Start, count) == 0
    }
  }

  /// Calls `member` for each key of an object, given as written; `member` must consume the
  /// value.
  mutating func members(_ member: (inout JSONCursor, Key) throws(SyntaxError) -> Void)
    throws(SyntaxError)
  {
    try expect(UInt8(ascii: "{"))
    depth += 1
    guard depth <= Self.maximumDepth else { throw SyntaxError() }
    defer { depth -= 1 }
    if try peek() == UInt8(ascii: "}") {
      index += 1
      return
    }
    var previous: Range<Int>?
    while true {
      let start = try valueStart()
      let key = try key()
      if canonical {
        // Compared as written: in canonical JSON each key has one spelling.
        let current = (start + 1)..<(index - 1)
        if let previous, !precedes(previous, current) { throw SyntaxError() }
        previous = current
      }
      try expect(UInt8(ascii: ":"))
      try member(&self, key)
      switch try peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "}"):
        index += 1
        return
      default: throw SyntaxError()
      }
    }
  }

  /// A key: its bytes when it has no escape, else decoded by `string()`.
  mutating func key() throws(SyntaxError) -> Key {
    try expect(UInt8(ascii: "\""))
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), unescaped: nil)
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      index += 1
    }
    index = start - 1
    let text = try string()
    return Key(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), unescaped: text)
  }

  /// Whether the bytes at `left` sort strictly before those at `right`.
  func precedes(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
    guard let base = bytes.baseAddress else { return left.count < right.count }
    let order = memcmp(
      base + left.lowerBound, base + right.lowerBound, min(left.count, right.count))
    return order < 0 || (order == 0 && left.count < right.count)
  }

  /// Calls `element` for each item of an array; `element` must consume the item.
  mutating func array(_ element: (inout JSONCursor) throws(SyntaxError) -> Void) throws(SyntaxError)
  {
    try expect(UInt8(ascii: "["))
    depth += 1
    guard depth <= Self.maximumDepth else { throw SyntaxError() }
    defer { depth -= 1 }
    if try peek() == UInt8(ascii: "]") {
      index += 1
      return
    }
    while true {
      try element(&self)
      switch try peek() {
      case UInt8(ascii: ","): index += 1
      case UInt8(ascii: "]"):
        index += 1
        return
      default: throw SyntaxError()
      }
    }
  }

  mutating func string() throws(SyntaxError) -> String {
    try expect(UInt8(ascii: "\""))
    let start = index
    // Plain strings (no escapes) are sliced directly.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
      index += 1
    }
    index = start
    var scalars = String.UnicodeScalarView()
    var utf8: [UInt8] = []
    func flush() {
      if !utf8.isEmpty {
        scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
        utf8.removeAll(keepingCapacity: true)
      }
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        flush()
        return String(scalars)
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { throw SyntaxError() }
        let escape = bytes[index]
        index += 1
        if canonical, escape == UInt8(ascii: "/") { throw SyntaxError() }
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          if canonical {
            // JSONEncoder writes \u00xx (lower case) only for the control characters it has no short escape for.
            let digits = index + 4 <= bytes.count ? Array(bytes[index..<(index + 4)]) : []
            guard digits.count == 4, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "0"),
              digits[2] == UInt8(ascii: "0") || digits[2] == UInt8(ascii: "1"),
              !(UInt8(ascii: "A")...UInt8(ascii: "F")).contains(digits[3])
            else { throw SyntaxError() }
          }
          var code = try hex4()
          if canonical, [0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(code) { throw SyntaxError() }
          if (0xD800..<0xDC00).contains(code) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
              bytes[index + 1] == UInt8(ascii: "u")
            else { throw SyntaxError() }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw SyntaxError() }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let scalar = Unicode.Scalar(code) else { throw SyntaxError() }
          flush()
          scalars.append(scalar)
        default: throw SyntaxError()
        }
      default:
        guard byte >= 0x20 else { throw SyntaxError() }
        utf8.append(byte)
      }
    }
    throw SyntaxError()
  }

  mutating func hex4() throws(SyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw SyntaxError() }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      index += 1
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw SyntaxError()
      }
      value = value * 16 + UInt32(digit)
    }
    return value
  }

  /// A whole number (no fraction or exponent: those fall back to JSONDecoder).
  mutating func integer() throws(SyntaxError) -> Int {
    skipSpace()
    var negative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    let start = index
    var value = 0
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
    {
      let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - UInt8(ascii: "0")))
      guard !overflow1, !overflow2 else { throw SyntaxError() }
      value = sum
      index += 1
    }
    guard index > start, !(bytes[start] == UInt8(ascii: "0") && index - start > 1) else {
      throw SyntaxError()
    }
    if index < bytes.count,
      [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index])
    {
      throw SyntaxError()
    }
    if canonical, negative, value == 0 { throw SyntaxError() }
    return negative ? -value : value
  }

  mutating func literal(_ word: StaticString) throws(SyntaxError) {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { throw SyntaxError() }
    for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
      throw SyntaxError()
    }
    index += count
  }

  /// Any JSON value, built (for the small nested objects).
  mutating func value() throws(SyntaxError) -> JSONValue {
    switch try peek() {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "{"):
      var members: [(String, JSONValue)] = []
      try object { (cursor: inout JSONCursor, key: String) throws(SyntaxError) in
        members.append((key, try cursor.value()))
      }
      return .object(members)
    case UInt8(ascii: "["):
      var items: [JSONValue] = []
      try array { (cursor: inout JSONCursor) throws(SyntaxError) in items.append(try cursor.value())
      }
      return .array(items)
    case UInt8(ascii: "t"):
      try literal("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try literal("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      return .integer(try integer())
    }
  }

  /// Checks and passes over a value without building it.
  mutating func skip() throws(SyntaxError) {
    switch try peek() {
    case UInt8(ascii: "\""):
      index += 1
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
          index += 1
          return
        }
        if byte == UInt8(ascii: "\\") {
          guard index + 1 < bytes.count else { throw SyntaxError() }
          let escape = bytes[index + 1]
          if escape == UInt8(ascii: "u") {
            index += 2
            let code = try hex4()
            if (0xD800..<0xDC00).contains(code) {
              guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
              else { throw SyntaxError() }
              index += 2
              guard (0xDC00..<0xE000).contains(try hex4()) else { throw SyntaxError() }
            } else if (0xDC00..<0xE000).contains(code) {
              throw SyntaxError()
            }
            continue
          }
          guard
            [
              UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
              UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
            ].contains(escape)
          else { throw SyntaxError() }
          index += 2
          continue
        }
        guard byte >= 0x20 else { throw SyntaxError() }
        index += 1
      }
      throw SyntaxError()
    case UInt8(ascii: "{"):
      try members { (cursor: inout JSONCursor, _: Key) throws(SyntaxError) in try cursor.skip() }
    case UInt8(ascii: "["):
      try array { (cursor: inout JSONCursor) throws(SyntaxError) in try cursor.skip() }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    default: try skipNumber()
    }
  }

  mutating func skipNumber() throws(SyntaxError) {
    let start = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digits = index
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9")
    { index += 1 }
    // JSON allows no leading zero ("01").
    guard index > digits, !(bytes[digits] == UInt8(ascii: "0") && index - digits > 1) else {
      throw SyntaxError()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fraction = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
        bytes[index] <= UInt8(ascii: "9")
      { index += 1 }
      guard index > fraction else { throw SyntaxError() }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      let exponent = index
      while index < bytes.count, bytes[index] >= UInt8(ascii: "0"),
        bytes[index] <= UInt8(ascii: "9")
      { index += 1 }
      guard index > exponent else { throw SyntaxError() }
    }
    guard index > start else { throw SyntaxError() }
  }

  /// A key the reader does not know: passed over, or refused in canonical JSON (where it
  /// would not be part of what was sealed).
  mutating func unknown() throws(SyntaxError) {
    guard !canonical else { throw SyntaxError() }
    try skip()
  }

  mutating func optionalString() throws(SyntaxError) -> String? {
    if try peek() == UInt8(ascii: "n") {
      guard !canonical else { throw SyntaxError() }
      try literal("null")
      return nil
    }
    return try string()
  }
}
