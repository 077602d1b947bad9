import Foundation
import Testing

@testable import KursKit

@Suite struct PlayerPageTests {
  func marina() throws -> Course {
    let path = Fixtures.repository.appendingPathComponent("Courses/marina").path
    return try #require(CourseLoader().load(path: path).course)
  }

  /// One file, nothing from the network: no src= or href= to another file, and a
  /// Content-Security-Policy that forbids it anyway.
  @Test func thePageIsSelfContained() throws {
    let page = try PlayerPage.html(course: try marina(), options: .init())
    #expect(page.contains(#"http-equiv="Content-Security-Policy""#))
    #expect(page.contains("default-src 'none'"))
    #expect(!page.contains("connect-src"))
    // No markup that loads anything: no src= or href= in a tag, no <link>, no CSS url() or
    // @import. (The xAPI verbs' IRIs in records.js are names, never fetched: the
    // played page's own list of loaded resources is checked empty in Chromium.)
    #expect(page.range(of: #"<[a-z]+[^>]*\s(src|href)\s*="#, options: .regularExpression) == nil)
    #expect(!page.contains("<link") && !page.contains("url(") && !page.contains("@import"))
    #expect(page.contains(#"<script type="application/json" id="kurs-course">"#))
    #expect(
      page.contains(
        #"<script type="application/json" id="kurs-options">{"lrs":null,"mode":"html"}</script>"#))
    #expect(page.contains(PlayerPage.boot))
  }

  /// A store given at publish time is the one place the page may connect to.
  @Test func aRecordStoreOpensOnlyItsOrigin() throws {
    let options = PlayerPage.Options(
      mode: .html, lrs: .init(endpoint: "https://lrs.example.org:8443/xapi/", auth: "Basic eA=="))
    let page = try PlayerPage.html(course: try marina(), options: options)
    #expect(page.contains("connect-src https://lrs.example.org:8443\""))
  }

  /// Course text cannot end the data's script element, whatever an author writes.
  @Test func courseTextCannotEndTheScript() throws {
    var course = try marina()
    course.title = LocalizedText(variants: ["en": InlineText("</script><script>alert(1)<!--")])
    let json = try PlayerCourse(course: course).json()
    #expect(!json.contains("<"))
    let page = try PlayerPage.html(course: course, options: .init())
    #expect(!page.contains("</script><script>alert"))
  }
}

@Suite struct PlayerStringsTests {
  /// Every word the page shows is there in English, Russian and Ukrainian.
  @Test func everyStringIsInEveryInterfaceLanguage() {
    for (name, entry) in PlayerStrings.table() {
      for language in Localization.languages {
        #expect(!(entry[language] ?? "").isEmpty, "\(name) has no \(language)")
      }
    }
  }

  /// Every `t("name")` of player.js names a string of the table (a missing one would show
  /// its name to the learner).
  @Test func everyStringPlayerJSAsksForExists() throws {
    let script = try #require(PlayerAssets.files["player.js"])
    let table = PlayerStrings.table()
    let calls = try Regex(#"\bt\("([A-Za-z]+)""#)
    var names: Set<String> = []
    for match in script.matches(of: calls) {
      if let name = match.output[1].substring { names.insert(String(name)) }
    }
    #expect(names.count > 20)
    for name in names.sorted() { #expect(table[name] != nil, "player.js asks for \(name)") }
    for kind in Block.NoteKind.allCases {
      #expect(
        table["note\(kind.rawValue.prefix(1).uppercased())\(kind.rawValue.dropFirst())"] != nil)
    }
  }
}
