import Foundation
import Testing

@testable import KursKit

@Suite struct Ed25519Tests {
  @Test func keysRoundTripThroughPEM() throws {
    let key = try Ed25519.generate()
    let pem = try key.pem()
    #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    #expect(try Ed25519.privateKey(pem: pem) == key)
    let publicPEM = try key.publicKey.pem()
    #expect(publicPEM.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    #expect(try Ed25519.publicKey(pem: publicPEM) == key.publicKey)
    #expect(
      try key.publicKey.issuerID.hasPrefix("did:key:z6Mk"), "the did:key form of an Ed25519 key")
    #expect(try key.publicKey.legacyIssuerID.count == "urn:kurs:issuer:".count + 16)
    #expect("\(key)" == "Ed25519 private key")
  }

  @Test func signaturesCheckWithTheRightKeyOnly() throws {
    let key = try Ed25519.generate()
    let other = try Ed25519.generate()
    let message = Array("Сертификат".utf8)
    let signature = try key.sign(message)
    #expect(signature.count == 64)
    #expect(try key.publicKey.isValidSignature(signature, of: message))
    #expect(try !other.publicKey.isValidSignature(signature, of: message))
    #expect(try !key.publicKey.isValidSignature(signature, of: message + [0]))
    var flipped = signature
    flipped[10] ^= 0x01
    #expect(try !key.publicKey.isValidSignature(flipped, of: message))
    #expect(try !key.publicKey.isValidSignature([], of: message))
  }

  /// RFC 8032, section 7.1, test 1: the same signature as the standard's.
  @Test func matchesTheRFC8032TestVector() throws {
    let pem = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
      -----END PRIVATE KEY-----

      """
    let key = try Ed25519.privateKey(pem: pem)
    let hex = try key.sign([]).map { String(format: "%02x", $0) }.joined()
    #expect(
      hex
        == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )
  }

  /// Issue 19.2: the issuer id is the key's did:key (multicodec 0xed01, base58btc), here for the
  /// RFC 8032 key (public key d75a9801…511a), computed independently with Python; base58btc
  /// checked with the vectors of draft-msporny-base58.
  @Test func theIssuerIDIsTheKeysDIDKey() throws {
    let pem = """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
      -----END PRIVATE KEY-----

      """
    let key = try Ed25519.privateKey(pem: pem)
    #expect(
      try key.publicKey.issuerID == "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw")
    #expect(Base58.encode(Array("Hello World!".utf8)) == "2NEpo7TZRRrLZSi2U")
    #expect(Base58.encode([0, 0, 0x28, 0x7F, 0xB4, 0xCD]) == "11233QC4")
  }

  @Test func wrongKeyFilesSayWhatTheyAre() throws {
    let key = try Ed25519.generate()
    #expect(throws: Ed25519.KeyError.wrongKind(found: "private", expected: "public")) {
      try Ed25519.publicKey(pem: try key.pem())
    }
    #expect(throws: Ed25519.KeyError.wrongKind(found: "public", expected: "private")) {
      try Ed25519.privateKey(pem: try key.publicKey.pem())
    }
    #expect(throws: Ed25519.KeyError.notAKey(expected: "public")) {
      try Ed25519.publicKey(pem: "hello")
    }
    #expect(throws: Ed25519.KeyError.notAKey(expected: "private")) {
      try Ed25519.privateKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
    }
    #expect(throws: Ed25519.KeyError.encrypted) {
      try Ed25519.privateKey(
        pem: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n")
    }
    // A P-256 public key: PEM, but not Ed25519.
    let p256 = """
      -----BEGIN PUBLIC KEY-----
      MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
      q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==
      -----END PUBLIC KEY-----
      """
    #expect(throws: Ed25519.KeyError.notEd25519) { try Ed25519.publicKey(pem: p256) }
  }
}
