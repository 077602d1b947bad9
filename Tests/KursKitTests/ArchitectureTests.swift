import Foundation
import Testing

/// The folders of Sources/KursKit are layers (docs/architecture.md): each may use the folders
/// below it and never one above, so the engine never depends on files, terminals or commands,
/// and there are no cycles. This test reads the sources and fails on a use against the grain.
@Suite struct ArchitectureTests {
  /// What each folder may use besides itself. Keep in step with docs/architecture.md.
  static let allowed: [String: Set<String>] = [
    "Support": [],
    "Localization": ["Support"],
    "Model": ["Support"],
    "Engine": ["Model", "Localization", "Support"],
    "Loading": ["Model", "Localization", "Support"],
    "Presentation": ["Engine", "Model", "Localization", "Support"],
    "Records": ["Engine", "Model", "Localization", "Support"],
    "Validation": ["Loading", "Engine", "Model", "Localization", "Support"],
    "LRS": ["Records", "Engine", "Model", "Localization", "Support"],
    "Certificates": [
      "Records", "Presentation", "Engine", "Loading", "Model", "Localization", "Support",
    ],
    "Cohorts": [
      "Records", "Presentation", "Engine", "Loading", "Model", "Localization", "Support",
    ],
    "Authoring": ["Validation", "Loading", "Engine", "Model", "Localization", "Support"],
    "Import": ["Validation", "Loading", "Engine", "Model", "Localization", "Support"],
    "Publishing": [
      "Certificates", "Records", "Engine", "Loading", "Model", "Localization", "Support",
    ],
    "Runner": [
      "Publishing", "Certificates", "Cohorts", "LRS", "Records", "Presentation", "Validation",
      "Loading",
      "Engine", "Model", "Localization",
      "Support",
    ],
    "Commands": [
      "Publishing", "Runner", "Authoring", "Import", "Certificates", "Cohorts", "LRS", "Records",
      "Presentation",
      "Validation", "Loading",
      "Engine", "Model", "Localization", "Support",
    ],
  ]

  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/KursKit")

  /// The Swift files of each folder, their code without comments and string literals.
  static func code() throws -> [(folder: String, file: String, code: String)] {
    var result: [(String, String, String)] = []
    let folders = try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted()
    for folder in folders {
      let root = sources.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
      for case let path as String in walker where path.hasSuffix(".swift") {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        result.append((folder, "\(folder)/\(path)", stripped(text)))
      }
    }
    return result
  }

  /// `text` with comments and string literals blanked; the code inside a string's
  /// interpolations is kept, since a use there is a use.
  static func stripped(_ text: String) -> String {
    var reader = Stripper(characters: Array(text.unicodeScalars))
    reader.code(untilClosingParenthesis: false)
    return String(reader.out)
  }

  struct Stripper {
    let characters: [Unicode.Scalar]
    var index = 0
    var out = String.UnicodeScalarView()

    func at(_ offset: Int) -> Unicode.Scalar? {
      index + offset < characters.count ? characters[index + offset] : nil
    }

    mutating func code(untilClosingParenthesis: Bool) {
      var depth = 0
      while index < characters.count {
        let c = characters[index]
        if c == "/", at(1) == "/" {
          while index < characters.count, characters[index] != "\n" { index += 1 }
        } else if c == "/", at(1) == "*" {
          var nesting = 0
          repeat {
            if characters[index] == "/", at(1) == "*" {
              nesting += 1
              index += 2
            } else if characters[index] == "*", at(1) == "/" {
              nesting -= 1
              index += 2
            } else {
              index += 1
            }
          } while nesting > 0 && index < characters.count
          out.append(" ")
        } else if c == "#" || c == "\"" {
          var hashes = 0
          while at(hashes) == "#" { hashes += 1 }
          guard at(hashes) == "\"" else {
            out.append(c)
            index += 1
            continue
          }
          index += hashes
          string(hashes: hashes)
        } else {
          if c == "(" { depth += 1 }
          if c == ")" {
            if depth == 0, untilClosingParenthesis {
              index += 1
              return
            }
            depth -= 1
          }
          out.append(c)
          index += 1
        }
      }
    }

    /// From the opening quote to past the closing delimiter.
    mutating func string(hashes: Int) {
      let triple = at(1) == "\"" && at(2) == "\""
      index += triple ? 3 : 1
      out.append(contentsOf: "\"\"".unicodeScalars)
      while index < characters.count {
        if characters[index] == "\\" {
          var count = 0
          while at(1 + count) == "#" { count += 1 }
          if count == hashes {
            if at(1 + count) == "(" {
              index += 2 + count
              out.append(" ")
              code(untilClosingParenthesis: true)
              out.append(" ")
              continue
            }
            index += 2 + count
            continue
          }
        }
        if characters[index] == "\"", !triple || (at(1) == "\"" && at(2) == "\"") {
          let quotes = triple ? 3 : 1
          var closing = 0
          while closing < hashes, at(quotes + closing) == "#" { closing += 1 }
          if closing == hashes {
            index += quotes + hashes
            return
          }
        }
        index += 1
      }
    }
  }

