/// `kurs certificate verify|sign|print|context`: check, sign and print learners'
/// certificates. Each subcommand is its own type below; this file holds their help.
enum CertificateCommand: CommandGroup {
  static let configuration = CommandConfiguration(
    name: "certificate",
    abstract: "check, sign and print certificates; print Kurs's JSON-LD context",
    subcommands: [
      CertificateVerifyCommand.self, CertificateSignCommand.self, CertificatePrintCommand.self,
      CertificateContextCommand.self,
    ], help: help)

  static func missingSubcommand(_ given: String?) -> UsageError {
    guard let given else {
      return UsageError(
        "'kurs certificate' needs verify, sign, print or context: kurs certificate verify example.json",
        command: "certificate")
    }
    let names = configuration.subcommands.map { $0.configuration.name }
    return UsageError(
      "'kurs certificate' has no command '\(given)'\(didYouMean(given, names)); use verify, sign, print or context",
      command: "certificate")
  }

  /// The issuer's public key, to check a signed certificate.
  static let issuerKey = CommandOption(
    "--issuer-key", value: "PUB",
    help: "the issuer's public key (.pub), to check a signed certificate")
  /// Where `sign` and `print` write.
  static let out = CommandOption(
    "--out", value: "FILE",
    help: """
      where to write the signed certificate or the page (a page is
      never written over an existing file unless --replace)
      """)
}

/// `kurs certificate verify FILE [--issuer-key PUB]`.
struct CertificateVerifyCommand: Command {
  static let configuration = CommandConfiguration(
    name: "verify", abstract: "check a certificate against its course",
    arguments: [CommandArgument("FILE")], options: [CertificateCommand.issuerKey, .language])

  var arguments: [String]
  var issuerKey: String?
  var file: String { arguments.first ?? "" }

  init(file: String, issuerKey: String? = nil) {
    arguments = [file]
    self.issuerKey = issuerKey
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    issuerKey = parsed.value("--issuer-key")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs certificate verify' needs one certificate: kurs certificate verify example.json",
        command: "certificate")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.verifyCertificate(
      file, issuerKey: issuerKey, locator: context.locator, loader: context.loader,
      language: context.readerLanguage)
  }
}

/// `kurs certificate sign FILE --key KEY --issuer-name NAME [--out FILE]`.
struct CertificateSignCommand: Command {
  static let configuration = CommandConfiguration(
    name: "sign", abstract: "check a learner's certificate, then sign it with your key",
    arguments: [CommandArgument("FILE")],
    options: [
      CommandOption("--key", value: "KEY", help: "your private key (.key), from kurs keys new")
        .required(),
      CommandOption(
        "--issuer-name", value: "NAME",
        help: "the person or organisation signing, as the certificate shows it"
      ).required(),
      CertificateCommand.out,
    ])

  var arguments: [String]
  var key: String?
  var issuerName: String?
  var output: String?
  var file: String { arguments.first ?? "" }

  init(file: String, key: String, issuerName: String, output: String? = nil) {
    arguments = [file]
    self.key = key
    self.issuerName = issuerName
    self.output = output
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    key = parsed.value("--key")
    issuerName = parsed.value("--issuer-name")
    output = parsed.value("--out")
  }

  func validate() throws(UsageError) {
    let example =
      "kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'"
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs certificate sign' needs one certificate: \(example)", command: "certificate")
    }
    guard key != nil else {
      throw UsageError(
        "'kurs certificate sign' needs your private key (--key): \(example)",
        command: "certificate")
    }
    guard issuerName != nil else {
      throw UsageError(
        "'kurs certificate sign' needs the name to sign as (--issuer-name): \(example)",
        command: "certificate")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    guard let key, let issuerName else { return .usage }
    return context.cli.signCertificate(
      file, key: key, issuerName: issuerName, output: output, locator: context.locator,
      loader: context.loader)
  }
}

/// `kurs certificate print FILE [--issuer-key PUB] [--no-title] [--out FILE] [--replace]`.
struct CertificatePrintCommand: Command {
  static let configuration = CommandConfiguration(
    name: "print", abstract: "the page to print (--no-title: without the course title)",
    arguments: [CommandArgument("FILE")],
    options: [
      CertificateCommand.issuerKey,
      CommandOption("--no-title", help: "print the page without the course title"),
      CertificateCommand.out,
      CommandOption("--replace", help: "let print replace the file --out names"),
    ])

  var arguments: [String]
  var issuerKey: String?
  var output: String?
  /// Whether the page shows the course's title (`--no-title` leaves it off).
  var title: Bool
  var replace: Bool
  var file: String { arguments.first ?? "" }

