import Foundation

/// Moodle's answer fractions (GIFT's `=` and `%50%`) made into Kurs's correct and wrong
/// choices, saying where Kurs scores differently.
///
/// Kurs has no per-choice weights. A single-choice question has exactly one correct choice. A
/// multiple-choice question gives each of its n correct choices 1/n of the points and takes 1/n
/// off for each wrong choice chosen (never below 0): Moodle fractions of +100/n and -100/n
/// carry over exactly; any others are noted.
struct ChoiceFractions {
  /// Fractions in percent, one per choice (100 is full credit; may be negative).
  var fractions: [Double]

  /// The choices with `correct` set, or `nil` (and a note) when the question cannot be written.
  func answers(_ choices: [ImportedQuestion.Choice], single: Bool, notes: inout [String])
    -> ImportedQuestion.Answers?
  {
    guard choices.count >= 2 else {
      notes.append("not carried over: a choice question needs at least two answers")
      return nil
    }
    var result = choices
    let labels = choices.map { Self.label($0.text) }
    if single {
      let full = fractions.indices.filter { fractions[$0] >= 99.5 }
      let best = fractions.indices.max { fractions[$0] < fractions[$1] }
      guard let chosen = full.first ?? best, fractions[chosen] > 0 else {
        notes.append("not carried over: no answer gives any credit")
        return nil
      }
      if full.isEmpty {
        notes.append(
          "no answer gives full credit; \(labels[chosen]) (\(Self.percent(fractions[chosen]))) is written as the correct one"
        )
      }
      result[chosen].correct = true
      let alsoFull = full.dropFirst().map { labels[$0] }
      if !alsoFull.isEmpty {
        notes.append(
          "\(alsoFull.joined(separator: ", ")) also \(alsoFull.count == 1 ? "gives" : "give") full credit in Moodle; a Kurs single-choice question has one correct answer: written as wrong"
        )
      }
      let partial = fractions.indices.filter {
        $0 != chosen && fractions[$0] > 0 && fractions[$0] < 99.5
      }
      if !partial.isEmpty {
        notes.append(
          "partial credit is not carried over (\(partial.map { "\(labels[$0]) \(Self.percent(fractions[$0]))" }.joined(separator: ", "))): Kurs gives no partial credit for a single choice; written as wrong"
        )
      }
      let negative = fractions.indices.filter { fractions[$0] < 0 }
      if !negative.isEmpty {
        notes.append(
          "negative fractions are not carried over (\(negative.map { "\(labels[$0]) \(Self.percent(fractions[$0]))" }.joined(separator: ", "))): Kurs takes nothing off for a wrong single choice"
        )
      }
      return .single(result)
    }
    let correct = fractions.indices.filter { fractions[$0] > 0 }
    guard !correct.isEmpty else {
      notes.append("not carried over: no answer gives any credit")
      return nil
    }
    for index in correct { result[index].correct = true }
    let share = 100 / Double(correct.count)
    let exact = fractions.allSatisfy { abs($0 - ($0 > 0 ? share : -share)) < 0.5 }
    if !exact {
      notes.append(
        "fractions \(fractions.map(Self.percent).joined(separator: ", ")) are scored the Kurs way: each of the \(correct.count) correct answers earns 1/\(correct.count) of the points and each wrong answer chosen takes 1/\(correct.count) off (at least 0)"
      )
    }
    return .multiple(result)
  }

  /// `50%`, `-33.3%`.
  static func percent(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1_000_000 else { return "\(value)%" }
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(rounded))%" : "\(rounded)%"
  }

  /// An answer as the report names it: its text, shortened, in quotes.
  static func label(_ text: SourceText) -> String {
    let plain: String
    switch text.format {
    case .html: plain = HTMLText(html: text.raw).plainText
    case .plain, .markdown: plain = HTMLText(plain: text.raw).plainText
    }
    let short = plain.count > 40 ? String(plain.prefix(39)) + "…" : plain
    return "'\(short)'"
  }
}
