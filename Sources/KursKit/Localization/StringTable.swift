/// A table of texts by key and language, and the one lookup for all of them: the runner's
/// (`Localization`) and the cohort report's (`ReportText`). A text missing in a language is
/// shown in English; `{0}`, `{1}`… are replaced in one pass (`Localization.fill`).
public protocol StringTable {
  associatedtype Key: RawRepresentable & Hashable & CaseIterable where Key.RawValue == String
  /// The languages the table speaks: a test checks every key has each.
  static var languages: [String] { get }
  /// The texts of each key, by language code.
  static var table: [Key: [String: String]] { get }
}

extension StringTable {
  /// The string for `key` in `language` (English when the table does not speak it), with
  /// `{0}`, `{1}`… replaced by `arguments`.
  public static func string(_ key: Key, _ language: String, _ arguments: String...) -> String {
    string(key, language, arguments: arguments)
  }

  /// The same, with the arguments as an array. Placeholders are replaced in one pass, so an
  /// argument that itself contains `{1}` is shown as it is.
  public static func string(_ key: Key, _ language: String, arguments: [String]) -> String {
    let entry = table[key] ?? [:]
    return Localization.fill(entry[language] ?? entry["en"] ?? key.rawValue, arguments)
  }

  /// Whether the table has `key` in `language`: for the test that every string is translated.
  public static func has(_ key: Key, in language: String) -> Bool {
    table[key]?[language]?.isEmpty == false
  }
}
