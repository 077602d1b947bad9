import Foundation
import Testing

/// lms.js in headless Chromium, in the page `kurs publish` wrote: the SCORM runtime against a
/// fake learning platform (a page whose window defines the SCORM API and records every call,
/// with the package's page in a frame, as Moodle shows it), cmi5 against a fake launch, and
/// plain html mode, which must send nothing.
@Suite(.serialized) struct LMSRuntimeTests {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-lms-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// The page of a package, as the real binary publishes it.
  func publishedPage(_ kind: String, in folder: URL) throws -> String {
    if kind == "html" {
      let file = folder.appendingPathComponent("example.html")
      let result = try KursProcess.run(["publish", "html", "example", "--out", file.path])
      #expect(result.exitCode == 0, "\(result.errors)")
      return try String(contentsOf: file, encoding: .utf8)
    }
    let zip = folder.appendingPathComponent("example-\(kind).zip")
    let result = try KursProcess.run(["publish", kind, "example", "--out", zip.path])
    #expect(result.exitCode == 0, "\(result.errors)")
    let unzip = try #require(PublishPackageTests.tool("unzip"), "needs unzip")
    let page = try PublishPackageTests.run(unzip, ["-p", zip.path, "index.html"], in: folder)
    #expect(page.status == 0)
    return page.output
  }

  /// The fake platform: `API` (SCORM 1.2) or `API_1484_11` (SCORM 2004) recording each call
  /// and keeping the values set, with `store` as what the platform kept from a last session.
  static func platform(version: String, store: String) -> String {
    let names =
      version == "1.2"
      ? ("API", "LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish")
      : ("API_1484_11", "Initialize", "GetValue", "SetValue", "Commit", "Terminate")
    return """
      window.lmsCalls = [];
      window.lmsStore = \(store);
      window.\(names.0) = {
        \(names.1): function (a) { lmsCalls.push(["\(names.1)", a]); return "true"; },
        \(names.2): function (e) { lmsCalls.push(["\(names.2)", e]);
          return lmsStore[e] === undefined ? "" : lmsStore[e]; },
        \(names.3): function (e, v) { lmsCalls.push(["\(names.3)", e, v]); lmsStore[e] = v;
          return "true"; },
        \(names.4): function (a) { lmsCalls.push(["\(names.4)", a]); return "true"; },
        \(names.5): function (a) { lmsCalls.push(["\(names.5)", a]); return "true"; },
        GetLastError: function () { return "0"; }, LMSGetLastError: function () { return "0"; }
      };
      """
  }

  /// What the course's page does in the frame: what player.js does on a learner's way through
  /// the course (statements after each step, progress, then the quick exit).
  static let learnerInFrame = """
    <script id="kurs-boot">
    var options = JSON.parse(document.getElementById("kurs-options").textContent);
    var clock = 1796385600000;
    var lms = KursLMS.connect(options, { now: function () { clock += 61500; return clock; } });
    parent.lmsSeen = { connected: lms.connected, version: lms.version || null,
      resume: lms.resumeInputs(), learner: lms.learner() };
    lms.statements([{ id: "a", context: { extensions: { "urn:kurs:xapi:input": { "begin": {} } } } }]);
    lms.statements([{ id: "a", context: { extensions: { "urn:kurs:xapi:input": { "begin": {} } } } },
      { id: "b", context: { extensions: { "urn:kurs:xapi:input": { "answer": { "_0": "2" } } } } }]);
    lms.progress({ percent: 40, score: 2, maximum: 7, completed: false, passed: false });
    lms.progress({ percent: PERCENT, score: 6, maximum: 7, completed: COMPLETED, passed: PASSED });
    lms.exit();
    lms.exit();
    </script>
    """

