/// The course engine: a pure state machine. Given a course, a learner's state and an input, it
/// returns what to show and the new state, with no I/O inside.
public struct Engine: Sendable {
  public let course: Course
  public let language: String
  /// Seeds the learner's shuffles (their pseudonymous id): the same learner, the same order.
  public let seed: String
  /// The interface's language, for the engine's own words (true/false options a course leaves
  /// unnamed) when it is not the course's: a Ukrainian interface over a course in Russian.
  public var interfaceLanguage: String?
  private let maximumByModule: [String: Int]
  /// Per module, per node (by index): the fewest pages and questions after it on a way to an end.
  private let stepsLeftByModule: [String: [Int]]

  public init(course: Course, language: String, seed: String) {
    self.course = course
    self.language = course.languages.contains(language) ? language : course.defaultLanguage
    self.seed = seed
    var maximum: [String: Int] = [:]
    var stepsLeft: [String: [Int]] = [:]
    for module in course.modules {
      let graph = ModuleGraph(module: module)
      maximum[module.id] = graph.mostPoints
      stepsLeft[module.id] = Self.fewestStepsToAnEnd(graph)
    }
    self.maximumByModule = maximum
    self.stepsLeftByModule = stepsLeft
  }

  /// The result of one input.
  public struct Step: Sendable, Equatable {
    public var screen: Screen
    public var state: CourseState
    public var events: [EngineEvent]
  }

  /// What becomes of a step in the learner's records.
  public enum StepRecord: Sendable, Equatable {
    /// Not written: going back over pages already seen (`back`, and `proceed` while
    /// reviewing). It moves only the review, never an answer or the place the learner reached.
    case notRecorded
    /// Written to the journal, so that a stop keeps it, but not in a certificate's transcript:
    /// the pairs of a matching question given one at a time, which the answer that follows
    /// carries whole.
    case journalOnly
    /// Written to the journal and shown in a certificate's transcript.
    case recorded
  }

  /// What becomes of a step, decided on the state before it: the one rule for what the runner
  /// writes to the journal, what `Replay` applies from it (`records`) and which steps a
  /// certificate's transcript shows (`Transcript`), so that a journal always replays to the
  /// state the learner left and a certificate shows every answer the learner gave.
  ///
  /// Every input is recorded except going back over pages already seen: `back`, and `proceed`
  /// while reviewing (`ModuleState.reviewIndex` set). A resumed learner comes back to the place
  /// they reached, not to the page they were reviewing. Pairs given one at a time are
  /// journalled only.
  /// - Parameters:
  ///   - input: the learner's input.
  ///   - state: the learner's state before the input.
  public static func record(of input: EngineInput, from state: CourseState) -> StepRecord {
    switch input {
    case .back: return .notRecorded
    case .proceed:
      return state.module(state.currentModule ?? "").reviewIndex == nil ? .recorded : .notRecorded
    case .partialMatches: return .journalOnly
    case .startModule, .answer: return .recorded
    }
  }

  /// Whether a step goes into the learner's journal (and is replayed from it), decided on the
  /// state before it (`record(of:from:)`).
  /// - Returns: `true` when the step is written to the journal.
  public static func records(_ input: EngineInput, from state: CourseState) -> Bool {
    record(of: input, from: state) != .notRecorded
  }

  // MARK: Queries

  /// For each node, the fewest pages and questions shown after it before an end (branches show
  /// nothing): a breadth-first search from the ends backwards, with steps of 0 or 1.
  static func fewestStepsToAnEnd(_ graph: ModuleGraph) -> [Int] {
    let nodes = graph.module.nodes
    var predecessors = [[Int]](repeating: [], count: nodes.count)
    for (index, edges) in graph.edges.enumerated() {
      for edge in edges { predecessors[edge.target].append(index) }
    }
    var left = [Int](repeating: 0, count: nodes.count)
    var settled = [Bool](repeating: false, count: nodes.count)
    var frontier = nodes.indices.filter { index in
      if case .end = nodes[index].kind { return true }
      return false
    }
    // Frontier by frontier: a node's predecessors are one step further when it is shown, at
    // the same distance when it is not (a branch); each node is settled once, at its fewest.
    var distance = 0
    while !frontier.isEmpty {
      var next: [Int] = []
      var head = 0
      while head < frontier.count {
        let index = frontier[head]
        head += 1
        guard !settled[index] else { continue }
        settled[index] = true
        left[index] = distance
        let isShown: Bool
        switch nodes[index].kind {
        case .page, .question: isShown = true
        default: isShown = false
        }
        for predecessor in predecessors[index] where !settled[predecessor] {
          if isShown { next.append(predecessor) } else { frontier.append(predecessor) }
        }
      }
      frontier = next
      distance += 1
    }
    return left
  }

