import Testing

@testable import KursKit

/// The one escaper of the HTML and XML Kurs writes (pages, reports, certificates, manifests).
@Suite struct MarkupTests {
  @Test func htmlEscapesWhatCouldEndTextOrEitherQuote() {
    #expect(
      Markup.escapeHTML(#"<b>"Tom" & 'Jerry'</b>"#)
        == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
    #expect(Markup.escapeHTML("Марина\u{1}") == "Марина\u{1}")
  }

  @Test func xmlLeavesOutWhatXML10CannotHold() {
    #expect(Markup.escapeXML("a\u{1}b\u{FFFE}\tc<&\"") == "ab\tc&lt;&amp;&quot;")
    #expect(Markup.escapeXML("Ольга 😀") == "Ольга 😀")
  }
}
