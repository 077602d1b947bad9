import Foundation
import Testing

@testable import KursKit

@Suite struct DuplicateKeysTests {
  @Test func findsAKeyGivenTwiceWithItsPath() {
    #expect(DuplicateKeys.first(in: Data(#"{"a":1,"a":2}"#.utf8)) == "a")
    #expect(DuplicateKeys.first(in: Data(#"{"s":{"x":[1,{"k":"v","k":"w"}]}}"#.utf8)) == "s.x.k")
    // The same key spelled with an escape is the same key.
    #expect(DuplicateKeys.first(in: Data(#"{"ab":1,"\u0061b":2}"#.utf8)) == "ab")
  }

  @Test func sameKeysInSiblingObjectsAndStringsThatLookLikeKeysAreFine() {
    #expect(DuplicateKeys.first(in: Data(#"[{"a":1},{"a":2}]"#.utf8)) == nil)
    #expect(
      DuplicateKeys.first(in: Data(#"{"a":"a","b":{"a":"\"a\""},"c":["a","a"]}"#.utf8)) == nil)
    #expect(DuplicateKeys.first(in: Data(#"{"a":{"b":1},"b":2}"#.utf8)) == nil)
  }

  /// A credential with `identityHash` twice verified as the first value; now it is refused.
  @Test func aCredentialWithAFieldGivenTwiceIsNoCertificate() throws {
    let (credential, _) = try CertificateFixtures.exampleCredential()
    let text = String(decoding: try credential.json(), as: UTF8.self)
    let doubled = text.replacingOccurrences(
      of: #""identityHash" : "Sveta""#,
      with: #""identityHash" : "Sveta", "identityHash" : "Mallory""#)
    #expect(doubled != text)
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("c.json")
    try Data(doubled.utf8).write(to: file)
    #expect {
      _ = try CertificateFiles.read(file.path)
    } throws: { error in
      "\(error)".contains("field 'credentialSubject.identifier.identityHash' is given twice")
    }
  }
}
