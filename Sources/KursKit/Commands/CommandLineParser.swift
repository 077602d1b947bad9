/// Turns `kurs`'s arguments into an `Invocation`. Pure: tests call it with an array.
public enum CommandLineParser {
  static let commandNames = [
    "start", "resume", "progress", "export", "forget", "join", "cohort", "courses", "add", "pack",
    "validate",
    "graph", "stats", "new", "schema", "help", "certificate", "keys", "import", "completion", "man",
    "publish",
  ]

  /// The columns of `--wrap N` or `KURS_WRAP=N`: a whole number from 20 to 1000, else `nil`.
  public static func wrapColumns(_ text: String) -> Int? {
    guard let columns = Int(text), (20...1000).contains(columns) else { return nil }
    return columns
  }
  /// The options that take a value (shell completion and the manual page read them too).
  static let valueOptions: Set<String> = [
    "--courses", "--content", "--data-dir", "--learner", "--lang", "--module", "--format", "--dir",
    "--out",
    "--course", "--csv", "--html", "--cohort", "--languages", "--lrs", "--lrs-credentials",
    "--since", "--until", "--name", "--key", "--issuer-key", "--issuer-name",
    "--wrap",
  ]
  /// The options that take no value.
  static let flagOptions: Set<String> = [
    "--strict", "--json", "--plain", "--help", "-h", "--version", "-V", "--replace", "--review",
    "--no-title", "--discreet",
  ]
  /// The options every command takes (the help's "options for every command" lists the same:
  /// a test compares them).
  static let globalOptions: Set<String> = [
    "--courses", "--content", "--data-dir", "--learner", "--lang", "--plain", "--wrap",
    "--discreet",
    "--lrs", "--lrs-credentials",
  ]
  /// The subcommands of the commands that have them.
  static let subcommands: [String: [String]] = [
    "cohort": cohortCommands, "certificate": certificateCommands, "keys": ["new"],
    "new": ["course"],
    "import": BankImporter.Format.allCases.map(\.rawValue),
    "completion": CompletionShell.allCases.map(\.rawValue),
    "publish": publishFormats,
  ]
  /// The formats of `kurs publish`.
  static let publishFormats = ["html"] + LearningPackage.Kind.allCases.map(\.rawValue)
  /// The subcommands of `kurs cohort`.
  static let cohortCommands = ["new", "import", "pull", "report"]

  /// Parses the arguments after the program name.
  /// - Throws: `UsageError` naming the wrong argument and what to write.
  public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    var options = GlobalOptions()
    var positional: [String] = []
    var flags: Set<String> = []
    var values: [String: String] = [:]
    var index = 0

