import Foundation

/// Finds courses: the bundled Courses/ folder, and a course named by path or by id.
public struct CourseLocator: Sendable {
  /// The folder that holds course folders.
  public var coursesDirectory: URL

  public init(coursesDirectory: URL) {
    self.coursesDirectory = coursesDirectory
  }

  /// The courses folder: `--courses`, else `KURS_COURSES`, else `Courses/` in the working
  /// directory, else the `Courses/` of the checkout the executable was built in.
  public static func defaultCoursesDirectory(
    option: String?, environment: [String: String], executable: URL = Bundle.main.bundleURL
  ) -> URL {
    if let option { return URL(fileURLWithPath: option) }
    if let variable = environment["KURS_COURSES"], !variable.isEmpty {
      return URL(fileURLWithPath: variable)
    }
    let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent("Courses")
    if directoryExists(working) { return working }
    // .build/debug/kurs → the checkout's Courses/.
    var directory = executable
    for _ in 0..<5 {
      let candidate = directory.appendingPathComponent("Courses")
      if directoryExists(candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return working
  }

  private static func directoryExists(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The course folders in the courses folder (those holding a course.xml), sorted by name.
  public func courseFolders() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: coursesDirectory.path)) ?? []
    return names.sorted().map { coursesDirectory.appendingPathComponent($0) }.filter {
      FileManager.default.fileExists(atPath: $0.appendingPathComponent("course.xml").path)
    }
  }

  /// The path to load for `name`: an existing path as given, else the course folder of that id.
  /// - Returns: `nil` when neither exists.
  public func path(for name: String) -> String? {
    if FileManager.default.fileExists(atPath: name) { return name }
    let folder = coursesDirectory.appendingPathComponent(name)
    if FileManager.default.fileExists(atPath: folder.appendingPathComponent("course.xml").path) {
      return folder.path
    }
    return nil
  }

  /// Course ids available, for "did you mean".
  public func courseIDs() -> [String] { courseFolders().map(\.lastPathComponent) }
}
