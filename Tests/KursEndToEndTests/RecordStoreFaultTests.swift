import Foundation
import Testing

/// The real `kurs` binary against a learning record store that misbehaves (FakeRecordStore):
/// slow, lying, endless, pointing elsewhere. Issue 16, findings 11 to 15.
@Suite struct RecordStoreFaultTests {
  /// The example course played as in LRSRoundTripTests, then `q`: six or seven statements (the
  /// order of the options depends on the learner's id), the last one "suspended".
  static let input = "\n\n\n1\n\n1 2\n\nq\n"
  static let credentials = ["KURS_LRS_USER": "kurs", "KURS_LRS_PASSWORD": "s3cret-Pass"]

  /// A data folder of its own, removed by the caller.
  static func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-lrs-fault-\(UUID().uuidString)")
  }

  /// The statement ids the learner's journal holds, in order.
  static func journalIDs(in data: URL) -> [String] {
    let learners = data.appendingPathComponent("learners")
    let folders =
      (try? FileManager.default.contentsOfDirectory(at: learners, includingPropertiesForKeys: nil))
      ?? []
    struct Identified: Decodable { var id: String }
    return folders.flatMap { folder in
      let text =
        (try? String(contentsOf: folder.appendingPathComponent("example.journal"), encoding: .utf8))
        ?? ""
      return text.split(separator: "\n").compactMap {
        try? JSONDecoder().decode(Identified.self, from: Data($0.utf8)).id
      }
    }
  }

  /// Whether the learner's journal ends with the statement written when they stopped.
  static func stopped(in data: URL) -> Bool {
    let learners = data.appendingPathComponent("learners")
    let folders =
      (try? FileManager.default.contentsOfDirectory(at: learners, includingPropertiesForKeys: nil))
      ?? []
    return folders.contains { folder in
      let text =
        (try? String(contentsOf: folder.appendingPathComponent("example.journal"), encoding: .utf8))
        ?? ""
      return text.split(separator: "\n").last?.contains("verbs/suspended") == true
    }
  }

  /// A running `kurs` whose peak memory is watched while it runs.
  final class Launched: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var peak = 0
    private var output = Data()
    private var errors = Data()
    private let group = DispatchGroup()

    init(_ arguments: [String], input: String, environment: [String: String] = [:]) throws {
      process.executableURL = KursProcess.binary
      process.arguments = arguments
      process.currentDirectoryURL = KursProcess.repository
      var variables = ProcessInfo.processInfo.environment
      variables["NO_COLOR"] = "1"
      for (key, value) in environment { variables[key] = value }
      process.environment = variables
      let stdin = Pipe()
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      for (pipe, isError) in [(stdout, false), (stderr, true)] {
        group.enter()
        DispatchQueue.global().async { [self] in
          let data = pipe.fileHandleForReading.readDataToEndOfFile()
          lock.lock()
          if isError { errors = data } else { output = data }
          lock.unlock()
          group.leave()
        }
      }
      let pid = process.processIdentifier
      DispatchQueue.global().async { [self] in
        // VmHWM is the peak resident memory so far, in kB.
        while process.isRunning {
          if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
          {
            lock.lock()
            peak = max(peak, kilobytes)
            lock.unlock()
          }
          usleep(20_000)
        }
      }
    }

    /// Waits for the end (at most `seconds`, then kills it).
    func wait(seconds: Double = 120) -> KursProcess.Result {
      let deadline = Date().addingTimeInterval(seconds)
      while process.isRunning && Date() < deadline { usleep(20_000) }
      if process.isRunning { process.terminate() }
      group.wait()
      process.waitUntilExit()
      lock.lock()
      defer { lock.unlock() }
      return KursProcess.Result(
        output: String(decoding: output, as: UTF8.self),
        errors: String(decoding: errors, as: UTF8.self),
        exitCode: process.terminationStatus)
    }

    /// The peak resident memory seen, in MiB.
    var peakMiB: Int {
      lock.lock()
      defer { lock.unlock() }
      return peak / 1024
    }
  }

  /// Polls `condition` for up to `seconds`.
  static func eventually(_ seconds: Double = 60, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(20_000)
    }
    return condition()
  }

  // MARK: 11. Sending never blocks the learner

  @Test func theLearnerGoesOnWhileTheRecordStoreHoldsTheFirstRequest() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    // Every request waits until the test lets it go: as long as the learner needs.
    let lrs = try FakeRecordStore { request, store in .held(store.store(request)) }
    defer { lrs.stop() }
    let run = try Launched(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", lrs.url],
      input: Self.input,
      environment: Self.credentials)
    // Every step is on disk while the store has answered nothing and kurs has not given up.
    #expect(Self.eventually { Self.stopped(in: data) }, "the runner waited for the record store")
    #expect(lrs.abandoned == 0, "kurs gave up on a request while the learner waited for it")
    #expect(lrs.requests.count <= 1)
    lrs.release()
    let result = run.wait()
    #expect(result.exitCode == 0, "\(result.errors)")
    // Released, the statements are delivered before kurs exits.
    #expect(Set(lrs.storedIDs) == Set(Self.journalIDs(in: data)), "\(result.errors)")
  }

  @Test func statementsOfAKilledRunAreSentOnTheNextRun() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let held = try FakeRecordStore { _, _ in .held(.answer(200, "[]")) }
    defer { held.stop() }
    let run = try Launched(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", held.url],
      input: Self.input,
      environment: Self.credentials)
    #expect(Self.eventually { Self.stopped(in: data) })
    #expect(Self.eventually { !held.requests.isEmpty })
    let first = Self.journalIDs(in: data).count
    kill(run.process.processIdentifier, SIGKILL)
    _ = run.wait()

    let honest = try FakeRecordStore { request, store in store.store(request) }
    defer { honest.stop() }
    let again = try KursProcess.run(
      ["resume", "--learner", "Nadia", "--data-dir", data.path, "--lrs", honest.url], input: "q\n",
      environment: Self.credentials)
    #expect(again.exitCode == 0, "\(again.errors)")
    let ids = Self.journalIDs(in: data)
    #expect(ids.count == first + 2)  // and the resumption, and stopping again
    #expect(Set(honest.storedIDs) == Set(ids))
  }

  // MARK: 12. Credentials only to their origin

  @Test(arguments: ["127.0.0.2", "127.0.0.1"])
  func cohortPullRefusesAMoreLinkToAnotherOriginAndSendsItNoCredentials(otherHost: String) throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let elsewhere = try FakeRecordStore(host: otherHost) { _, _ in
      .answer(200, "{\"statements\":[]}")
    }
    defer { elsewhere.stop() }
    let more = "\(elsewhere.url)statements?page=2"
    let lrs = try FakeRecordStore { _, _ in .answer(200, "{\"statements\":[],\"more\":\"\(more)\"}")
    }
    defer { lrs.stop() }
    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)

    let pulled = try KursProcess.run(
      ["cohort", "pull", "spring", "--lrs", lrs.url, "--data-dir", data.path],
      environment: Self.credentials)
    #expect(pulled.exitCode != 0)
    #expect(
      pulled.errors.contains("'more' link points to http://\(otherHost):\(elsewhere.port)/"),
      "\(pulled.errors)")
    #expect(pulled.errors.contains("sends the credentials only there"))
    #expect(
      elsewhere.requests.isEmpty, "the other server was asked: \(elsewhere.requests.map(\.headers))"
    )
    #expect(lrs.requests.first?.headers["authorization"] != nil)
  }

  @Test func aRedirectToAnotherServerIsNotFollowed() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let elsewhere = try FakeRecordStore(host: "127.0.0.2") { _, _ in
      .answer(200, "{\"statements\":[]}")
    }
    defer { elsewhere.stop() }
    let lrs = try FakeRecordStore { _, _ in .redirect("\(elsewhere.url)statements") }
    defer { lrs.stop() }
    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)
    let pulled = try KursProcess.run(
      ["cohort", "pull", "spring", "--lrs", lrs.url, "--data-dir", data.path],
      environment: Self.credentials)
    #expect(pulled.exitCode != 0)
    #expect(pulled.errors.contains("HTTP 302"), "\(pulled.errors)")
    #expect(elsewhere.requests.isEmpty)
  }

  @Test func cohortPullFollowsAMoreLinkOnTheSameOrigin() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let lrs = try FakeRecordStore { request, _ in
      request.target.contains("page=2")
        ? .answer(200, "{\"statements\":[]}")
        : .answer(200, "{\"statements\":[],\"more\":\"/xAPI/statements?page=2\"}")
    }
    defer { lrs.stop() }
    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)
    let pulled = try KursProcess.run(
      ["cohort", "pull", "spring", "--lrs", lrs.url, "--data-dir", data.path],
      environment: Self.credentials)
    #expect(pulled.exitCode == 0, "\(pulled.errors)")
    #expect(lrs.requests.count == 2)
    #expect(lrs.requests.allSatisfy { $0.headers["authorization"] != nil })
  }

  // MARK: 13. Bounded answers

  @Test func anEndlessErrorAnswerNeitherFillsTheMemoryNorStopsTheLearner() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let lrs = try FakeRecordStore { _, _ in .endless(500, cap: 256 << 20) }
    defer { lrs.stop() }
    let run = try Launched(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", lrs.url],
      input: Self.input,
      environment: Self.credentials)
    let result = run.wait()
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(Self.stopped(in: data))
    #expect(result.errors.contains("larger than 1 MiB (HTTP 500)"), "\(result.errors)")
    #expect(run.peakMiB < 200, "kurs grew to \(run.peakMiB) MiB")
    // kurs hung up early: the server wrote little more than the socket buffers hold.
    #expect(lrs.bytesWritten < 64 << 20, "kurs read \(lrs.bytesWritten >> 20) MiB")
  }

  @Test func cohortPullStopsReadingAnEndlessPage() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let lrs = try FakeRecordStore { _, _ in .endless(200, cap: 256 << 20) }
    defer { lrs.stop() }
    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)
    let run = try Launched(
      ["cohort", "pull", "spring", "--lrs", lrs.url, "--data-dir", data.path], input: "",
      environment: Self.credentials)
    let result = run.wait()
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("larger than 64 MiB (HTTP 200)"), "\(result.errors)")
    #expect(run.peakMiB < 400, "kurs grew to \(run.peakMiB) MiB")
    #expect(lrs.bytesWritten < 160 << 20, "kurs read \(lrs.bytesWritten >> 20) MiB")
  }

  // MARK: 14. Delivered means confirmed

  @Test(arguments: ["[]", "", "[\"not-one-of-them\"]"])
  func statementsA200DidNotConfirmAreSentAgainLater(answer: String) throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    // Answers 200 to everything, and stores nothing.
    let liar = try FakeRecordStore { _, _ in .answer(200, answer) }
    defer { liar.stop() }
    let lied = try KursProcess.run(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", liar.url],
      input: Self.input,
      environment: Self.credentials)
    #expect(lied.exitCode == 0)
    #expect(lied.errors.contains("will be sent when the connection works again"), "\(lied.errors)")
    let first = Self.journalIDs(in: data).count

    let honest = try FakeRecordStore { request, store in store.store(request) }
    defer { honest.stop() }
    let again = try KursProcess.run(
      ["resume", "--learner", "Nadia", "--data-dir", data.path, "--lrs", honest.url], input: "q\n",
      environment: Self.credentials)
    #expect(again.exitCode == 0, "\(again.errors)")
    let ids = Self.journalIDs(in: data)
    #expect(ids.count == first + 2)
    #expect(
      Set(honest.storedIDs) == Set(ids),
      "never sent again: \(Set(ids).subtracting(honest.storedIDs).count)")
  }

  @Test func aStatementTheStoreAlreadyHasCountsAsDeliveredOnlyWhenItReturnsIt() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    // An LRS that says 204 ("nothing new") to a POST, as Ralph does for statements it has:
    // kurs asks for each, and this one has them all.
    let known = try FakeRecordStore { request, store in
      if request.method == "POST" {
        _ = store.store(request)
        return .answer(204, "")
      }
      return store.store(request)
    }
    defer { known.stop() }
    let run = try KursProcess.run(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", known.url],
      input: Self.input,
      environment: Self.credentials)
    #expect(run.exitCode == 0)
    #expect(!run.errors.contains("did not confirm"), "\(run.errors)")
    // Nothing left to send: a second run sends only its own two (resumed, suspended).
    let posted = known.requests.filter { $0.method == "POST" }.flatMap(\.statementIDs).count
    _ = try KursProcess.run(
      ["resume", "--learner", "Nadia", "--data-dir", data.path, "--lrs", known.url], input: "q\n",
      environment: Self.credentials)
    #expect(
      known.requests.filter { $0.method == "POST" }.flatMap(\.statementIDs).count == posted + 2)
  }

  // MARK: 15. No password on the command line

  @Test func aPasswordInTheLRSAddressIsRefusedWithTheSafeWays() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    let lrs = try FakeRecordStore { request, store in store.store(request) }
    defer { lrs.stop() }
    let address = "http://kurs:s3cret-Pass@127.0.0.1:\(lrs.port)/xAPI/"
    let started = try KursProcess.run(
      ["start", "example", "--learner", "Nadia", "--data-dir", data.path, "--lrs", address],
      input: Self.input)
    #expect(started.exitCode == 64)
    #expect(
      started.errors.contains("--lrs: the address holds a user name or password"),
      "\(started.errors)")
    #expect(
      started.errors.contains("--lrs-credentials FILE") && started.errors.contains("KURS_LRS_USER"))
    #expect(!started.errors.contains("s3cret"))
    #expect(lrs.requests.isEmpty)
    // Refused before anything is written: no profile, no journal.
    #expect(
      !FileManager.default.fileExists(atPath: data.appendingPathComponent("learners.json").path))

    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)
    let pulled = try KursProcess.run(
      ["cohort", "pull", "spring", "--data-dir", data.path], environment: ["KURS_LRS_URL": address])
    #expect(pulled.exitCode == 64)
    #expect(
      pulled.errors.contains("KURS_LRS_URL: the address holds a user name or password"),
      "\(pulled.errors)")
    #expect(!pulled.errors.contains("s3cret"))
  }

  @Test func aCredentialsFileOthersCanReadIsWarnedAbout() throws {
    let data = Self.folder()
    defer { try? FileManager.default.removeItem(at: data) }
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let file = data.appendingPathComponent("lrs-credentials")
    try "kurs:s3cret-Pass\n".write(to: file, atomically: true, encoding: .utf8)
    let lrs = try FakeRecordStore { request, store in store.store(request) }
    defer { lrs.stop() }
    #expect(
      try KursProcess.run([
        "cohort", "new", "spring", "--course", "example", "--data-dir", data.path,
      ]).exitCode == 0)
    let pull = [
      "cohort", "pull", "spring", "--lrs", lrs.url, "--lrs-credentials", file.path, "--data-dir",
      data.path,
    ]

    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
    let exposed = try KursProcess.run(pull)
    #expect(exposed.exitCode == 0, "\(exposed.errors)")
    #expect(exposed.errors.contains("other users of this computer can read"), "\(exposed.errors)")
    #expect(exposed.errors.contains("chmod 600 \(file.path)"))

    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    let privateFile = try KursProcess.run(pull)
    #expect(privateFile.exitCode == 0)
    #expect(!privateFile.errors.contains("can read"), "\(privateFile.errors)")
  }
}
