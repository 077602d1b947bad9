import Foundation

/// How a journal step becomes xAPI statements: the statements of one entry, with the ids,
/// timestamps and extensions that make them replayable.
extension Journal {
  /// Session facts that are not engine input: they mark when a learner came back or stopped.
  public enum SessionMark: String, Codable, Sendable {
    case resumed, suspended
    /// The learner's first screen of a course: from then on, `kurs resume` comes back to it.
    case launched
  }

  /// The statements for one step, in order: the first carries the input (or session mark).
  func statements(for entry: Entry, learnerID: String, course: Course?) -> [Statement] {
    let courseIRI = "urn:kurs:course:\(entry.course)"
    let actor = Statement.Agent(
      name: actorName,
      account: Statement.Account(homePage: Statement.accountHomePage, name: learnerID))
    let courseActivity = Statement.Activity(
      id: courseIRI,
      definition: Statement.Definition(
        type: Statement.activityTypes.course,
        name: Statement.languageMap(course?.title, or: entry.course),
        description: Statement.languageMap(course?.description)))
    func moduleActivity(_ module: String) -> Statement.Activity {
      Statement.Activity(
        id: "\(courseIRI):module:\(module)",
        definition: Statement.Definition(
          type: Statement.activityTypes.module,
          name: Statement.languageMap(course?.module(module)?.title, or: module)))
    }
    let timestamp = Journal.timestamp(entry.time)

    func statement(
      _ index: Int, _ verb: Statement.Verb, _ object: Statement.Activity, module: String?,
      result: Statement.Result? = nil,
      event: EngineEvent? = nil
    ) -> Statement {
      var extensions = Statement.Extensions(
        journal: entry.formatVersion, courseVersion: entry.courseVersion,
        courseDigest: entry.digest, step: entry.id)
      extensions.event = event
      extensions.index = index
      extensions.attempt = entry.attempt
      if index == 0 {
        extensions.input = entry.input
        extensions.session = entry.session
      }
      let parent = module.map { [moduleActivity($0)] }
      return Statement(
        id: index == 0 ? entry.id : Journal.derivedID(entry.id, index), actor: actor, verb: verb,
        object: object, result: result,
        context: Statement.Context(
          registration: entry.registration,
          contextActivities: Statement.ContextActivities(
            parent: parent ?? [courseActivity], grouping: parent == nil ? nil : [courseActivity]),
          language: nil, extensions: extensions),
        timestamp: timestamp)
    }

    var result: [Statement] = []
    if let mark = entry.session {
      let verb: Statement.Verb
      switch mark {
      case .resumed: verb = Statement.Verbs.resumed
      case .suspended: verb = Statement.Verbs.suspended
      case .launched: verb = Statement.Verbs.launched
      }
      result.append(statement(0, verb, courseActivity, module: nil))
    }
    for event in entry.events {
      let index = result.count
      switch event {
      case .moduleStarted(let module, _):
        result.append(
          statement(
            index, Statement.Verbs.initialized, moduleActivity(module), module: nil, event: event))
      case .nodeEntered(let module, let node):
        let object = Statement.Activity(
          id: "\(courseIRI):module:\(module):node:\(node)",
          definition: Statement.Definition(
            type: Statement.activityTypes.page,
            name: Statement.nodeName(course?.module(module)?.node(node), or: node)))
        result.append(
          statement(index, Statement.Verbs.experienced, object, module: module, event: event))
      case .hintShown(let module, let question, let hint):
        let questionName = Statement.nodeName(course?.module(module)?.node(question), or: question)
        let object = Statement.Activity(
          id: "\(courseIRI):module:\(module):node:\(question):hint:\(hint)",
          definition: Statement.Definition(
            type: Statement.activityTypes.page,
            name: questionName.mapValues { "\($0) (hint \(hint))" }))
        result.append(
          statement(index, Statement.Verbs.experienced, object, module: module, event: event))
      case .answered(
        let module, let question, let response, let points, let maximum, let isCorrect, _, _):
        let node = course?.module(module)?.node(question)
        let asked: Question? = node.flatMap { node in
          if case .question(let question) = node.kind { return question }
          return nil
        }
        let object = Statement.Activity(
          id: "\(courseIRI):module:\(module):node:\(question)",
          definition: Statement.interactionDefinition(
            asked, name: Statement.nodeName(node, or: question)))
        let score = Statement.Score.of(points, maximum: maximum)
        // A story decision worth no points is neither right nor wrong.
        let success: Bool? = maximum > 0 ? isCorrect : nil
        result.append(
          statement(
            index, Statement.Verbs.answered, object, module: module,
            result: Statement.Result(
              response: Statement.xAPIResponse(response, kind: asked?.kind), score: score,
              success: success),
            event: event))
      case .moduleEnded(let module, let status, let score, let maximum):
        let verb =
          status == .passed
          ? Statement.Verbs.passed
          : status == .failed ? Statement.Verbs.failed : Statement.Verbs.completed
        let scored = Statement.Score.of(score, maximum: maximum)
        let success: Bool? = status == .completed ? nil : status == .passed
        result.append(
          statement(
            index, verb, moduleActivity(module), module: nil,
            result: Statement.Result(score: scored, success: success, completion: true),
            event: event))
      case .courseCompleted(let score):
        // Out of the course's maximum (the best possible of every scored module); without the
        // course at hand the maximum is unknown, and the score is then left out.
        let scored = course.map { course in
          Statement.Score.of(
            score,
            maximum: course.scoredModules.map { ModuleGraph(module: $0).mostPoints }.reduce(0, +))
        }
        result.append(
          statement(
            index, Statement.Verbs.completed, courseActivity, module: nil,
            result: Statement.Result(score: scored, success: true, completion: true), event: event))
      }
    }
    if result.isEmpty {
      // An input with nothing else to report (going on from a review) still has to be replayed.
      result.append(statement(0, Statement.Verbs.progressed, courseActivity, module: nil))
    }
    return result
  }

