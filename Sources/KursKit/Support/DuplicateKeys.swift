import Foundation

/// Finds an object key written twice in a JSON text. Parsers disagree on which of the two values
/// counts (`JSONDecoder` takes the first, most others the last), so a file with a duplicate key
/// can say one thing to Kurs and another to everyone else: whatever Kurs verifies refuses it.
enum DuplicateKeys {
  /// The first key that appears twice in one object, as a dotted path (`credentialSubject.id`),
  /// or `nil` when there is none. Keys are compared after their escapes are read (`"a"` and
  /// `"\u0061"` are the same key). Text that is not JSON gives `nil`: the decoder reports it.
  static func first(in data: Data) -> String? {
    struct Frame {
      var isObject: Bool
      var keys: Set<String> = []
      var expectingKey = true
      var path: String
    }
    var stack: [Frame] = []
    var pendingPath = ""
    let bytes = [UInt8](data)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        stack.append(Frame(isObject: byte == UInt8(ascii: "{"), path: pendingPath))
        index += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        _ = stack.popLast()
        pendingPath = stack.last?.path ?? ""
        index += 1
      case UInt8(ascii: ","):
        if let last = stack.indices.last, stack[last].isObject { stack[last].expectingKey = true }
        pendingPath = stack.last?.path ?? ""
        index += 1
      case UInt8(ascii: "\""):
        let start = index
        index += 1
        var escaped = false
        while index < bytes.count {
          if escaped {
            escaped = false
          } else if bytes[index] == UInt8(ascii: "\\") {
            escaped = true
          } else if bytes[index] == UInt8(ascii: "\"") {
            break
          }
          index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        guard let last = stack.indices.last, stack[last].isObject, stack[last].expectingKey else {
          continue
        }
        let raw = Data(bytes[start..<index])
        let key =
          raw.contains(UInt8(ascii: "\\"))
          ? ((try? JSONDecoder().decode(String.self, from: raw)) ?? "")
          : String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
        let path = stack[last].path.isEmpty ? key : stack[last].path + "." + key
        guard stack[last].keys.insert(key).inserted else { return path }
        stack[last].expectingKey = false
        pendingPath = path
      default:
        index += 1
      }
    }
    return nil
  }
}
