import Foundation

/// The item-writing review of `kurs validate --review`: what makes the questions of a course
/// guessable without knowing the answer, each finding with its fix. The checks and how their
/// thresholds were chosen are in docs/authoring.md ("Writing fair questions").
///
/// Only questions with a correct answer are reviewed (a story decision has none). Each module is
/// reviewed on its own (`check(_:in:)`, safe while other modules load); the patterns across the
/// whole course are found afterwards (`review(_:modules:)`).
public struct ItemReview: Sendable {
  /// The limits above which a finding is reported. `standard` holds the documented values.
  public struct Thresholds: Sendable, Equatable {
    /// A correct option at least this many times as long as the longest other option...
    public var longestRatio: Double
    /// ...and at least this many characters longer is "markedly longer".
    public var longestMargin: Int
    /// Course-wide patterns need at least this many questions to be told from chance.
    public var minimumQuestions: Int
    /// The share of single-choice questions whose correct option is the longest.
    public var longestShare: Double
    /// The share of unshuffled single-choice questions with the correct option in one place.
    public var positionShare: Double
    /// At least this many true/false questions...
    public var minimumTrueFalse: Int
    /// ...of which this share have the same answer.
    public var trueFalseShare: Double
    /// A multiple-select question with at least this many options...
    public var minimumOptions: Int
    /// ...of which this share are correct.
    public var correctShare: Double

    public init(
      longestRatio: Double, longestMargin: Int, minimumQuestions: Int, longestShare: Double,
      positionShare: Double, minimumTrueFalse: Int, trueFalseShare: Double, minimumOptions: Int,
      correctShare: Double
    ) {
      self.longestRatio = longestRatio
      self.longestMargin = longestMargin
      self.minimumQuestions = minimumQuestions
      self.longestShare = longestShare
      self.positionShare = positionShare
      self.minimumTrueFalse = minimumTrueFalse
      self.trueFalseShare = trueFalseShare
      self.minimumOptions = minimumOptions
      self.correctShare = correctShare
    }

    /// The values documented in docs/authoring.md, tuned on public question banks.
    public static let standard = Thresholds(
      longestRatio: 1.5, longestMargin: 20, minimumQuestions: 5, longestShare: 0.6,
      positionShare: 0.6, minimumTrueFalse: 5, trueFalseShare: 0.9, minimumOptions: 3,
      correctShare: 2.0 / 3.0)
  }

  public var thresholds: Thresholds

  public init(thresholds: Thresholds = .standard) { self.thresholds = thresholds }

  /// What the review of one module found, and what the course-wide checks need of it.
  public struct ModuleReview: Sendable {
    var findings = Findings()
    var questions: [Facts] = []
  }

  /// What a course-wide check needs to know of one question.
  struct Facts: Sendable {
    var id: String
    /// Single choice with three or more options: whether the correct one is strictly longest.
    var correctIsLongest: Bool?
    /// Single choice without shuffle: the correct option's place (0-based) and the count.
    var place: (index: Int, count: Int)?
    /// True/false: the correct answer.
    var answer: Bool?
  }

  /// Every finding of the review of `course`, per question in file order, then the patterns
  /// across the course.
  public func review(_ course: Course) -> [Diagnostic] {
    review(course, modules: course.modules.map { check($0, in: course) })
  }

  /// The findings, given what `check(_:in:)` found in each module (in course order).
  public func review(_ course: Course, modules: [ModuleReview]) -> [Diagnostic] {
    var findings = Findings()
    for module in modules { findings.add(module.findings) }
    var patterns = Findings()
    checkPatterns(modules.flatMap(\.questions), in: course, &patterns)
    return (findings.sorted + patterns.sorted).map { finding in
      var review = finding
      review.stage = .review
      return review
    }
  }