  /// The fewest pages and questions shown after `node` before an end of the module.
  func stepsLeft(in moduleID: String, after node: String) -> Int {
    guard let index = course.module(moduleID)?.index(of: node) else { return 0 }
    return stepsLeftByModule[moduleID]?[index] ?? 0
  }

  /// A module's learning objectives in the learner's language.
  public func objectives(of module: Module) -> [InlineText] {
    module.objectives.compactMap { text($0) }
  }

  /// About how long a module takes, in minutes: its reading time in the learner's language at
  /// the words a minute of `Module.wordsPerMinute` (as `kurs stats` counts), and a minute for each question.
  public func estimatedMinutes(of module: Module) -> Int {
    let words = module.words(language: language, fallback: course.defaultLanguage)
    let questions = module.nodes.filter { if case .question = $0.kind { true } else { false } }
      .count
    return max(1, (words + Module.wordsPerMinute - 1) / Module.wordsPerMinute + questions)
  }

  /// The most points a path through the module can collect.
  public func maximum(of moduleID: String) -> Int { maximumByModule[moduleID] ?? 0 }

  /// The modules a module requires that the learner has not passed.
  public func missingRequirements(of moduleID: String, in state: CourseState) -> [String] {
    guard let module = course.module(moduleID) else { return [] }
    return module.requires.filter { !state.module($0).passedBefore }
  }

  /// The points the module's pass mark asks for.
  public func passMark(of module: Module) -> Int {
    module.passMark.requiredPoints(maximum: maximum(of: module.id))
  }

  /// The first module, in course order, that is open and not yet passed.
  public func nextModule(in state: CourseState) -> String? {
    course.modules.first { module in
      !state.module(module.id).passedBefore && missingRequirements(of: module.id, in: state).isEmpty
    }?.id
  }

  /// Whether the course's completion rule is met.
  public func isComplete(_ state: CourseState) -> Bool {
    // Knowledge tests measure learning; they never count toward completion. Without a list of
    // modules, the course ends when the post-tests are taken too, whatever their scores.
    let required = course.completion.modules ?? course.scoredModules.map(\.id)
    guard required.allSatisfy({ state.module($0).passedBefore }) else { return false }
    if course.completion.modules == nil {
      let finished: Set<ModuleState.Status> = [.passed, .failed, .completed]
      for module in course.modules {
        guard case .post = module.test else { continue }
        if !finished.contains(state.module(module.id).status) { return false }
      }
    }
    if let minimum = course.completion.minimumScore {
      let total = required.map { state.module($0).bestScore ?? 0 }.reduce(0, +)
      return total >= minimum
    }
    return true
  }

  /// Percent of the course done: the share of its modules passed (a module in progress counts
  /// as not done yet).
  public func percentDone(_ state: CourseState) -> Int {
    guard !course.modules.isEmpty else { return 0 }
    let done = course.modules.filter { state.module($0.id).passedBefore }.count
    return done * 100 / course.modules.count
  }

  // MARK: Screens

  /// The screen for the learner's current place, e.g. after resuming.
  public func currentScreen(_ state: CourseState) throws(EngineError) -> Screen {
    guard let moduleID = state.currentModule, let module = course.module(moduleID) else {
      throw .notInAModule
    }
    return try screen(module, state.module(moduleID), in: state)
  }

  // MARK: Inputs

