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
  /// Common text not yet in `segments` (gathered, so that a long text is not copied per piece).
  private var pending = ""

  init(_ raw: String) {
    // Read as UTF-8 bytes: the markup is ASCII, and every search runs forward once, so a
    // text with many spans (closed or not) is read in one pass.
    let bytes = Array(raw.utf8)
    var search = ByteSearch(bytes)
    var position = 0
    while position < bytes.count {
      let span = search.next("<span", from: position)
      let mlang = search.next("{mlang", from: position)
      guard let start = [span, mlang].compactMap({ $0 }).min() else {
        appendCommon(bytes[position...])
        break
      }
      appendCommon(bytes[position..<start])
      if start == span, let end = spanVersion(bytes, at: start, search: &search) {
        position = end
      } else if start == mlang, let end = mlangVersion(bytes, at: start, search: &search) {
        position = end
      } else {
        appendCommon(bytes[start..<(start + 1)])
        position = start + 1
      }
    }
    flushCommon()
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
    let text = code.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(
      of: "_", with: "-")
    if text == "other" { return text }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0 >= "a" && $0 <= "z" })
    else {
      return nil
    }
    for part in parts.dropFirst() {
      guard (1...8).contains(part.count),
        part.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") })
      else {
        return nil
      }
    }
    return text
  }

  private mutating func appendCommon(_ bytes: ArraySlice<UInt8>) {
    pending += String(decoding: bytes, as: UTF8.self)
  }

  private mutating func appendCommon(_ text: String) {
    pending += text
  }

  /// Moves the common text gathered so far into `segments`.
  private mutating func flushCommon() {
    guard !pending.isEmpty else { return }
    segments.append(.common(pending))
    pending = ""
  }

  /// Joins a version to the group just before it (across white space only), else starts one.
  private mutating func appendVersion(_ version: Version?) {
    guard let version else { return }
    if pending.allSatisfy(\.isWhitespace), case .group(let versions)? = segments.last {
      pending = ""
      segments[segments.count - 1] = .group(versions + [version])
    } else {
      flushCommon()
      segments.append(.group([version]))
    }
  }

  /// `<span lang="ru" class="multilang">…</span>` starting at `start`: adds its version and
  /// returns where it ends; `nil` when the span is not a multilang span or is never closed.
  private mutating func spanVersion(_ bytes: [UInt8], at start: Int, search: inout ByteSearch)
    -> Int?
  {
    guard let tagEnd = search.next(">", from: start) else { return nil }
    let attributes = HTMLText.attributes(
      in: String(decoding: bytes[(start + 5)..<tagEnd], as: UTF8.self))
    guard let classes = attributes["class"], classes.split(separator: " ").contains("multilang"),
      let language = attributes["lang"], let close = search.next("</span>", from: tagEnd + 1)
    else { return nil }
    appendVersion(
      version(
        languages: [language], text: String(decoding: bytes[(tagEnd + 1)..<close], as: UTF8.self)))
    return close + 7
  }

  /// `{mlang ru}…{mlang}` (or `{mlang en,de}`) starting at `start`.
  private mutating func mlangVersion(_ bytes: [UInt8], at start: Int, search: inout ByteSearch)
    -> Int?
  {
    guard let tagEnd = search.next("}", from: start) else { return nil }
    let codes = String(decoding: bytes[(start + 6)..<tagEnd], as: UTF8.self).split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces) }
    guard !codes.isEmpty, !codes.contains(where: \.isEmpty),
      let close = search.next("{mlang}", from: tagEnd + 1)
    else {
      return nil
    }
    appendVersion(
      version(languages: codes, text: String(decoding: bytes[(tagEnd + 1)..<close], as: UTF8.self)))
    return close + 7
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

/// Forward searches for ASCII markup in UTF-8 bytes, ignoring ASCII case. Each needle remembers
/// where it was last found (or that it is found nowhere after a place), so searching again from
/// a later place costs nothing until the text passes it: reading a whole text stays linear.
private struct ByteSearch {
  let bytes: [UInt8]
  /// By needle: the place searched from and what was found (`bytes.count` for nothing).
  private var found: [String: (from: Int, at: Int)] = [:]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Where `needle` next starts at or after `position`.
  mutating func next(_ needle: String, from position: Int) -> Int? {
    if let known = found[needle], known.from <= position, known.at >= position {
      return known.at < bytes.count ? known.at : nil
    }
    let wanted = Array(needle.utf8).map(Self.lower)
    var index = position
    var result = bytes.count
    while index + wanted.count <= bytes.count {
      if Self.lower(bytes[index]) == wanted[0] {
        var match = true
        for offset in 1..<max(wanted.count, 1)
        where Self.lower(bytes[index + offset]) != wanted[offset] {
          match = false
          break
        }
        if match {
          result = index
          break
        }
      }
      index += 1
    }
    found[needle] = (position, result)
    return result < bytes.count ? result : nil
  }

  private static func lower(_ byte: UInt8) -> UInt8 {
    byte >= 65 && byte <= 90 ? byte + 32 : byte
  }
}
