/// Text made safe to print on a terminal. What Kurs prints comes from files and people (names
/// in `learners.json`, course titles, certificates, learners' exports), and a terminal obeys
/// what it is sent: ESC ] 52 writes the clipboard, ESC [ 2J clears the screen, OSC 8 hides a
/// link behind text, C1 controls act as escapes, and bidirectional overrides reverse what is
/// shown. So every control character (C0, DEL, C1) but the line end and the tab, and every
/// bidirectional embedding, override and isolate, becomes U+FFFD before it is printed.
public enum TerminalText {
  /// The replacement shown for each character taken out.
  public static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// The styles Kurs itself writes (bold, dim, italic, their ends, green, yellow, reset): the
  /// only escape sequences `safe(_:keepingStyles:)` lets through.
  static let styles: Set<String> = ["0", "1", "2", "3", "22", "23", "32", "33"]

  /// `text` with every control and bidirectional formatting character replaced.
  /// - Parameter keepingStyles: keep the select-graphic-rendition sequences Kurs writes
  ///   (`ESC [ 1 m` and the like, see `styles`); every other escape is replaced.
  public static func safe(_ text: String, keepingStyles: Bool = false) -> String {
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\u{1B}", keepingStyles, let end = styleEnd(scalars, from: index) {
        result.append(contentsOf: scalars[index...end])
        index = end + 1
        continue
      }
      result.append(isUnsafe(scalar) ? replacement : scalar)
      index += 1
    }
    return String(result)
  }

  /// Whether `scalar` may change what a terminal does or shows, rather than be shown.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\n" || scalar == "\t" { return false }
    if scalar.properties.generalCategory == .control { return true }
    return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  }

  /// The index of the `m` ending one of Kurs's own styles that starts at `start`, if it does.
  private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
    guard start + 2 < scalars.count, scalars[start + 1] == "[" else { return nil }
    var parameter = ""
    var index = start + 2
    while index < scalars.count, index - start < 6 {
      let scalar = scalars[index]
      if scalar == "m" { return styles.contains(parameter) ? index : nil }
      guard ("0"..."9").contains(scalar) else { return nil }
      parameter.unicodeScalars.append(scalar)
      index += 1
    }
    return nil
  }
}