  /// Applies one input.
  /// - Throws: `EngineError` when the input does not fit the current screen; nothing changes.
  public func apply(_ input: EngineInput, to state: CourseState) throws(EngineError) -> Step {
    let move = try transition(input, state)
    return Step(
      screen: try screen(move.module, move.state.module(move.module.id), in: move.state),
      state: move.state,
      events: move.events)
  }

  /// The state and events after one input, without the screen: what replaying a journal needs.
  /// Refuses exactly what `apply` refuses.
  public func state(after input: EngineInput, from state: CourseState) throws(EngineError) -> (
    state: CourseState, events: [EngineEvent]
  ) {
    let move = try transition(input, state)
    try checkPlace(move.module, move.state.module(move.module.id))
    return (move.state, move.events)
  }

  /// Where an input leads, before its screen is built.
  struct Transition {
    var module: Module
    var state: CourseState
    var events: [EngineEvent]
  }

  private func transition(_ input: EngineInput, _ state: CourseState) throws(EngineError)
    -> Transition
  {
    switch input {
    case .startModule(let id):
      return try start(id, state)
    case .proceed:
      return try proceed(state)
    case .answer(let answer):
      return try answerQuestion(answer, state)
    case .back:
      return try back(state)
    case .partialMatches(let pairs):
      return try partlyMatch(pairs, state)
    }
  }

  /// Keeps the pairs given so far at a matching question: only its own ids, each right side
  /// once, and fewer than all (a whole set is an answer).
  private func partlyMatch(_ pairs: [String: String], _ state: CourseState) throws(EngineError)
    -> Transition
  {
    let (module, moduleState) = try current(state)
    guard moduleState.reviewIndex == nil, moduleState.phase == .showing,
      let nodeID = moduleState.node,
      let node = module.node(nodeID), case .question(let question) = node.kind,
      question.kind == .matching
    else { throw .notAQuestion }
    let known = Set(question.pairs.map(\.id))
    guard !pairs.isEmpty, pairs.count < known.count, pairs.keys.allSatisfy(known.contains),
      pairs.values.allSatisfy(known.contains), Set(pairs.values).count == pairs.count
    else { throw .answerDoesNotFit }
    var moduleValue = moduleState
    moduleValue.pendingMatches = pairs
    var next = state
    next.modules[module.id] = moduleValue
    return Transition(module: module, state: next, events: [])
  }

  private func start(_ id: String, _ state: CourseState) throws(EngineError) -> Transition {
    guard let module = course.module(id) else { throw .unknownModule(id) }
    let missing = missingRequirements(of: id, in: state)
    guard missing.isEmpty else { throw .moduleLocked(module: id, missing: missing) }
    if module.test != nil, state.module(id).status != .notStarted,
      state.module(id).status != .inProgress
    {
      throw .testTaken(module: id)
    }
    var moduleState = ModuleState()
    let previous = state.module(id)
    moduleState.passedBefore = previous.passedBefore
    moduleState.bestScore = previous.bestScore
    moduleState.lastScore = previous.lastScore
    moduleState.runs = previous.runs + 1
    moduleState.status = .inProgress
    var events: [EngineEvent] = [.moduleStarted(module: id, run: moduleState.runs)]
    try enter(module.start, module, &moduleState, &events)
    var next = state
    next.currentModule = id
    next.modules[id] = moduleState
    finishIfEnded(module, &next, &events)
    return Transition(module: module, state: next, events: events)
  }

  private func current(_ state: CourseState) throws(EngineError) -> (Module, ModuleState) {
    guard let id = state.currentModule, let module = course.module(id) else { throw .notInAModule }
    return (module, state.module(id))
  }

