import Foundation
import KursKit

/// KursKit's seeded generator (the same seed, the same data), with a coin for the benchmarks.
extension SplitMix64 {
  mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Learners played through a course by the real engine: journals as `kurs` writes them, and
/// exports as `kurs export` writes them.
enum SyntheticLearners {
  static let cohortRegistration = "6f1c0a52-9d1e-4c5b-8a7e-2b3c4d5e6f70"

  /// Plays one learner: answers right with probability `accuracy`, stops after `limit` steps
  /// (or when the course is done, unless `cycle` starts it over: a learner who retakes modules).
  static func play(
    course: Course, limit: Int, accuracy: Double, cycle: Bool, start: Date, rng: inout SplitMix64
  ) -> [Journal.Entry] {
    let engine = Engine(course: course, language: course.defaultLanguage, seed: "bench")
    var state = CourseState()
    var entries: [Journal.Entry] = []
    var attempts: [String: String] = [:]
    var time = start
    var module = course.modules[0].id

    func apply(_ input: EngineInput) -> Screen? {
      if case .startModule(let id) = input {
        module = id
        attempts[id] = UUID().uuidString.lowercased()
      }
      guard let step = try? engine.apply(input, to: state) else { return nil }
      state = step.state
      time += Double(Int.random(in: 5...90, using: &rng))
      entries.append(
        Journal.Entry(
          time: time, course: course.id, courseVersion: course.version, digest: course.digest,
          registration: cohortRegistration, attempt: attempts[module], input: input,
          events: step.events))
      return step.screen
    }

    var screen = apply(.startModule(module))
    while entries.count < limit, let current = screen {
      switch current {
      case .page, .feedback:
        screen = apply(.proceed)
      case .question(let question):
        screen = apply(
          .answer(answer(question, in: course.module(module), accuracy: accuracy, rng: &rng)))
      case .moduleEnd(let end):
        if end.status != .passed {
          screen = apply(.startModule(end.moduleID))
        } else if let next = end.nextModule {
          screen = apply(.startModule(next)) ?? apply(.startModule(end.moduleID))
        } else if cycle {
          screen = apply(.startModule(course.modules[0].id))
        } else {
          screen = nil
        }
      }
    }
    return entries
  }

  static func answer(
    _ screen: QuestionScreen, in module: Module?, accuracy: Double, rng: inout SplitMix64
  ) -> LearnerAnswer {
    let options = screen.options.map(\.id)
    guard case .question(let question)? = module?.node(screen.nodeID)?.kind else {
      return .choices([options[0]])
    }
    let right = rng.chance(accuracy)
    switch question.kind {
    case .single, .trueFalse:
      let correct = question.choices.first(where: \.isCorrect)?.id
      return .choices([right ? correct ?? options[0] : options.randomElement(using: &rng)!])
    case .multiple:
      if right { return .choices(question.choices.filter(\.isCorrect).map(\.id)) }
      let some = options.filter { _ in rng.chance(0.5) }
      return .choices(some.isEmpty ? [options[0]] : some)
    case .ordering:
      return .order(
        right ? question.items.map(\.id) : question.items.map(\.id).shuffled(using: &rng))
    case .matching:
      let lefts = question.pairs.map(\.id)
      let rights = right ? lefts : lefts.shuffled(using: &rng)
      return .matches(Dictionary(uniqueKeysWithValues: zip(lefts, rights)))
    }
  }

  /// Writes `entries` as a journal file, exactly as the runner does (one append per step).
  static func writeJournal(
    _ entries: [Journal.Entry], to url: URL, learnerID: String, pseudonym: String?, course: Course
  ) throws {
    try? FileManager.default.removeItem(at: url)
    let journal = Journal(url: url, learnerID: learnerID, actorName: pseudonym)
    for entry in entries { try journal.append(entry, course: course) }
  }

  /// An export template: a learner's export in which every learner-specific string holds the
  /// placeholder `XXXXXXXX`, and where the placeholders and the seal sit in the bytes.
  struct Template {
    /// The learner's encoding followed by the courses' (the seal digests them as two parts).
    var compact: [UInt8]
    var learnerLength: Int
    var compactSlots: [Int]
    var pretty: [UInt8]
    var prettySlots: [Int]
    var sealSlot: Int
  }

  static let placeholder = Array("XXXXXXXX".utf8)
  static let sealPlaceholder = String(repeating: "S", count: 64)

  static func template(statements: [Statement], course: Course) throws -> Template {
    let learner = ExportFile.Learner(id: "bench-learner-XXXXXXXX", pseudonym: "Learner XXXXXXXX")
    let own = statements.map { statement -> Statement in
      var copy = statement
      copy.id = "XXXXXXXX" + copy.id.dropFirst(8)
      copy.context.extensions.step = "XXXXXXXX" + copy.context.extensions.step.dropFirst(8)
      return copy
    }
    let records = ExportFile.CourseRecords(
      id: course.id, version: course.version, digest: course.digest, statements: own)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let learnerBytes = Array(try encoder.encode(learner))
    let compact = learnerBytes + Array(try encoder.encode([records]))
    var file = ExportFile(
      exported: "2026-11-01T10:00:00.000000Z", learner: learner, courses: [records])
    file.seal = sealPlaceholder
    let pretty = Array(try file.encoded())
    guard let sealSlot = find(Array(sealPlaceholder.utf8), in: pretty).first else {
      throw BenchError.setup("no seal in the template")
    }
    return Template(
      compact: compact, learnerLength: learnerBytes.count,
      compactSlots: find(placeholder, in: compact), pretty: pretty,
      prettySlots: find(placeholder, in: pretty), sealSlot: sealSlot)
  }

  static func find(_ needle: [UInt8], in bytes: [UInt8]) -> [Int] {
    var found: [Int] = []
    var index = 0
    while index + needle.count <= bytes.count {
      if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle {
        found.append(index)
        index += needle.count
      } else {
        index += 1
      }
    }
    return found
  }

  /// The export of learner number `number` made from `template`: its own id, pseudonym and
  /// statement ids, and a seal that Kurs accepts.
  static func export(_ template: Template, number: Int) -> [UInt8] {
    let tag = Array(String(format: "%08x", number).utf8)
    var compact = template.compact
    for slot in template.compactSlots { compact.replaceSubrange(slot..<slot + 8, with: tag) }
    var digest = SHA256Digest()
    digest.update(Array(compact[..<template.learnerLength]))
    digest.update(Array(compact[template.learnerLength...]))
    var pretty = template.pretty
    for slot in template.prettySlots { pretty.replaceSubrange(slot..<slot + 8, with: tag) }
    pretty.replaceSubrange(
      template.sealSlot..<template.sealSlot + 64, with: Array(digest.hexDigest().utf8))
    return pretty
  }
}
