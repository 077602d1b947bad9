/// The checks of one module: ids, routes, reachability, loops, questions, pass mark, branches,
/// flags and counters. Of the course it reads only its settings (completion), never the other
/// modules, so modules can be checked while the others load.
struct ModuleChecks {
  let course: Course
  let module: Module
  /// What is left of the course's budget for branch coverage (`BranchCoverage`).
  var coverageBudget = BranchCoverage.Budget()

  func run(_ findings: inout Findings) {
    let nodeIDs = module.nodes.map(\.id)
    duplicates(module.nodes.map { ($0.id, $0.location) }, what: "node", &findings)

    if module.node(module.start) == nil {
      findings.error(
        module.attributeLocations["start"] ?? module.location,
        "start names node '\(module.start)', which does not exist in module '\(module.id)'\(didYouMean(module.start, nodeIDs))"
      )
    }
    let before = findings.count
    for node in module.nodes { checkRoutes(node, nodeIDs, &findings) }
    // A broken reference makes everything after it unreachable; report the cause, not the echo.
    let routesAreSound = findings.count == before && module.node(module.start) != nil
    for node in module.nodes {
      if case .question(let question) = node.kind {
        QuestionChecks(node: node, question: question).run(&findings)
      }
    }

    checkFlagsAndCounters(nodeIDs, &findings)
    guard routesAreSound else { return }
    let graph = ModuleGraph(module: module)
    if checkReachability(graph, &findings) { checkPassMark(graph, &findings) }
    checkBranches(graph, &findings)
    checkTraps(graph, &findings)
  }

  /// A loop whose only ways out are branch conditions on values nothing in the loop changes
  /// (score, a counter, a flag): a learner who arrives with the wrong value goes round for ever.
  private func checkTraps(_ graph: ModuleGraph, _ findings: inout Findings) {
    let componentCount = graph.componentIsLoop.count
    var members = [[Int]](repeating: [], count: componentCount)
    for index in module.nodes.indices where graph.reachable[index] {
      members[graph.component[index]].append(index)
    }
    for component in 0..<componentCount
    where graph.componentIsLoop[component] && !members[component].isEmpty {
      let inside = Set(members[component])
      var conditionalExits: [(node: Int, reads: Set<String>, location: SourceLocation)] = []
      var freeExit = false
      for index in members[component] {
        let node = module.nodes[index]
        for edge in graph.edges[index] where !inside.contains(edge.target) {
          guard case .branch(let branch) = node.kind else {
            freeExit = true  // a page's next, a question's next or a learner's choice
            continue
          }
          // A route is taken when its test holds and the tests before it do not.
          var reads: Set<String> = []
          var location = branch.otherwiseLocation ?? node.location
          for route in branch.routes {
            reads.formUnion(Self.names(read: route.condition))
            if route.target == module.nodes[edge.target].id, edge.label != .otherwise {
              location = route.location
              break
            }
          }
          conditionalExits.append((index, reads, location))
        }
      }
      guard !freeExit, let first = conditionalExits.first else { continue }
      let read = conditionalExits.reduce(into: Set<String>()) { $0.formUnion($1.reads) }
      guard read.isDisjoint(with: changed(inside)) else { continue }
      let names = members[component].prefix(5).map { "'\(module.nodes[$0].id)'" }.joined(
        separator: ", ")
      let values = read.sorted().joined(separator: ", ")
      findings.warning(
        first.location,
        "the loop through \(names) can trap a learner: its only ways out depend on \(values.isEmpty ? "tests that never change" : values), which nothing in the loop changes, so a learner who arrives when they do not hold goes round for ever; add a way out that always works (<otherwise goto=\"…\"/> towards an end) or a question or effect inside the loop"
      )
    }
  }

  /// What a condition reads: `score` (for score and percent), `counter(x)`, `flag(x)`, `visits(x)`.
  private static func names(read condition: Condition) -> Set<String> {
    var names = Set(condition.flags.map { "flag(\($0))" })
    for value in condition.values {
      switch value {
      case .score, .percent: names.insert("score")
      case .counter(let name): names.insert("counter(\(name))")
      case .visits(let node): names.insert("visits(\(node))")
      case .number: break
      }
    }
    return names
  }

  /// What the nodes of a loop change, named as `names(read:)` names it.
  private func changed(_ inside: Set<Int>) -> Set<String> {
    var names: Set<String> = []
    func record(_ effects: [Effect]) {
      for effect in effects {
        switch effect {
        case .setFlag(let name, _): names.insert("flag(\(name))")
        case .addToCounter(let name, _): names.insert("counter(\(name))")
        }
      }
    }
    for index in inside {
      let node = module.nodes[index]
      names.insert("visits(\(node.id))")
      record(node.effects)
      if case .question(let question) = node.kind {
        if question.points > 0 { names.insert("score") }
        for choice in question.choices { record(choice.effects) }
      }
    }
    return names
  }

