import Foundation
import Testing

@testable import KursKit

/// Fixtures shipped with the tests (Tests/KursKitTests/Fixtures).
enum Fixtures {
  static var root: URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
  }

  static var validator: URL { root.appendingPathComponent("validator") }

  /// The repository checkout (for the bundled Courses/ and Content/).
  static var repository: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The names of the validator fixtures: one folder per finding.
  static let validatorCases: [String] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: validator.path)) ?? []
    return names.filter { $0 != "Content" }.sorted()
  }()
}

/// A unique temporary directory, removed by the caller with `defer`.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kurs-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// Loads and validates a course, returning the report.
func validate(_ path: String, strict: Bool = false) -> ValidationReport {
  var report = ValidationReport(strict: strict)
  report.check(path: path, loader: CourseLoader())
  return report
}
