import Foundation
import Testing

@testable import KursKit

/// The runner's texts and the cohort report's are two tables of one kind (`StringTable`), with
/// one lookup: the report had a second table with its own lookup (issue 23).
@Suite struct StringTableTests {
  static func untranslated<Table: StringTable>(_ table: Table.Type) -> [String] {
    Table.languages.flatMap { language in
      Table.Key.allCases.filter { !Table.has($0, in: language) }.map { "\($0) in \(language)" }
    }
  }

  @Test func everyTableHasEveryKeyInEachOfItsLanguages() {
    #expect(Self.untranslated(Localization.self).isEmpty)
    #expect(Self.untranslated(ReportText.self).isEmpty)
  }

  @Test func bothTablesFallBackToEnglishAndFillTheirPlaceholdersAlike() {
    #expect(ReportText.string(.heading, "de", "spring") == "Cohort spring")
    #expect(ReportText.string(.heading, "ru", "spring") == "Группа spring")
    #expect(ReportText.string(.heading, "en", "{1}", "x") == "Cohort {1}")
    #expect(Localization.string(.trueWord, "de") == Localization.string(.trueWord, "en"))
  }

  /// One lookup: no file but StringTable.swift defines how a key becomes a string.
  @Test func noTableHasALookupOfItsOwn() throws {
    let sources = ArchitectureTests.sources
    var lookups: [String] = []
    let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
    for case let path as String in walker where path.hasSuffix(".swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      if text.contains("static func string(_ key: Key") { lookups.append(path) }
    }
    #expect(lookups == ["Localization/StringTable.swift"])
  }
}
