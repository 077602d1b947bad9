/// A course's identity: a SHA-256 over what the course *is* (its ids, texts, scoring, branches,
/// completion rule and the shared material it uses), never over where or how its files lie.
///
/// Two copies of a course have the same identity when a learner would meet the same course in
/// both: the folder on one computer and a byte-identical copy elsewhere; the folder and the one
/// file `kurs pack` makes of it; a module kept in its own file or written inline. Source
/// locations, file names, XML formatting and comments do not count. Certificates, exports and
/// xAPI statements carry this digest (`Course.digest`), so they verify on any computer that has
/// the course.
///
/// The encoding is Kurs's own and stable: every value is written with a one-byte tag, strings
/// and lists with their length, dictionaries in key order. Changing it changes every course's
/// identity, so it carries a version (`identityVersion`). `CourseIdentityTests` fails when a
/// model type gains a stored property that is neither written here nor listed as a location.
extension Course {
  /// The version of the encoding, written first.
  public static let identityVersion = "kurs-course-identity-2"

  /// SHA-256 (hex) over the canonical encoding of the course.
  public func identityDigest() -> String {
    var writer = IdentityWriter()
    writer.string(Self.identityVersion)
    writer.write(self)
    var digest = SHA256Digest()
    digest.update(writer.bytes)
    return digest.hexDigest()
  }
}

/// Writes model values in the identity encoding. Locations are never written.
struct IdentityWriter {
  private(set) var bytes: [UInt8] = []

  private enum Tag: UInt8 {
    case string = 1
    case int, bool, none, some, list, record, variant
  }

  private mutating func tag(_ tag: Tag) { bytes.append(tag.rawValue) }

  private mutating func length(_ count: Int) { word(UInt64(count)) }

