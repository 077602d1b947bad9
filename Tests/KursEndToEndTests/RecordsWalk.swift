import Foundation
import KursKit

/// A learner's way through a whole course, played in the Swift engine: every input, the steps
/// the runner records (`Engine.records`) with their events, and the session's marks, as the
/// runner's `SessionRecorder` sees them. A seeded generator picks the answers (mostly right,
/// sometimes wrong, sometimes one matching pair at a time) and sometimes goes back a page, so
/// each seed is another path; a failed module is taken again.
struct RecordsWalk {
  struct Step {
    var input: EngineInput?
    var session: Journal.SessionMark?
    var events: [EngineEvent]
    /// The learner's module before the step (`SessionRecorder.entry`'s `currentModule`).
    var currentModule: String?
  }

  /// The recorded steps and marks, in order.
  var steps: [Step] = []
  /// The state after the last input.
  var state = CourseState()

  /// The inputs of the recorded steps: what the journal replays and the certificate's
  /// transcript holds.
  var recordedInputs: [EngineInput] { steps.compactMap(\.input) }

  init(engine: Engine, seed: UInt64, rightAnswers: Double = 0.8, limit: Int = 3_000) throws {
    var random = SeededGenerator(seed: seed)
    let explorer = PathExplorer(engine: engine)
    let course = engine.course
    steps.append(Step(session: .launched, events: [], currentModule: nil))
    var screen: Screen?
    var recorded = 0
    for _ in 0..<limit {
      var input: EngineInput?
      switch screen {
      case nil:
        // The first module the learner may take (a knowledge test is taken once).
        for module in course.modules where !state.module(module.id).passedBefore {
          if (try? engine.apply(.startModule(module.id), to: state)) != nil {
            input = .startModule(module.id)
            break
          }
        }
      case .page?, .feedback?:
        if Double.random(in: 0..<1, using: &random) < 0.15,
          (try? engine.apply(.back, to: state)) != nil
        {
          input = .back
        } else {
          input = .proceed
        }
      case .question(let asked)?:
        let question = course.module(state.currentModule ?? "")?.node(asked.nodeID).flatMap {
          node -> Question? in
          if case .question(let question) = node.kind { return question }
          return nil
        }
        guard let question else { return }
        let candidates = explorer.candidates(asked, question)
        let right = candidates.firstIndex { candidate in
          switch candidate.0 {
          case .choices(let ids) where question.kind == .single || question.kind == .trueFalse:
            return ids.allSatisfy { id in question.choices.contains { $0.id == id && $0.isCorrect }
            }
          default: return true
          }
        }
        if question.kind == .matching,
          state.module(state.currentModule ?? "").pendingMatches == nil,
          Double.random(in: 0..<1, using: &random) < 0.3, let first = question.pairs.first
        {
          input = .partialMatches([first.id: first.id])
        } else if Double.random(in: 0..<1, using: &random) < rightAnswers, let right {
          input = .answer(candidates[right].0)
        } else if let any = candidates.randomElement(using: &random) {
          input = .answer(any.0)
        }
      case .moduleEnd(let end)?:
        if state.completed { return }
        if end.status == .failed,
          (try? engine.apply(.startModule(end.moduleID), to: state)) != nil
        {
          input = .startModule(end.moduleID)
        } else {
          screen = nil
          continue
        }
      }
      guard let input else { return }
      let before = state
      let step = try engine.apply(input, to: before)
      if Engine.records(input, from: before) {
        steps.append(Step(input: input, events: step.events, currentModule: before.currentModule))
        recorded += 1
        // Now and then the learner stops and comes back.
        if recorded % 17 == 0 {
          steps.append(
            Step(session: .suspended, events: [], currentModule: step.state.currentModule))
          steps.append(Step(session: .resumed, events: [], currentModule: step.state.currentModule))
        }
      }
      state = step.state
      screen = step.screen
    }
  }
}

/// `SessionRecorder.entry` with a test's clock and ids: the registration of each module run is
/// taken first, then the step's id, then the time.
struct RecorderMirror {
  var registrations: [String: String] = [:]
  private var ids = 0
  private var times = 0
  let course: Course
  /// The first entry's time, in milliseconds since 1970.
  static let start = 1_796_000_000_000.0

  init(course: Course) { self.course = course }

  /// `00000000-0000-4000-8000-000000000001`, …: the ids the page's driver makes too.
  mutating func newID() -> String {
    ids += 1
    let digits = String(ids)
    return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
  }

  /// The time of the next entry: 1234.125 ms after the one before.
  mutating func now() -> Date {
    defer { times += 1 }
    return Date(timeIntervalSince1970: (Self.start + Double(times) * 1234.125) / 1000)
  }

  mutating func entry(_ step: RecordsWalk.Step) -> Journal.Entry {
    for case .moduleStarted(let module, _) in step.events { registrations[module] = newID() }
    let module =
      step.events.lazy.compactMap { event -> String? in
        if case .moduleStarted(let module, _) = event { return module }
        return nil
      }.first ?? step.currentModule
    let id = newID()
    return Journal.Entry(
      id: id, time: now(), course: course.id, courseVersion: course.version, digest: course.digest,
      registration: module.flatMap { registrations[$0] },
      attempt: module.flatMap { registrations[$0] }, input: step.input, session: step.session,
      events: step.events)
  }
}
