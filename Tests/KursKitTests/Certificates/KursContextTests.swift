import Foundation
import Testing

@testable import KursKit

@Suite struct KursContextTests {
  /// The binary carries the context: the compiled-in text must be the published file, byte for
  /// byte (run scripts/embed-context after editing the .jsonld).
  @Test func compiledInContextIsTheContextFile() throws {
    let file = Fixtures.repository.appendingPathComponent(
      "Sources/KursKit/Resources/kurs-context-1.jsonld")
    let bytes = try Data(contentsOf: file)
    #expect(Array(KursContext.text.utf8) == Array(bytes))
  }

  /// Every key a credential's `kurs` property can hold is defined, at the level it appears, as
  /// a full `urn:kurs:vocab:` IRI (the JSON-LD processor test in KursEndToEndTests checks the
  /// same with pyld).
  @Test func everyKursTermHasAFullIRI() throws {
    let context = try #require(
      try JSONSerialization.jsonObject(with: Data(KursContext.text.utf8)) as? [String: Any])
    let top = try #require(context["@context"] as? [String: Any])
    let kurs = try #require(top["kurs"] as? [String: Any])
    #expect(kurs["@id"] as? String == "urn:kurs:vocab:record")

    let (credential, _) = try CertificateFixtures.exampleCredential()
    let record = try #require(
      try JSONSerialization.jsonObject(with: JSONEncoder().encode(credential.kurs))
        as? [String: Any])
    var iris: [String] = []
    func check(_ value: Any, scope: [String: Any], path: String) throws {
      if let list = value as? [Any] {
        for item in list { try check(item, scope: scope, path: path) }
        return
      }
      guard let object = value as? [String: Any] else { return }
      for (key, nested) in object {
        let definition = scope[key]
        let iri = (definition as? String) ?? ((definition as? [String: Any])?["@id"] as? String)
        #expect(iri?.hasPrefix(KursContext.vocabulary) == true, "\(path).\(key) has no Kurs IRI")
        iris += iri.map { [$0] } ?? []
        // A property-scoped context applies below its term; the outer terms stay in force.
        var inner = scope
        if let scoped = (definition as? [String: Any])?["@context"] as? [String: Any] {
          inner.merge(scoped) { $1 }
        }
        try check(nested, scope: inner, path: "\(path).\(key)")
      }
    }
    let scoped = try #require(kurs["@context"] as? [String: Any])
    try check(record, scope: scoped, path: "kurs")
    // Different things under one name (`transcript`, `course`) get different IRIs.
    #expect(
      iris.contains("urn:kurs:vocab:transcript") && iris.contains("urn:kurs:vocab:transcriptDigest")
    )
    #expect(
      iris.contains("urn:kurs:vocab:course") && iris.contains("urn:kurs:vocab:courseIdentityDigest")
    )
  }
}
