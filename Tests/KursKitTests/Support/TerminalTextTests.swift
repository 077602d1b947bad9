import Testing

@testable import KursKit

@Suite struct TerminalTextTests {
  @Test func controlsEscapesAndBidiOverridesBecomeReplacementCharacters() {
    let text = "a\u{1B}]52;c;QQ==\u{07}b\u{1B}[2Jc\u{9B}d\u{202E}e\u{2067}f\u{7F}g\r"
    #expect(
      TerminalText.safe(text)
        == "a\u{FFFD}]52;c;QQ==\u{FFFD}b\u{FFFD}[2Jc\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g\u{FFFD}")
  }

  @Test func lineEndsTabsAndScriptsAreKept() {
    let text = "Нарги́с\tنرگس‌خانم\u{200F}\nक्ष 👨‍👩‍👧"
    #expect(TerminalText.safe(text) == text)
  }

  @Test func onlyKursOwnStylesSurviveWhenStylesAreKept() {
    let styled = "\u{1B}[1mbold\u{1B}[0m \u{1B}[32mok\u{1B}[0m"
    #expect(TerminalText.safe(styled, keepingStyles: true) == styled)
    #expect(
      TerminalText.safe("\u{1B}[8mhidden\u{1B}[2J", keepingStyles: true)
        == "\u{FFFD}[8mhidden\u{FFFD}[2J")
    #expect(TerminalText.safe(styled) == "\u{FFFD}[1mbold\u{FFFD}[0m \u{FFFD}[32mok\u{FFFD}[0m")
  }
}
