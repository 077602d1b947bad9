/// A learner's inputs as readable lines, for the certificate, and their replay through the
/// engine. One line per input:
///
/// ```
/// start basics                 start a module
/// next                         go on from a page or a feedback screen
/// back                         back to the previous page
/// answer stop calm             answer question 'stop' with choice 'calm'
/// answer what-to-note time,who several choices
/// answer order b>a>c           an order
/// answer match a=b;b=c;c=a     matching pairs
/// ```
///
/// Ids have no spaces, commas, `>`, `;` or `=` (the course schema allows letters, digits, `_`
/// and `-`), so a line always splits one way.
public enum Transcript {
  /// Why a transcript cannot be replayed: the step (1-based), its text and the reason.
  public struct ReplayError: Error, Equatable, CustomStringConvertible {
    public var step: Int
    public var text: String
    public var reason: String

    public var description: String { "transcript step \(step) ('\(text)'): \(reason)" }
  }

  /// The line for one input, given the state before it (which question an answer is for).
  static func line(for input: EngineInput, in state: CourseState) -> String {
    switch input {
    case .startModule(let id): return "start \(id)"
    case .proceed: return "next"
    case .back: return "back"
    case .answer(let answer):
      let question = state.currentModule.flatMap { state.module($0).node } ?? "?"
      return "answer \(question) \(answer.response)"
    case .partialMatches(let pairs):
      let question = state.currentModule.flatMap { state.module($0).node } ?? "?"
      return "pairs \(question) \(LearnerAnswer.matches(pairs).response)"
    }
  }

  /// Replays `inputs` (a journal's), returning the final state and the line of each step the
  /// transcript shows.
  /// - Throws: `ReplayError` at the first input the engine refuses.
  static func replay(_ inputs: [EngineInput], engine: Engine) throws(ReplayError) -> (
    CourseState, [String]
  ) {
    var state = CourseState()
    var lines: [String] = []
    // The steps the engine says a transcript shows (`Engine.record(of:from:)`), and only those:
    // pairs given one at a time are journalled only to survive a stop (the answer that follows
    // carries them), and going back over pages seen is never journalled.
    for (index, input) in inputs.enumerated() {
      guard Engine.record(of: input, from: state) == .recorded else { continue }
      let line = line(for: input, in: state)
      do {
        state = try engine.apply(input, to: state).state
      } catch {
        throw ReplayError(step: index + 1, text: line, reason: error.description)
      }
      lines.append(line)
    }
    return (state, lines)
  }

  /// Replays transcript lines, as read from a certificate, returning the final state and the
  /// lines as Kurs writes them (an answer's pairs in order, for instance).
  /// - Throws: `ReplayError` at the first line that is not a step, names another question than
  ///   the one the course asks at that point, or that the engine refuses.
  static func replay(lines: [String], engine: Engine) throws(ReplayError) -> (CourseState, [String])
  {
    var state = CourseState()
    var written: [String] = []
    for (index, line) in lines.enumerated() {
      // A certificate is a file anyone can edit: keep what a message quotes from it short.
      func failure(_ reason: String) -> ReplayError {
        ReplayError(
          step: index + 1, text: String(line.prefix(200)), reason: String(reason.prefix(300)))
      }
      let input = try parse(line, in: state, course: engine.course, failure: failure)
      written.append(self.line(for: input, in: state))
      do {
        state = try engine.apply(input, to: state).state
      } catch {
        throw failure(error.description)
      }
    }
    return (state, written)
  }

  /// One line as an engine input; answers are read by the kind of the question asked.
  private static func parse(
    _ line: String, in state: CourseState, course: Course, failure: (String) -> ReplayError
  ) throws(ReplayError) -> EngineInput {
    let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    switch words.first {
    case "next" where words.count == 1: return .proceed
    case "back" where words.count == 1: return .back
    case "start" where words.count == 2: return .startModule(words[1])
    case "answer" where words.count == 3:
      let questionID = words[1]
      guard let moduleID = state.currentModule, let module = course.module(moduleID),
        let nodeID = state.module(moduleID).node
      else { throw failure("there is no question to answer at this point") }
      guard nodeID == questionID else {
        throw failure(
          "the step answers question '\(questionID)', but at this point the course asks '\(nodeID)'"
        )
      }
      guard let node = module.node(nodeID), case .question(let question) = node.kind else {
        throw failure("'\(nodeID)' is not a question")
      }
      guard let answer = answer(words[2], kind: question.kind) else {
        throw failure("'\(words[2])' is not an answer to a \(question.kind.rawValue) question")
      }
      return .answer(answer)
    default:
      throw failure(
        "not a step; steps are 'start MODULE', 'next', 'back' or 'answer QUESTION ANSWER'")
    }
  }

  /// Reads an answer written as `LearnerAnswer.response` for a question of `kind`.
  static func answer(_ text: String, kind: Question.Kind) -> LearnerAnswer? {
    guard !text.isEmpty else { return nil }
    switch kind {
    case .single, .multiple, .trueFalse:
      let ids = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return ids.contains(where: \.isEmpty) ? nil : .choices(ids)
    case .ordering:
      let ids = text.split(separator: ">", omittingEmptySubsequences: false).map(String.init)
      return ids.contains(where: \.isEmpty) ? nil : .order(ids)
    case .matching:
      var pairs: [String: String] = [:]
      for pair in text.split(separator: ";", omittingEmptySubsequences: false) {
        let sides = pair.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty, pairs[sides[0]] == nil else {
          return nil
        }
        pairs[sides[0]] = sides[1]
      }
      return .matches(pairs)
    }
  }
}
