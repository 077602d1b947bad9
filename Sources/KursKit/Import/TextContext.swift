import Foundation

/// Turns the texts of one question (or one category) into Kurs text in each language of the
/// course, and remembers what did not carry over: dropped markup, images and files, languages
/// the multilang markup lacks, Markdown, texts left empty.
struct TextContext {
  let languages: [String]
  let defaultLanguage: String
  private(set) var dropped: [String] = []
  private(set) var files: [String] = []
  /// Languages some text has no version in, with the language written instead.
  private(set) var missingLanguages: [(language: String, substitute: String)] = []
  private(set) var invalidLanguages: [String] = []
  private(set) var usedMarkdown = false
  private(set) var placeholders = 0

  init(languages: [String], defaultLanguage: String) {
    self.languages = languages
    self.defaultLanguage = defaultLanguage
  }

  /// `text` in `language`, converted from its markup.
  mutating func converted(_ text: SourceText, _ language: String) -> HTMLText {
    let multilang = MultilangText(text.raw)
    for code in multilang.invalidLanguages where !invalidLanguages.contains(code) {
      invalidLanguages.append(code)
    }
    let (resolved, substitute) = multilang.text(in: language, fallback: defaultLanguage)
    if let substitute, !missingLanguages.contains(where: { $0.language == language }) {
      missingLanguages.append((language, substitute == "other" ? "other" : substitute))
    }
    let result: HTMLText
    switch text.format {
    case .html: result = HTMLText(html: resolved)
    case .plain: result = HTMLText(plain: resolved)
    case .markdown:
      usedMarkdown = true
      result = HTMLText(plain: resolved)
    }
    for tag in result.dropped where !dropped.contains(tag) { dropped.append(tag) }
    for file in result.files where !files.contains(file) { files.append(file) }
    return result
  }

  /// `text` in `language` as Kurs inline XML.
  mutating func inline(_ text: SourceText, _ language: String) -> String {
    converted(text, language).inlineXML
  }

  /// `text` in the default language as plain text (for ids).
  mutating func plain(_ text: SourceText) -> String {
    converted(text, defaultLanguage).plainText
  }

  /// What stands for a text that is empty in Kurs (an image alone, or nothing).
  mutating func placeholder(for text: SourceText) -> String {
    placeholders += 1
    let files = HTMLText(html: text.raw).files
    return files.isEmpty
      ? "(no text)" : HTMLText.escape("(image: \(files.joined(separator: ", ")))")
  }

  /// The question text as `<body>` and `<prompt>`: a text of several paragraphs (in every
  /// language) keeps all but its last in the body; the last paragraph is the prompt.
  mutating func promptXML(_ prompt: SourceText) -> String {
    let converted = languages.map { self.converted(prompt, $0) }
    let split = converted.allSatisfy { text in
      text.blocks.count >= 2
        && { if case .paragraph = text.blocks.last { return true } else { return false } }()
    }
    var bodies = ""
    var prompts = ""
    for (language, text) in zip(languages, converted) {
      let lang = languages.count > 1 ? " xml:lang=\"\(language)\"" : ""
      if split {
        bodies += "      <body\(lang)>\(text.blockXML.dropLast().joined())</body>\n"
      }
      var inline =
        split
        ? text.blockXML.last.map { String($0.dropFirst(3).dropLast(4)) } ?? "" : text.inlineXML
      if inline.isEmpty { inline = placeholder(for: prompt) }
      prompts += "      <prompt\(lang)>\(inline)</prompt>\n"
    }
    let out = bodies + prompts
    return out
  }

  /// The report lines for what this context met, at `location`.
  func notes(at location: SourceLocation, question: String?) -> [ImportNote] {
    var messages: [String] = []
    if !files.isEmpty {
      messages.append("images and files are not carried over: \(files.joined(separator: ", "))")
    }
    if !dropped.isEmpty {
      messages.append("markup dropped, its text kept: \(dropped.joined(separator: " "))")
    }
    if usedMarkdown { messages.append("Markdown is kept as plain text") }
    if !invalidLanguages.isEmpty {
      messages.append(
        "multilang \(invalidLanguages.map { "'\($0)'" }.joined(separator: ", ")) \(invalidLanguages.count == 1 ? "is" : "are") not a language code; that text is kept in every language"
      )
    }
    for (language, substitute) in missingLanguages {
      messages.append(
        "some texts have no '\(language)' version; the '\(substitute)' text is written there: translate it"
      )
    }
    if placeholders > 0 {
      messages.append(
        "\(placeholders) empty \(placeholders == 1 ? "text is" : "texts are") written as '(no text)' or '(image: …)': write \(placeholders == 1 ? "it" : "them")"
      )
    }
    return messages.map { ImportNote(location: location, question: question, message: $0) }
  }

  /// The report lines for `question`.
  func notes(for question: ImportedQuestion) -> [ImportNote] {
    notes(at: question.location, question: question.name)
  }
}
