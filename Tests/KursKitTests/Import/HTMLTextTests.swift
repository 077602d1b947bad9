import Testing

@testable import KursKit

@Suite struct HTMLTextTests {
  @Test func paragraphsBreaksListsAndEmphasisBecomeKursBlocks() {
    let text = HTMLText(
      html:
        "<p>One <b>bold</b> and <i>it</i>.<br>Two</p><ol><li>first</li><li>second<br>line</li></ol>"
    )
    #expect(
      text.blockXML == [
        "<p>One <strong>bold</strong> and <em>it</em>.</p>", "<p>Two</p>",
        #"<list ordered="true"><item>first</item><item>second line</item></list>"#,
      ])
    #expect(text.inlineXML == "One <strong>bold</strong> and <em>it</em>. Two first; second line")
    #expect(text.dropped.isEmpty)
  }

  @Test func otherMarkupIsDroppedWithItsTextKeptAndNamed() {
    let text = HTMLText(
      html:
        #"<p style="x">See <a href="https://example.org">the guide</a> <span style="color:red">now</span><script>alert(1)</script></p>"#
    )
    #expect(text.inlineXML == "See the guide now")
    #expect(text.dropped == ["<a>", "<span>", "<script>"])
  }

  @Test func imagesAndLinkedFilesAreCollected() {
    let text = HTMLText(
      html:
        #"<p><img src="@@PLUGINFILE@@/badge.png" alt="A badge"/> and <a href="@@PLUGINFILE@@/talk.mp3">listen</a></p>"#
    )
    #expect(text.files == ["badge.png", "talk.mp3"])
    #expect(text.inlineXML == "and listen")
  }

  @Test func entitiesAreDecodedAndTextIsEscapedAgain() {
    let text = HTMLText(
      html: "x &lt; 2 &amp;&amp; y&nbsp;&gt; 1 &#1071; &#x42F; &bogus; a & b &#0;")
    #expect(text.plainText == "x < 2 && y > 1 Я Я &bogus; a & b \u{FFFD}")
    #expect(text.inlineXML == "x &lt; 2 &amp;&amp; y &gt; 1 Я Я &amp;bogus; a &amp; b \u{FFFD}")
  }

  @Test func brokenHTMLNeverStopsTheConversion() {
    let text = HTMLText(html: "<p>open <b>bold <i>both</p></b> after < 3 <")
    #expect(text.plainText == "open bold both after < 3 <")
  }

  @Test func plainTextKeepsBlankLineParagraphs() {
    #expect(
      HTMLText(plain: "one\ntwo\n\nthree <b>").blockXML == [
        "<p>one two</p>", "<p>three &lt;b&gt;</p>",
      ])
  }

  @Test func manyUnclosedTagsAreReadInOnePass() {
    // Quadratic scanning would take minutes here; one pass takes a moment.
    let text = HTMLText(html: String(repeating: "<a", count: 200_000))
    #expect(text.plainText.count == 400_000)
  }
}
