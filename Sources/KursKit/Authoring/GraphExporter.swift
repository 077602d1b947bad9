/// Draws the branching of modules as Graphviz DOT or Mermaid text, for `kurs graph`: an
/// authoring view, not only a shape. Each node shows its id and title (a question its prompt),
/// its points, and the flags and counters it sets or reads; each edge the choice's text or the
/// branch's test in the order the runner tries them; the start is marked; `requires` links the
/// modules.
public struct GraphExporter: Sendable {
  public var format: GraphFormat
  public var language: String
  /// Texts longer than this are cut with "…" in labels.
  static let labelLength = 48

  public init(format: GraphFormat, language: String) {
    self.format = format
    self.language = language
  }

  /// The graph of `modules` of `course`, one cluster (or subgraph) per module.
  public func render(_ modules: [Module], of course: Course) -> String {
    switch format {
    case .dot: return dot(modules, course)
    case .mermaid: return mermaid(modules, course)
    }
  }

  // MARK: Labels (shared by both formats)

  private func text(_ text: LocalizedText, _ course: Course) -> String {
    Self.cut(text.resolve(language, fallback: course.defaultLanguage)?.plain ?? "")
  }

  static func cut(_ text: String) -> String {
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return flat.count > labelLength ? String(flat.prefix(labelLength - 1)) + "…" : flat
  }

  static func effects(_ effects: [Effect]) -> [String] {
    effects.map { effect in
      switch effect {
      case .setFlag(let name, let value):
        return value ? "sets flag(\(name))" : "clears flag(\(name))"
      case .addToCounter(let name, let amount):
        return "counter(\(name)) \(amount < 0 ? "-" : "+")\(abs(amount))"
      }
    }
  }

  /// The lines of a node's label: kind and id, its title or prompt, what it sets and reads.
  func nodeLabel(_ node: Node, in module: Module, _ course: Course) -> [String] {
    var lines: [String]
    switch node.kind {
    case .page(let page):
      lines = ["page: \(node.id)", text(page.title, course)]
    case .question(let question):
      let points = question.points == 1 ? "1 point" : "\(question.points) points"
      lines = [
        "question (\(question.kind.rawValue), \(points)): \(node.id)",
        text(question.prompt, course),
      ]
    case .branch(let branch):
      var reads = Set<String>()
      for route in branch.routes {
        reads.formUnion(route.condition.flags.map { "flag(\($0))" })
        for value in route.condition.values {
          switch value {
          case .counter(let name): reads.insert("counter(\(name))")
          case .visits(let name): reads.insert("visits(\(name))")
          case .score: reads.insert("score")
          case .percent: reads.insert("percent")
          case .number: break
          }
        }
      }
      lines =
        ["branch: \(node.id)"]
        + (reads.isEmpty ? [] : ["reads " + reads.sorted().joined(separator: ", ")])
    case .end(let end):
      lines = ["end (\(end.outcome.rawValue)): \(node.id)", text(end.title, course)]
    }
    if node.id == module.start { lines[0] = "▶ start: " + lines[0] }
    lines += Self.effects(node.effects)
    return lines.filter { !$0.isEmpty }
  }

  /// An edge's label: a choice's number and text (and what it sets), a test with its place in
  /// the order the runner tries them, or "otherwise".
  func edgeLabel(_ edge: ModuleGraph.Edge, from node: Node, in module: Module, _ course: Course)
    -> String?
  {
    switch edge.label {
    case .next:
      return nil
    case .choice(let id):
      guard case .question(let question) = node.kind,
        let position = question.choices.firstIndex(where: { $0.id == id })
      else { return "choice \(id)" }
      let choice = question.choices[position]
      let sets = Self.effects(choice.effects)
      return (["\(position + 1). \(text(choice.text, course))"] + sets).joined(separator: "; ")
    case .condition(let test):
      guard case .branch(let branch) = node.kind,
        let position = branch.routes.firstIndex(where: {
          $0.source == test && $0.target == module.nodes[edge.target].id
        })
      else { return test }
      return "test \(position + 1): \(Self.cut(test))"
    case .otherwise:
      return "otherwise"
    }
  }

  private func title(_ module: Module, _ course: Course) -> String {
    let text = module.title.resolve(language, fallback: course.defaultLanguage)?.plain ?? ""
    return text.isEmpty ? module.id : "\(module.id): \(Self.cut(text))"
  }

  // MARK: DOT

