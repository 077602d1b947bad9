import Foundation
import Testing

@testable import KursKit

/// Damaged banks: every fixture with bytes changed, cut or repeated at seeded random places.
/// Each must either be refused with a location, or become a course that validates strictly
/// (`write` refuses a course that does not, so a bug in the importer fails here), never crash.
@Suite struct BankImporterMutationTests {
  static let pieces: [[UInt8]] = [
    "{", "}", "~", "=", "#", "->", "%", "::", "\\", "<", ">", "&", "\n\n",
    "<span lang=\"ru\" class=\"multilang\">",
    "</span>", "{mlang en}", "{mlang}", "<![CDATA[", "]]>", "<b>", "&#0;", "\u{0}", "\u{7}", "é",
    "\u{FEFF}",
  ].map { Array($0.utf8) }

  static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var result = bytes
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      guard !result.isEmpty else { break }
      let place = Int.random(in: 0..<result.count, using: &random)
      switch Int.random(in: 0..<4, using: &random) {
      case 0: result.insert(contentsOf: pieces.randomElement(using: &random)!, at: place)
      case 1:
        result.removeSubrange(
          place..<min(result.count, place + Int.random(in: 1...40, using: &random)))
      case 2: result[place] = UInt8.random(in: 0...255, using: &random)
      default:
        let end = min(result.count, place + Int.random(in: 1...200, using: &random))
        result.insert(contentsOf: result[place..<end], at: place)
      }
    }
    return result
  }

  @Test(arguments: BankImporterTests.fixtures)
  func damagedBanksAreRefusedOrImportedValid(name: String, format: BankImporter.Format) throws {
    let original = Array(try Data(contentsOf: ImportFixtures.root.appendingPathComponent(name)))
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    var random = SplitMix64(
      seed: UInt64(name.utf8.reduce(5381) { ($0 &* 33) &+ Int($1) }.magnitude))
    let importer = BankImporter(format: format)
    for round in 0..<40 {
      let file = directory.appendingPathComponent("\(round)-\(name)")
      try Data(Self.mutate(original, &random)).write(to: file)
      let reading: BankImporter.Reading
      do {
        reading = try importer.read(path: file.path)
      } catch {
        if case .malformed(let location, _) = error {
          #expect(location.line >= 1 && location.column >= 1)
        }
        continue
      }
      guard reading.questionCount > 0 else { continue }
      do {
        _ = try importer.write(
          reading, source: file.lastPathComponent,
          to: directory.appendingPathComponent("out-\(round)"), textLanguage: "en")
      } catch {
        Issue.record("round \(round) of \(name): \(error)")
      }
    }
  }
}
