import Foundation

/// The webinar host's commands: `kurs cohort new|import|report`, and the learner's `kurs join`.
extension KursCLI {
  func cohortStore(_ options: GlobalOptions) -> CohortStore {
    CohortStore(
      dataDirectory: DataDirectory.resolve(option: options.dataDirectory, environment: environment))
  }

  /// `kurs cohort new NAME --course COURSE`.
  func cohortNew(
    name: String, course: String, _ options: GlobalOptions, locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    guard let loaded = loadValid(course, locator: locator, loader: loader) else { return .invalid }
    do {
      let cohort = try cohortStore(options).create(name: name, course: loaded.id)
      console.write(
        """
        Created cohort \(cohort.name) for course \(cohort.course).
        Join code: \(cohort.code)

        Learners run:  kurs join \(cohort.code)
        then send you: kurs export   (and you run: kurs cohort import \(cohort.name) FILE...)

        """)
      return .success
    } catch {
      console.writeError("kurs: \(error)\n")
      return .invalid
    }
  }

  /// `kurs join CODE`: the learner's statements for the code's course carry the cohort's registration.
  func join(code typed: String, _ options: GlobalOptions) -> ExitCode {
    let language = uiLanguage(options, learner: nil)
    guard let (course, code) = Cohort.parse(code: typed) else {
      console.writeError("kurs: " + t(.joinCodeInvalid, language, typed) + "\n")
      return .usage
    }
    let store = store(options)
    do {
      guard let chosen = try learner(options, store: store) else { return .inputEnded }
      let learner = try store.update(chosen) { learner in
        var cohorts = learner.cohorts ?? [:]
        cohorts[course] = code
        learner.cohorts = cohorts
      }
      console.write(
        t(.joined, uiLanguage(options, learner: learner), learner.name, code, course) + "\n")
      return .success
    } catch {
      report(error, language)
      return .invalid
    }
  }

