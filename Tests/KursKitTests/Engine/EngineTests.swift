import Foundation
import Testing

@testable import KursKit

@Suite struct EngineTests {
  let course: Course
  let engine: Engine

  init() throws {
    course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  func play(_ inputs: [EngineInput], from state: CourseState = CourseState()) throws -> Engine.Step
  {
    var step = Engine.Step(
      screen: .page(
        PageScreen(
          nodeID: "", title: nil, blocks: [], canGoBack: false, isReview: false,
          position: Position(
            moduleIndex: 0, moduleCount: 0, moduleTitle: "", step: 0, score: 0, maximum: 0))),
      state: state, events: [])
    for input in inputs { step = try engine.apply(input, to: step.state) }
    return step
  }

  /// Replay takes the state without the screen: it must move and refuse exactly as `apply`.
  @Test func stateAfterAnInputIsApplyWithoutTheScreen() throws {
    let answers: [LearnerAnswer] = [
      .choices(["calm"]), .choices(["run"]), .choices(["a", "b"]), .order(["x"]), .matches([:]),
    ]
    let inputs: [EngineInput] =
      course.modules.map { .startModule($0.id) } + [.startModule("nowhere"), .proceed, .back]
      + answers.map { .answer($0) }
    // A fixed pseudo-random walk (a linear congruential generator), the same on every run.
    var seed: UInt64 = 2026
    for _ in 0..<20 {
      var state = CourseState()
      var refused = 0
      for _ in 0..<200 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let input = inputs[Int(seed >> 33) % inputs.count]
        let applied = Result { () throws(EngineError) in try engine.apply(input, to: state) }
        let moved = Result { () throws(EngineError) in try engine.state(after: input, from: state)
        }
        switch (applied, moved) {
        case (.success(let step), .success(let next)):
          #expect(step.state == next.state && step.events == next.events, "\(input)")
          state = next.state
        case (.failure(let left), .failure(let right)):
          #expect(left == right, "\(input)")
          refused += 1
        default:
          Issue.record("apply and state(after:) disagree on \(input): \(applied) / \(moved)")
        }
      }
      #expect(refused < 200)
    }
  }

  @Test func startShowsTheFirstPage() throws {
    let step = try play([.startModule("basics")])
    guard case .page(let page) = step.screen else {
      Issue.record("expected a page")
      return
    }
    #expect(page.nodeID == "welcome")
    #expect(page.title?.plain == "Welcome")
    #expect(step.events.contains(.moduleStarted(module: "basics", run: 1)))
  }

