import Foundation
import KursKit
import Testing

/// `kurs certificate print` through the real binary: the page to print, with or without the
/// course title, from a certificate the runner issued.
@Suite struct CertificatePrintCommandTests {
  @Test func withoutTheTitleThePageNeverNamesTheCourseAndTheCertificateStillChecks() throws {
    for language in ["en", "ru"] {
      let completed = try CompletedCourse("marina", language: language)
      defer { completed.remove() }
      let title = try #require(completed.course.title.resolve(language, fallback: "en")?.plain)
      let before = try Data(contentsOf: completed.json)
      // The page the runner wrote names the course; the one printed without it does not.
      #expect(
        try String(contentsOf: completed.html, encoding: .utf8).contains(
          CertificateRendererText.escape(title)))
      let page = completed.data.appendingPathComponent("print.html")
      let result = try KursProcess.run([
        "certificate", "print", completed.json.path, "--no-title", "--out", page.path,
      ])
      #expect(result.exitCode == 0, "\(result.errors)")
      #expect(result.output == "wrote \(page.path) (without the course title)\n")
      let html = try String(contentsOf: page, encoding: .utf8)
      #expect(!html.contains(CertificateRendererText.escape(title)))
      for word in ["drugs", "наркотики", "употребляющих", "Marina's story", "История Марины"] {
        #expect(!html.contains(word), "\(language): the page shows '\(word)'")
      }
      #expect(html.contains("Sveta"))
      #expect(html.contains("marina"), "the course is named by its id")
      // The page is private, like the certificate.
      let mode = try #require(
        try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? NSNumber)
      #expect(mode.intValue & 0o777 == 0o600)
      // The credential is untouched and still checks.
      #expect(try Data(contentsOf: completed.json) == before)
      let verified = try KursProcess.run(["certificate", "verify", completed.json.path])
      #expect(verified.exitCode == 0, "\(verified.output)")

      // With the title (the default), to standard output.
      let titled = try KursProcess.run(["certificate", "print", completed.json.path])
      #expect(titled.exitCode == 0)
      #expect(titled.output.hasPrefix("<!DOCTYPE html>"))
      #expect(titled.output.contains(CertificateRendererText.escape(title)))

      // An existing page is kept unless --replace.
      let again = try KursProcess.run([
        "certificate", "print", completed.json.path, "--out", page.path,
      ])
      #expect(again.exitCode == 1)
      #expect(again.errors.contains("already exists; nothing was written"))
      #expect(try String(contentsOf: page, encoding: .utf8) == html)
      let replaced = try KursProcess.run([
        "certificate", "print", completed.json.path, "--out", page.path, "--replace",
      ])
      #expect(replaced.exitCode == 0)
      #expect(
        try String(contentsOf: page, encoding: .utf8).contains(
          CertificateRendererText.escape(title)))
    }
  }

  @Test func anEditedCertificateIsNotPrinted() throws {
    let completed = try CompletedCourse("example")
    defer { completed.remove() }
    let text = try String(contentsOf: completed.json, encoding: .utf8)
    let edited = completed.data.appendingPathComponent("edited.json")
    try text.replacingOccurrences(of: "\"Sveta\"", with: "\"Olga\"").write(
      to: edited, atomically: true, encoding: .utf8)
    let page = completed.data.appendingPathComponent("edited.html")
    let result = try KursProcess.run(["certificate", "print", edited.path, "--out", page.path])
    #expect(result.exitCode == 1)
    #expect(result.output.contains("the learner's name 'Olga' was changed"))
    #expect(result.errors.contains("was not printed: print only certificates that check"))
    #expect(!FileManager.default.fileExists(atPath: page.path))
  }
}

/// HTML escaping as the renderer does it, to find a text in a page.
enum CertificateRendererText {
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
      .replacingOccurrences(of: "'", with: "&#39;")
  }
}

extension CertificatePrintCommandTests {
  /// The learner hears of the page without the title when the certificate is written, in their
  /// language.
  @Test func theRunnerTellsTheLearnerHowToPrintWithoutTheTitle() throws {
    for (language, text) in [("en", "without the course title"), ("ru", "без названия курса")] {
      let completed = try CompletedCourse("example", language: language)
      defer { completed.remove() }
      let output = completed.output.replacingOccurrences(of: "\n", with: " ")
      #expect(output.contains(text), "\(language): \(completed.output.suffix(800))")
      #expect(output.contains("--no-title"))
    }
  }
}
