import CCrypto

/// SHA-256 through OpenSSL's libcrypto (`EVP_Digest` with `EVP_sha256`). The only file that
/// talks to libcrypto for digests.
public struct SHA256Digest: Sendable {
  private var parts: [[UInt8]] = []

  public init() {}

  /// Adds bytes to the digest; each part is length-prefixed so that parts cannot run together.
  public mutating func update(_ bytes: [UInt8]) {
    var length = UInt64(bytes.count).bigEndian
    parts.append(withUnsafeBytes(of: &length) { Array($0) })
    parts.append(bytes)
  }

  /// The lowercase hex digest of everything added.
  public func hexDigest() -> String { Self.hex(of: parts.flatMap { $0 }) }

  /// SHA-256 of `bytes`, as lowercase hex.
  public static func hex(of bytes: [UInt8]) -> String {
    var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let ok = bytes.withUnsafeBytes { input in
      EVP_Digest(input.baseAddress, input.count, &output, &length, EVP_sha256(), nil)
    }
    // EVP_Digest fails only when OpenSSL itself is broken; an empty digest then never matches.
    guard ok == 1 else { return "" }
    return output.prefix(Int(length)).map { byte in
      let digits = Array("0123456789abcdef")
      return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }.joined()
  }
}
