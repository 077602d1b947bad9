extension Engine {
  func text(_ text: LocalizedText) -> InlineText? {
    text.resolve(language, fallback: course.defaultLanguage)
  }

  func blocks(_ body: LocalizedBody) -> [Block] {
    body.resolve(language, fallback: course.defaultLanguage)
  }

  /// The order a question's options are shown in, the same every time for this learner.
  public func displayOrder(of question: Question, id: String) -> (options: [QuestionScreen.Option], matches: [QuestionScreen.Option]) {
    var generator = SeededShuffle(seed: "\(seed)/\(id)")
    func option(_ id: String, _ text: LocalizedText) -> QuestionScreen.Option {
      QuestionScreen.Option(id: id, text: self.text(text) ?? InlineText(id))
    }
    switch question.kind {
    case .single, .multiple:
      let options = question.choices.map { option($0.id, $0.text) }
      return (question.shuffle ? generator.shuffled(options) : options, [])
    case .trueFalse:
      // True before false, always: a shuffled true/false reads as a trick.
      let ordered = ["true", "false"].compactMap { id in question.choices.first { $0.id == id } }
      return (ordered.map { choice in
        QuestionScreen.Option(id: choice.id, text: self.text(choice.text) ?? InlineText(Localization.string(choice.id == "true" ? .trueWord : .falseWord, interfaceLanguage ?? language)))
      }, [])
    case .ordering:
      return (generator.derangedOrder(question.items.map { option($0.id, $0.text) }), [])
    case .matching:
      let lefts = question.pairs.map { option($0.id, $0.left) }
      let rights = generator.derangedOrder(question.pairs.map { option($0.id, $0.right) })
      return (question.shuffle ? generator.shuffled(lefts) : lefts, rights)
    }
  }

  func position(_ module: Module, _ moduleState: ModuleState) -> Position {
    let index = course.modules.firstIndex { $0.id == module.id } ?? 0
    // Pages and questions entered in this run (a page seen again counts again: it is a step).
    let steps = moduleState.visits.reduce(0) { total, visit in
      switch module.node(visit.key)?.kind {
      case .page, .question: return total + visit.value
      default: return total
      }
    }
    return Position(
      moduleIndex: index + 1, moduleCount: course.modules.count,
      moduleTitle: text(module.title)?.plain ?? module.id, step: steps, score: moduleState.score,
      maximum: maximum(of: module.id), hidesScore: module.test != nil)
  }

  /// Throws where `screen` would, without building it: the learner's place must exist.
  func checkPlace(_ module: Module, _ moduleState: ModuleState) throws(EngineRefusal) {
    if let review = moduleState.reviewIndex, review < moduleState.history.count, let node = module.node(moduleState.history[review]),
      case .page = node.kind
    {
      return
    }
    guard let nodeID = moduleState.node, let node = module.node(nodeID) else { throw .notInAModule }
    if case .branch = node.kind { throw .notInAModule }
  }

  func screen(_ module: Module, _ moduleState: ModuleState, in state: CourseState) throws(EngineRefusal) -> Screen {
    let where_ = position(module, moduleState)
    if let review = moduleState.reviewIndex, review < moduleState.history.count,
      let node = module.node(moduleState.history[review]), case .page(let page) = node.kind
    {
      return .page(
        PageScreen(
          nodeID: node.id, title: text(page.title), blocks: blocks(page.body),
          canGoBack: module.allowBack && review > 0, isReview: true, position: where_))
    }
    guard let nodeID = moduleState.node, let node = module.node(nodeID) else { throw .notInAModule }
    switch node.kind {
    case .page(let page):
      return .page(
        PageScreen(
          nodeID: nodeID, title: text(page.title), blocks: blocks(page.body),
          canGoBack: module.allowBack && (page.back ?? true) && !moduleState.history.isEmpty,
          isReview: false, position: where_))
    case .question(let question):
      if case .feedback(let answer, let points, let isCorrect) = moduleState.phase {
        guard module.test == nil else {
          // A knowledge test says nothing about an answer until the post-test is done.
          return .feedback(
            FeedbackScreen(
              nodeID: nodeID, isWithheld: true, isCorrect: false, isDecision: false, points: 0, maximum: question.points,
              choiceFeedback: [], generalFeedback: nil, correctAnswer: [], position: where_))
        }
        return .feedback(feedback(question, nodeID, answer, points, isCorrect, where_))
      }
      let (options, matches) = displayOrder(of: question, id: "\(module.id)/\(nodeID)")
      var retryFeedback: [InlineText] = []
      if case .choices(let ids) = moduleState.lastWrongAnswer {
        retryFeedback = question.choices.filter { ids.contains($0.id) }.compactMap { text($0.feedback) }
      }
      return .question(
        QuestionScreen(
          nodeID: nodeID, kind: question.kind, title: text(question.title), context: blocks(question.body),
          prompt: text(question.prompt) ?? InlineText(""), options: options, matches: matches,
          points: question.points, attemptsLeft: Self.attempts(of: question, in: module) - moduleState.tries,
          hints: module.test == nil ? question.hints.prefix(moduleState.tries).compactMap(text) : [],
          retryFeedback: retryFeedback, isRetry: moduleState.tries > 0,
          isDecision: Self.isDecision(question),
          canGoBack: module.allowBack && (question.back ?? true) && !moduleState.history.isEmpty,
          position: where_))
    case .end(let end):
      let index = course.modules.firstIndex { $0.id == module.id } ?? 0
      let nextModule = index + 1 < course.modules.count ? course.modules[index + 1].id : nil
      return .moduleEnd(
        ModuleEndScreen(
          moduleID: module.id, title: text(end.title), blocks: blocks(end.body), outcome: end.outcome,
          status: moduleState.status, score: moduleState.score, maximum: maximum(of: module.id),
          passMark: passMark(of: module), nextModule: nextModule,
          position: where_))
          .withTest(module, moduleState, in: state, engine: self)
    case .branch:
      throw .notInAModule
    }
  }

  /// The end of a post-test, item by item: what the learner's answers earned before and after,
  /// and each item's right answer and explanation.
  func testReview(_ module: Module, preTest: String, _ moduleState: ModuleState, in state: CourseState) -> TestReview {
    let before = state.module(preTest)
    let pre = course.module(preTest)
    var items: [TestReview.Item] = []
    for node in module.nodes {
      guard case .question(let question) = node.kind, question.points > 0 else { continue }
      let full = question.points
      let rightBefore = before.scores[node.id].map { $0 >= full }
      // The right answer as a wrong answer's feedback shows it.
      let none: LearnerAnswer
      switch question.kind {
      case .ordering: none = .order([])
      case .matching: none = .matches([:])
      case .single, .multiple, .trueFalse: none = .choices([])
      }
      let correct = feedback(question, node.id, none, 0, false, position(module, moduleState)).correctAnswer
      items.append(
        TestReview.Item(
          nodeID: node.id, prompt: text(question.prompt) ?? InlineText(node.id), rightBefore: rightBefore,
          rightAfter: (moduleState.scores[node.id] ?? 0) >= full, correctAnswer: correct,
          explanation: text(question.feedback)))
    }
    let preMaximum = pre.map { maximum(of: $0.id) } ?? 0
    return TestReview(
      scoreBefore: before.score, scoreAfter: moduleState.score, maximum: max(preMaximum, maximum(of: module.id)),
      items: items)
  }

  private func feedback(
    _ question: Question, _ nodeID: String, _ answer: LearnerAnswer, _ points: Int, _ isCorrect: Bool,
    _ position: Position
  ) -> FeedbackScreen {
    var choiceFeedback: [InlineText] = []
    var correctAnswer: [InlineText] = []
    switch answer {
    case .choices(let ids):
      choiceFeedback = question.choices.filter { ids.contains($0.id) }.compactMap { text($0.feedback) }
      if !isCorrect {
        correctAnswer = question.choices.filter(\.isCorrect).compactMap { choice in
          text(choice.text) ?? InlineText(Localization.string(choice.id == "true" ? .trueWord : .falseWord, interfaceLanguage ?? language))
        }
      }
    case .order:
      if !isCorrect { correctAnswer = question.items.compactMap { text($0.text) } }
    case .matches:
      if !isCorrect {
        correctAnswer = question.pairs.map { pair in
          InlineText((text(pair.left)?.plain ?? pair.id) + " — " + (text(pair.right)?.plain ?? pair.id))
        }
      }
    }
    return FeedbackScreen(
      nodeID: nodeID, isCorrect: isCorrect, isDecision: Self.isDecision(question), points: points,
      maximum: question.points, choiceFeedback: choiceFeedback, generalFeedback: text(question.feedback),
      correctAnswer: correctAnswer, position: position)
  }
}

extension Screen {
  /// A module end screen as a knowledge test shows it: a pre-test withholds the score, a
  /// post-test adds the review of every item.
  fileprivate func withTest(_ module: Module, _ moduleState: ModuleState, in state: CourseState, engine: Engine) -> Screen {
    guard case .moduleEnd(var end) = self, let test = module.test else { return self }
    switch test {
    case .pre:
      end.isWithheld = true
    case .post(let preTest):
      end.testReview = engine.testReview(module, preTest: preTest, moduleState, in: state)
    }
    return .moduleEnd(end)
  }
}
