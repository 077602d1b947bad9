import Foundation

/// The cohort report as a terminal table, CSV, JSON and one self-contained HTML page.
extension CohortReport {
  /// "passed 24/26 ×2", "in progress ×1", "-", in `language`.
  static func cell(_ cell: ModuleCell, _ language: String = "en") -> String {
    guard cell.attempts > 0 || cell.status != "not-started" else { return "-" }
    let score = cell.score.map { " \($0)/\(cell.maximum ?? 0)" } ?? ""
    let status: String
    switch cell.status {
    case "passed": status = ReportText.string(.statusPassed, language)
    case "failed": status = ReportText.string(.statusFailed, language)
    case "in-progress": status = ReportText.string(.statusInProgress, language)
    default: status = cell.status
    }
    return "\(status)\(score) ×\(cell.attempts)"
  }

  /// A funnel step's label: the first and last steps are the report's own words, the others
  /// module titles from the course.
  func funnelLabel(_ index: Int, _ language: String) -> String {
    if index == 0 { return ReportText.string(.funnelStarted, language) }
    if index == funnel.count - 1 { return ReportText.string(.funnelCertificate, language) }
    return funnel[index].label
  }

  /// The table for the terminal, its own words in `language` and times in `timeZone`.
  public func text(language: String = "en", timeZone: TimeZone = .gmt) -> String {
    let header =
      [ReportText.string(.columnLearner, language)] + modules.map(\.id)
      + [
        ReportText.string(.columnCertificate, language),
        ReportText.string(.columnLastActivity, language), ReportText.string(.columnWhere, language),
      ]
    var rows = learners.map { row in
      [row.pseudonym] + row.modules.map { Self.cell($0, language) }
        + [
          ReportText.string(row.completed ? .yes : .no, language),
          row.lastActivity.map { ReportText.date($0, language, timeZone: timeZone) } ?? "-",
          row.lastNode ?? "-",
        ]
    }
    if rows.isEmpty {
      rows = [
        [ReportText.string(.noLearners, language, cohort)]
          + Array(repeating: "", count: header.count - 1)
      ]
    } else {
      rows.append(Array(repeating: "", count: header.count))
      rows.append(
        [ReportText.string(.total, language)]
          + totals().map {
            ReportText.string(.passedOfStarted, language, "\($0.passed)", "\($0.started)")
          }
          + ["\(learners.filter(\.completed).count)", "", ""])
    }
    let cellWidths = ([header] + rows).map { $0.map { TextLayout.width(of: $0) } }
    let widths = header.indices.map { column in cellWidths.map { $0[column] }.max() ?? 0 }
    func line(_ cells: [String], _ cellWidth: [Int]? = nil) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() {
        if index > 0 { text += "  " }
        text += cell
        if index < cells.count - 1 {
          text += String(
            repeating: " ", count: widths[index] - (cellWidth?[index] ?? TextLayout.width(of: cell))
          )
        }
      }
      // No spaces at either end (an empty last column leaves some).
      while text.last == " " { text.removeLast() }
      while text.first == " " { text.removeFirst() }
      return text
    }
    var out = [
      "\(ReportText.string(.heading, language, cohort)) · \(ReportText.string(.courseLine, language, course, "\(learners.count)"))",
      "",
    ]
    out.append(line(header))
    out.append(line(widths.map { String(repeating: "-", count: $0) }))
    out += rows.enumerated().map { index, row in line(row, cellWidths[index + 1]) }
    out.append("")
    out.append(ReportText.string(.attemptsLegend, language))
    out.append(
      ReportText.string(.completion, language) + ": "
        + funnel.indices.map { "\(funnelLabel($0, language)) \(funnel[$0].count)" }.joined(
          separator: " > "))
    let hardest = items.prefix(5).filter { $0.answered > 0 }
    if !hardest.isEmpty {
      out.append("")
      out.append(ReportText.string(.hardestText, language))
      for item in hardest {
        var text =
          "  \(Int((item.shareCorrectFirstTry * 100).rounded()))%  \(item.module)/\(item.question)  \(item.title)  (\(ReportText.string(.answeredText, language, "\(item.answered)")))"
        if let wrong = item.commonWrongAnswer {
          text += "; " + ReportText.string(.wrongText, language, wrong, "\(item.commonWrongCount)")
        }
        out.append(text)
      }
    }
    for test in tests { out += [""] + test.textLines(language) }
    return out.joined(separator: "\n") + "\n"
  }

  /// Per module: how many learners started it and how many passed.
  public func totals() -> [(started: Int, passed: Int)] {
    modules.indices.map { index in
      let cells = learners.map { $0.modules[index] }
      return (
        cells.filter { $0.attempts > 0 || $0.status != "not-started" }.count,
        cells.filter { $0.status == "passed" }.count
      )
    }
  }

  /// One row per learner and module, for spreadsheets.
  public func csv() -> String {
    func field(_ text: String) -> String {
      let text = Self.neutralized(text)
      return text.contains(where: { ",\"\n\r".contains($0) })
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    // Knowledge tests add four columns each, the same on every row of a learner.
    let testColumns = tests.flatMap { test in
      ["before", "after", "gain", "normalized_gain"].map { "\(test.postTest)_\($0)" }
    }
    var lines = [
      ([
        "learner", "module", "status", "score", "maximum", "attempts", "certificate",
        "last_activity",
      ] + testColumns).joined(separator: ",")
    ]
    for (index, row) in learners.enumerated() {
      let testCells = tests.flatMap { test -> [String] in
        guard index < test.learners.count else { return ["", "", "", ""] }
        let learner = test.learners[index]
        return [
          learner.before.map(String.init) ?? "", learner.after.map(String.init) ?? "",
          learner.gain.map(String.init) ?? "",
          learner.normalizedGain.map { KnowledgeTestReport.decimal($0) } ?? "",
        ]
      }
      for cell in row.modules {
        lines.append(
          ([
            row.pseudonym, cell.module, cell.status, cell.score.map(String.init) ?? "",
            cell.maximum.map(String.init) ?? "",
            String(cell.attempts), row.completed ? "yes" : "no", row.lastActivity ?? "",
          ] + testCells).map(field).joined(separator: ","))
      }
    }
    // A byte order mark first: spreadsheet programs then read the file as UTF-8 (Cyrillic names
    // and titles), where without it they guess a local code page.
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A cell a spreadsheet would run as a formula (a learner's pseudonym `=HYPERLINK(…)`) made
  /// plain text, as OWASP's CSV injection advice says: a leading `'` before `=`, `+`, `-`, `@`,
  /// a tab or a carriage return. Numbers (a negative score) stay numbers.
  static func neutralized(_ text: String) -> String {
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
      Double(text) == nil
    else { return text }
    return "'" + text
  }

  /// The five bands of the score histogram, each a fifth of the maximum (`0–4`, `5–9`, … `20–26`
  /// of 26), the last one up to the maximum; bands that would hold no whole score are left out
  /// when the maximum is below 5.
  static func scoreBands(maximum: Int) -> [ClosedRange<Int>] {
    guard maximum > 0 else { return [0...0] }
    let lows = (0..<5).map { maximum * $0 / 5 }
    var bands: [ClosedRange<Int>] = []
    for (index, low) in lows.enumerated() {
      let high = index == lows.count - 1 ? maximum : lows[index + 1] - 1
      if high >= low { bands.append(low...high) }
    }
    return bands
  }

  /// How many scores fall in each band; a score below 0 (penalties) counts in the first, one
  /// above the maximum in the last.
  static func bandCounts(_ scores: [Int], maximum: Int) -> [(band: ClosedRange<Int>, count: Int)] {
    let bands = scoreBands(maximum: maximum)
    var counts = Array(repeating: 0, count: bands.count)
    for score in scores {
      let index = bands.firstIndex { $0.contains(score) } ?? (score < 0 ? 0 : bands.count - 1)
      counts[index] += 1
    }
    return Array(zip(bands, counts)).map { (band: $0.0, count: $0.1) }
  }

  public func json() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self)
  }

  static func escape(_ text: String) -> String { Markup.escapeHTML(text) }

  /// `text` broken at spaces into lines of at most `width` columns (a longer word is cut), so
  /// that a chart label is shown whole instead of clipped.
  static func wrapLabel(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      var word = String(word)
      while TextLayout.width(of: word) > width {
        if !line.isEmpty {
          lines.append(line)
          line = ""
        }
        lines.append(String(word.prefix(width)))
        word = String(word.dropFirst(width))
      }
      if line.isEmpty {
        line = word
      } else if TextLayout.width(of: line) + 1 + TextLayout.width(of: word) <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = word
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Horizontal bars: one per (label, value), scaled to the largest. Labels wrap onto as many
  /// lines as they need beside their bar.
  static func barChart(title: String, bars: [(String, Int)], total: Int? = nil) -> String {
    let lineHeight = 16
    let labels = bars.map { wrapLabel($0.0, width: 26) }
    let rowHeights = labels.map { max(28, $0.count * lineHeight + 10) }
    let height = rowHeights.reduce(0, +) + 36
    let largest = max(total ?? 0, bars.map(\.1).max() ?? 0, 1)
    var svg =
      #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="\#(height)" viewBox="0 0 640 \#(height)">"#
    svg += "<title>\(escape(title))</title>"
    var y = 12
    for (index, bar) in bars.enumerated() {
      let width = Int(Double(bar.1) / Double(largest) * 380)
      let barY = y + (rowHeights[index] - 28) / 2
      svg += #"<text x="0" y="\#(y + 15)" font-size="13">"#
      for (number, line) in labels[index].enumerated() {
        svg += #"<tspan x="0" dy="\#(number == 0 ? 0 : lineHeight)">\#(escape(line))</tspan>"#
      }
      svg += "</text>"
      svg +=
        ##"<rect x="210" y="\##(barY)" width="\##(max(width, 1))" height="20" fill="#3b6ea5"/>"##
      svg += #"<text x="\#(216 + width)" y="\#(barY + 15)" font-size="13">\#(bar.1)</text>"#
      y += rowHeights[index]
    }
    return svg + "</svg>"
  }

  /// The page: the table, the funnel, the score distribution per module, the item analysis;
  /// its own words in `language` (and `<html lang>`), times in `timeZone`.
  public func html(language: String = "en", timeZone: TimeZone = .gmt) -> String {
    let language = ReportText.languages.contains(language) ? language : "en"
    func t(_ key: ReportText.Key, _ arguments: String...) -> String {
      Localization.fill(ReportText.string(key, language), arguments)
    }
    let e = Self.escape
    var body =
      "<h1>\(e(t(.heading, cohort)))</h1>\n<p>\(e(t(.courseLine, course, "\(learners.count)")))</p>\n"
    body +=
      "<h2>\(e(t(.learnersHeading)))</h2>\n<div class=\"wide\"><table>\n<thead><tr><th>\(e(t(.columnLearner)))</th>"
    body += modules.map { "<th>\(e($0.title))</th>" }.joined()
    body +=
      "<th>\(e(t(.columnCertificate)))</th><th>\(e(t(.columnLastActivity)))</th></tr></thead>\n<tbody>\n"
    for row in learners {
      body += "<tr><td>\(e(row.pseudonym))</td>"
      body += row.modules.map { "<td class=\"\($0.status)\">\(e(Self.cell($0, language)))</td>" }
        .joined()
      let activity =
        row.lastActivity.map {
          "<time datetime=\"\(e($0))\">\(e(ReportText.date($0, language, timeZone: timeZone)))</time>"
        } ?? "-"
      body += "<td>\(e(t(row.completed ? .yes : .no)))</td><td>\(activity)</td></tr>\n"
    }
    body += "</tbody>\n<tfoot><tr><th>\(e(t(.total)))</th>"
    body += totals().map { "<td>\(e(t(.passedOfStarted, "\($0.passed)", "\($0.started)")))</td>" }
      .joined()
    body += "<td>\(learners.filter(\.completed).count)</td><td></td></tr></tfoot>\n</table></div>\n"
    body += "<p><small>\(e(t(.attemptsLegend)))</small></p>\n"
    body += "<h2 id=\"funnel\">\(e(t(.funnelHeading)))</h2>\n<figure>"
    body +=
      Self.barChart(
        title: t(.funnelHeading),
        bars: funnel.indices.map { (funnelLabel($0, language), funnel[$0].count) }) + "</figure>\n"
    body += "<h2 id=\"scores\">\(e(t(.scoresHeading)))</h2>\n"
    for module in modules {
      let bars = Self.bandCounts(module.scores, maximum: module.maximum).map { band, count in
        (
          band.lowerBound == band.upperBound
            ? t(.pointsOne, "\(band.lowerBound)")
            : t(.pointsBand, "\(band.lowerBound)", "\(band.upperBound)"), count
        )
      }
      body +=
        "<h3>\(e(module.title))</h3>\n<p>\(e(t(.passMarkLine, "\(module.passMark)", "\(module.maximum)", "\(module.scores.count)")))</p>\n<figure>"
      body += Self.barChart(title: t(.scoresIn, module.title), bars: bars) + "</figure>\n"
    }
    body +=
      "<h2 id=\"items\">\(e(t(.itemsHeading)))</h2>\n<div class=\"wide\"><table>\n<thead><tr><th>\(e(t(.columnQuestion)))</th>"
    body +=
      "<th>\(e(t(.columnAnswered)))</th><th>\(e(t(.columnFirstTry)))</th><th>\(e(t(.columnWrong)))</th></tr></thead>\n<tbody>\n"
    for item in items {
      let share = item.answered == 0 ? "-" : "\(Int((item.shareCorrectFirstTry * 100).rounded()))%"
      let wrong =
        item.commonWrongAnswer.map {
          "\(e($0)) (\(e(t(.wrongLearners, "\(item.commonWrongCount)"))))"
        } ?? "-"
      body +=
        "<tr><td>\(e(item.title)) <small>\(e(item.module))/\(e(item.question))</small></td><td>\(item.answered)</td><td>\(share)</td><td>\(wrong)</td></tr>\n"
    }
    body += "</tbody>\n</table></div>\n"
    for test in tests { body += test.html(language) }
    body +=
      "<figure>"
      + Self.barChart(
        title: t(.shareChart),
        bars: items.filter { $0.answered > 0 }.prefix(12).map {
          ($0.question, Int(($0.shareCorrectFirstTry * 100).rounded()))
        }, total: 100) + "</figure>\n"
    return """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language)">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title>\(e(t(.pageTitle, cohort, course)))</title>
      <style>
      body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; max-width: 75rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
      .wide { overflow-x: auto; }
      table { border-collapse: collapse; margin: 1rem 0; }
      th, td { border: 1px solid #bbb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
      td { overflow-wrap: anywhere; }
      td.passed { background: #e3f1e3; } td.failed { background: #f7e4e4; } td.in-progress { background: #fff6dc; }
      small { color: #555; }
      svg { max-width: 100%; height: auto; }
      @media print { body { margin: 0; max-width: none; } .wide { overflow: visible; } }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }
}
