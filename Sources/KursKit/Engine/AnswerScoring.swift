/// How an answer scores (docs/course-format.md, "How answers score").
public enum AnswerScoring {
  /// The share of the question an answer gets right, from 0 to 1, and whether it is fully right.
  public static func correctness(of answer: LearnerAnswer, to question: Question) -> (
    fraction: Double, isCorrect: Bool
  ) {
    switch (question.kind, answer) {
    case (.single, .choices(let ids)), (.trueFalse, .choices(let ids)):
      let correct = question.choices.first(where: \.isCorrect)?.id
      let right = ids.count == 1 && ids.first == correct
      return (right ? 1 : 0, right)
    case (.multiple, .choices(let ids)):
      let correct = Set(question.choices.filter(\.isCorrect).map(\.id))
      let chosen = Set(ids)
      let right = chosen.intersection(correct).count
      let wrong = chosen.subtracting(correct).count
      guard !correct.isEmpty else { return (0, false) }
      let fraction = max(0, Double(right - wrong) / Double(correct.count))
      return (fraction, chosen == correct)
    case (.ordering, .order(let ids)):
      let expected = question.items.map(\.id)
      guard !expected.isEmpty else { return (0, false) }
      let inPlace = zip(ids, expected).filter { $0 == $1 }.count
      return (Double(inPlace) / Double(expected.count), ids == expected)
    case (.matching, .matches(let pairs)):
      guard !question.pairs.isEmpty else { return (0, false) }
      let matched = question.pairs.filter { pairs[$0.id] == $0.id }.count
      return (Double(matched) / Double(question.pairs.count), matched == question.pairs.count)
    default:
      return (0, false)
    }
  }

  /// Points for an answer at try number `attempt` (1-based): partial or all-or-nothing, minus
  /// the penalty for each try after the first, never below zero.
  public static func points(for answer: LearnerAnswer, to question: Question, attempt: Int) -> Int {
    let (fraction, isCorrect) = correctness(of: answer, to: question)
    let earned: Int
    switch question.scoring {
    case .allOrNothing: earned = isCorrect ? question.points : 0
    case .partial:
      earned =
        isCorrect ? question.points : Int((Double(question.points) * fraction).rounded(.down))
    }
    guard earned > 0 else { return 0 }
    return max(0, earned - question.penalty * max(0, attempt - 1))
  }
}
