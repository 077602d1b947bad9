import Foundation
import KursKit

/// Plays input sequences through the Swift engine and writes what each step gave, so that the
/// page's engine.js can be made to play the same sequences and compare (EngineParityTests).
///
/// A path is a learner's inputs from a fresh state, with language switches among them. Each step
/// is recorded as the essentials a learner would notice: the events (as the journal stores
/// them), or the refusal; the screen (texts in the learner's language, numbers, orders);
/// whether the course is complete, the percent done and the next module.
struct EngineParity {
  enum Step {
    case input(EngineInput)
    /// The learner switches the course's language (the runner makes a new engine, as here).
    case language(String)
    /// The interface's language changes (`Engine.interfaceLanguage`: the words of a
    /// true/false question a course leaves unnamed); `nil`: the course's language again.
    case interface(String?)
  }

  struct Path {
    var name: String
    var language: String
    var seed: String
    var steps: [Step]
  }

  let course: Course

  // MARK: Finding paths

  /// The answers tried at a question: every choice of a single or true/false question; for the
  /// other kinds a right, a wrong and a partly right answer.
  func candidates(_ question: Question) -> [LearnerAnswer] {
    switch question.kind {
    case .single, .trueFalse:
      return question.choices.map { .choices([$0.id]) }
    case .multiple:
      let correct = question.choices.filter(\.isCorrect).map(\.id)
      let wrong = question.choices.filter { !$0.isCorrect }.map(\.id)
      var result: [LearnerAnswer] = [.choices(correct)]
      if let first = wrong.first {
        result.append(.choices([first]))
        result.append(.choices(correct + [first]))
      }
      if correct.count > 1 { result.append(.choices(Array(correct.prefix(1)))) }
      return result
    case .ordering:
      let right = question.items.map(\.id)
      var swapped = right
      if swapped.count > 2 { swapped.swapAt(0, 1) }
      return [.order(right), .order(Array(right.reversed())), .order(swapped)]
    case .matching:
      let ids = question.pairs.map(\.id)
      let right = Dictionary(uniqueKeysWithValues: ids.map { ($0, $0) })
      let rotated = Dictionary(uniqueKeysWithValues: zip(ids, ids.dropFirst() + ids.prefix(1)))
      var partly = right
      if ids.count > 2 {
        partly[ids[0]] = ids[1]
        partly[ids[1]] = ids[0]
      }
      return [.matches(right), .matches(rotated), .matches(partly)]
    }
  }

  /// The right answer to a question (the first choice of a decision).
  func rightAnswer(_ question: Question) -> LearnerAnswer {
    switch question.kind {
    case .single, .trueFalse, .multiple:
      let correct = question.choices.filter(\.isCorrect).map(\.id)
      return .choices(correct.isEmpty ? [question.choices.first?.id ?? ""] : correct)
    case .ordering: return .order(question.items.map(\.id))
    case .matching:
      return .matches(Dictionary(uniqueKeysWithValues: question.pairs.map { ($0.id, $0.id) }))
    }
  }

  func question(_ engine: Engine, _ state: CourseState) -> Question? {
    guard let moduleID = state.currentModule, let module = engine.course.module(moduleID),
      let nodeID = state.module(moduleID).node, let node = module.node(nodeID),
      case .question(let question) = node.kind
    else { return nil }
    return question
  }

  /// A module played with right answers from `state`: its inputs and the state at its end.
  func golden(_ moduleID: String, from state: CourseState, engine: Engine) throws -> (
    [EngineInput], CourseState
  ) {
    var inputs: [EngineInput] = [.startModule(moduleID)]
    var step = try engine.apply(.startModule(moduleID), to: state)
    var guardCount = 0
    while guardCount < 2000 {
      guardCount += 1
      let input: EngineInput
      switch step.screen {
      case .moduleEnd: return (inputs, step.state)
      case .page, .feedback: input = .proceed
      case .question:
        guard let question = question(engine, step.state) else { return (inputs, step.state) }
        input = .answer(rightAnswer(question))
      }
      inputs.append(input)
      step = try engine.apply(input, to: step.state)
    }
    return (inputs, step.state)
  }

