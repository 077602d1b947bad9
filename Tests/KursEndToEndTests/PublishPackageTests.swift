import Foundation
import Testing

/// `kurs publish scorm` and `kurs publish cmi5` through the real binary: the package unzips
/// cleanly with Info-ZIP's unzip, its manifest validates against the published schemas with
/// libxml2's xmllint, and every file the manifest names is in it.
@Suite(.serialized) struct PublishPackageTests {
  /// A checker from Debian (scripts/test installs it), or `nil` when it is not installed.
  static func tool(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/usr/local/bin/\(name)", "/bin/\(name)"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }
  static let checkers = tool("xmllint") != nil && tool("unzip") != nil

  struct Run {
    var output: String
    var status: Int32
  }

  /// Runs a checker and returns what it printed on both streams.
  static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(output: String(decoding: data, as: UTF8.self), status: process.terminationStatus)
  }

  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Publishes `course` as `kind` with the real binary and unpacks it into `folder/unpacked`.
  func publishAndUnpack(_ kind: String, _ course: String, in folder: URL) throws -> (
    zip: URL, unpacked: URL
  ) {
    let zip = folder.appendingPathComponent("\(course)-\(kind).zip")
    let published = try KursProcess.run(["publish", kind, course, "--out", zip.path])
    #expect(published.exitCode == 0, "\(published.errors)")
    #expect(published.output.contains("published course '\(course)'"))
    let unzip = try #require(Self.tool("unzip"))
    let tested = try Self.run(unzip, ["-t", zip.path], in: folder)
    #expect(tested.status == 0 && tested.output.contains("No errors detected"), "\(tested.output)")
    let unpacked = folder.appendingPathComponent("unpacked")
    let extracted = try Self.run(unzip, ["-q", zip.path, "-d", unpacked.path], in: folder)
    #expect(extracted.status == 0, "\(extracted.output)")
    return (zip, unpacked)
  }

  /// The files a manifest names (`href="…"`, `<url>…</url>`), which must all be in the package.
  static func namedFiles(_ manifest: String) -> [String] {
    var names: [String] = []
    for pattern in [#"href="([^"]+)""#, #"<url>([^<]+)</url>"#] {
      let expression = try? NSRegularExpression(pattern: pattern)
      let range = NSRange(manifest.startIndex..., in: manifest)
      for match in expression?.matches(in: manifest, range: range) ?? [] {
        if let found = Range(match.range(at: 1), in: manifest) {
          names.append(String(manifest[found]))
        }
      }
    }
    return names
  }

