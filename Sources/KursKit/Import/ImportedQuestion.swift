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

extension ImportedQuestion {
  /// Every text of the question.
  var texts: [SourceText] {
    var result = [prompt] + hints
    if let generalFeedback { result.append(generalFeedback) }
    switch answers {
    case .single(let choices), .multiple(let choices):
      for choice in choices {
        result.append(choice.text)
        if let feedback = choice.feedback { result.append(feedback) }
      }
    case .trueFalse(_, let feedbackTrue, let feedbackFalse):
      result += [feedbackTrue, feedbackFalse].compactMap { $0 }
    case .matching(let pairs):
      for pair in pairs { result += [pair.left, pair.right] }
    case .ordering(let items):
      result += items
    }
    return result
  }
}
