import Foundation

/// The statements of a journal that have not reached the learning record store yet. The journal
/// itself is the queue: a small file beside it (`COURSE.journal.sent`) holds how many of its
/// bytes were delivered. Statement ids are stable, so sending again after a crash between the
/// send and the cursor update delivers nothing twice.
public struct StatementOutbox: Sendable {
  public let journal: Journal
  public let client: LRSClient

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

  /// Sends every statement written since the last delivery.
  /// - Returns: how many statements were sent.
  @discardableResult
  public func flush() throws(LRSClient.Failure) -> Int {
    guard let data = try? Data(contentsOf: journal.url) else { return 0 }
    var offset = cursor()
    if offset > data.count { offset = 0 }  // a replaced journal: send it all again (ids are stable)
    guard let end = data[offset...].lastIndex(of: UInt8(ascii: "\n")) else { return 0 }
    let pending = data[offset...end]
    let decoder = JSONDecoder()
    let statements = pending.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Statement.self, from: Data($0)) }
    var sent = 0
    for start in stride(from: 0, to: statements.count, by: 200) {
      let batch = Array(statements[start..<min(start + 200, statements.count)])
      try client.send(batch)
      sent += batch.count
    }
    try? AtomicFile.write(Data("\(end + 1)\n".utf8), to: cursorURL, permissions: 0o600)
    return sent
  }
}
