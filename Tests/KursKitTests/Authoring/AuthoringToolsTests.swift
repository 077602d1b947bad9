import Foundation
import Testing

@testable import KursKit

@Suite struct AuthoringToolsTests {
  func example() throws -> Course {
    try #require(CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path).course)
  }

  @Test func dotGraphLabelsNodesByKindAndEdgesByChoiceOrCondition() throws {
    let course = try example()
    let dot = GraphExporter(format: .dot, language: "en").render([try #require(course.module("basics"))], of: course)
    #expect(dot.hasPrefix("digraph \"example\" {"))
    #expect(dot.contains("[label=\"question (single, 2 points): stop\", shape=box, style=rounded, penwidth=2]") == false)
    #expect(dot.contains("label=\"question (single, 2 points): stop\""))
    #expect(dot.contains("[label=\"choice calm\"]"))
    #expect(dot.contains("[label=\"flag(asked-name) and counter(details) >= 2\"]"))
    #expect(dot.contains("[label=\"otherwise\"]"))
    #expect(dot.contains("label=\"end (pass): basics-end\", shape=doubleoctagon"))
  }

  @Test func mermaidGraphUsesShapesPerKind() throws {
    let course = try example()
    let text = GraphExporter(format: .mermaid, language: "ru").render(course.modules, of: course)
    #expect(text.hasPrefix("flowchart TD\n"))
    #expect(text.contains("subgraph m0[\"basics: Основы\"]"))
    #expect(text.contains("m0_6{\"branch: route\"}") || text.contains("{\"branch: route\"}"))
    #expect(text.contains("-->|\"choice calm\"|"))
  }

  @Test func statsCountPathsPointsAndReadingTime() throws {
    let statistics = CourseStatistics(course: try example(), language: "en")
    let basics = try #require(statistics.modules.first { $0.id == "basics" })
    #expect(basics.nodes == ["page": 4, "question": 2, "branch": 1, "end": 1])
    #expect(basics.mostPoints == 5)
    #expect(basics.passMarkPoints == 3)
    // stop → notes (2 choices) × route (3 routes, two through one page each).
    #expect(basics.ends.first?.paths == 6)
    #expect(basics.ends.first?.passMarkReachable == true)
    #expect(basics.readingMinutes.keys.sorted() == ["en", "ru"])
  }

  @Test(arguments: [["en"], ["en", "ru"], ["ru", "en"], ["uk", "ru", "en"]])
  func newCourseTemplateValidatesWithNoFinding(languages: [String]) throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let url = directory.appendingPathComponent("course.xml")
    try Data(CourseTemplate.courseXML(id: "fresh", languages: languages).utf8).write(to: url)
    let report = validate(directory.path, strict: true)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    let course = try #require(CourseLoader().load(path: directory.path).course)
    #expect(course.languages == languages)
    #expect(course.defaultLanguage == languages[0])
    #expect(Set(course.title.variants.keys) == Set(languages))
  }
}
