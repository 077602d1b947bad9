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

  public init(id: String = UUID().uuidString.lowercased(), name: String, language: String? = nil, created: Date) {
    self.id = id
    self.name = name
    self.language = language
    self.created = created
  }
}