  /// Reviews the questions of one module.
  public func check(_ module: Module, in course: Course) -> ModuleReview {
    var result = ModuleReview()
    let languages = course.languages.isEmpty ? [course.defaultLanguage] : course.languages
    for node in module.nodes {
      guard case .question(let question) = node.kind, question.choices.contains(where: \.isCorrect)
      else {
        continue
      }
      let context = QuestionContext(
        id: node.id, location: node.location, question: question, languages: languages,
        defaultLanguage: course.defaultLanguage, multilingual: languages.count > 1)
      result.questions.append(facts(context))
      switch question.kind {
      case .single, .multiple:
        checkLength(context, &result.findings)
        checkOtherOptions(context, &result.findings)
        if question.kind == .single { checkPromptEcho(context, &result.findings) }
        if question.kind == .multiple {
          checkMostlyCorrect(context, &result.findings)
          checkHintCounts(context, &result.findings)
        }
      case .trueFalse, .ordering, .matching:
        break
      }
    }
    return result
  }

  /// A question and what every check needs to say where and in which language.
  struct QuestionContext {
    var id: String
    var location: SourceLocation
    var question: Question
    var languages: [String]
    var defaultLanguage: String
    var multilingual: Bool

    /// The plain text of a choice in `language`, or `nil` when it has none there.
    func text(_ choice: Choice, _ language: String) -> String? {
      choice.text.variants[language]?.plain
    }

    /// " (in 'ru')" in a course with several languages, else "".
    func inLanguage(_ language: String) -> String { multilingual ? " (in '\(language)')" : "" }
  }

  // MARK: - Per question

  /// The correct option markedly longer than every other: learners who do not know pick the
  /// longest, most qualified option. Multiple select: every correct option markedly longer.
  private func checkLength(_ context: QuestionContext, _ findings: inout Findings) {
    let choices = context.question.choices
    let correct = choices.filter(\.isCorrect)
    let others = choices.filter { !$0.isCorrect }
    guard !correct.isEmpty, !others.isEmpty else { return }
    for language in context.languages {
      let correctLengths = correct.compactMap { context.text($0, language).map(\.count) }
      let otherLengths = others.compactMap { context.text($0, language).map(\.count) }
      guard correctLengths.count == correct.count, otherLengths.count == others.count,
        let shortest = correctLengths.min(), let longest = otherLengths.max(),
        let least = otherLengths.min()
      else { continue }
      guard Double(shortest) >= thresholds.longestRatio * Double(max(longest, 1)),
        shortest - longest >= thresholds.longestMargin
      else { continue }
      let others = least == longest ? "\(longest)" : "\(least) to \(longest)"
      if context.question.kind == .single, let choice = correct.first {
        let ratio = String(format: "%.1f", Double(shortest) / Double(max(longest, 1)))
        findings.warning(
          choice.location,
          "the correct option '\(choice.id)' of question '\(context.id)' "
            + "has \(shortest) characters against \(others) for the others"
            + "\(context.inLanguage(language)), "
            + "\(ratio) times the longest; learners who do not know pick the "
            + "longest option: shorten it to what makes it right, or give the "
            + "other options the same detail"
        )
      } else {
        findings.warning(
          context.location,
          "every correct option of question '\(context.id)' is longer (\(shortest) "
            + "characters or more) than every wrong one (\(others))"
            + "\(context.inLanguage(language)); "
            + "learners who do not know pick the long options: shorten the "
            + "correct ones to what makes them right, or give the wrong ones "
            + "the same detail"
        )
      }
      return
    }
  }

  /// "All of the above", "none of the above" and their Russian forms.
  private func checkOtherOptions(_ context: QuestionContext, _ findings: inout Findings) {
    for choice in context.question.choices {
      for language in context.languages {
        guard let text = context.text(choice, language),
          let phrase = ReviewLanguage.otherOptionPhrase(in: text)
        else {
          continue
        }
        findings.warning(
          choice.location,
          "option '\(choice.id)' of question '\(context.id)' says '\(phrase)'"
            + "\(context.inLanguage(language)); "
            + "a learner who sees two right options (or one wrong one) knows "
            + "the answer without knowing the rest, and with shuffle=\"true\" "
            + "it may not come last: replace it with an answer of its own"
        )
        break
      }
    }
  }

