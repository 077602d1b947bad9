import Foundation
import KursKit
import Testing

/// Issue 18 ("Marina's story, second edition"): what a trainer reading the course and its shared
/// content would check, finding by finding. Checks about structure (flags, endings, scoring,
/// options, hints) read the course as Kurs loads it, so that line breaks or attribute order in the
/// XML cannot fool them. Every ending is played through the binary in RunnerPathTests; the
/// sentences copied from the sources are checked in MarinaSourceOverlapTests.
@Suite struct MarinaSecondEditionTests {
  let course: Course

  init() throws {
    let loaded = CourseLoader().load(
      path: KursProcess.repository.appendingPathComponent("Courses/marina").path)
    course = try #require(loaded.course, "\(loaded.diagnostics)")
  }

  func module(_ id: String) throws -> Module { try #require(course.module(id)) }

  func question(_ id: String, in module: String) throws -> Question {
    let node = try #require(try self.module(module).node(id), "\(module): no node '\(id)'")
    guard case .question(let question) = node.kind else {
      Issue.record("\(module): '\(id)' is not a question")
      throw CancellationError()
    }
    return question
  }

  /// The scored questions of every module, with their module.
  var scoredQuestions: [(module: String, id: String, question: Question)] {
    course.modules.flatMap { module in
      module.nodes.compactMap { node -> (String, String, Question)? in
        if case .question(let question) = node.kind, question.points > 0 {
          return (module.id, node.id, question)
        }
        return nil
      }
    }
  }

  static func plain(_ text: LocalizedText, _ language: String) -> String {
    text.variants[language]?.plain ?? ""
  }
  static func plain(_ body: LocalizedBody, _ language: String) -> [String] {
    (body.variants[language] ?? []).flatMap(\.inlineTexts).map(\.plain)
  }

  /// Everything a learner can read in a node, in one language.
  static func texts(_ node: Node, _ language: String) -> [String] {
    switch node.kind {
    case .page(let page): return [plain(page.title, language)] + plain(page.body, language)
    case .end(let end): return [plain(end.title, language)] + plain(end.body, language)
    case .branch: return []
    case .question(let q):
      return [plain(q.title, language), plain(q.prompt, language), plain(q.feedback, language)]
        + plain(q.body, language)
        + q.choices.flatMap { [plain($0.text, language), plain($0.feedback, language)] }
        + q.hints.map { plain($0, language) } + q.items.map { plain($0.text, language) }
        + q.pairs.flatMap { [plain($0.left, language), plain($0.right, language)] }
    }
  }

  /// Every text of the course and its shared content in one language, with where it is.
  func allTexts(_ language: String) -> [(place: String, text: String)] {
    var result: [(String, String)] = []
    for module in course.modules {
      for node in module.nodes {
        result += Self.texts(node, language).map { ("\(module.id)/\(node.id)", $0) }
      }
    }
    for library in course.libraries {
      for term in library.terms {
        result += [
          ("\(library.id)/\(term.id)", Self.plain(term.name, language)),
          ("\(library.id)/\(term.id)", Self.plain(term.definition, language)),
        ]
      }
      for resource in library.resources {
        result += [
          ("\(library.id)/\(resource.id)", Self.plain(resource.name, language)),
          ("\(library.id)/\(resource.id)", Self.plain(resource.description, language)),
        ]
      }
      for block in library.blocks {
        result += ([Self.plain(block.title, language)] + Self.plain(block.body, language)).map {
          ("\(library.id)/\(block.id)", $0)
        }
      }
    }
    return result
  }

  // MARK: Finding 2: choices that matter

  /// Every flag a module sets is read by one of its branches (platform-consent and platform-wait
  /// were set and never read).
  @Test func everyFlagTheStorySetsIsRead() throws {
    for module in course.modules {
      var set: Set<String> = []
      var read: Set<String> = []
      for node in module.nodes {
        let effects =
          node.effects
          + {
            if case .question(let question) = node.kind {
              return question.choices.flatMap(\.effects)
            }
            return []
          }()
        for case .setFlag(let flag, _) in effects { set.insert(flag) }
        if case .branch(let branch) = node.kind {
          read.formUnion(branch.routes.flatMap(\.condition.flags))
        }
      }
      #expect(!set.isEmpty, "\(module.id): the story remembers choices")
      #expect(
        set.subtracting(read).isEmpty,
        "\(module.id): set and never read: \(set.subtracting(read).sorted())")
    }
    let evidenceReads = try module("evidence").nodes.flatMap { node -> [String] in
      if case .branch(let branch) = node.kind { return branch.routes.flatMap(\.condition.flags) }
      return []
    }
    #expect(Set(evidenceReads).isSuperset(of: ["platform-wait", "platform-consent"]))
  }

