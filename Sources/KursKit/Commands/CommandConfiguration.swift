/// The declaration of a command: its name, what it does, and its arguments and options, each
/// given once. The parser, `kurs help`, `kurs man` and `kurs completion` read it.
public struct CommandConfiguration: Sendable {
  /// The word that runs it (`start`; `sign` for `kurs certificate sign`).
  public var name: String
  /// One line: what it does (the shell completion's description).
  public var abstract: String
  /// The words after the name, in order.
  public var arguments: [CommandArgument]
  /// Its options, in the order its usage shows them. A global option listed here (say
  /// `CommandOption.learner`) is shown in the usage; every command takes the global ones anyway.
  public var options: [CommandOption]
  /// The commands under it (`kurs certificate verify`), for a `CommandGroup`.
  public var subcommands: [any Command.Type]
  /// Whether it reads or writes the data folder (checked to be the user's own first).
  public var usesDataFolder: Bool
  /// Whether an option it does not declare is refused (`kurs help` takes any).
  public var refusesOtherOptions: Bool
  /// The text of `kurs help NAME` besides the generated usage and option table; `nil` for
  /// a subcommand (its group's help covers it) and for the commands with no help.
  public var help: HelpTopic?

  public init(
    name: String, abstract: String, arguments: [CommandArgument] = [],
    options: [CommandOption] = [],
    subcommands: [any Command.Type] = [], usesDataFolder: Bool = false,
    refusesOtherOptions: Bool = true, help: HelpTopic? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.arguments = arguments
    self.options = options
    self.subcommands = subcommands
    self.usesDataFolder = usesDataFolder
    self.refusesOtherOptions = refusesOtherOptions
    self.help = help
  }

  /// The options it declares besides the global ones.
  public var ownOptions: [CommandOption] { options.filter { !$0.isGlobal } }

  /// Its own options and its subcommands', each once, in order.
  var allOwnOptions: [CommandOption] {
    var seen: Set<String> = []
    return (ownOptions + subcommands.flatMap { $0.configuration.ownOptions }).filter {
      seen.insert($0.name).inserted
    }
  }
}

/// What a shell completes for an argument or an option's value.
public enum CompletionKind: Sendable, Equatable {
  /// A file name.
  case file
  /// A folder.
  case directory
  /// One of these words.
  case words([String])
  /// A course id found when the script is written.
  case course
}

/// A word after the command's name.
public struct CommandArgument: Sendable {
  /// How the usage names it (`COURSE`, `moodle|gift`).
  public var valueName: String
  public var completion: CompletionKind
  /// Whether it may be left out (`[COMMAND]`).
  public var isOptional: Bool
  /// Whether it may be given more than once (`PATH...`).
  public var repeats: Bool

  public init(
    _ valueName: String, completion: CompletionKind = .file, isOptional: Bool = false,
    repeats: Bool = false
  ) {
    self.valueName = valueName
    self.completion = completion
    self.isOptional = isOptional
    self.repeats = repeats
  }

  /// As the usage line shows it.
  var usage: String {
    let word = valueName + (repeats ? "..." : "")
    return isOptional ? "[\(word)]" : word
  }
}

/// An option: `--out FILE` (with a value) or `--json` (a flag).
public struct CommandOption: Sendable {
  /// `--out`.
  public var name: String
  /// How the usage names its value (`FILE`); `nil` for a flag.
  public var valueName: String?
  /// What it does, for the command's option table.
  public var help: String
  public var completion: CompletionKind
  /// Whether every command takes it (`GlobalOptions.declarations`).
  public var isGlobal: Bool
  /// Whether the usage shows it without brackets (the command checks it is given).
  public var isRequired: Bool

  public init(
    _ name: String, value valueName: String? = nil, help: String = "",
    completion: CompletionKind = .file, isGlobal: Bool = false, isRequired: Bool = false
  ) {
    self.name = name
    self.valueName = valueName
    self.help = help
    self.completion = completion
    self.isGlobal = isGlobal
    self.isRequired = isRequired
  }

  public var isFlag: Bool { valueName == nil }

  /// The same option, shown in the usage as needed.
  public func required() -> CommandOption {
    var option = self
    option.isRequired = true
    return option
  }

  /// `--out FILE`, or `--json`.
  var synopsis: String { valueName.map { "\(name) \($0)" } ?? name }

  /// As the usage line shows it: `[--out FILE]`, or `--key KEY` when required.
  var usage: String { isRequired ? synopsis : "[\(synopsis)]" }
}

/// The words of `kurs help COMMAND` that are not generated: the description before the option
/// table, and what follows it (exit codes, examples), with their translations.
public struct HelpTopic: Sendable {
  /// A translation: the same parts, and the options' help keyed by option name.
  public struct Translation: Sendable {
    public var discussion: String
    public var epilogue: String
    public var optionHelp: [String: String]

    public init(discussion: String, epilogue: String = "", optionHelp: [String: String] = [:]) {
      self.discussion = discussion
      self.epilogue = epilogue
      self.optionHelp = optionHelp
    }
  }

  public var discussion: String
  /// The column the options' help starts at, when the help has an option table.
  public var optionColumn: Int?
  public var epilogue: String
  /// By language code (`ru`, `uk`); a language without one reads English.
  public var translations: [String: Translation]

  public init(
    discussion: String, optionColumn: Int? = nil, epilogue: String = "",
    translations: [String: Translation] = [:]
  ) {
    self.discussion = discussion
    self.optionColumn = optionColumn
    self.epilogue = epilogue
    self.translations = translations
  }
}
