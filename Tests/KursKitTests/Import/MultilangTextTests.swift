import Testing

@testable import KursKit

@Suite struct MultilangTextTests {
  @Test func spansNextToEachOtherAreOneGroupAndOtherTextIsCommon() {
    let text = MultilangText(
      #"<p><span lang="en" class="multilang">Yes</span> <span class="multilang" lang="ru">Да</span>!</p>"#
    )
    #expect(text.languages == ["en", "ru"])
    #expect(text.text(in: "ru", fallback: "en") == ("<p>Да!</p>", nil))
    #expect(text.text(in: "en", fallback: "en").text == "<p>Yes!</p>")
  }

  @Test func mlangTagsWithSeveralLanguagesAndOther() {
    let text = MultilangText("{mlang en,de}Hello{mlang}{mlang other}Привет{mlang}")
    #expect(text.text(in: "de", fallback: "en").text == "Hello")
    #expect(text.text(in: "uk", fallback: "en") == ("Привет", "other"))
  }

  @Test func aMissingLanguageTakesTheDefaultAndSaysSo() {
    let text = MultilangText(#"<span lang="en" class="multilang">Ask for it.</span>"#)
    #expect(text.text(in: "ru", fallback: "en") == ("Ask for it.", "en"))
  }

  @Test func moodleCodesAreWrittenAsKursCodesAndNonsenseIsKeptForEveryone() {
    #expect(MultilangText.normalise("en_us") == "en-us")
    #expect(MultilangText.normalise("x") == nil)
    let text = MultilangText(#"<span lang="!!" class="multilang">Hi</span>"#)
    #expect(text.invalidLanguages == ["!!"])
    #expect(text.text(in: "en", fallback: "en").text == "Hi")
  }

  @Test func anUnclosedSpanIsText() {
    let text = MultilangText(#"<span lang="en" class="multilang">never closed"#)
    #expect(!text.hasGroups)
    #expect(
      text.text(in: "en", fallback: "en").text == #"<span lang="en" class="multilang">never closed"#
    )
  }

  @Test func manyUnclosedSpansAndTagsAreReadInOnePass() {
    // Quadratic scanning would take minutes here; one pass takes a moment.
    let spans = String(repeating: #"<span lang="en" class="multilang">x"#, count: 50_000)
    #expect(MultilangText(spans).text(in: "en", fallback: "en").text == spans)
    let mlangs =
      String(repeating: "{mlang en}x", count: 50_000) + String(repeating: "{mlang x", count: 50_000)
    #expect(MultilangText(mlangs).text(in: "en", fallback: "en").text == mlangs)
  }
}
