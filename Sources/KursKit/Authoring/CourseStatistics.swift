/// The numbers `kurs stats` shows per module: nodes by kind, paths to each end, points, pass
/// mark, and reading time per language.
public struct CourseStatistics: Sendable, Encodable {
  /// Words a minute used for reading-time estimates.
  public static let wordsPerMinute = Module.wordsPerMinute

  public struct EndStatistics: Sendable, Encodable {
    public var id: String
    public var outcome: String
    /// Distinct paths from the start, counting each loop as one step.
    public var paths: Int
    public var throughLoop: Bool
    /// The fewest and the most points on offer along the paths to this end.
    public var fewestPoints: Int
    public var mostPoints: Int
    /// Whether a learner can reach the pass mark on the way to this end (on its best path).
    public var passMarkReachable: Bool
    /// Whether every path to this end offers the points the pass mark needs.
    public var passMarkReachableOnEveryPath: Bool
  }

  public struct ModuleStatistics: Sendable, Encodable {
    public var id: String
    public var title: String
    public var nodes: [String: Int]
    public var questions: [String: Int]
    public var mostPoints: Int
    public var passMark: String
    public var passMarkPoints: Int
    public var ends: [EndStatistics]
    /// Paths that end at a pass end where the pass mark can be reached.
    public var passingPaths: Int
    /// Estimated minutes per language.
    public var readingMinutes: [String: Int]
  }

  public var courseID: String
  public var version: String
  public var modules: [ModuleStatistics]

  public init(course: Course, language: String) {
    courseID = course.id
    version = course.version
    modules = course.modules.map { Self.statistics(of: $0, course: course, language: language) }
  }

  private static func statistics(of module: Module, course: Course, language: String)
    -> ModuleStatistics
  {
    let graph = ModuleGraph(module: module)
    var nodes: [String: Int] = [:]
    var questions: [String: Int] = [:]
    for node in module.nodes {
      nodes[node.kindName, default: 0] += 1
      if case .question(let question) = node.kind {
        questions[question.kind.rawValue, default: 0] += 1
      }
    }
    let most = graph.mostPoints
    let required = module.passMark.requiredPoints(maximum: most)
    let counts = graph.pathCounts()
    let fewest = graph.fewestPointsOnOffer
    let ends = graph.reachableEnds.map { index -> EndStatistics in
      let node = module.nodes[index]
      var outcome = End.Outcome.neutral
      if case .end(let end) = node.kind { outcome = end.outcome }
      let mostHere = graph.mostPoints(to: index) ?? 0
      return EndStatistics(
        id: node.id, outcome: outcome.rawValue, paths: counts[index]?.paths ?? 0,
        throughLoop: counts[index]?.throughLoop ?? false, fewestPoints: fewest[index] ?? 0,
        mostPoints: mostHere, passMarkReachable: outcome == .pass && mostHere >= required,
        passMarkReachableOnEveryPath: outcome == .pass && (fewest[index] ?? 0) >= required)
    }
    var minutes: [String: Int] = [:]
    for code in course.languages {
      let words = module.words(language: code, fallback: course.defaultLanguage)
      minutes[code] = max(1, (words + wordsPerMinute - 1) / wordsPerMinute)
    }
    let passing = ends.filter(\.passMarkReachable).reduce(0) { total, end in
      let (sum, overflow) = total.addingReportingOverflow(end.paths)
      return overflow ? Int.max : sum
    }
    return ModuleStatistics(
      id: module.id,
      title: module.title.resolve(language, fallback: course.defaultLanguage)?.plain ?? "",
      nodes: nodes, questions: questions, mostPoints: most, passMark: module.passMark.description,
      passMarkPoints: required, ends: ends, passingPaths: passing, readingMinutes: minutes)
  }

  /// The table `kurs stats` prints.
  public func text() -> String {
    var lines = ["\(courseID) \(version)"]
    for module in modules {
      lines.append("")
      lines.append("module \(module.id): \(module.title)")
      let order = ["page", "question", "branch", "end"]
      let nodeSummary = order.compactMap { kind in
        module.nodes[kind].map { "\($0) \(kind)\($0 == 1 ? "" : kind == "branch" ? "es" : "s")" }
      }
      let total = module.nodes.values.reduce(0, +)
      lines.append("  nodes: \(total) (\(nodeSummary.joined(separator: ", ")))")
      let questionOrder = Question.Kind.allCases.map(\.rawValue)
      let questionSummary = questionOrder.compactMap { kind in
        module.questions[kind].map { "\($0) \(kind)" }
      }
      if !questionSummary.isEmpty {
        lines.append("  questions: \(questionSummary.joined(separator: ", "))")
      }
      lines.append(
        "  points: at most \(module.mostPoints); pass mark \(module.passMark)\(module.passMark.hasSuffix("%") ? " (\(module.passMarkPoints) points)" : "")"
      )
      lines.append("  paths to a passing end: \(module.passingPaths)")
      lines.append("  ends:")
      for end in module.ends {
        let paths = end.paths == Int.max ? "more than \(Int.max)" : String(end.paths)
        let loop = end.throughLoop ? ", some through loops" : ""
        let verdict: String
        switch (end.outcome == "pass", end.passMarkReachableOnEveryPath, end.passMarkReachable) {
        case (false, _, _): verdict = "no pass"
        case (true, true, _): verdict = "pass mark reachable on every path"
        case (true, false, true):
          verdict =
            "pass mark reachable on some paths only: the poorest offers \(end.fewestPoints) of \(module.passMarkPoints) points"
        case (true, false, false): verdict = "pass mark NOT reachable"
        }
        lines.append(
          "    \(end.id) (\(end.outcome)): \(paths) path\(end.paths == 1 ? "" : "s")\(loop); points on offer \(end.fewestPoints) to \(end.mostPoints); \(verdict)"
        )
      }
      let reading = module.readingMinutes.keys.sorted().map {
        "\($0) ~\(module.readingMinutes[$0] ?? 0) min"
      }
      lines.append("  reading time: \(reading.joined(separator: ", "))")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
