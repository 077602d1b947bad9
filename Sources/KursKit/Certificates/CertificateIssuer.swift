import Foundation

/// Issues a course certificate: replays the learner's inputs through the engine, and when the
/// course's completion rule is met, writes down what those inputs earn.
public enum CertificateIssuer {
  /// Issues the certificate of a learner who has completed a course.
  /// - Parameters:
  ///   - learnerID: the learner's id (`LearnerProfile.id`): the seed of their shuffles.
  ///   - learnerName: the display name printed on the certificate.
  ///   - transcript: every input the learner gave in this course, in order (the journal's).
  ///   - date: when the course was completed.
  ///   - language: the language of the certificate's texts; the course's default when it is
  ///     not one of the course's languages or `nil`.
  ///   - id: the certificate's own id, new for every certificate (a UUID, lowercase); the
  ///     credential's id is `urn:uuid:` and this.
  /// - Returns: an unsigned credential (issuer `Credential.Profile.unsigned`).
  /// - Throws: `CertificateError` when the name is empty, an input does not fit the course, or
  ///   the inputs do not complete the course.
  public static func issue(
    course: Course, learnerID: String, learnerName: String, transcript: [EngineInput], date: Date,
    language: String? = nil, id: String = UUID().uuidString.lowercased()
  ) throws(CertificateError) -> Credential {
    let engine = Engine(
      course: course, language: language ?? course.defaultLanguage, seed: learnerID)
    let state: CourseState
    let lines: [String]
    do {
      (state, lines) = try Transcript.replay(transcript, engine: engine)
    } catch {
      throw .transcript(course: course.id, error)
    }
    return try credential(
      engine: engine, state: state, lines: lines,
      facts: Facts(
        context: Credential.context, id: "urn:uuid:\(id)",
        issuer: .unsigned,
        validFrom: Self.dateText(date), learnerID: learnerID, learnerName: learnerName))
  }

  /// What a certificate says that the course and the transcript cannot tell.
  struct Facts {
    var context: [String]
    var id: String
    var issuer: Credential.Profile
    var validFrom: String
    var learnerID: String
    var learnerName: String
  }

  /// Issues the credential again from a certificate's own transcript and facts: what an honest
  /// certificate with these facts says. The verifier compares it with the one it was given.
  /// A certificate from before Kurs's own context (`Credential.contextWithoutKurs`) keeps its
  /// `@context`: it was honest when it was issued.
  static func reissue(_ claimed: Credential, course: Course) throws(CertificateError) -> Credential
  {
    let engine = Engine(course: course, language: claimed.kurs.language, seed: claimed.learnerID)
    let state: CourseState
    let lines: [String]
    do {
      (state, lines) = try Transcript.replay(lines: claimed.kurs.transcript, engine: engine)
    } catch {
      throw .transcript(course: course.id, error)
    }
    return try credential(
      engine: engine, state: state, lines: lines,
      facts: Facts(
        context: claimed.context == Credential.contextWithoutKurs
          ? claimed.context : Credential.context,
        id: claimed.id, issuer: claimed.issuer, validFrom: claimed.validFrom,
        learnerID: claimed.learnerID,
        learnerName: claimed.learnerName ?? ""))
  }

  /// The credential for a replayed state.
  private static func credential(
    engine: Engine, state: CourseState, lines: [String], facts: Facts
  ) throws(CertificateError) -> Credential {
    let course = engine.course
    let language = engine.language
    let name = facts.learnerName
    // The same rule as for a new profile (`LearnerName`), so a name accepted there is accepted here.
    guard LearnerName.problem(name, maximum: LearnerName.maximumCertificateLength) == nil else {
      throw .invalidName
    }
    guard engine.isComplete(state) else {
      let required = course.completion.modules ?? course.scoredModules.map(\.id)
      let missing = required.filter { !state.module($0).passedBefore }
      let total = required.map { state.module($0).bestScore ?? 0 }.reduce(0, +)
      throw .notComplete(
        course: course.id, missing: missing, total: total, minimum: course.completion.minimumScore)
    }

    let achievement = achievement(engine: engine)
    let achievementID = achievement.id
    var modules: [Credential.ModuleRecord] = []
    var results: [Credential.Outcome] = []
    for module in course.scoredModules {
      let moduleState = state.module(module.id)
      let passed = moduleState.passedBefore
      let score = passed ? (moduleState.bestScore ?? 0) : (moduleState.lastScore ?? 0)
      let record = Credential.ModuleRecord(
        id: module.id, score: score, maximum: engine.maximum(of: module.id),
        passMark: engine.passMark(of: module),
        passed: passed)
      modules.append(record)
      let descriptionID = "\(achievementID):module:\(urnPart(module.id))"
      // Only modules the learner finished have a result.
      if passed || moduleState.lastScore != nil {
        results.append(
          Credential.Outcome(
            type: ["Result"], resultDescription: descriptionID, value: String(score),
            status: passed ? "Completed" : "Failed"))
      }
    }
    let total = modules.filter(\.passed).map(\.score).reduce(0, +)
    let courseReference = Credential.CourseReference(
      id: course.id, version: course.version, digest: course.digest)
    let subjectID = Credential.subjectID(learner: facts.learnerID)
    let title = achievement.name

    return Credential(
      context: facts.context,
      id: facts.id,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: facts.issuer,
      validFrom: facts.validFrom,
      name: title,
      description: nil,
      credentialSubject: Credential.Subject(
        id: subjectID, type: ["AchievementSubject"], identifier: [.name(name)],
        achievement: achievement,
        result: results),
      kurs: Credential.Record(
        format: Credential.formatVersion, language: language, course: courseReference,
        modules: modules, total: total,
        transcript: lines,
        digests: digests(
          name: name, date: facts.validFrom, subject: subjectID, transcript: lines,
          modules: modules, total: total,
          course: courseReference)))
  }

