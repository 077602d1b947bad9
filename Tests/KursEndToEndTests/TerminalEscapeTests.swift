import Foundation
import Testing

/// Names and course texts that try to command the terminal reach it only as harmless text.
@Suite struct TerminalEscapeTests {
  /// Clipboard write (OSC 52), screen clear, a hidden link (OSC 8), a C1 CSI, a right-to-left
  /// override and a backspace.
  static let hostile =
    "Eve\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}[2J\u{1B}]8;;http://x\u{1B}\\link\u{9B}31m\u{202E}evil\u{08}"

  /// Whether `text` could make a terminal do anything but show it.
  func isSafe(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
      (scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t")
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
  }

  func plant(_ names: [String], in data: URL) throws {
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    let profiles = names.enumerated().map { index, name in
      ["id": "id\(index)", "name": name, "created": "2026-01-01T00:00:00Z"]
    }
    try JSONSerialization.data(withJSONObject: profiles).write(
      to: data.appendingPathComponent("learners.json"))
  }

  @Test func theHomeScreenAndForgetShowAPlantedNameWithoutItsEscapes() throws {
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-escapes-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    try plant([Self.hostile, "Bob"], in: data)
    let home = try KursProcess.run(["--data-dir", data.path], input: "1\n")
    #expect(home.output.contains("1. Eve\u{FFFD}]52;c;SGVsbG8="), "\(home.output)")
    #expect(isSafe(home.output) && isSafe(home.errors), "\(home.output.debugDescription)")

    let forget = try KursProcess.run(
      ["forget", Self.hostile, "--data-dir", data.path], input: "\n")
    #expect(forget.output.contains("Nothing was deleted."))
    #expect(forget.output.contains("Eve\u{FFFD}"))
    #expect(isSafe(forget.output) && isSafe(forget.errors), "\(forget.output.debugDescription)")
    let missing = try KursProcess.run(
      ["forget", Self.hostile + "x", "--data-dir", data.path], input: "\n")
    #expect(missing.exitCode != 0)
    #expect(isSafe(missing.output) && isSafe(missing.errors), "\(missing.errors.debugDescription)")
  }

  @Test func cohortImportAndReportShowAPseudonymWithoutItsEscapes() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-escapes-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("learner")
    try plant([Self.hostile], in: data)
    let host = root.appendingPathComponent("host").path
    #expect(
      try KursProcess.run(["cohort", "new", "spring", "--course", "example", "--data-dir", host])
        .exitCode == 0)
    _ = try KursProcess.run(["start", "example", "--data-dir", data.path], input: "\n\n\n1\n\nq\n")
    let file = root.appendingPathComponent("export.json").path
    #expect(try KursProcess.run(["export", "--out", file, "--data-dir", data.path]).exitCode == 0)

    let imported = try KursProcess.run(["cohort", "import", "spring", file, "--data-dir", host])
    #expect(imported.output.contains("Eve\u{FFFD}"), "\(imported.output) \(imported.errors)")
    #expect(
      isSafe(imported.output) && isSafe(imported.errors), "\(imported.output.debugDescription)")
    let report = try KursProcess.run(["cohort", "report", "spring", "--data-dir", host])
    #expect(report.exitCode == 0)
    #expect(report.output.contains("Eve\u{FFFD}"))
    #expect(isSafe(report.output) && isSafe(report.errors), "\(report.output.debugDescription)")
  }

  @Test func courseTextsWithControlsAndOverridesAreListedAndShownSafely() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-escapes-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let fileManager = FileManager.default
    try fileManager.createDirectory(
      at: root.appendingPathComponent("Courses"), withIntermediateDirectories: true)
    try fileManager.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"),
      to: root.appendingPathComponent("Courses/example"))
    try fileManager.copyItem(
      at: KursProcess.repository.appendingPathComponent("Content"),
      to: root.appendingPathComponent("Content"))
    let file = root.appendingPathComponent("Courses/example/course.xml")
    // XML cannot carry ESC, but it can carry C1 controls and bidirectional overrides.
    try String(contentsOf: file, encoding: .utf8)
      .replacingOccurrences(
        of: "Example: a safe walk home", with: "Example&#x9B;2J &#x202E;emoh klaw"
      )
      .replacingOccurrences(
        of: "<title xml:lang=\"en\">Basics</title>",
        with: "<title xml:lang=\"en\">Basics&#x85;&#x9D;52;c;QQ==&#x9C;</title>"
      )
      .write(to: file, atomically: true, encoding: .utf8)
    let courses = root.appendingPathComponent("Courses").path
    let data = root.appendingPathComponent("data").path
    let listed = try KursProcess.run(["courses", "--courses", courses, "--data-dir", data])
    #expect(
      listed.output.contains("Example\u{FFFD}2J \u{FFFD}emoh klaw"),
      "\(listed.output) \(listed.errors)")
    #expect(isSafe(listed.output) && isSafe(listed.errors))
    let home = try KursProcess.run(
      ["--learner", "Ann", "--courses", courses, "--data-dir", data], input: "1\n1\n\n")
    #expect(home.output.contains("\u{FFFD}52;c;QQ==\u{FFFD}"), "\(home.output)")
    #expect(isSafe(home.output) && isSafe(home.errors), "\(home.output.debugDescription)")
  }
}
