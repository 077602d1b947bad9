import Foundation
import Testing

/// A completed course always ends with its three certificate files, also when the learner stops
/// at the last screen or a kill left the set incomplete.
@Suite struct CertificateRepairTests {
  func certificates(in data: URL) throws -> URL {
    let folder = data.appendingPathComponent("certificates")
    let learner = try #require(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).first { !$0.hasPrefix(".") })
    return folder.appendingPathComponent(learner)
  }

  func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func aQAtTheLastEndOfModuleScreenStillWritesTheCertificate() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-cert-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try SaveFailureTests.quizCourse(questions: 2, in: folder)
    let data = folder.appendingPathComponent("data")
    // Both answers, then q at the "End" screen instead of Enter.
    let result = try KursProcess.run(
      ["start", "quiz", "--learner", "ann", "--courses", courses.path, "--data-dir", data.path],
      input: "1\n\n1\n\nq\n")
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(try names(in: certificates(in: data)) == ["quiz.html", "quiz.json", "quiz.txt"])
    let verified = try KursProcess.run(
      [
        "certificate", "verify",
        try certificates(in: data).appendingPathComponent("quiz.json").path, "--courses",
        courses.path,
      ])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
  }

  @Test func progressAndResumeRepairAPartialSet() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-cert-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try SaveFailureTests.quizCourse(questions: 2, in: folder)
    let data = folder.appendingPathComponent("data")
    let common = ["--learner", "ann", "--courses", courses.path, "--data-dir", data.path]
    _ = try KursProcess.run(["start", "quiz"] + common, input: "1\n\n1\n\n\n")
    let certificates = try certificates(in: data)
    // A kill between the files: the text is there, the JSON is not.
    try FileManager.default.removeItem(at: certificates.appendingPathComponent("quiz.json"))
    let progress = try KursProcess.run(["progress"] + common)
    #expect(progress.exitCode == 0, "\(progress.errors)")
    #expect(try names(in: certificates) == ["quiz.html", "quiz.json", "quiz.txt"])
    // A set mixed from two issues is not whole either: the text names another certificate.
    try Data("CERTIFICATE\nid urn:uuid:00000000-0000-4000-8000-000000000000\n".utf8).write(
      to: certificates.appendingPathComponent("quiz.txt"))
    try FileManager.default.removeItem(at: certificates.appendingPathComponent("quiz.html"))
    let resumed = try KursProcess.run(["resume"] + common)
    #expect(resumed.exitCode == 0, "\(resumed.errors)")
    #expect(try names(in: certificates) == ["quiz.html", "quiz.json", "quiz.txt"])
    let json = try Data(contentsOf: certificates.appendingPathComponent("quiz.json"))
    let id = try #require(
      (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["id"] as? String)
    #expect(
      try String(contentsOf: certificates.appendingPathComponent("quiz.txt"), encoding: .utf8)
        .contains(id))
  }

  /// Finding 4: the name rule is applied when the profile is made, so a real name accepted
  /// there gets its certificate, and a control character is refused there with the reason.
  @Test func aNameWithAJoinerGetsItsCertificateAndAControlCharacterIsRefusedAtTheStart() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-name-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let courses = try SaveFailureTests.quizCourse(questions: 2, in: folder)
    let data = folder.appendingPathComponent("data")
    let persian = "نرگس\u{200C}خانم"
    // A name with NUL is typed first: refused with the character named, then asked again.
    let result = try KursProcess.run(
      ["start", "quiz", "--courses", courses.path, "--data-dir", data.path],
      input: "ab\u{0}c\n\(persian)\n1\n\n1\n\n\n")
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(
      result.errors.contains(
        "a learner name cannot contain control characters or direction overrides (U+0000 at character 3)"
      ))
    #expect(result.output.contains("awarded to\n  \(persian)\n"))
    #expect(!result.errors.contains("certificate could not be made"), "\(result.errors)")
    let json = try certificates(in: data).appendingPathComponent("quiz.json")
    let verified = try KursProcess.run([
      "certificate", "verify", json.path, "--courses", courses.path,
    ])
    #expect(verified.exitCode == 0, "\(verified.output)\(verified.errors)")
    let refused = try KursProcess.run(
      [
        "start", "quiz", "--learner", "evil\u{202E}gpj.exe", "--courses", courses.path,
        "--data-dir", data.path,
      ], input: "")
    #expect(refused.exitCode != 0)
    #expect(refused.errors.contains("U+202E"), "\(refused.errors)")
  }
}
