import Foundation
import Testing

@testable import KursKit

/// GIFT: the fixtures mirror Moodle's public questions.gift.txt and examples.txt.
@Suite struct GIFTImporterTests {
  @Test func everyKindIsReadOrReportedAtItsLine() throws {
    let reading = try ImportFixtures.read("gift-questions.txt", .gift)
    #expect(
      reading.questions.map(\.name) == [
        "Who does what", "Q2", "papers", "Q1", "2-08 TSL", "2-08 TSL",
      ])
    #expect(
      reading.lines == [
        "gift-questions.txt:8: question 'Q8': not carried over: essay (an empty answer block {}) has no Kurs kind",
        "gift-questions.txt:11: question 'Who does what': extra wrong answers 'Bank' are not carried over: a Kurs matching offers only the right sides of its pairs",
        "gift-questions.txt:28: question 'papers': fractions 50%, -100%, 50%, -100% are scored the Kurs way: each of the 2 correct answers earns 1/2 of the points and each wrong answer chosen takes 1/2 off (at least 0)",
        "gift-questions.txt:37: question 'Q5': not carried over: numerical (a typed number) has no Kurs kind",
        "gift-questions.txt:40: question 'Shortanswer': not carried over: short answer (typed text) has no Kurs kind",
      ])
  }

  @Test func choicesKeepTheirFeedbackAndFormat() throws {
    let reading = try ImportFixtures.read("gift-questions.txt", .gift)
    guard case .single(let choices) = reading.questions[1].answers else {
      Issue.record("expected a single-choice question")
      return
    }
    #expect(choices.map(\.text.raw) == ["Ask for the reason", "Run", "Argue"])
    #expect(choices.map(\.correct) == [true, false, false])
    #expect(
      choices.map { $0.feedback?.raw } == [
        "right; good!", "a <em>risky</em> choice", "it rarely helps",
      ])
    #expect(choices[2].text.format == .plain)
  }

  @Test func trueFalseFeedbackGoesToTheRightAnswerAndGeneralFeedbackIsKept() throws {
    let reading = try ImportFixtures.read("gift-questions.txt", .gift)
    let question = reading.questions[3]
    #expect(
      question.answers
        == .trueFalse(
          correct: false, feedbackTrue: SourceText("A record is needed."),
          feedbackFalse: SourceText("You gave the right answer.")))
    #expect(question.generalFeedback?.raw == "Ask for a record of anything taken.")
    #expect(
      reading.questions[4].answers
        == .trueFalse(correct: true, feedbackTrue: nil, feedbackFalse: nil))
  }

  @Test func missingWordEscapesAndCategories() throws {
    let reading = try ImportFixtures.read("gift-examples.txt", .gift)
    #expect(
      reading.bank.categories.map(\.path) == ["$course$/top/Basics", "$course$/top/Advanced"])
    let prompts = reading.questions.map(\.prompt.raw)
    #expect(prompts[1] == "A search needs a _____ before it starts.")
    #expect(prompts[2].hasSuffix("in _____."))
    guard case .single(let choices) = reading.questions[3].answers else {
      Issue.record("expected a single-choice question")
      return
    }
    #expect(prompts[3] == "Which answer is = 5?")
    #expect(choices.map(\.text.raw) == ["= 2 + 2", "= 2 + 3", "{ 2 + 4 }"])
    #expect(choices[1].feedback?.raw == "right: 5")
    #expect(
      reading.lines == [
        "gift-examples.txt:24: question 'Hometown': partial credit is not carried over ('the city' 25%): Kurs gives no partial credit for a single choice; written as wrong"
      ])
  }

  @Test func anAnswerBlockNeverClosedIsRefusedWhereItOpens() {
    #expect(
      throws: ImportError.malformed(
        SourceLocation(file: "bank.txt", line: 2, column: 17),
        "the answer block opened here is never closed; add '}' (or write \\{ for a brace in the text)"
      )
    ) {
      _ = try GIFTImporter(displayPath: "bank.txt").read(
        "// comment\n::Q1:: Unclosed {\n =a\n ~b\n\n::Q2:: Fine {T}\n")
    }
  }

  @Test func aStrayClosingBraceAndAnUnclosedNameAreRefused() {
    #expect(
      throws: ImportError.malformed(
        SourceLocation(file: "bank.txt", line: 1, column: 14),
        "'}' closes an answer block that was never opened; write \\} for a brace in the text"
      )
    ) {
      _ = try GIFTImporter(displayPath: "bank.txt").read("::Q1:: stray } brace {T}\n")
    }
    #expect(
      throws: ImportError.malformed(
        SourceLocation(file: "bank.txt", line: 3, column: 1),
        "the question name opened with '::' is never closed; write ::name:: before the question text"
      )
    ) {
      _ = try GIFTImporter(displayPath: "bank.txt").read("Fine {T}\n\n::Q2 never closed {T}\n")
    }
  }

  @Test func aDescriptionIsReported() throws {
    let reading = try importBank("::Intro:: Read this first.\n\n::Q:: Sure? {T}\n", .gift)
    #expect(reading.questionCount == 1)
    #expect(
      reading.lines == [
        "bank.txt:1: question 'Intro': not carried over: a description (text without answers) is not a question; put it on a page (<page>)"
      ])
  }
}
