/// Checks every text of a course: present in each declared language, and not empty.
struct TextChecks {
  let course: Course

  /// The longest text one paragraph, item or prompt should hold (about two screens at 80
  /// columns on a small laptop); a longer one is a warning: it is hard to read and to resume.
  static let longestText = 3_000

  /// Texts and bodies of one part of a course, in the order they are written.
  struct Texts {
    var texts: [(String, LocalizedText)] = []
    var bodies: [(String, LocalizedBody)] = []
  }

  /// What the checks found in one part: findings about texts and about bodies, kept apart
  /// because a course's findings list every text before every body.
  struct Result: Sendable {
    var texts = Findings()
    var bodies = Findings()
  }

  /// Adds parts' results in order: all their texts' findings, then all their bodies'.
  static func add(_ results: [Result], to findings: inout Findings) {
    for result in results { findings.add(result.texts) }
    for result in results { findings.add(result.bodies) }
  }

  /// The course's own texts and those of its shared content.
  static func texts(ofCourse course: Course) -> Texts {
    var list = Texts()
    list.texts += [
      ("title", course.title), ("description", course.description), ("audience", course.audience),
    ]
    list.bodies.append(("content-note", course.contentNote))
    for library in course.libraries {
      list.texts.append(("title", library.title))
      for term in library.terms {
        list.texts += [("name", term.name), ("definition", term.definition)]
      }
      for block in library.blocks {
        list.texts.append(("title", block.title))
        list.bodies.append(("body", block.body))
      }
      for resource in library.resources {
        list.texts += [("name", resource.name), ("description", resource.description)]
      }
    }
    return list
  }

  /// A module's texts.
  static func texts(of module: Module) -> Texts {
    var list = Texts()
    list.texts.append(("title", module.title))
    list.texts += module.objectives.map { ("objective", $0) }
    list.bodies.append(("content-note", module.contentNote))
    for node in module.nodes {
      switch node.kind {
      case .page(let page):
        list.texts.append(("title", page.title))
        list.bodies.append(("body", page.body))
      case .question(let question):
        list.texts += [
          ("title", question.title), ("prompt", question.prompt), ("feedback", question.feedback),
        ]
        list.bodies.append(("body", question.body))
        list.texts += question.hints.map { ("hint", $0) }
        for choice in question.choices {
          list.texts += [("text", choice.text), ("feedback", choice.feedback)]
        }
        list.texts += question.items.map { ("text", $0.text) }
        for pair in question.pairs { list.texts += [("left", pair.left), ("right", pair.right)] }
      case .branch:
        break
      case .end(let end):
        list.texts.append(("title", end.title))
        list.bodies.append(("body", end.body))
      }
    }
    return list
  }

  /// Checks one part's texts.
  func check(_ list: Texts) -> Result {
    var result = Result()
    for (name, text) in list.texts where !text.isEmpty {
      let location = text.location ?? course.location
      for language in course.languages where text.variants[language] == nil {
        result.texts.warning(
          location, "<\(name)> has no text in '\(language)'\(fallbackNote(language))")
      }
      for language in text.variants.keys.sorted() where text.variants[language]?.isBlank == true {
        result.texts.warning(
          location, "<\(name)> is empty in '\(language)'; write the text or remove the element")
      }
      for language in text.variants.keys.sorted() {
        if let long = text.variants[language],
          let warning = Self.tooLong(long, name: name, language: language)
        {
          result.texts.warning(location, warning)
        }
      }
    }
    for (name, body) in list.bodies where !body.isEmpty {
      let location = body.location ?? course.location
      for language in course.languages where body.variants[language] == nil {
        result.bodies.warning(
          location, "<\(name)> has no text in '\(language)'\(fallbackNote(language))")
      }
      for language in body.variants.keys.sorted() {
        let blocks = body.variants[language] ?? []
        if blocks.isEmpty || blocks.flatMap(\.inlineTexts).allSatisfy(\.isBlank) {
          result.bodies.warning(
            location, "<\(name)> is empty in '\(language)'; write the text or remove the element")
        }
        if let warning = blocks.flatMap(\.inlineTexts).lazy.compactMap({
          Self.tooLong($0, name: name, language: language)
        }).first {
          result.bodies.warning(location, warning)
        }
      }
    }
    return result
  }

  /// A warning for a text longer than `longestText` characters, else `nil`.
  static func tooLong(_ text: InlineText, name: String, language: String) -> String? {
    var count = 0
    for run in text.runs {
      count += run.text.count
      if count > longestText * 1000 { break }  // no need to count a huge text to the end
    }
    guard count > longestText else { return nil }
    let size = count > longestText * 1000 ? "more than \(longestText * 1000)" : String(count)
    return
      "a text in <\(name)> ('\(language)') is \(size) characters long; a learner reads it on one screen: split it into paragraphs or pages of at most \(longestText) characters"
  }

  private func fallbackNote(_ language: String) -> String {
    language == course.defaultLanguage
      ? "; it is the default language, so every learner may see another language here"
      : "; learners reading '\(language)' see the '\(course.defaultLanguage)' text"
  }
}
