/// The languages a learner reads, in order of preference, from what they chose and what their
/// system says. People in Ukraine, Kazakhstan, Kyrgyzstan, Belarus, Georgia, Armenia,
/// Azerbaijan, Uzbekistan, Tajikistan and Moldova mostly read Russian better than English, so
/// for their locales Russian comes before English where a course (or the interface) has no text
/// in their own language. `LANGUAGE` (a colon-separated list, as gettext reads it) is taken as
/// written: `LANGUAGE=uk:en` puts English first after Ukrainian, and overrides that rule.
public enum LanguageChain {
  /// The languages (ISO 639-1) whose speakers get Russian before English.
  public static let russianBeforeEnglish: Set<String> = [
    "uk", "kk", "ky", "be", "ka", "hy", "az", "uz", "tg",
  ]

  /// The chain for `explicit` (`--lang` or the learner's saved choice) and the environment.
  /// - Returns: language codes, most preferred first, ending in English.
  public static func chain(explicit: String?, environment: [String: String]) -> [String] {
    var chain: [String] = []
    func add(_ code: String) {
      if !code.isEmpty, !chain.contains(code) { chain.append(code) }
    }
    if let explicit {
      add(explicit)
      if prefersRussian(explicit) { add("ru") }
    }
    let list = environment["LANGUAGE"] ?? ""
    if !list.isEmpty {
      // The learner's own list: honoured as written.
      for entry in list.split(separator: ":") { add(code(of: String(entry))) }
    } else {
      for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        guard let value = environment[variable], !value.isEmpty, value != "C", value != "POSIX"
        else { continue }
        add(code(of: value))
        if prefersRussian(value) { add("ru") }
        break
      }
    }
    add("en")
    return chain
  }

  /// The first language of `chain` that `available` has.
  public static func first(of chain: [String], in available: [String]) -> String? {
    chain.first { available.contains($0) }
  }

  /// `uk` from `uk_UA.UTF-8`, `ru` from `ru`, `pt_br` stays `pt`.
  static func code(of locale: String) -> String {
    String(locale.prefix { $0.isLetter }).lowercased()
  }

  /// Whether a locale (`kk_KZ.UTF-8`, `ro_MD`) is one whose speakers get Russian before English.
  static func prefersRussian(_ locale: String) -> Bool {
    let language = code(of: locale)
    if russianBeforeEnglish.contains(language) { return true }
    // Romanian in Moldova (and the old code for Moldovan).
    let region = locale.drop { $0.isLetter }.dropFirst().prefix { $0.isLetter }.uppercased()
    return language == "mo" || (language == "ro" && region == "MD")
  }
}
