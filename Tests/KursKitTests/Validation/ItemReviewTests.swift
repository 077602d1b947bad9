import Foundation
import Testing

@testable import KursKit

extension Fixtures {
  /// The item-writing review fixtures: one folder per check, like the validator's.
  static var review: URL { root.appendingPathComponent("review") }

  static let reviewCases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: review.path)) ?? []
    return names.sorted()
  }()
}

/// `kurs validate --review`: each check of the item-writing review, with a fixture holding one
/// guessable question (or course), the exact output and the exit code.
@Suite struct ItemReviewTests {
  private func review(
    _ path: String, strict: Bool = false, review: Bool = true, streaming: Bool = false
  )
    -> ValidationReport
  {
    var report = ValidationReport(strict: strict, review: review)
    report.check(path: path, loader: CourseLoader(), streaming: streaming)
    return report
  }

  @Test(arguments: Fixtures.reviewCases)
  func fixturePrintsExactFindings(_ name: String) throws {
    let folder = Fixtures.review.appendingPathComponent(name)
    let expected = try String(
      contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
    let expectedCode = try String(
      contentsOf: folder.appendingPathComponent("expected-exit-code"), encoding: .utf8
    )
    .trimmingCharacters(in: .whitespacesAndNewlines)
    let path = folder.appendingPathComponent("course.xml").path

    let report = review(path)
    #expect(report.text().replacingOccurrences(of: folder.path + "/", with: "") == expected)
    #expect(String(report.exitCode.rawValue) == expectedCode)
    // The same findings when modules are reviewed while they load (as `kurs validate` does).
    #expect(review(path, streaming: true).diagnostics == report.diagnostics)
  }

  @Test(arguments: Fixtures.reviewCases)
  func fixtureIsCleanWithoutTheReview(_ name: String) {
    // Every guessable fixture is a valid course: only the review can see what is wrong.
    let path = Fixtures.review.appendingPathComponent("\(name)/course.xml").path
    let report = review(path, strict: true, review: false)
    #expect(report.diagnostics.isEmpty)
    #expect(report.exitCode == .success)
  }

  @Test func everyCheckHasAFixture() {
    let required = [
      "correct-option-longest", "correct-options-longest-multiple",
      "correct-option-longest-course-wide",
      "correct-answer-same-place", "true-false-always-false", "all-of-the-above",
      "none-of-the-above-russian",
      "hint-gives-count", "hint-gives-count-russian", "nearly-every-option-correct",
      "only-correct-repeats-prompt", "fair", "bilingual-russian-only",
    ]
    for name in required {
      #expect(Fixtures.reviewCases.contains(name), "no fixture for \(name)")
    }
  }

  @Test func everyGuessableFixtureHasExactlyOneFinding() {
    for name in Fixtures.reviewCases where name != "fair" {
      let path = Fixtures.review.appendingPathComponent("\(name)/course.xml").path
      #expect(review(path).diagnostics.count == 1, "\(name)")
    }
  }

  @Test func strictMakesReviewFindingsErrors() {
    let path = Fixtures.review.appendingPathComponent("hint-gives-count/course.xml").path
    let strict = review(path, strict: true)
    #expect(strict.exitCode == .invalid)
    #expect(strict.diagnostics.map(\.severity) == [.error])
    #expect(strict.diagnostics.map(\.stage) == [.review])
  }

  @Test func reviewFindingsAreMarkedInJSON() throws {
    let path = Fixtures.review.appendingPathComponent("all-of-the-above/course.xml").path
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(review(path).json().utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.first?["stage"] as? String == "review")
    #expect(findings.first?["severity"] as? String == "warning")
    #expect(findings.first?["line"] as? Int == 10)
  }

  @Test func shuffledQuestionsDoNotCountForThePlace() throws {
    // The same course as correct-answer-same-place, with shuffle="true" on every question.
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = Fixtures.review.appendingPathComponent("correct-answer-same-place/course.xml")
    let shuffled = try String(contentsOf: source, encoding: .utf8)
      .replacingOccurrences(of: "kind=\"single\"", with: "kind=\"single\" shuffle=\"true\"")
    let file = folder.appendingPathComponent("course.xml")
    try shuffled.write(to: file, atomically: true, encoding: .utf8)
    #expect(review(file.path).diagnostics.isEmpty)
  }

  @Test func storyDecisionsAreNotReviewed() {
    // The example course's only story decision has a long first choice and no correct answer.
    let course = Course(
      id: "c", version: "1", languages: ["en"], defaultLanguage: "en", title: LocalizedText(),
      modules: [
        Module(
          id: "m", title: LocalizedText(), start: "q", passMark: .points(0),
          nodes: [
            Node(
              id: "q",
              kind: .question(
                Question(
                  kind: .single, points: 0, prompt: LocalizedText(),
                  choices: [
                    choice(
                      "a", "Go to the station and ask for the officer's name and badge number",
                      correct: false),
                    choice("b", "Go home", correct: false),
                    choice("c", "All of the above", correct: false),
                  ])), location: location(1))
          ], location: location(1))
      ], location: location(1))
    #expect(ItemReview().review(course).isEmpty)
  }

  @Test func countsAreReadOnlyWhereTheySayHowManyAreRight() {
    #expect(ReviewLanguage.countPhrase(in: "Three answers are right.") == "three answers are right")
    #expect(ReviewLanguage.countPhrase(in: "Only one of them is wrong") == "one of them is wrong")
    #expect(ReviewLanguage.countPhrase(in: "Верны три варианта.") == "верны три")
    #expect(ReviewLanguage.countPhrase(in: "Верных ответов три.") == "верных ответов три")
    #expect(ReviewLanguage.countPhrase(in: "All 4 answers are correct") == "4 answers are correct")
    #expect(ReviewLanguage.countPhrase(in: "Think of the one right she always has.") == nil)
    #expect(ReviewLanguage.countPhrase(in: "Each one is right for someone.") == nil)
    #expect(ReviewLanguage.countPhrase(in: "Two things matter: who and when.") == nil)
    #expect(
      ReviewLanguage.countPhrase(in: "Правильно ли она сделала? Подумайте о двух вещах.") == nil)
  }

