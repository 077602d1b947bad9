/// Decides whether the conditions of a branch can all be false at once.
///
/// Flags are tried set and unset; each number a condition reads is tried at the values that
/// matter (each constant it is compared with, one below and one above, and 0). For conditions
/// that compare a value with constants this finds every case; comparisons of two values are
/// covered as far as those values go.
enum BranchCoverage {
  /// The most combinations tried before giving up (the check then reports nothing).
  static let limit = 100_000

  /// A description of values under which every condition is false, or `nil` when none exists
  /// (or the conditions are too large to decide).
  static func uncovered(_ conditions: [Condition]) -> String? {
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
    var total = 1
    for list in candidates {
      total = total.multipliedReportingOverflow(by: max(list.count, 1)).partialValue
      if total > limit || total <= 0 { return nil }
    }
    var choice = [Int](repeating: 0, count: candidates.count)
    while true {
      var numbers: [Condition.Value: Int] = [:]
      for (offset, value) in values.enumerated() { numbers[value] = candidates[offset][choice[offset]] }
      var flagValues: [String: Bool] = [:]
      for (offset, flag) in flags.enumerated() { flagValues[flag] = candidates[values.count + offset][choice[values.count + offset]] == 1 }
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
        return parts.isEmpty ? "always" : parts.joined(separator: " and ")
      }
      // Next combination.
      var position = 0
      while position < choice.count {
        choice[position] += 1
        if choice[position] < candidates[position].count { break }
        choice[position] = 0
        position += 1
      }
      if position == choice.count { return nil }
    }
  }
}
