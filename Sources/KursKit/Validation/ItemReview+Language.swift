/// The word lists of the item-writing review, in English and Russian: "all of the above" and its
/// kin, counts of correct answers in hints, and the words that do not count when an option
/// repeats the prompt. Kept apart from the checks so that a language can be added in one place.
enum ReviewLanguage {
  /// Lowercase words of `text`: letters and digits only, `ё` read as `е`.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character == "ё" ? "е" : character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  // MARK: - "All of the above"

  /// Phrases that stand for other options. A word ending in `*` matches any word it begins;
  /// `a|b` matches either.
  static let otherOptionPhrases: [[String]] = [
    "all of the above", "all the above", "all above", "all of these", "all of the answers",
    "all the answers", "all answers are correct", "all of the options", "all the options",
    "all of the choices", "none of the above", "none above", "none of these",
    "none of the answers", "none of the options", "none of the choices", "any of the above",
    "both of the above", "neither of the above", "all of the statements above",
    "все вышеперечисленн*", "все перечисленн*", "все из перечисленн*", "все из вышеперечисленн*",
    "все вышеуказанн*", "все вышесказанн*", "все сказанное выше", "все указанное выше",
    "все варианты верн*|правильн*", "все ответы верн*|правильн*", "все выше*",
    "ничего из перечисленн*|вышеперечисленн*|вышеуказанн*|указанн*",
    "ни один|одна|одно из перечисленн*|вышеперечисленн*|приведенн*|вариантов|ответов",
    "ни один|одна|одно из них", "нет правильного|верного ответа",
    "нет правильных|верных ответов", "оба варианта|ответа верн*|правильн*",
    "ни то ни другое", "вышеперечисленн*", "выше перечисленн*", "вышеуказанн*",
  ].map { $0.split(separator: " ").map(String.init) }

  /// The words of `text` that say "all (none) of the above", or `nil`.
  static func otherOptionPhrase(in text: String) -> String? {
    let words = words(text)
    for phrase in otherOptionPhrases where phrase.count <= words.count {
      for start in 0...(words.count - phrase.count) {
        let window = words[start..<(start + phrase.count)]
        if zip(window, phrase).allSatisfy(matches) { return window.joined(separator: " ") }
      }
    }
    return nil
  }

  private static func matches(_ word: String, _ pattern: String) -> Bool {
    pattern.split(separator: "|").contains { alternative in
      alternative.hasSuffix("*") ? word.hasPrefix(alternative.dropLast()) : word == alternative
    }
  }

  // MARK: - Counts in hints

