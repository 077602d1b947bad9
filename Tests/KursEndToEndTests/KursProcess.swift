import Foundation
import Testing

/// Runs the real `kurs` binary, as a user would, and captures what it prints.
struct KursProcess {
  struct Result {
    var output: String
    var errors: String
    var exitCode: Int32
  }

  /// The repository checkout.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The built binary: `KURS_BINARY`, else beside the test bundle, else .build/debug/kurs.
  static let binary: URL = {
    if let path = ProcessInfo.processInfo.environment["KURS_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("kurs"))
    }
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("kurs"))
    candidates.append(
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("kurs"))
    candidates.append(repository.appendingPathComponent(".build/debug/kurs"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates
      .last!
  }()

  /// A write to a kurs that has already exited must fail with EPIPE, not kill the test process
  /// with SIGPIPE (a fast release binary often exits before its input is written).
  static let ignoreBrokenPipe: Void = { signal(SIGPIPE, SIG_IGN) }()

  /// The environment a test's kurs inherits: this process's, without colour, and with the cache
  /// (`$XDG_CACHE_HOME/kurs`) in a folder of this test run instead of the developer's own.
  static let inheritedEnvironment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment["XDG_CACHE_HOME"] =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-test-cache-\(getpid())").path
    return environment
  }()

  /// Runs `kurs arguments…` in `directory` with `input` on standard input.
  /// - Parameters:
  ///   - executable: another copy of the binary (a test that installs kurs elsewhere).
  ///   - inheritEnvironment: false runs it with `environment` alone (and NO_COLOR), as on a
  ///     learner's computer where nothing of the build is set.
  ///   - timeout: seconds after which a kurs that has not finished is killed and the test fails
  ///     (a hang is a bug, not a reason for the suite to wait forever).
  static func run(
    _ arguments: [String], in directory: URL = repository, input: String = "",
    environment: [String: String] = [:], executable: URL? = nil, inheritEnvironment: Bool = true,
    timeout: TimeInterval = 600, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> Result {
    var environmentVariables = inheritEnvironment ? inheritedEnvironment : [:]
    environmentVariables["NO_COLOR"] = "1"
    for (key, value) in environment { environmentVariables[key] = value }
    var launched: (process: Process, stdin: Pipe, stdout: Pipe, stderr: Pipe)?
    // A binary a test has just copied can be "busy" for a moment: a process another test forked
    // meanwhile may still hold the copy open for writing until it executes. Try again briefly.
    _ = ignoreBrokenPipe
    for attempt in 1...100 {
      let process = Process()
      process.executableURL = executable ?? binary
      process.arguments = arguments
      process.currentDirectoryURL = directory
      process.environment = environmentVariables
      let stdin = Pipe()
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardInput = stdin
      process.standardOutput = stdout
      process.standardError = stderr
      do {
        try process.run()
        launched = (process, stdin, stdout, stderr)
        break
      } catch {
        let busy = (error as NSError).code == Int(ETXTBSY) || "\(error)".contains("busy")
        guard busy, attempt < 100 else { throw error }
        usleep(50_000)
      }
    }
    guard let (process, stdin, stdout, stderr) = launched else { throw CocoaError(.executableLoad) }
    nonisolated(unsafe) var killed = false
    let watchdog = DispatchWorkItem {
      guard process.isRunning else { return }
      killed = true
      kill(process.processIdentifier, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    // kurs may exit before it reads its input (a refused file, say): the write then fails with
    // EPIPE, which says nothing about kurs, so it is not an error here.
    try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
      errorData = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    if killed {
      Issue.record(
        "kurs \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s and was killed",
        sourceLocation: sourceLocation)
    }
    return Result(
      output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorData, as: UTF8.self),
      exitCode: process.terminationStatus)
  }
}
