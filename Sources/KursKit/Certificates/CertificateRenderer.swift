import Foundation

/// A certificate for people: plain text for the terminal and a printable HTML page, both in the
/// learner's language, with the course's titles from the course itself.
///
/// The page is self-contained: inline CSS only, no scripts, no images, no links to fetch, so it
/// opens offline and prints the same everywhere. Its fonts are the system's serif and sans-serif
/// faces, which have Cyrillic on every common system.
public struct CertificateRenderer: Sendable {
  public var course: Course
  public var language: String
  /// The time zone the date is shown in (the learner's own, by default).
  public var timeZone: TimeZone

  public init(course: Course, language: String, timeZone: TimeZone = .current) {
    self.course = course
    self.language = Localization.languages.contains(language) ? language : "en"
    self.timeZone = timeZone
  }

  private func t(_ key: Localization.Key, _ arguments: String...) -> String {
    Localization.string(key, language, arguments: arguments)
  }

  private func resolve(_ text: LocalizedText) -> String? {
    text.resolve(language, fallback: course.defaultLanguage)?.plain
  }

  // MARK: What both forms show

  private var courseTitle: String { resolve(course.title) ?? course.id }

  private func moduleTitle(_ id: String) -> String {
    course.module(id).flatMap { resolve($0.title) } ?? id
  }

  private func status(_ module: Credential.ModuleRecord) -> String {
    t(module.passed ? .statusPassed : .statusFailed)
  }

  /// The date of `validFrom` as people write it in the language (`1 May 2026`, `1 мая 2026 г.`).
  func date(_ credential: Credential) -> String {
    guard let date = CertificateIssuer.date(from: credential.validFrom) else {
      return credential.validFrom
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: language)
    formatter.timeZone = timeZone
    formatter.dateStyle = .long
    formatter.timeStyle = .none
    return formatter.string(from: date)
  }

  /// Who signed it, or that nobody has.
  private func signature(_ credential: Credential, fileName: String) -> String {
    credential.issuer.isUnsigned
      ? t(.certificateNotSigned, fileName)
      : t(.certificateSignedBy, credential.issuer.name, credential.issuer.id)
  }

  private func checkCommand(_ credential: Credential) -> String {
    credential.issuer.isUnsigned
      ? "kurs certificate verify \(course.id).json"
      : "kurs certificate verify \(course.id).jwt --issuer-key ISSUER.pub"
  }

  // MARK: Text

