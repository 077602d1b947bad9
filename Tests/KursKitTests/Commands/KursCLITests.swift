import Foundation
import Testing

@testable import KursKit

/// Every command run in-process through `KursCLI`, with a recording console and scripted
/// lines: the same code the binary runs, without launching it (issue 23). The end-to-end suite
/// runs the binary on real files; these tests make a failure point at the command.
@Suite struct KursCLITests {
  let root: URL
  let data: URL
  let courses: URL

  init() throws {
    root = try makeTemporaryDirectory()
    data = root.appendingPathComponent("data")
    courses = Fixtures.repository.appendingPathComponent("Courses")
  }

  struct Run {
    var code: ExitCode
    var output: String
    var errors: String
  }

  /// `kurs arguments…` with `lines` as the learner's input, in a clean environment.
  func kurs(_ arguments: [String], lines: [String] = [], dataFolder: URL? = nil) -> Run {
    let console = RecordingConsole()
    let cli = KursCLI(
      console: console,
      environment: [
        "HOME": root.path, "XDG_CACHE_HOME": root.appendingPathComponent("cache").path,
      ],
      input: ScriptedLines(lines))
    let code = cli.run(
      arguments: arguments + ["--data-dir", (dataFolder ?? data).path, "--courses", courses.path])
    return Run(code: code, output: console.output, errors: console.errors)
  }

  /// The commands each test below runs, for the check that none is left out.
  static let covered: Set<String> = [
    "help", "schema", "man", "completion", "courses", "validate", "graph", "stats", "new", "pack",
    "publish",
    "add", "start", "resume",
    "progress", "export", "forget", "join", "cohort", "certificate", "keys", "import",
  ]

  @Test func everyCommandHasAnInProcessTest() {
    for name in CommandLineParser.commandNames {
      #expect(Self.covered.contains(name), "no in-process test for 'kurs \(name)'")
    }
  }

  @Test func informationCommands() {
    defer { try? FileManager.default.removeItem(at: root) }
    let help = kurs(["help"])
    #expect(help.code == .success && help.output.contains("usage: kurs"))
    #expect(kurs(["help", "nosuch"]).code == .usage)
    #expect(kurs(["help", "nosuch"]).errors.contains("no help for 'nosuch'"))
    #expect(kurs(["schema"]).output.hasPrefix("<?xml"))
    #expect(kurs(["man"]).output.contains(".TH KURS 1"))
    #expect(kurs(["completion", "bash"]).output.contains("-F _kurs kurs"))
    #expect(kurs(["version"]).output.hasPrefix("kurs \(KursVersion.current)"))
  }

