import Foundation

/// Writes an imported question bank as a Kurs course file: one module per category, its
/// questions one after the other, then an end. Every text is written in every language of the
/// course: a text without multilang markup is the same in each; a text missing in a language
/// takes the default language's text (and the report says so).
struct ImportedCourseWriter {
  /// The course id (also the folder's name).
  var courseID: String
  /// The course title (the source file's name).
  var title: String
  /// The source file as the report names it.
  var source: String
  /// The command that made the course, for the comment at the top (`kurs import moodle`).
  var command: String
  /// The language of texts without multilang markup.
  var textLanguage: String
  /// The pass mark of every module.
  var passMark = "50%"

  /// The course's languages and default language, from the multilang markup of `bank`.
  func languages(of bank: ImportedBank) -> (all: [String], default: String) {
    var found: [String] = []
    func scan(_ text: SourceText?) {
      guard let text else { return }
      for language in MultilangText(text.raw).languages where !found.contains(language) {
        found.append(language)
      }
    }
    for category in bank.categories {
      scan(Self.categoryName(category.path).map { SourceText($0, format: .plain) })
      for question in category.questions {
        for text in question.texts { scan(text) }
      }
    }
    guard !found.isEmpty else { return ([textLanguage], textLanguage) }
    return (found, found.contains(textLanguage) ? textLanguage : found[0])
  }