  private func proceed(_ state: CourseState) throws(EngineError) -> Transition {
    let (module, moduleState) = try current(state)
    var moduleValue = moduleState
    var events: [EngineEvent] = []
    if let review = moduleValue.reviewIndex {
      moduleValue.reviewIndex = review + 1 < moduleValue.history.count ? review + 1 : nil
    } else {
      guard let nodeID = moduleValue.node, let node = module.node(nodeID) else {
        throw .notInAModule
      }
      switch (node.kind, moduleValue.phase) {
      case (.page(let page), .showing):
        moduleValue.history.append(nodeID)
        try enter(page.next ?? "", module, &moduleValue, &events)
      case (.question(let question), .feedback(let answer, _, _)):
        var target = question.next
        if case .choices(let ids) = answer, question.kind != .multiple,
          let chosen = question.choices.first(where: { $0.id == ids.first }), let goto = chosen.goto
        {
          target = goto
        }
        try enter(target ?? "", module, &moduleValue, &events)
      case (.end, .ended):
        // The end screen stays; the runner moves on to the course.
        break
      default:
        throw .notAQuestion
      }
    }
    var next = state
    next.modules[module.id] = moduleValue
    finishIfEnded(module, &next, &events)
    return Transition(module: module, state: next, events: events)
  }

  private func back(_ state: CourseState) throws(EngineError) -> Transition {
    let (module, moduleState) = try current(state)
    guard canGoBack(module, moduleState) else { throw .cannotGoBack }
    var moduleValue = moduleState
    moduleValue.reviewIndex = (moduleValue.reviewIndex ?? moduleValue.history.count) - 1
    var next = state
    next.modules[module.id] = moduleValue
    return Transition(module: module, state: next, events: [])
  }

  private func canGoBack(_ module: Module, _ moduleState: ModuleState) -> Bool {
    guard module.allowBack, moduleState.phase == .showing || moduleState.reviewIndex != nil else {
      return false
    }
    if let review = moduleState.reviewIndex { return review > 0 }
    guard !moduleState.history.isEmpty, let nodeID = moduleState.node,
      let node = module.node(nodeID)
    else { return false }
    switch node.kind {
    case .page(let page): return page.back ?? true
    case .question(let question): return question.back ?? true
    default: return false
    }
  }

  private func answerQuestion(_ answer: LearnerAnswer, _ state: CourseState) throws(EngineError)
    -> Transition
  {
    let (module, moduleState) = try current(state)
    guard moduleState.reviewIndex == nil, moduleState.phase == .showing,
      let nodeID = moduleState.node,
      let node = module.node(nodeID), case .question(let question) = node.kind
    else { throw .notAQuestion }
    guard fits(answer, question) else { throw .answerDoesNotFit }
    var moduleValue = moduleState
    moduleValue.pendingMatches = nil
    var events: [EngineEvent] = []
    let attempt = moduleValue.tries + 1
    let isDecision = Self.isDecision(question)
    let (_, isCorrect) = AnswerScoring.correctness(of: answer, to: question)
    // A knowledge test gives one try and no hints: it measures, it does not teach.
    let isFinal = isCorrect || isDecision || attempt >= Self.attempts(of: question, in: module)
    let points = isDecision ? 0 : AnswerScoring.points(for: answer, to: question, attempt: attempt)
    events.append(
      .answered(
        module: module.id, question: nodeID, response: answer.response,
        points: isFinal ? points : 0,
        maximum: question.points, isCorrect: isCorrect, attempt: attempt, isFinal: isFinal))
    if isFinal {
      moduleValue.scores[nodeID] = points
      if case .choices(let ids) = answer {
        for choice in question.choices where ids.contains(choice.id) {
          apply(choice.effects, &moduleValue)
        }
      }
      moduleValue.phase = .feedback(answer: answer, points: points, isCorrect: isCorrect)
    } else {
      moduleValue.tries = attempt
      if attempt <= question.hints.count {
        events.append(.hintShown(module: module.id, question: nodeID, hint: attempt))
      }
      moduleValue.lastWrongAnswer = answer
    }
    var next = state
    next.modules[module.id] = moduleValue
    return Transition(module: module, state: next, events: events)
  }

  /// The tries a question gives: its own, or one in a knowledge test.
  static func attempts(of question: Question, in module: Module) -> Int {
    module.test == nil ? question.attempts : 1
  }

  /// A single question worth 0 points with no correct choice: a story decision.
  static func isDecision(_ question: Question) -> Bool {
    question.kind == .single && question.points == 0
      && !question.choices.contains(where: \.isCorrect)
  }

