import Foundation
import KursKit
import Testing

/// `kurs keys new`, `kurs certificate sign` and `kurs certificate verify` through the real
/// binary, on a certificate issued from the journal of a learner who took the example course
/// through the binary.
@Suite struct CertificateCommandsTests {
  let folder: URL
  let certificate: URL

  /// Completes the example course through the binary, then issues the certificate from the
  /// learner's journal, as the runner does.
  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-e2e-certificate-\(UUID().uuidString)")
    let data = folder.appendingPathComponent("data")
    _ = try KursProcess.run(["start", "example", "--learner", "Sveta", "--data-dir", data.path])
    let profiles =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: data.appendingPathComponent("learners.json"))) as? [[String: Any]]
    let learnerID = try #require(profiles?.first?["id"] as? String)
    let course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/example").path
      ).course)
    let explorer = PathExplorer(engine: Engine(course: course, language: "en", seed: learnerID))
    let basics = try #require(
      try explorer.paths(of: "basics", from: CourseState()).first { $0.status == .passed })
    let practice = try #require(
      try explorer.paths(of: "practice", from: basics.state).first { $0.status == .passed })
    // The course note, the module note, basics, the end screen, then practice and its end.
    let lines = ["", ""] + basics.lines + [""] + practice.lines + [""]
    let run = try KursProcess.run(
      ["start", "example", "--learner", "Sveta", "--data-dir", data.path],
      input: lines.joined(separator: "\n") + "\n")
    #expect(run.output.contains("You have completed the course."))
    let journal = Journal(
      url: data.appendingPathComponent("learners/\(learnerID)/example.journal"),
      learnerID: learnerID)
    let inputs = try journal.read().entries.compactMap(\.input)
    let credential = try CertificateIssuer.issue(
      course: course, learnerID: learnerID, learnerName: "Sveta", transcript: inputs, date: Date(),
      language: "en")
    let written = try CertificateFiles.write(
      credential, course: course, language: "en",
      to: data.appendingPathComponent("certificates/\(learnerID)"))
    certificate = written.files[2]
  }

  func kurs(_ arguments: [String]) throws -> KursProcess.Result {
    let result = try KursProcess.run(arguments, in: folder)
    // Never a crash: a signal would show as a status above 128 or a Swift trap's 132/133.
    #expect(
      [0, 1, 2, 64].contains(result.exitCode), "\(arguments): \(result.exitCode) \(result.errors)")
    return result
  }

  /// Writes the certificate after `edit` to its JSON, as someone with a text editor might.
  func edited(_ name: String, _ edit: (inout [String: Any]) throws -> Void) throws -> String {
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: certificate)) as? [String: Any])
    try edit(&json)
    let file = folder.appendingPathComponent("\(name).json")
    try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(
      to: file)
    return file.path
  }

  @Test func anIssuedCertificateVerifies() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try kurs(["certificate", "verify", certificate.path])
    #expect(result.exitCode == 0, "\(result.output)\(result.errors)")
    #expect(
      result.output.hasPrefix(
        "valid: \(certificate.path): certificate of Sveta for course 'example' 1.0.0"))
    #expect(result.output.contains("not signed:"))
  }

  @Test func eachTamperedCertificateIsRejectedWithWhatChanged() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    func subject(_ json: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
      var subject = json["credentialSubject"] as? [String: Any] ?? [:]
      change(&subject)
      json["credentialSubject"] = subject
    }
    func kursRecord(_ json: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
      var record = json["kurs"] as? [String: Any] ?? [:]
      change(&record)
      json["kurs"] = record
    }
    let cases: [(String, String, (inout [String: Any]) throws -> Void)] = [
      (
        "name", "the learner's name 'Olga' was changed after the certificate was issued",
        { json in
          subject(&json) {
            $0["identifier"] = [
              [
                "type": "IdentityObject", "identityType": "name", "hashed": false,
                "identityHash": "Olga",
              ]
            ]
          }
        }
      ),
      (
        "date", "the date '2020-01-01T00:00:00Z' was changed after the certificate was issued",
        { json in
          json["validFrom"] = "2020-01-01T00:00:00Z"
        }
      ),
      (
        "score",
        "module 'basics': the certificate claims 99 points, the answers in the transcript earn",
        { json in
          kursRecord(&json) { record in
            var modules = record["modules"] as? [[String: Any]] ?? []
            modules[0]["score"] = 99
            record["modules"] = modules
          }
        }
      ),
      (
        "transcript", "the answer transcript was changed after the certificate was issued",
        { json in
          kursRecord(&json) { record in
            let transcript = record["transcript"] as? [String] ?? []
            // The true-false question answered wrong instead of right.
            record["transcript"] = transcript.map {
              $0 == "answer truth false" ? "answer truth true" : $0
            }
          }
        }
      ),
      (
        "digest",
        "the course digest in the certificate (0000000000000000…) differs from that of course 'example' 1.0.0 here",
        { json in
          kursRecord(&json) { record in
            var course = record["course"] as? [String: Any] ?? [:]
            course["digest"] = String(repeating: "0", count: 64)
            record["course"] = course
          }
        }
      ),
      (
        "version",
        "the certificate is for version 9.9.9 of course 'example', but the course here is version 1.0.0",
        { json in
          kursRecord(&json) { record in
            var course = record["course"] as? [String: Any] ?? [:]
            course["version"] = "9.9.9"
            record["course"] = course
          }
        }
      ),
    ]
    for (name, message, edit) in cases {
      let file = try edited(name, edit)
      let result = try kurs(["certificate", "verify", file])
      #expect(result.exitCode == 1, "\(name)")
      #expect(result.output.contains("\(file): error: \(message)"), "\(name): \(result.output)")
      #expect(result.output.contains("invalid: \(file):"), "\(name)")
    }
  }

  /// Issue 20, point 7: `certificate verify --lang ru` (and a Ukrainian locale) speaks the
  /// reader's language: the verdict, each module line and each problem.
  @Test func verifySpeaksRussianAndUkrainian() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let valid = try kurs(["certificate", "verify", certificate.path, "--lang", "ru"])
    #expect(valid.exitCode == 0, "\(valid.output)\(valid.errors)")
    #expect(
      valid.output.hasPrefix(
        "сертификат действителен: \(certificate.path). Получатель: Sveta; курс «example»"))
    #expect(valid.output.contains("проходной балл"))
    #expect(valid.output.contains("не подписан: это показывает"))
    #expect(!valid.output.contains("valid:") && !valid.output.contains("points"), "\(valid.output)")

    // A file that is no certificate at all, and --issuer-key on an unsigned one.
    let garbage = folder.appendingPathComponent("garbage.json")
    try Data("{\"a\":".utf8).write(to: garbage)
    for (language, says) in [("ru", "это не сертификат Kurs"), ("uk", "це не сертифікат Kurs")] {
      let refused = try kurs(["certificate", "verify", garbage.path, "--lang", language])
      #expect(refused.exitCode == 1)
      #expect(refused.errors.contains(says), "\(refused.errors)")
    }
    let keyless = try kurs([
      "certificate", "verify", certificate.path, "--issuer-key", garbage.path, "--lang", "ru",
    ])
    #expect(keyless.errors.contains("не подписан, поэтому проверять подпись"), "\(keyless.errors)")

    let file = try edited("edited-date") { json in json["validFrom"] = "2020-01-01T00:00:00Z" }
    let invalid = try KursProcess.run(
      ["certificate", "verify", file], in: folder,
      environment: ["LANG": "ru_RU.UTF-8", "LANGUAGE": ""])
    #expect(invalid.exitCode == 1)
    #expect(
      invalid.output.contains("\(file): ошибка: неверная дата. Подробно (по-английски): the date"),
      "\(invalid.output)")
    #expect(
      invalid.output.contains("сертификат недействителен: \(file); найдено проблем: 1"),
      "\(invalid.output)")

    let ukrainian = try kurs(["--lang", "uk", "certificate", "verify", file])
    #expect(ukrainian.output.contains("\(file): помилка: неправильна дата."), "\(ukrainian.output)")
    #expect(ukrainian.output.contains("сертифікат недійсний: \(file)"))

    let otherCourse = try edited("other-course-ru") { json in
      var record = json["kurs"] as? [String: Any] ?? [:]
      record["course"] = ["id": "first-aid", "version": "1.0", "digest": "x"]
      json["kurs"] = record
    }
    let notHere = try kurs(["certificate", "verify", otherCourse, "--lang", "ru"])
    #expect(notHere.exitCode == 2)
    #expect(
      notHere.errors.contains(
        "\(otherCourse) выдан за курс «first-aid» версии 1.0, а его здесь нет"), "\(notHere.errors)"
    )
  }

  @Test func signedCertificatesCheckWithTheRightKeyOnly() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let keys = folder.appendingPathComponent("keys")
    let made = try kurs(["keys", "new", "--name", "trainer", "--out", keys.path])
    #expect(made.exitCode == 0, "\(made.errors)")
    #expect(made.output.contains("issuer id: did:key:z6Mk"))
    let privateKey = keys.appendingPathComponent("trainer.key").path
    let publicKey = keys.appendingPathComponent("trainer.pub").path
    let mode =
      try FileManager.default.attributesOfItem(atPath: privateKey)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
    #expect(
      try String(contentsOfFile: publicKey, encoding: .utf8).hasPrefix("-----BEGIN PUBLIC KEY-----")
    )
    #expect(
      try kurs(["keys", "new", "--name", "trainer", "--out", keys.path]).exitCode == 1,
      "never over a key")
    #expect(try kurs(["keys", "new", "--name", "other", "--out", keys.path]).exitCode == 0)

    let signed = try kurs([
      "certificate", "sign", certificate.path, "--key", privateKey, "--issuer-name",
      "Сеть снижения вреда",
    ])
    #expect(signed.exitCode == 0, "\(signed.output)\(signed.errors)")
    let token = certificate.deletingPathExtension().appendingPathExtension("jwt")
    #expect(FileManager.default.fileExists(atPath: token.path))

    let right = try kurs(["certificate", "verify", token.path, "--issuer-key", publicKey])
    #expect(right.exitCode == 0, "\(right.output)")
    #expect(right.output.contains("signed by Сеть снижения вреда (did:key:z6Mk"))

    let wrong = try kurs([
      "certificate", "verify", token.path, "--issuer-key",
      keys.appendingPathComponent("other.pub").path,
    ])
    #expect(wrong.exitCode == 1)
    #expect(wrong.output.contains("error: the certificate was signed with another key"))

    var bytes = Array(try Data(contentsOf: token))
    let middle = bytes.count / 2
    bytes[middle] = bytes[middle] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let corrupted = folder.appendingPathComponent("corrupted.jwt")
    try Data(bytes).write(to: corrupted)
    let flipped = try kurs(["certificate", "verify", corrupted.path, "--issuer-key", publicKey])
    #expect(flipped.exitCode == 1)
    #expect(flipped.output.contains("\(corrupted.path): error: "), "\(flipped.output)")

    let noKey = try kurs(["certificate", "verify", token.path])
    #expect(noKey.exitCode == 64)
    #expect(noKey.errors.contains("--issuer-key ISSUER.pub"))
    let unsignedWithKey = try kurs([
      "certificate", "verify", certificate.path, "--issuer-key", publicKey,
    ])
    #expect(unsignedWithKey.exitCode == 1)
    #expect(unsignedWithKey.errors.contains("is not signed"))
    let privateAsPublic = try kurs([
      "certificate", "verify", token.path, "--issuer-key", privateKey,
    ])
    #expect(privateAsPublic.exitCode == 1)
    #expect(privateAsPublic.errors.contains("this is a private key; checking needs the public key"))
  }

  @Test func signRefusesACertificateThatDoesNotCheck() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let keys = folder.appendingPathComponent("keys")
    _ = try kurs(["keys", "new", "--out", keys.path])
    let file = try edited("tampered") { json in json["validFrom"] = "2020-01-01T00:00:00Z" }
    let result = try kurs([
      "certificate", "sign", file, "--key", keys.appendingPathComponent("issuer.key").path,
      "--issuer-name", "Trainer",
    ])
    #expect(result.exitCode == 1)
    #expect(result.output.contains("error: the date"))
    #expect(result.errors.contains("was not signed"))
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tampered.jwt").path))
  }

  @Test func badFilesGetAClearMessageAndNeverACrash() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    func write(_ name: String, _ data: Data) throws -> String {
      let file = folder.appendingPathComponent(name)
      try data.write(to: file)
      return file.path
    }
    let missing = try kurs(["certificate", "verify", "no-such.json"])
    #expect(missing.exitCode == 2)
    #expect(missing.errors == "kurs: no-such.json: cannot read the certificate: no such file\n")

    let garbage = try kurs([
      "certificate", "verify", try write("garbage.json", Data("hello, world".utf8)),
    ])
    #expect(garbage.exitCode == 1)
    #expect(garbage.errors.contains("garbage.json: not a Kurs certificate"))

    for (name, data) in [
      ("empty.json", Data()), ("binary.json", Data([0, 255, 1, 254, 0x80])),
      ("broken.json", Data("{\"@context\": [".utf8)),
      ("object.json", Data("{}".utf8)), ("dots.jwt", Data("a.b.c".utf8)),
    ] {
      let result = try kurs(["certificate", "verify", try write(name, data)])
      #expect(result.exitCode != 0, "\(name)")
      #expect(
        result.errors.contains(name) || result.output.contains(name), "\(name): \(result.errors)")
    }
    _ = try kurs(["keys", "new", "--out", folder.path])
    let damaged = try kurs([
      "certificate", "verify", try write("damaged.jwt", Data("a.b.c".utf8)), "--issuer-key",
      "issuer.pub",
    ])
    #expect(damaged.exitCode == 1)
    #expect(
      damaged.output.contains("damaged.jwt: error: the signed certificate is damaged"),
      "\(damaged.output)")

    let otherCourse = try edited("other-course") { json in
      var record = json["kurs"] as? [String: Any] ?? [:]
      record["course"] = ["id": "first-aid", "version": "1.0", "digest": "x"]
      json["kurs"] = record
    }
    let notHere = try kurs(["certificate", "verify", otherCourse])
    #expect(notHere.exitCode == 2)
    #expect(
      notHere.errors.contains(
        "is for course 'first-aid' version 1.0, which is not here (looked in "))
    #expect(
      notHere.errors.contains(
        "add that course with 'kurs add FILE', or give the folder that holds it with --courses DIR")
    )

    let path = try edited("path-as-course") { json in
      var record = json["kurs"] as? [String: Any] ?? [:]
      record["course"] = ["id": "../../etc", "version": "1.0", "digest": "x"]
      json["kurs"] = record
    }
    let refused = try kurs(["certificate", "verify", path])
    #expect(refused.exitCode == 1)
    #expect(refused.output.contains("'../../etc' is not a course id"))

    let badKey = try write("bad.key", Data("not a key".utf8))
    let signing = try kurs([
      "certificate", "sign", certificate.path, "--key", badKey, "--issuer-name", "Trainer",
    ])
    #expect(signing.exitCode == 1)
    #expect(signing.errors.contains("bad.key: this is not a PEM private key"))
    #expect(
      try kurs(["certificate", "sign", certificate.path, "--key", "none.key", "--issuer-name", "T"])
        .exitCode == 2)
    #expect(try kurs(["certificate", "verify", folder.path]).exitCode == 2)
  }

  @Test func wrongCommandLinesSayWhatToType() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let cases: [([String], String)] = [
      (["certificate"], "'kurs certificate' needs verify, sign, print or context"),
      (
        ["certificate", "verfy", "x.json"],
        "'kurs certificate' has no command 'verfy' (did you mean 'verify'?)"
      ),
      (
        ["certificate", "sign", "x.json"], "'kurs certificate sign' needs your private key (--key)"
      ),
      (
        ["certificate", "sign", "x.json", "--key", "k"], "needs the name to sign as (--issuer-name)"
      ),
      (
        ["certificate", "verify", "x.json", "--key", "k"],
        "'kurs certificate verify' has no option --key"
      ),
      (["keys"], "write 'kurs keys new'"),
    ]
    for (arguments, message) in cases {
      let result = try kurs(arguments)
      #expect(result.exitCode == 64, "\(arguments)")
      #expect(result.errors.contains(message), "\(arguments): \(result.errors)")
    }
    for topic in ["certificate", "keys"] {
      let help = try kurs(["help", topic])
      #expect(help.exitCode == 0)
      #expect(help.output.contains("example"))
    }
    #expect(try kurs(["--help"]).output.contains("certificate verify FILE"))
  }
}

extension CertificateCommandsTests {
  @Test func whatACertificateSaysIsPrintedSafely() throws {
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = try edited("escapes") { json in
      var subject = json["credentialSubject"] as? [String: Any] ?? [:]
      let name = "\u{1B}]0;owned\u{07}\u{1B}[2J\u{202E}" + String(repeating: "x", count: 500)
      subject["identifier"] = [
        ["type": "IdentityObject", "identityType": "name", "hashed": false, "identityHash": name]
      ]
      json["credentialSubject"] = subject
    }
    let result = try kurs(["certificate", "verify", file])
    #expect(result.exitCode == 1)
    #expect(
      !result.output.contains("\u{1B}") && !result.output.contains("\u{07}")
        && !result.output.contains("\u{202E}"))
    #expect(result.output.contains("the learner's name '\u{FFFD}]0;owned"))
    #expect(!result.output.contains(String(repeating: "x", count: 100)))
  }
}
