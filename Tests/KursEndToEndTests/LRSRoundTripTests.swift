import Foundation
import KursKit
import Testing

/// Against a real learning record store: Ralph, started by scripts/test on a loopback port
/// (KURS_TEST_LRS_URL, KURS_TEST_LRS_USER, KURS_TEST_LRS_PASSWORD). They run whenever
/// scripts/test runs, and in CI a missing LRS is a failure; `swift test` alone skips them.
@Suite struct LRSRoundTripTests {
  static let environment = ProcessInfo.processInfo.environment
  static let lrsURL = environment["KURS_TEST_LRS_URL"]
  static let available = lrsURL != nil || environment["CI"] != nil

  @Test(.enabled(if: available, "no LRS: run scripts/test, which starts Ralph"))
  func statementsQueuedOfflineReachTheLRSAndThePulledReportEqualsTheImportedOne() throws {
    let url = try #require(
      Self.lrsURL, "scripts/test must start Ralph and set KURS_TEST_LRS_URL in CI")
    let credentials = [
      "KURS_LRS_USER": Self.environment["KURS_TEST_LRS_USER"] ?? "",
      "KURS_LRS_PASSWORD": Self.environment["KURS_TEST_LRS_PASSWORD"] ?? "",
    ]
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-lrs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host").path
    let learnerData = root.appendingPathComponent("learner").path
    let name = "lrs-\(UUID().uuidString.prefix(8))"
    let created = try KursProcess.run([
      "cohort", "new", name, "--course", "example", "--data-dir", host,
    ])
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    #expect(
      try KursProcess.run(["join", String(code), "--learner", "Nadia", "--data-dir", learnerData])
        .exitCode == 0)

    // Offline: nothing listens on this port. The learner's work is saved and waits.
    let offline = try KursProcess.run(
      [
        "start", "example", "--learner", "Nadia", "--data-dir", learnerData, "--lrs",
        "http://127.0.0.1:9/xAPI/",
      ],
      input: "\n\n\n1\n\n1 2\n\nq\n", environment: credentials)
    #expect(offline.exitCode == 0)
    #expect(offline.errors.contains("cannot be reached"))
    #expect(offline.errors.contains("will be sent when the connection works again"))

    // Online: the queue is sent when the learner comes back.
    let online = try KursProcess.run(
      ["resume", "--learner", "Nadia", "--data-dir", learnerData, "--lrs", url], input: "q\n",
      environment: credentials)
    #expect(online.exitCode == 0)
    #expect(!online.errors.contains("cannot be reached"), "\(online.errors)")

    let pulled = try KursProcess.run(
      ["cohort", "pull", name, "--lrs", url, "--data-dir", host], environment: credentials)
    #expect(pulled.exitCode == 0, "\(pulled.errors)")
    #expect(pulled.output.contains("added Nadia"))
    // Pulling again changes nothing: statement ids are stable.
    let again = try KursProcess.run(
      ["cohort", "pull", name, "--lrs", url, "--data-dir", host], environment: credentials)
    #expect(again.output.contains("unchanged: Nadia"))

    // The same learner through the offline path gives the same report.
    let export = root.appendingPathComponent("nadia.json").path
    #expect(
      try KursProcess.run([
        "export", "--out", export, "--learner", "Nadia", "--data-dir", learnerData,
      ]).exitCode == 0)
    let otherHost = root.appendingPathComponent("host2").path
    _ = try KursProcess.run(["cohort", "new", name, "--course", "example", "--data-dir", otherHost])
    #expect(
      try KursProcess.run(["cohort", "import", name, export, "--data-dir", otherHost]).exitCode == 0
    )
    let fromLRS = try KursProcess.run(["cohort", "report", name, "--json", "--data-dir", host])
    let fromFiles = try KursProcess.run([
      "cohort", "report", name, "--json", "--data-dir", otherHost,
    ])
    #expect(fromLRS.exitCode == 0 && fromFiles.exitCode == 0)
    #expect(fromLRS.output == fromFiles.output)
    #expect(fromLRS.output.contains("\"pseudonym\" : \"Nadia\""))
  }
}
