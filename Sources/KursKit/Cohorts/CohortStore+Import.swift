import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Importing many exports at once: each file is read once, on every core, and its summary
/// kept in the index; the learners' files are written beside their final names, flushed to
/// disk together, then renamed into place; the index is written last. A crash at any point
/// leaves the files of the last finished import, or an index the next import or report
/// rebuilds from the files.
extension CohortStore {
  /// What one import reads.
  public enum ImportSource: Sendable {
    /// An export file (`kurs export`).
    case file(URL)
    /// An export already in memory.
    case data(Data)
    /// One learner's records in the cohort's course, as the LRS gives them.
    case records(learner: ExportFile.Learner, exported: String, course: ExportFile.CourseRecords)
  }

  /// One source, read and checked; its file written beside its final name when it is new.
  struct Prepared: Sendable {
    var outcome: Result<LearnerSummary, ImportRefusedError>
    /// The learner's new file, not yet in place, with its stamp.
    var written: (url: URL, stamp: FileStamp)?
  }

  struct ImportRefusedError: Error, Sendable, Equatable, CustomStringConvertible {
    var reason: String
    var description: String { reason }
  }

  func learnersFolder(_ cohort: Cohort) -> URL {
    folder(cohort.name).appendingPathComponent("learners")
  }

  /// Imports every source, in order: between two exports of one learner the newer wins,
  /// whichever comes first (`LearnerSummary.isNewer`). One outcome per source.
  /// - Parameters:
  ///   - replace: keep each given export whatever its date (the host resolving a conflict
  ///     that a wrong clock made: `kurs cohort import NAME FILE --replace`).
  ///   - now: the host's clock, to tell an export dated in the future.
  /// - Throws: `CohortError` when the cohort's folder cannot be written at all.
  public func importAll(
    _ sources: [ImportSource], into cohort: Cohort, replace: Bool = false, now: Date = Date()
  ) throws(CohortError) -> [ImportOutcome] {
    let learners = learnersFolder(cohort)
    do {
      try DataDirectory.create(learners)
    } catch {
      throw CohortError(
        "\(learners.path): cannot be created (\(error.localizedDescription)); check the data folder's permissions"
      )
    }
    let lock = try lockCohort(cohort)
    defer { close(lock) }
    // A stored file that cannot be read is replaced by a new import of its learner.
    var current = try currentEntries(of: cohort, damaged: { _, _ in }).entries
    let snapshot = current
    let prepared = parallelMap(sources.count) { index in
      prepare(
        sources[index], cohort: cohort, learners: learners, snapshot: snapshot, replace: replace,
        now: now)
    }

    // In order: decide each source against what is current, as if imported one by one.
    enum Pending {
      case file(URL, FileStamp)
      case keep
    }
    var pending: [String: Pending] = [:]
    var outcomes: [ImportOutcome] = []
    var unused: [URL] = []
    for item in prepared {
      let summary: LearnerSummary
      switch item.outcome {
      case .failure(let refusal):
        outcomes.append(.refused(refusal.reason))
        continue
      case .success(let value): summary = value
      }
      let id = summary.id
      // Set when one of the two exports is dated in the future: the host is told what was kept.
      var conflict: String?
      if let existing = current[id]?.summary {
        if existing.seal == summary.seal {
          outcomes.append(.unchanged(summary.pseudonym))
          item.written.map { unused.append($0.url) }
          continue
        }
        let future = [existing, summary].first { $0.isFutureDated(now: now) }
        if !replace, existing.isNewer(than: summary, now: now) {
          if let future {
            outcomes.append(
              .conflict(
                summary.pseudonym,
                Self.conflictText(
                  future: future, kept: existing, other: summary, keptNew: false, cohort: cohort)))
          } else {
            outcomes.append(.keptNewer(summary.pseudonym))
          }
          item.written.map { unused.append($0.url) }
          continue
        }
        if let future, !replace {
          conflict = Self.conflictText(
            future: future, kept: summary, other: existing, keptNew: true, cohort: cohort)
        }
      }
      let replaces = current[id] != nil
      if case .file(let url, _) = pending[id] { unused.append(url) }
      if let written = item.written {
        pending[id] = .file(written.url, written.stamp)
        current[id] = CohortIndex.Entry(summary: summary, stamp: written.stamp)
      } else if let stored = snapshot[id], stored.summary.seal == summary.seal {
        // Back to the file already in place (an earlier source of this import was older).
        pending[id] = .keep
        current[id] = stored
      } else {
        outcomes.append(.refused("could not save it: it was not written"))
        continue
      }
      if let conflict {
        outcomes.append(.conflict(summary.pseudonym, conflict))
      } else {
        outcomes.append(replaces ? .updated(summary.pseudonym) : .added(summary.pseudonym))
      }
    }
    for url in unused { unlink(url.path) }

    // Flush the new files, then put them in place, then the index.
    var renames: [(URL, URL)] = []
    for (id, state) in pending {
      if case .file(let url, _) = state {
        renames.append((url, learners.appendingPathComponent("\(id).json")))
      }
    }
    if !renames.isEmpty {
      let failure =
        flush(learners, renames.map(\.0))
        ?? renames.lazy.compactMap { from, to in
          rename(from.path, to.path) == 0 ? nil : String(cString: strerror(errno))
        }.first
        ?? syncFolder(learners)
      if let failure {
        for (from, _) in renames { unlink(from.path) }
        throw CohortError(
          "\(learners.path): the imported files could not be saved (\(failure)); nothing was changed, import them again"
        )
      }
    }
    do {
      try AtomicFile.write(CohortIndex.encode(current), to: indexURL(cohort), permissions: 0o600)
    } catch {
      // The learners' files are in place; the next import or report rebuilds the index from them.
      throw CohortError(
        "\(indexURL(cohort).path): cannot be written (\(error.localizedDescription)); the learners' files were saved"
      )
    }
    return outcomes
  }

