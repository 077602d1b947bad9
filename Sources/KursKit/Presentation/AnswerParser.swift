/// Reads what a learner typed at a question into an answer, using the numbers and letters the
/// screen showed. Anything that does not fit gives one line saying what is expected; it never
/// counts as a try.
public enum AnswerParser {
  /// Parses `text` for `screen`.
  /// - Returns: the answer, or the message to show (already in `language`).
  public static func parse(_ text: String, for screen: QuestionScreen, language: String) -> Result<
    LearnerAnswer, FormatError
  > {
    let count = screen.options.count
    switch screen.kind {
    case .single:
      guard let number = singleNumber(text), (1...count).contains(number) else {
        return .failure(FormatError(Localization.string(.invalidNumber, language, String(count))))
      }
      return .success(.choices([screen.options[number - 1].id]))
    case .trueFalse:
      let word = text.trimmingCharacters(in: .whitespaces).lowercased()
      // Built by merging so that a localized word equal to an English one never clashes.
      var words: [String: String] = [
        "true": "true", "t": "true", "yes": "true", "y": "true", "false": "false", "f": "false",
        "no": "false", "n": "false",
        "верно": "true", "да": "true", "в": "true", "неверно": "false", "нет": "false",
        "н": "false",
        "правда": "true", "так": "true", "неправда": "false", "ні": "false",
      ]
      words[Localization.string(.trueWord, language).lowercased()] = "true"
      words[Localization.string(.falseWord, language).lowercased()] = "false"
      if let id = words[word], screen.options.contains(where: { $0.id == id }) {
        return .success(.choices([id]))
      }
      guard let number = singleNumber(text), (1...count).contains(number) else {
        return .failure(FormatError(Localization.string(.invalidTrueFalse, language)))
      }
      return .success(.choices([screen.options[number - 1].id]))
    case .multiple:
      guard let numbers = numberList(text), !numbers.isEmpty,
        numbers.allSatisfy({ (1...count).contains($0) })
      else {
        return .failure(FormatError(Localization.string(.invalidMultiple, language, String(count))))
      }
      // A number typed twice is a slip of the finger, not an answer: it costs no try.
      var seen: Set<Int> = []
      if let repeated = numbers.first(where: { !seen.insert($0).inserted }) {
        return .failure(
          FormatError(Localization.string(.repeatedNumber, language, String(repeated))))
      }
      return .success(.choices(numbers.map { screen.options[$0 - 1].id }))
    case .ordering:
      guard let numbers = numberList(text), numbers.count == count, Set(numbers) == Set(1...count)
      else {
        return .failure(FormatError(Localization.string(.invalidOrdering, language, String(count))))
      }
      return .success(.order(numbers.map { screen.options[$0 - 1].id }))
    case .matching:
      switch parseMatching(text, for: screen, language: language, pending: [:]) {
      case .complete(let answer): return .success(answer)
      case .partial(_, let message), .invalid(let message): return .failure(message)
      }
    }
  }

  /// Where a matching answer stands after a line: complete, some pairs still missing (a learner
  /// may give one pair at a time), or not readable.
  public enum MatchingProgress: Equatable {
    case complete(LearnerAnswer)
    /// The pairs so far (left id → right id) and the line telling what is still to match.
    case partial([String: String], FormatError)
    case invalid(FormatError)
  }

  /// Reads pairs like `1b 2a 3c` (`1б 2а 3в` in Russian and Ukrainian), adding them to
  /// `pending` (a later pair for the same number replaces the earlier one). A Latin letter that
  /// looks like a Cyrillic one shown (or the other way round) is read as the letter it looks like.
  public static func parseMatching(
    _ text: String, for screen: QuestionScreen, language: String, pending: [String: String]
  ) -> MatchingProgress {
    let count = screen.options.count
    let letters = MatchingLetters.letters(screen.matches.count, language: language)
    let failure = FormatError(
      Localization.string(
        .invalidMatchingLetters, language, String(count), letters.first.map(String.init) ?? "a",
        letters.last.map(String.init) ?? "a",
        MatchingLetters.example(screen.matches.count, language: language)))
    var pairs = pending
    var given: Set<String> = []
    var order: [String] = []
    let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
    guard !tokens.isEmpty, tokens.count <= 100 else { return .invalid(failure) }
    func number(of left: String) -> String {
      String((screen.options.firstIndex { $0.id == left } ?? 0) + 1)
    }
    for token in tokens {
      guard let last = token.last, token.count <= 7 else { return .invalid(failure) }
      guard let index = MatchingLetters.index(of: last, count: letters.count, language: language),
        let number = Int(token.dropLast()), (1...count).contains(number)
      else { return .invalid(failure) }
      let left = screen.options[number - 1].id
      // The same number twice in one line is a slip, not a correction.
      guard given.insert(left).inserted else { return .invalid(failure) }
      pairs[left] = screen.matches[index].id
      order.append(left)
    }
    // A letter given to two numbers is named, with the number that had it first (an earlier
    // line, or earlier in this one).
    func rank(_ left: String) -> Int { order.firstIndex(of: left) ?? -1 }
    for left in order {
      guard let right = pairs[left],
        let other = pairs.keys.sorted().first(where: { pairs[$0] == right && rank($0) < rank(left) }
        ),
        let index = screen.matches.firstIndex(where: { $0.id == right })
      else { continue }
      return .invalid(
        FormatError(
          Localization.string(.letterTaken, language, String(letters[index]), number(of: other))))
    }
    if pairs.count == count {
      return .complete(.matches(pairs))
    }
    func label(_ left: String) -> String {
      let letter =
        pairs[left].flatMap { right in screen.matches.firstIndex { $0.id == right } }.map {
          String(letters[$0])
        } ?? ""
      return number(of: left) + letter
    }
    let done = screen.options.map(\.id).filter { pairs[$0] != nil }.map(label).joined(
      separator: " ")
    let missing = screen.options.enumerated().filter { pairs[$1.id] == nil }.map {
      String($0.offset + 1)
    }.joined(separator: ", ")
    return .partial(
      pairs, FormatError(Localization.string(.matchingSoFar, language, done, missing)))
  }

  /// One line for the learner: what to type instead.
  public struct FormatError: Error, Equatable, CustomStringConvertible {
    public var text: String
    public var description: String { text }
    public init(_ text: String) { self.text = text }
  }

  private static func singleNumber(_ text: String) -> Int? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard trimmed.count <= 6 else { return nil }
    return Int(trimmed)
  }

  /// "1 3", "1,3", "1, 3" → [1, 3]; `nil` when a token is not a number.
  private static func numberList(_ text: String) -> [Int]? {
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
    guard tokens.count <= 100 else { return nil }
    var numbers: [Int] = []
    for token in tokens {
      guard token.count <= 6, let number = Int(token) else { return nil }
      numbers.append(number)
    }
    return numbers
  }
}
