/// Checks a certificate against the course it claims, as found on this computer: the same course
/// files, a transcript the engine accepts, the scores and passes those answers earn, and fields
/// that match their digests.
///
/// What this proves: the certificate is consistent, and its results follow from its answers.
/// What it does not prove without an issuer's signature: who gave the answers, or that the name
/// and date are genuine, since anyone can write a consistent certificate (docs/certificates.md).
public enum CertificateVerifier {
  /// A value from the certificate for a message: at most 80 characters.
  static func short(_ text: String) -> String {
    text.count <= 80 ? text : String(text.prefix(79)) + "…"
  }

  /// Every problem found; empty when the certificate is valid.
  public static func verify(_ credential: Credential, against course: Course)
    -> [CertificateProblem]
  {
    var problems: [CertificateProblem] = []
    let record = credential.kurs

    // What kind of file this is.
    if record.format > Credential.formatVersion {
      return [
        CertificateProblem(
          .format,
          "this certificate has format version \(record.format), newer than this kurs reads (\(Credential.formatVersion)); update kurs to check it"
        )
      ]
    }
    guard record.format >= 1,
      credential.context.first == Credential.credentialsContext,
      credential.context.contains(Credential.openBadgesContext),
      credential.type.contains("VerifiableCredential"),
      credential.type.contains("OpenBadgeCredential")
    else {
      return [
        CertificateProblem(
          .format,
          "this is not a Kurs certificate: it needs the Verifiable Credentials 2.0 and Open Badges 3.0 contexts, type OpenBadgeCredential and format 1"
        )
      ]
    }

    // The right course.
    guard record.course.id == course.id else {
      return [
        CertificateProblem(
          .course,
          "the certificate is for course '\(short(record.course.id))', not for '\(course.id)'; check it with that course"
        )
      ]
    }

    // Fields edited after issue, each by name.
    let claimed = record.digests
    let actual = CertificateIssuer.digests(of: credential)
    if credential.learnerName == nil {
      problems.append(
        CertificateProblem(
          .name, "the certificate has no learner name (an IdentityObject of type 'name')"))
    } else if actual.name != claimed.name {
      problems.append(
        CertificateProblem(
          .name,
          "the learner's name '\(short(credential.learnerName ?? ""))' was changed after the certificate was issued: it does not match its digest"
        ))
    }
    if actual.date != claimed.date {
      problems.append(
        CertificateProblem(
          .date,
          "the date '\(short(credential.validFrom))' was changed after the certificate was issued: it does not match its digest"
        ))
    }
    if actual.learner != claimed.learner {
      problems.append(
        CertificateProblem(
          .learner,
          "the learner id '\(short(credential.credentialSubject.id))' was changed after the certificate was issued: it does not match its digest"
        ))
    }
    if actual.transcript != claimed.transcript {
      problems.append(
        CertificateProblem(
          .transcript,
          "the answer transcript was changed after the certificate was issued: it does not match its digest"
        ))
    }
    if actual.scores != claimed.scores {
      problems.append(
        CertificateProblem(
          .scores,
          "the module scores were changed after the certificate was issued: they do not match their digest"
        ))
    }
    if actual.course != claimed.course {
      problems.append(
        CertificateProblem(
          .courseDigest,
          "the course id, version or digest was changed after the certificate was issued: they do not match their digest"
        ))
    }

    // The same course files.
    guard record.course.version == course.version else {
      problems.append(
        CertificateProblem(
          .courseVersion,
          "the certificate is for version \(short(record.course.version)) of course '\(course.id)', but the course here is version \(course.version); check it with version \(short(record.course.version)) of the course (--courses DIR)"
        ))
      return problems
    }
    // Kurs 0.1 wrote a digest of the course's files (`Course.legacyDigest`): still accepted
    // where the same files give it (docs/certificates.md).
    guard
      record.course.digest == course.digest
        || (!course.legacyDigest.isEmpty && record.course.digest == course.legacyDigest)
    else {
      problems.append(
        CertificateProblem(
          .courseDigest,
          "the course digest in the certificate (\(record.course.digest.prefix(16))…) differs from that of course '\(course.id)' \(course.version) here (\(course.digest.prefix(16))…): the certificate was issued for another edition of the course (its texts, questions or rules differ), or its digest was edited"
        ))
      return problems
    }
    if CertificateIssuer.date(from: credential.validFrom) == nil {
      problems.append(
        CertificateProblem(
          .date,
          "the date '\(short(credential.validFrom))' is not a date-time as Kurs writes it, like 2026-05-01T10:00:00Z"
        ))
    }

    // What the answers earn.
    let expected: Credential
    do {
      expected = try CertificateIssuer.reissue(credential, course: course)
    } catch {
      switch error {
      case .invalidName:
        // A missing name is reported above already.
        if credential.learnerName != nil { problems.append(CertificateProblem(.name, "\(error)")) }
      case .transcript, .notComplete:
        problems.append(CertificateProblem(.transcript, "\(error)"))
      }
      return problems
    }
    if expected.kurs.transcript != record.transcript, actual.transcript == claimed.transcript {
      problems.append(
        CertificateProblem(.transcript, "the answer transcript is not written as Kurs writes it"))
    }
    problems += compareModules(claimed: credential, expected: expected, course: course)
    problems += compareContent(claimed: credential, expected: expected, course: course)
    return problems
  }

