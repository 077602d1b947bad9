import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Learners' profiles and journals in the data folder:
///
/// ```
/// DATA/learners.json                      profiles (id, display name, language)
/// DATA/learners.lock                      taken (flock) for every change to learners.json
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

  /// The lock every change to `learners.json` (and every forget) is made under.
  private var lockURL: URL { root.appendingPathComponent("learners.lock") }

  /// Every profile, in the order they were created.
  /// - Throws: `StoreError` naming `learners.json` when it cannot be read, or when a profile's
  ///   id is not one Kurs makes (an id becomes a folder name, so `../x` must never be used);
  ///   `StoreError` when the data folder belongs to another account or anyone may write to it.
  public func profiles() throws -> [LearnerProfile] {
    try DataDirectory.checkOwnership(root)
    guard FileManager.default.fileExists(atPath: profilesURL.path) else { return [] }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let profiles: [LearnerProfile]
    do {
      profiles = try decoder.decode([LearnerProfile].self, from: Data(contentsOf: profilesURL))
    } catch {
      throw StoreError(
        file: profilesURL.path, LocalizedMessage(.learnersUnreadable, error.localizedDescription))
    }
    for (index, profile) in profiles.enumerated() where !LearnerProfile.isValidID(profile.id) {
      throw StoreError(
        file: profilesURL.path, LocalizedMessage(.learnerIDUnsafe, String(index + 1), profile.id))
    }
    return profiles
  }

  /// Runs `body` under the data folder's lock: `body` may read `learners.json` and change it,
  /// and no other `kurs` changes it meanwhile.
  private func locked<T>(_ body: () throws -> T) throws -> T {
    try DataDirectory.checkOwnership(root)
    try DataDirectory.create(root)
    return try FileLock.withExclusive(lockURL, body)
  }

  /// The profile with this display name (case-insensitive), or a new one. Two `kurs` started
  /// at once for the same new name get the same profile.
  public func profile(named name: String) throws -> LearnerProfile {
    try locked {
      if let existing = try existingProfile(named: name) { return existing }
      return try insert(name: name, language: nil)
    }
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
  /// - Throws: `StoreError` for a name that is not allowed or is taken already (names are
  ///   unique in a data folder: `--learner NAME` and `kurs forget NAME` must mean one learner).
  public func create(name: String, language: String? = nil) throws -> LearnerProfile {
    try locked { try insert(name: name, language: language) }
  }

  /// Adds a profile; the caller holds the lock.
  private func insert(name: String, language: String?) throws -> LearnerProfile {
    let trimmed = try Self.checkedName(name)
    var all = try profiles()
    if let existing = all.first(where: { $0.name.lowercased() == trimmed.lowercased() }) {
      throw StoreError(LocalizedMessage(.learnerNameTaken, existing.name))
    }
    let profile = LearnerProfile(name: trimmed, language: language, created: now())
    all.append(profile)
    try save(all)
    return profile
  }

  /// Changes one profile as it is on disk now (not as this process read it earlier), so a
  /// change another `kurs` made meanwhile is kept.
  /// - Returns: the profile as saved.
  /// - Throws: `StoreError` when the profile was deleted meanwhile.
  @discardableResult
  public func update(_ learner: LearnerProfile, _ change: (inout LearnerProfile) -> Void) throws
    -> LearnerProfile
  {
    try locked {
      var all = try profiles()
      guard let index = all.firstIndex(where: { $0.id == learner.id }) else {
        throw StoreError(LocalizedMessage(.learnerGone, learner.name))
      }
      change(&all[index])
      try save(all)
      return all[index]
    }
  }

  /// Writes `learners.json`; the caller holds the lock.
  private func save(_ profiles: [LearnerProfile]) throws {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(profiles), to: profilesURL, permissions: 0o600)
  }

  /// Removes `.learners.json.*.tmp` files, the copies a process killed while saving left
  /// behind: they may still hold a forgotten name. The caller holds the lock, so none of them
  /// is being written.
  private func removeLeftovers() throws {
    let prefix = ".\(profilesURL.lastPathComponent)."
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: root.path)
    } catch {
      throw StoreError(
        file: root.path, LocalizedMessage(.forgetFailed, root.path, error.localizedDescription))
    }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let url = root.appendingPathComponent(name)
      do {
        try FileManager.default.removeItem(at: url)
      } catch {
        throw StoreError(LocalizedMessage(.forgetFailed, url.path, error.localizedDescription))
      }
    }
  }

  /// Takes the learner's session lock (one runner, or one `forget`, per learner), after
  /// checking under the data folder's lock that the profile still exists: a learner forgotten
  /// meanwhile never gets a new folder or journal.
  /// - Throws: `StoreError` when another process holds the learner, or the profile is gone.
  public func session(of learner: LearnerProfile) throws -> SessionLock {
    try locked {
      guard try profiles().contains(where: { $0.id == learner.id }) else {
        throw StoreError(LocalizedMessage(.learnerGone, learner.name))
      }
      return try SessionLock.acquire(in: folder(of: learner), learner: learner.name)
    }
  }

  /// Deletes a learner: their folder (journals), their certificates, then their profile, and
  /// any temporary copy of `learners.json`. The caller holds the learner's `session(of:)`.
  public func forget(_ learner: LearnerProfile) throws {
    try locked {
      guard LearnerProfile.isValidID(learner.id) else {
        throw StoreError(
          file: profilesURL.path, LocalizedMessage(.learnerIDUnsafe, learner.name, learner.id))
      }
      for folder in [
        folder(of: learner),
        root.appendingPathComponent("certificates").appendingPathComponent(learner.id),
      ] {
        var status = stat()
        guard lstat(folder.path, &status) == 0 else { continue }
        do {
          try FileManager.default.removeItem(at: folder)
        } catch {
          throw StoreError(LocalizedMessage(.forgetFailed, folder.path, error.localizedDescription))
        }
      }
      try save(try profiles().filter { $0.id != learner.id })
      try removeLeftovers()
    }
  }

  /// The folder of one learner.
  public func folder(of learner: LearnerProfile) -> URL {
    root.appendingPathComponent("learners").appendingPathComponent(learner.id)
  }

  /// The journal of a learner for a course (the folder is made by `session(of:)`).
  public func journal(of learner: LearnerProfile, course: String) throws -> Journal {
    guard LearnerProfile.isValidID(learner.id) else {
      throw StoreError(
        file: profilesURL.path, LocalizedMessage(.learnerIDUnsafe, learner.name, learner.id))
    }
    let folder = folder(of: learner)
    let safe = course.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_"
    }
    guard safe, !course.isEmpty else { throw StoreError(LocalizedMessage(.courseIDUnsafe, course)) }
    return Journal(
      url: folder.appendingPathComponent("\(course).journal"), learnerID: learner.id,
      actorName: learner.cohorts?[course] == nil ? nil : learner.name)
  }

  /// The course ids the learner has journals for, most recently used first.
  public func courses(of learner: LearnerProfile) -> [String] {
    let folder = folder(of: learner)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let journals = names.filter { $0.hasSuffix(".journal") }.map {
      folder.appendingPathComponent($0)
    }
    func modified(_ url: URL) -> Date {
      ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date)
        ?? .distantPast
    }
    return journals.sorted { modified($0) > modified($1) }.map {
      $0.deletingPathExtension().lastPathComponent
    }
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
  public func text(_ language: String) -> String {
    (file.map { "\($0): " } ?? "") + message.text(language)
  }

  public var description: String { text("en") }
}
