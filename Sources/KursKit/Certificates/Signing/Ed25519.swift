import CCrypto
import CCryptoLoader
import Foundation

/// Ed25519 keys and signatures through OpenSSL's libcrypto: the only file that talks to
/// libcrypto for signatures. Keys are kept as their raw bytes; every OpenSSL object lives inside
/// one function and is freed there.
public enum Ed25519 {
  /// An issuer's private key (the 32-byte seed). Never printed, never written but to a 0600 file.
  public struct PrivateKey: Sendable, Equatable, CustomStringConvertible {
    let raw: [UInt8]

    /// Never the key itself, so that it cannot end up in a log.
    public var description: String { "Ed25519 private key" }

    /// The matching public key.
    public var publicKey: PublicKey {
      get throws(KeyError) {
        let key = try Ed25519.privateKey(raw)
        defer { kurs_EVP_PKEY_free(key) }
        guard let publicKey = PublicKey(raw: try Ed25519.rawPublicKey(key)) else {
          throw KeyError.openSSL("EVP_PKEY_get_raw_public_key")
        }
        return publicKey
      }
    }

    /// The key as PEM, PKCS#8 (`-----BEGIN PRIVATE KEY-----`), not encrypted
    /// (`PEM_write_bio_PrivateKey`).
    public func pem() throws(KeyError) -> String {
      let key = try Ed25519.privateKey(raw)
      defer { kurs_EVP_PKEY_free(key) }
      return try Ed25519.writePEM { bio in
        kurs_PEM_write_bio_PrivateKey(bio, key, nil, nil, 0, nil, nil)
      }
    }

    /// Signs `message` (`EVP_DigestSign` with no digest: Ed25519 signs the message itself).
    /// - Returns: the 64-byte signature.
    public func sign(_ message: [UInt8]) throws(KeyError) -> [UInt8] {
      let key = try Ed25519.privateKey(raw)
      defer { kurs_EVP_PKEY_free(key) }
      guard let context = kurs_EVP_MD_CTX_new() else { throw Ed25519.failure("EVP_MD_CTX_new") }
      defer { kurs_EVP_MD_CTX_free(context) }
      guard kurs_EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else {
        throw Ed25519.failure("EVP_DigestSignInit")
      }
      var signature = [UInt8](repeating: 0, count: 64)
      var length = signature.count
      let ok = message.withUnsafeBufferPointer { bytes in
        kurs_EVP_DigestSign(context, &signature, &length, bytes.baseAddress, bytes.count)
      }
      guard ok == 1 else { throw Ed25519.failure("EVP_DigestSign") }
      return Array(signature.prefix(length))
    }
  }

  /// An issuer's public key (32 bytes): what anyone needs to check a signature.
  public struct PublicKey: Sendable, Equatable {
    /// The raw key, as in a JWK's `x`.
    public let raw: [UInt8]

    public init?(raw: [UInt8]) {
      guard raw.count == 32 else { return nil }
      self.raw = raw
    }

    /// The key as PEM, SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`, `PEM_write_bio_PUBKEY`).
    public func pem() throws(KeyError) -> String {
      let key = try Ed25519.publicKey(raw)
      defer { kurs_EVP_PKEY_free(key) }
      return try Ed25519.writePEM { bio in kurs_PEM_write_bio_PUBKEY(bio, key) }
    }

    /// Whether `signature` is this key's signature of `message` (`EVP_DigestVerify`).
    public func isValidSignature(_ signature: [UInt8], of message: [UInt8]) -> Bool {
      guard signature.count == 64, let key = try? Ed25519.publicKey(raw) else { return false }
      defer { kurs_EVP_PKEY_free(key) }
      guard let context = kurs_EVP_MD_CTX_new() else { return false }
      defer { kurs_EVP_MD_CTX_free(context) }
      guard kurs_EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else {
        kurs_ERR_clear_error()
        return false
      }
      let result = signature.withUnsafeBufferPointer { signatureBytes in
        message.withUnsafeBufferPointer { messageBytes in
          kurs_EVP_DigestVerify(
            context, signatureBytes.baseAddress, signatureBytes.count, messageBytes.baseAddress,
            messageBytes.count)
        }
      }
      kurs_ERR_clear_error()
      return result == 1
    }

