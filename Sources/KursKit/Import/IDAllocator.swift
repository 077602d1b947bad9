import Foundation

/// Makes Kurs ids from names (`Moodle acronym (False)` gives `moodle-acronym-false`), unique
/// among the ids it made: a letter or `_` first, then letters, digits, `_` and `-`, at most 60
/// characters. Letters of any script stay (`Вопрос 1` gives `вопрос-1`).
struct IDAllocator {
  private var used: Set<String> = []

  /// An id from `name`, or from `fallback` when the name has no letter or digit.
  mutating func make(from name: String, fallback: String) -> String {
    var base = Self.slug(name)
    if base.isEmpty { base = fallback }
    if let first = base.unicodeScalars.first, !Self.isLetter(first), first != "_" {
      base = "\(fallback)-\(base)"
    }
    if base.count > 60 {
      base = String(base.prefix(60))
      while base.hasSuffix("-") { base.removeLast() }
    }
    var id = base
    var number = 2
    while used.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    used.insert(id)
    return id
  }

  /// Lowercase letters and digits of `name`, every other run of characters one `-`.
  static func slug(_ name: String) -> String {
    var result = ""
    var dash = false
    for scalar in name.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      if isLetter(scalar) || isDigit(scalar) || scalar == "_" {
        if dash, !result.isEmpty { result += "-" }
        dash = false
        result.unicodeScalars.append(scalar)
      } else {
        dash = true
      }
      if result.unicodeScalars.count > 200 { break }
    }
    return result
  }

  /// A letter as the schema's `\p{L}` means it.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default: return false
    }
  }

  /// A digit as the schema's `\p{N}` means it.
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .decimalNumber, .letterNumber, .otherNumber: return true
    default: return false
    }
  }
}
