import Foundation
import Testing

/// `kurs import` through the real binary: import a bank, validate the course strictly, play it.
@Suite struct ImportCommandTests {
  let fixtures = KursProcess.repository.appendingPathComponent("Tests/KursKitTests/Fixtures/import")

  /// A Moodle XML bank in two languages, as a trainer exports it, with one essay.
  let bank = """
    <?xml version="1.0" encoding="UTF-8"?>
    <quiz>
      <question type="category">
        <category><text>$course$/top/Rights</text></category>
      </question>
      <question type="truefalse">
        <name><text>Reason</text></name>
        <questiontext format="html">
          <text><![CDATA[<p><span lang="en" class="multilang">A search needs a <b>reason</b>.</span><span lang="ru" class="multilang">Для досмотра нужно <b>основание</b>.</span></p>]]></text>
        </questiontext>
        <answer fraction="100"><text>true</text>
          <feedback><text>{mlang en}Yes, a reason.{mlang}{mlang ru}Да, основание.{mlang}</text></feedback></answer>
        <answer fraction="0"><text>false</text>
          <feedback><text>{mlang en}No: it needs one.{mlang}{mlang ru}Нет: оно нужно.{mlang}</text></feedback></answer>
      </question>
      <question type="essay">
        <name><text>Your story</text></name>
        <questiontext><text>Tell us.</text></questiontext>
      </question>
    </quiz>

    """

  func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-import-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("courses"), withIntermediateDirectories: true)
    return directory
  }

  @Test func aMoodleBankIsImportedValidatesStrictlyAndPlaysInBothLanguages() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(bank.utf8).write(to: directory.appendingPathComponent("bank.xml"))

    let imported = try KursProcess.run(
      ["import", "moodle", "bank.xml", "--out", "courses/rights"], in: directory)
    #expect(imported.exitCode == 0, "\(imported.errors)")
    #expect(
      imported.output.hasPrefix(
        "imported 1 question in 1 module from bank.xml into courses/rights (course 'rights', languages: en, ru)\n"
      ))
    #expect(
      imported.errors.contains(
        "  bank.xml:16: question 'Your story': not carried over: essay (free text marked by a person) has no Kurs kind\n"
      ))
    #expect(
      !imported.output.contains("texts are taken to be English"),
      "the multilang markup says the languages")

    let validated = try KursProcess.run(["validate", "--strict", "courses/rights"], in: directory)
    #expect(validated.exitCode == 0)
    #expect(validated.errors == "valid: 1 course, 1 file, 0 errors, 0 warnings\n")

    let common = ["--courses", "courses", "--data-dir", "data", "--plain"]
    let russian = try KursProcess.run(
      ["start", "rights", "--learner", "vera", "--lang", "ru"] + common, in: directory,
      input: "1\n\n\n")
    #expect(russian.output.contains("Для досмотра нужно основание."))
    #expect(russian.output.contains("Да, основание."))
    #expect(russian.output.contains("Итог: пройден"))
    let english = try KursProcess.run(
      ["start", "rights", "--learner", "anna", "--lang", "en"] + common, in: directory,
      input: "2\n\n\n")
    #expect(english.output.contains("A search needs a reason."))
    #expect(english.output.contains("No: it needs one."))
  }

  @Test func theGIFTFixtureImportsAndValidatesStrictly() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = fixtures.appendingPathComponent("gift-questions.txt").path
    let imported = try KursProcess.run(["import", "gift", source], in: directory)
    #expect(imported.exitCode == 0, "\(imported.errors)")
    #expect(imported.output.contains("imported 6 questions in 1 module"))
    #expect(
      imported.output.contains(
        "texts are taken to be English (en); if they are not, import again with --lang CODE\n"))
    #expect(
      imported.errors.contains(
        "gift-questions.txt:37: question 'Q5': not carried over: numerical (a typed number) has no Kurs kind"
      ))
    let validated = try KursProcess.run(["validate", "--strict", "gift-questions"], in: directory)
    #expect(validated.exitCode == 0, "\(validated.output)")
  }

  @Test func aBrokenBankIsRefusedAtItsLineAndColumnAndNothingIsWritten() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("// quiz\n::Q1:: Unclosed {\n =a\n ~b\n".utf8).write(
      to: directory.appendingPathComponent("bank.txt"))
    let result = try KursProcess.run(["import", "gift", "bank.txt"], in: directory)
    #expect(result.exitCode == 1)
    #expect(
      result.errors
        == "kurs: bank.txt:2:17: error: the answer block opened here is never closed; add '}' (or write \\{ for a brace in the text)\n"
    )
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("bank").path))
  }

  @Test func anExistingFolderIsNeverOverwritten() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = fixtures.appendingPathComponent("moodle-ordering.xml").path
    let result = try KursProcess.run(
      ["import", "moodle", source, "--out", "courses"], in: directory)
    #expect(result.exitCode == 1)
    #expect(
      result.errors.contains(
        "already exists; nothing was written. Choose another --out or remove the folder"))
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: directory.appendingPathComponent("courses").path
      ).isEmpty)
  }

  @Test func aLanguageThatIsNoLanguageCodeIsAUsageError() throws {
    let source = fixtures.appendingPathComponent("gift-examples.txt").path
    let result = try KursProcess.run(
      ["import", "gift", source, "--lang", "1"], in: FileManager.default.temporaryDirectory)
    #expect(result.exitCode == 64)
    #expect(
      result.errors == "kurs: --lang '1' is not a language code; write one like en, ru or pt-br\n")
  }

  @Test func helpExplainsImport() throws {
    let result = try KursProcess.run(["help", "import"])
    #expect(result.exitCode == 0)
    #expect(
      result.output.hasPrefix("usage: kurs import moodle|gift FILE [--out DIR] [--lang CODE]"))
  }
}