  @Test func authoringCommands() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let listed = kurs(["courses"])
    #expect(listed.code == .success && listed.output.contains("example 1.0.0"), "\(listed.errors)")
    let valid = kurs(["validate", courses.appendingPathComponent("example").path, "--strict"])
    #expect(
      valid.code == .success && valid.output.isEmpty && valid.errors.contains("valid: 1 course"))
    #expect(kurs(["graph", "example", "--format", "mermaid"]).output.hasPrefix("flowchart"))
    #expect(kurs(["stats", "example"]).output.contains("module basics"))
    let made = kurs(["new", "course", "first-aid", "--dir", root.path])
    #expect(made.code == .success, "\(made.errors)")
    #expect(
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent("first-aid/course.xml").path))
    let packed = root.appendingPathComponent("example.xml")
    #expect(kurs(["pack", "example", "--out", packed.path]).code == .success)
    let page = root.appendingPathComponent("example.html")
    let published = kurs(["publish", "html", "example", "--out", page.path])
    #expect(published.code == .success, "\(published.errors)")
    #expect(published.output.contains("published course 'example'"))
    #expect(try String(contentsOf: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    let added = kurs(["add", packed.path])
    #expect(
      added.code == .success && added.output.contains("added course 'example'"),
      "\(added.output)\(added.errors)")
    let gift = Fixtures.root.appendingPathComponent("import/gift-questions.txt")
    let imported = kurs([
      "import", "gift", gift.path, "--out", root.appendingPathComponent("quiz").path,
    ])
    #expect(
      imported.code == .success && imported.output.contains("imported 6 questions"),
      "\(imported.errors)")
  }

  /// `kurs start` hands the command's clock and id source to the session: the journal's times
  /// and ids are those given.
  @Test func startTakesTheClockAndIdsOfTheCommand() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let date = Date(timeIntervalSince1970: 1_800_000_000)
    let console = RecordingConsole()
    var cli = KursCLI(
      console: console, environment: ["HOME": root.path],
      input: ScriptedLines(["", "", "", "1", "", "q"]))
    cli.now = { date }
    let ids = LearningSessionTests.Counter()
    cli.newID = { ids.next() }
    let code = cli.run(arguments: [
      "start", "example", "--learner", "Ana", "--data-dir", data.path, "--courses", courses.path,
    ])
    #expect(code == .success, "\(console.errors)")
    let files =
      FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "journal" } ?? []
    let journal = try #require(files.first, "no journal in \(data.path)")
    let entries = try Journal(url: journal, learnerID: "").read().entries
    // The launch mark ("id-1"), then the module's run ("id-2"), then every further step takes
    // the next id in turn. (How many steps there are depends on the learner's shuffle: the
    // learner's own id is random, so answer "1" may be right or wrong.)
    #expect(entries.count >= 5, "\(entries.map(\.id))")
    #expect(
      entries.map(\.id) == ["id-1"] + (0..<(entries.count - 1)).map { "id-\($0 + 3)" })
    #expect(entries.allSatisfy { $0.time == date })
    #expect(entries.dropFirst().allSatisfy { $0.registration == "id-2" })
  }

  @Test func aLearnersCommands() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let started = kurs(
      ["start", "example", "--learner", "Ana"], lines: ["", "", "", "1", "", "q"])
    #expect(started.code == .success, "\(started.errors)")
    #expect(started.output.contains("Ana"))
    let progress = kurs(["progress", "--learner", "Ana"])
    #expect(progress.output.contains("in progress"), "\(progress.output)")
    let resumed = kurs(["resume", "--learner", "Ana"], lines: ["q"])
    #expect(resumed.code == .success, "\(resumed.errors)")
    let file = root.appendingPathComponent("ana.json")
    let exported = kurs(["export", "--out", file.path, "--learner", "Ana"])
    #expect(
      exported.code == .success && FileManager.default.fileExists(atPath: file.path),
      "\(exported.errors)")
    let forgotten = kurs(["forget", "Ana"], lines: ["Ana"])
    #expect(
      forgotten.code == .success && forgotten.output.contains("Deleted every record"),
      "\(forgotten.output)")
    #expect(kurs(["progress", "--learner", "Ana"]).code != .success)
  }

  @Test func aHostsCommands() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let host = root.appendingPathComponent("host")
    let created = kurs(["cohort", "new", "spring", "--course", "example"], dataFolder: host)
    #expect(created.code == .success, "\(created.errors)")
    let code = try #require(
      created.output.split(separator: "\n").first { $0.hasPrefix("Join code: ") }?.dropFirst(
        "Join code: ".count))
    #expect(kurs(["join", String(code), "--learner", "Bea"]).code == .success)
    _ = kurs(["start", "example", "--learner", "Bea"], lines: ["", "", "", "1", "", "q"])
    let file = root.appendingPathComponent("bea.json")
    #expect(kurs(["export", "--out", file.path, "--learner", "Bea"]).code == .success)
    let imported = kurs(["cohort", "import", "spring", file.path], dataFolder: host)
    #expect(
      imported.code == .success && imported.output.contains("added Bea"), "\(imported.errors)")
    let report = kurs(["cohort", "report", "spring"], dataFolder: host)
    #expect(report.code == .success && report.output.contains("Bea"))
    // Pulling from a store that is not there is a message and an exit code, not a hang.
    let pulled = kurs(
      ["cohort", "pull", "spring", "--lrs", "http://127.0.0.1:9/xAPI/"], dataFolder: host)
    #expect(
      pulled.code != .success && pulled.errors.contains("cannot be reached"), "\(pulled.errors)")
  }

  @Test func certificateCommands() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let keys = root.appendingPathComponent("keys")
    let made = kurs(["keys", "new", "--name", "trainer", "--out", keys.path])
    #expect(made.code == .success, "\(made.errors)")
    #expect(kurs(["certificate", "context"]).output.contains("urn:kurs:vocab:"))
    let missing = kurs(["certificate", "verify", root.appendingPathComponent("none.json").path])
    #expect(missing.code != .success && missing.errors.contains("none.json"), "\(missing.errors)")
  }
}
