import Foundation

/// The cohort report as a terminal table, CSV, JSON and one self-contained HTML page.
extension CohortReport {
  /// "passed 24/26 ×2", "in progress ×1", "—".
  static func cell(_ cell: ModuleCell) -> String {
    guard cell.attempts > 0 || cell.status != "not-started" else { return "-" }
    let score = cell.score.map { " \($0)/\(cell.maximum ?? 0)" } ?? ""
    return "\(cell.status == "in-progress" ? "in progress" : cell.status)\(score) x\(cell.attempts)"
  }

  /// The table for the terminal.
  public func text() -> String {
    var header = ["learner"] + modules.map(\.id) + ["certificate", "last activity", "where"]
    var rows = learners.map { row in
      [row.pseudonym] + row.modules.map(Self.cell) + [row.completed ? "yes" : "no", row.lastActivity.map { String($0.prefix(16).map { $0 == "T" ? " " : $0 }) } ?? "-", row.lastNode ?? "-"]
    }
    if rows.isEmpty {
      rows = [["(no learners yet: kurs cohort import \(cohort) FILE...)"] + Array(repeating: "", count: header.count - 1)]
    } else {
      rows.append(Array(repeating: "", count: header.count))
      rows.append(["total"] + totals().map { "\($0.passed) passed of \($0.started)" } + ["\(learners.filter(\.completed).count)", "", ""])
    }
    let cellWidths = ([header] + rows).map { $0.map { TextLayout.width(of: $0) } }
    let widths = header.indices.map { column in cellWidths.map { $0[column] }.max() ?? 0 }
    func line(_ cells: [String], _ cellWidth: [Int]? = nil) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() {
        if index > 0 { text += "  " }
        text += cell
        if index < cells.count - 1 {
          text += String(repeating: " ", count: widths[index] - (cellWidth?[index] ?? TextLayout.width(of: cell)))
        }
      }
      // No spaces at either end (an empty last column leaves some).
      while text.last == " " { text.removeLast() }
      while text.first == " " { text.removeFirst() }
      return text
    }
    var out = ["cohort \(cohort) · course \(course) · \(learners.count) learners", ""]
    out.append(line(header))
    out.append(line(widths.map { String(repeating: "-", count: $0) }))
    out += rows.enumerated().map { index, row in line(row, cellWidths[index + 1]) }
    header = []
    out.append("")
    out.append("completion: " + funnel.map { "\($0.label) \($0.count)" }.joined(separator: " > "))
    let hardest = items.prefix(5).filter { $0.answered > 0 }
    if !hardest.isEmpty {
      out.append("")
      out.append("hardest questions (share right at the first try):")
      for item in hardest {
        var text = "  \(Int((item.shareCorrectFirstTry * 100).rounded()))%  \(item.module)/\(item.question)  \(item.title)  (\(item.answered) answered)"
        if let wrong = item.commonWrongAnswer { text += "; most chosen wrong answer: \(wrong) (\(item.commonWrongCount)x)" }
        out.append(text)
      }
    }
    for test in tests { out += [""] + test.textLines() }
    return out.joined(separator: "\n") + "\n"
  }

  /// Per module: how many learners started it and how many passed.
  public func totals() -> [(started: Int, passed: Int)] {
    modules.indices.map { index in
      let cells = learners.map { $0.modules[index] }
      return (cells.filter { $0.attempts > 0 || $0.status != "not-started" }.count, cells.filter { $0.status == "passed" }.count)
    }
  }

  /// One row per learner and module, for spreadsheets.
  public func csv() -> String {
    func field(_ text: String) -> String {
      let text = Self.neutralized(text)
      return text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    // Knowledge tests add four columns each, the same on every row of a learner.
    let testColumns = tests.flatMap { test in
      ["before", "after", "gain", "normalized_gain"].map { "\(test.postTest)_\($0)" }
    }
    var lines = [(["learner", "module", "status", "score", "maximum", "attempts", "certificate", "last_activity"] + testColumns).joined(separator: ",")]
    for (index, row) in learners.enumerated() {
      let testCells = tests.flatMap { test -> [String] in
        guard index < test.learners.count else { return ["", "", "", ""] }
        let learner = test.learners[index]
        return [
          learner.before.map(String.init) ?? "", learner.after.map(String.init) ?? "", learner.gain.map(String.init) ?? "",
          learner.normalizedGain.map { KnowledgeTestReport.decimal($0) } ?? "",
        ]
      }
      for cell in row.modules {
        lines.append(
          ([row.pseudonym, cell.module, cell.status, cell.score.map(String.init) ?? "", cell.maximum.map(String.init) ?? "",
           String(cell.attempts), row.completed ? "yes" : "no", row.lastActivity ?? ""] + testCells).map(field).joined(separator: ","))
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
    guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil else { return text }
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

  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// Horizontal bars: one per (label, value), scaled to the largest.
  static func barChart(title: String, bars: [(String, Int)], total: Int? = nil) -> String {
    let height = 28 * bars.count + 36
    let largest = max(total ?? 0, bars.map(\.1).max() ?? 0, 1)
    var svg = #"<svg xmlns="http://www.w3.org/2000/svg" role="img" width="640" height="\#(height)" viewBox="0 0 640 \#(height)">"#
    svg += "<title>\(escape(title))</title>"
    for (index, bar) in bars.enumerated() {
      let y = 12 + index * 28
      let width = Int(Double(bar.1) / Double(largest) * 380)
      svg += #"<text x="0" y="\#(y + 15)" font-size="13">\#(escape(String(bar.0.prefix(28))))</text>"#
      svg += ##"<rect x="210" y="\##(y)" width="\##(max(width, 1))" height="20" fill="#3b6ea5"/>"##
      svg += #"<text x="\#(216 + width)" y="\#(y + 15)" font-size="13">\#(bar.1)</text>"#
    }
    return svg + "</svg>"
  }

  /// The page: the table, the funnel, the score distribution per module, the item analysis.
  public func html() -> String {
    var body = "<h1>Cohort \(Self.escape(cohort))</h1>\n<p>Course <code>\(Self.escape(course))</code> · \(learners.count) learners</p>\n"
    body += "<h2>Learners</h2>\n<table>\n<thead><tr><th>Learner</th>"
    body += modules.map { "<th>\(Self.escape($0.title))</th>" }.joined() + "<th>Certificate</th><th>Last activity</th></tr></thead>\n<tbody>\n"
    for row in learners {
      body += "<tr><td>\(Self.escape(row.pseudonym))</td>"
      body += row.modules.map { "<td class=\"\($0.status)\">\(Self.escape(Self.cell($0)))</td>" }.joined()
      body += "<td>\(row.completed ? "yes" : "no")</td><td>\(Self.escape(row.lastActivity ?? "-"))</td></tr>\n"
    }
    body += "</tbody>\n<tfoot><tr><th>Total</th>"
    body += totals().map { "<td>\($0.passed) passed of \($0.started) started</td>" }.joined()
    body += "<td>\(learners.filter(\.completed).count)</td><td></td></tr></tfoot>\n</table>\n"
    body += "<h2 id=\"funnel\">Completion funnel</h2>\n<figure>"
    body += Self.barChart(title: "Completion funnel", bars: funnel.map { ($0.label, $0.count) }) + "</figure>\n"
    body += "<h2 id=\"scores\">Score distribution per module</h2>\n"
    for module in modules {
      let bars = Self.bandCounts(module.scores, maximum: module.maximum).map { band, count in
        (band.lowerBound == band.upperBound ? "\(band.lowerBound) points" : "\(band.lowerBound)–\(band.upperBound) points", count)
      }
      body += "<h3>\(Self.escape(module.title))</h3>\n<p>Pass mark \(module.passMark) of \(module.maximum); \(module.scores.count) finished.</p>\n<figure>"
      body += Self.barChart(title: "Scores in \(module.title)", bars: bars) + "</figure>\n"
    }
    body += "<h2 id=\"items\">Questions, hardest first</h2>\n<table>\n<thead><tr><th>Question</th><th>Answered</th><th>Right at the first try</th><th>Most chosen wrong answer</th></tr></thead>\n<tbody>\n"
    for item in items {
      let share = item.answered == 0 ? "-" : "\(Int((item.shareCorrectFirstTry * 100).rounded()))%"
      let wrong = item.commonWrongAnswer.map { "\(Self.escape($0)) (\(item.commonWrongCount)×)" } ?? "-"
      body += "<tr><td>\(Self.escape(item.title)) <small>\(Self.escape(item.module))/\(Self.escape(item.question))</small></td><td>\(item.answered)</td><td>\(share)</td><td>\(wrong)</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"
    for test in tests { body += test.html() }
    body += "<figure>" + Self.barChart(
      title: "Share right at the first try (%)",
      bars: items.filter { $0.answered > 0 }.prefix(12).map { ($0.question, Int(($0.shareCorrectFirstTry * 100).rounded())) }, total: 100) + "</figure>\n"
    return """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
      <head>
      <meta charset="utf-8"/>
      <title>Cohort \(Self.escape(cohort)): \(Self.escape(course))</title>
      <style>
      body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
      table { border-collapse: collapse; margin: 1rem 0; }
      th, td { border: 1px solid #bbb; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
      td.passed { background: #e3f1e3; } td.failed { background: #f7e4e4; } td.in-progress { background: #fff6dc; }
      small { color: #666; }
      @media print { body { margin: 0; } }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }
}
