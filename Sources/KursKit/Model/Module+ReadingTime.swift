/// How long a module takes to read: what `kurs stats` reports and the runner announces before a
/// module.
extension Module {
  /// An unhurried reading speed for a second language on a screen.
  public static let wordsPerMinute = 180

  /// Words a learner reading `language` reads in the module (falling back as the runner does).
  public func words(language: String, fallback: String) -> Int {
    var texts: [InlineText] = []
    func add(_ text: LocalizedText) {
      if let resolved = text.resolve(language, fallback: fallback) { texts.append(resolved) }
    }
    func add(_ body: LocalizedBody) {
      texts += body.resolve(language, fallback: fallback).flatMap(\.inlineTexts)
    }
    add(title)
    objectives.forEach(add)
    add(contentNote)
    for node in nodes {
      switch node.kind {
      case .page(let page):
        add(page.title)
        add(page.body)
      case .question(let question):
        add(question.title)
        add(question.body)
        add(question.prompt)
        add(question.feedback)
        for choice in question.choices {
          add(choice.text)
          add(choice.feedback)
        }
        for item in question.items { add(item.text) }
        for pair in question.pairs {
          add(pair.left)
          add(pair.right)
        }
      case .branch:
        break
      case .end(let end):
        add(end.title)
        add(end.body)
      }
    }
    return texts.reduce(0) { $0 + $1.plain.split(whereSeparator: \.isWhitespace).count }
  }
}