  /// Runs the platform page with the package page in a frame and returns what it recorded.
  func runInPlatform(
    version: String, passed: Bool, completed: Bool = true, store: String,
    script: String = learnerInFrame
  ) throws -> [String: Any] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inner = try publishedPage("scorm", in: folder).replacingOccurrences(
      of: #"<script id="kurs-boot">KursPlayer.start({});</script>"#,
      with: script.replacingOccurrences(of: "PASSED", with: "\(passed)")
        .replacingOccurrences(of: "COMPLETED", with: "\(completed)")
        .replacingOccurrences(of: "PERCENT", with: completed ? "100" : "80"))
    #expect(inner.contains("KursLMS.connect"), "the published page has the player's start script")
    let frame = inner.replacingOccurrences(of: "&", with: "&amp;")
      .replacingOccurrences(of: "\"", with: "&quot;")
    let outer = """
      <!DOCTYPE html>
      <html><head><meta charset="utf-8"><title>fake platform</title></head><body>
      <script>\(Self.platform(version: version, store: store))</script>
      <iframe id="sco" srcdoc="\(frame)"></iframe>
      <script id="kurs-boot">KursPlayer.start({});</script>
      </body></html>
      """
    let driver = """
      var waited = 0;
      var timer = setInterval(function () {
        waited += 1;
        var finished = window.frameDone ||
          lmsCalls.some(function (c) { return c[0] === "LMSFinish" || c[0] === "Terminate"; });
        if (finished || waited > 100) {
          clearInterval(timer);
          kursReport({ calls: lmsCalls, store: lmsStore, seen: window.lmsSeen || null });
        }
      }, 100);
      """
    let value = try HeadlessChromium.run(page: outer, driver: driver, in: folder)
    return try #require(value as? [String: Any], "\(value)")
  }

  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func scorm12RuntimeInitializesScoresAndTerminatesInMoodlesFrame() throws {
    let previous = #"{\"kurs\":1,\"inputs\":[{\"begin\":{}}]}"#
    let report = try runInPlatform(
      version: "1.2", passed: true,
      store: """
        {"cmi.core.lesson_status": "not attempted", "cmi.core.student_id": "learner-7",
         "cmi.core.student_name": "Doe, Jane", "cmi.suspend_data": "\(previous)"}
        """)
    let calls = try #require(report["calls"] as? [[Any]])
    let names = calls.compactMap { $0.first as? String }
    #expect(names.first == "LMSInitialize")
    #expect(names.last == "LMSFinish")
    #expect(names.filter { $0 == "LMSInitialize" }.count == 1)
    #expect(names.filter { $0 == "LMSFinish" }.count == 1, "exit twice finishes once")
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.core.lesson_status"] == "passed")
    #expect(store["cmi.core.score.raw"] == "86")
    #expect(store["cmi.core.score.min"] == "0")
    #expect(store["cmi.core.score.max"] == "100")
    #expect(store["cmi.core.exit"] == "")
    #expect(store["cmi.core.session_time"] == "00:01:01.50")
    // The inputs so far, each once, so that another device resumes where the learner was.
    let suspend = try #require(store["cmi.suspend_data"])
    let data = try #require(
      try JSONSerialization.jsonObject(with: Data(suspend.utf8)) as? [String: Any])
    #expect((data["inputs"] as? [Any])?.count == 2)
    // "incomplete" was set before anything else was, and a commit follows every change.
    #expect(
      calls.first { ($0.first as? String) == "LMSSetValue" }?.dropFirst().map { "\($0)" } == [
        "cmi.core.lesson_status", "incomplete",
      ])
    #expect(names[names.count - 2] == "LMSCommit")
    let seen = try #require(report["seen"] as? [String: Any])
    #expect(seen["connected"] as? Bool == true)
    #expect(seen["version"] as? String == "1.2")
    #expect((seen["resume"] as? [Any])?.count == 1, "the last session's inputs are offered")
    #expect((seen["learner"] as? [String: Any])?["id"] as? String == "learner-7")
  }

  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func scorm12ReportsAFail() throws {
    let report = try runInPlatform(
      version: "1.2", passed: false, store: #"{"cmi.core.lesson_status": "incomplete"}"#)
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.core.lesson_status"] == "failed")
    #expect(store["cmi.core.exit"] == "")
  }

  /// A learner who leaves before the end: incomplete, and suspended so that Moodle resumes.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func scorm12SuspendsAnUnfinishedSession() throws {
    let report = try runInPlatform(
      version: "1.2", passed: false, completed: false,
      store: #"{"cmi.core.lesson_status": "not attempted"}"#)
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.core.lesson_status"] == "incomplete")
    #expect(store["cmi.core.exit"] == "suspend")
    #expect(store["cmi.suspend_data"]?.contains(#""inputs":[{"#) == true)
  }

  /// Inputs longer than SCORM 1.2's 4,096 characters of suspend data: the platform keeps a
  /// marker, never an older, shorter list that would resume a learner at an earlier step.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func suspendDataTooLongForSCORM12LeavesNoStaleResume() throws {
    let script = """
      <script id="kurs-boot">
      var lms = KursLMS.connect(JSON.parse(document.getElementById("kurs-options").textContent));
      function input(i, text) {
        return { id: "s" + i, context: { extensions: { "urn:kurs:xapi:input": { "answer": { "_0": text } } } } };
      }
      lms.statements([input(1, "short")]);
      parent.lmsSeen = { first: parent.lmsStore["cmi.suspend_data"] };
      lms.statements([input(2, new Array(5000).join("x"))]);
      lms.exit();
      </script>
      """
    let report = try runInPlatform(version: "1.2", passed: false, store: "{}", script: script)
    let seen = try #require(report["seen"] as? [String: Any])
    #expect((seen["first"] as? String)?.contains("short") == true)
    let store = try #require(report["store"] as? [String: String])
    let suspend = try #require(store["cmi.suspend_data"])
    #expect(suspend.count <= 4096)
    #expect(suspend.contains(#""inputs":null"#))
  }

  /// player.js calls exit() when the learner pauses; going on afterwards opens the session
  /// again (Moodle's SCORM 1.2 API allows it), so the end still reaches the platform.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func scorm12ReportsTheEndAfterAPause() throws {
    let script = """
      <script id="kurs-boot">
      var lms = KursLMS.connect(JSON.parse(document.getElementById("kurs-options").textContent));
      lms.progress({ percent: 40, score: 2, maximum: 7, completed: false, passed: false });
      lms.exit();
      lms.statements([{ id: "a", context: { extensions: { "urn:kurs:xapi:input": { "begin": {} } } } }]);
      lms.progress({ percent: 100, score: 7, maximum: 7, completed: true, passed: true });
      lms.exit();
      </script>
      """
    let report = try runInPlatform(version: "1.2", passed: true, store: "{}", script: script)
    let calls = try #require(report["calls"] as? [[Any]])
    let names = calls.compactMap { $0.first as? String }
    #expect(names.filter { $0 == "LMSInitialize" }.count == 2)
    #expect(names.filter { $0 == "LMSFinish" }.count == 2)
    #expect(names.last == "LMSFinish")
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.core.lesson_status"] == "passed")
    #expect(store["cmi.core.score.raw"] == "100")
  }

  /// The real player in Moodle's frame: a learner clicks through the first module of the
  /// example course; Moodle hears of each step (suspend data with the journalled inputs, the
  /// score so far, incomplete) and the learner's Moodle id is offered to the page.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func thePlayerReportsEachStepToMoodle() throws {
    let script =
      "<script id=\"kurs-boot\">\n" + PublishHTMLTests.tools + """
        KursPlayer.reset();
        KursPlayer.start(settings());
        var player = KursPlayer.options();
        for (var i = 0; i < 200; i += 1) {
          var s = KursPlayer.screen();
          if (s.kind === "moduleEnd") break;
          if (clickStep() === null) break;
        }
        parent.lmsSeen = { end: KursPlayer.screen().kind, inputs: KursPlayer.inputs().length,
          mode: player && player.mode };
        parent.frameDone = true;
        </script>
        """
    let report = try runInPlatform(
      version: "1.2", passed: false,
      store: #"{"cmi.core.lesson_status": "not attempted", "cmi.core.student_id": "m-42"}"#,
      script: script)
    let seen = try #require(report["seen"] as? [String: Any], "\(report)")
    #expect(seen["end"] as? String == "moduleEnd")
    #expect(seen["mode"] as? String == "scorm")
    let calls = try #require(report["calls"] as? [[Any]])
    let names = calls.compactMap { $0.first as? String }
    #expect(names.first == "LMSInitialize")
    #expect(names.filter { $0 == "LMSCommit" }.count >= 3)
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.core.lesson_status"] == "incomplete")
    #expect(store["cmi.core.score.max"] == "100")
    let suspend = try #require(store["cmi.suspend_data"])
    let data = try #require(
      try JSONSerialization.jsonObject(with: Data(suspend.utf8)) as? [String: Any])
    #expect((data["inputs"] as? [Any])?.count == seen["inputs"] as? Int)
  }

  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func scorm2004RuntimeWhereOnlyAPI_1484_11IsFound() throws {
    let report = try runInPlatform(
      version: "2004", passed: true,
      store: #"{"cmi.completion_status": "unknown", "cmi.learner_id": "x-1"}"#)
    let calls = try #require(report["calls"] as? [[Any]])
    let names = calls.compactMap { $0.first as? String }
    #expect(names.first == "Initialize")
    #expect(names.last == "Terminate")
    let store = try #require(report["store"] as? [String: String])
    #expect(store["cmi.completion_status"] == "completed")
    #expect(store["cmi.success_status"] == "passed")
    #expect(store["cmi.score.scaled"] == "0.8571")
    #expect(store["cmi.score.raw"] == "6")
    #expect(store["cmi.score.max"] == "7")
    #expect(store["cmi.progress_measure"] == "1")
    #expect(store["cmi.exit"] == "normal")
    #expect(store["cmi.session_time"] == "PT61.50S")
  }

  /// Plain html mode without a record store: nothing is connected and nothing is fetched.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func htmlModeWithoutAStoreSendsNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try publishedPage("html", in: folder)
    let driver = """
      var fetched = 0;
      window.fetch = function () { fetched += 1; return Promise.reject(new Error("no")); };
      window.API = { LMSInitialize: function () { fetched += 100; return "true"; } };
      var options = JSON.parse(document.getElementById("kurs-options").textContent);
      var lms = KursLMS.connect(options);
      lms.statements([{ id: "a" }]);
      lms.progress({ percent: 100, score: 1, maximum: 1, completed: true, passed: true });
      lms.exit();
      setTimeout(function () {
        kursReport({ connected: lms.connected, fetched: fetched, mode: options.mode });
      }, 500);
      """
    let value = try HeadlessChromium.run(page: page, driver: driver, in: folder)
    let report = try #require(value as? [String: Any], "\(value)")
    #expect(report["mode"] as? String == "html")
    #expect(report["connected"] as? Bool == false)
    #expect(report["fetched"] as? Int == 0)
  }
}

