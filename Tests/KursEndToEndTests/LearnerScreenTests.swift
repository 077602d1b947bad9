import Foundation
import KursKit
import Testing

/// The learner's screen in a real terminal (issue 20): nothing wider than the terminal, prompts
/// that ask again rather than exit, and a quick exit that leaves nothing on screen.
@Suite struct LearnerScreenTests {
  func temporaryDataDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("kurs-screen-\(UUID().uuidString)")
  }

  static let courses = KursProcess.repository.appendingPathComponent("Courses").path

  func course(_ id: String) throws -> Course {
    try #require(CourseLoader().load(path: KursProcess.repository.appendingPathComponent("Courses/\(id)").path).course)
  }

  /// Creates a learner through the binary and returns their id.
  func newLearner(_ name: String, data: URL) throws -> String {
    _ = try KursProcess.run(["start", "example", "--learner", name, "--data-dir", data.path], input: "")
    let profiles = try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    return try #require(profiles?.first?["id"] as? String)
  }

  /// The lines a learner types to pass every module of `course`, found by playing it in the
  /// engine: the notes before the course and each module, each module's passing route, and the
  /// Enter after each module's end.
  func wholePlaythrough(_ course: Course, language: String, learnerID: String) throws -> [String] {
    let explorer = PathExplorer(engine: Engine(course: course, language: language, seed: learnerID))
    var state = CourseState()
    var lines: [String] = []
    for module in course.modules {
      if state == CourseState(), !course.contentNote.isEmpty { lines.append("") }
      if !(module.contentNote.isEmpty) { lines.append("") }
      let passed = try #require(try explorer.paths(of: module.id, from: state).first { $0.status == .passed })
      lines += passed.lines + [""]
      state = passed.state
    }
    return lines
  }

  /// The lines of a transcript as the terminal shows them: no escape codes, no carriage returns.
  static func visibleLines(_ transcript: String) -> [String] {
    ScreenRendererProbe.withoutEscapes(transcript).replacingOccurrences(of: "\r", with: "")
      .components(separatedBy: "\n")
  }

  /// Issue 20, point 1: every screen of a whole playthrough of Marina's course (with the help,
  /// the progress and the resources opened on the way), in both languages, in plain and colour
  /// mode, fits a terminal of 30, 40, 80, 100 and 200 columns, measured in display columns.
  @Test(arguments: [UInt16(30), 40, 80, 100, 200])
  func wholeMarinaPlaythroughFitsTheTerminal(columns: UInt16) throws {
    let course = try course("marina")
    for language in ["en", "ru"] {
      for colour in [false, true] {
        let data = temporaryDataDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let id = try newLearner("Width", data: data)
        let opened = ["?", "p"] + (course.libraries.isEmpty ? [] : ["r", "1"])
        let lines = opened + (try wholePlaythrough(course, language: language, learnerID: id))
        let terminal = try PseudoTerminalProcess(
          ["start", "marina", "--lang", language] + (colour ? [] : ["--plain"]),
          environment: ["KURS_DATA_DIR": data.path, "KURS_COURSES": Self.courses], colour: colour,
          columns: columns, rows: 5000)
        // Each line is typed at its prompt, as a learner would: the echo ends the prompt's line.
        for line in lines {
          try terminal.waitFor("> ")
          terminal.type(line + "\n")
        }
        #expect(try terminal.waitForExit(seconds: 120) == 0, "\(language) at \(columns)")
        let shown = Self.visibleLines(terminal.transcript)
        let completed = Localization.string(.courseComplete, language)
        #expect(shown.contains { $0.contains(completed) }, "the whole course was played (\(language), \(columns))")
        for line in shown {
          #expect(TextLayout.width(of: line) <= Int(columns), "\(language) \(colour ? "colour" : "plain") at \(columns): \(line)")
        }
        #expect(shown.contains { TextLayout.width(of: $0) > min(Int(columns), 100) - 12 }, "the width is used")
      }
    }
  }
}

/// The renderer's escape stripping, reachable from the tests.
enum ScreenRendererProbe {
  static func withoutEscapes(_ text: String) -> String {
    text.replacingOccurrences(of: #"\x{1B}\[[0-9;?]*[A-Za-z]"#, with: "", options: .regularExpression)
  }
}
