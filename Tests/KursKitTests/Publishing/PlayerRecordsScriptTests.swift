import Foundation
import Testing

@testable import KursKit

/// records.js keeps the learner's records on the phone: it has no way to send anything, and
/// every word it shows is in the course data in en/ru/uk.
@Suite struct PlayerRecordsScriptTests {
  let script = PlayerAssets.files["records.js"] ?? ""

  @Test func recordsJSSendsNothing() {
    #expect(!script.isEmpty)
    for call in [
      "fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "importScripts",
      ".src", "window.open",
    ] {
      #expect(!script.contains(call), "records.js: \(call)")
    }
  }

  @Test func everyWordOfTheRecordsSectionIsInEveryInterfaceLanguage() throws {
    let asked = try NSRegularExpression(pattern: #"say\("([A-Za-z]+)""#)
      .matches(in: script, range: NSRange(script.startIndex..., in: script))
      .compactMap { Range($0.range(at: 1), in: script).map { String(script[$0]) } }
    let saidElsewhere = try NSRegularExpression(
      pattern: #"(?:"savedAs"|"shared"|"copyBelow")"#
    ).numberOfMatches(in: script, range: NSRange(script.startIndex..., in: script))
    #expect(asked.count >= 6 && saidElsewhere >= 3)
    for key in Set(asked + ["savedAs", "shared", "copyBelow"]) {
      for language in ["en", "ru", "uk"] {
        #expect(PlayerRecords.words[key]?[language]?.isEmpty == false, "\(key) in \(language)")
      }
    }
  }
}
