import Foundation

/// Base64url without padding (RFC 7515, section 2), as JWS uses it.
enum Base64URL {
  /// The characters of base64url.
  static let alphabet = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

  static func encode(_ data: Data) -> String {
    data.base64EncodedString()
      .replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }

  /// The bytes, or `nil` when `text` is not unpadded base64url.
  static func decode(_ text: some StringProtocol) -> Data? {
    guard text.unicodeScalars.allSatisfy({ alphabet.contains($0) }), text.count % 4 != 1 else {
      return nil
    }
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(
      of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64), encode(data) == String(text) else { return nil }
    return data
  }
}
