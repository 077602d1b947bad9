import Foundation

/// What the cohort report needs from one learner's statements, computed once when the export
/// is imported and kept in the cohort's index (`CohortIndex`), so a report over 100,000
/// learners reads summaries and never their statements. Independent of the course file: keys
/// are module and question ids, so a course edited after the import still reports.
public struct LearnerSummary: Sendable, Equatable {
  public struct Module: Sendable, Equatable {
    /// not-started, in-progress, passed or failed.
    public var status: String
    public var attempts: Int
    /// The best score of a finished run, and the maximum of the last finished run.
    public var best: Int?
    public var maximum: Int?
  }

  public var id: String
  public var pseudonym: String
  /// The seal of the stored export: the same seal means the same records.
  public var seal: String
  /// Timestamp of the last statement (else the export time) and the number of statements:
  /// between two exports of one learner, the later last statement wins, then the longer.
  public var last: String
  public var count: Int
  /// The newest statement timestamp.
  public var lastActivity: String?
  public var completed: Bool
  /// The last node reached (`module/node`), while the course is unfinished.
  public var lastNode: String?
  public var modules: [String: Module]
  /// For each question answered (`module/question`): whether the first answer was right at the first try.
  public var firstTry: [String: Bool]
  /// For each question (`module/question`): how often each wrong response was given.
  public var wrong: [String: [String: Int]]

  /// How far past the host's clock an export may be dated before it counts as dated in the
  /// future (a learner's clock a little fast is not a conflict).
  public static let clockTolerance: TimeInterval = 10 * 60

  /// Whether these records should replace `other`'s (the same learner's earlier import).
  /// Timestamps are compared as instants (`+14:00` and `Z` are converted, not compared as
  /// text). When either export is dated in the future (a wrong clock), its date proves nothing:
  /// the one with more statements wins (a learner's journal only grows), so a future-dated
  /// export never blocks the later ones.
  /// - Parameter now: the host's clock.
  public func isNewer(than other: LearnerSummary, now: Date = Date()) -> Bool {
    guard let mine = Self.instant(last), let theirs = Self.instant(other.last) else {
      return last > other.last || (last == other.last && count > other.count)
    }
    if isFutureDated(now: now) || other.isFutureDated(now: now) {
      return count > other.count || (count == other.count && mine > theirs)
    }
    return mine > theirs || (mine == theirs && count > other.count)
  }

  /// Whether the last statement is dated later than `now` (beyond `clockTolerance`).
  public func isFutureDated(now: Date) -> Bool {
    guard let instant = Self.instant(last) else { return false }
    return instant.timeIntervalSince(now) > Self.clockTolerance
  }

  /// Whether timestamp `a` is a later instant than `b`. Two of Kurs's own (UTC, same length)
  /// compare as text, which is fast and the same; any other pair as instants.
  static func isLater(_ a: String, than b: String) -> Bool {
    if a.utf8.count == b.utf8.count, a.hasSuffix("Z"), b.hasSuffix("Z") { return a > b }
    guard let left = instant(a), let right = instant(b) else { return a > b }
    return left > right
  }

  /// An xAPI timestamp as an instant: Kurs's own form fast, any ISO 8601 date-time with `Z` or
  /// an offset otherwise; `nil` for text that is no date-time.
  public static func instant(_ text: String) -> Date? {
    if let date = Journal.utcDate(text) { return date }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
  }

  /// The summary of a learner's statements in one course, in the order they were written.
  public init(
    id: String, pseudonym: String, seal: String, exported: String, statements: [Statement]
  ) {
    var builder = Builder()
    for statement in statements {
      builder.add(timestamp: statement.timestamp, event: statement.context.extensions.event)
    }
    self = builder.summary(id: id, pseudonym: pseudonym, seal: seal, exported: exported)
  }

  init(
    id: String, pseudonym: String, seal: String, last: String, count: Int, lastActivity: String?,
    completed: Bool,
    lastNode: String?, modules: [String: Module], firstTry: [String: Bool],
    wrong: [String: [String: Int]]
  ) {
    self.id = id
    self.pseudonym = pseudonym
    self.seal = seal
    self.last = last
    self.count = count
    self.lastActivity = lastActivity
    self.completed = completed
    self.lastNode = lastNode
    self.modules = modules
    self.firstTry = firstTry
    self.wrong = wrong
  }

  /// Takes statements one at a time (the fast export reader never builds them).
  struct Builder {
    private var attempts: [String: Int] = [:]
    private var best: [String: Int] = [:]
    private var maximum: [String: Int] = [:]
    private var passed: Set<String> = []
    private var lastEnded: [String: String] = [:]
    private var open: Set<String> = []
    private var firstTry: [String: Bool] = [:]
    private var wrong: [String: [String: Int]] = [:]
    private var completed = false
    private var lastNode: String?
    private var lastActivity: String?
    private var lastTimestamp: String?
    private var count = 0

    mutating func add(timestamp: String, event: EngineEvent?) {
      count += 1
      lastTimestamp = timestamp
      if lastActivity.map({ LearnerSummary.isLater(timestamp, than: $0) }) ?? true {
        lastActivity = timestamp
      }
      guard let event else { return }
      switch event {
      case .moduleStarted(let module, _):
        attempts[module, default: 0] += 1
        open.insert(module)
      case .nodeEntered(let module, let node):
        lastNode = "\(module)/\(node)"
      case .answered(let module, let question, let response, _, _, let isCorrect, let attempt, _):
        let key = "\(module)/\(question)"
        if firstTry[key] == nil { firstTry[key] = isCorrect && attempt == 1 }
        if !isCorrect { wrong[key, default: [:]][response, default: 0] += 1 }
      case .moduleEnded(let module, let status, let score, let most):
        open.remove(module)
        lastEnded[module] = status.rawValue
        if status == .passed { passed.insert(module) }
        best[module] = max(best[module] ?? 0, score)
        maximum[module] = most
      case .hintShown:
        break
      case .courseCompleted:
        completed = true
      }
    }

    func summary(id: String, pseudonym: String, seal: String, exported: String) -> LearnerSummary {
      var modules: [String: Module] = [:]
      for id in Set(attempts.keys).union(lastEnded.keys) {
        let status =
          passed.contains(id)
          ? "passed" : open.contains(id) ? "in-progress" : lastEnded[id] ?? "not-started"
        modules[id] = Module(
          status: status, attempts: attempts[id] ?? 0, best: best[id], maximum: maximum[id])
      }
      return LearnerSummary(
        id: id, pseudonym: pseudonym, seal: seal, last: lastTimestamp ?? exported, count: count,
        lastActivity: lastActivity,
        completed: completed, lastNode: completed ? nil : lastNode, modules: modules,
        firstTry: firstTry, wrong: wrong)
    }
  }
}
