import Foundation

/// Reads an export for a cohort import in one pass over its bytes, many times faster than
/// `ExportFile.read`: statements are checked for the fields and kinds `JSONDecoder` requires
/// and summarised on the way, never built; the seal is checked on the bytes themselves.
///
/// Strict: it accepts only files as `kurs export` writes them (JSON exactly as `JSONEncoder`
/// writes it, whitespace aside, so that the bytes are the encoding the seal covers, and a
/// matching seal over those bytes). Anything else gives `nil` and the caller
/// reads the file with `ExportFile.read`, which is the authority on what is wrong with it. So
/// the scanner never accepts a file `ExportFile.read` refuses; the fuzz target `export` checks
/// exactly that, and that both give the same summary.
enum ExportScanner {
  struct Scanned {
    var learner: ExportFile.Learner
    /// The summary of the cohort course's statements; `nil` when the export has none for it.
    var summary: LearnerSummary?
    /// The ids of every course in the export, for the message when the cohort's is missing.
    var courses: [String]
    /// What to store: `nil` for the file itself (it holds only the cohort's course), else a
    /// sealed export of that course alone.
    var stored: [UInt8]?
  }

  typealias Cursor = JSONCursor
  typealias SyntaxError = JSONCursor.SyntaxError

  static func scan(_ data: Data, course: String) -> Scanned? {
    data.withUnsafeBytes { raw in
      scan(
        UnsafeBufferPointer(
          start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
        course: course)
    }
  }

  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, course: String) -> Scanned? {
    // Strings are sliced without a check of their UTF-8; `ExportFile.read` refuses a file
    // that is not UTF-8, so this one must too.
    guard bytes.count > 0, String(validating: bytes, as: UTF8.self) != nil else { return nil }
    var cursor = Cursor(bytes: bytes, canonical: true)
    var state = State(course: course)
    do {
      try cursor.object { (cursor: inout Cursor, key: String) throws(SyntaxError) in
        switch key {
        case "courses":
          let span = try cursor.span { (cursor: inout Cursor) throws(SyntaxError) in
            try state.courses(&cursor)
          }
          state.coursesSpan = span
        case "exported":
          state.exportedSpan = try cursor.span { (cursor: inout Cursor) throws(SyntaxError) in
            _ = try cursor.string()
          }
        case "format": state.format = try cursor.string()
        case "learner":
          let span = try cursor.span { (cursor: inout Cursor) throws(SyntaxError) in
            state.learner = try cursor.learner()
          }
          state.learnerSpan = span
        case "seal": state.seal = try cursor.string()
        case "version": state.version = try cursor.integer()
        default: try cursor.unknown()
        }
      }
      guard cursor.atEnd() else { return nil }
    } catch {
      return nil
    }
    return state.finish(bytes)
  }

  /// What the scan has seen so far.
  struct State {
    let course: String
    var format: String?
    var version: Int?
    var seal: String?
    var learner: ExportFile.Learner?
    var learnerSpan: Range<Int>?
    var exportedSpan: Range<Int>?
    var coursesSpan: Range<Int>?
    /// The cohort course's records (the first with its id): where they are, and their summary.
    var courseSpan: Range<Int>?
    var builder: LearnerSummary.Builder?
    var courseIDs: [String] = []
    /// Every statement's actor account; they must all be the learner's.
    var actor: String?
    var actorsDiffer = false

    init(course: String) { self.course = course }

    mutating func courses(_ cursor: inout Cursor) throws(SyntaxError) {
      try cursor.array { (cursor: inout Cursor) throws(SyntaxError) in
        let start = try cursor.valueStart()
        var id: String?
        var builder = LearnerSummary.Builder()
        var sawDigest = false
        var sawStatements = false
        var sawVersion = false
        try cursor.object { (cursor: inout Cursor, key: String) throws(SyntaxError) in
          switch key {
          case "digest":
            _ = try cursor.string()
            sawDigest = true
          case "id": id = try cursor.string()
          case "statements":
            // Keys come sorted, so the id is known before the statements.
            let summarise = id == course && courseSpan == nil
            try cursor.array { (cursor: inout Cursor) throws(SyntaxError) in
              let statement = try cursor.exportedStatement()
              if actor == nil {
                actor = statement.actor
              } else if actor != statement.actor {
                actorsDiffer = true
              }
              if summarise { builder.add(timestamp: statement.timestamp, event: statement.event) }
            }
            sawStatements = true
          case "version":
            _ = try cursor.string()
            sawVersion = true
          default: try cursor.unknown()
          }
        }
        guard let id, sawDigest, sawStatements, sawVersion else { throw SyntaxError() }
        courseIDs.append(id)
        if id == course && courseSpan == nil {
          courseSpan = start..<cursor.index
          self.builder = builder
        }
      }
    }

