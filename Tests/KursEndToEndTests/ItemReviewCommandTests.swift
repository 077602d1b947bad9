import Foundation
import Testing

/// `kurs validate --review`, the item-writing review, through the real binary.
@Suite struct ItemReviewCommandTests {
  static let fixtures = KursProcess.repository.appendingPathComponent(
    "Tests/KursKitTests/Fixtures/review")
  static let names: [String] = {
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
  }()

  @Test(arguments: names)
  func reviewPrintsEachFindingWithItsFix(_ name: String) throws {
    let folder = Self.fixtures.appendingPathComponent(name)
    let expected = try String(
      contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)

    let result = try KursProcess.run(["validate", "--review", "course.xml"], in: folder)
    #expect(result.errors == expected)
    #expect(result.exitCode == 0)

    // Without --review the course is valid and clean, even with --strict.
    let plain = try KursProcess.run(["validate", "--strict", "course.xml"], in: folder)
    #expect(plain.exitCode == 0)
    #expect(plain.errors == "valid: 1 course, 1 file, 0 errors, 0 warnings\n")

    // With --strict every review finding is an error.
    let strict = try KursProcess.run(
      ["validate", "--review", "--strict", "course.xml"], in: folder)
    #expect(strict.exitCode == (name == "fair" ? 0 : 1))
    #expect(!strict.errors.contains(": warning: "))
  }

  @Test func reviewOfMarinaFindsNothingAfterIssue18() throws {
    let review = try KursProcess.run(["validate", "--review", "Courses/marina"])
    #expect(review.exitCode == 0)
    #expect(review.errors == "valid: 1 course, 7 files, 0 errors, 0 warnings\n")
    let strict = try KursProcess.run(["validate", "--review", "--strict", "Courses/marina"])
    #expect(strict.exitCode == 0)
    #expect(strict.errors == "valid: 1 course, 7 files, 0 errors, 0 warnings\n")
    let validate = try KursProcess.run(["validate", "--strict", "Courses/marina"])
    #expect(validate.exitCode == 0)
    #expect(validate.errors == "valid: 1 course, 7 files, 0 errors, 0 warnings\n")
  }

  @Test func reviewJSONMarksTheStage() throws {
    let result = try KursProcess.run(
      ["validate", "--review", "--json", "hint-gives-count-russian/course.xml"], in: Self.fixtures)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.count == 1)
    #expect(findings.first?["stage"] as? String == "review")
    #expect(findings.first?["line"] as? Int == 12)
    #expect((findings.first?["message"] as? String)?.contains("'правильных ответов два'") == true)
  }

  @Test func helpExplainsTheReview() throws {
    let help = try KursProcess.run(["help", "validate"])
    #expect(help.output.contains("--review"))
    let unknown = try KursProcess.run(["stats", "example", "--review"])
    #expect(unknown.exitCode == 64)
    #expect(unknown.errors.contains("'kurs stats' has no option --review"))
  }
}
