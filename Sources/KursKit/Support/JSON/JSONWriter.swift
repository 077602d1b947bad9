/// JSON written straight into bytes, for files read again by `JSONCursor` (the cohort index):
/// strings escaped as `JSONEncoder` escapes them (quotes, backslashes, control characters;
/// everything else as UTF-8), objects with their keys sorted. Tested against `JSONDecoder`.
struct JSONWriter {
  var bytes: [UInt8] = []

  mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
  mutating func number(_ value: Int?) { raw(value.map(String.init) ?? "null") }
  mutating func optional(_ text: String?) { if let text { string(text) } else { raw("null") } }

  /// An object of `members`, keys sorted, each value written by `value`.
  mutating func object<Value>(
    _ members: [String: Value], _ value: (inout JSONWriter, Value) -> Void
  ) {
    raw("{")
    for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
      if index > 0 { raw(",") }
      string(member.key)
      raw(":")
      value(&self, member.value)
    }
    raw("}")
  }

  /// A JSON string: quotes, backslashes and control characters escaped.
  mutating func string(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        bytes += Array("\\u00".utf8) + [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
