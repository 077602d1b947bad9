import Foundation

/// The learner's own records: `kurs progress --json`, `kurs export`, `kurs forget`.
extension KursCLI {
  struct ProgressReport: Codable {
    struct Module: Codable {
      var id: String
      var title: String
      var status: String
      var score: Int
      var maximum: Int
      var passMark: Int
      var locked: Bool
      var requires: [String]
    }

    struct CourseProgress: Codable {
      var id: String
      var version: String
      var title: String
      var completed: Bool
      var percent: Int
      var modules: [Module]
    }

    var learner: String
    var courses: [CourseProgress]
  }

  /// The state of each course the learner has a journal for, rebuilt from the journal.
  func states(
    of learner: LearnerProfile, store: LearnerStore, locator: CourseLocator, loader: CourseLoader
  )
    throws -> [(Course, Engine, CourseState, [Journal.Entry])]
  {
    var result: [(Course, Engine, CourseState, [Journal.Entry])] = []
    for id in store.courses(of: learner) {
      guard let path = locator.path(for: id), let course = loader.load(path: path).course else {
        continue
      }
      let engine = Engine(
        course: course, language: uiLanguage(GlobalOptions(), learner: learner), seed: learner.id)
      let (entries, _) = try store.journal(of: learner, course: id).read()
      result.append((course, engine, Replay.rebuild(entries, engine: engine).state, entries))
    }
    return result
  }

  /// `kurs progress --json`: the same facts as `kurs progress`, for scripts.
  func progressJSON(_ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader)
    -> ExitCode
  {
    let store = store(options)
    do {
      guard let learner = try learner(options, store: store, creating: false) else {
        return .inputEnded
      }
      let language = uiLanguage(options, learner: learner)
      var report = ProgressReport(learner: learner.name, courses: [])
      for (course, engine, state, _) in try states(
        of: learner, store: store, locator: locator, loader: loader)
      {
        let modules = course.modules.map { module -> ProgressReport.Module in
          let moduleState = state.module(module.id)
          let missing = engine.missingRequirements(of: module.id, in: state)
          let status = moduleState.passedBefore ? "passed" : moduleState.status.rawValue
          return ProgressReport.Module(
            id: module.id,
            title: module.title.resolve(language, fallback: course.defaultLanguage)?.plain
              ?? module.id,
            status: status,
            score: moduleState.bestScore ?? moduleState.lastScore ?? moduleState.score,
            maximum: engine.maximum(of: module.id), passMark: engine.passMark(of: module),
            locked: !missing.isEmpty,
            requires: module.requires)
        }
        report.courses.append(
          ProgressReport.CourseProgress(
            id: course.id, version: course.version,
            title: course.title.resolve(language, fallback: course.defaultLanguage)?.plain
              ?? course.id,
            completed: state.completed || engine.isComplete(state),
            percent: engine.percentDone(state), modules: modules))
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      console.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n")
      return .success
    } catch {
      report(error, uiLanguage(options, learner: nil))
      return .invalid
    }
  }

  /// `kurs export [--out FILE]`: one file the learner can send to a trainer.
  func export(
    to out: String?, _ options: GlobalOptions, locator: CourseLocator, loader: CourseLoader
  ) -> ExitCode {
    let store = store(options)
    var language = uiLanguage(options, learner: nil)
    do {
      guard let learner = try learner(options, store: store, creating: false) else {
        return .inputEnded
      }
      language = uiLanguage(options, learner: learner)
      var export = ExportFile(
        exported: Journal.timestamp(now()),
        learner: ExportFile.Learner(id: learner.id, pseudonym: learner.name), courses: [])
      for id in store.courses(of: learner) {
        let journal = try store.journal(of: learner, course: id)
        let (entries, _) = try journal.read()
        let course = locator.path(for: id).flatMap { loader.load(path: $0).course }
        let statements = try journal.statements()
        let last = entries.last
        export.courses.append(
          ExportFile.CourseRecords(
            id: id, version: course?.version ?? last?.courseVersion ?? "",
            digest: course?.digest ?? last?.digest ?? "",
            statements: statements))
      }
      let url = URL(
        fileURLWithPath: out
          ?? "kurs-export-\(now().formatted(.iso8601.year().month().day())).json")
      var isFolder: ObjCBool = false
      let folder = url.deletingLastPathComponent()
      guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder),
        isFolder.boolValue
      else {
        console.writeError("kurs: " + t(.exportNoFolder, language, url.path, folder.path) + "\n")
        return .invalid
      }
      guard !FileManager.default.fileExists(atPath: url.path) else {
        console.writeError("kurs: " + t(.exportExists, language, url.path) + "\n")
        return .invalid
      }
      try AtomicFile.write(try export.sealed().encoded(), to: url, permissions: 0o600)
      let count = export.courses.map(\.statements.count).reduce(0, +)
      console.write(t(.exportWritten, language, url.path, String(count)) + "\n")
      return .success
    } catch let error as StoreError {
      report(error, language)
      return .invalid
    } catch let error as Journal.ReadError {
      report(error, language)
      return .invalid
    } catch {
      console.writeError("kurs: " + t(.exportFailed, language, error.localizedDescription) + "\n")
      return .unreadable
    }
  }

  /// `kurs forget LEARNER`: deletes the learner's profile, journals and certificates after the
  /// learner's name is typed again.
  func forget(_ name: String, _ options: GlobalOptions) -> ExitCode {
    let store = store(options)
    var language = uiLanguage(options, learner: nil)
    do {
      var named = options
      named.learner = name
      guard let learner = try learner(named, store: store, creating: false) else {
        return .inputEnded
      }
      // The learner's own language, as everywhere else they are known.
      language = uiLanguage(options, learner: learner)
      let lock = try store.session(of: learner)
      defer { withExtendedLifetime(lock) {} }
      console.write(
        t(.forgetConfirm, language, learner.name, String(store.courses(of: learner).count)) + "\n> "
      )
      guard let typed = input.readLine(),
        typed.trimmingCharacters(in: .whitespaces).lowercased() == learner.name.lowercased()
      else {
        console.write(t(.forgetCancelled, language) + "\n")
        return .invalid
      }
      try store.forget(learner)
      console.write(t(.forgetDone, language, learner.name) + "\n")
      if try store.existingProfile(named: learner.name) != nil {
        console.write(t(.forgetNamesakeRemains, language, learner.name) + "\n")
      }
      return .success
    } catch {
      report(error, language)
      return .invalid
    }
  }
}