  private func checkBranches(_ graph: ModuleGraph, _ findings: inout Findings) {
    for node in module.nodes {
      if case .branch(let branch) = node.kind, branch.otherwise == nil,
        graph.reachable[module.index(of: node.id) ?? 0]
      {
        switch BranchCoverage.check(branch.routes.map(\.condition), budget: coverageBudget) {
        case .covered:
          break
        case .uncovered(let example):
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise> and its conditions can all be false (for example when \(example)); add <otherwise goto=\"…\"/>"
          )
        case .tooLarge(let combinations, let terms):
          let tried = combinations == Int.max ? "more than \(Int.max)" : String(combinations)
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise>, and its conditions are too large to check that one of them always holds (\(terms) terms under \(tried) combinations of flags and values; Kurs evaluates at most \(BranchCoverage.branchBudget) terms per branch); add <otherwise goto=\"…\"/>"
          )
        case .budgetSpent:
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise>, and the branches before it used up the work Kurs spends on checking that a condition always holds (\(BranchCoverage.courseBudget) term evaluations per course); add <otherwise goto=\"…\"/>"
          )
        }
      }
    }
  }

  private func checkTarget(
    _ target: String?, attribute: String, in node: Node, _ nodeIDs: [String],
    at location: SourceLocation? = nil, _ findings: inout Findings
  ) {
    guard let target else { return }
    if module.node(target) == nil {
      findings.error(
        location ?? node.attributeLocations[attribute] ?? node.location,
        "\(attribute) names node '\(target)', which does not exist in module '\(module.id)'\(didYouMean(target, nodeIDs))"
      )
    }
  }

  private func checkRoutes(_ node: Node, _ nodeIDs: [String], _ findings: inout Findings) {
    switch node.kind {
    case .page(let page):
      if page.next == nil {
        findings.error(
          node.location,
          "page '\(node.id)' has no next; add next=\"…\" naming the node that follows")
      }
      checkTarget(page.next, attribute: "next", in: node, nodeIDs, &findings)
    case .question(let question):
      checkTarget(question.next, attribute: "next", in: node, nodeIDs, &findings)
      for choice in question.choices {
        checkTarget(
          choice.goto, attribute: "goto", in: node, nodeIDs, at: choice.location, &findings)
        if choice.goto != nil, question.kind == .multiple {
          findings.error(
            choice.location,
            "goto is allowed only on choices of single and true-false questions; a multiple-select answer has several choices: set a flag and route with a <branch>"
          )
        }
      }
      let everyChoiceRoutes =
        !question.choices.isEmpty && question.choices.allSatisfy { $0.goto != nil }
      if question.next == nil && !everyChoiceRoutes {
        findings.error(
          node.location,
          "question '\(node.id)' has no next, and not every choice has a goto; add next=\"…\"")
      }
    case .branch(let branch):
      for route in branch.routes {
        checkTarget(
          route.target, attribute: "goto", in: node, nodeIDs, at: route.location, &findings)
        for value in route.condition.values {
          if case .visits(let target) = value, module.node(target) == nil {
            findings.error(
              route.location(of: "visits(\(target))"),
              "condition reads visits(\(target)), but there is no node '\(target)'\(didYouMean(target, nodeIDs))"
            )
          }
        }
      }
      checkTarget(
        branch.otherwise, attribute: "goto", in: node, nodeIDs, at: branch.otherwiseLocation,
        &findings)
    case .end:
      break
    }
  }

  /// Reports unreachable nodes, nodes that cannot end, and missing pass ends.
  /// - Returns: whether every reachable node can reach an end.
  private func checkReachability(_ graph: ModuleGraph, _ findings: inout Findings) -> Bool {
    var reportedLoops: Set<Int> = []
    var everyPathEnds = true
    // Nodes that cannot reach an end lead only to such nodes. The cause is where they stop: a
    // loop or a node with no edge out of it; the nodes before it (a loop that leads into it
    // too) only inherit the problem and are not blamed.
    var leavesComponent = [Bool](repeating: false, count: graph.componentIsLoop.count)
    for (index, list) in graph.edges.enumerated()
    where list.contains(where: { graph.component[$0.target] != graph.component[index] }) {
      leavesComponent[graph.component[index]] = true
    }
    for (index, node) in module.nodes.enumerated() where module.index(of: node.id) == index {
      if !graph.reachable[index] {
        findings.warning(
          node.location,
          "node '\(node.id)' cannot be reached from the start '\(module.start)'; link to it or remove it"
        )
        continue
      }
      guard !graph.reachesEnd[index] else { continue }
      everyPathEnds = false
      let component = graph.component[index]
      guard !leavesComponent[component] else { continue }
      if graph.componentIsLoop[component] {
        guard reportedLoops.insert(component).inserted else { continue }
        let members = module.nodes.indices.filter { graph.component[$0] == component }
        let names = members.prefix(5).map { "'\(module.nodes[$0].id)'" }.joined(separator: ", ")
        let more = members.count > 5 ? " and \(members.count - 5) more" : ""
        findings.error(
          node.location,
          "nodes \(names)\(more) form a loop with no way out; add a route from the loop towards an end"
        )
      } else {
        findings.error(
          node.location,
          "no end can be reached from node '\(node.id)'; every path must lead to an <end>")
      }
    }
    // With a path that never ends, the checks below would only repeat that problem.
    guard everyPathEnds else { return false }
    let passEnds = graph.reachableEnds.filter {
      if case .end(let end) = module.nodes[$0].kind { return end.outcome == .pass }
      return false
    }
    if passEnds.isEmpty,
      module.nodes.contains(where: { if case .end = $0.kind { return true } else { return false } })
    {
      // Without a list, completion needs every module, this one too.
      let required = course.completion.modules?.contains(module.id) ?? true
      let message =
        "module '\(module.id)' has no reachable end with outcome=\"pass\"; no learner can pass it"
      if required {
        findings.error(module.location, message)
      } else {
        findings.warning(module.location, message)
      }
    } else if !module.nodes.contains(where: {
      if case .end = $0.kind { return true } else { return false }
    }) {
      findings.error(
        module.location, "module '\(module.id)' has no <end>; add one with outcome=\"pass\"")
    }
    return true
  }

  private func checkPassMark(_ graph: ModuleGraph, _ findings: inout Findings) {
    let most = graph.mostPoints
    let location = module.attributeLocations["pass-mark"] ?? module.location
    // Path by path: a passing end that some path reaches with too few points on offer.
    let required = module.passMark.requiredPoints(maximum: most)
    if required <= most {
      let fewest = graph.fewestPointsOnOffer
      for index in graph.reachableEnds {
        guard case .end(let end) = module.nodes[index].kind, end.outcome == .pass,
          let poorest = fewest[index],
          poorest < required
        else { continue }
        findings.warning(
          module.nodes[index].location,
          "some paths to end '\(module.nodes[index].id)' (outcome=\"pass\") offer only \(poorest) of the \(required) point\(required == 1 ? "" : "s") the pass mark needs, so a learner who takes them cannot pass however well they answer; add scored questions on those paths, lower the pass mark, or end those paths elsewhere (kurs stats shows the points on offer per end)"
        )
      }
    }
    switch module.passMark {
    case .points(let points) where points > most:
      findings.error(
        location,
        "pass mark \(points) is above the \(most) point\(most == 1 ? "" : "s") any path through module '\(module.id)' can collect; lower it or add questions"
      )
    case .percent(let percent) where percent > 0 && most == 0:
      findings.error(
        location,
        "pass mark \(percent)% needs points, but no path through module '\(module.id)' has a scored question"
      )
    default:
      break
    }
  }

  private func checkFlagsAndCounters(_ nodeIDs: [String], _ findings: inout Findings) {
    var flagsSet: Set<String> = []
    var countersSet: Set<String> = []
    func record(_ effects: [Effect]) {
      for effect in effects {
        switch effect {
        case .setFlag(let name, _): flagsSet.insert(name)
        case .addToCounter(let name, _): countersSet.insert(name)
        }
      }
    }
    for node in module.nodes {
      record(node.effects)
      if case .question(let question) = node.kind {
        for choice in question.choices { record(choice.effects) }
      }
    }
    for node in module.nodes {
      guard case .branch(let branch) = node.kind else { continue }
      for route in branch.routes {
        for flag in route.condition.flags.sorted() where !flagsSet.contains(flag) {
          findings.warning(
            route.location(of: "flag(\(flag))"),
            "flag '\(flag)' is read here but never set in module '\(module.id)'\(didYouMean(flag, Array(flagsSet))); it is always unset"
          )
        }
        for value in route.condition.values {
          if case .counter(let name) = value, !countersSet.contains(name) {
            findings.warning(
              route.location(of: "counter(\(name))"),
              "counter '\(name)' is read here but never changed in module '\(module.id)'\(didYouMean(name, Array(countersSet))); it is always 0"
            )
          }
        }
      }
    }
  }
}