  /// `kurs cohort import NAME FILE|FOLDER...`: each file on its own; a refused file does not stop
  /// the rest. A folder stands for the `.json` files in it, so a host with thousands of exports
  /// does not hit the shell's limit on arguments.
  func cohortImport(
    name: String, files paths: [String], replace: Bool = false, _ options: GlobalOptions
  ) -> ExitCode {
    var files: [String] = []
    var unreadableFolders = 0
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        files.append(path)
        continue
      }
      do {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        files += names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map {
          URL(fileURLWithPath: path).appendingPathComponent($0).path
        }
      } catch {
        console.writeError(
          "\(path): refused: the folder cannot be read (\(error.localizedDescription)); check its permissions\n"
        )
        unreadableFolders += 1
      }
    }
    let store = cohortStore(options)
    let cohort: Cohort
    do {
      cohort = try store.cohort(named: name)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .invalid
    }
    let outcomes: [CohortStore.ImportOutcome]
    do {
      outcomes = try store.importAll(
        files.map { .file(URL(fileURLWithPath: $0)) }, into: cohort, replace: replace)
    } catch {
      console.writeError("kurs: \(error)\n")
      return .unreadable
    }
    var refused = 0
    for (file, outcome) in zip(files, outcomes) {
      switch outcome {
      case .added(let who): console.write("\(file): added \(who)\n")
      case .updated(let who): console.write("\(file): updated \(who) (a newer export)\n")
      case .unchanged(let who):
        console.write("\(file): unchanged (\(who) was already imported from the same records)\n")
      case .keptNewer(let who):
        console.write("\(file): kept the newer records of \(who) already imported\n")
      case .conflict: console.write("\(file): \(outcome.text)\n")
      case .refused(let reason):
        console.writeError("\(file): refused: \(reason)\n")
        refused += 1
      }
    }
    console.write(
      "imported \(files.count - refused) of \(files.count) files into cohort \(cohort.name)\n")
    return refused == 0 && unreadableFolders == 0 ? .success : .invalid
  }

  /// The LRS from `--lrs` or `KURS_LRS_URL`, or `nil` when none is configured. Warns when the
  /// credentials file can be read by other users.
  /// - Throws: a URL holding a password (refused: it shows in the process list), unreadable
  ///   credentials.
  func lrsClient(_ options: GlobalOptions) throws(LRSClient.LRSError) -> LRSClient? {
    guard let url = options.lrsURL ?? environment["KURS_LRS_URL"].flatMap({ $0.isEmpty ? nil : $0 })
    else { return nil }
    let option = options.lrsURL == nil ? "KURS_LRS_URL" : "--lrs"
    let credentials = try LRSClient.Credentials.load(
      file: options.lrsCredentials, environment: environment)
    let client = try LRSClient(url: url, credentials: credentials, option: option)
    if let file = options.lrsCredentials, let warning = LRSClient.Credentials.exposure(ofFile: file)
    {
      console.writeError("kurs: \(warning)\n")
    }
    return client
  }

  /// `kurs cohort pull NAME --lrs URL`: the cohort's statements from the LRS, stored as imports are.
  func cohortPull(name: String, since: String?, until: String?, _ options: GlobalOptions)
    -> ExitCode
  {
    let store = cohortStore(options)
    do {
      let cohort = try store.cohort(named: name)
      guard let client = try lrsClient(options) else {
        console.writeError(
          "kurs: 'kurs cohort pull' needs the learning record store: --lrs URL (or KURS_LRS_URL)\n")
        return .usage
      }
      let statements = try client.statements(
        registration: cohort.registration, since: since, until: until)
      var byLearner: [String: [Statement]] = [:]
      var order: [String] = []
      let courseIRI = "urn:kurs:course:\(cohort.course)"
      for statement in statements
      where statement.object.id == courseIRI || statement.object.id.hasPrefix(courseIRI + ":") {
        let id = statement.actor.account.name
        if byLearner[id] == nil { order.append(id) }
        byLearner[id, default: []].append(statement)
      }
      var sources: [CohortStore.ImportSource] = []
      for id in order {
        let own = byLearner[id] ?? []
        let pseudonym = own.compactMap(\.actor.name).last ?? id
        let last = own.last?.context.extensions
        let records = ExportFile.CourseRecords(
          id: cohort.course, version: last?.courseVersion ?? "", digest: last?.courseDigest ?? "",
          statements: own)
        sources.append(
          .records(
            learner: ExportFile.Learner(id: id, pseudonym: pseudonym),
            exported: Journal.timestamp(now()), course: records))
      }
      for (id, outcome) in zip(order, try store.importAll(sources, into: cohort)) {
        let count = byLearner[id]?.count ?? 0
        switch outcome {
        case .added(let who): console.write("added \(who) (\(count) statements)\n")
        case .updated(let who): console.write("updated \(who) (\(count) statements)\n")
        case .unchanged(let who): console.write("unchanged: \(who)\n")
        case .keptNewer(let who):
          console.write("kept the newer records of \(who) already imported\n")
        case .conflict: console.write("\(id): \(outcome.text)\n")
        case .refused(let reason): console.writeError("\(id): refused: \(reason)\n")
        }
      }
      console.write(
        "pulled \(statements.count) statements of \(order.count) learners into cohort \(cohort.name)\n"
      )
      return .success
    } catch let error as LRSClient.LRSError {
      console.writeError("kurs: \(error)\n")
      if case .passwordInURL = error { return .usage }
      return .unreadable
    } catch {
      console.writeError("kurs: \(error)\n")
      return .invalid
    }
  }

  /// `kurs cohort report NAME [--csv FILE|-] [--json] [--html FILE|-] [--replace]`: data to
  /// standard output (`-`), confirmations to standard error; a report file already there is
  /// replaced only with `--replace`.
  func cohortReport(
    name: String, csv: String?, json: Bool, html: String?, replace: Bool = false,
    _ options: GlobalOptions, locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    let store = cohortStore(options)
    do {
      let cohort = try store.cohort(named: name)
      guard let course = loadValid(cohort.course, locator: locator, loader: loader) else {
        return .invalid
      }
      // Course content in the first of the host's languages the course has; the report's own
      // words in the first it speaks; times in the host's time zone.
      let chain = LanguageChain.chain(explicit: options.language, environment: environment)
      let report = CohortReport(
        cohort: cohort, course: course, summaries: try store.summaries(of: cohort),
        language: LanguageChain.first(of: chain, in: course.languages) ?? course.defaultLanguage)
      let language = ReportText.language(chain)
      let timeZone =
        environment["TZ"].flatMap {
          TimeZone(identifier: $0.hasPrefix(":") ? String($0.dropFirst()) : $0)
        } ?? TimeZone.current
      // Every file checked before any is written, so a refusal leaves nothing half done.
      for path in [csv, html].compactMap({ $0 }) where path != "-" {
        if let problem = Self.outputProblem(path, replace: replace) {
          console.writeError("kurs: \(problem)\n")
          return .invalid
        }
      }
      for (path, content) in [
        (csv, { report.csv() }), (html, { report.html(language: language, timeZone: timeZone) }),
      ] {
        guard let path else { continue }
        if path == "-" {
          console.write(content())
        } else {
          try AtomicFile.write(
            Data(content().utf8), to: URL(fileURLWithPath: path), permissions: 0o600)
          console.writeError("wrote \(path)\n")
        }
      }
      if json {
        console.write(String(decoding: try report.json(), as: UTF8.self) + "\n")
      } else if csv == nil && html == nil {
        console.write(report.text(language: language, timeZone: timeZone))
      }
      return .success
    } catch let error as CohortStore.CohortError {
      console.writeError("kurs: \(error)\n")
      return .invalid
    } catch {
      console.writeError(
        "kurs: could not write the report: \(error.localizedDescription); nothing was changed\n")
      return .unreadable
    }
  }

  /// Why a report or export cannot be written to `path`: its folder is missing, or a file is
  /// there already (kept unless `replace`); `nil` when it can.
  static func outputProblem(_ path: String, replace: Bool) -> String? {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
      isFolder.boolValue
    else {
      return
        "\(path): the folder \(folder.path) does not exist: create it first, or choose another place"
    }
    if !replace, FileManager.default.fileExists(atPath: url.path) {
      return
        "\(path) already exists and was kept: choose another name, or add --replace to overwrite it"
    }
    return nil
  }
}