  private func dot(_ modules: [Module], _ course: Course) -> String {
    func quoted(_ text: String) -> String {
      "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
          of: "\"", with: "\\\""
        )
        .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
    var lines = [
      "digraph \(quoted(course.id)) {", "  rankdir=TB;", "  compound=true;",
      "  node [fontname=\"Helvetica\"];",
      "  edge [fontname=\"Helvetica\", fontsize=10];",
    ]
    var firstNode: [String: String] = [:]
    for (moduleIndex, module) in modules.enumerated() {
      let graph = ModuleGraph(module: module)
      lines.append("  subgraph \(quoted("cluster_\(module.id)")) {")
      lines.append("    label=\(quoted(title(module, course)));")
      for (index, node) in module.nodes.enumerated() {
        let shape: String
        switch node.kind {
        case .page: shape = "box"
        case .question: shape = "box, style=rounded"
        case .branch: shape = "diamond"
        case .end: shape = "doubleoctagon"
        }
        let start = node.id == module.start ? ", penwidth=2" : ""
        let label = nodeLabel(node, in: module, course).joined(separator: "\n")
        lines.append(
          "    m\(moduleIndex)_\(index) [label=\(quoted(label)), shape=\(shape)\(start)];")
      }
      if let start = graph.startIndex {
        lines.append("    m\(moduleIndex)_start [shape=point, width=0.15];")
        lines.append("    m\(moduleIndex)_start -> m\(moduleIndex)_\(start);")
        firstNode[module.id] = "m\(moduleIndex)_\(start)"
      }
      for (index, edges) in graph.edges.enumerated() {
        for edge in edges {
          let label =
            edgeLabel(edge, from: module.nodes[index], in: module, course).map {
              " [label=\(quoted($0))]"
            } ?? ""
          lines.append("    m\(moduleIndex)_\(index) -> m\(moduleIndex)_\(edge.target)\(label);")
        }
      }
      lines.append("  }")
    }
    for module in modules {
      for required in module.requires {
        guard let from = firstNode[required], let to = firstNode[module.id] else { continue }
        lines.append(
          "  \(from) -> \(to) [ltail=\(quoted("cluster_\(required)")), lhead=\(quoted("cluster_\(module.id)")), style=dashed, label=\"required before\"];"
        )
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: Mermaid

  /// A Mermaid label: quoted, with Mermaid's entity codes for what it would read as markup
  /// (`<b>` in a title must show as text, not bold).
  static func mermaidQuoted(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "#", with: "#35;").replacingOccurrences(
      of: "\"", with: "#quot;"
    )
    .replacingOccurrences(of: "<", with: "#lt;").replacingOccurrences(of: ">", with: "#gt;")
    .replacingOccurrences(of: "|", with: "#124;").replacingOccurrences(of: "\n", with: "<br/>")
    return "\"" + escaped + "\""
  }

  private func mermaid(_ modules: [Module], _ course: Course) -> String {
    var lines = ["flowchart TD"]
    var present: Set<String> = []
    for (moduleIndex, module) in modules.enumerated() {
      let graph = ModuleGraph(module: module)
      present.insert(module.id)
      lines.append("  subgraph m\(moduleIndex)[\(Self.mermaidQuoted(title(module, course)))]")
      if let start = graph.startIndex {
        lines.append("    m\(moduleIndex)_start((start))")
        lines.append("    m\(moduleIndex)_start --> m\(moduleIndex)_\(start)")
      }
      for (index, node) in module.nodes.enumerated() {
        let label = Self.mermaidQuoted(nodeLabel(node, in: module, course).joined(separator: "\n"))
        let id = "m\(moduleIndex)_\(index)"
        switch node.kind {
        case .page: lines.append("    \(id)[\(label)]")
        case .question: lines.append("    \(id)(\(label))")
        case .branch: lines.append("    \(id){\(label)}")
        case .end: lines.append("    \(id)([\(label)])")
        }
      }
      for (index, edges) in graph.edges.enumerated() {
        for edge in edges {
          let label =
            edgeLabel(edge, from: module.nodes[index], in: module, course).map {
              "|\(Self.mermaidQuoted($0))|"
            } ?? ""
          lines.append("    m\(moduleIndex)_\(index) -->\(label) m\(moduleIndex)_\(edge.target)")
        }
      }
      lines.append("  end")
    }
    let index = Dictionary(
      modules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    for module in modules {
      for required in module.requires where present.contains(required) {
        guard let from = index[required], let to = index[module.id] else { continue }
        lines.append("  m\(from) -.->|\"required before\"| m\(to)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
