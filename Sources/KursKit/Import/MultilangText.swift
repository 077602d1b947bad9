/// A text with Moodle's multilang markup split by language: `<span lang="ru"
/// class="multilang">…</span>` (the multilang filter) and `{mlang ru}…{mlang}` (the multilang2
/// filter). Spans that follow one another (with only white space between) are one group: one
/// of them is shown, in the reader's language. Text outside any group is in every language.
struct MultilangText: Sendable, Equatable {
  /// One version of a group: the languages it is for (`other` in `{mlang other}`) and its text.
  struct Version: Sendable, Equatable {
    var languages: [String]
    var text: String
  }

  enum Segment: Sendable, Equatable {
    case common(String)
    case group([Version])
  }

  private(set) var segments: [Segment] = []
  /// Language codes the markup names that are not language codes (kept in every language).
  private(set) var invalidLanguages: [String] = []

  init(_ raw: String) {
    var rest = raw[...]
    while !rest.isEmpty {
      let span = rest.range(of: "<span", options: .caseInsensitive)
      let mlang = rest.range(of: "{mlang", options: .caseInsensitive)
      guard let start = [span, mlang].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) else {
        appendCommon(rest)
        break
      }
      appendCommon(rest[..<start.lowerBound])
      if start == span, let (version, end) = spanVersion(in: rest, from: start) {
        appendVersion(version)
        rest = rest[end...]
      } else if start == mlang, let (version, end) = mlangVersion(in: rest, from: start) {
        appendVersion(version)
        rest = rest[end...]
      } else {
        appendCommon(rest[start])
        rest = rest[start.upperBound...]
      }
    }
  }

  /// Every language the markup names, in order of first appearance (`other` left out).
  var languages: [String] {
    var seen: [String] = []
    for case .group(let versions) in segments {
      for version in versions {
        for language in version.languages where language != "other" && !seen.contains(language) {
          seen.append(language)
        }
      }
    }
    return seen
  }

  /// Whether the text has any multilang markup.
  var hasGroups: Bool {
    segments.contains { if case .group = $0 { return true } else { return false } }
  }

  /// The text in `language`: each group gives its version for that language, else the one for
  /// `other`, else the one for `fallback`, else its first.
  /// - Returns: the text, and the language written instead where a group had no version for
  ///   `language` itself (`nil` when every group had one).
  func text(in language: String, fallback: String) -> (text: String, substitute: String?) {
    var result = ""
    var substitute: String?
    for segment in segments {
      switch segment {
      case .common(let text):
        result += text
      case .group(let versions):
        if let version = versions.first(where: { $0.languages.contains(language) }) {
          result += version.text
        } else {
          let chosen =
            versions.first { $0.languages.contains("other") }
            ?? versions.first { $0.languages.contains(fallback) } ?? versions.first
          if substitute == nil { substitute = chosen?.languages.first ?? fallback }
          result += chosen?.text ?? ""
        }
      }
    }
    return (result, substitute)
  }

  /// A code as Kurs writes it: `en_us` becomes `en-us`; `nil` when it is not a language code.
  static func normalise(_ code: String) -> String? {
    let text = code.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "-")
    if text == "other" { return text }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0 >= "a" && $0 <= "z" }) else {
      return nil
    }
    for part in parts.dropFirst() {
      guard (1...8).contains(part.count), part.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) else {
        return nil
      }
    }
    return text
  }

  private mutating func appendCommon<S: StringProtocol>(_ text: S) {
    guard !text.isEmpty else { return }
    if case .common(let previous)? = segments.last {
      segments[segments.count - 1] = .common(previous + text)
    } else {
      segments.append(.common(String(text)))
    }
  }

  /// Joins a version to the group just before it (across white space only), else starts one.
  private mutating func appendVersion(_ version: Version?) {
    guard let version else { return }
    if case .common(let between)? = segments.last, between.allSatisfy(\.isWhitespace),
      segments.count >= 2, case .group(let versions) = segments[segments.count - 2]
    {
      segments.removeLast()
      segments[segments.count - 1] = .group(versions + [version])
    } else if case .group(let versions)? = segments.last {
      segments[segments.count - 1] = .group(versions + [version])
    } else {
      segments.append(.group([version]))
    }
  }

  /// `<span lang="ru" class="multilang">…</span>` starting at `start`: its version and where
  /// it ends; `nil` when the span is not a multilang span or is never closed.
  private mutating func spanVersion(in text: Substring, from start: Range<Substring.Index>)
    -> (Version?, Substring.Index)?
  {
    guard let tagEnd = text[start.upperBound...].firstIndex(of: ">") else { return nil }
    let attributes = HTMLText.attributes(in: text[start.upperBound..<tagEnd])
    guard let classes = attributes["class"], classes.split(separator: " ").contains("multilang"),
      let language = attributes["lang"],
      let close = text[text.index(after: tagEnd)...].range(of: "</span>", options: .caseInsensitive)
    else { return nil }
    let content = String(text[text.index(after: tagEnd)..<close.lowerBound])
    return (version(languages: [language], text: content), close.upperBound)
  }

  /// `{mlang ru}…{mlang}` (or `{mlang en,de}`) starting at `start`.
  private mutating func mlangVersion(in text: Substring, from start: Range<Substring.Index>)
    -> (Version?, Substring.Index)?
  {
    guard let tagEnd = text[start.upperBound...].firstIndex(of: "}") else { return nil }
    let codes = text[start.upperBound..<tagEnd].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard !codes.isEmpty, !codes.contains(where: \.isEmpty),
      let close = text[text.index(after: tagEnd)...].range(of: "{mlang}", options: .caseInsensitive)
    else { return nil }
    let content = String(text[text.index(after: tagEnd)..<close.lowerBound])
    return (version(languages: codes, text: content), close.upperBound)
  }

  /// A version for `codes`; a code that is no language code makes the text common instead.
  private mutating func version(languages codes: [String], text: String) -> Version? {
    var languages: [String] = []
    for code in codes {
      if let language = Self.normalise(code) {
        languages.append(language)
      } else {
        if !invalidLanguages.contains(code) { invalidLanguages.append(code) }
      }
    }
    guard !languages.isEmpty else {
      appendCommon(text)
      return nil
    }
    return Version(languages: languages, text: text)
  }
}
