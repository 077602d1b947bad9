import Foundation

/// What a host needs to see about a cohort: each learner by module, the completion funnel, the
/// score distribution per module, and how each question went. Built from statements alone (the
/// engine events they carry), so imported files and statements pulled from an LRS give the same
/// report.
public struct CohortReport: Codable, Sendable, Equatable {
  public struct ModuleCell: Codable, Sendable, Equatable {
    public var module: String
    /// not-started, in-progress, passed or failed.
    public var status: String
    public var score: Int?
    public var maximum: Int?
    public var attempts: Int
  }

  public struct LearnerRow: Codable, Sendable, Equatable {
    public var pseudonym: String
    public var modules: [ModuleCell]
    public var completed: Bool
    public var lastActivity: String?
    /// Where an unfinished learner is: the last node they reached.
    public var lastNode: String?
  }

  public struct FunnelStep: Codable, Sendable, Equatable {
    public var label: String
    public var count: Int
  }

  public struct Item: Codable, Sendable, Equatable {
    public var module: String
    public var question: String
    public var title: String
    public var answered: Int
    public var correctFirstTry: Int
    /// correctFirstTry / answered, 0 when nobody answered.
    public var shareCorrectFirstTry: Double
    public var commonWrongAnswer: String?
    /// How many learners gave `commonWrongAnswer` (at any try, each learner once).
    public var commonWrongCount: Int
  }

