import Foundation

/// libxml2's syntax errors in plain words, with the fix, in English and Russian.
///
/// libxml2 describes what its parser saw ("xmlParseEntityRef: no name", "attributes construct
/// error", "Opening and ending tag mismatch: p line 185 and body"); a trainer with a text editor
/// needs what they wrote and what to write instead ("write & as &amp;", "the <p> opened on line
/// 185 is never closed"). The message is matched, the line is read from the file's bytes to name
/// what is there, and the location moves to where the fix goes when that is clearer. A message
/// that matches nothing keeps libxml2's words (lowercased, `XMLReader.cleanParserMessage`).
struct SyntaxMessage: Equatable {
  var english: String
  var russian: String
  var line: Int
  var column: Int

  /// Elements that are text styles: a wrong closing order of these is a nesting slip.
  private static let inlineElements: Set<String> = ["em", "strong", "term"]

  /// The plain message for libxml2's `message` at `line`/`column` of a file with `bytes`, or
  /// `nil` when it is not one of the slips known here.
  static func rewrite(_ message: String, line: Int, column: Int, bytes: [UInt8]) -> SyntaxMessage? {
    let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
    let lines = SourceLines(bytes)
    func at(
      _ english: String, _ russian: String, line newLine: Int = line, column newColumn: Int = column
    ) -> SyntaxMessage {
      SyntaxMessage(english: english, russian: russian, line: newLine, column: newColumn)
    }

    if text.hasPrefix("xmlParseEntityRef: no name") {
      return at(
        "a bare '&': write & as &amp; (in text and in attribute values alike)",
        "одиночный знак '&': пишите & как &amp; (и в тексте, и в значениях атрибутов)")
    }
    if text.hasPrefix("StartTag: invalid element name") {
      // libxml2 points after the '<'.
      return at(
        "a '<' that starts no tag: write < as &lt; in text (for example 'score &lt; 3')",
        "знак '<', с которого не начинается тег: в тексте пишите < как &lt; (например, 'score &lt; 3')",
        column: max(1, column - 1))
    }
    if text.hasPrefix("Specification mandates value for attribute") {
      let name = text.split(separator: " ").last.map(String.init) ?? "the attribute"
      return at(
        "attribute '\(name)' has no value: write \(name)=\"...\" with its value in quotes",
        "у атрибута '\(name)' нет значения: пишите \(name)=\"...\" со значением в кавычках")
    }
    if text.hasPrefix("Unescaped '<' not allowed in attributes values") {
      // A value that runs over a line end or past a tag's '>' lost its closing quote.
      if let open = lines.openAttribute(before: line, column: column),
        open.spansLines || open.value.contains(">")
      {
        return missingQuote(open)
      }
      return at(
        "a '<' inside an attribute value: write < as &lt; there (for example test=\"score &lt; 3\")",
        "знак '<' внутри значения атрибута: пишите там < как &lt; (например, test=\"score &lt; 3\")"
      )
    }
    if text.hasPrefix("attributes construct error")
      || text.hasPrefix("Couldn't find end of Start Tag")
      || text.hasPrefix("AttValue: \" or ' expected")
    {
      if let swallowed = lines.attributeSwallowingAnother(line: line, column: column) {
        return missingQuote(swallowed)
      }
      return at(
        "this start tag is broken: every attribute is written name=\"value\", with both quotes, and the tag ends with > (or /> when it has no content)",
        "этот открывающий тег испорчен: каждый атрибут пишется как имя=\"значение\" с обеими кавычками, а тег заканчивается на > (или на />, если у него нет содержимого)"
      )
    }
    if let mismatch = TagMismatch(text) {
      // A closing tag that names no element of the format, close to the open one, is a typo.
      let isElement = CourseSchema.text.contains("name=\"\(mismatch.closed)\"")
      if !isElement, Suggestion.editDistance(Array(mismatch.closed), Array(mismatch.opened)) <= 2 {
        return at(
          "</\(mismatch.closed)> closes the <\(mismatch.opened)> opened on line \(mismatch.openedLine): did you mean </\(mismatch.opened)>?",
          "</\(mismatch.closed)> закрывает тег <\(mismatch.opened)>, открытый в строке \(mismatch.openedLine): может быть, </\(mismatch.opened)>?"
        )
      }
      if inlineElements.contains(mismatch.opened) {
        return at(
          "the <\(mismatch.opened)> opened on line \(mismatch.openedLine) must be closed before </\(mismatch.closed)>: write </\(mismatch.opened)></\(mismatch.closed)> (tags close in the reverse order they were opened)",
          "тег <\(mismatch.opened)>, открытый в строке \(mismatch.openedLine), нужно закрыть до </\(mismatch.closed)>: пишите </\(mismatch.opened)></\(mismatch.closed)> (теги закрываются в обратном порядке)"
        )
      }
      return at(
        "the <\(mismatch.opened)> opened on line \(mismatch.openedLine) is never closed: add </\(mismatch.opened)> before this </\(mismatch.closed)>",
        "тег <\(mismatch.opened)>, открытый в строке \(mismatch.openedLine), не закрыт: добавьте </\(mismatch.opened)> перед этим </\(mismatch.closed)>"
      )
    }
    if text.hasPrefix("Premature end of data in tag "), let tag = TagMismatch.premature(text) {
      return at(
        "the file ends before the <\(tag.name)> opened on line \(tag.line) is closed: add </\(tag.name)> at the end of its content",
        "файл заканчивается раньше, чем закрыт тег <\(tag.name)>, открытый в строке \(tag.line): добавьте </\(tag.name)> в конце его содержимого"
      )
    }
    return nil
  }

