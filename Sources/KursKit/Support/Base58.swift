/// Base58 with the Bitcoin alphabet ("base58btc"), the encoding of `did:key` identifiers
/// (multibase prefix `z`).
enum Base58 {
  static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")

  /// `bytes` in base58btc: each leading zero byte as `1`, the rest as a base-58 number.
  static func encode(_ bytes: [UInt8]) -> String {
    let zeros = bytes.prefix { $0 == 0 }.count
    // Digits in base 58, least significant first.
    var digits: [UInt8] = []
    for byte in bytes.dropFirst(zeros) {
      var carry = Int(byte)
      for index in digits.indices {
        carry += Int(digits[index]) << 8
        digits[index] = UInt8(carry % 58)
        carry /= 58
      }
      while carry > 0 {
        digits.append(UInt8(carry % 58))
        carry /= 58
      }
    }
    return String(repeating: "1", count: zeros)
      + String(digits.reversed().map { alphabet[Int($0)] })
  }
}