    func finish(_ bytes: UnsafeBufferPointer<UInt8>) -> Scanned? {
      guard format == "kurs-export", let version, version <= 1, let seal, let learner,
        let learnerSpan, let exportedSpan,
        let coursesSpan, !actorsDiffer, actor == nil || actor == learner.id
      else { return nil }
      let compactLearner = ExportScanner.compact(bytes, learnerSpan)
      guard ExportScanner.seal(compactLearner, ExportScanner.compact(bytes, coursesSpan)) == seal
      else { return nil }
      guard let courseSpan, let builder else {
        return Scanned(learner: learner, summary: nil, courses: courseIDs, stored: [])
      }
      let stored: [UInt8]?
      let storedSeal: String
      if courseIDs.count == 1 {
        stored = nil
        storedSeal = seal
      } else {
        let single =
          [UInt8(ascii: "[")] + ExportScanner.compact(bytes, courseSpan) + [UInt8(ascii: "]")]
        storedSeal = ExportScanner.seal(compactLearner, single)
        stored =
          Array("{\"courses\":".utf8) + single + Array(",\"exported\":".utf8)
          + Array(bytes[exportedSpan])
          + Array(",\"format\":\"kurs-export\",\"learner\":".utf8) + compactLearner
          + Array(",\"seal\":\"\(storedSeal)\",\"version\":1}\n".utf8)
      }
      let exported = String(
        decoding: UnsafeBufferPointer(
          rebasing: bytes[(exportedSpan.lowerBound + 1)..<(exportedSpan.upperBound - 1)]),
        as: UTF8.self)
      let summary = builder.summary(
        id: learner.id, pseudonym: learner.pseudonym, seal: storedSeal, exported: exported)
      return Scanned(learner: learner, summary: summary, courses: courseIDs, stored: stored)
    }
  }

  /// The bytes of `span` without the whitespace between tokens: what `JSONEncoder` writes
  /// without `.prettyPrinted`, when the file came from it with `.prettyPrinted`.
  static func compact(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> [UInt8] {
    let quote = UInt8(ascii: "\"")
    let backslash = UInt8(ascii: "\\")
    return [UInt8](unsafeUninitializedCapacity: span.count) { output, count in
      var out = 0
      var index = span.lowerBound
      let end = span.upperBound
      while index < end {
        let byte = bytes[index]
        index += 1
        if byte == quote {
          // A string, copied as it is up to its closing quote.
          output[out] = byte
          out += 1
          while index < end {
            let inner = bytes[index]
            output[out] = inner
            out += 1
            index += 1
            if inner == quote { break }
            if inner == backslash, index < end {
              output[out] = bytes[index]
              out += 1
              index += 1
            }
          }
        } else if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 {
          output[out] = byte
          out += 1
        }
      }
      count = out
    }
  }

  /// The seal `ExportFile.contentDigest()` computes, from the encoded learner and courses.
  static func seal(_ learner: [UInt8], _ courses: [UInt8]) -> String {
    var input: [UInt8] = []
    input.reserveCapacity(16 + learner.count + courses.count)
    for part in [learner, courses] {
      withUnsafeBytes(of: UInt64(part.count).bigEndian) { input.append(contentsOf: $0) }
      input.append(contentsOf: part)
    }
    return SHA256Digest.hex(of: input)
  }
}

/// One statement of an export, as far as the import needs it.
struct ExportedStatement {
  var actor: String
  var timestamp: String
  var event: EngineEvent?
}

extension JSONCursor {

  /// Where the next value starts.
  mutating func valueStart() throws(SyntaxError) -> Int {
    _ = try peek()
    return index
  }

  /// The byte range of the value `read` consumes.
  mutating func span(_ read: (inout Self) throws(SyntaxError) -> Void) throws(SyntaxError) -> Range<
    Int
  > {
    let start = try valueStart()
    try read(&self)
    return start..<index
  }

