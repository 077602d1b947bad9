import Testing

@testable import KursKit

/// What a learner types at a question, read the way the screen's prompt says.
@Suite struct AnswerParserTests {
  func screen(_ kind: Question.Kind, options: [String], matches: [String] = []) -> QuestionScreen {
    QuestionScreen(
      nodeID: "q", kind: kind, title: nil, context: [], prompt: InlineText("?"),
      options: options.map { QuestionScreen.Option(id: $0, text: InlineText($0)) },
      matches: matches.map { QuestionScreen.Option(id: $0, text: InlineText($0)) },
      points: 1, attemptsLeft: 1, hints: [], retryFeedback: [], isRetry: false, isDecision: false,
      canGoBack: false,
      position: Position(
        moduleIndex: 1, moduleCount: 1, moduleTitle: "", step: 1, score: 0, maximum: 1))
  }

  func answer(_ text: String, _ screen: QuestionScreen, _ language: String = "en") -> LearnerAnswer?
  {
    try? AnswerParser.parse(text, for: screen, language: language).get()
  }

  @Test func singleChoiceTakesOneNumberInRange() {
    let single = screen(.single, options: ["a", "b", "c"])
    #expect(answer(" 2 ", single) == .choices(["b"]))
    for bad in ["", "0", "4", "1 2", "two", "-1", "99999999999999999999", "1.5"] {
      #expect(answer(bad, single) == nil, "\(bad)")
    }
    #expect(throws: AnswerParser.FormatError("Type one number from 1 to 3.")) {
      try AnswerParser.parse("x", for: single, language: "en").get()
    }
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

  @Test func multipleSelectTakesSpacesOrCommas() {
    let multiple = screen(.multiple, options: ["a", "b", "c", "d"])
    #expect(answer("1 3", multiple) == .choices(["a", "c"]))
    #expect(answer("1,3", multiple) == .choices(["a", "c"]))
    #expect(answer("1 5", multiple) == nil)
    #expect(answer("", multiple) == nil)
  }

  /// Issue 20, point 4: `1 1 2` is a typo: it is not read as an answer (no try is spent) and the
  /// message names the repeated number.
  @Test func aRepeatedNumberInMultipleSelectIsATypoWithAMessage() {
    let multiple = screen(.multiple, options: ["a", "b", "c", "d"])
    #expect(answer("1 1 2", multiple) == nil)
    #expect(answer("3, 1, 3", multiple) == nil)
    #expect(
      throws: AnswerParser.FormatError("You typed 1 twice. Type each number once, for example: 1 3")
    ) {
      try AnswerParser.parse("1 1 2", for: multiple, language: "en").get()
    }
    #expect(
      throws: AnswerParser.FormatError(
        "Вы ввели 3 дважды. Введите каждый номер один раз, например: 1 3")
    ) {
      try AnswerParser.parse("3 1 3", for: multiple, language: "ru").get()
    }
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
    // A Cyrillic а or с typed by mistake in English reads as the Latin letter it looks like.
    #expect(answer("1b 2а 3с", matching) == .matches(["x": "q", "y": "p", "z": "r"]))
    #expect(answer("1b 2b 3c", matching) == nil)
    #expect(answer("1d", matching) == nil)
    #expect(answer("1b 1c", matching) == nil)

    let first = AnswerParser.parseMatching("1b", for: matching, language: "en", pending: [:])
    guard case .partial(let pairs, let message) = first else {
      Issue.record("expected a partial answer")
      return
    }
    #expect(message.text == "Matched so far: 1b. Still to match: 2, 3.")
    let second = AnswerParser.parseMatching("3c", for: matching, language: "en", pending: pairs)
    guard case .partial(let more, _) = second else {
      Issue.record("expected a partial answer")
      return
    }
    // A later pair for the same number replaces the earlier one.
    let corrected = AnswerParser.parseMatching(
      "1a 2b", for: matching, language: "en", pending: more)
    #expect(corrected == .complete(.matches(["x": "p", "y": "q", "z": "r"])))
  }

  /// Issue 20, point 3: in Russian and Ukrainian the letters are Cyrillic (а б в), typed on the
  /// learner's own layout; a Latin look-alike (a for а) is the letter it looks like, never
  /// another position; a Latin letter that looks like none is refused.
  @Test(arguments: ["ru", "uk"])
  func matchingLettersAreCyrillicInRussianAndUkrainian(language: String) {
    let matching = screen(.matching, options: ["x", "y", "z"], matches: ["p", "q", "r"])
    #expect(MatchingLetters.letters(3, language: language) == ["а", "б", "в"])
    #expect(answer("1б 2а 3в", matching, language) == .matches(["x": "q", "y": "p", "z": "r"]))
    #expect(answer("1Б,2А,3В", matching, language) == .matches(["x": "q", "y": "p", "z": "r"]))
    #expect(
      answer("1б 2a 3в", matching, language) == .matches(["x": "q", "y": "p", "z": "r"]),
      "Latin a is а")
    #expect(answer("1b 2a 3c", matching, language) == nil, "Latin b and c are not б and в")
    guard
      case .invalid(let message) = AnswerParser.parseMatching(
        "1г", for: matching, language: language, pending: [:])
    else {
      Issue.record("г is not one of the three letters")
      return
    }
    #expect(
      message.text.contains("а") && message.text.contains("в") && message.text.contains("1б 2а"),
      "\(message.text)")
  }

  /// Issue 20, point 4: a letter already matched, in the same line or an earlier one, is named
  /// with the number it is matched with.
  @Test func aReusedLetterIsNamedWithItsNumber() {
    let matching = screen(.matching, options: ["x", "y", "z"], matches: ["p", "q", "r"])
    #expect(
      AnswerParser.parseMatching("1b 2b", for: matching, language: "en", pending: [:])
        == .invalid(
          AnswerParser.FormatError(
            "b is already matched with 1. Choose another letter, or type 1 with a new letter first."
          )))
    let pending = ["x": "q"]
    guard
      case .invalid(let message) = AnswerParser.parseMatching(
        "2б", for: matching, language: "ru", pending: pending)
    else {
      Issue.record("a reused letter is refused")
      return
    }
    #expect(message.text.hasPrefix("Буква б уже сопоставлена с 1"), "\(message.text)")
    // Swapping two pairs in one line is no reuse.
    guard
      case .partial(let swapped, _) = AnswerParser.parseMatching(
        "1a 2b", for: matching, language: "en", pending: ["x": "q", "y": "p"])
    else {
      Issue.record("a swap in one line is taken")
      return
    }
    #expect(swapped == ["x": "p", "y": "q"])
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
        for language in ["en", "ru", "uk", "xx"] {
          _ = AnswerParser.parse(input, for: screen, language: language)
        }
      }
    }
  }
}
