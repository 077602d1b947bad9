import Foundation

/// The parts of a statement that other tools read: activity definitions in every language of
/// the course, responses in xAPI's patterns, scores within their bounds.
extension Statement {
  /// The account's home page: xAPI wants an IRL. Learners have no account on any web site, so
  /// this names Kurs on a reserved domain that can never be registered (RFC 2606): it says whose
  /// pseudonyms these are and leads nowhere.
  static let accountHomePage = "https://kurs.invalid/learner"

  /// A text as an xAPI language map (language code → plain text); `fallback` (an id) when the
  /// text is empty, so that every activity has a name.
  static func languageMap(_ text: LocalizedText?, or fallback: String? = nil) -> [String: String]? {
    var map: [String: String] = [:]
    for (language, inline) in text?.variants ?? [:] {
      let plain = inline.plain.trimmingCharacters(in: .whitespacesAndNewlines)
      if !plain.isEmpty { map[language] = plain }
    }
    if map.isEmpty, let fallback { return ["und": fallback] }
    return map.isEmpty ? nil : map
  }

  /// A node's name: its title, else a question's prompt, else its id.
  static func nodeName(_ node: Node?, or id: String) -> [String: String] {
    switch node?.kind {
    case .page(let page): return languageMap(page.title, or: id) ?? [:]
    case .question(let question):
      return languageMap(question.title) ?? languageMap(question.prompt, or: id) ?? [:]
    case .end(let end): return languageMap(end.title, or: id) ?? [:]
    default: return ["und": id]
    }
  }

  /// A question's definition: its prompt, choices and correct response pattern.
  static func interactionDefinition(_ question: Question?, name: [String: String]) -> Definition {
    var definition = Definition(type: activityTypes.interaction, name: name)
    guard let question else { return definition }
    definition.interactionType = Journal.interactionType(question.kind)
    definition.description = languageMap(question.prompt)
    func component(_ id: String, _ text: LocalizedText) -> InteractionComponent {
      InteractionComponent(id: id, description: languageMap(text, or: id) ?? [:])
    }
    switch question.kind {
    case .single, .multiple:
      definition.choices = question.choices.map { component($0.id, $0.text) }
      let correct = question.choices.filter(\.isCorrect).map(\.id)
      // A story decision (no right choice) has no correct response to state.
      if !correct.isEmpty {
        definition.correctResponsesPattern =
          question.kind == .multiple ? [correct.joined(separator: "[,]")] : correct
      }
    case .trueFalse:
      if let correct = question.choices.first(where: \.isCorrect) {
        definition.correctResponsesPattern = [correct.id]
      }
    case .ordering:
      definition.choices = question.items.map { component($0.id, $0.text) }
      definition.correctResponsesPattern = [question.items.map(\.id).joined(separator: "[,]")]
    case .matching:
      definition.source = question.pairs.map { component($0.id, $0.left) }
      definition.target = question.pairs.map { component($0.id, $0.right) }
      definition.correctResponsesPattern = [
        question.pairs.map { "\($0.id)[.]\($0.id)" }.joined(separator: "[,]")
      ]
    }
    return definition
  }

  /// A response as Kurs records it (`a,c`, `b>a>c`, `x=y;z=w`) in the pattern xAPI gives for
  /// the interaction type: `a[,]c`, `b[,]a[,]c`, `x[.]y[,]z[.]w`; true-false as `true`/`false`
  /// (the choice ids Kurs requires). Without the question's kind, the response is left as it is.
  static func xAPIResponse(_ response: String, kind: Question.Kind?) -> String {
    switch kind {
    case nil, .trueFalse: return response
    case .single, .multiple:
      return response.split(separator: ",", omittingEmptySubsequences: false).joined(
        separator: "[,]")
    case .ordering:
      return response.split(separator: ">", omittingEmptySubsequences: false).joined(
        separator: "[,]")
    case .matching:
      guard !response.isEmpty else { return response }
      return response.split(separator: ";", omittingEmptySubsequences: false).map { pair in
        pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).joined(
          separator: "[.]")
      }.joined(separator: "[,]")
    }
  }
}

extension Statement.Score {
  /// `raw` of `maximum`, with bounds that hold it (xAPI requires min ≤ raw ≤ max): a penalty can
  /// take a score below 0.
  static func of(_ raw: Int, maximum: Int) -> Statement.Score {
    let low = Swift.min(0, raw)
    let high = Swift.max(maximum, raw)
    let scaled: Double? = maximum > 0 ? Double(Swift.max(raw, 0)) / Double(high) : nil
    return Statement.Score(raw: raw, min: low, max: high, scaled: scaled.map { Swift.min($0, 1) })
  }
}
