/// The starter course `kurs new course ID [--languages "en ru"]` writes: it validates with no
/// finding, and each part says what to change.
public enum CourseTemplate {
  /// The starter texts, in the languages Kurs has them in; another language gets the English
  /// text to translate.
  private static let texts: [String: [String: String]] = [
    "title": ["en": "My new course", "ru": "Мой новый курс"],
    "description": [
      "en": "One or two sentences for the course list.",
      "ru": "Одно-два предложения для списка курсов.",
    ],
    "audience": ["en": "Who the course is for.", "ru": "Для кого этот курс."],
    "note": [
      "en":
        "Say here which difficult topics the course touches. The learner can pause at any time.",
      "ru":
        "Напишите здесь, каких трудных тем касается курс. Учащаяся может остановиться в любой момент.",
    ],
    "module": ["en": "First module", "ru": "Первый модуль"],
    "objective": [
      "en": "What the learner can do after this module.",
      "ru": "Что учащаяся сможет после этого модуля.",
    ],
    "welcome": ["en": "Welcome", "ru": "Добро пожаловать"],
    "page": [
      "en": "Write the first page here. Use <em>emphasis</em> sparingly.",
      "ru": "Напишите здесь первую страницу. Выделяйте <em>курсивом</em> умеренно.",
    ],
    "case": ["en": "A story", "ru": "История"],
    "story": [
      "en": "A short episode of the story the module follows.",
      "ru": "Короткий эпизод истории, которой следует модуль.",
    ],
    "prompt": ["en": "A question about the page?", "ru": "Вопрос о странице?"],
    "right": ["en": "The right answer", "ru": "Правильный ответ"],
    "rightFeedback": ["en": "Why it is right.", "ru": "Почему он правильный."],
    "other": ["en": "Another answer", "ru": "Другой ответ"],
    "otherFeedback": [
      "en": "Why it is not right, explained kindly.",
      "ru": "Почему он неправильный, объяснённое бережно.",
    ],
    "hint": ["en": "A hint shown after a wrong try.", "ru": "Подсказка после неверной попытки."],
    "done": ["en": "Module complete", "ru": "Модуль пройден"],
    "next": ["en": "What comes next.", "ru": "Что дальше."],
  ]

  /// The text of `course.xml` for a new course in `languages` (the first is the default).
  public static func courseXML(id: String, languages: [String] = ["en"]) -> String {
    let languages = languages.isEmpty ? ["en"] : languages
    let many = languages.count > 1
    /// `<tag>text</tag>` once per language, each line indented by `indent`.
    func element(_ tag: String, _ key: String, _ indent: String, attributes: String = "") -> String
    {
      let variants = texts[key] ?? [:]
      return languages.map { language in
        let text = variants[language] ?? variants["en"] ?? ""
        let lang = many ? " xml:lang=\"\(language)\"" : ""
        return "\(indent)<\(tag)\(lang)\(attributes)>\(text)</\(tag)>"
      }.joined(separator: "\n")
    }
    func body(_ tag: String, _ key: String, _ indent: String) -> String {
      languages.map { language in
        let text = texts[key]?[language] ?? texts[key]?["en"] ?? ""
        let lang = many ? " xml:lang=\"\(language)\"" : ""
        return "\(indent)<\(tag)\(lang)><p>\(text)</p></\(tag)>"
      }.joined(separator: "\n")
    }
    func pageBody(_ indent: String) -> String {
      languages.map { language in
        let lang = many ? " xml:lang=\"\(language)\"" : ""
        func text(_ key: String) -> String { texts[key]?[language] ?? texts[key]?["en"] ?? "" }
        return """
          \(indent)<body\(lang)>
          \(indent)  <p>\(text("page"))</p>
          \(indent)  <case title="\(text("case"))">
          \(indent)    <p>\(text("story"))</p>
          \(indent)  </case>
          \(indent)</body>
          """
      }.joined(separator: "\n")
    }
    let untranslated = languages.filter { !["en", "ru"].contains($0) }
    let translateNote =
      untranslated.isEmpty
      ? ""
      : "\n  The texts in \(untranslated.joined(separator: ", ")) are English placeholders: translate them."
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <!--
        A new Kurs course. Check it with:   kurs validate \(id)
        The format is explained in docs/course-format.md; Courses/example uses every feature.
        To add a language, list it in languages="en ru" and give every text an xml:lang twin:
          <title xml:lang="en">…</title>  <title xml:lang="ru">…</title>\(translateNote)
      -->
      <course xmlns="urn:kurs:course:1" id="\(id)" version="0.1.0"
              languages="\(languages.joined(separator: " "))" default-language="\(languages[0])">
      \(element("title", "title", "  "))
      \(element("description", "description", "  "))
      \(element("audience", "audience", "  "))
      \(body("content-note", "note", "  "))

        <module id="first" start="welcome" pass-mark="1">
      \(element("title", "module", "    "))
      \(element("objective", "objective", "    "))

          <page id="welcome" next="check">
      \(element("title", "welcome", "      "))
      \(pageBody("      "))
          </page>

          <question id="check" kind="single" points="1" attempts="2" next="done">
      \(element("prompt", "prompt", "      "))
            <choice id="right" correct="true">
      \(element("text", "right", "        "))
      \(element("feedback", "rightFeedback", "        "))
            </choice>
            <choice id="other">
      \(element("text", "other", "        "))
      \(element("feedback", "otherFeedback", "        "))
            </choice>
      \(element("hint", "hint", "      "))
          </question>

          <end id="done" outcome="pass">
      \(element("title", "done", "      "))
      \(body("body", "next", "      "))
          </end>
        </module>
      </course>

      """
  }
}
