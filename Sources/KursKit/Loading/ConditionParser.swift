/// Parses the condition language of `<when test="…">` (docs/course-format.md).
///
/// Grammar:
/// ```
/// or      := and ("or" and)*
/// and     := unary ("and" unary)*
/// unary   := "not" unary | primary
/// primary := "(" or ")" | "true" | "false" | "flag(" NAME ")" | value OP value
/// value   := NUMBER | "score" | "percent" | "counter(" NAME ")" | "visits(" NAME ")"
/// OP      := "=" | "!=" | "<" | "<=" | ">" | ">=" | "eq" | "ne" | "lt" | "le" | "gt" | "ge"
/// ```
public struct ConditionParser {
  /// A parse error, with the 0-based character offset in the condition text.
  public struct ParseError: Error, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String
    public var description: String { message }
  }

  private enum Token: Equatable {
    case word(String)
    case number(Int)
    case symbol(String)
    case end
  }

  private var tokens: [(token: Token, offset: Int)] = []
  private var position = 0
  private var depth = 0

  /// Parses `text` into a condition.
  /// - Throws: `ParseError` saying what was expected and where.
  public static func parse(_ text: String) throws(ParseError) -> Condition {
    var parser = ConditionParser()
    try parser.tokenize(Array(text.unicodeScalars))
    let condition = try parser.parseOr()
    guard parser.current == .end else {
      throw ParseError(
        offset: parser.currentOffset,
        message: "unexpected \(parser.describe(parser.current)) after a complete condition")
    }
    return condition
  }

  private var current: Token { tokens[position].token }
  private var currentOffset: Int { tokens[position].offset }

  private mutating func tokenize(_ scalars: [Unicode.Scalar]) throws(ParseError) {
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar.properties.isWhitespace {
        index += 1
      } else if scalar.properties.numericType == .decimal && scalar.isASCII {
        let start = index
        var value = 0
        while index < scalars.count, scalars[index].isASCII,
          let digit = Int(String(scalars[index]))
        {
          let (multiplied, overflow1) = value.multipliedReportingOverflow(by: 10)
          let (added, overflow2) = multiplied.addingReportingOverflow(digit)
          guard !overflow1, !overflow2, added <= 1_000_000_000 else {
            throw ParseError(offset: start, message: "number too large (at most 1000000000)")
          }
          value = added
          index += 1
        }
        tokens.append((.number(value), start))
      } else if scalar.properties.isAlphabetic || scalar == "_" {
        let start = index
        var word = ""
        while index < scalars.count,
          scalars[index].properties.isAlphabetic || scalars[index] == "_" || scalars[index] == "-"
            || (scalars[index].properties.numericType != nil)
        {
          word.unicodeScalars.append(scalars[index])
          index += 1
        }
        tokens.append((.word(word), start))
      } else {
        let start = index
        let two =
          index + 1 < scalars.count ? String(scalars[index]) + String(scalars[index + 1]) : ""
        if ["<=", ">=", "!=", "=="].contains(two) {
          tokens.append((.symbol(two == "==" ? "=" : two), start))
          index += 2
        } else if ["(", ")", "<", ">", "="].contains(String(scalar)) {
          tokens.append((.symbol(String(scalar)), start))
          index += 1
        } else {
          throw ParseError(offset: start, message: "unexpected character '\(scalar)'")
        }
      }
    }
    tokens.append((.end, scalars.count))
  }

  private func describe(_ token: Token) -> String {
    switch token {
    case .word(let word): return "'\(word)'"
    case .number(let number): return "'\(number)'"
    case .symbol(let symbol): return "'\(symbol)'"
    case .end: return "end of condition"
    }
  }

  private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

  private mutating func expect(_ symbol: String, after what: String) throws(ParseError) {
    guard current == .symbol(symbol) else {
      throw ParseError(
        offset: currentOffset, message: "expected '\(symbol)' \(what), found \(describe(current))")
    }
    advance()
  }

  private mutating func parseOr() throws(ParseError) -> Condition {
    var left = try parseAnd()
    while current == .word("or") {
      advance()
      left = .or(left, try parseAnd())
    }
    return left
  }

  private mutating func parseAnd() throws(ParseError) -> Condition {
    var left = try parseUnary()
    while current == .word("and") {
      advance()
      left = .and(left, try parseUnary())
    }
    return left
  }

  private mutating func parseUnary() throws(ParseError) -> Condition {
    if current == .word("not") {
      advance()
      return .not(try nested { (parser) throws(ParseError) in try parser.parseUnary() })
    }
    return try parsePrimary()
  }

  /// Bounds nesting so that a hostile condition cannot exhaust the stack.
  private mutating func nested(
    _ body: (inout ConditionParser) throws(ParseError) -> Condition
  ) throws(ParseError) -> Condition {
    depth += 1
    defer { depth -= 1 }
    guard depth <= 64 else {
      throw ParseError(
        offset: currentOffset, message: "condition nested too deeply (at most 64 levels)")
    }
    return try body(&self)
  }

  private mutating func parsePrimary() throws(ParseError) -> Condition {
    switch current {
    case .symbol("("):
      advance()
      let inner = try nested { (parser) throws(ParseError) in try parser.parseOr() }
      try expect(")", after: "to close '('")
      return inner
    case .word("true"):
      advance()
      return .constant(true)
    case .word("false"):
      advance()
      return .constant(false)
    case .word("flag"):
      advance()
      return .flag(try parseName(of: "flag"))
    default:
      let left = try parseValue()
      guard let comparison = parseComparison() else {
        throw ParseError(
          offset: currentOffset,
          message:
            "expected a comparison (=, !=, <, <=, >, >=) after '\(left)', found \(describe(current))"
        )
      }
      let right = try parseValue()
      return .compare(left, comparison, right)
    }
  }

  private mutating func parseComparison() -> Condition.Comparison? {
    let words: [String: Condition.Comparison] = [
      "eq": .equal, "ne": .notEqual, "lt": .less, "le": .lessOrEqual, "gt": .greater,
      "ge": .greaterOrEqual,
    ]
    switch current {
    case .symbol(let symbol):
      guard let comparison = Condition.Comparison(rawValue: symbol) else { return nil }
      advance()
      return comparison
    case .word(let word):
      guard let comparison = words[word] else { return nil }
      advance()
      return comparison
    default: return nil
    }
  }

  private mutating func parseValue() throws(ParseError) -> Condition.Value {
    switch current {
    case .number(let number):
      advance()
      return .number(number)
    case .word("score"):
      advance()
      return .score
    case .word("percent"):
      advance()
      return .percent
    case .word("counter"):
      advance()
      return .counter(try parseName(of: "counter"))
    case .word("visits"):
      advance()
      return .visits(try parseName(of: "visits"))
    case .word(let word) where ["and", "or", "not"].contains(word):
      throw ParseError(
        offset: currentOffset,
        message: "expected a number, score, percent, counter(…) or visits(…), found '\(word)'")
    case .word(let word):
      throw ParseError(
        offset: currentOffset,
        message:
          "unknown name '\(word)': write flag(\(word)), counter(\(word)) or visits(\(word)), or use score, percent, true, false"
      )
    default:
      throw ParseError(
        offset: currentOffset, message: "expected a condition, found \(describe(current))")
    }
  }

  private mutating func parseName(of function: String) throws(ParseError) -> String {
    try expect("(", after: "after '\(function)'")
    guard case .word(let name) = current else {
      throw ParseError(
        offset: currentOffset,
        message: "expected a name inside \(function)(…), found \(describe(current))")
    }
    advance()
    try expect(")", after: "to close \(function)(")
    return name
  }
}
