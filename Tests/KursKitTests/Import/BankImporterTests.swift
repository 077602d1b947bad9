import Foundation
import Testing

@testable import KursKit

/// The whole import: reading, writing the course folder, validating it, refusing what is broken.
@Suite struct BankImporterTests {
  static let fixtures: [(String, BankImporter.Format)] = [
    ("moodle-multichoice.xml", .moodle), ("moodle-truefalse.xml", .moodle),
    ("moodle-categories.xml", .moodle),
    ("moodle-invalid-grades.xml", .moodle), ("moodle-ordering.xml", .moodle),
    ("moodle-multilang.xml", .moodle),
    ("gift-questions.txt", .gift), ("gift-examples.txt", .gift),
  ]

  @Test(arguments: fixtures)
  func everyFixtureBecomesACourseThatValidatesStrictly(name: String, format: BankImporter.Format)
    throws
  {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try ImportFixtures.write(name, format, into: directory)
    #expect(written.warnings.isEmpty)
    let report = validate(written.folder.path, strict: true)
    #expect(report.errorCount == 0, "\(report.text())")
    let course = try #require(CourseLoader().load(path: written.folder.path).course)
    #expect(course.modules.count == written.moduleCount)
    #expect(
      course.modules.flatMap(\.nodes).filter { if case .question = $0.kind { true } else { false } }
        .count == written.questionCount)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["course"],
      "no staging folder is left")
  }

  @Test func multilangTextsAreWrittenInEveryLanguage() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try ImportFixtures.write("moodle-multilang.xml", .moodle, into: directory)
    #expect(written.languages == ["en", "ru"])
    let xml = try String(
      contentsOf: written.folder.appendingPathComponent("course.xml"), encoding: .utf8)
    #expect(xml.contains(#"languages="en ru" default-language="en""#))
    #expect(xml.contains("from moodle-multilang.xml."))
    #expect(xml.contains("<!-- Who keeps what (moodle-multilang.xml:11) -->"))
    #expect(!xml.contains(ImportFixtures.root.path), "the trainer's folders stay out of the course")
    #expect(xml.contains(#"<title xml:lang="ru">Документы</title>"#))
    #expect(
      xml.contains(
        #"<prompt xml:lang="ru">Сопоставьте документ и того, <em>кто</em> его хранит.</prompt>"#))
    #expect(
      xml.contains(
        #"<body xml:lang="ru"><p>Храните копии:</p><list><item>ваших бумаг</item><item>протокола</item></list></body>"#
      ))
    #expect(
      xml.contains(#"<right xml:lang="ru">Police</right>"#),
      "a text without markup is the same in every language")
    #expect(
      written.notes.map(\.message).contains(
        "some texts have no 'ru' version; the 'en' text is written there: translate it"))
  }

  @Test func gradesHintsAndPenaltiesBecomePointsAttemptsAndPenalty() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try ImportFixtures.write("moodle-multichoice.xml", .moodle, into: directory)
    let xml = try String(
      contentsOf: written.folder.appendingPathComponent("course.xml"), encoding: .utf8)
    #expect(
      xml.contains(
        #"<question id="search-reason" kind="single" points="1" shuffle="true" next="write-down-after-a-search">"#
      ))
    #expect(
      xml.contains(
        #"<question id="write-down-after-a-search" kind="multiple" points="2" attempts="2" penalty="1" next="done">"#
      ))
    #expect(
      xml.contains("<prompt>What must an officer give before a <strong>search</strong>?</prompt>"))
    #expect(xml.contains("<feedback>Right: the reason comes <strong>first</strong>.</feedback>"))
    #expect(
      written.lines.contains(
        "moodle-multichoice.xml:15: question 'Search reason': images and files are not carried over: briefing.mp3"
      ))
    #expect(
      written.lines.contains(
        "moodle-multichoice.xml:68: question 'Write down after a search': markup dropped, its text kept: <span>"
      ))
  }

  @Test func anExistingFolderIsNeverReplaced() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("course")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let mine = folder.appendingPathComponent("notes.txt")
    try Data("mine".utf8).write(to: mine)
    #expect(throws: ImportError.outputExists(folder.path)) {
      _ = try ImportFixtures.write("gift-examples.txt", .gift, into: directory)
    }
    #expect(try String(contentsOf: mine, encoding: .utf8) == "mine")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["course"])
  }

  @Test func aBankWithNothingThatMapsWritesNothing() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(throws: ImportError.nothingToImport("moodle-cloze.xml", "see the report above")) {
      _ = try ImportFixtures.write("moodle-cloze.xml", .moodle, into: directory)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func anImageAloneBecomesAPlaceholderTheReportNames() throws {
    let xml = """
      <quiz>
        <question type="multichoice">
          <name><text>Pictures</text></name>
          <questiontext><text>Which sign?</text></questiontext>
          <single>true</single>
          <answer fraction="100"><text><![CDATA[<img src="@@PLUGINFILE@@/stop.png">]]></text></answer>
          <answer fraction="0"><text>None</text></answer>
        </question>
      </quiz>
      """
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("pictures.xml")
    try Data(xml.utf8).write(to: file)
    let importer = BankImporter(format: .moodle)
    let written = try importer.write(
      try importer.read(path: file.path), source: "pictures.xml",
      to: directory.appendingPathComponent("out"), textLanguage: "en")
    let course = try String(
      contentsOf: written.folder.appendingPathComponent("course.xml"), encoding: .utf8)
    #expect(course.contains("<text>(image: stop.png)</text>"))
    #expect(
      written.notes.map(\.message) == [
        "images and files are not carried over: stop.png",
        "1 empty text is written as '(no text)' or '(image: …)': write it",
      ])
  }

  @Test func aPenaltyNeverLeavesTheLastTryWorthNothing() throws {
    let xml = """
      <quiz>
        <question type="truefalse">
          <name><text>Strict</text></name>
          <questiontext><text>Sure?</text></questiontext>
          <defaultgrade>1</defaultgrade>
          <penalty>1.0000000</penalty>
          <answer fraction="100"><text>true</text></answer>
          <answer fraction="0"><text>false</text></answer>
          <hint><text>Think again.</text></hint>
          <hint><text>Once more.</text></hint>
        </question>
      </quiz>
      """
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("strict.xml")
    try Data(xml.utf8).write(to: file)
    let importer = BankImporter(format: .moodle)
    let written = try importer.write(
      try importer.read(path: file.path), source: "strict.xml",
      to: directory.appendingPathComponent("out"), textLanguage: "en")
    let course = try String(
      contentsOf: written.folder.appendingPathComponent("course.xml"), encoding: .utf8)
    #expect(
      course.contains(
        #"<question id="strict" kind="true-false" points="1" attempts="3" next="done">"#))
  }

  @Test func choiceIdsStayValidForAnyNumberOfChoices() {
    #expect(
      [0, 25, 26, 27, 701, 702, 5000].map(ImportedCourseWriter.letterID) == [
        "a", "z", "aa", "ab", "zz", "aaa", "gji",
      ])
  }

  @Test func absurdNumbersNeverTrap() throws {
    let xml = """
      <quiz>
        <question type="multichoice">
          <name><text>Huge</text></name>
          <questiontext><text>Which?</text></questiontext>
          <defaultgrade>1e300</defaultgrade>
          <penalty>-7</penalty>
          <single>false</single>
          <answer fraction="1e300"><text>a</text></answer>
          <answer fraction="-1e300"><text>b</text></answer>
        </question>
      </quiz>
      """
    let reading = try importBank(xml, .moodle, name: "huge.xml")
    #expect(reading.questions.first?.points == 1_000_000)
    #expect(reading.questions.first?.penalty == 0)
    #expect(
      reading.lines.first
        == "huge.xml:2: question 'Huge': default grade 1e300 is written as 1000000 points: Kurs points are whole numbers"
    )
    let gift = try importBank("::W:: Which? {~%1e308%a ~%-50%b ~%50%c}\n", .gift)
    #expect(gift.questionCount == 1, "a weight that is not a percentage is text, as in Moodle")
  }

  @Test func idsAreUniqueAndValidWhateverTheNames() {
    var ids = IDAllocator()
    #expect(ids.make(from: "2-08 TSL", fallback: "question") == "question-2-08-tsl")
    #expect(ids.make(from: "2-08 TSL", fallback: "question") == "question-2-08-tsl-2")
    #expect(ids.make(from: "Вопрос №1: досмотр", fallback: "question") == "вопрос-1-досмотр")
    #expect(ids.make(from: "!!!", fallback: "question") == "question")
    #expect(ids.make(from: String(repeating: "long ", count: 40), fallback: "question").count <= 60)
  }
}