  mutating func learner() throws(SyntaxError) -> ExportFile.Learner {
    var id: String?
    var pseudonym: String?
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "id": id = try cursor.string()
      case "pseudonym": pseudonym = try cursor.string()
      default: try cursor.unknown()
      }
    }
    guard let id, let pseudonym else { throw SyntaxError() }
    return ExportFile.Learner(id: id, pseudonym: pseudonym)
  }

  /// A statement with every field `Statement`'s decoder requires, of the kind it requires.
  mutating func exportedStatement() throws(SyntaxError) -> ExportedStatement {
    var actor: String?
    var timestamp: String?
    var extensions: Statement.Extensions?
    var sawID = false
    var sawObject = false
    var sawVerb = false
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "actor": actor = try cursor.agent()
      case "context":
        try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
          switch key {
          case "contextActivities":
            try cursor.optional { (cursor: inout Self) throws(SyntaxError) in
              try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
                switch key {
                case "grouping", "parent":
                  try cursor.optional { (cursor: inout Self) throws(SyntaxError) in
                    try cursor.array { (cursor: inout Self) throws(SyntaxError) in
                      try cursor.activity()
                    }
                  }
                default: try cursor.unknown()
                }
              }
            }
          case "extensions": extensions = try cursor.extensions()
          case "language", "registration": _ = try cursor.optionalString()
          default: try cursor.unknown()
          }
        }
        guard extensions != nil else { throw SyntaxError() }
      case "id":
        _ = try cursor.string()
        sawID = true
      case "object":
        try cursor.activity()
        sawObject = true
      case "result":
        try cursor.optional { (cursor: inout Self) throws(SyntaxError) in try cursor.result() }
      case "timestamp": timestamp = try cursor.string()
      case "verb":
        var sawVerbID = false
        var sawDisplay = false
        try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
          switch key {
          case "display":
            try cursor.object { (cursor: inout Self, _: String) throws(SyntaxError) in
              _ = try cursor.string()
            }
            sawDisplay = true
          case "id":
            _ = try cursor.string()
            sawVerbID = true
          default: try cursor.unknown()
          }
        }
        guard sawVerbID, sawDisplay else { throw SyntaxError() }
        sawVerb = true
      default: try cursor.unknown()
      }
    }
    guard let actor, let timestamp, let extensions, sawID, sawObject, sawVerb else {
      throw SyntaxError()
    }
    return ExportedStatement(actor: actor, timestamp: timestamp, event: extensions.event)
  }

  /// An agent; its account name.
  mutating func agent() throws(SyntaxError) -> String {
    var account: String?
    var sawType = false
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "account":
        var homePage = false
        try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
          switch key {
          case "homePage":
            _ = try cursor.string()
            homePage = true
          case "name": account = try cursor.string()
          default: try cursor.unknown()
          }
        }
        guard homePage, account != nil else { throw SyntaxError() }
      case "name": _ = try cursor.optionalString()
      case "objectType":
        _ = try cursor.string()
        sawType = true
      default: try cursor.unknown()
      }
    }
    guard let account, sawType else { throw SyntaxError() }
    return account
  }

  mutating func activity() throws(SyntaxError) {
    var sawID = false
    var sawType = false
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "definition":
        try cursor.optional { (cursor: inout Self) throws(SyntaxError) in
          var sawDefinitionType = false
          try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
            switch key {
            case "interactionType": _ = try cursor.optionalString()
            // What Kurs 0.3 writes for other tools (names, choices); nothing the report reads.
            case "choices", "correctResponsesPattern", "description", "name", "source", "target":
              try cursor.skip()
            case "type":
              _ = try cursor.string()
              sawDefinitionType = true
            default: try cursor.unknown()
            }
          }
          guard sawDefinitionType else { throw SyntaxError() }
        }
      case "id":
        _ = try cursor.string()
        sawID = true
      case "objectType":
        _ = try cursor.string()
        sawType = true
      default: try cursor.unknown()
      }
    }
    guard sawID, sawType else { throw SyntaxError() }
  }

  mutating func result() throws(SyntaxError) {
    try object { (cursor: inout Self, key: String) throws(SyntaxError) in
      switch key {
      case "completion", "success":
        try cursor.optional { (cursor: inout Self) throws(SyntaxError) in try cursor.boolean() }
      case "response": _ = try cursor.optionalString()
      case "score":
        try cursor.optional { (cursor: inout Self) throws(SyntaxError) in
          var whole = 0
          try cursor.object { (cursor: inout Self, key: String) throws(SyntaxError) in
            switch key {
            case "max", "min", "raw":
              _ = try cursor.integer()
              whole += 1
            case "scaled":
              try cursor.optional { (cursor: inout Self) throws(SyntaxError) in try cursor.number()
              }
            default: try cursor.unknown()
            }
          }
          guard whole == 3 else { throw SyntaxError() }
        }
      default: try cursor.unknown()
      }
    }
  }

  /// `null`, or a value `read` consumes.
  mutating func optional(_ read: (inout Self) throws(SyntaxError) -> Void) throws(SyntaxError) {
    if try peek() == UInt8(ascii: "n") {
      guard !canonical else { throw SyntaxError() }
      try literal("null")
    } else {
      try read(&self)
    }
  }

  mutating func boolean() throws(SyntaxError) {
    switch try peek() {
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    default: throw SyntaxError()
    }
  }

  /// Any JSON number (a `Double`).
  mutating func number() throws(SyntaxError) {
    let first = try peek()
    guard first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    else { throw SyntaxError() }
    let start = index
    try skipNumber()
    if canonical {
      // As JSONEncoder writes a Double: its description without a trailing ".0".
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
      guard let value = Double(text), value.isFinite else { throw SyntaxError() }
      var expected = value.description
      if expected.hasSuffix(".0") { expected.removeLast(2) }
      guard text == expected else { throw SyntaxError() }
    }
  }
}