  /// The course file's text, and notes on what changed on the way.
  func write(_ bank: ImportedBank) -> (xml: String, notes: [ImportNote]) {
    let (languages, defaultLanguage) = languages(of: bank)
    var notes: [ImportNote] = []
    var moduleIDs = IDAllocator()
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!--
        Imported with '\(Self.comment(command))' from \(Self.comment(Self.fileName(source))).
        The import report lists every question and feature that was not carried over.
        Check each question and set each module's pass mark (\(passMark) here), then check
        the course again with kurs validate, in strict mode.
      -->
      <course xmlns="urn:kurs:course:1" id="\(courseID)" version="0.1.0"
              languages="\(languages.joined(separator: " "))" default-language="\(defaultLanguage)">

      """
    for language in languages {
      out += "  <title\(attribute(language, languages))>\(HTMLText.escape(title))</title>\n"
    }
    for category in bank.categories where !category.questions.isEmpty {
      let name = Self.categoryName(category.path)
      // A category's name may hold multilang spans: HTML, not plain text.
      var context = TextContext(languages: languages, defaultLanguage: defaultLanguage)
      let last = name.flatMap { $0.components(separatedBy: " / ").last } ?? HTMLText.escape(title)
      let moduleID = moduleIDs.make(from: context.plain(SourceText(last)), fallback: "questions")
      var nodeIDs = IDAllocator()
      let questionIDs = category.questions.map { nodeIDs.make(from: $0.name, fallback: "question") }
      let endID = nodeIDs.make(from: "done", fallback: "done")
      out += "\n"
      if let path = category.path { out += "  <!-- category \(Self.comment(path)) -->\n" }
      out += "  <module id=\"\(moduleID)\" start=\"\(questionIDs[0])\" pass-mark=\"\(passMark)\">\n"
      for language in languages {
        let text = context.inline(SourceText(name ?? HTMLText.escape(title)), language)
        out += "    <title\(attribute(language, languages))>\(text)</title>\n"
      }
      for (index, question) in category.questions.enumerated() {
        var questionContext = TextContext(languages: languages, defaultLanguage: defaultLanguage)
        let next = index + 1 < questionIDs.count ? questionIDs[index + 1] : endID
        out += questionXML(question, id: questionIDs[index], next: next, context: &questionContext)
        notes += questionContext.notes(for: question)
      }
      out += "    <end id=\"\(endID)\" outcome=\"pass\"/>\n  </module>\n"
      notes += context.notes(
        at: SourceLocation(file: source, line: category.questions[0].location.line, column: 1),
        question: nil)
    }
    out += "</course>\n"
    return (out, notes)
  }

  private func questionXML(
    _ question: ImportedQuestion, id: String, next: String, context: inout TextContext
  ) -> String {
    let languages = context.languages
    let kind: String
    switch question.answers {
    case .single: kind = "single"
    case .multiple: kind = "multiple"
    case .trueFalse: kind = "true-false"
    case .matching: kind = "matching"
    case .ordering: kind = "ordering"
    }
    var attributes = "id=\"\(id)\" kind=\"\(kind)\" points=\"\(question.points)\""
    if !question.hints.isEmpty {
      attributes += " attempts=\"\(question.hints.count + 1)\""
      // Moodle's penalty is a share of the points per try; Kurs's is whole points, and never
      // so much that a correct last try earns nothing.
      let penalty = min(
        Int((question.penalty * Double(question.points)).rounded()),
        question.points / question.hints.count)
      if penalty > 0 { attributes += " penalty=\"\(penalty)\"" }
    }
    if question.shuffle {
      switch question.answers {
      case .single, .multiple: attributes += " shuffle=\"true\""
      default: break
      }
    }
    attributes += " next=\"\(next)\""
    var out =
      "    <!-- \(Self.comment(question.name)) (\(Self.comment(Self.fileName(question.location.file))):\(question.location.line)) -->\n"
    out += "    <question \(attributes)>\n"
    out += context.promptXML(question.prompt)
    func element(_ name: String, _ text: SourceText?, required: Bool, indent: String) -> String {
      guard let text else { return "" }
      var result = ""
      let written = languages.map { context.inline(text, $0) }
      if written.allSatisfy(\.isEmpty) && !required { return "" }
      for (language, value) in zip(languages, written) {
        let content = value.isEmpty ? context.placeholder(for: text) : value
        result += "\(indent)<\(name)\(attribute(language, languages))>\(content)</\(name)>\n"
      }
      return result
    }
    switch question.answers {
    case .single(let choices), .multiple(let choices):
      for (index, choice) in choices.enumerated() {
        out +=
          "      <choice id=\"\(Self.letterID(index))\"\(choice.correct ? " correct=\"true\"" : "")>\n"
        out += element("text", choice.text, required: true, indent: "        ")
        out += element("feedback", choice.feedback, required: false, indent: "        ")
        out += "      </choice>\n"
      }
    case .trueFalse(let correct, let feedbackTrue, let feedbackFalse):
      for (value, feedback) in [(true, feedbackTrue), (false, feedbackFalse)] {
        let inner = element("feedback", feedback, required: false, indent: "        ")
        let head = "      <choice id=\"\(value)\"\(correct == value ? " correct=\"true\"" : "")"
        out += inner.isEmpty ? head + "/>\n" : head + ">\n" + inner + "      </choice>\n"
      }
    case .matching(let pairs):
      for (index, pair) in pairs.enumerated() {
        out += "      <pair id=\"p\(index + 1)\">\n"
        out += element("left", pair.left, required: true, indent: "        ")
        out += element("right", pair.right, required: true, indent: "        ")
        out += "      </pair>\n"
      }
    case .ordering(let items):
      for (index, item) in items.enumerated() {
        out += "      <item id=\"i\(index + 1)\">\n"
        out += element("text", item, required: true, indent: "        ")
        out += "      </item>\n"
      }
    }
    for hint in question.hints { out += element("hint", hint, required: true, indent: "      ") }
    out += element("feedback", question.generalFeedback, required: false, indent: "      ")
    out += "    </question>\n"
    return out
  }

  private func attribute(_ language: String, _ languages: [String]) -> String {
    languages.count > 1 ? " xml:lang=\"\(language)\"" : ""
  }

  /// `a`, `b`, … `z`, `aa`, `ab`…: choice ids as a learner reads them.
  static func letterID(_ index: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    var id = ""
    var rest = index + 1
    while rest > 0 {
      rest -= 1
      id.insert(letters[rest % 26], at: id.startIndex)
      rest /= 26
    }
    return id
  }

  /// A category's name for the module title: its path without Moodle's context and `top`
  /// (`$course$/top/Rights/Detention` gives `Rights / Detention`); `nil` for none.
  static func categoryName(_ path: String?) -> String? {
    guard let path else { return nil }
    // A `/` inside a tag (`</span>`) does not separate parts.
    var parts: [String] = []
    var part = ""
    var inTag = false
    for character in path {
      if character == "<" { inTag = true }
      if character == ">" { inTag = false }
      if character == "/", !inTag {
        parts.append(part)
        part = ""
      } else {
        part.append(character)
      }
    }
    parts.append(part)
    let named = parts.map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && !($0.hasPrefix("$") && $0.hasSuffix("$")) && $0 != "top" }
    return named.isEmpty ? nil : named.joined(separator: " / ")
  }

  /// A file's name without its folders: the course goes to learners, and a trainer's folders
  /// (`/home/NAME/…`) are none of their business.
  static func fileName(_ path: String) -> String {
    URL(fileURLWithPath: path).lastPathComponent
  }

  /// Text safe inside an XML comment: no `--`, no characters XML forbids.
  static func comment(_ text: String) -> String {
    var result = String(
      String.UnicodeScalarView(text.unicodeScalars.filter(HTMLText.isXMLCharacter)))
    while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
    while result.hasSuffix("-") { result.removeLast() }
    return result
  }
}
