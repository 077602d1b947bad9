import Foundation
import Testing

@testable import KursKit

/// Issue 19.3: the cohort report page as a host sees it in a browser (headless Chromium, as
/// `scripts/third-party-tools chromium` installs it): at 1200 pixels every table fits, so the
/// last column is not cut off, in English and in Russian.
@Suite struct ReportLayoutTests {
  /// Measures, in the browser, how far each table reaches past the page's width (0 when it fits).
  static let probe = """
    <script>
    window.addEventListener('load', function () {
      var width = document.documentElement.clientWidth;
      var out = [];
      document.querySelectorAll('table').forEach(function (table) {
        out.push(Math.max(0, Math.ceil(table.getBoundingClientRect().right - width)));
      });
      document.body.setAttribute('data-overflow', out.join(','));
      // Column headings whose words break across lines ("Участни / к").
      var broken = [];
      document.querySelectorAll('th').forEach(function (th) {
        var node = th.firstChild;
        if (!node || node.nodeType !== 3) return;
        var text = node.textContent, at = 0;
        text.split(' ').forEach(function (word) {
          if (word.length > 0) {
            var range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + word.length);
            var tops = {};
            Array.prototype.forEach.call(range.getClientRects(), function (r) { tops[Math.round(r.top)] = true; });
            if (Object.keys(tops).length > 1) broken.push(word);
          }
          at += word.length + 1;
        });
      });
      document.body.setAttribute('data-broken', broken.join('|'));
      document.body.setAttribute('data-width', String(width));
    });
    </script>
    """

  @Test(arguments: ["en", "ru"])
  func everyTableFitsA1200PixelWindow(_ language: String) throws {
    // The same Chromium the certificate print test finds.
    guard let chromium = CertificatePrintTests.chromium else {
      print(
        "ReportLayoutTests: skipped: no Chromium (scripts/test installs it with scripts/third-party-tools chromium)"
      )
      return
    }
    let course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/marina").path
      ).course)
    let cohort = Cohort(
      name: "весна-2026", course: course.id, code: "marina-ABCDEF",
      created: Date(timeIntervalSince1970: 0))
    // Long pseudonyms (an e-mail address has nowhere to break) and every module finished: the widest rows a host is likely to see.
    let summaries = (1...6).map { index in
      LearnerSummary(
        id: "\(index)", pseudonym: "uchastnica.s.dlinnym.psevdonimom.\(index)@example.org",
        seal: "", last: "2026-12-01T10:00:00Z", count: 40,
        lastActivity: "2026-12-01T10:00:00Z", completed: true, lastNode: nil,
        modules: Dictionary(
          uniqueKeysWithValues: course.modules.map {
            ($0.id, LearnerSummary.Module(status: "passed", attempts: 3, best: 20, maximum: 26))
          }),
        firstTry: [:], wrong: [:])
    }
    let report = CohortReport(
      cohort: cohort, course: course, summaries: summaries, language: language)
    let page = report.html(language: language).replacingOccurrences(
      of: "</body>", with: Self.probe + "</body>")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-report-layout-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("report.html")
    try Data(page.utf8).write(to: file)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
      "--window-size=1200,900", "--virtual-time-budget=2000", "--dump-dom", file.absoluteString,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A Chromium that hangs is stopped, and the test fails below for want of the page.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    watchdog.cancel()
    let overflow = try #require(
      dom.firstMatch(of: /data-overflow="([0-9,]*)"/)?.1,
      "Chromium ran the page: \(dom.prefix(300))")
    let width = dom.firstMatch(of: /data-width="([0-9]+)"/)?.1 ?? ""
    #expect(!overflow.isEmpty, "the page has tables")
    let broken = dom.firstMatch(of: /data-broken="([^"]*)"/)?.1 ?? "?"
    #expect(broken.isEmpty, "column headings broken inside a word: \(broken)")
    #expect(
      overflow.split(separator: ",").allSatisfy { $0 == "0" },
      "pixels past the right edge per table: \(overflow) (page \(width) px)")
  }
}
