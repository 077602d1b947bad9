/// The semantic checks of `kurs validate`: everything a schema cannot see. Runs on a course that
/// loaded; each finding points at the element or attribute to change.
public struct CourseValidator: Sendable {
  /// The work the branch-coverage check may still do for this validator's course: a hostile
  /// course cannot keep `kurs validate` (or `kurs courses`) busy for long.
  let coverageBudget = BranchCoverage.Budget()

  public init() {}

  /// What the checks of one module found, and what the course-wide checks need of it.
  public struct ModuleResult: Sendable {
    var graph = Findings()
    var texts = TextChecks.Result()
    /// The most points a path through the module can collect.
    var mostPoints = 0
    /// Whether the module's own checks found an error (its points then say nothing).
    var hasErrors: Bool { graph.hasErrors }
    /// The ids of its questions, for comparing a post-test with its pre-test.
    var questionIDs: [String] = []
  }

  /// Every finding about `course`, in file order.
  public func validate(_ course: Course) -> [Diagnostic] {
    // Each module is checked on its own, on every core.
    let modules = course.modules
    return validate(course, modules: parallelMap(modules.count) { check(modules[$0], in: course) })
  }

  /// Checks one module: everything that needs only the module and the course's own settings
  /// (languages, completion), not the other modules. Safe to run while other modules load.
  public func check(_ module: Module, in course: Course) -> ModuleResult {
    var result = ModuleResult()
    ModuleChecks(course: course, module: module, coverageBudget: coverageBudget).run(&result.graph)
    result.texts = TextChecks(course: course).check(TextChecks.texts(of: module))
    result.mostPoints = ModuleGraph(module: module).mostPoints
    result.questionIDs = module.nodes.compactMap { node in
      if case .question = node.kind { return node.id }
      return nil
    }
    return result
  }

  /// Every finding about `course`, given what `check(_:in:)` found in each of its modules (in
  /// the order of `course.modules`, whose nodes are then not looked at again). Findings come in
  /// the order of a check one module after another, so the output does not depend on the cores.
  public func validate(_ course: Course, modules results: [ModuleResult]) -> [Diagnostic] {
    var findings = Findings()
    checkCourse(
      course, mostPoints: results.map(\.mostPoints), broken: results.map(\.hasErrors), &findings)
    checkKnowledgeTests(course, questionIDs: results.map(\.questionIDs), &findings)
    for result in results { findings.add(result.graph) }
    let texts = TextChecks(course: course)
    TextChecks.add(
      [texts.check(TextChecks.texts(ofCourse: course))] + results.map(\.texts), to: &findings)
    return findings.sorted
  }

