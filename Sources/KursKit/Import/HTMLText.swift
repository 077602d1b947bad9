/// Moodle HTML made into Kurs text: paragraphs (`p`, `br`, `div`), lists (`ul`, `ol`, `li`),
/// strong (`strong`, `b`) and emphasis (`em`, `i`). Other markup is dropped, its text kept
/// (the text of `script` and `style` is dropped too), and named in `dropped`; images and
/// linked files in `files`. Tolerant as browsers are: unclosed and stray tags never stop the conversion.
struct HTMLText: Sendable {
  /// A stretch of text with one emphasis.
  struct Run: Sendable, Equatable {
    var text: String
    var strong = false
    var em = false
  }

  enum Block: Sendable, Equatable {
    case paragraph([Run])
    case list(ordered: Bool, items: [[Run]])
  }

  private(set) var blocks: [Block] = []
  /// Markup that was dropped, as `<name>`, each once, in order of appearance.
  private(set) var dropped: [String] = []
  /// Images and linked files dropped: their file name (or `alt` text).
  private(set) var files: [String] = []

  // The conversion's state.
  private var runs: [Run] = []
  private var pendingSpace = false
  private var list: (ordered: Bool, items: [[Run]])?
  private var inItem = false
  private var strongDepth = 0
  private var emDepth = 0

  /// Converts HTML.
  init(html: String) {
    convert(Array(html.unicodeScalars))
  }

