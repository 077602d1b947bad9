import Foundation

/// One line of a journal: an xAPI 1.0.3 statement. The actor is the learner's pseudonymous
/// account (a generated id, never the display name); verbs are ADL and cmi5 IRIs; `result`
/// holds the response, score and success; `context.registration` identifies one run of a
/// module. Kurs's own facts (what the learner typed, to replay it) live in context extensions.
public struct Statement: Codable, Sendable, Equatable {
  public struct Agent: Codable, Sendable, Equatable {
    public var objectType = "Agent"
    /// The learner's pseudonym, only on statements of a cohort member (the host needs it).
    public var name: String?
    public var account: Account
  }

  public struct Account: Codable, Sendable, Equatable {
    public var homePage: String
    public var name: String
  }

  public struct Verb: Codable, Sendable, Equatable {
    public var id: String
    public var display: [String: String]
  }

  public struct Activity: Codable, Sendable, Equatable {
    public var objectType = "Activity"
    public var id: String
    public var definition: Definition?
  }

  /// What an activity is, in every language of the course: its name, a description, and for a
  /// question its choices and the correct response pattern, so that a record store can show it.
  public struct Definition: Codable, Sendable, Equatable {
    public var type: String
    public var name: [String: String]?
    public var description: [String: String]?
    public var interactionType: String?
    public var correctResponsesPattern: [String]?
    /// Choice and sequencing questions: the choices or items.
    public var choices: [InteractionComponent]?
    /// Matching questions: the left and the right sides.
    public var source: [InteractionComponent]?
    public var target: [InteractionComponent]?

    public init(
      type: String, name: [String: String]? = nil, description: [String: String]? = nil,
      interactionType: String? = nil,
      correctResponsesPattern: [String]? = nil, choices: [InteractionComponent]? = nil,
      source: [InteractionComponent]? = nil,
      target: [InteractionComponent]? = nil
    ) {
      self.type = type
      self.name = name
      self.description = description
      self.interactionType = interactionType
      self.correctResponsesPattern = correctResponsesPattern
      self.choices = choices
      self.source = source
      self.target = target
    }
  }

  /// One choice, item or side of a pair of an interaction.
  public struct InteractionComponent: Codable, Sendable, Equatable {
    public var id: String
    public var description: [String: String]
  }

  public struct Score: Codable, Sendable, Equatable {
    public var raw: Int
    public var min: Int
    public var max: Int
    public var scaled: Double?
  }

  public struct Result: Codable, Sendable, Equatable {
    public var response: String?
    public var score: Score?
    public var success: Bool?
    public var completion: Bool?
  }

  public struct ContextActivities: Codable, Sendable, Equatable {
    public var parent: [Activity]?
    public var grouping: [Activity]?
  }

  /// Kurs's extensions, keyed by IRIs as xAPI requires.
  public struct Extensions: Codable, Sendable, Equatable {
    /// The journal format version.
    public var journal: Int
    public var courseVersion: String
    public var courseDigest: String
    /// The step this statement belongs to: every statement written for one input shares it.
    public var step: String
    /// The statement's place within its step (0 first).
    public var index: Int?
    /// What the learner did, on the first statement of a step: replaying these rebuilds the state.
    public var input: EngineInput?
    /// A session mark (launched, resumed, suspended) on a step without input.
    public var session: Journal.SessionMark?
    /// The engine's event behind this statement.
    public var event: EngineEvent?
    /// The module run (a UUID), which is also the registration outside a cohort.
    public var attempt: String?

    enum CodingKeys: String, CodingKey {
      case journal = "urn:kurs:xapi:journal-version"
      case courseVersion = "urn:kurs:xapi:course-version"
      case courseDigest = "urn:kurs:xapi:course-digest"
      case step = "urn:kurs:xapi:step"
      case index = "urn:kurs:xapi:index"
      case input = "urn:kurs:xapi:input"
      case session = "urn:kurs:xapi:session"
      case event = "urn:kurs:xapi:event"
      case attempt = "urn:kurs:xapi:attempt"
    }
  }

  public struct Context: Codable, Sendable, Equatable {
    public var registration: String?
    public var contextActivities: ContextActivities?
    public var language: String?
    public var extensions: Extensions
  }

  public var id: String
  public var actor: Agent
  public var verb: Verb
  public var object: Activity
  public var result: Result?
  public var context: Context
  public var timestamp: String

  /// The verbs Kurs uses.
  public enum Verbs {
    static let adl = "http://adlnet.gov/expapi/verbs/"
    public static let initialized = verb("initialized")
    public static let experienced = verb("experienced")
    public static let answered = verb("answered")
    public static let passed = verb("passed")
    public static let failed = verb("failed")
    public static let completed = verb("completed")
    public static let progressed = verb("progressed")
    public static let suspended = verb("suspended")
    public static let resumed = verb("resumed")
    public static let launched = verb("launched")
    public static let terminated = verb("terminated")

    static func verb(_ name: String) -> Verb { Verb(id: adl + name, display: ["en-US": name]) }
  }

  static let activityTypes = (
    course: "http://adlnet.gov/expapi/activities/course",
    module: "http://adlnet.gov/expapi/activities/module",
    interaction: "http://adlnet.gov/expapi/activities/cmi.interaction",
    page: "http://activitystrea.ms/schema/1.0/page"
  )
}
