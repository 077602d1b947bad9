/// What the runner shows: texts already in the learner's language, numbers already worked out.
/// The terminal front end only lays it out.
public enum Screen: Sendable, Equatable {
  case page(PageScreen)
  case question(QuestionScreen)
  case feedback(FeedbackScreen)
  case moduleEnd(ModuleEndScreen)
}

/// Where the learner is, for the progress line.
public struct Position: Sendable, Equatable {
  public var moduleIndex: Int
  public var moduleCount: Int
  public var moduleTitle: String
  /// Displayed steps so far in this run (pages and questions entered).
  public var step: Int
  public var score: Int
  public var maximum: Int
}

public struct PageScreen: Sendable, Equatable {
  public var nodeID: String
  public var title: InlineText?
  public var blocks: [Block]
  public var canGoBack: Bool
  /// The learner went back: this page is shown again and nothing is recorded.
  public var isReview: Bool
  public var position: Position
}

public struct QuestionScreen: Sendable, Equatable {
  public struct Option: Sendable, Equatable {
    /// The id the answer uses.
    public var id: String
    public var text: InlineText
  }

  public var nodeID: String
  public var kind: Question.Kind
  public var title: InlineText?
  public var context: [Block]
  public var prompt: InlineText
  /// Choices, items (ordering) or left sides (matching), in the order shown, numbered from 1.
  public var options: [Option]
  /// Matching only: the right sides in the order shown, lettered from a.
  public var matches: [Option]
  public var points: Int
  public var attemptsLeft: Int
  /// Hints revealed so far (one per wrong try).
  public var hints: [InlineText]
  /// After a wrong try: the feedback of what was chosen.
  public var retryFeedback: [InlineText]
  /// True when the last try was wrong and another is allowed.
  public var isRetry: Bool
  /// A story decision: no right or wrong.
  public var isDecision: Bool
  public var canGoBack: Bool
  public var position: Position
}

public struct FeedbackScreen: Sendable, Equatable {
  public var nodeID: String
  public var isCorrect: Bool
  public var isDecision: Bool
  public var points: Int
  public var maximum: Int
  /// Feedback of each chosen choice.
  public var choiceFeedback: [InlineText]
  public var generalFeedback: InlineText?
  /// When the final answer was not fully right: the right answer, as text lines.
  public var correctAnswer: [InlineText]
  public var position: Position
}

public struct ModuleEndScreen: Sendable, Equatable {
  public var moduleID: String
  public var title: InlineText?
  public var blocks: [Block]
  public var outcome: End.Outcome
  public var status: ModuleState.Status
  public var score: Int
  public var maximum: Int
  public var passMark: Int
  /// The module after this one in the course, if any.
  public var nextModule: String?
  public var position: Position
}
