import Foundation

/// One learner's record of one course: an append-only file of xAPI statements, one JSON object
/// per line. Each step (one input and what followed) is written in one write and flushed to
/// disk (fsync) before the runner shows the next screen. The learner's state is rebuilt by
/// replaying the inputs; the file is never rewritten or truncated.
public struct Journal: Sendable {
  /// The format of the journal's lines; a newer one is refused rather than misread.
  public static let formatVersion = 2

  /// One step: what the learner did and what followed. Written as one or more xAPI statements
  /// (see `Statement`), in one write and one fsync.
  public struct Entry: Sendable, Equatable {
    /// The step's id: the id of its first statement.
    public var id: String
    public var time: Date
    public var course: String
    public var courseVersion: String
    public var digest: String
    /// xAPI `context.registration`: the cohort's, for a cohort member, else the module run.
    public var registration: String?
    /// The module run this step belongs to.
    public var attempt: String?
    /// What the learner did; `nil` for a session mark.
    public var input: EngineInput?
    public var session: SessionMark?
    public var events: [EngineEvent]

    public init(
      id: String = UUID().uuidString.lowercased(), time: Date, course: String, courseVersion: String, digest: String,
      registration: String? = nil, attempt: String? = nil, input: EngineInput? = nil, session: SessionMark? = nil, events: [EngineEvent] = []
    ) {
      self.id = id
      self.time = time
      self.course = course
      self.courseVersion = courseVersion
      self.digest = digest
      self.registration = registration
      self.attempt = attempt
      self.input = input
      self.session = session
      self.events = events
    }
  }

  /// A problem reading the journal, naming the file and line.
  public struct ReadError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: LocalizedMessage
    public var description: String { text("en") }
    /// `file:line: message` in `language`.
    public func text(_ language: String) -> String { "\(file):\(line): \(message.text(language))" }
  }

  public let url: URL
  /// The learner's pseudonymous id: the actor of every statement.
  public let learnerID: String
  /// The pseudonym, written as the actor's name only for a cohort member.
  public let actorName: String?

  public init(url: URL, learnerID: String, actorName: String? = nil) {
    self.url = url
    self.learnerID = learnerID
    self.actorName = actorName
  }

  /// Reads every entry. A record cut short (the computer stopped while it was being written) is
  /// skipped and reported in `notice`; any other damage is an error and the file is left as it is.
  public func read() throws(ReadError) -> (entries: [Entry], notice: ReadError?) {
    guard FileManager.default.fileExists(atPath: url.path) else { return ([], nil) }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ReadError(file: url.path, line: 0, message: LocalizedMessage(.journalUnreadable, error.localizedDescription))
    }
    let decoder = JSONDecoder()
    var entries: [Entry] = []
    var notice: ReadError?
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.isEmpty { continue }
      do {
        let statement = try decoder.decode(Statement.self, from: Data(line))
        let extensions = statement.context.extensions
        guard extensions.journal <= Journal.formatVersion else {
          throw ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalTooNew, String(extensions.journal)))
        }
        let time = Journal.date(fromTimestamp: statement.timestamp) ?? Date(timeIntervalSince1970: 0)
        if let last = entries.last, last.id == extensions.step {
          if let event = extensions.event { entries[entries.count - 1].events.append(event) }
        } else {
          entries.append(
            Entry(
              id: extensions.step, time: time, course: Journal.courseID(of: statement.object.id), courseVersion: extensions.courseVersion,
              digest: extensions.courseDigest, registration: statement.context.registration,
              attempt: extensions.attempt ?? statement.context.registration, input: extensions.input,
              session: extensions.session, events: extensions.event.map { [$0] } ?? []))
        }
      } catch let error as ReadError {
        throw error
      } catch {
        // A record cut off while being written is the start of one: it opens with `{` and never
        // reached its closing `}`. The next append starts on a new line, so it can be followed
        // by whole records.
        guard Journal.isCutOff(line) else {
          throw ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalDamaged))
        }
        notice = ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalCutOff))
      }
    }
    return (entries, notice)
  }

  /// The journal's statements exactly as written (after `read()` has checked the file): what an
  /// export or an LRS receives. A cut-off record is left out.
  public func statements() throws(ReadError) -> [Statement] {
    _ = try read()
    guard let data = try? Data(contentsOf: url) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Statement.self, from: Data($0)) }
  }

  /// Whether a line that does not decode is the start of a record whose writing was cut off: it
  /// opens an object that never closes. A line that closes its object and goes on, or closes it
  /// and still does not decode, is damage.
  static func isCutOff(_ line: some Collection<UInt8>) -> Bool {
    guard line.first == UInt8(ascii: "{") else { return false }
    var depth = 0
    var inString = false
    var escaped = false
    for byte in line {
      if inString {
        if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth <= 0 { return false }  // the record closed: what follows is not a cut
      default: break
      }
    }
    return depth > 0
  }

  /// The course id in a statement's object id (`urn:kurs:course:ID…`).
  static func courseID(of activity: String) -> String {
    let rest = activity.dropFirst("urn:kurs:course:".count)
    return String(rest.prefix { $0 != ":" })
  }

  /// Appends one step as its statements, one per line, in one write, and flushes it to disk
  /// (one fsync) before returning.
  public func append(_ entry: Entry, course: Course? = nil) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes: [UInt8] = []
    for statement in statements(for: entry, learnerID: learnerID, course: course) {
      bytes += try encoder.encode(statement)
      bytes.append(UInt8(ascii: "\n"))
    }
    let descriptor = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    // If an earlier write was cut off, start on a new line so this entry stays whole.
    var end: UInt8 = UInt8(ascii: "\n")
    let size = lseek(descriptor, 0, SEEK_END)
    if size > 0, pread(descriptor, &end, 1, size - 1) == 1, end != UInt8(ascii: "\n") {
      bytes.insert(UInt8(ascii: "\n"), at: 0)
    }
    var written = 0
    while written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      written += result
    }
    guard fsync(descriptor) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
  }
}
