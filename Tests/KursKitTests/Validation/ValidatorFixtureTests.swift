import Foundation
import Testing

@testable import KursKit

/// One fixture per finding: each folder holds a course.xml with one problem, the exact output
/// `kurs validate course.xml` must print (expected.txt) and its exit code.
@Suite struct ValidatorFixtureTests {
  @Test(arguments: Fixtures.validatorCases)
  func fixturePrintsExactFindings(_ name: String) throws {
    let folder = Fixtures.validator.appendingPathComponent(name)
    let expected = try String(
      contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
    let expectedCode = try String(
      contentsOf: folder.appendingPathComponent("expected-exit-code"), encoding: .utf8
    )
    .trimmingCharacters(in: .whitespacesAndNewlines)

    let report = validate(folder.appendingPathComponent("course.xml").path)
    let printed = Self.relative(report.text(), folder: folder)

    #expect(printed == expected)
    #expect(String(report.exitCode.rawValue) == expectedCode)
    // Where Kurs has the message in Russian too (`kurs validate --lang ru`), the same lines in Russian.
    let russian = folder.appendingPathComponent("expected-ru.txt")
    if FileManager.default.fileExists(atPath: russian.path) {
      let printedRussian = Self.relative(report.text(language: "ru"), folder: folder)
      #expect(printedRussian == (try String(contentsOf: russian, encoding: .utf8)))
      #expect(printedRussian != printed, "the fixture has a Russian message")
    }
  }

  /// Paths inside the fixture folder print relative to it, shared files as `Content/…` (a file
  /// outside the course prints relative to the working directory, or in full).
  static func relative(_ text: String, folder: URL) -> String {
    var text = text.replacingOccurrences(of: folder.path + "/", with: "")
      .replacingOccurrences(of: Fixtures.validator.path + "/", with: "")
    let working = FileManager.default.currentDirectoryPath + "/"
    if Fixtures.validator.path.hasPrefix(working) {
      text = text.replacingOccurrences(
        of: String(Fixtures.validator.path.dropFirst(working.count)) + "/", with: "")
    }
    return text
  }

  @Test func everyFindingHasAFixture() {
    // The findings the issue lists, by fixture name: a missing folder means an untested check.
    let required = [
      "duplicate-node-id", "duplicate-module-id", "unknown-goto", "unknown-next", "unknown-start",
      "unknown-requires", "unreachable-node", "loop-without-exit", "no-correct-answer",
      "two-correct-single", "pass-mark-too-high", "branch-falls-through", "flag-never-set",
      "counter-never-set", "missing-language", "empty-text", "xxe", "billion-laughs",
      "invalid-utf8", "bom-crlf", "cyrillic", "include-escapes",
      // libxml2's syntax errors, in plain words with the fix.
      "syntax-bare-ampersand", "syntax-missing-quote-in-tag", "syntax-missing-quote-at-end",
      "syntax-unclosed-p",
      "syntax-lt-in-condition", "syntax-misnested-em", "syntax-closing-typo", "syntax-lt-in-text",
      "syntax-broken-content-file",
      // One mistake, one finding; what a path-by-path look finds.
      "cascade-broken-module-min-score", "cascade-duplicate-module-requires",
      "cascade-loop-with-exit",
      "loop-only-score-leaves", "pass-end-poor-path", "module-file-is-a-course",
      // Knowledge tests before and after a course.
      "test-post-without-pre-test", "test-pre-test-not-a-test", "test-in-completion",
      "test-items-unmatched",
    ]
    for name in required {
      #expect(Fixtures.validatorCases.contains(name), "no fixture for \(name)")
    }
  }

  @Test func strictTurnsWarningsIntoErrors() {
    let path = Fixtures.validator.appendingPathComponent("unreachable-node/course.xml").path
    #expect(validate(path).exitCode == .success)
    let strict = validate(path, strict: true)
    #expect(strict.exitCode == .invalid)
    #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func jsonListsEachFindingWithItsLocation() throws {
    let path = Fixtures.validator.appendingPathComponent("unknown-next/course.xml").path
    let data = Data(validate(path).json().utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["valid"] as? Bool == false)
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 1)
    #expect(findings.first?["line"] as? Int == 6)
    #expect(findings.first?["column"] as? Int == 16)
    #expect(findings.first?["severity"] as? String == "error")
  }
}