  /// Whether an answer names exactly the question's own ids, in the shape its kind needs.
  private func fits(_ answer: LearnerAnswer, _ question: Question) -> Bool {
    switch (question.kind, answer) {
    case (.single, .choices(let ids)), (.trueFalse, .choices(let ids)):
      return ids.count == 1 && question.choices.contains { $0.id == ids[0] }
    case (.multiple, .choices(let ids)):
      let known = Set(question.choices.map(\.id))
      return !ids.isEmpty && Set(ids).count == ids.count && ids.allSatisfy(known.contains)
    case (.ordering, .order(let ids)):
      return ids.count == question.items.count && Set(ids) == Set(question.items.map(\.id))
    case (.matching, .matches(let pairs)):
      let known = Set(question.pairs.map(\.id))
      return Set(pairs.keys) == known && pairs.values.allSatisfy(known.contains)
        && Set(pairs.values).count == pairs.count
    default:
      return false
    }
  }

  // MARK: Moving

  private func apply(_ effects: [Effect], _ moduleState: inout ModuleState) {
    for effect in effects {
      switch effect {
      case .setFlag(let name, let value):
        if value { moduleState.flags.insert(name) } else { moduleState.flags.remove(name) }
      case .addToCounter(let name, let value):
        moduleState.counters[name, default: 0] += value
      }
    }
  }

  /// Enters a node: its effects, its visit count, and through branches to the next node shown.
  private func enter(
    _ id: String, _ module: Module, _ moduleState: inout ModuleState, _ events: inout [EngineEvent]
  ) throws(EngineError) {
    var target = id
    // A branch shows nothing, so a loop of branches would never stop: bound the hops.
    for _ in 0...module.nodes.count {
      guard let node = module.node(target) else { throw .notInAModule }
      apply(node.effects, &moduleState)
      moduleState.visits[target, default: 0] += 1
      guard case .branch(let branch) = node.kind else {
        moduleState.node = target
        moduleState.tries = 0
        moduleState.lastWrongAnswer = nil
        moduleState.pendingMatches = nil
        moduleState.phase = node.kindName == "end" ? .ended : .showing
        events.append(.nodeEntered(module: module.id, node: target))
        return
      }
      let values = moduleState
      let maximum = maximum(of: module.id)
      let chosen = branch.routes.first { route in
        route.condition.evaluate(
          flag: { values.flags.contains($0) },
          number: { value in
            switch value {
            case .number(let number): return number
            case .counter(let name): return values.counters[name] ?? 0
            case .visits(let node): return values.visits[node] ?? 0
            case .score: return values.score
            case .percent: return maximum == 0 ? 0 : values.score * 100 / maximum
            }
          })
      }
      guard let next = chosen?.target ?? branch.otherwise else {
        throw .branchLoop(module: module.id, node: target)
      }
      target = next
    }
    throw .branchLoop(module: module.id, node: target)
  }

  /// When the module has reached an end: its result, and the course's completion.
  private func finishIfEnded(
    _ module: Module, _ state: inout CourseState, _ events: inout [EngineEvent]
  ) {
    var moduleState = state.module(module.id)
    guard moduleState.phase == .ended, moduleState.status == .inProgress,
      let nodeID = moduleState.node, let node = module.node(nodeID), case .end(let end) = node.kind
    else { return }
    let score = moduleState.score
    let status: ModuleState.Status
    switch end.outcome {
    case .pass: status = score >= passMark(of: module) ? .passed : .failed
    case .fail: status = .failed
    case .neutral: status = .completed
    }
    moduleState.lastScore = score
    if status == .passed {
      moduleState.passedBefore = true
      moduleState.bestScore = max(moduleState.bestScore ?? 0, score)
    }
    moduleState.status = moduleState.passedBefore ? .passed : status
    state.modules[module.id] = moduleState
    events.append(
      .moduleEnded(module: module.id, status: status, score: score, maximum: maximum(of: module.id))
    )
    if !state.completed, isComplete(state) {
      state.completed = true
      let total = course.scoredModules.map { state.module($0.id).bestScore ?? 0 }.reduce(0, +)
      events.append(.courseCompleted(score: total))
    }
  }
}
