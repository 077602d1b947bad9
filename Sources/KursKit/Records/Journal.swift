import Foundation

/// One learner's record of one course: an append-only file of xAPI statements, one JSON object
/// per line. Each step (one input and what followed) is written in one write and flushed to
/// disk (fsync) before the runner shows the next screen. The learner's state is rebuilt by
/// replaying the inputs; the file is never rewritten or truncated.
public struct Journal: Sendable {
  /// The format of the journal's lines; a newer one is refused rather than misread. Version 3
  /// added the `launched` session mark and the `partialMatches` input; a line without them is
  /// still written as version 2, so that an older Kurs reads every journal that has none.
  public static let formatVersion = 3

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
    /// The line of the file this step was read from (its first statement); 0 for a step not
    /// read from a file.
    public var line = 0

    /// The oldest journal format that holds this entry (see `Journal.formatVersion`).
    public var formatVersion: Int {
      if session == .launched { return 3 }
      if case .partialMatches? = input { return 3 }
      return 2
    }

    public init(
      id: String = UUID().uuidString.lowercased(), time: Date, course: String,
      courseVersion: String, digest: String,
      registration: String? = nil, attempt: String? = nil, input: EngineInput? = nil,
      session: SessionMark? = nil, events: [EngineEvent] = []
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

  /// A size the file may not grow beyond, as if the disk were full there: for tests only (the
  /// runner sets it from `KURS_TEST_JOURNAL_LIMIT`, documented as test-only in docs/privacy.md).
  /// `nil`: no limit but the disk's.
  public var testSizeLimit: Int?

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
      throw ReadError(
        file: url.path, line: 0,
        message: LocalizedMessage(.journalUnreadable, error.localizedDescription))
    }
    let (lines, fast) = data.withUnsafeBytes { raw in
      let bytes = UnsafeBufferPointer(
        start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
      let lines = Self.lines(of: bytes, startIndex: data.startIndex)
      // Fast path: every line read by JournalLineParser, which takes only what replay needs. Any
      // doubt falls back to JSONDecoder line by line, which decides what is damage and where.
      return (lines, Self.parseAll(lines, of: bytes, startIndex: data.startIndex))
    }
    if let records = fast {
      var entries: [Entry] = []
      entries.reserveCapacity(records.count)
      for (index, record) in records.enumerated() {
        try add(record, line: lines[index].number, to: &entries)
      }
      return (entries, nil)
    }
    let decoder = JSONDecoder()
    var entries: [Entry] = []
    var notice: ReadError?
    for (position, line) in lines.enumerated() {
      let bytes = data[line.range]
      do {
        try add(try decoder.decode(Record.self, from: bytes), line: line.number, to: &entries)
      } catch let error as ReadError {
        throw error
      } catch {
        // A record cut off while being written is the start of one: it opens with `{` and never
        // reached its closing `}`. The next append starts on a new line, so it can be followed
        // by whole records.
        guard Journal.isCutOff(bytes) else {
          throw ReadError(
            file: url.path, line: line.number, message: LocalizedMessage(.journalDamaged))
        }
        // The first cut is the one reported. Only a cut on the last line is "the last record";
        // one with records after it was a save that failed and was made again after it.
        if notice == nil {
          let isLast = position == lines.count - 1
          notice = ReadError(
            file: url.path, line: line.number,
            message: LocalizedMessage(isLast ? .journalCutOff : .journalCutOffEarlier))
        }
      }
    }
    return (entries, notice)
  }

  /// What replay needs of a statement; the rest of it is left undecoded.
  struct Record: Decodable, Equatable {
    struct Object: Decodable, Equatable { var id: String }
    struct Context: Decodable, Equatable {
      var registration: String?
      var extensions: Statement.Extensions
    }
    var object: Object
    var context: Context
    var timestamp: String
  }

