import Foundation
import Testing

@testable import KursKit

/// A certificate's transcript shows the steps the engine's one rule says it shows
/// (`Engine.record(of:from:)`), the same rule the journal is written and replayed by
/// (issue 23: Transcript kept its own rule for the pairs of a matching question).
@Suite struct TranscriptTests {
  /// A passing walk through the example course with a look back over a page seen, and the
  /// first pair of each matching question given on its own before the answer.
  static func walk(_ course: Course) throws -> [EngineInput] {
    var inputs = try CertificateFixtures.passingTranscript(course)
    var index = 0
    while index < inputs.count {
      if case .answer(.matches(let pairs)) = inputs[index], pairs.count > 1,
        let first = pairs.sorted(by: { $0.key < $1.key }).first
      {
        inputs.insert(.partialMatches([first.key: first.value]), at: index)
        index += 1
      }
      index += 1
    }
    // start basics, next (to the question), then back to the page and forward again.
    inputs.insert(contentsOf: [.back, .proceed], at: 2)
    return inputs
  }

  @Test func theTranscriptShowsExactlyTheStepsTheEngineSaysItShows() throws {
    let course = try CertificateFixtures.example()
    let engine = Engine(
      course: course, language: course.defaultLanguage, seed: CertificateFixtures.learnerID)
    var state = CourseState()
    var journal: [EngineInput] = []
    var shown: [String] = []
    var kinds: Set<String> = []
    for input in try Self.walk(course) {
      let record = Engine.record(of: input, from: state)
      kinds.insert("\(record)")
      if Engine.records(input, from: state) { journal.append(input) }
      if record == .recorded { shown.append(Transcript.line(for: input, in: state)) }
      state = try engine.apply(input, to: state).state
    }
    // The walk has a step of every kind, so a rule that disagrees on any kind fails here.
    #expect(kinds == ["notRecorded", "journalOnly", "recorded"])
    #expect(journal.contains { if case .partialMatches = $0 { true } else { false } })

    let (replayed, lines) = try Transcript.replay(journal, engine: engine)
    #expect(lines == shown)
    #expect(!lines.contains { $0.hasPrefix("pairs ") || $0 == "back" })
    #expect(replayed.modules.values.map(\.status) == state.modules.values.map(\.status))

    let credential = try CertificateIssuer.issue(
      course: course, learnerID: CertificateFixtures.learnerID, learnerName: "Sveta",
      transcript: journal, date: CertificateFixtures.date)
    #expect(credential.kurs.transcript == shown)
  }
}
