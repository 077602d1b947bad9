// kurs-bench: measures Kurs at its limits, each number beside its reference measured in the same
// run. Run it through scripts/bench (release build); BENCHMARKS.md explains the results.
import Foundation
import KursKit

#if canImport(Glibc)
  import Glibc
#endif

/// Prints at once, so progress shows while a long benchmark runs.
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

let arguments = Array(CommandLine.arguments.dropFirst())

// Internal: one replay in its own process, so its peak memory is its own.
if arguments.first == "replay", arguments.count == 3 {
  let course = CourseLoader().load(path: arguments[2]).course!
  let journal = Journal(url: URL(fileURLWithPath: arguments[1]), learnerID: "bench-learner-replay")
  let entries = try journal.read().entries
  let outcome = Replay.rebuild(
    entries, engine: Engine(course: course, language: course.defaultLanguage, seed: "bench"))
  say(String(outcome.state.modules.count))
  exit(0)
}

// Internal: one course loaded whole, as the runner (`kurs start`) holds it, in its own process.
if arguments.first == "load", arguments.count == 2 {
  let loaded = CourseLoader().load(path: arguments[1])
  say(String(loaded.course?.modules.reduce(0) { $0 + $1.nodes.count } ?? -1))
  exit(loaded.course == nil ? 1 : 0)
}

@MainActor func option(_ name: String) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}
let quick = arguments.contains("--quick")
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let kurs = option("--kurs") ?? repository.appendingPathComponent(".build/release/kurs").path
let work = URL(fileURLWithPath: option("--work") ?? NSTemporaryDirectory() + "kurs-bench")
let runs = Int(option("--runs") ?? "") ?? (quick ? 3 : 7)
@MainActor func sizes(_ name: String, _ normal: [Int], _ small: [Int]) -> [Int] {
  option(name).map { $0.split(separator: ",").compactMap { Int($0) } } ?? (quick ? small : normal)
}
let courseSizes = sizes("--course-sizes", [100, 10_000, 100_000], [100, 1_000])
let learnerSizes = sizes("--learner-sizes", [1_000, 10_000, 100_000], [100, 1_000])
let reportSizes = sizes("--report-sizes", [10_000, 100_000], [1_000])
let only = option("--only").map { Set($0.split(separator: ",").map(String.init)) }

try? FileManager.default.removeItem(at: work)
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

var rows: [String] = []
@MainActor func row(_ cells: [String]) {
  let line = "| " + cells.joined(separator: " | ") + " |"
  rows.append(line)
  say(line)
}
func ms(_ seconds: Double) -> String {
  seconds < 0.01
    ? String(format: "%.2f ms", seconds * 1000)
    : seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
}
func mb(_ bytes: Int) -> String {
  bytes < 10 << 20
    ? String(format: "%.1f MB", Double(bytes) / 1e6)
    : String(format: "%.0f MB", Double(bytes) / 1e6)
}
func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2fx", a / b) }
@MainActor func section(_ title: String, _ header: [String]) {
  say("\n### \(title)\n")
  rows.append("\n### \(title)\n")
  row(header)
  row(header.map { _ in "---" })
}
@MainActor func wanted(_ name: String) -> Bool { only?.contains(name) ?? true }
func environment(_ data: URL) -> [String: String] { ["KURS_DATA_DIR": data.path, "NO_COLOR": "1"] }

// The machine.
func machine() -> String {
  let cpu =
    (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
    .first { $0.hasPrefix("model name") }?.split(separator: ":").last?.trimmingCharacters(
      in: .whitespaces) ?? "unknown CPU"
  let memory =
    (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8))?.split(separator: "\n").first
    .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }.map {
      "\($0 / 1_048_576) GiB"
    } ?? "?"
  var name = utsname()
  uname(&name)
  let kernel = withUnsafeBytes(of: name.release) {
    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
  }
  return
    "\(ProcessInfo.processInfo.activeProcessorCount) cores (\(cpu)), \(memory) memory, Linux \(kernel)"
}
say("kurs-bench: \(machine())")
say("kurs: \(kurs); work folder: \(work.path); \(runs) runs per median\n")
rows.append(
  "Machine: \(machine()). Medians of \(runs) runs after one warm-up, unless a row says otherwise.")

let schema = work.appendingPathComponent("kurs-course-1.xsd")
try Data((CourseSchema.text).utf8).write(to: schema)