  /// Each module has at least two endings.
  @Test func everyModuleHasTwoEndingsOrMore() {
    for module in course.modules {
      let ends = module.nodes.filter {
        if case .end = $0.kind { return true } else { return false }
      }
      #expect(ends.count >= 2, "\(module.id): \(ends.map(\.id))")
    }
  }

  /// The complaint that stalls and brings revenge: reached because Marina decides to wait (a story
  /// decision, no points), through a flag that two branches read, with its own ending; what
  /// Marina and Olga do then is her decision again, and a scored question on the advice follows.
  @Test func theComplaintStallsWhenMarinaDecidesToWait() throws {
    let justice = try module("justice")
    let silence = try question("q-silence", in: "justice")
    #expect(
      silence.points == 0 && !silence.choices.contains { $0.isCorrect },
      "a story decision, not scored")
    let waits = try #require(
      silence.choices.first { $0.effects.contains(.setFlag("kept-quiet", true)) })
    #expect(
      silence.choices.contains {
        $0.id != waits.id && !$0.effects.contains(.setFlag("kept-quiet", true))
      })
    var targets: [String] = []
    for node in justice.nodes {
      if case .branch(let branch) = node.kind {
        targets += branch.routes.filter { $0.condition.flags.contains("kept-quiet") }.map(\.target)
      }
    }
    #expect(Set(targets) == ["stalled", "done-stalled"])
    let end = try #require(justice.node("done-stalled"))
    guard case .end(let stalled) = end.kind else {
      Issue.record("done-stalled is not an end")
      return
    }
    #expect(stalled.outcome == .pass)
    for language in ["en", "ru"] {
      let text = Self.texts(end, language).joined(separator: " ")
      #expect(
        text.contains(
          language == "en"
            ? "education, not legal advice" : "обучающий и не заменяет юридическую консультацию"),
        "\(language)")
    }
    // Nothing but the branch leads into the stalled scene: no chance, no other route.
    for node in justice.nodes where node.id != "after-silence" {
      switch node.kind {
      case .page(let page): #expect(page.next != "stalled", "\(node.id)")
      case .question(let question):
        #expect(
          question.next != "stalled" && !question.choices.contains { $0.goto == "stalled" },
          "\(node.id)")
      default: break
      }
    }
    let after = try question("q-after-refusal", in: "justice")
    #expect(
      after.points == 0
        && Set(after.choices.compactMap(\.goto)) == ["stalled-appeal", "stalled-on-file"])
    let advice = try question("q-stalled-next", in: "justice")
    #expect(advice.points > 0 && advice.choices.filter(\.isCorrect).count == 1)
  }

  // MARK: Finding 1: questions that cannot be guessed

  /// In each language the correct option is the strictly longest in at most a third of the scored
  /// single-choice questions (the first edition: all twelve).
  @Test func theCorrectOptionIsNotSystematicallyTheLongest() {
    for language in ["en", "ru"] {
      let singles = scoredQuestions.filter { $0.question.kind == .single }
      var longest: [String] = []
      for (module, id, question) in singles {
        let lengths = question.choices.map { ($0.isCorrect, Self.plain($0.text, language).count) }
        let right = lengths.filter(\.0).map(\.1).max() ?? 0
        let wrong = lengths.filter { !$0.0 }.map(\.1).max() ?? 0
        if right > wrong { longest.append("\(module)/\(id)") }
      }
      #expect(singles.count >= 12)
      #expect(
        longest.count * 3 <= singles.count,
        "\(language): the correct option is the longest in \(longest)")
    }
  }

  /// True/false answers are balanced: each of "true" and "false" is right in at least a third of
  /// them (the first edition: all seven "false").
  @Test func trueFalseAnswersAreBalanced() {
    let answers = scoredQuestions.filter { $0.question.kind == .trueFalse }.compactMap {
      $0.question.choices.first(where: \.isCorrect)?.id
    }
    #expect(answers.count >= 6)
    for answer in ["true", "false"] {
      #expect(answers.filter { $0 == answer }.count * 3 >= answers.count, "\(answer): \(answers)")
    }
  }

  /// No hint of a scored question says how many options are right ("Three answers are right",
  /// "Four of the options come from the list").
  @Test func hintsDoNotGiveCounts() {
    let english =
      /(?i)\b(one|two|three|four|five|six|seven|eight|\d+)\b(\s+\w+){0,2}\s+(answers?|options?|choices?|are (right|correct|wrong)|of (them|these))\b/
    let russian =
      /(?i)(один|одна|одно|два|две|три|четыре|пять|шесть|\d+)\s+(\S+\s+){0,2}(ответ|вариант|верн|правильн|из (них|этих))/
    for (module, id, question) in scoredQuestions
    where [.single, .multiple, .trueFalse].contains(question.kind) {
      for hint in question.hints {
        #expect(
          Self.plain(hint, "en").firstMatch(of: english) == nil,
          "\(module)/\(id): \(Self.plain(hint, "en"))")
        #expect(
          Self.plain(hint, "ru").firstMatch(of: russian) == nil,
          "\(module)/\(id): \(Self.plain(hint, "ru"))")
      }
    }
  }

  /// Multiple-select questions have wrong options to weigh: at least two in each, and never all
  /// options correct.
  @Test func multipleSelectQuestionsHaveDistractors() {
    let multiples = scoredQuestions.filter { $0.question.kind == .multiple }
    #expect(!multiples.isEmpty)
    for (module, id, question) in multiples {
      #expect(question.choices.filter { !$0.isCorrect }.count >= 2, "\(module)/\(id)")
    }
  }

  // MARK: Finding 3: survival reactions are story decisions

  /// What Marina does to survive (in the closed room, when the complaint goes quiet, after the
  /// refusal) is her decision: no points and no right answer.
  @Test func survivalReactionsAreNotScored() throws {
    for (module, id) in [
      ("recognise", "q-in-room"), ("justice", "q-silence"), ("justice", "q-after-refusal"),
    ] {
      let question = try question(id, in: module)
      #expect(
        question.points == 0 && !question.choices.contains { $0.isCorrect }, "\(module)/\(id)")
    }
    for definition in course.modules {
      for node in definition.nodes {
        if case .question(let decision) = node.kind, decision.points == 0 {
          let place = "\(definition.id)/\(node.id)"
          let scored = decision.choices.contains { $0.isCorrect }
          #expect(!scored, "\(place): a decision has no right answer")
        }
      }
    }
  }

  // MARK: Finding 4: dated organisations

  /// The organisations from the campaign documents come after a titled, dated entry, none of them
  /// listed as legal aid or crisis help, and learners read that a copy without checked contacts
  /// has not been localised.
  @Test func datedOrganisationsAreMarkedForLearners() throws {
    let help = try #require(course.libraries.first { $0.id == "help-resources" })
    let index = try #require(help.resources.firstIndex { $0.id == "campaign-organisations" })
    let heading = help.resources[index]
    #expect(
      Self.plain(heading.name, "en").contains(
        "Organisations named in the campaign documents, 2013-2021: they may no longer"))
    #expect(
      Self.plain(heading.name, "ru").contains(
        "Организации, названные в документах кампании 2013–2021 годов"))
    for resource in help.resources[(index + 1)...] {
      #expect(
        !["legal-aid", "crisis"].contains(resource.kind), "\(resource.id) is not current help")
    }
    let local = try #require(help.resources.first { $0.id == "local-contacts" })
    #expect(
      Self.plain(local.description, "en").contains(
        "this copy of the course has not been localised yet"))
    #expect(Self.plain(local.description, "ru").contains("эта копия курса ещё не адаптирована"))
  }

  // MARK: Finding 5: facts

  /// The 2021 webinar's lead organisation, one wording for where the complaint went, the
  /// campaign years.
  @Test func factsFollowTheSources() throws {
    for module in ["recognise", "evidence"] {
      let nodes = try self.module(module).nodes
      #expect(
        nodes.flatMap { Self.texts($0, "en") }.contains {
          $0.contains("Alliance for Public Health")
        }, "\(module)")
      #expect(
        nodes.flatMap { Self.texts($0, "ru") }.contains {
          $0.contains("Альянс общественного здоровья")
        }, "\(module)")
    }
    for (place, text) in allTexts("en") {
      #expect(
        !text.contains("central office of the metro police") && !text.contains("metro police,"),
        "\(place)")
      #expect(!text.contains("facilitated by the Eurasian Harm Reduction Association"), "\(place)")
    }
    for (place, text) in allTexts("ru") {
      #expect(!text.contains("управление полиции метрополитена"), "\(place)")
    }
    let justice = try module("justice").nodes.flatMap { Self.texts($0, "en") }
    #expect(justice.contains { $0.contains("(2014-2016)") })
  }

  // MARK: Finding 6: what the sources teach

  @Test func sourcesTeachingIsThere() throws {
    let recognise = try module("recognise").nodes
    let en = recognise.flatMap { Self.texts($0, "en") }.joined(separator: " ")
    let ru = recognise.flatMap { Self.texts($0, "ru") }.joined(separator: " ")
    #expect(en.contains("syringes or condoms") && ru.contains("шприцы"))
    #expect(en.contains("shelters") && ru.contains("приютов"))
    #expect(en.contains("What happens next for Sveta") && ru.contains("Что дальше со Светой"))
    let justice = try module("justice").nodes.flatMap {
      Self.texts($0, "en") + Self.texts($0, "ru")
    }.joined(separator: " ")
    #expect(justice.contains("121 people") && justice.contains("121 человека"))
  }

  /// Missed OST doses in custody: what happens, withdrawal as pressure, asking for a doctor, whom to
  /// call, and that law and practice differ by country, in both languages, on the main line of
  /// Module I (every path passes it), with a scored question on the advice.
  @Test func missedOSTDosesInCustodyAreTaught() throws {
    let recognise = try module("recognise")
    let page = try #require(recognise.node("missed-dose"))
    let en = Self.texts(page, "en").joined(separator: " ")
    let ru = Self.texts(page, "ru").joined(separator: " ")
    for phrase in [
      "withdrawal", "ask for a doctor", "the OST site", "a lawyer", "country to country", "hours",
    ] {
      #expect(en.contains(phrase), "en: \(phrase)")
    }
    for phrase in ["ломк", "попросить врача", "кабинет ЗПТ", "юрист", "зависит от страны", "часов"]
    {
      #expect(ru.contains(phrase), "ru: \(phrase)")
    }
    let advice = try question("q-ost-custody", in: "recognise")
    #expect(advice.points > 0 && advice.choices.filter(\.isCorrect).count == 1)
    // Sveta's story leads to it whatever the learner answers.
    let blame = try question("q-sveta-blame", in: "recognise")
    #expect(blame.next == "missed-dose" && !blame.choices.contains { $0.goto != nil })
  }

  /// The facilitators' guide has discussion questions for the stalled complaint and its ending,
  /// and for missed OST doses in custody.
  @Test func facilitatorsGuideDiscussesTheNewContent() throws {
    let guide = try String(
      contentsOf: KursProcess.repository.appendingPathComponent("docs/facilitators.md"),
      encoding: .utf8)
    let questions = try #require(
      guide.components(separatedBy: "## 4. Discussion questions").last?
        .components(separatedBy: "\n## 5.").first)
    let justice = try #require(questions.components(separatedBy: "### Module III").last)
    let end = try #require(try module("justice").node("done-stalled"))
    guard case .end(let stalled) = end.kind else {
      Issue.record("done-stalled is not an end")
      return
    }
    // "The end of Marina's story: not over yet" is called the "not over yet" ending.
    let name = try #require(Self.plain(stalled.title, "en").components(separatedBy: ": ").last)
    #expect(justice.contains("\"\(name)\" ending"), "a question about the ending '\(name)'")
    #expect(justice.contains("Written any more") && justice.contains("refusal"))
    let recognise = try #require(
      questions.components(separatedBy: "### Module I:").last?.components(
        separatedBy: "### Module II"
      ).first)
    #expect(recognise.contains("OST dose") && recognise.contains("police custody"))
  }

  // MARK: Finding 7: Russian

  @Test func russianTerms() throws {
    for (place, text) in allTexts("ru") {
      for banned in [
        "в моменте", "В моменте", "клиник", "нагрудн", "весит меньше", "брифинг",
        "строгим надзором", "ЛБТ-",
      ] {
        #expect(!text.contains(banned), "\(place): «\(banned)»")
      }
      // Обыск is the criminal-case search, named only where the glossary explains the difference.
      if text.lowercased().contains("обыск") {
        #expect(place == "glossary/search", "\(place): досмотр, not обыск")
      }
      // ЖУН is spelled out wherever learners read it; the glossary entry introduces the letters.
      if text.contains("ЖУН") { #expect(place == "glossary/wud", "\(place): ЖУН spelled out") }
    }
    let glossary = try #require(course.libraries.first { $0.id == "glossary" })
    let search = try #require(glossary.terms.first { $0.id == "search" })
    let definition = Self.plain(search.definition, "ru")
    #expect(
      definition.contains("досмотр") && definition.contains("Обыск")
        && definition.contains("следственное действие"))
    #expect(
      glossary.terms.contains {
        $0.id == "ost-local-names" && Self.plain($0.definition, "ru").contains("ОЗТ")
      })
    // One name for the network in Russian running text: ЕССВ (the documents' titles stay as written).
    for module in course.modules {
      for node in module.nodes {
        guard case .page(let page) = node.kind else { continue }
        for text in (page.body.variants["ru"] ?? []).flatMap(\.inlineTexts) {
          let running = text.runs.filter { $0.style != .emphasis }.map(\.text).joined()
          #expect(!running.contains("EHRN"), "\(module.id)/\(node.id): ЕССВ, not EHRN")
        }
      }
    }
  }
}
