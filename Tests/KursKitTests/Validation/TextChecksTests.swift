import Foundation
import Testing

@testable import KursKit

@Suite struct TextChecksTests {
  /// A 4.8 MB paragraph was accepted silently: a learner cannot read it on one screen, and a
  /// trainer who pasted a whole document into one <p> should hear of it.
  @Test func aHugeParagraphIsAWarningWithItsSize() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let valid = try String(
      contentsOf: Fixtures.validator.appendingPathComponent("valid/course.xml"), encoding: .utf8)
    let huge = String(repeating: "Words a trainer pasted. ", count: 200_000)
    try valid.replacingOccurrences(of: "<p>Text.</p>", with: "<p>\(huge)</p>")
      .write(to: directory.appendingPathComponent("course.xml"), atomically: true, encoding: .utf8)
    let report = validate(directory.path)
    let messages = report.diagnostics.map(\.description)
    #expect(
      messages == [
        "\(directory.path)/course.xml:6:25: warning: a text in <body> ('en') is more than 3000000 characters long; a learner reads it on one screen: split it into paragraphs or pages of at most 3000 characters"
      ], "\(messages)")
  }

  @Test func aLongButReadableTextIsFine() throws {
    let text = InlineText(String(repeating: "a", count: TextChecks.longestText))
    #expect(TextChecks.tooLong(text, name: "p", language: "en") == nil)
    let longer = InlineText(String(repeating: "a", count: TextChecks.longestText + 1))
    #expect(
      TextChecks.tooLong(longer, name: "p", language: "en")?.contains("is 3001 characters long")
        == true)
  }
}