  /// A multiple-select question whose options are nearly all correct: ticking everything scores.
  private func checkMostlyCorrect(_ context: QuestionContext, _ findings: inout Findings) {
    let question = context.question
    let correct = question.choices.filter(\.isCorrect).count
    let total = question.choices.count
    // A small tolerance so that 4 of 6 reaches a share of 2/3.
    guard total >= thresholds.minimumOptions,
      Double(correct) + 1e-9 >= thresholds.correctShare * Double(total)
    else {
      return
    }
    let everything = LearnerAnswer.choices(question.choices.map(\.id))
    let earned = AnswerScoring.points(for: everything, to: question, attempt: 1)
    findings.warning(
      context.location,
      "\(correct) of the \(total) options of question '\(context.id)' are "
        + "correct; choosing every option earns \(earned) of \(question.points) "
        + "points: add wrong options drawn from real misconceptions, or make "
        + "some correct options wrong, so that about half are correct"
    )
  }

  /// A hint that says how many options are correct turns the question into counting.
  private func checkHintCounts(_ context: QuestionContext, _ findings: inout Findings) {
    for hint in context.question.hints {
      for language in context.languages {
        guard let text = hint.variants[language]?.plain,
          let phrase = ReviewLanguage.countPhrase(in: text)
        else {
          continue
        }
        findings.warning(
          hint.location ?? context.location,
          "a hint of question '\(context.id)' gives away how many options "
            + "are correct ('\(phrase)')\(context.inLanguage(language)); learners "
            + "then count instead of weighing each option: remove the count "
            + "and point to what to think about instead"
        )
        break
      }
    }
  }

  /// Only the correct option repeats words of the prompt: the echo points at it.
  private func checkPromptEcho(_ context: QuestionContext, _ findings: inout Findings) {
    let question = context.question
    guard question.choices.count >= 3, let correct = question.choices.first(where: \.isCorrect)
    else { return }
    for language in context.languages {
      guard let prompt = question.prompt.variants[language]?.plain,
        let correctText = context.text(correct, language)
      else { continue }
      let promptStems = ReviewLanguage.contentStems(prompt)
      let repeated = promptStems.intersection(ReviewLanguage.contentStems(correctText))
      guard !repeated.isEmpty else { continue }
      let othersRepeat = question.choices.filter { !$0.isCorrect }.contains { choice in
        guard let text = context.text(choice, language) else { return true }
        return !promptStems.isDisjoint(with: ReviewLanguage.contentStems(text))
      }
      guard !othersRepeat else { continue }
      let words = ReviewLanguage.words(correctText).filter {
        repeated.contains(ReviewLanguage.stem($0))
      }
      var seen = Set<String>()
      let shown = words.filter { seen.insert($0).inserted }.map { "'\($0)'" }.joined(
        separator: ", ")
      findings.warning(
        correct.location,
        "only the correct option '\(correct.id)' of question '\(context.id)' "
          + "repeats words of the prompt (\(shown))\(context.inLanguage(language)); "
          + "learners match the words instead of the meaning: use those words "
          + "in a wrong option too, or reword the correct one"
      )
      return
    }
  }

  // MARK: - Across the course

  private func facts(_ context: QuestionContext) -> Facts {
    let question = context.question
    var facts = Facts(id: context.id)
    switch question.kind {
    case .single:
      let language =
        context.languages.contains(context.defaultLanguage)
        ? context.defaultLanguage : context.languages[0]
      let lengths = question.choices.map { context.text($0, language)?.count ?? 0 }
      if question.choices.count >= 3, let index = question.choices.firstIndex(where: \.isCorrect) {
        let others = lengths.enumerated().filter { $0.offset != index }.map(\.element)
        facts.correctIsLongest = lengths[index] > (others.max() ?? 0)
      }
      if !question.shuffle, let index = question.choices.firstIndex(where: \.isCorrect) {
        facts.place = (index, question.choices.count)
      }
    case .trueFalse:
      facts.answer = question.choices.first(where: \.isCorrect)?.id == "true"
    case .multiple, .ordering, .matching:
      break
    }
    return facts
  }

