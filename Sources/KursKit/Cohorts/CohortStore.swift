import Foundation

/// Cohorts in the host's data folder:
///
/// ```
/// DATA/cohorts/NAME/cohort.json            name, course, join code
/// DATA/cohorts/NAME/learners/ID.json       the latest export of each learner (this course only)
/// DATA/cohorts/NAME/summaries.jsonl         what the report needs from each of them (CohortIndex)
/// ```
public struct CohortStore: Sendable {
  public let root: URL

  public init(dataDirectory: URL) { root = dataDirectory.appendingPathComponent("cohorts") }

  public struct CohortError: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  /// What happened to one imported file.
  public enum ImportOutcome: Equatable, Sendable {
    case added(String)
    case updated(String)
    case unchanged(String)
    case keptNewer(String)
    /// One of the two exports of a learner is dated in the future (a wrong clock): what was
    /// kept, in words, for the host to check (`--replace` keeps a given file whatever its date).
    case conflict(String, String)
    case refused(String)

    /// The outcome as a line for the host.
    public var text: String {
      switch self {
      case .added(let who): return "added \(who)"
      case .updated(let who): return "updated \(who) (a newer export)"
      case .unchanged(let who):
        return "unchanged (\(who) was already imported from the same records)"
      case .keptNewer(let who): return "kept the newer records of \(who) already imported"
      case .conflict(let who, let what): return "dates of \(who) disagree: \(what)"
      case .refused(let reason): return "refused: \(reason)"
      }
    }
  }

  func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

  static func checkName(_ name: String) throws(CohortError) {
    let safe =
      !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"
      }
    guard safe else {
      throw CohortError("cohort name '\(name)' can use only letters, digits, - and _ (up to 64)")
    }
  }

  /// Creates a cohort, all or nothing: its folder is made under a temporary name with
  /// `learners/` and `cohort.json` in it, flushed, then renamed into place. A failure half way
  /// (a full disk) leaves no cohort behind, so the same command can simply be run again.
  /// - Parameter writeFile: how `cohort.json` is written (tests make it fail).
  /// - Throws: `CohortError` for a bad or taken name, or when the cohort cannot be written.
  public func create(
    name: String, course: String, now: Date = Date(),
    writeFile: (Data, URL) throws -> Void = { try AtomicFile.write($0, to: $1, permissions: 0o600) }
  ) throws -> Cohort {
    try Self.checkName(name)
    let folder = folder(name)
    if FileManager.default.fileExists(atPath: folder.path) {
      guard isHalfMade(folder) else {
        throw CohortError(
          "a cohort named '\(name)' already exists in \(root.path); choose another name")
      }
      // Left by an older Kurs that failed half way: no cohort file, no learner in it.
      try? FileManager.default.removeItem(at: folder)
    }
    var generator = SystemRandomNumberGenerator()
    let cohort = Cohort(
      name: name, course: course, code: Cohort.newCode(course: course, using: &generator),
      created: now)
    let staging = root.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
    do {
      try DataDirectory.create(staging.appendingPathComponent("learners"))
      try writeFile(try Self.encoder.encode(cohort), staging.appendingPathComponent("cohort.json"))
      AtomicFile.synchronize(staging)
      // rename(2) onto an existing non-empty folder fails: a cohort made meanwhile is never replaced.
      guard rename(staging.path, folder.path) == 0 else {
        let code = errno
        if code == EEXIST || code == ENOTEMPTY {
          throw CohortError(
            "a cohort named '\(name)' already exists in \(root.path); choose another name")
        }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
      }
      AtomicFile.synchronize(root)
    } catch {
      try? FileManager.default.removeItem(at: staging)
      if let failure = error as? CohortError { throw failure }
      throw CohortError(
        "\(folder.path): the cohort could not be created (\(error.localizedDescription)); nothing was left behind, free some space and run the command again"
      )
    }
    return cohort
  }

  /// A cohort folder without its `cohort.json` and without any learner's file: what an older
  /// Kurs left when `cohort new` failed half way.
  func isHalfMade(_ folder: URL) -> Bool {
    guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent("cohort.json").path)
    else { return false }
    let learners =
      (try? FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("learners").path)) ?? []
    let others = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter
    { $0 != "learners" && $0 != "import.lock" }
    return learners.filter { !$0.hasPrefix(".") }.isEmpty && others.isEmpty
  }

  public func cohort(named name: String) throws -> Cohort {
    try Self.checkName(name)
    let url = folder(name).appendingPathComponent("cohort.json")
    guard FileManager.default.fileExists(atPath: url.path) else {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.filter {
          !$0.hasPrefix(".")
        }.sorted() ?? []
      throw CohortError(
        "no cohort named '\(name)' in \(root.path)\(didYouMean(name, names)); create it with: kurs cohort new \(name) --course COURSE"
      )
    }
    do {
      return try Self.decoder.decode(Cohort.self, from: Data(contentsOf: url))
    } catch {
      throw CohortError(
        "\(url.path): cannot be read (\(error.localizedDescription)); the file was not changed")
    }
  }

  /// Imports one export into the cohort, keeping the newest export of each learner.
  public func importFile(_ data: Data, into cohort: Cohort) -> ImportOutcome {
    do {
      return try importAll([.data(data)], into: cohort).first ?? .refused("nothing was imported")
    } catch {
      return .refused(error.description)
    }
  }

  /// The summaries of the cohort's learners, by pseudonym. Read from the index; a learner file
  /// that changed since it was indexed is read again.
  /// - Throws: `CohortError` naming a stored file that cannot be read.
  public func summaries(of cohort: Cohort) throws(CohortError) -> [LearnerSummary] {
    let (entries, changed) = try currentEntries(
      of: cohort,
      damaged: { url, reason throws(CohortError) in
        throw CohortError("\(url.path): \(reason); remove it and import the learner's export again")
      })
    // Keep the cache in step (a removed learner's line goes too); a report that cannot write it still reports.
    if changed {
      try? AtomicFile.write(CohortIndex.encode(entries), to: indexURL(cohort), permissions: 0o600)
    }
    return entries.values.map { ($0.summary.pseudonym.lowercased(), $0.summary) }
      .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.id < $1.1.id }
      .map(\.1)
  }

  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return encoder
  }()

  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }()
}