  /// Which folder declares each top-level type and function.
  static func owners(_ files: [(folder: String, file: String, code: String)]) -> [String: String] {
    let declaration =
      /^(?:(?:public|internal|private|fileprivate|final|indirect|@\w+)\s+)*(?:struct|enum|class|protocol|actor|typealias|func)\s+(\w+)/
      .anchorsMatchLineEndings()
    var owners: [String: String] = [:]
    for file in files {
      for match in file.code.matches(of: declaration) { owners[String(match.1)] = file.folder }
    }
    return owners
  }

  @Test func everyFolderIsALayerAndTheLayersHaveNoCycle() throws {
    let folders = Set(try Self.code().map(\.folder))
    #expect(
      folders == Set(Self.allowed.keys),
      "a folder without a place in the layers (add it here and in docs/architecture.md)")
    // The table itself: every folder reachable from a folder's uses must not lead back to it.
    for folder in Self.allowed.keys {
      var seen: Set<String> = []
      var stack = Array(Self.allowed[folder] ?? [])
      while let next = stack.popLast() {
        #expect(next != folder, "\(folder) reaches itself")
        if seen.insert(next).inserted { stack += Self.allowed[next] ?? [] }
      }
    }
  }

  @Test func noFolderUsesALayerAboveIt() throws {
    let files = try Self.code()
    let owners = Self.owners(files)
    var problems: [String] = []
    // Not `\b`: Unicode word boundaries keep `Engine.self` one word.
    let identifier = /[A-Za-z_][A-Za-z0-9_]*/
    for file in files {
      let used = Set(file.code.matches(of: identifier).map { String($0.0) })
      for name in used.sorted() {
        guard let owner = owners[name], owner != file.folder else { continue }
        if !(Self.allowed[file.folder] ?? []).contains(owner) {
          problems.append("\(file.file) uses \(name) from \(owner)")
        }
      }
    }
    #expect(problems.isEmpty, "uses against the layers:\n\(problems.joined(separator: "\n"))")
  }

  @Test func theCheckSeesAUseAgainstTheGrain() {
    // The test's own reader: a use in code is seen, the same word in a comment or string is not.
    let source = [
      "let a = Engine() // Journal", ###"let b = "Journal \(x)" + ##"Replay"##"###,
      "/* LRSClient /* nested */ Records */ let c = 1",
      #"let d = """"#, "  Statement", #"  """"#,
      #"let e = "\(Cohort.self) \(f("Import"))" + "\\" + "(LRS)""#,
    ].joined(separator: "\n")
    let code = Self.stripped(source)
    #expect(code.contains("Engine"))
    #expect(
      code.contains("let c = 1") && code.contains("let d") && code.contains("Cohort.self")
        && code.contains("f("))
    for hidden in ["Journal", "Replay", "LRSClient", "Statement", "Import", "LRS"] {
      #expect(!code.contains(hidden), "\(hidden) in \(code)")
    }
  }

  /// Issue 23, finding 6: error types were named eight ways (`Failure`, `Refusal`, `Problem`,
  /// `Message`, `Invalid`…), mostly structs around a string. One convention: a type that
  /// conforms to `Error` is named `…Error`, is `Equatable` (tests and callers compare it; a
  /// closed set is an enum callers switch on) and `CustomStringConvertible` (its description
  /// is the message, byte for byte what the user reads).
  @Test func everyErrorTypeIsNamedAndShapedOneWay() throws {
    let declaration = try Regex(
      #"(?:struct|enum|class|extension)\s+([A-Za-z_.]+)\s*:\s*([^{]*)\{"#,
      as: (Substring, Substring, Substring).self)
    var errorTypes: [String] = []
    for (_, file, code) in try Self.code() {
      for match in code.matches(of: declaration) {
        let name = String(match.output.1)
        let conformances = match.output.2
          .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard conformances.contains("Error") else { continue }
        errorTypes.append(name)
        #expect(name.hasSuffix("Error"), "\(file): \(name) is an error type not named …Error")
        for needed in ["Equatable", "CustomStringConvertible"] {
          #expect(conformances.contains(needed), "\(file): \(name) is not \(needed)")
        }
      }
    }
    // The check sees the error types (a reader that found none would pass).
    #expect(errorTypes.count >= 20, "\(errorTypes)")
    #expect(errorTypes.contains("UsageError") && errorTypes.contains("LRSError"))
  }
}
