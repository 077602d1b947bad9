import Foundation
import Testing

@testable import KursKit

/// Courses and learners for the certificate tests.
enum CertificateFixtures {
  static let learnerID = "0f8fad5b-d9cb-469f-a165-70867728950e"
  static let date = Date(timeIntervalSince1970: 1_777_629_600)  // 2026-05-01T10:00:00Z

  static func example() throws -> Course {
    try #require(
      CourseLoader().load(path: Fixtures.repository.appendingPathComponent("Courses/example").path)
        .course)
  }

  /// The right answer to a question; the first choice of a story decision.
  static func rightAnswer(_ question: Question) -> LearnerAnswer {
    switch question.kind {
    case .single, .trueFalse:
      return .choices([(question.choices.first(where: \.isCorrect) ?? question.choices[0]).id])
    case .multiple:
      return .choices(question.choices.filter(\.isCorrect).map(\.id))
    case .ordering:
      return .order(question.items.map(\.id))
    case .matching:
      var pairs: [String: String] = [:]
      for pair in question.pairs { pairs[pair.id] = pair.id }
      return .matches(pairs)
    }
  }

  /// The inputs of a learner who takes every module in course order and answers every question
  /// right at the first try.
  static func passingTranscript(_ course: Course, seed: String = learnerID) throws -> [EngineInput]
  {
    let engine = Engine(course: course, language: course.defaultLanguage, seed: seed)
    var state = CourseState()
    var inputs: [EngineInput] = []
    func apply(_ input: EngineInput) throws -> Screen {
      let step = try engine.apply(input, to: state)
      state = step.state
      inputs.append(input)
      return step.screen
    }
    for module in course.modules {
      var screen = try apply(.startModule(module.id))
      var steps = 0
      while steps < 1000 {
        steps += 1
        switch screen {
        case .page, .feedback:
          screen = try apply(.proceed)
        case .question(let shown):
          let node = try #require(module.node(shown.nodeID))
          guard case .question(let question) = node.kind else {
            throw CertificateTestError.notAQuestion
          }
          screen = try apply(.answer(rightAnswer(question)))
        case .moduleEnd:
          steps = .max
        }
      }
    }
    return inputs
  }

  /// An unsigned certificate of the example course, issued to `name`.
  static func exampleCredential(name: String = "Sveta", language: String = "en") throws -> (
    Credential, Course
  ) {
    let course = try example()
    let credential = try CertificateIssuer.issue(
      course: course, learnerID: learnerID, learnerName: name,
      transcript: try passingTranscript(course), date: date,
      language: language)
    return (credential, course)
  }
}

enum CertificateTestError: Error {
  case notAQuestion
}
