/// An XML element read from a course file: plain Swift values, with the location of the element
/// and of each attribute. No libxml2 type leaves `XMLReader.swift`.
public struct ParsedElement: Sendable, Equatable {
  public struct Attribute: Sendable, Equatable {
    public var value: String
    public var location: SourceLocation
  }

  public enum Child: Sendable, Equatable {
    case element(ParsedElement)
    case text(String)
  }

  /// The local name (`page`, `question`…).
  public var name: String
  /// The namespace URI, if any.
  public var namespace: String?
  /// Attributes by qualified name as written (`id`, `xml:lang`).
  public var attributes: [String: Attribute]
  public var children: [Child]
  public var location: SourceLocation
  /// The `xml:lang` in effect (inherited from ancestors), if any.
  public var language: String?

  public init(
    name: String, namespace: String?, attributes: [String: Attribute], children: [Child],
    location: SourceLocation, language: String?
  ) {
    self.name = name
    self.namespace = namespace
    self.attributes = attributes
    self.children = children
    self.location = location
    self.language = language
  }

  /// The value of an attribute.
  public subscript(attribute name: String) -> String? { attributes[name]?.value }

  /// Where an attribute is written, else where the element is.
  public func location(ofAttribute name: String) -> SourceLocation {
    attributes[name]?.location ?? location
  }

  /// Child elements, in order.
  public var elements: [ParsedElement] {
    children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
  }

  /// Child elements with this local name, in order.
  public func elements(named name: String) -> [ParsedElement] {
    elements.filter { $0.name == name }
  }
}
