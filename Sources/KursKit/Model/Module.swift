/// A module: a graph of nodes from `start` to one or more ends, with a pass mark.
public struct Module: Sendable, Equatable {
  public var id: String
  public var title: LocalizedText
  public var objectives: [LocalizedText]
  public var contentNote: LocalizedBody
  public var start: String
  public var passMark: PassMark
  public var requires: [String]
  public var allowBack: Bool
  /// A pass recorded against a course version below this one no longer counts.
  public var retakeBelow: String?
  /// A knowledge test taken before the course and again after it (`test="pre"`,
  /// `test="post" pre-test="…"`), or `nil` for a module of the course.
  public var test: KnowledgeTest?
  public var nodes: [Node]
  public var location: SourceLocation
  /// Where a named attribute of the `<module>` element is, for findings about it.
  public var attributeLocations: [String: SourceLocation]

  private var indexByID: [String: Int]

  public init(
    id: String, title: LocalizedText, objectives: [LocalizedText] = [],
    contentNote: LocalizedBody = LocalizedBody(), start: String, passMark: PassMark,
    requires: [String] = [], allowBack: Bool = true, retakeBelow: String? = nil,
    test: KnowledgeTest? = nil,
    nodes: [Node], location: SourceLocation, attributeLocations: [String: SourceLocation] = [:]
  ) {
    self.test = test
    self.id = id
    self.title = title
    self.objectives = objectives
    self.contentNote = contentNote
    self.start = start
    self.passMark = passMark
    self.requires = requires
    self.allowBack = allowBack
    self.retakeBelow = retakeBelow
    self.nodes = nodes
    self.location = location
    self.attributeLocations = attributeLocations
    var index: [String: Int] = [:]
    for (offset, node) in nodes.enumerated() where index[node.id] == nil {
      index[node.id] = offset
    }
    self.indexByID = index
  }

  /// The node with this id (the first one, if an author wrote the id twice).
  public func node(_ id: String) -> Node? { indexByID[id].map { nodes[$0] } }

  /// The position of the node with this id in `nodes`.
  public func index(of id: String) -> Int? { indexByID[id] }

  /// The module without its nodes: what a course-wide check needs of a module once the module
  /// itself has been checked (`kurs validate` keeps no more of a large course in memory).
  public func withoutNodes() -> Module {
    Module(
      id: id, title: title, objectives: objectives, contentNote: contentNote, start: start,
      passMark: passMark,
      requires: requires, allowBack: allowBack, retakeBelow: retakeBelow, test: test, nodes: [],
      location: location,
      attributeLocations: attributeLocations)
  }
}

/// The score a module needs: points, or a percentage of the most points a path can collect.
/// A module that measures what learners know before and after a course: the same items (the
/// same question ids) in a pre-test taken first and a post-test taken last. Neither counts toward
/// completion; learners see no feedback, hints or scores until the post-test is done, and then
/// each item before and after with its explanation.
public enum KnowledgeTest: Sendable, Equatable {
  /// Taken before the course.
  case pre
  /// Taken after the course; its items are compared with those of `preTest`.
  case post(preTest: String)
}

public enum PassMark: Sendable, Equatable, CustomStringConvertible {
  case points(Int)
  case percent(Int)

  /// The points needed, given the most points any path through the module can collect.
  public func requiredPoints(maximum: Int) -> Int {
    switch self {
    case .points(let points): return points
    case .percent(let percent):
      // Round up: 70% of 9 points is 6.3, so 7 points are needed.
      return (maximum * percent + 99) / 100
    }
  }

  public var description: String {
    switch self {
    case .points(let points): return "\(points)"
    case .percent(let percent): return "\(percent)%"
    }
  }
}
