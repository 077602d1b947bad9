import Foundation

extension PlayerPage.Options.RecordStore {
  /// The learning record store a page sends its statements to (`kurs publish html --lrs URL`):
  /// the address checked as the runner checks it (http or https, no password in it), and the
  /// credentials as the runner reads them (`--lrs-credentials FILE`, else `KURS_LRS_USER` and
  /// `KURS_LRS_PASSWORD`) as a Basic `Authorization` header written into the page.
  /// - Throws: `LRSClient.Failure` for a bad address or a password in it.
  public static func forPage(url: String, credentials: LRSClient.Credentials?)
    throws(LRSClient.Failure) -> Self
  {
    let client = try LRSClient(url: url, credentials: credentials, option: "--lrs")
    // lms.js adds "statements" to the endpoint, as xAPI clients do.
    let endpoint = client.statementsURL.deletingLastPathComponent().absoluteString
    let auth = credentials.map {
      "Basic " + Data("\($0.user):\($0.password)".utf8).base64EncodedString()
    }
    return Self(endpoint: endpoint, auth: auth)
  }
}
