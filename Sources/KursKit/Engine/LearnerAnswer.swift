/// A learner's answer to a question, by ids (not by the numbers shown, which depend on order).
public enum LearnerAnswer: Sendable, Equatable, Codable {
  /// Single, multiple and true-false: the chosen choice ids.
  case choices([String])
  /// Ordering: item ids in the learner's order.
  case order([String])
  /// Matching: left pair id → the pair id whose right side the learner chose.
  case matches([String: String])

  /// A short, stable text of the answer for records: `a,c`, `b>a>c`, `x=y;z=w`.
  public var response: String {
    switch self {
    case .choices(let ids): return ids.joined(separator: ",")
    case .order(let ids): return ids.joined(separator: ">")
    case .matches(let pairs):
      return pairs.keys.sorted().map { "\($0)=\(pairs[$0] ?? "")" }.joined(separator: ";")
    }
  }
}
