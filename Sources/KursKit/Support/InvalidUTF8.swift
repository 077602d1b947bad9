/// Where bytes stop being UTF-8: the line and column (in characters) of the first bad byte, and
/// that byte, for messages that point at it.
struct InvalidUTF8: Equatable {
  var line: Int
  var column: Int
  /// The bad byte as `0xNN`.
  var byte: String

  /// The first byte of `bytes` that is not UTF-8, or `nil` when they all are. Valid text (nearly
  /// every file) is recognised in one pass; only bad text is walked scalar by scalar.
  static func find(in bytes: some Collection<UInt8>) -> InvalidUTF8? {
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    let array = Array(bytes)
    var line = 1
    var column = 1
    var iterator = array.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return nil
      case .error:
        let byte =
          offset < array.count
          ? "0x" + String(array[offset], radix: 16, uppercase: true).leftPadded(to: 2) : "?"
        return InvalidUTF8(line: line, column: column, byte: byte)
      }
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
