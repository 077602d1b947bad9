import Foundation
import Testing

@testable import KursKit

/// `Engine.records`: the one rule for which steps go into the journal, used by the runner when
/// it writes and by `Replay` when it reads.
@Suite struct StepRecordingTests {
  let course: Course
  let engine: Engine

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  /// A walk through the first module with a look back: the welcome page, back to it from the
  /// question, forward again, then the answer and on.
  let walk: [EngineInput] = [
    .startModule("basics"), .proceed, .back, .proceed, .answer(.choices(["calm"])), .proceed,
  ]

  /// The state without the review: what a resumed learner comes back to.
  func withoutReview(_ state: CourseState) -> CourseState {
    var state = state
    for id in state.modules.keys { state.modules[id]?.reviewIndex = nil }
    return state
  }

  @Test func everyStepIsRecordedButGoingBackOverPagesSeen() throws {
    var state = CourseState()
    var recorded: [Bool] = []
    for input in walk {
      recorded.append(Engine.records(input, from: state))
      state = try engine.apply(input, to: state).state
    }
    #expect(recorded == [true, true, false, false, true, true])
  }

  @Test func anUnrecordedStepChangesNothingButTheReview() throws {
    var state = CourseState()
    for input in walk {
      let step = try engine.apply(input, to: state)
      if !Engine.records(input, from: state) {
        #expect(step.events.isEmpty, "\(input)")
        #expect(withoutReview(step.state) == withoutReview(state), "\(input)")
      }
      state = step.state
    }
  }

  /// The journal of a session (the recorded steps only) replays to the state the learner left.
  @Test func theRecordedStepsReplayToTheSameState() throws {
    var state = CourseState()
    var entries: [Journal.Entry] = []
    for input in walk {
      let step = try engine.apply(input, to: state)
      if Engine.records(input, from: state) {
        entries.append(entry(input, step.events))
      }
      state = step.state
    }
    #expect(entries.count == 4)
    let outcome = Replay.rebuild(entries, engine: engine)
    #expect(outcome.state == state)
    #expect(outcome.gaps.isEmpty)
  }

  /// A step the runner never records, found in a journal anyway (written by hand), is skipped
  /// by replay as the runner would have skipped it: the answers after it still count.
  @Test func replaySkipsAStepTheRuleDoesNotRecord() throws {
    var state = CourseState()
    var entries: [Journal.Entry] = []
    // The walk without the look back: what the runner writes.
    for input in [walk[0], walk[1], walk[4], walk[5]] {
      let step = try engine.apply(input, to: state)
      entries.append(entry(input, step.events))
      state = step.state
    }
    let clean = Replay.rebuild(entries, engine: engine).state
    entries.insert(entry(.back, []), at: 2)
    let withBack = Replay.rebuild(entries, engine: engine)
    #expect(withBack.state == clean)
    #expect(withBack.state.module("basics").scores["stop"] != nil)
  }

  func entry(_ input: EngineInput, _ events: [EngineEvent]) -> Journal.Entry {
    Journal.Entry(
      time: Date(timeIntervalSince1970: 0), course: course.id, courseVersion: course.version,
      digest: course.digest, input: input, events: events)
  }
}
