import Testing

@testable import KursKit

/// What a learner types at a question, read the way the screen's prompt says.
@Suite struct AnswerParserTests {
  func screen(_ kind: Question.Kind, options: [String], matches: [String] = []) -> QuestionScreen {
    QuestionScreen(
      nodeID: "q", kind: kind, title: nil, context: [], prompt: InlineText("?"),
      options: options.map { QuestionScreen.Option(id: $0, text: InlineText($0)) },
      matches: matches.map { QuestionScreen.Option(id: $0, text: InlineText($0)) },
      points: 1, attemptsLeft: 1, hints: [], retryFeedback: [], isRetry: false, isDecision: false, canGoBack: false,
      position: Position(moduleIndex: 1, moduleCount: 1, moduleTitle: "", step: 1, score: 0, maximum: 1))
  }

  func answer(_ text: String, _ screen: QuestionScreen, _ language: String = "en") -> LearnerAnswer? {
    try? AnswerParser.parse(text, for: screen, language: language).get()
  }

  @Test func singleChoiceTakesOneNumberInRange() {
    let single = screen(.single, options: ["a", "b", "c"])
    #expect(answer(" 2 ", single) == .choices(["b"]))
    for bad in ["", "0", "4", "1 2", "two", "-1", "99999999999999999999", "1.5"] {
      #expect(answer(bad, single) == nil, "\(bad)")
    }
    #expect(throws: AnswerParser.Message("Type one number from 1 to 3.")) { try AnswerParser.parse("x", for: single, language: "en").get() }
  }

  @Test func trueFalseTakesNumbersAndWordsInEitherLanguage() {
    let trueFalse = screen(.trueFalse, options: ["true", "false"])
    for language in ["en", "ru"] {
      #expect(answer("1", trueFalse, language) == .choices(["true"]))
      #expect(answer("2", trueFalse, language) == .choices(["false"]))
      #expect(answer("True", trueFalse, language) == .choices(["true"]))
      #expect(answer("false", trueFalse, language) == .choices(["false"]))
      #expect(answer("Верно", trueFalse, language) == .choices(["true"]))
      #expect(answer("нет", trueFalse, language) == .choices(["false"]))
      #expect(answer("maybe", trueFalse, language) == nil)
    }
  }

  @Test func multipleSelectTakesSpacesOrCommasAndIgnoresRepeats() {
    let multiple = screen(.multiple, options: ["a", "b", "c", "d"])
    #expect(answer("1 3", multiple) == .choices(["a", "c"]))
    #expect(answer("1,3", multiple) == .choices(["a", "c"]))
    #expect(answer("3, 1, 3", multiple) == .choices(["c", "a"]))
    #expect(answer("1 5", multiple) == nil)
    #expect(answer("", multiple) == nil)
  }

  @Test func orderingNeedsEveryNumberOnce() {
    let ordering = screen(.ordering, options: ["a", "b", "c"])
    #expect(answer("3 1 2", ordering) == .order(["c", "a", "b"]))
    #expect(answer("3 1", ordering) == nil)
    #expect(answer("3 1 1", ordering) == nil)
    #expect(answer("1 2 3 4", ordering) == nil)
  }

  @Test func matchingTakesAllPairsOrOnePairAtATime() {
    let matching = screen(.matching, options: ["x", "y", "z"], matches: ["p", "q", "r"])
    #expect(answer("1b 2a 3c", matching) == .matches(["x": "q", "y": "p", "z": "r"]))
    #expect(answer("1B,2A,3C", matching) == .matches(["x": "q", "y": "p", "z": "r"]))
    // Cyrillic а and с look like Latin a and c on a Russian keyboard.
    #expect(answer("1b 2а 3с", matching, "ru") == .matches(["x": "q", "y": "p", "z": "r"]))
    #expect(answer("1b 2b 3c", matching) == nil)
    #expect(answer("1d", matching) == nil)
    #expect(answer("1b 1c", matching) == nil)

    let first = AnswerParser.parseMatching("1b", for: matching, language: "en", pending: [:])
    guard case .partial(let pairs, let message) = first else { Issue.record("expected a partial answer"); return }
    #expect(message.text == "Matched so far: 1b. Still to match: 2, 3.")
    let second = AnswerParser.parseMatching("3c", for: matching, language: "en", pending: pairs)
    guard case .partial(let more, _) = second else { Issue.record("expected a partial answer"); return }
    // A later pair for the same number replaces the earlier one.
    let corrected = AnswerParser.parseMatching("1a 2b", for: matching, language: "en", pending: more)
    #expect(corrected == .complete(.matches(["x": "p", "y": "q", "z": "r"])))
  }

  @Test func nothingALearnerTypesCrashesTheParser() {
    let screens = [
      screen(.single, options: ["a"]), screen(.trueFalse, options: ["true", "false"]),
      screen(.multiple, options: ["a", "b"]), screen(.ordering, options: ["a", "b"]),
      screen(.matching, options: ["a", "b"], matches: ["c", "d"]),
    ]
    let inputs = [
      "", " ", ",", ";;", "0", "-0", "+1", "1e9", String(repeating: "1 ", count: 10_000), "９", "١",
      "1\u{301}", "👍", "1b2a", "b1", "0a", "99999999999999999999999a", "\u{0}", "1\t2",
    ]
    for screen in screens {
      for input in inputs {
        for language in ["en", "ru", "xx"] { _ = AnswerParser.parse(input, for: screen, language: language) }
      }
    }
  }
}
