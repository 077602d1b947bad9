import Foundation

/// The session's side of the terminal: screens rendered at the width of the moment in the
/// interface's language, messages wrapped, long screens a page at a time, the prompt with its
/// keys, and the quick exit asked for where it cannot end the session at once.
final class SessionTerminal {
  let console: Console
  let input: LineReader
  private let options: LearningSession.Options
  /// The interface's language (the runner's own words); changed by the language key.
  var uiLanguage: String
  /// Set when the learner asked for the quick exit at a prompt that cannot end the session
  /// itself (a page of a long screen, the resources menu): the next prompt ends it.
  var quickExitRequested = false

  init(console: Console, input: LineReader, options: LearningSession.Options, uiLanguage: String) {
    self.console = console
    self.input = input
    self.options = options
    self.uiLanguage = uiLanguage
  }

  /// The renderer for the terminal's width now (measured again before each screen).
  var renderer: ScreenRenderer {
    var renderer = ScreenRenderer(
      width: options.width(), language: uiLanguage, plain: options.plain, colour: options.colour)
    renderer.lineBreaks = options.lineBreaks
    return renderer
  }

  /// A message of the runner, each line wrapped to the terminal's width; a line that starts with
  /// two spaces is a command to copy and is never broken.
  func say(_ text: String) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      line -> [String] in
      line.hasPrefix("  ") || line.isEmpty ? [String(line)] : renderer.wrapped(String(line))
    }
    console.write(lines.joined(separator: "\n") + "\n")
  }

  /// Shows a screen's lines; on a terminal of known height, a long one a page at a time (Enter
  /// for the next page, `q` for the prompt, the quick exit ends the session at the prompt).
  func show(_ lines: [String]) {
    guard let height = options.height(), height > 4, lines.count > height - 2 else {
      console.write("\n" + lines.joined(separator: "\n") + "\n")
      return
    }
    var start = 0
    while start < lines.count {
      let end = min(start + height - 2, lines.count)
      console.write("\n" + lines[start..<end].joined(separator: "\n") + "\n")
      start = end
      if start < lines.count {
        console.write("-- \(Localization.string(.pressEnter, uiLanguage)) --")
        guard let line = input.readLine(), LearnerKeys.key(line) != "q" else { return }
        if LearnerKeys.key(line) == QuickExit.key {
          // The next prompt ends the session at once, marked as suspended.
          quickExitRequested = true
          return
        }
      }
    }
  }

  /// The keys (unless `footer` is off) and the prompt, then the learner's line; `nil` at the
  /// end of the input. After a quick exit was asked for, the quick exit's key without reading.
  func prompt(canGoBack: Bool, footer: Bool = true) -> String? {
    if quickExitRequested { return QuickExit.key }
    console.write(
      (footer ? renderer.footer(canGoBack: canGoBack).joined(separator: "\n") + "\n" : "") + "> ")
    return input.readLine()
  }
}
