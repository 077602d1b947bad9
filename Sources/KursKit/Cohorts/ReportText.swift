import Foundation

/// The cohort report's own words (headings, column names, chart labels) in each language it
/// speaks, looked up as the runner's are (`StringTable`), and dates written for people. Course content (module titles, questions, choices)
/// comes from the course in its own language; these are the words around it.
public enum ReportText: StringTable {
  /// The languages the report's page and table are written in.
  public static let languages = ["en", "ru", "uk"]

  public enum Key: String, CaseIterable, Sendable {
    case pageTitle, heading, courseLine, learnersHeading
    case columnLearner, columnCertificate, columnLastActivity, columnWhere, total, passedOfStarted,
      yes, no
    case statusPassed, statusFailed, statusInProgress, attemptsLegend, noLearners
    case funnelHeading, funnelStarted, funnelCertificate, completion
    case scoresHeading, pointsBand, pointsOne, passMarkLine, scoresIn
    case itemsHeading, columnQuestion, columnAnswered, columnFirstTry, columnWrong, wrongLearners,
      shareChart
    case hardestText, answeredText, wrongText
    case testHeading, testGroup, testNormalized, testNobody, testTextHeading, testTextLearner,
      testTextGroup
    case columnBefore, columnAfter, columnGain, columnNormalized
    case columnItem, columnAnsweredBoth, columnWrongToRight, columnRightToWrong, columnRightBoth,
      columnWrongBoth
    case testTextItem, gainWord, normalizedWord
  }

