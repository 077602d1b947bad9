/// The letters a matching question shows for its right-hand sides, in the learner's language:
/// Latin a b c … in English, Cyrillic а б в … in Russian and Ukrainian, so that a learner types
/// them on the layout they read in and never has to switch.
public enum MatchingLetters {
  static let latin = Array("abcdefghijklmnopqrstuvwxyz")
  /// Letters found on both the Russian and the Ukrainian layout (no ё й ъ ы ь э, no і ї є ґ),
  /// in alphabet order.
  static let cyrillic = Array("абвгдежзиклмнопрстуфхцчшщюя")
  /// Latin letters that look exactly like a Cyrillic one: typed by mistake on the wrong layout,
  /// they are read as the letter they look like, never as another position.
  static let latinLookalikes: [Character: Character] = [
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
  ]
  /// Cyrillic letters that look like a Latin one, for the Latin letters.
  static let cyrillicLookalikes: [Character: Character] = [
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y",
  ]

  /// Whether `language` reads Cyrillic letters.
  static func isCyrillic(_ language: String) -> Bool { ["ru", "uk"].contains(language) }

  /// The first `count` letters shown in `language`.
  public static func letters(_ count: Int, language: String) -> [Character] {
    Array((isCyrillic(language) ? cyrillic : latin).prefix(count))
  }

  /// The position of a typed letter among the first `count` letters, reading a look-alike from
  /// the other alphabet as the letter it looks like; `nil` when it is none of them.
  static func index(of typed: Character, count: Int, language: String) -> Int? {
    let shown = letters(count, language: language)
    let lookalikes = isCyrillic(language) ? latinLookalikes : cyrillicLookalikes
    let letter = shown.contains(typed) ? typed : (lookalikes[typed] ?? typed)
    return shown.firstIndex(of: letter)
  }

  /// An example answer for `count` pairs: `1b 2a` or `1б 2а`.
  static func example(_ count: Int, language: String) -> String {
    let shown = letters(max(count, 2), language: language)
    return "1\(shown[1]) 2\(shown[0])"
  }
}
