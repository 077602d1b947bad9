import Foundation
import Testing

/// Issue 18, finding 5: the Marina course takes its facts from the campaign documents in
/// ../shared/seeds but says everything in its own words. A sentence that shares a run of
/// `SourceOverlap.limit` words or more with a source document is a copy or a close paraphrase.
/// scripts/source-overlap.py does the same check for trainers.
@Suite struct MarinaSourceOverlapTests {
  /// The source documents sit beside the checkout (in CI as well: /work/shared is read-only
  /// material next to it); without them the check cannot run, and says so.
  static let seeds = KursProcess.repository.deletingLastPathComponent().appendingPathComponent(
    "shared/seeds")
  static let seedsAvailable = FileManager.default.fileExists(
    atPath: seeds.appendingPathComponent("README.md").path)

  @Test(
    .enabled(
      if: seedsAvailable,
      "skipped: the source documents are not at ../shared/seeds next to the checkout"))
  func noCourseSentenceRepeatsTheSources() throws {
    let overlap = try SourceOverlap(seeds: Self.seeds)
    #expect(overlap.documents >= 5, "the five source documents are read")
    var files = ["Courses/marina/course.xml"]
    let modules = KursProcess.repository.appendingPathComponent("Courses/marina/modules")
    files += try FileManager.default.contentsOfDirectory(atPath: modules.path).filter {
      $0.hasSuffix(".xml")
    }
    .sorted().map { "Courses/marina/modules/\($0)" }
    // The shared content the course uses (<use href="content:…"/>).
    let course = try String(
      contentsOf: KursProcess.repository.appendingPathComponent(files[0]), encoding: .utf8)
    let used = course.matches(of: /href="content:([^"]+)"/).map { "Content/\($0.1)" }
    #expect(used.count == 3, "glossary, checklists and help resources")
    files += used
    var checked = 0
    for file in files {
      let text = try String(
        contentsOf: KursProcess.repository.appendingPathComponent(file), encoding: .utf8)
      for sentence in SourceOverlap.sentences(ofXML: text) {
        checked += 1
        if let match = overlap.longestSharedRun(sentence.text), match.words >= SourceOverlap.limit {
          Issue.record(
            "\(file):\(sentence.line): \(match.words) words in a row as in \(match.document); say it in your own words: \(sentence.text)"
          )
        }
      }
    }
    #expect(checked > 500, "the course's sentences were read (\(checked))")
  }

  /// The check finds what it is for: sentences the first edition copied from the final report
  /// and the round tables report (before they were rewritten) are caught, and their rewritten
  /// versions pass.
  @Test(
    .enabled(
      if: seedsAvailable,
      "skipped: the source documents are not at ../shared/seeds next to the checkout"))
  func theCheckCatchesTheFirstEditionsCopies() throws {
    let overlap = try SourceOverlap(seeds: Self.seeds)
    let copied = [
      "Built partnerships: 64 partnerships with human rights experts, police officers and others;",
      "One NGO trained 20 police officers on human rights, HIV and violence against women and then tested what they had learned;",
      "In some places the police were not ready to discuss cooperation or did not come to the round tables.",
    ]
    for sentence in copied {
      #expect(
        (overlap.longestSharedRun(sentence)?.words ?? 0) >= SourceOverlap.limit, "\(sentence)")
    }
    let rewritten = [
      "Built partnerships: 64 in all, with police officers, human rights experts and others;",
      "One NGO ran a course for 20 officers covering human rights, HIV and violence against women, then checked what had stayed with them;",
      "In Georgia, for example, the police were unwilling to talk about working together and stayed away from the round tables (round tables report, 2014; final report, 2017).",
    ]
    for sentence in rewritten {
      #expect((overlap.longestSharedRun(sentence)?.words ?? 0) < SourceOverlap.limit, "\(sentence)")
    }
  }
}

/// Word runs shared between course text and the source documents.
struct SourceOverlap {
  /// Eight words in a row: the first edition had fourteen sentences at or above it, the second has
  /// none. Below it are names of the field ("threats, extortion and blackmail, and physical
  /// violence", the categories the platform used) that any writer on the subject repeats.
  static let limit = 8

  /// Every run of `limit` words in the documents, with the document it comes from.
  private var runs: [String: String] = [:]
  private(set) var documents = 0

  init(seeds: URL) throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter {
      $0.hasSuffix(".txt")
    }.sorted()
    for name in names {
      let words = Self.words(
        try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
      documents += 1
      guard words.count >= Self.limit else { continue }
      for start in 0...(words.count - Self.limit)
      where runs[words[start..<start + Self.limit].joined(separator: " ")] == nil {
        runs[words[start..<start + Self.limit].joined(separator: " ")] = name
      }
    }
  }

  /// The longest run of words the sentence shares with one document, if any reaches `limit`.
  func longestSharedRun(_ sentence: String) -> (words: Int, document: String)? {
    let words = Self.words(sentence)
    guard words.count >= Self.limit else { return nil }
    var best: (words: Int, document: String)?
    var length = 0
    for start in 0...(words.count - Self.limit) {
      if let document = runs[words[start..<start + Self.limit].joined(separator: " ")] {
        length += 1
        if length + Self.limit - 1 > best?.words ?? 0 { best = (length + Self.limit - 1, document) }
      } else {
        length = 0
      }
    }
    return best
  }

  /// Lowercased words; the name of the group the course is about counts as one word, as the
  /// documents' own abbreviation does ("WUD", "PUD"), so that naming it is not taken for copying.
  static func words(_ text: String) -> [String] {
    let words = text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
      .split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
    var result: [String] = []
    var index = 0
    while index < words.count {
      let four = words[index..<min(index + 4, words.count)].joined(separator: " ")
      let group = [
        "women who use drugs": "wud", "woman who uses drugs": "wud", "people who use drugs": "pud",
      ][four]
      result.append(group ?? words[index])
      index += group == nil ? 1 : 4
    }
    return result
  }

  /// The sentences a learner reads in a course file, with their line numbers. Comments are not
  /// shown to learners; titles of the documents cited (`<em>`) and names of organisations
  /// (`<name>`) are quoted on purpose.
  static func sentences(ofXML xml: String) -> [(line: Int, text: String)] {
    var text = xml
    for pattern in [/<!--[\s\S]*?-->/, /<em>[\s\S]*?<\/em>/, /<name\b[^>]*>[\s\S]*?<\/name>/] {
      // Keep the line breaks, so that line numbers stay right.
      text = text.replacing(pattern) { match in
        String(repeating: "\n", count: match.output.filter { $0 == "\n" }.count)
      }
    }
    text = text.replacing(/<\/?strong>/, with: "")
    var result: [(line: Int, text: String)] = []
    var line = 1
    for segment in text.split(separator: "<", omittingEmptySubsequences: false) {
      let content = segment.drop { $0 != ">" }.dropFirst()
      let start = line + segment.prefix { $0 != ">" }.filter { $0 == "\n" }.count
      line += segment.filter { $0 == "\n" }.count
      let plain = String(content).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
        of: "&gt;", with: ">"
      )
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
      // A sentence ends at . ! ? or ; followed by a space.
      var sentence = ""
      for character in plain + " " {
        if character.isWhitespace, let last = sentence.last, ".!?;".contains(last) {
          let words = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          if !words.isEmpty { result.append((start, words)) }
          sentence = ""
        } else {
          sentence.append(character)
        }
      }
      let words = sentence.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      if !words.isEmpty { result.append((start, words)) }
    }
    return result
  }
}