/// cmi5: the launch as a cmi5 platform makes it (the launch URL's parameters, the fetch URL,
/// LMS.LaunchData), with the platform's answers faked in the page.
@Suite(.serialized) struct CMI5LaunchTests {
  static let driver = """
    var sent = [], requests = [];
    function answer(status, body) {
      return Promise.resolve({ ok: status < 300, status: status,
        json: function () { return Promise.resolve(body); } });
    }
    var actor = { objectType: "Agent", name: "Jane", account: { homePage: "https://lms.example",
      name: "jane-7" } };
    var fakeWindow = { addEventListener: function () {}, setTimeout: setTimeout.bind(window),
      location: { search: "?endpoint=" + encodeURIComponent("https://lms.example/xapi/") +
        "&fetch=" + encodeURIComponent("https://lms.example/fetch?k=1") +
        "&actor=" + encodeURIComponent(JSON.stringify(actor)) + "&registration=REG-1" +
        "&activityId=" + encodeURIComponent("urn:kurs:course:example:au") } };
    function fakeFetch(url, init) {
      requests.push({ url: url, method: (init && init.method) || "GET",
        auth: (init && init.headers && init.headers.Authorization) || null });
      if (url.indexOf("https://lms.example/fetch") === 0) {
        return answer(200, { "auth-token": "dG9rZW4=" });
      }
      if (url.indexOf("activities/state") >= 0) {
        return answer(200, { launchMode: LAUNCHMODE, moveOn: "CompletedAndPassed",
          masteryScore: 0.5, contextTemplate: {
            contextActivities: { grouping: [{ id: "https://lms.example/publisher" }] },
            extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "S-1" } } });
      }
      JSON.parse(init.body).forEach(function (s) { sent.push(s); });
      return answer(200, []);
    }
    var clock = 1796385600000, ids = 0;
    var lms = KursLMS.connect({ mode: "cmi5", lrs: null }, { window: fakeWindow, fetch: fakeFetch,
      storage: null, now: function () { clock += 1000; return clock; },
      newID: function () { ids += 1; return "00000000-0000-4000-8000-00000000000" + ids; } });
    lms.statements([{ id: "own-1", actor: { account: { homePage: "https://kurs.invalid/learner",
      name: "x" } }, verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
      object: { id: "urn:kurs:course:example" },
      context: { extensions: { "urn:kurs:xapi:input": { begin: {} } } } }]);
    lms.ready.then(function () {
      lms.progress({ percent: 100, score: 6, maximum: 7, completed: true, passed: true });
      lms.exit();
      setTimeout(function () {
        kursReport({ sent: sent, requests: requests, problem: lms.problem });
      }, 500);
    });
    """

