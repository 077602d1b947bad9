import Foundation

/// Reads a Moodle XML question bank (`<quiz>` of `<question type="…">`): the questions that
/// map to Kurs, and a note for each question or feature that does not.
///
/// Mirrors Moodle's own import (question/format/xml): `multichoice` (single or multiple, with
/// fractions), `truefalse`, `matching`, `ordering` (the qtype_ordering plugin) and `category`.
struct MoodleXMLImporter {
  let displayPath: String

  /// Question types Kurs does not have, with what to say about them.
  private static let unsupported: [String: String] = [
    "shortanswer": "short answer (typed text) has no Kurs kind",
    "numerical": "numerical (a typed number) has no Kurs kind",
    "essay": "essay (free text marked by a person) has no Kurs kind",
    "cloze": "cloze (embedded answers) has no Kurs kind; split it into single-choice questions",
    "multianswer":
      "cloze (embedded answers) has no Kurs kind; split it into single-choice questions",
    "description": "a description is text, not a question; put it on a page (<page>)",
    "calculated": "calculated questions have no Kurs kind",
    "calculatedsimple": "calculated questions have no Kurs kind",
    "calculatedmulti": "calculated questions have no Kurs kind",
    "randomsamatch": "random short-answer matching has no Kurs kind",
    "random": "a random question draws from a category; Kurs has no random questions",
    "ddwtos": "drag and drop into text has no Kurs kind",
    "gapselect": "select missing words has no Kurs kind",
    "ddimageortext": "drag and drop onto an image has no Kurs kind",
    "ddmarker": "drag and drop markers has no Kurs kind",
  ]

  /// Reads `bytes` (the whole file).
  /// - Throws: `ImportError.malformed` for a file that is not a Moodle question bank.
  func read(_ bytes: [UInt8]) throws(ImportError) -> ImportedBank {
    let root = try BankXMLReader.parse(bytes, displayPath: displayPath)
    guard root.name == "quiz" else {
      throw .malformed(
        SourceLocation(file: displayPath, line: root.line, column: 1),
        "the root element is <\(root.name)>; a Moodle XML question bank starts with <quiz> (export it from the question bank as 'Moodle XML format')"
      )
    }
    var bank = ImportedBank()
    for element in root.children {
      guard element.name == "question" else {
        bank.notes.append(note(element, nil, "<\(element.name)> is not a question; skipped"))
        continue
      }
      readQuestion(element, into: &bank)
    }
    return bank
  }

  private func readQuestion(_ element: BankElement, into bank: inout ImportedBank) {
    let type = element.attributes["type"] ?? ""
    if type == "category" {
      let path =
        element.child("category")?.textValue.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
      bank.startCategory(path)
      return
    }
    let name = questionName(element)
    if let reason = Self.unsupported[type] {
      bank.notes.append(note(element, name, "not carried over: \(reason)"))
      return
    }
    guard !type.isEmpty else {
      bank.notes.append(note(element, name, "not carried over: the question has no type"))
      return
    }
    var question = ImportedQuestion(
      name: name, location: SourceLocation(file: displayPath, line: element.line, column: 1),
      prompt: text(element.child("questiontext")) ?? SourceText(""), answers: .single([]))
    question.generalFeedback = text(element.child("generalfeedback")).flatMap {
      $0.isBlank ? nil : $0
    }
    question.hints = element.children(named: "hint").compactMap { text($0) }.filter { !$0.isBlank }
    question.shuffle = isTrue(element.child("shuffleanswers")?.textValue)
    var notes: [String] = []
    readGrade(element, into: &question, notes: &notes)
    if !element.children(named: "tags").isEmpty || !element.children(named: "tag").isEmpty {
      notes.append("tags are not carried over")
    }
    let answers: ImportedQuestion.Answers?
    switch type {
    case "multichoice":
      answers = multichoice(element, notes: &notes)
    case "truefalse":
      answers = trueFalse(element, notes: &notes)
    case "matching", "match":
      answers = matching(element, notes: &notes)
    case "ordering":
      answers = ordering(element, notes: &notes)
    default:
      answers = nil
      notes.append("not carried over: the question type '\(type)' has no Kurs kind")
    }
    for message in notes { bank.notes.append(note(element, name, message)) }
    guard let answers else { return }
    question.answers = answers
    if question.prompt.isBlank {
      bank.notes.append(
        note(element, name, "the question text is empty; its name is used as the prompt"))
      question.prompt = SourceText(name, format: .plain)
    }
    bank.append(question)
  }

  // MARK: Kinds

  private func multichoice(_ element: BankElement, notes: inout [String]) -> ImportedQuestion
    .Answers?
  {
    let single = isTrue(element.child("single")?.textValue ?? "true")
    var choices: [ImportedQuestion.Choice] = []
    var fractions: [Double] = []
    for answer in element.children(named: "answer") {
      guard let fraction = fraction(answer, notes: &notes) else { return nil }
      fractions.append(fraction)
      choices.append(
        ImportedQuestion.Choice(
          text: text(answer) ?? SourceText(""), correct: false, feedback: feedback(answer)))
    }
    return ChoiceFractions(fractions: fractions).answers(choices, single: single, notes: &notes)
  }