  private func checkCourse(
    _ course: Course, mostPoints: [Int], broken: [Bool], _ findings: inout Findings
  ) {
    let moduleIDs = course.modules.map(\.id)
    duplicates(course.modules.map { ($0.id, $0.location) }, what: "module", &findings)
    let duplicated = Set(moduleIDs.filter { id in moduleIDs.filter { $0 == id }.count > 1 })
    for module in course.modules {
      for required in module.requires {
        let location = module.attributeLocations["requires"] ?? module.location
        // With two modules of one id, "requires itself" would only echo the duplicate.
        if required == module.id, duplicated.contains(module.id) {
          continue
        } else if required == module.id {
          findings.error(location, "module '\(module.id)' requires itself")
        } else if !moduleIDs.contains(required) {
          findings.error(
            location,
            "requires '\(required)', but there is no such module\(didYouMean(required, moduleIDs))")
        }
      }
    }
    // Requirements in a circle can never be met.
    var state: [String: Int] = [:]
    let byID = Dictionary(
      course.modules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    func visit(_ id: String, _ path: [String]) {
      guard let module = byID[id] else { return }
      if state[id] == 1 {
        let circle = (path.drop { $0 != id } + [id]).joined(separator: " → ")
        findings.error(
          module.attributeLocations["requires"] ?? module.location,
          "module requirements form a circle (\(circle)); no learner could open these modules")
        return
      }
      guard state[id] == nil else { return }
      state[id] = 1
      for next in module.requires where next != id { visit(next, path + [id]) }
      state[id] = 2
    }
    for module in course.modules { visit(module.id, []) }

    if let required = course.completion.modules {
      for id in required where !moduleIDs.contains(id) {
        findings.error(
          course.completion.location ?? course.location,
          "completion names module '\(id)', but there is no such module\(didYouMean(id, moduleIDs))"
        )
      }
    }
    // A module with errors of its own counts no points; the sum would only echo them.
    let requiredModules = course.completion.modules ?? moduleIDs
    let requiredAreSound =
      !zip(course.modules, broken).contains { requiredModules.contains($0.0.id) && $0.1 }
      && duplicated.isEmpty
    if let minimum = course.completion.minimumScore, requiredAreSound {
      let required = requiredModules
      let most = zip(course.modules, mostPoints).filter { required.contains($0.0.id) }.map(\.1)
        .reduce(0, +)
      if minimum > most {
        findings.error(
          course.completion.location ?? course.location,
          "min-score \(minimum) is above the \(most) points the required modules can give together; no learner could complete the course"
        )
      }
    }
    for library in course.libraries {
      duplicates(library.terms.map { ($0.id, $0.location) }, what: "term", &findings)
      duplicates(library.blocks.map { ($0.id, $0.location) }, what: "block", &findings)
      duplicates(library.resources.map { ($0.id, $0.location) }, what: "resource", &findings)
    }
  }
}

extension CourseValidator {
  /// Pre-tests and post-tests: each post-test repeats a pre-test taken before it, item by item,
  /// and neither counts toward completion.
  func checkKnowledgeTests(_ course: Course, questionIDs: [[String]], _ findings: inout Findings) {
    let modules = course.modules
    for (position, module) in modules.enumerated() {
      let location = module.attributeLocations["test"] ?? module.location
      if module.test != nil, course.completion.modules?.contains(module.id) == true {
        findings.error(
          course.completion.location ?? course.location,
          "completion names '\(module.id)', a knowledge test; tests measure learning and do not count toward completion: remove it from modules=\"…\""
        )
      }
      guard case .post(let preTest) = module.test else { continue }
      let preLocation = module.attributeLocations["pre-test"] ?? location
      guard let prePosition = modules.firstIndex(where: { $0.id == preTest }) else {
        let tests = modules.filter { $0.test == .pre }.map(\.id)
        findings.error(
          preLocation,
          "pre-test names '\(preTest)', but there is no such module\(didYouMean(preTest, tests))")
        continue
      }
      guard modules[prePosition].test == .pre else {
        findings.error(
          preLocation,
          "pre-test names '\(preTest)', which is not a knowledge test: give that module test=\"pre\", or name the module that has it"
        )
        continue
      }
      if prePosition > position {
        findings.error(
          location,
          "the post-test '\(module.id)' comes before its pre-test '\(preTest)'; put the pre-test first in the course"
        )
      }
      guard position < questionIDs.count, prePosition < questionIDs.count else { continue }
      let before = Set(questionIDs[prePosition])
      let unmatched = questionIDs[position].filter { !before.contains($0) }
      if !unmatched.isEmpty {
        let names = unmatched.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        findings.warning(
          location,
          "questions \(names) of the post-test '\(module.id)' are not in the pre-test '\(preTest)'; an item is compared before and after by its id: give the same question the same id in both"
        )
      }
    }
  }
}

/// Findings collected by the checks, kept in file order and without repeats.
struct Findings: Sendable {
  private var items: [Diagnostic] = []
  private var seen: Set<Diagnostic> = []

  mutating func error(_ location: SourceLocation, _ message: String) {
    add(.error(at: location, message))
  }

  mutating func warning(_ location: SourceLocation, _ message: String) {
    add(.warning(at: location, message))
  }

  private mutating func add(_ diagnostic: Diagnostic) {
    if seen.insert(diagnostic).inserted { items.append(diagnostic) }
  }

  /// Adds another set's findings after these, in its order.
  mutating func add(_ other: Findings) {
    for diagnostic in other.items { add(diagnostic) }
  }

  var count: Int { items.count }

  var hasErrors: Bool { items.contains { $0.severity == .error } }

  var sorted: [Diagnostic] {
    items.enumerated().sorted { a, b in
      let (x, y) = (a.element.location, b.element.location)
      if x.file != y.file { return a.offset < b.offset }
      if x.line != y.line { return x.line < y.line }
      if x.column != y.column { return x.column < y.column }
      return a.offset < b.offset
    }.map(\.element)
  }
}

/// Reports the second and later uses of each id.
func duplicates(_ ids: [(String, SourceLocation)], what: String, _ findings: inout Findings) {
  var first: [String: SourceLocation] = [:]
  for (id, location) in ids {
    if let earlier = first[id] {
      findings.error(
        location,
        "duplicate \(what) id '\(id)'; the first is at line \(earlier.line)\(earlier.file == location.file ? "" : " of \(earlier.file)")"
      )
    } else {
      first[id] = location
    }
  }
}
