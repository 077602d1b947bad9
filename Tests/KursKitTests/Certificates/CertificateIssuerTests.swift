import Foundation
import Testing

@testable import KursKit

@Suite struct CertificateIssuerTests {
  @Test func issuesAnOpenBadgeCredentialForACompletedCourse() throws {
    let (credential, course) = try CertificateFixtures.exampleCredential()
    #expect(
      credential.context == [
        Credential.credentialsContext, Credential.openBadgesContext, "urn:kurs:context:1",
      ])
    #expect(credential.type == ["VerifiableCredential", "OpenBadgeCredential"])
    #expect(credential.id.hasPrefix("urn:uuid:"))
    #expect(credential.issuer == .unsigned)
    #expect(credential.validFrom == "2026-05-01T10:00:00Z")
    #expect(credential.name == "Example: a safe walk home")
    #expect(credential.credentialSubject.id == "urn:uuid:\(CertificateFixtures.learnerID)")
    #expect(credential.credentialSubject.type == ["AchievementSubject"])
    #expect(credential.learnerName == "Sveta")
    let achievement = credential.credentialSubject.achievement
    #expect(achievement.id == "urn:kurs:course:example:1.0.0")
    #expect(achievement.type == ["Achievement"])
    #expect(
      achievement.criteria.narrative
        == "Pass these modules: “Basics”, “Practice”, with at least 4 points in all.")
    #expect(achievement.resultDescription.map(\.name) == ["Basics", "Practice"])
    #expect(
      credential.kurs.course
        == Credential.CourseReference(id: "example", version: "1.0.0", digest: course.digest))
    #expect(credential.kurs.modules.map(\.id) == ["basics", "practice"])
    #expect(credential.kurs.modules.allSatisfy { $0.passed && $0.score == $0.maximum })
    #expect(credential.credentialSubject.result.map(\.status) == ["Completed", "Completed"])
    #expect(
      credential.credentialSubject.result.map(\.value)
        == credential.kurs.modules.map { String($0.score) })
    #expect(credential.kurs.total == credential.kurs.modules.map(\.score).reduce(0, +))
  }

  @Test func transcriptIsReadableStepByStep() throws {
    let (credential, _) = try CertificateFixtures.exampleCredential()
    let transcript = credential.kurs.transcript
    #expect(transcript.first == "start basics")
    #expect(transcript.contains("answer stop calm"))
    #expect(transcript.contains("answer what-to-note time,place"))
    #expect(transcript.contains("answer order write>copies>complain"))
    #expect(transcript.contains("answer match ombudsperson=ombudsperson;prosecutor=prosecutor"))
    #expect(transcript.contains("answer truth false"))
  }

  @Test func jsonIsStableAndReadsBack() throws {
    let (credential, _) = try CertificateFixtures.exampleCredential()
    let data = try credential.json()
    #expect(try credential.json() == data)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("{\n  \"@context\""))
    #expect(text.contains("\"https://www.w3.org/ns/credentials/v2\""))
    #expect(try CertificateFiles.decode(data) == credential)
  }

  @Test func russianCertificateHasRussianTitles() throws {
    let (credential, _) = try CertificateFixtures.exampleCredential(language: "ru")
    #expect(credential.name == "Пример: безопасная дорога домой")
    #expect(credential.kurs.language == "ru")
    #expect(credential.credentialSubject.achievement.inLanguage == "ru")
    #expect(
      credential.credentialSubject.achievement.resultDescription.map(\.name) == [
        "Основы", "Практика",
      ])
  }

  @Test func refusesWhenTheCourseIsNotComplete() throws {
    let course = try CertificateFixtures.example()
    let transcript = try CertificateFixtures.passingTranscript(course)
    let basicsOnly = Array(transcript.prefix { $0 != .startModule("practice") })
    #expect(
      throws: CertificateError.notComplete(
        course: "example", missing: ["practice"], total: 5, minimum: 4)
    ) {
      try CertificateIssuer.issue(
        course: course, learnerID: CertificateFixtures.learnerID, learnerName: "Sveta",
        transcript: basicsOnly,
        date: CertificateFixtures.date)
    }
  }

  @Test func refusesATranscriptTheCourseDoesNotAccept() throws {
    let course = try CertificateFixtures.example()
    do {
      _ = try CertificateIssuer.issue(
        course: course, learnerID: CertificateFixtures.learnerID, learnerName: "Sveta",
        transcript: [.startModule("practice")], date: CertificateFixtures.date)
      Issue.record("expected a refusal")
    } catch {
      #expect(
        error.description
          == "the transcript does not fit course 'example': transcript step 1 ('start practice'): module 'practice' is locked until 'basics' is passed"
      )
    }
  }

  @Test func refusesAnEmptyName() throws {
    let course = try CertificateFixtures.example()
    #expect(throws: CertificateError.invalidName) {
      try CertificateIssuer.issue(
        course: course, learnerID: CertificateFixtures.learnerID, learnerName: "  ",
        transcript: try CertificateFixtures.passingTranscript(course),
        date: CertificateFixtures.date)
    }
  }
}
