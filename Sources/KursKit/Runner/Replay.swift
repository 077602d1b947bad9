/// Rebuilds a learner's state by replaying their journal through the engine, also against a
/// course that has changed since the journal was written. Pure: no I/O.
public enum Replay {
  /// What changed for the learner when the course changed under their journal.
  public struct CourseChange: Sendable, Equatable {
    public var oldVersion: String
    public var newVersion: String
    /// Recorded steps that no longer fit the course (a removed node, a changed question).
    public var dropped: Int
    /// Where the learner continues, when their place had to move: module and node.
    public var movedTo: (module: String, node: String)?
    /// Modules passed before the change that stay passed.
    public var keptPasses: [String]

    public static func == (lhs: CourseChange, rhs: CourseChange) -> Bool {
      lhs.oldVersion == rhs.oldVersion && lhs.newVersion == rhs.newVersion && lhs.dropped == rhs.dropped
        && lhs.movedTo?.module == rhs.movedTo?.module && lhs.movedTo?.node == rhs.movedTo?.node && lhs.keptPasses == rhs.keptPasses
    }
  }

  public struct Outcome: Sendable {
    public var state: CourseState
    /// The current run (xAPI registration) of each module.
    public var registrations: [String: String]
    /// Set when the journal was written against another version of the course.
    public var change: CourseChange?
  }

  /// Applies one recorded input. Against a changed course, an answer that meets a page (one was
  /// added before the question) first reads on to the next question, so answers stay with
  /// their questions. `nil` when the input no longer fits.
  static func apply(_ input: EngineInput, to state: CourseState, engine: Engine, realign: Bool) -> CourseState? {
    if let next = try? engine.apply(input, to: state).state { return next }
    guard realign, case .answer = input else { return nil }
    var moved = state
    for _ in 0..<50 {
      guard let screen = try? engine.currentScreen(moved) else { return nil }
      switch screen {
      case .page, .feedback:
        guard let next = try? engine.apply(.proceed, to: moved).state else { return nil }
        moved = next
      case .question:
        return try? engine.apply(input, to: moved).state
      case .moduleEnd:
        return nil
      }
    }
    return nil
  }

  public static func rebuild(_ entries: [Journal.Entry], engine: Engine) -> Outcome {
    let course = engine.course
    var state = CourseState()
    var registrations: [String: String] = [:]
    var dropped = 0
    var recordedPasses: [String] = []
    var lastNode: [String: [String]] = [:]
    let oldVersion = entries.last { $0.digest != course.digest }?.courseVersion
    for entry in entries {
      for event in entry.events {
        switch event {
        case .moduleStarted(let module, _):
          if let registration = entry.registration { registrations[module] = registration }
        case .moduleEnded(let module, .passed, _, _):
          if !recordedPasses.contains(module) { recordedPasses.append(module) }
        case .nodeEntered(let module, let node):
          lastNode[module, default: []].append(node)
        default:
          break
        }
      }
      guard let input = entry.input else { continue }
      if let next = apply(input, to: state, engine: engine, realign: oldVersion != nil) {
        state = next
      } else {
        dropped += 1
      }
    }
    guard let oldVersion else { return Outcome(state: state, registrations: registrations, change: nil) }

    // The course changed. A pass stays a pass; where the replay could not place the learner,
    // they continue at the last node they reached that still exists.
    var change = CourseChange(oldVersion: oldVersion, newVersion: course.version, dropped: dropped, movedTo: nil, keptPasses: [])
    for module in recordedPasses where course.module(module) != nil && !state.module(module).passedBefore {
      var moduleState = state.module(module)
      moduleState.passedBefore = true
      if moduleState.status != .inProgress { moduleState.status = .passed }
      state.modules[module] = moduleState
      change.keptPasses.append(module)
    }
    if let current = state.currentModule, let module = course.module(current), state.module(current).status == .inProgress {
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
        change.movedTo = (current, target)
      }
    }
    state.completed = state.completed || engine.isComplete(state)
    return Outcome(state: state, registrations: registrations, change: change)
  }
}
