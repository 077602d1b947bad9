import Foundation
import Testing

@testable import KursKit

@Suite struct LearningPackageTests {
  func course(_ name: String) throws -> Course {
    let path = Fixtures.repository.appendingPathComponent("Courses/\(name)").path
    return try #require(CourseLoader().load(path: path).course)
  }

  /// The binary carries the SCORM schema files, byte for byte as in Resources/scorm (run
  /// scripts/embed-scorm after changing one).
  @Test func compiledInSchemasAreTheSchemaFiles() throws {
    let folder = Fixtures.repository.appendingPathComponent("Sources/KursKit/Resources/scorm")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == SCORMSchemas.names, "run scripts/embed-scorm")
    for name in names {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
      #expect(Array((SCORMSchemas.files[name] ?? "").utf8) == Array(bytes), "\(name)")
    }
  }

  /// example asks for 4 points of basics and practice: the mastery score is 4 over their
  /// maximum, rounded down so that every learner Kurs passes reaches it.
  @Test func masteryScoreComesFromTheCoursesMinimum() throws {
    let example = try course("example")
    let engine = Engine(course: example, language: example.defaultLanguage, seed: "")
    let maximum = engine.maximum(of: "basics") + engine.maximum(of: "practice")
    let score = try #require(LearningPackage.masteryScore(example))
    let value = try #require(Double(score))
    #expect(value <= 4.0 / Double(maximum))
    #expect(value > 4.0 / Double(maximum) - 0.0001)
    #expect(score.split(separator: ".").last?.count == 4)
    #expect(LearningPackage.masteryScore(try course("marina")) == nil)
  }

  @Test func masteryScoreNeverExceedsOne() throws {
    var example = try course("example")
    example.completion.minimumScore = 10_000
    #expect(LearningPackage.masteryScore(example) == "1.0000")
  }

  /// Course text cannot break the manifests: markup is escaped, ids are NCNames.
  @Test func courseTextIsEscapedInTheManifests() throws {
    var example = try course("example")
    example.title = LocalizedText(variants: ["en": InlineText(#"A & B <"quoted">"#)])
    let manifest = LearningPackage.scormManifest(example)
    #expect(manifest.contains("<title>A &amp; B &lt;&quot;quoted&quot;&gt;</title>"))
    let structure = LearningPackage.cmi5Structure(example)
    #expect(structure.contains(#"<langstring lang="en">A &amp; B &lt;&quot;quoted&quot;&gt;"#))
    #expect(LearningPackage.xmlID("a b/č") == "kurs.a_b__")
    #expect(Markup.escapeXML("a\u{1}b") == "ab")
  }

  @Test func aLongTitleIsCutToWhatTheSchemaAllows() {
    let long = String(repeating: "я", count: 300)
    let cut = LearningPackage.limit(long, to: 200)
    #expect(cut.count == 200)
    #expect(cut.hasSuffix("…"))
  }

  /// The package holds the manifest first, the page, and (SCORM) the schemas; the page is
  /// published for the platform.
  @Test func archiveHoldsManifestPageAndSchemas() throws {
    let example = try course("example")
    let date = Date(timeIntervalSince1970: 1_796_385_600)
    let scorm = try LearningPackage.archive(example, kind: .scorm, modified: date)
    #expect(scorm.names == ["imsmanifest.xml", "index.html"] + SCORMSchemas.names)
    let cmi5 = try LearningPackage.archive(example, kind: .cmi5, modified: date)
    #expect(cmi5.names == ["cmi5.xml", "index.html"])
  }
}

@Suite struct PageRecordStoreTests {
  /// The page gets the store's base (lms.js adds "statements") and a Basic header.
  @Test func theStoreOfAPageIsTheRunnersStore() throws {
    let credentials = LRSClient.Credentials(user: "kurs", password: "s3cret:x")
    let client = try LRSClient(
      url: "https://lrs.example.org:8443/xapi/statements", credentials: credentials)
    let store = PlayerPage.Options.RecordStore.forPage(
      statements: client.statementsURL, user: credentials.user, password: credentials.password)
    #expect(store.endpoint == "https://lrs.example.org:8443/xapi/")
    #expect(store.auth == "Basic " + Data("kurs:s3cret:x".utf8).base64EncodedString())
    let open = PlayerPage.Options.RecordStore.forPage(
      statements: try LRSClient(url: "http://127.0.0.1:8100/xAPI/", credentials: nil)
        .statementsURL, user: nil, password: nil)
    #expect(open.endpoint == "http://127.0.0.1:8100/xAPI/")
    #expect(open.auth == nil)
  }
}
