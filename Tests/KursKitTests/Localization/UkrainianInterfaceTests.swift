import Foundation
import Testing

@testable import KursKit

/// Issue 20, point 7: the Ukrainian interface, the language chain behind it, the language menu
/// and the Ukrainian keyboard layout.
@Suite struct UkrainianInterfaceTests {
  @Test func ukrainianIsAnInterfaceLanguageWithEveryString() {
    #expect(Localization.languages.contains("uk"))
    for key in Localization.Key.allCases {
      #expect(Localization.has(key, in: "uk"), "\(key) has no Ukrainian text")
    }
  }

  /// Russian words in Ukrainian spelling give themselves away by letters Ukrainian does not
  /// have. The help names the Russian layout's ы, and the menu's title is in three languages.
  @Test func ukrainianStringsUseNoRussianOnlyLetters() {
    for key in Localization.Key.allCases where key != .help && key != .languageTitle {
      let text = Localization.string(key, "uk")
      #expect(!text.contains { "ыэъёЫЭЪЁ".contains($0) }, "\(key): \(text)")
    }
  }

  /// The true/false words are not the verdict words, in Ukrainian as in Russian.
  @Test func ukrainianVerdictsAreNotTheTrueFalseWords() {
    let words = [Localization.string(.trueWord, "uk"), Localization.string(.falseWord, "uk")]
    for verdict in [Localization.Key.correct, .notCorrect, .partlyCorrect] {
      let text = Localization.string(verdict, "uk").lowercased().trimmingCharacters(
        in: .punctuationCharacters)
      #expect(!words.contains(text), "\(verdict)")
    }
  }

  @Test func aUkrainianLearnerGetsAUkrainianInterfaceAndRussianCourseText() {
    let chain = LanguageChain.chain(explicit: nil, environment: ["LANG": "uk_UA.UTF-8"])
    #expect(chain == ["uk", "ru", "en"])
    #expect(LanguageChain.first(of: chain, in: Localization.languages) == "uk")
    // A course in English and Russian only: Russian before English.
    #expect(LanguageChain.first(of: chain, in: ["en", "ru"]) == "ru")
    // LANGUAGE, the learner's own list, overrides it.
    let listed = LanguageChain.chain(
      explicit: nil, environment: ["LANG": "uk_UA.UTF-8", "LANGUAGE": "uk:en"])
    #expect(LanguageChain.first(of: listed, in: ["en", "ru"]) == "en")
    #expect(LanguageChain.first(of: listed, in: Localization.languages) == "uk")
    // The choice made in the program (saved with the profile) comes first.
    let chosen = LanguageChain.chain(explicit: "uk", environment: ["LANG": "en_US.UTF-8"])
    #expect(LanguageChain.first(of: chosen, in: ["en", "ru"]) == "ru")
  }

  @Test func theUkrainianLayoutReachesEveryCommandKey() {
    // й ц у к е н … on the Ukrainian layout: і where Russian has ы, д on l in both.
    #expect(LearnerKeys.key("і") == "s")
    #expect(LearnerKeys.key("ы") == "s")
    #expect(LearnerKeys.key(" Д ") == "l")
    #expect(LearnerKeys.key("й") == "q")
    #expect(LearnerKeys.key("ч") == "x")
    #expect(LearnerKeys.key("ї") == "ї")
    #expect(LearnerKeys.key("ді") == "ді")
  }

  @Test func theLanguageMenuNamesEachLanguageInItselfAndReadsANumberACodeOrAName() {
    let available = LanguageMenu.available(courseLanguages: ["en", "ru", "kk"])
    #expect(available == ["en", "ru", "uk", "kk"])
    let lines = LanguageMenu.lines(available: available, current: "uk", language: "uk")
    #expect(lines.contains("  3. Українська"))
    #expect(lines.contains("  4. Қазақ тілі"))
    #expect(
      lines.last == "Введіть номер мови (від 1 до 4) або натисніть Enter, щоб залишити: Українська."
    )
    #expect(LanguageMenu.choice("3", available: available) == "uk")
    #expect(LanguageMenu.choice(" RU ", available: available) == "ru")
    #expect(LanguageMenu.choice("українська", available: available) == "uk")
    #expect(LanguageMenu.choice("", available: available) == nil)
    #expect(LanguageMenu.choice("9", available: available) == nil)
  }

  @Test func ukrainianTrueFalseWordsAreAnswers() throws {
    let screen = QuestionScreen(
      nodeID: "q", kind: .trueFalse, title: nil, context: [], prompt: InlineText("?"),
      options: ["true", "false"].map { QuestionScreen.Option(id: $0, text: InlineText($0)) },
      matches: [],
      points: 1, attemptsLeft: 1, hints: [], retryFeedback: [], isRetry: false, isDecision: false,
      canGoBack: false,
      position: Position(
        moduleIndex: 1, moduleCount: 1, moduleTitle: "", step: 1, score: 0, maximum: 1))
    #expect(
      try AnswerParser.parse("правда", for: screen, language: "uk").get() == .choices(["true"]))
    #expect(
      try AnswerParser.parse("Неправда", for: screen, language: "uk").get() == .choices(["false"]))
    guard case .failure(let message) = AnswerParser.parse("може", for: screen, language: "uk")
    else {
      Issue.record("a word that is no answer is refused")
      return
    }
    #expect(message.text == "Введіть 1 або 2 чи слово «правда» або «неправда».")
  }

  /// The true/false options a course leaves unnamed are the interface's words: a Ukrainian
  /// interface over a course in Russian shows «правда», as its prompt says.
  @Test func unnamedTrueFalseOptionsFollowTheInterfaceLanguage() throws {
    let course = try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
    var state = CourseState()
    state.currentModule = "practice"
    var module = ModuleState()
    module.status = .inProgress
    module.node = "truth"
    state.modules["practice"] = module
    var engine = Engine(course: course, language: "ru", seed: "x")
    guard case .question(let russian) = try engine.currentScreen(state) else {
      Issue.record("the true/false question")
      return
    }
    #expect(russian.options.map(\.text.plain) == ["верно", "неверно"])
    engine.interfaceLanguage = "uk"
    guard case .question(let ukrainian) = try engine.currentScreen(state) else { return }
    #expect(ukrainian.options.map(\.text.plain) == ["правда", "неправда"])
    #expect(ukrainian.prompt.plain == "Анна сама виновата в том, что её остановили.")
  }
}