  /// What the host reads when a wrong clock made two exports of a learner disagree.
  static func conflictText(
    future: LearnerSummary, kept: LearnerSummary, other: LearnerSummary, keptNew: Bool,
    cohort: Cohort
  ) -> String {
    let which = keptNew ? "kept this export" : "kept the export already imported"
    return
      "one export is dated in the future (last statement \(future.last): a wrong clock?); \(which) "
      + "(\(kept.count) statements, last \(kept.last)) over the other (\(other.count) statements, last \(other.last)), "
      + "as it holds more of the learner's steps. To keep a particular file instead, run: "
      + "kurs cohort import \(cohort.name) FILE --replace"
  }

  func indexURL(_ cohort: Cohort) -> URL {
    folder(cohort.name).appendingPathComponent("summaries.jsonl")
  }

  /// One source, read, checked and summarised; written to a new file when it could replace
  /// what `snapshot` holds.
  func prepare(
    _ source: ImportSource, cohort: Cohort, learners: URL, snapshot: [String: CohortIndex.Entry],
    replace: Bool = false, now: Date = Date()
  ) -> Prepared {
    let stored: Data
    let summary: LearnerSummary
    switch read(source, course: cohort.course) {
    case .failure(let refusal): return Prepared(outcome: .failure(refusal), written: nil)
    case .success(let value): (stored, summary) = value
    }
    let id = summary.id
    guard !id.isEmpty,
      id.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" }),
      id.utf8.count <= 128
    else {
      return Prepared(
        outcome: .failure(
          ImportRefusedError(reason: "the learner id '\(id)' is not one Kurs writes")),
        written: nil)
    }
    if let existing = snapshot[id]?.summary,
      existing.seal == summary.seal || (!replace && existing.isNewer(than: summary, now: now))
    {
      return Prepared(outcome: .success(summary), written: nil)
    }
    let url = learners.appendingPathComponent(".\(id).json.\(UUID().uuidString).tmp")
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      return Prepared(
        outcome: .failure(
          ImportRefusedError(reason: "could not save it: \(String(cString: strerror(errno)))")),
        written: nil)
    }
    defer { close(descriptor) }
    var offset = 0
    while offset < stored.count {
      let count = stored.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return write(descriptor, base + offset, buffer.count - offset)
      }
      guard count > 0 else {
        let reason = String(cString: strerror(errno))
        unlink(url.path)
        return Prepared(
          outcome: .failure(ImportRefusedError(reason: "could not save it: \(reason)")),
          written: nil)
      }
      offset += count
    }
    guard let stamp = FileStamp.of(descriptor: descriptor) else {
      unlink(url.path)
      return Prepared(
        outcome: .failure(
          ImportRefusedError(reason: "could not save it: \(String(cString: strerror(errno)))")),
        written: nil)
    }
    return Prepared(outcome: .success(summary), written: (url, stamp))
  }

  /// The largest export one import takes (docs/cohorts.md): about 200,000 statements, far more
  /// than one learner makes in any course. A larger file is refused before it is read.
  public static let largestExport = 256 * 1024 * 1024
  /// The largest export that is decoded in full when it is not exactly as `kurs export` writes
  /// it (decoding takes several times the file's size in memory); larger ones are refused.
  static let largestDecodedExport = 16 * 1024 * 1024

  /// The bytes to store and their summary: the fast reader first, `ExportFile.read` for
  /// anything it does not take (and for every message about what is wrong). A file is mapped
  /// into memory, not copied: the scanner walks its pages once and they stay the file's.
  func read(_ source: ImportSource, course: String) -> Result<
    (Data, LearnerSummary), ImportRefusedError
  > {
    let data: Data
    switch source {
    case .file(let url):
      var info = stat()
      guard stat(url.path, &info) == 0 else {
        return .failure(
          ImportRefusedError(reason: "cannot be read (\(String(cString: strerror(errno))))"))
      }
      if let refusal = Self.tooLarge(Int(info.st_size)) { return .failure(refusal) }
      do {
        data = try Data(contentsOf: url, options: .alwaysMapped)
      } catch {
        return .failure(
          ImportRefusedError(reason: "cannot be read (\(error.localizedDescription))"))
      }
    case .data(let bytes):
      if let refusal = Self.tooLarge(bytes.count) { return .failure(refusal) }
      data = bytes
    case .records(let learner, let exported, let records):
      return stored(
        ExportFile(exported: exported, learner: learner, courses: [records]), course: course)
    }
    if let scanned = ExportScanner.scan(data, course: course) {
      guard let summary = scanned.summary else { return .failure(missing(course, scanned.courses)) }
      return .success((scanned.stored.map { Data($0) } ?? data, summary))
    }
    guard data.count <= Self.largestDecodedExport else {
      return .failure(
        ImportRefusedError(
          reason:
            "it is not exactly as kurs export writes it, and at \(Self.megabytes(data.count)) MB too large to check in detail (the limit is \(Self.megabytes(Self.largestDecodedExport)) MB for such files); ask the learner for a new export"
        ))
    }
    let file: ExportFile
    do {
      file = try ExportFile.read(data)
    } catch {
      return .failure(ImportRefusedError(reason: error.description))
    }
    return stored(file, course: course)
  }

  /// The refusal of an export of `size` bytes, when it is above `largestExport`.
  static func tooLarge(_ size: Int) -> ImportRefusedError? {
    guard size > largestExport else { return nil }
    return ImportRefusedError(
      reason:
        "the file is \(megabytes(size)) MB, above the limit of \(megabytes(largestExport)) MB for one export (docs/cohorts.md); "
        + "no learner's export of one course is that large: check that it is the file the learner sent"
    )
  }

  static func megabytes(_ size: Int) -> Int { (size + 1024 * 1024 - 1) / (1024 * 1024) }

  /// A single-course export of `course` from `file`, sealed, and its summary.
  func stored(_ file: ExportFile, course: String) -> Result<
    (Data, LearnerSummary), ImportRefusedError
  > {
    guard let records = file.courses.first(where: { $0.id == course }) else {
      return .failure(missing(course, file.courses.map(\.id)))
    }
    do {
      let single = try ExportFile(
        exported: file.exported, learner: file.learner, courses: [records]
      ).sealed()
      let summary = LearnerSummary(
        id: file.learner.id, pseudonym: file.learner.pseudonym, seal: single.seal ?? "",
        exported: file.exported,
        statements: records.statements)
      return .success((try single.encoded(), summary))
    } catch {
      return .failure(
        ImportRefusedError(reason: "could not save it: \(error.localizedDescription)"))
    }
  }

  func missing(_ course: String, _ others: [String]) -> ImportRefusedError {
    ImportRefusedError(
      reason:
        "this export has no records for course '\(course)' (it has: \(others.isEmpty ? "none" : others.joined(separator: ", ")))"
    )
  }

  /// The index, checked against the learners' files: a file that is new or changed since it
  /// was indexed is read again; an entry without its file is dropped. `changed`: the index
  /// on disk is not these entries.
  func currentEntries(
    of cohort: Cohort, damaged: (URL, String) throws(CohortError) -> Void
  ) throws(CohortError) -> (entries: [String: CohortIndex.Entry], changed: Bool) {
    let learners = learnersFolder(cohort)
    let indexed = (try? Data(contentsOf: indexURL(cohort))).map(CohortIndex.read) ?? [:]
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: learners.path)) ?? [])
      .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
    var entries: [String: CohortIndex.Entry] = [:]
    entries.reserveCapacity(names.count)
    var stale: [(id: String, url: URL, stamp: FileStamp)] = []
    let folderPath = learners.path + "/"
    let stamps = parallelMap((names.count + 999) / 1000) { chunk in
      names[(chunk * 1000)..<min(names.count, chunk * 1000 + 1000)].map {
        FileStamp.of(path: folderPath + $0)
      }
    }.flatMap { $0 }
    for (name, stamp) in zip(names, stamps) {
      let id = String(name.dropLast(5))
      guard let stamp else { continue }
      if let entry = indexed[id], entry.stamp == stamp {
        entries[id] = entry
      } else {
        stale.append((id, learners.appendingPathComponent(name), stamp))
      }
    }
    let files = stale
    let rebuilt = parallelMap(files.count) { index in
      read(.file(files[index].url), course: cohort.course)
    }
    for (file, result) in zip(stale, rebuilt) {
      switch result {
      case .success((_, let summary)) where summary.id == file.id:
        entries[file.id] = CohortIndex.Entry(summary: summary, stamp: file.stamp)
      case .success((_, let summary)):
        try damaged(file.url, "it holds the records of learner \(summary.id), not \(file.id)")
      case .failure(let refusal):
        try damaged(file.url, refusal.reason)
      }
    }
    return (entries, !stale.isEmpty || entries.count != indexed.count)
  }

  /// Waits for any other import into the cohort to finish (an advisory lock, dropped by the
  /// kernel when the process ends).
  func lockCohort(_ cohort: Cohort) throws(CohortError) -> Int32 {
    let path = folder(cohort.name).appendingPathComponent("import.lock").path
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0, flock(descriptor, LOCK_EX) == 0 else {
      throw CohortError(
        "\(path): cannot be locked (\(String(cString: strerror(errno)))); check the data folder's permissions"
      )
    }
    return descriptor
  }

  /// Flushes the new files to disk: the whole file system at once where Linux can.
  func flush(_ folder: URL, _ files: [URL]) -> String? {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    defer { close(descriptor) }
    if let syncfs = Self.syncfs, syncfs(descriptor) == 0 { return nil }
    for file in files {
      let handle = open(file.path, O_RDONLY | O_CLOEXEC)
      guard handle >= 0 else { return String(cString: strerror(errno)) }
      defer { close(handle) }
      guard fsync(handle) == 0 else { return String(cString: strerror(errno)) }
    }
    return nil
  }

  /// Linux's `syncfs(2)`, which Swift's Glibc module does not declare.
  static let syncfs: (@convention(c) (Int32) -> Int32)? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
  }()

  /// Makes the renames in `folder` durable.
  func syncFolder(_ folder: URL) -> String? {
    let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    defer { close(descriptor) }
    return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
  }
}
