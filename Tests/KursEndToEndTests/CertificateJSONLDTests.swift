import Foundation
import KursKit
import Testing

/// A certificate the runner issued, read by a real JSON-LD processor (pyld, from PyPI, which
/// scripts/test installs: scripts/third-party-tools pyld), with the published VC 2.0 and Open
/// Badges 3.0 contexts and Kurs's own served from local copies: nothing is fetched.
@Suite struct CertificateJSONLDTests {
  static let environment = ProcessInfo.processInfo.environment
  /// The Python that has pyld: KURS_TEST_PYLD_PYTHON (set by scripts/test), else the virtual
  /// environment scripts/third-party-tools makes.
  static let python: String? = {
    let candidates = [
      environment["KURS_TEST_PYLD_PYTHON"],
      FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(
        ".cache/kurs/pyld-2.0.4/bin/python"
      ).path,
    ].compactMap { $0 }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()
  static let folder = KursProcess.repository.appendingPathComponent(
    "Tests/KursEndToEndTests/JSONLD")

  /// The IRI of each key under `kurs`, by where it is: what urn:kurs:context:1 promises.
  static let iris: [String: [String: String]] = [
    "record": [
      "format": "urn:kurs:vocab:format", "language": "urn:kurs:vocab:language",
      "course": "urn:kurs:vocab:course",
      "modules": "urn:kurs:vocab:modules", "total": "urn:kurs:vocab:total",
      "transcript": "urn:kurs:vocab:transcript",
      "digests": "urn:kurs:vocab:digests",
    ],
    "course": [
      "id": "urn:kurs:vocab:courseId", "version": "urn:kurs:vocab:courseVersion",
      "digest": "urn:kurs:vocab:courseDigest",
    ],
    "modules": [
      "id": "urn:kurs:vocab:moduleId", "score": "urn:kurs:vocab:score",
      "maximum": "urn:kurs:vocab:maximum",
      "passMark": "urn:kurs:vocab:passMark", "passed": "urn:kurs:vocab:passed",
    ],
    "digests": [
      "name": "urn:kurs:vocab:nameDigest", "date": "urn:kurs:vocab:dateDigest",
      "learner": "urn:kurs:vocab:learnerDigest",
      "transcript": "urn:kurs:vocab:transcriptDigest", "scores": "urn:kurs:vocab:scoresDigest",
      "course": "urn:kurs:vocab:courseIdentityDigest",
    ],
  ]

  /// Every value under `kurs` as `IRI/IRI[index]/…=value`, the keys named by their IRIs.
  static func leaves(ofRecord value: Any, scope: String = "record", path: String = "") -> [String] {
    if let object = value as? [String: Any] {
      return object.flatMap { key, nested -> [String] in
        let iri = iris[scope]?[key] ?? "UNDEFINED:\(scope).\(key)"
        let inner = iris[key] != nil && scope == "record" ? key : scope
        return leaves(ofRecord: nested, scope: inner, path: path + "/" + iri)
      }
    }
    if let list = value as? [Any] {
      return list.enumerated().flatMap {
        leaves(ofRecord: $1, scope: scope, path: path + "[\($0)]")
      }
    }
    return ["\(path)=\(value)"]
  }

  /// The same from the expanded form: `{"@value": …}`, `{"@list": […]}` and node objects.
  static func leaves(ofExpanded value: Any, path: String = "") -> [String] {
    if let list = value as? [Any] {
      return list.flatMap { leaves(ofExpanded: $0, path: path) }
    }
    guard let object = value as? [String: Any] else { return ["\(path)=\(value)"] }
    if let literal = object["@value"] { return ["\(path)=\(literal)"] }
    if let items = object["@list"] as? [Any] {
      return items.enumerated().flatMap { leaves(ofExpanded: $1, path: path + "[\($0)]") }
    }
    return object.filter { !$0.key.hasPrefix("@") }.flatMap { key, nested in
      leaves(ofExpanded: nested, path: path + "/" + key)
    }
  }

  /// Expands `credential` with pyld and Kurs's context as `kurs certificate context` prints it.
  func expand(_ credential: URL, in folder: URL) throws -> [[String: Any]] {
    let context = try KursProcess.run(["certificate", "context"])
    #expect(context.exitCode == 0, "\(context.errors)")
    let contextFile = folder.appendingPathComponent("kurs-context-1.jsonld")
    try Data(context.output.utf8).write(to: contextFile)
    let python = try #require(Self.python)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      Self.folder.appendingPathComponent("expand.py").path, credential.path, contextFile.path,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let problems = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pyld: \(problems)")
    return try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
  }

  @Test(
    .enabled(
      if: python != nil,
      "skipped: no pyld; scripts/test installs it from PyPI (scripts/third-party-tools pyld)"))
  func everyKursTermOfAnIssuedCertificateSurvivesJSONLDExpansion() throws {
    let completed = try CompletedCourse("example", language: "ru", name: "Света")
    defer { completed.remove() }
    let expanded = try expand(completed.json, in: completed.data)
    let credential = try #require(expanded.first)
    // The Open Badges part is read as before.
    #expect(
      credential["@type"] as? [String] == [
        "https://www.w3.org/2018/credentials#VerifiableCredential",
        "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential",
      ])
    // Kurs's part is all there, under its IRIs, values and order unchanged.
    let record = try #require(
      credential["urn:kurs:vocab:record"], "the kurs property was dropped by expansion")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: completed.json)) as? [String: Any])
    let original = Self.leaves(ofRecord: try #require(json["kurs"]))
    let found = Self.leaves(ofExpanded: record)
    #expect(original.count > 20)
    #expect(
      !original.contains { $0.contains("UNDEFINED") },
      "keys this test does not know: \(original.filter { $0.contains("UNDEFINED") })")
    #expect(found.sorted() == original.sorted())
    let transcript = try #require(json["kurs"] as? [String: Any])["transcript"] as? [String]
    let expandedTranscript = found.filter { $0.hasPrefix("/urn:kurs:vocab:transcript[") }.count
    #expect(expandedTranscript == transcript?.count)

    // Without Kurs's context (as Kurs 0.2 wrote it), the processor drops all of it: the VC 2.0
    // context has no @vocab to catch undefined terms.
    json["@context"] = [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    let old = completed.data.appendingPathComponent("old.json")
    try JSONSerialization.data(withJSONObject: json).write(to: old)
    let oldExpanded = try expand(old, in: completed.data)
    #expect(oldExpanded.first?["urn:kurs:vocab:record"] == nil)
    #expect(!Self.leaves(ofExpanded: oldExpanded).contains { $0.contains("urn:kurs:vocab") })
  }

  /// What Kurs 0.2 wrote had no context of its own: a JSON-LD processor drops its `kurs` data
  /// (which is why the context was added), but Kurs still verifies it, signed or not.
  @Test func aCertificateFromBeforeKursContextStillVerifiesSignedAndUnsigned() throws {
    let completed = try CompletedCourse("example")
    defer { completed.remove() }
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: completed.json)) as? [String: Any])
    #expect(
      json["@context"] as? [String] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "urn:kurs:context:1",
      ])
    json["@context"] = [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    let old = completed.data.appendingPathComponent("old.json")
    try JSONSerialization.data(
      withJSONObject: json, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    ).write(to: old)
    let verified = try KursProcess.run(["certificate", "verify", old.path])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
    #expect(verified.output.hasPrefix("valid: "))

    let keys = completed.data.appendingPathComponent("keys")
    #expect(
      try KursProcess.run(["keys", "new", "--out", keys.path, "--name", "trainer"]).exitCode == 0)
    let signed = try KursProcess.run([
      "certificate", "sign", old.path, "--key", keys.appendingPathComponent("trainer.key").path,
      "--issuer-name", "Network",
    ])
    #expect(signed.exitCode == 0, "\(signed.output)\(signed.errors)")
    let jwt = try KursProcess.run([
      "certificate", "verify", completed.data.appendingPathComponent("old.jwt").path,
      "--issuer-key",
      keys.appendingPathComponent("trainer.pub").path,
    ])
    #expect(jwt.exitCode == 0, "\(jwt.output)\(jwt.errors)")

    // A context that is neither form is an edit.
    json["@context"] = [
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "https://example.org/other",
    ]
    let edited = completed.data.appendingPathComponent("edited.json")
    try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(
      to: edited)
    let refused = try KursProcess.run(["certificate", "verify", edited.path])
    #expect(refused.exitCode == 1)
    #expect(refused.output.contains("the @context does not match course 'example' 1.0.0"))
  }

  @Test func theContextIsPrintedAsPublishedWithoutTheNetwork() throws {
    let result = try KursProcess.run(["certificate", "context"])
    #expect(result.exitCode == 0)
    let published = try Data(
      contentsOf: KursProcess.repository.appendingPathComponent(
        "Sources/KursKit/Resources/kurs-context-1.jsonld"))
    #expect(Data(result.output.utf8) == published)
    #expect(result.output.contains("\"urn:kurs:vocab:transcript\""))
  }
}