  private func trueFalse(_ element: BankElement, notes: inout [String]) -> ImportedQuestion.Answers?
  {
    var correct: Bool?
    var feedbackTrue: SourceText?
    var feedbackFalse: SourceText?
    for answer in element.children(named: "answer") {
      let word = answer.textValue.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
      guard let fraction = fraction(answer, notes: &notes) else { return nil }
      let isTrue = word == "true"
      guard isTrue || word == "false" else {
        notes.append("not carried over: a true/false answer reads '\(word)', not 'true' or 'false'")
        return nil
      }
      if fraction >= 100 { correct = isTrue }
      if isTrue { feedbackTrue = feedback(answer) } else { feedbackFalse = feedback(answer) }
    }
    guard let correct else {
      notes.append("not carried over: neither 'true' nor 'false' is marked right (fraction 100)")
      return nil
    }
    return .trueFalse(correct: correct, feedbackTrue: feedbackTrue, feedbackFalse: feedbackFalse)
  }

  private func matching(_ element: BankElement, notes: inout [String]) -> ImportedQuestion.Answers?
  {
    var pairs: [ImportedQuestion.Pair] = []
    var extras: [String] = []
    for sub in element.children(named: "subquestion") {
      let left = text(sub) ?? SourceText("")
      let right = SourceText(sub.child("answer")?.textValue ?? "", format: .plain)
      if left.isBlank {
        // Moodle: a right side without a left side is a wrong answer on offer.
        if !right.isBlank {
          extras.append(right.raw.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        continue
      }
      pairs.append(ImportedQuestion.Pair(left: left, right: right))
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

  private func ordering(_ element: BankElement, notes: inout [String]) -> ImportedQuestion.Answers?
  {
    var items: [(Double, SourceText)] = []
    for answer in element.children(named: "answer") {
      guard let position = fraction(answer, notes: &notes) else { return nil }
      items.append((position, text(answer) ?? SourceText("")))
    }
    guard items.count >= 2 else {
      notes.append("not carried over: an ordering needs at least two items")
      return nil
    }
    if let count = element.child("selectcount").flatMap({
      Int($0.textValue.trimmingCharacters(in: .whitespaces))
    }),
      let selectType = element.child("selecttype")?.textValue.trimmingCharacters(in: .whitespaces),
      selectType != "0", selectType.lowercased() != "all", count > 1, count < items.count
    {
      notes.append("Moodle showed \(count) of the \(items.count) items; Kurs shows all of them")
    }
    // qtype_ordering writes each item's place in the correct order as its fraction.
    let sorted = items.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
    return .ordering(sorted.map(\.element.1))
  }

  // MARK: Parts

  private func readGrade(
    _ element: BankElement, into question: inout ImportedQuestion, notes: inout [String]
  ) {
    if let text = element.child("defaultgrade")?.textValue.trimmingCharacters(
      in: .whitespacesAndNewlines),
      let grade = Double(text), grade.isFinite
    {
      // Clamped before it becomes an Int: a grade of 1e300 must not trap.
      question.points = Int(min(max(grade, 0), 1_000_000).rounded())
      if Double(question.points) != grade {
        notes.append(
          "default grade \(text) is written as \(question.points) points: Kurs points are whole numbers"
        )
      }
    }
    if let text = element.child("penalty")?.textValue.trimmingCharacters(
      in: .whitespacesAndNewlines),
      let penalty = Double(text), penalty.isFinite
    {
      question.penalty = min(max(penalty, 0), 1)
    }
  }

  private func fraction(_ answer: BankElement, notes: inout [String]) -> Double? {
    let written = (answer.attributes["fraction"] ?? "0").trimmingCharacters(in: .whitespaces)
    guard let value = Double(written), value.isFinite else {
      notes.append(
        "not carried over: line \(answer.line) has fraction \"\(written)\", which is not a number")
      return nil
    }
    return value
  }

  /// A question's name, for the report and the id.
  private func questionName(_ element: BankElement) -> String {
    let raw = element.child("name")?.textValue ?? ""
    let name = HTMLText(html: raw).plainText.trimmingCharacters(in: .whitespacesAndNewlines)
    return name.isEmpty ? "question at line \(element.line)" : name
  }

  /// The `<text>` of `element` in the markup its `format` names; `nil` when there is none.
  private func text(_ element: BankElement?) -> SourceText? {
    guard let element, let text = element.child("text") else { return nil }
    let format: SourceText.Format
    switch element.attributes["format"] ?? "html" {
    case "plain_text": format = .plain
    case "markdown": format = .markdown
    default: format = .html  // html, moodle_auto_format
    }
    var source = SourceText(text.text, format: format)
    if !element.children(named: "file").isEmpty, !source.raw.contains("@@PLUGINFILE@@") {
      source.raw += element.children(named: "file").map {
        "<img src=\"\($0.attributes["name"] ?? "a file")\">"
      }.joined()
    }
    return source
  }

  private func feedback(_ answer: BankElement) -> SourceText? {
    text(answer.child("feedback")).flatMap { $0.isBlank ? nil : $0 }
  }

  private func isTrue(_ text: String?) -> Bool {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else {
      return false
    }
    return text == "true" || text == "1"
  }

  private func note(_ element: BankElement, _ question: String?, _ message: String) -> ImportNote {
    ImportNote(
      location: SourceLocation(file: displayPath, line: element.line, column: 1),
      question: question, message: message)
  }
}
