import Foundation

/// `kurs join` and `kurs cohort pull`, and what the cohort commands share: the cohort store,
/// the LRS client, where a report may be written.
extension KursCLI {
  func cohortStore(_ options: GlobalOptions) -> CohortStore {
    CohortStore(
      dataDirectory: DataDirectory.resolve(option: options.dataDirectory, environment: environment))
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
