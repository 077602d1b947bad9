import Foundation

/// The file `kurs export` writes and `kurs cohort import` reads: a learner's statements in each
/// course they started, with the course's version and digest and their pseudonym, sealed with
/// a SHA-256 of its content. The seal shows a file was damaged or edited after export; it is
/// not a signature (anyone can recompute it), so it does not stop a determined forger.
public struct ExportFile: Codable, Sendable, Equatable {
  public struct Learner: Codable, Sendable, Equatable {
    public var id: String
    public var pseudonym: String

    public init(id: String, pseudonym: String) {
      self.id = id
      self.pseudonym = pseudonym
    }
  }

  public struct CourseRecords: Codable, Sendable, Equatable {
    public var id: String
    public var version: String
    public var digest: String
    public var statements: [Statement]

    public init(id: String, version: String, digest: String, statements: [Statement]) {
      self.id = id
      self.version = version
      self.digest = digest
      self.statements = statements
    }
  }

  public var format = "kurs-export"
  public var version = 1
  public var exported: String
  public var learner: Learner
  public var courses: [CourseRecords]
  /// SHA-256 of the learner and courses, as encoded by `encoded()`.
  public var seal: String?

  public init(exported: String, learner: Learner, courses: [CourseRecords]) {
    self.exported = exported
    self.learner = learner
    self.courses = courses
  }

  /// Why a file cannot be imported.
  public enum ExportError: Error, Equatable, CustomStringConvertible {
    case notJSON(String)
    case notAnExport
    case tooNew(Int)
    case sealBroken
    case foreignStatement(String)

    public var description: String {
      switch self {
      case .notJSON(let reason): "this is not a Kurs export (not readable JSON: \(reason))"
      case .notAnExport: "this JSON file is not a Kurs export (no \"format\": \"kurs-export\")"
      case .tooNew(let version):
        "this export has format version \(version), newer than this Kurs understands; update Kurs"
      case .sealBroken:
        "this export was changed after it was written (its seal does not match): ask the learner for a new export"
      case .foreignStatement(let id):
        "statement \(id) is not the learner's own (its actor differs): ask the learner for a new export"
      }
    }
  }

  /// The file with its seal computed.
  public func sealed() throws -> ExportFile {
    var copy = self
    copy.seal = try contentDigest()
    return copy
  }

  /// Pretty, sorted JSON: the same value always gives the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  func contentDigest() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var digest = SHA256Digest()
    digest.update(Array(try encoder.encode(learner)))
    digest.update(Array(try encoder.encode(courses)))
    return digest.hexDigest()
  }

  /// Reads and checks an export: format, version, seal, and that every statement is the learner's.
  public static func read(_ data: Data) throws(ExportError) -> ExportFile {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw .notJSON("it is not JSON")
    }
    guard let dictionary = object as? [String: Any],
      dictionary["format"] as? String == "kurs-export"
    else { throw .notAnExport }
    // A field given twice reads as one value here and as the other elsewhere: not what was sealed.
    if let key = DuplicateKeys.first(in: data) { throw .notJSON("field '\(key)' is given twice") }
    if let version = dictionary["version"] as? Int, version > 1 { throw .tooNew(version) }
    let file: ExportFile
    do {
      file = try JSONDecoder().decode(ExportFile.self, from: data)
    } catch {
      throw .notJSON("a field is missing or of the wrong kind")
    }
    guard let seal = file.seal, (try? file.contentDigest()) == seal else { throw .sealBroken }
    for course in file.courses {
      if let foreign = course.statements.first(where: { $0.actor.account.name != file.learner.id })
      {
        throw .foreignStatement(foreign.id)
      }
    }
    return file
  }
}