  @Test func lockedModuleIsRefusedWithWhatIsMissing() {
    #expect(throws: EngineError.moduleLocked(module: "practice", missing: ["basics"])) {
      try engine.apply(.startModule("practice"), to: CourseState())
    }
  }

  @Test func correctAnswerScoresAndFollowsTheChoiceGoto() throws {
    let step = try play([.startModule("basics"), .proceed, .answer(.choices(["calm"]))])
    guard case .feedback(let feedback) = step.screen else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.isCorrect)
    #expect(feedback.points == 2)
    #expect(step.state.module("basics").flags.contains("asked-name"))
    let next = try engine.apply(.proceed, to: step.state)
    guard case .page(let page) = next.screen else {
      Issue.record("expected a page")
      return
    }
    #expect(page.nodeID == "notes")
  }

  @Test func wrongTryShowsAHintAndNeverCountsTwice() throws {
    let step = try play([.startModule("basics"), .proceed, .answer(.choices(["run"]))])
    guard case .question(let question) = step.screen else {
      Issue.record("expected the question again")
      return
    }
    #expect(question.isRetry)
    #expect(question.attemptsLeft == 1)
    #expect(question.hints.map(\.plain) == ["Think about what would help a complaint later."])
    #expect(step.events.contains(.hintShown(module: "basics", question: "stop", hint: 1)))
    // The second try is right: 2 points minus a penalty of 1.
    let second = try engine.apply(.answer(.choices(["calm"])), to: step.state)
    guard case .feedback(let feedback) = second.screen else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.points == 1)
  }

  @Test func lastWrongTryShowsTheExpectedAnswer() throws {
    let step = try play([
      .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["run"])),
    ])
    guard case .feedback(let feedback) = step.screen else {
      Issue.record("expected feedback")
      return
    }
    #expect(!feedback.isCorrect)
    #expect(feedback.points == 0)
    #expect(
      feedback.correctAnswer.map(\.plain) == [
        "Stay calm and ask for the officer's name and badge number."
      ])
  }

  @Test func multipleSelectGivesPartialCredit() throws {
    let step = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time", "weather"])),
    ])
    guard case .feedback(let feedback) = step.screen else {
      Issue.record("expected feedback")
      return
    }
    // (1 right − 1 wrong) ÷ 2 correct × 3 points = 0.
    #expect(feedback.points == 0)
    let better = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time"])),
    ])
    guard case .feedback(let partial) = better.screen else {
      Issue.record("expected feedback")
      return
    }
    #expect(partial.points == 1)
  }

  @Test func branchRoutesOnFlagsAndCounters() throws {
    let prepared = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time", "place"])), .proceed,
    ])
    guard case .page(let page) = prepared.screen else {
      Issue.record("expected a page")
      return
    }
    #expect(page.nodeID == "well-prepared")
    let review = try play([
      .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["run"])),
      .proceed, .proceed,
      .answer(.choices(["weather"])), .proceed,
    ])
    guard case .page(let reviewPage) = review.screen else {
      Issue.record("expected a page")
      return
    }
    #expect(reviewPage.nodeID == "review")
  }

  @Test func moduleEndPassesOnlyAtThePassMark() throws {
    let passed = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time", "place"])), .proceed, .proceed,
    ])
    #expect(passed.state.module("basics").status == .passed)
    #expect(
      passed.events.contains(.moduleEnded(module: "basics", status: .passed, score: 5, maximum: 5)))
    let failed = try play([
      .startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["run"])),
      .proceed, .proceed,
      .answer(.choices(["weather"])), .proceed, .proceed,
    ])
    #expect(failed.state.module("basics").status == .failed)
  }

  @Test func orderingAndMatchingScoreByPlace() throws {
    let passedBasics = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time", "place"])), .proceed, .proceed,
    ])
    let step = try play(
      [
        .startModule("practice"), .answer(.order(["write", "copies", "complain"])), .proceed,
        .answer(.matches(["ombudsperson": "prosecutor", "prosecutor": "ombudsperson"])),
      ], from: passedBasics.state)
    guard case .feedback(let feedback) = step.screen else {
      Issue.record("expected feedback")
      return
    }
    #expect(feedback.points == 0)
    #expect(step.state.module("practice").scores["order"] == 2)
    let done = try engine.apply(
      .answer(.choices(["false"])), to: try engine.apply(.proceed, to: step.state).state)
    let end = try engine.apply(.proceed, to: done.state)
    #expect(end.state.module("practice").status == .passed)
    #expect(end.state.completed)
    #expect(end.events.contains(.courseCompleted(score: 8)))
  }

  @Test func answersThatDoNotFitAreRefusedAndChangeNothing() throws {
    let state = try play([.startModule("basics"), .proceed]).state
    #expect(throws: EngineError.answerDoesNotFit) {
      try engine.apply(.answer(.choices(["nope"])), to: state)
    }
    #expect(throws: EngineError.answerDoesNotFit) {
      try engine.apply(.answer(.choices(["calm", "run"])), to: state)
    }
    #expect(throws: EngineError.answerDoesNotFit) {
      try engine.apply(.answer(.order(["calm"])), to: state)
    }
  }

  @Test func backShowsThePreviousPageAgainWithoutRecording() throws {
    let state = try play([.startModule("basics"), .proceed]).state
    let back = try engine.apply(.back, to: state)
    guard case .page(let page) = back.screen else {
      Issue.record("expected a page")
      return
    }
    #expect(page.nodeID == "welcome")
    #expect(page.isReview)
    #expect(back.events.isEmpty)
    let forward = try engine.apply(.proceed, to: back.state)
    guard case .question(let question) = forward.screen else {
      Issue.record("expected the question")
      return
    }
    #expect(question.nodeID == "stop")
    #expect(forward.state.module("basics").visits["welcome"] == 1)
  }

  @Test func backIsRefusedWhereTheModuleForbidsIt() throws {
    let passed = try play([
      .startModule("basics"), .proceed, .answer(.choices(["calm"])), .proceed, .proceed,
      .answer(.choices(["time", "place"])), .proceed, .proceed,
    ])
    let state = try play([.startModule("practice")], from: passed.state).state
    #expect(throws: EngineError.cannotGoBack) { try engine.apply(.back, to: state) }
  }

  @Test func shufflesAreStablePerLearnerAndDifferBetweenLearners() throws {
    let question = try #require(course.module("practice")?.node("match")).kind
    guard case .question(let matching) = question else { return }
    let first = engine.displayOrder(of: matching, id: "practice/match")
    let again = Engine(course: course, language: "en", seed: "learner-1").displayOrder(
      of: matching, id: "practice/match")
    #expect(first == again)
    #expect(first.matches.map(\.id) != matching.pairs.map(\.id))
  }

  @Test func russianLearnerSeesRussianText() throws {
    let russian = Engine(course: course, language: "ru", seed: "x")
    let step = try russian.apply(.startModule("basics"), to: CourseState())
    guard case .page(let page) = step.screen else { return }
    #expect(page.title?.plain == "Добро пожаловать")
  }

  // MARK: Issue 20: orientation and feedback

  /// "Step X of about Y": Y is the steps so far and the fewest pages and questions to an end.
  @Test func theProgressLineCountsTheFewestStepsLeft() throws {
    // basics: welcome, stop, notes, what-to-note, then an end (a page may come in between).
    let step = try play([.startModule("basics")])
    guard case .page(let page) = step.screen else {
      Issue.record("a page first")
      return
    }
    #expect(page.position.step == 1)
    #expect(page.position.expectedSteps == 4, "welcome, stop, notes, what-to-note")
  }

  /// Pairs given one at a time are kept at their question, refused anywhere else or when they
  /// would be a whole answer, and cleared by the answer.
  @Test func partialMatchesAreKeptUntilTheAnswer() throws {
    var state = try play([.startModule("basics")]).state
    #expect(throws: EngineError.notAQuestion) {
      try engine.apply(.partialMatches(["prosecutor": "prosecutor"]), to: state)
    }
    state.modules["basics"]?.passedBefore = true
    state.modules["basics"]?.status = .passed
    var step = try engine.apply(.startModule("practice"), to: state)
    let right = try #require(course.module("practice")?.node("order"))
    guard case .question(let order) = right.kind else {
      Issue.record("order is a question")
      return
    }
    step = try engine.apply(.answer(.order(order.items.map(\.id))), to: step.state)
    step = try engine.apply(.proceed, to: step.state)
    #expect(throws: EngineError.answerDoesNotFit) {
      try engine.apply(
        .partialMatches(["ombudsperson": "ombudsperson", "prosecutor": "prosecutor"]),
        to: step.state)
    }
    #expect(throws: EngineError.answerDoesNotFit) {
      try engine.apply(.partialMatches(["nobody": "prosecutor"]), to: step.state)
    }
    step = try engine.apply(.partialMatches(["prosecutor": "ombudsperson"]), to: step.state)
    #expect(step.events.isEmpty, "not an answer: no try, no points")
    guard case .question(let screen) = step.screen else {
      Issue.record("still the question")
      return
    }
    #expect(screen.pendingMatches == ["prosecutor": "ombudsperson"])
    #expect(screen.attemptsLeft == 1)
    step = try engine.apply(
      .answer(.matches(["prosecutor": "prosecutor", "ombudsperson": "ombudsperson"])),
      to: step.state)
    #expect(step.state.module("practice").pendingMatches == nil)
  }
}

@Suite struct LocalizationTests {
  @Test func everyRunnerStringExistsInEveryLanguage() {
    for key in Localization.Key.allCases {
      for language in Localization.languages {
        #expect(Localization.has(key, in: language), "\(key) has no \(language) text")
      }
    }
  }

  @Test func placeholdersMatchAcrossLanguages() {
    for key in Localization.Key.allCases {
      let english = Localization.string(key, "en")
      for language in Localization.languages where language != "en" {
        let translated = Localization.string(key, language)
        for index in 0..<6 {
          #expect(
            english.contains("{\(index)}") == translated.contains("{\(index)}"),
            "\(key) \(language) {\(index)}")
        }
      }
    }
  }
}