  private func checkPatterns(_ questions: [Facts], in course: Course, _ findings: inout Findings) {
    let location = course.location
    // The correct option the longest in most single-choice questions.
    let sized = questions.filter { $0.correctIsLongest != nil }
    let longest = sized.filter { $0.correctIsLongest == true }
    if sized.count >= thresholds.minimumQuestions,
      Double(longest.count) >= thresholds.longestShare * Double(sized.count)
    {
      findings.warning(
        location,
        "the correct option is the longest in \(longest.count) of the \(sized.count) "
          + "single-choice questions with three or more options (\(list(longest.map(\.id)))); "
          + "learners who always pick the longest pass: in some questions make "
          + "a wrong option the longest, and shorten correct ones to what makes "
          + "them right"
      )
    }
    // The correct option in the same place.
    let placed = questions.compactMap { facts in facts.place.map { (facts.id, $0) } }
    if placed.count >= thresholds.minimumQuestions {
      var byPlace: [String: [String]] = [:]
      for (id, place) in placed {
        byPlace["\(place.index + 1)", default: []].append(id)
        if place.index == place.count - 1 { byPlace["last", default: []].append(id) }
      }
      let ranked = byPlace.sorted {
        $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
      }
      if let (place, ids) = ranked.first,
        Double(ids.count) >= thresholds.positionShare * Double(placed.count)
      {
        let name = place == "last" ? "the last option" : "option \(place)"
        findings.warning(
          location,
          "the correct answer is \(name) in \(ids.count) of the \(placed.count) "
            + "single-choice questions without shuffle=\"true\" (\(list(ids))); "
            + "learners learn the place, not the answer: add shuffle=\"true\" "
            + "to these questions, or move the correct options"
        )
      }
    }
    // True/false answers mostly the same.
    let answered = questions.filter { $0.answer != nil }
    if answered.count >= thresholds.minimumTrueFalse {
      let trues = answered.filter { $0.answer == true }
      let falses = answered.filter { $0.answer == false }
      let (word, same) = trues.count >= falses.count ? ("true", trues) : ("false", falses)
      if Double(same.count) >= thresholds.trueFalseShare * Double(answered.count) {
        let other = word == "true" ? "false" : "true"
        let score = same.count == answered.count ? "every point" : "nearly every point"
        findings.warning(
          location,
          "'\(word)' is the correct answer in \(same.count) of the \(answered.count) "
            + "true/false questions (\(list(same.map(\.id)))); learners who always answer "
            + "'\(word)' score \(score): "
            + "rewrite some statements so that '\(other)' is correct"
        )
      }
    }
  }

  /// Question ids for a message: all of them up to ten, then how many more.
  private func list(_ ids: [String]) -> String {
    let shown = ids.prefix(10).map { "'\($0)'" }.joined(separator: ", ")
    return ids.count > 10 ? "\(shown) and \(ids.count - 10) more" : shown
  }
}

/// What the review found in each module of a course while it loads, by the module's position.
final class ReviewedModules: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Int: ItemReview.ModuleReview] = [:]

  func add(_ result: ItemReview.ModuleReview, at position: Int) {
    lock.lock()
    defer { lock.unlock() }
    results[position] = result
  }

  /// The results in the order of the course's modules.
  var inOrder: [ItemReview.ModuleReview] {
    lock.lock()
    defer { lock.unlock() }
    return results.keys.sorted().compactMap { results[$0] }
  }
}
