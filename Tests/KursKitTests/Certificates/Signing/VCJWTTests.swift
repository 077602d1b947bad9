import Foundation
import Testing

@testable import KursKit

@Suite struct VCJWTTests {
  let credential: Credential
  let course: Course
  let key: Ed25519.PrivateKey

  init() throws {
    (credential, course) = try CertificateFixtures.exampleCredential()
    key = try Ed25519.generate()
  }

  func parts(_ token: String) -> [String] { token.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }

  func json(_ part: String) throws -> [String: Any] {
    let data = try #require(Base64URL.decode(part))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func signsAsOpenBadgesDescribes() throws {
    let (token, signed) = try VCJWT.sign(credential, with: key, issuerName: "Harm Reduction Network")
    let header = try json(parts(token)[0])
    #expect(header["alg"] as? String == "EdDSA")
    #expect(header["typ"] as? String == "JWT")
    let jwk = try #require(header["jwk"] as? [String: String])
    #expect(jwk["kty"] == "OKP" && jwk["crv"] == "Ed25519")
    #expect(Set(header.keys) == ["alg", "typ", "jwk"])
    let payload = try json(parts(token)[1])
    #expect(payload["iss"] as? String == signed.issuer.id)
    #expect(payload["sub"] as? String == credential.credentialSubject.id)
    #expect(payload["jti"] as? String == credential.id)
    #expect(payload["nbf"] as? Int == 1_777_629_600)
    #expect((payload["issuer"] as? [String: Any])?["name"] as? String == "Harm Reduction Network")
    #expect(signed.issuer.id == (try key.publicKey.issuerID))
    #expect(!token.contains("="))
  }

  @Test func theRightKeyChecksAndTheContentStaysValid() throws {
    let (token, signed) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let checked = try VCJWT.verify(token, publicKey: try key.publicKey)
    #expect(checked == signed)
    #expect(CertificateVerifier.verify(checked, against: course) == [])
  }

  @Test func theWrongKeyIsRefusedAndNamed() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let other = try Ed25519.generate().publicKey
    #expect(throws: VCJWT.SignatureError.otherKey(signedWith: try key.publicKey.issuerID, given: other.issuerID)) {
      try VCJWT.verify(token, publicKey: other)
    }
  }

  @Test func aFlippedByteAnywhereIsRefused() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let publicKey = try key.publicKey
    var bytes = Array(token.utf8)
    // One position in each part: the header, the payload, the signature.
    let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
    for position in [5, dots[0] + 40, dots[1] + 20] {
      var changed = bytes
      changed[position] = changed[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
      #expect(throws: VCJWT.SignatureError.self) {
        try VCJWT.verify(String(decoding: changed, as: UTF8.self), publicKey: publicKey)
      }
    }
    bytes.removeLast()
    #expect(throws: VCJWT.SignatureError.self) { try VCJWT.verify(String(decoding: bytes, as: UTF8.self), publicKey: publicKey) }
  }

  @Test func anEditedPayloadSaysTheCertificateWasChanged() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let pieces = parts(token)
    let payload = String(decoding: try #require(Base64URL.decode(pieces[1])), as: UTF8.self)
      .replacingOccurrences(of: "\"identityHash\":\"Sveta\"", with: "\"identityHash\":\"Olga\"")
    let forged = pieces[0] + "." + Base64URL.encode(Data(payload.utf8)) + "." + pieces[2]
    #expect(throws: VCJWT.SignatureError.badSignature) { try VCJWT.verify(forged, publicKey: try key.publicKey) }
  }

  @Test func unsignedAndOtherAlgorithmsAreRefused() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let pieces = parts(token)
    let none = Base64URL.encode(Data(#"{"alg":"none"}"#.utf8))
    #expect(throws: VCJWT.SignatureError.unsupportedAlgorithm("none")) {
      try VCJWT.verify(none + "." + pieces[1] + ".", publicKey: try key.publicKey)
    }
    #expect(throws: VCJWT.SignatureError.self) { try VCJWT.verify("a.b", publicKey: try key.publicKey) }
    #expect(throws: VCJWT.SignatureError.self) { try VCJWT.verify("!!.??.**", publicKey: try key.publicKey) }
  }
}
