import Foundation

/// Decides whether the conditions of a branch can all be false at once.
///
/// Flags are tried set and unset; each number a condition reads is tried at the values that
/// matter (each constant it is compared with, one below and one above, and 0). For conditions
/// that compare a value with constants this finds every case; comparisons of two values are
/// covered as far as those values go.
///
/// The work grows with the combinations tried times the size of the conditions, and a course
/// file can make both large (1,000 tests of 450 terms over 16 flags once took minutes). So the
/// work is bounded before it starts: per branch (`branchBudget`) and per course (`Budget`);
/// a branch beyond either is reported as not checked, never silently passed.
enum BranchCoverage {
  /// What the check found.
  enum Outcome: Equatable {
    /// Some condition is true whatever the learner did.
    case covered
    /// Every condition is false under these values (a description).
    case uncovered(String)
    /// Not checked: `combinations` of values times `terms` is more than `branchBudget`.
    case tooLarge(combinations: Int, terms: Int)
    /// Not checked: the course's budget for this check was used up by earlier branches.
    case budgetSpent
  }

  /// The most condition terms evaluated for one branch.
  static let branchBudget = 2_000_000

  /// The most condition terms evaluated for all the branches of one course.
  static let courseBudget = 20_000_000

  /// The terms left for one course's branches, shared by the threads that check its modules.
  final class Budget: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int

    init(_ total: Int = BranchCoverage.courseBudget) { left = total }

    /// Takes `work` from the budget; false (and nothing taken) when not that much is left.
    func take(_ work: Int) -> Bool {
      lock.lock()
      defer { lock.unlock() }
      guard work <= left else { return false }
      left -= work
      return true
    }
  }

  /// A description of values under which every condition is false, or `nil` when none exists
  /// (or the conditions are too large to decide).
  static func uncovered(_ conditions: [Condition]) -> String? {
    if case .uncovered(let example) = check(conditions, budget: Budget()) { return example }
    return nil
  }

  /// Checks whether one of `conditions` is always true, within the budgets.
  static func check(_ conditions: [Condition], budget: Budget) -> Outcome {
    let flags = Array(conditions.reduce(into: Set<String>()) { $0.formUnion($1.flags) }).sorted()
    let values = Array(conditions.reduce(into: Set<Condition.Value>()) { $0.formUnion($1.values) })
      .filter { if case .number = $0 { return false } else { return true } }
      .sorted { $0.description < $1.description }
    let constants = conditions.reduce(into: Set<Int>()) { $0.formUnion($1.constants) }
    var candidates: [[Int]] = values.map { value in
      var set: Set<Int> = [0]
      for constant in constants { set.formUnion([constant - 1, constant, constant + 1]) }
      switch value {
      case .visits, .score: set = set.filter { $0 >= 0 }
      case .percent: set = set.filter { (0...100).contains($0) }
      default: break
      }
      return set.sorted()
    }
    candidates += flags.map { _ in [0, 1] }
    // The work, bounded before any is done: combinations times the terms evaluated in each.
    let terms = conditions.reduce(0) { $0 + $1.size }
    var combinations = 1
    for list in candidates {
      let (product, overflow) = combinations.multipliedReportingOverflow(by: max(list.count, 1))
      combinations = overflow ? Int.max : product
    }
    let (work, overflow) = combinations.multipliedReportingOverflow(by: max(terms, 1))
    if overflow || work > branchBudget {
      return .tooLarge(combinations: combinations, terms: terms)
    }
    guard budget.take(work) else { return .budgetSpent }
    var choice = [Int](repeating: 0, count: candidates.count)
    while true {
      var numbers: [Condition.Value: Int] = [:]
      for (offset, value) in values.enumerated() {
        numbers[value] = candidates[offset][choice[offset]]
      }
      var flagValues: [String: Bool] = [:]
      for (offset, flag) in flags.enumerated() {
        flagValues[flag] = candidates[values.count + offset][choice[values.count + offset]] == 1
      }
      let anyTrue = conditions.contains { condition in
        condition.evaluate(
          flag: { flagValues[$0] ?? false },
          number: { value in
            if case .number(let n) = value { return n }
            return numbers[value] ?? 0
          })
      }
      if !anyTrue {
        var parts = flags.map { "flag(\($0)) is \(flagValues[$0] == true ? "set" : "unset")" }
        parts += values.map { "\($0) is \(numbers[$0] ?? 0)" }
        return .uncovered(parts.isEmpty ? "always" : parts.joined(separator: " and "))
      }
      // Next combination.
      var position = 0
      while position < choice.count {
        choice[position] += 1
        if choice[position] < candidates[position].count { break }
        choice[position] = 0
        position += 1
      }
      if position == choice.count { return .covered }
    }
  }
}
