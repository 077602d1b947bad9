import Foundation
import Testing

@testable import KursKit

/// A learning session run in-process with scripted lines, a recording console, a fixed clock
/// and a counting id source.
@Suite struct LearningSessionTests {
  let folder: URL
  let course: Course

  init() throws {
    folder = try makeTemporaryDirectory()
    course = try Self.quiz(in: folder)
  }

  /// A course of two single-choice questions, written to `folder`; answer 1 ("a") is right.
  static func quiz(in folder: URL) throws -> Course {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <course xmlns="urn:kurs:course:1" id="quiz" version="1" languages="en" default-language="en">
      <title xml:lang="en">Quiz</title><module id="m" start="q0" pass-mark="1"><title xml:lang="en">M</title>
      <question id="q0" kind="single" points="1" next="q1"><prompt xml:lang="en">Q0?</prompt>\
      <choice id="a" correct="true"><text xml:lang="en">A</text></choice>\
      <choice id="b"><text xml:lang="en">B</text></choice></question>
      <question id="q1" kind="single" points="1" next="done"><prompt xml:lang="en">Q1?</prompt>\
      <choice id="a" correct="true"><text xml:lang="en">A</text></choice>\
      <choice id="b"><text xml:lang="en">B</text></choice></question>
      <end id="done" outcome="pass"><title xml:lang="en">End</title></end></module></course>
      """
    let courseFolder = folder.appendingPathComponent("quiz")
    try FileManager.default.createDirectory(at: courseFolder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: courseFolder.appendingPathComponent("course.xml"))
    let result = CourseLoader().load(path: courseFolder.path)
    return try #require(result.course, "\(result.diagnostics)")
  }

  /// Ids "id-1", "id-2"… in the order they are asked for.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> String {
      lock.lock()
      defer { lock.unlock() }
      count += 1
      return "id-\(count)"
    }
  }

  static let fixedDate = Date(timeIntervalSince1970: 1_800_000_000)

  func session(_ lines: [String], certificates: URL? = nil) -> (LearningSession, RecordingConsole) {
    let console = RecordingConsole()
    var options = LearningSession.Options()
    options.now = { Self.fixedDate }
    let counter = Counter()
    options.newID = { counter.next() }
    options.certificatesDirectory = certificates
    let session = LearningSession(
      course: course,
      learner: LearnerProfile(id: "learner-1", name: "Ana", created: Self.fixedDate),
      language: "en",
      journal: Journal(url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1"),
      console: console, input: ScriptedLines(lines), options: options)
    return (session, console)
  }

  @Test func theJournalCarriesTheGivenTimesAndIds() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let (session, console) = session(["1", "", "q"])
    _ = try session.restore()
    #expect(session.run(module: nil) == .success, "\(console.errors)")
    let entries = try Journal(
      url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1"
    ).read().entries
    // The launch mark, the start of the module, the answer, Enter, the stop.
    #expect(entries.map(\.session) == [.launched, nil, nil, nil, .suspended])
    #expect(entries.allSatisfy { $0.time == Self.fixedDate })
    // "id-2" is the module's run, asked for before the statement id of its start.
    #expect(entries.map(\.id) == ["id-1", "id-3", "id-4", "id-5", "id-6"])
    #expect(entries.map(\.registration) == [nil, "id-2", "id-2", "id-2", "id-2"])
    #expect(entries.map(\.attempt) == [nil, "id-2", "id-2", "id-2", "id-2"])
  }

  @Test func theCertificateCarriesTheGivenDateAndId() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let certificates = folder.appendingPathComponent("certificates")
    let (session, console) = session(["1", "", "1", "", ""], certificates: certificates)
    _ = try session.restore()
    #expect(session.run(module: nil) == .success, "\(console.errors)")
    let files = try FileManager.default.contentsOfDirectory(atPath: certificates.path)
    let json = try #require(files.first { $0.hasSuffix(".json") }, "\(files)")
    let text = try String(contentsOf: certificates.appendingPathComponent(json), encoding: .utf8)
    #expect(text.contains(CertificateIssuer.dateText(Self.fixedDate)))
    // Its id, too, comes from the session's id source.
    #expect(text.contains("\"urn:uuid:id-"), "\(text)")
  }
}
