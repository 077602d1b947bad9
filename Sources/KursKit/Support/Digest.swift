import CCrypto
import CCryptoLoader

/// SHA-256 through OpenSSL's libcrypto (`EVP_DigestInit_ex`, `EVP_DigestUpdate` and
/// `EVP_DigestFinal_ex` with `EVP_sha256`). The only file that talks to libcrypto for digests.
///
/// Parts are hashed as they are added, so a digest of many large files keeps none of them.
public struct SHA256Digest: Sendable {
  /// The running hash. Shared between copies until one of them changes (copy on write), so the
  /// struct keeps value semantics.
  private var state = State()

  public init() {}

  /// Adds bytes to the digest; each part is length-prefixed so that parts cannot run together.
  public mutating func update(_ bytes: [UInt8]) {
    if !isKnownUniquelyReferenced(&state) { state = state.copy() }
    var length = UInt64(bytes.count).bigEndian
    withUnsafeBytes(of: &length) { state.add($0) }
    bytes.withUnsafeBytes { state.add($0) }
  }

  /// The lowercase hex digest of everything added. The digest itself is not changed.
  public func hexDigest() -> String {
    var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let ok = state.copy().finish(into: &output, length: &length)
    // libcrypto fails only when OpenSSL itself is broken; an empty digest then never matches.
    guard ok else { return "" }
    return Self.hex(output.prefix(Int(length)))
  }

  /// SHA-256 of `bytes`, as lowercase hex.
  public static func hex(of bytes: [UInt8]) -> String {
    var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    let ok = bytes.withUnsafeBytes { input in
      kurs_EVP_Digest(input.baseAddress, input.count, &output, &length, kurs_EVP_sha256(), nil)
    }
    // EVP_Digest fails only when OpenSSL itself is broken; an empty digest then never matches.
    guard ok == 1 else { return "" }
    return hex(output.prefix(Int(length)))
  }

  private static func hex(_ bytes: ArraySlice<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// An `EVP_MD_CTX`, freed with the box. Never shared while it changes (see `update`).
  private final class State: @unchecked Sendable {
    /// `nil` only when OpenSSL could not allocate or start a SHA-256 context.
    private let context: OpaquePointer?
    /// Set when libcrypto refused bytes: the digest is then never given out.
    private var failed = false

    init() {
      let context = kurs_EVP_MD_CTX_new()
      if let context, kurs_EVP_DigestInit_ex(context, kurs_EVP_sha256(), nil) != 1 {
        kurs_EVP_MD_CTX_free(context)
        self.context = nil
      } else {
        self.context = context
      }
    }

    private init(copying other: OpaquePointer?, failed: Bool) {
      self.failed = failed
      let context = other == nil ? nil : kurs_EVP_MD_CTX_new()
      if let context, kurs_EVP_MD_CTX_copy_ex(context, other) != 1 {
        kurs_EVP_MD_CTX_free(context)
        self.context = nil
      } else {
        self.context = context
      }
    }

    deinit { kurs_EVP_MD_CTX_free(context) }

    /// A second context in the same state (`EVP_MD_CTX_copy_ex`).
    func copy() -> State { State(copying: context, failed: failed) }

    /// `EVP_DigestUpdate`.
    func add(_ bytes: UnsafeRawBufferPointer) {
      guard let context, bytes.count > 0 else { return }
      if kurs_EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) != 1 { failed = true }
    }

    /// `EVP_DigestFinal_ex`: the context cannot take more bytes afterwards.
    func finish(into output: inout [UInt8], length: inout UInt32) -> Bool {
      guard let context, !failed else { return false }
      return kurs_EVP_DigestFinal_ex(context, &output, &length) == 1
    }
  }
}
