import Foundation
import Testing

@testable import KursKit

/// Each kind of edit to a certificate is found and named.
@Suite struct CertificateVerifierTests {
  let credential: Credential
  let course: Course

  init() throws {
    (credential, course) = try CertificateFixtures.exampleCredential()
  }

  func problems(_ edit: (inout Credential) -> Void) -> [CertificateProblem] {
    var edited = credential
    edit(&edited)
    return CertificateVerifier.verify(edited, against: course)
  }

  @Test func anIssuedCertificateIsValid() {
    #expect(CertificateVerifier.verify(credential, against: course) == [])
  }

  @Test func aRussianCertificateIsValid() throws {
    let (russian, course) = try CertificateFixtures.exampleCredential(name: "Света", language: "ru")
    #expect(CertificateVerifier.verify(russian, against: course) == [])
  }

  @Test func anEditedNameIsNamed() {
    let found = problems { $0.credentialSubject.identifier = [.name("Someone Else")] }
    #expect(found.map(\.field) == [.name])
    #expect(
      found.first?.message
        == "the learner's name 'Someone Else' was changed after the certificate was issued: it does not match its digest"
    )
  }

  @Test func anEditedDateIsNamed() {
    let found = problems { $0.validFrom = "2025-01-01T10:00:00Z" }
    #expect(found.map(\.field) == [.date])
    #expect(found.first?.message.hasPrefix("the date '2025-01-01T10:00:00Z' was changed") == true)
  }

  @Test func anEditedLearnerIDIsNamed() {
    let found = problems {
      $0.credentialSubject.id = "urn:uuid:11111111-2222-3333-4444-555555555555"
    }
    #expect(found.map(\.field).contains(.learner))
  }

  @Test func anEditedModuleScoreNamesTheModuleAndBothValues() {
    let found = problems { $0.kurs.modules[1].score = 99 }
    #expect(found.map(\.field).allSatisfy { $0 == .scores })
    #expect(
      found.map(\.message).contains(
        "the module scores were changed after the certificate was issued: they do not match their digest"
      ))
    #expect(
      found.map(\.message).contains(
        "module 'practice': the certificate claims 99 points, the answers in the transcript earn 5")
    )
  }

  @Test func anEditedScoreWithARecomputedDigestIsStillCaughtByTheReplay() {
    let found = problems { credential in
      credential.kurs.modules[0].score = 1
      credential.kurs.digests = CertificateIssuer.digests(of: credential)
    }
    #expect(
      found.map(\.message) == [
        "module 'basics': the certificate claims 1 points, the answers in the transcript earn 5"
      ])
  }

  @Test func anEditedOpenBadgesResultIsNamed() {
    let found = problems { $0.credentialSubject.result[0].value = "9" }
    #expect(
      found.map(\.message) == [
        "module 'basics': the Open Badges result says 9 (Completed), the answers in the transcript earn 5 (Completed)"
      ])
  }

  @Test func aTranscriptAnswerChangedToAWrongOneIsCaught() throws {
    let index = try #require(credential.kurs.transcript.firstIndex(of: "answer truth false"))
    let found = problems { $0.kurs.transcript[index] = "answer truth true" }
    #expect(found.map(\.field) == [.transcript, .scores, .scores, .scores])
    #expect(
      found.first?.message
        == "the answer transcript was changed after the certificate was issued: it does not match its digest"
    )
    #expect(
      found.map(\.message).contains(
        "module 'practice': the certificate claims 5 points, the answers in the transcript earn 4"))
    #expect(
      found.map(\.message).contains(
        "the certificate claims 10 points in all, the answers in the transcript earn 9"))
  }

  @Test func aTranscriptThatNoLongerPassesSaysSo() throws {
    let index = try #require(
      credential.kurs.transcript.firstIndex(of: "answer what-to-note time,place"))
    let found = problems { credential in
      credential.kurs.transcript[index] = "answer what-to-note weather"
      credential.kurs.digests = CertificateIssuer.digests(of: credential)
    }
    // Basics is failed, so the transcript's next step, starting Practice, is refused.
    #expect(
      found.map(\.message) == [
        "the transcript does not fit course 'example': transcript step 9 ('start practice'): module 'practice' is locked until 'basics' is passed"
      ])
  }

  @Test func aTranscriptStepThatDoesNotFitNamesTheStep() throws {
    let found = problems { $0.kurs.transcript.insert("answer nowhere yes", at: 1) }
    #expect(
      found.last?.message
        == "the transcript does not fit course 'example': transcript step 2 ('answer nowhere yes'): the step answers question 'nowhere', but at this point the course asks 'welcome'"
    )
  }

  @Test func anEditedCourseDigestIsNamed() {
    let found = problems { $0.kurs.course.digest = String(repeating: "0", count: 64) }
    #expect(found.map(\.field) == [.courseDigest, .courseDigest])
    #expect(
      found.last?.message.contains("differs from that of course 'example' 1.0.0 here") == true)
  }

  @Test func anEditedCourseVersionIsNamed() {
    let found = problems { $0.kurs.course.version = "2.0.0" }
    #expect(found.map(\.field) == [.courseDigest, .courseVersion])
    #expect(
      found.last?.message
        == "the certificate is for version 2.0.0 of course 'example', but the course here is version 1.0.0; check it with version 2.0.0 of the course (--courses DIR)"
    )
  }

  @Test func aChangedLocalCourseIsReported() {
    var changed = course
    changed.digest = String(repeating: "a", count: 64)
    #expect(
      CertificateVerifier.verify(credential, against: changed).map(\.field) == [.courseDigest])
    changed = course
    changed.version = "1.1.0"
    #expect(
      CertificateVerifier.verify(credential, against: changed).map(\.field) == [.courseVersion])
  }

  /// Kurs 0.1 put a digest of the course's files into certificates; one issued for the same
  /// files still verifies where they give that digest.
  @Test func aCertificateWithTheLegacyDigestOfTheSameFilesVerifies() throws {
    #expect(course.legacyDigest.count == 64)
    #expect(course.legacyDigest != course.digest)
    var old = course
    old.digest = course.legacyDigest
    let transcript = try CertificateFixtures.passingTranscript(course)
    let issued = try CertificateIssuer.issue(
      course: old, learnerID: CertificateFixtures.learnerID, learnerName: "Sveta",
      transcript: transcript,
      date: CertificateFixtures.date, language: "en")
    #expect(CertificateVerifier.verify(issued, against: course) == [])
    var elsewhere = course
    elsewhere.legacyDigest = String(repeating: "b", count: 64)
    #expect(CertificateVerifier.verify(issued, against: elsewhere).map(\.field) == [.courseDigest])
  }

  @Test func anotherCourseIsRefused() {
    let found = problems { $0.kurs.course.id = "marina" }
    #expect(
      found == [
        CertificateProblem(
          .course,
          "the certificate is for course 'marina', not for 'example'; check it with that course")
      ])
  }

  @Test func anEditedAchievementIsNamed() {
    let found = problems { $0.credentialSubject.achievement.name = "Master of Law" }
    #expect(
      found == [
        CertificateProblem(
          .content,
          "the achievement's name does not match course 'example' 1.0.0: it was edited after the certificate was issued"
        )
      ])
  }

  @Test func aNewerFormatIsRefusedWithWhatToDo() {
    let found = problems { $0.kurs.format = 2 }
    #expect(
      found.map(\.message) == [
        "this certificate has format version 2, newer than this kurs reads (1); update kurs to check it"
      ])
  }

  @Test func aMissingNameIsReported() {
    let found = problems { $0.credentialSubject.identifier = [] }
    #expect(found.map(\.field) == [.name])
  }

  /// Kurs 0.2 and before wrote no context of their own: what they issued still verifies.
  @Test func aCertificateWithoutKursContextFromAnEarlierKursVerifies() {
    #expect(credential.context.last == "urn:kurs:context:1")
    let found = problems {
      $0.context = [Credential.credentialsContext, Credential.openBadgesContext]
    }
    #expect(found == [])
  }

  @Test func anEditedContextIsNamed() {
    let other = problems {
      $0.context = [
        Credential.credentialsContext, Credential.openBadgesContext, "urn:example:other",
      ]
    }
    #expect(
      other.map(\.message) == [
        "the @context does not match course 'example' 1.0.0: it was edited after the certificate was issued"
      ])
    let reordered = problems {
      $0.context = [
        Credential.credentialsContext, KursContext.identifier, Credential.openBadgesContext,
      ]
    }
    #expect(reordered.map(\.field) == [.content])
  }
}
