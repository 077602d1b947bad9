import Foundation
import Testing

@testable import KursKit

/// One rule for names: what a profile accepts, the certificate accepts.
@Suite struct LearnerNameTests {
  /// Names as people write them: a Persian name with a zero-width non-joiner, a Hindi conjunct
  /// with a zero-width joiner, an emoji family, a right-to-left mark, a Russian name.
  static let realNames = [
    "نرگس\u{200C}خانم", "क्\u{200D}षमा", "👨\u{200D}👩\u{200D}👧", "\u{200F}سارا", "Светлана",
    "Mary-Ann O'Neil",
  ]

  @Test(arguments: realNames)
  func aRealNameIsAcceptedByTheProfileAndByTheCertificate(_ name: String) throws {
    #expect(LearnerName.problem(name) == nil)
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let profile = try LearnerStore(root: folder).create(name: name)
    #expect(profile.name == name)
    let course = try CertificateFixtures.example()
    let credential = try CertificateIssuer.issue(
      course: course, learnerID: CertificateFixtures.learnerID, learnerName: profile.name,
      transcript: try CertificateFixtures.passingTranscript(course), date: CertificateFixtures.date)
    #expect(credential.learnerName == name)
  }

  @Test(arguments: [
    "a\u{0}b", "tab\there", "bell\u{7}", "c1\u{85}x", "evil\u{202E}gpj.exe", "iso\u{2066}late",
    "line\u{2028}break",
  ])
  func controlCharactersAndOverridesAreRefusedWhenTheProfileIsMade(_ name: String) throws {
    #expect(LearnerName.problem(name) != nil)
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect {
      _ = try LearnerStore(root: folder).create(name: name)
    } throws: { error in
      guard let error = error as? StoreError else { return false }
      return error.text("en").contains("cannot contain control characters")
        && error.text("en").contains("U+")
    }
  }

  @Test func theRefusalNamesTheCharacterAndWhereItIs() {
    #expect(LearnerName.problem("ab\u{0}c") == .forbidden(codePoint: "U+0000", position: 3))
    #expect(LearnerName.problem(String(repeating: "я", count: 81)) == .tooLong(81))
    #expect(LearnerName.problem("   ") == .empty)
  }
}
