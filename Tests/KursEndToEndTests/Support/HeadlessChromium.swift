import Foundation
import Testing

/// Runs a published page in headless Chromium with a test's driver script in place of the
/// page's start (`PlayerPage.boot`), and returns the JSON the driver reported.
///
/// The driver is plain JavaScript run after player.js. It reports once, by calling
/// `kursReport(value)` (defined here): the value is written, as base64 of its JSON, into a
/// `<pre id="kurs-test-result">` that `--dump-dom` prints. Chromium is found as
/// `CertificatePrintTests.chromium` finds it (`KURS_TEST_CHROMIUM`, /usr/bin/chromium…);
/// scripts/test installs it (scripts/third-party-tools chromium).
struct HeadlessChromium {
  /// Chromium, or `nil` when it is not installed (the tests that need it are skipped).
  static var path: String? { CertificatePrintTests.chromium }

  /// The notice a skipped test shows.
  static let missing: Comment =
    "skipped: no chromium; scripts/test installs it (scripts/third-party-tools chromium)"

  /// The start of every driver: how it reports, and how an error in it is reported too.
  static let prelude = """
    <script>
    window.kursReport = function (value) {
      var json = JSON.stringify(value);
      var bytes = new TextEncoder().encode(json);
      var binary = "";
      for (var i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
      var pre = document.getElementById("kurs-test-result") || document.createElement("pre");
      pre.id = "kurs-test-result";
      pre.textContent = btoa(binary);
      document.body.appendChild(pre);
    };
    window.addEventListener("error", function (event) {
      kursReport({driverError: String(event.message) + " at " + event.lineno});
    });
    </script>

    """

  enum Failure: Error, CustomStringConvertible {
    case noBoot
    case hung(seconds: Int)
    case noResult(String)
    case badResult
    var description: String {
      switch self {
      case .noBoot: return "the page has no start script to replace"
      case .hung(let seconds): return "chromium did not finish within \(seconds) seconds"
      case .noResult(let tail): return "the driver reported nothing; the page ended with: \(tail)"
      case .badResult: return "the driver's report is not base64 of JSON"
      }
    }
  }

  /// Loads `page` with `driver` in place of its start and returns the DOM Chromium dumps at
  /// the end (the page the driver left, or the one it went to).
  static func dom(
    page: String, driver: String, in folder: URL, budget: Int = 30_000, timeout: Int = 180
  ) throws -> String {
    try load(
      page: page, driver: driver, in: folder, budget: budget, timeout: timeout,
      width: 800)
  }

  /// Loads `page` (the HTML of a published page) with `driver` in place of its start and
  /// returns what the driver reported with `kursReport`.
  /// - Parameters:
  ///   - folder: where the page copy and Chromium's profile go (a test's temporary folder).
  ///   - budget: Chromium's virtual time budget in milliseconds: timers and reloads the page
  ///     runs within it are run.
  ///   - timeout: seconds after which a hung Chromium is killed and the call throws.
  ///   - width: the window's width in CSS pixels (360: a small phone).
  static func run(
    page: String, driver: String, in folder: URL, budget: Int = 30_000, timeout: Int = 180,
    width: Int = 800
  ) throws -> Any {
    let dom = try load(
      page: page, driver: driver, in: folder, budget: budget, timeout: timeout, width: width)
    guard let start = dom.range(of: #"<pre id="kurs-test-result">"#),
      let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex)
    else { throw Failure.noResult(String(dom.suffix(600))) }
    let encoded = String(dom[start.upperBound..<end.lowerBound])
    guard let data = Data(base64Encoded: encoded),
      let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    else { throw Failure.badResult }
    return value
  }

  static func load(
    page: String, driver: String, in folder: URL, budget: Int, timeout: Int, width: Int
  ) throws -> String {
    guard let chromium = path else { throw Failure.noResult("no chromium") }
    let boot = #"<script id="kurs-boot">KursPlayer.start({});</script>"#
    guard page.contains(boot) else { throw Failure.noBoot }
    let file = folder.appendingPathComponent("page-\(UUID().uuidString).html")
    try page.replacingOccurrences(
      of: boot, with: prelude + "<script id=\"kurs-test-driver\">\n\(driver)\n</script>"
    ).write(to: file, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("dom-\(UUID().uuidString).html")
    guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
      throw Failure.noResult("cannot write \(output.path)")
    }
    let handle = try FileHandle(forWritingTo: output)
    defer { try? handle.close() }
    let profile = folder.appendingPathComponent("chromium-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    // --no-sandbox: Chromium refuses to run as root with its sandbox (the test machine's case).
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--user-data-dir=\(profile.path)", "--virtual-time-budget=\(budget)",
      "--window-size=\(width),900", "--dump-dom",
      file.absoluteString,
    ]
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(TimeInterval(timeout))
    while process.isRunning, Date() < deadline { usleep(50_000) }
    if process.isRunning {
      process.terminate()
      let killDeadline = Date().addingTimeInterval(5)
      while process.isRunning, Date() < killDeadline { usleep(50_000) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      throw Failure.hung(seconds: timeout)
    }
    process.waitUntilExit()
    return try String(contentsOf: output, encoding: .utf8)
  }
}
