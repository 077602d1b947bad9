import Testing

@testable import KursKit

@Suite struct CertificateCommandParsingTests {
  @Test func keysNewTakesAFolderAndAName() throws {
    #expect(
      try CommandLineParser.parse(["keys", "new"]).command == .newKeys(directory: nil, name: nil))
    #expect(
      try CommandLineParser.parse(["keys", "new", "--out", "k", "--name=trainer"]).command
        == .newKeys(directory: "k", name: "trainer"))
  }

  @Test func signNeedsAKeyAndAName() throws {
    let invocation = try CommandLineParser.parse([
      "certificate", "sign", "c.json", "--key", "t.key", "--issuer-name", "Network", "--out",
      "c.signed.jwt", "--courses", "C",
    ])
    #expect(
      invocation.command
        == .signCertificate(
          file: "c.json", key: "t.key", issuerName: "Network", output: "c.signed.jwt"))
    #expect(invocation.options.coursesDirectory == "C")
    #expect(
      throws: UsageError(
        "'kurs certificate sign' needs your private key (--key): kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'",
        command: "certificate")
    ) {
      try CommandLineParser.parse(["certificate", "sign", "c.json"])
    }
  }

  @Test func verifyTakesAnOptionalIssuerKey() throws {
    #expect(
      try CommandLineParser.parse(["certificate", "verify", "c.json"]).command
        == .verifyCertificate(file: "c.json", issuerKey: nil))
    #expect(
      try CommandLineParser.parse(["certificate", "verify", "c.jwt", "--issuer-key", "t.pub"])
        .command == .verifyCertificate(file: "c.jwt", issuerKey: "t.pub"))
    #expect(
      throws: UsageError(
        "'kurs certificate verify' has no option --issuer-name", command: "certificate")
    ) {
      try CommandLineParser.parse(["certificate", "verify", "c.json", "--issuer-name", "x"])
    }
  }

  @Test func helpHasTheCertificateTopics() {
    #expect(
      HelpText.topic("certificate")?.contains(
        "kurs certificate verify example.jwt --issuer-key trainer.pub") == true)
    #expect(HelpText.topic("keys")?.contains("kurs keys new --name trainer") == true)
  }
}
