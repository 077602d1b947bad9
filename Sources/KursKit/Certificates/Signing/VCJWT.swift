import Foundation

/// A signed certificate: the credential as a JSON Web Token signed with Ed25519 (a "VC-JWT"),
/// as Open Badges 3.0 section 8.2 ("JSON Web Token Proof Format") describes it:
///
/// - JOSE header `{"alg":"EdDSA","jwk":{"crv":"Ed25519","kty":"OKP","x":…},"typ":"JWT"}`: OB3
///   allows only `alg`, `kid`, `jwk` and `typ` (which, when present, must be `JWT`); the public
///   key goes in `jwk` because Kurs keys have no URL for a `kid` to point at.
/// - Payload: the credential itself (VC data model 2.0, as VC-JOSE-COSE secures it) with the
///   claims OB3 requires: `iss` (issuer.id), `sub` (credentialSubject.id), `jti` (id) and `nbf`
///   (validFrom, in seconds).
/// - Signature: Ed25519 over `BASE64URL(header) "." BASE64URL(payload)` (RFC 8037).
///
/// The signature covers the exact bytes, so nothing needs to be put in canonical form, which an
/// embedded Data Integrity proof would need (docs/certificates.md says why this was chosen).
public enum VCJWT {
  /// Why a signed certificate is not accepted.
  public enum SignatureError: Error, Equatable, CustomStringConvertible {
    /// Not three base64url parts of JSON, or a payload that is no credential.
    case malformed(String)
    case unsupportedAlgorithm(String)
    /// The header names another key than the one given, and the signature fails with the one given.
    case otherKey(signedWith: String, given: String)
    /// The signature does not match the header and payload.
    case badSignature
    /// A JWT claim disagrees with the credential.
    case claimMismatch(claim: String, field: String)
    /// The credential names another issuer than the key's.
    case issuerMismatch(named: String, key: String)
    /// The header's `typ` is not `JWT`.
    case wrongType(String)
    /// The token's `exp` has passed (Kurs never writes one; another issuer may).
    case expired(String)

    public var description: String {
      switch self {
      case .malformed(let reason):
        return "the signed certificate is damaged: \(reason)"
      case .unsupportedAlgorithm(let algorithm):
        return
          "the certificate is signed with '\(algorithm)'; kurs checks EdDSA (Ed25519) signatures only"
      case .otherKey(let signedWith, let given):
        return
          "the certificate was signed with another key (\(signedWith)), not with the key given (\(given)); ask the issuer for their public key"
      case .badSignature:
        return
          "the signature does not match: the certificate was changed after it was signed, or it was signed with another key"
      case .claimMismatch(let claim, let field):
        return
          "the token's '\(claim)' claim does not match the credential's \(field): the token was not made by kurs certificate sign"
      case .issuerMismatch(let named, let key):
        return "the certificate names its issuer '\(named)', but the key given belongs to '\(key)'"
      case .wrongType(let type):
        return
          "the token's type is '\(type)', not 'JWT': it is not a signed certificate as kurs certificate sign makes them"
      case .expired(let date):
        return
          "the signed certificate expired on \(date) (its 'exp' claim); ask the issuer for a new one"
      }
    }
  }

  struct Header: Codable, Equatable {
    var alg: String
    var typ: String?
    var jwk: JWK?
    var kid: String?
    /// Extensions a verifier must understand (RFC 7515 §4.1.11): Kurs understands none.
    var crit: [String]?
  }

  /// An Ed25519 public key as a JWK (RFC 8037).
  struct JWK: Codable, Equatable {
    var kty: String
    var crv: String
    var x: String
  }

  /// The registered claims OB3 asks for.
  struct Claims: Codable {
    var iss: String
    var sub: String
    var jti: String
    var nbf: Int
    /// When the token expires, in seconds: Kurs never writes it; when present, it is honoured.
    var exp: Int?
  }

  /// The payload: the credential's own properties and the claims beside them.
  private struct Payload: Encodable {
    var credential: Credential
    var claims: Claims

    func encode(to encoder: Encoder) throws {
      try credential.encode(to: encoder)
      try claims.encode(to: encoder)
    }
  }

  /// The issuer a key signs as.
  public static func issuer(for key: Ed25519.PublicKey, name: String) -> Credential.Profile {
    Credential.Profile(id: key.issuerID, name: name)
  }

  /// Signs a credential as the holder of `key`, under the name `issuerName`.
  /// - Returns: the compact JWS, and the credential as signed (its issuer replaced).
  /// - Throws: `Ed25519.KeyError` when OpenSSL fails; an encoding error that cannot happen for
  ///   a credential that was decoded.
  public static func sign(
    _ credential: Credential, with key: Ed25519.PrivateKey, issuerName: String
  ) throws -> (token: String, credential: Credential) {
    try sign(credential, with: key, issuerName: issuerName, issuerID: nil)
  }

