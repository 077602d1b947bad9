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

  func parts(_ token: String) -> [String] {
    token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
  }

  func json(_ part: String) throws -> [String: Any] {
    let data = try #require(Base64URL.decode(part))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func signsAsOpenBadgesDescribes() throws {
    let (token, signed) = try VCJWT.sign(
      credential, with: key, issuerName: "Harm Reduction Network")
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

  /// Issue 19.2: certificates Kurs 0.2 signed name the issuer `urn:kurs:issuer:…`; they still
  /// verify with the same key, now that new ones name it by its did:key.
  @Test func aCertificateSignedWithTheOldIssuerIDStillVerifies() throws {
    let legacy = try key.publicKey.legacyIssuerID
    let (token, signed) = try VCJWT.sign(
      credential, with: key, issuerName: "Trainer", issuerID: legacy)
    #expect(signed.issuer.id.hasPrefix("urn:kurs:issuer:"))
    #expect(try VCJWT.verify(token, publicKey: try key.publicKey) == signed)
    let (current, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    #expect(
      try VCJWT.verify(current, publicKey: try key.publicKey).issuer.id.hasPrefix("did:key:z6Mk"))
  }

  /// A certificate exactly as Kurs 0.2 signed it: no Kurs context, the old issuer id. It
  /// verifies, signature and content.
  @Test func aCertificateAsKurs02SignedItStillVerifies() throws {
    var old = credential
    old.context = Credential.contextWithoutKurs
    let (token, _) = try VCJWT.sign(
      old, with: key, issuerName: "Trainer", issuerID: try key.publicKey.legacyIssuerID)
    let checked = try VCJWT.verify(token, publicKey: try key.publicKey)
    #expect(checked.context == [Credential.credentialsContext, Credential.openBadgesContext])
    #expect(CertificateVerifier.verify(checked, against: course) == [])
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
    #expect(
      throws: VCJWT.SignatureError.otherKey(
        signedWith: try key.publicKey.issuerID, given: other.issuerID)
    ) {
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
      changed[position] =
        changed[position] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
      #expect(throws: VCJWT.SignatureError.self) {
        try VCJWT.verify(String(decoding: changed, as: UTF8.self), publicKey: publicKey)
      }
    }
    bytes.removeLast()
    #expect(throws: VCJWT.SignatureError.self) {
      try VCJWT.verify(String(decoding: bytes, as: UTF8.self), publicKey: publicKey)
    }
  }

  @Test func anEditedPayloadSaysTheCertificateWasChanged() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let pieces = parts(token)
    let payload = String(decoding: try #require(Base64URL.decode(pieces[1])), as: UTF8.self)
      .replacingOccurrences(of: "\"identityHash\":\"Sveta\"", with: "\"identityHash\":\"Olga\"")
    let forged = pieces[0] + "." + Base64URL.encode(Data(payload.utf8)) + "." + pieces[2]
    #expect(throws: VCJWT.SignatureError.badSignature) {
      try VCJWT.verify(forged, publicKey: try key.publicKey)
    }
  }

  @Test func unsignedAndOtherAlgorithmsAreRefused() throws {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    let pieces = parts(token)
    let none = Base64URL.encode(Data(#"{"alg":"none"}"#.utf8))
    #expect(throws: VCJWT.SignatureError.unsupportedAlgorithm("none")) {
      try VCJWT.verify(none + "." + pieces[1] + ".", publicKey: try key.publicKey)
    }
    #expect(throws: VCJWT.SignatureError.self) {
      try VCJWT.verify("a.b", publicKey: try key.publicKey)
    }
    #expect(throws: VCJWT.SignatureError.self) {
      try VCJWT.verify("!!.??.**", publicKey: try key.publicKey)
    }
  }

  /// A token signed properly over `header` and `payload` as given (as another tool could make).
  func token(header: String, payload: Data) throws -> String {
    let input = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(payload)
    return input + "." + Base64URL.encode(Data(try key.sign(Array(input.utf8))))
  }

  /// The payload of a properly signed token, as JSON text.
  func payloadText() throws -> String {
    let (token, _) = try VCJWT.sign(credential, with: key, issuerName: "Trainer")
    return String(decoding: try #require(Base64URL.decode(parts(token)[1])), as: UTF8.self)
  }

  static let header = #"{"alg":"EdDSA","typ":"JWT"}"#

  @Test func aTokenWhoseTypeIsNotJWTIsRefused() throws {
    let payload = Data(try payloadText().utf8)
    #expect(throws: Never.self) {
      try VCJWT.verify(
        try token(header: Self.header, payload: payload), publicKey: try key.publicKey)
    }
    #expect(throws: Never.self) {
      try VCJWT.verify(
        try token(header: #"{"alg":"EdDSA"}"#, payload: payload), publicKey: try key.publicKey)
    }
    #expect(throws: VCJWT.SignatureError.wrongType("vc+ld+json")) {
      try VCJWT.verify(
        try token(header: #"{"alg":"EdDSA","typ":"vc+ld+json"}"#, payload: payload),
        publicKey: try key.publicKey)
    }
  }

  @Test func aDuplicateKeyInTheHeaderOrTheContentIsRefusedEvenWhenSigned() throws {
    let payload = try payloadText()
    // The same subject written twice: JSONDecoder would read the first, most parsers the last.
    let doubled = payload.replacingOccurrences(
      of: #""sub":"#, with: #""sub":"urn:uuid:00000000-0000-4000-8000-000000000000","sub":"#)
    #expect(doubled != payload)
    #expect {
      try VCJWT.verify(
        try token(header: Self.header, payload: Data(doubled.utf8)), publicKey: try key.publicKey)
    } throws: { error in
      "\(error)".contains("'sub' twice")
    }
    #expect {
      try VCJWT.verify(
        try token(header: #"{"alg":"EdDSA","alg":"none"}"#, payload: Data(payload.utf8)),
        publicKey: try key.publicKey)
    } throws: { error in
      "\(error)".contains("header gives 'alg' twice")
    }
  }

  /// `exp`: Kurs never writes it; a token that has one is refused once it has passed.
  @Test func anExpiredTokenIsRefusedAndKursWritesNoExpiry() throws {
    #expect(!(try payloadText()).contains(#""exp""#))
    let payload = try payloadText()
    let expiring = String(payload.dropLast()) + #","exp":1800000000}"#
    let token = try token(header: Self.header, payload: Data(expiring.utf8))
    let before = Date(timeIntervalSince1970: 1_799_999_999)
    #expect(throws: Never.self) {
      try VCJWT.verify(token, publicKey: try key.publicKey, now: before)
    }
    #expect(throws: VCJWT.SignatureError.expired("2027-01-15T08:00:00Z")) {
      try VCJWT.verify(
        token, publicKey: try key.publicKey, now: Date(timeIntervalSince1970: 1_800_000_000))
    }
  }
}