  func run(launchMode: String) throws -> [String: Any] {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-cmi5-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try LMSRuntimeTests().publishedPage("cmi5", in: folder)
    let value = try HeadlessChromium.run(
      page: page,
      driver: Self.driver.replacingOccurrences(of: "LAUNCHMODE", with: "\"\(launchMode)\""),
      in: folder)
    return try #require(value as? [String: Any], "\(value)")
  }

  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func aNormalLaunchSendsTheCMI5StatementsInOrder() throws {
    let report = try run(launchMode: "Normal")
    #expect(report["problem"] is NSNull, "\(report["problem"] ?? "")")
    let requests = try #require(report["requests"] as? [[String: Any]])
    #expect(requests.first?["url"] as? String == "https://lms.example/fetch?k=1")
    #expect(requests.first?["method"] as? String == "POST")
    let statementRequests = requests.filter {
      ($0["url"] as? String)?.hasSuffix("/statements") == true
    }
    #expect(!statementRequests.isEmpty)
    #expect(statementRequests.allSatisfy { $0["auth"] as? String == "Basic dG9rZW4=" })
    let sent = try #require(report["sent"] as? [[String: Any]])
    let verbs = sent.compactMap {
      (($0["verb"] as? [String: Any])?["id"] as? String)?.split(
        separator: "/"
      ).last.map(String.init)
    }
    #expect(verbs == ["initialized", "experienced", "completed", "passed", "terminated"])
    for statement in sent {
      let actor = statement["actor"] as? [String: Any]
      #expect((actor?["account"] as? [String: Any])?["name"] as? String == "jane-7")
      let context = try #require(statement["context"] as? [String: Any])
      #expect(context["registration"] as? String == "REG-1")
      let extensions = context["extensions"] as? [String: Any]
      #expect(
        extensions?["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] as? String == "S-1")
    }
    func categories(_ statement: [String: Any]) -> [String] {
      let context = statement["context"] as? [String: Any]
      let activities = context?["contextActivities"] as? [String: Any]
      return (activities?["category"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }
    let cmi5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
    let moveOn = "https://w3id.org/xapi/cmi5/context/categories/moveon"
    #expect(categories(sent[0]) == [cmi5])
    #expect(!categories(sent[1]).contains(cmi5), "the course's own statements are not cmi5-defined")
    #expect(categories(sent[2]) == [cmi5, moveOn])
    #expect(categories(sent[3]) == [cmi5, moveOn])
    let passed = try #require(sent[3]["result"] as? [String: Any])
    #expect(passed["success"] as? Bool == true)
    #expect((passed["score"] as? [String: Any])?["scaled"] as? Double == 0.8571)
    let passedContext = sent[3]["context"] as? [String: Any]
    let passedExtensions = passedContext?["extensions"] as? [String: Any]
    #expect(
      passedExtensions?["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] as? Double
        == 0.5)
    #expect(sent.allSatisfy { ($0["object"] as? [String: Any])?["id"] != nil })
    #expect((sent[0]["object"] as? [String: Any])?["id"] as? String == "urn:kurs:course:example:au")
  }

  /// A learner who comes back to a finished course (a second launch of the same registration
  /// on this device) is not reported completed and passed twice (cmi5, 9.3.3 and 9.3.4), and
  /// the course's own statements keep the template's context.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func aSecondLaunchOfAFinishedRegistrationDoesNotReportAgain() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-cmi5-twice-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try LMSRuntimeTests().publishedPage("cmi5", in: folder)
    let driver = """
      localStorage.clear();
      var sessions = [];
      function answer(body) {
        return Promise.resolve({ ok: true, status: 200,
          json: function () { return Promise.resolve(body); } });
      }
      var fakeWindow = { addEventListener: function () {}, setTimeout: setTimeout.bind(window),
        location: { search: "?endpoint=https%3A%2F%2Flms.example%2Fxapi%2F" +
          "&fetch=https%3A%2F%2Flms.example%2Ffetch&registration=R-2&activityId=A" +
          "&actor=" + encodeURIComponent(JSON.stringify({ account: { homePage: "h", name: "n" } })) } };
      function launch(session, then) {
        var sent = [];
        function fakeFetch(url, init) {
          if (url.indexOf("/fetch") > 0) return answer({ "auth-token": "dA==" });
          if (url.indexOf("activities/state") > 0) {
            return answer({ launchMode: "Normal", contextTemplate: {
              contextActivities: { grouping: [{ id: "urn:publisher" }] },
              extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": session } } });
          }
          JSON.parse(init.body).forEach(function (s) { sent.push(s); });
          return answer([]);
        }
        var lms = KursLMS.connect({ mode: "cmi5", lrs: null },
          { window: fakeWindow, fetch: fakeFetch, storage: localStorage });
        lms.statements([{ id: session + "-own", verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
          object: { id: "urn:kurs:course:example" },
          context: { contextActivities: { grouping: [{ id: "urn:mine" }] },
            extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "forged" } } }]);
        lms.ready.then(function () {
          lms.progress({ percent: 100, score: 1, maximum: 1, completed: true, passed: true });
          lms.exit();
          setTimeout(function () { sessions.push(sent); then(); }, 300);
        });
      }
      launch("S-1", function () { launch("S-2", function () { kursReport(sessions); }); });
      """
    let value = try HeadlessChromium.run(page: page, driver: driver, in: folder)
    let sessions = try #require(value as? [[[String: Any]]], "\(value)")
    func verbs(_ list: [[String: Any]]) -> [String] {
      list.compactMap {
        (($0["verb"] as? [String: Any])?["id"] as? String)?.split(separator: "/").last
          .map(String.init)
      }
    }
    try #require(sessions.count == 2)
    #expect(
      verbs(sessions[0]) == ["initialized", "experienced", "completed", "passed", "terminated"])
    #expect(verbs(sessions[1]) == ["initialized", "experienced", "terminated"])
    let own = try #require(sessions[0].first { ($0["id"] as? String) == "S-1-own" })
    let context = try #require(own["context"] as? [String: Any])
    let extensions = context["extensions"] as? [String: Any]
    #expect(
      extensions?["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] as? String == "S-1",
      "the template's session id is never overwritten")
    let grouping = (context["contextActivities"] as? [String: Any])?["grouping"] as? [[String: Any]]
    #expect(grouping?.compactMap { $0["id"] as? String } == ["urn:publisher", "urn:mine"])
  }

  /// Browse and Review launches never complete, pass or fail (cmi5, section 10.0).
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func aReviewLaunchNeitherCompletesNorJudges() throws {
    let report = try run(launchMode: "Review")
    let sent = try #require(report["sent"] as? [[String: Any]])
    let verbs = sent.compactMap {
      (($0["verb"] as? [String: Any])?["id"] as? String)?.split(
        separator: "/"
      ).last.map(String.init)
    }
    #expect(verbs == ["initialized", "experienced", "terminated"])
  }
}

/// `kurs publish html --lrs URL`: the page sends the course's statements to that store, and
/// keeps them in the browser until the store has them.
@Suite(.serialized) struct PublishHTMLRecordStoreTests {
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-page-lrs-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  func publish(_ arguments: [String], in folder: URL) throws -> (KursProcess.Result, URL) {
    let page = folder.appendingPathComponent("example.html")
    let result = try KursProcess.run(
      ["publish", "html", "example", "--out", page.path] + arguments,
      environment: ["KURS_LRS_USER": "", "KURS_LRS_PASSWORD": ""])
    return (result, page)
  }

