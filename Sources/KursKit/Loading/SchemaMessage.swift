import Foundation

/// Rewrites libxml2's schema messages into Kurs's style: where, what is wrong, what to write.
///
/// `Element '{urn:kurs:course:1}choice', attribute 'corect': The attribute 'corect' is not
/// allowed.` becomes `<choice> has no attribute 'corect' (did you mean 'correct'?)`.
struct SchemaMessage {
  /// Element and attribute names the schema defines, for "did you mean".
  let elementNames: [String]
  let attributeNames: [String]

  init(schemaText: String) {
    func names(after marker: String) -> [String] {
      var result: Set<String> = []
      var rest = schemaText[...]
      while let range = rest.range(of: marker) {
        rest = rest[range.upperBound...]
        if let end = rest.firstIndex(of: "\"") { result.insert(String(rest[..<end])) }
      }
      return result.sorted()
    }
    elementNames = names(after: "<xs:element name=\"")
    attributeNames = names(after: "<xs:attribute name=\"")
  }

  /// The rewritten message, or `nil` for a message that only repeats the one before it.
  func rewrite(_ raw: String) -> String? {
    var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    text = text.replacingOccurrences(of: "{\(FormatVersion.namespace)}", with: "")
    text = text.replacingOccurrences(of: "{http://www.w3.org/XML/1998/namespace}", with: "xml:")
    if text.hasSuffix(".") { text.removeLast() }

    // "Element 'X'(, attribute 'A'): rest"
    guard text.hasPrefix("Element '"), let colon = text.range(of: "': ") else {
      return Self.lowercasedStart(text)
    }
    let head = text[text.index(text.startIndex, offsetBy: 9)..<colon.lowerBound]
    let rest = String(text[colon.upperBound...])
    var element = String(head)
    var attribute: String?
    if let split = head.range(of: "', attribute '") {
      element = String(head[..<split.lowerBound])
      attribute = String(head[split.upperBound...])
    }

    if rest.contains("is not a valid value of the atomic type")
      || rest.contains("is not a valid value of the list type")
    {
      // libxml2 says this after a facet error about the same value; alone, it is the message.
      if rest.contains("xs:boolean") || rest.contains("'boolean'") {
        return "attribute '\(attribute ?? "?")' of <\(element)> must be true or false"
      }
      if rest.contains("Integer") || rest.contains("integer") {
        return "attribute '\(attribute ?? "?")' of <\(element)> must be a whole number"
      }
      return nil
    }
    if let name = Self.quoted(in: rest, after: "The attribute '"), rest.hasSuffix("is not allowed")
    {
      return "<\(element)> has no attribute '\(name)'\(didYouMean(name, attributeNames))"
    }
    if let name = Self.quoted(in: rest, after: "The attribute '"),
      rest.hasSuffix("is required but missing")
    {
      return "<\(element)> needs the attribute '\(name)'"
    }
    if rest.hasPrefix("This element is not expected") {
      let suggestion = elementNames.contains(element) ? "" : didYouMean(element, elementNames)
      return "<\(element)> is not allowed here\(suggestion)\(Self.expected(in: rest))"
    }
    if rest.hasPrefix("Missing child element") {
      return "<\(element)> is missing an element\(Self.expected(in: rest))"
    }
    if rest.hasPrefix("Element content is not allowed, because the content type is a simple type")
      || rest.hasPrefix("Element content is not allowed, because the type definition is simple")
    {
      return "<\(element)> may not contain elements"
    }
    if rest.hasPrefix("Character content other than whitespace is not allowed") {
      return
        "<\(element)> may not contain text directly; put the text inside a child element such as <p> or <text>"
    }
    if let attribute, rest.hasPrefix("[facet 'enumeration']"),
      let value = Self.quoted(in: rest, after: "The value '")
    {
      let options = Self.setValues(in: rest)
      return
        "attribute '\(attribute)' of <\(element)>: '\(value)' is not one of \(options.map { "'\($0)'" }.joined(separator: ", "))\(didYouMean(value, options))"
    }
    if let attribute, rest.hasPrefix("[facet '"),
      let value = Self.quoted(in: rest, after: "The value '")
    {
      return
        "attribute '\(attribute)' of <\(element)>: '\(value)' is not \(Self.describe(attribute: attribute, facet: rest))"
    }
    let place = attribute.map { "attribute '\($0)' of <\(element)>" } ?? "<\(element)>"
    return "\(place): \(Self.lowercasedStart(rest))"
  }

  /// The message for a value libxml2 only calls "not a valid value of the atomic type".
  func fallback(_ raw: String) -> String {
    let text = raw.replacingOccurrences(of: "{\(FormatVersion.namespace)}", with: "")
    guard text.hasPrefix("Element '"), let colon = text.range(of: "': "),
      let split = text.range(of: "', attribute '"), split.upperBound < colon.lowerBound
    else { return Self.lowercasedStart(text) }
    let element = String(text[text.index(text.startIndex, offsetBy: 9)..<split.lowerBound])
    let attribute = String(text[split.upperBound..<colon.lowerBound])
    let value = Self.quoted(in: String(text[colon.upperBound...]), after: "'") ?? ""
    return
      "attribute '\(attribute)' of <\(element)>: '\(value)' is not \(Self.describe(attribute: attribute, facet: ""))"
  }

  private static func describe(attribute: String, facet: String) -> String {
    switch attribute {
    case "id", "start", "next", "goto", "requires", "flag", "counter", "modules":
      if facet.contains("maxLength") { return "a valid id: ids are at most 128 characters" }
      return "a valid id: start with a letter or _, then letters, digits, _ or -"
    case "pass-mark": return "a pass mark: write points (12) or a percentage (70%)"
    case "version", "retake-below": return "a version: write 1, 1.2 or 1.2.3"
    case "languages", "default-language", "xml:lang": return "a language code such as en or ru"
    case "attempts": return "a number of attempts from 1 to 100"
    case "points", "penalty", "min-score": return "a number of points from 0 to 1000000"
    default:
      if facet.contains("maxInclusive") || facet.contains("minInclusive") {
        return "in the allowed range"
      }
      if facet.contains("maxLength") { return "short enough" }
      if facet.contains("minLength") { return "allowed to be empty" }
      return "allowed here"
    }
  }

  private static func expected(in text: String) -> String {
    guard let range = text.range(of: "Expected is") else { return "" }
    let names = text[range.upperBound...]
      .replacingOccurrences(of: "one of", with: "")
      .trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
      .split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .map { $0.hasPrefix("##") ? "an element of another namespace" : "<\($0)>" }
    guard !names.isEmpty else { return "" }
    return names.count == 1
      ? "; expected \(names[0])" : "; expected one of \(names.joined(separator: ", "))"
  }

  private static func quoted(in text: String, after marker: String) -> String? {
    guard let range = text.range(of: marker) else { return nil }
    let rest = text[range.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
  }

  private static func setValues(in text: String) -> [String] {
    guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}") else {
      return []
    }
    return text[text.index(after: open)..<close].split(separator: ",").map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: " '"))
    }
  }

  static func lowercasedStart(_ text: String) -> String {
    guard let first = text.first, first.isUppercase else { return text }
    if let second = text.dropFirst().first, second.isUppercase { return text }
    return first.lowercased() + text.dropFirst()
  }
}