  /// Converts plain text: a blank line starts a paragraph; other white space is collapsed.
  init(plain: String) {
    var paragraph = ""
    for line in plain.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.allSatisfy(\.isWhitespace) {
        flushPlain(&paragraph)
      } else {
        paragraph += line + " "
      }
    }
    flushPlain(&paragraph)
  }

  private mutating func flushPlain(_ paragraph: inout String) {
    for scalar in paragraph.unicodeScalars { appendText(scalar) }
    endParagraph()
    paragraph = ""
  }

  // MARK: Output

  /// The text as one line of Kurs inline XML: paragraphs and list items joined with spaces.
  var inlineXML: String {
    var parts: [String] = []
    for block in blocks {
      switch block {
      case .paragraph(let runs): parts.append(Self.xml(runs))
      case .list(_, let items): parts.append(items.map { Self.xml($0) }.joined(separator: "; "))
      }
    }
    return parts.filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// The text as Kurs blocks: `<p>` and `<list>`.
  var blockXML: [String] {
    blocks.map { block in
      switch block {
      case .paragraph(let runs):
        return "<p>\(Self.xml(runs))</p>"
      case .list(let ordered, let items):
        let inner = items.map { "<item>\(Self.xml($0))</item>" }.joined()
        return ordered ? "<list ordered=\"true\">\(inner)</list>" : "<list>\(inner)</list>"
      }
    }
  }

  /// The plain text, without emphasis (for names and ids).
  var plainText: String {
    blocks.map { block in
      switch block {
      case .paragraph(let runs): return runs.map(\.text).joined()
      case .list(_, let items): return items.map { $0.map(\.text).joined() }.joined(separator: "; ")
      }
    }.joined(separator: " ")
  }

  var isEmpty: Bool { blocks.isEmpty }

  /// Runs as inline XML: escaped, with `<strong>` and `<em>`.
  static func xml(_ runs: [Run]) -> String {
    runs.map { run in
      var text = escape(run.text)
      if run.em { text = "<em>\(text)</em>" }
      if run.strong { text = "<strong>\(text)</strong>" }
      return text
    }.joined()
  }

  /// Escapes text for XML content and attributes, and drops characters XML 1.0 cannot hold.
  static func escape(_ text: String) -> String { Markup.escapeXML(text) }

  /// Whether XML 1.0 allows `scalar` in a document.
  static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool { Markup.isXMLCharacter(scalar) }

  // MARK: Conversion

  private mutating func convert(_ scalars: [Unicode.Scalar]) {
    var index = 0
    let count = scalars.count
    // The next `>` at or after a place, found once: text full of `<` without `>` stays linear.
    var knownClose: Int?
    func close(after start: Int) -> Int? {
      if let known = knownClose, known >= start { return known < count ? known : nil }
      let found = scalars[start...].firstIndex(of: ">") ?? count
      knownClose = found
      return found < count ? found : nil
    }
    while index < count {
      let scalar = scalars[index]
      if scalar == "<", index + 1 < count {
        let next = scalars[index + 1]
        if next == "!" {
          index = skipDeclaration(scalars, from: index)
          continue
        }
        if next == "?" {
          index = (scalars[index...].firstIndex(of: ">") ?? count - 1) + 1
          continue
        }
        if next == "/" || next.properties.isAlphabetic {
          guard let end = close(after: index) else {
            appendText(scalar)
            index += 1
            continue
          }
          let tag = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
          index = handleTag(tag, scalars: scalars, after: end + 1)
          continue
        }
      }
      if scalar == "&", let (decoded, end) = Self.entity(scalars, at: index) {
        for character in decoded.unicodeScalars { appendText(character) }
        index = end
        continue
      }
      appendText(scalar)
      index += 1
    }
    endParagraph()
    endList()
  }

  /// Skips `<!-- … -->`, `<![CDATA[ … ]]>` (its text kept) and `<!DOCTYPE …>`.
  private mutating func skipDeclaration(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    let rest = String(String.UnicodeScalarView(scalars[index..<min(index + 9, scalars.count)]))
    if rest.hasPrefix("<!--") {
      var position = index + 4
      while position + 2 < scalars.count {
        if scalars[position] == "-", scalars[position + 1] == "-", scalars[position + 2] == ">" {
          return position + 3
        }
        position += 1
      }
      return scalars.count
    }
    if rest.hasPrefix("<![CDATA[") {
      var position = index + 9
      while position < scalars.count {
        if position + 2 < scalars.count, scalars[position] == "]", scalars[position + 1] == "]",
          scalars[position + 2] == ">"
        {
          return position + 3
        }
        appendText(scalars[position])
        position += 1
      }
      return position
    }
    return (scalars[index...].firstIndex(of: ">") ?? scalars.count - 1) + 1
  }

  /// Acts on one tag (`p`, `/p`, `br/`, `img src="…"`…); returns where to go on.
  private mutating func handleTag(_ tag: String, scalars: [Unicode.Scalar], after: Int) -> Int {
    let closing = tag.hasPrefix("/")
    let body = closing ? tag.dropFirst() : tag[...]
    let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
    switch name {
    case "p", "div":
      endParagraph()
      if name == "div" { noteDropped(name) }
    case "br":
      if inItem { pendingSpace = true } else { endParagraph() }
    case "strong", "b":
      strongDepth = max(0, strongDepth + (closing ? -1 : 1))
    case "em", "i":
      emDepth = max(0, emDepth + (closing ? -1 : 1))
    case "ul", "ol":
      endParagraph()
      if closing {
        endList()
      } else if list == nil {
        list = (name == "ol", [])
      }
    case "li":
      endParagraph()
      if list == nil { list = (false, []) }
      inItem = !closing
    case "img":
      let attributes = Self.attributes(in: body.dropFirst(name.count))
      let source = attributes["src"].map {
        $0.replacingOccurrences(of: "@@PLUGINFILE@@/", with: "")
      }
      files.append(source ?? attributes["alt"] ?? "an image")
    case "a":
      let href = Self.attributes(in: body.dropFirst(name.count))["href"] ?? ""
      if href.hasPrefix("@@PLUGINFILE@@/") {
        files.append(href.replacingOccurrences(of: "@@PLUGINFILE@@/", with: ""))
      } else if !closing {
        noteDropped(name)
      }
    case "script", "style":
      noteDropped(name)
      if closing { return after }
      // Their text is code, not content: skip to the closing tag.
      var position = after
      let closingTag = Array("</\(name)".unicodeScalars)
      while position + closingTag.count <= scalars.count {
        if zip(scalars[position..<(position + closingTag.count)], closingTag).allSatisfy({
          $0.properties.lowercaseMapping == String($1)
        }) {
          return (scalars[position...].firstIndex(of: ">") ?? scalars.count - 1) + 1
        }
        position += 1
      }
      return scalars.count
    case "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "pre", "hr":
      endParagraph()
      noteDropped(name)
    case "td", "th":
      pendingSpace = true
      noteDropped(name)
    default:
      noteDropped(name)
    }
    return after
  }

  private mutating func noteDropped(_ name: String) {
    let tag = "<\(name)>"
    if !dropped.contains(tag) { dropped.append(tag) }
  }

  private mutating func appendText(_ scalar: Unicode.Scalar) {
    if scalar.properties.isWhitespace {
      if !runs.isEmpty { pendingSpace = true }
      return
    }
    guard Self.isXMLCharacter(scalar) else { return }
    if list != nil, !inItem {
      // Text inside a list but outside an item: an item of its own.
      inItem = true
    }
    let strong = strongDepth > 0
    let em = emDepth > 0
    var text = ""
    if pendingSpace {
      pendingSpace = false
      // The space stays outside a change of emphasis: "to <em>who</em>", not "to<em> who</em>".
      if !runs.isEmpty, !runs[runs.count - 1].strong, !runs[runs.count - 1].em, strong || em {
        runs[runs.count - 1].text += " "
      } else {
        text = " "
      }
    }
    text.unicodeScalars.append(scalar)
    // Compared in place: a copy of the last run would make each append copy its whole text.
    if !runs.isEmpty, runs[runs.count - 1].strong == strong, runs[runs.count - 1].em == em {
      runs[runs.count - 1].text += text
    } else {
      runs.append(Run(text: text, strong: strong, em: em))
    }
  }

  /// Ends the paragraph or list item being written.
  private mutating func endParagraph() {
    pendingSpace = false
    guard !runs.isEmpty else { return }
    if list != nil {
      list?.items.append(runs)
    } else {
      blocks.append(.paragraph(runs))
    }
    runs = []
  }

  private mutating func endList() {
    endParagraph()
    inItem = false
    guard let current = list else { return }
    list = nil
    if !current.items.isEmpty {
      blocks.append(.list(ordered: current.ordered, items: current.items))
    }
  }

  // MARK: Entities and attributes

  private static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–",
    "mdash": "—",
    "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    "bdquo": "„",
    "hellip": "…", "copy": "©", "reg": "®", "deg": "°", "times": "×", "middot": "·", "shy": "",
    "eacute": "é", "egrave": "è", "agrave": "à", "uuml": "ü", "ouml": "ö", "auml": "ä",
    "szlig": "ß",
    "euro": "€", "minus": "−", "le": "≤", "ge": "≥", "ne": "≠", "plusmn": "±", "frac12": "½",
  ]

  /// The character reference or named entity at `index` (`&amp;`, `&#1071;`, `&#x42F;`) and
  /// where it ends; `nil` when it is not one (the `&` is then text).
  static func entity(_ scalars: [Unicode.Scalar], at index: Int) -> (String, Int)? {
    var end = index + 1
    while end < scalars.count, end - index <= 12, scalars[end] != ";" { end += 1 }
    guard end < scalars.count, scalars[end] == ";", end > index + 1 else { return nil }
    let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
    if name.hasPrefix("#") {
      let digits = name.dropFirst()
      let value =
        digits.first == "x" || digits.first == "X"
        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      guard let value else { return nil }
      let scalar = Unicode.Scalar(value).flatMap { isXMLCharacter($0) ? $0 : nil } ?? "\u{FFFD}"
      return (String(scalar), end + 1)
    }
    guard let text = named[name] ?? named[name.lowercased()] else { return nil }
    return (text, end + 1)
  }

  /// The attributes written in a start tag's text after its name: `lang="ru" class='x' hidden`.
  static func attributes<S: StringProtocol>(in text: S) -> [String: String] {
    var result: [String: String] = [:]
    let scalars = Array(String(text).unicodeScalars)
    var index = 0
    func skipSpace() {
      while index < scalars.count, scalars[index].properties.isWhitespace || scalars[index] == "/" {
        index += 1
      }
    }
    while index < scalars.count {
      skipSpace()
      let nameStart = index
      while index < scalars.count, !scalars[index].properties.isWhitespace, scalars[index] != "=",
        scalars[index] != "/"
      {
        index += 1
      }
      guard index > nameStart else { break }
      let name = String(String.UnicodeScalarView(scalars[nameStart..<index])).lowercased()
      while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
      guard index < scalars.count, scalars[index] == "=" else {
        result[name] = ""
        continue
      }
      index += 1
      while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
      var value = ""
      if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
        let quote = scalars[index]
        index += 1
        let valueStart = index
        while index < scalars.count, scalars[index] != quote { index += 1 }
        value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
        index += 1
      } else {
        let valueStart = index
        while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
        value = String(String.UnicodeScalarView(scalars[valueStart..<index]))
      }
      if result[name] == nil { result[name] = value }
    }
    return result
  }
}
