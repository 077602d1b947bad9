import Foundation
import Testing

/// The real binary on a pseudo-terminal: a learner types, presses Ctrl-C in the middle of a
/// module, starts Kurs again and is back at the same place.
@Suite struct TerminalSessionTests {
  func temporaryDataDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("kurs-pty-\(UUID().uuidString)")
  }

  /// The number shown before the choice that starts with `text`.
  func number(of text: String, in screen: String) -> Int? {
    for line in screen.split(whereSeparator: \.isNewline) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard let dot = trimmed.firstIndex(of: "."),
        trimmed[trimmed.index(after: dot)...].trimmingCharacters(in: .whitespaces).hasPrefix(text)
      else { continue }
      if let value = Int(trimmed[..<dot]) { return value }
    }
    return nil
  }

  @Test func controlCMidModuleSavesAndResumeReturnsToTheSameQuestion() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let courses = KursProcess.repository.appendingPathComponent("Courses").path
    let common = ["--learner", "Olya", "--data-dir", data.path, "--courses", courses]

    let first = try PseudoTerminalProcess(["start", "example"] + common)
    try first.waitFor("Press Enter to continue.")
    first.type("\n")
    try first.waitFor("Press Enter to continue.")
    first.type("\n")
    try first.waitFor("Welcome")
    first.type("\n")
    try first.waitFor("What should Anna do first?")
    // Choices are shuffled per learner: find the number the terminal shows for each.
    let question = try first.waitFor("> ")
    let wrong = try #require(number(of: "Run away.", in: question))
    let right = try #require(number(of: "Stay calm", in: question))
    first.type("\(wrong)\n")
    try first.waitFor("Try again (tries left: 1)")
    try first.waitFor("> ")
    first.pressControlC()
    let interrupted = try first.waitFor("kurs resume")
    #expect(interrupted.contains("Your progress is saved"))
    #expect(try first.waitForExit() == 130)

    let second = try PseudoTerminalProcess(["resume"] + common)
    let resumed = try second.waitFor("What should Anna do first?")
    #expect(!resumed.contains("Before you start"), "the content notes are not shown again")
    #expect(
      !resumed.contains("This course follows Anna"), "the page already read is not shown again")
    try second.waitFor("Try again (tries left: 1)")
    try second.waitFor("> ")
    second.type("\(right)\n")
    try second.waitFor("Correct")
    try second.waitFor("> ")
    second.type("q\n")
    try second.waitFor("Your progress is saved")
    #expect(try second.waitForExit() == 0)
  }

  @Test(arguments: [(UInt16(40), 40), (UInt16(200), 100)])
  func linesFitTheTerminalAndKeepAReadableMeasure(columns: UInt16, longest: Int) throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let courses = KursProcess.repository.appendingPathComponent("Courses").path
    let terminal = try PseudoTerminalProcess(
      [
        "start", "marina", "--learner", "Width", "--data-dir", data.path, "--courses", courses,
        "--lang", "ru",
      ],
      columns: columns)
    var screens = try terminal.waitFor("Enter")
    terminal.type("\n")
    screens += try terminal.waitFor("Enter")
    terminal.type("q\n")
    #expect(try terminal.waitForExit() == 0)
    let lines = screens.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
    #expect(lines.count > 5)
    #expect(lines.contains { $0.count > longest - 15 }, "the width is used")
    for line in lines { #expect(line.count <= longest, "too wide: \(line)") }
  }

  @Test func colourOnATerminalKeepsTheWordsApart() throws {
    let data = temporaryDataDirectory()
    defer { try? FileManager.default.removeItem(at: data) }
    let courses = KursProcess.repository.appendingPathComponent("Courses").path
    let terminal = try PseudoTerminalProcess(
      ["start", "example", "--learner", "Colour", "--data-dir", data.path, "--courses", courses],
      colour: true)
    let screen = try terminal.waitFor("> ")
    terminal.type("q\n")
    #expect(try terminal.waitForExit() == 0)
    #expect(screen.contains("\u{1B}["), "colour is used on a terminal")
    let visible = screen.replacingOccurrences(
      of: #"\x{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
    #expect(visible.contains("Before you start"))
    #expect(visible.contains("q save and quit"))
  }
}
