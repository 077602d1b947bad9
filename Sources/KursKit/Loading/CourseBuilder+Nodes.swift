import Foundation

extension CourseBuilder {
  /// `test="pre"`, or `test="post" pre-test="ID"`.
  private func knowledgeTest(_ element: ParsedElement) -> KnowledgeTest? {
    switch element[attribute: "test"] {
    case "pre":
      if element.hasAttribute("pre-test") {
        error(
          element.location(ofAttribute: "pre-test"),
          "pre-test names the test a post-test is compared with; it belongs on the module with test=\"post\""
        )
      }
      return .pre
    case "post":
      guard let preTest = element[attribute: "pre-test"] else {
        error(
          element.location(ofAttribute: "test"),
          "a post-test names its pre-test: add pre-test=\"ID\" (the module with test=\"pre\" it repeats)"
        )
        return nil
      }
      return .post(preTest: preTest)
    default:
      if element.hasAttribute("pre-test") {
        error(
          element.location(ofAttribute: "pre-test"),
          "pre-test is for a knowledge test taken after the course: add test=\"post\", or remove pre-test"
        )
      }
      return nil
    }
  }

  func buildModule(_ element: ParsedElement, directory: URL) -> Module {
    let id = element[attribute: "id"] ?? ""
    var passMark = PassMark.points(0)
    let markText = element[attribute: "pass-mark"] ?? "0"
    if markText.hasSuffix("%") {
      let percent = Int(markText.dropLast()) ?? 0
      if percent > 100 {
        error(element.location(ofAttribute: "pass-mark"), "pass mark \(markText) is above 100%")
      }
      passMark = .percent(percent)
    } else {
      passMark = .points(Int(markText) ?? 0)
    }
    var attributeLocations: [String: SourceLocation] = [:]
    for name in ["start", "pass-mark", "requires", "retake-below", "test", "pre-test"]
    where element.hasAttribute(name) {
      attributeLocations[name] = element.location(ofAttribute: name)
    }
    let children = element.elements
    var nodes: [Node] = []
    nodes.reserveCapacity(children.count)
    for child in children {
      switch child.name {
      case "page", "question", "branch", "end": nodes.append(buildNode(child, directory: directory))
      default: continue
      }
    }
    return Module(
      id: id,
      title: localized(element.elements(named: "title"), "title"),
      objectives: repeated(element.elements(named: "objective"), "objective"),
      contentNote: body(
        element.elements(named: "content-note"), "content-note", directory: directory),
      start: element[attribute: "start"] ?? "",
      passMark: passMark,
      requires: (element[attribute: "requires"] ?? "").split(separator: " ").map(String.init),
      allowBack: element[attribute: "allow-back"].map { $0 == "true" || $0 == "1" } ?? true,
      retakeBelow: element[attribute: "retake-below"],
      test: knowledgeTest(element),
      nodes: nodes,
      location: element.location,
      attributeLocations: attributeLocations)
  }

  private func boolean(_ element: ParsedElement, _ name: String) -> Bool? {
    element[attribute: name].map { $0 == "true" || $0 == "1" }
  }

  private func integer(_ element: ParsedElement, _ name: String, default value: Int) -> Int {
    element[attribute: name].flatMap { Int($0) } ?? value
  }

  func effects(_ elements: [ParsedElement]) -> [Effect] {
    elements.compactMap { element in
      switch element.name {
      case "set":
        let value = element[attribute: "value"].map { $0 == "true" || $0 == "1" } ?? true
        return .setFlag(element[attribute: "flag"] ?? "", value)
      case "add":
        return .addToCounter(
          element[attribute: "counter"] ?? "", integer(element, "value", default: 1))
      default:
        return nil
      }
    }
  }

