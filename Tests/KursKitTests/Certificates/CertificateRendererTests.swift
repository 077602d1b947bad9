import Foundation
import Testing

@testable import KursKit

@Suite struct CertificateRendererTests {
  let utc = TimeZone(identifier: "UTC")!

  @Test func htmlIsSelfContained() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential()
    let html = CertificateRenderer(course: course, language: "en", timeZone: utc).html(credential)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("url("))
    #expect(!html.lowercased().contains("<img") && !html.lowercased().contains("<link"))
    #expect(html.contains("<h1 class=\"name\">Sveta</h1>"))
    #expect(html.contains("Example: a safe walk home"))
    #expect(html.contains("Date: May 1, 2026") || html.contains("Date: 1 May 2026"))
    #expect(html.contains("<td class=\"number\">5 / 5</td>"))
  }

  @Test func russianHtmlHasTheCyrillicTitleAndLanguage() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential(
      name: "Света", language: "ru")
    let html = CertificateRenderer(course: course, language: "ru", timeZone: utc).html(credential)
    #expect(html.contains("<html lang=\"ru\">"))
    #expect(html.contains("Пример: безопасная дорога домой"))
    #expect(html.contains("Сертификат о прохождении курса"))
    #expect(html.contains(">Света</h1>"))
    #expect(html.contains("Основы"))
    #expect(html.contains("мая 2026"))
  }

  @Test func htmlEscapesEveryText() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential(
      name: "<script>alert('x')</script> & \"co\"")
    let html = CertificateRenderer(course: course, language: "en", timeZone: utc).html(credential)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"))
  }

  @Test func textFitsTheWidthAndSaysItIsNotSigned() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential()
    let text = CertificateRenderer(course: course, language: "en", timeZone: utc).text(
      credential, width: 40)
    for line in text.split(separator: "\n") { #expect(TextLayout.width(of: line) <= 40, "\(line)") }
    #expect(text.contains("CERTIFICATE OF COMPLETION"))
    #expect(text.contains("  Sveta"))
    #expect(text.contains("Basics: 5 of 5 points, pass mark 3:"))
    #expect(text.contains("Not signed."))
    #expect(text.contains("kurs certificate verify example.json"))
  }

  @Test func filesAreWrittenPrivatelyAndReadBack() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential()
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("certificates/learner")
    let (text, files) = try CertificateFiles.write(
      credential, course: course, language: "ru", to: folder)
    #expect(files.map(\.lastPathComponent) == ["example.txt", "example.html", "example.json"])
    #expect(text.contains("СЕРТИФИКАТ"))
    for file in files {
      let permissions =
        try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber
      #expect(permissions?.intValue == 0o600, "\(file.lastPathComponent)")
    }
    let folderPermissions =
      try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
    #expect(folderPermissions?.intValue == 0o700)
    #expect(try CertificateFiles.read(files[2].path) == .credential(credential))
    // Written again (a retake), the files are replaced.
    _ = try CertificateFiles.write(credential, course: course, language: "en", to: folder)
    #expect(try String(contentsOf: files[0], encoding: .utf8).contains("CERTIFICATE"))
  }
}

@Suite struct CertificateFileReadingTests {
  func read(_ contents: Data) throws -> Result<CertificateFiles.Contents, CertificateFileError> {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("certificate.json")
    try contents.write(to: file)
    do {
      return .success(try CertificateFiles.read(file.path))
    } catch {
      return .failure(error)
    }
  }

  func message(_ contents: String) throws -> String {
    guard case .failure(let error) = try read(Data(contents.utf8)) else { return "read" }
    return error.description
  }

  @Test func garbageSaysWhatTheFileIsNot() throws {
    #expect(
      try message("hello").hasSuffix(
        "certificate.json: not a Kurs certificate: it is neither a JSON credential nor a signed certificate (three base64url parts joined by dots); give the .json or .jwt file that kurs wrote"
      ))
    #expect(try message("").contains("neither a JSON credential"))
    #expect(try message("{ not json").contains("it is not valid JSON"))
    #expect(try message("[1, 2]").contains("neither a JSON credential"))
  }

  @Test func missingFieldsAreNamed() throws {
    #expect(
      try message("{}").contains("field '@context' is missing")
        || message("{}").contains("is missing"))
    let (credential, _) = try CertificateFixtures.exampleCredential()
    var json = try #require(
      try JSONSerialization.jsonObject(with: credential.json()) as? [String: Any])
    var kurs = try #require(json["kurs"] as? [String: Any])
    kurs["total"] = "lots"
    json["kurs"] = kurs
    let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
    #expect(
      try message(text).contains("field 'kurs.total' has the wrong type (expected a whole number)"))
  }

  @Test func binaryAndHugeNumbersNeverCrash() throws {
    guard case .failure(let binary) = try read(Data([0xFF, 0xFE, 0x00, 0x01, 0x80])) else {
      Issue.record("binary was read")
      return
    }
    #expect(binary.description.contains("not UTF-8 text"))
    let (credential, _) = try CertificateFixtures.exampleCredential()
    let huge = String(decoding: try credential.json(), as: UTF8.self)
      .replacingOccurrences(of: "\"total\" : 10", with: "\"total\" : 1e400")
    #expect(try message(huge).contains("not a Kurs certificate"))
    let deep = String(repeating: "[", count: 100_000)
    #expect(try message("{\"a\":" + deep).contains("not a Kurs certificate"))
  }

  @Test func aMissingFileOrAFolderIsUnreadable() throws {
    #expect(
      throws: CertificateFileError.unreadable(file: "/no/such/file.json", reason: "no such file")
    ) {
      try CertificateFiles.read("/no/such/file.json")
    }
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: CertificateFileError.self) { try CertificateFiles.read(directory.path) }
  }
}
