import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Finds courses: in the folders Kurs searches, and a course named by path or by id.
///
/// Where courses are found, in order (README, `kurs help courses`):
/// 1. `--courses DIR`: that folder only;
/// 2. else `KURS_COURSES`: that folder only;
/// 3. else, together, earlier folders first: the user's courses folder (`DATA/courses`, by
///    default `$XDG_DATA_HOME/kurs/courses`, where `kurs add` puts courses); the courses installed
///    beside the executable (`../share/kurs/courses`, as the release archive and the .deb lay
///    them out); `Courses/` in the working directory (a checkout, or a trainer's own folder);
///    the `Courses/` of the checkout the executable was built in.
/// A course id found in an earlier folder hides the same id in a later one, so a learner's newer
/// copy of a course wins over the bundled one.
public struct CourseLocator: Sendable {
  /// A folder that is searched, and why.
  public struct Place: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
      case option = "--courses"
      case environment = "KURS_COURSES"
      case user = "your courses"
      case installed = "installed with kurs"
      case workingDirectory = "working directory"
      case checkout = "checkout"
    }
    public var directory: URL
    public var kind: Kind

    public init(directory: URL, kind: Kind) {
      self.directory = directory
      self.kind = kind
    }
  }

  /// The folders searched, in order.
  public var places: [Place]
  /// Where `kurs add` puts courses: `DATA/courses`.
  public var userDirectory: URL

  public init(places: [Place], userDirectory: URL) {
    self.places = places
    self.userDirectory = userDirectory
  }

  /// One folder only (tests, `--courses`).
  public init(coursesDirectory: URL) {
    self.init(
      places: [Place(directory: coursesDirectory, kind: .option)], userDirectory: coursesDirectory)
  }

  /// The folders to search for this command line and environment.
  /// - Parameters:
  ///   - option: `--courses DIR`.
  ///   - dataDirectory: the data folder (`DataDirectory.resolve`); its `courses/` is the user's.
  ///   - executable: the running binary (symbolic links resolved), for the installed courses and
  ///     the checkout it was built in.
  ///   - workingDirectory: the current directory.
  public static func standard(
    option: String?, environment: [String: String], dataDirectory: URL,
    executable: URL? = Bundle.main.executableURL?.resolvingSymlinksInPath(),
    workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  ) -> CourseLocator {
    let user = dataDirectory.appendingPathComponent("courses")
    if let option {
      return CourseLocator(
        places: [Place(directory: URL(fileURLWithPath: option), kind: .option)], userDirectory: user
      )
    }
    if let variable = environment["KURS_COURSES"], !variable.isEmpty {
      return CourseLocator(
        places: [Place(directory: URL(fileURLWithPath: variable), kind: .environment)],
        userDirectory: user)
    }
    var places = [Place(directory: user, kind: .user)]
    if let binDirectory = executable?.deletingLastPathComponent() {
      places.append(
        Place(
          directory: binDirectory.deletingLastPathComponent().appendingPathComponent(
            "share/kurs/courses"),
          kind: .installed))
    }
    places.append(
      Place(directory: workingDirectory.appendingPathComponent("Courses"), kind: .workingDirectory))
    // .build/debug/kurs → the checkout's Courses/.
    if var directory = executable?.deletingLastPathComponent() {
      for _ in 0..<5 {
        let candidate = directory.appendingPathComponent("Courses")
        if directoryExists(candidate) {
          places.append(Place(directory: candidate, kind: .checkout))
          break
        }
        directory = directory.deletingLastPathComponent()
      }
    }
    var seen: Set<String> = []
    places = places.filter { seen.insert($0.directory.standardizedFileURL.path).inserted }
    return CourseLocator(places: places, userDirectory: user)
  }

  private static func directoryExists(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The first folder searched that exists, else the first searched: where `kurs new course`
  /// writes when not told, and what messages name.
  public var coursesDirectory: URL {
    (places.first { Self.directoryExists($0.directory) } ?? places.first)?.directory
      ?? userDirectory
  }

  /// The course folders found (those holding a course.xml), each folder's sorted by name, earlier
  /// folders first; an id already found hides the same id further on.
  public func courseFolders() -> [URL] {
    var seen: Set<String> = []
    var found: [URL] = []
    for place in places {
      for folder in Self.courseFolders(in: place.directory)
      where seen.insert(folder.lastPathComponent).inserted {
        found.append(folder)
      }
    }
    return found
  }

  /// The course folders directly inside `directory`.
  static func courseFolders(in directory: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
      .filter {
        FileManager.default.fileExists(atPath: $0.appendingPathComponent("course.xml").path)
      }
  }

  /// The path to load for `name`: an existing path as given, else the first course folder of
  /// that id.
  /// - Returns: `nil` when neither exists.
  public func path(for name: String) -> String? {
    if FileManager.default.fileExists(atPath: name) { return name }
    guard !name.contains("/"), name != ".", name != ".." else { return nil }
    for place in places {
      let folder = place.directory.appendingPathComponent(name)
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("course.xml").path) {
        return folder.path
      }
    }
    return nil
  }

  /// Course ids available, for "did you mean".
  public func courseIDs() -> [String] { courseFolders().map(\.lastPathComponent) }

  /// Where Kurs looked, for messages: `DIR (your courses), DIR (installed with kurs)…`; a
  /// folder that is there but cannot be listed says why, so that "no courses" is never the
  /// whole story of a permission problem.
  public var searchedDescription: String {
    places.map { place in
      let problem = Self.listingProblem(place.directory).map { "; cannot be read: \($0)" } ?? ""
      return "\(place.directory.path) (\(place.kind.rawValue)\(problem))"
    }.joined(separator: ", ")
  }

  /// The folders searched that are there but cannot be listed, each with why.
  public var unreadablePlaces: [(directory: URL, problem: String)] {
    places.compactMap { place in Self.listingProblem(place.directory).map { (place.directory, $0) }
    }
  }

  /// Why `directory` cannot be listed (`permission denied`, `not a folder`); `nil` when it can,
  /// or when it is simply not there (most of the folders searched need not exist).
  static func listingProblem(_ directory: URL) -> String? {
    guard let handle = opendir(directory.path) else {
      let code = errno
      if code == ENOENT { return nil }
      if code == ENOTDIR { return "not a folder" }
      return String(cString: strerror(code)).lowercased()
    }
    closedir(handle)
    return nil
  }
}