  static let englishCounts: Set<String> = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "none",
  ]
  static let russianCounts: Set<String> = [
    "один", "одна", "одно", "одного", "одной", "два", "две", "двух", "три", "трех", "четыре",
    "четырех", "пять", "пяти", "шесть", "шести", "оба", "обе", "обоих",
  ]
  /// Words that say an option is right or wrong.
  static let englishVerdicts: Set<String> = [
    "right", "correct", "true", "wrong", "incorrect", "false", "apply", "applies",
  ]
  static let russianVerdictStems = [
    "верн", "правильн", "неверн", "неправильн", "ошибочн", "подходят",
  ]
  /// Words before "one" that make it a pronoun ("each one is right"), not a count.
  static let pronounOne: Set<String> = [
    "the", "a", "this", "that", "which", "each", "every", "any", "no",
  ]

  /// How close (in words) a count must be to a verdict to be read as the number of correct
  /// options: "Three answers are right" (2 words apart), «Правильных ответов три» (2).
  static let countDistance = 3

  /// The words of a hint that give away how many options are correct, or `nil`.
  static func countPhrase(in text: String) -> String? {
    let words = words(text)
    for (index, word) in words.enumerated() {
      let isEnglishCount =
        englishCounts.contains(word)
        && !(word == "one" && index > 0 && pronounOne.contains(words[index - 1]))
      let isRussianCount = russianCounts.contains(word)
      let isDigit = word.allSatisfy(\.isNumber) && word.count <= 2
      guard isEnglishCount || isRussianCount || isDigit else { continue }
      // English puts the count first ("three answers are right"); Russian either side.
      let after = (index + 1)..<min(words.count, index + 2 + countDistance)
      if let end = after.first(where: { isVerdict(words, at: $0) }) {
        return words[index...end].joined(separator: " ")
      }
      if isRussianCount || isDigit {
        let before = max(0, index - countDistance - 1)..<index
        if let start = before.first(where: { isVerdict(words, at: $0) }) {
          return words[start...index].joined(separator: " ")
        }
      }
    }
    return nil
  }

  /// Whether the word at `index` says right or wrong. "Right" is also a noun ("one right she
  /// always has"), so it counts only as "are right", "is right" or "right answers".
  private static func isVerdict(_ words: [String], at index: Int) -> Bool {
    let word = words[index]
    if word == "right" {
      let before = index > 0 ? words[index - 1] : ""
      let after = index + 1 < words.count ? words[index + 1] : ""
      return ["are", "is", "be"].contains(before)
        || ["answer", "answers", "option", "options", "choice", "choices", "ones"].contains(after)
    }
    return englishVerdicts.contains(word) || russianVerdictStems.contains { word.hasPrefix($0) }
  }

  // MARK: - Words of the prompt

  /// The stems of the words of `text` that carry meaning: no function words, no words shorter
  /// than three letters.
  static func contentStems(_ text: String) -> Set<String> {
    Set(
      words(text).filter { $0.count >= 3 && !stopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
        .map(stem))
  }

  /// A light stem: English plural and verb endings, Russian case endings. Enough to see that
  /// "searched" repeats "search" and «жалобу» repeats «жалоба».
  static func stem(_ word: String) -> String {
    if word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
      for ending in russianEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
        return String(word.dropLast(ending.count))
      }
      return word
    }
    var stem = word
    if stem.hasSuffix("ies"), stem.count > 4 { stem = String(stem.dropLast(3)) + "y" }
    for ending in ["ing", "ed", "es", "ly", "s"]
    where stem.hasSuffix(ending) && stem.count - ending.count >= 3 {
      if ending == "s" && stem.hasSuffix("ss") { continue }
      stem = String(stem.dropLast(ending.count))
      break
    }
    if stem.hasSuffix("e"), stem.count > 3 { stem = String(stem.dropLast()) }
    return stem
  }

  static let russianEndings = [
    "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ться", "ая", "яя", "ое", "ее",
    "ые", "ие", "ый", "ий", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ую", "юю", "ть", "а",
    "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
  ]

  static let stopWords: Set<String> = [
    // English
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one",
    "our", "out", "has", "have", "had", "his", "him", "she", "they", "them", "their", "there",
    "this", "that", "these", "those", "with", "from", "into", "onto", "upon", "about", "what",
    "which", "who", "whom", "whose", "when", "where", "why", "how", "does", "did", "done", "doing",
    "would", "should", "could", "will", "shall", "may", "might", "must", "its", "it's", "than",
    "then", "too", "very", "just", "only", "also", "more", "most", "some", "such", "each", "every",
    "other", "others", "own", "same", "both", "few", "many", "much", "own", "after", "before",
    "over", "under", "again", "once", "here", "because", "while", "during", "between", "through",
    "being", "been", "were", "is", "be", "of", "to", "in", "on", "at", "by", "or", "as", "an",
    "if", "so", "no", "yes", "do", "up", "we", "he", "me", "my", "us", "your", "yours", "first",
    "best", "true", "false", "following", "statement", "statements", "answer", "answers",
    "option", "options", "choice", "choices", "correct", "right", "wrong", "choose", "select",
    "describe", "describes", "example", "question", "without", "within", "whether", "never",
    "always", "often", "usually", "still", "even", "because", "like", "make", "makes", "use",
    "used", "using", "get", "gets", "way", "ways", "thing", "things", "something", "anything",
    // Russian
    "что", "как", "так", "это", "эта", "этот", "эти", "того", "тому", "тем", "том", "для", "при",
    "над", "под", "без", "или", "если", "она", "они", "оно", "его", "ему", "ней", "нее", "них",
    "она", "мне", "меня", "вас", "нас", "вам", "нам", "все", "всех", "всем", "весь", "вся",
    "всё", "уже", "еще", "ещё", "только", "также", "тоже", "когда", "где", "куда", "почему",
    "зачем", "кто", "кого", "кому", "чем", "чего", "какой", "какая", "какое", "какие", "каких",
    "какую", "который", "которая", "которое", "которые", "может", "могут", "можно", "нужно",
    "надо", "должна", "должен", "должны", "будет", "будут", "был", "была", "было", "были", "быть",
    "есть", "нет", "нее", "себя", "свой", "своя", "свои", "своё", "свое", "своих", "очень",
    "более", "менее", "самый", "самая", "самое", "после", "перед", "между", "через", "вопрос",
    "ответ", "ответы", "ответов", "вариант", "варианты", "вариантов", "верно", "неверно", "верный",
    "правильный", "правильно", "выберите", "утверждение", "утверждения", "следующих",
    "следующие", "из", "на", "не", "но", "по", "от", "до", "за", "же", "ли", "бы", "да", "ни",
  ]
}
