import Foundation
import Testing

@testable import KursKit

/// The reader's copy of libxml2's tree: every element, attribute and text where it is written.
@Suite struct XMLReaderTests {
  func reader() throws -> XMLReader {
    XMLReader(schemaText: CourseSchema.text)
  }

  @Test func elementsAndAttributesCarryTheirLineAndColumn() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment with <fake attr="1"> inside -->
      <course xmlns="urn:kurs:course:1" id="c" version="1"
              languages="en ru" default-language="en">
        <title xml:lang="en">Курс <em>one</em></title>
        <title xml:lang="ru"><![CDATA[<not-a-tag x="1">]]>Курс</title>
        <module id="m" start="p" pass-mark="0"><title>Мод</title><page id="p"><title>P</title><body><p>Ж</p></body></page></module>
      </course>
      """
    let document = try reader().read(bytes: Array(text.utf8), displayPath: "c.xml")
    #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    guard let root = document.root else { return }
    #expect(root.name == "course")
    #expect(root.namespace == "urn:kurs:course:1")
    #expect(root.location == SourceLocation(file: "c.xml", line: 3, column: 1))
    #expect(root.location(ofAttribute: "id") == SourceLocation(file: "c.xml", line: 3, column: 35))
    #expect(
      root.location(ofAttribute: "default-language")
        == SourceLocation(file: "c.xml", line: 4, column: 27))
    #expect(root[attribute: "languages"] == "en ru")
    #expect(!root.hasAttribute("xmlns"))

    let titles = root.elements(named: "title")
    #expect(titles.count == 2)
    #expect(titles.map(\.language) == ["en", "ru"])
    #expect(
      titles[0].location(ofAttribute: "xml:lang")
        == SourceLocation(file: "c.xml", line: 5, column: 10))
    let firstChildren = titles[0].children.map { child -> String in
      switch child {
      case .text(let text): return "text:\(text)"
      case .element(let element): return "element:\(element.name)"
      }
    }
    #expect(firstChildren == ["text:Курс ", "element:em"])
    // CDATA is text; its '<' is not a start tag, so the next element still finds its own.
    guard case .text(let cdata)? = titles[1].children.first else {
      Issue.record("CDATA was not read as text")
      return
    }
    #expect(cdata == "<not-a-tag x=\"1\">")

    let module = try #require(root.elements(named: "module").first)
    #expect(module.location == SourceLocation(file: "c.xml", line: 7, column: 3))
    // Columns count characters, not bytes: each letter of 'Мод' is two bytes.
    let page = try #require(module.elements(named: "page").first)
    #expect(page.location(ofAttribute: "id") == SourceLocation(file: "c.xml", line: 7, column: 66))
    // Language is inherited from the nearest ancestor that has one; none here.
    #expect(page.language == nil)
    #expect(root.elements.map(\.name) == ["title", "title", "module"])
  }

  @Test func manyTagsOnOneLineAreLocatedInOnePass() throws {
    // A course written on a single line: columns are counted on from the last tag.
    let pages = (1...2_000).map {
      "<page id=\"p\($0)\"><title>Т\($0)</title><body><p>x</p></body></page>"
    }.joined()
    let text = """
      <module xmlns="urn:kurs:course:1" id="m" start="p1" pass-mark="0"><title>M</title>\(pages)</module>
      """
    let document = try reader().read(bytes: Array(text.utf8), displayPath: "m.xml")
    #expect(document.diagnostics.prefix(2).isEmpty, "\(document.diagnostics.prefix(2))")
    let root = try #require(document.root)
    let last = try #require(root.elements(named: "page").last)
    let expectedColumn =
      text.distance(
        from: text.startIndex,
        to: try #require(text.range(of: "<page id=\"p2000\""))
          .lowerBound) + 1
    #expect(last.location == SourceLocation(file: "m.xml", line: 1, column: expectedColumn))
    #expect(last.location(ofAttribute: "id").column == expectedColumn + 6)
  }

  @Test func schemaErrorsPointAtTheAttributeTheyAreAbout() throws {
    let text = """
      <module xmlns="urn:kurs:course:1" id="m" start="p" pass-mark="0">
        <title>M</title>
        <question id="q" kind="single" points="-3"><prompt>Q</prompt><choice id="a" correct="true"><text>A</text></choice></question>
      </module>
      """
    let document = try reader().read(bytes: Array(text.utf8), displayPath: "m.xml")
    #expect(document.root == nil)
    let first = try #require(
      document.diagnostics.first { $0.message.contains("points") }, "\(document.diagnostics)")
    #expect(first.location == SourceLocation(file: "m.xml", line: 3, column: 34))
  }

  @Test func collapsedWhitespaceMatchesCollapsingScalarByScalar() {
    let samples: [[TextRun]] = [
      [TextRun("  Марина\u{00A0}\u{00A0}идёт \n\t домой  ")],
      [
        TextRun("a "), TextRun(" b ", style: .emphasis), TextRun("\u{3000}c", style: .strong),
        TextRun(" "),
      ],
      [
        TextRun("\u{2028}x\u{1680}y\u{205F}\u{202F}z\u{0085}"), TextRun("", style: .emphasis),
        TextRun("😀 ok"),
      ],
      [TextRun("   "), TextRun(" ", style: .strong), TextRun("end")],
      [
        TextRun("one", style: .emphasis), TextRun("two", style: .emphasis),
        TextRun(" three", style: .emphasis),
      ],
    ]
    for runs in samples {
      #expect(CourseBuilder.collapseWhitespace(runs) == Self.referenceCollapse(runs), "\(runs)")
    }
  }

  /// The rule written plainly: whitespace collapses to one space across runs, ends trimmed, a
  /// space kept in the run before, runs of one style joined.
  static func referenceCollapse(_ runs: [TextRun]) -> [TextRun] {
    var result: [TextRun] = []
    var pendingSpace = false
    var atStart = true
    for run in runs {
      var text = ""
      for scalar in run.text.unicodeScalars {
        if scalar.properties.isWhitespace {
          pendingSpace = true
          continue
        }
        if pendingSpace && !atStart {
          if text.isEmpty, let last = result.indices.last {
            result[last].text.append(" ")
          } else {
            text.append(" ")
          }
        }
        pendingSpace = false
        atStart = false
        text.unicodeScalars.append(scalar)
      }
      guard !text.isEmpty else { continue }
      if let last = result.indices.last, result[last].style == run.style {
        result[last].text += text
      } else {
        result.append(TextRun(text, style: run.style))
      }
    }
    return result
  }
}
