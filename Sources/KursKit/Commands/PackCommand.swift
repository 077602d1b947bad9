/// `kurs pack COURSE [--out FILE]`: the whole course as one file.
struct PackCommand: Command {
  static let configuration = CommandConfiguration(
    name: "pack", abstract: "the whole course as one file to send (--out FILE)",
    arguments: [CommandArgument("COURSE", completion: .course)],
    options: [CommandOption("--out", value: "FILE")], help: help)

  var arguments: [String]
  var out: String?
  var course: String { arguments.first ?? "" }

  init(course: String, out: String? = nil) {
    arguments = [course]
    self.out = out
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    out = parsed.value("--out")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs pack' needs one course: kurs pack marina --out marina.xml", command: "pack")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.pack(course, out: out, locator: context.locator, loader: context.loader)
  }
}

// MARK: - kurs help pack

extension PackCommand {
  /// What `kurs help pack` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      Writes the whole course as one file: its course.xml with the module files and the
      shared Content/ files it uses carried inside (<files>). Send that one file to
      learners (by messenger, e-mail or a USB stick); they add it with 'kurs add FILE'.
      The packed course is the same course: certificates, exports and cohorts made with it
      verify and import against the folder, and the other way round. The course must be
      valid; the packed file is loaded and checked before it is written (default
      ID-VERSION.xml in the current folder, like marina-1.0.0.xml; an existing file is never replaced).

      example:
        kurs pack marina --out marina.xml
      """)
}
