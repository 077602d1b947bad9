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
  /// In a knowledge test the points are not shown while it is taken.
  public var hidesScore: Bool = false
  /// About how many steps the module has on the way the learner is going: the steps so far and
  /// the fewest steps from here to an end.
  public var expectedSteps: Int = 0
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
  /// Matching answered one pair at a time: the pairs given so far (left id → right id).
  public var pendingMatches: [String: String] = [:]
}

public struct FeedbackScreen: Sendable, Equatable {
  public var nodeID: String
  /// In a knowledge test: the answer is saved and nothing about it is shown yet.
  public var isWithheld: Bool = false
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
  /// Multiple select: each choice the learner chose and each right one they left out, by the
  /// number it was shown with, in the order shown.
  public var verdicts: [ChoiceVerdict] = []
  /// The right answer by the numbers shown, one per line of `correctAnswer`: the right choices
  /// in the order shown, the items in the right order, or the left sides in the order shown.
  public var expectedNumbers: [Int] = []
  /// Matching: the position (from 0) of the letter each number of `expectedNumbers` goes with.
  public var expectedLetters: [Int] = []
  /// Why the answer earned less than every point.
  public var pointsLost: [PointsLost] = []
  /// The kind of the question, for how the expected answer reads.
  public var kind: Question.Kind = .single
}

/// How one choice of a multiple-select answer went.
public struct ChoiceVerdict: Sendable, Equatable {
  /// The number the choice was shown with.
  public var number: Int
  public var wasChosen: Bool
  /// Whether the choice is one of the right ones.
  public var isCorrect: Bool
  public var feedback: InlineText?
}

/// Why a final answer earned less than every point.
public enum PointsLost: Sendable, Equatable {
  /// The answer came at try `attempt`; each try after the first costs `penalty`; `afterHint`
  /// when a hint was shown on the way.
  case laterTry(attempt: Int, penalty: Int, afterHint: Bool)
  /// Right choices left out, by the numbers shown.
  case missed([Int])
  /// Wrong choices chosen, by the numbers shown.
  case wronglyChosen([Int])
  /// Ordering and matching: how many were in the right place, of how many.
  case inPlace(Int, of: Int)
}

/// A question of the module just ended that earned less than every point, for review.
public struct MissedQuestion: Sendable, Equatable {
  public var nodeID: String
  public var prompt: InlineText
  public var points: Int
  public var maximum: Int
  /// The question's explanation (its general feedback), if any.
  public var explanation: InlineText?
}

public struct ModuleEndScreen: Sendable, Equatable {
  public var moduleID: String
  /// The end of a pre-test: no score is shown.
  public var isWithheld: Bool = false
  /// The end of a post-test: each item before and after, with its explanation.
  public var testReview: TestReview?
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
  /// The questions of this run that earned less than every point, in course order.
  public var missed: [MissedQuestion] = []
}

/// What a learner sees at the end of a post-test: each item of the knowledge test before and
/// after the course, with the right answer and its explanation.
public struct TestReview: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var nodeID: String
    public var prompt: InlineText
    /// Whether the answer earned every point, before (`nil` when not answered) and after.
    public var rightBefore: Bool?
    public var rightAfter: Bool
    public var correctAnswer: [InlineText]
    public var explanation: InlineText?
  }
  public var scoreBefore: Int
  public var scoreAfter: Int
  public var maximum: Int
  public var items: [Item]
}