  /// Eight bytes, little-endian.
  private mutating func word(_ number: UInt64) {
    var value = number
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: value))
      value >>= 8
    }
  }

  mutating func string(_ value: String) {
    tag(.string)
    let utf8 = value.utf8
    length(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  mutating func int(_ value: Int) {
    tag(.int)
    word(UInt64(bitPattern: Int64(value)))
  }

  mutating func bool(_ value: Bool) {
    tag(.bool)
    bytes.append(value ? 1 : 0)
  }

  mutating func optional<T>(_ value: T?, _ write: (inout IdentityWriter, T) -> Void) {
    guard let value else {
      tag(.none)
      return
    }
    tag(.some)
    write(&self, value)
  }

  mutating func list<T>(_ values: [T], _ write: (inout IdentityWriter, T) -> Void) {
    tag(.list)
    length(values.count)
    for value in values { write(&self, value) }
  }

  /// A named record: the name, then its fields as the closure writes them.
  mutating func record(_ name: String, _ fields: (inout IdentityWriter) -> Void) {
    tag(.record)
    string(name)
    fields(&self)
  }

  /// One case of a closed set: its name, then its values.
  mutating func variant(_ name: String, _ values: (inout IdentityWriter) -> Void = { _ in }) {
    tag(.variant)
    string(name)
    values(&self)
  }

  // MARK: The model

  mutating func write(_ course: Course) {
    record("course") { w in
      w.string(course.id)
      w.string(course.version)
      w.list(course.languages) { $0.string($1) }
      w.string(course.defaultLanguage)
      w.write(course.title)
      w.write(course.description)
      w.write(course.audience)
      w.write(course.contentNote)
      w.record("completion") { w in
        w.optional(course.completion.modules) { w, modules in w.list(modules) { $0.string($1) } }
        w.optional(course.completion.minimumScore) { $0.int($1) }
      }
      w.list(course.libraries) { $0.write($1) }
      w.list(course.modules) { $0.write($1) }
    }
  }

  mutating func write(_ library: ContentLibrary) {
    record("library") { w in
      w.string(library.id)
      w.string(library.href)
      w.write(library.title)
      w.list(library.terms) { w, term in
        w.record("term") { w in
          w.string(term.id)
          w.write(term.name)
          w.write(term.definition)
        }
      }
      w.list(library.blocks) { w, block in
        w.record("block") { w in
          w.string(block.id)
          w.write(block.title)
          w.write(block.body)
        }
      }
      w.list(library.resources) { w, resource in
        w.record("resource") { w in
          w.string(resource.id)
          w.string(resource.kind)
          w.write(resource.name)
          w.write(resource.description)
          w.list(resource.contacts) { w, contact in
            w.record("contact") { w in
              w.string(contact.kind)
              w.write(contact.text)
              w.optional(contact.language) { $0.string($1) }
              // Written only when given, so that the digest of a course without checked dates
              // stays what it was.
              if let checked = contact.checked { w.variant("checked") { $0.string(checked) } }
            }
          }
        }
      }
    }
  }

  mutating func write(_ module: Module) {
    record("module") { w in
      w.string(module.id)
      w.write(module.title)
      w.list(module.objectives) { $0.write($1) }
      w.write(module.contentNote)
      w.string(module.start)
      switch module.passMark {
      case .points(let points): w.variant("points") { $0.int(points) }
      case .percent(let percent): w.variant("percent") { $0.int(percent) }
      }
      w.list(module.requires) { $0.string($1) }
      w.bool(module.allowBack)
      w.optional(module.retakeBelow) { $0.string($1) }
      w.list(module.nodes) { $0.write($1) }
      // Written only when present, so that adding knowledge tests to the format left the
      // identity of every course without one as it was.
      switch module.test {
      case nil: break
      case .pre: w.variant("pre-test")
      case .post(let preTest): w.variant("post-test") { $0.string(preTest) }
      }
    }
  }

  mutating func write(_ node: Node) {
    record("node") { w in
      w.string(node.id)
      switch node.kind {
      case .page(let page):
        w.variant("page") { w in
          w.write(page.title)
          w.write(page.body)
          w.optional(page.next) { $0.string($1) }
          w.optional(page.back) { $0.bool($1) }
        }
      case .question(let question):
        w.variant("question") { $0.write(question) }
      case .branch(let branch):
        w.variant("branch") { w in
          w.list(branch.routes) { w, route in
            w.record("route") { w in
              w.write(route.condition)
              w.string(route.target)
            }
          }
          w.optional(branch.otherwise) { $0.string($1) }
        }
      case .end(let end):
        w.variant("end") { w in
          w.string(end.outcome.rawValue)
          w.write(end.title)
          w.write(end.body)
        }
      }
      w.list(node.effects) { $0.write($1) }
    }
  }

  mutating func write(_ question: Question) {
    record("question") { w in
      w.string(question.kind.rawValue)
      w.int(question.points)
      w.int(question.attempts)
      w.int(question.penalty)
      w.bool(question.shuffle)
      w.string(question.scoring.rawValue)
      w.optional(question.next) { $0.string($1) }
      w.optional(question.back) { $0.bool($1) }
      w.write(question.title)
      w.write(question.body)
      w.write(question.prompt)
      w.list(question.choices) { w, choice in
        w.record("choice") { w in
          w.string(choice.id)
          w.bool(choice.isCorrect)
          w.optional(choice.goto) { $0.string($1) }
          w.write(choice.text)
          w.write(choice.feedback)
          w.list(choice.effects) { $0.write($1) }
        }
      }
      w.list(question.items) { w, item in
        w.record("item") { w in
          w.string(item.id)
          w.write(item.text)
        }
      }
      w.list(question.pairs) { w, pair in
        w.record("pair") { w in
          w.string(pair.id)
          w.write(pair.left)
          w.write(pair.right)
        }
      }
      w.list(question.hints) { $0.write($1) }
      w.write(question.feedback)
    }
  }

  mutating func write(_ effect: Effect) {
    switch effect {
    case .setFlag(let name, let value):
      variant("set-flag") { w in
        w.string(name)
        w.bool(value)
      }
    case .addToCounter(let name, let amount):
      variant("add-to-counter") { w in
        w.string(name)
        w.int(amount)
      }
    }
  }

  mutating func write(_ condition: Condition) {
    switch condition {
    case .constant(let value): variant("constant") { $0.bool(value) }
    case .flag(let name): variant("flag") { $0.string(name) }
    case .not(let inner): variant("not") { $0.write(inner) }
    case .and(let left, let right):
      variant("and") { w in
        w.write(left)
        w.write(right)
      }
    case .or(let left, let right):
      variant("or") { w in
        w.write(left)
        w.write(right)
      }
    case .compare(let left, let comparison, let right):
      variant("compare") { w in
        w.write(left)
        w.string(comparison.rawValue)
        w.write(right)
      }
    }
  }

  mutating func write(_ value: Condition.Value) {
    switch value {
    case .number(let number): variant("number") { $0.int(number) }
    case .counter(let name): variant("counter") { $0.string(name) }
    case .visits(let node): variant("visits") { $0.string(node) }
    case .score: variant("score")
    case .percent: variant("percent")
    }
  }

  // MARK: Texts

  mutating func write(_ text: LocalizedText) {
    record("text") { w in
      let languages = text.variants.keys.sorted()
      w.list(languages) { w, language in
        w.string(language)
        w.write(text.variants[language] ?? InlineText(runs: []))
      }
    }
  }

  mutating func write(_ body: LocalizedBody) {
    record("body") { w in
      let languages = body.variants.keys.sorted()
      w.list(languages) { w, language in
        w.string(language)
        w.list(body.variants[language] ?? []) { $0.write($1) }
      }
    }
  }

  mutating func write(_ text: InlineText) {
    list(text.runs) { w, run in
      w.string(run.style.rawValue)
      w.string(run.text)
    }
  }

  mutating func write(_ block: Block) {
    switch block {
    case .paragraph(let text):
      variant("paragraph") { $0.write(text) }
    case .list(let ordered, let items):
      variant("list") { w in
        w.bool(ordered)
        w.list(items) { $0.write($1) }
      }
    case .quote(let speaker, let text):
      variant("quote") { w in
        w.optional(speaker) { $0.string($1) }
        w.write(text)
      }
    case .note(let kind, let title, let blocks):
      variant("note") { w in
        w.string(kind.rawValue)
        w.optional(title) { $0.string($1) }
        w.list(blocks) { $0.write($1) }
      }
    case .story(let title, let blocks):
      variant("story") { w in
        w.optional(title) { $0.string($1) }
        w.list(blocks) { $0.write($1) }
      }
    case .included(let title, let blocks):
      variant("included") { w in
        w.optional(title) { $0.write($1) }
        w.list(blocks) { $0.write($1) }
      }
    }
  }
}
