import Foundation
import Testing

@testable import KursKit

/// The session's terminal: long screens a page at a time, and the quick exit asked for at a
/// page, which ends the session at the next prompt.
@Suite struct SessionTerminalTests {
  func terminal(height: Int?, lines: [String]) -> (SessionTerminal, RecordingConsole) {
    let console = RecordingConsole()
    var options = LearningSession.Options()
    options.height = { height }
    return (
      SessionTerminal(
        console: console, input: ScriptedLines(lines), options: options, uiLanguage: "en"),
      console
    )
  }

  let screen = (1...10).map { "line \($0)" }

  @Test func aLongScreenIsShownAPageAtATime() {
    let (terminal, console) = terminal(height: 6, lines: ["", ""])
    terminal.show(screen)
    // Four lines a page (the height less the prompt's two), Enter between pages.
    let pages = console.output.components(separatedBy: "-- Press Enter to continue. --")
    #expect(pages.count == 3)
    #expect(pages[0] == "\n" + screen[0..<4].joined(separator: "\n") + "\n")
    #expect(pages[2] == "\n" + screen[8..<10].joined(separator: "\n") + "\n")
    #expect(!terminal.quickExitRequested)
  }

  @Test func withoutAHeightTheScreenIsShownWhole() {
    let (terminal, console) = terminal(height: nil, lines: [])
    terminal.show(screen)
    #expect(console.output == "\n" + screen.joined(separator: "\n") + "\n")
  }

  @Test func theQuickExitAtAPageEndsTheSessionAtTheNextPrompt() {
    let (terminal, console) = terminal(height: 6, lines: [QuickExit.key, "never read"])
    terminal.show(screen)
    #expect(!console.output.contains("line 5"))
    #expect(terminal.quickExitRequested)
    let before = console.output
    #expect(terminal.prompt(canGoBack: false) == QuickExit.key)
    #expect(console.output == before, "nothing more is written")
  }

  @Test func qAtAPageLeavesTheRestUnshownAndGoesOn() {
    let (terminal, console) = terminal(height: 6, lines: ["q", "next"])
    terminal.show(screen)
    #expect(!console.output.contains("line 5"))
    #expect(!terminal.quickExitRequested)
    #expect(terminal.prompt(canGoBack: false) == "next")
  }
}