  public static let table: [Key: [String: String]] = [
    .pageTitle: ["en": "Cohort {0}: {1}", "ru": "Группа {0}: {1}", "uk": "Група {0}: {1}"],
    .heading: ["en": "Cohort {0}", "ru": "Группа {0}", "uk": "Група {0}"],
    .courseLine: [
      "en": "Course {0} · learners: {1}", "ru": "Курс {0} · участников: {1}",
      "uk": "Курс {0} · учасників: {1}",
    ],
    .learnersHeading: ["en": "Learners", "ru": "Участники", "uk": "Учасники"],
    .columnLearner: ["en": "Learner", "ru": "Участник", "uk": "Учасник"],
    .columnCertificate: ["en": "Certificate", "ru": "Сертификат", "uk": "Сертифікат"],
    .columnLastActivity: [
      "en": "Last activity", "ru": "Последняя активность", "uk": "Остання активність",
    ],
    .columnWhere: ["en": "Where", "ru": "Где сейчас", "uk": "Де зараз"],
    .total: ["en": "Total", "ru": "Итого", "uk": "Разом"],
    .passedOfStarted: [
      "en": "{0} passed of {1} started", "ru": "прошли {0} из {1} начавших",
      "uk": "пройшли {0} з {1}, хто почав",
    ],
    .yes: ["en": "yes", "ru": "да", "uk": "так"],
    .no: ["en": "no", "ru": "нет", "uk": "ні"],
    .statusPassed: ["en": "passed", "ru": "пройден", "uk": "пройдено"],
    .statusFailed: ["en": "not passed", "ru": "не пройден", "uk": "не пройдено"],
    .statusInProgress: ["en": "in progress", "ru": "в процессе", "uk": "триває"],
    .attemptsLegend: [
      "en": "×N after a result: the number of attempts at the module.",
      "ru": "×N после результата: сколько раз участник начинал модуль.",
      "uk": "×N після результату: скільки разів учасник починав модуль.",
    ],
    .noLearners: [
      "en": "(no learners yet: kurs cohort import {0} FILE...)",
      "ru": "(участников пока нет: kurs cohort import {0} ФАЙЛ...)",
      "uk": "(учасників поки немає: kurs cohort import {0} ФАЙЛ...)",
    ],
    .funnelHeading: [
      "en": "Completion funnel", "ru": "Воронка прохождения", "uk": "Воронка проходження",
    ],
    .funnelStarted: ["en": "started the course", "ru": "начали курс", "uk": "почали курс"],
    .funnelCertificate: [
      "en": "received the certificate", "ru": "получили сертификат", "uk": "отримали сертифікат",
    ],
    .completion: ["en": "completion", "ru": "прохождение", "uk": "проходження"],
    .scoresHeading: [
      "en": "Score distribution per module", "ru": "Распределение баллов по модулям",
      "uk": "Розподіл балів за модулями",
    ],
    .pointsBand: ["en": "{0}–{1} points", "ru": "{0}–{1} баллов", "uk": "{0}–{1} балів"],
    .pointsOne: ["en": "{0} points", "ru": "баллов: {0}", "uk": "балів: {0}"],
    .passMarkLine: [
      "en": "Pass mark {0} of {1}; finished: {2}.",
      "ru": "Проходной балл: {0} из {1}; завершили: {2}.",
      "uk": "Прохідний бал: {0} з {1}; завершили: {2}.",
    ],
    .scoresIn: ["en": "Scores in {0}", "ru": "Баллы в модуле {0}", "uk": "Бали в модулі {0}"],
    .itemsHeading: [
      "en": "Questions, hardest first", "ru": "Вопросы: сначала самые трудные",
      "uk": "Запитання: спершу найважчі",
    ],
    .columnQuestion: ["en": "Question", "ru": "Вопрос", "uk": "Запитання"],
    .columnAnswered: [
      "en": "Learners who answered", "ru": "Ответили (участников)", "uk": "Відповіли (учасників)",
    ],
    .columnFirstTry: [
      "en": "Right at the first try", "ru": "Правильно с первой попытки",
      "uk": "Правильно з першої спроби",
    ],
    .columnWrong: [
      "en": "Most common wrong answer (learners who gave it)",
      "ru": "Самый частый неправильный ответ (сколько участников его дали)",
      "uk": "Найчастіша неправильна відповідь (скільки учасників її дали)",
    ],
    .wrongLearners: ["en": "learners: {0}", "ru": "участников: {0}", "uk": "учасників: {0}"],
    .shareChart: [
      "en": "Share right at the first try (%)",
      "ru": "Доля правильных ответов с первой попытки (%)",
      "uk": "Частка правильних відповідей з першої спроби (%)",
    ],
    .hardestText: [
      "en": "hardest questions (share right at the first try):",
      "ru": "самые трудные вопросы (доля правильных ответов с первой попытки):",
      "uk": "найважчі запитання (частка правильних відповідей з першої спроби):",
    ],
    .answeredText: ["en": "answered: {0}", "ru": "ответили: {0}", "uk": "відповіли: {0}"],
    .wrongText: [
      "en": "most common wrong answer: {0} (learners who gave it: {1})",
      "ru": "самый частый неправильный ответ: {0} (участников, давших его: {1})",
      "uk": "найчастіша неправильна відповідь: {0} (учасників, які її дали: {1})",
    ],
    .testHeading: [
      "en": "Knowledge test before and after: {0}", "ru": "Проверка знаний до и после: {0}",
      "uk": "Перевірка знань до і після: {0}",
    ],
    .testGroup: [
      "en": "Group (took both tests: {0}): before {1}, after {2} of {3} points; gain {4}",
      "ru": "Группа (прошли обе проверки: {0}): до {1}, после {2} из {3} баллов; прирост {4}",
      "uk": "Група (пройшли обидві перевірки: {0}): до {1}, після {2} з {3} балів; приріст {4}",
    ],
    .testNormalized: [
      "en": "normalised gain {0}", "ru": "нормированный прирост {0}",
      "uk": "нормований приріст {0}",
    ],
    .testNobody: [
      "en": "Nobody has taken both tests yet.", "ru": "Обе проверки пока никто не прошёл.",
      "uk": "Обидві перевірки поки ніхто не пройшов.",
    ],
    .testTextHeading: [
      "en": "knowledge test {0} (before: {1}, after: {2}; {3} points):",
      "ru": "проверка знаний {0} (до: {1}, после: {2}; баллов: {3}):",
      "uk": "перевірка знань {0} (до: {1}, після: {2}; балів: {3}):",
    ],
    .testTextLearner: [
      "en": "before {0}, after {1}", "ru": "до {0}, после {1}", "uk": "до {0}, після {1}",
    ],
    .testTextGroup: [
      "en": "group (took both: {0}): before {1}, after {2}, gain {3}",
      "ru": "группа (прошли обе: {0}): до {1}, после {2}, прирост {3}",
      "uk": "група (пройшли обидві: {0}): до {1}, після {2}, приріст {3}",
    ],
    .columnBefore: ["en": "Before", "ru": "До", "uk": "До"],
    .columnAfter: ["en": "After", "ru": "После", "uk": "Після"],
    .columnGain: ["en": "Gain", "ru": "Прирост", "uk": "Приріст"],
    .columnNormalized: [
      "en": "Normalised gain", "ru": "Нормированный прирост", "uk": "Нормований приріст",
    ],
    .columnItem: ["en": "Item", "ru": "Задание", "uk": "Завдання"],
    .columnAnsweredBoth: [
      "en": "Answered both times", "ru": "Ответили оба раза", "uk": "Відповіли обидва рази",
    ],
    .columnWrongToRight: [
      "en": "Wrong → right", "ru": "Неправильно → правильно", "uk": "Неправильно → правильно",
    ],
    .columnRightToWrong: [
      "en": "Right → wrong", "ru": "Правильно → неправильно", "uk": "Правильно → неправильно",
    ],
    .columnRightBoth: [
      "en": "Right both times", "ru": "Правильно оба раза", "uk": "Правильно обидва рази",
    ],
    .columnWrongBoth: [
      "en": "Wrong both times", "ru": "Неправильно оба раза", "uk": "Неправильно обидва рази",
    ],
    .testTextItem: [
      "en":
        "{0} of {1} from wrong to right, {2} from right to wrong, {3} right both times, {4} wrong both times",
      "ru":
        "{0} из {1}: с неправильного на правильный, {2}: с правильного на неправильный, {3}: правильно оба раза, {4}: неправильно оба раза",
      "uk":
        "{0} з {1}: з неправильної на правильну, {2}: з правильної на неправильну, {3}: правильно обидва рази, {4}: неправильно обидва рази",
    ],
    .gainWord: ["en": "gain {0}", "ru": "прирост {0}", "uk": "приріст {0}"],
    .normalizedWord: [
      "en": "normalised gain {0}", "ru": "нормированный прирост {0}",
      "uk": "нормований приріст {0}",
    ],
  ]

