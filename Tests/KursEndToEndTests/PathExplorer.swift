import Foundation
import KursKit

/// Finds the ways through a module by playing it in the engine: at each question it tries every
/// choice (and, for other kinds, a right and a wrong answer), so every route the course's
/// branching allows is found, each with the lines a learner would type.
struct PathExplorer {
  struct Path {
    /// Node ids entered, in order.
    var nodes: [String]
    var lines: [String]
    /// The id of the `<end>` node reached.
    var end: String
    var status: ModuleState.Status
    /// The learner's state at the module's end.
    var state: CourseState
  }

  let engine: Engine

  /// Candidate answers for a question screen, as (answer, typed line).
  func candidates(_ screen: QuestionScreen, _ question: Question) -> [(LearnerAnswer, String)] {
    let numbers = Dictionary(
      uniqueKeysWithValues: screen.options.enumerated().map { ($1.id, $0 + 1) })
    switch screen.kind {
    case .single, .trueFalse:
      return screen.options.enumerated().map { (.choices([$1.id]), String($0 + 1)) }
    case .multiple:
      let correct = question.choices.filter(\.isCorrect).map(\.id)
      var result = [
        (
          LearnerAnswer.choices(correct),
          correct.compactMap { numbers[$0] }.map(String.init).joined(separator: " ")
        )
      ]
      for option in screen.options where !correct.contains(option.id) {
        result.append((.choices([option.id]), String(numbers[option.id] ?? 1)))
      }
      return result
    case .ordering:
      let right = question.items.map(\.id)
      let wrong = Array(right.reversed())
      return [right, wrong].map { ids in
        (.order(ids), ids.compactMap { numbers[$0] }.map(String.init).joined(separator: " "))
      }
    case .matching:
      // The letters the learner's language shows: а б в in Russian, a b c in English.
      let letters = MatchingLetters.letters(screen.matches.count, language: engine.language)
      func line(_ pairs: [String: String]) -> String {
        screen.options.enumerated().map { index, option in
          let right = pairs[option.id] ?? ""
          let letter =
            screen.matches.firstIndex { $0.id == right }.map { String(letters[$0]) } ?? "a"
          return "\(index + 1)\(letter)"
        }.joined(separator: " ")
      }
      let right = Dictionary(uniqueKeysWithValues: question.pairs.map { ($0.id, $0.id) })
      let ids = question.pairs.map(\.id)
      let rotated = Dictionary(uniqueKeysWithValues: zip(ids, ids.dropFirst() + ids.prefix(1)))
      return [(.matches(right), line(right)), (.matches(rotated), line(rotated))]
    }
  }

  /// Every distinct route from the start of `moduleID` to an end, starting from `state`.
  func paths(of moduleID: String, from state: CourseState) throws -> [Path] {
    guard let module = engine.course.module(moduleID) else { return [] }
    let first = try engine.apply(.startModule(moduleID), to: state)
    var found: [String: Path] = [:]
    var stack: [(Engine.Step, [String], [String])] = [(first, [Self.node(first.screen)], [])]
    // Routes that reach the same situation (node, flags, counters, visits, score) have the same
    // future, so each situation is explored once: this keeps the search linear in what can
    // differ rather than exponential in the number of questions.
    var seen: Set<String> = []
    var budget = 100_000
    while let (step, nodes, lines) = stack.popLast() {
      budget -= 1
      guard found.count < 200, budget > 0 else { break }
      guard seen.insert(Self.situation(step.state, moduleID)).inserted else { continue }
      // A loop in the story can be walked round forever: each node at most three times.
      guard (step.state.module(moduleID).visits.values.max() ?? 0) <= 3 else { continue }
      switch step.screen {
      case .moduleEnd(let end):
        // The end node the learner reached (the screen names only the module).
        let endNode = step.state.module(moduleID).node ?? nodes.last ?? ""
        let key = nodes.joined(separator: ">") + ">\(endNode)=\(end.status)"
        if found[key] == nil {
          found[key] = Path(
            nodes: nodes, lines: lines, end: endNode, status: end.status, state: step.state)
        }
      case .page, .feedback:
        let next = try engine.apply(.proceed, to: step.state)
        let node = Self.node(next.screen)
        stack.append((next, node == nodes.last ? nodes : nodes + [node], lines + [""]))
      case .question(let screen):
        guard let node = module.node(screen.nodeID), case .question(let question) = node.kind else {
          continue
        }
        for (answer, line) in candidates(screen, question) {
          let next = try engine.apply(.answer(answer), to: step.state)
          stack.append((next, nodes, lines + [line]))
        }
      }
    }
    return found.values.sorted { $0.nodes.joined() < $1.nodes.joined() }
  }

  /// What decides a module's future, without the route that led there.
  static func situation(_ state: CourseState, _ moduleID: String) -> String {
    let module = state.module(moduleID)
    return [
      module.node ?? "", "\(module.phase)", module.status.rawValue,
      module.flags.sorted().joined(separator: ","),
      module.counters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: ","),
      module.visits.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(
        separator: ","),
      "\(module.score)", "\(module.tries)",
    ].joined(separator: "|")
  }

  static func node(_ screen: Screen) -> String {
    switch screen {
    case .page(let page): return page.nodeID
    case .question(let question): return question.nodeID
    case .feedback(let feedback): return feedback.nodeID
    case .moduleEnd(let end): return "end:\(end.moduleID)"
    }
  }
}