  public struct ModuleSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var maximum: Int
    public var passMark: Int
    /// Best scores of the learners who finished the module at least once.
    public var scores: [Int]
  }

  public var cohort: String
  public var course: String
  public var modules: [ModuleSummary]
  public var learners: [LearnerRow]
  public var funnel: [FunnelStep]
  /// Hardest first: the lowest share correct at the first try.
  public var items: [Item]
  /// Each knowledge test before and after the course (`test="post"`): scores, gains, items.
  public var tests: [KnowledgeTestReport] = []

  /// The report from members' statements (as an LRS or a test hands them over).
  public init(
    cohort: Cohort, course: Course, members: [(pseudonym: String, statements: [Statement])],
    language: String
  ) {
    let summaries = members.enumerated().map { index, member in
      LearnerSummary(
        id: "\(index)", pseudonym: member.pseudonym, seal: "", exported: "",
        statements: member.statements)
    }
    self.init(cohort: cohort, course: course, summaries: summaries, language: language)
  }

  /// The report from the summaries kept at import, one per learner, in the order given.
  public init(cohort: Cohort, course: Course, summaries: [LearnerSummary], language: String) {
    self.cohort = cohort.name
    self.course = course.id
    let engine = Engine(course: course, language: language, seed: "")
    func text(_ localized: LocalizedText, _ fallback: String) -> String {
      localized.resolve(language, fallback: course.defaultLanguage)?.plain ?? fallback
    }
    var rows: [LearnerRow] = []
    rows.reserveCapacity(summaries.count)
    // question key → learners who answered, of them right at the first try, wrong responses
    var answered: [String: Int] = [:]
    var firstTry: [String: Int] = [:]
    var wrong: [String: [String: Int]] = [:]
    var scores: [String: [Int]] = [:]
    for summary in summaries {
      for (key, right) in summary.firstTry {
        answered[key, default: 0] += 1
        if right { firstTry[key, default: 0] += 1 }
      }
      // Learners, not answers: a learner who gave the same wrong answer on three tries counts once.
      for (key, responses) in summary.wrong {
        for response in responses.keys { wrong[key, default: [:]][response, default: 0] += 1 }
      }
      for (module, cell) in summary.modules {
        if let best = cell.best { scores[module, default: []].append(best) }
      }
      let cells = course.modules.map { module -> ModuleCell in
        let cell = summary.modules[module.id]
        return ModuleCell(
          module: module.id, status: cell?.status ?? "not-started", score: cell?.best,
          maximum: cell?.maximum, attempts: cell?.attempts ?? 0)
      }
      rows.append(
        LearnerRow(
          pseudonym: summary.pseudonym, modules: cells, completed: summary.completed,
          lastActivity: summary.lastActivity,
          lastNode: summary.lastNode))
    }
    learners = rows
    modules = course.modules.map { module in
      ModuleSummary(
        id: module.id, title: text(module.title, module.id), maximum: engine.maximum(of: module.id),
        passMark: engine.passMark(of: module), scores: (scores[module.id] ?? []).sorted())
    }
    var funnel = [
      FunnelStep(
        label: "started",
        count: rows.filter { row in row.modules.contains { $0.attempts > 0 } }.count)
    ]
    for module in course.modules {
      funnel.append(
        FunnelStep(
          label: text(module.title, module.id),
          count: rows.filter { row in
            row.modules.contains { $0.module == module.id && $0.status == "passed" }
          }.count))
    }
    funnel.append(FunnelStep(label: "certificate", count: rows.filter(\.completed).count))
    self.funnel = funnel

    var items: [Item] = []
    for module in course.modules {
      for node in module.nodes {
        guard case .question(let question) = node.kind, question.points > 0 else { continue }
        let key = "\(module.id)/\(node.id)"
        let count = answered[key] ?? 0
        let correct = firstTry[key] ?? 0
        let common = wrong[key]?.max {
          $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key)
        }
        items.append(
          Item(
            module: module.id, question: node.id, title: Self.title(of: question, node.id, text),
            answered: count,
            correctFirstTry: correct,
            shareCorrectFirstTry: count == 0 ? 0 : Double(correct) / Double(count),
            commonWrongAnswer: common.map { Self.describe($0.key, question: question, text: text) },
            commonWrongCount: common?.value ?? 0))
      }
    }
    self.items =
      items.filter { $0.answered > 0 }.sorted {
        ($0.shareCorrectFirstTry, -$0.answered, $0.module, $0.question) < (
          $1.shareCorrectFirstTry, -$1.answered, $1.module, $1.question
        )
      } + items.filter { $0.answered == 0 }
    tests = KnowledgeTestReport.reports(
      course: course, summaries: summaries, engine: engine, language: language)
  }

  /// The question's title, else its prompt, else its id.
  static func title(of question: Question, _ id: String, _ text: (LocalizedText, String) -> String)
    -> String
  {
    let title = text(question.title, "")
    if !title.isEmpty { return title }
    let prompt = text(question.prompt, "")
    return prompt.isEmpty ? id : prompt
  }

  /// A recorded response (choice ids) in words, where the course has them.
  static func describe(
    _ response: String, question: Question, text: (LocalizedText, String) -> String
  ) -> String {
    switch question.kind {
    case .single, .multiple, .trueFalse:
      let ids = response.split(separator: ",").map(String.init)
      return ids.map { id in question.choices.first { $0.id == id }.map { text($0.text, id) } ?? id
      }.joined(separator: " + ")
    case .ordering:
      // `b>a>c`: the items' texts in the order the learner put them.
      return response.split(separator: ">").map { id in
        question.items.first { $0.id == id }.map { text($0.text, String(id)) } ?? String(id)
      }.joined(separator: " → ")
    case .matching:
      // `a=b;c=c`: only the pairs the learner got wrong, each left text with the right text chosen.
      let pairs = response.split(separator: ";").compactMap { pair -> (String, String)? in
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(
          String.init)
        return parts.count == 2 ? (parts[0], parts[1]) : nil
      }
      let wrong = pairs.filter { $0.0 != $0.1 }
      return (wrong.isEmpty ? pairs : wrong).map { left, right in
        let leftText = question.pairs.first { $0.id == left }.map { text($0.left, left) } ?? left
        let rightText =
          question.pairs.first { $0.id == right }.map { text($0.right, right) }
          ?? (right.isEmpty ? "?" : right)
        return "\(leftText) → \(rightText)"
      }.joined(separator: "; ")
    }
  }
}
