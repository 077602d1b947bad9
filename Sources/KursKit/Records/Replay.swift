/// Rebuilds a learner's state by replaying their journal through the engine, also against a
/// course that has changed since the journal was written. Pure: no I/O.
public enum Replay {
  /// What changed for the learner when the course changed under their journal.
  public struct CourseChange: Sendable, Equatable {
    public var oldVersion: String
    public var newVersion: String
    /// Recorded steps that no longer fit the course (a removed node, a changed question).
    public var dropped: Int
    /// Where the learner continues, when their place had to move.
    public var movedTo: Place?
    /// Modules passed before the change that stay passed.
    public var keptPasses: [String]
    /// Modules to take again: the new version asks it of passes below its `retake-below`.
    public var retakes: [String] = []
  }

  /// A node of a module.
  public struct Place: Sendable, Equatable {
    public var module: String
    public var node: String
  }

  /// A place where the journal goes on somewhere other than where its steps so far lead: steps
  /// in between were never saved (a full disk before Kurs refused to go on without saving).
  public struct Gap: Sendable, Equatable {
    /// The journal line of the step after the gap.
    public var line: Int
    public var module: String
    /// Where the journal says that step happened.
    public var journalNode: String
    /// Where the steps before it had led.
    public var replayedNode: String
  }

  public struct Outcome: Sendable {
    public var state: CourseState
    /// The current run (xAPI registration) of each module.
    public var registrations: [String: String]
    /// Set when the journal was written against another version of the course.
    public var change: CourseChange?
    /// Gaps in the journal, in order; replay followed the journal across each.
    public var gaps: [Gap] = []
  }

  /// Puts the learner where the journal says a step happened, when the replay so far led
  /// elsewhere: the journal's node ids decide, never the position of a step in the file.
  /// - Returns: the gap (also a lost wrong try at the same question), or `nil` when the state
  ///   was already there.
  static func follow(
    _ module: String, _ node: String, attempt: Int?, line: Int, in state: inout CourseState,
    course: Course
  ) -> Gap? {
    guard let definition = course.module(module), definition.node(node) != nil else { return nil }
    var moduleState = state.module(module)
    let here = state.currentModule == module && moduleState.node == node
    let ready =
      attempt == nil || (moduleState.phase == .showing && moduleState.tries == (attempt ?? 1) - 1)
    if here && ready { return nil }
    let gap = Gap(
      line: line, module: module, journalNode: node,
      replayedNode: state.currentModule == module
        ? moduleState.node ?? "-" : (state.currentModule ?? "-"))
    state.currentModule = module
    if moduleState.status == .notStarted { moduleState.runs = max(moduleState.runs, 1) }
    moduleState.status = .inProgress
    moduleState.node = node
    moduleState.phase = .showing
    moduleState.tries = max(0, (attempt ?? 1) - 1)
    moduleState.lastWrongAnswer = nil
    moduleState.reviewIndex = nil
    state.modules[module] = moduleState
    return gap
  }

  /// Applies one recorded input. Against a changed course, an answer that meets a page (one was
  /// added before the question) first reads on to the next question, so answers stay with
  /// their questions. `nil` when the input no longer fits.
  static func apply(_ input: EngineInput, to state: CourseState, engine: Engine, realign: Bool)
    -> CourseState?
  {
    if let next = try? engine.state(after: input, from: state).state { return next }
    guard realign, case .answer = input else { return nil }
    var moved = state
    for _ in 0..<50 {
      guard let screen = try? engine.currentScreen(moved) else { return nil }
      switch screen {
      case .page, .feedback:
        guard let next = try? engine.state(after: .proceed, from: moved).state else { return nil }
        moved = next
      case .question:
        return try? engine.state(after: input, from: moved).state
      case .moduleEnd:
        return nil
      }
    }
    return nil
  }

  /// Whether version `version` is below `other`, comparing dotted numbers (1.10 > 1.9; 1 = 1.0).
  public static func isVersion(_ version: String, below other: String) -> Bool {
    let left = version.split(separator: ".").map { Int($0) ?? 0 }
    let right = other.split(separator: ".").map { Int($0) ?? 0 }
    for index in 0..<max(left.count, right.count) {
      let a = index < left.count ? left[index] : 0
      let b = index < right.count ? right[index] : 0
      if a != b { return a < b }
    }
    return false
  }

