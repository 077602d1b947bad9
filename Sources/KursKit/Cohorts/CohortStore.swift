import Foundation

/// Cohorts in the host's data folder:
///
/// ```
/// DATA/cohorts/NAME/cohort.json            name, course, join code
/// DATA/cohorts/NAME/learners/ID.json       the latest export of each learner (this course only)
/// ```
public struct CohortStore: Sendable {
  public let root: URL

  public init(dataDirectory: URL) { root = dataDirectory.appendingPathComponent("cohorts") }

  public struct Failure: Error, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
  }

  /// What happened to one imported file.
  public enum ImportOutcome: Equatable, Sendable {
    case added(String)
    case updated(String)
    case unchanged(String)
    case keptNewer(String)
    case refused(String)
  }

  func folder(_ name: String) -> URL { root.appendingPathComponent(name) }

  static func checkName(_ name: String) throws(Failure) {
    let safe = !name.isEmpty && name.count <= 64
      && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
    guard safe else { throw Failure("cohort name '\(name)' can use only letters, digits, - and _ (up to 64)") }
  }

  public func create(name: String, course: String, now: Date = Date()) throws -> Cohort {
    try Self.checkName(name)
    let folder = folder(name)
    guard !FileManager.default.fileExists(atPath: folder.path) else {
      throw Failure("a cohort named '\(name)' already exists in \(root.path); choose another name")
    }
    var generator = SystemRandomNumberGenerator()
    let cohort = Cohort(name: name, course: course, code: Cohort.newCode(course: course, using: &generator), created: now)
    try DataDirectory.create(folder.appendingPathComponent("learners"))
    try AtomicFile.write(try Self.encoder.encode(cohort), to: folder.appendingPathComponent("cohort.json"), permissions: 0o600)
    return cohort
  }

  public func cohort(named name: String) throws -> Cohort {
    try Self.checkName(name)
    let url = folder(name).appendingPathComponent("cohort.json")
    guard FileManager.default.fileExists(atPath: url.path) else {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
      throw Failure("no cohort named '\(name)' in \(root.path)\(didYouMean(name, names)); create it with: kurs cohort new \(name) --course COURSE")
    }
    do {
      return try Self.decoder.decode(Cohort.self, from: Data(contentsOf: url))
    } catch {
      throw Failure("\(url.path): cannot be read (\(error.localizedDescription)); the file was not changed")
    }
  }

  /// Imports one export file into the cohort, keeping the newest export of each learner.
  public func importFile(_ data: Data, into cohort: Cohort) -> ImportOutcome {
    let file: ExportFile
    do {
      file = try ExportFile.read(data)
    } catch {
      return .refused(error.description)
    }
    guard let records = file.courses.first(where: { $0.id == cohort.course }) else {
      let others = file.courses.map(\.id).joined(separator: ", ")
      return .refused("this export has no records for course '\(cohort.course)' (it has: \(others.isEmpty ? "none" : others))")
    }
    return store(learner: file.learner, exported: file.exported, statements: records.statements, course: records, cohort: cohort)
  }

  /// Stores statements for one learner (from an export or an LRS), newest wins.
  func store(
    learner: ExportFile.Learner, exported: String, statements: [Statement], course: ExportFile.CourseRecords, cohort: Cohort
  ) -> ImportOutcome {
    let safeID = learner.id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
    guard safeID, !learner.id.isEmpty else { return .refused("the learner id '\(learner.id)' is not one Kurs writes") }
    let url = folder(cohort.name).appendingPathComponent("learners").appendingPathComponent("\(learner.id).json")
    let single = ExportFile(exported: exported, learner: learner, courses: [course])
    if let existing = try? ExportFile.read(Data(contentsOf: url)) {
      if existing.courses == single.courses && existing.learner == single.learner { return .unchanged(learner.pseudonym) }
      let existingLast = existing.courses.first?.statements.last?.timestamp ?? existing.exported
      let newLast = statements.last?.timestamp ?? exported
      if existingLast > newLast || (existingLast == newLast && existing.courses.first?.statements.count ?? 0 > statements.count) {
        return .keptNewer(learner.pseudonym)
      }
      do {
        try AtomicFile.write(try single.sealed().encoded(), to: url, permissions: 0o600)
      } catch {
        return .refused("could not save it: \(error.localizedDescription)")
      }
      return .updated(learner.pseudonym)
    }
    do {
      try DataDirectory.create(url.deletingLastPathComponent())
      try AtomicFile.write(try single.sealed().encoded(), to: url, permissions: 0o600)
    } catch {
      return .refused("could not save it: \(error.localizedDescription)")
    }
    return .added(learner.pseudonym)
  }

  /// Every member's statements for the cohort's course, by pseudonym.
  public func members(of cohort: Cohort) throws -> [(pseudonym: String, statements: [Statement])] {
    let folder = folder(cohort.name).appendingPathComponent("learners")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    var members: [(String, [Statement])] = []
    for name in names {
      let url = folder.appendingPathComponent(name)
      do {
        let file = try ExportFile.read(Data(contentsOf: url))
        members.append((file.learner.pseudonym, file.courses.first?.statements ?? []))
      } catch {
        throw Failure("\(url.path): \(error); remove it and import the learner's export again")
      }
    }
    return members.sorted { $0.0.lowercased() < $1.0.lowercased() }
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
