import Foundation

@testable import KursKit

// libFuzzer targets for the readers of everything a user or a file can hand Kurs. Built only
// with KURS_FUZZ=1 (see docs/fuzzing.md); KURS_FUZZ_TARGET picks the reader:
//   course   a course file through CourseLoader (libxml2, schema, semantic checks)
//   journal  a progress journal through Journal.read and the replay
//   export   a learner's export through ExportFile.read and the cohort import's fast reader,
//            which must never accept what ExportFile.read refuses, nor summarise it differently
//   modules  three module files and a shared content file (the input split at "\n--\n") under a
//            fixed course.xml, loaded on every core: validating module by module as they are
//            built must find exactly what validating the whole loaded course finds
// A crash, a hang or a sanitizer report is a bug; every input that found one is committed
// under Tests/KursEndToEndTests/Hostile/fuzz-* and replayed by the test suite.

nonisolated(unsafe) let target = ProcessInfo.processInfo.environment["KURS_FUZZ_TARGET"] ?? "course"
nonisolated(unsafe) let scratch: URL = {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("kurs-fuzz-\(getpid())")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}()
nonisolated(unsafe) let example: Course? = CourseLoader().load(
  path: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Courses/example").path
).course

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let data = Data(bytes: start, count: count)
  switch target {
  case "journal":
    let url = scratch.appendingPathComponent("example.journal")
    try? data.write(to: url)
    if let (entries, _) = try? Journal(url: url, learnerID: "fuzz").read(), let example {
      _ = Replay.rebuild(entries, engine: Engine(course: example, language: "en", seed: "fuzz"))
    }
  case "export":
    checkExportReaders(data)
    // Most mutations break the seal, which stops both readers early: also try the input with
    // its seal made right, so the readers' checks of the statements are compared too.
    if let resealed = resealed(data) { checkExportReaders(resealed) }
  case "modules":
    checkModules(data)
  default:
    let url = scratch.appendingPathComponent("course.xml")
    try? data.write(to: url)
    var report = ValidationReport(strict: true)
    report.check(path: url.path, loader: CourseLoader())
  }
  return 0
}

/// The cohort import's fast reader must never accept what ExportFile.read refuses, nor
/// summarise or store it differently.
func checkExportReaders(_ data: Data) {
  let file = try? ExportFile.read(data)
  let course = file?.courses.last?.id ?? "example"
  guard let scanned = ExportScanner.scan(data, course: course) else { return }
  guard let file else { fatalError("the fast reader accepted an export ExportFile.read refuses") }
  if let records = file.courses.first(where: { $0.id == course }) {
    var expected = LearnerSummary(
      id: file.learner.id, pseudonym: file.learner.pseudonym, seal: "", exported: file.exported,
      statements: records.statements)
    expected.seal = scanned.summary?.seal ?? ""
    guard scanned.summary == expected else {
      fatalError("the fast reader's summary differs from the statements'")
    }
    guard (try? ExportFile.read(scanned.stored.map { Data($0) } ?? data)) != nil else {
      fatalError("the fast reader stored an unreadable export")
    }
  }
}

/// A course folder whose course.xml names modules/m1.xml to m3.xml, with a Content folder.
nonisolated(unsafe) let modulesCourse: URL = {
  let folder = scratch.appendingPathComponent("modules-course")
  try? FileManager.default.createDirectory(
    at: folder.appendingPathComponent("modules"), withIntermediateDirectories: true)
  try? FileManager.default.createDirectory(
    at: scratch.appendingPathComponent("Content"), withIntermediateDirectories: true)
  try? Data(
    """
    <course xmlns="urn:kurs:course:1" id="fuzz" version="1" languages="en ru" default-language="en">
      <title>Fuzz</title>
      <module-ref href="modules/m1.xml"/>
      <module-ref href="modules/m2.xml"/>
      <module-ref href="modules/m3.xml"/>
    </course>
    """.utf8
  ).write(to: folder.appendingPathComponent("course.xml"))
  return folder
}()

/// Loads the input as three module files and a shared file; both validations must agree, and
/// a second load must give the same findings (the threads may run in any order).
func checkModules(_ data: Data) {
  let separator = Data("\n--\n".utf8)
  var parts: [Data] = []
  var rest = data[...]
  while parts.count < 3, let range = rest.range(of: separator) {
    parts.append(Data(rest[..<range.lowerBound]))
    rest = rest[range.upperBound...]
  }
  parts.append(Data(rest))
  while parts.count < 4 { parts.append(Data()) }
  for (index, part) in parts.prefix(3).enumerated() {
    try? part.write(to: modulesCourse.appendingPathComponent("modules/m\(index + 1).xml"))
  }
  let content = scratch.appendingPathComponent("Content")
  try? parts[3].write(to: content.appendingPathComponent("shared.xml"))
  let loader = CourseLoader(contentDirectory: content)
  var whole = ValidationReport(strict: false)
  whole.check(path: modulesCourse.path, loader: loader)
  var streamed = ValidationReport(strict: false)
  streamed.check(path: modulesCourse.path, loader: loader, streaming: true)
  guard whole.diagnostics == streamed.diagnostics else {
    fatalError("streaming validation found other findings")
  }
  guard whole.courses.first?.files == streamed.courses.first?.files else {
    fatalError("the files read differ")
  }
}

/// `data` with the seal computed over its learner and courses, when it has all three.
func resealed(_ data: Data) -> Data? {
  typealias Cursor = JSONCursor
  let bytes = Array(data)
  return bytes.withUnsafeBufferPointer { buffer -> Data? in
    var cursor = Cursor(bytes: buffer)
    var spans: [String: Range<Int>] = [:]
    do {
      try cursor.object { (cursor: inout Cursor, key: String) throws(JSONCursor.SyntaxError) in
        spans[key] = try cursor.span { (cursor: inout Cursor) throws(JSONCursor.SyntaxError) in
          try cursor.skip()
        }
      }
    } catch {
      return nil
    }
    guard let learner = spans["learner"], let courses = spans["courses"], let seal = spans["seal"]
    else { return nil }
    let value = ExportScanner.seal(
      ExportScanner.compact(buffer, learner), ExportScanner.compact(buffer, courses))
    return Data(bytes[..<seal.lowerBound] + Array("\"\(value)\"".utf8) + bytes[seal.upperBound...])
  }
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

/// The program's entry point (SwiftPM names it after the target): hands over to libFuzzer.
@_cdecl("KursFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var arguments = argv
  return runDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