  init(
    file: String, issuerKey: String? = nil, output: String? = nil, title: Bool = true,
    replace: Bool = false
  ) {
    arguments = [file]
    self.issuerKey = issuerKey
    self.output = output
    self.title = title
    self.replace = replace
  }

  init(_ parsed: ParsedArguments) {
    arguments = parsed.arguments
    issuerKey = parsed.value("--issuer-key")
    output = parsed.value("--out")
    title = !parsed.flag("--no-title")
    replace = parsed.flag("--replace")
  }

  func validate() throws(UsageError) {
    guard arguments.count == 1 else {
      throw UsageError(
        "'kurs certificate print' needs one certificate: kurs certificate print example.json --no-title --out example.html",
        command: "certificate")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.cli.printCertificate(
      file, issuerKey: issuerKey, output: output, title: title, replace: replace,
      locator: context.locator, loader: context.loader)
  }
}

/// `kurs certificate context`: Kurs's JSON-LD context.
struct CertificateContextCommand: Command {
  static let configuration = CommandConfiguration(
    name: "context", abstract: "print Kurs's JSON-LD context (urn:kurs:context:1)")

  var arguments: [String]

  init() { arguments = [] }
  init(_ parsed: ParsedArguments) { arguments = parsed.arguments }

  func validate() throws(UsageError) {
    guard arguments.isEmpty else {
      throw UsageError(
        "'kurs certificate context' takes no arguments: kurs certificate context > kurs-context-1.jsonld",
        command: "certificate")
    }
  }

