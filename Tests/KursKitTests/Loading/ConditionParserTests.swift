import Testing

@testable import KursKit

@Suite struct ConditionParserTests {
  @Test func andBindsTighterThanOr() throws {
    let condition = try ConditionParser.parse("flag(a) or flag(b) and flag(c)")
    #expect(condition == .or(.flag("a"), .and(.flag("b"), .flag("c"))))
  }

  @Test func notBindsTighterThanAnd() throws {
    let condition = try ConditionParser.parse("not flag(a) and flag(b)")
    #expect(condition == .and(.not(.flag("a")), .flag("b")))
  }

  @Test func comparisonsAcceptSymbolsAndWords() throws {
    #expect(
      try ConditionParser.parse("score >= 3") == .compare(.score, .greaterOrEqual, .number(3)))
    #expect(
      try ConditionParser.parse("counter(x) lt 2") == .compare(.counter("x"), .less, .number(2)))
    #expect(
      try ConditionParser.parse("visits(n) = 1") == .compare(.visits("n"), .equal, .number(1)))
    #expect(
      try ConditionParser.parse("percent != 50") == .compare(.percent, .notEqual, .number(50)))
  }

  @Test func namesMayBeCyrillic() throws {
    #expect(try ConditionParser.parse("flag(смелая)") == .flag("смелая"))
  }

  @Test func parenthesesGroup() throws {
    let condition = try ConditionParser.parse("(flag(a) or flag(b)) and true")
    #expect(condition == .and(.or(.flag("a"), .flag("b")), .constant(true)))
  }

  @Test func errorsSayWhatWasExpectedAndWhere() {
    #expect(
      throws: ConditionParser.ParseError(
        offset: 8,
        message: "expected a comparison (=, !=, <, <=, >, >=) after 'score', found end of condition"
      )
    ) {
      try ConditionParser.parse("score   ")
    }
    #expect(
      throws: ConditionParser.ParseError(
        offset: 0,
        message:
          "unknown name 'brave': write flag(brave), counter(brave) or visits(brave), or use score, percent, true, false"
      )
    ) {
      try ConditionParser.parse("brave")
    }
    #expect(
      throws: ConditionParser.ParseError(
        offset: 8, message: "expected ')' to close '(', found end of condition")
    ) {
      try ConditionParser.parse("(flag(a)")
    }
    #expect(throws: ConditionParser.ParseError(offset: 6, message: "unexpected character '$'")) {
      try ConditionParser.parse("score $ 3")
    }
  }

  @Test func deepNestingIsRefusedNotOverflowed() {
    let text =
      String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000)
    #expect(throws: ConditionParser.ParseError.self) { try ConditionParser.parse(text) }
    let nots = String(repeating: "not ", count: 10_000) + "true"
    #expect(throws: ConditionParser.ParseError.self) { try ConditionParser.parse(nots) }
  }

  @Test func evaluationReadsFlagsAndNumbers() throws {
    let condition = try ConditionParser.parse("flag(a) and counter(c) >= 2 or score > 9")
    let values: [Condition.Value: Int] = [.counter("c"): 2, .score: 0]
    #expect(condition.evaluate(flag: { $0 == "a" }, number: { values[$0] ?? 0 }))
    #expect(!condition.evaluate(flag: { _ in false }, number: { values[$0] ?? 0 }))
  }
}