  @Test func theStoreAndItsCredentialsGoIntoThePage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let credentials = folder.appendingPathComponent("lrs-credentials")
    try "kurs:s3cret\n".write(to: credentials, atomically: true, encoding: .utf8)
    chmod(credentials.path, 0o600)
    let (result, page) = try publish(
      ["--lrs", "http://127.0.0.1:8100/xAPI/", "--lrs-credentials", credentials.path], in: folder)
    #expect(result.exitCode == 0, "\(result.errors)")
    #expect(result.output.contains("sends its statements to http://127.0.0.1:8100/xAPI/"))
    let html = try String(contentsOf: page, encoding: .utf8)
    let auth = "Basic " + Data("kurs:s3cret".utf8).base64EncodedString()
    #expect(
      html.contains(#""endpoint":"http:\/\/127.0.0.1:8100\/xAPI\/""#)
        || html.contains(
          #""endpoint":"http://127.0.0.1:8100/xAPI/""#)
    )
    #expect(html.contains(auth))
    #expect(html.contains("connect-src http://127.0.0.1:8100"))
  }

  /// A password in the address would show in the process list: refused, and nothing written.
  @Test func aPasswordInTheAddressWritesNoPage() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (result, page) = try publish(["--lrs", "http://u:p@127.0.0.1:8100/xAPI/"], in: folder)
    #expect(result.exitCode != 0)
    #expect(result.errors.contains("--lrs"))
    #expect(!FileManager.default.fileExists(atPath: page.path))
  }

