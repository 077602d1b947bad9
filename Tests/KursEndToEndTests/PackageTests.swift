import Foundation
import KursKit
import Testing

/// The archive a learner downloads (`scripts/package`), unpacked where no checkout is, run with
/// nothing from the developer's world: an empty environment but for HOME and PATH, HOME and the
/// working directory in other temporary folders, no Swift on PATH.
///
/// A release build takes minutes, so the archive is laid out around the binary under test
/// (`scripts/package --binary`); the release archive itself is checked by hand (BENCHMARKS.md,
/// "Download and cold start").
@Suite(.serialized) struct PackageTests {
  let root: URL
  /// The unpacked `kurs-VERSION-linux-x86_64/`.
  let unpacked: URL
  let home: URL
  /// The working directory: an empty folder.
  let elsewhere: URL
  /// What scripts/package wrote: the archive, the .deb, SHA256SUMS.
  var dist: URL { get throws { try Self.packaged.get() } }

  struct PackageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// `scripts/package` runs once for the suite, into .build/ (ignored by git, replaced on every
  /// run); each test unpacks its own copy.
  static let packaged: Result<URL, PackageError> = {
    let dist = KursProcess.repository.appendingPathComponent(".build/package-tests")
    do {
      let package = try run(
        KursProcess.repository.appendingPathComponent("scripts/package"),
        ["--binary", KursProcess.binary.path, "--out", dist.path, "--fast"],
        in: KursProcess.repository, environment: ProcessInfo.processInfo.environment)
      guard package.exitCode == 0 else {
        return .failure(PackageError(message: "scripts/package failed: \(package.errors)"))
      }
      return .success(dist)
    } catch {
      return .failure(PackageError(message: "scripts/package could not run: \(error)"))
    }
  }()

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-package-\(UUID().uuidString)")
    home = root.appendingPathComponent("home")
    elsewhere = root.appendingPathComponent("elsewhere")
    let unpackHere = root.appendingPathComponent("download")
    for folder in [home, elsewhere, unpackHere] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let dist = try Self.packaged.get()
    let archive = dist.appendingPathComponent("kurs-\(KursCLI.version)-linux-x86_64.tar.xz")
    // What the Install section of README.md tells a learner to do: check, then unpack.
    let check = try Self.run(
      URL(fileURLWithPath: "/usr/bin/sha256sum"), ["-c", "--ignore-missing", "SHA256SUMS"], in: dist
    )
    guard check.exitCode == 0, check.output.contains("\(archive.lastPathComponent): OK") else {
      throw PackageError(message: "sha256sum -c: \(check.output)\(check.errors)")
    }
    let unpack = try Self.run(
      URL(fileURLWithPath: "/usr/bin/tar"), ["-xJf", archive.path], in: unpackHere)
    guard unpack.exitCode == 0 else { throw PackageError(message: "tar: \(unpack.errors)") }
    unpacked = unpackHere.appendingPathComponent("kurs-\(KursCLI.version)-linux-x86_64")
  }

  /// Runs `executable` with `environment` alone (nothing inherited but NO_COLOR) and `input` on
  /// stdin: `KursProcess.run`, which also waits out a binary that is briefly busy after a copy.
  static func run(
    _ executable: URL, _ arguments: [String], in directory: URL, input: String = "",
    environment: [String: String] = [:]
  ) throws -> KursProcess.Result {
    try KursProcess.run(
      arguments, in: directory, input: input, environment: environment, executable: executable,
      inheritEnvironment: false)
  }

  /// `bin/kurs arguments…` of the unpacked archive, as a learner's shell would start it.
  func kurs(_ arguments: [String], input: String = "") throws -> KursProcess.Result {
    try Self.run(
      unpacked.appendingPathComponent("bin/kurs"), arguments, in: elsewhere, input: input,
      environment: ["HOME": home.path, "PATH": "/usr/bin:/bin"])
  }

  @Test func theArchiveHoldsTheBinaryTheCoursesTheContentAndTheDocuments() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    for path in [
      "bin/kurs", "share/kurs/courses/marina/course.xml", "share/kurs/courses/example/course.xml",
      "share/kurs/content/glossary.xml", "README.md", "LICENSE",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: unpacked.appendingPathComponent(path).path),
        "\(path)")
    }
    #expect(
      FileManager.default.isExecutableFile(atPath: unpacked.appendingPathComponent("bin/kurs").path)
    )
  }

  @Test func coursesValidateAndSchemaWorkFromTheUnpackedArchive() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let courses = try kurs(["courses"])
    #expect(courses.exitCode == 0, "\(courses.errors)")
    #expect(courses.output.contains("marina 1.0.0"), "\(courses.output)")
    #expect(courses.output.contains("example 1.0.0"), "\(courses.output)")
    #expect(!courses.output.contains("invalid"), "\(courses.output)")

    let validate = try kurs(["validate", "marina"])
    #expect(validate.exitCode == 0, "\(validate.output)\(validate.errors)")

    let schema = try kurs(["schema"])
    #expect(schema.exitCode == 0, "\(schema.errors)")
    #expect(schema.output.contains("<xs:schema"))
    #expect(schema.output.contains("urn:kurs:course:1"))
  }

  /// Marina's first module played to a pass through the unpacked binary, with the learner's data
  /// in the default place under HOME; `kurs progress` then says passed.
  @Test func aLearnerPassesTheFirstModuleOfTheBundledCourse() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let name = "packaged"
    // A first start with no input makes the profile (its id seeds the choice order) and stops.
    let first = try kurs(["start", "marina", "--learner", name, "--lang", "en"])
    #expect(first.exitCode == 3, "\(first.output)\(first.errors)")
    let data = home.appendingPathComponent(".local/share/kurs")
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    let id = try #require(profiles?.first?["id"] as? String)

    let loaded = CourseLoader(
      contentDirectory: unpacked.appendingPathComponent("share/kurs/content")
    )
    .load(path: unpacked.appendingPathComponent("share/kurs/courses/marina").path)
    let course = try #require(loaded.course, "\(loaded.diagnostics)")
    let module = try #require(course.modules.first)
    let explorer = PathExplorer(engine: Engine(course: course, language: "en", seed: id))
    let passing = try #require(
      try explorer.paths(of: module.id, from: CourseState()).first { $0.status == .passed })
    var lines: [String] = []
    if !course.contentNote.isEmpty { lines.append("") }
    if !module.contentNote.isEmpty { lines.append("") }
    lines += passing.lines + ["", "q"]

    let played = try kurs(
      ["start", "marina", "--learner", name, "--lang", "en"],
      input: lines.joined(separator: "\n") + "\n")
    #expect(played.exitCode == 0, "\(played.output)\(played.errors)")
    let progress = try kurs(["progress", "--learner", name, "--lang", "en"])
    let title = try #require(module.title.resolve("en", fallback: course.defaultLanguage)?.plain)
    #expect(progress.output.contains("\(title): passed"), "\(progress.output)\(progress.errors)")
  }

  /// What the archive's courses folder is for: without it, the unpacked kurs finds no course
  /// (so the tests above did not find the checkout's), says where it looked and fails.
  @Test func withoutItsCoursesFolderTheArchiveFindsNoCourse() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.removeItem(at: unpacked.appendingPathComponent("share/kurs/courses"))
    let courses = try kurs(["courses"])
    #expect(courses.exitCode != 0, "\(courses.output)")
    #expect(!courses.output.contains("marina"), "\(courses.output)")
    #expect(
      (courses.output + courses.errors).contains("share/kurs/courses"),
      "\(courses.output)\(courses.errors)")
  }

  /// The .deb puts the binary in /usr/bin and the courses in /usr/share/kurs, where kurs finds
  /// them, and depends on the libcrypto it loads when a course is read.
  @Test func theDebInstallsKursAndTheCoursesWhereKursFindsThem() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let dist = try self.dist
    let deb = dist.appendingPathComponent("kurs_\(KursCLI.version)_amd64.deb")
    let sums = try String(contentsOf: dist.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
    #expect(sums.contains("  \(deb.lastPathComponent)\n"))
    let depends = try Self.run(
      URL(fileURLWithPath: "/usr/bin/dpkg-deb"), ["-f", deb.path, "Depends"], in: root)
    #expect(depends.output.contains("libssl3 | libssl3t64"), "\(depends.output)\(depends.errors)")

    let installed = root.appendingPathComponent("installed")
    let extract = try Self.run(
      URL(fileURLWithPath: "/usr/bin/dpkg-deb"), ["-x", deb.path, installed.path], in: root)
    #expect(extract.exitCode == 0, "\(extract.errors)")
    let courses = try Self.run(
      installed.appendingPathComponent("usr/bin/kurs"), ["courses"], in: elsewhere,
      environment: ["HOME": home.path, "PATH": "/usr/bin:/bin"])
    #expect(courses.exitCode == 0, "\(courses.errors)")
    #expect(courses.output.contains("marina 1.0.0"), "\(courses.output)")
    #expect(
      courses.output.contains("\(installed.path)/usr/bin/../share/kurs/courses")
        || courses.output.contains("\(installed.path)/usr/share/kurs/courses"), "\(courses.output)")
    #expect(!courses.output.contains("invalid"), "\(courses.output)")
    // The manual page and the completion, where man and bash-completion look for them; the
    // completion knows the packed courses.
    for file in [
      "usr/share/man/man1/kurs.1.gz", "usr/share/bash-completion/completions/kurs",
      "usr/share/zsh/vendor-completions/_kurs",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: installed.appendingPathComponent(file).path),
        "\(file)")
    }
    let completion = try String(
      contentsOf: installed.appendingPathComponent("usr/share/bash-completion/completions/kurs"),
      encoding: .utf8)
    #expect(
      completion.contains("local courses=\"example marina police\""), "\(completion.prefix(600))")
  }

  /// README's Install section names the files this version's scripts/package writes.
  @Test func theInstallSectionNamesTheFilesOfThisVersion() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let readme = try String(
      contentsOf: KursProcess.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let version = KursCLI.version
    for name in ["kurs-\(version)-linux-x86_64.tar.xz", "kurs_\(version)_amd64.deb", "SHA256SUMS"] {
      #expect(readme.contains(name), "README.md, Install: \(name)")
      #expect(
        FileManager.default.fileExists(atPath: try dist.appendingPathComponent(name).path),
        "\(name)")
    }
    #expect(
      readme.contains(
        "tar -xJf kurs-\(version)-linux-x86_64.tar.xz && kurs-\(version)-linux-x86_64/bin/kurs"))
  }
}
