import Foundation

/// One learner's record of one course: an append-only file of JSON lines, one per step, each
/// flushed to disk (fsync) before the runner shows the next screen. The learner's state is
/// rebuilt by replaying it; the file is never rewritten or truncated.
public struct Journal: Sendable {
  /// One line: what the learner did and what followed.
  public struct Entry: Sendable, Equatable, Codable {
    /// Journal line format version.
    public var v: Int
    public var id: String
    public var time: Date
    public var course: String
    public var courseVersion: String
    public var digest: String
    public var input: EngineInput
    public var events: [EngineEvent]
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

  public init(url: URL) { self.url = url }

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
    decoder.dateDecodingStrategy = .iso8601
    var entries: [Entry] = []
    var notice: ReadError?
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      if line.isEmpty { continue }
      do {
        let entry = try decoder.decode(Entry.self, from: Data(line))
        guard entry.v == 1 else {
          throw ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalTooNew, String(entry.v)))
        }
        entries.append(entry)
      } catch let error as ReadError {
        throw error
      } catch {
        // A record cut off while being written is the start of one: it opens with `{` and never
        // reached its closing `}`. The next append starts on a new line, so it can be followed
        // by whole records.
        let isCutOff = line.first == UInt8(ascii: "{") && line.last != UInt8(ascii: "}")
        guard isCutOff else {
          throw ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalDamaged))
        }
        notice = ReadError(file: url.path, line: index + 1, message: LocalizedMessage(.journalCutOff))
      }
    }
    return (entries, notice)
  }

  /// Appends one entry as one line and flushes it to disk before returning.
  public func append(_ entry: Entry) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes = Array(try encoder.encode(entry))
    bytes.append(UInt8(ascii: "\n"))
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
