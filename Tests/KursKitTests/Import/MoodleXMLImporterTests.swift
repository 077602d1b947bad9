import Foundation
import Testing

@testable import KursKit

/// Moodle XML: each fixture mirrors one of Moodle's public format fixtures (see its header).
@Suite struct MoodleXMLImporterTests {
  @Test func singleChoiceKeepsTheFullCreditAnswerAndNotesPartialAndNegativeFractions() throws {
    let reading = try ImportFixtures.read("moodle-multichoice.xml", .moodle)
    let question = try #require(reading.questions.first)
    #expect(question.name == "Search reason")
    guard case .single(let choices) = question.answers else {
      Issue.record("expected a single-choice question")
      return
    }
    #expect(choices.map(\.correct) == [true, false, false, false])
    #expect(choices[0].feedback?.raw == "<p>Right: the reason comes <b>first</b>.</p>")
    #expect(choices[3].feedback == nil, "an empty feedback is no feedback")
    #expect(question.generalFeedback?.raw == "<p>A lawful reason, said <em>out loud</em>.</p>")
    #expect(question.shuffle)
    #expect(
      reading.lines.contains(
        "moodle-multichoice.xml:15: question 'Search reason': partial credit is not carried over ('Their badge number' 50%): Kurs gives no partial credit for a single choice; written as wrong"
      ))
    #expect(
      reading.lines.contains(
        "moodle-multichoice.xml:15: question 'Search reason': negative fractions are not carried over ('A fine' -25%): Kurs takes nothing off for a wrong single choice"
      ))
  }

  @Test func multipleChoiceWithKursFractionsCarriesOverWithoutANote() throws {
    let reading = try ImportFixtures.read("moodle-multichoice.xml", .moodle)
    let question = try #require(reading.questions.last)
    guard case .multiple(let choices) = question.answers else {
      Issue.record("expected a multiple-choice question")
      return
    }
    #expect(choices.map(\.correct) == [true, true, false, false])
    #expect(question.points == 2)
    #expect(question.penalty == 0.5)
    #expect(question.hints.map(\.raw) == ["Think of what a lawyer would ask."])
    #expect(
      !reading.lines.contains {
        $0.contains("'Write down after a search'") && $0.contains("fractions")
      },
      "+50/+50/-50/-50 is exactly how Kurs scores")
  }

  @Test func fractionsKursCannotExpressAreNamed() throws {
    let reading = try ImportFixtures.read("moodle-invalid-grades.xml", .moodle)
    let question = try #require(reading.questions.first)
    #expect(question.name == "Question with odd grades : x > 1 & x < 2")
    #expect(
      reading.lines == [
        "moodle-invalid-grades.xml:8: question 'Question with odd grades : x > 1 & x < 2': fractions -50%, 33%, 33.3%, -50%, 33.3% are scored the Kurs way: each of the 3 correct answers earns 1/3 of the points and each wrong answer chosen takes 1/3 off (at least 0)"
      ])
  }

  @Test func trueFalseKeepsTheRightAnswerAndBothFeedbacks() throws {
    let reading = try ImportFixtures.read("moodle-truefalse.xml", .moodle)
    let question = try #require(reading.questions.first)
    guard case .trueFalse(let correct, let feedbackTrue, let feedbackFalse) = question.answers
    else {
      Issue.record("expected a true/false question")
      return
    }
    #expect(correct == false)
    #expect(feedbackTrue?.raw.contains("Not so: a search needs a reason.") == true)
    #expect(feedbackFalse?.raw == "<p>Right: a search needs a reason.</p>")
  }

  @Test func categoriesBecomeModulesAndEssaysAreReportedWhereTheyAre() throws {
    let reading = try ImportFixtures.read("moodle-categories.xml", .moodle)
    #expect(
      reading.bank.categories.map(\.path) == ["$course$/Rights", "$course$/Rights/Detention"])
    #expect(
      reading.bank.categories.map { $0.questions.map(\.name) } == [
        ["Rights question"], ["Detention question"],
      ])
    #expect(
      reading.lines == [
        "moodle-categories.xml:58: question 'Detention essay': not carried over: essay (free text marked by a person) has no Kurs kind"
      ])
  }

  @Test func clozeIsReportedAndNothingIsLeft() throws {
    let reading = try ImportFixtures.read("moodle-cloze.xml", .moodle)
    #expect(reading.questionCount == 0)
    #expect(
      reading.lines == [
        "moodle-cloze.xml:15: question 'cloze with images': not carried over: cloze (embedded answers) has no Kurs kind; split it into single-choice questions"
      ])
  }

  @Test func orderingItemsAreSortedByTheirPlace() throws {
    let reading = try ImportFixtures.read("moodle-ordering.xml", .moodle)
    let question = try #require(reading.questions.first)
    guard case .ordering(let items) = question.answers else {
      Issue.record("expected an ordering question")
      return
    }
    #expect(
      items.map(\.raw) == [
        "Write down what happened", "Ask for the search record", "Call a lawyer",
      ])
    #expect(question.points == 3)
    #expect(question.hints.count == 2)
    #expect(reading.notes.isEmpty)
  }

  @Test func matchingDropsExtraWrongAnswersWithANoteAndShortAnswerIsReported() throws {
    let reading = try ImportFixtures.read("moodle-multilang.xml", .moodle)
    let question = try #require(reading.questions.first)
    guard case .matching(let pairs) = question.answers else {
      Issue.record("expected a matching question")
      return
    }
    #expect(pairs.map(\.right.raw) == ["Police", "Clinic"])
    #expect(
      reading.lines == [
        "moodle-multilang.xml:11: question 'Who keeps what': extra wrong answers 'Nobody' are not carried over: a Kurs matching offers only the right sides of its pairs",
        "moodle-multilang.xml:61: question 'Name the office': not carried over: short answer (typed text) has no Kurs kind",
      ])
  }

  @Test func aFileThatIsNotAQuestionBankIsRefusedAtItsRoot() throws {
    #expect(
      throws: ImportError.malformed(
        SourceLocation(file: "notquiz.xml", line: 2, column: 1),
        "the root element is <course>; a Moodle XML question bank starts with <quiz> (export it from the question bank as 'Moodle XML format')"
      )
    ) {
      _ = try MoodleXMLImporter(displayPath: "notquiz.xml").read(
        Array("<?xml version=\"1.0\"?>\n<course/>\n".utf8))
    }
  }

  @Test func aFractionThatIsNotANumberDropsTheQuestionWithANote() throws {
    let xml = """
      <quiz>
        <question type="multichoice">
          <name><text>Broken</text></name>
          <questiontext><text>Which?</text></questiontext>
          <answer fraction="lots"><text>a</text></answer>
          <answer fraction="0"><text>b</text></answer>
        </question>
      </quiz>
      """
    let reading = try importBank(xml, .moodle, name: "broken.xml")
    #expect(reading.questionCount == 0)
    #expect(
      reading.lines == [
        "broken.xml:2: question 'Broken': not carried over: line 5 has fraction \"lots\", which is not a number"
      ])
  }
}
