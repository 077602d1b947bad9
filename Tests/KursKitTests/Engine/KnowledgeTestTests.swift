import Foundation
import Testing

@testable import KursKit

/// Knowledge tests before and after a course: measured, never taught or counted.
@Suite struct KnowledgeTestTests {
  let course: Course
  let engine: Engine

  init() throws {
    let path = Fixtures.root.appendingPathComponent("courses/knowledge").path
    course = try #require(CourseLoader().load(path: path).course)
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  func play(_ inputs: [EngineInput], from state: CourseState = CourseState()) throws -> Engine.Step
  {
    var state = state
    var last: Engine.Step?
    for input in inputs {
      let step = try engine.apply(input, to: state)
      state = step.state
      last = step
    }
    return try #require(last)
  }

  @Test func theFixtureIsValidAndCountsOnlyTheLesson() {
    #expect(
      validate(Fixtures.root.appendingPathComponent("courses/knowledge").path, strict: true)
        .diagnostics == [])
    #expect(course.scoredModules.map(\.id) == ["lesson"])
  }

  @Test func aWrongAnswerInAPreTestIsFinalAfterOneTryWithNothingShown() throws {
    let step = try play([.startModule("before"), .answer(.choices(["nothing"]))])
    guard case .feedback(let feedback) = step.screen else {
      Issue.record("expected the answer's screen, got \(step.screen)")
      return
    }
    #expect(feedback.isWithheld)
    #expect(
      feedback.choiceFeedback.isEmpty && feedback.generalFeedback == nil
        && feedback.correctAnswer.isEmpty)
    #expect(feedback.position.hidesScore)
    #expect(
      step.state.module("before").scores["q-stop"] == 0,
      "one try, although the question gives three")
    #expect(!step.events.contains { if case .hintShown = $0 { return true } else { return false } })
  }

  @Test func theQuestionScreenOffersOneTryAndNoHints() throws {
    let step = try play([.startModule("before")])
    guard case .question(let question) = step.screen else {
      Issue.record("expected a question")
      return
    }
    #expect(question.attemptsLeft == 1)
    #expect(question.hints.isEmpty)
    #expect(question.position.hidesScore)
  }

  @Test func thePreTestEndsWithoutAScoreAndIsTakenOnce() throws {
    let step = try play([
      .startModule("before"), .answer(.choices(["nothing"])), .proceed, .answer(.choices(["true"])),
      .proceed,
    ])
    guard case .moduleEnd(let end) = step.screen else {
      Issue.record("expected the end of the module")
      return
    }
    #expect(end.isWithheld)
    #expect(end.testReview == nil)
    #expect(throws: EngineError.testTaken(module: "before")) {
      try engine.apply(.startModule("before"), to: step.state)
    }
  }

  @Test func thePostTestShowsEachItemBeforeAndAfterAndTheCourseCompletesAfterIt() throws {
    let before = try play([
      .startModule("before"), .answer(.choices(["nothing"])), .proceed, .answer(.choices(["true"])),
      .proceed,
    ])
    let lesson = try play([.startModule("lesson"), .proceed], from: before.state)
    #expect(
      !engine.isComplete(lesson.state),
      "the post-test is part of finishing when completion names no modules")
    let after = try play(
      [
        .startModule("after"), .answer(.choices(["name"])), .proceed, .answer(.choices(["false"])),
        .proceed,
      ], from: lesson.state)
    guard case .moduleEnd(let end) = after.screen, let review = end.testReview else {
      Issue.record("expected the review at the end of the post-test")
      return
    }
    #expect(review.scoreBefore == 1 && review.scoreAfter == 2 && review.maximum == 3)
    #expect(review.items.map(\.nodeID) == ["q-stop", "q-true"])
    #expect(review.items.map(\.rightBefore) == [false, true])
    #expect(review.items.map(\.rightAfter) == [true, false])
    #expect(review.items[0].correctAnswer.map(\.plain) == ["His name and the reason for the stop"])
    #expect(review.items[1].explanation?.plain == "The date ties the complaint to the events.")
    #expect(engine.isComplete(after.state))
    #expect(after.events.contains(.courseCompleted(score: 0)), "the tests add nothing to the total")
  }

  @Test func theCertificateListsOnlyTheModulesThatCount() throws {
    var state = try play([
      .startModule("before"), .answer(.choices(["name"])), .proceed, .answer(.choices(["true"])),
      .proceed,
    ]).state
    state = try play([.startModule("lesson"), .proceed], from: state).state
    state = try play(
      [
        .startModule("after"), .answer(.choices(["name"])), .proceed, .answer(.choices(["true"])),
        .proceed,
      ], from: state
    ).state
    let inputs: [EngineInput] = [
      .startModule("before"), .answer(.choices(["name"])), .proceed, .answer(.choices(["true"])),
      .proceed,
      .startModule("lesson"), .proceed,
      .startModule("after"), .answer(.choices(["name"])), .proceed, .answer(.choices(["true"])),
      .proceed,
    ]
    let credential = try CertificateIssuer.issue(
      course: course, learnerID: "learner-1", learnerName: "Ana", transcript: inputs, date: Date(),
      language: "en")
    #expect(credential.kurs.modules.map(\.id) == ["lesson"])
    #expect(CertificateVerifier.verify(credential, against: course) == [])
  }

  @Test func normalisedGainIsTheShareOfWhatWasLeftToGain() {
    #expect(KnowledgeTestReport.normalizedGain(before: 2, after: 8, maximum: 10) == 0.75)
    #expect(KnowledgeTestReport.normalizedGain(before: 10, after: 10, maximum: 10) == nil)
    #expect(KnowledgeTestReport.normalizedGain(before: 4, after: 2, maximum: 10) == -2.0 / 6.0)
  }

  /// A cohort whose gains are known in advance.
  @Test func theCohortReportShowsGainsPerLearnerForTheGroupAndPerItem() throws {
    func summary(_ name: String, before: Int, after: Int?, items: [String: (Bool, Bool?)])
      -> LearnerSummary
    {
      var modules = [
        "before": LearnerSummary.Module(status: "passed", attempts: 1, best: before, maximum: 3)
      ]
      if let after {
        modules["after"] = LearnerSummary.Module(
          status: "passed", attempts: 1, best: after, maximum: 3)
      }
      var firstTry: [String: Bool] = [:]
      for (item, (pre, post)) in items {
        firstTry["before/\(item)"] = pre
        if let post { firstTry["after/\(item)"] = post }
      }
      return LearnerSummary(
        id: name, pseudonym: name, seal: "", last: "", count: 1, lastActivity: nil,
        completed: after != nil, lastNode: nil,
        modules: modules, firstTry: firstTry, wrong: [:])
    }
    let summaries = [
      summary(
        "Ana", before: 1, after: 3, items: ["q-stop": (false, true), "q-true": (true, true)]),
      summary(
        "Bea", before: 0, after: 2, items: ["q-stop": (false, true), "q-true": (false, false)]),
      summary(
        "Cai", before: 2, after: nil, items: ["q-stop": (true, nil), "q-true": (false, nil)]),
    ]
    let report = CohortReport(
      cohort: Cohort(
        name: "spring", course: "knowledge", code: "knowledge-AAAAAA", created: Date()),
      course: course,
      summaries: summaries, language: "en")
    let test = try #require(report.tests.first)
    #expect(report.tests.count == 1)
    #expect(test.preTest == "before" && test.postTest == "after" && test.maximum == 3)
    #expect(test.learners.map(\.gain) == [2, 2, nil])
    #expect(test.learners.map(\.normalizedGain) == [1.0, 2.0 / 3.0, nil])
    #expect(test.meanBefore == 0.5 && test.meanAfter == 2.5 && test.meanGain == 2.0)
    #expect(test.normalizedGain == 2.0 / 2.5)
    let stop = try #require(test.items.first { $0.question == "q-stop" })
    #expect(stop.answeredBoth == 2 && stop.wrongToRight == 2 && stop.rightToWrong == 0)
    let date = try #require(test.items.first { $0.question == "q-true" })
    #expect(date.answeredBoth == 2 && date.rightBoth == 1 && date.wrongBoth == 1)

    let text = report.text()
    #expect(text.contains("  Ana: before 1, after 3, gain +2, normalised gain 1.00"))
    #expect(text.contains("  Cai: before 2, after -"))
    #expect(
      text.contains(
        "  group (took both: 2): before 0.50, after 2.50, gain 2.00, normalised gain 0.80"))
    #expect(text.contains("  q-stop: 2 of 2 from wrong to right, 0 from right to wrong"))
    let csv = report.csv()
    #expect(
      csv.hasPrefix(
        "\u{FEFF}learner,module,status,score,maximum,attempts,certificate,last_activity,after_before,after_after,after_gain,after_normalized_gain\r\n"
      ))
    #expect(csv.contains("Bea,lesson,not-started,,,0,yes,,0,2,2,0.67\r\n"))
    let html = report.html()
    #expect(
      html.contains("<h2 id=\"test-after\">Knowledge test before and after: After the course</h2>"))
    #expect(html.contains("<tr><td>Ana</td><td>1</td><td>3</td><td>+2</td><td>1.00</td></tr>"))
    let json = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
    let tests = try #require(json["tests"] as? [[String: Any]])
    #expect(tests.first?["normalizedGain"] as? Double == 0.8)
  }
}
