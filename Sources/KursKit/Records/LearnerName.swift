import Foundation

/// The one rule for a learner's display name, applied when a profile is made and again when a
/// certificate is issued or checked, so that a name accepted at the start is never refused at
/// the end. Names are written the way people write them: joiners (ZWNJ, ZWJ) as in Persian and
/// Hindi, direction marks (LRM, RLM, ALM), emoji sequences. Refused: control characters (NUL,
/// tabs, line breaks, C1) and the invisible direction overrides and isolates, which make a name
/// show as something other than what it is.
public enum LearnerName {
  /// The longest name a new profile may have, in characters as people count them.
  public static let maximumLength = 80
  /// The longest name a certificate carries (certificates made before profiles were limited to
  /// `maximumLength` keep verifying).
  static let maximumCertificateLength = 200

  /// What is wrong with a name.
  public enum Problem: Sendable, Equatable {
    case empty
    case tooLong(Int)
    /// A character that may not be in a name, as `U+XXXX`, and its place (1-based, in characters).
    case forbidden(codePoint: String, position: Int)
  }

  /// The name as it is stored: without spaces and line breaks around it.
  public static func normalized(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// What is wrong with `name` (already normalized), or `nil` when it is a good name.
  /// - Parameter maximum: the longest length allowed.
  public static func problem(_ name: String, maximum: Int = maximumLength) -> Problem? {
    if name.trimmingCharacters(in: .whitespaces).isEmpty { return .empty }
    for (index, character) in name.enumerated() {
      if let scalar = character.unicodeScalars.first(where: isForbidden) {
        return .forbidden(codePoint: String(format: "U+%04X", scalar.value), position: index + 1)
      }
    }
    if name.count > maximum { return .tooLong(name.count) }
    return nil
  }

  /// Control characters (Cc), line and paragraph separators, and the bidi embeddings,
  /// overrides and isolates (U+202A–U+202E, U+2066–U+2069). Other format characters (the
  /// joiners, the direction marks, emoji tags) belong to real names.
  static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
    default: break
    }
    return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }
}