  /// Adds one statement to its step's entry (a new step starts a new entry).
  private func add(_ record: Record, line: Int, to entries: inout [Entry]) throws(ReadError) {
    let extensions = record.context.extensions
    guard extensions.journal <= Journal.formatVersion else {
      throw ReadError(
        file: url.path, line: line,
        message: LocalizedMessage(.journalTooNew, String(extensions.journal)))
    }
    if let last = entries.last, last.id == extensions.step {
      if let event = extensions.event { entries[entries.count - 1].events.append(event) }
      return
    }
    let time = Journal.date(fromTimestamp: record.timestamp) ?? Date(timeIntervalSince1970: 0)
    entries.append(
      Entry(
        id: extensions.step, time: time, course: Journal.courseID(of: record.object.id),
        courseVersion: extensions.courseVersion,
        digest: extensions.courseDigest, registration: record.context.registration,
        attempt: extensions.attempt ?? record.context.registration, input: extensions.input,
        session: extensions.session, events: extensions.event.map { [$0] } ?? []))
    entries[entries.count - 1].line = line
  }

  /// The non-empty lines of the file: their byte ranges and 1-based line numbers.
  static func lines(of data: Data) -> [(range: Range<Int>, number: Int)] {
    data.withUnsafeBytes { raw in
      lines(
        of: UnsafeBufferPointer(
          start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count),
        startIndex: data.startIndex)
    }
  }

  /// The lines of `buffer`, as ranges of the `Data` they came from (which starts at `startIndex`).
  static func lines(of buffer: UnsafeBufferPointer<UInt8>, startIndex: Int) -> [(
    range: Range<Int>, number: Int
  )] {
    var lines: [(range: Range<Int>, number: Int)] = []
    guard let base = buffer.baseAddress else { return lines }
    var start = 0
    var number = 1
    while start < buffer.count {
      var end = buffer.count
      if let found = memchr(base + start, 0x0A, buffer.count - start) {
        end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      }
      if end > start { lines.append((startIndex + start..<startIndex + end, number)) }
      start = end + 1
      number += 1
    }
    return lines
  }

  /// Every line through the fast parser (long journals on every core), or `nil` when one line
  /// is not what Kurs writes.
  static func parseAll(
    _ lines: [(range: Range<Int>, number: Int)], of buffer: UnsafeBufferPointer<UInt8>,
    startIndex: Int
  ) -> [Record]? {
    let chunk = 2_000
    nonisolated(unsafe) let shared = buffer
    let parts = parallelMap((lines.count + chunk - 1) / chunk) { part -> [Record]? in
      var records: [Record] = []
      records.reserveCapacity(chunk)
      for line in lines[(part * chunk)..<min(lines.count, part * chunk + chunk)] {
        let slice = UnsafeBufferPointer(
          rebasing: shared[line.range.lowerBound - startIndex..<line.range.upperBound - startIndex])
        guard let record = JournalLineParser.record(slice) else { return nil }
        records.append(record)
      }
      return records
    }
    var records: [Record] = []
    records.reserveCapacity(lines.count)
    for part in parts {
      guard let part else { return nil }
      records += part
    }
    return records
  }

  /// The journal's statements exactly as written (after `read()` has checked the file): what an
  /// export or an LRS receives. A cut-off record is left out.
  public func statements() throws(ReadError) -> [Statement] {
    _ = try read()
    guard let data = try? Data(contentsOf: url) else { return [] }
    let decoder = JSONDecoder()
    return data.split(separator: UInt8(ascii: "\n")).compactMap {
      try? decoder.decode(Statement.self, from: Data($0))
    }
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
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
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
  /// (one fsync) before returning. When the write or the flush fails (a full disk), the file is
  /// cut back to where it was, so a failed step leaves nothing half-written behind.
  /// - Throws: `POSIXError` with the file system's reason (`ENOSPC` for a full disk, `EACCES`,
  ///   `EROFS`); the step is then not on disk.
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
    func failed(_ code: Int32) -> POSIXError {
      // Take back what part of the step reached the file (an ftruncate to a smaller size needs
      // no space); if even that fails, the reader skips the cut record.
      if size >= 0 { _ = ftruncate(descriptor, size) }
      return POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
    var written = 0
    while written < bytes.count {
      var count = bytes.count - written
      if let limit = testSizeLimit, size >= 0 {
        // As a full disk does: the part that fits is written, then the write fails.
        let room = max(0, limit - Int(size) - written)
        if room == 0 { throw failed(ENOSPC) }
        count = min(count, room)
      }
      let result = bytes[written..<(written + count)].withUnsafeBytes {
        write(descriptor, $0.baseAddress, $0.count)
      }
      if result < 0 {
        if errno == EINTR { continue }
        throw failed(errno)
      }
      written += result
    }
    guard fsync(descriptor) == 0 else { throw failed(errno) }
  }
}
