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
    let invocation = try CommandLineParser.parse(["--courses", "C", "graph", "x", "--format=mermaid", "--module", "m"])
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
    #expect(throws: UsageError("'kurs validate' needs a course folder or file: kurs validate Courses/example", command: "validate")) {
      try CommandLineParser.parse(["validate"])
    }
    #expect(throws: UsageError("unknown graph format 'svg'; use dot or mermaid", command: "graph")) {
      try CommandLineParser.parse(["graph", "x", "--format", "svg"])
    }
    #expect(throws: UsageError("'kurs stats' has no option --strict", command: "stats")) {
      try CommandLineParser.parse(["stats", "x", "--strict"])
    }
    #expect(throws: UsageError("--lang needs a value")) { try CommandLineParser.parse(["--lang"]) }
  }

  @Test func newCourseNeedsTheWordCourse() throws {
    #expect(try CommandLineParser.parse(["new", "course", "abc"]).command == .newCourse(id: "abc", directory: nil))
    #expect(throws: UsageError.self) { try CommandLineParser.parse(["new", "abc"]) }
  }
}