  /// The inputs of the whole course played with right answers, module by module in order.
  func goldenCourse(engine: Engine) throws -> [EngineInput] {
    var state = CourseState()
    var inputs: [EngineInput] = []
    for module in course.modules
    where engine.missingRequirements(of: module.id, in: state).isEmpty {
      let (more, after) = try golden(module.id, from: state, engine: engine)
      inputs += more
      state = after
    }
    return inputs
  }

  /// The ways through `moduleID` from `state`: every choice, right, wrong and partly right
  /// answers, wrong tries (hints), going back and forth, a matching answered a pair at a time.
  /// Every situation the module can reach is explored (ways that reach the same situation have
  /// the same future); of the ways to an end, those that see something no way before saw (a
  /// node, an answer at a try, a hint, a refusal) are kept.
  func paths(of moduleID: String, from state: CourseState, engine: Engine) throws
    -> [[EngineInput]]
  {
    var found: [[EngineInput]] = []
    var covered: Set<String> = []
    var stack: [(CourseState, [EngineInput], Set<String>)] = []
    let state0 = state
    let first = try engine.apply(.startModule(moduleID), to: state)
    stack.append((first.state, [.startModule(moduleID)], []))
    var seen: Set<String> = []
    var budget = 200_000
    while let (state, inputs, last) = stack.popLast() {
      budget -= 1
      guard budget > 0 else { break }
      guard seen.insert(Self.situation(state, moduleID)).inserted else {
        // A way that reaches a situation seen before has the same future, but its steps may
        // show what no way has shown yet (another wrong choice): that way is kept as it is.
        if !last.isSubset(of: covered) {
          covered.formUnion(coverage(inputs, from: state0, engine: engine))
          found.append(inputs)
        }
        continue
      }
      guard (state.module(moduleID).visits.values.max() ?? 0) <= 3 else { continue }
      let screen = try engine.currentScreen(state)
      var next: [EngineInput] = []
      switch screen {
      case .moduleEnd:
        // The end stays the end: one more proceed is part of the path.
        let items = coverage(inputs, from: state0, engine: engine)
        if !items.isSubset(of: covered) {
          covered.formUnion(items)
          found.append(inputs + [.proceed])
        }
        continue
      case .page(let page):
        next = [.proceed]
        if page.canGoBack && !inputs.contains(.back) { next.append(.back) }
      case .feedback:
        next = [.proceed]
      case .question(let screen):
        guard let question = question(engine, state) else { continue }
        next = candidates(question).map { .answer($0) }
        if screen.canGoBack && !inputs.contains(.back) { next.append(.back) }
        if question.kind == .matching, screen.pendingMatches.isEmpty,
          let pair = question.pairs.first
        {
          next.append(.partialMatches([pair.id: pair.id]))
        }
      }
      for input in next.reversed() {
        guard let after = try? engine.state(after: input, from: state) else { continue }
        stack.append(
          (after.state, inputs + [input], last.union(Self.items(input, after.events))))
      }
    }
    return found
  }

  /// What one step shows, as `coverage` counts it.
  static func items(_ input: EngineInput, _ events: [EngineEvent]) -> Set<String> {
    var items: Set<String> = []
    for event in events {
      switch event {
      case .nodeEntered(_, let node): items.insert("node \(node)")
      case .answered(_, let question, let response, let points, _, _, let attempt, _):
        items.insert("answer \(question) \(response) \(attempt) \(points)")
      case .hintShown(_, let question, let hint): items.insert("hint \(question) \(hint)")
      case .moduleEnded(_, let status, let score, _): items.insert("end \(status) \(score)")
      default: break
      }
    }
    return items
  }

  /// What a way through a module sees: the nodes it enters, each answer at each try, the
  /// hints, the ends and their results, the inputs refused.
  func coverage(_ inputs: [EngineInput], from start: CourseState, engine: Engine) -> Set<String> {
    var items: Set<String> = []
    var state = start
    for input in inputs {
      guard let step = try? engine.apply(input, to: state) else {
        items.insert("refused \(input)")
        continue
      }
      state = step.state
      if input == .back {
        items.insert("back at \(state.module(state.currentModule ?? "").node ?? "")")
      }
      items.formUnion(Self.items(input, step.events))
      if case .partialMatches = input {
        items.insert("partial \(state.module(state.currentModule ?? "").node ?? "")")
      }
    }
    return items
  }

