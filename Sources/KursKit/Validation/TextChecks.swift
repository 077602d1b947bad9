/// Checks every text of a course: present in each declared language, and not empty.
struct TextChecks {
  let course: Course

  func run(_ findings: inout Findings) {
    var texts: [(String, LocalizedText)] = []
    var bodies: [(String, LocalizedBody)] = []
    texts += [("title", course.title), ("description", course.description), ("audience", course.audience)]
    bodies.append(("content-note", course.contentNote))
    for library in course.libraries {
      texts.append(("title", library.title))
      for term in library.terms { texts += [("name", term.name), ("definition", term.definition)] }
      for block in library.blocks {
        texts.append(("title", block.title))
        bodies.append(("body", block.body))
      }
      for resource in library.resources {
        texts += [("name", resource.name), ("description", resource.description)]
      }
    }
    for module in course.modules {
      texts.append(("title", module.title))
      texts += module.objectives.map { ("objective", $0) }
      bodies.append(("content-note", module.contentNote))
      for node in module.nodes {
        switch node.kind {
        case .page(let page):
          texts.append(("title", page.title))
          bodies.append(("body", page.body))
        case .question(let question):
          texts += [("title", question.title), ("prompt", question.prompt), ("feedback", question.feedback)]
          bodies.append(("body", question.body))
          texts += question.hints.map { ("hint", $0) }
          for choice in question.choices { texts += [("text", choice.text), ("feedback", choice.feedback)] }
          texts += question.items.map { ("text", $0.text) }
          for pair in question.pairs { texts += [("left", pair.left), ("right", pair.right)] }
        case .branch:
          break
        case .end(let end):
          texts.append(("title", end.title))
          bodies.append(("body", end.body))
        }
      }
    }
    for (name, text) in texts where !text.isEmpty {
      let location = text.location ?? course.location
      for language in course.languages where text.variants[language] == nil {
        findings.warning(location, "<\(name)> has no text in '\(language)'\(fallbackNote(language))")
      }
      for language in text.variants.keys.sorted() where text.variants[language]?.isBlank == true {
        findings.warning(location, "<\(name)> is empty in '\(language)'; write the text or remove the element")
      }
    }
    for (name, body) in bodies where !body.isEmpty {
      let location = body.location ?? course.location
      for language in course.languages where body.variants[language] == nil {
        findings.warning(location, "<\(name)> has no text in '\(language)'\(fallbackNote(language))")
      }
      for language in body.variants.keys.sorted() {
        let blocks = body.variants[language] ?? []
        if blocks.isEmpty || blocks.flatMap(\.inlineTexts).allSatisfy(\.isBlank) {
          findings.warning(location, "<\(name)> is empty in '\(language)'; write the text or remove the element")
        }
      }
    }
  }

  private func fallbackNote(_ language: String) -> String {
    language == course.defaultLanguage
      ? "; it is the default language, so every learner may see another language here"
      : "; learners reading '\(language)' see the '\(course.defaultLanguage)' text"
  }
}
