/// Where a learner is in a course and what they have done: everything the engine needs, and
/// nothing it cannot rebuild by replaying the learner's inputs.
public struct CourseState: Sendable, Equatable, Codable {
  public var modules: [String: ModuleState] = [:]
  /// The module the learner is in, if any.
  public var currentModule: String?
  public var completed = false

  public init() {}

  public func module(_ id: String) -> ModuleState { modules[id] ?? ModuleState() }
}

/// One module's state for one learner.
public struct ModuleState: Sendable, Equatable, Codable {
  public enum Status: String, Sendable, Equatable, Codable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case passed
    case failed
    /// Ended at a neutral end: done, without a pass or fail.
    case completed
  }

  /// What the learner sees at the current node.
  public enum Phase: Sendable, Equatable, Codable {
    /// The node itself: a page, or a question waiting for an answer.
    case showing
    /// The feedback on the final answer to the current question.
    case feedback(answer: LearnerAnswer, points: Int, isCorrect: Bool)
    /// The end of the module.
    case ended
  }

  public var status: Status = .notStarted
  /// Whether the learner has passed this module in any run: a pass is never lost by a retake.
  public var passedBefore = false
  public var node: String?
  public var phase: Phase = .showing
  public var flags: Set<String> = []
  public var counters: [String: Int] = [:]
  public var visits: [String: Int] = [:]
  /// Points per answered question (the latest answer counts).
  public var scores: [String: Int] = [:]
  /// Wrong tries so far on the current question.
  public var tries = 0
  /// The last wrong answer to the current question, for its feedback on the retry.
  public var lastWrongAnswer: LearnerAnswer?
  /// Matching answered one pair at a time: the pairs given so far at the current question.
  public var pendingMatches: [String: String]?
  /// Pages passed on the way to the current node, for going back.
  public var history: [String] = []
  /// When the learner went back: the position in `history` being shown again.
  public var reviewIndex: Int?
  /// How many times the learner started this module.
  public var runs = 0
  /// The score of the last finished run.
  public var lastScore: Int?
  /// The best score of any finished run.
  public var bestScore: Int?

  public init() {}

  /// The module score so far.
  public var score: Int { scores.values.reduce(0, +) }
}