    /// The key as a `did:key` (W3C did:key method): `did:key:z` and, in base58btc, the
    /// multicodec prefix of an Ed25519 public key (0xed 0x01) and the 32 raw bytes. Any
    /// verifier that knows did:key can tie a certificate's issuer to this key without Kurs.
    /// Certificates signed with the key name their issuer by it.
    public var issuerID: String { "did:key:z" + Base58.encode([0xED, 0x01] + raw) }

    /// The issuer id Kurs 0.2 wrote for this key (`urn:kurs:issuer:` and the first 16 hex
    /// digits of the SHA-256 of the raw key): certificates signed then still verify.
    public var legacyIssuerID: String { "urn:kurs:issuer:" + SHA256Digest.hex(of: raw).prefix(16) }
  }

  /// Why a key cannot be made, read or used.
  public enum KeyError: Error, Equatable, CustomStringConvertible {
    /// The file's text is no PEM key of the kind needed.
    case notAKey(expected: String)
    /// A private key where a public one is needed, or the other way round.
    case wrongKind(found: String, expected: String)
    /// A key of another algorithm.
    case notEd25519
    /// A private key protected by a passphrase.
    case encrypted
    /// OpenSSL refused; the call and its message.
    case openSSL(String)

    public var description: String {
      switch self {
      case .notAKey(let expected):
        return "this is not a PEM \(expected) key; give the file 'kurs keys new' wrote"
      case .wrongKind(let found, let expected):
        return expected == "public"
          ? "this is a \(found) key; checking needs the public key (the .pub file). Keep the private key to yourself"
          : "this is a \(found) key; signing needs the private key (the .key file)"
      case .notEd25519:
        return "this key is not an Ed25519 key; make one with 'kurs keys new'"
      case .encrypted:
        return
          "this private key is protected by a passphrase, which kurs does not read; make a key with 'kurs keys new'"
      case .openSSL(let message):
        return "OpenSSL failed: \(message)"
      }
    }
  }

  // MARK: Making and reading keys

  /// A new key pair from the system's random source (`EVP_PKEY_keygen` for `EVP_PKEY_ED25519`).
  public static func generate() throws(KeyError) -> PrivateKey {
    guard let context = kurs_EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else {
      throw failure("EVP_PKEY_CTX_new_id")
    }
    defer { kurs_EVP_PKEY_CTX_free(context) }
    guard kurs_EVP_PKEY_keygen_init(context) == 1 else { throw failure("EVP_PKEY_keygen_init") }
    var key: OpaquePointer?
    guard kurs_EVP_PKEY_keygen(context, &key) == 1, let key else {
      throw failure("EVP_PKEY_keygen")
    }
    defer { kurs_EVP_PKEY_free(key) }
    var raw = [UInt8](repeating: 0, count: 32)
    var length = raw.count
    guard kurs_EVP_PKEY_get_raw_private_key(key, &raw, &length) == 1, length == 32 else {
      throw failure("EVP_PKEY_get_raw_private_key")
    }
    return PrivateKey(raw: raw)
  }

