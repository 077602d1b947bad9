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
    #expect(ScreenRenderer.withoutEscapes("\u{1B}[3mслово\u{1B}[23m и \u{1B}[1;32mещё\u{1B}[0m") == "слово и ещё")
  }

  @Test func cyrillicWrapsByCharactersNotBytes() {
    let renderer = ScreenRenderer(width: 40, language: "ru", plain: true, colour: false)
    let text = "Марина шла домой от пункта обмена шприцев, когда её остановили двое полицейских."
    let lines = renderer.wrapped(text, indent: 2)
    #expect(lines.count == 3)
    for line in lines { #expect(TextLayout.width(of: line) <= 40) }
    #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == text)
  }

  @Test func wideTerminalsKeepAReadableMeasure() {
    let renderer = ScreenRenderer(width: 200, language: "en", plain: true, colour: false)
    #expect(renderer.width == ScreenRenderer.readableWidth)
  }

  @Test func plainModeHasNoColourEvenWhenAsked() {
    let renderer = ScreenRenderer(width: 80, language: "en", plain: true, colour: true)
    #expect(!renderer.footer(canGoBack: true).joined().contains("\u{1B}"))
  }
}
