/// Lays out screens as lines of text for a terminal of a given width. Pure: the terminal front
/// end prints the lines. In plain mode (screen readers) there is no colour, no box drawing and
/// each choice is on its own line.
public struct ScreenRenderer: Sendable {
  public var width: Int
  public var language: String
  public var plain: Bool
  public var colour: Bool
  /// Whether text is broken into lines of `width` columns. Plain mode (screen readers) turns it
  /// off unless asked (`--wrap N`): a paragraph, a list item or a message is then one line, so
  /// that a screen reader reads each sentence whole. Lists and choices stay one item a line.
  public var lineBreaks = true

  /// The longest line the renderer writes: on a wide terminal, text keeps a readable measure.
  public static let readableWidth = 100

  public init(width: Int, language: String, plain: Bool, colour: Bool) {
    self.width = max(20, min(width, Self.readableWidth))
    self.language = language
    self.plain = plain
    self.colour = colour && !plain
  }

  private func t(_ key: Localization.Key, _ arguments: String...) -> String {
    Localization.string(key, language, arguments: arguments)
  }

  // MARK: Styling

  private func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
  private func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
  private func green(_ text: String) -> String { colour ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
  private func yellow(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }

  /// Inline text as one string; emphasis becomes terminal styles when colour is on.
  func inline(_ text: InlineText) -> String {
    text.runs.map { run in
      guard colour else { return run.text }
      switch run.style {
      case .plain: return run.text
      case .emphasis: return "\u{1B}[3m\(run.text)\u{1B}[23m"
      case .strong: return "\u{1B}[1m\(run.text)\u{1B}[22m"
      }
    }.joined()
  }

  /// Wraps with an indent on every line and a marker on the first.
  func wrapped(_ text: String, indent: Int = 0, marker: String = "") -> [String] {
    // Wrap on the text without escape codes so that widths are right, then restyle per line
    // only when there is no styling to lose.
    let pad = String(repeating: " ", count: indent)
    if !lineBreaks { return [pad + marker + text] }
    let available = width - indent - TextLayout.width(of: marker)
    let lines =
      colour && text.contains("\u{1B}")
      ? wrapStyled(text, width: available) : TextLayout.wrap(text, width: available)
    return lines.enumerated().map { index, line in
      pad + (index == 0 ? marker : String(repeating: " ", count: TextLayout.width(of: marker)))
        + line
    }
  }

  /// The heading of a note without a title of its own, in the learner's language.
  func noteLabel(_ kind: Block.NoteKind) -> String {
    switch kind {
    case .info: t(.noteInfo)
    case .tip: t(.noteTip)
    case .warning: t(.noteWarning)
    case .important: t(.noteImportant)
    }
  }

  /// What a contact line is, in the learner's language: "phone: …".
  func contactLabel(_ kind: String) -> String {
    switch kind {
    case "phone": t(.contactPhone)
    case "email": t(.contactEmail)
    case "web": t(.contactWeb)
    case "address": t(.contactAddress)
    case "hours": t(.contactHours)
    default: t(.contactOther)
    }
  }

  /// `text` without its terminal escape sequences (ESC [ … letter), as the terminal shows it.
  static func withoutEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    var afterEscape = false
    for scalar in text.unicodeScalars {
      if afterEscape {
        afterEscape = false
        inEscape = scalar == "["
        continue
      }
      if scalar == "\u{1B}" {
        afterEscape = true
      } else if inEscape {
        if (0x40...0x7E).contains(scalar.value) { inEscape = false }
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Wrapping that ignores escape sequences when measuring.
  private func wrapStyled(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ") {
      let visible = TextLayout.width(of: Self.withoutEscapes(String(word)))
      if visible > width {
        // A word longer than the line (a web address) is broken without its styling, which
        // cannot be split safely.
        if lineWidth > 0 { lines.append(line) }
        let pieces = TextLayout.wrap(Self.withoutEscapes(String(word)), width: width)
        lines += pieces.dropLast()
        line = pieces.last ?? ""
        lineWidth = TextLayout.width(of: line)
        continue
      }
      if lineWidth > 0 && lineWidth + 1 + visible > width {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      line += (lineWidth > 0 ? " " : "") + word
      lineWidth += (lineWidth > 0 ? 1 : 0) + visible
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  // MARK: Blocks

  func blocks(_ blocks: [Block], indent: Int = 0) -> [String] {
    var lines: [String] = []
    for block in blocks {
      if !lines.isEmpty { lines.append("") }
      switch block {
      case .paragraph(let text):
        lines += wrapped(inline(text), indent: indent)
      case .list(let ordered, let items):
        for (index, item) in items.enumerated() {
          let marker = ordered ? "\(index + 1). " : (plain ? "- " : "• ")
          lines += wrapped(inline(item), indent: indent + 2, marker: marker)
        }
      case .quote(let speaker, let text):
        let quoted = ["ru", "uk"].contains(language) ? "«\(inline(text))»" : "“\(inline(text))”"
        let line = speaker.map { plain ? "\($0): \(quoted)" : "\(quoted) — \($0)" } ?? quoted
        lines += wrapped(line, indent: indent + 2)
      case .note(let kind, let title, let inner):
        let label = title ?? noteLabel(kind)
        lines += wrapped(bold(plain ? "\(label):" : "[\(label)]"), indent: indent + 2)
        lines += self.blocks(inner, indent: indent + 2)
      case .story(let title, let inner):
        if plain {
          if let title { lines += wrapped(title + ":", indent: indent) }
          lines += self.blocks(inner, indent: indent + 2)
        } else {
          // The box's text is laid out for the width left after its margin and bar, so that no
          // line of the box runs past the edge of the terminal.
          let bar = colour ? dim("│ ") : "| "
          let margin = String(repeating: " ", count: indent)
          var inside = self
          inside.width = max(width - indent - 2, 8)
          if let title { lines += inside.wrapped(bold(title)).map { margin + bar + $0 } }
          lines += inside.blocks(inner, indent: 0).map { margin + bar + $0 }
        }
      case .included(let title, let inner):
        if let title { lines += wrapped(bold(inline(title)), indent: indent) }
        lines += self.blocks(inner, indent: indent)
      }
    }
    return lines
  }

  // MARK: Screens

  /// The progress line: module X of Y, step, points. Wrapped at spaces like any text, so on a
  /// narrow terminal nothing of it (the step, the points) is lost or cut inside a word.
  public func progressLine(_ position: Position) -> [String] {
    // "Step 3 of about 8": never fewer than the steps already taken.
    let about = String(max(position.expectedSteps, position.step))
    let text =
      position.hidesScore
      ? t(
        .progressLineTestAbout, String(position.moduleIndex), String(position.moduleCount),
        position.moduleTitle, String(position.step), about)
      : t(
        .progressLineAbout, String(position.moduleIndex), String(position.moduleCount),
        position.moduleTitle,
        String(position.step), String(position.score), String(position.maximum), about)
    return wrapped(dim(text))
  }

  /// The footer of keys.
  public func footer(canGoBack: Bool) -> [String] {
    let text = t(canGoBack ? .footer : .footerNoBack) + " · " + t(.footerContents)
    guard lineBreaks else { return wrapped(dim(text)) }
    // A key stays with what it does: lines break between items (after their "·"), never inside
    // one (unless one item alone is wider than the terminal).
    let items = text.components(separatedBy: " · ")
    var lines: [String] = []
    var line = ""
    for (index, item) in items.enumerated() {
      let unit = index < items.count - 1 ? item + " ·" : item
      let joined = line.isEmpty ? unit : line + " " + unit
      if line.isEmpty || TextLayout.width(of: joined) <= width {
        line = joined
      } else {
        lines.append(line)
        line = unit
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.flatMap { wrapped(dim($0)) }
  }

  /// The lines of a screen, without the prompt line.
  public func render(_ screen: Screen) -> [String] {
    var lines: [String] = []
    switch screen {
    case .page(let page):
      lines += progressLine(page.position)
      lines.append("")
      if page.isReview { lines += wrapped(dim(t(.reviewing))) + [""] }
      if let title = page.title { lines += wrapped(bold(inline(title))) + [""] }
      lines += blocks(page.blocks)
      lines += [""] + wrapped(t(.pressEnter))
    case .question(let question):
      lines += progressLine(question.position)
      lines.append("")
      if let title = question.title { lines += wrapped(bold(inline(title))) + [""] }
      if !question.context.isEmpty { lines += blocks(question.context) + [""] }
      lines += wrapped(bold(inline(question.prompt)))
      lines.append("")
      for (index, option) in question.options.enumerated() {
        lines += wrapped(inline(option.text), indent: 2, marker: "\(index + 1). ")
      }
      if question.kind == .matching {
        lines.append("")
        let letters = MatchingLetters.letters(question.matches.count, language: language)
        for (index, option) in question.matches.enumerated() where index < letters.count {
          lines += wrapped(inline(option.text), indent: 2, marker: "\(letters[index])) ")
        }
        if !question.pendingMatches.isEmpty {
          lines += [""] + wrapped(matchedSoFar(question, letters: letters))
        }
      }
      if question.isRetry {
        lines.append("")
        lines += wrapped(yellow(t(.tryAgain, String(question.attemptsLeft))))
        for feedback in question.retryFeedback { lines += wrapped(inline(feedback), indent: 2) }
        if let hint = question.hints.last {
          lines += wrapped(inline(hint), indent: 2, marker: "\(t(.hint)): ")
        }
      }
      lines.append("")
      lines += wrapped(dim(instruction(for: question)))
    case .feedback(let feedback) where feedback.isWithheld:
      lines +=
        progressLine(feedback.position) + [""] + wrapped(t(.testAnswerSaved)) + [""]
        + wrapped(t(.pressEnter))
    case .feedback(let feedback):
      lines += progressLine(feedback.position)
      lines.append("")
      if feedback.isDecision {
        lines += wrapped(bold(t(.decisionNoted)))
      } else if feedback.isCorrect {
        lines += wrapped(green(bold(t(.correct))))
      } else {
        lines += wrapped(yellow(bold(feedback.points > 0 ? t(.partlyCorrect) : t(.notCorrect))))
      }
      // Each choice of a multiple-select answer by the number it was shown with.
      for verdict in feedback.verdicts {
        let key: Localization.Key =
          verdict.wasChosen
          ? (verdict.isCorrect ? .verdictChosenRight : .verdictChosenWrong) : .verdictMissed
        lines += [""] + wrapped(t(key, String(verdict.number)))
        if let text = verdict.feedback { lines += wrapped(inline(text), indent: 2) }
      }
      for text in feedback.choiceFeedback { lines += [""] + wrapped(inline(text)) }
      if let general = feedback.generalFeedback { lines += [""] + wrapped(inline(general)) }
      if !feedback.correctAnswer.isEmpty {
        lines += [""] + wrapped(expectedHeading(feedback))
        for (index, answer) in feedback.correctAnswer.enumerated() {
          lines += wrapped(inline(answer), indent: 2, marker: expectedMarker(feedback, index))
        }
      }
      if !feedback.isDecision {
        lines += [""] + wrapped(t(.points, String(feedback.points), String(feedback.maximum)))
        for reason in feedback.pointsLost { lines += wrapped(pointsLost(reason)) }
      }
      lines += [""] + wrapped(t(.pressEnter))
    case .moduleEnd(let end):
      lines += progressLine(end.position)
      lines.append("")
      lines += wrapped(bold(end.title.map(inline) ?? t(.moduleFinished)))
      if !end.blocks.isEmpty { lines += [""] + blocks(end.blocks) }
      let status: String
      switch end.status {
      case .passed: status = t(.statusPassed)
      case .completed: status = t(.statusCompleted)
      default: status = t(.statusFailed)
      }
      if end.isWithheld {
        lines += [""] + wrapped(t(.testBeforeEnd))
      } else if let review = end.testReview {
        lines += [""] + testReview(review)
      } else {
        lines +=
          [""]
          + wrapped(
            bold(
              t(.moduleScore, String(end.score), String(end.maximum), String(end.passMark), status))
          )
        if end.status == .failed { lines += wrapped(t(.retryModule)) }
        if !end.missed.isEmpty { lines += [""] + missedReview(end.missed) }
      }
      lines += [""] + wrapped(t(.pressEnter))
    }
    return lines
  }

  /// The end of a post-test: the scores before and after, then each item with how it went
  /// and its right answer and explanation.
  func testReview(_ review: TestReview) -> [String] {
    var lines = wrapped(bold(t(.testReviewTitle)))
    lines += wrapped(
      t(.testScores, String(review.scoreBefore), String(review.scoreAfter), String(review.maximum)))
    for (index, item) in review.items.enumerated() {
      let verdict: Localization.Key
      switch (item.rightBefore ?? false, item.rightAfter) {
      case (true, true): verdict = .testRightBoth
      case (false, true): verdict = .testWrongToRight
      case (true, false): verdict = .testRightToWrong
      case (false, false): verdict = .testWrongBoth
      }
      lines += [""] + wrapped(t(.testReviewItem, String(index + 1), inline(item.prompt)))
      lines += wrapped(t(verdict), indent: 3)
      if !item.correctAnswer.isEmpty {
        lines += wrapped(
          t(.testExplanation, item.correctAnswer.map(inline).joined(separator: "; ")), indent: 3)
      }
      if let explanation = item.explanation { lines += wrapped(inline(explanation), indent: 3) }
    }
    return lines
  }

  /// "Matched so far: 1б. Still to match: 2.": the pairs a learner gave one at a time.
  func matchedSoFar(_ question: QuestionScreen, letters: [Character]) -> String {
    var done: [String] = []
    var missing: [String] = []
    for (index, option) in question.options.enumerated() {
      if let right = question.pendingMatches[option.id],
        let letter = question.matches.firstIndex(where: { $0.id == right }),
        letter < letters.count
      {
        done.append("\(index + 1)\(letters[letter])")
      } else {
        missing.append(String(index + 1))
      }
    }
    return t(.matchingSoFar, done.joined(separator: " "), missing.joined(separator: ", "))
  }

  /// The questions a module's run lost points on, each with its explanation.
  func missedReview(_ missed: [MissedQuestion]) -> [String] {
    var lines = wrapped(bold(t(.reviewMissedTitle)))
    for item in missed {
      lines += wrapped(
        t(.reviewMissedItem, inline(item.prompt), String(item.points), String(item.maximum)),
        indent: 2,
        marker: plain ? "- " : "• ")
      if let explanation = item.explanation { lines += wrapped(inline(explanation), indent: 4) }
    }
    return lines
  }

  /// "The expected answer: 1, 3" (choices in the order shown), "… 3 1 2" (an order), "… 1б 2а"
  /// (matches); without numbers, the heading alone.
  func expectedHeading(_ feedback: FeedbackScreen) -> String {
    guard !feedback.expectedNumbers.isEmpty else { return t(.rightAnswer) }
    let numbers: String
    switch feedback.kind {
    case .ordering:
      numbers = feedback.expectedNumbers.map(String.init).joined(separator: " ")
    case .matching:
      numbers = feedback.expectedNumbers.indices.map {
        expectedMarker(feedback, $0).trimmingCharacters(in: .whitespaces)
      }
      .joined(separator: " ")
    case .single, .multiple, .trueFalse:
      numbers = feedback.expectedNumbers.map(String.init).joined(separator: ", ")
    }
    return t(.expectedNumbers, numbers)
  }

  /// The marker of a line of the expected answer: its number (`3. `), its pair (`1б `), or a
  /// bullet for the items of an order.
  func expectedMarker(_ feedback: FeedbackScreen, _ index: Int) -> String {
    let bullet = plain ? "- " : "• "
    guard index < feedback.expectedNumbers.count else { return bullet }
    let number = feedback.expectedNumbers[index]
    switch feedback.kind {
    case .ordering:
      return bullet
    case .matching:
      let letters = MatchingLetters.letters(
        max(feedback.expectedNumbers.count, (feedback.expectedLetters.max() ?? 0) + 1),
        language: language)
      let letter =
        index < feedback.expectedLetters.count && feedback.expectedLetters[index] < letters.count
        ? String(letters[feedback.expectedLetters[index]]) : ""
      return "\(number)\(letter) "
    case .single, .multiple, .trueFalse:
      return "\(number). "
    }
  }

  /// Why an answer earned less than every point, in one line.
  func pointsLost(_ reason: PointsLost) -> String {
    switch reason {
    case .laterTry(let attempt, let penalty, let afterHint):
      return t(afterHint ? .lostTryHint : .lostTry, String(attempt), String(penalty))
    case .missed(let numbers):
      return t(.lostMissed, numbers.map(String.init).joined(separator: ", "))
    case .wronglyChosen(let numbers):
      return t(.lostWrong, numbers.map(String.init).joined(separator: ", "))
    case .inPlace(let right, let total):
      return t(.lostInPlace, String(right), String(total))
    }
  }

  /// What to type at a question.
  public func instruction(for question: QuestionScreen) -> String {
    if question.isDecision { return t(.promptDecision) }
    switch question.kind {
    case .single: return t(.promptSingle)
    case .multiple: return t(.promptMultiple)
    case .trueFalse: return t(.promptTrueFalse)
    case .ordering: return t(.promptOrdering)
    case .matching:
      let letters = MatchingLetters.letters(max(question.matches.count, 3), language: language)
      return t(
        .promptMatchingLetters, "1\(letters[1]) 2\(letters[0]) 3\(letters[2])", "1\(letters[1])")
    }
  }
}

extension ScreenRenderer {
  /// A heading, wrapped to the terminal at spaces.
  func progressTitle(_ text: String) -> [String] { wrapped(plain ? text : "== \(text) ==") }

  /// A text of the runner's own (the help of the keys): each line wrapped to the terminal,
  /// continuing under the text after its key or its indent.
  func helpLines(_ text: String) -> [String] {
    text.components(separatedBy: "\n").flatMap { line -> [String] in
      guard TextLayout.width(of: line) > width else { return [line] }
      let indent = line.prefix { $0 == " " }.count
      let body = line.dropFirst(indent)
      // "?  this help": the text goes on under "this", after the key and its spaces.
      if let gap = body.range(of: "  "),
        body.distance(from: body.startIndex, to: gap.lowerBound) <= 3
      {
        let key = String(body[..<gap.upperBound])
        let rest = String(body[gap.upperBound...]).trimmingCharacters(in: .whitespaces)
        return wrapped(rest, indent: indent, marker: key)
      }
      return wrapped(String(body), indent: indent)
    }
  }
}
