import Foundation
import Testing

@testable import KursKit

@Suite struct ExampleCourseTests {
  let path = Fixtures.repository.appendingPathComponent("Courses/example").path

  @Test func exampleCourseValidatesWithNoFinding() {
    let report = validate(path, strict: true)
    #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    #expect(report.exitCode == .success)
  }

  @Test func exampleCourseUsesEveryFeature() throws {
    let course = try #require(CourseLoader().load(path: path).course)
    let nodes = course.modules.flatMap(\.nodes)
    var nodeKinds: Set<String> = []
    var questionKinds: Set<Question.Kind> = []
    var blocks: Set<String> = []
    var effects: Set<String> = []
    func visit(_ list: [Block]) {
      for block in list {
        switch block {
        case .paragraph: blocks.insert("p")
        case .list: blocks.insert("list")
        case .quote: blocks.insert("quote")
        case .note(_, _, let inner):
          blocks.insert("note")
          visit(inner)
        case .story(_, let inner):
          blocks.insert("case")
          visit(inner)
        case .included(_, let inner):
          blocks.insert("include")
          visit(inner)
        }
      }
    }
    for node in nodes {
      nodeKinds.insert(node.kindName)
      for effect in node.effects { effects.insert(effect.kind) }
      switch node.kind {
      case .page(let page): page.body.variants.values.forEach(visit)
      case .question(let question):
        questionKinds.insert(question.kind)
        question.body.variants.values.forEach(visit)
        question.choices.flatMap(\.effects).forEach { effects.insert($0.kind) }
      default: break
      }
    }
    #expect(nodeKinds == ["page", "question", "branch", "end"])
    #expect(questionKinds == Set(Question.Kind.allCases))
    #expect(blocks == ["p", "list", "quote", "note", "case", "include"])
    #expect(effects == ["set", "add"])
    #expect(course.languages == ["en", "ru"])
    #expect(course.libraries.count == 3)
    #expect(course.completion.minimumScore != nil)
    #expect(course.modules.contains { !$0.requires.isEmpty })
  }
}

extension Effect {
  var kind: String {
    switch self {
    case .setFlag: return "set"
    case .addToCounter: return "add"
    }
  }
}
