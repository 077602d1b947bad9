@testable import KursKit

/// The parsed commands the parser tests expect, by the names the tests have always used
/// (`.start(course:module:)`), each built with its type's own initialiser.
extension AnyCommand {
  static let home = AnyCommand(HomeCommand())
  static let version = AnyCommand(VersionCommand())
  static let courses = AnyCommand(CoursesCommand())
  static let resume = AnyCommand(ResumeCommand())
  static let schema = AnyCommand(SchemaCommand())
  static let manual = AnyCommand(ManCommand())
  static let certificateContext = AnyCommand(CertificateContextCommand())

  static func validate(paths: [String], strict: Bool, json: Bool, review: Bool = false)
    -> AnyCommand
  {
    AnyCommand(ValidateCommand(paths: paths, strict: strict, json: json, review: review))
  }
  static func graph(course: String, module: String?, format: GraphFormat) -> AnyCommand {
    AnyCommand(GraphCommand(course: course, module: module, format: format))
  }
  static func stats(course: String, json: Bool) -> AnyCommand {
    AnyCommand(StatsCommand(course: course, json: json))
  }
  static func newCourse(id: String, directory: String?, languages: [String] = ["en"])
    -> AnyCommand
  {
    AnyCommand(NewCommand(id: id, directory: directory, languages: languages))
  }
  static func pack(course: String, out: String?) -> AnyCommand {
    AnyCommand(PackCommand(course: course, out: out))
  }
  static func publishHTML(course: String, out: String?) -> AnyCommand {
    AnyCommand(PublishCommand(format: "html", course: course, out: out))
  }
  static func publishPackage(kind: LearningPackage.Kind, course: String, out: String?)
    -> AnyCommand
  {
    AnyCommand(PublishCommand(format: kind.rawValue, course: course, out: out))
  }
  static func add(path: String) -> AnyCommand { AnyCommand(AddCommand(path: path)) }
  static func start(course: String, module: String?) -> AnyCommand {
    AnyCommand(StartCommand(course: course, module: module))
  }
  static func progress(json: Bool) -> AnyCommand { AnyCommand(ProgressCommand(json: json)) }
  static func export(out: String?) -> AnyCommand { AnyCommand(ExportCommand(out: out)) }
  static func forget(learner: String) -> AnyCommand {
    AnyCommand(ForgetCommand(learner: learner))
  }
  static func join(code: String) -> AnyCommand { AnyCommand(JoinCommand(code: code)) }
  static func cohortNew(name: String, course: String) -> AnyCommand {
    AnyCommand(CohortNewCommand(name: name, course: course))
  }
  static func cohortImport(name: String, files: [String], replace: Bool = false) -> AnyCommand {
    AnyCommand(CohortImportCommand(name: name, files: files, replace: replace))
  }
  static func cohortPull(name: String, since: String?, until: String?) -> AnyCommand {
    AnyCommand(CohortPullCommand(name: name, since: since, until: until))
  }
  static func cohortReport(
    name: String, csv: String?, json: Bool, html: String?, replace: Bool = false
  ) -> AnyCommand {
    AnyCommand(
      CohortReportCommand(name: name, csv: csv, json: json, html: html, replace: replace))
  }
  static func importBank(format: BankImporter.Format, file: String, out: String?) -> AnyCommand {
    AnyCommand(ImportCommand(format: format, file: file, out: out))
  }
  static func newKeys(directory: String?, name: String?) -> AnyCommand {
    AnyCommand(KeysCommand(directory: directory, name: name))
  }
  static func signCertificate(file: String, key: String, issuerName: String, output: String?)
    -> AnyCommand
  {
    AnyCommand(
      CertificateSignCommand(file: file, key: key, issuerName: issuerName, output: output))
  }
  static func verifyCertificate(file: String, issuerKey: String?) -> AnyCommand {
    AnyCommand(CertificateVerifyCommand(file: file, issuerKey: issuerKey))
  }
  static func printCertificate(
    file: String, issuerKey: String?, output: String?, title: Bool, replace: Bool
  ) -> AnyCommand {
    AnyCommand(
      CertificatePrintCommand(
        file: file, issuerKey: issuerKey, output: output, title: title, replace: replace))
  }
  static func completion(shell: CompletionShell) -> AnyCommand {
    AnyCommand(CompletionCommand(shell: shell))
  }
  static func help(topic: String?) -> AnyCommand { AnyCommand(HelpCommand(topic: topic)) }
}
