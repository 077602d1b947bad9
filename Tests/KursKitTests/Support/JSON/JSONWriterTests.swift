import Foundation
import Testing

@testable import KursKit

/// The hand-written JSON writer against Foundation's reader: every string comes back as it was,
/// objects come back whole with their keys in order.
@Suite struct JSONWriterTests {
  @Test func everyStringRoundTripsThroughJSONDecoder() throws {
    var texts = JSONCursorTests.texts
    texts.append(String((0..<0x20).map { Character(UnicodeScalar($0)!) }))
    texts.append("\u{7F}\u{80}\u{FFFF}\u{10FFFF}")
    for text in texts {
      var writer = JSONWriter()
      writer.string(text)
      let decoded = try JSONDecoder().decode(String.self, from: Data(writer.bytes))
      #expect(decoded == text, "\(writer.bytes)")
      // The cursor reads the same bytes to the same string.
      #expect(
        JSONCursorTests.read(String(decoding: writer.bytes, as: UTF8.self)) as? String == text)
    }
  }

  @Test func objectsAreWrittenWithSortedKeysAndDecodeWhole() throws {
    let members = ["zeta": 3, "alpha": 1, "Ж": 4, "beta": 2]
    var writer = JSONWriter()
    writer.object(members) { writer, value in writer.number(value) }
    let text = String(decoding: writer.bytes, as: UTF8.self)
    #expect(text == #"{"alpha":1,"beta":2,"zeta":3,"Ж":4}"#)
    #expect(try JSONDecoder().decode([String: Int].self, from: Data(writer.bytes)) == members)
    var optional = JSONWriter()
    optional.raw("[")
    optional.optional(nil)
    optional.raw(",")
    optional.number(nil)
    optional.raw(",")
    optional.optional("x")
    optional.raw("]")
    #expect(
      try JSONDecoder().decode([String?].self, from: Data(optional.bytes)) == [nil, nil, "x"])
  }
}