  /// Replays a journal's steps through the engine: exactly the steps the runner records
  /// (`Engine.records`), following the journal's node ids across gaps, and against a changed
  /// course keeping passes and moving the learner to a node that still exists.
  /// - Returns: the learner's state, the registrations of their module runs, what a change of
  ///   the course meant for them, and the gaps found.
  public static func rebuild(_ entries: [Journal.Entry], engine: Engine) -> Outcome {
    let course = engine.course
    var state = CourseState()
    var registrations: [String: String] = [:]
    var dropped = 0
    var recordedPasses: [String] = []
    /// The course version each module was last passed against.
    var passVersion: [String: String] = [:]
    var lastNode: [String: [String]] = [:]
    // A journal written by Kurs 0.1 carries the legacy digest of the same course files.
    let oldVersion = entries.last {
      $0.digest != course.digest && $0.digest != course.legacyDigest
    }?.courseVersion
    var gaps: [Gap] = []
    for entry in entries {
      for event in entry.events {
        switch event {
        case .moduleStarted(let module, _):
          if let attempt = entry.attempt ?? entry.registration { registrations[module] = attempt }
        case .moduleEnded(let module, .passed, _, _):
          if !recordedPasses.contains(module) { recordedPasses.append(module) }
          passVersion[module] = entry.courseVersion
        case .nodeEntered(let module, let node):
          lastNode[module, default: []].append(node)
        default:
          break
        }
      }
      // The steps the runner records (`Engine.records`), and only those: an input it never
      // writes (going back over pages seen) is skipped here as the runner skipped it.
      guard let input = entry.input, Engine.records(input, from: state) else { continue }
      // A step recorded against this very course names the question it answered: the answer
      // goes to that question even when steps before it are missing from the journal.
      let sameCourse =
        entry.digest == course.digest
        || (!course.legacyDigest.isEmpty && entry.digest == course.legacyDigest)
      if sameCourse, case .answer = input {
        for case .answered(let module, let question, _, _, _, _, let attempt, _) in entry.events
          .prefix(1)
        {
          if let gap = follow(
            module, question, attempt: attempt, line: entry.line, in: &state, course: course)
          {
            gaps.append(gap)
          }
        }
      }
      if let next = apply(input, to: state, engine: engine, realign: oldVersion != nil) {
        state = next
      } else {
        dropped += 1
      }
      // And the step leads where the journal says it led.
      if sameCourse,
        case .nodeEntered(let module, let node)? = entry.events.last(where: {
          if case .nodeEntered = $0 { true } else { false }
        }), state.currentModule == module, state.module(module).status == .inProgress,
        state.module(module).node != node
      {
        if let gap = follow(
          module, node, attempt: nil, line: entry.line, in: &state, course: course)
        {
          gaps.append(gap)
        }
      }
    }
    guard let oldVersion else {
      return Outcome(state: state, registrations: registrations, change: nil, gaps: gaps)
    }

    // The course changed. A pass stays a pass; where the replay could not place the learner,
    // they continue at the last node they reached that still exists.
    var change = CourseChange(
      oldVersion: oldVersion, newVersion: course.version, dropped: dropped, movedTo: nil,
      keptPasses: [])
    for module in recordedPasses {
      guard let below = course.module(module)?.retakeBelow, let version = passVersion[module],
        Self.isVersion(version, below: below)
      else { continue }
      // The new version asks for this module again: it starts afresh.
      state.modules[module] = ModuleState()
      if state.currentModule == module { state.currentModule = nil }
      state.completed = false
      change.retakes.append(module)
    }
    for module in recordedPasses
    where course.module(module) != nil && !state.module(module).passedBefore
      && !change.retakes.contains(module)
    {
      var moduleState = state.module(module)
      moduleState.passedBefore = true
      if moduleState.status != .inProgress { moduleState.status = .passed }
      state.modules[module] = moduleState
      change.keptPasses.append(module)
    }
    if let current = state.currentModule, let module = course.module(current),
      state.module(current).status == .inProgress
    {
      var moduleState = state.module(current)
      let reached = lastNode[current] ?? []
      let target = reached.reversed().first { module.node($0) != nil } ?? module.start
      // The replayed place is normally a node of the new course; move only when it is not.
      if module.node(moduleState.node ?? "") == nil {
        moduleState.node = target
        moduleState.phase = .showing
        moduleState.tries = 0
        moduleState.lastWrongAnswer = nil
        moduleState.reviewIndex = nil
        moduleState.history = moduleState.history.filter { module.node($0) != nil }
        state.modules[current] = moduleState
        change.movedTo = Place(module: current, node: target)
      }
    }
    state.completed = change.retakes.isEmpty && (state.completed || engine.isComplete(state))
    return Outcome(state: state, registrations: registrations, change: change, gaps: gaps)
  }
}
