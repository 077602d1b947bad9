import Foundation
import Testing

@testable import KursKit

/// Issue 19.3: the report a host reads in her own language, with whole labels, dates for people
/// and wrong answers in words.
extension CohortTests {
  @Test func everyReportStringIsInEveryLanguageTheReportSpeaks() {
    for key in ReportText.Key.allCases {
      for language in ReportText.languages {
        #expect(ReportText.has(key, in: language), "\(key) has no \(language)")
      }
    }
  }

  @Test func aRussianReportHasRussianWordsSVGLabelsAndLangAttribute() throws {
    let report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "ru")
    let html = report.html(language: "ru")
    #expect(html.contains(#"<html xmlns="http://www.w3.org/1999/xhtml" lang="ru">"#))
    for russian in [
      "Участники", "Воронка прохождения", "Распределение баллов по модулям",
      "Вопросы: сначала самые трудные", "начали курс", "Проходной балл",
    ] {
      #expect(html.contains(russian), "missing \(russian)")
    }
    // The SVG's own labels too: its title and the band labels.
    #expect(html.contains("<title>Воронка прохождения</title>"))
    #expect(html.contains("баллов"))
    for english in [
      "Learners", "Completion funnel", "Score distribution", "Questions, hardest first",
      "Pass mark", " points<", ">started<", "Last activity",
    ] {
      #expect(!html.contains(english), "English left: \(english)")
    }
    let text = report.text(language: "ru")
    #expect(text.contains("Участник") && text.contains("прохождение: начали курс 3"))
    #expect(!text.contains("learner"))
  }

  @Test func longFunnelLabelsWrapWholeInsteadOfBeingClipped() {
    let title = "Распознать полицейское насилие и понять свои права"
    let svg = CohortReport.barChart(title: "t", bars: [(title, 3), ("короткая", 1)])
    let spans = svg.components(separatedBy: "<tspan").dropFirst().map { part -> String in
      let start = part.index(after: part.firstIndex(of: ">")!)
      return String(part[start..<part.range(of: "</tspan>")!.lowerBound])
    }
    #expect(spans.count == 4, "three lines for the long label, one for the short: \(spans)")
    #expect(spans.prefix(3).joined(separator: " ") == title)
    #expect(spans.allSatisfy { TextLayout.width(of: $0) <= 26 })
    #expect(
      CohortReport.wrapLabel(String(repeating: "ж", count: 60), width: 26).map(\.count) == [
        26, 26, 8,
      ])
  }

  @Test func timesAreWrittenForPeopleInTheHostsTimeZone() throws {
    let utc = TimeZone(secondsFromGMT: 0)!
    #expect(
      ReportText.date("2026-12-04T07:38:45.123Z", "en", timeZone: utc) == "4 Dec 2026, 07:38 UTC")
    #expect(
      ReportText.date("2026-12-04T07:38:45Z", "ru", timeZone: utc) == "4 дек. 2026, 07:38 UTC")
    #expect(
      ReportText.date("2026-12-04T22:38:45Z", "uk", timeZone: TimeZone(secondsFromGMT: 5 * 3600)!)
        == "5 груд. 2026, 03:38 UTC+5")
    #expect(
      ReportText.date(
        "2026-12-04T07:38:45Z", "en", timeZone: TimeZone(secondsFromGMT: -(3 * 3600 + 1800))!)
        == "4 Dec 2026, 04:08 UTC-3:30")
    #expect(ReportText.date("yesterday", "en", timeZone: utc) == "yesterday")

    let report = CohortReport(
      cohort: cohort, course: course, members: try members(), language: "en")
    let html = report.html(language: "en", timeZone: utc)
    let raw = try #require(report.learners.first?.lastActivity)
    #expect(html.contains(#"<time datetime="\#(raw)">"#))
    #expect(
      html.components(separatedBy: raw).count - 1 == 1,
      "the ISO text only in the datetime attribute")
    #expect(report.text(timeZone: utc).contains("14 Nov 2023, 22:13 UTC"))
  }

  @Test func wrongOrderingAndMatchingAnswersAreShownInWords() throws {
    let practice = try #require(course.module("practice"))
    guard case .question(let order) = try #require(practice.node("order")).kind,
      case .question(let match) = try #require(practice.node("match")).kind
    else {
      Issue.record("the example course changed")
      return
    }
    let text: (LocalizedText, String) -> String = { $0.resolve("en", fallback: "en")?.plain ?? $1 }
    #expect(
      CohortReport.describe("complain>write>copies", question: order, text: text)
        == "File the complaint → Write down what happened → Keep copies of documents")
    #expect(
      CohortReport.describe(
        "ombudsperson=prosecutor;prosecutor=ombudsperson", question: match, text: text)
        == "Ombudsperson → Can open a criminal case; Prosecutor → Looks into human rights complaints"
    )
  }

  @Test func theMostCommonWrongAnswerCountsLearnersNotTries() throws {
    // Dan gives "run" twice; Bea once: two learners, three answers.
    let dan = try statements(
      "d",
      [.startModule("basics"), .proceed, .answer(.choices(["run"])), .answer(.choices(["run"]))])
    let report = CohortReport(
      cohort: cohort, course: course, members: try members() + [("Dan", dan)], language: "en")
    let stop = try #require(report.items.first { $0.question == "stop" })
    #expect(stop.commonWrongAnswer == "Run away.")
    #expect(stop.commonWrongCount == 2)
    #expect(report.html().contains("Most common wrong answer (learners who gave it)"))
    #expect(report.text().contains("(learners who gave it: 2)"))
  }
}
