import Foundation

/// Loads a course folder or file into a `Course`, checking every file against the schema first.
///
/// Loading never throws: everything wrong is a `Diagnostic` with a location, so that one run
/// reports all the problems a trainer needs to fix. `course` is `nil` when a file could not be
/// read or failed the schema.
public struct CourseLoader: Sendable {
  /// The result of loading one course.
  public struct Result: Sendable {
    public var course: Course?
    public var diagnostics: [Diagnostic]
    /// Every file read, as displayed in findings.
    public var files: [String]
    /// Every file read, in the order read (the course file first).
    public var sourceFiles: [URL] = []
    /// The Content/ folder the course's shared files were looked up in, if any.
    public var contentDirectory: URL?
  }

  /// The shared Content/ folder; `nil` searches upward from the course folder.
  public var contentDirectory: URL?

  public init(contentDirectory: URL? = nil) {
    self.contentDirectory = contentDirectory
  }

  /// Loads the course at `path`: a folder holding `course.xml`, or a course file.
  /// - Parameters:
  ///   - path: as the user wrote it; findings print paths in the same form.
  ///   - moduleHook: called with each module as soon as it is built, on the thread that built
  ///     it, with the module's position among the course's elements and the course's settings
  ///     (languages, completion; no modules or texts); the course keeps the module it returns.
  ///   - withDigest: false when the course is only checked: its digest (`Course.digest`) is then
  ///     empty, and no file is hashed.
  public func load(
    path: String,
    moduleHook: (@Sendable (_ position: Int, _ module: Module, _ settings: Course) -> Module)? =
      nil,
    withDigest: Bool = true
  ) -> Result {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    let start = SourceLocation(file: path, line: 1, column: 1)
    guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return Result(
        course: nil,
        diagnostics: [
          .error(.file, at: start, "no such file or folder; give a course folder or its course.xml")
        ],
        files: [])
    }
    var displayPath = path
    var fileURL = URL(fileURLWithPath: path)
    if isDirectory.boolValue {
      displayPath = path.hasSuffix("/") ? path + "course.xml" : path + "/course.xml"
      fileURL = fileURL.appendingPathComponent("course.xml")
      guard fileManager.fileExists(atPath: fileURL.path) else {
        return Result(
          course: nil,
          diagnostics: [
            .error(
              .file, at: start,
              "this folder has no course.xml; a course folder holds course.xml and its module files"
            )
          ], files: [])
      }
    }
    let courseDirectory = fileURL.deletingLastPathComponent().standardizedFileURL
    let content = contentDirectory ?? Self.findContentDirectory(from: courseDirectory)
    let builder = CourseBuilder(
      reader: XMLReader(
        schemaText: CourseSchema.text, roots: [courseDirectory] + (content.map { [$0] } ?? [])),
      resolver: PathResolver(courseDirectory: courseDirectory, contentDirectory: content),
      courseDisplayDirectory: (displayPath as NSString).deletingLastPathComponent,
      withDigest: withDigest)
    builder.moduleHook = moduleHook
    let course = builder.buildCourse(fileURL: fileURL, displayPath: displayPath)
    return Result(
      course: course, diagnostics: builder.diagnostics, files: builder.filesRead,
      sourceFiles: builder.sourceFiles,
      contentDirectory: builder.isPacked ? nil : content)
  }

  /// The nearest folder named `Content` beside the course folder or one of its parents
  /// (`Courses/my-course/` finds `Content/` beside `Courses/`); in the installed layout,
  /// `share/kurs/courses/my-course/` finds `share/kurs/content/`.
  public static func findContentDirectory(from courseDirectory: URL) -> URL? {
    var directory = courseDirectory
    for _ in 0..<4 {
      var candidates = [directory.appendingPathComponent("Content")]
      let parent = directory.deletingLastPathComponent()
      if directory.lastPathComponent == "courses" {
        candidates.append(parent.appendingPathComponent("content"))
      }
      for candidate in candidates {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
          isDirectory.boolValue
        {
          return candidate.standardizedFileURL
        }
      }
      if parent.path == directory.path { break }
      directory = parent
    }
    return nil
  }
}