  func run(_ context: CommandContext) -> ExitCode {
    context.console.write(KursContext.text)
    return .success
  }
}

// MARK: - kurs help certificate

extension CertificateCommand {
  /// What `kurs help certificate` says besides the usage lines and the options (generated).
  static let help = HelpTopic(
    discussion: """
      When a learner completes a course, Kurs writes their certificate in their data folder
      (certificates/LEARNER/COURSE.txt, .html and .json). The .json file is an Open Badges
      3.0 credential holding the course's id, version and digest, the modules with their
      scores, the date and every answer given.

      verify checks a certificate against its course, which must be in the courses folder
      (--courses DIR), in the same version: it replays the answers through the course and
      checks that they earn the scores and passes the certificate claims, and that no field
      was edited. A signed certificate (.jwt) also needs the issuer's public key. Without a
      signature, a valid certificate shows that its results follow from its answers; it does
      not show who took the course. The verdict and each problem are printed in your
      language (--lang); the problems' details stay in English. See docs/certificates.md.

      sign checks the certificate the same way, then signs it with your private key as a
      VC-JWT (EdDSA) under the name you give, and writes FILE.jwt (or --out FILE). It never
      signs a certificate that does not check.

      print checks the certificate the same way, then writes the page to print (one A4 or
      US Letter page) to standard output or --out FILE. --no-title leaves the course title
      off the page, for when a title could expose you (one that names drug use, say): the
      page then names the course by its id and version only. The .json and .jwt keep the
      title; they are unchanged and still check.

      context prints Kurs's JSON-LD context, urn:kurs:context:1, which gives the terms
      under "kurs" in a credential their IRIs; JSON-LD tools load it from this copy, never
      from the network.
      """,
    optionColumn: 19,
    epilogue: """
      exit codes: 0 valid (or signed, or printed), 1 invalid or not signed, 2 a file or
      the course could not be read, 64 usage

      examples:
        kurs certificate verify example.json
        kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'
        kurs certificate verify example.jwt --issuer-key trainer.pub
        kurs certificate print example.json --no-title --out example-print.html
      """,
    translations: [
      "ru": HelpTopic.Translation(
        discussion: """
          Когда учащийся проходит курс, Kurs записывает сертификат в его папку данных
          (certificates/LEARNER/COURSE.txt, .html и .json). Файл .json — удостоверение Open
          Badges 3.0 с идентификатором, версией и отпечатком курса, модулями с баллами, датой
          и всеми данными ответами.

          verify проверяет сертификат по его курсу, который должен быть в папке курсов
          (--courses DIR) в той же версии: заново проходит ответы по курсу и проверяет, что они
          дают заявленные баллы и результаты и что ни одно поле не изменено. Для подписанного
          сертификата (.jwt) нужен ещё открытый ключ выдавшего. Без подписи действительный
          сертификат показывает, что его результаты следуют из его ответов, но не показывает,
          кто проходил курс. Итог и каждая проблема печатаются на вашем языке (--lang);
          подробности проблем — по-английски. См. docs/certificates.md.

          sign проверяет сертификат так же, затем подписывает его вашим закрытым ключом как
          VC-JWT (EdDSA) под указанным именем и записывает FILE.jwt (или --out FILE).
          Сертификат, который не проходит проверку, никогда не подписывается.

          print проверяет сертификат так же, затем записывает страницу для печати (один лист
          A4 или US Letter) в стандартный вывод или в --out FILE. --no-title убирает
          со страницы название курса, если название может вас выдать (например, если в нём
          упоминаются наркотики): тогда курс назван только идентификатором и версией. Файлы
          .json и .jwt сохраняют название, не меняются и по-прежнему проходят проверку.

          context печатает JSON-LD-контекст Kurs, urn:kurs:context:1 (для инструментов JSON-LD).
          """,
        epilogue: """
          коды выхода: 0 действителен (или подписан, или напечатан), 1 недействителен или не
          подписан, 2 не удалось прочитать файл или курс, 64 неверная командная строка

          примеры:
            kurs certificate verify example.json --lang ru
            kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'
            kurs certificate verify example.jwt --issuer-key trainer.pub
            kurs certificate print example.json --no-title --out example-print.html
          """,
        optionHelp: [
          "--issuer-key": "открытый ключ выдавшего (.pub), чтобы проверить подписанный",
          "--key": "ваш закрытый ключ (.key) из kurs keys new",
          "--issuer-name": "человек или организация, которые подписывают, как в сертификате",
          "--out": """
          куда записать подписанный сертификат или страницу (страница не
          записывается поверх существующего файла без --replace)
          """,
          "--no-title": "страница для печати без названия курса",
          "--replace": "разрешить print заменить файл из --out",
        ]
      ),
      "uk": HelpTopic.Translation(
        discussion: """
          Коли учасник чи учасниця проходить курс, Kurs записує сертифікат у їхню папку даних
          (certificates/LEARNER/COURSE.txt, .html і .json). Файл .json — посвідчення Open
          Badges 3.0 з ідентифікатором, версією й відбитком курсу, модулями з балами, датою та
          всіма наданими відповідями.

          verify перевіряє сертифікат за його курсом, який має бути в папці курсів (--courses
          DIR) у тій самій версії: заново проходить відповіді курсом і перевіряє, що вони дають
          заявлені бали й результати і що жодне поле не змінено. Для підписаного сертифіката
          (.jwt) потрібен ще відкритий ключ того, хто його видав. Без підпису дійсний сертифікат
          показує, що його результати випливають із його відповідей, але не показує, хто
          проходив курс. Підсумок і кожну проблему надруковано вашою мовою (--lang); подробиці
          проблем — англійською. Див. docs/certificates.md.

          sign перевіряє сертифікат так само, потім підписує його вашим закритим ключем як
          VC-JWT (EdDSA) під указаним ім’ям і записує FILE.jwt (або --out FILE). Сертифікат,
          який не проходить перевірки, ніколи не підписується.

          print перевіряє сертифікат так само, потім записує сторінку для друку (один аркуш A4
          або US Letter) у стандартний вивід або в --out FILE. --no-title прибирає зі сторінки
          назву курсу, якщо назва може вас видати (наприклад, якщо в ній згадано наркотики):
          тоді курс названо лише ідентифікатором і версією. Файли .json і .jwt зберігають
          назву, не змінюються й далі проходять перевірку.

          context друкує JSON-LD-контекст Kurs, urn:kurs:context:1 (для інструментів JSON-LD).
          """,
        epilogue: """
          коди виходу: 0 дійсний (або підписаний, або надрукований), 1 недійсний або не
          підписаний, 2 не вдалося прочитати файл або курс, 64 неправильний командний рядок

          приклади:
            kurs certificate verify example.json --lang uk
            kurs certificate sign example.json --key trainer.key --issuer-name 'Harm Reduction Network'
            kurs certificate verify example.jwt --issuer-key trainer.pub
            kurs certificate print example.json --no-title --out example-print.html
          """,
        optionHelp: [
          "--issuer-key": "відкритий ключ того, хто видав (.pub), щоб перевірити підписаний",
          "--key": "ваш закритий ключ (.key) з kurs keys new",
          "--issuer-name": "людина чи організація, що підписує, як у сертифікаті",
          "--out": """
          куди записати підписаний сертифікат або сторінку (сторінку не
          записано поверх наявного файлу без --replace)
          """,
          "--no-title": "сторінка для друку без назви курсу",
          "--replace": "дозволити print замінити файл із --out",
        ]
      ),
    ])
}
