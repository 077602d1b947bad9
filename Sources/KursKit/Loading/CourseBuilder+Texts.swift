import Foundation

extension CourseBuilder {
  /// The language of an element: its `xml:lang` (or an ancestor's), else the default language.
  /// An `xml:lang` the course does not declare is an error at that attribute.
  func language(of element: ParsedElement) -> String {
    let language = element.language ?? defaultLanguage
    if element.hasAttribute("xml:lang"), !languages.contains(language) {
      let suggestion =
        Suggestion.closest(to: language, in: languages).map { " (did you mean '\($0)'?)" } ?? ""
      error(
        element.location(ofAttribute: "xml:lang"),
        "xml:lang '\(language)' is not a language of this course\(suggestion); declared: \(languages.joined(separator: ", "))"
      )
    }
    return language
  }

  /// Inline text with emphasis, whitespace collapsed as in HTML.
  func inline(_ element: ParsedElement) -> InlineText {
    var runs: [TextRun] = []
    func collect(_ element: ParsedElement, style: TextRun.Style) {
      for child in element.children {
        switch child {
        case .text(let text):
          runs.append(TextRun(text, style: style))
        case .element(let inner):
          collect(
            inner, style: inner.name == "strong" ? .strong : inner.name == "em" ? .emphasis : style)
        }
      }
    }
    collect(element, style: .plain)
    return InlineText(runs: Self.collapseWhitespace(runs))
  }

