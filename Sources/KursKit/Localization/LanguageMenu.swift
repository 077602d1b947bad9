import Foundation

/// The choice of language a learner makes inside the program: the `l` key on the home screen
/// and at every prompt of a course (`LearnerKeys.language`). The languages on offer are named in
/// themselves, so that a learner who cannot read the interface's language finds their own.
public enum LanguageMenu {
  /// Each language's name in that language.
  public static let names: [String: String] = [
    "en": "English", "ru": "Русский", "uk": "Українська", "be": "Беларуская", "kk": "Қазақ тілі",
    "ky": "Кыргызча", "ka": "ქართული", "hy": "Հայերեն", "az": "Azərbaycan dili", "uz": "Oʻzbekcha",
    "tg": "Тоҷикӣ", "ro": "Română", "de": "Deutsch", "fr": "Français", "es": "Español",
    "pl": "Polski", "lt": "Lietuvių", "lv": "Latviešu", "et": "Eesti",
  ]

  /// `code`'s name in itself, or the code when Kurs does not know it.
  public static func name(of code: String) -> String { names[code] ?? code }

  /// The languages to offer: the interface's, then those only a course has (its text is shown
  /// in them; the interface then follows the language chain).
  public static func available(courseLanguages: [String]) -> [String] {
    var result = Localization.languages
    for code in courseLanguages where !result.contains(code) { result.append(code) }
    return result
  }

  /// The menu: a title in every interface language, the numbered languages, then what to type,
  /// in `language` (the interface's language now).
  public static func lines(available: [String], current: String, language: String) -> [String] {
    [Localization.string(.languageTitle, language)]
      + available.enumerated().map { "  \($0.offset + 1). \(name(of: $0.element))" }
      + [Localization.string(.languagePrompt, language, String(available.count), name(of: current))]
  }

  /// What a typed line chooses: a number from the menu, a code (`uk`) or a name (`українська`).
  /// - Returns: the language, or `nil` for an empty line (keep the language) or one that
  ///   names none of `available`.
  public static func choice(_ line: String, available: [String]) -> String? {
    let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
    if let number = Int(typed), available.indices.contains(number - 1) {
      return available[number - 1]
    }
    return available.first { $0 == typed || name(of: $0).lowercased() == typed }
  }
}
