/// Reads a question bank in Moodle's GIFT text format: the questions that map to Kurs, and a
/// note for each question or feature that does not.
///
/// As Moodle reads it (question/format/gift): questions are separated by blank lines, lines
/// starting with `//` are comments, `::name::` names a question, `$CATEGORY: path` starts a
/// category, the answers are in `{…}` (`=` right, `~` wrong, `~%50%` weighted, `#` feedback,
/// `####` general feedback, `->` matching, `T`/`F` true/false), and `\` escapes `~ = # { } :`.
/// A blank line always ends a question, as in Moodle, so a brace left open is found where it is.
struct GIFTImporter {
  let displayPath: String

  /// A character of the file, with whether it was escaped and where it is.
  private struct Mark {
    var scalar: Unicode.Scalar
    var escaped: Bool
    var line: Int
    var column: Int
  }

  /// Reads `text`, the whole file.
  /// - Throws: `ImportError.malformed` for an answer block never closed, a `}` never opened or
  ///   a `::name` never closed, at its line and column.
  func read(_ text: String) throws(ImportError) -> ImportedBank {
    var bank = ImportedBank()
    for chunk in chunks(of: text) {
      try readQuestion(chunk, into: &bank)
    }
    return bank
  }

  /// The questions of the file: runs of lines between blank lines, comments removed.
  private func chunks(of text: String) -> [[Mark]] {
    var chunks: [[Mark]] = []
    var current: [Mark] = []
    var lineNumber = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("//") { continue }
      if trimmed.isEmpty || trimmed == "\r" {
        if !current.isEmpty {
          chunks.append(current)
          current = []
        }
        continue
      }
      var column = 0
      var escaping = false
      for scalar in line.unicodeScalars {
        column += 1
        if scalar == "\r" { continue }
        if escaping {
          escaping = false
          switch scalar {
          case "n":
            current.append(Mark(scalar: "\n", escaped: true, line: lineNumber, column: column - 1))
          case "\\", ":", "#", "=", "{", "}", "~":
            current.append(
              Mark(scalar: scalar, escaped: true, line: lineNumber, column: column - 1))
          default:
            current.append(Mark(scalar: "\\", escaped: true, line: lineNumber, column: column - 1))
            current.append(Mark(scalar: scalar, escaped: false, line: lineNumber, column: column))
          }
          continue
        }
        if scalar == "\\" {
          escaping = true
          continue
        }
        current.append(Mark(scalar: scalar, escaped: false, line: lineNumber, column: column))
      }
      if escaping {
        current.append(Mark(scalar: "\\", escaped: true, line: lineNumber, column: column))
      }
      current.append(Mark(scalar: "\n", escaped: false, line: lineNumber, column: column + 1))
    }
    if !current.isEmpty { chunks.append(current) }
    return chunks
  }

  private func readQuestion(_ chunk: [Mark], into bank: inout ImportedBank) throws(ImportError) {
    var marks = trim(chunk[...])
    guard let first = marks.first else { return }
    let start = SourceLocation(file: displayPath, line: first.line, column: 1)
    if string(marks).hasPrefix("$CATEGORY:") {
      bank.startCategory(
        string(marks.dropFirst(10)).trimmingCharacters(in: .whitespacesAndNewlines))
      return
    }
    var name: String?
    if marks.count >= 2, isControl(marks[marks.startIndex], ":"),
      isControl(marks[marks.startIndex + 1], ":")
    {
      let rest = marks.dropFirst(2)
      guard
        let end = rest.indices.first(where: {
          isControl(rest[$0], ":") && $0 + 1 < rest.endIndex && isControl(rest[$0 + 1], ":")
        })
      else {
        throw .malformed(
          location(first),
          "the question name opened with '::' is never closed; write ::name:: before the question text"
        )
      }
      name = string(rest[rest.startIndex..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
      marks = trim(rest[(end + 2)...])
    }
    let open = marks.firstIndex { isControl($0, "{") }
    let close = marks.firstIndex { isControl($0, "}") }
    if let close, open.map({ close < $0 }) ?? true {
      throw .malformed(
        location(marks[close]),
        "'}' closes an answer block that was never opened; write \\} for a brace in the text")
    }
    func note(_ message: String) {
      bank.notes.append(
        ImportNote(location: start, question: name ?? defaultName(marks), message: message))
    }
    guard let open else {
      note(
        "not carried over: a description (text without answers) is not a question; put it on a page (<page>)"
      )
      return
    }
    guard let close else {
      throw .malformed(
        location(marks[open]),
        "the answer block opened here is never closed; add '}' (or write \\{ for a brace in the text)"
      )
    }
    let before = marks[marks.startIndex..<open]
    let after = trim(marks[(close + 1)...])
    var answerText = trim(marks[(open + 1)..<close])
    if after.contains(where: { isControl($0, "{") }) {
      note(
        "only the first answer block is read; a question with several blanks is a cloze question, which has no Kurs kind"
      )
    }
    let questionName = name ?? defaultName(before)
    var (format, promptMarks) = formatPrefix(trim(before))
    var promptText = string(promptMarks)
    // Moodle's missing-word form: the blank stands where the answers were.
    if !after.isEmpty {
      promptText =
        string(formatPrefix(before.drop { $0.scalar.properties.isWhitespace }).1) + "_____"
        + string(marks[(close + 1)...])
    }
    if promptMarks.isEmpty && after.isEmpty {
      promptText = questionName
      format = .plain
    }
    var question = ImportedQuestion(
      name: questionName, location: start, prompt: SourceText(promptText, format: format),
      answers: .single([]))
    if let separator = lastIndex(of: "####", in: answerText) {
      let feedback = text(trim(answerText[(separator + 4)...]), default: format)
      if !feedback.isBlank { question.generalFeedback = feedback }
      answerText = trim(answerText[answerText.startIndex..<separator])
    }
    var notes: [String] = []
    let answers = kind(of: answerText, format: format, notes: &notes)
    for message in notes {
      bank.notes.append(ImportNote(location: start, question: questionName, message: message))
    }
    guard let answers else { return }
    question.answers = answers
    bank.append(question)
  }

  /// The answers of `{…}`, by Moodle's rules for telling the kinds apart.
  private func kind(of answers: ArraySlice<Mark>, format: SourceText.Format, notes: inout [String])
    -> ImportedQuestion.Answers?
  {
    guard let first = answers.first else {
      notes.append("not carried over: essay (an empty answer block {}) has no Kurs kind")
      return nil
    }
    if isControl(first, "#") {
      notes.append("not carried over: numerical (a typed number) has no Kurs kind")
      return nil
    }
    if first.scalar == ">" {
      notes.append(
        "not carried over: the ordering plugin's GIFT form {>…} is not read; export the question as Moodle XML"
      )
      return nil
    }
    if answers.contains(where: { isControl($0, "~") }) {
      return choices(
        answers, single: answers.contains { isControl($0, "=") }, format: format, notes: &notes)
    }
    if answers.contains(where: { isControl($0, "=") }), range(of: "->", in: answers) != nil {
      return matching(answers, format: format, notes: &notes)
    }
    let head =
      answers.firstIndex { isControl($0, "#") }.map { answers[answers.startIndex..<$0] } ?? answers
    let word = string(trim(head)).uppercased()
    if ["T", "TRUE", "F", "FALSE"].contains(word) {
      let parts = split(answers, at: "#", limit: 3)
      let wrong = parts.count > 1 ? text(trim(parts[1]), default: format) : nil
      let right = parts.count > 2 ? text(trim(parts[2]), default: format) : nil
      let correct = word.hasPrefix("T")
      return .trueFalse(
        correct: correct, feedbackTrue: nonBlank(correct ? right : wrong),
        feedbackFalse: nonBlank(correct ? wrong : right))
    }
    notes.append("not carried over: short answer (typed text) has no Kurs kind")
    return nil
  }

  private func choices(
    _ answers: ArraySlice<Mark>, single: Bool, format: SourceText.Format, notes: inout [String]
  ) -> ImportedQuestion.Answers? {
    var choices: [ImportedQuestion.Choice] = []
    var fractions: [Double] = []
    var current: [Mark] = []
    var marker: Unicode.Scalar?
    func finish() {
      defer { current = [] }
      guard let marker else {
        if !string(trim(current[...])).isEmpty {
          notes.append(
            "text before the first answer ('\(string(trim(current[...])))') is not an answer; dropped"
          )
        }
        return
      }
      var body = trim(current[...])
      var fraction: Double = marker == "=" ? 100 : 0
      if marker == "~", let weight = weight(body) {
        fraction = weight.value
        body = trim(body[weight.end...])
      }
      let parts = split(body, at: "#", limit: 2)
      choices.append(
        ImportedQuestion.Choice(
          text: text(trim(parts[0]), default: format), correct: false,
          feedback: parts.count > 1 ? nonBlank(text(trim(parts[1]), default: format)) : nil))
      fractions.append(fraction)
    }
    for mark in answers {
      if isControl(mark, "~") || isControl(mark, "=") {
        finish()
        marker = mark.scalar
      } else {
        current.append(mark)
      }
    }
    finish()
    return ChoiceFractions(fractions: fractions).answers(choices, single: single, notes: &notes)
  }

  private func matching(
    _ answers: ArraySlice<Mark>, format: SourceText.Format, notes: inout [String]
  )
    -> ImportedQuestion.Answers?
  {
    var pairs: [ImportedQuestion.Pair] = []
    var extras: [String] = []
    for part in split(answers, at: "=", limit: .max).dropFirst() {
      let body = trim(part)
      guard let arrow = range(of: "->", in: body) else {
        notes.append("not carried over: the matching answer '\(string(body))' has no '->'")
        return nil
      }
      let left = trim(body[body.startIndex..<arrow.lowerBound])
      let right = string(trim(body[arrow.upperBound...]))
      if left.isEmpty {
        extras.append(right)
      } else {
        pairs.append(
          ImportedQuestion.Pair(
            left: text(left, default: format), right: SourceText(right, format: .plain)))
      }
    }
    if !extras.isEmpty {
      notes.append(
        "extra wrong answers \(extras.map { "'\($0)'" }.joined(separator: ", ")) are not carried over: a Kurs matching offers only the right sides of its pairs"
      )
    }
    guard pairs.count >= 2 else {
      notes.append("not carried over: a matching needs at least two pairs")
      return nil
    }
    return .matching(pairs)
  }

  // MARK: Helpers

  private func isControl(_ mark: Mark, _ scalar: Unicode.Scalar) -> Bool {
    !mark.escaped && mark.scalar == scalar
  }

  private func location(_ mark: Mark) -> SourceLocation {
    SourceLocation(file: displayPath, line: mark.line, column: mark.column)
  }

  private func string<C: Collection>(_ marks: C) -> String where C.Element == Mark {
    var result = ""
    result.unicodeScalars.append(contentsOf: marks.map(\.scalar))
    return result
  }

  private func trim(_ marks: ArraySlice<Mark>) -> ArraySlice<Mark> {
    var result = marks
    while let first = result.first, first.scalar.properties.isWhitespace, !first.escaped {
      result = result.dropFirst()
    }
    while let last = result.last, last.scalar.properties.isWhitespace, !last.escaped {
      result = result.dropLast()
    }
    return result
  }

  /// Splits at unescaped `separator`, into at most `limit` parts.
  private func split(_ marks: ArraySlice<Mark>, at separator: Unicode.Scalar, limit: Int)
    -> [ArraySlice<Mark>]
  {
    var parts: [ArraySlice<Mark>] = []
    var start = marks.startIndex
    for index in marks.indices where isControl(marks[index], separator) && parts.count < limit - 1 {
      parts.append(marks[start..<index])
      start = index + 1
    }
    parts.append(marks[start..<marks.endIndex])
    return parts
  }

  private func range(of text: String, in marks: ArraySlice<Mark>) -> Range<Int>? {
    let wanted = Array(text.unicodeScalars)
    guard marks.count >= wanted.count else { return nil }
    for index in marks.startIndex...(marks.endIndex - wanted.count) {
      if (0..<wanted.count).allSatisfy({ isControl(marks[index + $0], wanted[$0]) }) {
        return index..<(index + wanted.count)
      }
    }
    return nil
  }

  private func lastIndex(of text: String, in marks: ArraySlice<Mark>) -> Int? {
    let wanted = Array(text.unicodeScalars)
    guard marks.count >= wanted.count else { return nil }
    for index in stride(from: marks.endIndex - wanted.count, through: marks.startIndex, by: -1) {
      if (0..<wanted.count).allSatisfy({ isControl(marks[index + $0], wanted[$0]) }) {
        return index
      }
    }
    return nil
  }

  /// A weight `%50%` or `%-33.3%` at the start of an answer: its value and where the text goes on.
  private func weight(_ marks: ArraySlice<Mark>) -> (value: Double, end: Int)? {
    guard let first = marks.first, first.scalar == "%" else { return nil }
    let rest = marks.dropFirst()
    guard let end = rest.firstIndex(where: { $0.scalar == "%" }), end - rest.startIndex <= 12,
      let value = Double(string(rest[rest.startIndex..<end])), value.isFinite, abs(value) <= 100
    else { return nil }
    return (value, end + 1)
  }

  /// `[html]`, `[moodle]`, `[plain]` or `[markdown]` at the start of a text.
  private func formatPrefix(_ marks: ArraySlice<Mark>) -> (SourceText.Format, ArraySlice<Mark>) {
    let text = string(marks.prefix(10))
    for (prefix, format) in [
      ("[html]", SourceText.Format.html), ("[moodle]", .html), ("[plain]", .plain),
      ("[markdown]", .markdown),
    ]
    where text.hasPrefix(prefix) {
      return (format, trim(marks.dropFirst(prefix.unicodeScalars.count)))
    }
    return (.html, marks)
  }

  private func text(_ marks: ArraySlice<Mark>, default format: SourceText.Format) -> SourceText {
    let (own, rest) = formatPrefix(marks)
    let written = string(marks.prefix(10))
    let hasPrefix = ["[html]", "[moodle]", "[plain]", "[markdown]"].contains {
      written.hasPrefix($0)
    }
    return SourceText(string(rest), format: hasPrefix ? own : format)
  }

  private func nonBlank(_ text: SourceText?) -> SourceText? {
    guard let text, !text.isBlank else { return nil }
    return text
  }

  /// A name for a question without `::name::`: the start of its text.
  private func defaultName(_ marks: ArraySlice<Mark>) -> String {
    let plain = HTMLText(html: string(formatPrefix(trim(marks)).1)).plainText
    let name = plain.count > 40 ? String(plain.prefix(39)) + "…" : plain
    return name.isEmpty ? "question at line \(marks.first?.line ?? 1)" : name
  }
}
