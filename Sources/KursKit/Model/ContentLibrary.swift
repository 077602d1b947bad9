/// Shared material from a file in Content/: glossary terms, includable blocks, help resources.
public struct ContentLibrary: Sendable, Equatable {
  public var id: String
  /// The reference the course used (`content:glossary.xml`).
  public var href: String
  public var title: LocalizedText
  public var terms: [Term]
  public var blocks: [ContentBlock]
  public var resources: [HelpResource]
  public var location: SourceLocation

  public init(
    id: String, href: String, title: LocalizedText = LocalizedText(), terms: [Term] = [],
    blocks: [ContentBlock] = [], resources: [HelpResource] = [], location: SourceLocation
  ) {
    self.id = id
    self.href = href
    self.title = title
    self.terms = terms
    self.blocks = blocks
    self.resources = resources
    self.location = location
  }
}

/// A glossary entry.
public struct Term: Sendable, Equatable {
  public var id: String
  public var name: LocalizedText
  public var definition: LocalizedText
  public var location: SourceLocation

  public init(id: String, name: LocalizedText, definition: LocalizedText, location: SourceLocation)
  {
    self.id = id
    self.name = name
    self.definition = definition
    self.location = location
  }
}

/// A titled body that pages can include, such as a checklist.
public struct ContentBlock: Sendable, Equatable {
  public var id: String
  public var title: LocalizedText
  public var body: LocalizedBody
  public var location: SourceLocation

  public init(id: String, title: LocalizedText, body: LocalizedBody, location: SourceLocation) {
    self.id = id
    self.title = title
    self.body = body
    self.location = location
  }
}

/// A kind of help, with contacts a trainer has verified.
public struct HelpResource: Sendable, Equatable {
  public struct Contact: Sendable, Equatable {
    public var kind: String
    public var text: InlineText
    /// The contact's `xml:lang`, when it is for speakers of one language only.
    public var language: String?
    /// When a trainer last checked the contact (`checked="2026-11"`): a checked local contact.
    public var checked: String?

    public init(kind: String, text: InlineText, language: String? = nil, checked: String? = nil) {
      self.kind = kind
      self.text = text
      self.language = language
      self.checked = checked
    }
  }
  public var id: String
  public var kind: String
  public var name: LocalizedText
  public var description: LocalizedText
  public var contacts: [Contact]
  public var location: SourceLocation

  public init(
    id: String, kind: String, name: LocalizedText, description: LocalizedText,
    contacts: [Contact], location: SourceLocation
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.description = description
    self.contacts = contacts
    self.location = location
  }
}
