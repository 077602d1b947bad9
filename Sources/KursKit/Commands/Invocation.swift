/// A parsed command line: the command and the options every command shares.
public struct Invocation: Sendable, Equatable {
  public var options: GlobalOptions
  public var command: AnyCommand

  public init(options: GlobalOptions = GlobalOptions(), command: some Command) {
    self.options = options
    self.command = AnyCommand(command)
  }
}

/// Options that every command accepts, before or after the command name.
public struct GlobalOptions: Sendable, Equatable {
  /// `--courses DIR`: the only folder to look for courses in (default: `CourseLocator.standard`).
  public var coursesDirectory: String?
  /// `--content DIR`: the shared Content/ folder (default: beside the courses).
  public var contentDirectory: String?
  /// `--data-dir DIR`: where learners' records are kept.
  public var dataDirectory: String?
  /// `--learner NAME`.
  public var learner: String?
  /// `--lang CODE`.
  public var language: String?
  /// `--plain`: no colour, no box drawing, no cursor movement.
  public var plain = false
  /// `--wrap N`: break text into lines of N columns (else `KURS_WRAP`; else the terminal's
  /// width, and in plain mode no breaks inside a paragraph).
  public var wrap: Int?
  /// `--discreet` (else `KURS_DISCREET=1`): `q` also clears the screen and the scrollback, as
  /// the quick exit does, so that nothing of the course is left on screen.
  public var discreet = false
  /// `kurs start … --cohort CODE`: join a cohort while starting.
  public var cohortCode: String?
  /// `--lrs URL` (else `KURS_LRS_URL`): a learning record store to send statements to.
  public var lrsURL: String?
  /// `--lrs-credentials FILE`: `user:password` for the LRS (else KURS_LRS_USER/KURS_LRS_PASSWORD).
  public var lrsCredentials: String?

  public init() {}
}

extension GlobalOptions {
  /// The options every command takes, as `kurs help` lists them (a test compares the two).
  public static let declarations: [CommandOption] = [
    .learner, .dataDirectory, .courses, .content, .language, .plain, .wrap, .discreet, .lrs,
    CommandOption("--lrs-credentials", value: "FILE", isGlobal: true),
  ]

  /// Reads the global options from `parsed`.
  /// - Throws: `UsageError` for a `--wrap` that is not a number of columns.
  init(_ parsed: ParsedArguments) throws(UsageError) {
    self.init()
    coursesDirectory = parsed.value("--courses")
    contentDirectory = parsed.value("--content")
    dataDirectory = parsed.value("--data-dir")
    learner = parsed.value("--learner")
    language = parsed.value("--lang")
    plain = parsed.flag("--plain")
    if let wrap = parsed.value("--wrap") {
      guard let columns = CommandLineParser.wrapColumns(wrap) else {
        throw UsageError(
          "--wrap takes the number of columns to wrap text at, from 20 to 1000: --wrap 80")
      }
      self.wrap = columns
    }
    discreet = parsed.flag("--discreet")
    lrsURL = parsed.value("--lrs")
    lrsCredentials = parsed.value("--lrs-credentials")
  }
}

extension CommandOption {
  static let learner = CommandOption("--learner", value: "NAME", isGlobal: true)
  static let dataDirectory = CommandOption(
    "--data-dir", value: "DIR", completion: .directory, isGlobal: true)
  static let courses = CommandOption(
    "--courses", value: "DIR", completion: .directory, isGlobal: true)
  static let content = CommandOption(
    "--content", value: "DIR", completion: .directory, isGlobal: true)
  static let language = CommandOption(
    "--lang", value: "CODE", completion: .words(Localization.languages.sorted()), isGlobal: true)
  static let plain = CommandOption("--plain", isGlobal: true)
  static let wrap = CommandOption("--wrap", value: "N", isGlobal: true)
  static let discreet = CommandOption("--discreet", isGlobal: true)
  static let lrs = CommandOption("--lrs", value: "URL", isGlobal: true)
  /// `--help`, `-h`, `--version` and `-V`: they stand in for a command.
  static let standIns: [CommandOption] = ["--help", "-h", "--version", "-V"].map {
    CommandOption($0, isGlobal: true)
  }
}