  private func buildNode(_ element: ParsedElement, directory: URL) -> Node {
    let id = element[attribute: "id"] ?? ""
    // Only the attributes findings point at once the model is built (most nodes have one):
    // a dictionary of every attribute of 100,000 nodes was a tenth of a large course's memory.
    var attributeLocations: [String: SourceLocation] = [:]
    for attribute in element.attributes where Node.locatedAttributes.contains(attribute.name) {
      attributeLocations[attribute.name] = attribute.location
    }
    let titles = localized(element.elements(named: "title"), "title")
    let bodies = body(element.elements(named: "body"), "body", directory: directory)
    let kind: Node.Kind
    switch element.name {
    case "page":
      kind = .page(
        Page(
          title: titles, body: bodies, next: element[attribute: "next"],
          back: boolean(element, "back")))
    case "question":
      kind = .question(buildQuestion(element, title: titles, body: bodies))
    case "branch":
      kind = .branch(buildBranch(element))
    default:
      kind = .end(
        End(
          outcome: End.Outcome(rawValue: element[attribute: "outcome"] ?? "") ?? .neutral,
          title: titles, body: bodies))
    }
    return Node(
      id: id, kind: kind, effects: effects(element.elements), location: element.location,
      attributeLocations: attributeLocations)
  }

  private func buildQuestion(_ element: ParsedElement, title: LocalizedText, body: LocalizedBody)
    -> Question
  {
    let kind = Question.Kind(rawValue: element[attribute: "kind"] ?? "") ?? .single
    let choices = element.elements(named: "choice").map { choice in
      Choice(
        id: choice[attribute: "id"] ?? "",
        isCorrect: boolean(choice, "correct") ?? false,
        goto: choice[attribute: "goto"],
        text: localized(choice.elements(named: "text"), "text"),
        feedback: localized(choice.elements(named: "feedback"), "feedback"),
        effects: effects(choice.elements),
        location: choice.location)
    }
    let items = element.elements(named: "item").map { item in
      OrderItem(
        id: item[attribute: "id"] ?? "", text: localized(item.elements(named: "text"), "text"),
        location: item.location)
    }
    let pairs = element.elements(named: "pair").map { pair in
      MatchPair(
        id: pair[attribute: "id"] ?? "", left: localized(pair.elements(named: "left"), "left"),
        right: localized(pair.elements(named: "right"), "right"), location: pair.location)
    }
    return Question(
      kind: kind,
      points: integer(element, "points", default: 1),
      attempts: integer(element, "attempts", default: 1),
      penalty: integer(element, "penalty", default: 0),
      shuffle: boolean(element, "shuffle") ?? false,
      scoring: element[attribute: "scoring"].flatMap(Question.Scoring.init(rawValue:)),
      next: element[attribute: "next"],
      back: boolean(element, "back"),
      title: title,
      body: body,
      prompt: localized(element.elements(named: "prompt"), "prompt"),
      choices: choices,
      items: items,
      pairs: pairs,
      hints: repeated(element.elements(named: "hint"), "hint"),
      feedback: localized(element.elements(named: "feedback"), "feedback"))
  }

  private func buildBranch(_ element: ParsedElement) -> Branch {
    var routes: [Branch.Route] = []
    for when in element.elements(named: "when") {
      let test = when[attribute: "test"] ?? ""
      let testLocation = when.location(ofAttribute: "test")
      do {
        let condition = try ConditionParser.parse(test)
        routes.append(
          Branch.Route(
            condition: condition, source: test, target: when[attribute: "goto"] ?? "",
            location: when.location(ofAttribute: "goto"), testLocation: testLocation))
      } catch {
        // Point into the attribute value: test="…" starts 6 characters after the name.
        var location = testLocation
        location.column += "test=\"".count + error.offset
        self.error(location, "condition: \(error.message)")
        routes.append(
          Branch.Route(
            condition: .constant(false), source: test, target: when[attribute: "goto"] ?? "",
            location: when.location(ofAttribute: "goto")))
      }
    }
    let otherwise = element.elements(named: "otherwise").first
    return Branch(
      routes: routes, otherwise: otherwise?[attribute: "goto"],
      otherwiseLocation: otherwise?.location(ofAttribute: "goto"))
  }
}
