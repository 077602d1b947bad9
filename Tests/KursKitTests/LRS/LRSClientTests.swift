import Foundation
import Testing

@testable import KursKit

@Suite struct LRSClientTests {
  @Test(arguments: [
    "http://kurs:secret@lrs.example.org/xAPI/", "https://kurs@lrs.example.org/xAPI/",
    "http://:secret@127.0.0.1:8100/xAPI/",
  ])
  func refusesAnAddressWithUserInfoWithoutRepeatingIt(url: String) {
    #expect(throws: LRSClient.LRSError.passwordInURL(option: "--lrs")) {
      try LRSClient(url: url, credentials: nil)
    }
    let message = LRSClient.LRSError.passwordInURL(option: "--lrs").description
    #expect(message.contains("--lrs-credentials FILE") && message.contains("KURS_LRS_USER"))
    #expect(!message.contains("secret"))
  }

  @Test func aMessageAboutABadAddressLeavesOutThePassword() {
    #expect(
      !LRSClient.LRSError.badURL("http://kurs:secret@lrs:port/").description.contains("secret"))
    #expect(throws: LRSClient.LRSError.passwordInURL(option: "KURS_LRS_URL")) {
      try LRSClient(url: "http://kurs:secret@lrs:port/", credentials: nil, option: "KURS_LRS_URL")
    }
    #expect(throws: LRSClient.LRSError.badURL("ftp://lrs.example.org/a@b")) {
      try LRSClient(url: "ftp://lrs.example.org/a@b", credentials: nil)
    }
  }

  @Test func originsCompareSchemeHostAndPortWithDefaultPorts() throws {
    func origin(_ text: String) throws -> String {
      LRSClient.origin(of: try #require(URL(string: text)))
    }
    #expect(
      try origin("http://LRS.example.org/xAPI/statements")
        == origin("http://lrs.example.org:80/other"))
    #expect(try origin("https://lrs.example.org/") == origin("https://lrs.example.org:443/"))
    #expect(try origin("http://lrs.example.org/") != origin("https://lrs.example.org/"))
    #expect(try origin("http://127.0.0.1:8100/") != origin("http://127.0.0.2:8100/"))
    #expect(try origin("http://127.0.0.1:8100/") != origin("http://127.0.0.1:8101/"))
  }

  @Test func credentialsGoOnlyToTheOriginOfTheStore() throws {
    let client = try LRSClient(
      url: "http://127.0.0.1:8100/xAPI/", credentials: .init(user: "kurs", password: "secret"))
    let home = client.request(
      try #require(URL(string: "http://127.0.0.1:8100/xAPI/statements?page=2")), method: "GET")
    let away = client.request(
      try #require(URL(string: "http://127.0.0.2:8100/xAPI/statements?page=2")), method: "GET")
    #expect(home.headers.contains { $0.hasPrefix("Authorization: Basic ") })
    #expect(!away.headers.contains { $0.hasPrefix("Authorization") })
  }

  @Test func textFromTheServerLosesItsEscapes() {
    #expect(LRSClient.printable("ok\u{1B}]52;c;AAAA\u{07}\u{202E}x") == "ok?]52;c;AAAA??x")
  }

  @Test func aCredentialsFileOthersCanReadGetsAWarning() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-credentials-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data("kurs:secret\n".utf8).write(to: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
    #expect(LRSClient.Credentials.exposure(ofFile: file.path)?.contains("chmod 600") == true)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    #expect(LRSClient.Credentials.exposure(ofFile: file.path) == nil)
  }
}