  /// Reads a private key from PEM text (`PEM_read_bio_PrivateKey`, never asking for a passphrase).
  public static func privateKey(pem: String) throws(KeyError) -> PrivateKey {
    if pem.contains("-----BEGIN PUBLIC KEY-----") {
      throw .wrongKind(found: "public", expected: "private")
    }
    if pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") { throw .encrypted }
    guard pem.contains("-----BEGIN PRIVATE KEY-----") else { throw .notAKey(expected: "private") }
    let key = try readPEM(pem, expected: "private") { bio in
      // A passphrase callback that refuses, so that OpenSSL never asks on the terminal.
      kurs_PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in -1 }, nil)
    }
    defer { kurs_EVP_PKEY_free(key) }
    guard kurs_EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 else { throw .notEd25519 }
    var raw = [UInt8](repeating: 0, count: 32)
    var length = raw.count
    guard kurs_EVP_PKEY_get_raw_private_key(key, &raw, &length) == 1, length == 32 else {
      throw failure("EVP_PKEY_get_raw_private_key")
    }
    return PrivateKey(raw: raw)
  }

  /// Reads a public key from PEM text (`PEM_read_bio_PUBKEY`).
  public static func publicKey(pem: String) throws(KeyError) -> PublicKey {
    if pem.contains("PRIVATE KEY-----") { throw .wrongKind(found: "private", expected: "public") }
    guard pem.contains("-----BEGIN PUBLIC KEY-----") else { throw .notAKey(expected: "public") }
    let key = try readPEM(pem, expected: "public") { bio in
      kurs_PEM_read_bio_PUBKEY(bio, nil, { _, _, _, _ in -1 }, nil)
    }
    defer { kurs_EVP_PKEY_free(key) }
    guard kurs_EVP_PKEY_get_id(key) == EVP_PKEY_ED25519 else { throw .notEd25519 }
    guard let publicKey = PublicKey(raw: try rawPublicKey(key)) else { throw .notEd25519 }
    return publicKey
  }

  // MARK: OpenSSL

  private static func privateKey(_ raw: [UInt8]) throws(KeyError) -> OpaquePointer {
    guard let key = kurs_EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
      throw failure("EVP_PKEY_new_raw_private_key")
    }
    return key
  }

  private static func publicKey(_ raw: [UInt8]) throws(KeyError) -> OpaquePointer {
    guard let key = kurs_EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, raw, raw.count) else {
      throw failure("EVP_PKEY_new_raw_public_key")
    }
    return key
  }

  private static func rawPublicKey(_ key: OpaquePointer) throws(KeyError) -> [UInt8] {
    var raw = [UInt8](repeating: 0, count: 32)
    var length = raw.count
    guard kurs_EVP_PKEY_get_raw_public_key(key, &raw, &length) == 1, length == 32 else {
      throw failure("EVP_PKEY_get_raw_public_key")
    }
    return raw
  }

  /// Runs `write` on a memory BIO and returns what it wrote.
  private static func writePEM(_ write: (OpaquePointer) -> Int32) throws(KeyError) -> String {
    guard let bio = kurs_BIO_new(kurs_BIO_s_mem()) else { throw failure("BIO_new") }
    defer { kurs_BIO_free(bio) }
    guard write(bio) == 1 else { throw failure("PEM_write") }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1024)
    while true {
      let count = kurs_BIO_read(bio, &buffer, Int32(buffer.count))
      if count <= 0 { break }
      bytes += buffer.prefix(Int(count))
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Runs `read` on a memory BIO holding `pem`.
  private static func readPEM(
    _ pem: String, expected: String, _ read: (OpaquePointer) -> OpaquePointer?
  ) throws(KeyError) -> OpaquePointer {
    let bytes = Array(pem.utf8)
    let key: OpaquePointer? = bytes.withUnsafeBytes { buffer -> OpaquePointer? in
      guard let bio = kurs_BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
        return nil
      }
      defer { kurs_BIO_free(bio) }
      return read(bio)
    }
    guard let key else {
      kurs_ERR_clear_error()
      throw .notAKey(expected: expected)
    }
    return key
  }

  /// The error for a failed OpenSSL call, with OpenSSL's own message; clears OpenSSL's queue.
  private static func failure(_ call: String) -> KeyError {
    let code = kurs_ERR_get_error()
    kurs_ERR_clear_error()
    guard code != 0 else { return .openSSL(call) }
    var buffer = [CChar](repeating: 0, count: 256)
    kurs_ERR_error_string_n(code, &buffer, buffer.count)
    let message = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return .openSSL("\(call): \(message)")
  }
}