  /// A runner's KURS_LRS_URL never goes into a page by itself.
  @Test func theRunnersStoreIsNotPublishedUnasked() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("example.html")
    let result = try KursProcess.run(
      ["publish", "html", "example", "--out", page.path],
      environment: ["KURS_LRS_URL": "http://127.0.0.1:8100/xAPI/"])
    #expect(result.exitCode == 0, "\(result.errors)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(html.contains(#"{"lrs":null,"mode":"html"}"#))
    #expect(!html.contains("connect-src"))
  }

  /// Offline: the statements wait in localStorage; the next visit (a reload) sends them, in
  /// order, and none is lost or sent twice.
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func statementsWaitOfflineAndAreSentLater() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (result, page) = try publish(["--lrs", "http://127.0.0.1:9/xAPI/"], in: folder)
    #expect(result.exitCode == 0, "\(result.errors)")
    let html = try String(contentsOf: page, encoding: .utf8)
    let driver = """
      var online = false, received = [], attempts = 0, headers = null;
      function fakeFetch(url, init) {
        attempts += 1;
        if (!online) return Promise.reject(new TypeError("offline"));
        headers = init.headers;
        JSON.parse(init.body).forEach(function (s) { received.push(s.id); });
        return Promise.resolve({ ok: true, status: 200, json: function () { return Promise.resolve([]); } });
      }
      localStorage.clear();
      var options = JSON.parse(document.getElementById("kurs-options").textContent);
      var env = { fetch: fakeFetch, window: window, storage: localStorage };
      var first = KursLMS.connect(options, env);
      first.statements([{ id: "s1" }, { id: "s2" }]);
      first.statements([{ id: "s2" }, { id: "s3" }]);
      setTimeout(function () {
        var waiting = JSON.parse(localStorage.getItem("kurs-lms-outbox:" + options.lrs.endpoint));
        online = true;
        var second = KursLMS.connect(options, env);
        setTimeout(function () {
          kursReport({ waiting: waiting.map(function (s) { return s.id; }), received: received,
            left: second.pending(), endpoint: options.lrs.endpoint,
            version: headers && headers["X-Experience-API-Version"] });
        }, 500);
      }, 300);
      """
    let value = try HeadlessChromium.run(page: html, driver: driver, in: folder)
    let report = try #require(value as? [String: Any], "\(value)")
    #expect(report["endpoint"] as? String == "http://127.0.0.1:9/xAPI/")
    #expect(report["waiting"] as? [String] == ["s1", "s2", "s3"])
    #expect(report["received"] as? [String] == ["s1", "s2", "s3"])
    #expect(report["left"] as? Int == 0)
    #expect(report["version"] as? String == "1.0.3")
  }
}

