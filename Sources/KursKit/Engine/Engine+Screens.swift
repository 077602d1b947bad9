extension Engine {
  func text(_ text: LocalizedText) -> InlineText? {
    text.resolve(language, fallback: course.defaultLanguage)
  }

  func blocks(_ body: LocalizedBody) -> [Block] {
    body.resolve(language, fallback: course.defaultLanguage)
  }

  /// The order a question's options are shown in, the same every time for this learner.
  public func displayOrder(of question: Question, id: String) -> (
    options: [QuestionScreen.Option], matches: [QuestionScreen.Option]
  ) {
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
      return (
        ordered.map { choice in
          QuestionScreen.Option(
            id: choice.id,
            text: self.text(choice.text)
              ?? InlineText(
                Localization.string(
                  choice.id == "true" ? .trueWord : .falseWord, interfaceLanguage ?? language)))
        }, []
      )
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
      maximum: maximum(of: module.id), hidesScore: module.test != nil,
      expectedSteps: steps + (moduleState.node.map { stepsLeft(in: module.id, after: $0) } ?? 0))
  }

  /// Throws where `screen` would, without building it: the learner's place must exist.
  func checkPlace(_ module: Module, _ moduleState: ModuleState) throws(EngineError) {
    if let review = moduleState.reviewIndex, review < moduleState.history.count,
      let node = module.node(moduleState.history[review]),
      case .page = node.kind
    {
      return
    }
    guard let nodeID = moduleState.node, let node = module.node(nodeID) else { throw .notInAModule }
    if case .branch = node.kind { throw .notInAModule }
  }

  func screen(_ module: Module, _ moduleState: ModuleState, in state: CourseState)
    throws(EngineError) -> Screen
  {
    let place = position(module, moduleState)
    if let review = moduleState.reviewIndex, review < moduleState.history.count,
      let node = module.node(moduleState.history[review]), case .page(let page) = node.kind
    {
      return .page(
        PageScreen(
          nodeID: node.id, title: text(page.title), blocks: blocks(page.body),
          canGoBack: module.allowBack && review > 0, isReview: true, position: place))
    }
    guard let nodeID = moduleState.node, let node = module.node(nodeID) else { throw .notInAModule }
    switch node.kind {
    case .page(let page):
      return .page(
        PageScreen(
          nodeID: nodeID, title: text(page.title), blocks: blocks(page.body),
          canGoBack: module.allowBack && (page.back ?? true) && !moduleState.history.isEmpty,
          isReview: false, position: place))
    case .question(let question):
      if case .feedback(let answer, let points, let isCorrect) = moduleState.phase {
        guard module.test == nil else {
          // A knowledge test says nothing about an answer until the post-test is done.
          return .feedback(
            FeedbackScreen(
              nodeID: nodeID, isWithheld: true, isCorrect: false, isDecision: false, points: 0,
              maximum: question.points,
              choiceFeedback: [], generalFeedback: nil, correctAnswer: [], position: place))
        }
        var screen = feedback(
          question, "\(module.id)/\(nodeID)", nodeID, answer, points, isCorrect, place)
        screen.pointsLost = pointsLost(
          question, answer, points, attempt: moduleState.tries + 1, in: module, order: screen)
        return .feedback(screen)
      }
      let (options, matches) = displayOrder(of: question, id: "\(module.id)/\(nodeID)")
      var retryFeedback: [InlineText] = []
      if case .choices(let ids) = moduleState.lastWrongAnswer {
        retryFeedback = question.choices.filter { ids.contains($0.id) }.compactMap {
          text($0.feedback)
        }
      }
      return .question(
        QuestionScreen(
          nodeID: nodeID, kind: question.kind, title: text(question.title),
          context: blocks(question.body),
          prompt: text(question.prompt) ?? InlineText(""), options: options, matches: matches,
          points: question.points,
          attemptsLeft: Self.attempts(of: question, in: module) - moduleState.tries,
          hints: module.test == nil
            ? question.hints.prefix(moduleState.tries).compactMap(text) : [],
          retryFeedback: retryFeedback, isRetry: moduleState.tries > 0,
          isDecision: Self.isDecision(question),
          canGoBack: module.allowBack && (question.back ?? true) && !moduleState.history.isEmpty,
          position: place, pendingMatches: moduleState.pendingMatches ?? [:]))
    case .end(let end):
      let index = course.modules.firstIndex { $0.id == module.id } ?? 0
      let nextModule = index + 1 < course.modules.count ? course.modules[index + 1].id : nil
      return .moduleEnd(
        ModuleEndScreen(
          moduleID: module.id, title: text(end.title), blocks: blocks(end.body),
          outcome: end.outcome,
          status: moduleState.status, score: moduleState.score, maximum: maximum(of: module.id),
          passMark: passMark(of: module), nextModule: nextModule,
          position: place, missed: module.test == nil ? missed(module, moduleState) : [])
      )
      .withTest(module, moduleState, in: state, engine: self)
    case .branch:
      throw .notInAModule
    }
  }

  /// The end of a post-test, item by item: what the learner's answers earned before and after,
  /// and each item's right answer and explanation.
  func testReview(
    _ module: Module, preTest: String, _ moduleState: ModuleState, in state: CourseState
  ) -> TestReview {
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
      let correct = feedback(
        question, "\(module.id)/\(node.id)", node.id, none, 0, false, position(module, moduleState)
      ).correctAnswer
      items.append(
        TestReview.Item(
          nodeID: node.id, prompt: text(question.prompt) ?? InlineText(node.id),
          rightBefore: rightBefore,
          rightAfter: (moduleState.scores[node.id] ?? 0) >= full, correctAnswer: correct,
          explanation: text(question.feedback)))
    }
    let preMaximum = pre.map { maximum(of: $0.id) } ?? 0
    return TestReview(
      scoreBefore: before.score, scoreAfter: moduleState.score,
      maximum: max(preMaximum, maximum(of: module.id)),
      items: items)
  }

  /// The questions of this run that earned less than every point, in course order, with
  /// their explanations: what the learner may want to read again at the end of the module.
  func missed(_ module: Module, _ moduleState: ModuleState) -> [MissedQuestion] {
    let questions = module.nodes.filter { node in
      guard case .question(let question) = node.kind, question.points > 0,
        let points = moduleState.scores[node.id]
      else { return false }
      return points < question.points
    }
    return questions.compactMap { node in
      guard case .question(let question) = node.kind else { return nil }
      return MissedQuestion(
        nodeID: node.id, prompt: text(question.prompt) ?? InlineText(node.id),
        points: moduleState.scores[node.id] ?? 0,
        maximum: question.points, explanation: text(question.feedback))
    }
  }

  /// Why a final answer earned less than every point: a later try, right choices left out,
  /// wrong ones chosen, items out of place.
  func pointsLost(
    _ question: Question, _ answer: LearnerAnswer, _ points: Int, attempt: Int, in module: Module,
    order screen: FeedbackScreen
  ) -> [PointsLost] {
    guard points < question.points, !Self.isDecision(question) else { return [] }
    var reasons: [PointsLost] = []
    let (_, isCorrect) = AnswerScoring.correctness(of: answer, to: question)
    switch answer {
    case .choices:
      if question.kind == .multiple {
        let missed = screen.verdicts.filter { $0.isCorrect && !$0.wasChosen }.map(\.number)
        let wrong = screen.verdicts.filter { !$0.isCorrect && $0.wasChosen }.map(\.number)
        if !missed.isEmpty { reasons.append(.missed(missed)) }
        if !wrong.isEmpty { reasons.append(.wronglyChosen(wrong)) }
      }
    case .order(let ids):
      if !isCorrect {
        reasons.append(
          .inPlace(
            zip(ids, question.items.map(\.id)).filter { $0 == $1 }.count, of: question.items.count))
      }
    case .matches(let pairs):
      if !isCorrect {
        reasons.append(
          .inPlace(question.pairs.filter { pairs[$0.id] == $0.id }.count, of: question.pairs.count))
      }
    }
    if attempt > 1, question.penalty > 0, points > 0 || isCorrect {
      reasons.insert(
        .laterTry(
          attempt: attempt, penalty: question.penalty,
          afterHint: module.test == nil && min(attempt - 1, question.hints.count) > 0), at: 0)
    }
    return reasons
  }

  private func feedback(
    _ question: Question, _ orderID: String, _ nodeID: String, _ answer: LearnerAnswer,
    _ points: Int, _ isCorrect: Bool,
    _ position: Position
  ) -> FeedbackScreen {
    let (options, matches) = displayOrder(of: question, id: orderID)
    func number(_ id: String) -> Int { (options.firstIndex { $0.id == id } ?? 0) + 1 }
    var choiceFeedback: [InlineText] = []
    var correctAnswer: [InlineText] = []
    var expectedNumbers: [Int] = []
    var expectedLetters: [Int] = []
    var verdicts: [ChoiceVerdict] = []
    switch answer {
    case .choices(let ids):
      if question.kind == .multiple {
        // Every choice chosen and every right one left out, by its number, in the order shown.
        for option in options {
          guard let choice = question.choices.first(where: { $0.id == option.id }) else { continue }
          let chosen = ids.contains(choice.id)
          guard chosen || choice.isCorrect else { continue }
          verdicts.append(
            ChoiceVerdict(
              number: number(choice.id), wasChosen: chosen, isCorrect: choice.isCorrect,
              feedback: chosen ? text(choice.feedback) : nil))
        }
      } else {
        choiceFeedback = question.choices.filter { ids.contains($0.id) }.compactMap {
          text($0.feedback)
        }
      }
      if !isCorrect {
        let right = question.choices.filter(\.isCorrect).sorted { number($0.id) < number($1.id) }
        expectedNumbers = right.map { number($0.id) }
        correctAnswer = right.map { choice in
          text(choice.text)
            ?? InlineText(
              Localization.string(
                choice.id == "true" ? .trueWord : .falseWord, interfaceLanguage ?? language))
        }
      }
    case .order:
      if !isCorrect {
        correctAnswer = question.items.compactMap { text($0.text) }
        expectedNumbers = question.items.map { number($0.id) }
      }
    case .matches:
      if !isCorrect {
        let lefts = question.pairs.sorted { number($0.id) < number($1.id) }
        correctAnswer = lefts.map { pair in
          InlineText(
            (text(pair.left)?.plain ?? pair.id) + " — " + (text(pair.right)?.plain ?? pair.id))
        }
        expectedNumbers = lefts.map { number($0.id) }
        expectedLetters = lefts.map { pair in matches.firstIndex { $0.id == pair.id } ?? 0 }
      }
    }
    return FeedbackScreen(
      nodeID: nodeID, isCorrect: isCorrect, isDecision: Self.isDecision(question), points: points,
      maximum: question.points, choiceFeedback: choiceFeedback,
      generalFeedback: text(question.feedback),
      correctAnswer: correctAnswer, position: position, verdicts: verdicts,
      expectedNumbers: expectedNumbers,
      expectedLetters: expectedLetters, kind: question.kind)
  }
}

extension Screen {
  /// A module end screen as a knowledge test shows it: a pre-test withholds the score, a
  /// post-test adds the review of every item.
  fileprivate func withTest(
    _ module: Module, _ moduleState: ModuleState, in state: CourseState, engine: Engine
  ) -> Screen {
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
