/// An XML element read from a course file: plain Swift values, with the location of the element
/// and of each attribute. No libxml2 type leaves `XMLReader.swift`.
///
/// An element is a position in its `ParsedDocument`, which keeps every element of one file in
/// flat arrays: reading a file of thousands of elements makes a few arrays, not a tree of
/// thousands of small ones, and passing an element around copies two words.
struct ParsedElement: Sendable {
  struct Attribute: Sendable, Equatable {
    /// The qualified name as written (`id`, `xml:lang`).
    var name: String
    var value: String
    var location: SourceLocation
  }

  enum Child: Sendable {
    case element(ParsedElement)
    case text(String)
  }

  let document: ParsedDocument
  let index: Int

  private var record: ParsedDocument.Element { document.elements[index] }

  /// The local name (`page`, `question`…).
  var name: String { record.name }
  /// The namespace URI, if any.
  var namespace: String? { record.namespace }
  /// The `xml:lang` in effect (inherited from ancestors), if any.
  var language: String? { record.language }
  var location: SourceLocation {
    let record = record
    return SourceLocation(file: document.file, line: Int(record.line), column: Int(record.column))
  }

  /// Attributes in the order libxml2 gives them.
  var attributes: ArraySlice<Attribute> {
    let record = record
    return document.attributes[Int(record.firstAttribute)..<Int(record.endAttribute)]
  }

  private func attribute(_ name: String) -> Attribute? {
    attributes.first { $0.name == name }
  }

  /// The value of an attribute.
  subscript(attribute name: String) -> String? { attribute(name)?.value }

  /// Whether the attribute is written.
  func hasAttribute(_ name: String) -> Bool { attribute(name) != nil }

  /// Where an attribute is written, else where the element is.
  func location(ofAttribute name: String) -> SourceLocation {
    attribute(name)?.location ?? location
  }

  /// Child elements and texts, in order.
  var children: [Child] {
    let record = record
    return document.children[Int(record.firstChild)..<Int(record.endChild)].map { child in
      child >= 0
        ? .element(ParsedElement(document: document, index: child))
        : .text(document.texts[-child - 1])
    }
  }

  /// Child elements, in order.
  var elements: [ParsedElement] {
    let record = record
    return document.children[Int(record.firstChild)..<Int(record.endChild)].compactMap { child in
      child >= 0 ? ParsedElement(document: document, index: child) : nil
    }
  }

  /// Child elements with this local name, in order.
  func elements(named name: String) -> [ParsedElement] {
    let record = record
    return document.children[Int(record.firstChild)..<Int(record.endChild)].compactMap { child in
      child >= 0 && document.elements[child].name == name
        ? ParsedElement(document: document, index: child) : nil
    }
  }
}

/// Every element, attribute and text of one parsed file, in flat arrays. Made by `XMLReader`
/// and not changed afterwards.
final class ParsedDocument: Sendable {
  struct Element: Sendable {
    var name: String
    var namespace: String?
    var language: String?
    var line: Int32
    var column: Int32
    /// `attributes[firstAttribute..<endAttribute]`.
    var firstAttribute: Int32
    var endAttribute: Int32
    /// `children[firstChild..<endChild]`.
    var firstChild: Int32
    var endChild: Int32
  }

  /// The path findings print for this file.
  let file: String
  let elements: [Element]
  let attributes: [ParsedElement.Attribute]
  /// An element's children: an index into `elements` (zero or more), or `-1 - i` for `texts[i]`.
  let children: [Int]
  let texts: [String]

  init(
    file: String, elements: [Element], attributes: [ParsedElement.Attribute], children: [Int],
    texts: [String]
  ) {
    self.file = file
    self.elements = elements
    self.attributes = attributes
    self.children = children
    self.texts = texts
  }

  /// The first element read: the root.
  var root: ParsedElement? { elements.isEmpty ? nil : ParsedElement(document: self, index: 0) }
}
