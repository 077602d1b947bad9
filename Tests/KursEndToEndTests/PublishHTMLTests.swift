import Foundation
import KursKit
import Testing

/// Issue 22, point 1: `kurs publish html` through the real binary, and the page it writes
/// played in headless Chromium by clicking, as a learner does.
@Suite struct PublishHTMLTests {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kurs-publish-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func publish(_ course: String, _ name: String = "course.html") throws -> (
    KursProcess.Result, URL
  ) {
    let output = root.appendingPathComponent(name)
    // From another folder, with only HOME set: as a trainer runs it.
    let result = try KursProcess.run(
      ["publish", "html", course, "--out", output.path], in: root,
      environment: ["HOME": root.path], inheritEnvironment: false)
    return (result, output)
  }

  /// One file, nothing fetched: no src= or href= to another file, and a Content-Security-Policy
  /// that forbids the network anyway.
  @Test func marinaIsPublishedAsOneSelfContainedFile() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let marina = KursProcess.repository.appendingPathComponent("Courses/marina").path
    let (result, output) = try publish(marina, "marina.html")
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.contains("published course 'marina'"))
    let page = try String(contentsOf: output, encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    // No markup that loads anything: no src= or href= in a tag, no <link>, no CSS url() or
    // @import. (The xAPI verbs' IRIs in records.js are names, never fetched: the
    // played page's own list of loaded resources is checked empty in Chromium.)
    #expect(page.range(of: #"<[a-z]+[^>]*\s(src|href)\s*="#, options: .regularExpression) == nil)
    #expect(!page.contains("<link") && !page.contains("url(") && !page.contains("@import"))
    #expect(
      page.contains(
        #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">"#
      ))
    #expect(page.contains(#"name="viewport" content="width=device-width, initial-scale=1""#))
    // Nothing but the page was left in the folder (no temporary file).
    let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(left.filter { $0.hasPrefix(".") }.isEmpty, "\(left)")
  }

  /// A broken course is refused with the file and line, a non-zero exit, and no page: neither
  /// a new file nor a change to a page already there.
  @Test func aBrokenCourseIsRefusedAndNothingIsWritten() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let course = root.appendingPathComponent("broken")
    try FileManager.default.copyItem(
      at: KursProcess.repository.appendingPathComponent("Courses/example"), to: course)
    let module = course.appendingPathComponent("modules/practice.xml")
    let text = try String(contentsOf: module, encoding: .utf8)
    try text.replacingOccurrences(of: #"next="match""#, with: #"next="nowhere""#)
      .write(to: module, atomically: true, encoding: .utf8)
    let (result, output) = try publish(course.path, "broken.html")
    #expect(result.exitCode != 0)
    #expect(
      result.errors.range(of: #"practice\.xml:\d+(:\d+)?: error: "#, options: .regularExpression)
        != nil, "\(result.errors)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    // A page already there stays as it was.
    try Data("old page".utf8).write(to: output)
    let again = try publish(course.path, "broken.html").0
    #expect(again.exitCode != 0)
    #expect(try String(contentsOf: output, encoding: .utf8) == "old page")
    let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(left.filter { $0.hasPrefix(".") }.isEmpty, "\(left)")
  }

  @Test func aMissingFolderIsRefused() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let example = KursProcess.repository.appendingPathComponent("Courses/example").path
    let (result, _) = try publish(example, "no/such/folder/page.html")
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("does not exist; nothing was written"))
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("no").path))
  }

  /// A page that cannot be put in place (here: --out names a folder) is reported, with a
  /// non-zero exit, and the temporary file is not left behind.
  @Test func aPageThatCannotBeWrittenLeavesNothing() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("taken.html")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("kept".utf8).write(to: folder.appendingPathComponent("inside.txt"))
    let example = KursProcess.repository.appendingPathComponent("Courses/example").path
    let (result, _) = try publish(example, "taken.html")
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("taken.html: the page could not be written"), "\(result.errors)")
    #expect(
      try String(contentsOf: folder.appendingPathComponent("inside.txt"), encoding: .utf8)
        == "kept")
    let left = try FileManager.default.contentsOfDirectory(atPath: root.path)
    #expect(left == ["taken.html"], "\(left)")
  }

  @Test func aMistakeSaysWhatToWrite() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try KursProcess.run(["publish", "scorn", "marina"], in: root)
    #expect(result.exitCode == 64)
    #expect(result.errors.contains("kurs publish html marina --out marina.html"))
    let help = try KursProcess.run(["help", "publish"], in: root)
    #expect(help.output.contains("usage: kurs publish html|scorm|cmi5 COURSE"))
  }

  // MARK: Playing the page

  /// The driver's tools: clicks as a learner makes them.
  static let tools = """
    var clock = 0;
    var ids = 0;
    function settings(extra) {
      var given = {now: function () { clock += 1000; return new Date(Date.UTC(2026, 11, 4) + clock); },
        newID: function () { ids += 1; return "00000000-0000-4000-8000-" + String(ids).padStart(12, "0"); }};
      for (var key in (extra || {})) given[key] = extra[key];
      return given;
    }
    function heading() { var h = document.getElementById("kurs-heading"); return h ? h.textContent : null; }
    function buttons() { return Array.prototype.slice.call(document.querySelectorAll("main button")); }
    function primary() { return document.querySelector("main button.primary"); }
    /// One step by clicking: the first option (or the right order as shown), then Answer; else
    /// the primary button.
    function clickStep() {
      var form = document.querySelector("main form.question");
      if (form) {
        var first = form.querySelector("input[type=radio], input[type=checkbox]");
        if (first) first.click();
        var selects = form.querySelectorAll("select[data-left]");
        for (var i = 0; i < selects.length; i += 1) {
          selects[i].selectedIndex = i + 1;
        }
        form.querySelector("button[type=submit]").click();
        return "answer";
      }
      var button = primary();
      if (!button) return null;
      button.click();
      return button.textContent;
    }
    /// One step by clicking the right answer (as the course data says it), else the primary
    /// button: the ordering's items moved with their ↑ buttons, the matching's lists chosen.
    function clickRight() {
      var form = document.querySelector("main form.question");
      if (!form) return clickStep();
      var state = KursPlayer.state(), engine = KursPlayer.engine();
      var module = engine.module(state.currentModule);
      var question = engine.node(module, KursEngine.moduleState(state, module.id).node).question;
      if (question.kind === "ordering") {
        question.items.forEach(function (item, target) {
          for (var guard = 0; guard < 20; guard += 1) {
            var items = Array.prototype.slice.call(form.querySelectorAll("li[data-id]"));
            var index = items.findIndex(function (li) { return li.getAttribute("data-id") === item.id; });
            if (index <= target) break;
            items[index].querySelector(".moves button").click();
          }
        });
      } else if (question.kind === "matching") {
        Array.prototype.forEach.call(form.querySelectorAll("select[data-left]"), function (select) {
          select.value = select.getAttribute("data-left");
        });
      } else {
        var right = question.choices.filter(function (c) { return c.isCorrect; }).map(function (c) { return c.id; });
        if (right.length === 0) right = [question.choices[0].id];
        Array.prototype.forEach.call(form.querySelectorAll("input"), function (box) {
          if (right.indexOf(box.value) >= 0) box.click();
        });
      }
      form.querySelector("button[type=submit]").click();
      return "answer";
    }
    function essentials() {
      var s = KursPlayer.screen();
      return {kind: s.kind, nodeID: s.nodeID || null, status: s.status || null,
        score: s.score === undefined ? null : s.score, heading: heading(),
        focused: document.activeElement ? document.activeElement.id : null};
    }
    """

  func page(_ course: String) throws -> String {
    let (result, output) = try publish(
      KursProcess.repository.appendingPathComponent(course).path)
    try #require(result.exitCode == 0, "\(result.errors)")
    return try String(contentsOf: output, encoding: .utf8)
  }

  /// A learner plays the first module of the example course by clicking: the page reaches the
  /// module's end, and the Swift engine, given the inputs the page journalled, reaches the same
  /// end with the same score.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func aModulePlayedByClickingEndsAsTheEngineSays() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        var steps = [];
        for (var i = 0; i < 200; i += 1) {
          var before = essentials();
          steps.push(before);
          if (before.kind === "moduleEnd") break;
          if (clickStep() === null) break;
        }
        kursReport({steps: steps, inputs: KursPlayer.inputs(), seed: KursPlayer.learnerID(),
          loaded: performance.getEntriesByType("resource").map(function (r) { return r.name; }),
          language: KursPlayer.engine().language, end: essentials()});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    let steps = try #require(report["steps"] as? [[String: Any]], "\(report)")
    let end = try #require(report["end"] as? [String: Any])
    #expect(end["kind"] as? String == "moduleEnd", "\(steps)")
    // Offline: the page loaded nothing while it was played.
    #expect((report["loaded"] as? [Any])?.isEmpty == true, "\(report["loaded"] ?? "")")
    // Each screen's heading got the focus.
    for step in steps {
      #expect(step["focused"] as? String == "kurs-heading", "\(step)")
    }
    // The same inputs through the Swift engine.
    let course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/example").path
      ).course)
    let inputs = try JSONDecoder().decode(
      [EngineInput].self,
      from: JSONSerialization.data(withJSONObject: report["inputs"] as? [Any] ?? []))
    #expect(inputs.count > 3)
    let engine = Engine(
      course: course, language: report["language"] as? String ?? "en",
      seed: report["seed"] as? String ?? "")
    var state = CourseState()
    var screen: Screen?
    for input in inputs {
      let step = try engine.apply(input, to: state)
      state = step.state
      screen = step.screen
    }
    guard case .moduleEnd(let swiftEnd) = try #require(screen) else {
      Issue.record("the engine did not end the module: \(String(describing: screen))")
      return
    }
    #expect(end["score"] as? Int == swiftEnd.score)
    #expect(end["status"] as? String == swiftEnd.status.rawValue)
  }

  /// A learner plays the whole example course by clicking the right answers (moving the
  /// ordering's items with their buttons, choosing the matching's lists): the page says the
  /// course is complete, offers the certificate, and the Swift engine, given the inputs the
  /// page journalled, completes the course with the same score.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func theWholeCoursePlayedByClickingCompletesAsTheEngineSays() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        var kinds = [];
        for (var i = 0; i < 300 && !KursPlayer.state().completed; i += 1) {
          kinds.push(essentials().kind);
          if (clickRight() === null) break;
        }
        var main = document.querySelector("main").textContent;
        kursReport({kinds: kinds, inputs: KursPlayer.inputs(), seed: KursPlayer.learnerID(),
          language: KursPlayer.engine().language, completed: KursPlayer.state().completed,
          saysComplete: main.indexOf("You have completed the course.") >= 0,
          certificate: !!document.querySelector(".records button.certificate"),
          records: typeof KursRecords !== "undefined"});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    #expect(report["completed"] as? Bool == true, "\(report["kinds"] ?? "")")
    #expect(report["saysComplete"] as? Bool == true)
    if report["records"] as? Bool == true { #expect(report["certificate"] as? Bool == true) }
    let kinds = Set(report["kinds"] as? [String] ?? [])
    #expect(
      kinds.isSuperset(of: ["contents", "note", "page", "question", "feedback", "moduleEnd"]))
    let course = try #require(
      CourseLoader().load(
        path: KursProcess.repository.appendingPathComponent("Courses/example").path
      ).course)
    let inputs = try JSONDecoder().decode(
      [EngineInput].self,
      from: JSONSerialization.data(withJSONObject: report["inputs"] as? [Any] ?? []))
    let engine = Engine(
      course: course, language: report["language"] as? String ?? "en",
      seed: report["seed"] as? String ?? "")
    var state = CourseState()
    var completed: EngineEvent?
    for input in inputs {
      let step = try engine.apply(input, to: state)
      state = step.state
      completed =
        step.events.first { if case .courseCompleted = $0 { true } else { false } } ?? completed
    }
    #expect(state.completed)
    #expect(completed != nil)
  }

  /// On a phone's 360 pixels: nothing wider than the screen, and every button, list and
  /// option's label at least 44 pixels high and wide, on every screen of a walk through
  /// Marina's course.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func everyScreenFitsAPhoneWithLargeTouchTargets() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/marina")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        // Headless Chromium's window is at least 500 pixels wide: the page gets 360 of them.
        document.body.style.width = "360px";
        var problems = [], screens = 0, width = document.body.getBoundingClientRect().width;
        for (var i = 0; i < 60; i += 1) {
          screens += 1;
          var where = essentials().kind + " " + (essentials().nodeID || "");
          if (document.body.scrollWidth > width) {
            problems.push(where + ": " + document.body.scrollWidth + " px wide");
          }
          Array.prototype.forEach.call(document.querySelectorAll("main *, header *"), function (e) {
            var right = e.getBoundingClientRect().right;
            if (right > width + 0.5) problems.push(where + ": " + e.tagName + " ends at " + Math.round(right));
          });
          var targets = document.querySelectorAll("button, select, .option label, input[type=text]");
          Array.prototype.forEach.call(targets, function (target) {
            var box = target.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) return;
            if (box.height < 44 || box.width < 44) {
              problems.push(where + ": " + target.tagName + " '" + target.textContent.slice(0, 30) +
                "' " + Math.round(box.width) + "x" + Math.round(box.height));
            }
          });
          if (clickRight() === null) break;
        }
        kursReport({problems: problems, screens: screens, width: width});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root, width: 360)
        as? [String: Any])
    #expect(report["width"] as? Int == 360)
    #expect((report["screens"] as? Int ?? 0) > 20)
    let problems = report["problems"] as? [String] ?? ["no report"]
    #expect(problems.isEmpty, "\(problems.prefix(10))")
  }

  /// The course's help is one button away on a question, and closing it comes back to the
  /// same question; a language chosen is used at once and kept after a reload.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func helpAndLanguageFromAQuestion() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/marina")
    let driver =
      Self.tools + """
        function buttonNamed(text) {
          return Array.prototype.slice.call(document.querySelectorAll("button")).find(function (b) {
            return b.textContent === text; });
        }
        if (!sessionStorage.getItem("phase")) {
          KursPlayer.reset();
          KursPlayer.start(settings());
          for (var i = 0; i < 30 && essentials().kind !== "question"; i += 1) clickRight();
          var question = essentials();
          buttonNamed("Where to get help").click();
          var help = document.querySelector("main").textContent;
          var helpHeading = heading();
          buttonNamed("Close").click();
          var back = essentials();
          buttonNamed("Language").click();
          document.querySelector("input[value=ru]").click();
          var russian = {heading: heading(), lang: document.documentElement.lang,
            help: Array.prototype.slice.call(document.querySelectorAll("nav.bar button")).map(
              function (b) { return b.textContent; })};
          sessionStorage.setItem("phase", JSON.stringify({question: question, help: help,
            helpHeading: helpHeading, back: back, russian: russian}));
          location.reload();
        } else {
          KursPlayer.start(settings());
          var saved = JSON.parse(sessionStorage.getItem("phase"));
          saved.reloaded = {heading: heading(), lang: document.documentElement.lang};
          kursReport(saved);
        }
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    let question = try #require(report["question"] as? [String: Any], "\(report)")
    let back = try #require(report["back"] as? [String: Any])
    #expect(question["kind"] as? String == "question")
    #expect(report["helpHeading"] as? String == "Where to get help")
    #expect((report["help"] as? String)?.contains("Legal aid and street lawyers") == true)
    #expect(back["nodeID"] as? String == question["nodeID"] as? String)
    let russian = try #require(report["russian"] as? [String: Any])
    let reloaded = try #require(report["reloaded"] as? [String: Any])
    #expect(russian["lang"] as? String == "ru")
    #expect(russian["heading"] as? String != question["heading"] as? String)
    #expect((russian["help"] as? [String])?.contains("Быстрый выход") == true)
    #expect(reloaded["lang"] as? String == "ru")
    #expect(reloaded["heading"] as? String == russian["heading"] as? String)
  }

  /// A reload in the middle of a module comes back to the same screen, with the answers kept.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func aReloadResumesAtTheSameScreen() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/marina")
    let driver =
      Self.tools + """
        if (!sessionStorage.getItem("phase")) {
          KursPlayer.reset();
          KursPlayer.start(settings());
          for (var i = 0; i < 9; i += 1) clickStep();
          sessionStorage.setItem("phase", JSON.stringify({before: essentials(),
            inputs: KursPlayer.inputs().length, state: KursPlayer.state()}));
          location.reload();
        } else {
          KursPlayer.start(settings());
          var saved = JSON.parse(sessionStorage.getItem("phase"));
          kursReport({before: saved.before, after: essentials(), inputsBefore: saved.inputs,
            inputsAfter: KursPlayer.inputs().length,
            sameState: JSON.stringify(saved.state) === JSON.stringify(KursPlayer.state())});
        }
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    let before = try #require(report["before"] as? [String: Any], "\(report)")
    let after = try #require(report["after"] as? [String: Any])
    #expect(before["kind"] as? String != "contents", "the learner did not get into a module")
    #expect(after["kind"] as? String == before["kind"] as? String)
    #expect(after["nodeID"] as? String == before["nodeID"] as? String)
    #expect(after["heading"] as? String == before["heading"] as? String)
    #expect(report["inputsAfter"] as? Int == report["inputsBefore"] as? Int)
    #expect(report["sameState"] as? Bool == true)
  }

  /// The course open in two tabs: when the other tab has written the journal, this page does
  /// not write over it; it takes that journal up and says so.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func anotherTabsJournalIsNeverOverwritten() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        clickStep(); clickStep();
        var key = "kurs/example/journal";
        var other = localStorage.getItem(key);
        var otherScreen = essentials();
        clickStep(); clickStep();
        var ours = localStorage.getItem(key);
        // The other tab, still where this one was two steps ago, writes its journal.
        localStorage.setItem(key, other);
        clickStep();
        var alert = document.querySelector("[role=alert]");
        kursReport({kept: localStorage.getItem(key) === other, moved: ours !== other,
          alert: alert ? alert.textContent : null, screen: essentials(), otherScreen: otherScreen,
          inputs: KursPlayer.inputs().length});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    #expect(report["moved"] as? Bool == true)
    #expect(report["kept"] as? Bool == true, "this page wrote over the other tab's journal")
    #expect((report["alert"] as? String)?.contains("another tab") == true, "\(report)")
    let screen = try #require(report["screen"] as? [String: Any])
    let other = try #require(report["otherScreen"] as? [String: Any])
    #expect(screen["nodeID"] as? String == other["nodeID"] as? String)
  }

  /// The page picks languages as the runner does (LanguageChain): a learner's choice, then
  /// the browser's language (as the terminal's locale), Russian before English for the
  /// languages whose speakers mostly read it, English last.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func theLanguageChainIsTheRunners() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let explicit: [String?] = [nil, "uk", "kk", "en", "ru", "de", "ro"]
    let browser = ["uk-UA", "ro-MD", "ro-RO", "en-US", "kk", "de-DE", "ru"]
    var cases: [[String: Any]] = []
    for choice in explicit {
      for locale in browser {
        let swift = LanguageChain.chain(
          explicit: choice, environment: ["LANG": locale.replacingOccurrences(of: "-", with: "_")])
        cases.append([
          "explicit": choice.map { $0 as Any } ?? NSNull(), "browser": [locale], "swift": swift,
        ])
      }
    }
    let json = String(
      decoding: try JSONSerialization.data(withJSONObject: cases), as: UTF8.self)
    let driver =
      Self.tools + """
        KursPlayer.start(settings());
        var cases = \(json);
        kursReport(cases.map(function (c) {
          return {explicit: c.explicit, browser: c.browser, swift: c.swift,
            page: KursPlayer.languageChain(c.explicit, c.browser)};
        }));
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [[String: Any]])
    #expect(report.count == cases.count)
    for result in report {
      #expect(
        result["page"] as? [String] == result["swift"] as? [String],
        "choice \(result["explicit"] ?? "none"), browser \(result["browser"] ?? "")")
    }
  }

  /// A pause says the progress is kept, and going on comes back to the same screen.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func aPauseKeepsTheLearnersPlace() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        for (var i = 0; i < 4; i += 1) clickStep();
        var before = essentials();
        Array.prototype.slice.call(document.querySelectorAll("nav.bar button")).find(function (b) {
          return b.textContent === "Pause"; }).click();
        var paused = {heading: heading(), text: document.querySelector("main").textContent};
        primary().click();
        kursReport({before: before, paused: paused, after: essentials()});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    let paused = try #require(report["paused"] as? [String: Any], "\(report)")
    #expect((paused["text"] as? String)?.contains("Your progress is kept in this browser") == true)
    let before = try #require(report["before"] as? [String: Any])
    let after = try #require(report["after"] as? [String: Any])
    #expect(before["kind"] as? String != "contents")
    #expect(after["nodeID"] as? String == before["nodeID"] as? String)
    #expect(after["kind"] as? String == before["kind"] as? String)
  }

  /// Storage that refuses to write is said on the screen, never swallowed.
  @Test(.enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing))
  func aStorageFailureIsShown() throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/example")
    let driver =
      Self.tools + """
        var full = {getItem: function () { return null; }, removeItem: function () {},
          setItem: function () { throw new DOMException("full", "QuotaExceededError"); }};
        KursPlayer.start(settings({storage: full}));
        var first = document.querySelector("[role=alert]");
        clickStep();
        clickStep();
        var alert = document.querySelector("[role=alert]");
        kursReport({alert: alert ? alert.textContent : null, screen: essentials(),
          first: first ? first.textContent : null});
        """
    let report = try #require(
      try HeadlessChromium.run(page: page, driver: driver, in: root) as? [String: Any])
    let alert = try #require(report["alert"] as? String, "\(report)")
    #expect(alert.contains("could not be saved"))
    #expect(alert.contains("QuotaExceededError"))
    // The learner's first step was journalled in memory: the module started all the same.
    #expect((report["screen"] as? [String: Any])?["kind"] as? String == "page")
    // Already at the start, when the learner's id could not be kept.
    #expect((report["first"] as? String)?.contains("could not be saved") == true)
  }

  /// The quick exit, by its button and by Escape twice, leaves an empty page: no course text.
  @Test(
    .enabled(if: HeadlessChromium.path != nil, HeadlessChromium.missing),
    arguments: ["button", "escape"])
  func theQuickExitLeavesAnEmptyPage(_ how: String) throws {
    defer { try? FileManager.default.removeItem(at: root) }
    let page = try page("Courses/marina")
    let driver =
      Self.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        clickStep();
        if ("\(how)" === "button") {
          document.querySelector("button.exit").click();
        } else {
          document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
          document.dispatchEvent(new KeyboardEvent("keydown", {key: "Escape"}));
        }
        """
    let dom = try HeadlessChromium.dom(page: page, driver: driver, in: root)
    #expect(!dom.contains("kurs-app"), "\(dom.prefix(300))")
    #expect(!dom.contains("Marina"))
  }
}
