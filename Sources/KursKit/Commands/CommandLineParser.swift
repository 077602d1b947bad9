/// Turns `kurs`'s arguments into an `Invocation`. Pure: tests call it with an array. What it
/// accepts is read from the commands' declarations (`CommandConfiguration`).
public enum CommandLineParser {
  /// Every command, in the order of the completions and the manual page.
  static let commands: [any CommandDeclaration.Type] = [
    StartCommand.self, ResumeCommand.self, ProgressCommand.self, ExportCommand.self,
    ForgetCommand.self, JoinCommand.self, CohortCommand.self, CoursesCommand.self,
    AddCommand.self, PackCommand.self, PublishCommand.self, ValidateCommand.self, GraphCommand.self,
    StatsCommand.self, NewCommand.self, SchemaCommand.self, HelpCommand.self,
    CertificateCommand.self, KeysCommand.self, ImportCommand.self, CompletionCommand.self,
    ManCommand.self,
  ]

  /// The names of the commands, in order.
  static var commandNames: [String] { commands.map { $0.configuration.name } }

  /// The command named `name`.
  static func command(named name: String) -> (any CommandDeclaration.Type)? {
    commands.first { $0.configuration.name == name }
  }

  /// The columns of `--wrap N` or `KURS_WRAP=N`: a whole number from 20 to 1000, else `nil`.
  public static func wrapColumns(_ text: String) -> Int? {
    guard let columns = Int(text), (20...1000).contains(columns) else { return nil }
    return columns
  }

  /// Every option some command declares, the global ones first, each once.
  static var allOptions: [CommandOption] {
    var seen: Set<String> = []
    let declared =
      GlobalOptions.declarations + CommandOption.standIns
      + commands.flatMap { $0.configuration.allOwnOptions }
    return declared.filter { seen.insert($0.name).inserted }
  }

  /// The options that take a value.
  static var valueOptions: Set<String> { Set(allOptions.filter { !$0.isFlag }.map(\.name)) }
  /// The options that take no value.
  static var flagOptions: Set<String> { Set(allOptions.filter(\.isFlag).map(\.name)) }
  /// The options every command takes.
  static var globalOptions: Set<String> { Set(GlobalOptions.declarations.map(\.name)) }

  /// Parses the arguments after the program name, and checks them (`Command.validate()`).
  /// - Throws: `UsageError` naming the wrong argument and what to write.
  public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
    let parsed = try tokens(arguments)
    let options = try GlobalOptions(parsed)
    if parsed.flag("--version") || parsed.flag("-V") || parsed.arguments == ["version"] {
      return Invocation(options: options, command: VersionCommand())
    }
    if parsed.flag("--help") || parsed.flag("-h") {
      return Invocation(
        options: options, command: HelpCommand(topic: parsed.arguments.first))
    }
    guard let name = parsed.arguments.first else {
      return Invocation(options: options, command: HomeCommand())
    }
    guard let declaration = command(named: name) else {
      throw UsageError("unknown command '\(name)'\(didYouMean(name, commandNames))")
    }
    var rest = parsed.dropping(1)
    var path = name
    var type: any Command.Type
    if let group = declaration as? any CommandGroup.Type {
      let subcommands = group.configuration.subcommands
      guard let sub = rest.arguments.first,
        let found = subcommands.first(where: { $0.configuration.name == sub })
      else { throw group.missingSubcommand(rest.arguments.first) }
      type = found
      rest = rest.dropping(1)
      path += " " + sub
    } else if let leaf = declaration as? any Command.Type {
      type = leaf
    } else {
      throw UsageError("unknown command '\(name)'")
    }
    if type.configuration.refusesOtherOptions {
      let allowed = Set(type.configuration.ownOptions.map(\.name))
      let given = rest.givenOptions.subtracting(globalOptions)
      if let extra = given.subtracting(allowed).sorted().first {
        throw UsageError("'kurs \(path)' has no option \(extra)", command: name)
      }
    }
    return try invocation(of: type, rest, options: options)
  }

  private static func invocation<C: Command>(
    of type: C.Type, _ parsed: ParsedArguments, options: GlobalOptions
  ) throws(UsageError) -> Invocation {
    let command = C(parsed)
    try command.validate()
    return Invocation(options: options, command: command)
  }

  /// Splits the arguments into options (with their values), flags and the other words.
  private static func tokens(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    let valueOptions = Self.valueOptions
    let flagOptions = Self.flagOptions
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        parsed.arguments += arguments[index...]
        break
      }
      guard argument.hasPrefix("-"), argument != "-" else {
        parsed.arguments.append(argument)
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
          parsed.values[name] = inlineValue
        } else if index < arguments.count {
          parsed.values[name] = arguments[index]
          index += 1
        } else {
          throw UsageError("\(name) needs a value")
        }
      } else if flagOptions.contains(name), inlineValue == nil {
        parsed.flags.insert(name)
      } else {
        throw UsageError("unknown option '\(name)'\(didYouMean(name, allOptions.map(\.name)))")
      }
    }
    return parsed
  }
}

/// A command line split into its words, the options' values and the flags given.
public struct ParsedArguments: Sendable, Equatable {
  /// The words that are not options, after the command's name (and subcommand's).
  public var arguments: [String] = []
  var values: [String: String] = [:]
  var flags: Set<String> = []

  public init() {}

  /// The value of the option `name` (`--out`), if given.
  public func value(_ name: String) -> String? { values[name] }

  /// Whether the flag `name` (`--json`) was given.
  public func flag(_ name: String) -> Bool { flags.contains(name) }

  var givenOptions: Set<String> { Set(values.keys).union(flags) }

  func dropping(_ count: Int) -> ParsedArguments {
    var rest = self
    rest.arguments = Array(arguments.dropFirst(count))
    return rest
  }
}