// 1. Loading and validating a course, against xmllint with the same schema.
if wanted("validate") {
  section(
    "Loading and validating a course",
    [
      "nodes", "files", "size", "kurs validate", "xmllint --schema", "ratio", "kurs peak memory",
      "memory / size",
      "whole course loaded (as kurs start)", "its peak memory",
    ])
  for size in courseSizes {
    let folder = work.appendingPathComponent("course-\(size)")
    let nodes = try SyntheticCourse.write(nodes: size, id: "synthetic-\(size)", to: folder)
    let files =
      [folder.appendingPathComponent("course.xml").path]
      + (try FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("modules").path)).sorted()
      .map { folder.appendingPathComponent("modules/\($0)").path }
    let bytes = Measure.size(of: folder.path)
    let count = size >= 100_000 ? max(3, runs / 2) : runs
    let ours = try Measure.measured(count, [kurs, "validate", folder.path])
    let floor = try Measure.measured(
      count, ["/usr/bin/xmllint", "--noout", "--schema", schema.path] + files)
    let whole = try Measure.measured(count, [CommandLine.arguments[0], "load", folder.path])
    row([
      "\(nodes)", "\(files.count)", mb(bytes), ms(ours.seconds), ms(floor.seconds),
      ratio(ours.seconds, floor.seconds),
      mb(ours.peakBytes), String(format: "%.1fx", Double(ours.peakBytes) / Double(bytes)),
      ms(whole.seconds),
      mb(whole.peakBytes),
    ])
  }
}

// 2. Start-up to the first screen, against a Swift program that only prints.
if wanted("startup") {
  section(
    "Start-up to the first screen (`kurs courses`, bundled courses)",
    ["program", "median", "peak memory", "kurs / program"])
  let hello = work.appendingPathComponent("hello").path
  let helloStatic = work.appendingPathComponent("hello-static").path
  let source = repository.appendingPathComponent("Benchmarks/reference/hello.swift").path
  _ = try Measure.run(["/usr/bin/env", "swiftc", "-O", source, "-o", hello])
  _ = try Measure.run(["/usr/bin/env", "swiftc", "-O", "-static-stdlib", source, "-o", helloStatic])
  let data = work.appendingPathComponent("startup-data")
  let count = runs * 5
  let cold = try Measure.run([kurs, "courses"], environment: environment(data))
  let coldPeak = try Measure.peakMemory(
    [kurs, "courses"], environment: environment(data.appendingPathComponent("fresh")))
  let ours = try Measure.measured(count, [kurs, "courses"], environment: environment(data))
  let reference = try Measure.measured(count, [hello])
  let referenceStatic = try Measure.measured(count, [helloStatic])
  row(["`kurs courses`", ms(ours.seconds), mb(ours.peakBytes), ""])
  row([
    "`kurs courses`, first run (course list not cached yet; one run)", ms(cold.seconds),
    mb(coldPeak), "",
  ])
  row([
    "hello (swiftc -O)", ms(reference.seconds), mb(reference.peakBytes),
    ratio(ours.seconds, reference.seconds),
  ])
  row([
    "hello (swiftc -O -static-stdlib)", ms(referenceStatic.seconds), mb(referenceStatic.peakBytes),
    ratio(ours.seconds, referenceStatic.seconds),
  ])
}

// The learners' course: three modules of two segments (every question kind, a branch, a detour).
let learnerCourseFolder = work.appendingPathComponent("learner-course")
try SyntheticCourse.write(
  nodes: 63, id: "synthetic-learners", to: learnerCourseFolder, segmentsPerModule: 2)
let loaded = CourseLoader().load(path: learnerCourseFolder.path)
guard let learnerCourse = loaded.course else {
  say(loaded.diagnostics.map(\.description).joined(separator: "\n"))
  exit(1)
}

