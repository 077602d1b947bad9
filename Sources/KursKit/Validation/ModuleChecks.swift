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
        "start names node '\(module.start)', which does not exist in module '\(module.id)'\(didYouMean(module.start, nodeIDs))")
    }
    let before = findings.count
    for node in module.nodes { checkRoutes(node, nodeIDs, &findings) }
    // A broken reference makes everything after it unreachable; report the cause, not the echo.
    let routesAreSound = findings.count == before && module.node(module.start) != nil
    for node in module.nodes {
      if case .question(let question) = node.kind { QuestionChecks(node: node, question: question).run(&findings) }
    }

    checkFlagsAndCounters(nodeIDs, &findings)
    guard routesAreSound else { return }
    let graph = ModuleGraph(module: module)
    if checkReachability(graph, &findings) { checkPassMark(graph, &findings) }
    checkBranches(graph, &findings)
  }

  private func checkBranches(_ graph: ModuleGraph, _ findings: inout Findings) {
    for node in module.nodes {
      if case .branch(let branch) = node.kind, branch.otherwise == nil, graph.reachable[module.index(of: node.id) ?? 0] {
        switch BranchCoverage.check(branch.routes.map(\.condition), budget: coverageBudget) {
        case .covered:
          break
        case .uncovered(let example):
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise> and its conditions can all be false (for example when \(example)); add <otherwise goto=\"…\"/>")
        case .tooLarge(let combinations, let terms):
          let tried = combinations == Int.max ? "more than \(Int.max)" : String(combinations)
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise>, and its conditions are too large to check that one of them always holds (\(terms) terms under \(tried) combinations of flags and values; Kurs evaluates at most \(BranchCoverage.branchBudget) terms per branch); add <otherwise goto=\"…\"/>")
        case .budgetSpent:
          findings.error(
            node.location,
            "branch '\(node.id)' has no <otherwise>, and the branches before it used up the work Kurs spends on checking that a condition always holds (\(BranchCoverage.courseBudget) term evaluations per course); add <otherwise goto=\"…\"/>")
        }
      }
    }
  }

  private func checkTarget(_ target: String?, attribute: String, in node: Node, _ nodeIDs: [String], at location: SourceLocation? = nil, _ findings: inout Findings) {
    guard let target else { return }
    if module.node(target) == nil {
      findings.error(
        location ?? node.attributeLocations[attribute] ?? node.location,
        "\(attribute) names node '\(target)', which does not exist in module '\(module.id)'\(didYouMean(target, nodeIDs))")
    }
  }

  private func checkRoutes(_ node: Node, _ nodeIDs: [String], _ findings: inout Findings) {
    switch node.kind {
    case .page(let page):
      if page.next == nil {
        findings.error(node.location, "page '\(node.id)' has no next; add next=\"…\" naming the node that follows")
      }
      checkTarget(page.next, attribute: "next", in: node, nodeIDs, &findings)
    case .question(let question):
      checkTarget(question.next, attribute: "next", in: node, nodeIDs, &findings)
      for choice in question.choices {
        checkTarget(choice.goto, attribute: "goto", in: node, nodeIDs, at: choice.location, &findings)
        if choice.goto != nil, question.kind == .multiple {
          findings.error(choice.location, "goto is allowed only on choices of single and true-false questions; a multiple-select answer has several choices: set a flag and route with a <branch>")
        }
      }
      let everyChoiceRoutes = !question.choices.isEmpty && question.choices.allSatisfy { $0.goto != nil }
      if question.next == nil && !everyChoiceRoutes {
        findings.error(node.location, "question '\(node.id)' has no next, and not every choice has a goto; add next=\"…\"")
      }
    case .branch(let branch):
      for route in branch.routes {
        checkTarget(route.target, attribute: "goto", in: node, nodeIDs, at: route.location, &findings)
        for value in route.condition.values {
          if case .visits(let target) = value, module.node(target) == nil {
            findings.error(route.location, "condition reads visits(\(target)), but there is no node '\(target)'\(didYouMean(target, nodeIDs))")
          }
        }
      }
      checkTarget(branch.otherwise, attribute: "goto", in: node, nodeIDs, at: branch.otherwiseLocation, &findings)
    case .end:
      break
    }
  }

  /// Reports unreachable nodes, nodes that cannot end, and missing pass ends.
  /// - Returns: whether every reachable node can reach an end.
  private func checkReachability(_ graph: ModuleGraph, _ findings: inout Findings) -> Bool {
    var reportedLoops: Set<Int> = []
    var everyPathEnds = true
    for (index, node) in module.nodes.enumerated() where module.index(of: node.id) == index {
      if !graph.reachable[index] {
        findings.warning(node.location, "node '\(node.id)' cannot be reached from the start '\(module.start)'; link to it or remove it")
        continue
      }
      guard !graph.reachesEnd[index] else { continue }
      everyPathEnds = false
      let component = graph.component[index]
      if graph.componentIsLoop[component] {
        guard reportedLoops.insert(component).inserted else { continue }
        let members = module.nodes.indices.filter { graph.component[$0] == component }
        let names = members.prefix(5).map { "'\(module.nodes[$0].id)'" }.joined(separator: ", ")
        let more = members.count > 5 ? " and \(members.count - 5) more" : ""
        findings.error(node.location, "nodes \(names)\(more) form a loop with no way out; add a route from the loop towards an end")
      } else {
        findings.error(node.location, "no end can be reached from node '\(node.id)'; every path must lead to an <end>")
      }
    }
    // With a path that never ends, the checks below would only repeat that problem.
    guard everyPathEnds else { return false }
    let passEnds = graph.reachableEnds.filter {
      if case .end(let end) = module.nodes[$0].kind { return end.outcome == .pass }
      return false
    }
    if passEnds.isEmpty, module.nodes.contains(where: { if case .end = $0.kind { return true } else { return false } }) {
      // Without a list, completion needs every module, this one too.
      let required = course.completion.modules?.contains(module.id) ?? true
      let message = "module '\(module.id)' has no reachable end with outcome=\"pass\"; no learner can pass it"
      if required { findings.error(module.location, message) } else { findings.warning(module.location, message) }
    } else if !module.nodes.contains(where: { if case .end = $0.kind { return true } else { return false } }) {
      findings.error(module.location, "module '\(module.id)' has no <end>; add one with outcome=\"pass\"")
    }
    return true
  }

  private func checkPassMark(_ graph: ModuleGraph, _ findings: inout Findings) {
    let most = graph.mostPoints
    let location = module.attributeLocations["pass-mark"] ?? module.location
    switch module.passMark {
    case .points(let points) where points > most:
      findings.error(location, "pass mark \(points) is above the \(most) point\(most == 1 ? "" : "s") any path through module '\(module.id)' can collect; lower it or add questions")
    case .percent(let percent) where percent > 0 && most == 0:
      findings.error(location, "pass mark \(percent)% needs points, but no path through module '\(module.id)' has a scored question")
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
      if case .question(let question) = node.kind { question.choices.forEach { record($0.effects) } }
    }
    for node in module.nodes {
      guard case .branch(let branch) = node.kind else { continue }
      for route in branch.routes {
        for flag in route.condition.flags.sorted() where !flagsSet.contains(flag) {
          findings.warning(route.location, "flag '\(flag)' is read here but never set in module '\(module.id)'\(didYouMean(flag, Array(flagsSet))); it is always unset")
        }
        for value in route.condition.values {
          if case .counter(let name) = value, !countersSet.contains(name) {
            findings.warning(route.location, "counter '\(name)' is read here but never changed in module '\(module.id)'\(didYouMean(name, Array(countersSet))); it is always 0")
          }
        }
      }
    }
  }
}
