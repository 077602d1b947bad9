import Foundation

/// The findings of `kurs validate` over one or more courses, and how to print them.
public struct ValidationReport: Sendable {
  public struct CourseResult: Sendable {
    public var path: String
    public var courseID: String?
    public var files: [String]
    public var diagnostics: [Diagnostic]
  }

  public var courses: [CourseResult] = []
  /// Whether warnings count as errors (`--strict`).
  public var strict: Bool
  /// Whether the item-writing review runs too (`--review`): its findings are warnings.
  public var review: Bool

  public init(strict: Bool, review: Bool = false) {
    self.strict = strict
    self.review = review
  }

  /// Loads and checks the course at `path`, adding its findings; returns the course it loaded.
  /// - Parameter streaming: check each module as soon as it is built, on the thread that built
  ///   it, and keep none of its nodes (the course returned has modules without nodes, and no
  ///   digest): for `kurs validate`, which needs only the findings, so that a large course is
  ///   never held in memory whole.
  @discardableResult
  public mutating func check(path: String, loader: CourseLoader, streaming: Bool = false) -> Course?
  {
    let validator = CourseValidator()
    let checked = CheckedModules()
    let reviewer = review ? ItemReview() : nil
    let reviewed = ReviewedModules()
    var hook: (@Sendable (Int, Module, Course) -> Module)?
    if streaming {
      hook = { position, module, settings in
        checked.add(validator.check(module, in: settings), at: position)
        if let reviewer { reviewed.add(reviewer.check(module, in: settings), at: position) }
        return module.withoutNodes()
      }
    }
    let loaded = loader.load(path: path, moduleHook: hook, withDigest: !streaming)
    var diagnostics = loaded.diagnostics
    if let course = loaded.course,
      !diagnostics.contains(where: { $0.severity == .error && $0.stage != .semantic })
    {
      diagnostics +=
        streaming
        ? validator.validate(course, modules: checked.inOrder) : validator.validate(course)
      if let reviewer {
        diagnostics +=
          streaming ? reviewer.review(course, modules: reviewed.inOrder) : reviewer.review(course)
      }
    }
    if strict {
      diagnostics = diagnostics.map { diagnostic in
        var copy = diagnostic
        copy.severity = .error
        return copy
      }
    }
    courses.append(
      CourseResult(
        path: path, courseID: loaded.course?.id, files: loaded.files, diagnostics: diagnostics))
    return loaded.course
  }

  /// What the checks of each module found, by the module's position in its course (filled
  /// from the threads that build modules).
  private final class CheckedModules: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: CourseValidator.ModuleResult] = [:]

    func add(_ result: CourseValidator.ModuleResult, at position: Int) {
      lock.lock()
      defer { lock.unlock() }
      results[position] = result
    }

    /// The results in the order of the course's modules.
    var inOrder: [CourseValidator.ModuleResult] {
      lock.lock()
      defer { lock.unlock() }
      return results.keys.sorted().compactMap { results[$0] }
    }
  }

  public var diagnostics: [Diagnostic] { courses.flatMap(\.diagnostics) }
  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// 0 valid, 1 invalid, 2 a file could not be read.
  public var exitCode: ExitCode {
    if diagnostics.contains(where: { $0.severity == .error && $0.stage == .file }) {
      return .unreadable
    }
    return errorCount > 0 ? .invalid : .success
  }

  /// Compiler-style lines, then a summary; messages in `language` where Kurs has them.
  public func text(language: String = "en") -> String {
    var lines = diagnostics.map { $0.description(in: language) }
    let files = courses.map(\.files.count).reduce(0, +)
    let verdict = errorCount == 0 ? "valid" : "invalid"
    lines.append(
      "\(verdict): \(courses.count) \(courses.count == 1 ? "course" : "courses"), \(files) \(files == 1 ? "file" : "files"), \(count(errorCount, "error")), \(count(warningCount, "warning"))"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  private func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// The findings as JSON for other tools.
  public func json() -> String {
    struct Finding: Encodable {
      var file: String
      var line: Int
      var column: Int
      var severity: String
      var stage: String
      var message: String
    }
    struct Course: Encodable {
      var path: String
      var id: String?
      var files: [String]
      var valid: Bool
    }
    struct Output: Encodable {
      var valid: Bool
      var errors: Int
      var warnings: Int
      var courses: [Course]
      var findings: [Finding]
    }
    let output = Output(
      valid: errorCount == 0, errors: errorCount, warnings: warningCount,
      courses: courses.map {
        Course(
          path: $0.path, id: $0.courseID, files: $0.files,
          valid: !$0.diagnostics.contains { $0.severity == .error })
      },
      findings: diagnostics.map {
        Finding(
          file: $0.location.file, line: $0.location.line, column: $0.location.column,
          severity: $0.severity.rawValue, stage: $0.stage.rawValue, message: $0.message)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(output) else { return "{}\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