// 3. Saving an answer: fsync calls (strace) and latency.
if wanted("save") {
  section("Saving an answer", ["measure", "value", "note"])
  let data = work.appendingPathComponent("save-data")
  let trace = work.appendingPathComponent("save.strace").path
  let courses = repository.appendingPathComponent("Courses").path
  let input = work.appendingPathComponent("save.input").path
  // The example course: two content notes, a page, a question, its feedback, a second question…
  try Data("\n\n\n1\n\n1 2\n\n\n\n1\n\nq\n".utf8).write(to: URL(fileURLWithPath: input))
  let run = try Measure.run(
    [
      "/usr/bin/strace", "-f", "-y", "-e", "trace=fsync,fdatasync,sync,syncfs,msync", "-o", trace,
      kurs, "start", "example",
      "--learner", "Bench", "--courses", courses,
    ],
    environment: environment(data), input: input, allowFailure: true)
  let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n")
    .filter { $0.contains("sync") && !$0.contains("resumed") }
  let journalSyncs = lines.filter { $0.contains(".journal>") }.count
  let journals =
    FileManager.default.enumerator(atPath: data.path)?.compactMap { $0 as? String }.filter {
      $0.hasSuffix("example.journal")
    } ?? []
  let journalText =
    journals.first.flatMap {
      try? String(contentsOfFile: data.appendingPathComponent($0).path, encoding: .utf8)
    } ?? ""
  let statements = journalText.split(separator: "\n")
  let answers = statements.filter {
    $0.contains("verbs/answered") && $0.contains("urn:kurs:xapi:input")
  }.count
  let steps = Set(
    statements.compactMap { line -> Substring? in
      guard let range = line.range(of: "\"urn:kurs:xapi:step\":\"") else { return nil }
      return line[range.upperBound...].prefix(36)
    }
  ).count
  row([
    "fsync calls on the journal", "\(journalSyncs) for \(steps) steps (\(answers) answers)",
    String(
      format: "%.2f per step: one per answer; exit %d",
      Double(journalSyncs) / Double(max(steps, 1)), run.status),
  ])
  row([
    "fsync calls in the whole session", "\(lines.count)",
    "the others: the new profile (learners.json) and the new journal's folder, once",
  ])

  // Latency: one answer's step appended and flushed, on this machine's disk.
  var rng = SplitMix64(seed: 7)
  let played = SyntheticLearners.play(
    course: learnerCourse, limit: 400, accuracy: 0.7, cycle: true, start: Date(), rng: &rng)
  let answerSteps = played.filter {
    if case .answer = $0.input { return true } else { return false }
  }
  let url = work.appendingPathComponent("latency.journal")
  let journal = Journal(url: url, learnerID: "bench-learner-latency", actorName: nil)
  var times: [Double] = []
  for round in 0..<(quick ? 200 : 1_000) {
    let entry = answerSteps[round % answerSteps.count]
    let start = DispatchTime.now().uptimeNanoseconds
    try journal.append(entry, course: learnerCourse)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  row([
    "latency of saving an answer, p50", ms(Measure.percentile(times, 50)),
    "\(times.count) answers: encode, one write, one fsync",
  ])
  row(["latency of saving an answer, p99", ms(Measure.percentile(times, 99)), ""])
}

// 3b. Answering with a slow learning record store: the same scripted session of the Marina
// course with no LRS and with one that takes 4.5 s per request (Benchmarks/slow-lrs.py). The
// time a learner waits is the gap between two steps in the journal (microsecond timestamps).
if wanted("lrs") {
  section(
    "Answering with a slow learning record store",
    ["session", "steps (answers)", "step to step, p50", "p99", "max", "whole run", "note"])
  let courses = repository.appendingPathComponent("Courses").path
  let input = work.appendingPathComponent("lrs.input").path
  // Enough candidates per screen that every kind of question gets answered and pages go on.
  try Data((String(repeating: "1a 2b 3c 4d\n1 2\n1\n\n", count: quick ? 20 : 60) + "q\n").utf8)
    .write(to: URL(fileURLWithPath: input))
  let server = Process()
  server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
  server.arguments = [repository.appendingPathComponent("Benchmarks/slow-lrs.py").path, "4.5"]
  let portPipe = Pipe()
  server.standardOutput = portPipe
  try server.run()
  defer { server.terminate() }
  var portText = ""
  while !portText.contains("\n") {
    let byte = portPipe.fileHandleForReading.readData(ofLength: 1)
    if byte.isEmpty { break }
    portText += String(decoding: byte, as: UTF8.self)
  }
  let port = portText.trimmingCharacters(in: .whitespacesAndNewlines)
  for (name, lrs) in [
    ("no --lrs", [String]()),
    ("--lrs answering in 4.5 s", ["--lrs", "http://127.0.0.1:\(port)/xAPI/"]),
  ] {
    var gaps: [Double] = []
    var wall: [Double] = []
    var steps = 0
    var answers = 0
    var notes = Set<String>()
    for round in 0..<runs {
      let data = work.appendingPathComponent("lrs-data-\(round)-\(lrs.isEmpty)")
      let run = try Measure.run(
        [kurs, "start", "marina", "--learner", "Bench", "--courses", courses] + lrs,
        environment: environment(data).merging([
          "KURS_LRS_USER": "bench", "KURS_LRS_PASSWORD": "bench",
        ]) { $1 }, input: input)
      wall.append(run.seconds)
      if run.output.contains("slow to answer") {
        notes.insert("ends after the 5 s wait for the last delivery; the rest is sent next run")
      }
      let journals =
        FileManager.default.enumerator(atPath: data.path)?.compactMap { $0 as? String }.filter {
          $0.hasSuffix("marina.journal")
        } ?? []
      let text =
        journals.first.flatMap {
          try? String(contentsOfFile: data.appendingPathComponent($0).path, encoding: .utf8)
        } ?? ""
      // One time per step: its statements share a timestamp.
      var times: [Date] = []
      answers = 0
      for line in text.split(separator: "\n") {
        if line.contains("verbs/answered") { answers += 1 }
        guard let range = line.range(of: "\"timestamp\":\"") else { continue }
        let stamp = line[range.upperBound...].prefix { $0 != "\"" }
        guard
          let date = try? Date(
            String(stamp), strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        else { continue }
        if times.last != date { times.append(date) }
      }
      steps = times.count
      gaps += zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }
    }
    row([
      name, "\(steps) (\(answers))", ms(Measure.percentile(gaps, 50)),
      ms(Measure.percentile(gaps, 99)), ms(gaps.max() ?? 0),
      ms(Measure.median(wall)), notes.sorted().joined(separator: "; "),
    ])
  }
}

// 4. Rebuilding a learner's state from a journal of 10,000 steps.
if wanted("replay") {
  section(
    "Rebuilding a learner's state from the journal",
    ["journal", "size", "read + replay (median)", "peak memory (own process)", "memory / size"])
  var rng = SplitMix64(seed: 11)
  let entries = SyntheticLearners.play(
    course: learnerCourse, limit: 10_000, accuracy: 0.6, cycle: true,
    start: Date(timeIntervalSince1970: 1_790_000_000), rng: &rng)
  let shm =
    FileManager.default.fileExists(atPath: "/dev/shm")
    ? URL(fileURLWithPath: "/dev/shm/kurs-bench-\(getpid()).journal")
    : work.appendingPathComponent("scratch.journal")
  try SyntheticLearners.writeJournal(
    entries, to: shm, learnerID: "bench-learner-replay", pseudonym: nil, course: learnerCourse)
  let url = work.appendingPathComponent("replay.journal")
  try? FileManager.default.removeItem(at: url)
  try FileManager.default.copyItem(at: shm, to: url)
  try? FileManager.default.removeItem(at: shm)
  let engine = Engine(course: learnerCourse, language: learnerCourse.defaultLanguage, seed: "bench")
  let journal = Journal(url: url, learnerID: "bench-learner-replay")
  let times = try Measure.inProcess(runs) {
    let read = try journal.read()
    _ = Replay.rebuild(read.entries, engine: engine)
  }
  let childPeak = try Measure.peakMemory([
    CommandLine.arguments[0], "replay", url.path, learnerCourseFolder.path,
  ])
  let bytes = Measure.size(of: url.path)
  row([
    "\(entries.count) steps, \((try? String(contentsOf: url, encoding: .utf8))?.split(separator: "\n").count ?? 0) statements",
    mb(bytes), ms(Measure.median(times)), mb(childPeak),
    String(format: "%.1fx", Double(childPeak) / Double(bytes)),
  ])
}

// 5 and 6. Cohorts: importing exports (against Python) and the report.
if wanted("cohort") {
  // Export templates: learners who stop at different places, finish, or retake modules.
  var rng = SplitMix64(seed: 23)
  let shm =
    FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : work
  var templates: [SyntheticLearners.Template] = []
  for index in 0..<64 {
    let limit = index % 4 == 0 ? 120 : Int.random(in: 3...60, using: &rng)
    let entries = SyntheticLearners.play(
      course: learnerCourse, limit: limit, accuracy: Double.random(in: 0.4...0.95, using: &rng),
      cycle: false,
      start: Date(timeIntervalSince1970: 1_790_000_000 + Double(index) * 86_400), rng: &rng)
    let url = shm.appendingPathComponent("kurs-bench-template-\(getpid())-\(index).journal")
    try SyntheticLearners.writeJournal(
      entries, to: url, learnerID: "bench-learner-XXXXXXXX", pseudonym: "Learner XXXXXXXX",
      course: learnerCourse)
    let statements = try Journal(url: url, learnerID: "bench-learner-XXXXXXXX").statements()
    try? FileManager.default.removeItem(at: url)
    templates.append(try SyntheticLearners.template(statements: statements, course: learnerCourse))
  }
  let courses = work.appendingPathComponent("cohort-courses")
  try FileManager.default.createDirectory(at: courses, withIntermediateDirectories: true)
  try? FileManager.default.createSymbolicLink(
    at: courses.appendingPathComponent("synthetic-learners"),
    withDestinationURL: learnerCourseFolder)
  let python = repository.appendingPathComponent("Benchmarks/reference/cohort_summary.py").path

  section(
    "Importing cohort exports (`kurs cohort import NAME FOLDER`)",
    [
      "learners", "exports", "kurs", "Python json", "kurs / Python", "kurs peak memory",
      "memory / exports",
    ])
  var imported: [Int: URL] = [:]
  for size in Array(Set(learnerSizes + reportSizes)).sorted() {
    let exports = work.appendingPathComponent("exports-\(size)")
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    for number in 0..<size {
      let bytes = SyntheticLearners.export(templates[number % templates.count], number: number)
      try Data(bytes).write(
        to: exports.appendingPathComponent(String(format: "learner-%08x.json", number)))
    }
    let bytes = Measure.size(of: exports.path)
    // At 100,000 learners one run each (under GNU time, whose millisecond does not matter there).
    let large = size >= 100_000
    let count = large ? 1 : runs
    var ours: [ProcessRun] = []
    var data = work
    var peak = 0
    for round in (large ? 1 : 0)...count {
      data = work.appendingPathComponent("cohort-\(size)-\(round)")
      let env = environment(data).merging(["KURS_COURSES": courses.path]) { $1 }
      _ = try Measure.run(
        [kurs, "cohort", "new", "bench", "--course", "synthetic-learners"], environment: env)
      if large {
        let start = DispatchTime.now().uptimeNanoseconds
        peak = try Measure.peakMemory(
          [kurs, "cohort", "import", "bench", exports.path], environment: env)
        ours.append(
          ProcessRun(
            seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, peakBytes: peak,
            status: 0, output: ""))
      } else {
        let run = try Measure.run(
          [kurs, "cohort", "import", "bench", exports.path], environment: env)
        if round > 0 { ours.append(run) }  // the first is the warm-up
      }
      if round < count { try? FileManager.default.removeItem(at: data) }
    }
    imported[size] = data
    let reference: (seconds: Double, peakBytes: Int)
    if large {
      let start = DispatchTime.now().uptimeNanoseconds
      _ = try Measure.run(["/usr/bin/env", "python3", python, exports.path])
      reference = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, 0)
    } else {
      reference = Measure.median(
        try Measure.repeated(count, ["/usr/bin/env", "python3", python, exports.path]))
    }
    var median = Measure.median(ours)
    if !large {
      let memoryData = work.appendingPathComponent("cohort-\(size)-memory")
      let memoryEnvironment = environment(memoryData).merging(["KURS_COURSES": courses.path]) { $1 }
      _ = try Measure.run(
        [kurs, "cohort", "new", "bench", "--course", "synthetic-learners"],
        environment: memoryEnvironment)
      median.peakBytes = try Measure.peakMemory(
        [kurs, "cohort", "import", "bench", exports.path], environment: memoryEnvironment)
      try? FileManager.default.removeItem(at: memoryData)
    }
    if learnerSizes.contains(size) {
      row([
        "\(size)", mb(bytes), ms(median.seconds), ms(reference.seconds),
        ratio(median.seconds, reference.seconds), mb(median.peakBytes),
        String(format: "%.2fx", Double(median.peakBytes) / Double(bytes)),
      ])
    }
    if !arguments.contains("--keep-exports") { try? FileManager.default.removeItem(at: exports) }
  }

  section(
    "Cohort report (`kurs cohort report NAME`)",
    [
      "learners", "cohort folder", "report (median)", "per 1,000 learners", "peak memory",
      "memory / cohort folder",
    ])
  for size in reportSizes {
    guard let data = imported[size] else { continue }
    let env = environment(data).merging(["KURS_COURSES": courses.path]) { $1 }
    let median: (seconds: Double, peakBytes: Int)
    if size >= 100_000 {
      _ = try Measure.run([kurs, "cohort", "report", "bench"], environment: env)  // warm-up
      let start = DispatchTime.now().uptimeNanoseconds
      let peak = try Measure.peakMemory([kurs, "cohort", "report", "bench"], environment: env)
      median = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, peak)
    } else {
      median = try Measure.measured(runs, [kurs, "cohort", "report", "bench"], environment: env)
    }
    let bytes = Measure.size(of: data.appendingPathComponent("cohorts/bench").path)
    row([
      "\(size)", mb(bytes), ms(median.seconds), ms(median.seconds / Double(size) * 1000),
      mb(median.peakBytes),
      String(format: "%.2fx", Double(median.peakBytes) / Double(bytes)),
    ])
  }
}

if let out = option("--markdown") {
  try Data((rows.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: out))
  say("\nwritten: \(out)")
}