/// Files a user or an attacker can hand `kurs import`: refused with where and why, never a crash.
@Suite struct BankImporterHostileInputTests {
  func refusal(_ bytes: [UInt8], _ format: BankImporter.Format, name: String = "bank.xml") throws
    -> ImportError?
  {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    try Data(bytes).write(to: file)
    do {
      _ = try BankImporter(format: format).read(path: file.path)
      return nil
    } catch {
      var copy = error
      if case .malformed(var location, let message) = error {
        location.file = name
        copy = .malformed(location, message)
      }
      return copy
    }
  }

  @Test func aDoctypeIsRefusedBeforeAnyEntityIsExpanded() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>
      """
    #expect(
      try refusal(Array(laughs.utf8), .moodle)
        == .malformed(
          SourceLocation(file: "bank.xml", line: 2, column: 1),
          "<!DOCTYPE> is not allowed: a document type can define entities that read local files or expand without bound; remove the declaration (Moodle never writes one)"
        ))
    let external =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz SYSTEM \"file:///etc/passwd\">\n<quiz/>\n"
    #expect(
      try refusal(Array(external.utf8), .moodle)?.description.contains("<!DOCTYPE> is not allowed")
        == true)
  }

  @Test func brokenXMLIsRefusedAtItsLineAndColumn() throws {
    let xml =
      "<?xml version=\"1.0\"?>\n<quiz>\n  <question type=\"truefalse\">\n    <name><text>A & B</text></name>\n  </question>\n</quiz>\n"
    let error = try #require(try refusal(Array(xml.utf8), .moodle))
    guard case .malformed(let location, _) = error else {
      Issue.record("expected a refusal with a location, got \(error)")
      return
    }
    #expect((location.line, location.column) == (4, 20))
    #expect(error.description.hasPrefix("bank.xml:4:20: error: "))
    // In plain words with the fix, as for course files, not libxml2's "xmlParseEntityRef: no name".
    #expect(error.description.contains("a bare '&': write & as &amp;"), "\(error.description)")
  }

  @Test func textThatIsNotUTF8IsRefusedAtTheBadByte() throws {
    let latin1: [UInt8] =
      Array("<quiz>\n<question type=\"truefalse\"><name><text>caf".utf8) + [0xE9]
      + Array("</text></name></question></quiz>".utf8)
    let refused = try #require(try refusal(latin1, .moodle))
    guard case .malformed(let location, let message) = refused else {
      Issue.record("expected a refusal with a location, got \(refused)")
      return
    }
    #expect((location.line, location.column) == (2, 43))
    #expect(
      message.hasPrefix(
        "the file is not valid UTF-8 (byte 0xE9); save it as UTF-8 in your editor, or convert it (a Windows-1251 file: iconv -f cp1251 -t utf-8 "
      ))
    #expect(message.hasSuffix(" > utf8-bank.xml), and import it again"))
    #expect(
      try refusal([0xFF, 0xFE, 0x3C, 0x00], .gift, name: "bank.txt")
        == .malformed(
          SourceLocation(file: "bank.txt", line: 1, column: 1),
          "the file is UTF-16; save it as UTF-8 (Moodle exports UTF-8) and import it again"))
  }

  @Test func theWrongFormatSaysWhichCommandToRun() throws {
    let gift = try #require(try refusal(Array("::Q:: Sure? {T}\n".utf8), .moodle, name: "bank.txt"))
    #expect(
      gift.description.hasPrefix(
        "bank.txt:1:1: error: the file is not XML; for a GIFT text file, run: kurs import gift "))
    let xml = try #require(
      try refusal(Array("<?xml version=\"1.0\"?>\n<quiz/>\n".utf8), .gift, name: "bank.xml"))
    #expect(
      xml.description.hasPrefix(
        "bank.xml:1:1: error: the file is Moodle XML, not GIFT; run: kurs import moodle "))
  }

  @Test func deepNestingIsRefused() throws {
    let deep =
      "<quiz>" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
      + "</quiz>"
    let error = try #require(try refusal(Array(deep.utf8), .moodle))
    #expect(error.description.contains("elements are nested more than 256 levels deep"))
  }

  @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("huge.txt")
    #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
    let handle = try FileHandle(forWritingTo: file)
    try handle.truncate(atOffset: 17 * 1024 * 1024)  // sparse: nothing is written
    try handle.close()
    #expect(
      throws: ImportError.tooLarge(file.path, size: 17 * 1024 * 1024, limit: 16 * 1024 * 1024)
    ) {
      _ = try BankImporter(format: .gift).read(path: file.path)
    }
  }

  @Test func controlCharactersNeverReachTheCourseFile() throws {
    let gift = "::Q:: Bell\u{07} &#1; here? {=yes\u{0B} ~no}\n"
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("bank.txt")
    try Data(gift.utf8).write(to: file)
    let importer = BankImporter(format: .gift)
    let written = try importer.write(
      try importer.read(path: file.path), source: "bank.txt",
      to: directory.appendingPathComponent("out"), textLanguage: "en")
    #expect(validate(written.folder.path, strict: true).errorCount == 0)
  }
}
