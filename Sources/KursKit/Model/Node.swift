/// A node of a module graph.
public struct Node: Sendable, Equatable {
  public var id: String
  public var kind: Kind
  /// Flags and counters changed when the learner enters the node.
  public var effects: [Effect]
  public var location: SourceLocation
  /// Where a named attribute is, for precise findings: those of `locatedAttributes` that the
  /// node has.
  public var attributeLocations: [String: SourceLocation]

  /// The attributes whose place a loaded node keeps: the ones findings about a built course
  /// point at (a missing target of `next` or `goto`).
  public static let locatedAttributes: Set<String> = ["next", "goto"]

  public enum Kind: Sendable, Equatable {
    case page(Page)
    case question(Question)
    case branch(Branch)
    case end(End)
  }

  public init(
    id: String, kind: Kind, effects: [Effect] = [], location: SourceLocation,
    attributeLocations: [String: SourceLocation] = [:]
  ) {
    self.id = id
    self.kind = kind
    self.effects = effects
    self.location = location
    self.attributeLocations = attributeLocations
  }

  /// The element name of this kind of node, as authors write it.
  public var kindName: String {
    switch kind {
    case .page: return "page"
    case .question: return "question"
    case .branch: return "branch"
    case .end: return "end"
    }
  }
}

/// A page of text: paragraphs, lists, quotes, notes and case episodes.
public struct Page: Sendable, Equatable {
  public var title: LocalizedText
  public var body: LocalizedBody
  public var next: String?
  /// `nil`: the module's `allow-back` decides.
  public var back: Bool?

  public init(
    title: LocalizedText = LocalizedText(), body: LocalizedBody, next: String?, back: Bool? = nil
  ) {
    self.title = title
    self.body = body
    self.next = next
    self.back = back
  }
}

/// A node that routes on conditions and shows nothing.
public struct Branch: Sendable, Equatable {
  public struct Route: Sendable, Equatable {
    public var condition: Condition
    public var source: String
    public var target: String
    /// Where `goto` is written.
    public var location: SourceLocation
    /// Where the `test` attribute is written, for pointing at a term inside it.
    public var testLocation: SourceLocation?

    public init(
      condition: Condition, source: String, target: String, location: SourceLocation,
      testLocation: SourceLocation? = nil
    ) {
      self.condition = condition
      self.source = source
      self.target = target
      self.location = location
      self.testLocation = testLocation
    }

    /// Where `term` (as written, `flag(x)`) is in the test, else where `goto` is. The column
    /// counts the characters of the file: `<` and `&` are written as `&lt;` and `&amp;`.
    public func location(of term: String) -> SourceLocation {
      guard var located = testLocation, let range = source.range(of: term) else { return location }
      let before = source[..<range.lowerBound]
      let escapes =
        before.filter { $0 == "<" || $0 == "&" }.count * 3 + before.filter { $0 == ">" }.count * 3
      located.column += "test=\"".count + before.count + escapes
      return located
    }
  }

  public var routes: [Route]
  public var otherwise: String?
  public var otherwiseLocation: SourceLocation?

  public init(routes: [Route], otherwise: String?, otherwiseLocation: SourceLocation? = nil) {
    self.routes = routes
    self.otherwise = otherwise
    self.otherwiseLocation = otherwiseLocation
  }
}

/// The end of a module, with its outcome and closing text.
public struct End: Sendable, Equatable {
  public enum Outcome: String, Sendable, Equatable, Codable {
    case pass, fail, neutral
  }
  public var outcome: Outcome
  public var title: LocalizedText
  public var body: LocalizedBody

  public init(
    outcome: Outcome, title: LocalizedText = LocalizedText(), body: LocalizedBody = LocalizedBody()
  ) {
    self.outcome = outcome
    self.title = title
    self.body = body
  }
}

/// A change to a flag or a counter.
public enum Effect: Sendable, Equatable, Codable {
  case setFlag(String, Bool)
  case addToCounter(String, Int)
}
