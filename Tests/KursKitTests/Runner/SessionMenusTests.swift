import Foundation
import Testing

@testable import KursKit

/// The contents and the progress as lines, from the learner's state of the moment.
@Suite struct SessionMenusTests {
  let folder: URL
  let course: Course
  let engine: Engine

  init() throws {
    folder = try makeTemporaryDirectory()
    course = try LearningSessionTests.quiz(in: folder)
    engine = Engine(course: course, language: "en", seed: "learner-1")
  }

  func menus(_ state: CourseState) -> SessionMenus {
    SessionMenus(
      course: course, engine: engine, state: state,
      renderer: ScreenRenderer(width: 80, language: "en", plain: true, colour: false),
      language: "en", uiLanguage: "en", plain: true)
  }

  func t(_ key: Localization.Key) -> String { Localization.string(key, "en") }

  @Test func theContentsSayWhereTheLearnerIs() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = menus(CourseState()).contents().joined(separator: "\n")
    #expect(before.contains("1. ") && before.contains(t(.statusNotStarted)))
    #expect(!before.contains(t(.contentsHere)))
    let started = try engine.apply(.startModule("m"), to: CourseState()).state
    let after = menus(started).contents().joined(separator: "\n")
    #expect(after.contains(t(.statusInProgress)) && after.contains(t(.contentsHere)))
  }

  @Test func theProgressShowsEachModulesScoreOutOfItsMaximum() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    var state = try engine.apply(.startModule("m"), to: CourseState()).state
    state = try engine.apply(.answer(.choices(["a"])), to: state).state
    let progress = menus(state).progress().joined(separator: "\n")
    // One point of two, the pass mark 1.
    let line = Localization.string(
      .moduleProgress, "en", "M", t(.statusInProgress), "1", "2", "1")
    #expect(progress.contains("- " + line), "\(progress)")
    // A course without libraries has no resources menu (the runner says so).
    #expect(menus(state).resources() == nil)
  }
}
