import Foundation

/// Reads the fields replay needs from one journal line with `JSONCursor`, about ten times
/// faster than `JSONDecoder`: values it does not need are checked and skipped, not built.
/// Strict: anything unexpected (a missing field, a number with a fraction, an unknown input)
/// gives `nil`, and the caller falls back to `JSONDecoder`, which decides what is damage.
enum JournalLineParser {
  static func record(_ bytes: UnsafeBufferPointer<UInt8>) -> Journal.Record? {
    var cursor = JSONCursor(bytes: bytes)
    guard let record = try? cursor.record(), cursor.atEnd() else { return nil }
    return record
  }

  /// `EngineInput` as Swift's synthesized Codable writes it.
  /// `exact`: the objects hold exactly the keys the encoder writes, no more.
  static func input(_ value: JSONValue, exact: Bool = false) throws(JSONCursor.SyntaxError)
    -> EngineInput
  {
    guard let (name, body) = value.single else { throw JSONCursor.SyntaxError() }
    if exact {
      guard case .object(let members) = body,
        members.map(\.0) == (name == "proceed" || name == "back" ? [] : ["_0"])
      else { throw JSONCursor.SyntaxError() }
      if name == "answer", let (_, answer) = body["_0"]?.single {
        guard case .object(let inner) = answer, inner.map(\.0) == ["_0"] else {
          throw JSONCursor.SyntaxError()
        }
      }
    }
    switch name {
    // A case without values is an object (of any keys) in the synthesized encoding.
    case "proceed", "back":
      guard case .object = body else { throw JSONCursor.SyntaxError() }
      return name == "proceed" ? .proceed : .back
    case "startModule":
      guard let id = body["_0"]?.string else { throw JSONCursor.SyntaxError() }
      return .startModule(id)
    case "partialMatches":
      guard case .object(let members)? = body["_0"] else { throw JSONCursor.SyntaxError() }
      var pairs: [String: String] = [:]
      for (key, value) in members {
        guard let text = value.string else { throw JSONCursor.SyntaxError() }
        pairs[key] = text
      }
      return .partialMatches(pairs)
    case "answer":
      guard let (kind, answer) = body["_0"]?.single, let payload = answer["_0"] else {
        throw JSONCursor.SyntaxError()
      }
      switch (kind, payload) {
      case ("choices", .array(let items)): return .answer(.choices(try strings(items)))
      case ("order", .array(let items)): return .answer(.order(try strings(items)))
      case ("matches", .object(let members)):
        var pairs: [String: String] = [:]
        for (key, value) in members {
          guard let text = value.string else { throw JSONCursor.SyntaxError() }
          pairs[key] = text
        }
        return .answer(.matches(pairs))
      default: throw JSONCursor.SyntaxError()
      }
    default: throw JSONCursor.SyntaxError()
    }
  }

  static func strings(_ items: [JSONValue]) throws(JSONCursor.SyntaxError) -> [String] {
    var result: [String] = []
    for item in items {
      guard let text = item.string else { throw JSONCursor.SyntaxError() }
      result.append(text)
    }
    return result
  }

  /// `EngineEvent` as Swift's synthesized Codable writes it.
  static func event(_ value: JSONValue, exact: Bool = false) throws(JSONCursor.SyntaxError)
    -> EngineEvent
  {
    guard let (name, body) = value.single else { throw JSONCursor.SyntaxError() }
    if exact {
      let keys: [String: [String]] = [
        "moduleStarted": ["module", "run"], "nodeEntered": ["module", "node"],
        "hintShown": ["hint", "module", "question"],
        "answered": [
          "attempt", "isCorrect", "isFinal", "maximum", "module", "points", "question", "response",
        ],
        "moduleEnded": ["maximum", "module", "score", "status"], "courseCompleted": ["score"],
      ]
      guard case .object(let members) = body, members.map(\.0) == keys[name] else {
        throw JSONCursor.SyntaxError()
      }
    }
    func text(_ key: String) throws(JSONCursor.SyntaxError) -> String {
      guard let value = body[key]?.string else { throw JSONCursor.SyntaxError() }
      return value
    }
    func number(_ key: String) throws(JSONCursor.SyntaxError) -> Int {
      guard let value = body[key]?.integer else { throw JSONCursor.SyntaxError() }
      return value
    }
    func flag(_ key: String) throws(JSONCursor.SyntaxError) -> Bool {
      guard let value = body[key]?.bool else { throw JSONCursor.SyntaxError() }
      return value
    }
    switch name {
    case "moduleStarted": return .moduleStarted(module: try text("module"), run: try number("run"))
    case "nodeEntered": return .nodeEntered(module: try text("module"), node: try text("node"))
    case "hintShown":
      return .hintShown(
        module: try text("module"), question: try text("question"), hint: try number("hint"))
    case "answered":
      return .answered(
        module: try text("module"), question: try text("question"), response: try text("response"),
        points: try number("points"),
        maximum: try number("maximum"), isCorrect: try flag("isCorrect"),
        attempt: try number("attempt"), isFinal: try flag("isFinal"))
    case "moduleEnded":
      guard let status = ModuleState.Status(rawValue: try text("status")) else {
        throw JSONCursor.SyntaxError()
      }
      return .moduleEnded(
        module: try text("module"), status: status, score: try number("score"),
        maximum: try number("maximum"))
    case "courseCompleted": return .courseCompleted(score: try number("score"))
    default: throw JSONCursor.SyntaxError()
    }
  }
}

