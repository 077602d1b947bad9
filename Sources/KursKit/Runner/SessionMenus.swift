import Foundation

/// What a learner can look at besides the course, as lines for the terminal: a module's
/// objectives before it, the contents, the progress and the resources with the checked local
/// contacts. A value made for one screen from the session's state at that moment; it shows
/// nothing itself and reads nothing: `LearningSession` shows the lines and reads the choice.
struct SessionMenus {
  let course: Course
  let engine: Engine
  let state: CourseState
  let renderer: ScreenRenderer
  /// The course's language (its texts): which contacts a learner is shown.
  let language: String
  /// The interface's language (the runner's own words).
  let uiLanguage: String
  let plain: Bool

  private func t(_ key: Localization.Key, _ arguments: String...) -> String {
    Localization.string(key, uiLanguage, arguments: arguments)
  }

  private var bullet: String { plain ? "- " : "• " }

  /// What a module is for, before it begins: its title, its learning objectives and about how
  /// long it takes.
  func moduleIntroduction(_ module: Module) -> [String] {
    var lines = renderer.progressTitle(engine.text(module.title).map(renderer.inline) ?? module.id)
    let objectives = engine.objectives(of: module)
    if !objectives.isEmpty {
      lines += renderer.wrapped(t(.objectivesTitle))
      for objective in objectives {
        lines += renderer.wrapped(renderer.inline(objective), indent: 2, marker: bullet)
      }
    }
    lines += renderer.wrapped(t(.estimatedTime, String(engine.estimatedMinutes(of: module))))
    return lines
  }

  /// "Welcome back": where a resumed learner is, before their screen.
  func welcomeBack(_ screen: Screen) -> String {
    let position: Position
    switch screen {
    case .page(let page): position = page.position
    case .question(let question): position = question.position
    case .feedback(let feedback): position = feedback.position
    case .moduleEnd(let end): position = end.position
    }
    return "\n"
      + t(
        .welcomeBack, String(position.moduleIndex), String(position.moduleCount),
        position.moduleTitle, String(position.step))
  }

  /// The contents: every module by its number, with its state and where the learner is.
  func contents() -> [String] {
    var lines = renderer.progressTitle(t(.contentsTitle))
    for (index, module) in course.modules.enumerated() {
      let title = engine.text(module.title).map(renderer.inline) ?? module.id
      var status = moduleStatus(module)
      if state.currentModule == module.id, state.module(module.id).status == .inProgress {
        status += " · " + t(.contentsHere)
      }
      lines += renderer.wrapped(
        t(.contentsLine, title, status), indent: 2, marker: "\(index + 1). ")
    }
    return lines
  }

  /// A module's state in the learner's words: locked (and by what), passed, in progress…
  func moduleStatus(_ module: Module) -> String {
    let moduleState = state.module(module.id)
    let missing = engine.missingRequirements(of: module.id, in: state)
    if !missing.isEmpty {
      let names = missing.map { id in
        course.modules.first { $0.id == id }.flatMap { engine.text($0.title).map(renderer.inline) }
          ?? id
      }
      return t(.locked, names.joined(separator: ", "))
    } else if moduleState.passedBefore && moduleState.status != .passed
      && moduleState.status != .completed
    {
      return t(.statusPassed)
    }
    switch moduleState.status {
    case .notStarted: return t(.statusNotStarted)
    case .inProgress: return t(.statusInProgress)
    case .passed: return t(.statusPassed)
    case .failed: return t(.statusFailed)
    case .completed: return t(.statusCompleted)
    }
  }

  /// The progress: the course's state, then each module's with its score and pass mark.
  func progress() -> [String] {
    let courseTitle = engine.text(course.title).map(renderer.inline) ?? course.id
    let courseStatus =
      state.completed
      ? t(.statusPassed)
      : t(.courseProgress, t(.statusInProgress), String(engine.percentDone(state)))
    var lines = renderer.progressTitle("\(courseTitle) (\(courseStatus))")
    for module in course.modules {
      let moduleState = state.module(module.id)
      let status = moduleStatus(module)
      let title = engine.text(module.title).map(renderer.inline) ?? module.id
      let score = moduleState.bestScore ?? moduleState.lastScore ?? moduleState.score
      let line = t(
        .moduleProgress, title, status, String(score), String(engine.maximum(of: module.id)),
        String(engine.passMark(of: module)))
      lines += renderer.wrapped(line, indent: 2, marker: bullet)
    }
    return lines
  }