  /// Each module's claimed score, pass, scale and Open Badges result against what the answers
  /// earn.
  private static func compareModules(claimed: Credential, expected: Credential, course: Course)
    -> [CertificateProblem]
  {
    var problems: [CertificateProblem] = []
    let claimedModules = claimed.kurs.modules
    for module in expected.kurs.modules {
      let name = "module '\(module.id)'"
      guard let stated = claimedModules.first(where: { $0.id == module.id }) else {
        problems.append(
          CertificateProblem(.scores, "\(name) of the course is missing from the certificate"))
        continue
      }
      if stated.score != module.score {
        problems.append(
          CertificateProblem(
            .scores,
            "\(name): the certificate claims \(stated.score) points, the answers in the transcript earn \(module.score)"
          ))
      }
      if stated.passed != module.passed {
        problems.append(
          CertificateProblem(
            .scores,
            stated.passed
              ? "\(name): the certificate says passed, but the answers in the transcript do not pass it (\(module.score) points, pass mark \(module.passMark))"
              : "\(name): the certificate says not passed, but the answers in the transcript pass it"
          ))
      }
      if stated.maximum != module.maximum || stated.passMark != module.passMark {
        problems.append(
          CertificateProblem(
            .scores,
            "\(name): the certificate gives \(stated.maximum) points at most and a pass mark of \(stated.passMark); the course gives \(module.maximum) and \(module.passMark)"
          ))
      }
    }
    let known = Set(expected.kurs.modules.map(\.id))
    for stated in claimedModules where !known.contains(stated.id) {
      problems.append(
        CertificateProblem(
          .scores,
          "module '\(short(stated.id))' in the certificate is not a module of course '\(course.id)'"
        ))
    }
    if Set(claimedModules.map(\.id)).count != claimedModules.count {
      problems.append(CertificateProblem(.scores, "the certificate lists a module twice"))
    }
    if claimed.kurs.total != expected.kurs.total {
      problems.append(
        CertificateProblem(
          .scores,
          "the certificate claims \(claimed.kurs.total) points in all, the answers in the transcript earn \(expected.kurs.total)"
        ))
    }
    let claimedResults = claimed.credentialSubject.result
    let expectedResults = expected.credentialSubject.result
    if claimedResults != expectedResults {
      let ids = expected.credentialSubject.achievement.resultDescription.map(\.id)
      var named = false
      for (index, id) in ids.enumerated() {
        let stated = claimedResults.filter { $0.resultDescription == id }
        let earned = expectedResults.filter { $0.resultDescription == id }
        guard stated != earned else { continue }
        named = true
        let scored = course.scoredModules
        let moduleID = scored.indices.contains(index) ? scored[index].id : id
        func text(_ results: [Credential.Outcome]) -> String {
          results.isEmpty
            ? "no result" : results.map { "\($0.value) (\($0.status))" }.joined(separator: ", ")
        }
        problems.append(
          CertificateProblem(
            .scores,
            "module '\(moduleID)': the Open Badges result says \(text(stated)), the answers in the transcript earn \(text(earned))"
          ))
      }
      if !named {
        problems.append(
          CertificateProblem(
            .scores,
            "the Open Badges results (credentialSubject.result) do not match what the answers earn")
        )
      }
    }
    return problems
  }

  /// Everything else that comes from the course and the language: titles, criteria, scales.
  private static func compareContent(claimed: Credential, expected: Credential, course: Course)
    -> [CertificateProblem]
  {
    var problems: [CertificateProblem] = []
    func differs(_ what: String, _ same: Bool) {
      guard !same else { return }
      problems.append(
        CertificateProblem(
          .content,
          "\(what) does not match course '\(course.id)' \(course.version): it was edited after the certificate was issued"
        ))
    }
    differs("the credential's name", claimed.name == expected.name)
    differs("the credential's description", claimed.description == expected.description)
    differs("the @context", claimed.context == expected.context)
    differs("the credential's type", claimed.type == expected.type)
    differs(
      "credentialSubject.type", claimed.credentialSubject.type == expected.credentialSubject.type)
    differs(
      "credentialSubject.identifier",
      claimed.credentialSubject.identifier == expected.credentialSubject.identifier)
    let stated = claimed.credentialSubject.achievement
    let earned = expected.credentialSubject.achievement
    differs("the achievement's id", stated.id == earned.id)
    differs("the achievement's name", stated.name == earned.name)
    differs("the achievement's description", stated.description == earned.description)
    differs("the achievement's criteria", stated.criteria == earned.criteria)
    differs(
      "the achievement's type",
      stated.type == earned.type && stated.achievementType == earned.achievementType)
    differs("the achievement's version", stated.version == earned.version)
    differs(
      "the certificate's language",
      stated.inLanguage == earned.inLanguage && claimed.kurs.language == earned.inLanguage)
    differs(
      "the modules' scales (resultDescription)",
      stated.resultDescription == earned.resultDescription)
    return problems
  }
}
