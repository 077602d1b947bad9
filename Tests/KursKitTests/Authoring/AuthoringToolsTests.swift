import Foundation
import Testing

@testable import KursKit

@Suite struct AuthoringToolsTests {
  func example() throws -> Course {
    try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
  }

  @Test func dotGraphIsAnAuthoringView() throws {
    let course = try example()
    let dot = GraphExporter(format: .dot, language: "en").render(course.modules, of: course)
    #expect(dot.hasPrefix("digraph \"example\" {"))
    // Titles and prompts beside the ids; the start marked; what a node sets.
    #expect(dot.contains("label=\"▶ start: page: welcome\\nWelcome\", shape=box, penwidth=2]"))
    #expect(
      dot.contains("label=\"question (single, 2 points): stop\\nWhat should Anna do first?\""))
    #expect(dot.contains("label=\"page: notes\\nAfterwards\\ncounter(pages-read) +1\""))
    #expect(dot.contains("m0_start -> m0_0;"))
    // Choices by number and text, with what they set; tests in the order they are tried.
    #expect(
      dot.contains(
        "[label=\"1. Stay calm and ask for the officer's name and ba…; sets flag(asked-name)\"]"))
    #expect(dot.contains("[label=\"2. Run away.\"]"))
    #expect(dot.contains("[label=\"test 1: flag(asked-name) and counter(details) >= 2\"]"))
    #expect(dot.contains("[label=\"test 2: visits(notes) ge 1 and score < 3\"]"))
    #expect(dot.contains("[label=\"otherwise\"]"))
    #expect(dot.contains("reads counter(details), flag(asked-name), score, visits(notes)"))
    // Modules linked by requires.
    #expect(dot.contains("lhead=\"cluster_practice\", style=dashed, label=\"required before\"]"))
  }

  @Test func mermaidGraphUsesShapesPerKindAndEscapesMarkup() throws {
    let course = try example()
    let text = GraphExporter(format: .mermaid, language: "ru").render(course.modules, of: course)
    #expect(text.hasPrefix("flowchart TD\n"))
    #expect(text.contains("subgraph m0[\"basics: Основы\"]"))
    #expect(
      text.contains(
        "{\"branch: route<br/>reads counter(details), flag(asked-name), score, visits(notes)\"}"))
    #expect(text.contains("-->|\"test 2: visits(notes) ge 1 and score #lt; 3\"|"))
    #expect(text.contains("m0 -.->|\"required before\"| m1"))
    // A title with markup shows as text, not bold.
    #expect(
      GraphExporter.mermaidQuoted("<b>Bold</b> & #1 \"x\"")
        == "\"#lt;b#gt;Bold#lt;/b#gt; & #35;1 #quot;x#quot;\"")
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