  @Test func otherOptionPhrasesInBothLanguages() {
    #expect(ReviewLanguage.otherOptionPhrase(in: "None of the above.") == "none of the above")
    #expect(
      ReviewLanguage.otherOptionPhrase(in: "Всё вышеперечисленное") == "все вышеперечисленное")
    #expect(
      ReviewLanguage.otherOptionPhrase(in: "Ни чего из выше перечисленного")
        == "выше перечисленного")
    #expect(ReviewLanguage.otherOptionPhrase(in: "Ни один из сотрудников не представился") == nil)
    #expect(ReviewLanguage.otherOptionPhrase(in: "She keeps all of her notes above the bed") == nil)
  }

  @Test func stemsJoinFormsOfOneWord() {
    #expect(ReviewLanguage.stem("searched") == ReviewLanguage.stem("search"))
    #expect(ReviewLanguage.stem("complaints") == ReviewLanguage.stem("complaint"))
    #expect(ReviewLanguage.stem("жалобу") == ReviewLanguage.stem("жалоба"))
    #expect(ReviewLanguage.stem("случай") == ReviewLanguage.stem("случаю"))
    #expect(ReviewLanguage.contentStems("What should she do with the copies?") == ["copy"])
  }

  @Test func marinaHasNoGuessableQuestionsAfterIssue18() {
    // Issue 18, finding 1: Courses/marina was guessable (the correct option longest in 12 of 12
    // single-choice questions, 'false' in 7 of 7 true/false, multiple-select mostly correct, hints
    // giving the count). Rewritten, the review finds nothing, even strictly.
    let path = Fixtures.repository.appendingPathComponent("Courses/marina").path
    let report = review(path, streaming: true)
    #expect(report.exitCode == .success)
    #expect(report.diagnostics.map(\.description) == [])
    let strict = review(path, strict: true)
    #expect(strict.exitCode == .success)
    #expect(strict.diagnostics.isEmpty)
    // And `kurs validate --strict` without --review stays clean.
    #expect(self.review(path, strict: true, review: false).diagnostics.isEmpty)
  }

  @Test func reviewIsAnOptionOfValidate() throws {
    let invocation = try CommandLineParser.parse([
      "validate", "Courses/marina", "--review", "--strict",
    ])
    #expect(
      invocation.command
        == .validate(paths: ["Courses/marina"], strict: true, json: false, review: true))
    #expect(
      try CommandLineParser.parse(["validate", "x"]).command
        == .validate(paths: ["x"], strict: false, json: false))
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["stats", "x", "--review"]) }
  }

  private func location(_ line: Int) -> KursKit.SourceLocation {
    KursKit.SourceLocation(file: "c.xml", line: line, column: 1)
  }

  private func choice(_ id: String, _ text: String, correct: Bool) -> Choice {
    Choice(
      id: id, isCorrect: correct, text: LocalizedText(variants: ["en": InlineText(text)]),
      location: location(2))
  }
}
