/// What a knowledge test before and after a course (`Module.test`) shows a host: each learner's
/// score before and after, the gain and the normalised gain, the group's means, and per item how
/// many learners moved from wrong to right (and back).
///
/// The normalised gain is Hake's: the share of the points a learner could still gain that they
/// did gain, `(after − before) / (maximum − before)`; it is not defined for a learner who had
/// every point before. The group's normalised gain is Hake's class-average gain, computed from
/// the mean scores of the learners who took both tests. An item counts as right when the answer
/// earned all its points at the first (and only) try.
public struct KnowledgeTestReport: Codable, Sendable, Equatable {
  public struct Learner: Codable, Sendable, Equatable {
    public var pseudonym: String
    public var before: Int?
    public var after: Int?
    public var gain: Int?
    public var normalizedGain: Double?
  }

  public struct Item: Codable, Sendable, Equatable {
    public var question: String
    public var title: String
    /// Learners who answered the item in both tests.
    public var answeredBoth: Int
    public var wrongToRight: Int
    public var rightToWrong: Int
    public var rightBoth: Int
    public var wrongBoth: Int
  }

  public var preTest: String
  public var postTest: String
  public var title: String
  public var maximum: Int
  public var learners: [Learner]
  /// Over the learners who took both tests (`nil` when none did).
  public var meanBefore: Double?
  public var meanAfter: Double?
  public var meanGain: Double?
  public var normalizedGain: Double?
  public var items: [Item]

  /// Hake's normalised gain, `nil` when nothing was left to gain.
  public static func normalizedGain(before: Double, after: Double, maximum: Int) -> Double? {
    let room = Double(maximum) - before
    return room > 0 ? (after - before) / room : nil
  }

  /// One report per post-test of `course`, from the learners' summaries.
  static func reports(course: Course, summaries: [LearnerSummary], engine: Engine, language: String)
    -> [KnowledgeTestReport]
  {
    course.modules.compactMap { post -> KnowledgeTestReport? in
      guard case .post(let preID) = post.test, let pre = course.module(preID) else { return nil }
      let maximum = max(engine.maximum(of: pre.id), engine.maximum(of: post.id))
      var learners: [Learner] = []
      var pairs: [(Int, Int)] = []
      for summary in summaries {
        let before = summary.modules[pre.id].flatMap { $0.status == "in-progress" ? nil : $0.best }
        let after = summary.modules[post.id].flatMap { $0.status == "in-progress" ? nil : $0.best }
        var learner = Learner(
          pseudonym: summary.pseudonym, before: before, after: after, gain: nil, normalizedGain: nil
        )
        if let before, let after {
          learner.gain = after - before
          learner.normalizedGain = normalizedGain(
            before: Double(before), after: Double(after), maximum: maximum)
          pairs.append((before, after))
        }
        learners.append(learner)
      }
      var report = KnowledgeTestReport(
        preTest: pre.id, postTest: post.id,
        title: post.title.resolve(language, fallback: course.defaultLanguage)?.plain ?? post.id,
        maximum: maximum,
        learners: learners, meanBefore: nil, meanAfter: nil, meanGain: nil, normalizedGain: nil,
        items: [])
      if !pairs.isEmpty {
        let count = Double(pairs.count)
        let before = Double(pairs.map(\.0).reduce(0, +)) / count
        let after = Double(pairs.map(\.1).reduce(0, +)) / count
        report.meanBefore = before
        report.meanAfter = after
        report.meanGain = after - before
        report.normalizedGain = normalizedGain(before: before, after: after, maximum: maximum)
      }
      for node in post.nodes {
        guard case .question(let question) = node.kind, question.points > 0 else { continue }
        var item = Item(
          question: node.id,
          title: question.prompt.resolve(language, fallback: course.defaultLanguage)?.plain
            ?? node.id,
          answeredBoth: 0, wrongToRight: 0, rightToWrong: 0, rightBoth: 0, wrongBoth: 0)
        for summary in summaries {
          guard let before = summary.firstTry["\(pre.id)/\(node.id)"],
            let after = summary.firstTry["\(post.id)/\(node.id)"]
          else { continue }
          item.answeredBoth += 1
          switch (before, after) {
          case (false, true): item.wrongToRight += 1
          case (true, false): item.rightToWrong += 1
          case (true, true): item.rightBoth += 1
          case (false, false): item.wrongBoth += 1
          }
        }
        report.items.append(item)
      }
      return report
    }
  }
}

