import Foundation

/// A learner: a generated id and the display name they chose (a pseudonym is fine).
public struct LearnerProfile: Sendable, Equatable, Codable {
  /// Generated, never derived from the name, so no name can reach outside the data folder.
  public var id: String
  public var name: String
  /// The language the learner chose, if any.
  public var language: String?
  public var created: Date
  /// Cohort join codes, by course id (`kurs join CODE`): the learner's statements for that
  /// course carry the cohort's registration.
  public var cohorts: [String: String]?

  public init(
    id: String = UUID().uuidString.lowercased(), name: String, language: String? = nil,
    created: Date
  ) {
    self.id = id
    self.name = name
    self.language = language
    self.created = created
  }

  /// Whether `id` is one Kurs could have made: 1 to 64 ASCII letters, digits, `-` and `_`,
  /// starting with a letter or digit. Ids read from files become folder names, so anything
  /// else (`../x`, `/`, an empty id) is refused before it reaches a path.
  public static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
    func allowed(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
    return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "_" }
  }
}
