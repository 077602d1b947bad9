import Foundation

/// `kurs publish html`: the course as one web page (the work is in Publishing/).
extension KursCLI {
  func publishHTML(
    _ name: String, out: String?, _ options: GlobalOptions, locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    // The record store's address and credentials are checked before anything is written.
    let store: PlayerPage.Options.RecordStore?
    do {
      store = try pageRecordStore(options)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .usage
    }
    guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
    let output = URL(fileURLWithPath: out ?? "\(course.id)-\(course.version).html")
    do {
      try PagePublisher.writeHTML(
        course, to: output, options: PlayerPage.Options(mode: .html, lrs: store))
    } catch {
      console.writeError(error.description + "\n")
      return .unreadable
    }
    console.write(
      "published course '\(course.id)' \(course.version) as \(output.path)\nlearners open it in a browser, offline; send them the file\n"
    )
    if let store {
      console.write(
        "the page also sends its statements to \(store.endpoint) when the phone is online\n")
    }
    return .success
  }

  /// `kurs publish html --lrs URL`: the store the page sends to. Only an explicit `--lrs`: a
  /// `KURS_LRS_URL` set for the runner never goes into a page by itself. The credentials are
  /// read as the runner reads them, with the same warning about a file others can read.
  func pageRecordStore(_ options: GlobalOptions) throws(LRSClient.LRSError)
    -> PlayerPage.Options.RecordStore?
  {
    guard let url = options.lrsURL else { return nil }
    let credentials = try LRSClient.Credentials.load(
      file: options.lrsCredentials, environment: environment)
    if let file = options.lrsCredentials, let warning = LRSClient.Credentials.exposure(ofFile: file)
    {
      console.writeError("kurs: \(warning)\n")
    }
    let client = try LRSClient(url: url, credentials: credentials, option: "--lrs")
    return PlayerPage.Options.RecordStore.forPage(
      statements: client.statementsURL, user: credentials?.user, password: credentials?.password)
  }
}

/// `kurs publish scorm` and `kurs publish cmi5`: the course as a package for a learning
/// platform (the work is in Publishing/LearningPackage).
extension KursCLI {
  func publishPackage(
    _ kind: LearningPackage.Kind, _ name: String, out: String?, _ options: GlobalOptions,
    locator: CourseLocator, loader: CourseLoader
  ) -> ExitCode {
    // The platform has its own record store (cmi5) or none (SCORM): a store given here would
    // be silently unused.
    if options.lrsURL != nil {
      console.writeError(
        "kurs: --lrs is for 'kurs publish html'; a \(kind.rawValue) package reports to the learning platform it is uploaded to. Leave out --lrs\n"
      )
      return .usage
    }
    guard let course = loadValid(name, locator: locator, loader: loader) else { return .invalid }
    let output = URL(fileURLWithPath: out ?? "\(course.id)-\(course.version)-\(kind.rawValue).zip")
    do {
      try LearningPackage.write(course, kind: kind, to: output, modified: now())
    } catch {
      console.writeError(error.description + "\n")
      return .unreadable
    }
    let platform =
      kind == .scorm
      ? "upload it to the learning platform as a SCORM package (Moodle: add an activity, SCORM package)"
      : "upload it to a cmi5 learning platform (Moodle needs a cmi5 plugin; see docs/publishing.md)"
    console.write(
      "published course '\(course.id)' \(course.version) as \(output.path)\n\(platform)\n")
    return .success
  }
}
