import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One run of a program: how long it took (wall clock) and its exit status. `peakBytes` is
/// filled in by `Measure.peakMemory`, which runs the program once more under GNU time: the
/// `ru_maxrss` of a child spawned from this (large) process would count this process's pages.
struct ProcessRun {
  var seconds: Double
  var peakBytes: Int
  var status: Int32
  var output: String
}

enum BenchError: Error, CustomStringConvertible {
  case spawn(String, Int32)
  case failed(String, Int32, String)
  case setup(String)

  var description: String {
    switch self {
    case .spawn(let program, let code):
      "could not start \(program): \(String(cString: strerror(code)))"
    case .failed(let command, let status, let output):
      "\(command) exited with \(status):\n\(output)"
    case .setup(let message): message
    }
  }
}

enum Measure {
  /// Runs `arguments` (the first is the program's path) and waits for it. Standard input is
  /// `input` (or /dev/null); standard output goes to `output` (or /dev/null); standard error is
  /// kept for the message when the run fails. `allowFailure` keeps going on a non-zero exit.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
    output: String? = nil,
    allowFailure: Bool = false
  ) throws -> ProcessRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let errorPath = NSTemporaryDirectory() + "kurs-bench-stderr-\(getpid())"
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    var merged = ProcessInfo.processInfo.environment
    for (key, value) in environment { merged[key] = value }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let code = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
    guard code == 0 else { throw BenchError.spawn(arguments[0], code) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
    unlink(errorPath)
    if exit != 0 && !allowFailure {
      throw BenchError.failed(arguments.joined(separator: " "), exit, String(errors.suffix(2000)))
    }
    return ProcessRun(seconds: seconds, peakBytes: 0, status: exit, output: errors)
  }

  /// Runs `arguments` `count` times after one warm-up run; the runs in order.
  static func repeated(
    _ count: Int, _ arguments: [String], environment: [String: String] = [:], input: String? = nil
  ) throws -> [ProcessRun] {
    _ = try run(arguments, environment: environment, input: input)
    return try (0..<count).map { _ in try run(arguments, environment: environment, input: input) }
  }

  /// Times `body` in this process, `count` times after one warm-up; seconds per run.
  static func inProcess(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    try body()
    return try (0..<count).map { _ in
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
  }

  static func median(_ values: [Double]) -> Double { percentile(values, 50) }

  /// The nearest-rank percentile.
  static func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }

  static func median(_ runs: [ProcessRun]) -> (seconds: Double, peakBytes: Int) {
    (median(runs.map(\.seconds)), runs.map(\.peakBytes).max() ?? 0)
  }

  /// The peak resident memory of one run of `arguments`, in bytes, as GNU time reports it
  /// (`%M`: the maximum resident set size of the process, shared libraries included).
  static func peakMemory(
    _ arguments: [String], environment: [String: String] = [:], input: String? = nil
  ) throws -> Int {
    let report = NSTemporaryDirectory() + "kurs-bench-time-\(getpid())"
    defer { unlink(report) }
    _ = try run(
      ["/usr/bin/time", "-f", "%M", "-o", report] + arguments, environment: environment,
      input: input)
    let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
    guard
      let kilobytes = text.split(separator: "\n").last.flatMap({
        Int($0.trimmingCharacters(in: .whitespaces))
      })
    else {
      throw BenchError.setup("GNU time gave no memory figure for \(arguments[0]): \(text)")
    }
    return kilobytes * 1024
  }

  /// `count` timed runs (after a warm-up) and one more under GNU time for the peak memory.
  static func measured(
    _ count: Int, _ arguments: [String], environment: [String: String] = [:], input: String? = nil
  ) throws -> (seconds: Double, peakBytes: Int) {
    let timed = median(try repeated(count, arguments, environment: environment, input: input))
    return (timed.seconds, try peakMemory(arguments, environment: environment, input: input))
  }

  /// Bytes of every regular file under `path` (or of the file itself).
  static func size(of path: String) -> Int {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
    guard isDirectory.boolValue else {
      return ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }
    var total = 0
    let enumerator = FileManager.default.enumerator(atPath: path)
    while let name = enumerator?.nextObject() as? String {
      let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
      if attributes?[.type] as? FileAttributeType == .typeRegular {
        total += (attributes?[.size] as? Int) ?? 0
      }
    }
    return total
  }
}
