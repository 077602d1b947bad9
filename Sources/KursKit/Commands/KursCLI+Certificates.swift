import Foundation

/// The certificate commands: `kurs keys new`, `kurs certificate sign`, `kurs certificate verify`.
extension KursCLI {
  /// `kurs keys new [--out DIR] [--name NAME]`: a new Ed25519 key pair, never over an old one.
  func newKeys(directory: String?, name: String?) -> ExitCode {
    let name = name ?? "issuer"
    let validName =
      !name.isEmpty && name.count <= 64 && !name.hasPrefix(".") && !name.hasPrefix("-")
      && name.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)
      }
    guard validName else {
      err(
        "kurs: '\(name)' cannot name a key file; use letters, digits, '-', '_' and '.', for example: --name trainer\n"
      )
      return .usage
    }
    let folder = URL(fileURLWithPath: directory ?? ".")
    let keyFile = folder.appendingPathComponent("\(name).key")
    let publicFile = folder.appendingPathComponent("\(name).pub")
    for file in [keyFile, publicFile] where FileManager.default.fileExists(atPath: file.path) {
      err(
        "kurs: \(file.path) already exists; nothing was written. Choose another --name or --out: a key that has signed certificates must not be replaced\n"
      )
      return .invalid
    }
    do {
      try DataDirectory.create(folder)
      let key = try Ed25519.generate()
      let publicKey = try key.publicKey
      try AtomicFile.write(
        Data(try key.pem().utf8), to: keyFile, permissions: 0o600, overwrite: false)
      do {
        try AtomicFile.write(
          Data(try publicKey.pem().utf8), to: publicFile, permissions: 0o644, overwrite: false)
      } catch {
        // Half a key pair is no use: take the private key back.
        try? FileManager.default.removeItem(at: keyFile)
        throw error
      }
      out(
        """
        wrote \(keyFile.path)
          your private key: keep it secret and backed up; anyone who has it can sign as you
        wrote \(publicFile.path)
          your public key: give it to anyone who checks the certificates you sign
        issuer id: \(publicKey.issuerID)
        next: kurs certificate sign CERTIFICATE.json --key \(Self.shellQuoted(keyFile.path)) --issuer-name 'Your organisation'

        """)
      return .success
    } catch {
      err("kurs: cannot write the keys to \(folder.path): \(Self.describe(error))\n")
      return .unreadable
    }
  }

  /// `kurs certificate sign FILE --key KEY --issuer-name NAME [--out FILE]`: checks the
  /// certificate against the local course, then signs it as a VC-JWT.
  func signCertificate(
    _ file: String, key keyPath: String, issuerName: String, output: String?,
    locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    let name = issuerName.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, name.count <= 200,
      !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
    else {
      err(
        "kurs: --issuer-name needs 1 to 200 characters on one line: the person or organisation signing\n"
      )
      return .usage
    }
    let contents: CertificateFiles.Contents
    do {
      contents = try CertificateFiles.read(file)
    } catch {
      err("kurs: \(error)\n")
      return error.exitCode
    }
    guard case .credential(let credential) = contents else {
      err("kurs: \(file) is already signed; sign the learner's .json certificate\n")
      return .invalid
    }
    let key: Ed25519.PrivateKey
    switch readKey(keyPath, { pem throws(Ed25519.KeyError) in try Ed25519.privateKey(pem: pem) }) {
    case .success(let value): key = value
    case .failure(let failure): return failure.code
    }
    if let permissions = (try? FileManager.default.attributesOfItem(atPath: keyPath))?[
      .posixPermissions] as? NSNumber,
      permissions.intValue & 0o077 != 0
    {
      err(
        "kurs: warning: \(keyPath) can be read by other accounts on this computer; run: chmod 600 \(Self.shellQuoted(keyPath))\n"
      )
    }
    let course: Course
    switch certificateCourse(credential, file: file, locator: locator, loader: loader) {
    case .success(let value): course = value
    case .failure(let failure): return failure.code
    }
    let problems = CertificateVerifier.verify(credential, against: course)
    guard problems.isEmpty else {
      printProblems(problems, file: file)
      err("kurs: \(file) was not signed: sign only certificates that check\n")
      return .invalid
    }
    let target = output ?? Self.signedPath(for: file)
    guard
      URL(fileURLWithPath: target).standardizedFileURL
        != URL(fileURLWithPath: file).standardizedFileURL
    else {
      err(
        "kurs: --out names the certificate itself; give another file, for example \(Self.signedPath(for: file))\n"
      )
      return .usage
    }
    do {
      let (token, signed) = try VCJWT.sign(credential, with: key, issuerName: name)
      try AtomicFile.write(
        Data((token + "\n").utf8), to: URL(fileURLWithPath: target), permissions: 0o600)
      out(
        """
        signed: \(target)
          certificate of \(signed.learnerName ?? "?") for course '\(course.id)' \(course.version), checked against the course
          issuer: \(signed.issuer.name) (\(signed.issuer.id))
        check it with: kurs certificate verify \(Self.shellQuoted(target)) --issuer-key YOUR.pub

        """)
      return .success
    } catch {
      err("kurs: cannot write \(target): \(Self.describe(error))\n")
      return .unreadable
    }
  }

  /// `kurs certificate verify FILE [--issuer-key PUB]`.
  /// - Parameter language: the language of the verdict and of each problem (`--lang`, else the
  ///   locale); the course title is shown in it where the course has it.
  func verifyCertificate(
    _ file: String, issuerKey: String?, locator: CourseLocator, loader: CourseLoader,
    language: String = "en"
  ) -> ExitCode {
    let credential: Credential
    let course: Course
    let signedWith: String?
    switch checkedCertificate(
      file, issuerKey: issuerKey, locator: locator, loader: loader, language: language)
    {
    case .success(let checked): (credential, course, signedWith) = checked
    case .failure(let failure): return failure.code
    }
    let title =
      course.title.resolve(language, fallback: credential.kurs.language)?.plain ?? course.id
    func t(_ key: Localization.Key, _ arguments: String...) -> String {
      Localization.string(key, language, arguments: arguments)
    }
    var lines = [
      t(
        .verifyValid, file, credential.learnerName ?? "?", course.id, course.version, title,
        credential.validFrom)
    ]
    for module in credential.kurs.modules {
      lines.append(
        t(
          .verifyModule, module.id, String(module.score), String(module.maximum),
          String(module.passMark),
          t(module.passed ? .verifyPassed : .verifyNotPassed)))
    }
    lines.append(t(.verifyTranscript, String(credential.kurs.transcript.count)))
    if let signedWith {
      lines.append(t(.verifySigned, credential.issuer.name, credential.issuer.id, signedWith))
      lines.append(t(.verifySignedMeaning, signedWith))
    } else {
      if !credential.issuer.isUnsigned {
        lines.append(t(.verifyIssuerUnsigned, credential.issuer.name, credential.issuer.id))
      }
      lines.append(t(.verifyNotSigned))
    }
    out(lines.joined(separator: "\n") + "\n")
    return .success
  }

  /// `kurs certificate print FILE [--issuer-key PUB] [--out FILE] [--no-title] [--replace]`:
  /// the printable page of a certificate that checks, with or without the course title.
  func printCertificate(
    _ file: String, issuerKey: String?, output: String?, title: Bool, replace: Bool,
    locator: CourseLocator,
    loader: CourseLoader
  ) -> ExitCode {
    let credential: Credential
    let course: Course
    switch checkedCertificate(file, issuerKey: issuerKey, locator: locator, loader: loader) {
    case .success(let checked): (credential, course, _) = checked
    case .failure(let failure):
      if failure.code == .invalid {
        err("kurs: \(file) was not printed: print only certificates that check\n")
      }
      return failure.code
    }
    let renderer = CertificateRenderer(course: course, language: credential.kurs.language)
    let page = renderer.html(credential, showsCourseTitle: title)
    guard let output, output != "-" else {
      console.write(page)
      return .success
    }
    let target = URL(fileURLWithPath: output)
    guard target.standardizedFileURL != URL(fileURLWithPath: file).standardizedFileURL else {
      err(
        "kurs: --out names the certificate itself; give another file, for example certificate.html\n"
      )
      return .usage
    }
    do {
      try AtomicFile.write(Data(page.utf8), to: target, permissions: 0o600, overwrite: replace)
    } catch {
      if let error = error as? POSIXError, error.code == .EEXIST {
        err(
          "kurs: \(output) already exists; nothing was written. Give another --out FILE, or add --replace to replace it\n"
        )
        return .invalid
      }
      err("kurs: cannot write \(output): \(Self.describe(error))\n")
      return .unreadable
    }
    out("wrote \(output)\(title ? "" : " (without the course title)")\n")
    return .success
  }

  /// Reads a certificate, checks its signature when it is signed (with `issuerKey`), finds its
  /// course and checks it against the course; prints what is wrong.
  /// - Returns: the credential, its course, and the key file it was signed with.
  private func checkedCertificate(
    _ file: String, issuerKey: String?, locator: CourseLocator, loader: CourseLoader,
    language: String = "en"
  ) -> Result<(Credential, Course, String?), ExitCodeError> {
    let contents: CertificateFiles.Contents
    do {
      contents = try CertificateFiles.read(file)
    } catch {
      err("kurs: \(error.text(language))\n")
      return .failure(ExitCodeError(error.exitCode))
    }
    let credential: Credential
    var signedWith: String?
    switch contents {
    case .credential(let value):
      if issuerKey != nil {
        err("kurs: " + Localization.string(.verifyNothingToCheck, language, file) + "\n")
        return .failure(ExitCodeError(.invalid))
      }
      credential = value
    case .signed(let token):
      guard let issuerKey else {
        err(
          "kurs: "
            + Localization.string(
              .verifyNeedsKey, language, file,
              "kurs certificate verify \(Self.shellQuoted(file)) --issuer-key ISSUER.pub") + "\n")
        return .failure(ExitCodeError(.usage))
      }
      let publicKey: Ed25519.PublicKey
      switch readKey(issuerKey, { pem throws(Ed25519.KeyError) in try Ed25519.publicKey(pem: pem) })
      {
      case .success(let value): publicKey = value
      case .failure(let failure): return .failure(failure)
      }
      do {
        credential = try VCJWT.verify(token, publicKey: publicKey)
      } catch {
        printProblems(
          [CertificateProblem(.signature, error.description)], file: file, language: language)
        return .failure(ExitCodeError(.invalid))
      }
      signedWith = issuerKey
    }
    let course: Course
    switch certificateCourse(
      credential, file: file, locator: locator, loader: loader, language: language)
    {
    case .success(let value): course = value
    case .failure(let failure): return .failure(failure)
    }
    let problems = CertificateVerifier.verify(credential, against: course)
    guard problems.isEmpty else {
      printProblems(problems, file: file, language: language)
      return .failure(ExitCodeError(.invalid))
    }
    return .success((credential, course, signedWith))
  }

  // MARK: Helpers

  /// Writes to standard output what may hold text from a certificate, made safe to print.
  private func out(_ text: String) { console.write(Self.printable(text)) }

  /// The same, to standard error.
  private func err(_ text: String) { console.writeError(Self.printable(text)) }

  /// `text` made safe to print (`TerminalText.safe`): a certificate is a file anyone can edit.
  static func printable(_ text: String) -> String { TerminalText.safe(text) }

  /// Each problem as `file: error: message`, then a summary line, on standard output. In
  /// another language than English each line says first, in that language, what is wrong
  /// (by the problem's field), then the English detail.
  private func printProblems(
    _ problems: [CertificateProblem], file: String, language: String = "en"
  ) {
    var text = ""
    for problem in problems {
      if language == "en" {
        text += "\(file): error: \(problem.message)\n"
      } else {
        text +=
          Localization.string(
            .verifyProblem, language, file, problem.field.summary(language), problem.message) + "\n"
      }
    }
    text += Localization.string(
      problems.count == 1 ? .verifyInvalidOne : .verifyInvalidMany, language, file,
      String(problems.count))
    out(text + "\n")
  }

  /// The local course a certificate is for, from the courses folder.
  private func certificateCourse(
    _ credential: Credential, file: String, locator: CourseLocator, loader: CourseLoader,
    language: String = "en"
  ) -> Result<Course, ExitCodeError> {
    let reference = credential.kurs.course
    // The id comes from a file anyone can edit: it must be a course id, never a path.
    let isID =
      reference.id.first.map { $0.isLetter || $0 == "_" } == true && reference.id.count <= 128
      && reference.id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    guard isID else {
      printProblems(
        [CertificateProblem(.course, "'\(reference.id.prefix(80))' is not a course id")], file: file
      )
      return .failure(ExitCodeError(.invalid))
    }
    guard let folder = locator.path(for: reference.id) else {
      err(
        "kurs: "
          + Localization.string(
            .verifyCourseNotHere, language, file, reference.id, reference.version,
            locator.searchedDescription) + "\n")
      return .failure(ExitCodeError(.unreadable))
    }
    guard let course = loadValid(folder, locator: locator, loader: loader) else {
      return .failure(ExitCodeError(.invalid))
    }
    return .success(course)
  }

  /// Reads a key file with `parse`, printing what is wrong.
  private func readKey<Key>(
    _ path: String, _ parse: (String) throws(Ed25519.KeyError) -> Key
  ) -> Result<Key, ExitCodeError> {
    let text: String
    do {
      let url = URL(fileURLWithPath: path)
      let size =
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
      guard size <= 64 * 1024 else {
        err("kurs: \(path): this is not a PEM key; give the file 'kurs keys new' wrote\n")
        return .failure(ExitCodeError(.invalid))
      }
      text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
    } catch {
      err("kurs: \(path): cannot read the key: \(Self.describe(error))\n")
      return .failure(ExitCodeError(.unreadable))
    }
    do {
      return .success(try parse(text))
    } catch {
      err("kurs: \(path): \(error)\n")
      return .failure(ExitCodeError(.invalid))
    }
  }

  /// `name.json` → `name.jwt`; any other name gets `.jwt` added.
  static func signedPath(for file: String) -> String {
    file.hasSuffix(".json") ? String(file.dropLast(5)) + ".jwt" : file + ".jwt"
  }

  /// A file system error in words, without Foundation's domain and code.
  static func describe(_ error: any Error) -> String {
    if let error = error as? POSIXError, error.code == .EEXIST { return "the file already exists" }
    if let error = error as? Ed25519.KeyError { return error.description }
    return error.localizedDescription
  }
}

/// An exit code as an error, for helpers that have already printed what is wrong.
struct ExitCodeError: Error, Equatable, CustomStringConvertible {
  var code: ExitCode
  var description: String { "already reported; exit code \(code.rawValue)" }
  init(_ code: ExitCode) { self.code = code }
}