    let valueOptions = Self.valueOptions
    let flagOptions = Self.flagOptions
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        positional += arguments[index...]
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        positional.append(argument)
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valueOptions.contains(name) {
        if let inlineValue {
          values[name] = inlineValue
        } else if index < arguments.count {
          values[name] = arguments[index]
          index += 1
        } else {
          throw UsageError("\(name) needs a value")
        }
      } else if flagOptions.contains(name), inlineValue == nil {
        flags.insert(name)
      } else {
        let known = Array(valueOptions) + Array(flagOptions)
        throw UsageError("unknown option '\(name)'\(didYouMean(name, known))")
      }
    }

    options.coursesDirectory = values["--courses"]
    options.contentDirectory = values["--content"]
    options.dataDirectory = values["--data-dir"]
    options.learner = values["--learner"]
    options.language = values["--lang"]
    options.plain = flags.contains("--plain")
    if let wrap = values["--wrap"] {
      guard let columns = wrapColumns(wrap) else {
        throw UsageError(
          "--wrap takes the number of columns to wrap text at, from 20 to 1000: --wrap 80")
      }
      options.wrap = columns
    }
    options.discreet = flags.contains("--discreet")
    options.lrsURL = values["--lrs"]
    options.lrsCredentials = values["--lrs-credentials"]

    if flags.contains("--version") || flags.contains("-V") || positional == ["version"] {
      return Invocation(options: options, command: .version)
    }
    if flags.contains("--help") || flags.contains("-h") {
      return Invocation(options: options, command: .help(topic: positional.first))
    }
    guard let name = positional.first else { return Invocation(options: options, command: .home) }
    let rest = Array(positional.dropFirst())

    func allow(_ allowed: Set<String>, for command: String, help: String? = nil) throws(UsageError)
    {
      let given = Set(values.keys).union(flags).subtracting(globalOptions)
      if let extra = given.subtracting(allowed).sorted().first {
        throw UsageError("'kurs \(command)' has no option \(extra)", command: help ?? command)
      }
    }

    let command: Command
    switch name {
    case "validate":
      try allow(["--strict", "--json", "--review"], for: name)
      guard !rest.isEmpty else {
        throw UsageError(
          "'kurs validate' needs a course folder or file: kurs validate Courses/example",
          command: name)
      }
      command = .validate(
        paths: rest, strict: flags.contains("--strict"), json: flags.contains("--json"),
        review: flags.contains("--review"))
    case "graph":
      try allow(["--module", "--format"], for: name)
      guard rest.count == 1 else {
        throw UsageError(
          "'kurs graph' needs one course: kurs graph example --module basics", command: name)
      }
      let formatText = values["--format"] ?? "dot"
      guard let format = GraphFormat(rawValue: formatText) else {
        throw UsageError("unknown graph format '\(formatText)'; use dot or mermaid", command: name)
      }
      command = .graph(course: rest[0], module: values["--module"], format: format)
    case "stats":
      try allow(["--json"], for: name)
      guard rest.count == 1 else {
        throw UsageError("'kurs stats' needs one course: kurs stats example", command: name)
      }
      command = .stats(course: rest[0], json: flags.contains("--json"))
    case "new":
      try allow(["--dir", "--languages"], for: name)
      guard rest.count == 2, rest[0] == "course" else {
        throw UsageError(
          "write 'kurs new course ID', for example: kurs new course first-aid", command: name)
      }
      let languages = (values["--languages"] ?? "en").split(whereSeparator: {
        $0 == " " || $0 == ","
      }).map(String.init)
      let code = try? Regex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
      if languages.isEmpty
        || languages.contains(where: { language in
          code.map { language.wholeMatch(of: $0) == nil } ?? true
        })
      {
        throw UsageError(
          "--languages takes language codes separated by spaces, the default first: --languages \"en ru\"",
          command: name)
      }
      if Set(languages).count != languages.count {
        throw UsageError(
          "--languages lists a language twice: \(languages.joined(separator: " "))", command: name)
      }
      command = .newCourse(id: rest[1], directory: values["--dir"], languages: languages)
    case "courses":
      try allow([], for: name)
      command = .courses
    case "pack":
      try allow(["--out"], for: name)
      guard rest.count == 1 else {
        throw UsageError(
          "'kurs pack' needs one course: kurs pack marina --out marina.xml", command: name)
      }
      command = .pack(course: rest[0], out: values["--out"])
    case "publish":
      try allow(["--out"], for: name)
      guard rest.count == 2, publishFormats.contains(rest[0]) else {
        throw UsageError(
          "write 'kurs publish html|scorm|cmi5 COURSE --out FILE', for example: kurs publish html marina --out marina.html",
          command: name)
      }
      if let kind = LearningPackage.Kind(rawValue: rest[0]) {
        command = .publishPackage(kind: kind, course: rest[1], out: values["--out"])
      } else {
        command = .publishHTML(course: rest[1], out: values["--out"])
      }
    case "add":
      try allow([], for: name)
      guard rest.count == 1 else {
        throw UsageError(
          "'kurs add' needs one course file or folder: kurs add marina.xml", command: name)
      }
      command = .add(path: rest[0])
    case "join":
      try allow([], for: name)
      guard rest.count == 1 else {
        throw UsageError(
          "'kurs join' needs the code your host gave you: kurs join marina-K7P4QX", command: name)
      }
      command = .join(code: rest[0])
    case "cohort":
      let sub = rest.first ?? ""
      let arguments = Array(rest.dropFirst())
      switch sub {
      case "new":
        try allow(["--course"], for: name)
        guard arguments.count == 1, let course = values["--course"] else {
          throw UsageError(
            "write 'kurs cohort new NAME --course COURSE', for example: kurs cohort new spring --course marina",
            command: name)
        }
        command = .cohortNew(name: arguments[0], course: course)
      case "import":
        try allow(["--replace"], for: name)
        guard arguments.count >= 2 else {
          throw UsageError(
            "write 'kurs cohort import NAME FILE...', for example: kurs cohort import spring exports/*.json",
            command: name)
        }
        command = .cohortImport(
          name: arguments[0], files: Array(arguments.dropFirst()),
          replace: flags.contains("--replace"))
      case "pull":
        try allow(["--since", "--until"], for: name)
        guard arguments.count == 1 else {
          throw UsageError(
            "write 'kurs cohort pull NAME --lrs URL', for example: kurs cohort pull spring --lrs http://127.0.0.1:8100/xAPI/",
            command: name)
        }
        command = .cohortPull(
          name: arguments[0], since: values["--since"], until: values["--until"])
      case "report":
        try allow(["--csv", "--json", "--html", "--replace"], for: name)
        guard arguments.count == 1 else {
          throw UsageError(
            "write 'kurs cohort report NAME', for example: kurs cohort report spring --html spring.html",
            command: name)
        }
        let toStandardOutput = [
          values["--csv"] == "-", values["--html"] == "-", flags.contains("--json"),
        ].filter { $0 }.count
        guard toStandardOutput <= 1 else {
          throw UsageError(
            "only one of --csv -, --html - and --json can go to standard output: write the others to files",
            command: name)
        }
        command = .cohortReport(
          name: arguments[0], csv: values["--csv"], json: flags.contains("--json"),
          html: values["--html"], replace: flags.contains("--replace"))
      default:
        throw UsageError(
          "'kurs cohort' needs new, import, pull or report\(didYouMean(sub, cohortCommands)): kurs cohort new spring --course marina",
          command: name)
      }
    case "start":
      try allow(["--module", "--cohort"], for: name)
      options.cohortCode = values["--cohort"]
      guard rest.count == 1 else {
        throw UsageError("'kurs start' needs one course: kurs start marina", command: name)
      }
      command = .start(course: rest[0], module: values["--module"])
    case "resume":
      try allow([], for: name)
      command = .resume
    case "progress":
      try allow(["--json"], for: name)
      command = .progress(json: flags.contains("--json"))
    case "export":
      try allow(["--out"], for: name)
      command = .export(out: values["--out"])
    case "forget":
      try allow([], for: name)
      guard rest.count == 1 else {
        throw UsageError("'kurs forget' needs the learner's name: kurs forget Sveta", command: name)
      }
      command = .forget(learner: rest[0])
    case "schema":
      try allow([], for: name)
      command = .schema
    case "import":
      try allow(["--out"], for: name)
      command = try importCommand(rest, out: values["--out"])
    case "keys":
      try allow(["--out", "--name"], for: name)
      guard rest == ["new"] else {
        throw UsageError(
          "write 'kurs keys new', for example: kurs keys new --name trainer --out keys",
          command: name)
      }
      command = .newKeys(directory: values["--out"], name: values["--name"])
    case "certificate":
      command = try certificateCommand(rest, values: values, flags: flags, allow: allow)
    case "completion":
      try allow([], for: name)
      guard rest.count == 1, let shell = CompletionShell(rawValue: rest[0]) else {
        throw UsageError(
          "write 'kurs completion bash' or 'kurs completion zsh', for example: source <(kurs completion bash)",
          command: name)
      }
      command = .completion(shell: shell)
    case "man":
      try allow([], for: name)
      guard rest.isEmpty else {
        throw UsageError("'kurs man' takes no arguments: kurs man > kurs.1", command: name)
      }
      command = .manual
    case "help":
      command = .help(topic: rest.first)
    default:
      throw UsageError("unknown command '\(name)'\(didYouMean(name, commandNames))")
    }
    return Invocation(options: options, command: command)
  }

  /// `kurs import moodle|gift FILE`.
  private static func importCommand(_ rest: [String], out: String?) throws(UsageError) -> Command {
    let formats = BankImporter.Format.allCases.map(\.rawValue)
    guard let first = rest.first, let format = BankImporter.Format(rawValue: first) else {
      let given = rest.first.map {
        "'kurs import' reads moodle or gift, not '\($0)'\(didYouMean($0, formats))"
      }
      throw UsageError(
        "\(given ?? "'kurs import' needs a format and a file"): kurs import moodle questions.xml --out Courses/my-quiz",
        command: "import")
    }
    guard rest.count == 2 else {
      throw UsageError(
        "'kurs import \(format.rawValue)' needs one file: kurs import \(format.rawValue) questions.\(format == .moodle ? "xml" : "txt")",
        command: "import")
    }
    return .importBank(format: format, file: rest[1], out: out)
  }

  /// The subcommands of `kurs certificate`.
  static let certificateCommands = ["verify", "sign", "print", "context"]

  /// `kurs certificate sign|verify|print|context …`.
  private static func certificateCommand(
    _ rest: [String], values: [String: String], flags: Set<String>,
    allow: (Set<String>, String, String?) throws(UsageError) -> Void
  ) throws(UsageError) -> Command {
    let help = "certificate"
    switch rest.first {
    case "sign":
      try allow(["--key", "--issuer-name", "--out"], "certificate sign", help)
      let example =
        "kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'"
      guard rest.count == 2 else {
        throw UsageError("'kurs certificate sign' needs one certificate: \(example)", command: help)
      }
      guard let key = values["--key"] else {
        throw UsageError(
          "'kurs certificate sign' needs your private key (--key): \(example)", command: help)
      }
      guard let issuerName = values["--issuer-name"] else {
        throw UsageError(
          "'kurs certificate sign' needs the name to sign as (--issuer-name): \(example)",
          command: help)
      }
      return .signCertificate(
        file: rest[1], key: key, issuerName: issuerName, output: values["--out"])
    case "verify":
      try allow(["--issuer-key"], "certificate verify", help)
      guard rest.count == 2 else {
        throw UsageError(
          "'kurs certificate verify' needs one certificate: kurs certificate verify example.json",
          command: help)
      }
      return .verifyCertificate(file: rest[1], issuerKey: values["--issuer-key"])
    case "print":
      try allow(["--issuer-key", "--out", "--no-title", "--replace"], "certificate print", help)
      guard rest.count == 2 else {
        throw UsageError(
          "'kurs certificate print' needs one certificate: kurs certificate print example.json --no-title --out example.html",
          command: help)
      }
      return .printCertificate(
        file: rest[1], issuerKey: values["--issuer-key"], output: values["--out"],
        title: !flags.contains("--no-title"),
        replace: flags.contains("--replace"))
    case "context":
      try allow([], "certificate context", help)
      guard rest.count == 1 else {
        throw UsageError(
          "'kurs certificate context' takes no arguments: kurs certificate context > kurs-context-1.jsonld",
          command: help)
      }
      return .certificateContext
    case let other?:
      throw UsageError(
        "'kurs certificate' has no command '\(other)'\(didYouMean(other, certificateCommands)); use verify, sign, print or context",
        command: help)
    case nil:
      throw UsageError(
        "'kurs certificate' needs verify, sign, print or context: kurs certificate verify example.json",
        command: help)
    }
  }
}