  @Test(
    .enabled(if: checkers, "skipped: needs xmllint and unzip; scripts/test installs them"),
    arguments: ["example", "marina"])
  func scormPackageValidatesAgainstTheSCORMSchemasItCarries(course: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, unpacked) = try publishAndUnpack("scorm", course, in: folder)
    let unzip = try #require(Self.tool("unzip"))
    let listing = try Self.run(unzip, ["-Z1", zip.path], in: folder).output
      .split(separator: "\n").map(String.init)
    #expect(listing.first == "imsmanifest.xml", "the manifest comes first: \(listing)")
    #expect(
      Set(listing) == [
        "imsmanifest.xml", "index.html", "adlcp_rootv1p2.xsd", "ims_xml.xsd",
        "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd",
      ])
    // Validated with the schema files from the package itself: the package is self-contained.
    // adlcp_rootv1p2.xsd imports imscp_rootv1p1p2.xsd (and that ims_xml.xsd), so both
    // namespaces of the manifest are checked strictly.
    let xmllint = try #require(Self.tool("xmllint"))
    let valid = try Self.run(
      xmllint, ["--noout", "--nonet", "--schema", "adlcp_rootv1p2.xsd", "imsmanifest.xml"],
      in: unpacked)
    #expect(valid.status == 0, "\(valid.output)")
    #expect(valid.output.contains("imsmanifest.xml validates"))
    // The metadata schema the manifest names compiles too (it is shipped for the platform).
    let metadata = try Self.run(
      xmllint, ["--noout", "--nonet", "--schema", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"],
      in: unpacked)
    #expect(!metadata.output.contains("failed to compile"), "\(metadata.output)")
    let manifest = try String(
      contentsOf: unpacked.appendingPathComponent("imsmanifest.xml"), encoding: .utf8)
    #expect(manifest.contains("<schemaversion>1.2</schemaversion>"))
    #expect(manifest.contains(#"adlcp:scormtype="sco""#))
    let named = Self.namedFiles(manifest)
    #expect(named.contains("index.html"))
    for name in named + ["adlcp_rootv1p2.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd"] {
      #expect(
        FileManager.default.fileExists(atPath: unpacked.appendingPathComponent(name).path),
        "the manifest names \(name), which is not in the package")
    }
    let page = try String(
      contentsOf: unpacked.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.contains(#"{"lrs":null,"mode":"scorm"}"#))
  }

  /// A manifest that breaks the schema is caught: the check above can fail.
  @Test(.enabled(if: checkers, "skipped: needs xmllint and unzip; scripts/test installs them"))
  func aBrokenManifestFailsTheSchema() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (_, unpacked) = try publishAndUnpack("scorm", "example", in: folder)
    let file = unpacked.appendingPathComponent("imsmanifest.xml")
    let manifest = try String(contentsOf: file, encoding: .utf8)
    try manifest.replacingOccurrences(of: #"adlcp:scormtype="sco""#, with: #"adlcp:scormtype="x""#)
      .write(to: file, atomically: true, encoding: .utf8)
    let xmllint = try #require(Self.tool("xmllint"))
    let checked = try Self.run(
      xmllint, ["--noout", "--nonet", "--schema", "adlcp_rootv1p2.xsd", "imsmanifest.xml"],
      in: unpacked)
    #expect(checked.status != 0)
  }

  /// The cmi5 course structure validates against the cmi5 CourseStructure.xsd, names a launch
  /// URL that is in the package, and carries the course's pass rule.
  @Test(
    .enabled(if: checkers, "skipped: needs xmllint and unzip; scripts/test installs them"),
    arguments: ["example", "marina"])
  func cmi5PackageValidatesAgainstTheCourseStructureSchema(course: String) throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (zip, unpacked) = try publishAndUnpack("cmi5", course, in: folder)
    let unzip = try #require(Self.tool("unzip"))
    let listing = try Self.run(unzip, ["-Z1", zip.path], in: folder).output
      .split(separator: "\n").map(String.init)
    #expect(listing == ["cmi5.xml", "index.html"])
    let schema = try CMI5Schema.install(in: folder)
    let xmllint = try #require(Self.tool("xmllint"))
    let valid = try Self.run(
      xmllint, ["--noout", "--nonet", "--schema", schema.path, "cmi5.xml"], in: unpacked)
    #expect(valid.status == 0, "\(valid.output)")
    let structure = try String(
      contentsOf: unpacked.appendingPathComponent("cmi5.xml"), encoding: .utf8)
    #expect(structure.contains(#"moveOn="CompletedAndPassed""#))
    #expect(structure.contains(#"<course id="urn:kurs:course:\#(course)">"#))
    for name in Self.namedFiles(structure) {
      #expect(FileManager.default.fileExists(atPath: unpacked.appendingPathComponent(name).path))
    }
    // example asks for 4 points of its counted modules: a mastery score; marina asks for none.
    #expect(structure.contains("masteryScore=") == (course == "example"))
    let page = try String(
      contentsOf: unpacked.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(page.contains(#"{"lrs":null,"mode":"cmi5"}"#))
  }

  /// An --out in a folder that does not exist: a clear message, an error code, and no file.
  @Test func aMissingFolderWritesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip = folder.appendingPathComponent("no/such/folder/x.zip")
    let result = try KursProcess.run(["publish", "scorm", "example", "--out", zip.path])
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("does not exist; nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: zip.path))
  }

  /// --lrs belongs to the plain page: a package reports to its platform, so it is refused.
  @Test func aPackageRefusesARecordStore() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let zip = folder.appendingPathComponent("x.zip")
    let result = try KursProcess.run(
      ["publish", "scorm", "example", "--out", zip.path, "--lrs", "http://127.0.0.1:8100/xAPI/"])
    #expect(result.exitCode == 64)
    #expect(result.errors.contains("--lrs is for 'kurs publish html'"))
    #expect(!FileManager.default.fileExists(atPath: zip.path))
  }

  /// An invalid course is refused with its file and line, and no package is written.
  @Test func anInvalidCourseWritesNoPackage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = folder.appendingPathComponent("broken.xml")
    try "<course id=\"broken\" version=\"1\">\n<oops/>\n".write(
      to: course, atomically: true, encoding: .utf8)
    let zip = folder.appendingPathComponent("broken.zip")
    let result = try KursProcess.run(["publish", "cmi5", course.path, "--out", zip.path])
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("broken.xml:"))
    #expect(!FileManager.default.fileExists(atPath: zip.path))
  }
}

/// The cmi5 CourseStructure.xsd (Tests/KursKitTests/Fixtures/schemas/cmi5, origin in its
/// ORIGIN.md). The copy found names the namespace of the 2016 drafts
/// (`http://aicc.org/CMI5/CourseStructure.xsd`); cmi5 Quartz publishes the same schema under
/// `https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd`, the namespace packages and
/// platforms use. The test installs a copy under that namespace, changing nothing else.
enum CMI5Schema {
  static let source = KursProcess.repository.appendingPathComponent(
    "Tests/KursKitTests/Fixtures/schemas/cmi5/CourseStructure.xsd")
  static let namespace = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"

  static func install(in folder: URL) throws -> URL {
    let text = try String(contentsOf: source, encoding: .utf8)
    let draft = "http://aicc.org/CMI5/CourseStructure.xsd"
    #expect(text.components(separatedBy: draft).count == 3, "the schema names its namespace twice")
    let file = folder.appendingPathComponent("CourseStructure.xsd")
    try text.replacingOccurrences(of: draft, with: namespace).write(
      to: file, atomically: true, encoding: .utf8)
    return file
  }
}
