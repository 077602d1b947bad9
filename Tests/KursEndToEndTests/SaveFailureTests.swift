import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A disk that fills up under the runner: nothing is confirmed that is not on disk, the learner
/// stays at the question, and the exit code says the last step was not saved.
@Suite struct SaveFailureTests {
  /// A course of `questions` single-choice questions in a row (answer 1 is right), in a new
  /// folder `courses/quiz`; returns the courses folder.
  static func quizCourse(questions: Int, in folder: URL) throws -> URL {
    let courses = folder.appendingPathComponent("courses")
    let course = courses.appendingPathComponent("quiz")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="quiz" version="1" languages="en" default-language="en">
      <title xml:lang="en">Quiz</title>
      <module id="m" start="q0" pass-mark="1"><title xml:lang="en">M</title>

      """
    for index in 0..<questions {
      let next = index == questions - 1 ? "done" : "q\(index + 1)"
      text += """
        <question id="q\(index)" kind="single" points="1" next="\(next)"><prompt xml:lang="en">Question \(index)?</prompt>\
        <choice id="a" correct="true"><text xml:lang="en">Right</text></choice>\
        <choice id="b"><text xml:lang="en">Wrong</text></choice></question>

        """
    }
    text +=
      #"<end id="done" outcome="pass"><title xml:lang="en">End</title></end></module></course>"#
      + "\n"
    try Data(text.utf8).write(to: course.appendingPathComponent("course.xml"))
    return courses
  }

  /// Every answer and Enter for the quiz.
  static func answers(_ count: Int) -> String {
    String(repeating: "1\n\n", count: count)
  }

  static func journal(in data: URL) throws -> URL {
    let learners = data.appendingPathComponent("learners")
    let folder = try #require(
      try FileManager.default.contentsOfDirectory(atPath: learners.path).first {
        !$0.hasPrefix(".")
      })
    return learners.appendingPathComponent(folder).appendingPathComponent("quiz.journal")
  }

  /// The answers the journal holds: one `answered` statement each.
  static func savedAnswers(in data: URL) throws -> Int {
    let text = try String(contentsOf: try journal(in: data), encoding: .utf8)
    return text.components(separatedBy: "http://adlnet.gov/expapi/verbs/answered").count - 1
  }

  /// Checks one run against a disk that fills: every answer confirmed on screen ("Points:") is
  /// in the journal, no answer after the disk filled is confirmed, the learner was told why and
  /// kept at the question, and the exit code is 4; `kurs resume` then goes on at the question
  /// whose answer was not saved.
  func expectNothingUnsavedConfirmed(
    data: URL, courses: URL, questions: Int, environment: [String: String] = [:]
  ) throws {
    let result = try KursProcess.run(
      ["start", "quiz", "--learner", "ann", "--courses", courses.path, "--data-dir", data.path],
      input: Self.answers(questions), environment: environment)
    let confirmed = result.output.components(separatedBy: "Points: ").count - 1
    let saved = try Self.savedAnswers(in: data)
    #expect(result.exitCode == 4, "exit \(result.exitCode): \(result.errors.suffix(400))")
    #expect(confirmed == saved, "confirmed \(confirmed) answers on screen, \(saved) in the journal")
    #expect(
      saved > 0 && saved < questions, "the disk filled part way: \(saved) of \(questions) saved")
    #expect(
      result.errors.contains("your answer was NOT saved: the disk is full"),
      "\(result.errors.prefix(400))")
    #expect(result.output.contains("The last step was NOT saved"))
    #expect(!result.output.contains("You have completed the course"))
    // The disk filled either on an answer (the question after the last saved answer was shown,
    // its answer lost) or on moving on from the last saved answer's feedback (that question
    // was never shown): where it fills depends on the statements' size.
    #expect(!result.output.contains("Question \(saved + 1)?"))
    if !result.output.contains("Question \(saved)?") {
      let afterLastAnswer = try #require(result.output.components(separatedBy: "Points: ").last)
      #expect(
        afterLastAnswer.contains("Press Enter to continue"), "the step not saved was moving on")
      #expect(result.output.contains("Question \(saved - 1)?"))
    }
  }

  @Test func aJournalThatCannotGrowConfirmsNoAnswerItDidNotSaveAndExitsFour() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 12, in: folder)
    let data = folder.appendingPathComponent("data")
    // KURS_TEST_JOURNAL_LIMIT: the journal acts as a disk that is full at 9,000 bytes.
    try expectNothingUnsavedConfirmed(
      data: data, courses: courses, questions: 12, environment: ["KURS_TEST_JOURNAL_LIMIT": "9000"])
    let saved = try Self.savedAnswers(in: data)
    // With room again, the learner continues at the question whose answer was lost, and the
    // journal reads back without a cut record or a gap.
    let resumed = try KursProcess.run(
      ["resume", "--learner", "ann", "--courses", courses.path, "--data-dir", data.path],
      input: "q\n")
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    // Where the disk filled depends on the statements' size: on an answer (the question comes
    // back) or on moving on from the last saved answer's feedback (that feedback comes back).
    let onFeedback =
      resumed.output.contains("Points: 1 of 1")
      && !resumed.output.contains("Question \(saved + 1)?")
    #expect(resumed.output.contains("Question \(saved)?") || onFeedback, "\(resumed.output)")
    #expect(resumed.errors.isEmpty, "\(resumed.errors)")
  }

  @Test func anEnterAtTheRetryPromptTriesAgainAndAQStopsWithExitFour() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 3, in: folder)
    let data = folder.appendingPathComponent("data")
    let arguments = [
      "start", "quiz", "--learner", "ann", "--courses", courses.path, "--data-dir", data.path,
    ]
    // Not even the start of the module fits: Enter tries again (and fails again), q stops.
    let stopped = try KursProcess.run(
      arguments, input: "\nq\n1\n", environment: ["KURS_TEST_JOURNAL_LIMIT": "1"])
    #expect(stopped.exitCode == 4)
    #expect(
      stopped.errors.components(separatedBy: "NOT saved").count - 1 == 2,
      "tried twice, then stopped: \(stopped.errors)")
    #expect(!stopped.output.contains("Question 0?"), "the module is not shown as started")
    #expect(try String(contentsOf: try Self.journal(in: data), encoding: .utf8).isEmpty)
  }

  /// The same on a real full file system: a 48 KiB tmpfs, mounted when the suite runs as root.
  /// Ctrl-C while a step waits unsaved does not print "Your progress is saved".
  @Test func controlCWhileAStepWaitsUnsavedDoesNotClaimItWasSaved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-full-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 3, in: folder)
    let data = folder.appendingPathComponent("data")
    let terminal = try PseudoTerminalProcess(
      ["start", "quiz", "--learner", "ann", "--courses", courses.path, "--data-dir", data.path],
      environment: ["KURS_TEST_JOURNAL_LIMIT": "1"])
    try terminal.waitFor("Press Enter to try saving again")
    try terminal.waitFor("> ")
    terminal.pressControlC()
    let interrupted = try terminal.waitFor("kurs resume")
    #expect(interrupted.contains("The last step was NOT saved"))
    #expect(!interrupted.contains("Your progress is saved"))
    #expect(try terminal.waitForExit() == 130)
  }

  static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A journal the learner's account may not write: the reason says so. Run as `nobody`
  /// through setpriv, since root may write anywhere.
  @Test(
    .enabled(
      if: geteuid() == 0 && setpriv != nil,
      "skipped: needs root and setpriv to run kurs as another user"))
  func aJournalThatMayNotBeWrittenSaysSoAndExitsFour() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-perm-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 3, in: folder)
    let data = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    _ = chmod(folder.path, 0o755)
    _ = chown(data.path, 65534, 65534)
    func run(_ arguments: [String], input: String) throws -> (
      output: String, errors: String, exitCode: Int32
    ) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try #require(Self.setpriv))
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", KursProcess.binary.path] + arguments
      var environment = ProcessInfo.processInfo.environment
      environment["HOME"] = data.path
      process.environment = environment
      let stdin = Pipe()
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      let errors = stderr.fileHandleForReading.readDataToEndOfFile()
      let output = stdout.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self),
        process.terminationStatus
      )
    }
    let common = ["--learner", "ann", "--courses", courses.path, "--data-dir", data.path]
    let first = try run(["start", "quiz"] + common, input: "1\n\nq\n")
    #expect(first.exitCode == 0, "\(first.errors)")
    let journal = try Self.journal(in: data)
    _ = chmod(journal.path, 0o400)
    let second = try run(["resume"] + common, input: "1\nq\n")
    #expect(second.exitCode == 4, "\(second.errors)")
    #expect(
      second.errors.contains(
        "your answer was NOT saved: kurs may not write to \(journal.path) (Permission denied)"),
      "\(second.errors)")
    #expect(!second.output.contains("Question 2?"))
  }

  /// Finding 2 through the binary: a journal with steps missing in the middle (as an older Kurs
  /// left after a full disk) keeps each answer with its own question, and the gap is reported
  /// with its line; nothing is called "the last record".
  @Test func aGapInTheJournalIsReportedWithItsLineAndAnswersStayWithTheirQuestions() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-gap-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 8, in: folder)
    let data = folder.appendingPathComponent("data")
    let common = ["--learner", "ann", "--courses", courses.path, "--data-dir", data.path]
    // Right answers to q0..q5, then stop.
    _ = try KursProcess.run(["start", "quiz"] + common, input: Self.answers(6) + "q\n")
    let journal = try Self.journal(in: data)
    let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n").map(
      String.init)
    // Drop every line of the steps that answered q1 and q2 and went on from them.
    func step(_ line: String) -> String? {
      line.firstRange(of: #/"urn:kurs:xapi:step":"([0-9a-f-]+)"/#).map { String(line[$0]) }
    }
    let answered = { (question: String) in
      lines.firstIndex { $0.contains(#""question":"\#(question)""#) }
    }
    let first = try #require(answered("q1"))
    let afterGap = try #require(answered("q3"))
    let dropped = Set(lines[first..<afterGap].compactMap(step))
    let kept = lines.filter { step($0).map { !dropped.contains($0) } ?? true }
    try Data((kept.joined(separator: "\n") + "\n").utf8).write(to: journal)
    let gapLine = try #require(kept.firstIndex { $0.contains(#""question":"q3""#) }) + 1

    let progress = try KursProcess.run(["progress"] + common)
    #expect(progress.exitCode == 0, "\(progress.errors)")
    #expect(
      progress.errors.contains(
        "\(journal.path):\(gapLine): the progress file has a gap before this line"),
      "\(progress.errors)")
    #expect(!progress.errors.contains("the last record"))
    #expect(progress.output.contains("points 4 of 8"), "q0, q3, q4 and q5: \(progress.output)")
    let resumed = try KursProcess.run(["resume"] + common, input: "q\n")
    #expect(resumed.output.contains("Question 6?"), "goes on after the last saved answer")
  }

  /// Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN): tried once.
  static let canMountTmpfs: Bool = {
    guard geteuid() == 0 else { return false }
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-probe-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: probe) }
    guard
      (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true))
        != nil,
      mount("tmpfs", probe.path, "tmpfs", 0, "size=16k") == 0
    else { return false }
    umount2(probe.path, Int32(MNT_DETACH))
    return true
  }()

  @Test(
    .enabled(
      if: canMountTmpfs,
      "skipped: needs root with the right to mount a small tmpfs; the test-only journal limit above covers the runner elsewhere"
    ))
  func aRealFullDiskConfirmsNoAnswerItDidNotSave() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-tmpfs-\(UUID().uuidString)")
    let mountPoint = folder.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try Self.quizCourse(questions: 60, in: folder)
    try #require(
      mount("tmpfs", mountPoint.path, "tmpfs", 0, "size=48k,mode=0700") == 0,
      "\(String(cString: strerror(errno)))")
    defer { umount2(mountPoint.path, Int32(MNT_DETACH)) }
    try expectNothingUnsavedConfirmed(
      data: mountPoint.appendingPathComponent("data"), courses: courses, questions: 60)
  }
}
