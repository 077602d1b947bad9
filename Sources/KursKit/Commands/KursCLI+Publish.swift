import Foundation

/// `kurs publish html`: the course as one web page (the work is in Publishing/).
extension KursCLI {
  func publishHTML(_ name: String, out: String?, locator: CourseLocator, loader: CourseLoader)
    -> ExitCode
  {
    guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
    let output = URL(fileURLWithPath: out ?? "\(course.id)-\(course.version).html")
    do {
      try PagePublisher.writeHTML(course, to: output, options: PlayerPage.Options(mode: .html))
    } catch {
      console.writeError(error.description + "\n")
      return .unreadable
    }
    console.write(
      "published course '\(course.id)' \(course.version) as \(output.path)\nlearners open it in a browser, offline; send them the file\n"
    )
    return .success
  }
}

/// `kurs publish scorm` and `kurs publish cmi5`: the course as a package for a learning
/// platform (the work is in Publishing/LearningPackage).
extension KursCLI {
  func publishPackage(
    _ kind: LearningPackage.Kind, _ name: String, out: String?, locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
    let output = URL(fileURLWithPath: out ?? "\(course.id)-\(course.version)-\(kind.rawValue).zip")
    do {
      try LearningPackage.write(course, kind: kind, to: output, modified: now())
    } catch {
      console.writeError(error.description + "\n")
      return .unreadable
    }
    let platform =
      kind == .scorm
      ? "upload it to the learning platform as a SCORM package (Moodle: add an activity, SCORM package)"
      : "upload it to a cmi5 learning platform (Moodle needs a cmi5 plugin; see docs/publishing.md)"
    console.write(
      "published course '\(course.id)' \(course.version) as \(output.path)\n\(platform)\n")
    return .success
  }
}
