import Foundation
import Testing

@testable import KursKit

/// The certificate at the end of a course: issued from the journal with the session's date and
/// id, repaired when its set of files is incomplete, not issued when none is due.
@Suite struct CertificateAwardTests {
  let folder: URL
  let course: Course
  let journal: Journal
  let date = Date(timeIntervalSince1970: 1_800_000_000)

  init() throws {
    folder = try makeTemporaryDirectory()
    course = try LearningSessionTests.quiz(in: folder)
    journal = Journal(url: folder.appendingPathComponent("quiz.journal"), learnerID: "learner-1")
  }

  func award(_ directory: URL?) -> CertificateAward {
    CertificateAward(
      course: course, learner: LearnerProfile(id: "learner-1", name: "Ana", created: date),
      journal: journal, directory: directory, now: { [date] in date },
      newID: { "certificate-1" })
  }

  /// Writes the steps that complete the quiz (both answers right) to the journal.
  func complete() throws {
    let engine = Engine(course: course, language: "en", seed: "learner-1")
    var state = CourseState()
    let inputs: [EngineInput] = [
      .startModule("m"), .answer(.choices(["a"])), .proceed, .answer(.choices(["a"])), .proceed,
    ]
    for input in inputs {
      let step = try engine.apply(input, to: state)
      try journal.append(
        Journal.Entry(
          time: date, course: course.id, courseVersion: course.version, digest: course.digest,
          input: input, events: step.events),
        course: course)
      state = step.state
    }
    #expect(state.completed)
  }

  @Test func issuesTheCertificateWithTheSessionsDateAndId() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try complete()
    let directory = folder.appendingPathComponent("certificates")
    guard
      case .issued(let text, let files, let into) = award(directory).issue(
        language: "en", width: 80)
    else {
      Issue.record("no certificate issued")
      return
    }
    #expect(into == directory && !text.isEmpty && !files.isEmpty)
    let json = try #require(files.first { $0.pathExtension == "json" })
    let written = try String(contentsOf: json, encoding: .utf8)
    #expect(written.contains(CertificateIssuer.dateText(date)))
    #expect(written.contains("urn:uuid:certificate-1"))
  }

  @Test func repairsOnlyAnIncompleteSetOfACompletedCourse() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    try complete()
    let directory = folder.appendingPathComponent("certificates")
    let award = award(directory)
    guard case .notDue = award.repair(completed: false, language: "en", width: 80) else {
      Issue.record("a certificate for a course not completed")
      return
    }
    guard case .issued(_, let files, _) = award.repair(completed: true, language: "en", width: 80)
    else {
      Issue.record("a missing certificate was not made")
      return
    }
    guard case .notDue = award.repair(completed: true, language: "en", width: 80) else {
      Issue.record("a whole set was made again")
      return
    }
    try FileManager.default.removeItem(at: try #require(files.last))
    guard case .issued = award.repair(completed: true, language: "en", width: 80) else {
      Issue.record("an incomplete set was not repaired")
      return
    }
  }

  @Test func noneIsIssuedWithoutAFolderAndAProblemIsReported() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    guard case .notDue = award(nil).issue(language: "en", width: 80) else {
      Issue.record("a certificate without a folder")
      return
    }
    // An empty journal does not complete the course: the issuer refuses, nothing is written.
    let directory = folder.appendingPathComponent("certificates")
    guard case .failed = award(directory).issue(language: "en", width: 80) else {
      Issue.record("a certificate for an empty journal")
      return
    }
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("quiz.json").path))
  }
}
