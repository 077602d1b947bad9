import Foundation
import KursKit
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The data folder shared by several `kurs` at once, and handed over by someone else: many real
/// processes started together, planted ids, a folder another account can write to.
@Suite struct SharedDataTests {
  struct Profile: Codable {
    var id: String
    var name: String
    var language: String?
    var cohorts: [String: String]?
  }

  func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func profiles(in data: URL) throws -> [Profile] {
    try JSONDecoder().decode(
      [Profile].self, from: Data(contentsOf: data.appendingPathComponent("learners.json")))
  }

  /// Writes `learners.json` by hand, as someone with access to the folder could.
  func plant(_ profiles: [(id: String, name: String)], in data: URL) throws {
    let entries = profiles.map { profile in
      let name = String(data: try! JSONEncoder().encode(profile.name), encoding: .utf8)!
      return #"{"created":"2026-01-01T00:00:00Z","id":"\#(profile.id)","name":\#(name)}"#
    }
    try Data(("[" + entries.joined(separator: ",") + "]").utf8).write(
      to: data.appendingPathComponent("learners.json"))
  }

  /// Runs every command at the same moment, each as its own `kurs`, and waits for all.
  /// - Parameter delays: microseconds to wait before starting each run (none by default).
  func together(_ runs: [(arguments: [String], input: String)], delays: [UInt32] = [])
    -> [KursProcess.Result?]
  {
    let results = Results(count: runs.count)
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
      if index < delays.count { usleep(delays[index]) }
      results.set(index, try? KursProcess.run(runs[index].arguments, input: runs[index].input))
    }
    return results.all
  }

  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [KursProcess.Result?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: KursProcess.Result?) {
      lock.lock()
      values[index] = value
      lock.unlock()
    }
    var all: [KursProcess.Result?] {
      lock.lock()
      defer { lock.unlock() }
      return values
    }
  }

  // MARK: Finding 5: races on learners.json

  @Test func kursStartedTogetherForOneNewNameMakeOneProfileAndOneFolder() throws {
    for _ in 0..<6 {
      let data = try temporaryFolder("same-name")
      defer { try? FileManager.default.removeItem(at: data) }
      let runs = Array(
        repeating: (["start", "example", "--learner", "Nadia", "--data-dir", data.path], "\n\n\n"),
        count: 4)
      let results = together(runs)
      #expect(results.allSatisfy { $0 != nil })
      let all = try profiles(in: data)
      #expect(all.map(\.name) == ["Nadia"], "one profile, not one per process: \(all.map(\.id))")
      let folders = try FileManager.default.contentsOfDirectory(
        atPath: data.appendingPathComponent("learners").path)
      #expect(folders == all.map(\.id), "no progress kept under a profile that was lost")
    }
  }

  @Test func aNewProfileAndALanguageChangeMadeTogetherAreBothKept() throws {
    for _ in 0..<6 {
      let data = try temporaryFolder("lang-race")
      defer { try? FileManager.default.removeItem(at: data) }
      #expect(
        try KursProcess.run(
          ["start", "example", "--learner", "Olga", "--data-dir", data.path], input: ""
        ).exitCode != 0)
      let results = together([
        (["start", "example", "--learner", "Olga", "--lang", "ru", "--data-dir", data.path], ""),
        (["start", "example", "--learner", "Petra", "--data-dir", data.path], ""),
        (["start", "example", "--learner", "Rita", "--data-dir", data.path], ""),
        (["start", "example", "--learner", "Sara", "--lang", "ru", "--data-dir", data.path], ""),
      ])
      #expect(results.allSatisfy { $0 != nil })
      let all = try profiles(in: data)
      #expect(Set(all.map(\.name)) == ["Olga", "Petra", "Rita", "Sara"])
      #expect(all.first { $0.name == "Olga" }?.language == "ru", "the language change was not lost")
      #expect(all.first { $0.name == "Sara" }?.language == "ru")
    }
  }

  // MARK: Finding 6: forget

  @Test func forgetRacingARunnerNeverLeavesRecordsAfterSayingAllWereDeleted() throws {
    var generator = SeededGenerator()
    let seed = generator.seed
    for _ in 0..<20 {
      let data = try temporaryFolder("forget-race")
      defer { try? FileManager.default.removeItem(at: data) }
      _ = try KursProcess.run(
        ["start", "example", "--learner", "Mira", "--data-dir", data.path], input: "\n\n\n")
      let forgotten = try #require(try profiles(in: data).first).id
      let results = together(
        [
          (["forget", "Mira", "--data-dir", data.path], "Mira\n"),
          (["start", "example", "--learner", "Mira", "--data-dir", data.path], "\n\n\n1\n\n"),
          (["start", "example", "--learner", "Mira", "--data-dir", data.path], "\n\n\n1\n\n"),
          (["resume", "--learner", "Mira", "--data-dir", data.path], "\n\n\n1\n\n"),
          (["progress", "--learner", "Mira", "--data-dir", data.path], ""),
        ], delays: [UInt32.random(in: 0...300_000, using: &generator)])
      let forget = try #require(results[0])
      let learners = data.appendingPathComponent("learners")
      let folders = (try? FileManager.default.contentsOfDirectory(atPath: learners.path)) ?? []
      let ids = try profiles(in: data).map(\.id)
      #expect(
        Set(folders).isSubset(of: Set(ids)),
        "every learner folder belongs to a profile: \(folders) \(ids) (KURS_TEST_SEED=\(seed))")
      if forget.output.contains("Deleted every record") {
        #expect(forget.exitCode == 0)
        #expect(
          !folders.contains(forgotten),
          "a journal was written for the learner after forget (KURS_TEST_SEED=\(seed))")
        #expect(!ids.contains(forgotten))
      } else {
        #expect(forget.exitCode != 0)
        #expect(
          forget.errors.contains("already learning in another kurs window"), "\(forget.errors)")
      }
    }
  }

  @Test func forgetAlsoDeletesTemporaryCopiesOfTheListOfLearners() throws {
    let data = try temporaryFolder("forget-tmp")
    defer { try? FileManager.default.removeItem(at: data) }
    _ = try KursProcess.run(
      ["start", "example", "--learner", "Vera", "--data-dir", data.path], input: "\n")
    let leftover = data.appendingPathComponent(".learners.json.\(UUID().uuidString).tmp")
    try Data(contentsOf: data.appendingPathComponent("learners.json")).write(to: leftover)
    let result = try KursProcess.run(["forget", "Vera", "--data-dir", data.path], input: "Vera\n")
    #expect(result.exitCode == 0)
    let names = try FileManager.default.contentsOfDirectory(atPath: data.path)
    #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    for name in names where !name.hasPrefix("learners") || name.hasSuffix(".json") {
      let url = data.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        #expect(
          !(try String(decoding: Data(contentsOf: url), as: UTF8.self)).contains("Vera"),
          "\(name) still names Vera")
      }
    }
  }

  @Test func aNewProfileWithATakenNameIsRefusedAndAskedAgain() throws {
    let data = try temporaryFolder("taken")
    defer { try? FileManager.default.removeItem(at: data) }
    _ = try KursProcess.run(
      ["start", "example", "--learner", "Ana", "--data-dir", data.path], input: "")
    _ = try KursProcess.run(
      ["start", "example", "--learner", "Bo", "--data-dir", data.path], input: "")
    let result = try KursProcess.run(
      ["start", "example", "--data-dir", data.path], input: "3\nana\nCara\n")
    #expect(
      result.output.contains("there is already a learner called Ana in this data folder"),
      "\(result.output)")
    #expect(try profiles(in: data).map(\.name) == ["Ana", "Bo", "Cara"])
  }

  @Test func twoProfilesOfOneNameFromAnOlderKursAreBothForgottenOneAfterTheOther() throws {
    let data = try temporaryFolder("namesakes")
    defer { try? FileManager.default.removeItem(at: data) }
    try plant([("first", "Zoe"), ("second", "zoe")], in: data)
    let once = try KursProcess.run(["forget", "Zoe", "--data-dir", data.path], input: "Zoe\n")
    #expect(once.exitCode == 0)
    #expect(once.output.contains("Another profile called Zoe remains"), "\(once.output)")
    let twice = try KursProcess.run(["forget", "Zoe", "--data-dir", data.path], input: "Zoe\n")
    #expect(twice.exitCode == 0)
    #expect(!twice.output.contains("Another profile"))
    #expect(try profiles(in: data).isEmpty)
  }

  // MARK: Finding 7: planted ids and a folder someone else prepared

  @Test func plantedProfileIdsNeverBecomePathsOutsideTheLearnersFolder() throws {
    for planted in ["../../precious", "../learners", "/tmp/x", ""] {
      let root = try temporaryFolder("planted")
      defer { try? FileManager.default.removeItem(at: root) }
      let data = root.appendingPathComponent("data")
      try FileManager.default.createDirectory(
        at: data.appendingPathComponent("learners/friend"), withIntermediateDirectories: true)
      try Data("kept".utf8).write(
        to: data.appendingPathComponent("learners/friend/example.journal"))
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent("precious"), withIntermediateDirectories: true)
      try Data("kept".utf8).write(to: root.appendingPathComponent("precious/file"))
      try plant([("friend", "Friend"), (planted, "Eve")], in: data)

      let forget = try KursProcess.run(["forget", "Eve", "--data-dir", data.path], input: "Eve\n")
      #expect(forget.exitCode != 0)
      #expect(
        forget.errors.contains(
          "learners.json: profile 2 has the id '\(planted)', which Kurs never makes"),
        "\(forget.errors)")
      let start = try KursProcess.run(
        ["start", "example", "--learner", "Eve", "--data-dir", data.path], input: "\n\n\n")
      #expect(start.exitCode != 0)
      #expect(start.errors.contains("learners.json"))
      #expect(
        FileManager.default.fileExists(atPath: root.appendingPathComponent("precious/file").path))
      #expect(
        FileManager.default.fileExists(
          atPath: data.appendingPathComponent("learners/friend/example.journal").path))
      #expect(
        !FileManager.default.fileExists(
          atPath: root.appendingPathComponent("precious/example.journal").path))
      #expect(
        !FileManager.default.fileExists(
          atPath: data.appendingPathComponent("learners/example.journal").path))
    }
  }

  @Test func aDataFolderEveryoneCanWriteToIsRefused() throws {
    let data = try temporaryFolder("open")
    defer { try? FileManager.default.removeItem(at: data) }
    #expect(chmod(data.path, 0o777) == 0)
    let result = try KursProcess.run(
      ["start", "example", "--learner", "Ida", "--data-dir", data.path], input: "\n")
    #expect(result.exitCode != 0)
    #expect(
      result.errors.contains(
        "\(data.path): every account on this computer can change this data folder (mode 777)"),
      "\(result.errors)")
    #expect(
      !FileManager.default.fileExists(atPath: data.appendingPathComponent("learners.json").path))
    for arguments in [
      ["cohort", "new", "spring", "--course", "example"], ["courses"], ["progress"], [],
    ] {
      let other = try KursProcess.run(arguments + ["--data-dir", data.path], input: "\n")
      #expect(other.exitCode == 1, "\(arguments)")
      #expect(other.errors.contains("every account on this computer can change this data folder"))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
  }

  @Test(.enabled(if: geteuid() == 0, "needs root to give the folder to another account"))
  func aDataFolderOfAnotherAccountIsRefused() throws {
    let data = try temporaryFolder("foreign")
    defer { try? FileManager.default.removeItem(at: data) }
    #expect(chown(data.path, 65534, 65534) == 0)
    let result = try KursProcess.run(
      ["start", "example", "--learner", "Ida", "--data-dir", data.path], input: "\n")
    #expect(result.exitCode != 0)
    #expect(
      result.errors.contains(
        "\(data.path): this data folder belongs to another account (user id 65534)"),
      "\(result.errors)")
    #expect(
      !FileManager.default.fileExists(atPath: data.appendingPathComponent("learners.json").path))
  }

  @Test func aPlantedLinkWhereALearnersFolderGoesIsNotFollowed() throws {
    let root = try temporaryFolder("link")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    let elsewhere = root.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: data.appendingPathComponent("learners"), withIntermediateDirectories: true)
    try plant([("abc", "Una")], in: data)
    try FileManager.default.createSymbolicLink(
      at: data.appendingPathComponent("learners/abc"), withDestinationURL: elsewhere)
    let result = try KursProcess.run(
      ["start", "example", "--learner", "Una", "--data-dir", data.path], input: "\n\n\n")
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("learners/abc: this is a symbolic link"), "\(result.errors)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
  }
}
