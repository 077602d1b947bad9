import Foundation
import KursKit
import Testing

/// A learner who took a whole course through the real binary, module after module along a
/// passing route, and the certificate the runner wrote for them.
struct CompletedCourse {
  /// The data folder (a temporary one: `remove()` it).
  let data: URL
  let learnerID: String
  let course: Course
  /// The runner's certificate files: COURSE.txt, .html and .json.
  let certificates: URL
  /// What the runner printed on the run that completed the course.
  let output: String

  var json: URL { certificates.appendingPathComponent("\(course.id).json") }
  var html: URL { certificates.appendingPathComponent("\(course.id).html") }

  /// Plays `courseID` in `language` through the binary as `name`, until it is complete.
  init(_ courseID: String, language: String = "en", name: String = "Sveta") throws {
    data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-e2e-completed-\(UUID().uuidString)")
    _ = try KursProcess.run([
      "start", courseID, "--learner", name, "--data-dir", data.path, "--lang", language,
    ])
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    learnerID = try #require(profiles?.first?["id"] as? String)
    course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/\(courseID)").path
      ).course)
    let explorer = PathExplorer(engine: Engine(course: course, language: language, seed: learnerID))
    var state = CourseState()
    var lines: [String] = []
    for module in course.modules {
      // The course's note on the first visit, then the module's note, each ended by Enter.
      if state == CourseState(), !course.contentNote.isEmpty { lines.append("") }
      if !module.contentNote.isEmpty { lines.append("") }
      let passed = try #require(
        try explorer.paths(of: module.id, from: state).first { $0.status == .passed })
      lines += passed.lines + [""]
      state = passed.state
    }
    let run = try KursProcess.run(
      ["start", courseID, "--learner", name, "--data-dir", data.path, "--lang", language],
      input: lines.joined(separator: "\n") + "\n")
    certificates = data.appendingPathComponent("certificates/\(learnerID)")
    output = run.output
    #expect(run.exitCode == 0, "\(courseID) \(language): \(run.errors)")
    #expect(
      FileManager.default.fileExists(
        atPath: certificates.appendingPathComponent("\(courseID).json").path),
      "\(courseID) \(language): no certificate\n\(run.output.suffix(2000))")
  }

  func remove() { try? FileManager.default.removeItem(at: data) }
}
