/// A fact the engine reports with each step, for the learner's records.
public enum EngineEvent: Sendable, Equatable, Codable {
  case moduleStarted(module: String, run: Int)
  case nodeEntered(module: String, node: String)
  case hintShown(module: String, question: String, hint: Int)
  case answered(
    module: String, question: String, response: String, points: Int, maximum: Int,
    isCorrect: Bool, attempt: Int, isFinal: Bool)
  case moduleEnded(module: String, status: ModuleState.Status, score: Int, maximum: Int)
  case courseCompleted(score: Int)
}

/// What the learner did: the engine's input. A learner's inputs, replayed, rebuild their state.
public enum EngineInput: Sendable, Equatable, Codable {
  case startModule(String)
  /// Go on from a page, a feedback screen or a review.
  case proceed
  case answer(LearnerAnswer)
  case back
  /// Matching answered one pair at a time: the pairs so far (left id → right id), kept so that
  /// a half-entered answer survives a stop. Not an answer: it costs no try.
  case partialMatches([String: String])
}

/// Why the engine could not take an input; the state is unchanged.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownModule(String)
  case moduleLocked(module: String, missing: [String])
  case notInAModule
  case cannotGoBack
  case notAQuestion
  case answerDoesNotFit
  /// The course routes through branches forever without showing anything.
  case branchLoop(module: String, node: String)
  /// A knowledge test is taken once: taking it again would spoil the measure.
  case testTaken(module: String)

  /// The refusal in words (a certificate's replay reports it).
  public var description: String {
    switch self {
    case .unknownModule(let id): return "the course has no module '\(id)'"
    case .moduleLocked(let module, let missing):
      return
        "module '\(module)' is locked until \(missing.map { "'\($0)'" }.joined(separator: ", ")) is passed"
    case .notInAModule: return "no module is in progress at this point"
    case .cannotGoBack: return "the course does not allow going back here"
    case .notAQuestion: return "the step does not fit what the course shows at this point"
    case .answerDoesNotFit:
      return "the answer does not name the question's own choices in the shape its kind needs"
    case .branchLoop(let module, let node):
      return "module '\(module)' loops through branches at '\(node)'"
    case .testTaken(let module): return "the knowledge test '\(module)' was taken already"
    }
  }
}
