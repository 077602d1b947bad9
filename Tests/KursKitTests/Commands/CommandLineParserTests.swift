import Testing

@testable import KursKit

@Suite struct CommandLineParserTests {
  @Test func noArgumentsOpensHome() throws {
    #expect(try CommandLineParser.parse([]).command == .home)
  }

  @Test func validateTakesPathsAndFlags() throws {
    let invocation = try CommandLineParser.parse(["validate", "a", "b", "--strict", "--json"])
    #expect(invocation.command == .validate(paths: ["a", "b"], strict: true, json: true))
  }

  @Test func globalOptionsGoAnywhere() throws {
    let invocation = try CommandLineParser.parse([
      "--courses", "C", "graph", "x", "--format=mermaid", "--module", "m",
    ])
    #expect(invocation.options.coursesDirectory == "C")
    #expect(invocation.command == .graph(course: "x", module: "m", format: .mermaid))
  }

  @Test func wrongCommandLinesSayWhatToType() {
    #expect(throws: UsageError("unknown command 'valdate' (did you mean 'validate'?)")) {
      try CommandLineParser.parse(["valdate"])
    }
    #expect(throws: UsageError("unknown option '--strcit' (did you mean '--strict'?)")) {
      try CommandLineParser.parse(["validate", "x", "--strcit"])
    }
    #expect(
      throws: UsageError(
        "'kurs validate' needs a course folder or file: kurs validate Courses/example",
        command: "validate")
    ) {
      try CommandLineParser.parse(["validate"])
    }
    #expect(throws: UsageError("unknown graph format 'svg'; use dot or mermaid", command: "graph"))
    {
      try CommandLineParser.parse(["graph", "x", "--format", "svg"])
    }
    #expect(throws: UsageError("'kurs stats' has no option --strict", command: "stats")) {
      try CommandLineParser.parse(["stats", "x", "--strict"])
    }
    #expect(throws: UsageError("--lang needs a value")) { try CommandLineParser.parse(["--lang"]) }
  }

  @Test func packAndAddTakeOneCourse() throws {
    #expect(
      try CommandLineParser.parse(["pack", "marina", "--out", "m.xml"]).command
        == .pack(course: "marina", out: "m.xml"))
    #expect(
      try CommandLineParser.parse(["pack", "marina"]).command == .pack(course: "marina", out: nil))
    #expect(
      try CommandLineParser.parse(["add", "m.xml", "--data-dir", "D"]).command
        == .add(path: "m.xml"))
    #expect(
      throws: UsageError(
        "'kurs pack' needs one course: kurs pack marina --out marina.xml", command: "pack")
    ) {
      try CommandLineParser.parse(["pack"])
    }
    #expect(
      throws: UsageError(
        "'kurs add' needs one course file or folder: kurs add marina.xml", command: "add")
    ) {
      try CommandLineParser.parse(["add", "a.xml", "b.xml"])
    }
    #expect(throws: UsageError("'kurs add' has no option --out", command: "add")) {
      try CommandLineParser.parse(["add", "a.xml", "--out", "x"])
    }
    #expect(HelpText.topic("pack")?.contains("kurs pack marina --out marina.xml") == true)
    #expect(HelpText.topic("add")?.contains("kurs add marina.xml") == true)
    #expect(HelpText.topic("courses")?.contains("$KURS_COURSES") == true)
  }

  @Test func newCourseNeedsTheWordCourse() throws {
    #expect(
      try CommandLineParser.parse(["new", "course", "abc"]).command
        == .newCourse(id: "abc", directory: nil))
    #expect(
      try CommandLineParser.parse(["new", "course", "abc", "--languages", "ru en"]).command
        == .newCourse(id: "abc", directory: nil, languages: ["ru", "en"]))
    #expect(
      throws: UsageError(
        "--languages takes language codes separated by spaces, the default first: --languages \"en ru\"",
        command: "new")
    ) {
      try CommandLineParser.parse(["new", "course", "abc", "--languages", "English"])
    }
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["new", "abc"]) }
  }

  /// Issue 20, point 8: `--wrap N` asks for line breaks in plain mode; a bad value is refused.
  @Test func wrapTakesAWidthFrom20To1000() throws {
    #expect(
      try CommandLineParser.parse(["start", "marina", "--plain", "--wrap", "60"]).options.wrap == 60
    )
    #expect(try CommandLineParser.parse(["start", "marina"]).options.wrap == nil)
    for bad in ["0", "19", "1001", "wide", ""] {
      #expect(throws: UsageError.self) {
        try CommandLineParser.parse(["start", "marina", "--wrap", bad])
      }
    }
  }
}
