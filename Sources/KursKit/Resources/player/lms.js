// lms.js: the page's link to a learning platform (plain JavaScript, no library).
//
// KursLMS.connect(options, env) returns an adapter that player.js calls after every journalled
// step, at completion and on quick exit or pause:
//   statements(list)  the course's xAPI statements (the journal's new ones, or all of them)
//   progress({percent, score, maximum, completed, passed})
//   exit()            the learner leaves: the platform is told and the session closed
//   resumeInputs()    the journalled inputs the platform kept (SCORM suspend data), or null
//   learner()         {id, name} as the platform knows the learner, or null
// options is the page's kurs-options: {"mode": "html"|"scorm"|"cmi5", "lrs": null|{endpoint,
// auth}}. env may give now() (milliseconds), newID() (a UUID), window, fetch and storage, for
// tests; the real ones are used otherwise.
//
// mode html without an LRS: the adapter does nothing at all, and nothing leaves the phone.
// mode html with an LRS: the statements go to that store, queued in localStorage first and
//   sent when the network allows, in order, so that none is lost when the phone is offline.
// mode scorm: the SCORM 1.2 runtime (window.API, as Moodle gives it), or SCORM 2004
//   (API_1484_11) where only that is found, looked for in this window, its parents and the
//   window that opened it, as the SCORM Run-Time Environment describes.
// mode cmi5: the launch parameters of the URL (endpoint, fetch, actor, registration,
//   activityId), the auth token from the fetch URL, LMS.LaunchData from the state API, and the
//   cmi5 statements initialized, completed, passed or failed, and terminated, with the
//   platform's context template, followed by the course's own statements under the platform's
//   actor and registration, all through the same queue.
"use strict";
const KursLMS = (function () {
  const XAPI_VERSION = "1.0.3";
  const CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY_EXTENSION = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  const INPUT_EXTENSION = "urn:kurs:xapi:input";
  const VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
  };

  function environment(env) {
    env = env || {};
    const win = env.window || (typeof window !== "undefined" ? window : null);
    return {
      window: win,
      now: typeof env.now === "function" ? env.now : () => Date.now(),
      newID: typeof env.newID === "function" ? env.newID : randomUUID,
      fetch: env.fetch || (win && win.fetch ? win.fetch.bind(win) : null),
      storage: env.storage !== undefined ? env.storage : safeStorage(win),
    };
  }

  function randomUUID() {
    const bytes = new Uint8Array(16);
    if (typeof crypto !== "undefined" && crypto.getRandomValues) {
      crypto.getRandomValues(bytes);
    } else {
      for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // localStorage can be missing or refuse (a private window, a file:// page on some phones).
  function safeStorage(win) {
    try {
      const storage = win && win.localStorage;
      if (!storage) return null;
      const probe = "kurs-lms-probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  // The inputs a list of statements journals (KursRecords.inputs when records.js has it).
  function inputsOf(statements) {
    if (typeof KursRecords !== "undefined" && KursRecords && KursRecords.inputs) {
      try {
        return KursRecords.inputs(statements);
      } catch (error) {
        // fall through to the extension itself
      }
    }
    const inputs = [];
    for (const statement of statements) {
      const extensions = statement && statement.context && statement.context.extensions;
      if (extensions && extensions[INPUT_EXTENSION] !== undefined) {
        inputs.push(extensions[INPUT_EXTENSION]);
      }
    }
    return inputs;
  }

  // The statements seen so far, in order, each once (player.js may hand the whole journal).
  function Journal() {
    const ids = new Set();
    const list = [];
    return {
      add(statements) {
        const fresh = [];
        for (const statement of statements || []) {
          const id = statement && statement.id;
          if (id && ids.has(id)) continue;
          if (id) ids.add(id);
          list.push(statement);
          fresh.push(statement);
        }
        return fresh;
      },
      all() {
        return list;
      },
    };
  }

  const nothing = {
    mode: "html",
    connected: false,
    problem: null,
    statements() {},
    progress() {},
    exit() {},
    resumeInputs() {
      return null;
    },
    learner() {
      return null;
    },
  };

  // ---- SCORM ----------------------------------------------------------------------------

  // The API object named `name` in `win` or the nearest of its parents (at most 500 levels, as
  // the ADL algorithm bounds it); a parent of another origin ends the search.
  function findIn(win, name) {
    for (let tries = 0; win && tries < 500; tries += 1) {
      try {
        if (win[name]) return win[name];
      } catch (error) {
        return null;
      }
      let parent = null;
      try {
        parent = win.parent;
      } catch (error) {
        return null;
      }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  // SCORM 1.2's API first (the package says SCORM 1.2), then SCORM 2004's; in this window and
  // its parents, then in the window that opened it and its parents.
  function findSCORM(win) {
    const places = [win];
    try {
      if (win && win.opener && win.opener !== win) places.push(win.opener);
    } catch (error) {
      // an opener of another origin
    }
    for (const [name, version] of [["API", "1.2"], ["API_1484_11", "2004"]]) {
      for (const place of places) {
        const api = findIn(place, name);
        if (api) return { api, version };
      }
    }
    return null;
  }

  function scormTime12(milliseconds) {
    const centiseconds = Math.max(0, Math.round(milliseconds / 10));
    const hours = Math.min(9999, Math.floor(centiseconds / 360000));
    const minutes = Math.floor((centiseconds % 360000) / 6000);
    const seconds = (centiseconds % 6000) / 100;
    return String(hours).padStart(2, "0") + ":" + String(minutes).padStart(2, "0") + ":" +
      seconds.toFixed(2).padStart(5, "0");
  }

  function duration(milliseconds) {
    return "PT" + (Math.max(0, Math.round(milliseconds / 10)) / 100).toFixed(2) + "S";
  }

  function scorm(found, env) {
    const v12 = found.version === "1.2";
    const api = found.api;
    const names = v12
      ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
        finish: "LMSFinish" }
      : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
        finish: "Terminate" };
    // SCORM 1.2 holds 4,096 characters of suspend data; SCORM 2004 (3rd, 4th edition) 64,000.
    const suspendLimit = v12 ? 4096 : 64000;
    const started = env.now();
    const journal = Journal();
    let open = false;
    let last = null;

    function call(name, a, b) {
      try {
        return String(arguments.length > 2 ? api[name](a, b) : api[name](a));
      } catch (error) {
        return "false";
      }
    }
    const get = (element) => call(names.get, element);
    const set = (element, value) => call(names.set, element, String(value));

    open = call(names.init, "") === "true";
    let suspended = null;
    let learner = null;
    if (open) {
      const status = get(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
      if (status === "" || status === "not attempted" || status === "unknown") {
        set(v12 ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
      }
      try {
        const data = JSON.parse(get("cmi.suspend_data") || "null");
        if (data && data.kurs === 1 && Array.isArray(data.inputs)) suspended = data.inputs;
      } catch (error) {
        suspended = null;
      }
      const id = get(v12 ? "cmi.core.student_id" : "cmi.learner_id");
      if (id) learner = { id, name: get(v12 ? "cmi.core.student_name" : "cmi.learner_name") };
    }

    // player.js calls exit() on pause too, and the learner may go on: SCORM 1.2 platforms
    // (Moodle) accept a new LMSInitialize after LMSFinish; SCORM 2004 forbids it.
    let finished = false;
    function reopen() {
      if (open || !finished || !v12) return open;
      open = call(names.init, "") === "true";
      if (open) finished = false;
      return open;
    }

    function suspend() {
      const data = JSON.stringify({ kurs: 1, inputs: inputsOf(journal.all()) });
      // Too long for the platform: the page's own storage keeps the journal on this device,
      // and the platform keeps no older, shorter list that would resume at an earlier step.
      set("cmi.suspend_data", data.length <= suspendLimit ? data
        : JSON.stringify({ kurs: 1, inputs: null, tooLong: data.length }));
    }

    return {
      mode: "scorm",
      connected: open,
      version: found.version,
      problem: open ? null : "the learning platform refused to start the session",
      statements(list) {
        if (!reopen()) return;
        if (journal.add(list).length > 0) {
          suspend();
          call(names.commit, "");
        }
      },
      progress(report) {
        if (!report || !reopen()) return;
        last = report;
        const maximum = Number(report.maximum) || 0;
        const score = Number(report.score) || 0;
        if (maximum > 0) {
          const scaled = Math.max(0, Math.min(1, score / maximum));
          if (v12) {
            // A percentage: Moodle's gradebook reads raw against 0–100.
            set("cmi.core.score.raw", Math.round(scaled * 100));
            set("cmi.core.score.min", 0);
            set("cmi.core.score.max", 100);
          } else {
            set("cmi.score.scaled", Math.round(scaled * 10000) / 10000);
            set("cmi.score.raw", score);
            set("cmi.score.min", 0);
            set("cmi.score.max", maximum);
          }
        }
        if (v12) {
          const status = report.completed ? (report.passed ? "passed" : "failed") : "incomplete";
          set("cmi.core.lesson_status", status);
        } else {
          set("cmi.completion_status", report.completed ? "completed" : "incomplete");
          set("cmi.success_status", report.completed ? (report.passed ? "passed" : "failed")
            : "unknown");
          if (typeof report.percent === "number") {
            set("cmi.progress_measure", Math.max(0, Math.min(1, report.percent / 100)));
          }
        }
        call(names.commit, "");
      },
      exit() {
        if (!open) return;
        const done = last && last.completed;
        if (v12) {
          set("cmi.core.exit", done ? "" : "suspend");
          set("cmi.core.session_time", scormTime12(env.now() - started));
        } else {
          set("cmi.exit", done ? "normal" : "suspend");
          set("cmi.session_time", duration(env.now() - started));
        }
        call(names.commit, "");
        call(names.finish, "");
        open = false;
        finished = true;
      },
      resumeInputs() {
        return suspended;
      },
      learner() {
        return learner;
      },
    };
  }

  // ---- xAPI: the queue ------------------------------------------------------------------

  // Statements wait in localStorage (else in memory) until the store has confirmed them, and
  // are sent in order. A store that is down, offline or slow only delays them.
  function Outbox(key, endpoint, headers, env) {
    const base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    let queue = [];
    let sending = false;
    let retry = null;
    try {
      queue = JSON.parse((env.storage && env.storage.getItem(key)) || "[]");
      if (!Array.isArray(queue)) queue = [];
    } catch (error) {
      queue = [];
    }
    function save() {
      try {
        if (env.storage) env.storage.setItem(key, JSON.stringify(queue));
      } catch (error) {
        // full storage: the queue stays in memory for this visit
      }
    }
    function later() {
      if (retry !== null || !env.window || !env.window.setTimeout) return;
      retry = env.window.setTimeout(() => {
        retry = null;
        flush();
      }, 30000);
    }
    function post(batch, keepalive) {
      return env.fetch(base + "statements", {
        method: "POST",
        headers: Object.assign({ "Content-Type": "application/json",
          "X-Experience-API-Version": XAPI_VERSION }, headers()),
        body: JSON.stringify(batch),
        keepalive: Boolean(keepalive),
      });
    }
    async function flush(keepalive) {
      if (sending || queue.length === 0 || !env.fetch) return;
      sending = true;
      try {
        while (queue.length > 0) {
          const batch = queue.slice(0, 50);
          const response = await post(batch, keepalive);
          if (response.ok) {
            queue.splice(0, batch.length);
            save();
          } else if (response.status === 409 && batch.length > 1) {
            // One of them is stored already (a reload sent it): send them one by one.
            for (const statement of batch) {
              const single = await post([statement], keepalive);
              if (!single.ok && single.status !== 409) throw new Error("HTTP " + single.status);
              queue.shift();
              save();
            }
          } else if (response.status === 409) {
            queue.shift();
            save();
          } else {
            throw new Error("HTTP " + response.status);
          }
        }
      } catch (error) {
        later();
      } finally {
        sending = false;
      }
    }
    if (env.window && env.window.addEventListener) {
      env.window.addEventListener("online", () => flush());
    }
    return {
      push(statements, keepalive) {
        for (const statement of statements) queue.push(statement);
        save();
        return flush(keepalive);
      },
      flush,
      pending() {
        return queue.length;
      },
    };
  }

  // ---- html with a learning record store ------------------------------------------------

  function recordStore(lrs, env) {
    const journal = Journal();
    const outbox = Outbox("kurs-lms-outbox:" + lrs.endpoint, lrs.endpoint,
      () => (lrs.auth ? { Authorization: lrs.auth } : {}), env);
    outbox.flush();
    return Object.assign({}, nothing, {
      mode: "html",
      connected: true,
      statements(list) {
        const fresh = journal.add(list);
        if (fresh.length > 0) outbox.push(fresh);
      },
      exit() {
        outbox.flush(true);
      },
      pending() {
        return outbox.pending();
      },
    });
  }

  // ---- cmi5 -----------------------------------------------------------------------------

  function launchParameters(win) {
    let search = "";
    try {
      search = win.location.search || "";
    } catch (error) {
      search = "";
    }
    const query = new URLSearchParams(search);
    const launch = {};
    for (const name of ["endpoint", "fetch", "actor", "registration", "activityId"]) {
      const value = query.get(name);
      if (!value) return null;
      launch[name] = value;
    }
    try {
      launch.actor = JSON.parse(launch.actor);
    } catch (error) {
      return null;
    }
    return launch;
  }

  function cmi5(env) {
    const launch = env.window ? launchParameters(env.window) : null;
    if (!launch) {
      return Object.assign({}, nothing, {
        mode: "cmi5",
        problem: "the page was not launched by a cmi5 platform (no endpoint, fetch, actor, " +
          "registration and activityId in its address): it plays, and nothing is sent",
      });
    }
    const started = env.now();
    const journal = Journal();
    let token = null;
    let launchData = null;
    let last = null;
    // completed and passed (or failed) go once per registration (cmi5, sections 9.3.3, 9.3.4),
    // also when the learner comes back to a finished course on this device.
    const reportedKey = "kurs-lms-cmi5-reported:" + launch.activityId + ":" + launch.registration;
    let reported = { completed: false, judged: false };
    try {
      const saved = JSON.parse((env.storage && env.storage.getItem(reportedKey)) || "null");
      if (saved && typeof saved === "object") reported = Object.assign(reported, saved);
    } catch (error) {
      // unreadable: report again rather than never
    }
    function remember() {
      try {
        if (env.storage) env.storage.setItem(reportedKey, JSON.stringify(reported));
      } catch (error) {
        // full storage: remembered for this visit
      }
    }
    let closed = false;
    const key = "kurs-lms-cmi5:" + launch.activityId + ":" + launch.registration;
    const outbox = Outbox(key, launch.endpoint,
      () => (token ? { Authorization: "Basic " + token } : {}), env);
    // Nothing is sent before the token and the launch data are here: the course's statements
    // wait (the cmi5-defined ones are made only after it).
    let ready = false;
    const waiting = [];

    function context(extra) {
      const template = (launchData && launchData.contextTemplate) || {};
      const result = JSON.parse(JSON.stringify(template));
      result.registration = launch.registration;
      result.contextActivities = result.contextActivities || {};
      const category = result.contextActivities.category || [];
      for (const id of extra || []) {
        if (!category.some((activity) => activity && activity.id === id)) {
          category.push({ id, objectType: "Activity" });
        }
      }
      if (category.length > 0) result.contextActivities.category = category;
      return result;
    }

    function defined(verb, result, categories, extensions) {
      const statement = {
        id: env.newID(),
        timestamp: new Date(env.now()).toISOString(),
        actor: launch.actor,
        verb: { id: VERBS[verb], display: { "en-US": verb } },
        object: { id: launch.activityId, objectType: "Activity" },
        context: context(categories),
      };
      if (result) statement.result = result;
      if (extensions) {
        // The template's values are never overwritten (cmi5, section 10.0).
        statement.context.extensions = Object.assign({}, extensions,
          statement.context.extensions);
      }
      return statement;
    }

    // The course's own statement ("cmi5 allowed"), under the platform's actor and
    // registration, its context built on the template: the template's values kept, the
    // statement's added (lists of context activities joined, an activity once).
    function allowed(statement) {
      const copy = JSON.parse(JSON.stringify(statement));
      copy.actor = launch.actor;
      const own = copy.context || {};
      const merged = context([]);
      for (const name of Object.keys(own)) {
        if (name === "contextActivities" || name === "extensions") continue;
        if (merged[name] === undefined) merged[name] = own[name];
      }
      merged.registration = launch.registration;
      merged.extensions = Object.assign({}, own.extensions, merged.extensions);
      const lists = own.contextActivities || {};
      for (const kind of Object.keys(lists)) {
        const mine = Array.isArray(lists[kind]) ? lists[kind] : [lists[kind]];
        const theirs = merged.contextActivities[kind];
        const joined = Array.isArray(theirs) ? theirs.slice() : theirs ? [theirs] : [];
        for (const activity of mine) {
          if (!joined.some((known) => known && activity && known.id === activity.id)) {
            joined.push(activity);
          }
        }
        merged.contextActivities[kind] = joined;
      }
      copy.context = merged;
      return copy;
    }

    function send(statements, keepalive) {
      if (ready) outbox.push(statements, keepalive);
    }

    async function start() {
      try {
        if (!env.fetch) throw new Error("this browser cannot send requests");
        const fetched = await env.fetch(launch.fetch, { method: "POST" });
        if (!fetched.ok) throw new Error("the fetch URL answered HTTP " + fetched.status);
        const body = await fetched.json();
        token = body["auth-token"];
        if (!token) throw new Error("the fetch URL gave no auth-token");
        const state = launch.endpoint.replace(/\/?$/, "/") + "activities/state?" +
          new URLSearchParams({ stateId: "LMS.LaunchData", activityId: launch.activityId,
            agent: JSON.stringify(launch.actor), registration: launch.registration }).toString();
        const answer = await env.fetch(state, { headers: {
          Authorization: "Basic " + token, "X-Experience-API-Version": XAPI_VERSION } });
        if (!answer.ok) throw new Error("LMS.LaunchData answered HTTP " + answer.status);
        launchData = await answer.json();
        adapter.launchData = launchData;
        ready = true;
        outbox.push([defined("initialized", null, [CMI5_CATEGORY])]);
        // The course's statements made before the launch data came, now with its context.
        const held = waiting.splice(0, waiting.length);
        if (held.length > 0) outbox.push(held.map(allowed));
      } catch (error) {
        adapter.problem = "the cmi5 launch failed (" + error.message + "): the course plays, " +
          "and nothing is sent";
      }
    }

    // Normal mode only: Browse and Review never judge or complete (cmi5, section 10.0).
    function judging() {
      return ready && launchData && (launchData.launchMode || "Normal") === "Normal";
    }

    function masteryScore() {
      const value = launchData && Number(launchData.masteryScore);
      return launchData && launchData.masteryScore !== undefined && !isNaN(value) ? value : null;
    }

    const adapter = {
      mode: "cmi5",
      connected: true,
      problem: null,
      launchData: null,
      ready: null,
      statements(list) {
        if (closed) return;
        const fresh = journal.add(list);
        if (fresh.length === 0) return;
        if (ready) {
          outbox.push(fresh.map(allowed));
        } else {
          for (const statement of fresh) waiting.push(statement);
        }
      },
      progress(report) {
        if (closed || !report) return;
        last = report;
        if (!judging() || !report.completed) return;
        const spent = duration(env.now() - started);
        if (!reported.completed) {
          reported.completed = true;
          remember();
          send([defined("completed", { completion: true, duration: spent },
            [CMI5_CATEGORY, MOVEON_CATEGORY])]);
        }
        if (!reported.judged) {
          reported.judged = true;
          remember();
          const maximum = Number(report.maximum) || 0;
          const scaled = maximum > 0
            ? Math.round(Math.max(0, Math.min(1, Number(report.score) / maximum)) * 10000) / 10000
            : null;
          const mastery = masteryScore();
          // The course's rules decide; a mastery score the platform set must be reached too.
          const passed = Boolean(report.passed) &&
            (mastery === null || scaled === null || scaled >= mastery);
          const result = { success: passed, duration: spent };
          if (scaled !== null) {
            result.score = { scaled, raw: Number(report.score), min: 0, max: maximum };
          }
          send([defined(passed ? "passed" : "failed", result, [CMI5_CATEGORY, MOVEON_CATEGORY],
            mastery === null ? null : { [MASTERY_EXTENSION]: mastery })]);
        }
      },
      exit() {
        if (closed) return;
        closed = true;
        if (!ready) return;
        send([defined("terminated", { duration: duration(env.now() - started) },
          [CMI5_CATEGORY])], true);
      },
      resumeInputs() {
        return null;
      },
      learner() {
        const actor = launch.actor || {};
        const account = actor.account || {};
        const id = account.name || actor.mbox || null;
        return id ? { id: String(id), name: actor.name || "" } : null;
      },
      pending() {
        return outbox.pending() + waiting.length;
      },
    };
    adapter.ready = start();
    return adapter;
  }

  // ---- the choice -----------------------------------------------------------------------

  function connect(options, env) {
    const mode = (options && options.mode) || "html";
    const context = environment(env);
    let adapter = nothing;
    if (mode === "scorm") {
      const found = context.window ? findSCORM(context.window) : null;
      adapter = found ? scorm(found, context)
        : Object.assign({}, nothing, { mode: "scorm", problem: "no SCORM platform found: " +
          "the course plays, and its progress stays in this browser" });
    } else if (mode === "cmi5") {
      adapter = cmi5(context);
    } else if (options && options.lrs && options.lrs.endpoint && context.fetch) {
      adapter = recordStore(options.lrs, context);
    }
    if (adapter !== nothing && adapter.connected && context.window &&
      context.window.addEventListener) {
      // A closed tab or a navigation away ends the session too (once: exit() is idempotent).
      context.window.addEventListener("pagehide", () => adapter.exit());
    }
    return adapter;
  }

  return { connect, scormTime12, duration };
})();