  /// `sign`, naming the issuer `issuerID` instead of the key's did:key: tests sign as Kurs 0.2 did.
  static func sign(
    _ credential: Credential, with key: Ed25519.PrivateKey, issuerName: String, issuerID: String?
  ) throws -> (token: String, credential: Credential) {
    let publicKey = try key.publicKey
    var signed = credential
    signed.issuer = Credential.Profile(id: issuerID ?? publicKey.issuerID, name: issuerName)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let header = Header(
      alg: "EdDSA", typ: "JWT",
      jwk: JWK(kty: "OKP", crv: "Ed25519", x: Base64URL.encode(Data(publicKey.raw))))
    let nbf = Int(CertificateIssuer.date(from: signed.validFrom)?.timeIntervalSince1970 ?? 0)
    let payload = Payload(
      credential: signed,
      claims: Claims(
        iss: signed.issuer.id, sub: signed.credentialSubject.id, jti: signed.id, nbf: nbf))
    let input =
      Base64URL.encode(try encoder.encode(header)) + "."
      + Base64URL.encode(try encoder.encode(payload))
    let signature = try key.sign(Array(input.utf8))
    return (input + "." + Base64URL.encode(Data(signature)), signed)
  }

  /// Checks a signed certificate's signature with the issuer's public key, then that its claims
  /// agree with the credential, and returns the credential. The credential's content still has
  /// to be checked against the course (`CertificateVerifier`).
  /// - Parameter now: the time an `exp` claim is compared with.
  public static func verify(_ token: String, publicKey: Ed25519.PublicKey, now: Date = Date())
    throws(SignatureError) -> Credential
  {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else {
      throw .malformed("a signed certificate has three parts joined by dots")
    }
    guard let headerData = Base64URL.decode(parts[0]) else {
      throw .malformed("its header is not base64url")
    }
    guard let payloadData = Base64URL.decode(parts[1]) else {
      throw .malformed("its content is not base64url")
    }
    guard let signature = Base64URL.decode(parts[2]) else {
      throw .malformed("its signature is not base64url")
    }
    for (part, data) in [("header", headerData), ("content", payloadData)] {
      if let key = DuplicateKeys.first(in: data) {
        throw .malformed(
          "its \(part) gives '\(key)' twice; a signed certificate names each field once")
      }
    }
    let header: Header
    do {
      header = try JSONDecoder().decode(Header.self, from: headerData)
    } catch {
      throw .malformed("its header is not a JOSE header")
    }
    guard header.alg == "EdDSA" else { throw .unsupportedAlgorithm(header.alg) }
    guard header.crit == nil else {
      throw .malformed("its header has critical extensions kurs does not know")
    }
    // OB3 8.2: `typ`, when present, is `JWT` (what kurs certificate sign writes).
    if let type = header.typ, type != "JWT" { throw .wrongType(type) }

    let input = Array((parts[0] + "." + parts[1]).utf8)
    guard publicKey.isValidSignature(Array(signature), of: input) else {
      if let jwk = header.jwk, let raw = Base64URL.decode(jwk.x),
        let named = Ed25519.PublicKey(raw: Array(raw)),
        named != publicKey
      {
        throw .otherKey(signedWith: named.issuerID, given: publicKey.issuerID)
      }
      throw .badSignature
    }

    let credential: Credential
    let claims: Claims
    do {
      credential = try CertificateFiles.decode(payloadData)
    } catch {
      throw .malformed("its content is not a credential: \(error)")
    }
    do {
      claims = try JSONDecoder().decode(Claims.self, from: payloadData)
    } catch {
      throw .malformed("its content lacks the claims iss, sub, jti and nbf")
    }
    guard claims.iss == credential.issuer.id else {
      throw .claimMismatch(claim: "iss", field: "issuer.id")
    }
    guard claims.sub == credential.credentialSubject.id else {
      throw .claimMismatch(claim: "sub", field: "credentialSubject.id")
    }
    guard claims.jti == credential.id else { throw .claimMismatch(claim: "jti", field: "id") }
    let validFrom = CertificateIssuer.date(from: credential.validFrom).map {
      Int($0.timeIntervalSince1970)
    }
    guard claims.nbf == validFrom else { throw .claimMismatch(claim: "nbf", field: "validFrom") }
    if let exp = claims.exp, now.timeIntervalSince1970 >= Double(exp) {
      throw .expired(Date(timeIntervalSince1970: Double(exp)).formatted(.iso8601))
    }
    guard
      credential.issuer.id == publicKey.issuerID || credential.issuer.id == publicKey.legacyIssuerID
    else {
      throw .issuerMismatch(named: credential.issuer.id, key: publicKey.issuerID)
    }
    return credential
  }
}
