import Foundation
import KursKit
import Testing

/// Issue 20, points 7 and 8 through the real binary: help in Russian and Ukrainian, the
/// Ukrainian interface over a course in Russian, the language key in a course and on the home
/// screen (kept for resume), and `--plain` paragraphs on one line.
@Suite struct LanguageCommandTests {
  static let courses = KursProcess.repository.appendingPathComponent("Courses").path
  /// No locale: what a test sets is all there is.
  static let noLocale = ["LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"]

  func temporaryDataDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-language-\(UUID().uuidString)")
  }

  func kurs(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws
    -> KursProcess.Result
  {
    try KursProcess.run(
      arguments, input: input, environment: Self.noLocale.merging(environment) { $1 })
  }

  func savedLanguage(_ data: URL, of name: String) throws -> String? {
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    return try #require(profiles?.first { $0["name"] as? String == name })["language"] as? String
  }

  // MARK: Help

  @Test func helpSpeaksRussianAndUkrainianFromTheFlagOrTheLocale() throws {
    let russian = try kurs(["--lang", "ru", "help"])
    #expect(russian.exitCode == 0)
    #expect(russian.output.contains("команды для учащихся:"), "\(russian.output)")
    #expect(try kurs(["help", "--lang", "ru"]).output == russian.output)
    #expect(
      try kurs(["help"], environment: ["LANGUAGE": "ru:en", "LANG": "en_US.UTF-8"]).output
        == russian.output)

    let ukrainian = try kurs(["--lang", "uk", "help"])
    #expect(ukrainian.output.contains("команди для учасників і учасниць:"), "\(ukrainian.output)")
    #expect(try kurs(["help"], environment: ["LC_ALL": "uk_UA.UTF-8"]).output == ukrainian.output)
    let start = try kurs(["help", "start"], environment: ["LANG": "uk_UA.UTF-8"])
    #expect(start.output.hasPrefix("як запускати: kurs start"), "\(start.output)")

    // English stays exactly the English text; the authors' commands stay English everywhere.
    #expect(try kurs(["--help"]).output == HelpText.overview)
    #expect(try kurs(["help", "validate", "--lang", "uk"]).output == HelpText.topic("validate"))
  }

  // MARK: The Ukrainian interface

  @Test func aUkrainianLearnerReadsTheInterfaceInUkrainianAndTheCourseInRussian() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let result = try kurs(
      [
        "start", "example", "--learner", "Оксана", "--data-dir", data.path, "--courses",
        Self.courses,
      ],
      input: "q\n", environment: ["LANG": "uk_UA.UTF-8"])
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.contains("== Перш ніж почати =="), "\(result.output)")
    #expect(result.output.contains("В этом примере упоминается остановка полицией."))
    #expect(result.output.contains("? довідка · q зберегти й вийти"))
    // The first screen is saved: q says so, in Ukrainian.
    #expect(result.output.contains("Ваш прогрес збережено."), "\(result.output)")
  }

  /// What a learner sees from progress, export, join and forget follows the language saved in
  /// their profile; a mistyped course is named in the language asked for.
  @Test func theLearnersCommandsFollowTheirSavedLanguage() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let arguments = ["--data-dir", data.path, "--courses", Self.courses]
    let started = try kurs(
      ["start", "example", "--learner", "Оксана", "--lang", "uk"] + arguments, input: "\n\n\nq\n")
    #expect(started.exitCode == 0, "\(started.errors)")
    let learner = ["--learner", "Оксана"] + arguments
    let progress = try kurs(["progress"] + learner)
    #expect(
      progress.output.contains("Основы: триває · бали 0 з 5, прохідний бал 3"), "\(progress.output)"
    )
    let file = data.appendingPathComponent("export.json").path
    let export = try kurs(["export", "--out", file] + learner)
    #expect(export.output.hasPrefix("Файл \(file) записано"), "\(export.output)\(export.errors)")
    let missing = try kurs(["export", "--out", "/nonexistent-kurs-folder/x.json"] + learner)
    #expect(missing.errors.contains("папки /nonexistent-kurs-folder немає"), "\(missing.errors)")
    let join = try kurs(["join", "example-K7P4QX"] + learner)
    #expect(
      join.output.contains("Оксана: ви в групі example-K7P4QX"), "\(join.output)\(join.errors)")
    let typo = try kurs(["start", "exampel", "--lang", "uk"] + learner)
    #expect(typo.errors.contains("курсу «exampel» немає (можливо, «example»?)"), "\(typo.errors)")
    let courses = try kurs(["courses", "--lang", "uk"] + arguments)
    #expect(
      courses.output.hasPrefix(
        "курси в \(Self.courses):\n  example 1.0.0  Пример: безопасная дорога домой"),
      "\(courses.output)")
    let packed = data.appendingPathComponent("example.xml").path
    _ = try kurs(["pack", "example", "--out", packed, "--courses", Self.courses])
    let added = try kurs(
      ["add", packed, "--data-dir", data.path], environment: ["LANG": "uk_UA.UTF-8"])
    #expect(
      added.output.hasPrefix("курс «example» 1.0.0 (Пример: безопасная дорога домой) додано до "),
      "\(added.output)\(added.errors)")
    #expect(added.output.contains("почати його: kurs start example"))
    let forget = try kurs(["forget", "Оксана"] + arguments, input: "Оксана\n")
    #expect(
      forget.output.contains("Усі записи «Оксана» на цьому комп’ютері видалено."),
      "\(forget.output)")
  }

  // MARK: The language key

  @Test func theLanguageKeyInACourseSwitchesAtOnceAndResumeKeepsIt() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    // Plain mode: each message on one line, as a screen reader gets it.
    let arguments = ["--data-dir", data.path, "--courses", Self.courses, "--plain"]
    // д is l on the Russian and the Ukrainian layout; й is q.
    let first = try kurs(
      ["start", "example", "--learner", "Оксана", "--lang", "en"] + arguments,
      input: "д\n3\n\n\nй\n")
    #expect(first.exitCode == 0, "\(first.errors)")
    #expect(
      first.output.contains("Language · Язык · Мова\n  1. English\n  2. Русский\n  3. Українська"),
      "\(first.output)")
    #expect(
      first.output.contains("Мова: Українська. Kurs запам’ятає цей вибір для профілю «Оксана»"))
    #expect(
      first.output.contains(
        "Цей курс не має тексту вибраною мовою (Українська); його показано мовою: Русский."))
    // The note again, in the new languages, then the course goes on in them.
    #expect(
      first.output.contains("Перш ніж почати\nВ этом примере упоминается остановка полицией."))
    #expect(first.output.contains("Добро пожаловать"))
    #expect(first.output.contains("Ваш прогрес збережено."))
    #expect(try savedLanguage(data, of: "Оксана") == "uk")

    let resumed = try kurs(["resume", "--learner", "Оксана"] + arguments, input: "")
    #expect(resumed.output.contains("Добро пожаловать"), "\(resumed.output)")
    #expect(resumed.output.contains("Натисніть Enter, щоб продовжити."))
    #expect(!resumed.output.contains("Press Enter"))

    // In the middle of a page: the same page again, in English, and kept.
    let switched = try kurs(["resume", "--learner", "Оксана"] + arguments, input: "l\n1\nq\n")
    let after = try #require(switched.output.components(separatedBy: "Language: English.").last)
    #expect(
      after.contains("Welcome") && after.contains("Press Enter to continue."), "\(switched.output)")
    #expect(try savedLanguage(data, of: "Оксана") == "en")
  }

  @Test func theHomeScreenOffersTheLanguageBeforeAndAfterTheProfile() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let arguments = ["--data-dir", data.path, "--courses", Self.courses]
    // No profile yet: the language first, then the name, asked in the chosen language.
    let first = try kurs(arguments, input: "l\n3\nОксана\nq\n")
    #expect(first.exitCode == 0, "\(first.errors)")
    #expect(
      first.output.contains("Type l to choose the language (now: English)."), "\(first.output)")
    #expect(first.output.contains("Введіть ім’я або псевдонім для профілю"))
    #expect(first.output.contains("Введіть номер курсу або q, щоб вийти."))
    #expect(first.output.contains("Пример: безопасная дорога домой"), "the course in Russian")
    #expect(try savedLanguage(data, of: "Оксана") == "uk")

    // With the profile: the course list in its language, and `?` names the key.
    let second = try kurs(arguments, input: "1\n?\nд\n2\nq\n")
    #expect(
      second.output.contains("Введіть l, щоб вибрати мову (зараз: Українська)."), "\(second.output)"
    )
    #expect(second.output.contains("Язык: Русский. Kurs запомнит этот выбор для профиля «Оксана»"))
    #expect(second.output.contains("Введите номер курса или q, чтобы выйти."))
    #expect(try savedLanguage(data, of: "Оксана") == "ru")
  }

  // MARK: Plain mode

  /// Issue 20, point 8: in `--plain` a paragraph is one line, however narrow the terminal, so
  /// that a screen reader reads a sentence whole; `--wrap N` and `KURS_WRAP` ask for breaks.
  @Test func plainParagraphsAreOneLineUnlessAWidthIsAsked() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let arguments = [
      "start", "marina", "--learner", "Reader", "--data-dir", data.path, "--courses", Self.courses,
      "--plain",
    ]
    let paragraph =
      "This course talks about police violence, including sexual violence, threats and detention. There are no graphic descriptions, but some parts may be hard to read, especially if you have lived through something similar."
    let plain = try kurs(arguments, input: "q\n")
    let lines = plain.output.components(separatedBy: "\n")
    #expect(lines.contains(paragraph), "\(plain.output)")
    #expect(
      lines.contains(
        "? help · q save and quit · x quick exit · r resources · p progress · s show again · c contents"
      ))

    for (wrap, environment) in [(40, [:]), (50, ["KURS_WRAP": "50"])] {
      let wrapped = try kurs(
        arguments + (environment.isEmpty ? ["--wrap", "40"] : []), input: "q\n",
        environment: environment)
      #expect(wrapped.exitCode == 0, "\(wrapped.errors)")
      let shown = wrapped.output.components(separatedBy: "\n")
      #expect(!shown.contains(paragraph))
      #expect(shown.contains { $0.hasPrefix("This course talks about police") })
      // A command to copy (two spaces, then kurs) is never broken, at any width.
      for line in shown where !line.hasPrefix("  kurs ") {
        #expect(TextLayout.width(of: line) <= wrap, "\(wrap): \(line)")
      }
    }
    let refused = try kurs(arguments, input: "q\n", environment: ["KURS_WRAP": "narrow"])
    #expect(refused.exitCode == 64)
    #expect(refused.errors.contains("KURS_WRAP=narrow is not a number of columns from 20 to 1000"))
  }
}
