import Foundation
import Testing

@testable import KursKit

/// The fast JSON reader against Foundation's: what `JSONEncoder` writes, the cursor reads to the
/// same value; what is not JSON, it refuses.
@Suite struct JSONCursorTests {
  /// The value the cursor reads from `text`, as Foundation objects; `nil` when it refuses.
  static func read(_ text: String, canonical: Bool = false) -> Any? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> Any? in
      var cursor = JSONCursor(bytes: buffer, canonical: canonical)
      guard let value = try? cursor.value(), cursor.atEnd() else { return nil }
      return foundation(value)
    }
  }

  static func foundation(_ value: JSONValue) -> Any {
    switch value {
    case .string(let text): return text
    case .integer(let number): return number
    case .bool(let flag): return flag
    case .null: return NSNull()
    case .array(let items): return items.map(foundation)
    case .object(let members):
      return Dictionary(members.map { ($0.0, foundation($0.1)) }, uniquingKeysWith: { $1 })
    }
  }

  /// Both sides in one canonical form, to compare.
  static func canonical(_ object: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
  }

  struct Sample: Codable {
    var text: String
    var numbers: [Int]
    var flag: Bool
    var nested: [String: [String: Int]]
    var optional: String?
  }

  static let texts = [
    "", "plain", "quote \" and backslash \\", "slash / and tab \t and newline \n",
    "control \u{01}\u{1F}",
    "Марина, ЗПТ", "emoji 🧭 and U+2028 \u{2028}", "nul \u{0}",
  ]

  @Test(arguments: texts)
  func whatJSONEncoderWritesIsReadToTheSameValue(_ text: String) throws {
    let sample = Sample(
      text: text, numbers: [0, -1, Int(Int32.max), -9_007_199_254_740_991], flag: true,
      nested: [text: ["k": 1], "b": [:]], optional: nil)
    for formatting in [
      JSONEncoder.OutputFormatting.sortedKeys, [.sortedKeys, .withoutEscapingSlashes],
      [.prettyPrinted],
    ] {
      let encoder = JSONEncoder()
      encoder.outputFormatting = formatting
      let json = String(decoding: try encoder.encode(sample), as: UTF8.self)
      let fast = try #require(Self.read(json), "refused: \(json)")
      let reference = try JSONSerialization.jsonObject(with: Data(json.utf8))
      #expect(try Self.canonical(fast) == Self.canonical(reference), "\(json)")
    }
  }

  @Test func escapesDecodeAsJSONDecoderDecodesThem() throws {
    for json in [
      #""\u00e9\u0416\ud83e\udded""#, #""a\/b""#, #""\b\f\n\r\t""#, #"{"a":null,"b":[true,false]}"#,
    ] {
      let fast = try #require(Self.read(json), "\(json)")
      let reference = try JSONSerialization.jsonObject(
        with: Data(json.utf8), options: .fragmentsAllowed)
      #expect(try Self.canonical(fast) == Self.canonical(reference), "\(json)")
    }
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\":1,}", "\"open", "\"bad \\x escape\"", "\"\\ud800\"", "01", "1.5",
    "1e3", "tru", "nul", "{\"a\" 1}",
    "[1] 2", "\"raw \u{01} control\"",
  ])
  func whatIsNotJSONOrNotAnIntegerIsRefused(_ json: String) {
    #expect(Self.read(json) == nil, "accepted: \(json)")
  }

  @Test func nestingDeeperThanJSONDecoderGoesIsRefusedNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(Self.read(deep) == nil)
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(Self.read(fine) != nil)
  }

  @Test func canonicalModeAcceptsOnlyWhatJSONEncoderWritesWithSortedKeys() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(["b": 1, "a": 2]), as: UTF8.self)
    /// Whether the canonical cursor reads `text` as an object of integers.
    func canonicallyRead(_ text: String) -> Bool {
      Array(text.utf8).withUnsafeBufferPointer { buffer -> Bool in
        var cursor = JSONCursor(bytes: buffer, canonical: true)
        return
          (try? cursor.members {
            (cursor: inout JSONCursor, _: JSONCursor.Key) throws(JSONCursor.SyntaxError) in
            _ = try cursor.integer()
          }) != nil
      }
    }
    #expect(canonicallyRead(json))
    #expect(
      !canonicallyRead(#"{"b":1,"a":2}"#), "keys out of order are not what the encoder writes")
  }
}
