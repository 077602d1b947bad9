/// Display widths and word wrapping for terminals: Cyrillic and Latin letters take one column,
/// combining marks none, East Asian wide characters and most emoji two.
public enum TextLayout {
  /// The columns a character takes in a terminal.
  public static func width(of character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let value = first.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    // Below the combining marks (U+0300) every printable character takes one column.
    if value < 0x300 { return 1 }
    if first.properties.generalCategory == .nonspacingMark
      || first.properties.generalCategory == .enclosingMark
    {
      return 0
    }
    if value == 0x200B || value == 0xFEFF { return 0 }
    return wide.contains { $0.contains(value) } ? 2 : 1
  }

  /// East Asian wide and full-width characters, and emoji: two columns each.
  static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  /// The columns a string takes.
  public static func width(of text: some StringProtocol) -> Int {
    // Printable ASCII, the common case: one column a byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    return text.reduce(0) { $0 + width(of: $1) }
  }

  /// Wraps `text` to lines of at most `width` columns, breaking at spaces, and inside a word
  /// only when the word alone is too long.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let limit = max(width, 8)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var rest = Substring(word)
      var wordWidth = self.width(of: rest)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= limit {
        line += " " + rest
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > limit {
        var piece = ""
        var pieceWidth = 0
        while let character = rest.first, pieceWidth + self.width(of: character) <= limit {
          piece.append(character)
          pieceWidth += self.width(of: character)
          rest = rest.dropFirst()
        }
        if piece.isEmpty, let character = rest.first {
          piece.append(character)
          rest = rest.dropFirst()
        }
        lines.append(piece)
        wordWidth = self.width(of: rest)
      }
      line = String(rest)
      lineWidth = wordWidth
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
