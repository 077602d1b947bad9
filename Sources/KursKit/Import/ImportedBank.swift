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
