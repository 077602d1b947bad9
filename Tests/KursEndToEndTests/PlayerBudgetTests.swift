import Foundation
import Testing

/// Issue 22's budget: the published file of Marina's course is under 300 KB gzipped, as
/// `kurs publish html` writes it (the speed half of the budget is a benchmark,
/// scripts/player-startup, recorded in BENCHMARKS.md).
@Suite struct PlayerBudgetTests {
  /// 300 KB, in bytes (1 KB = 1000 bytes: the stricter reading).
  static let budget = 300_000

  @Test func marinaPublishedIsUnder300KBGzipped() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-budget-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let page = root.appendingPathComponent("marina.html")
    let marina = KursProcess.repository.appendingPathComponent("Courses/marina").path
    let published = try KursProcess.run(["publish", "html", marina, "--out", page.path])
    #expect(published.exitCode == 0, "\(published.errors)")
    let bytes = try Data(contentsOf: page)

    // gzip at its default level, as a web server or a messenger compresses a download.
    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-c", page.path]
    let output = Pipe()
    gzip.standardOutput = output
    try gzip.run()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    gzip.waitUntilExit()
    #expect(gzip.terminationStatus == 0)
    #expect(compressed.count > 10_000, "gzip wrote the page (\(compressed.count) bytes)")
    #expect(
      compressed.count < Self.budget,
      "marina.html: \(bytes.count) bytes, \(compressed.count) gzipped; the budget is \(Self.budget)"
    )
  }
}