/// cmi5 over real HTTP: the page, opened from a file, talks to a fake cmi5 platform on a
/// loopback port (its fetch URL, its state API, its statements resource), across origins as a
/// platform's own record store would be.
@Suite(.serialized) struct CMI5HTTPLaunchTests {
  @Test(.enabled(if: HeadlessChromium.path != nil, "\(HeadlessChromium.missing)"))
  func aLaunchOverHTTPDeliversEveryStatement() throws {
    let launchData = """
      {"launchMode":"Normal","moveOn":"CompletedAndPassed","contextTemplate":{"extensions":
      {"https://w3id.org/xapi/cmi5/context/extensions/sessionid":"S-9"}}}
      """
    let platform = try FakeRecordStore { request, store in
      if request.method == "OPTIONS" { return .answer(204, "") }
      if request.target.hasPrefix("/fetch") {
        return .answer(200, #"{"auth-token":"dG9rZW4="}"#)
      }
      if request.target.contains("/activities/state?") { return .answer(200, launchData) }
      return store.store(request)
    }
    defer { platform.stop() }
    let base = "http://\(platform.host):\(platform.port)"
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kurs-cmi5-http-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try LMSRuntimeTests().publishedPage("cmi5", in: folder)
    let driver = """
      var actor = { objectType: "Agent", account: { homePage: "\(base)", name: "jane-7" } };
      var launch = { addEventListener: function () {}, setTimeout: setTimeout.bind(window),
        location: { search: "?endpoint=" + encodeURIComponent("\(platform.url)") +
          "&fetch=" + encodeURIComponent("\(base)/fetch?one-time=1") +
          "&actor=" + encodeURIComponent(JSON.stringify(actor)) + "&registration=REG-9" +
          "&activityId=" + encodeURIComponent("urn:kurs:course:example:au") } };
      var lms = KursLMS.connect({ mode: "cmi5", lrs: null },
        { window: launch, fetch: window.fetch.bind(window), storage: null });
      lms.statements([{ id: "6f1d1a0e-0000-4000-8000-000000000001",
        verb: { id: "http://adlnet.gov/expapi/verbs/experienced" },
        object: { id: "urn:kurs:course:example" } }]);
      lms.ready.then(function () {
        lms.progress({ percent: 100, score: 3, maximum: 4, completed: true, passed: true });
        lms.exit();
        var waited = 0;
        var timer = setInterval(function () {
          waited += 1;
          if (lms.pending() === 0 || waited > 50) {
            clearInterval(timer);
            kursReport({ pending: lms.pending(), problem: lms.problem });
          }
        }, 100);
      });
      """
    let value = try HeadlessChromium.run(page: page, driver: driver, in: folder)
    let report = try #require(value as? [String: Any], "\(value)")
    #expect(report["problem"] is NSNull, "\(report)")
    #expect(report["pending"] as? Int == 0)
    let requests = platform.requests.filter { $0.method != "OPTIONS" }
    #expect(requests.first?.method == "POST")
    #expect(requests.first?.target == "/fetch?one-time=1")
    let posts = requests.filter { $0.target.hasSuffix("/statements") }
    #expect(!posts.isEmpty)
    for post in posts {
      #expect(post.headers["authorization"] == "Basic dG9rZW4=", "\(post.headers)")
      #expect(post.headers["x-experience-api-version"] == "1.0.3", "\(post.headers)")
    }
    let verbs = posts.flatMap { post -> [String] in
      let list = (try? JSONSerialization.jsonObject(with: post.body)) as? [[String: Any]] ?? []
      return list.compactMap {
        (($0["verb"] as? [String: Any])?["id"] as? String)?.split(separator: "/").last
          .map(String.init)
      }
    }
    #expect(verbs == ["initialized", "experienced", "completed", "passed", "terminated"])
    #expect(platform.storedIDs.count == 5)
  }
}
