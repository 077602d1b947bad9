// player.js: the learner's interface in the page. The rules are engine.js's (KursEngine); this
// file only shows screens, reads answers, keeps the journal in the browser's storage and
// replays it on reload, so that a learner resumes exactly where she stopped.
//
// The journal is written before the next screen shows. With records.js present it is the list
// of xAPI statements the runner writes (KursRecords.statements, read back with
// KursRecords.inputs); without it, a list of entries `{id, time, input, registration}`.
// A storage failure is said on the screen, never swallowed.
"use strict";

const KursPlayer = (() => {
  const QUICK_EXIT_WINDOW = 1500;
  let course = null;
  let options = { mode: "html", lrs: null };
  let engine = null;
  let state = null;
  let screen = null;
  let view = null; // "contents", "note", "screen", "help", "paused", "language"
  let noteModule = null;
  let journal = [];
  let learnerID = "";
  let registration = null;
  let recorder = null;
  /// The journal's text as this page last read or wrote it: another tab's write shows as a
  /// difference, and this page then reads that journal instead of overwriting it.
  let lastSaved = null;
  let storage = null;
  let now = () => new Date();
  let newID = () => randomID();
  let lms = null;
  let notice = null;
  let lastEscape = 0;
  let ui = "en";
  let started = false;

  // MARK: helpers

  function randomID() {
    const bytes = new Uint8Array(16);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  /// Localization.string(_:_:arguments:): `{0}`, `{1}`… filled in one pass.
  function t(key, ...args) {
    const entry = course.strings[key] || {};
    const template = entry[ui] || entry.en || key;
    return template.replace(/\{(\d+)\}/g, (whole, n) => (n < args.length ? String(args[n]) : whole));
  }

  function key(name) {
    return `kurs/${course.id}/${name}`;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "onclick") node.addEventListener("click", value);
      else if (name === "onchange") node.addEventListener("change", value);
      else if (name === "onsubmit") node.addEventListener("submit", value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /// An InlineText as text with its emphasis.
  function inline(text) {
    const span = el("span");
    if (!text) return span;
    for (const run of text.runs) {
      if (run.style === "emphasis") span.append(el("em", {}, run.text));
      else if (run.style === "strong") span.append(el("strong", {}, run.text));
      else span.append(document.createTextNode(run.text));
    }
    return span;
  }

  function localized(variants) {
    return engine.text(variants);
  }

  /// A body's blocks (Block, as Swift's Codable writes it).
  function blocks(list) {
    const out = [];
    for (const block of list || []) {
      const kind = Object.keys(block)[0];
      const v = block[kind];
      if (kind === "paragraph") out.push(el("p", {}, inline(v._0)));
      else if (kind === "list") {
        out.push(el(v.ordered ? "ol" : "ul", {}, v.items.map((item) => el("li", {}, inline(item)))));
      } else if (kind === "quote") {
        out.push(
          el("blockquote", {}, v.speaker ? el("p", { class: "speaker" }, `${v.speaker}:`) : null,
            el("p", {}, inline(v.text))),
        );
      } else if (kind === "note") {
        const label = t(`note${v.kind[0].toUpperCase()}${v.kind.slice(1)}`);
        out.push(
          el("aside", { class: `note note-${v.kind}`, "aria-label": label },
            el("p", { class: "note-label" }, v.title ? `${label}: ${v.title}` : label),
            blocks(v.blocks)),
        );
      } else if (kind === "story") {
        out.push(el("section", { class: "story" }, v.title ? el("h3", {}, v.title) : null,
          blocks(v.blocks)));
      } else if (kind === "included") {
        out.push(el("section", { class: "included" }, v.title ? el("h3", {}, inline(v.title)) : null,
          blocks(v.blocks)));
      }
    }
    return out;
  }

  // MARK: storage and the journal

  function readStored(name) {
    if (!storage) return null;
    return storage.getItem(key(name));
  }

  /// Writes, or says plainly on the screen that it could not.
  function writeStored(name, value) {
    if (!storage) {
      notice = t("storageFailed", "no storage");
      return false;
    }
    try {
      storage.setItem(key(name), value);
      return true;
    } catch (error) {
      notice = t("storageFailed", (error && error.name) || String(error));
      return false;
    }
  }

  function hasRecords() {
    return typeof KursRecords !== "undefined";
  }

  /// The journal's inputs, in order, for replay.
  function journalInputs() {
    if (hasRecords() && KursRecords.inputs) return KursRecords.inputs(journal);
    return journal.map((entry) => entry.input);
  }

  function record(input, events, before) {
    const [kind] = KursEngine.caseOf(input);
    if (kind === "startModule") registration = newID();
    const entry = {
      id: newID(),
      time: now().toISOString(),
      course: course.id,
      courseVersion: course.version,
      digest: course.digest,
      registration,
      attempt: registration,
      input,
      events,
      language: engine.language,
    };
    let added;
    if (recorder) {
      // records.js: the runner's statements (Journal.statements), stamped as SessionRecorder does.
      added = recorder.statements(input, events, null, before.currentModule);
    } else {
      added = [entry];
    }
    journal = journal.concat(added);
    const text = JSON.stringify(journal);
    if (writeStored("journal", text)) lastSaved = text;
    if (lms) {
      try {
        lms.statements(added);
      } catch (error) {
        notice = String(error);
      }
    }
    return added;
  }

  /// Rebuilds the state by replaying the journalled inputs (Replay); stops at the first input
  /// the engine refuses and says so, keeping what replayed.
  function replay() {
    state = engine.initialState();
    if (hasRecords() && KursRecords.rebuild && KursRecords.Recorder) {
      let registrations = {};
      try {
        const rebuilt = KursRecords.rebuild(journal, engine);
        state = rebuilt.state;
        registrations = rebuilt.registrations;
        if (rebuilt.dropped > 0) notice = t("journalDamaged", `${rebuilt.dropped} refused`);
      } catch (error) {
        state = engine.initialState();
        notice = t("journalDamaged", (error && (error.problem || error.refusal)) || String(error));
      }
      recorder = new KursRecords.Recorder({
        course: { id: course.id, version: course.version, digest: course.digest,
          records: course.records || null },
        learnerID,
        now: () => now().getTime(),
        newID: () => newID(),
        registrations,
      });
      return;
    }
    let inputs;
    try {
      inputs = journalInputs();
    } catch (error) {
      notice = t("journalDamaged", String(error));
      return;
    }
    for (const input of inputs) {
      try {
        state = engine.stateAfter(input, state).state;
      } catch (error) {
        notice = t("journalDamaged", error.refusal || String(error));
        return;
      }
    }
    const last = journal.length > 0 ? journal[journal.length - 1] : null;
    if (last && last.registration) registration = last.registration;
  }

  function progress() {
    if (!lms) return;
    const scored = course.modules.filter((m) => !m.test);
    const total = scored.map((m) => KursEngine.moduleState(state, m.id).bestScore || 0)
      .reduce((a, b) => a + b, 0);
    const maximum = scored.map((m) => m.maximum).reduce((a, b) => a + b, 0);
    try {
      lms.progress({
        percent: engine.percentDone(state),
        score: total,
        maximum,
        completed: state.completed,
        passed: state.completed,
      });
    } catch (error) {
      notice = String(error);
    }
  }

  // MARK: languages

  /// LanguageChain.chain(explicit:environment:), with the browser's first language as the
  /// locale (LANG) and the others after it.
  function chain(explicit, languages) {
    const russianFirst = ["uk", "kk", "ky", "be", "ka", "hy", "az", "uz", "tg"];
    const list = [];
    const add = (code) => {
      if (code && !list.includes(code)) list.push(code);
    };
    const code = (locale) => (locale.match(/^[A-Za-z]*/)[0] || "").toLowerCase();
    const prefersRussian = (locale) => {
      const language = code(locale);
      const region = (locale.split(/[-_]/)[1] || "").toUpperCase();
      return russianFirst.includes(language) || language === "mo" ||
        (language === "ro" && region === "MD");
    };
    if (explicit) {
      add(explicit);
      if (prefersRussian(explicit)) add("ru");
    }
    const browser = languages ||
      ((navigator.languages && navigator.languages.length > 0)
        ? navigator.languages : [navigator.language || "en"]);
    browser.forEach((locale, index) => {
      add(code(locale));
      if (index === 0 && prefersRussian(locale)) add("ru");
    });
    add("en");
    return list;
  }

  function chooseLanguage(explicit) {
    const list = chain(explicit);
    const language = list.find((c) => course.languages.includes(c)) || course.defaultLanguage;
    ui = list.find((c) => course.interfaceLanguages.includes(c)) || "en";
    if (explicit && course.languages.includes(explicit) && course.interfaceLanguages.includes(explicit)) {
      ui = explicit;
    }
    engine = new KursEngine(course, language, learnerID);
    engine.interfaceLanguage = ui;
    document.documentElement.lang = language;
  }

  // MARK: inputs

  /// One input, as a click gives it: applied, journalled (before the screen shows), shown.
  function input(engineInput) {
    if (!inSync()) {
      render();
      return { conflict: true };
    }
    const before = state;
    let step;
    try {
      step = engine.apply(engineInput, state);
    } catch (error) {
      if (error && error.refusal) {
        notice = refusalText(error);
        render();
        return { refusal: error };
      }
      throw error;
    }
    if (KursEngine.records(engineInput, before)) record(engineInput, step.events, before);
    state = step.state;
    screen = step.screen;
    view = "screen";
    progress();
    render();
    return { screen: step.screen, events: step.events };
  }

  /// Whether the stored journal is the one this page wrote; if another tab (or window) has
  /// written since, this page takes that journal up, says so, and writes nothing over it.
  function inSync() {
    if (!storage) return true;
    let stored;
    try {
      stored = readStored("journal");
    } catch (error) {
      return true;
    }
    if (stored === lastSaved || (stored === null && journal.length === 0)) return true;
    takeUpStoredJournal();
    notice = t("otherTab");
    return false;
  }

  function takeUpStoredJournal() {
    let text = null;
    try {
      text = readStored("journal");
      journal = text ? JSON.parse(text) : [];
      if (!Array.isArray(journal)) throw new Error("not a list");
    } catch (error) {
      journal = [];
      notice = t("journalDamaged", String(error));
    }
    lastSaved = text;
    replay();
    screen = null;
    view = "contents";
    if (state.currentModule) {
      try {
        screen = engine.currentScreen(state);
        view = "screen";
      } catch (error) {
        screen = null;
      }
    }
  }

  function refusalText(error) {
    if (error.refusal === "moduleLocked") {
      return t("locked", error.missing.map((id) => moduleTitle(id)).join(", "));
    }
    if (error.refusal === "testTaken") return t("testTaken", moduleTitle(error.module));
    if (error.refusal === "answerDoesNotFit") return t("matchEach");
    return error.refusal;
  }

  function moduleTitle(id) {
    const module = engine.module(id);
    const title = module ? localized(module.title) : null;
    return title ? KursEngine.plain(title) : id;
  }

  function startModule(id) {
    const module = engine.module(id);
    const note = module ? engine.blocks(module.contentNote) : [];
    if (note.length > 0 && view !== "note") {
      noteModule = id;
      view = "note";
      render();
      return;
    }
    input({ startModule: { _0: id } });
  }

  // MARK: rendering

  function app() {
    return document.getElementById("kurs-app");
  }

  function header() {
    const title = localized(course.title);
    const bar = el("nav", { class: "bar", "aria-label": t("contents") },
      el("button", { type: "button", class: "exit", onclick: quickExit, title: t("quickExitHint") },
        t("quickExit")),
      el("button", { type: "button", onclick: () => show("contents") }, t("contents")),
      el("button", { type: "button", onclick: () => show("help") }, t("helpResourcesTitle")),
      course.languages.length > 1
        ? el("button", { type: "button", onclick: () => show("language") }, t("language"))
        : null,
      el("button", { type: "button", onclick: () => pause() }, t("pause")));
    return el("header", {}, el("p", { class: "course-title" }, title ? inline(title) : course.id), bar);
  }

  function show(name) {
    view = name;
    render();
  }

  function pause() {
    if (lms) {
      try {
        lms.exit();
      } catch (error) {
        notice = String(error);
      }
    }
    show("paused");
  }

  /// The quick exit: the screen is cleared and the page replaced by an empty one, leaving no
  /// entry to come back to with the back button. The journal stays.
  function quickExit() {
    if (lms) {
      try {
        lms.exit();
      } catch (error) {
        // Leaving matters more than telling the platform.
      }
    }
    document.title = "";
    const root = app();
    if (root) root.textContent = "";
    location.replace("about:blank");
  }

  function positionLine(position) {
    if (!position) return null;
    const parts = [`${position.moduleIndex} / ${position.moduleCount}: ${position.moduleTitle}`];
    if (!position.hidesScore) parts.push(t("points", position.score, position.maximum));
    return el("p", { class: "position" }, parts.join(" · "),
      el("progress", { max: String(Math.max(1, position.expectedSteps)), value: String(position.step),
        "aria-label": `${position.step} / ${position.expectedSteps}` }));
  }

  function heading(text) {
    return el("h1", { tabindex: "-1", id: "kurs-heading" }, text);
  }

  function button(label, action, attributes) {
    return el("button", Object.assign({ type: "button", onclick: action }, attributes || {}), label);
  }

  function render() {
    const root = app();
    if (!root) return;
    root.textContent = "";
    root.append(header());
    if (notice) {
      root.append(el("div", { class: "notice", role: "alert" }, notice));
      notice = null;
    }
    const main = el("main", { id: "kurs-main" });
    root.append(main);
    const live = el("div", { class: "live", "aria-live": "polite", id: "kurs-live" });
    root.append(live);
    if (view === "help") main.append(...helpView());
    else if (view === "paused") main.append(...pausedView());
    else if (view === "language") main.append(...languageView());
    else if (view === "note") main.append(...noteView());
    else if (view === "screen" && screen) main.append(...screenView(screen, live));
    else main.append(...contentsView());
    const focus = document.getElementById("kurs-heading");
    if (focus) focus.focus();
  }

  function contentsView() {
    const title = localized(course.title);
    const out = [heading(title ? inline(title) : course.id)];
    const description = localized(course.description);
    if (description) out.push(el("p", {}, inline(description)));
    const note = engine.blocks(course.contentNote);
    if (note.length > 0) {
      out.push(el("section", { class: "content-note" }, el("h2", {}, t("contentNoteTitle")), blocks(note)));
    }
    if (state.completed) out.push(el("p", { class: "done" }, `✓ ${t("courseComplete")}`));
    const list = el("ol", { class: "modules" });
    const next = engine.nextModule(state);
    for (const module of course.modules) {
      const moduleState = KursEngine.moduleState(state, module.id);
      const missing = engine.missingRequirements(module.id, state);
      const statusKey = {
        "not-started": "statusNotStarted", "in-progress": "statusInProgress",
        passed: "statusPassed", failed: "statusFailed", completed: "statusCompleted",
      }[moduleState.status];
      const objectives = engine.objectives(module);
      const item = el("li", {},
        el("h2", {}, moduleTitle(module.id)),
        el("p", {}, `${t(statusKey)} · ${t("minutes", engine.estimatedMinutes(module))}`),
        objectives.length > 0 ? el("ul", { class: "objectives" }, objectives.map((o) => el("li", {}, inline(o))))
          : null);
      if (missing.length > 0) {
        item.append(el("p", {}, `🔒 ${t("locked", missing.map(moduleTitle).join(", "))}`));
      } else if (state.currentModule === module.id && moduleState.status === "in-progress") {
        item.append(button(t("resume"), () => {
          screen = engine.currentScreen(state);
          show("screen");
        }));
      } else {
        const taken = module.test && moduleState.status !== "not-started";
        if (!taken) {
          item.append(button(moduleState.runs > 0 ? t("retake") : t("start"),
            () => startModule(module.id), { class: module.id === next ? "primary" : null }));
        }
      }
      list.append(item);
    }
    out.push(list);
    out.push(...recordsActions());
    return out;
  }

  /// "Save my records" (the export `kurs cohort import` reads) and, once the course is
  /// complete, "Save my certificate" (the credential `kurs certificate verify` checks): only
  /// with records.js, and nothing leaves the phone but the file the learner saves.
  function recordsActions() {
    if (!hasRecords() || !KursRecords.saveExport) return [];
    const out = [el("h2", {}, t("yourRecords"))];
    const actions = el("div", { class: "actions" },
      button(t("saveRecords"), () => {
        try {
          const saved = KursRecords.saveExport({ course: { id: course.id, version: course.version,
            digest: course.digest }, learnerID, pseudonym: null, statements: journal,
          now: now().getTime() });
          notice = t("savedAs", saved.name);
        } catch (error) {
          notice = t("notSavedFile", (error && (error.problem || error.message)) || String(error));
        }
        render();
      }));
    out.push(actions);
    if (state.completed && KursRecords.saveCertificate) {
      const id = "kurs-certificate-name";
      const form = el("form", { class: "certificate", onsubmit: (event) => {
        event.preventDefault();
        const name = form.querySelector("input").value;
        try {
          const saved = KursRecords.saveCertificate({ course, engine, learnerID, learnerName: name,
            statements: journal, language: engine.language, now: now().getTime(), id: newID() });
          notice = t("savedAs", saved.name);
        } catch (error) {
          notice = t("notSavedFile", (error && (error.problem || error.message)) || String(error));
        }
        render();
      } },
      el("label", { for: id }, t("certificateName")),
      el("input", { id, type: "text", autocomplete: "name", required: true }),
      el("button", { type: "submit" }, t("saveCertificate")));
      out.push(form);
    }
    return out;
  }

  function noteView() {
    const module = engine.module(noteModule);
    return [
      heading(t("contentNoteTitle")),
      el("p", {}, moduleTitle(noteModule)),
      el("div", { class: "content-note" }, blocks(engine.blocks(module.contentNote))),
      el("div", { class: "actions" },
        button(t("contents"), () => show("contents")),
        button(t("contentNoteGoOn"), () => input({ startModule: { _0: noteModule } }), { class: "primary" })),
    ];
  }

  function helpView() {
    const out = [heading(t("helpResourcesTitle"))];
    if (course.help.length === 0) out.push(el("p", {}, t("noResources")));
    for (const resource of course.help) {
      const name = localized(resource.name);
      const description = localized(resource.description);
      const contacts = resource.contacts.filter((c) => !c.language || c.language === engine.language ||
        c.language === ui);
      out.push(el("section", { class: "resource" },
        el("h2", {}, name ? inline(name) : resource.id),
        description ? el("p", {}, inline(description)) : null,
        el("ul", {}, contacts.map((contact) => {
          const name = `contact${contact.kind.charAt(0).toUpperCase()}${contact.kind.slice(1)}`;
          const label = course.strings[name] ? t(name) : t("contactOther");
          return el("li", {}, `${label}: `, inline(contact.text));
        }))));
    }
    out.push(el("div", { class: "actions" }, button(t("close"), () => show(screen ? "screen" : "contents"))));
    return out;
  }

  function pausedView() {
    return [
      heading(t("pause")),
      el("p", {}, t("paused")),
      el("div", { class: "actions" },
        button(t("resume"), () => show(screen ? "screen" : "contents"), { class: "primary" }),
        button(t("erase"), erase)),
      el("p", { class: "hint" }, t("quickExitHint")),
    ];
  }

  function erase() {
    if (!window.confirm(t("eraseConfirm"))) return;
    reset();
  }

  function languageView() {
    const form = el("form", { onsubmit: (event) => event.preventDefault() });
    const fieldset = el("fieldset", {}, el("legend", {}, t("languageTitle")));
    for (const code of course.languages) {
      const id = `kurs-language-${code}`;
      fieldset.append(el("div", { class: "option" },
        el("input", { type: "radio", name: "language", id, value: code, checked: code === engine.language,
          onchange: () => setLanguage(code) }),
        el("label", { for: id }, languageName(code))));
    }
    form.append(fieldset);
    return [heading(t("language")), form,
      el("div", { class: "actions" }, button(t("close"), () => show(screen ? "screen" : "contents")))];
  }

  function languageName(code) {
    try {
      const name = new Intl.DisplayNames([code], { type: "language" }).of(code);
      return name ? `${name} (${code})` : code;
    } catch (error) {
      return code;
    }
  }

  function setLanguage(code) {
    writeStored("language", code);
    chooseLanguage(code);
    if (state.currentModule) {
      try {
        screen = engine.currentScreen(state);
      } catch (error) {
        screen = null;
      }
    }
    show(screen ? "screen" : "contents");
  }

  function screenView(s, live) {
    if (s.kind === "page") return pageView(s);
    if (s.kind === "question") return questionView(s, live);
    if (s.kind === "feedback") return feedbackView(s, live);
    return endView(s);
  }

  function pageView(s) {
    const out = [positionLine(s.position), heading(s.title ? inline(s.title) : s.position.moduleTitle)];
    if (s.isReview) out.push(el("p", { class: "hint" }, t("reviewing")));
    out.push(...blocks(s.blocks));
    out.push(el("div", { class: "actions" },
      s.canGoBack ? button(t("back"), () => input({ back: {} })) : null,
      button(t("continue"), () => input({ proceed: {} }), { class: "primary" })));
    return out;
  }

  function questionView(s, live) {
    const out = [positionLine(s.position), heading(s.title ? inline(s.title) : s.position.moduleTitle)];
    out.push(...blocks(s.context));
    if (s.isRetry) {
      const retry = el("div", { class: "retry" }, el("p", {}, `✗ ${t("notCorrect")}`),
        s.retryFeedback.map((f) => el("p", {}, inline(f))),
        el("p", {}, t("attemptsLeft", s.attemptsLeft)));
      out.push(retry);
      live.textContent = retry.textContent;
    }
    if (s.hints.length > 0) {
      out.push(el("aside", { class: "hints" }, s.hints.map((h) => el("p", {}, `${t("hint")}: `, inline(h)))));
    }
    const form = el("form", { class: "question", onsubmit: (event) => {
      event.preventDefault();
      const answer = readAnswer(s, form);
      if (answer) input({ answer: { _0: answer } });
    } });
    const fieldset = el("fieldset", {}, el("legend", {}, inline(s.prompt)));
    const name = `kurs-${s.nodeID}`;
    if (s.questionKind === "single" || s.questionKind === "true-false" || s.questionKind === "multiple") {
      const type = s.questionKind === "multiple" ? "checkbox" : "radio";
      s.options.forEach((option, index) => {
        const id = `${name}-${index}`;
        fieldset.append(el("div", { class: "option" },
          el("input", { type, name, id, value: option.id }),
          el("label", { for: id }, `${index + 1}. `, inline(option.text))));
      });
    } else if (s.questionKind === "ordering") {
      const list = el("ol", { class: "ordering" });
      s.options.forEach((option) => list.append(orderItem(option, list)));
      fieldset.append(list);
    } else if (s.questionKind === "matching") {
      const letters = "abcdefghijklmnopqrstuvwxyz";
      s.options.forEach((option, index) => {
        const id = `${name}-${index}`;
        const select = el("select", { id, "data-left": option.id, onchange: () => {
          const pairs = readPairs(form);
          const count = Object.keys(pairs).length;
          if (count > 0 && count < s.options.length) input({ partialMatches: { _0: pairs } });
        } }, el("option", { value: "" }, "—"));
        s.matches.forEach((match, letter) => {
          select.append(el("option", { value: match.id, selected: s.pendingMatches[option.id] === match.id },
            `${letters[letter] || letter + 1}. ${KursEngine.plain(match.text)}`));
        });
        fieldset.append(el("div", { class: "option" },
          el("label", { for: id }, `${index + 1}. `, inline(option.text)), select));
      });
    }
    form.append(fieldset);
    form.append(el("div", { class: "actions" },
      s.canGoBack ? button(t("back"), () => input({ back: {} })) : null,
      el("button", { type: "submit", class: "primary" }, t("answer"))));
    out.push(form);
    return out;
  }

  function orderItem(option, list) {
    const item = el("li", { "data-id": option.id }, el("span", { class: "item-text" }, inline(option.text)));
    const move = (delta) => {
      const siblings = Array.from(list.children);
      const index = siblings.indexOf(item);
      const target = index + delta;
      if (target < 0 || target >= siblings.length) return;
      const focused = document.activeElement;
      if (delta < 0) list.insertBefore(item, siblings[target]);
      else list.insertBefore(siblings[target], item);
      // Moving an element takes the focus from its button: give it back, so that a keyboard
      // or switch user can press again.
      if (focused && focused.focus) focused.focus();
      const text = KursEngine.plain(option.text);
      document.getElementById("kurs-live").textContent = `${text}: ${Array.from(list.children).indexOf(item) + 1}`;
    };
    item.append(el("span", { class: "moves" },
      button("↑", () => move(-1), { "aria-label": `${t("moveUp")}: ${KursEngine.plain(option.text)}` }),
      button("↓", () => move(1), { "aria-label": `${t("moveDown")}: ${KursEngine.plain(option.text)}` })));
    return item;
  }

  function readPairs(form) {
    const pairs = {};
    for (const select of form.querySelectorAll("select[data-left]")) {
      if (select.value) pairs[select.getAttribute("data-left")] = select.value;
    }
    return pairs;
  }

  function readAnswer(s, form) {
    if (s.questionKind === "ordering") {
      return { order: { _0: Array.from(form.querySelectorAll("li[data-id]"), (li) => li.getAttribute("data-id")) } };
    }
    if (s.questionKind === "matching") {
      const pairs = readPairs(form);
      if (Object.keys(pairs).length < s.options.length) {
        notice = t("matchEach");
        render();
        return null;
      }
      return { matches: { _0: pairs } };
    }
    const chosen = Array.from(form.querySelectorAll("input:checked"), (box) => box.value);
    if (chosen.length === 0) {
      notice = t("chooseFirst");
      render();
      return null;
    }
    return { choices: { _0: chosen } };
  }

  function feedbackView(s, live) {
    const out = [positionLine(s.position)];
    let verdict;
    if (s.isWithheld) verdict = t("testAnswerSaved");
    else if (s.isDecision) verdict = t("decisionNoted");
    else if (s.isCorrect) verdict = `✓ ${t("correct")}`;
    else if (s.points > 0) verdict = `◐ ${t("partlyCorrect")}`;
    else verdict = `✗ ${t("notCorrect")}`;
    out.push(heading(verdict));
    const body = el("div", { class: "feedback" });
    if (!s.isWithheld && !s.isDecision) body.append(el("p", {}, t("points", s.points, s.maximum)));
    for (const f of s.choiceFeedback) body.append(el("p", {}, inline(f)));
    for (const v of s.verdicts) {
      const mark = v.isCorrect ? "✓" : "✗";
      body.append(el("p", {}, `${mark} ${v.number}. ${v.wasChosen ? t("chosen") : ""} `,
        v.feedback ? inline(v.feedback) : null));
    }
    if (s.generalFeedback) body.append(el("p", {}, inline(s.generalFeedback)));
    if (s.correctAnswer.length > 0) {
      body.append(el("p", {}, t("rightAnswer")),
        el("ol", {}, s.correctAnswer.map((c) => el("li", {}, inline(c)))));
    }
    out.push(body);
    live.textContent = `${verdict} ${body.textContent}`;
    out.push(el("div", { class: "actions" }, button(t("continue"), () => input({ proceed: {} }), { class: "primary" })));
    return out;
  }

  function endView(s) {
    const out = [positionLine(s.position), heading(s.title ? inline(s.title) : t("moduleFinished"))];
    out.push(...blocks(s.blocks));
    const statusKey = { passed: "statusPassed", failed: "statusFailed", completed: "statusCompleted" }[s.status]
      || "statusInProgress";
    if (!s.isWithheld) {
      out.push(el("p", { class: `result result-${s.status}` },
        `${s.status === "passed" ? "✓" : s.status === "failed" ? "✗" : "•"} `,
        t("moduleScore", s.score, s.maximum, s.passMark, t(statusKey))));
    }
    if (s.missed.length > 0) {
      out.push(el("section", {}, s.missed.map((m) => el("div", { class: "missed" },
        el("p", {}, inline(m.prompt), ` (${t("points", m.points, m.maximum)})`),
        m.explanation ? el("p", {}, inline(m.explanation)) : null))));
    }
    if (s.testReview) {
      const review = s.testReview;
      out.push(el("section", { class: "test-review" }, el("h2", {}, t("testReviewTitle")),
        review.items.map((item) => {
          const key = item.rightBefore && item.rightAfter ? "testRightBoth"
            : !item.rightBefore && item.rightAfter ? "testWrongToRight"
            : item.rightBefore && !item.rightAfter ? "testRightToWrong" : "testWrongBoth";
          return el("div", {}, el("p", {}, inline(item.prompt), ` — ${t(key)}`),
            item.correctAnswer.length > 0
              ? el("ul", {}, item.correctAnswer.map((c) => el("li", {}, inline(c)))) : null,
            item.explanation ? el("p", {}, inline(item.explanation)) : null);
        })));
    }
    if (state.completed) out.push(el("p", { class: "done" }, `✓ ${t("courseComplete")}`));
    if (state.completed) out.push(...recordsActions());
    const next = engine.nextModule(state);
    const module = engine.module(s.moduleID);
    out.push(el("div", { class: "actions" },
      button(t("contents"), () => { screen = null; show("contents"); }),
      s.status === "failed" && !(module && module.test)
        ? button(t("retake"), () => startModule(s.moduleID)) : null,
      next && next !== s.moduleID ? button(`${t("continue")}: ${moduleTitle(next)}`, () => startModule(next),
        { class: "primary" }) : null));
    return out;
  }

  function onKey(event) {
    if (event.key !== "Escape") return;
    const time = Date.now();
    if (time - lastEscape < QUICK_EXIT_WINDOW) quickExit();
    lastEscape = time;
  }

  // MARK: the API

  /// Starts the player: reads the course and options, finds the storage, replays the journal
  /// and shows where the learner stopped.
  /// - Parameter settings: `{now, newID, storage}` for tests (a clock, an id source, a storage).
  function start(settings) {
    const given = settings || {};
    if (given.now) now = given.now;
    if (given.newID) newID = given.newID;
    course = JSON.parse(document.getElementById("kurs-course").textContent);
    const optionsElement = document.getElementById("kurs-options");
    if (optionsElement) options = JSON.parse(optionsElement.textContent);
    try {
      storage = given.storage || window.localStorage;
      if (!storage) throw new Error("no localStorage");
    } catch (error) {
      storage = null;
      notice = null;
    }
    ui = "en";
    try {
      learnerID = readStored("learner") || "";
    } catch (error) {
      learnerID = "";
    }
    if (!learnerID) {
      learnerID = newID();
      writeStored("learner", learnerID);
    }
    let saved = null;
    try {
      saved = readStored("language");
      const text = readStored("journal");
      lastSaved = text;
      journal = text ? JSON.parse(text) : [];
      if (!Array.isArray(journal)) throw new Error("not a list");
    } catch (error) {
      journal = [];
      notice = t("journalDamaged", String(error));
    }
    const pending = notice;
    chooseLanguage(saved);
    notice = pending || (storage ? null : t("storageFailed", "no storage"));
    replay();
    screen = null;
    view = "contents";
    if (state.currentModule) {
      try {
        screen = engine.currentScreen(state);
        view = "screen";
      } catch (error) {
        screen = null;
      }
    }
    if (typeof KursLMS !== "undefined" && KursLMS.connect) {
      try {
        lms = KursLMS.connect(options, api);
      } catch (error) {
        notice = String(error);
      }
    }
    if (!started) {
      document.addEventListener("keydown", onKey);
      // Another tab of the same course wrote its journal: show where it is now.
      window.addEventListener("storage", (event) => {
        if (!course || event.key !== key("journal") || event.newValue === lastSaved) return;
        takeUpStoredJournal();
        notice = t("otherTab");
        render();
      });
    }
    started = true;
    render();
    return api;
  }

  /// Erases this course's journal and learner id on this device, and starts again.
  function reset() {
    if (storage) {
      for (const name of ["journal", "learner", "language"]) {
        try {
          storage.removeItem(key(name));
        } catch (error) {
          notice = t("storageFailed", String(error));
        }
      }
    }
    journal = [];
    lastSaved = null;
    registration = null;
    start({});
  }

  const api = {
    start,
    input,
    reset,
    /// The screen shown: the engine's screen, or `{kind: "contents" | "note" | "help" | …}`.
    screen: () => (view === "screen" && screen ? screen : { kind: view }),
    journal: () => journal.slice(),
    /// The journalled inputs, as replay reads them.
    inputs: () => journalInputs(),
    state: () => state,
    engine: () => engine,
    learnerID: () => learnerID,
    options: () => options,
    startModule,
    quickExit,
    /// The language chain for a choice and the browser's languages (tests compare it with
    /// LanguageChain).
    languageChain: (explicit, languages) => chain(explicit, languages),
  };
  return api;
})();
