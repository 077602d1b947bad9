import Foundation
import KursKit
import Testing

/// Issue 22, "one set of rules": every path of the example course, Marina's course, the police
/// course and the knowledge-test fixture is played through the Swift engine and through the
/// engine.js of the page `kurs publish html` writes (in headless Chromium, all paths in one page
/// load), and every step must agree: the events, the refusals, the screens' essentials (texts,
/// orders, points, tries, hints, pass marks, outcomes), completion and the next module.
@Suite(.serialized) struct EngineParityTests {
  static let courses = [
    "Courses/example", "Courses/marina", "Courses/police",
    "Tests/KursKitTests/Fixtures/courses/knowledge",
  ]

  func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-parity-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func load(_ path: String) throws -> Course {
    let url = KursProcess.repository.appendingPathComponent(path)
    return try #require(CourseLoader().load(path: url.path).course, "\(path) does not load")
  }

  struct Report {
    var paths: Int
    var steps: Int
    var mismatches: [[String: Any]]
  }

  /// Plays `paths` of `course` through engine.js in `page` and returns what it found.
  func play(_ paths: [EngineParity.Path], of course: Course, page: String, in folder: URL)
    throws -> Report
  {
    let parity = EngineParity(course: course)
    let data = try JSONSerialization.data(withJSONObject: try paths.map(parity.encoded))
    let json = String(decoding: data, as: UTF8.self).replacingOccurrences(
      of: "<", with: "\\u003c")
    let driver =
      EngineParity.driver + """
        var course = JSON.parse(document.getElementById("kurs-course").textContent);
        kursReport(play(course, \(json)));
        """
    let value = try HeadlessChromium.run(page: page, driver: driver, in: folder)
    let report = try #require(value as? [String: Any], "the driver reported \(value)")
    if let error = report["driverError"] { Issue.record("the driver failed: \(error)") }
    return Report(
      paths: report["paths"] as? Int ?? 0, steps: report["steps"] as? Int ?? 0,
      mismatches: report["mismatches"] as? [[String: Any]] ?? [])
  }

  static func describe(_ mismatch: [String: Any]) -> String {
    func text(_ value: Any?) -> String {
      guard let value, JSONSerialization.isValidJSONObject(value),
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
      else { return String(describing: value) }
      return String(decoding: data, as: UTF8.self)
    }
    return """
      path \(mismatch["path"] ?? "?"), step \(mismatch["step"] ?? "?"): \(text(mismatch["input"]))
        swift:  \(text(mismatch["expected"]))
        page:   \(text(mismatch["actual"]))
      """
  }

  @Test(
    .enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing),
    arguments: courses)
  func everyPathPlaysTheSameInThePage(_ coursePath: String) throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = try load(coursePath)
    let output = folder.appendingPathComponent("course.html")
    let published = try KursProcess.run(["publish", "html", coursePath, "--out", output.path])
    try #require(published.exitCode == 0, "\(published.errors)")
    let page = try String(contentsOf: output, encoding: .utf8)
    let paths = try EngineParity(course: course).allPaths(seed: "parity-learner")
    #expect(paths.count > course.modules.count)
    // The paths reach every node a learner can reach (each branch's every way out), and try
    // every choice of every question.
    var entered: Set<String> = []
    var chosen: Set<String> = []
    for path in paths {
      let engine = Engine(course: course, language: path.language, seed: path.seed)
      var state = CourseState()
      for case .input(let input) in path.steps {
        guard let step = try? engine.apply(input, to: state) else { continue }
        state = step.state
        for event in step.events {
          if case .nodeEntered(let module, let node) = event { entered.insert("\(module)/\(node)") }
          if case .answered(let module, let question, let response, _, _, _, _, _) = event {
            for id in response.split(separator: ",") {
              chosen.insert("\(module)/\(question)/\(id)")
            }
          }
        }
      }
    }
    for module in course.modules {
      let graph = ModuleGraph(module: module)
      for (index, node) in module.nodes.enumerated() where graph.reachable[index] {
        if case .branch = node.kind { continue }
        #expect(
          entered.contains("\(module.id)/\(node.id)"), "no path enters \(module.id)/\(node.id)")
        if case .question(let question) = node.kind, question.kind == .single {
          for choice in question.choices {
            #expect(
              chosen.contains("\(module.id)/\(node.id)/\(choice.id)"),
              "no path chooses \(choice.id) at \(module.id)/\(node.id)")
          }
        }
      }
    }
    let steps = paths.map(\.steps.count).reduce(0, +)
    let report = try play(paths, of: course, page: page, in: folder)
    #expect(report.paths == paths.count)
    #expect(
      report.steps == steps,
      "the page compared \(report.steps) of \(steps) steps (a path stops at its first mismatch)")
    for mismatch in report.mismatches.prefix(5) {
      Issue.record("engine.js differs from Engine: \(Self.describe(mismatch))")
    }
  }

  /// The comparison can fail: a page published from a course whose pass mark and points
  /// differ from the course the Swift engine plays is caught, with the path and the step.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func aPageOfADifferentCourseIsCaught() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = try load("Courses/example")
    var changed = course
    for (moduleIndex, module) in changed.modules.enumerated() {
      for (nodeIndex, node) in module.nodes.enumerated() {
        guard case .question(var question) = node.kind else { continue }
        question.penalty += 1
        question.points += 1
        changed.modules[moduleIndex].nodes[nodeIndex].kind = .question(question)
      }
    }
    let page = try PlayerPage.html(course: changed, options: .init())
    let paths = try EngineParity(course: course).allPaths(seed: "parity-learner")
    let report = try play(paths, of: course, page: page, in: folder)
    #expect(!report.mismatches.isEmpty)
    let first = try #require(report.mismatches.first)
    #expect((first["path"] as? String)?.hasPrefix("example/") == true)
    #expect(first["step"] is Int)
    #expect(Self.describe(first).contains("swift:"))
  }
}
