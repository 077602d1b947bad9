import Foundation
import Testing

/// Issue 18 ("Marina's story, second edition"): what a trainer reading the course and its shared
/// content would check, finding by finding. The endings and the question review are tested in
/// RunnerPathTests, ItemReviewCommandTests and AuthoringCommandsTests.
@Suite struct MarinaSecondEditionTests {
  private func text(_ path: String) throws -> String {
    try String(contentsOf: KursProcess.repository.appendingPathComponent(path), encoding: .utf8)
  }
  private var modules: [String] { ["recognise", "evidence", "justice"].map { "Courses/marina/modules/\($0).xml" } }

  /// Finding 2: the platform decision is read, and changes the ending.
  @Test func platformFlagsAreRead() throws {
    let evidence = try text("Courses/marina/modules/evidence.xml")
    #expect(evidence.contains("test=\"flag(platform-wait)\""))
    #expect(evidence.contains("test=\"flag(platform-consent)\""))
  }

  /// Finding 3: what Marina does in the closed room is her decision, not a scored question.
  @Test func survivalInTheRoomIsNotScored() throws {
    let recognise = try text("Courses/marina/modules/recognise.xml")
    #expect(recognise.contains("<question id=\"q-in-room\" kind=\"single\" points=\"0\""))
  }

  /// Finding 4: the organisations from the campaign documents are in a titled, dated block, and
  /// learners read that a copy without checked contacts has not been localised.
  @Test func datedOrganisationsAreMarkedForLearners() throws {
    let help = try text("Content/help-resources.xml")
    #expect(help.contains("Organisations named in the campaign documents, 2013-2021: they may no longer"))
    #expect(help.contains("Организации, названные в документах кампании 2013–2021 годов"))
    #expect(help.contains("this copy of the course has not been\n      localised yet"))
    #expect(help.contains("эта копия курса ещё не адаптирована"))
    let dated = try #require(help.components(separatedBy: "<resource id=\"campaign-organisations\"").last)
    #expect(!dated.contains("kind=\"legal-aid\"") && !dated.contains("kind=\"crisis\""))
  }

  /// Finding 5: the 2021 webinar's lead organisation, one wording for where the complaint went.
  @Test func factsFollowTheSources() throws {
    for path in ["Courses/marina/modules/recognise.xml", "Courses/marina/modules/evidence.xml"] {
      let module = try text(path)
      #expect(module.contains("Alliance for Public Health"), "\(path)")
      #expect(module.contains("Альянс общественного здоровья"), "\(path)")
      #expect(!module.contains("facilitated by\n          the Eurasian Harm Reduction Association"), "\(path)")
    }
    for path in modules + ["Content/help-resources.xml"] {
      let file = try text(path)
      #expect(!file.contains("metro police,") && !file.contains("central office of the metro police"), "\(path)")
      #expect(!file.contains("управление полиции метрополитена"), "\(path)")
    }
    #expect(try text("Courses/marina/modules/justice.xml").contains("(2014-2016)"))
  }

  /// Finding 6: teaching the sources carry, in both languages.
  @Test func sourcesTeachingIsThere() throws {
    let recognise = try text("Courses/marina/modules/recognise.xml")
    #expect(recognise.contains("syringes or condoms") && recognise.contains("шприцы"))
    #expect(recognise.contains("shelters") && recognise.contains("приютов"))
    #expect(recognise.contains("What happens next for Sveta") && recognise.contains("Что дальше со Светой"))
    let justice = try text("Courses/marina/modules/justice.xml")
    #expect(justice.contains("121 people") && justice.contains("121 человека"))
  }

  /// Finding 7: the Russian terminology.
  @Test func russianTerms() throws {
    for path in modules + ["Content/help-resources.xml", "Content/glossary.xml"] {
      let file = try text(path)
      #expect(!file.contains("в моменте") && !file.contains("В моменте"), "\(path)")
      #expect(!file.contains("клиника ЗПТ") && !file.contains("клинике ЗПТ"), "\(path)")
      #expect(!file.contains("нагрудн") && !file.contains("весит меньше"), "\(path)")
      #expect(!file.contains("(брифинг"), "\(path)")
    }
    let glossary = try text("Content/glossary.xml")
    #expect(glossary.contains("<term id=\"ost-local-names\">") && glossary.contains("ОЗТ"))
  }
}
