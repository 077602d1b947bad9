import Foundation
import Testing

/// `kurs validate`, `graph`, `stats`, `new`, `schema` and `help` through the real binary.
@Suite struct AuthoringCommandsTests {
  let fixtures = KursProcess.repository.appendingPathComponent(
    "Tests/KursKitTests/Fixtures/validator")

  @Test func validateExampleCourseIsCleanAndExitsZero() throws {
    let result = try KursProcess.run(["validate", "Courses/example", "--strict"])
    #expect(result.exitCode == 0)
    #expect(result.errors == "valid: 1 course, 5 files, 0 errors, 0 warnings\n")
  }

  @Test func validateByCourseIDFindsTheBundledCourse() throws {
    let result = try KursProcess.run(["validate", "example"])
    #expect(result.exitCode == 0)
  }

  @Test func validatePrintsCompilerStyleFindingsAndExitsOne() throws {
    let result = try KursProcess.run(["validate", "unknown-next"], in: fixtures)
    #expect(result.exitCode == 1)
    #expect(result.output.isEmpty, "diagnostics go to standard error, as a compiler writes them")
    #expect(
      result.errors == """
        unknown-next/course.xml:6:16: error: next names node 'qq', which does not exist in module 'm' (did you mean 'q'?)
        invalid: 1 course, 1 file, 1 error, 0 warnings

        """)
  }

  @Test func unreadableFileExitsTwo() throws {
    let result = try KursProcess.run(["validate", "no-such-course"], in: fixtures)
    #expect(result.exitCode == 2)
    #expect(result.errors.hasPrefix("no-such-course:1:1: error: no such file or folder"))
  }

  @Test func usageErrorsExitSixtyFour() throws {
    let result = try KursProcess.run(["validate"])
    #expect(result.exitCode == 64)
    #expect(result.errors.contains("'kurs validate' needs a course folder or file"))
    #expect(try KursProcess.run(["frobnicate"]).exitCode == 64)
  }

  @Test func validateJSONIsMachineReadable() throws {
    let result = try KursProcess.run(["validate", "--json", "xxe"], in: fixtures)
    #expect(result.exitCode == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let findings = try #require(object["findings"] as? [[String: Any]])
    #expect(findings.first?["file"] as? String == "xxe/course.xml")
    #expect(findings.first?["line"] as? Int == 2)
  }

  @Test func graphPrintsDotAndMermaid() throws {
    let dot = try KursProcess.run(["graph", "example", "--module", "practice"])
    #expect(dot.exitCode == 0)
    #expect(dot.output.contains("m0_0 -> m0_1;"))
    let mermaid = try KursProcess.run(["graph", "example", "--format", "mermaid"])
    #expect(mermaid.output.hasPrefix("flowchart TD"))
    let missing = try KursProcess.run(["graph", "example", "--module", "basic"])
    #expect(missing.exitCode == 64)
    #expect(missing.errors.contains("did you mean 'basics'?"))
  }

  @Test func statsShowPathsAndPassMark() throws {
    let result = try KursProcess.run(["stats", "example"])
    #expect(result.exitCode == 0)
    #expect(
      result.output.contains(
        "basics-end (pass): 6 paths; points on offer 5 to 5; pass mark reachable on every path"))
  }

  /// docs/authoring.md shows `kurs stats marina` as it is; issue 18: at least two endings per
  /// Marina module, each with the pass mark reachable on every path.
  @Test func marinaStatsInTheAuthoringGuideAreCurrent() throws {
    let result = try KursProcess.run(["stats", "marina"])
    #expect(result.exitCode == 0)
    let guide = try String(
      contentsOf: KursProcess.repository.appendingPathComponent("docs/authoring.md"),
      encoding: .utf8)
    let start = try #require(guide.range(of: "$ kurs stats marina\n"))
    let end = try #require(guide.range(of: "```", range: start.upperBound..<guide.endIndex))
    #expect(String(guide[start.upperBound..<end.lowerBound]) == result.output)
    for module in ["recognise", "evidence", "justice"] {
      let section = result.output.components(separatedBy: "module \(module):").last ?? ""
      let block = section.components(separatedBy: "\nmodule ").first ?? ""
      let ends = block.split(separator: "\n").filter { $0.contains("(pass):") }
      #expect(ends.count >= 2, "\(module): at least two endings")
      #expect(ends.allSatisfy { $0.hasSuffix("pass mark reachable on every path") }, "\(module)")
    }
  }

  @Test func newCourseWritesAValidStarterAndNeverOverwrites() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let created = try KursProcess.run(["new", "course", "first-aid", "--dir", directory.path])
    #expect(created.exitCode == 0)
    let validated = try KursProcess.run([
      "validate", "--strict", directory.appendingPathComponent("first-aid").path,
    ])
    #expect(validated.exitCode == 0)
    let file = directory.appendingPathComponent("first-aid/course.xml")
    let before = try Data(contentsOf: file)
    let again = try KursProcess.run(["new", "course", "first-aid", "--dir", directory.path])
    #expect(again.exitCode == 1)
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func schemaAndHelpPrint() throws {
    #expect(
      try KursProcess.run(["schema"]).output.contains("targetNamespace=\"urn:kurs:course:1\""))
    #expect(try KursProcess.run(["--help"]).output.contains("validate PATH..."))
    #expect(
      try KursProcess.run(["help", "graph"]).output.contains("kurs graph example --module basics"))
  }
}