  /// What decides a module's future, without the route that led there (the module's total
  /// score, not each question's: what branches read).
  static func situation(_ state: CourseState, _ moduleID: String) -> String {
    let module = state.module(moduleID)
    return [
      module.node ?? "", "\(module.phase)", module.status.rawValue,
      module.flags.sorted().joined(separator: ","),
      module.counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: ","),
      module.visits.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: ","),
      "\(module.score)", "\(module.tries)", "\(module.reviewIndex ?? -1)",
      "\(module.history.count)",
      "\(module.pendingMatches ?? [:])",
    ].joined(separator: "|")
  }

  /// The paths of a course: each module's ways from the state the right answers to the modules
  /// before it leave; the whole course with right answers in each language and with the
  /// language switched as it goes; and inputs the engine must refuse.
  func allPaths(seed: String) throws -> [Path] {
    let language = course.defaultLanguage
    let engine = Engine(course: course, language: language, seed: seed)
    var result: [Path] = []
    var state = CourseState()
    var prefix: [EngineInput] = []
    for module in course.modules {
      guard engine.missingRequirements(of: module.id, in: state).isEmpty else { continue }
      for (index, inputs) in try paths(of: module.id, from: state, engine: engine).enumerated() {
        result.append(
          Path(
            name: "\(course.id)/\(module.id)#\(index)", language: language, seed: seed,
            steps: (prefix + inputs).map { .input($0) }))
      }
      let (more, after) = try golden(module.id, from: state, engine: engine)
      prefix += more
      state = after
    }
    for language in course.languages {
      let inputs = try goldenCourse(engine: Engine(course: course, language: language, seed: seed))
      result.append(
        Path(
          name: "\(course.id)/whole course in \(language)", language: language, seed: seed,
          steps: inputs.map { .input($0) }))
      // Again, from the start: refused inputs, a retake and a switch of language every few steps.
      var steps: [Step] = [
        .input(.proceed), .input(.back), .input(.startModule("no-such-module")),
        .interface(language == "uk" ? "ru" : "uk"),
      ]
      if let last = course.modules.last { steps.append(.input(.startModule(last.id))) }
      let others = course.languages.filter { $0 != language } + ["xx"]
      for (index, input) in inputs.enumerated() {
        steps.append(.input(input))
        if index % 7 == 3 { steps.append(.language(others[index % others.count])) }
        if index % 7 == 5 { steps.append(.language(language)) }
        if index == 11 { steps.append(.interface(nil)) }
        if index == 2 {
          steps.append(.input(.answer(.choices(["no-such-choice"]))))
          steps.append(.input(.back))
        }
      }
      if let first = course.modules.first {
        steps.append(.input(.startModule(first.id)))
        steps.append(.input(.proceed))
      }
      result.append(
        Path(
          name: "\(course.id)/switching from \(language)", language: language, seed: seed + "-2",
          steps: steps))
    }
    return result
  }

  // MARK: Recording the Swift engine's steps

  /// Every step of `path` through the Swift engine, as JSON values.
  func expected(_ path: Path) throws -> [Any] {
    var engine = Engine(course: course, language: path.language, seed: path.seed)
    var state = CourseState()
    var records: [Any] = []
    for step in path.steps {
      var record: [String: Any] = [:]
      var events: [EngineEvent]?
      switch step {
      case .language, .interface:
        if case .language(let language) = step {
          let interface = engine.interfaceLanguage
          engine = Engine(course: course, language: language, seed: path.seed)
          engine.interfaceLanguage = interface
        }
        if case .interface(let interface) = step { engine.interfaceLanguage = interface }
        do {
          record["screen"] = Self.essentials(try engine.currentScreen(state))
        } catch {
          record["refusal"] = Self.refusal(error)
        }
      case .input(let input):
        record["records"] = Engine.records(input, from: state)
        do {
          let result = try engine.apply(input, to: state)
          state = result.state
          events = result.events
          record["screen"] = Self.essentials(result.screen)
        } catch {
          record["refusal"] = Self.refusal(error)
        }
        if let events { record["events"] = try Self.json(events) }
      }
      record["complete"] = engine.isComplete(state)
      record["percent"] = engine.percentDone(state)
      record["next"] = engine.nextModule(in: state) ?? NSNull()
      records.append(record)
    }
    return records
  }

  /// A path as the page's driver reads it.
  func encoded(_ path: Path) throws -> [String: Any] {
    [
      "name": path.name, "language": path.language, "seed": path.seed,
      "steps": try path.steps.map { step -> Any in
        switch step {
        case .input(let input): return ["input": try Self.json(input)]
        case .language(let language): return ["language": language]
        case .interface(let interface):
          return ["interface": interface.map { $0 as Any } ?? NSNull()]
        }
      },
      "expected": try expected(path),
    ]
  }

  static func json<T: Encodable>(_ value: T) throws -> Any {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [])
  }

  static func refusal(_ error: EngineError) -> [String: Any] {
    switch error {
    case .unknownModule(let id): return ["refusal": "unknownModule", "_0": id]
    case .moduleLocked(let module, let missing):
      return ["refusal": "moduleLocked", "module": module, "missing": missing]
    case .notInAModule: return ["refusal": "notInAModule"]
    case .cannotGoBack: return ["refusal": "cannotGoBack"]
    case .notAQuestion: return ["refusal": "notAQuestion"]
    case .answerDoesNotFit: return ["refusal": "answerDoesNotFit"]
    case .branchLoop(let module, let node):
      return ["refusal": "branchLoop", "module": module, "node": node]
    case .testTaken(let module): return ["refusal": "testTaken", "module": module]
    }
  }

  // MARK: Essentials (the driver's `essentials` is the same projection in JavaScript)

  static func text(_ text: InlineText?) -> Any { text.map(\.plain) ?? NSNull() }

  /// Blocks by how many there are and how long their text is: enough to tell one language (or
  /// a fallback) from another without copying every page into the comparison.
  static func blocks(_ blocks: [Block]) -> [String: Any] {
    [
      "count": blocks.count,
      "length": blocks.flatMap(\.inlineTexts).map(\.plain.utf16.count)
        .reduce(0, +),
    ]
  }

  static func position(_ position: Position) -> [String: Any] {
    [
      "moduleIndex": position.moduleIndex, "moduleCount": position.moduleCount,
      "moduleTitle": position.moduleTitle, "step": position.step, "score": position.score,
      "maximum": position.maximum, "hidesScore": position.hidesScore,
      "expectedSteps": position.expectedSteps,
    ]
  }

  static func options(_ options: [QuestionScreen.Option]) -> [Any] {
    options.map { ["id": $0.id, "text": $0.text.plain] }
  }

  static func pointsLost(_ reason: PointsLost) -> [String: Any] {
    switch reason {
    case .laterTry(let attempt, let penalty, let afterHint):
      return ["laterTry": ["attempt": attempt, "penalty": penalty, "afterHint": afterHint]]
    case .missed(let numbers): return ["missed": ["_0": numbers]]
    case .wronglyChosen(let numbers): return ["wronglyChosen": ["_0": numbers]]
    case .inPlace(let count, let of): return ["inPlace": ["_0": count, "of": of]]
    }
  }

  static func essentials(_ screen: Screen) -> [String: Any] {
    switch screen {
    case .page(let page):
      return [
        "kind": "page", "nodeID": page.nodeID, "title": text(page.title),
        "blocks": blocks(page.blocks), "canGoBack": page.canGoBack, "isReview": page.isReview,
        "position": position(page.position),
      ]
    case .question(let question):
      return [
        "kind": "question", "nodeID": question.nodeID, "questionKind": question.kind.rawValue,
        "title": text(question.title), "context": blocks(question.context),
        "prompt": question.prompt.plain, "options": options(question.options),
        "matches": options(question.matches), "points": question.points,
        "attemptsLeft": question.attemptsLeft, "hints": question.hints.map(\.plain),
        "retryFeedback": question.retryFeedback.map(\.plain), "isRetry": question.isRetry,
        "isDecision": question.isDecision, "canGoBack": question.canGoBack,
        "pendingMatches": question.pendingMatches, "position": position(question.position),
      ]
    case .feedback(let feedback):
      return [
        "kind": "feedback", "nodeID": feedback.nodeID, "isWithheld": feedback.isWithheld,
        "isCorrect": feedback.isCorrect, "isDecision": feedback.isDecision,
        "points": feedback.points, "maximum": feedback.maximum,
        "choiceFeedback": feedback.choiceFeedback.map(\.plain),
        "generalFeedback": text(feedback.generalFeedback),
        "correctAnswer": feedback.correctAnswer.map(\.plain),
        "verdicts": feedback.verdicts.map {
          [
            "number": $0.number, "wasChosen": $0.wasChosen, "isCorrect": $0.isCorrect,
            "feedback": text($0.feedback),
          ] as [String: Any]
        },
        "expectedNumbers": feedback.expectedNumbers, "expectedLetters": feedback.expectedLetters,
        "pointsLost": feedback.pointsLost.map(pointsLost),
        "questionKind": feedback.kind.rawValue, "position": position(feedback.position),
      ]
    case .moduleEnd(let end):
      let review: Any =
        end.testReview.map { review -> Any in
          [
            "scoreBefore": review.scoreBefore, "scoreAfter": review.scoreAfter,
            "maximum": review.maximum,
            "items": review.items.map { item -> Any in
              [
                "nodeID": item.nodeID, "prompt": item.prompt.plain,
                "rightBefore": item.rightBefore.map { $0 as Any } ?? NSNull(),
                "rightAfter": item.rightAfter, "correctAnswer": item.correctAnswer.map(\.plain),
                "explanation": text(item.explanation),
              ]
            },
          ]
        } ?? NSNull()
      return [
        "kind": "moduleEnd", "moduleID": end.moduleID, "isWithheld": end.isWithheld,
        "title": text(end.title), "blocks": blocks(end.blocks), "outcome": end.outcome.rawValue,
        "status": end.status.rawValue, "score": end.score, "maximum": end.maximum,
        "passMark": end.passMark, "nextModule": end.nextModule ?? NSNull(),
        "missed": end.missed.map { missed -> Any in
          [
            "nodeID": missed.nodeID, "prompt": missed.prompt.plain, "points": missed.points,
            "maximum": missed.maximum, "explanation": text(missed.explanation),
          ]
        },
        "testReview": review, "position": position(end.position),
      ]
    }
  }

  // MARK: The page's side

  /// The driver: plays every path through engine.js and reports the paths and steps it
  /// compared and, for each path that differs, the first step that does.
  static let driver = """
    function stable(value) {
      if (Array.isArray(value)) return "[" + value.map(stable).join(",") + "]";
      if (value && typeof value === "object") {
        return "{" + Object.keys(value).sort().map(function (key) {
          return JSON.stringify(key) + ":" + stable(value[key]);
        }).join(",") + "}";
      }
      return JSON.stringify(value === undefined ? null : value);
    }
    function plain(text) { return text ? KursEngine.plain(text) : null; }
    function inlineTexts(block) {
      var kind = Object.keys(block)[0], v = block[kind];
      if (kind === "paragraph") return [v._0];
      if (kind === "list") return v.items;
      if (kind === "quote") return [v.text];
      if (kind === "note" || kind === "story") return [].concat.apply([], v.blocks.map(inlineTexts));
      if (kind === "included") {
        return (v.title ? [v.title] : []).concat([].concat.apply([], v.blocks.map(inlineTexts)));
      }
      return [];
    }
    function blocks(list) {
      var texts = [].concat.apply([], list.map(inlineTexts));
      return {count: list.length, length: texts.reduce(function (sum, t) {
        return sum + KursEngine.plain(t).length; }, 0)};
    }
    function options(list) { return list.map(function (o) { return {id: o.id, text: plain(o.text)}; }); }
    function essentials(s) {
      if (s.kind === "page") return {kind: "page", nodeID: s.nodeID, title: plain(s.title),
        blocks: blocks(s.blocks), canGoBack: s.canGoBack, isReview: s.isReview, position: s.position};
      if (s.kind === "question") return {kind: "question", nodeID: s.nodeID,
        questionKind: s.questionKind, title: plain(s.title), context: blocks(s.context),
        prompt: plain(s.prompt), options: options(s.options), matches: options(s.matches),
        points: s.points, attemptsLeft: s.attemptsLeft, hints: s.hints.map(plain),
        retryFeedback: s.retryFeedback.map(plain), isRetry: s.isRetry, isDecision: s.isDecision,
        canGoBack: s.canGoBack, pendingMatches: s.pendingMatches, position: s.position};
      if (s.kind === "feedback") return {kind: "feedback", nodeID: s.nodeID,
        isWithheld: s.isWithheld, isCorrect: s.isCorrect, isDecision: s.isDecision,
        points: s.points, maximum: s.maximum, choiceFeedback: s.choiceFeedback.map(plain),
        generalFeedback: plain(s.generalFeedback), correctAnswer: s.correctAnswer.map(plain),
        verdicts: s.verdicts.map(function (v) { return {number: v.number, wasChosen: v.wasChosen,
          isCorrect: v.isCorrect, feedback: plain(v.feedback)}; }),
        expectedNumbers: s.expectedNumbers, expectedLetters: s.expectedLetters,
        pointsLost: s.pointsLost, questionKind: s.questionKind, position: s.position};
      var review = s.testReview && {scoreBefore: s.testReview.scoreBefore,
        scoreAfter: s.testReview.scoreAfter, maximum: s.testReview.maximum,
        items: s.testReview.items.map(function (i) { return {nodeID: i.nodeID,
          prompt: plain(i.prompt), rightBefore: i.rightBefore, rightAfter: i.rightAfter,
          correctAnswer: i.correctAnswer.map(plain), explanation: plain(i.explanation)}; })};
      return {kind: "moduleEnd", moduleID: s.moduleID, isWithheld: s.isWithheld,
        title: plain(s.title), blocks: blocks(s.blocks), outcome: s.outcome, status: s.status,
        score: s.score, maximum: s.maximum, passMark: s.passMark, nextModule: s.nextModule,
        missed: s.missed.map(function (m) { return {nodeID: m.nodeID, prompt: plain(m.prompt),
          points: m.points, maximum: m.maximum, explanation: plain(m.explanation)}; }),
        testReview: review || null, position: s.position};
    }
    function play(course, paths) {
      var report = {paths: 0, steps: 0, mismatches: []};
      paths.forEach(function (path) {
        report.paths += 1;
        var engine = new KursEngine(course, path.language, path.seed);
        var state = engine.initialState();
        for (var i = 0; i < path.steps.length; i += 1) {
          var step = path.steps[i], actual = {};
          try {
            if (step.language !== undefined || step.interface !== undefined) {
              if (step.language !== undefined) {
                var ui = engine.interfaceLanguage;
                engine = new KursEngine(course, step.language, path.seed);
                engine.interfaceLanguage = ui;
              } else {
                engine.interfaceLanguage = step.interface;
              }
              actual.screen = essentials(engine.currentScreen(state));
            } else {
              actual.records = KursEngine.records(step.input, state);
              var result = engine.apply(step.input, state);
              state = result.state;
              actual.events = result.events;
              actual.screen = essentials(result.screen);
            }
          } catch (error) {
            if (error && error.refusal) actual.refusal = error;
            else actual.error = String(error && error.stack || error);
          }
          actual.complete = engine.isComplete(state);
          actual.percent = engine.percentDone(state);
          actual.next = engine.nextModule(state);
          report.steps += 1;
          if (stable(actual) !== stable(path.expected[i])) {
            report.mismatches.push({path: path.name, step: i, input: step,
              expected: path.expected[i], actual: actual});
            break;
          }
        }
      });
      return report;
    }
    """
}
