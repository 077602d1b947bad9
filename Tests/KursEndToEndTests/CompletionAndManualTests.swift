import Foundation
import KursKit
import Testing

/// `kurs completion bash|zsh` and `kurs man` through the real binary, loaded by the real bash,
/// zsh and groff/man.
@Suite struct CompletionAndManualTests {
  /// Every command the parser knows, read from `kurs help` (its overview lists them).
  static let commands = [
    "start", "resume", "progress", "export", "forget", "join", "cohort", "courses", "add", "pack",
    "validate",
    "graph", "stats", "new", "schema", "help", "certificate", "keys", "import", "completion", "man",
    "publish",
  ]

  static func tool(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/bin/\(name)", "/usr/local/bin/\(name)"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Runs `script` in `shell` and returns what it printed.
  func shell(_ shell: String, _ script: String) throws -> (
    output: String, errors: String, status: Int32
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: shell)
    process.arguments = ["-c", script]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.environment = [
      "PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path,
      "LC_ALL": "C.UTF-8",
    ]
    try process.run()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (out, err, process.terminationStatus)
  }

  func written(_ arguments: [String], _ name: String) throws -> URL {
    let result = try KursProcess.run(arguments)
    #expect(result.exitCode == 0, "\(result.errors)")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-\(UUID().uuidString)-\(name)")
    try Data(result.output.utf8).write(to: file)
    return file
  }

  @Test func theParsersCommandsAreTheOnesTested() throws {
    let help = try KursProcess.run(["help"])
    for command in Self.commands {
      #expect(
        help.output.contains("  \(command) ") || help.output.contains("  \(command)\n"),
        "\(command) is not in kurs help")
      #expect(try KursProcess.run(["help", command]).exitCode == 0, "kurs help \(command)")
    }
    // A command the parser does not know is refused, so the list above is the parser's.
    #expect(try KursProcess.run(["nonsense"]).exitCode == 64)
  }

  @Test func bashCompletesCommandsSubcommandsOptionsAndCourses() throws {
    let script = try written(["completion", "bash"], "kurs.bash")
    defer { try? FileManager.default.removeItem(at: script) }
    let bash = try #require(Self.tool("bash"))
    let syntax = try shell(bash, "bash -n '\(script.path)'")
    #expect(syntax.status == 0, "\(syntax.errors)")
    func complete(_ words: [String]) throws -> [String] {
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      let result = try shell(
        bash,
        "source '\(script.path)'; COMP_WORDS=(kurs \(quoted)); COMP_CWORD=\(words.count); _kurs; printf '%s\\n' \"${COMPREPLY[@]}\""
      )
      #expect(result.errors.isEmpty, "\(result.errors)")
      return result.output.split(separator: "\n").map(String.init)
    }
    let loaded = try shell(bash, "source '\(script.path)'; complete -p kurs")
    #expect(loaded.output.contains("-F _kurs kurs"))
    #expect(try complete(["sta"]) == ["start", "stats"])
    #expect(Set(try complete([""])) == Set(Self.commands))
    #expect(try complete(["certificate", ""]) == ["verify", "sign", "print", "context"])
    #expect(try complete(["certificate", "print", "x.json", "--no"]) == ["--no-title"])
    #expect(try complete(["cohort", "re"]) == ["report"])
    #expect(try complete(["completion", ""]) == ["bash", "zsh"])
    #expect(try complete(["publish", ""]) == ["html", "scorm", "cmi5"])
    #expect(try complete(["--lang", ""]) == ["en", "ru", "uk"])
    #expect(try complete(["graph", "example", "--format", ""]) == ["dot", "mermaid"])
    let courses = try complete(["start", ""])
    #expect(courses.contains("marina") && courses.contains("example"), "\(courses)")
    #expect(try complete(["--learner", "Sveta", "start", "mar"]) == ["marina"])
  }

  @Test(
    .enabled(
      if: tool("zsh") != nil, "skipped: no zsh (apt-get install zsh) to check the zsh script"))
  func zshLoadsItsCompletionScript() throws {
    let script = try written(["completion", "zsh"], "_kurs")
    defer { try? FileManager.default.removeItem(at: script) }
    let zsh = try #require(Self.tool("zsh"))
    let syntax = try shell(zsh, "zsh -n '\(script.path)'")
    #expect(syntax.status == 0, "\(syntax.errors)")
    let loaded = try shell(
      zsh,
      "autoload -Uz compinit && compinit -u -D; source '\(script.path)'; print -r -- ${_comps[kurs]}"
    )
    #expect(
      loaded.output.trimmingCharacters(in: .whitespacesAndNewlines) == "_kurs",
      "\(loaded.output)\(loaded.errors)")
    let text = try String(contentsOf: script, encoding: .utf8)
    for command in Self.commands {
      #expect(text.contains("'\(command):") || text.contains("'\(command)'"), "\(command)")
    }

    // The completion function itself, with zsh's completion builtins replaced by ones that
    // print what they were given.
    func complete(_ words: [String]) throws -> String {
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      let result = try shell(
        zsh,
        """
        compdef() { : }; compadd() { print -r -- "$*" }; _describe() { print -r -- "describe ${(P)2}" }
        _files() { print -r -- "files $*" }
        source '\(script.path)'
        words=(kurs \(quoted)); CURRENT=\(words.count + 1); PREFIX='\(words.last ?? "")'; _kurs
        """)
      #expect(result.errors.isEmpty, "\(result.errors)")
      return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    #expect(try complete(["sta"]).hasPrefix("describe start:"))
    #expect(try complete(["certificate", ""]) == "-- verify sign print context")
    #expect(try complete(["certificate", "print", "x.json", "--no"]).contains("--no-title"))
    #expect(try complete(["--lang", ""]) == "-- en ru uk")
    #expect(try complete(["--data-dir", ""]) == "files -/")
    #expect(try complete(["start", ""]).contains("-a courses"))
  }

  @Test func theManualPageHasEveryCommandAndRenders() throws {
    let page = try written(["man"], "kurs.1")
    defer { try? FileManager.default.removeItem(at: page) }
    let roff = try String(contentsOf: page, encoding: .utf8)
    for section in [
      ".TH KURS 1", ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS",
      ".SH \"EXIT STATUS\"", ".SH EXAMPLES", ".SH ENVIRONMENT",
    ] {
      #expect(roff.contains(section + "\n") || roff.contains(section + " "), "\(section)")
    }
    for command in Self.commands { #expect(roff.contains(".SS \"kurs \(command)\""), "\(command)") }
    // The same text as kurs help (hyphens escaped for roff).
    #expect(roff.contains("\\-\\-no\\-title"))
    let bash = try #require(Self.tool("bash"))
    if Self.tool("groff") != nil {
      let rendered = try shell(bash, "groff -k -man -Tutf8 -ww '\(page.path)'")
      #expect(rendered.status == 0)
      #expect(rendered.errors.isEmpty, "\(rendered.errors)")
      #expect(rendered.output.contains("kurs certificate print"))
    } else {
      Swift.print(
        "note: no groff; the manual page was checked for its sections only (apt-get install groff-base)"
      )
    }
    if Self.tool("man") != nil {
      let rendered = try shell(bash, "MANPAGER=cat MANWIDTH=80 man -l '\(page.path)'")
      #expect(rendered.status == 0, "\(rendered.errors)")
      #expect(rendered.output.contains("EXIT STATUS"))
    }
  }
}
