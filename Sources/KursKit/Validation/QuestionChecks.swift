/// Checks that a question's answers fit its kind and can be answered correctly.
struct QuestionChecks {
  let node: Node
  let question: Question

  func run(_ findings: inout Findings) {
    let id = node.id
    duplicates(question.choices.map { ($0.id, $0.location) }, what: "choice", &findings)
    duplicates(question.items.map { ($0.id, $0.location) }, what: "item", &findings)
    duplicates(question.pairs.map { ($0.id, $0.location) }, what: "pair", &findings)
    let correct = question.choices.filter(\.isCorrect).count
    switch question.kind {
    case .single, .multiple, .trueFalse:
      guard question.items.isEmpty, question.pairs.isEmpty else {
        findings.error(
          node.location,
          "question '\(id)' of kind \(question.kind.rawValue) needs <choice> elements, not <item> or <pair>"
        )
        return
      }
      if question.choices.count < 2 {
        findings.error(
          node.location, "question '\(id)' has \(question.choices.count) choice; give at least two")
      }
      // A single question worth 0 points with no correct choice is a story decision.
      let isDecision = question.kind == .single && question.points == 0 && correct == 0
      if correct == 0 && !isDecision {
        findings.error(
          node.location,
          "question '\(id)' has no correct answer; mark one choice correct=\"true\"\(question.kind == .single ? ", or make it a story decision with points=\"0\"" : "")"
        )
      }
      if question.kind != .multiple && correct > 1 {
        let ids = question.choices.filter(\.isCorrect).map { "'\($0.id)'" }.joined(separator: ", ")
        findings.error(
          node.location,
          "\(question.kind == .single ? "single-choice" : "true/false") question '\(id)' has \(correct) correct choices (\(ids)); mark exactly one, or make it kind=\"multiple\""
        )
      }
      if question.kind == .trueFalse {
        let ids = Set(question.choices.map(\.id))
        if ids != ["true", "false"] || question.choices.count != 2 {
          findings.error(
            node.location,
            "true/false question '\(id)' needs exactly two choices, id=\"true\" and id=\"false\"")
        }
      } else {
        for choice in question.choices where choice.text.isEmpty {
          findings.error(
            choice.location, "choice '\(choice.id)' has no <text>; write what the learner chooses")
        }
      }
    case .ordering:
      guard question.choices.isEmpty, question.pairs.isEmpty else {
        findings.error(
          node.location,
          "ordering question '\(id)' needs <item> elements in the correct order, not <choice> or <pair>"
        )
        return
      }
      if question.items.count < 2 {
        findings.error(
          node.location,
          "ordering question '\(id)' has \(question.items.count) item; give at least two")
      }
    case .matching:
      guard question.choices.isEmpty, question.items.isEmpty else {
        findings.error(
          node.location, "matching question '\(id)' needs <pair> elements, not <choice> or <item>")
        return
      }
      if question.pairs.count < 2 {
        findings.error(
          node.location,
          "matching question '\(id)' has \(question.pairs.count) pair; give at least two")
      }
    }
    if question.attempts > 1, question.penalty * (question.attempts - 1) > question.points {
      findings.warning(
        node.location,
        "question '\(id)': the penalty for the last try (\(question.penalty * (question.attempts - 1))) is more than its \(question.points) points; a correct last try earns nothing"
      )
    }
  }
}
