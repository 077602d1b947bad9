/// A parsed command line: the command and the options every command shares.
public struct Invocation: Sendable, Equatable {
  public var options: GlobalOptions
  public var command: Command

  public init(options: GlobalOptions = GlobalOptions(), command: Command) {
    self.options = options
    self.command = command
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

/// What `kurs` was asked to do.
public enum Command: Sendable, Equatable {
  /// `kurs` with no command.
  case home
  /// `kurs validate PATH... [--strict] [--json] [--review]`
  case validate(paths: [String], strict: Bool, json: Bool, review: Bool = false)
  /// `kurs graph COURSE [--module ID] [--format dot|mermaid]`
  case graph(course: String, module: String?, format: GraphFormat)
  /// `kurs stats COURSE [--json]`
  case stats(course: String, json: Bool)
  /// `kurs new course ID [--dir DIR] [--languages "en ru"]`
  case newCourse(id: String, directory: String?, languages: [String] = ["en"])
  /// `kurs courses`
  case courses
  /// `kurs pack COURSE [--out FILE]`
  case pack(course: String, out: String?)
  /// `kurs publish html COURSE [--out FILE.html]`
  case publishHTML(course: String, out: String?)
  /// `kurs publish scorm|cmi5 COURSE [--out FILE.zip]`
  case publishPackage(kind: LearningPackage.Kind, course: String, out: String?)
  /// `kurs add FILE|FOLDER`
  case add(path: String)
  /// `kurs start COURSE [--module ID]`
  case start(course: String, module: String?)
  /// `kurs resume`
  case resume
  /// `kurs progress [--json]`
  case progress(json: Bool)
  /// `kurs export [--out FILE]`
  case export(out: String?)
  /// `kurs forget LEARNER`
  case forget(learner: String)
  /// `kurs join CODE`
  case join(code: String)
  /// `kurs cohort new NAME --course COURSE`
  case cohortNew(name: String, course: String)
  /// `kurs cohort import NAME FILE...`
  case cohortImport(name: String, files: [String], replace: Bool = false)
  /// `kurs cohort pull NAME [--since TIME] [--until TIME]` (with `--lrs URL`)
  case cohortPull(name: String, since: String?, until: String?)
  /// `kurs cohort report NAME [--csv FILE] [--json] [--html FILE]`
  case cohortReport(name: String, csv: String?, json: Bool, html: String?, replace: Bool = false)
  /// `kurs schema`
  case schema
  /// `kurs import moodle|gift FILE [--out DIR]`
  case importBank(format: BankImporter.Format, file: String, out: String?)
  /// `kurs keys new [--out DIR] [--name NAME]`
  case newKeys(directory: String?, name: String?)
  /// `kurs certificate sign FILE --key KEY --issuer-name NAME [--out FILE]`
  case signCertificate(file: String, key: String, issuerName: String, output: String?)
  /// `kurs certificate verify FILE [--issuer-key PUB]`
  case verifyCertificate(file: String, issuerKey: String?)
  /// `kurs certificate print FILE [--issuer-key PUB] [--out FILE] [--no-title] [--replace]`
  case printCertificate(
    file: String, issuerKey: String?, output: String?, title: Bool, replace: Bool)
  /// `kurs certificate context`: Kurs's JSON-LD context
  case certificateContext
  /// `kurs completion bash|zsh`
  case completion(shell: CompletionShell)
  /// `kurs man`: the manual page in roff
  case manual
  /// `kurs help [COMMAND]`, `kurs --help`
  case help(topic: String?)
  /// `kurs --version`
  case version
}
