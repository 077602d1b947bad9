import Testing

@testable import KursKit

@Suite struct ScreenRendererTests {
  @Test func styledTextKeepsItsSpacesAndFitsTheWidth() {
    let renderer = ScreenRenderer(width: 20, language: "en", plain: false, colour: true)
    let lines = renderer.wrapped("\u{1B}[1mWhat should Anna do first when stopped?\u{1B}[0m")
    let visible = lines.map(ScreenRenderer.withoutEscapes)
    #expect(visible == ["What should Anna do", "first when stopped?"])
    #expect(lines.first?.hasPrefix("\u{1B}[1m") == true)
  }

  @Test func escapesAreRemovedForMeasuring() {
    #expect(
      ScreenRenderer.withoutEscapes("\u{1B}[3mслово\u{1B}[23m и \u{1B}[1;32mещё\u{1B}[0m")
        == "слово и ещё")
  }

  @Test func cyrillicWrapsByCharactersNotBytes() {
    let renderer = ScreenRenderer(width: 40, language: "ru", plain: true, colour: false)
    let text = "Марина шла домой от пункта обмена шприцев, когда её остановили двое полицейских."
    let lines = renderer.wrapped(text, indent: 2)
    #expect(lines.count == 3)
    for line in lines { #expect(TextLayout.width(of: line) <= 40) }
    #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == text)
  }

  /// Issue 20, point 8: without line breaks (plain mode, unless `--wrap N`) a paragraph is one
  /// line for a screen reader, while a list keeps one item a line.
  @Test func withoutLineBreaksAParagraphIsOneLineAndAListOneItemALine() {
    var renderer = ScreenRenderer(width: 30, language: "en", plain: true, colour: false)
    renderer.lineBreaks = false
    let paragraph =
      "Marina was walking home from the needle exchange when two officers stopped her."
    let lines = renderer.blocks([
      .paragraph(InlineText(paragraph)),
      .list(
        ordered: false,
        items: [InlineText("Stay calm and ask why you are stopped."), InlineText("Write it down.")]),
    ])
    #expect(
      lines == [paragraph, "", "  - Stay calm and ask why you are stopped.", "  - Write it down."])
    renderer.lineBreaks = true
    #expect(renderer.wrapped(paragraph).count == 3)
  }

  @Test func wideTerminalsKeepAReadableMeasure() {
    let renderer = ScreenRenderer(width: 200, language: "en", plain: true, colour: false)
    #expect(renderer.width == ScreenRenderer.readableWidth)
  }

  @Test func plainModeHasNoColourEvenWhenAsked() {
    let renderer = ScreenRenderer(width: 80, language: "en", plain: true, colour: true)
    #expect(!renderer.footer(canGoBack: true).joined().contains("\u{1B}"))
  }

  /// A key is never left at the end of a line without what it does ("· s" / "показать снова").
  @Test func theFooterBreaksBetweenItemsNeverInsideOne() {
    for language in ["en", "ru", "uk"] {
      for width in [30, 40, 60, 80, 100] {
        let renderer = ScreenRenderer(width: width, language: language, plain: true, colour: false)
        let lines = renderer.footer(canGoBack: true)
        for line in lines {
          #expect(TextLayout.width(of: line) <= width, "\(language) at \(width): \(line)")
          for item in line.components(separatedBy: " · ") where item != "·" {
            #expect(
              item.split(separator: " ").count >= 2,
              "\(language) at \(width): a key alone: \(lines)")
          }
        }
      }
    }
  }
}
