import Foundation

/// A course as the web player reads it (`<script type="application/json" id="kurs-course">`):
/// the course's own values, and what Swift can work out once at publish time so that
/// `engine.js` has less to agree on (each module's most points and pass mark, the fewest steps
/// from each node to an end, reading times per language). engine.js mirrors `Engine` on it.
public struct PlayerCourse: Encodable, Sendable {
  /// The layout of this data; engine.js refuses another.
  public static let format = 1

  public var format = PlayerCourse.format
  public var id: String
  public var version: String
  public var digest: String
  public var languages: [String]
  public var defaultLanguage: String
  public var title: [String: InlineText]
  public var description: [String: InlineText]
  public var contentNote: [String: [Block]]
  public var completion: Completion
  public var help: [Help]
  public var modules: [PlayerModule]
  /// The page's words in en/ru/uk, by name (`PlayerStrings`).
  public var strings: [String: [String: String]]
  /// The languages the interface speaks.
  public var interfaceLanguages: [String]
  /// What records.js needs to write the runner's statements and certificate (`PlayerRecords`).
  public var records: PlayerRecords

  public struct Completion: Encodable, Sendable {
    public var modules: [String]?
    public var minimumScore: Int?
  }

  /// A help resource of the course's shared material (Content/), with its contacts.
  public struct Help: Encodable, Sendable {
    public struct Contact: Encodable, Sendable {
      public var kind: String
      public var text: InlineText
      public var language: String?
    }
    public var id: String
    public var kind: String
    public var name: [String: InlineText]
    public var description: [String: InlineText]
    public var contacts: [Contact]
  }

  /// Builds the player's data for a loaded, valid course.
  public init(course: Course) {
    id = course.id
    version = course.version
    digest = course.digest
    languages = course.languages
    defaultLanguage = course.defaultLanguage
    title = course.title.variants
    description = course.description.variants
    contentNote = course.contentNote.variants
    completion = Completion(
      modules: course.completion.modules, minimumScore: course.completion.minimumScore)
    help = course.libraries.flatMap(\.resources).map { resource in
      Help(
        id: resource.id, kind: resource.kind, name: resource.name.variants,
        description: resource.description.variants,
        contacts: resource.contacts.map {
          Help.Contact(kind: $0.kind, text: $0.text, language: $0.language)
        })
    }
    let engines = course.languages.map { Engine(course: course, language: $0, seed: "") }
    modules = course.modules.map { module in
      PlayerModule(module, engines: engines)
    }
    strings = PlayerStrings.table()
    interfaceLanguages = Localization.languages
    records = PlayerRecords(course: course)
  }

  /// The data as JSON text safe inside a `<script>` element: no `<` at all (`\u003c`), so
  /// neither `</script>` nor `<!--` can occur.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return PlayerCourse.scriptSafe(String(decoding: try encoder.encode(self), as: UTF8.self))
  }

  static func scriptSafe(_ json: String) -> String {
    json.replacingOccurrences(of: "<", with: "\\u003c")
  }
}

/// A module as the player reads it.
public struct PlayerModule: Encodable, Sendable {
  public var id: String
  public var title: [String: InlineText]
  public var objectives: [[String: InlineText]]
  public var contentNote: [String: [Block]]
  public var start: String
  /// `Engine.maximum(of:)`: the most points a path can collect.
  public var maximum: Int
  /// `Engine.passMark(of:)`: the points a pass needs.
  public var passMark: Int
  public var requires: [String]
  public var allowBack: Bool
  /// `"pre"`, `"post"` or absent.
  public var test: String?
  public var preTest: String?
  /// `Engine.estimatedMinutes(of:)` per course language.
  public var minutes: [String: Int]
  public var nodes: [PlayerNode]

  init(_ module: Module, engines: [Engine]) {
    id = module.id
    title = module.title.variants
    objectives = module.objectives.map(\.variants)
    contentNote = module.contentNote.variants
    start = module.start
    let engine = engines.first
    maximum = engine?.maximum(of: module.id) ?? 0
    passMark = engine?.passMark(of: module) ?? 0
    requires = module.requires
    allowBack = module.allowBack
    switch module.test {
    case .pre: test = "pre"
    case .post(let preTest):
      test = "post"
      self.preTest = preTest
    case nil: test = nil
    }
    var minutes: [String: Int] = [:]
    for engine in engines { minutes[engine.language] = engine.estimatedMinutes(of: module) }
    self.minutes = minutes
    let stepsLeft = Engine.fewestStepsToAnEnd(ModuleGraph(module: module))
    nodes = module.nodes.enumerated().map { index, node in
      PlayerNode(node, stepsLeft: index < stepsLeft.count ? stepsLeft[index] : 0)
    }
  }
}

/// A node as the player reads it: `kind` names which of the optional parts it has.
public struct PlayerNode: Encodable, Sendable {
  public var id: String
  /// `page`, `question`, `branch` or `end` (`Node.kindName`).
  public var kind: String
  public var effects: [PlayerEffect]
  /// `Engine.stepsLeft(in:after:)`: the fewest pages and questions after this node to an end.
  public var stepsLeft: Int
  // page, end
  public var title: [String: InlineText]?
  public var body: [String: [Block]]?
  public var next: String?
  public var back: Bool?
  // question
  public var question: PlayerQuestion?
  // branch
  public var routes: [Route]?
  public var otherwise: String?
  // end
  public var outcome: String?