  private static func missingQuote(_ open: SourceLines.OpenAttribute) -> SyntaxMessage {
    let shown = open.firstWords
    return SyntaxMessage(
      english:
        "a closing quote is missing after \(open.name)=\"\(shown): write \(open.name)=\"\(shown)\"",
      russian:
        "не хватает закрывающей кавычки после \(open.name)=\"\(shown): пишите \(open.name)=\"\(shown)\"",
      line: open.line, column: open.column)
  }
}

/// "Opening and ending tag mismatch: p line 185 and body".
private struct TagMismatch {
  var opened: String
  var openedLine: Int
  var closed: String

  init?(_ message: String) {
    let prefix = "Opening and ending tag mismatch: "
    guard message.hasPrefix(prefix) else { return nil }
    let words = message.dropFirst(prefix.count).split(separator: " ").map(String.init)
    // p line 185 and body
    guard words.count >= 5, words[1] == "line", let line = Int(words[2]), words[3] == "and" else {
      return nil
    }
    opened = words[0]
    openedLine = line
    closed = words[4]
  }

  /// "Premature end of data in tag course line 6".
  static func premature(_ message: String) -> (name: String, line: Int)? {
    let words = message.split(separator: " ").map(String.init)
    guard words.count >= 9, let line = Int(words[8]) else { return nil }
    return (words[6], line)
  }
}

/// The lines of a file, for naming what is written where libxml2 stopped.
private struct SourceLines {
  let lines: [Substring]

  init(_ bytes: [UInt8]) {
    lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
  }

  /// An attribute whose value was opened with a quote and not closed where it should have been.
  struct OpenAttribute {
    var name: String
    var value: String
    var line: Int
    var column: Int
    var spansLines: Bool

    /// The value up to where it should have ended (its first line, or before the attribute it
    /// swallowed), for the message.
    var firstWords: String {
      var first =
        value.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
        ?? value
      // The tag's own end is not part of the value.
      if let end = first.firstIndex(of: ">") { first = String(first[..<end]) }
      if first.hasSuffix("/") { first.removeLast() }
      let trimmed = first.trimmingCharacters(in: .whitespaces)
      return trimmed.count > 40 ? String(trimmed.prefix(40)) + "…" : trimmed
    }
  }

  /// The attribute value open at `line`/`column` (1-based): the last `name="` before it whose
  /// quote is not closed before it.
  func openAttribute(before line: Int, column: Int) -> OpenAttribute? {
    guard line >= 1, line <= lines.count else { return nil }
    // The text from a few lines up to the error, as characters with their line and column.
    let firstLine = max(1, line - 20)
    var characters: [(Character, Int, Int)] = []
    for number in firstLine...line {
      let text = lines[number - 1]
      var columnNumber = 1
      for character in text {
        if number == line, columnNumber >= column { break }
        characters.append((character, number, columnNumber))
        columnNumber += 1
      }
      if number < line { characters.append(("\n", number, columnNumber)) }
    }
    // Walk forward tracking quotes inside tags.
    var inTag = false
    var quote: Character?
    var open: (name: String, line: Int, column: Int, valueStart: Int)?
    for (index, (character, _, _)) in characters.enumerated() {
      if let current = quote {
        if character == current {
          quote = nil
          open = nil
        }
        continue
      }
      if character == "<" { inTag = true } else if character == ">" { inTag = false }
      guard inTag, character == "\"" || character == "'", index > 0, characters[index - 1].0 == "="
      else { continue }
      var start = index - 1
      while start > 0, let scalar = characters[start - 1].0.unicodeScalars.first,
        CharacterSet.alphanumerics.contains(scalar) || "-_:.".contains(characters[start - 1].0)
      {
        start -= 1
      }
      let name = String(characters[start..<(index - 1)].map(\.0))
      quote = character
      open = (name, characters[start].1, characters[start].2, index + 1)
    }
    guard let open, !open.name.isEmpty else { return nil }
    let value = String(characters[open.valueStart...].map(\.0))
    return OpenAttribute(
      name: open.name, value: value, line: open.line, column: open.column,
      spansLines: value.contains("\n"))
  }

  /// On `line`, before `column`: an attribute whose value holds ` other=`, because its closing
  /// quote is missing (`start="welcome pass-mark="60%"`).
  func attributeSwallowingAnother(line: Int, column: Int) -> OpenAttribute? {
    guard line >= 1, line <= lines.count else { return nil }
    let text = String(lines[line - 1])
    let pattern = #"([A-Za-z_:][-A-Za-z0-9_:.]*)=(["'])([^"']*?)\s+[A-Za-z_:][-A-Za-z0-9_:.]*=\2"#
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
      let nameRange = Range(match.range(at: 1), in: text),
      let valueRange = Range(match.range(at: 3), in: text)
    else { return nil }
    let columnNumber = text.distance(from: text.startIndex, to: nameRange.lowerBound) + 1
    return OpenAttribute(
      name: String(text[nameRange]), value: String(text[valueRange]), line: line,
      column: columnNumber, spansLines: false)
  }
}