  /// The course as an OB3 achievement in the engine's language: the part of a certificate that
  /// depends on the course alone (the web player takes it from the course data).
  static func achievement(engine: Engine) -> Credential.Achievement {
    let course = engine.course
    let language = engine.language
    func text(_ value: LocalizedText) -> String? {
      value.resolve(language, fallback: course.defaultLanguage)?.plain
    }
    let title = text(course.title) ?? course.id
    let achievementID = "urn:kurs:course:\(urnPart(course.id)):\(urnPart(course.version))"
    let descriptions = course.scoredModules.map { module in
      Credential.ResultDescription(
        id: "\(achievementID):module:\(urnPart(module.id))", type: ["ResultDescription"],
        name: text(module.title) ?? module.id,
        resultType: "RawScore",
        valueMin: "0", valueMax: String(engine.maximum(of: module.id)),
        requiredValue: String(engine.passMark(of: module)))
    }
    let required = (course.completion.modules ?? course.scoredModules.map(\.id)).map { id in
      course.module(id).flatMap { text($0.title) } ?? id
    }
    let list = required.map { Localization.string(.quoted, language, $0) }.joined(separator: ", ")
    let narrative =
      course.completion.minimumScore.map {
        Localization.string(.certificateCriteriaMinimum, language, list, String($0))
      } ?? Localization.string(.certificateCriteria, language, list)
    return Credential.Achievement(
      id: achievementID, type: ["Achievement"], achievementType: "CertificateOfCompletion",
      name: title,
      description: text(course.description) ?? title,
      criteria: Credential.Criteria(narrative: narrative),
      version: course.version, inLanguage: language, resultDescription: descriptions)
  }

  // MARK: Digests

  /// The digest of every field, from the values given.
  static func digests(
    name: String, date: String, subject: String, transcript: [String],
    modules: [Credential.ModuleRecord],
    total: Int, course: Credential.CourseReference
  ) -> Credential.FieldDigests {
    let scores = modules.flatMap {
      [$0.id, String($0.score), String($0.maximum), String($0.passMark), String($0.passed)]
    }
    return Credential.FieldDigests(
      name: digest(["name", name]),
      date: digest(["date", date]),
      learner: digest(["learner", subject]),
      transcript: digest(["transcript"] + transcript),
      scores: digest(["scores"] + scores + [String(total)]),
      course: digest(["course", course.id, course.version, course.digest]))
  }

  /// The digests of a credential's fields as they are now.
  static func digests(of credential: Credential) -> Credential.FieldDigests {
    digests(
      name: credential.learnerName ?? "", date: credential.validFrom,
      subject: credential.credentialSubject.id,
      transcript: credential.kurs.transcript, modules: credential.kurs.modules,
      total: credential.kurs.total,
      course: credential.kurs.course)
  }

  /// SHA-256 of length-prefixed parts, as hex.
  private static func digest(_ parts: [String]) -> String {
    var digest = SHA256Digest()
    for part in parts { digest.update(Array(part.utf8)) }
    return digest.hexDigest()
  }

  // MARK: Texts

  /// A date as the certificate writes it: `2026-05-01T10:00:00Z`.
  public static func dateText(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// The date in a certificate's `validFrom`, when it is written as Kurs writes dates.
  public static func date(from text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text), dateText(date) == text else { return nil }
    return date
  }

  /// An id as a URN part: ASCII letters, digits, `-`, `_` and `.` as they are, the rest
  /// percent-encoded (course ids may be in any script).
  static func urnPart(_ id: String) -> String {
    var allowed = CharacterSet()
    allowed.insert(
      charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
    return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? id
  }
}
