import Foundation

import CHTTP

/// A client for an xAPI learning record store (statements resource, xAPI 1.0.3), with HTTP basic
/// authentication. Synchronous on purpose: the runner sends between two screens and the host's
/// `kurs cohort pull` waits for its answer anyway; a short timeout keeps an unreachable LRS
/// from holding the learner up.
public struct LRSClient: Sendable {
  public struct Credentials: Sendable, Equatable {
    public var user: String
    public var password: String

    public init(user: String, password: String) {
      self.user = user
      self.password = password
    }

    /// `--lrs-credentials FILE` (first line `user:password`), else `KURS_LRS_USER` and
    /// `KURS_LRS_PASSWORD`. Never from the command line, where other users could read them.
    public static func load(file: String?, environment: [String: String]) throws(LRSClient.Failure) -> Credentials? {
      if let file {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          throw .credentials("\(file): cannot be read; write user:password on its first line")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
          throw .credentials("\(file): the first line must be user:password")
        }
        return Credentials(user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
      }
      if let user = environment["KURS_LRS_USER"], let password = environment["KURS_LRS_PASSWORD"] {
        return Credentials(user: user, password: password)
      }
      return nil
    }
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case unreachable(String)
    case rejected(status: Int, body: String)
    case badResponse(String)
    case credentials(String)
    case badURL(String)

    public var description: String {
      switch self {
      case .unreachable(let reason): "the learning record store cannot be reached (\(reason))"
      case .rejected(let status, let body): "the learning record store refused the request (HTTP \(status)): \(body.prefix(300))"
      case .badResponse(let reason): "the learning record store sent an answer Kurs cannot read (\(reason))"
      case .credentials(let reason): reason
      case .badURL(let url): "'\(url)' is not an http(s) URL of a learning record store, e.g. http://127.0.0.1:8100/xAPI/"
      }
    }
  }

  /// The statements resource.
  public let statementsURL: URL
  public let credentials: Credentials?
  public var timeout: TimeInterval = 5

  /// `url` is the LRS's xAPI endpoint (`…/xAPI/`) or its statements resource.
  public init(url: String, credentials: Credentials?) throws(Failure) {
    guard var base = URL(string: url), let scheme = base.scheme?.lowercased(), scheme == "http" || scheme == "https", base.host != nil else {
      throw .badURL(url)
    }
    if base.lastPathComponent != "statements" { base = base.appendingPathComponent("statements") }
    statementsURL = base
    self.credentials = credentials
  }

  /// One HTTP request: the method, the address, the xAPI headers and the body.
  struct Request {
    var url: URL
    var method: String
    var headers: [String]
    var body: Data?
  }

  func request(_ url: URL, method: String, body: Data? = nil) -> Request {
    var headers = ["X-Experience-API-Version: 1.0.3", "Content-Type: application/json"]
    if let credentials {
      let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
      headers.append("Authorization: Basic \(token)")
    }
    return Request(url: url, method: method, headers: headers, body: body)
  }

  /// Sends a request and waits for the answer. libcurl does the HTTP; it is loaded only now, the
  /// first time Kurs talks to an LRS (docs/benchmarks.md: start-up without it is 2x faster).
  func perform(_ request: Request) throws(Failure) -> (status: Int, body: Data) {
    var response = kurs_http_response()
    let headers = request.headers.map { strdup($0) }
    defer {
      headers.forEach { free($0) }
      kurs_http_free(&response)
    }
    let pointers = headers.map { UnsafePointer<CChar>($0) }
    let body = request.body ?? Data()
    let code = pointers.withUnsafeBufferPointer { headerBuffer in
      body.withUnsafeBytes { bytes in
        kurs_http_perform(
          request.method, request.url.absoluteString, headerBuffer.baseAddress, headerBuffer.count,
          request.body == nil ? nil : (bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)), bytes.count,
          Int(timeout * 1000), &response)
      }
    }
    guard code == 0 else {
      let reason = withUnsafeBytes(of: response.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      throw .unreachable(reason)
    }
    let data = response.body.map { Data(bytes: $0, count: response.body_length) } ?? Data()
    return (Int(response.status), data)
  }

  /// Stores statements. Their ids are stable, so a statement the LRS already has (HTTP 409) is
  /// not an error: it arrived before.
  public func send(_ statements: [Statement]) throws(Failure) {
    guard !statements.isEmpty else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let body = try? encoder.encode(statements) else { throw .badResponse("statements could not be encoded") }
    let (status, data) = try perform(request(statementsURL, method: "POST", body: body))
    switch status {
    case 200..<300:
      return
    case 409 where statements.count > 1:
      // Some were there already: send one by one, so the new ones still arrive.
      for statement in statements { try send([statement]) }
    case 409:
      return
    default:
      throw .rejected(status: status, body: String(decoding: data, as: UTF8.self))
    }
  }

  /// Every statement with this registration (optionally between `since` and `until`), in the
  /// order they were made, following the LRS's `more` links.
  public func statements(registration: String, since: String? = nil, until: String? = nil) throws(Failure) -> [Statement] {
    guard var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false) else {
      throw .badURL(statementsURL.absoluteString)
    }
    var query = [URLQueryItem(name: "registration", value: registration), URLQueryItem(name: "limit", value: "500")]
    if let since { query.append(URLQueryItem(name: "since", value: since)) }
    if let until { query.append(URLQueryItem(name: "until", value: until)) }
    components.queryItems = query
    guard var next = components.url else { throw .badURL(statementsURL.absoluteString) }
    var all: [Statement] = []
    struct Page: Decodable {
      var statements: [Statement]
      var more: String?
    }
    for _ in 0..<10_000 {
      let (status, data) = try perform(request(next, method: "GET"))
      guard (200..<300).contains(status) else { throw .rejected(status: status, body: String(decoding: data, as: UTF8.self)) }
      let page: Page
      do {
        page = try JSONDecoder().decode(Page.self, from: data)
      } catch {
        throw .badResponse("not a statement result: \(String(decoding: data.prefix(200), as: UTF8.self))")
      }
      all += page.statements
      guard let more = page.more, !more.isEmpty, let url = URL(string: more, relativeTo: statementsURL)?.absoluteURL else { break }
      next = url
    }
    // LRSs return the newest first: put them back in the order they were made, by time and,
    // within one step (one timestamp), by their place in it.
    let keyed = all.map { statement in
      (statement, Journal.date(fromTimestamp: statement.timestamp) ?? .distantPast, statement.context.extensions.index ?? 0)
    }
    let ordered = keyed.sorted { lhs, rhs in lhs.1 != rhs.1 ? lhs.1 < rhs.1 : lhs.2 < rhs.2 }
    var seen = Set<String>()
    return ordered.map(\.0).filter { seen.insert($0.id).inserted }
  }
}