  static func interactionType(_ kind: Question.Kind) -> String {
    switch kind {
    case .single, .multiple: return "choice"
    case .trueFalse: return "true-false"
    case .ordering: return "sequencing"
    case .matching: return "matching"
    }
  }

  /// A stable UUID for the `index`th statement of a step (the first has the step's own id, a
  /// random version-4 UUID): a version-5 UUID named by the step and the index, as xAPI 1.0.3
  /// names for derived ids. Journals written before Kurs 0.3 hold version-8 ids made from a
  /// SHA-256; they are stored ids, never computed again, so they stay as they were.
  static func derivedID(_ stepID: String, _ index: Int) -> String {
    NameBasedUUID.v5(
      namespace: NameBasedUUID.urlNamespace, name: "urn:kurs:xapi:statement:\(stepID)#\(index)")
  }

  static let timestampStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

  /// An xAPI timestamp in UTC with microseconds, so that steps keep their order when an LRS
  /// sorts statements by time: `2026-11-22T21:29:17.739812Z`.
  public static func timestamp(_ date: Date) -> String {
    // To the nearest microsecond, so that a timestamp read back and written again is the same.
    let total = (date.timeIntervalSince1970 * 1_000_000).rounded()
    let seconds = (total / 1_000_000).rounded(.down)
    let micro = Int(total - seconds * 1_000_000)
    let base = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())  // …:17Z
    let digits = String(micro)
    return base.dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
  }

  /// `YYYY-MM-DDTHH:MM:SS[.fraction]Z` read by hand, as `timestamp(_:)` writes it: replaying a
  /// long journal spent more time in the format style than in the engine. `nil` for anything
  /// else (other zones, leap seconds), which the format style reads.
  static func utcDate(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, bytes.count <= 40, bytes[4] == UInt8(ascii: "-"),
      bytes[7] == UInt8(ascii: "-"),
      bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes.last == UInt8(ascii: "Z")
    else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = bytes[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13),
      let minute = number(14..<16), let second = number(17..<19), year >= 1,
      (1...12).contains(month), hour < 24, minute < 60,
      second < 60
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day >= 1, day <= monthDays[month - 1] else { return nil }
    var fraction = 0.0
    if bytes.count > 20 {
      // A dot and 1 to 18 digits.
      guard bytes[19] == UInt8(ascii: "."), bytes.count - 21 >= 1, bytes.count - 21 <= 18,
        let digits = number(20..<(bytes.count - 1))
      else {
        return nil
      }
      var scale = 1.0
      for _ in 0..<(bytes.count - 21) { scale *= 10 }
      fraction = Double(digits) / scale
    }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    let shifted = month <= 2 ? year - 1 : year
    let era = shifted / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
    return Date(timeIntervalSince1970: Double(seconds)).addingTimeInterval(fraction)
  }

  /// Reads a timestamp written by `timestamp(_:)`, or any ISO 8601 time an LRS returns.
  public static func date(fromTimestamp text: String) -> Date? {
    utcDate(text) ?? formatStyleDate(text)
  }

  /// Any ISO 8601 time, through Foundation's format style.
  static func formatStyleDate(_ text: String) -> Date? {
    if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
    // Split off the fraction, which the format style reads only to milliseconds.
    guard let dot = text.firstIndex(of: "."),
      let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" })
    else {
      return try? timestampStyle.parse(text)
    }
    guard
      let base = try? Date.ISO8601FormatStyle().parse(String(text[..<dot]) + String(text[zone...]))
    else { return nil }
    let fraction = Double("0" + text[dot..<zone]) ?? 0
    return base.addingTimeInterval(fraction)
  }
}
