import Foundation
import Testing

@testable import KursKit

/// Where courses are found: --courses, KURS_COURSES, the user's folder, the installed courses,
/// the working directory, the checkout.
@Suite struct CourseLocatorTests {
  let root: URL

  init() throws {
    root = try makeTemporaryDirectory()
  }

  func makeCourse(_ id: String, version: String, in directory: URL) throws {
    let folder = directory.appendingPathComponent(id)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try CourseTemplate.courseXML(id: id).replacingOccurrences(
      of: "version=\"0.1.0\"", with: "version=\"\(version)\""
    )
    .write(to: folder.appendingPathComponent("course.xml"), atomically: true, encoding: .utf8)
  }

  @Test func theOptionAndTheVariableAreTheOnlyPlaceSearched() {
    let data = root.appendingPathComponent("data")
    let option = CourseLocator.standard(
      option: "/a", environment: ["KURS_COURSES": "/b"], dataDirectory: data)
    #expect(option.places.map(\.directory.path) == ["/a"])
    let variable = CourseLocator.standard(
      option: nil, environment: ["KURS_COURSES": "/b"], dataDirectory: data)
    #expect(variable.places.map(\.directory.path) == ["/b"])
    #expect(variable.userDirectory.path == data.appendingPathComponent("courses").path)
  }

  @Test func theUsersCoursesComeFirstThenTheInstalledOnesThenTheWorkingDirectory() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    let prefix = root.appendingPathComponent("usr")
    let working = root.appendingPathComponent("work")
    try makeCourse("marina", version: "2.0.0", in: data.appendingPathComponent("courses"))
    try makeCourse(
      "marina", version: "1.0.0", in: prefix.appendingPathComponent("share/kurs/courses"))
    try makeCourse(
      "example", version: "1.0.0", in: prefix.appendingPathComponent("share/kurs/courses"))
    try makeCourse("draft", version: "0.1.0", in: working.appendingPathComponent("Courses"))
    let locator = CourseLocator.standard(
      option: nil, environment: [:], dataDirectory: data,
      executable: prefix.appendingPathComponent("bin/kurs"),
      workingDirectory: working)
    #expect(locator.places.map(\.kind) == [.user, .installed, .workingDirectory])
    #expect(locator.courseIDs() == ["marina", "example", "draft"])
    let marina = try #require(locator.path(for: "marina"))
    #expect(marina.hasPrefix(data.path), "the learner's newer copy hides the installed one")
    #expect(locator.path(for: "example")?.hasPrefix(prefix.path) == true)
    #expect(locator.path(for: "../example") == nil)
    #expect(locator.searchedDescription.contains("(installed with kurs)"))
  }

  @Test func installedCoursesFindTheirSharedContent() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let course = root.appendingPathComponent("share/kurs/courses/marina")
    let content = root.appendingPathComponent("share/kurs/content")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    #expect(
      CourseLoader.findContentDirectory(from: course)?.path == content.standardizedFileURL.path)
  }
}
