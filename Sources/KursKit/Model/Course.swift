/// A course: modules, languages, the completion rule and shared resources.
public struct Course: Sendable, Equatable {
  public var id: String
  public var version: String
  /// Declared languages, in the order the author listed them.
  public var languages: [String]
  public var defaultLanguage: String
  public var title: LocalizedText
  public var description: LocalizedText
  public var audience: LocalizedText
  public var contentNote: LocalizedBody
  public var completion: CompletionRule
  /// Shared material the course uses (`<resources><use href=…/>`): glossary, blocks, help.
  public var libraries: [ContentLibrary]
  public var modules: [Module]
  /// Where the `<course>` element is.
  public var location: SourceLocation
  /// The course's identity (`identityDigest()`, hex): the same wherever and however its files
  /// lie. Empty when the course was only checked.
  public var digest: String
  /// SHA-256 over the course files as Kurs 0.1 computed it (the paths of shared files were
  /// absolute): only to recognise certificates and journals written by Kurs 0.1 on this
  /// computer. Empty when the course was only checked.
  public var legacyDigest: String = ""

  public init(
    id: String, version: String, languages: [String], defaultLanguage: String,
    title: LocalizedText, description: LocalizedText = LocalizedText(),
    audience: LocalizedText = LocalizedText(), contentNote: LocalizedBody = LocalizedBody(),
    completion: CompletionRule = CompletionRule(), libraries: [ContentLibrary] = [],
    modules: [Module], location: SourceLocation, digest: String = ""
  ) {
    self.id = id
    self.version = version
    self.languages = languages
    self.defaultLanguage = defaultLanguage
    self.title = title
    self.description = description
    self.audience = audience
    self.contentNote = contentNote
    self.completion = completion
    self.libraries = libraries
    self.modules = modules
    self.location = location
    self.digest = digest
  }

  /// The module with this id.
  public func module(_ id: String) -> Module? { modules.first { $0.id == id } }

  /// The modules that teach and count: all but the knowledge tests (`Module.test`), which
  /// measure learning and never count toward completion, totals or certificates.
  public var scoredModules: [Module] { modules.filter { $0.test == nil } }
}

/// When a course counts as complete.
public struct CompletionRule: Sendable, Equatable {
  /// Modules that must be passed; `nil` means every module.
  public var modules: [String]?
  /// The passed modules' scores must add up to at least this, when given.
  public var minimumScore: Int?
  public var location: SourceLocation?

  public init(modules: [String]? = nil, minimumScore: Int? = nil, location: SourceLocation? = nil) {
    self.modules = modules
    self.minimumScore = minimumScore
    self.location = location
  }
}