  /// A resource's contacts for this learner: those in their language or in no particular one;
  /// when there are none, those in the course's default language.
  func contacts(of resource: HelpResource) -> [HelpResource.Contact] {
    let mine = resource.contacts.filter { $0.language == nil || $0.language == language }
    if !mine.isEmpty || resource.contacts.isEmpty { return mine }
    return resource.contacts.filter { $0.language == nil || $0.language == course.defaultLanguage }
  }

  /// The checked local contacts a trainer added (those with a `checked` date), first on the
  /// resources screen; when there are none, a plain sentence saying so and whom to ask.
  func localContacts(_ resources: [HelpResource]) -> [String] {
    var lines = renderer.wrapped(t(.localContactsTitle) + ":")
    var any = false
    for resource in resources {
      let checked = contacts(of: resource).filter { $0.checked != nil }
      guard !checked.isEmpty else { continue }
      any = true
      lines += renderer.wrapped(
        renderer.inline(engine.text(resource.name) ?? InlineText(resource.id)), indent: 2,
        marker: bullet)
      for contact in checked {
        let text =
          renderer.inline(contact.text) + " (" + t(.localContactChecked, contact.checked ?? "")
          + ")"
        lines += renderer.wrapped(
          text, indent: 4, marker: "\(renderer.contactLabel(contact.kind)): ")
      }
    }
    return any ? lines : lines + renderer.wrapped(t(.noLocalContacts), indent: 2)
  }

  /// The resources menu: the local contacts and the numbered sections to choose from.
  struct Resources {
    /// The menu, ending with the question which section to open.
    var lines: [String]
    /// Each section's title and its lines, in the menu's order.
    var sections: [(title: String, lines: () -> [String])]
  }

  /// The resources menu; `nil` when the course has none (then `noResources` is shown below the
  /// local contacts).
  func resources() -> Resources? {
    let glossary = course.libraries.flatMap(\.terms)
    let blocks = course.libraries.flatMap(\.blocks)
    let help = course.libraries.flatMap(\.resources)
    guard !glossary.isEmpty || !blocks.isEmpty || !help.isEmpty else { return nil }
    var sections: [(title: String, lines: () -> [String])] = []
    if !help.isEmpty {
      sections.append(
        (
          t(.helpResourcesTitle),
          { [self] in
            help.flatMap { resource -> [String] in
              var lines = renderer.wrapped(
                renderer.inline(engine.text(resource.name) ?? InlineText(resource.id)),
                marker: bullet)
              if let description = engine.text(resource.description) {
                lines += renderer.wrapped(renderer.inline(description), indent: 2)
              }
              for contact in contacts(of: resource) {
                lines += renderer.wrapped(
                  renderer.inline(contact.text), indent: 2,
                  marker: "\(renderer.contactLabel(contact.kind)): ")
              }
              return lines
            }
          }
        ))
    }
    if !blocks.isEmpty {
      sections.append(
        (
          t(.checklistsTitle),
          { [self] in
            blocks.flatMap { block -> [String] in
              [""]
                + renderer.wrapped(
                  renderer.inline(engine.text(block.title) ?? InlineText(block.id)))
                + renderer.blocks(engine.blocks(block.body))
            }
          }
        ))
    }
    if !glossary.isEmpty {
      sections.append(
        (
          t(.glossaryTitle),
          { [self] in
            glossary.flatMap { term -> [String] in
              let name = renderer.inline(engine.text(term.name) ?? InlineText(term.id))
              let definition = engine.text(term.definition).map(renderer.inline) ?? ""
              return renderer.wrapped("\(name): \(definition)", marker: bullet)
            }
          }
        ))
    }
    var lines = renderer.progressTitle(t(.resourcesTitle)) + localContacts(help) + [""]
    for (index, section) in sections.enumerated() {
      lines += renderer.wrapped(section.title, indent: 2, marker: "\(index + 1). ")
    }
    lines += renderer.wrapped(t(.promptSingle))
    return Resources(lines: lines, sections: sections)
  }
}
