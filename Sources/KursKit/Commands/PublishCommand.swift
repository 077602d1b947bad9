import Foundation

/// `kurs publish html|scorm|cmi5 COURSE [--out FILE]`: the course as one web page for phones,
/// or as a package for a learning platform (the work is in Publishing/).
struct PublishCommand: Command {
  static let configuration = CommandConfiguration(
    name: "publish",
    abstract: "a web page for phones, or a package for Moodle",
    arguments: [
      CommandArgument("html|scorm|cmi5", completion: .words(formats)),
      CommandArgument("COURSE", completion: .course),
    ],
    options: [CommandOption("--out", value: "FILE")], help: help)

  /// The formats of `kurs publish`.
  static let formats = ["html"] + LearningPackage.Kind.allCases.map(\.rawValue)

  var arguments: [String]
  var out: String?
  var format: String { arguments.first ?? "" }
  var course: String { arguments.count > 1 ? arguments[1] : "" }

  init(format: String, course: String, out: String? = nil) {
    arguments = [format, course]
    self.out = out
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    out = parsed.value("--out")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 2, Self.formats.contains(format) else {
      throw UsageError(
        "write 'kurs publish html|scorm|cmi5 COURSE --out FILE', for example: kurs publish html marina --out marina.html",
        command: "publish")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    if let kind = LearningPackage.Kind(rawValue: format) {
      return context.cli.publishPackage(
        kind, course, out: out, context.options, locator: context.locator,
        loader: context.loader)
    }
    return context.cli.publishHTML(
      course, out: out, context.options, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help publish

extension PublishCommand {
  /// What `kurs help publish` says besides the usage line (generated).
  static let help = HelpTopic(
    discussion: """
      Writes the course as one self-contained web page that plays it in any browser, on a
      phone too, offline: no server, no network, no other file. Send the page to learners
      (by messenger, e-mail or a USB stick); they open it from their files. The page plays
      by the same rules as 'kurs start' (scores, tries, hints, branches, languages) and
      keeps the learner's progress in the browser, so a reload or a closed tab resumes at
      the same screen. It has a quick exit (its button, or Escape twice) and the course's
      help resources on every screen. The course must be valid: errors are shown with
      their file and line and nothing is written. The page is written whole or not at all
      (default ID-VERSION.html in the current folder); an existing file is replaced.

      With --lrs URL the page also sends the learner's statements to that xAPI learning
      record store, when the phone is online (they wait in the browser until then). The
      store's user:password comes from --lrs-credentials FILE, else KURS_LRS_USER and
      KURS_LRS_PASSWORD, and is written into the page: give such a page only to your own
      learners. Without --lrs nothing leaves the phone.

      'kurs publish scorm' writes a SCORM 1.2 package (a ZIP) for a learning platform such
      as Moodle (add an activity, choose "SCORM package", upload the file): the same page,
      which reports to the platform whether the learner completed and passed the course,
      the score as a percentage, and where to resume. 'kurs publish cmi5' writes a cmi5
      package: the page sends the learner's statements to the platform's record store.
      Either is written whole or not at all (default ID-VERSION-scorm.zip or
      ID-VERSION-cmi5.zip); they take no --lrs. See docs/publishing.md for the platform's
      settings.

      examples:
        kurs publish html marina --out marina.html
        kurs publish html marina --lrs https://lrs.example.org/xapi/ --out marina.html
        kurs publish scorm marina --out marina-scorm.zip
        kurs publish cmi5 marina --out marina-cmi5.zip
      """)
}
