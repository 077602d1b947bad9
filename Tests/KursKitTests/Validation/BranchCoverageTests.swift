import Foundation
import Testing

@testable import KursKit

/// The branch-coverage check does bounded work, and says so when a branch is beyond it.
@Suite struct BranchCoverageTests {
  /// A course with `branches` branches without `<otherwise>`, each with `tests` tests of
  /// `terms` `false` terms and, last, a test over `flags` flags that is always true.
  static func hostileCourse(branches: Int, tests: Int, terms: Int, flags: Int) -> String {
    let falseTest = Array(repeating: "false", count: terms).joined(separator: " or ")
    let alwaysTrue =
      "not flag(f0) or " + (0..<flags).map { "flag(f\($0))" }.joined(separator: " or ")
    let sets = (0..<flags).map { #"<set flag="f\#($0)"/>"# }.joined()
    var nodes = """
        <question id="q" kind="single" next="b0">
          <prompt>Which?</prompt>
          <choice id="x" correct="true"><text>X</text>\(sets)</choice>
          <choice id="y"><text>Y</text></choice>
        </question>

      """
    for branch in 0..<branches {
      let next = branch + 1 < branches ? "b\(branch + 1)" : "done"
      nodes += "    <branch id=\"b\(branch)\">\n"
      for _ in 0..<tests { nodes += "      <when test=\"\(falseTest)\" goto=\"\(next)\"/>\n" }
      nodes += "      <when test=\"\(alwaysTrue)\" goto=\"\(next)\"/>\n    </branch>\n"
    }
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="hostile" version="1.0" languages="en" default-language="en">
      <title>Hostile</title>
      <module id="m" start="q" pass-mark="0">
        <title>M</title>
      \(nodes)    <end id="done" outcome="pass"/>
      </module>
      </course>

      """
  }

  func findings(_ xml: String) throws -> [Diagnostic] {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(xml.utf8).write(to: folder.appendingPathComponent("course.xml"))
    return validate(folder.path).diagnostics
  }

  @Test func aBranchTooLargeToCheckIsAnErrorThatSaysSo() throws {
    // 65,536 combinations of 16 flags times 20 tests of 40 terms: 52 million evaluations.
    let found = try findings(Self.hostileCourse(branches: 1, tests: 20, terms: 40, flags: 16))
    let branch = try #require(found.first { $0.message.contains("branch 'b0'") }, "\(found)")
    #expect(branch.severity == .error)
    #expect(
      branch.message.contains(
        "its conditions are too large to check that one of them always holds (1614 terms under 65536 combinations of flags and values"
      ))
    #expect(branch.message.contains("add <otherwise goto=\"…\"/>"))
  }

  @Test func theCourseBudgetEndsTheCheckAfterManyBranches() throws {
    // Each branch: 1,024 combinations of 10 flags times about 1,900 terms, just under the
    // budget of one branch; eleven of them are more than the course's budget.
    let found = try findings(Self.hostileCourse(branches: 11, tests: 4, terms: 235, flags: 10))
    let spent = found.filter { $0.message.contains("used up the work Kurs spends") }
    #expect(spent.count == 1, "\(found.map(\.message))")
    #expect(spent.first?.message.contains("branch 'b10'") == true)
    #expect(!found.contains { $0.message.contains("too large") })
  }

  @Test func complementaryComparisonsCoverEverything() throws {
    let conditions = try ["score >= 5", "score < 5"].map(ConditionParser.parse)
    #expect(BranchCoverage.uncovered(conditions) == nil)
  }

  @Test func aFlagAndItsNegationCoverEverything() throws {
    let conditions = try ["flag(a)", "not flag(a)"].map(ConditionParser.parse)
    #expect(BranchCoverage.uncovered(conditions) == nil)
  }

  @Test func aGapIsShownWithAnExample() throws {
    let conditions = try ["counter(x) > 2", "counter(x) < 2"].map(ConditionParser.parse)
    #expect(BranchCoverage.uncovered(conditions) == "counter(x) is 2")
  }

  @Test func aSmallBranchIsStillCheckedExactly() {
    let conditions = [Condition.and(.flag("a"), .compare(.score, .greaterOrEqual, .number(1)))]
    #expect(
      BranchCoverage.check(conditions, budget: BranchCoverage.Budget())
        == .uncovered("flag(a) is unset and score is 0"))
    #expect(
      BranchCoverage.check([.or(.flag("a"), .not(.flag("a")))], budget: BranchCoverage.Budget())
        == .covered)
  }
}
