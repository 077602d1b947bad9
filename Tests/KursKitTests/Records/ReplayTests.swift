import Foundation
import Testing

@testable import KursKit

/// Replay follows what the journal says happened, by node id, also across steps that were
/// never saved.
@Suite struct ReplayTests {
  let course: Course
  let engine: Engine
  let folder: URL

  /// A course of eight single-choice questions in a row; answer "a" is right.
  init() throws {
    folder = try makeTemporaryDirectory()
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="quiz" version="1" languages="en" default-language="en">
      <title xml:lang="en">Quiz</title><module id="m" start="q0" pass-mark="1"><title xml:lang="en">M</title>

      """
    for index in 0..<8 {
      text += """
        <question id="q\(index)" kind="single" points="1" next="\(index == 7 ? "done" : "q\(index + 1)")">\
        <prompt xml:lang="en">Q\(index)?</prompt><choice id="a" correct="true"><text xml:lang="en">A</text></choice>\
        <choice id="b"><text xml:lang="en">B</text></choice></question>

        """
    }
    text +=
      #"<end id="done" outcome="pass"><title xml:lang="en">End</title></end></module></course>"#
    let courseFolder = folder.appendingPathComponent("quiz")
    try FileManager.default.createDirectory(at: courseFolder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: courseFolder.appendingPathComponent("course.xml"))
    let result = CourseLoader().load(path: courseFolder.path)
    course = try #require(result.course, "\(result.diagnostics)")
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  /// Plays `inputs`, writing only the steps `saved` lets through (as a full disk did before Kurs
  /// stopped at a failed save), and returns the state the learner saw.
  func play(_ inputs: [EngineInput], to journal: Journal, saved: (Int) -> Bool) throws
    -> CourseState
  {
    var state = CourseState()
    for (index, input) in inputs.enumerated() {
      let step = try engine.apply(input, to: state)
      state = step.state
      if saved(index) {
        try journal.append(
          Journal.Entry(
            time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
            input: input, events: step.events),
          course: course)
      }
    }
    return state
  }

  /// Start, then "a" and Enter for each of the first `count` questions.
  func inputs(answering count: Int) -> [EngineInput] {
    [.startModule("m")]
      + Array(repeating: [EngineInput.answer(.choices(["a"])), .proceed], count: count).flatMap {
        $0
      }
  }

  @Test func answersAfterAGapStayWithTheirQuestionsAndTheGapIsReportedWithItsLine() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1")
    // Steps 3 to 6 (answers and Enters of q1 to q2) were never saved.
    let played = try play(inputs(answering: 6), to: journal, saved: { !(3...6).contains($0) })
    let (entries, _) = try journal.read()
    let outcome = Replay.rebuild(entries, engine: engine)
    let module = outcome.state.module("m")
    #expect(module.node == played.module("m").node, "the learner continues where the journal ends")
    #expect(module.node == "q6")
    #expect(
      Set(module.scores.keys) == ["q0", "q3", "q4", "q5"],
      "each saved answer counts for its own question")
    #expect(module.score == 4)
    let gap = try #require(outcome.gaps.first)
    #expect(outcome.gaps.count == 1)
    #expect(gap.module == "m" && gap.journalNode == "q3" && gap.replayedNode == "q1")
    // The answer to q3 is the fourth step in the file, on the line after the first three steps.
    let q3 = try #require(
      entries.first {
        $0.events.contains {
          if case .answered(_, "q3", _, _, _, _, _, _) = $0 { true } else { false }
        }
      })
    #expect(gap.line == q3.line && gap.line > 1)
  }

  @Test func aWholeJournalHasNoGap() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1")
    let played = try play(inputs(answering: 8), to: journal, saved: { _ in true })
    let outcome = Replay.rebuild(try journal.read().entries, engine: engine)
    #expect(outcome.gaps.isEmpty)
    #expect(outcome.state == played)
  }

  @Test func aLostEnterIsAGapTooAndTheNextAnswerStaysWithItsQuestion() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let journal = Journal(
      url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1")
    _ = try play(
      [.startModule("m"), .answer(.choices(["a"])), .proceed, .answer(.choices(["b"]))],
      to: journal, saved: { $0 != 2 })
    let outcome = Replay.rebuild(try journal.read().entries, engine: engine)
    // The Enter after q0 was lost: the wrong answer to q1 is still q1's, not a second answer to q0.
    #expect(outcome.gaps.map(\.journalNode) == ["q1"])
    #expect(outcome.state.module("m").scores == ["q0": 1, "q1": 0])
  }

  /// A wrong first try that was lost: the second try keeps its number (and its penalty).
  @Test func aLostWrongTryIsAGapAndTheSavedTryKeepsItsNumber() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = try String(
      contentsOf: folder.appendingPathComponent("quiz/course.xml"), encoding: .utf8
    )
    .replacingOccurrences(
      of: #"<question id="q0" kind="single" points="1""#,
      with: #"<question id="q0" kind="single" points="2" attempts="2" penalty="1""#)
    try Data(text.utf8).write(to: folder.appendingPathComponent("quiz/course.xml"))
    let course = try #require(
      CourseLoader().load(path: folder.appendingPathComponent("quiz").path).course)
    let engine = Engine(course: course, language: "en", seed: "learner-1")
    let journal = Journal(
      url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1")
    var state = CourseState()
    for (index, input) in [
      EngineInput.startModule("m"), .answer(.choices(["b"])), .answer(.choices(["a"])),
    ].enumerated() {
      let step = try engine.apply(input, to: state)
      state = step.state
      guard index != 1 else { continue }
      try journal.append(
        Journal.Entry(
          time: Date(), course: course.id, courseVersion: course.version, digest: course.digest,
          input: input, events: step.events),
        course: course)
    }
    let outcome = Replay.rebuild(try journal.read().entries, engine: engine)
    #expect(outcome.gaps.map(\.journalNode) == ["q0"])
    // All but the lost wrong answer itself, which no record holds.
    var expected = state
    expected.modules["m"]?.lastWrongAnswer = nil
    #expect(outcome.state == expected)
    #expect(outcome.state.module("m").scores == ["q0": 1])
  }
}
