import Foundation

/// The keys a learner types at a prompt (`q`, `?`, `r`, `p`, `s`, `b`, `c`, the language `l` and
/// the quick exit `x`), read the same whether the keyboard is on the Latin, the Russian or the
/// Ukrainian (ЙЦУКЕН) layout: a learner never has to switch layout to stop or to ask for help.
public enum LearnerKeys {
  /// The Cyrillic layouts' letters on the keys of the learner's commands. The Russian and the
  /// Ukrainian layouts differ on these keys only at `s` (Russian ы, Ukrainian and Belarusian і);
  /// the Ukrainian ї, є and ґ sit on keys that are no command.
  static let cyrillicLayouts: [Character: Character] = [
    "й": "q", "к": "r", "з": "p", "ы": "s", "і": "s", "и": "b", "ч": "x", "с": "c", "д": "l",
  ]

  /// The key that opens the choice of language.
  public static let language = "l"

  /// The command a line stands for: trimmed, lowercased, and a single Cyrillic letter on one of
  /// the command keys read as that key. Any other line comes back trimmed and lowercased.
  public static func key(_ line: String) -> String {
    let command = line.trimmingCharacters(in: .whitespaces).lowercased()
    if command.count == 1, let character = command.first, let latin = cyrillicLayouts[character] {
      return String(latin)
    }
    return command
  }
}

/// The quick exit for learners at risk: one key at any prompt clears the screen and the
/// terminal's scrollback and quits at once, with progress saved.
public enum QuickExit {
  /// The key (`ч` on the Russian layout).
  public static let key = "x"
  /// Cursor home, erase the screen (ESC [2J) and the scrollback (ESC [3J), then reset the
  /// terminal (ESC c) so that nothing of the course is left to scroll back to.
  public static let clearSequence = "\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}c"
}
