import Foundation
import KursKit
import Testing

/// Every printable certificate Kurs writes prints on one page of A4 and one of US Letter in
/// Chromium (`--print-to-pdf`), which scripts/test installs from Debian
/// (scripts/third-party-tools chromium); the pages are counted in the PDF.
@Suite struct CertificatePrintTests {
  static let chromium: String? = {
    let candidates = [
      ProcessInfo.processInfo.environment["KURS_TEST_CHROMIUM"], "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
    ]
    return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// The papers, as the `@page` size a printer dialog would choose, and their size in points.
  static let papers: [(name: String, css: String, width: Double, height: Double)] = [
    ("A4", "A4 landscape", 841.89, 595.28), ("US Letter", "letter landscape", 792, 612),
  ]

  /// The PDF Chromium prints `page` to on `paper`: the page as Kurs wrote it, with the paper
  /// size a printer would set.
  func printPDF(
    _ page: URL, paper: (name: String, css: String, width: Double, height: Double), in folder: URL
  ) throws -> Data {
    let chromium = try #require(Self.chromium)
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains("</head>"))
    let sized = folder.appendingPathComponent("\(UUID().uuidString).html")
    try html.replacingOccurrences(
      of: "</head>", with: "<style>@page { size: \(paper.css); }</style>\n</head>"
    )
    .write(to: sized, atomically: true, encoding: .utf8)
    let pdf = folder.appendingPathComponent("\(UUID().uuidString).pdf")
    let profile = folder.appendingPathComponent("chromium-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    // --no-sandbox: Chromium refuses to run as root with its sandbox (the test machine's case).
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--user-data-dir=\(profile.path)",
      "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", sized.absoluteString,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, Date() < deadline { usleep(100_000) }
    if process.isRunning {
      process.terminate()
      Issue.record("chromium did not print \(page.lastPathComponent) within 120 seconds")
    }
    process.waitUntilExit()
    return try Data(contentsOf: pdf)
  }

  /// The number of page objects (`/Type /Page`, not `/Pages`) in a PDF.
  static func pageCount(_ pdf: Data) -> Int {
    let bytes = [UInt8](pdf)
    let type = Array("/Type".utf8)
    let page = Array("/Page".utf8)
    var count = 0
    var index = 0
    while index + type.count < bytes.count {
      guard bytes[index..<index + type.count].elementsEqual(type) else {
        index += 1
        continue
      }
      var next = index + type.count
      while next < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[next]) { next += 1 }
      let end = next + page.count
      if end < bytes.count, bytes[next..<end].elementsEqual(page) {
        let after = bytes[end]
        let isName =
          (0x41...0x5A).contains(after) || (0x61...0x7A).contains(after)
          || (0x30...0x39).contains(after)
        if !isName { count += 1 }
      }
      index = next
    }
    return count
  }

  /// The first page's `/MediaBox` width and height, in points.
  static func mediaBox(_ pdf: Data) -> (Double, Double)? {
    let text = String(decoding: pdf, as: UTF8.self)
    guard let start = text.range(of: "/MediaBox") else { return nil }
    let rest = text[start.upperBound...].drop { $0 == " " || $0 == "[" }
    let numbers = rest.prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4 else { return nil }
    return (numbers[2] - numbers[0], numbers[3] - numbers[1])
  }

  /// Prints `page` on both papers and expects one page of the right size on each.
  func expectOnePage(_ page: URL, _ what: String, in folder: URL) throws {
    for paper in Self.papers {
      let pdf = try printPDF(page, paper: paper, in: folder)
      #expect(Self.pageCount(pdf) == 1, "\(what) on \(paper.name): \(Self.pageCount(pdf)) pages")
      let size = try #require(Self.mediaBox(pdf), "\(what) on \(paper.name): no /MediaBox")
      #expect(
        abs(size.0 - paper.width) < 2 && abs(size.1 - paper.height) < 2,
        "\(what) on \(paper.name): \(size)")
    }
  }

  @Test func thePageCounterCountsPagesNotThePageTree() {
    let pdf = Data(
      "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\n<< /Type /Page >>\n<</Type/Page/Parent 2 0 R>>"
        .utf8)
    #expect(Self.pageCount(pdf) == 2)
  }

  @Test(
    .enabled(
      if: chromium != nil,
      "skipped: no chromium; scripts/test installs it (scripts/third-party-tools chromium)"),
    arguments: ["marina", "police", "example"])
  func theRunnersCertificatePagePrintsOnOnePageInEachLanguage(course: String) throws {
    for (language, name) in [
      ("en", "Sveta"), ("ru", "Светлана Александровна Кузнецова-Оболенская"),
    ] {
      let completed = try CompletedCourse(course, language: language, name: name)
      defer { completed.remove() }
      try expectOnePage(completed.html, "\(course) \(language)", in: completed.data)
      // And the page without the course title.
      let untitled = completed.data.appendingPathComponent("untitled.html")
      let printed = try KursProcess.run([
        "certificate", "print", completed.json.path, "--no-title", "--out", untitled.path,
      ])
      #expect(printed.exitCode == 0, "\(printed.errors)")
      try expectOnePage(untitled, "\(course) \(language) without its title", in: completed.data)
    }
  }

  /// A worst case: a title of three long lines in Russian, a long name and thirty modules with
  /// long titles (more than 16 are shown in two tables side by side).
  @Test(
    .enabled(
      if: chromium != nil,
      "skipped: no chromium; scripts/test installs it (scripts/third-party-tools chromium)"))
  func aLongTitleALongNameAndThirtyModulesStillPrintOnOnePage() throws {
    let completed = try CompletedCourse(
      "example", language: "ru", name: String(repeating: "Александра ", count: 6))
    defer { completed.remove() }
    let copy = completed.data.appendingPathComponent("long/example")
    try FileManager.default.createDirectory(
      at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"), to: copy)
    let file = copy.appendingPathComponent("course.xml")
    let longTitle = String(
      repeating:
        "Полицейское насилие в отношении женщин, употребляющих наркотики, и как его документировать. ",
      count: 3)
    let xml = try String(contentsOf: file, encoding: .utf8)
      .replacingOccurrences(of: "Пример: безопасная дорога домой", with: longTitle)
    try xml.write(to: file, atomically: true, encoding: .utf8)
    let loader = CourseLoader(
      contentDirectory: KursProcess.repository.appendingPathComponent("Content"))
    let course = try #require(loader.load(path: copy.path).course)
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: completed.json)) as? [String: Any])
    var record = try #require(json["kurs"] as? [String: Any])
    record["modules"] = (1...30).map {
      [
        "id": "module-\($0)-with-a-long-identifier-about-documenting-evidence-after-detention",
        "score": 18,
        "maximum": 26, "passMark": 13, "passed": true,
      ] as [String: Any]
    }
    json["kurs"] = record
    let credential = try JSONDecoder().decode(
      Credential.self, from: JSONSerialization.data(withJSONObject: json))
    let page = completed.data.appendingPathComponent("long.html")
    try CertificateRenderer(course: course, language: "ru").html(credential).write(
      to: page, atomically: true, encoding: .utf8)
    try expectOnePage(page, "a long title and 30 modules", in: completed.data)
  }
}
