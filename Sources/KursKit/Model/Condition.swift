/// A condition of a `<when test="…">`, in the small language documented in
/// docs/course-format.md. Parsed once at load time; evaluated by the engine.
public indirect enum Condition: Sendable, Equatable, CustomStringConvertible {
  case constant(Bool)
  case flag(String)
  case not(Condition)
  case and(Condition, Condition)
  case or(Condition, Condition)
  case compare(Value, Comparison, Value)

  /// A number a condition can read.
  public enum Value: Sendable, Equatable, Hashable, CustomStringConvertible {
    case number(Int)
    case counter(String)
    case visits(String)
    case score
    case percent

    public var description: String {
      switch self {
      case .number(let number): return String(number)
      case .counter(let name): return "counter(\(name))"
      case .visits(let node): return "visits(\(node))"
      case .score: return "score"
      case .percent: return "percent"
      }
    }
  }

  public enum Comparison: String, Sendable, Equatable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    public func holds(_ left: Int, _ right: Int) -> Bool {
      switch self {
      case .equal: return left == right
      case .notEqual: return left != right
      case .less: return left < right
      case .lessOrEqual: return left <= right
      case .greater: return left > right
      case .greaterOrEqual: return left >= right
      }
    }
  }

  /// Evaluates the condition against a learner's values.
  /// - Parameters:
  ///   - flag: whether a flag is set.
  ///   - number: the value of a counter, visit count, score or percent.
  public func evaluate(flag: (String) -> Bool, number: (Value) -> Int) -> Bool {
    switch self {
    case .constant(let value): return value
    case .flag(let name): return flag(name)
    case .not(let inner): return !inner.evaluate(flag: flag, number: number)
    case .and(let left, let right):
      return left.evaluate(flag: flag, number: number) && right.evaluate(flag: flag, number: number)
    case .or(let left, let right):
      return left.evaluate(flag: flag, number: number) || right.evaluate(flag: flag, number: number)
    case .compare(let left, let comparison, let right):
      return comparison.holds(number(left), number(right))
    }
  }

  /// The number of terms in this condition: what one evaluation may visit.
  public var size: Int {
    switch self {
    case .constant, .flag, .compare: return 1
    case .not(let inner): return 1 + inner.size
    case .and(let left, let right), .or(let left, let right): return 1 + left.size + right.size
    }
  }

  /// Flags read by this condition.
  public var flags: Set<String> {
    switch self {
    case .constant, .compare: return []
    case .flag(let name): return [name]
    case .not(let inner): return inner.flags
    case .and(let left, let right), .or(let left, let right): return left.flags.union(right.flags)
    }
  }

  /// Numeric values read by this condition.
  public var values: Set<Value> {
    switch self {
    case .constant, .flag: return []
    case .not(let inner): return inner.values
    case .and(let left, let right), .or(let left, let right): return left.values.union(right.values)
    case .compare(let left, _, let right): return [left, right]
    }
  }

  /// Numbers that values are compared with.
  public var constants: Set<Int> {
    switch self {
    case .constant, .flag: return []
    case .not(let inner): return inner.constants
    case .and(let left, let right), .or(let left, let right):
      return left.constants.union(right.constants)
    case .compare(let left, _, let right):
      var numbers: Set<Int> = []
      if case .number(let n) = left { numbers.insert(n) }
      if case .number(let n) = right { numbers.insert(n) }
      return numbers
    }
  }

  public var description: String {
    switch self {
    case .constant(let value): return value ? "true" : "false"
    case .flag(let name): return "flag(\(name))"
    case .not(let inner): return "not \(inner.parenthesized)"
    case .and(let left, let right): return "\(left.parenthesized) and \(right.parenthesized)"
    case .or(let left, let right): return "\(left.parenthesized) or \(right.parenthesized)"
    case .compare(let left, let comparison, let right):
      return "\(left) \(comparison.rawValue) \(right)"
    }
  }

  private var parenthesized: String {
    switch self {
    case .and, .or: return "(\(description))"
    default: return description
    }
  }
}
