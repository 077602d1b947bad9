import Testing

@testable import KursKit

/// Every command the parser knows, parsed from what a user types: its arguments and options
/// land where the command reads them, and a usage mistake is refused with a message that says
/// what to write (issue 23: parser tests for every command).
@Suite struct EveryCommandParsingTests {
  static let cases: [(arguments: [String], command: AnyCommand)] = [
    ([], .home),
    (["start", "marina"], .start(course: "marina", module: nil)),
    (["start", "marina", "--module", "evidence"], .start(course: "marina", module: "evidence")),
    (["resume"], .resume),
    (["progress"], .progress(json: false)),
    (["progress", "--json"], .progress(json: true)),
    (["export"], .export(out: nil)),
    (["export", "--out", "me.json"], .export(out: "me.json")),
    (["forget", "Sveta"], .forget(learner: "Sveta")),
    (["join", "marina-K7P4QX"], .join(code: "marina-K7P4QX")),
    (["courses"], .courses),
    (["add", "marina.xml"], .add(path: "marina.xml")),
    (["pack", "marina", "--out", "m.xml"], .pack(course: "marina", out: "m.xml")),
    (
      ["publish", "html", "marina", "--out", "m.html"],
      .publishHTML(course: "marina", out: "m.html")
    ),
    (
      ["publish", "scorm", "marina", "--out", "m.zip"],
      .publishPackage(kind: .scorm, course: "marina", out: "m.zip")
    ),
    (
      ["validate", "a", "b", "--strict", "--review"],
      .validate(paths: ["a", "b"], strict: true, json: false, review: true)
    ),
    (
      ["graph", "example", "--module", "basics", "--format", "mermaid"],
      .graph(course: "example", module: "basics", format: .mermaid)
    ),
    (["stats", "example", "--json"], .stats(course: "example", json: true)),
    (
      ["new", "course", "first-aid", "--languages", "en ru"],
      .newCourse(id: "first-aid", directory: nil, languages: ["en", "ru"])
    ),
    (["schema"], .schema),
    (["help"], .help(topic: nil)),
    (["help", "validate"], .help(topic: "validate")),
    (["version"], .version),
    (["-V"], .version),
    (
      ["cohort", "new", "spring", "--course", "marina"],
      .cohortNew(name: "spring", course: "marina")
    ),
    (
      ["cohort", "import", "spring", "a.json", "b.json", "--replace"],
      .cohortImport(name: "spring", files: ["a.json", "b.json"], replace: true)
    ),
    (
      ["cohort", "pull", "spring", "--since", "2026-01-01"],
      .cohortPull(name: "spring", since: "2026-01-01", until: nil)
    ),
    (
      ["cohort", "report", "spring", "--csv", "-"],
      .cohortReport(name: "spring", csv: "-", json: false, html: nil, replace: false)
    ),
    (
      ["keys", "new", "--name", "trainer", "--out", "keys"],
      .newKeys(directory: "keys", name: "trainer")
    ),
    (
      ["certificate", "sign", "c.json", "--key", "t.key", "--issuer-name", "Network"],
      .signCertificate(file: "c.json", key: "t.key", issuerName: "Network", output: nil)
    ),
    (["certificate", "verify", "c.json"], .verifyCertificate(file: "c.json", issuerKey: nil)),
    (
      ["certificate", "print", "c.json", "--no-title", "--out", "c.html"],
      .printCertificate(
        file: "c.json", issuerKey: nil, output: "c.html", title: false, replace: false)
    ),
    (["certificate", "context"], .certificateContext),
    (
      ["import", "gift", "quiz.txt", "--out", "Courses/quiz"],
      .importBank(format: .gift, file: "quiz.txt", out: "Courses/quiz")
    ),
    (["import", "moodle", "bank.xml"], .importBank(format: .moodle, file: "bank.xml", out: nil)),
    (["completion", "bash"], .completion(shell: .bash)),
    (["completion", "zsh"], .completion(shell: .zsh)),
    (["man"], .manual),
  ]

