import Foundation

/// Learners' profiles and journals in the data folder:
///
/// ```
/// DATA/learners.json                      profiles (id, display name, language)
/// DATA/learners/ID/COURSE.journal         one journal per learner and course
/// ```
public struct LearnerStore: Sendable {
  public let root: URL
  public var now: @Sendable () -> Date

  public init(root: URL, now: @escaping @Sendable () -> Date = Date.init) {
    self.root = root
    self.now = now
  }

  private var profilesURL: URL { root.appendingPathComponent("learners.json") }

  /// Every profile, in the order they were created.
  public func profiles() throws -> [LearnerProfile] {
    guard FileManager.default.fileExists(atPath: profilesURL.path) else { return [] }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    do {
      return try decoder.decode([LearnerProfile].self, from: Data(contentsOf: profilesURL))
    } catch {
      throw StoreError(file: profilesURL.path, LocalizedMessage(.learnersUnreadable, error.localizedDescription))
    }
  }

  /// The profile with this display name (case-insensitive), or a new one.
  public func profile(named name: String) throws -> LearnerProfile {
    if let existing = try existingProfile(named: name) { return existing }
    return try create(name: name)
  }

  /// The profile called `name` (ignoring case), without creating one.
  public func existingProfile(named name: String) throws -> LearnerProfile? {
    let wanted = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    return try profiles().first { $0.name.lowercased() == wanted }
  }

  /// `name` as a profile stores it, checked by the one rule for names (`LearnerName`).
  /// - Throws: `StoreError` saying what is wrong: empty, too long, or which character is refused.
  public static func checkedName(_ name: String) throws(StoreError) -> String {
    let trimmed = LearnerName.normalized(name)
    switch LearnerName.problem(trimmed) {
    case nil: return trimmed
    case .forbidden(let codePoint, let position):
      throw StoreError(LocalizedMessage(.learnerNameForbidden, codePoint, String(position)))
    case .empty, .tooLong:
      throw StoreError(LocalizedMessage(.learnerNameInvalid))
    }
  }

  /// Creates a profile with a generated id.
  public func create(name: String, language: String? = nil) throws -> LearnerProfile {
    let trimmed = try Self.checkedName(name)
    var all = try profiles()
    let profile = LearnerProfile(name: trimmed, language: language, created: now())
    all.append(profile)
    try save(all)
    return profile
  }

  /// Saves a profile's changed language.
  public func update(_ profile: LearnerProfile) throws {
    var all = try profiles()
    guard let index = all.firstIndex(where: { $0.id == profile.id }) else { return }
    all[index] = profile
    try save(all)
  }

  private func save(_ profiles: [LearnerProfile]) throws {
    try DataDirectory.create(root)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(profiles), to: profilesURL, permissions: 0o600)
  }

  /// Deletes a learner: their folder (journals), their certificates, then their profile.
  public func forget(_ learner: LearnerProfile) throws {
    for folder in [folder(of: learner), root.appendingPathComponent("certificates").appendingPathComponent(learner.id)]
    where FileManager.default.fileExists(atPath: folder.path) {
      do {
        try FileManager.default.removeItem(at: folder)
      } catch {
        throw StoreError(LocalizedMessage(.forgetFailed, folder.path, error.localizedDescription))
      }
    }
    try save(try profiles().filter { $0.id != learner.id })
  }

  /// The folder of one learner.
  public func folder(of learner: LearnerProfile) -> URL {
    root.appendingPathComponent("learners").appendingPathComponent(learner.id)
  }

  /// The journal of a learner for a course, creating the learner's folder.
  public func journal(of learner: LearnerProfile, course: String) throws -> Journal {
    let folder = folder(of: learner)
    try DataDirectory.create(folder)
    let safe = course.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
    guard safe, !course.isEmpty else { throw StoreError(LocalizedMessage(.courseIDUnsafe, course)) }
    return Journal(
      url: folder.appendingPathComponent("\(course).journal"), learnerID: learner.id,
      actorName: learner.cohorts?[course] == nil ? nil : learner.name)
  }

  /// The course ids the learner has journals for, most recently used first.
  public func courses(of learner: LearnerProfile) -> [String] {
    let folder = folder(of: learner)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let journals = names.filter { $0.hasSuffix(".journal") }.map { folder.appendingPathComponent($0) }
    func modified(_ url: URL) -> Date {
      ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast
    }
    return journals.sorted { modified($0) > modified($1) }.map { $0.deletingPathExtension().lastPathComponent }
  }
}

/// A problem with the learners' data, with what to do.
public struct StoreError: Error, Equatable, CustomStringConvertible {
  /// The file concerned, if any.
  public var file: String?
  public var message: LocalizedMessage

  public init(file: String? = nil, _ message: LocalizedMessage) {
    self.file = file
    self.message = message
  }

  /// `file: message` in `language`.
  public func text(_ language: String) -> String { (file.map { "\($0): " } ?? "") + message.text(language) }

  public var description: String { text("en") }
}
