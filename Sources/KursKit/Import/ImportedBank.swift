/// A question bank read from Moodle XML or GIFT, before it is written as a Kurs course: the
/// questions that map, in their categories, with their texts still in the source's markup.
struct ImportedBank: Sendable, Equatable {
  /// A category of the source (Moodle `$course$/top/Safety`, GIFT `$CATEGORY:`): one module.
  struct Category: Sendable, Equatable {
    /// The category path as written, `nil` for questions before any category.
    var path: String?
    var questions: [ImportedQuestion] = []
  }

  var categories: [Category] = []
  /// What could not be carried over, in source order.
  var notes: [ImportNote] = []

  /// Adds `question` to the current (last) category.
  mutating func append(_ question: ImportedQuestion) {
    if categories.isEmpty { categories.append(Category(path: nil)) }
    categories[categories.count - 1].questions.append(question)
  }

  /// Starts a new category, unless the current one has the same path.
  mutating func startCategory(_ path: String) {
    if let last = categories.last, last.path == path { return }
    if let last = categories.last, last.questions.isEmpty {
      categories[categories.count - 1].path = path
      return
    }
    categories.append(Category(path: path))
  }

  /// The number of questions carried over.
  var questionCount: Int { categories.reduce(0) { $0 + $1.questions.count } }
}

/// A text of the source in its markup: Moodle HTML (also "moodle auto-format"), plain text or
/// Markdown, possibly holding multilang spans.
struct SourceText: Sendable, Equatable {
  enum Format: Sendable, Equatable {
    case html, plain, markdown
  }

  var raw: String
  var format: Format

  init(_ raw: String, format: Format = .html) {
    self.raw = raw
    self.format = format
  }

  var isBlank: Bool { raw.allSatisfy(\.isWhitespace) }
}

/// One question that maps to a Kurs question kind.
struct ImportedQuestion: Sendable, Equatable {
  struct Choice: Sendable, Equatable {
    var text: SourceText
    var correct: Bool
    var feedback: SourceText?
  }

  struct Pair: Sendable, Equatable {
    var left: SourceText
    var right: SourceText
  }

  enum Answers: Sendable, Equatable {
    case single([Choice])
    case multiple([Choice])
    /// `correct` is the right answer; feedback shown for each of the two.
    case trueFalse(correct: Bool, feedbackTrue: SourceText?, feedbackFalse: SourceText?)
    case matching([Pair])
    /// Items in the correct order.
    case ordering([SourceText])
  }

  /// The name the source gives the question (Moodle `<name>`, GIFT `::name::`).
  var name: String
  /// Where the question starts in the source.
  var location: SourceLocation
  var prompt: SourceText
  var answers: Answers
  var generalFeedback: SourceText?
  var hints: [SourceText] = []
  /// Points for a fully correct answer (Moodle default grade).
  var points: Int = 1
  /// Share of the points taken off per try after the first (Moodle penalty, 0 to 1).
  var penalty: Double = 0
  var shuffle: Bool = false
}

/// A line of the import report: a question or a feature that could not be carried over (or
/// not exactly), with where it is in the source.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
  /// The file and line of the question (column 1 unless known).
  public var location: SourceLocation
  /// The question's name, when the note is about one question.
  public var question: String?
  public var message: String

  public init(location: SourceLocation, question: String?, message: String) {
    self.location = location
    self.question = question
    self.message = message
  }

  /// `file:line: question 'name': message`.
  public var description: String {
    let place = "\(location.file):\(location.line)"
    guard let question else { return "\(place): \(message)" }
    return "\(place): question '\(question)': \(message)"
  }
}