  /// The first of `chain` that the report speaks, else English.
  public static func language(_ chain: [String]) -> String {
    LanguageChain.first(of: chain, in: languages) ?? "en"
  }

  private static let months: [String: [String]] = [
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "ru": [
      "янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.",
      "дек.",
    ],
    "uk": [
      "січ.", "лют.", "берез.", "квіт.", "трав.", "черв.", "лип.", "серп.", "верес.", "жовт.",
      "листоп.", "груд.",
    ],
  ]

  /// A recorded timestamp (ISO 8601, as statements carry it) for people: `4 Dec 2026, 07:38 UTC`
  /// in English, `4 дек. 2026, 07:38 UTC+5` in Russian, in `timeZone`. A text that is not a
  /// timestamp is returned as it is.
  public static func date(_ timestamp: String, _ language: String, timeZone: TimeZone) -> String {
    guard let date = LearnerSummary.instant(timestamp) else { return timestamp }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    guard let year = parts.year, let month = parts.month, let day = parts.day,
      let hour = parts.hour, let minute = parts.minute
    else { return timestamp }
    let names = months[language] ?? months["en"] ?? []
    guard names.indices.contains(month - 1) else { return timestamp }
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(day) \(names[month - 1]) \(year), \(two(hour)):\(two(minute)) \(zoneName(timeZone, at: date))"
  }

  /// `UTC`, `UTC+5`, `UTC+5:30`, `UTC-3`: an offset anyone can read, unlike zone abbreviations.
  static func zoneName(_ timeZone: TimeZone, at date: Date) -> String {
    let seconds = timeZone.secondsFromGMT(for: date)
    guard seconds != 0 else { return "UTC" }
    let minutes = abs(seconds) / 60
    let sign = seconds < 0 ? "-" : "+"
    return "UTC\(sign)\(minutes / 60)"
      + (minutes % 60 == 0 ? "" : ":\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)")
  }
}
