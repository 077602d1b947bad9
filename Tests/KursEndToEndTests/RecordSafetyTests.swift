import Foundation
import KursKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The learner's records survive the worst: the runner killed at any moment, and a second
/// runner for the same learner.
@Suite struct RecordSafetyTests {
  /// Starts `kurs` with `input` on standard input (left open when `closeInput` is false).
  func launch(_ arguments: [String], input: String, closeInput: Bool = true) throws -> (
    Process, Pipe, Pipe, Pipe
  ) {
    let process = Process()
    process.executableURL = KursProcess.binary
    process.arguments = arguments
    process.currentDirectoryURL = KursProcess.repository
    let environment = KursProcess.inheritedEnvironment
    process.environment = environment
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    _ = KursProcess.ignoreBrokenPipe
    try process.run()
    // kurs may exit (or be killed) before it reads its input: EPIPE then says nothing.
    try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    if closeInput { try stdin.fileHandleForWriting.close() }
    return (process, stdin, stdout, stderr)
  }

  func journalURL(in data: URL, course: String) throws -> URL {
    let learners = data.appendingPathComponent("learners")
    let folder = try #require(
      try FileManager.default.contentsOfDirectory(atPath: learners.path).first)
    return learners.appendingPathComponent(folder).appendingPathComponent("\(course).journal")
  }

  @Test func killedAtRandomMomentsTheJournalAlwaysReplaysAndKeepsEveryConfirmedAnswer() throws {
    let course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/example").path
      ).course)
    // The kill moments come from a seed every failure names: KURS_TEST_SEED=N repeats them.
    var generator = SeededGenerator()
    let seed = generator.seed
    var killedMidway = 0
    for run in 0..<200 {
      let data = FileManager.default.temporaryDirectory.appendingPathComponent(
        "kurs-kill-\(UUID().uuidString)")
      defer { try? FileManager.default.removeItem(at: data) }
      // Enough answers for the whole example course, whatever the learner's shuffle: a wrong
      // line only re-prompts, and every confirmed answer prints its feedback.
      let lines =
        ["", "", ""]
        + Array(
          repeating: ["1", "", "1 2", "", "", "1 2 3", "2 1 3", "", "1a 2b 3c", ""], count: 4
        ).flatMap { $0 }
      let (process, _, stdout, _) = try launch(
        ["start", "example", "--learner", "k\(run)", "--data-dir", data.path],
        input: lines.joined(separator: "\n") + "\n")
      usleep(UInt32.random(in: 0...60_000, using: &generator))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let output = String(
        decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
      // What the learner saw confirmed on screen: feedback after a final answer, a retry prompt.
      let confirmed =
        output.components(separatedBy: "Points: ").count - 1
        + output.components(separatedBy: "Try again").count - 1
      // Killed before the journal existed (even between making learners/ and the learner's
      // folder in it): then nothing can have been confirmed.
      let learners = data.appendingPathComponent("learners")
      let folders =
        FileManager.default.fileExists(atPath: learners.path)
        ? try FileManager.default.contentsOfDirectory(atPath: learners.path) : []
      guard let folder = folders.first,
        case let url = learners.appendingPathComponent(folder).appendingPathComponent(
          "example.journal"),
        FileManager.default.fileExists(atPath: url.path)
      else {
        #expect(
          confirmed == 0,
          "run \(run) (KURS_TEST_SEED=\(seed)): answers were shown but nothing was saved")
        continue
      }
      let journal = Journal(url: url, learnerID: "")
      let (entries, _) = try journal.read()
      let answered = entries.flatMap(\.events).filter {
        if case .answered = $0 { return true }
        return false
      }.count
      #expect(
        answered >= confirmed,
        "run \(run) (KURS_TEST_SEED=\(seed)): \(confirmed) answers confirmed on screen, \(answered) in the journal"
      )
      let engine = Engine(course: course, language: "en", seed: "k")
      #expect(
        Replay.rebuild(entries, engine: engine).change == nil, "run \(run) (KURS_TEST_SEED=\(seed))"
      )
    }
    #expect(killedMidway > 20, "most runs are killed before they finish")
  }

  @Test func aSecondRunnerForTheSameLearnerIsRefusedAndALockLeftByADeadProcessIsTaken() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-lock-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let arguments = ["start", "example", "--learner", "Zhanna", "--data-dir", data.path]
    // The first runner answers the first screens, then waits for more input.
    let (first, firstInput, firstOutput, _) = try launch(
      arguments, input: "\n\n\n", closeInput: false)
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("What should Anna do first?") {
      let chunk = firstOutput.fileHandleForReading.availableData
      guard !chunk.isEmpty else { break }
      seen += chunk
    }
    let url = try journalURL(in: data, course: "example")
    let before = try Data(contentsOf: url)

    let second = try KursProcess.run(arguments, input: "\n\n\n1\n")
    #expect(second.exitCode == 1)
    #expect(
      second.errors.contains(
        "Zhanna is already learning in another kurs window (process \(first.processIdentifier))"))
    #expect(try Data(contentsOf: url) == before, "the refused runner touched nothing")

    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    try? firstInput.fileHandleForWriting.close()
    let third = try KursProcess.run(
      ["resume", "--learner", "Zhanna", "--data-dir", data.path], input: "")
    #expect(third.exitCode == 3)
    #expect(third.output.contains("What should Anna do first?"))
  }
}
