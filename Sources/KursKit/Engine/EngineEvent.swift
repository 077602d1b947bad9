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
public enum EngineRefusal: Error, Sendable, Equatable {
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
}
