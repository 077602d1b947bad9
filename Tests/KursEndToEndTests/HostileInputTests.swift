import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The hostile corpus (Tests/KursEndToEndTests/Hostile, written by scripts/make-hostile-corpus.py)
/// and a few giants made at run time: every file gets a clear message naming it, a non-zero
/// exit, and no crash or hang.
@Suite struct HostileInputTests {
  static let corpus = KursProcess.repository.appendingPathComponent(
    "Tests/KursEndToEndTests/Hostile")

  static func files(_ folder: String) -> [String] {
    let names =
      (try? FileManager.default.contentsOfDirectory(
        atPath: corpus.appendingPathComponent(folder).path)) ?? []
    return names.sorted()
  }

  /// Runs the binary with a time limit; a hang is a failure, not a stuck suite.
  func run(_ arguments: [String], input: String = "", seconds: Double = 60) throws
    -> KursProcess.Result
  {
    let process = Process()
    process.executableURL = KursProcess.binary
    process.arguments = arguments
    process.environment = KursProcess.inheritedEnvironment
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    _ = KursProcess.ignoreBrokenPipe
    try process.run()
    // A refused file makes kurs exit before it reads its input: EPIPE then says nothing.
    try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    nonisolated(unsafe) var output = Data()
    nonisolated(unsafe) var errors = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      output = stdout.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    group.enter()
    DispatchQueue.global().async {
      errors = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    if group.wait(timeout: .now() + seconds) == .timedOut {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      Issue.record("kurs \(arguments.joined(separator: " ")) did not finish in \(Int(seconds)) s")
    }
    process.waitUntilExit()
    return KursProcess.Result(
      output: String(decoding: output, as: UTF8.self),
      errors: String(decoding: errors, as: UTF8.self),
      exitCode: process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus : process.terminationStatus)
  }

  @Test func theCorpusHasAtLeastAHundredFiles() {
    #expect(
      Self.files("courses").count + Self.files("journals").count + Self.files("exports").count
        >= 100)
  }

  @Test(arguments: files("courses"))
  func courseFilesAreRefusedWithTheirLocation(_ name: String) throws {
    let path = Self.corpus.appendingPathComponent("courses/\(name)").path
    let result = try run(["validate", path])
    #expect((1...2).contains(result.exitCode), "exit \(result.exitCode)")
    let report = result.output + result.errors
    // path:line:column: error: …  (or path:line: for a file that cannot be parsed at all)
    #expect(report.contains("\(path):"), "the message names the file: \(report.prefix(300))")
    #expect(
      report.range(of: #":\d+(:\d+)?: error: "#, options: .regularExpression) != nil,
      "\(report.prefix(300))")
  }

  /// A data folder whose learner has `journal` as the example course's journal.
  func dataFolder(with journal: URL) throws -> URL {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-hostile-\(UUID().uuidString)")
    let id = "11111111-2222-4333-8444-555555555555"
    try FileManager.default.createDirectory(
      at: data.appendingPathComponent("learners/\(id)"), withIntermediateDirectories: true)
    try Data(#"[{"id":"\#(id)","name":"Hostile","created":"2026-11-22T10:00:00Z"}]"#.utf8)
      .write(to: data.appendingPathComponent("learners.json"))
    try FileManager.default.copyItem(
      at: journal, to: data.appendingPathComponent("learners/\(id)/example.journal"))
    return data
  }

  @Test(arguments: files("journals"))
  func damagedJournalsStopWithFileAndLineAndAreLeftAsTheyAre(_ name: String) throws {
    let original = Self.corpus.appendingPathComponent("journals/\(name)")
    let data = try dataFolder(with: original)
    defer { try? FileManager.default.removeItem(at: data) }
    let journal = data.appendingPathComponent(
      "learners/11111111-2222-4333-8444-555555555555/example.journal")
    for arguments in [
      ["progress"], ["resume"], ["start", "example"],
      ["export", "--out", data.appendingPathComponent("e.json").path],
    ] {
      let result = try run(
        arguments + ["--learner", "Hostile", "--data-dir", data.path], input: "\n\n\n1\n")
      #expect(
        result.exitCode == 1,
        "\(arguments[0]): exit \(result.exitCode) \(result.errors.prefix(200))")
      #expect(
        result.errors.contains("\(journal.path):"),
        "\(arguments[0]) names the file: \(result.errors.prefix(300))")
      #expect(
        try Data(contentsOf: journal) == Data(contentsOf: original),
        "\(arguments[0]) left the journal as it was")
    }
  }

  @Test(arguments: files("exports"))
  func damagedExportsAreRefusedWithTheReason(_ name: String) throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-hostile-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    _ = try run(["cohort", "new", "c", "--course", "example", "--data-dir", data.path])
    let path = Self.corpus.appendingPathComponent("exports/\(name)").path
    let result = try run(["cohort", "import", "c", path, "--data-dir", data.path])
    #expect(result.exitCode == 1, "exit \(result.exitCode)")
    #expect(result.errors.contains("\(path): refused: "), "\(result.errors.prefix(300))")
  }

  @Test func giantsAreRefusedQuickly() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-giants-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let head =
      #"<?xml version="1.0" encoding="UTF-8"?><course xmlns="urn:kurs:course:1" id="g" version="1" languages="en" default-language="en"><title>G</title>"#
    // A module of 100,000 pages in one cycle: no end can be reached.
    var cycle = head + #"<module id="m" start="p0" pass-mark="0"><title>M</title>"#
    for index in 0..<100_000 {
      cycle +=
        #"<page id="p\#(index)" next="p\#((index + 1) % 100_000)"><body><p>x</p></body></page>"#
    }
    cycle += "</module></course>"
    // An attribute of 20 MB, beyond libxml2's limit for one text.
    let attribute =
      head.replacingOccurrences(
        of: #"id="g""#,
        with: #"id="g" data-x=""# + String(repeating: "A", count: 20_000_000) + #"""#)
      + "</course>"
    // 100,000 levels of nesting.
    let deep = head + String(repeating: "<module>", count: 100_000) + "</course>"
    for (name, text) in [("cycle", cycle), ("attribute", attribute), ("deep", deep)] {
      let url = folder.appendingPathComponent("\(name).xml")
      try Data(text.utf8).write(to: url)
      let result = try run(["validate", url.path], seconds: 120)
      #expect(result.exitCode == 1, "\(name): exit \(result.exitCode)")
      #expect((result.output + result.errors).contains("\(url.path):"), "\(name)")
    }
  }
}
