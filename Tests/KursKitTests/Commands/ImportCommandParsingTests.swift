import Testing

@testable import KursKit

@Suite struct ImportCommandParsingTests {
  @Test func importTakesAFormatAFileAndAnOutputFolder() throws {
    #expect(
      try CommandLineParser.parse(["import", "moodle", "q.xml", "--out", "Courses/quiz"]).command
        == .importBank(format: .moodle, file: "q.xml", out: "Courses/quiz"))
    let gift = try CommandLineParser.parse(["import", "gift", "q.txt", "--lang", "ru"])
    #expect(gift.command == .importBank(format: .gift, file: "q.txt", out: nil))
    #expect(gift.options.language == "ru")
  }

  @Test func wrongImportCommandLinesSayWhatToType() {
    #expect(
      throws: UsageError(
        "'kurs import' reads moodle or gift, not 'modle' (did you mean 'moodle'?): kurs import moodle questions.xml --out Courses/my-quiz",
        command: "import")
    ) {
      try CommandLineParser.parse(["import", "modle", "q.xml"])
    }
    #expect(
      throws: UsageError(
        "'kurs import gift' needs one file: kurs import gift questions.txt", command: "import")
    ) {
      try CommandLineParser.parse(["import", "gift"])
    }
    #expect(throws: UsageError("'kurs import' has no option --strict", command: "import")) {
      try CommandLineParser.parse(["import", "gift", "q.txt", "--strict"])
    }
  }

  @Test func importHasHelp() throws {
    let text = try #require(HelpText.topic("import"))
    #expect(text.contains("usage: kurs import moodle|gift FILE [--out DIR] [--lang CODE]"))
    #expect(HelpText.overview.contains("import moodle|gift FILE"))
  }
}