  @Test(arguments: 0..<cases.count)
  func eachCommandParsesToWhatItRuns(_ index: Int) throws {
    let (arguments, command) = Self.cases[index]
    #expect(
      try CommandLineParser.parse(arguments).command == command,
      "kurs \(arguments.joined(separator: " "))")
  }

  @Test func everyCommandNameHasACase() {
    let covered = Set(Self.cases.compactMap(\.arguments.first))
    for name in CommandLineParser.commandNames {
      #expect(covered.contains(name), "no parsing test for 'kurs \(name)'")
    }
  }

  /// The global options are read wherever they stand, before or after the command.
  @Test func globalOptionsAreReadBeforeAndAfterTheCommand() throws {
    for arguments in [
      ["--lang", "ru", "--data-dir", "/d", "--plain", "start", "marina"],
      ["start", "marina", "--plain", "--data-dir", "/d", "--lang", "ru"],
    ] {
      let invocation = try CommandLineParser.parse(arguments)
      #expect(invocation.command == .start(course: "marina", module: nil))
      #expect(
        invocation.options.language == "ru" && invocation.options.dataDirectory == "/d"
          && invocation.options.plain)
    }
  }

  /// A mistake names the command and says what to write.
  static let mistakes: [(arguments: [String], says: String)] = [
    (["start"], "kurs start marina"),
    (["forget"], "kurs forget Sveta"),
    (["join"], "kurs join marina-K7P4QX"),
    (["add"], "kurs add marina.xml"),
    (["pack"], "kurs pack marina --out marina.xml"),
    (["publish", "marina"], "kurs publish html marina --out marina.html"),
    (["graph", "example", "--format", "png"], "use dot or mermaid"),
    (["stats"], "kurs stats example"),
    (["new", "lesson", "x"], "kurs new course first-aid"),
    (["new", "course", "x", "--languages", "en en"], "lists a language twice"),
    (["cohort"], "needs new, import, pull or report"),
    (["cohort", "repotr", "spring"], "did you mean 'report'?"),
    (["cohort", "new", "spring"], "--course marina"),
    (
      ["cohort", "report", "spring", "--csv", "-", "--json"],
      "only one of --csv -, --html - and --json"
    ),
    (["keys"], "kurs keys new"),
    (["certificate"], "needs verify, sign, print or context"),
    (["certificate", "sign", "c.json"], "needs your private key (--key)"),
    (["completion", "fish"], "kurs completion bash"),
    (["man", "extra"], "takes no arguments"),
    (["resume", "--strict"], "'kurs resume' has no option --strict"),
    (["strat", "marina"], "did you mean 'start'?"),
  ]

  @Test(arguments: 0..<mistakes.count)
  func aMistakeSaysWhatToWrite(_ index: Int) {
    let (arguments, says) = Self.mistakes[index]
    do {
      let invocation = try CommandLineParser.parse(arguments)
      Issue.record("kurs \(arguments.joined(separator: " ")) was accepted as \(invocation.command)")
    } catch {
      #expect(
        error.description.contains(says),
        "kurs \(arguments.joined(separator: " ")): \(error.description)")
    }
  }

  /// The options every command takes are one list, and the help shows exactly that list.
  @Test func theGlobalOptionsOfTheParserAreThoseTheHelpLists() {
    // --help and --version are listed there too: they stand in for a command.
    let helpAndVersion: Set<String> = ["--help", "-h", "--version", "-V"]
    let overview = HelpText.overview
    let section = overview[
      (overview.range(of: "options for every command:")?.upperBound ?? overview.endIndex)...]
    let block = section.range(of: "\n\n").map { String(section[..<$0.lowerBound]) } ?? ""
    #expect(
      Set(CommandReference.options(in: block)).subtracting(helpAndVersion)
        == CommandLineParser.globalOptions)
    for option in CommandLineParser.globalOptions {
      #expect(throws: Never.self, "\(option) is taken by every command") {
        let value = CommandLineParser.valueOptions.contains(option) ? ["80"] : []
        _ = try CommandLineParser.parse(["resume", option] + value)
      }
    }
  }
}
