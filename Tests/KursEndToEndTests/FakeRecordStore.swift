import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP server on a loopback address, written for the tests: it plays a learning record
/// store that is slow, lies, answers without end, or points elsewhere. Each connection gets one
/// answer from `reply` and is closed. It records every request it saw.
final class FakeRecordStore: @unchecked Sendable {
  struct Request: Sendable {
    var method: String
    var target: String
    var headers: [String: String]
    var body: Data

    /// The statement ids in a POST body.
    var statementIDs: [String] {
      struct Identified: Decodable { var id: String }
      return ((try? JSONDecoder().decode([Identified].self, from: body)) ?? []).map(\.id)
    }
  }

  indirect enum Reply: Sendable {
    case answer(Int, String)
    /// `status`, then bytes until the client hangs up (or `cap` bytes are written).
    case endless(Int, cap: Int)
    /// Held until `release()`, then answered.
    case held(Reply)
    /// 302 to this address.
    case redirect(String)
  }

  let host: String
  private(set) var port: UInt16 = 0
  private let listener: Int32
  private let reply: @Sendable (Request, FakeRecordStore) -> Reply
  private let condition = NSCondition()
  private var seen: [Request] = []
  private var written = 0
  private var hungUp = 0
  private var released = false
  private var stopped = false
  /// Statements stored by `store(_:)`, by id, in the order they came.
  private var stored: [String] = []

  var url: String { "http://\(host):\(port)/xAPI/" }

  /// Listens on `host` (any 127.x.y.z address) at a free port.
  init(host: String = "127.0.0.1", reply: @escaping @Sendable (Request, FakeRecordStore) -> Reply)
    throws
  {
    self.host = host
    self.reply = reply
    listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard listener >= 0 else { throw POSIXError(.EIO) }
    var one: Int32 = 1
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    inet_pton(AF_INET, host, &address.sin_addr)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(listener, 64) == 0 else {
      close(listener)
      throw POSIXError(.EADDRNOTAVAIL)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
    }
    port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in acceptForever() }
    thread.start()
  }

  deinit { stop() }

  /// Stops listening, and lets held requests go.
  func stop() {
    condition.lock()
    let wasStopped = stopped
    stopped = true
    released = true
    condition.broadcast()
    condition.unlock()
    if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)) }
  }

  /// Lets held requests be answered.
  func release() {
    condition.lock()
    released = true
    condition.broadcast()
    condition.unlock()
  }

  var requests: [Request] {
    condition.lock()
    defer { condition.unlock() }
    return seen
  }

  /// Bytes of answers written to clients.
  var bytesWritten: Int {
    condition.lock()
    defer { condition.unlock() }
    return written
  }

  /// Requests whose client hung up before it was answered.
  var abandoned: Int {
    condition.lock()
    defer { condition.unlock() }
    return hungUp
  }

  /// Ids stored with `store(_:)`.
  var storedIDs: [String] {
    condition.lock()
    defer { condition.unlock() }
    return stored
  }

  /// Plays an honest LRS for a POST: stores its statements and answers with their ids (only
  /// the new ones, as Ralph does); for `GET ?statementId=` answers whether it has it.
  func store(_ request: Request) -> Reply {
    condition.lock()
    defer { condition.unlock() }
    if request.method == "POST" {
      let new = request.statementIDs.filter { !stored.contains($0) }
      stored += new
      return .answer(200, "[" + new.map { "\"\($0)\"" }.joined(separator: ",") + "]")
    }
    guard let id = request.target.components(separatedBy: "statementId=").dropFirst().first else {
      return .answer(200, "{\"statements\":[]}")  // a pull: these tests pull nothing from it
    }
    return stored.contains(id) ? .answer(200, "{\"id\":\"\(id)\"}") : .answer(404, "{}")
  }

  private func acceptForever() {
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        condition.lock()
        let done = stopped
        condition.unlock()
        if done {
          close(listener)
          return
        }
        continue
      }
      let thread = Thread { [self] in serve(client) }
      thread.start()
    }
  }

  private func serve(_ client: Int32) {
    defer { close(client) }
    guard let request = read(client) else { return }
    condition.lock()
    seen.append(request)
    condition.unlock()
    answer(reply(request, self), to: client)
  }

  /// Headers that let a page opened from a file (origin `null`) call the store, as a record
  /// store for web pages must (lms.js, docs/publishing.md); other clients ignore them.
  static let cors =
    "Access-Control-Allow-Origin: *\r\nAccess-Control-Allow-Methods: GET, POST, PUT\r\n"
    + "Access-Control-Allow-Headers: Authorization, Content-Type, X-Experience-API-Version\r\n"
    + "Access-Control-Allow-Private-Network: true\r\n"

  private func answer(_ reply: Reply, to client: Int32) {
    switch reply {
    case .answer(let status, let body):
      let bytes = Array(body.utf8)
      send(
        client,
        "HTTP/1.1 \(status) Fake\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n"
          + Self.cors + "Connection: close\r\n\r\n"
      )
      send(client, bytes)
    case .redirect(let location):
      send(
        client,
        "HTTP/1.1 302 Found\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
      )
    case .endless(let status, let cap):
      send(
        client,
        "HTTP/1.1 \(status) Fake\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
      let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 65_536)
      var total = 0
      while total < cap, send(client, chunk) { total += chunk.count }
    case .held(let then):
      // Wait for `release()`, watching whether the client gives up meanwhile.
      while true {
        condition.lock()
        let go = released
        condition.unlock()
        if go { break }
        var watch = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        if poll(&watch, 1, 50) > 0 {
          var byte: UInt8 = 0
          if recv(client, &byte, 1, Int32(MSG_PEEK)) <= 0 {
            condition.lock()
            hungUp += 1
            condition.unlock()
            return
          }
        }
      }
      answer(then, to: client)
    }
  }

  @discardableResult
  private func send(_ client: Int32, _ text: String) -> Bool { send(client, Array(text.utf8)) }

  @discardableResult
  private func send(_ client: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes {
        Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if count <= 0 { return false }
      offset += count
      condition.lock()
      written += count
      condition.unlock()
    }
    return true
  }

  /// Reads one request: the head, then `Content-Length` bytes of body.
  private func read(_ client: Int32) -> Request? {
    var data = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var headEnd: Int?
    var needed = Int.max
    while data.count < needed {
      let count = recv(client, &buffer, buffer.count, 0)
      if count <= 0 { return nil }
      data += buffer[0..<count]
      if headEnd == nil, let range = data.firstRange(of: Array("\r\n\r\n".utf8)) {
        headEnd = range.upperBound
        let head = String(decoding: data[..<range.lowerBound], as: UTF8.self)
        let length =
          head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
          .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        needed = range.upperBound + length
        // libcurl asks before sending a larger body, and waits a second for the answer.
        if head.lowercased().contains("expect: 100-continue") {
          send(client, "HTTP/1.1 100 Continue\r\n\r\n")
        }
      }
    }
    guard let headEnd else { return nil }
    let lines = String(decoding: data[..<(headEnd - 4)], as: UTF8.self).components(
      separatedBy: "\r\n")
    let parts = lines[0].split(separator: " ")
    guard parts.count >= 2 else { return nil }
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
        in: .whitespaces)
    }
    return Request(
      method: String(parts[0]), target: String(parts[1]), headers: headers,
      body: Data(data[headEnd...]))
  }
}
