import Foundation

extension PlayerPage.Options.RecordStore {
  /// The learning record store a page sends its statements to (`kurs publish html --lrs URL`),
  /// from the statements address the runner's client made of `--lrs` (checked there: http or
  /// https, no password in it) and the credentials as the runner reads them, as a Basic
  /// `Authorization` header written into the page.
  /// - Parameters:
  ///   - statements: the store's statements resource (`LRSClient.statementsURL`).
  ///   - user: the store's user, when it needs credentials.
  public static func forPage(statements: URL, user: String?, password: String?) -> Self {
    // lms.js adds "statements" to the endpoint, as xAPI clients do.
    let endpoint = statements.deletingLastPathComponent().absoluteString
    let auth = user.map {
      "Basic " + Data("\($0):\(password ?? "")".utf8).base64EncodedString()
    }
    return Self(endpoint: endpoint, auth: auth)
  }
}