  /// The certificate as lines of text at most `width` columns wide.
  public func text(_ credential: Credential, width: Int = 80) -> String {
    let width = max(30, min(width, ScreenRenderer.readableWidth))
    var lines: [String] = []
    // Continuation lines hang two columns further in, so that each entry stands out.
    func add(_ text: String, indent: Int = 0) {
      let wrapped = TextLayout.wrap(text, width: width - indent)
      let first = String(repeating: " ", count: indent)
      lines.append(first + (wrapped.first ?? ""))
      lines += TextLayout.wrap(
        wrapped.dropFirst().joined(separator: " "), width: width - indent - 2
      )
      .filter { !$0.isEmpty }.map { first + "  " + $0 }
    }
    let heading = t(.certificateHeading).uppercased()
    let rule = String(repeating: "=", count: min(width, max(TextLayout.width(of: heading), 40)))
    lines.append(rule)
    add(heading)
    lines.append(rule)
    lines.append("")
    add(t(.certificateAwardedTo))
    add(credential.learnerName ?? "", indent: 2)
    add(t(.certificateForCourse))
    add(courseTitle, indent: 2)
    lines.append("")
    add(t(.certificateDate, date(credential)))
    lines.append("")
    add(t(.certificateModules))
    for module in credential.kurs.modules {
      add(
        t(
          .certificateModuleLine, moduleTitle(module.id), String(module.score),
          String(module.maximum),
          String(module.passMark), status(module)), indent: 2)
    }
    add(t(.certificateTotal, String(credential.kurs.total)))
    lines.append("")
    add(t(.certificateCourseVersion, course.id, credential.kurs.course.version))
    add(t(.certificateDigest, credential.kurs.course.digest))
    add(t(.certificateID, credential.id))
    lines.append("")
    add(signature(credential, fileName: "\(course.id).json"))
    add(t(.certificateCheck))
    add(checkCommand(credential), indent: 2)
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: HTML

  /// The certificate as a self-contained HTML page that prints on one page (A4 or US Letter).
  /// - Parameter showsCourseTitle: false leaves the course title out of the page (its heading
  ///   and its window title), for a learner whom a title naming drug use could expose; the
  ///   course is then named by its id and version only, as the check needs.
  public func html(_ credential: Credential, showsCourseTitle: Bool = true) -> String {
    let e = Self.escape
    let pageTitle =
      ([t(.certificateHeading)] + (showsCourseTitle ? [courseTitle] : []) + [
        credential.learnerName ?? ""
      ])
      .map(e).joined(separator: ": ")
    let courseLines =
      showsCourseTitle
      ? """
        <p>\(e(t(.certificateForCourse)))</p>
        <h2 class="course">\(e(courseTitle))</h2>

      """ : ""
    // Many modules get smaller rows, so that the page still fits one sheet.
    let density =
      credential.kurs.modules.count > 12
      ? " dense" : credential.kurs.modules.count > 6 ? " compact" : ""
    // More than 16 modules are shown in two tables side by side, the first half on the left.
    let modules = credential.kurs.modules
    let half = modules.count > 16 ? (modules.count + 1) / 2 : modules.count
    let groups = [Array(modules[..<half]), Array(modules[half...])].filter { !$0.isEmpty }
    let header = """
          <thead><tr><th scope="col">\(e(t(.certificateColumnModule)))</th><th scope="col">\(e(t(.certificateColumnPoints)))</th>\
      <th scope="col">\(e(t(.certificateColumnPassMark)))</th><th scope="col">\(e(t(.certificateColumnResult)))</th></tr></thead>
      """
    var tables = ""
    for (index, group) in groups.enumerated() {
      var rows = ""
      for module in group {
        rows += """
                <tr><td>\(e(moduleTitle(module.id)))</td><td class="number">\(module.score) / \(module.maximum)</td>\
          <td class="number">\(module.passMark)</td><td class="status">\(e(status(module)))</td></tr>

          """
      }
      let caption = index == 0 ? e(t(.certificateModules)) : e(t(.certificateModules)) + " (2)"
      tables += """
          <table>
            <caption>\(caption)</caption>
        \(header)
            <tbody>
        \(rows)    </tbody>
          </table>

        """
    }
    return """
      <!DOCTYPE html>
      <html lang="\(e(language))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(pageTitle)</title>
      <style>
      \(Self.style)
      </style>
      </head>
      <body>
      <main class="certificate\(density)">
        <p class="heading">\(e(t(.certificateHeading)))</p>
        <p>\(e(t(.certificateAwardedTo)))</p>
        <h1 class="name">\(e(credential.learnerName ?? ""))</h1>
      \(courseLines)  <p class="date">\(e(t(.certificateDate, date(credential))))</p>
        <div class="modules">
      \(tables)  </div>
        <p class="total">\(e(t(.certificateTotal, String(credential.kurs.total))))</p>
        <div class="details">
          <p>\(e(t(.certificateCourseVersion, course.id, credential.kurs.course.version)))</p>
          <p>\(e(t(.certificateDigest, credential.kurs.course.digest)))</p>
          <p>\(e(t(.certificateID, credential.id)))</p>
          <p>\(e(signature(credential, fileName: "\(course.id).json")))</p>
          <p>\(e(t(.certificateCheck))) <code>\(e(checkCommand(credential)))</code></p>
        </div>
      </main>
      </body>
      </html>

      """
  }

  /// Text as HTML text or attribute value.
  static func escape(_ text: String) -> String { Markup.escapeHTML(text) }

  /// Inline CSS: readable on screen, and on paper one page of A4 or US Letter in landscape
  /// (whichever the printer has: no fixed paper size), in sizes that fit a long title and many
  /// modules; fonts that have Cyrillic. The print test (CertificatePrintTests) prints it with
  /// Chromium on both papers.
  static let style = """
    @page { size: landscape; margin: 10mm; }
    html { background: #ffffff; color: #1a1a1a; }
    body { margin: 0; font-family: "Noto Sans", "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; line-height: 1.4; }
    .certificate { max-width: 56rem; margin: 1.5rem auto; padding: 2.5rem 3.5rem; border: 0.4rem double #2b4c7e; text-align: center; }
    .heading { font-family: "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", "Liberation Serif", serif; font-size: 2rem; letter-spacing: 0.05em; text-transform: uppercase; color: #2b4c7e; margin: 0 0 1.5rem; }
    .name { font-family: "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", "Liberation Serif", serif; font-size: 2.2rem; font-weight: normal; margin: 0.3rem auto 0.8rem; padding: 0 1rem 0.2rem; border-bottom: 1px solid #888888; display: inline-block; overflow-wrap: anywhere; }
    .course { font-size: 1.5rem; margin: 0.3rem 0 1rem; overflow-wrap: anywhere; }
    .modules { display: flex; flex-wrap: wrap; justify-content: center; align-items: flex-start; column-gap: 2rem; }
    table { margin: 1rem 0; border-collapse: collapse; text-align: left; }
    caption { font-weight: bold; padding-bottom: 0.3rem; }
    th, td { padding: 0.3rem 0.8rem; border-bottom: 1px solid #cccccc; }
    td { overflow-wrap: anywhere; }
    .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .status { white-space: nowrap; }
    .total { font-weight: bold; }
    .details { margin-top: 2rem; font-size: 0.8rem; color: #444444; text-align: left; overflow-wrap: anywhere; }
    .details p { margin: 0.2rem 0; }
    @media print {
      /* The printable area of A4 landscape is 277 x 190 mm, of US Letter 259 x 196 mm: the
         certificate is at most 255 mm wide, and its sizes keep it under 186 mm high. Nothing is
         clipped: a page that did not fit would spill onto a second one, which the print test
         catches. */
      html, body { width: 100%; }
      body { font-size: 10pt; line-height: 1.3; }
      .certificate { box-sizing: border-box; width: 100%; max-width: 255mm; min-height: 170mm; margin: 0 auto; padding: 6mm 12mm; border-color: #000000; break-inside: avoid; page-break-inside: avoid; display: flex; flex-direction: column; justify-content: center; align-items: center; }
      .certificate > * { align-self: stretch; }
      .certificate > .name { align-self: center; }
      .heading { color: #000000; font-size: 18pt; margin: 0 0 3mm; }
      .certificate > p { margin: 1.5mm 0; }
      .name { font-size: 20pt; margin: 1mm auto 2mm; }
      .course { font-size: 13pt; margin: 1mm 0 2mm; }
      .modules { flex-wrap: nowrap; column-gap: 4mm; }
      table { margin: 2mm 0; font-size: 9pt; break-inside: avoid; }
      tr { break-inside: avoid; page-break-inside: avoid; }
      th, td { padding: 0.6mm 2.5mm; }
      .total { margin: 1.5mm 0; }
      .details { margin-top: 3mm; font-size: 7pt; }
      .details p { margin: 0.3mm 0; }
      .compact table { font-size: 8pt; }
      .compact th, .compact td { padding: 0.3mm 2mm; }
      .dense.certificate { padding: 4mm 10mm; }
      .dense.certificate > p { margin: 0.8mm 0; }
      .dense .heading { font-size: 14pt; margin-bottom: 1mm; }
      .dense .name { font-size: 15pt; }
      .dense .course { font-size: 11pt; }
      .dense table { font-size: 6.5pt; line-height: 1.1; }
      .dense th, .dense td { padding: 0 1.5mm; }
      .dense .details { margin-top: 1mm; font-size: 6pt; line-height: 1.2; }
    }
    """
}
