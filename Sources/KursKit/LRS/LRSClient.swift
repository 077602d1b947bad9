import CHTTP
import Foundation

/// A client for an xAPI learning record store (statements resource, xAPI 1.0.3), with HTTP basic
/// authentication. Synchronous: the runner calls it from a background thread
/// (`StatementSender`), and the host's `kurs cohort pull` waits for its answer anyway.
///
/// What it trusts of the server, and what not: the credentials go only to the origin (scheme,
/// host, port) they were given for, never to another one named in a `more` link; answers are
/// read up to a size limit; a statement counts as stored only when the LRS names its id.
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
    public static func load(file: String?, environment: [String: String]) throws(LRSClient.LRSError)
      -> Credentials?
    {
      if let file {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          throw .credentials("\(file): cannot be read; write user:password on its first line")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
          throw .credentials("\(file): the first line must be user:password")
        }
        return Credentials(
          user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
      }
      if let user = environment["KURS_LRS_USER"], let password = environment["KURS_LRS_PASSWORD"] {
        return Credentials(user: user, password: password)
      }
      return nil
    }

    /// A warning when the credentials file can be read by other users of the computer (group or
    /// others may read it), else `nil`.
    public static func exposure(ofFile file: String) -> String? {
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
      else { return nil }
      guard permissions & 0o044 != 0 else { return nil }
      return
        "\(file): warning: other users of this computer can read the learning record store's password "
        + "in this file (permissions \(String(permissions & 0o777, radix: 8))); make it readable only by you: chmod 600 \(file)"
    }
  }

  public enum LRSError: Error, Equatable, CustomStringConvertible {
    case unreachable(String)
    case rejected(status: Int, body: String)
    case badResponse(String)
    case credentials(String)
    case badURL(String)
    /// `--lrs` or `KURS_LRS_URL` holds `user:password@`; the option names where it came from.
    case passwordInURL(option: String)
    /// The answer was larger than `limit` bytes; reading stopped there.
    case tooLarge(status: Int, limit: Int)
    /// A `more` link names another origin than the one the credentials are for.
    case otherOrigin(link: String, origin: String)
    /// The LRS answered but did not confirm `missing` of the `sent` statements as stored.
    case notStored(missing: Int, sent: Int)
    /// A file of Kurs's own (the delivery cursor) could not be written.
    case localFile(String)

    public var description: String {
      switch self {
      case .unreachable(let reason): "the learning record store cannot be reached (\(reason))"
      case .rejected(let status, let body):
        "the learning record store refused the request (HTTP \(status)): \(LRSClient.printable(String(body.prefix(300))))"
      case .badResponse(let reason):
        "the learning record store sent an answer Kurs cannot read (\(LRSClient.printable(reason)))"
      case .credentials(let reason): reason
      case .badURL(let url):
        "'\(LRSClient.printable(LRSClient.withoutUserInfo(url)))' is not an http(s) URL of a learning record store, e.g. http://127.0.0.1:8100/xAPI/"
      case .passwordInURL(let option):
        "\(option): the address holds a user name or password, which other users of this computer can read "
          + "in the process list; remove 'user:password@' from it and give them with --lrs-credentials FILE "
          + "(first line user:password, readable only by you: chmod 600 FILE) or in KURS_LRS_USER and KURS_LRS_PASSWORD"
      case .tooLarge(let status, let limit):
        "the learning record store sent an answer larger than \(limit / 1_048_576) MiB (HTTP \(status)); "
          + "Kurs stopped reading it. Ask whoever runs the store to check it"
      case .otherOrigin(let link, let origin):
        "the learning record store's 'more' link points to \(LRSClient.printable(LRSClient.withoutUserInfo(link))), "
          + "not to \(origin), the store given with --lrs; Kurs sends the credentials only there, so it stopped "
          + "and imported nothing. Ask whoever runs the store to fix its 'more' links"
      case .notStored(let missing, let sent):
        "the learning record store answered but did not confirm \(missing) of \(sent) statements as stored"
      case .localFile(let reason): reason
      }
    }
  }

  /// The largest answer read to a POST (a list of statement ids: about 40 bytes each).
  static let answerLimit = 1 << 20
  /// The largest page of statements read from `cohort pull` (500 statements, a few KB each).
  static let pageLimit = 64 << 20

  /// The statements resource.
  public let statementsURL: URL
  public let credentials: Credentials?
  /// How long one request may take, connecting included.
  public var timeout: TimeInterval = 5
  /// Performs one request, reading at most the given number of bytes of the answer: libcurl
  /// when `nil`; tests give a scripted one.
  var transport: (@Sendable (Request, Int) throws(LRSError) -> (status: Int, body: Data))?

  /// `url` is the LRS's xAPI endpoint (`…/xAPI/`) or its statements resource. `option` names
  /// where it came from, for the message when it holds a password.
  /// - Throws: `.badURL` for anything but an http(s) URL with a host, `.passwordInURL` when it
  ///   holds `user:password@` (it would show in the process list; credentials have safe ways).
  public init(url: String, credentials: Credentials?, option: String = "--lrs") throws(LRSError) {
    guard var base = URL(string: url), let scheme = base.scheme?.lowercased(),
      scheme == "http" || scheme == "https", base.host != nil
    else {
      if Self.withoutUserInfo(url) != url { throw .passwordInURL(option: option) }
      throw .badURL(url)
    }
    if base.user != nil || base.password != nil { throw .passwordInURL(option: option) }
    if base.lastPathComponent != "statements" { base = base.appendingPathComponent("statements") }
    statementsURL = base
    self.credentials = credentials
  }

  /// One HTTP request: the method, the address, the xAPI headers and the body.
  struct Request: Sendable {
    var url: URL
    var method: String
    var headers: [String]
    var body: Data?
  }

  /// A request with the xAPI headers, and the credentials only when `url` is on the origin
  /// they were given for.
  func request(_ url: URL, method: String, body: Data? = nil) -> Request {
    var headers = ["X-Experience-API-Version: 1.0.3", "Content-Type: application/json"]
    if let credentials, Self.origin(of: url) == Self.origin(of: statementsURL) {
      let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
      headers.append("Authorization: Basic \(token)")
    }
    return Request(url: url, method: method, headers: headers, body: body)
  }

  /// Sends a request and waits for the answer, reading at most `limit` bytes of it. libcurl
  /// does the HTTP (`kurs_http_perform`); it is loaded only now, the first time Kurs talks to an
  /// LRS (BENCHMARKS.md: start-up without it is 2x faster).
  func perform(_ request: Request, limit: Int) throws(LRSError) -> (status: Int, body: Data) {
    if let transport { return try transport(request, limit) }
    var response = kurs_http_response()
    let headers = request.headers.map { strdup($0) }
    defer {
      for header in headers { free(header) }
      kurs_http_free(&response)
    }
    let pointers = headers.map { UnsafePointer<CChar>($0) }
    let body = request.body ?? Data()
    let code = pointers.withUnsafeBufferPointer { headerBuffer in
      body.withUnsafeBytes { bytes in
        kurs_http_perform(
          request.method, request.url.absoluteString, headerBuffer.baseAddress, headerBuffer.count,
          request.body == nil ? nil : (bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)),
          bytes.count,
          Int(timeout * 1000), limit, &response)
      }
    }
    if code == -2 { throw .tooLarge(status: Int(response.status), limit: limit) }
    guard code == 0 else {
      let reason = withUnsafeBytes(of: response.error) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      throw .unreachable(reason)
    }
    let data = response.body.map { Data(bytes: $0, count: response.body_length) } ?? Data()
    return (Int(response.status), data)
  }

  /// Stores statements, and returns only when the LRS has confirmed every one of them: by
  /// naming its id in the answer to the POST (xAPI answers a POST with the ids it stored), or,
  /// for one it does not name (an LRS leaves out those it had already: their ids are stable, so
  /// a statement sent twice is stored once), by returning it when asked for that id.
  /// - Throws: `.notStored` when the LRS does not confirm them all; then nothing may be taken
  ///   as delivered, and the whole batch is sent again later.
  public func send(_ statements: [Statement]) throws(LRSError) {
    guard !statements.isEmpty else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let body = try? encoder.encode(statements) else {
      throw .badResponse("statements could not be encoded")
    }
    let (status, data) = try perform(
      request(statementsURL, method: "POST", body: body), limit: Self.answerLimit)
    var confirmed = Set<String>()
    switch status {
    case 200:
      guard let ids = try? JSONDecoder().decode([String].self, from: data) else {
        throw .badResponse(
          "HTTP 200 without the list of stored statement ids: \(String(decoding: data.prefix(200), as: UTF8.self))"
        )
      }
      confirmed = Set(ids)
    case 201..<300:
      break  // no list: each statement is looked up below
    case 409 where statements.count > 1:
      // Some were there already: send one by one, so the new ones still arrive.
      for statement in statements { try send([statement]) }
      return
    case 409:
      break  // it says it has this one: looked up below
    default:
      throw .rejected(status: status, body: String(decoding: data, as: UTF8.self))
    }
    let unconfirmed = statements.filter { !confirmed.contains($0.id) }
    var missing = 0
    for statement in unconfirmed {
      if try !has(statement.id) { missing += 1 }
    }
    if missing > 0 { throw .notStored(missing: missing, sent: statements.count) }
  }

  /// Whether the LRS returns the statement with this id (`GET statements?statementId=`). xAPI
  /// answers with the statement; some LRSs (Ralph) with a statement result holding it.
  func has(_ id: String) throws(LRSError) -> Bool {
    guard var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false) else {
      throw .badURL(statementsURL.absoluteString)
    }
    components.queryItems = [URLQueryItem(name: "statementId", value: id)]
    guard let url = components.url else { throw .badURL(statementsURL.absoluteString) }
    let (status, data) = try perform(request(url, method: "GET"), limit: Self.answerLimit)
    guard status == 200 else { return false }
    struct Identified: Decodable { var id: String }
    struct Result: Decodable { var statements: [Identified] }
    if let one = try? JSONDecoder().decode(Identified.self, from: data) { return one.id == id }
    if let result = try? JSONDecoder().decode(Result.self, from: data) {
      return result.statements.contains { $0.id == id }
    }
    return false
  }

  /// Every statement with this registration (optionally between `since` and `until`), in the
  /// order they were made, following the LRS's `more` links on the same origin.
  /// - Throws: `.otherOrigin` for a `more` link to another origin (the credentials stay home),
  ///   `.tooLarge` for a page over `pageLimit`, `.badResponse` for a `more` link seen before.
  public func statements(registration: String, since: String? = nil, until: String? = nil)
    throws(LRSError) -> [Statement]
  {
    guard var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false) else {
      throw .badURL(statementsURL.absoluteString)
    }
    var query = [
      URLQueryItem(name: "registration", value: registration),
      URLQueryItem(name: "limit", value: "500"),
    ]
    if let since { query.append(URLQueryItem(name: "since", value: since)) }
    if let until { query.append(URLQueryItem(name: "until", value: until)) }
    components.queryItems = query
    guard var next = components.url else { throw .badURL(statementsURL.absoluteString) }
    var all: [Statement] = []
    var visited: Set<String> = [next.absoluteString]
    struct Page: Decodable {
      var statements: [Statement]
      var more: String?
    }
    while true {
      let (status, data) = try perform(request(next, method: "GET"), limit: Self.pageLimit)
      guard (200..<300).contains(status) else {
        throw .rejected(status: status, body: String(decoding: data, as: UTF8.self))
      }
      let page: Page
      do {
        page = try JSONDecoder().decode(Page.self, from: data)
      } catch {
        throw .badResponse(
          "not a statement result: \(String(decoding: data.prefix(200), as: UTF8.self))")
      }
      all += page.statements
      guard let more = page.more, !more.isEmpty else { break }
      guard let url = URL(string: more, relativeTo: statementsURL)?.absoluteURL else {
        throw .badResponse("a 'more' link that is not a URL: \(more.prefix(200))")
      }
      guard Self.origin(of: url) == Self.origin(of: statementsURL) else {
        throw .otherOrigin(link: url.absoluteString, origin: Self.origin(of: statementsURL))
      }
      guard visited.insert(url.absoluteString).inserted else {
        throw .badResponse("its 'more' links go round in a circle, back to \(more.prefix(200))")
      }
      next = url
    }
    // LRSs return the newest first: put them back in the order they were made, by time and,
    // within one step (one timestamp), by their place in it.
    let keyed = all.map { statement in
      (
        statement, Journal.date(fromTimestamp: statement.timestamp) ?? .distantPast,
        statement.context.extensions.index ?? 0
      )
    }
    let ordered = keyed.sorted { lhs, rhs in lhs.1 != rhs.1 ? lhs.1 < rhs.1 : lhs.2 < rhs.2 }
    var seen = Set<String>()
    return ordered.map(\.0).filter { seen.insert($0.id).inserted }
  }

  /// `scheme://host:port`, lowercased, with the scheme's default port written out: two URLs
  /// with the same origin may receive the same credentials.
  static func origin(of url: URL) -> String {
    let scheme = url.scheme?.lowercased() ?? ""
    let port = url.port ?? (scheme == "https" ? 443 : 80)
    return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
  }

  /// `url` with anything between `://` and `@` left out, so that a message never repeats a
  /// password.
  static func withoutUserInfo(_ url: String) -> String {
    guard let start = url.range(of: "://"), let at = url[start.upperBound...].firstIndex(of: "@")
    else { return url }
    let end = url[start.upperBound...].firstIndex(of: "/") ?? url.endIndex
    guard at < end else { return url }
    return String(url[..<start.upperBound]) + "…@" + String(url[url.index(after: at)...])
  }

  /// Text from the server made safe for a terminal: control characters (escape sequences) and
  /// bidirectional overrides become `?`.
  static func printable(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          let bidi: ClosedRange<UInt32> = 0x202A...0x202E
          let isolates: ClosedRange<UInt32> = 0x2066...0x2069
          if scalar.properties.generalCategory == .control || bidi.contains(scalar.value)
            || isolates.contains(scalar.value)
          {
            return "?"
          }
          return scalar
        }))
  }
}