  /// Collapses runs of whitespace to one space across run boundaries and trims both ends.
  /// Whitespace as HTML collapses it: ASCII answered without a table look-up (most text is).
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r"
        || scalar == "\u{0B}" || scalar == "\u{0C}"
    }
    // Unicode's White_Space beyond ASCII, spelled out: the property look-up was a tenth of
    // loading a Russian course (a test compares the two over every scalar).
    switch scalar.value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  static func collapseWhitespace(_ runs: [TextRun]) -> [TextRun] {
    var result: [TextRun] = []
    var pendingSpace = false
    var atStart = true
    // The kept bytes of one run: text is walked as UTF-8 and copied a character at a time into
    // a byte buffer, made into a string once (appending scalars to a String was a tenth of
    // loading a large course).
    var kept: [UInt8] = []
    for run in runs {
      kept.removeAll(keepingCapacity: true)
      var text = run.text
      text.withUTF8 { bytes in
        // Characters that stay are copied a span at a time, not one by one.
        var spanStart = 0
        var index = 0
        while index < bytes.count {
          let lead = bytes[index]
          let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
          let end = min(index + length, bytes.count)
          if Self.isWhitespace(utf8: bytes, from: index, length: end - index) {
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<index]))
            spanStart = end
            pendingSpace = true
          } else if pendingSpace {
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<index]))
            spanStart = index
            if !atStart {
              if kept.isEmpty, let last = result.indices.last {
                // Keep the space in the run before, so emphasis does not start with a space.
                result[last].text.append(" ")
              } else {
                kept.append(0x20)
              }
            }
            pendingSpace = false
            atStart = false
          } else {
            atStart = false
          }
          index = end
        }
        kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[spanStart..<bytes.count]))
      }
      if !kept.isEmpty {
        let text = String(decoding: kept, as: UTF8.self)
        if let last = result.indices.last, result[last].style == run.style {
          result[last].text += text
        } else {
          result.append(TextRun(text, style: run.style))
        }
      }
    }
    return result
  }

  /// Whether the character encoded in `bytes[start..<start + length]` (valid UTF-8) is
  /// whitespace, by `isWhitespace(_:)`.
  private static func isWhitespace(
    utf8 bytes: UnsafeBufferPointer<UInt8>, from start: Int, length: Int
  ) -> Bool {
    let lead = UInt32(bytes[start])
    switch length {
    case 1:
      return lead == 0x20 || (lead >= 0x09 && lead <= 0x0D)
    case 2:
      let value = (lead & 0x1F) << 6 | UInt32(bytes[start + 1]) & 0x3F
      return Unicode.Scalar(value).map(isWhitespace) ?? false
    case 3:
      let value =
        (lead & 0x0F) << 12 | (UInt32(bytes[start + 1]) & 0x3F) << 6 | UInt32(bytes[start + 2])
        & 0x3F
      return Unicode.Scalar(value).map(isWhitespace) ?? false
    default:
      return false  // no whitespace lies beyond the Basic Multilingual Plane
    }
  }

  /// One text in several languages: one element per language.
  func localized(_ elements: [ParsedElement], _ name: String) -> LocalizedText {
    var text = LocalizedText(location: elements.first?.location)
    for element in elements {
      let language = language(of: element)
      if text.variants[language] != nil {
        error(
          element.location,
          "second <\(name)> in language '\(language)'; give each language one <\(name)> with xml:lang"
        )
        continue
      }
      text.variants[language] = inline(element)
    }
    return text
  }

  /// Several texts in several languages (objectives, hints): the n-th element in each language
  /// are translations of each other.
  func repeated(_ elements: [ParsedElement], _ name: String) -> [LocalizedText] {
    var byLanguage: [String: [ParsedElement]] = [:]
    var order: [String] = []
    for element in elements {
      let language = language(of: element)
      if byLanguage[language] == nil { order.append(language) }
      byLanguage[language, default: []].append(element)
    }
    let counts = order.map { byLanguage[$0]?.count ?? 0 }
    if let first = elements.first, Set(counts).count > 1 {
      let summary = order.map { "\(byLanguage[$0]?.count ?? 0) in '\($0)'" }.joined(separator: ", ")
      warning(
        first.location,
        "<\(name)> counts differ by language (\(summary)); the n-th <\(name)> in each language are translations of each other"
      )
    }
    let count = counts.max() ?? 0
    return (0..<count).map { index in
      var text = LocalizedText()
      for language in order {
        guard let list = byLanguage[language], index < list.count else { continue }
        if text.location == nil { text.location = list[index].location }
        text.variants[language] = inline(list[index])
      }
      return text
    }
  }

  /// Bodies, one per language.
  /// - Parameter directory: where relative includes resolve from; `nil` inside shared content,
  ///   where blocks cannot include other blocks.
  func body(_ elements: [ParsedElement], _ name: String, directory: URL?) -> LocalizedBody {
    var body = LocalizedBody(location: elements.first?.location)
    for element in elements {
      let language = language(of: element)
      if body.variants[language] != nil {
        error(
          element.location,
          "second <\(name)> in language '\(language)'; give each language one <\(name)> with xml:lang"
        )
        continue
      }
      body.variants[language] = blocks(element.elements, language: language, directory: directory)
    }
    return body
  }

  func blocks(_ elements: [ParsedElement], language: String, directory: URL?) -> [Block] {
    elements.compactMap { element -> Block? in
      switch element.name {
      case "p":
        return .paragraph(inline(element))
      case "list":
        return .list(
          ordered: element[attribute: "ordered"] == "true" || element[attribute: "ordered"] == "1",
          items: element.elements(named: "item").map(inline))
      case "quote":
        return .quote(speaker: element[attribute: "speaker"], text: inline(element))
      case "note":
        let kind = Block.NoteKind(rawValue: element[attribute: "kind"] ?? "info") ?? .info
        return .note(
          kind: kind, title: element[attribute: "title"],
          blocks: blocks(element.elements, language: language, directory: directory))
      case "case":
        return .story(
          title: element[attribute: "title"],
          blocks: blocks(element.elements, language: language, directory: directory))
      case "include":
        return include(element, language: language, directory: directory)
      default:
        return nil
      }
    }
  }

  /// Resolves `<include href="content:FILE#BLOCK"/>` to that block's body in `language`.
  private func include(_ element: ParsedElement, language: String, directory: URL?) -> Block? {
    let href = element[attribute: "href"] ?? ""
    let location = element.location(ofAttribute: "href")
    guard let directory else {
      error(location, "a shared block cannot include another block; copy the text into this block")
      return nil
    }
    let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[1].isEmpty else {
      error(
        location, "include '\(href)' names no block; write href=\"\(parts.first ?? href)#BLOCK-ID\""
      )
      return nil
    }
    guard let library = library(href: parts[0], at: location, from: directory) else { return nil }
    guard let block = library.blocks.first(where: { $0.id == parts[1] }) else {
      let suggestion =
        Suggestion.closest(to: parts[1], in: library.blocks.map(\.id)).map {
          " (did you mean '\($0)'?)"
        } ?? ""
      error(location, "no block '\(parts[1])' in \(parts[0])\(suggestion)")
      return nil
    }
    return .included(
      title: block.title.resolve(language, fallback: defaultLanguage),
      blocks: block.body.resolve(language, fallback: defaultLanguage))
  }
}