  public struct Route: Encodable, Sendable {
    public var condition: PlayerCondition
    public var target: String
  }

  init(_ node: Node, stepsLeft: Int) {
    id = node.id
    kind = node.kindName
    effects = node.effects.map(PlayerEffect.init)
    self.stepsLeft = stepsLeft
    switch node.kind {
    case .page(let page):
      title = page.title.variants
      body = page.body.variants
      next = page.next
      back = page.back
    case .question(let question):
      self.question = PlayerQuestion(question)
      next = question.next
      back = question.back
    case .branch(let branch):
      routes = branch.routes.map {
        Route(condition: PlayerCondition($0.condition), target: $0.target)
      }
      otherwise = branch.otherwise
    case .end(let end):
      title = end.title.variants
      body = end.body.variants
      outcome = end.outcome.rawValue
    }
  }
}

/// A question as the player reads it.
public struct PlayerQuestion: Encodable, Sendable {
  public struct Choice: Encodable, Sendable {
    public var id: String
    public var isCorrect: Bool
    public var goto: String?
    public var text: [String: InlineText]
    public var feedback: [String: InlineText]
    public var effects: [PlayerEffect]
  }
  public struct Item: Encodable, Sendable {
    public var id: String
    public var text: [String: InlineText]
  }
  public struct Pair: Encodable, Sendable {
    public var id: String
    public var left: [String: InlineText]
    public var right: [String: InlineText]
  }
  public var kind: String
  public var points: Int
  public var attempts: Int
  public var penalty: Int
  public var shuffle: Bool
  public var scoring: String
  public var title: [String: InlineText]
  public var body: [String: [Block]]
  public var prompt: [String: InlineText]
  public var choices: [Choice]
  public var items: [Item]
  public var pairs: [Pair]
  public var hints: [[String: InlineText]]
  public var feedback: [String: InlineText]

  init(_ question: Question) {
    kind = question.kind.rawValue
    points = question.points
    attempts = question.attempts
    penalty = question.penalty
    shuffle = question.shuffle
    scoring = question.scoring.rawValue
    title = question.title.variants
    body = question.body.variants
    prompt = question.prompt.variants
    choices = question.choices.map {
      Choice(
        id: $0.id, isCorrect: $0.isCorrect, goto: $0.goto, text: $0.text.variants,
        feedback: $0.feedback.variants, effects: $0.effects.map(PlayerEffect.init))
    }
    items = question.items.map { Item(id: $0.id, text: $0.text.variants) }
    pairs = question.pairs.map { Pair(id: $0.id, left: $0.left.variants, right: $0.right.variants) }
    hints = question.hints.map(\.variants)
    feedback = question.feedback.variants
  }
}

/// A flag set or cleared, or a counter changed: `{"flag": name, "value": bool}` or
/// `{"counter": name, "add": number}`.
public struct PlayerEffect: Encodable, Sendable {
  public var flag: String?
  public var value: Bool?
  public var counter: String?
  public var add: Int?

  init(_ effect: Effect) {
    switch effect {
    case .setFlag(let name, let value):
      flag = name
      self.value = value
    case .addToCounter(let name, let value):
      counter = name
      add = value
    }
  }
}

/// A branch condition as a tree (`Condition`): `op` is `const`, `flag`, `not`, `and`, `or` or
/// `compare`.
public struct PlayerCondition: Encodable, Sendable {
  /// A number a condition reads (`Condition.Value`): `kind` is `number`, `counter`, `visits`,
  /// `score` or `percent`.
  public struct Value: Encodable, Sendable {
    public var kind: String
    public var number: Int?
    public var name: String?
  }
  public var op: String
  public var value: Bool?
  public var name: String?
  public var args: [PlayerCondition]?
  /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
  public var comparison: String?
  public var left: Value?
  public var right: Value?

  init(_ condition: Condition) {
    switch condition {
    case .constant(let value):
      op = "const"
      self.value = value
    case .flag(let name):
      op = "flag"
      self.name = name
    case .not(let inner):
      op = "not"
      args = [PlayerCondition(inner)]
    case .and(let left, let right):
      op = "and"
      args = [PlayerCondition(left), PlayerCondition(right)]
    case .or(let left, let right):
      op = "or"
      args = [PlayerCondition(left), PlayerCondition(right)]
    case .compare(let left, let comparison, let right):
      op = "compare"
      self.comparison = comparison.rawValue
      self.left = Self.value(left)
      self.right = Self.value(right)
    }
  }

  static func value(_ value: Condition.Value) -> Value {
    switch value {
    case .number(let number): return Value(kind: "number", number: number)
    case .counter(let name): return Value(kind: "counter", name: name)
    case .visits(let node): return Value(kind: "visits", name: node)
    case .score: return Value(kind: "score")
    case .percent: return Value(kind: "percent")
    }
  }
}
