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
