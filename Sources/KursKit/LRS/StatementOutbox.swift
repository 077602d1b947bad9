import Foundation

/// The statements of a journal that have not reached the learning record store yet. The journal
/// itself is the queue: a small file beside it (`COURSE.journal.sent`) holds how many of its
/// bytes were delivered, and moves on only after the LRS has confirmed a batch as stored. A
/// process killed at any moment therefore loses nothing: what was not confirmed is sent again,
/// and statement ids are stable, so nothing is stored twice.
public struct StatementOutbox: Sendable {
  public let journal: Journal
  public var client: LRSClient
  /// Statements per request.
  public var batchSize = 200

  public init(journal: Journal, client: LRSClient) {
    self.journal = journal
    self.client = client
  }

  var cursorURL: URL { journal.url.appendingPathExtension("sent") }

  /// How many bytes of the journal were delivered.
  func cursor() -> Int {
    guard let text = try? String(contentsOf: cursorURL, encoding: .utf8) else { return 0 }
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  /// Whether the journal holds statements the LRS has not confirmed yet.
  public var hasPending: Bool {
    guard
      let size = (try? FileManager.default.attributesOfItem(atPath: journal.url.path))?[.size]
        as? NSNumber
    else {
      return false
    }
    return size.intValue > cursor()
  }

  /// Sends every statement written since the last delivery, in batches; the cursor moves past
  /// each batch the LRS confirms.
  /// - Returns: how many statements were delivered.
  /// - Throws: why a batch was not delivered; the batches before it stay delivered.
  @discardableResult
  public func flush() throws(LRSClient.LRSError) -> Int {
    guard let data = try? Data(contentsOf: journal.url) else { return 0 }
    var offset = cursor()
    if offset > data.count { offset = 0 }  // a replaced journal: send it all again (ids are stable)
    // Complete lines only: the last one may be being written.
    guard offset < data.count, let end = data[offset...].lastIndex(of: UInt8(ascii: "\n")) else {
      return 0
    }
    let decoder = JSONDecoder()
    var pending: [(statement: Statement, end: Int)] = []
    var lineStart = offset
    for index in offset...end where data[index] == UInt8(ascii: "\n") {
      // A line that is not a statement (a cut line repaired by the journal) is passed over.
      if let statement = try? decoder.decode(Statement.self, from: data[lineStart..<index]) {
        pending.append((statement, index + 1))
      }
      lineStart = index + 1
    }
    var sent = 0
    for start in stride(from: 0, to: pending.count, by: batchSize) {
      let batch = pending[start..<min(start + batchSize, pending.count)]
      try client.send(batch.map(\.statement))
      sent += batch.count
      let delivered = start + batchSize >= pending.count ? end + 1 : (batch.last?.end ?? end + 1)
      try moveCursor(to: delivered)
    }
    if pending.isEmpty { try moveCursor(to: end + 1) }
    return sent
  }

  /// Notes that the journal's first `offset` bytes were delivered.
  private func moveCursor(to offset: Int) throws(LRSClient.LRSError) {
    do {
      try AtomicFile.write(Data("\(offset)\n".utf8), to: cursorURL, permissions: 0o600)
    } catch {
      // Delivered, but not noted: the statements are sent again next time and stored once.
      throw .localFile(
        "\(cursorURL.path): cannot note what was delivered (\(error.localizedDescription))")
    }
  }
}
