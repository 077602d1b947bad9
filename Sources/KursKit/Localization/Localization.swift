/// Every string the runner shows, in every UI language. One table, so a missing translation is
/// a test failure, not a surprise on a learner's screen.
public enum Localization {
  /// The languages the runner speaks.
  public static let languages = ["en", "ru"]

  public enum Key: String, CaseIterable, Sendable {
    case trueWord, falseWord
    case footer, footerNoBack
    case pressEnter
    case promptSingle, promptMultiple, promptOrdering, promptMatching, promptTrueFalse, promptDecision
    case invalidNumber, invalidMultiple, invalidOrdering, invalidMatching, invalidTrueFalse
    case correct, partlyCorrect, notCorrect, decisionNoted
    case tryAgain, hint, points, rightAnswer
    case progressLine, reviewing, cannotGoBack
    case moduleFinished, statusPassed, statusFailed, statusCompleted, statusNotStarted, statusInProgress
    case moduleScore, retryModule, nextModule, courseComplete
    case saved, inputEnded
    case help
    case resourcesTitle, glossaryTitle, helpResourcesTitle, checklistsTitle, noResources
    case contentNoteTitle, pauseReminder
  }

  private static let table: [Key: [String: String]] = [
    .trueWord: ["en": "true", "ru": "верно"],
    .falseWord: ["en": "false", "ru": "неверно"],
    .footer: [
      "en": "? help · q save and quit · r resources · p progress · s show again · b back",
      "ru": "? справка · q сохранить и выйти · r материалы · p прогресс · s показать снова · b назад",
    ],
    .footerNoBack: [
      "en": "? help · q save and quit · r resources · p progress · s show again",
      "ru": "? справка · q сохранить и выйти · r материалы · p прогресс · s показать снова",
    ],
    .pressEnter: ["en": "Press Enter to continue.", "ru": "Нажмите Enter, чтобы продолжить."],
    .promptSingle: ["en": "Type the number of your answer.", "ru": "Введите номер ответа."],
    .promptMultiple: [
      "en": "Type the numbers of all answers that apply, for example: 1 3",
      "ru": "Введите номера всех подходящих ответов, например: 1 3",
    ],
    .promptOrdering: [
      "en": "Type the numbers in the right order, for example: 3 1 2",
      "ru": "Введите номера в правильном порядке, например: 3 1 2",
    ],
    .promptMatching: [
      "en": "Match each number with a letter, for example: 1b 2a 3c",
      "ru": "Сопоставьте каждую цифру с буквой, например: 1b 2a 3c",
    ],
    .promptTrueFalse: [
      "en": "Type 1 or 2, or the word true or false.",
      "ru": "Введите 1 или 2, или слово «верно» или «неверно».",
    ],
    .promptDecision: [
      "en": "What happens next is up to you. Type the number of your choice.",
      "ru": "Что будет дальше, решаете вы. Введите номер вашего выбора.",
    ],
    .invalidNumber: ["en": "Type one number from 1 to {0}.", "ru": "Введите одно число от 1 до {0}."],
    .invalidMultiple: [
      "en": "Type one or more numbers from 1 to {0}, separated by spaces or commas.",
      "ru": "Введите одно или несколько чисел от 1 до {0} через пробел или запятую.",
    ],
    .invalidOrdering: [
      "en": "Type each number from 1 to {0} once, in your order.",
      "ru": "Введите каждое число от 1 до {0} по одному разу, в нужном порядке.",
    ],
    .invalidMatching: [
      "en": "Give each number from 1 to {0} one letter from a to {1}, for example: 1b 2a",
      "ru": "Дайте каждому числу от 1 до {0} одну букву от a до {1}, например: 1b 2a",
    ],
    .invalidTrueFalse: [
      "en": "Type 1 or 2, or the word true or false.",
      "ru": "Введите 1 или 2, или слово «верно» или «неверно».",
    ],
    .correct: ["en": "Correct.", "ru": "Верно."],
    .partlyCorrect: ["en": "Partly correct.", "ru": "Частично верно."],
    .notCorrect: ["en": "Not quite.", "ru": "Не совсем так."],
    .decisionNoted: ["en": "Your choice is noted.", "ru": "Ваш выбор учтён."],
    .tryAgain: [
      "en": "Not quite. Try again ({0} tries left).",
      "ru": "Не совсем так. Попробуйте ещё раз (осталось попыток: {0}).",
    ],
    .hint: ["en": "Hint", "ru": "Подсказка"],
    .points: ["en": "Points: {0} of {1}", "ru": "Баллы: {0} из {1}"],
    .rightAnswer: ["en": "The expected answer:", "ru": "Ожидаемый ответ:"],
    .progressLine: [
      "en": "Module {0} of {1}: {2} · step {3} · points {4} of {5}",
      "ru": "Модуль {0} из {1}: {2} · шаг {3} · баллы {4} из {5}",
    ],
    .reviewing: [
      "en": "Reading again: nothing here is recorded.",
      "ru": "Повторное чтение: здесь ничего не записывается.",
    ],
    .cannotGoBack: ["en": "You cannot go back from here.", "ru": "Отсюда нельзя вернуться назад."],
    .moduleFinished: ["en": "End of the module", "ru": "Конец модуля"],
    .statusPassed: ["en": "passed", "ru": "пройден"],
    .statusFailed: ["en": "not passed yet", "ru": "пока не пройден"],
    .statusCompleted: ["en": "completed", "ru": "завершён"],
    .statusNotStarted: ["en": "not started", "ru": "не начат"],
    .statusInProgress: ["en": "in progress", "ru": "в процессе"],
    .moduleScore: [
      "en": "Your score: {0} of {1}. Pass mark: {2}. Result: {3}.",
      "ru": "Ваш результат: {0} из {1}. Проходной балл: {2}. Итог: {3}.",
    ],
    .retryModule: [
      "en": "You can take this module again whenever you are ready.",
      "ru": "Вы можете пройти этот модуль ещё раз, когда будете готовы.",
    ],
    .nextModule: ["en": "Next: {0}.", "ru": "Дальше: {0}."],
    .courseComplete: ["en": "You have completed the course.", "ru": "Вы прошли курс."],
    .saved: [
      "en": "Your progress is saved. To continue later, run: kurs resume",
      "ru": "Ваш прогресс сохранён. Чтобы продолжить позже, запустите: kurs resume",
    ],
    .inputEnded: [
      "en": "Input ended. Your progress is saved. To continue, run: kurs resume",
      "ru": "Ввод закончился. Ваш прогресс сохранён. Чтобы продолжить, запустите: kurs resume",
    ],
    .help: [
      "en": """
        Keys you can type at any prompt:
          ?  this help
          q  save and quit (you can come back any time with: kurs resume)
          r  resources: glossary, checklists, where to get help
          p  your progress
          s  show the screen again
          b  back to the previous page, where the course allows it
        Answers: a number (2); several numbers (1 3 or 1,3); an order (3 1 2);
        matches (1b 2a 3c).
        """,
      "ru": """
        Клавиши, которые работают в любой момент:
          ?  эта справка
          q  сохранить и выйти (вернуться можно в любой момент: kurs resume)
          r  материалы: глоссарий, памятки, где получить помощь
          p  ваш прогресс
          s  показать экран снова
          b  назад к предыдущей странице, если курс это позволяет
        Ответы: номер (2); несколько номеров (1 3 или 1,3); порядок (3 1 2);
        пары (1b 2a 3c).
        """,
    ],
    .resourcesTitle: ["en": "Resources", "ru": "Материалы"],
    .glossaryTitle: ["en": "Glossary", "ru": "Глоссарий"],
    .helpResourcesTitle: ["en": "Where to get help", "ru": "Где получить помощь"],
    .checklistsTitle: ["en": "Checklists", "ru": "Памятки"],
    .noResources: ["en": "This course has no resources.", "ru": "В этом курсе нет материалов."],
    .contentNoteTitle: ["en": "Before you start", "ru": "Прежде чем начать"],
    .pauseReminder: [
      "en": "You can pause at any time: type q to save and stop.",
      "ru": "Вы можете прерваться в любой момент: введите q, чтобы сохранить и выйти.",
    ],
  ]

  /// The string for `key` in `language` (English when the language is not a UI language),
  /// with `{0}`, `{1}`… replaced by `arguments`.
  public static func string(_ key: Key, _ language: String, _ arguments: String...) -> String {
    let entry = table[key] ?? [:]
    var text = entry[language] ?? entry["en"] ?? key.rawValue
    for (index, argument) in arguments.enumerated() {
      text = text.replacingOccurrences(of: "{\(index)}", with: argument)
    }
    return text
  }

  /// Whether the table has `key` in `language`: for the test that every string is translated.
  public static func has(_ key: Key, in language: String) -> Bool {
    table[key]?[language]?.isEmpty == false
  }
}