extension KnowledgeTestReport {
  /// Two decimals, with a point whatever the locale.
  static func decimal(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

  /// The lines `kurs cohort report` prints, its own words in `language`.
  func textLines(_ language: String = "en") -> [String] {
    func t(_ key: ReportText.Key, _ arguments: String...) -> String {
      Localization.fill(ReportText.string(key, language), arguments)
    }
    var lines = [t(.testTextHeading, title, preTest, postTest, "\(maximum)")]
    for learner in learners {
      var line =
        "  \(learner.pseudonym): "
        + t(
          .testTextLearner, learner.before.map(String.init) ?? "-",
          learner.after.map(String.init) ?? "-")
      if let gain = learner.gain { line += ", " + t(.gainWord, Self.signed(gain)) }
      if let normalized = learner.normalizedGain {
        line += ", " + t(.normalizedWord, Self.decimal(normalized))
      }
      lines.append(line)
    }
    let both = learners.filter { $0.gain != nil }.count
    if let before = meanBefore, let after = meanAfter, let gain = meanGain {
      var line =
        "  "
        + t(
          .testTextGroup, "\(both)", Self.decimal(before), Self.decimal(after), Self.decimal(gain))
      if let normalizedGain { line += ", " + t(.normalizedWord, Self.decimal(normalizedGain)) }
      lines.append(line)
    } else {
      lines.append("  " + t(.testNobody))
    }
    for item in items where item.answeredBoth > 0 {
      lines.append(
        "  \(item.question): "
          + t(
            .testTextItem, "\(item.wrongToRight)", "\(item.answeredBoth)", "\(item.rightToWrong)",
            "\(item.rightBoth)", "\(item.wrongBoth)")
          + "  (\(item.title))")
    }
    return lines
  }

  /// The report's section of the HTML page, its own words in `language`.
  func html(_ language: String = "en") -> String {
    func t(_ key: ReportText.Key, _ arguments: String...) -> String {
      Localization.fill(ReportText.string(key, language), arguments)
    }
    let e = CohortReport.escape
    var body = "<h2 id=\"test-\(e(postTest))\">\(e(t(.testHeading, title)))</h2>\n"
    if let before = meanBefore, let after = meanAfter, let gain = meanGain {
      let both = "\(learners.filter { $0.gain != nil }.count)"
      body +=
        "<p>"
        + e(
          t(
            .testGroup, both, Self.decimal(before), Self.decimal(after), "\(maximum)",
            Self.decimal(gain)))
      body += normalizedGain.map { "; " + e(t(.testNormalized, Self.decimal($0))) } ?? ""
      body += ".</p>\n"
    } else {
      body += "<p>\(e(t(.testNobody)))</p>\n"
    }
    body += "<div class=\"wide\"><table>\n<thead><tr>"
    body += [
      t(.columnLearner), t(.columnBefore), t(.columnAfter), t(.columnGain), t(.columnNormalized),
    ].map { "<th>\(e($0))</th>" }.joined()
    body += "</tr></thead>\n<tbody>\n"
    for learner in learners {
      body +=
        "<tr><td>\(e(learner.pseudonym))</td><td>\(learner.before.map(String.init) ?? "-")</td><td>\(learner.after.map(String.init) ?? "-")</td>"
      body +=
        "<td>\(learner.gain.map(Self.signed) ?? "-")</td><td>\(learner.normalizedGain.map(Self.decimal) ?? "-")</td></tr>\n"
    }
    body += "</tbody>\n</table></div>\n"
    body += "<div class=\"wide\"><table>\n<thead><tr>"
    body += [
      t(.columnItem), t(.columnAnsweredBoth), t(.columnWrongToRight), t(.columnRightToWrong),
      t(.columnRightBoth), t(.columnWrongBoth),
    ]
    .map { "<th>\(e($0))</th>" }.joined()
    body += "</tr></thead>\n<tbody>\n"
    for item in items {
      body +=
        "<tr><td>\(e(item.title)) <small>\(e(item.question))</small></td><td>\(item.answeredBoth)</td><td>\(item.wrongToRight)</td>"
      body +=
        "<td>\(item.rightToWrong)</td><td>\(item.rightBoth)</td><td>\(item.wrongBoth)</td></tr>\n"
    }
    return body + "</tbody>\n</table></div>\n"
  }
}
