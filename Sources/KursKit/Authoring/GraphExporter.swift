/// Draws the branching of modules as Graphviz DOT or Mermaid text, for `kurs graph`.
public struct GraphExporter: Sendable {
  public var format: GraphFormat
  public var language: String

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

  static func nodeLabel(_ node: Node) -> String {
    switch node.kind {
    case .page: return "page: \(node.id)"
    case .question(let question):
      let points = question.points == 1 ? "1 point" : "\(question.points) points"
      return "question (\(question.kind.rawValue), \(points)): \(node.id)"
    case .branch: return "branch: \(node.id)"
    case .end(let end): return "end (\(end.outcome.rawValue)): \(node.id)"
    }
  }

  static func edgeLabel(_ label: ModuleGraph.EdgeLabel) -> String? {
    switch label {
    case .next: return nil
    case .choice(let id): return "choice \(id)"
    case .condition(let test): return test
    case .otherwise: return "otherwise"
    }
  }

  private func title(_ module: Module, _ course: Course) -> String {
    let text = module.title.resolve(language, fallback: course.defaultLanguage)?.plain ?? ""
    return text.isEmpty ? module.id : "\(module.id): \(text)"
  }

  private func dot(_ modules: [Module], _ course: Course) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    var lines = ["digraph \(quoted(course.id)) {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];"]
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
        lines.append("    m\(moduleIndex)_\(index) [label=\(quoted(Self.nodeLabel(node))), shape=\(shape)\(start)];")
      }
      for (index, edges) in graph.edges.enumerated() {
        for edge in edges {
          let label = Self.edgeLabel(edge.label).map { " [label=\(quoted($0))]" } ?? ""
          lines.append("    m\(moduleIndex)_\(index) -> m\(moduleIndex)_\(edge.target)\(label);")
        }
      }
      lines.append("  }")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  private func mermaid(_ modules: [Module], _ course: Course) -> String {
    func quoted(_ text: String) -> String {
      "\"" + text.replacingOccurrences(of: "\"", with: "#quot;") + "\""
    }
    var lines = ["flowchart TD"]
    for (moduleIndex, module) in modules.enumerated() {
      let graph = ModuleGraph(module: module)
      lines.append("  subgraph m\(moduleIndex)[\(quoted(title(module, course)))]")
      for (index, node) in module.nodes.enumerated() {
        let label = quoted(Self.nodeLabel(node))
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
          let label = Self.edgeLabel(edge.label).map { "|\(quoted($0))|" } ?? ""
          lines.append("    m\(moduleIndex)_\(index) -->\(label) m\(moduleIndex)_\(edge.target)")
        }
      }
      lines.append("  end")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
