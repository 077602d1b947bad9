/// A scored question.
public struct Question: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
    case single
    case multiple
    case trueFalse = "true-false"
    case ordering
    case matching
  }

  public enum Scoring: String, Sendable, Equatable, Codable {
    case partial
    case allOrNothing = "all-or-nothing"
  }

  public var kind: Kind
  public var points: Int
  public var attempts: Int
  public var penalty: Int
  public var shuffle: Bool
  public var scoring: Scoring
  public var next: String?
  public var back: Bool?
  public var title: LocalizedText
  public var body: LocalizedBody
  public var prompt: LocalizedText
  /// For single, multiple and true-false questions.
  public var choices: [Choice]
  /// For ordering questions, in the correct order.
  public var items: [OrderItem]
  /// For matching questions.
  public var pairs: [MatchPair]
  /// Revealed one after each wrong try.
  public var hints: [LocalizedText]
  public var feedback: LocalizedText

  public init(
    kind: Kind, points: Int = 1, attempts: Int = 1, penalty: Int = 0, shuffle: Bool = false,
    scoring: Scoring? = nil, next: String? = nil, back: Bool? = nil,
    title: LocalizedText = LocalizedText(), body: LocalizedBody = LocalizedBody(),
    prompt: LocalizedText, choices: [Choice] = [], items: [OrderItem] = [],
    pairs: [MatchPair] = [], hints: [LocalizedText] = [], feedback: LocalizedText = LocalizedText()
  ) {
    self.kind = kind
    self.points = points
    self.attempts = attempts
    self.penalty = penalty
    self.shuffle = shuffle
    self.scoring = scoring ?? Question.defaultScoring(for: kind)
    self.next = next
    self.back = back
    self.title = title
    self.body = body
    self.prompt = prompt
    self.choices = choices
    self.items = items
    self.pairs = pairs
    self.hints = hints
    self.feedback = feedback
  }

  /// Partial credit for the kinds where an answer can be partly right.
  public static func defaultScoring(for kind: Kind) -> Scoring {
    switch kind {
    case .multiple, .ordering, .matching: return .partial
    case .single, .trueFalse: return .allOrNothing
    }
  }
}

/// A choice of a single, multiple or true-false question.
public struct Choice: Sendable, Equatable {
  public var id: String
  public var isCorrect: Bool
  public var goto: String?
  public var text: LocalizedText
  public var feedback: LocalizedText
  public var effects: [Effect]
  public var location: SourceLocation

  public init(
    id: String, isCorrect: Bool, goto: String? = nil, text: LocalizedText,
    feedback: LocalizedText = LocalizedText(), effects: [Effect] = [], location: SourceLocation
  ) {
    self.id = id
    self.isCorrect = isCorrect
    self.goto = goto
    self.text = text
    self.feedback = feedback
    self.effects = effects
    self.location = location
  }
}

/// An item of an ordering question.
public struct OrderItem: Sendable, Equatable {
  public var id: String
  public var text: LocalizedText
  public var location: SourceLocation

  public init(id: String, text: LocalizedText, location: SourceLocation) {
    self.id = id
    self.text = text
    self.location = location
  }
}

/// A pair of a matching question.
public struct MatchPair: Sendable, Equatable {
  public var id: String
  public var left: LocalizedText
  public var right: LocalizedText
  public var location: SourceLocation

  public init(id: String, left: LocalizedText, right: LocalizedText, location: SourceLocation) {
    self.id = id
    self.left = left
    self.right = right
    self.location = location
  }
}