/// The journal's shape, read field by field.
extension JSONCursor {

  mutating func record() throws(JSONCursor.SyntaxError) -> Journal.Record {
    var objectID: String?
    var context: Journal.Record.Context?
    var timestamp: String?
    try members { (cursor: inout JSONCursor, key: Key) throws(JSONCursor.SyntaxError) in
      switch key {
      case "object":
        try cursor.members { (inner: inout JSONCursor, key: Key) throws(JSONCursor.SyntaxError) in
          if "id" ~= key { objectID = try inner.string() } else { try inner.skip() }
        }
      case "context": context = try cursor.context()
      case "timestamp": timestamp = try cursor.string()
      default: try cursor.skip()
      }
    }
    guard let objectID, let context, let timestamp else { throw JSONCursor.SyntaxError() }
    return Journal.Record(object: .init(id: objectID), context: context, timestamp: timestamp)
  }

  mutating func context() throws(JSONCursor.SyntaxError) -> Journal.Record.Context {
    var registration: String?
    var extensions: Statement.Extensions?
    try members { (cursor: inout JSONCursor, key: Key) throws(JSONCursor.SyntaxError) in
      switch key {
      case "registration": registration = try cursor.optionalString()
      case "extensions": extensions = try cursor.extensions()
      default: try cursor.skip()
      }
    }
    guard let extensions else { throw JSONCursor.SyntaxError() }
    return Journal.Record.Context(registration: registration, extensions: extensions)
  }

  mutating func extensions() throws(JSONCursor.SyntaxError) -> Statement.Extensions {
    var journal: Int?
    var courseVersion: String?
    var courseDigest: String?
    var step: String?
    var index: Int?
    var input: EngineInput?
    var session: Journal.SessionMark?
    var event: EngineEvent?
    var attempt: String?
    let exact = canonical
    try members { (cursor: inout JSONCursor, key: Key) throws(JSONCursor.SyntaxError) in
      switch key {
      case "urn:kurs:xapi:journal-version": journal = try cursor.integer()
      case "urn:kurs:xapi:course-version": courseVersion = try cursor.string()
      case "urn:kurs:xapi:course-digest": courseDigest = try cursor.string()
      case "urn:kurs:xapi:step": step = try cursor.string()
      case "urn:kurs:xapi:index": index = try cursor.integer()
      case "urn:kurs:xapi:attempt": attempt = try cursor.optionalString()
      case "urn:kurs:xapi:session":
        guard let mark = Journal.SessionMark(rawValue: try cursor.string()) else {
          throw JSONCursor.SyntaxError()
        }
        session = mark
      case "urn:kurs:xapi:input":
        input = try JournalLineParser.input(try cursor.value(), exact: exact)
      case "urn:kurs:xapi:event":
        event = try JournalLineParser.event(try cursor.value(), exact: exact)
      default: try cursor.unknown()
      }
    }
    guard let journal, let courseVersion, let courseDigest, let step else {
      throw JSONCursor.SyntaxError()
    }
    return Statement.Extensions(
      journal: journal, courseVersion: courseVersion, courseDigest: courseDigest, step: step,
      index: index, input: input,
      session: session, event: event, attempt: attempt)
  }
}
