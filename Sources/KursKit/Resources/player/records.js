// records.js: the learner's records in the page, as the runner writes them. Mirrors
// Records/Journal+Statements.swift (the statements of a step), Records/Replay.swift (which
// recorded inputs rebuild the state), Records/ExportFile.swift (the export `kurs cohort import`
// reads, sealed with SHA-256) and Certificates/CertificateIssuer.swift (the unsigned Open
// Badges 3.0 credential `kurs certificate verify` checks). What Swift can work out once (the
// activities' definitions, the course's maximum, each language's achievement) comes from the
// course data (`PlayerRecords`, as `course.records`). Nothing here uses the network: a record
// leaves the phone only when the learner saves or shares it.
"use strict";
const KursRecords = (function () {
  const journalFormat = 3;
  // The IRIs below name things (xAPI verbs and activity types, JSON-LD contexts); nothing is
  // fetched from them. Their slashes are written `\/` so that the page holds no web address a
  // reader or a check could take for a link (the same strings at run time).
  const adl = "http:\/\/adlnet.gov/expapi/verbs/";
  const accountHomePage = "https:\/\/kurs.invalid/learner";
  const types = {
    course: "http:\/\/adlnet.gov/expapi/activities/course",
    module: "http:\/\/adlnet.gov/expapi/activities/module",
    interaction: "http:\/\/adlnet.gov/expapi/activities/cmi.interaction",
    page: "http:\/\/activitystrea.ms/schema/1.0/page",
  };

  // MARK: JSON as Swift's JSONEncoder writes it (.sortedKeys, .withoutEscapingSlashes)

  /// A number as JSONEncoder writes it: integers without a fraction, exponents with two digits.
  function number(value) {
    if (!isFinite(value)) throw new Error("records: a number that JSON cannot hold");
    const text = String(value);
    return text.replace(/e([+-])(\d)$/, "e$10$2");
  }

  /// `value` as JSON with sorted keys, compact or pretty (2 spaces, `"key" : value`); `null`
  /// and `undefined` members are left out, as Swift leaves out a `nil` optional.
  function json(value, pretty, indent) {
    indent = indent || "";
    if (value === null || value === undefined) return "null";
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "number") return number(value);
    if (typeof value === "boolean") return value ? "true" : "false";
    const inner = indent + "  ";
    if (Array.isArray(value)) {
      const items = value.map((item) => json(item, pretty, inner));
      if (!pretty) return "[" + items.join(",") + "]";
      if (items.length === 0) return "[\n\n" + indent + "]";
      return "[\n" + items.map((item) => inner + item).join(",\n") + "\n" + indent + "]";
    }
    const keys = Object.keys(value)
      .filter((key) => value[key] !== null && value[key] !== undefined)
      .sort();
    const members = keys.map(
      (key) => JSON.stringify(key) + (pretty ? " : " : ":") + json(value[key], pretty, inner),
    );
    if (!pretty) return "{" + members.join(",") + "}";
    if (members.length === 0) return "{\n\n" + indent + "}";
    return "{\n" + members.map((member) => inner + member).join(",\n") + "\n" + indent + "}";
  }

  // MARK: Hashes (SHA-256 for seals and digests, SHA-1 for name-based UUIDs)

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  /// Pads a message for SHA-1 and SHA-256: 0x80, zeros, the length in bits (big-endian).
  function padded(bytes) {
    const length = (((bytes.length + 8) >> 6) + 1) << 6;
    const out = new Uint8Array(length);
    out.set(bytes);
    out[bytes.length] = 0x80;
    const bits = bytes.length * 8;
    const view = new DataView(out.buffer);
    view.setUint32(length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(length - 4, bits >>> 0);
    return view;
  }

  function hex(words) {
    return words.map((word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
  }

  const k256 = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
  ];

  /// SHA-256 (FIPS 180-4) of `bytes`, as lowercase hex.
  function sha256(bytes) {
    const view = padded(bytes);
    const h = [
      0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
      0x5be0cd19,
    ];
    const w = new Uint32Array(64);
    const rotr = (x, n) => (x >>> n) | (x << (32 - n));
    for (let chunk = 0; chunk < view.byteLength; chunk += 64) {
      for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(chunk + i * 4);
      for (let i = 16; i < 64; i += 1) {
        const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      let [a, b, c, d, e, f, g, hh] = h;
      for (let i = 0; i < 64; i += 1) {
        const t1 =
          (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k256[i] + w[i]) |
          0;
        const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      const next = [a, b, c, d, e, f, g, hh];
      for (let i = 0; i < 8; i += 1) h[i] = (h[i] + next[i]) | 0;
    }
    return hex(h);
  }

  /// SHA-1 (FIPS 180-4) of `bytes`, as lowercase hex.
  function sha1(bytes) {
    const view = padded(bytes);
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
    const w = new Uint32Array(80);
    const rotl = (x, n) => (x << n) | (x >>> (32 - n));
    for (let chunk = 0; chunk < view.byteLength; chunk += 64) {
      for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(chunk + i * 4);
      for (let i = 16; i < 80; i += 1) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
      let [a, b, c, d, e] = h;
      for (let i = 0; i < 80; i += 1) {
        let f;
        let k;
        if (i < 20) [f, k] = [(b & c) | (~b & d), 0x5a827999];
        else if (i < 40) [f, k] = [b ^ c ^ d, 0x6ed9eba1];
        else if (i < 60) [f, k] = [(b & c) | (b & d) | (c & d), 0x8f1bbcdc];
        else [f, k] = [b ^ c ^ d, 0xca62c1d6];
        const t = (rotl(a, 5) + f + e + k + w[i]) | 0;
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
      }
      const next = [a, b, c, d, e];
      for (let i = 0; i < 5; i += 1) h[i] = (h[i] + next[i]) | 0;
    }
    return hex(h);
  }

  /// `SHA256Digest`: each part length-prefixed (8 bytes, big-endian), then hashed.
  function digest(parts) {
    const encoded = parts.map((part) => (typeof part === "string" ? utf8(part) : part));
    const total = encoded.reduce((sum, part) => sum + 8 + part.length, 0);
    const bytes = new Uint8Array(total);
    const view = new DataView(bytes.buffer);
    let offset = 0;
    for (const part of encoded) {
      view.setUint32(offset, Math.floor(part.length / 0x100000000));
      view.setUint32(offset + 4, part.length >>> 0);
      bytes.set(part, offset + 8);
      offset += 8 + part.length;
    }
    return sha256(bytes);
  }

  const urlNamespace = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
  ];

  /// `NameBasedUUID.v5`: the version-5 UUID of `name` in the URL namespace, lowercase.
  function uuidV5(name) {
    const named = utf8(name);
    const bytes = new Uint8Array(urlNamespace.length + named.length);
    bytes.set(urlNamespace);
    bytes.set(named, urlNamespace.length);
    const digits = sha1(bytes).slice(0, 32).split("");
    const byte = (index) => parseInt(digits[index * 2] + digits[index * 2 + 1], 16);
    const put = (index, value) => {
      const text = value.toString(16).padStart(2, "0");
      digits[index * 2] = text[0];
      digits[index * 2 + 1] = text[1];
    };
    put(6, (byte(6) & 0x0f) | 0x50);
    put(8, (byte(8) & 0x3f) | 0x80);
    const h = digits.join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  /// `Journal.derivedID`: the id of the `index`th statement of a step.
  function derivedID(stepID, index) {
    return uuidV5("urn:kurs:xapi:statement:" + stepID + "#" + index);
  }

  // MARK: Times

  /// Milliseconds since 1970 of a time given as a number, a `Date` or an ISO 8601 text.
  function milliseconds(time) {
    const value = typeof time === "string" ? Date.parse(time) : Number(time);
    if (!isFinite(value)) throw new Error("records: not a time: " + String(time));
    return value;
  }

  /// `Journal.timestamp`: UTC with microseconds, `2026-11-22T21:29:17.739812Z`. `time` is in
  /// milliseconds since 1970 (or a `Date`).
  function timestamp(time) {
    const total = Math.round(milliseconds(time) * 1000);
    const seconds = Math.floor(total / 1000000);
    const micro = total - seconds * 1000000;
    const base = new Date(seconds * 1000).toISOString().slice(0, 19);
    return base + "." + String(micro).padStart(6, "0") + "Z";
  }

  /// `CertificateIssuer.dateText`: `2026-05-01T10:00:00Z`.
  function dateText(time) {
    return new Date(Math.floor(milliseconds(time) / 1000) * 1000).toISOString().slice(0, 19) + "Z";
  }

  /// A new random UUID, lowercase (`UUID().uuidString.lowercased()`).
  function newID() {
    const bytes = new Uint8Array(16);
    if (typeof crypto !== "undefined" && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const h = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  // MARK: Statements (Journal+Statements.swift, Statement+Definitions.swift)

  function verb(name) {
    return { id: adl + name, display: { "en-US": name } };
  }

  /// `Statement.Score.of`: `raw` of `maximum`, with bounds that hold it.
  function score(raw, maximum) {
    const low = Math.min(0, raw);
    const high = Math.max(maximum, raw);
    const result = { raw: raw, min: low, max: high };
    if (maximum > 0) result.scaled = Math.min(Math.max(raw, 0) / high, 1);
    return result;
  }

  /// `Statement.xAPIResponse`: a response in the pattern of its interaction type.
  function xAPIResponse(response, kind) {
    switch (kind) {
      case "single":
      case "multiple":
        return response.split(",").join("[,]");
      case "ordering":
        return response.split(">").join("[,]");
      case "matching":
        if (response === "") return response;
        return response
          .split(";")
          .map((pair) => {
            const at = pair.indexOf("=");
            return at < 0 ? pair : pair.slice(0, at) + "[.]" + pair.slice(at + 1);
          })
          .join("[,]");
      default:
        return response;
    }
  }

  function has(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  /// `Journal.Entry.formatVersion`: the oldest journal format that holds the entry.
  function formatVersion(entry) {
    if (entry.session === "launched") return 3;
    if (entry.input && has(entry.input, "partialMatches")) return 3;
    return 2;
  }

  function copy(value) {
    return value === null || value === undefined ? value : JSON.parse(JSON.stringify(value));
  }

  /// `Journal.statements(for:learnerID:course:)`: the statements of one step, in order.
  /// - entry: `{id, time, course, courseVersion, digest, registration, attempt, input, session,
  ///   events}` (time in milliseconds; input and events as Swift's Codable writes them).
  /// - context: `{learnerID, actorName, records}`: `records` is the course data's
  ///   `PlayerRecords` (or `course`: the course data that holds it), or null when the course is
  ///   not at hand.
  function statements(entry, context) {
    const records = context.records || (context.course && context.course.records) || null;
    const courseIRI = "urn:kurs:course:" + entry.course;
    const actor = { objectType: "Agent", account: { homePage: accountHomePage, name: context.learnerID } };
    if (context.actorName !== null && context.actorName !== undefined) actor.name = context.actorName;
    const courseActivity = records
      ? copy(records.course)
      : { objectType: "Activity", id: courseIRI, definition: { type: types.course, name: { und: entry.course } } };
    function moduleActivity(module) {
      if (records && records.modules[module]) return copy(records.modules[module]);
      return {
        objectType: "Activity",
        id: courseIRI + ":module:" + module,
        definition: { type: types.module, name: { und: module } },
      };
    }
    function node(module, id) {
      return (records && records.nodes[module] && records.nodes[module][id]) || null;
    }
    function nodeName(module, id) {
      const found = node(module, id);
      return found ? copy(found.name) : { und: id };
    }
    const time = timestamp(entry.time);

    function statement(index, theVerb, object, module, result, event) {
      const extensions = {
        "urn:kurs:xapi:journal-version": formatVersion(entry),
        "urn:kurs:xapi:course-version": entry.courseVersion,
        "urn:kurs:xapi:course-digest": entry.digest,
        "urn:kurs:xapi:step": entry.id,
        "urn:kurs:xapi:index": index,
        "urn:kurs:xapi:event": copy(event),
        "urn:kurs:xapi:attempt": entry.attempt,
      };
      if (index === 0) {
        extensions["urn:kurs:xapi:input"] = copy(entry.input);
        extensions["urn:kurs:xapi:session"] = entry.session;
      }
      const parent = module === null ? null : [moduleActivity(module)];
      const made = {
        id: index === 0 ? entry.id : derivedID(entry.id, index),
        actor: copy(actor),
        verb: theVerb,
        object: object,
        result: result,
        context: {
          registration: entry.registration,
          contextActivities: {
            parent: parent || [copy(courseActivity)],
            grouping: parent === null ? null : [copy(courseActivity)],
          },
          extensions: extensions,
        },
        timestamp: time,
      };
      return strip(made);
    }

    const result = [];
    if (entry.session) {
      result.push(statement(0, verb(entry.session), copy(courseActivity), null));
    }
    for (const event of entry.events || []) {
      const index = result.length;
      const name = Object.keys(event)[0];
      const body = event[name];
      switch (name) {
        case "moduleStarted":
          result.push(statement(index, verb("initialized"), moduleActivity(body.module), null, null, event));
          break;
        case "nodeEntered":
          result.push(
            statement(
              index,
              verb("experienced"),
              {
                objectType: "Activity",
                id: courseIRI + ":module:" + body.module + ":node:" + body.node,
                definition: { type: types.page, name: nodeName(body.module, body.node) },
              },
              body.module,
              null,
              event,
            ),
          );
          break;
        case "hintShown": {
          const names = nodeName(body.module, body.question);
          for (const language of Object.keys(names)) {
            names[language] = names[language] + " (hint " + body.hint + ")";
          }
          result.push(
            statement(
              index,
              verb("experienced"),
              {
                objectType: "Activity",
                id: courseIRI + ":module:" + body.module + ":node:" + body.question + ":hint:" + body.hint,
                definition: { type: types.page, name: names },
              },
              body.module,
              null,
              event,
            ),
          );
          break;
        }
        case "answered": {
          const asked = node(body.module, body.question);
          const definition =
            asked && asked.interaction
              ? copy(asked.interaction)
              : { type: types.interaction, name: nodeName(body.module, body.question) };
          result.push(
            statement(
              index,
              verb("answered"),
              {
                objectType: "Activity",
                id: courseIRI + ":module:" + body.module + ":node:" + body.question,
                definition: definition,
              },
              body.module,
              {
                response: xAPIResponse(body.response, asked && asked.interaction ? asked.kind : null),
                score: score(body.points, body.maximum),
                // A story decision worth no points is neither right nor wrong.
                success: body.maximum > 0 ? body.isCorrect : null,
              },
              event,
            ),
          );
          break;
        }
        case "moduleEnded": {
          const status = body.status;
          const theVerb = verb(status === "passed" ? "passed" : status === "failed" ? "failed" : "completed");
          result.push(
            statement(
              index,
              theVerb,
              moduleActivity(body.module),
              null,
              {
                score: score(body.score, body.maximum),
                success: status === "completed" ? null : status === "passed",
                completion: true,
              },
              event,
            ),
          );
          break;
        }
        case "courseCompleted":
          result.push(
            statement(
              index,
              verb("completed"),
              copy(courseActivity),
              null,
              { score: records ? score(body.score, records.maximum) : null, success: true, completion: true },
              event,
            ),
          );
          break;
        default:
          throw new Error("records: an event Kurs does not know: " + name);
      }
    }
    if (result.length === 0) {
      // An input with nothing else to report (going on from a review) still has to be replayed.
      result.push(statement(0, verb("progressed"), copy(courseActivity), null));
    }
    return result;
  }

  /// A copy without `null`/`undefined` members (Swift leaves out a `nil` optional).
  function strip(value) {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    const out = {};
    for (const key of Object.keys(value)) {
      if (value[key] !== null && value[key] !== undefined) out[key] = strip(value[key]);
    }
    return out;
  }

  /// One statement as a journal line (without the newline), as `Journal.append` writes it.
  function line(statement) {
    return json(statement, false);
  }

  // MARK: The session's entries (Runner/SessionRecorder.swift)

  /// Stamps each step with the page's clock and ids, and keeps the registration of each module
  /// run, as `SessionRecorder` does.
  /// - options: `{course: {id, version, digest, records}, learnerID, actorName, cohort, now,
  ///   newID, registrations}`; `cohort`: the cohort's registration (every statement carries
  ///   it), else null; `now()` in milliseconds.
  class Recorder {
    constructor(options) {
      this.course = options.course;
      this.learnerID = options.learnerID;
      this.actorName = options.actorName === undefined ? null : options.actorName;
      this.cohort = options.cohort || null;
      this.now = options.now || (() => Date.now());
      this.newID = options.newID || newID;
      this.registrations = Object.assign({}, options.registrations || {});
    }

    /// `SessionRecorder.entry`: the entry for a step (`input`, `events`) or a session mark.
    entry(input, events, session, currentModule) {
      let started = null;
      for (const event of events || []) {
        if (has(event, "moduleStarted")) {
          this.registrations[event.moduleStarted.module] = this.newID();
          if (started === null) started = event.moduleStarted.module;
        }
      }
      const module = started !== null ? started : currentModule === undefined ? null : currentModule;
      const run = module === null ? null : this.registrations[module] || null;
      return {
        id: this.newID(),
        time: this.now(),
        course: this.course.id,
        courseVersion: this.course.version,
        digest: this.course.digest,
        registration: this.cohort || run,
        attempt: run,
        input: input || null,
        session: session || null,
        events: events || [],
      };
    }

    /// The statements of a step or a mark, to append to the journal before the next screen.
    statements(input, events, session, currentModule) {
      return statements(this.entry(input, events, session, currentModule), {
        learnerID: this.learnerID,
        actorName: this.actorName,
        records: this.course.records || null,
      });
    }
  }

  // MARK: Replay (Records/Journal.swift reading, Records/Replay.swift)

  /// The journal's steps, as `Journal.read` groups statements: a new step starts a new entry.
  /// Throws `{problem: "tooNew", version}` for a journal newer than this page reads.
  function entries(list) {
    const result = [];
    for (const statement of list) {
      const context = statement.context || {};
      const extensions = context.extensions || {};
      const version = extensions["urn:kurs:xapi:journal-version"];
      if (typeof version !== "number" || typeof extensions["urn:kurs:xapi:step"] !== "string") {
        throw { problem: "damaged", id: statement.id };
      }
      if (version > journalFormat) throw { problem: "tooNew", version: version };
      const event = extensions["urn:kurs:xapi:event"];
      const last = result[result.length - 1];
      if (last && last.id === extensions["urn:kurs:xapi:step"]) {
        if (event) last.events.push(event);
        continue;
      }
      const objectID = (statement.object && statement.object.id) || "";
      const rest = objectID.slice("urn:kurs:course:".length);
      result.push({
        id: extensions["urn:kurs:xapi:step"],
        time: statement.timestamp,
        course: rest.split(":")[0],
        courseVersion: extensions["urn:kurs:xapi:course-version"],
        digest: extensions["urn:kurs:xapi:course-digest"],
        registration: context.registration || null,
        attempt: extensions["urn:kurs:xapi:attempt"] || context.registration || null,
        input: extensions["urn:kurs:xapi:input"] || null,
        session: extensions["urn:kurs:xapi:session"] || null,
        events: event ? [event] : [],
      });
    }
    return result;
  }

  /// Every recorded input, in order: what the certificate's transcript replays
  /// (`CertificateAward`: `entries.compactMap(\.input)`).
  function inputs(list) {
    return entries(list)
      .map((entry) => entry.input)
      .filter((input) => input !== null);
  }

  /// `Replay.rebuild` for a journal of this very course: the steps the runner records
  /// (`Engine.records`), and only those, through the engine; the registration of each module
  /// run. `dropped`: steps the engine refused (none in a journal the page wrote).
  function rebuild(list, engine) {
    let state = engine.initialState();
    const registrations = {};
    let dropped = 0;
    for (const entry of entries(list)) {
      for (const event of entry.events) {
        if (has(event, "moduleStarted")) {
          const attempt = entry.attempt || entry.registration;
          if (attempt) registrations[event.moduleStarted.module] = attempt;
        }
      }
      if (!entry.input || !engine.constructor.records(entry.input, state)) continue;
      try {
        state = engine.apply(entry.input, state).state;
      } catch (error) {
        if (!error || !error.refusal) throw error;
        dropped += 1;
      }
    }
    return { state: state, registrations: registrations, dropped: dropped };
  }

  // MARK: The export file (Records/ExportFile.swift)

  /// The file `kurs export` writes, sealed: pretty JSON with sorted keys, as text.
  /// - learner: `{id, pseudonym}`; exported: milliseconds; courses: `[{id, version, digest,
  ///   statements}]`.
  function exportFile(learner, exported, courses) {
    if (typeof learner.id !== "string" || typeof learner.pseudonym !== "string") {
      throw { problem: "noName" };
    }
    const theLearner = { id: learner.id, pseudonym: learner.pseudonym };
    const theCourses = courses.map((course) => ({
      id: course.id,
      version: course.version,
      digest: course.digest,
      statements: course.statements.map(strip),
    }));
    const seal = digest([json(theLearner, false), json(theCourses, false)]);
    return json(
      {
        format: "kurs-export",
        version: 1,
        exported: timestamp(exported),
        learner: theLearner,
        courses: theCourses,
        seal: seal,
      },
      true,
    );
  }

  // MARK: The certificate (Certificates/CertificateIssuer.swift, Transcript.swift)

  const credentialContext = [
    "https:\/\/www.w3.org/ns/credentials/v2",
    "https:\/\/purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    "urn:kurs:context:1",
  ];

  /// `LearnerAnswer.response`.
  function response(answer) {
    if (has(answer, "choices")) return answer.choices._0.join(",");
    if (has(answer, "order")) return answer.order._0.join(">");
    const pairs = answer.matches._0;
    return Object.keys(pairs)
      .sort()
      .map((key) => key + "=" + pairs[key])
      .join(";");
  }

  function moduleState(state, id) {
    return (
      (state.modules && state.modules[id]) || {
        passedBefore: false,
        bestScore: null,
        lastScore: null,
        node: null,
      }
    );
  }

  /// `Transcript.line(for:in:)`: an input as a transcript line, given the state before it.
  function transcriptLine(input, state) {
    const question = () =>
      (state.currentModule && moduleState(state, state.currentModule).node) || "?";
    if (has(input, "startModule")) return "start " + input.startModule._0;
    if (has(input, "proceed")) return "next";
    if (has(input, "back")) return "back";
    if (has(input, "answer")) return "answer " + question() + " " + response(input.answer._0);
    return "pairs " + question() + " " + response({ matches: input.partialMatches });
  }

  /// `LearnerName.problem` with the certificate's limit: a message, or null for a good name.
  function nameProblem(name) {
    if (name.replace(/^[\s]+|[\s]+$/g, "") === "") return "empty";
    if (/[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Cn}\u202A-\u202E\u2066-\u2069]/u.test(name)) return "forbidden";
    const count =
      typeof Intl !== "undefined" && Intl.Segmenter
        ? Array.from(new Intl.Segmenter().segment(name)).length
        : Array.from(name).length;
    return count > 200 ? "tooLong" : null;
  }

  /// `Credential.subjectID(learner:)`.
  function subjectID(learner) {
    return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(learner)
      ? "urn:uuid:" + learner
      : "urn:kurs:learner:" + learner;
  }

  /// `CertificateIssuer.issue`: the unsigned credential of a learner who completed the course.
  /// - options: `{course (the course data), engine (a KursEngine for the course, the language
  ///   and the learner's id as seed), learnerID, learnerName, inputs (every recorded input, in
  ///   order), date (milliseconds), id (the certificate's own id; new when absent)}`.
  /// Throws `{problem: "transcript", step, text, refusal}`, `{problem: "invalidName"}` or
  /// `{problem: "notComplete", missing}`.
  function certificate(options) {
    const course = options.course;
    const engine = options.engine;
    const records = course.records;
    let state = engine.initialState();
    const lines = [];
    options.inputs.forEach((input, index) => {
      if (has(input, "partialMatches")) return;
      const text = transcriptLine(input, state);
      try {
        state = engine.apply(input, state).state;
      } catch (error) {
        throw { problem: "transcript", step: index + 1, text: text, refusal: error };
      }
      lines.push(text);
    });
    const name = options.learnerName;
    if (typeof name !== "string" || nameProblem(name) !== null) throw { problem: "invalidName" };
    if (!engine.isComplete(state)) {
      const required = course.completion.modules || records.scored.map((module) => module.id);
      throw {
        problem: "notComplete",
        missing: required.filter((id) => !moduleState(state, id).passedBefore),
      };
    }
    const language = course.languages.indexOf(options.language) >= 0 ? options.language : course.defaultLanguage;
    const achievement = copy(records.achievements[language]);
    const modules = [];
    const results = [];
    records.scored.forEach((module, index) => {
      const moduleNow = moduleState(state, module.id);
      const passed = moduleNow.passedBefore === true;
      const scored = passed ? moduleNow.bestScore || 0 : moduleNow.lastScore || 0;
      modules.push({
        id: module.id,
        score: scored,
        maximum: module.maximum,
        passMark: module.passMark,
        passed: passed,
      });
      // Only modules the learner finished have a result.
      if (passed || (moduleNow.lastScore !== null && moduleNow.lastScore !== undefined)) {
        results.push({
          type: ["Result"],
          resultDescription: achievement.resultDescription[index].id,
          value: String(scored),
          status: passed ? "Completed" : "Failed",
        });
      }
    });
    const total = modules.filter((module) => module.passed).reduce((sum, m) => sum + m.score, 0);
    const courseReference = { id: course.id, version: course.version, digest: course.digest };
    const subject = subjectID(options.learnerID);
    const validFrom = dateText(options.date);
    const scores = [];
    for (const module of modules) {
      scores.push(module.id, String(module.score), String(module.maximum), String(module.passMark), String(module.passed));
    }
    return {
      "@context": credentialContext.slice(),
      id: "urn:uuid:" + (options.id || newID()),
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: { id: "urn:kurs:local", type: ["Profile"], name: "Kurs (not signed)" },
      validFrom: validFrom,
      name: achievement.name,
      credentialSubject: {
        id: subject,
        type: ["AchievementSubject"],
        identifier: [{ type: "IdentityObject", identityType: "name", hashed: false, identityHash: name }],
        achievement: achievement,
        result: results,
      },
      kurs: {
        format: 1,
        language: language,
        course: courseReference,
        modules: modules,
        total: total,
        transcript: lines,
        digests: {
          name: digest(["name", name]),
          date: digest(["date", validFrom]),
          learner: digest(["learner", subject]),
          transcript: digest(["transcript"].concat(lines)),
          scores: digest(["scores"].concat(scores, [String(total)])),
          course: digest(["course", course.id, course.version, course.digest]),
        },
      },
    };
  }

  /// The credential as `Credential.json()` writes it: pretty, sorted, with a final newline.
  function certificateJSON(credential) {
    return json(credential, true) + "\n";
  }

  // MARK: Saving (the learner's own downloads)

  /// Offers `text` as a file named `name`: a download where the browser can save one, else the
  /// phone's share sheet, else the text selected on the page to copy. Returns how it was offered
  /// ("download", "share" or "copy"). Nothing is sent anywhere.
  function offer(name, text, type, doc) {
    doc = doc || document;
    const blob = new Blob([text], { type: type });
    const file = typeof File === "function" ? new File([blob], name, { type: type }) : null;
    const link = doc.createElement("a");
    const canDownload = "download" in link && typeof URL !== "undefined" && URL.createObjectURL;
    if (
      !canDownload &&
      file &&
      typeof navigator !== "undefined" &&
      navigator.canShare &&
      navigator.canShare({ files: [file] })
    ) {
      navigator.share({ files: [file], title: name }).catch(() => copyBox(name, text, doc));
      return "share";
    }
    if (!canDownload) {
      copyBox(name, text, doc);
      return "copy";
    }
    const url = URL.createObjectURL(blob);
    link.setAttribute("href", url);
    link.download = name;
    link.rel = "noopener";
    doc.body.appendChild(link);
    link.click();
    doc.body.removeChild(link);
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return "download";
  }

  /// The fallback where nothing can be downloaded or shared: the text in a box, selected, to copy
  /// into a message.
  function copyBox(name, text, doc) {
    let box = doc.getElementById("kurs-records-copy");
    if (!box) {
      box = doc.createElement("textarea");
      box.id = "kurs-records-copy";
      box.readOnly = true;
      box.rows = 8;
      box.style.width = "100%";
      doc.body.appendChild(box);
    }
    box.setAttribute("aria-label", name);
    box.value = text;
    box.focus();
    box.select();
  }

  /// "Save my records": the export file of this course's journal, offered as a download.
  /// - options: `{course, learnerID, pseudonym, statements, now}` (now in milliseconds).
  /// Returns `{name, text, offered}`.
  function saveExport(options) {
    const now = options.now === undefined ? Date.now() : options.now;
    const text = exportFile({ id: options.learnerID, pseudonym: options.pseudonym }, now, [
      {
        id: options.course.id,
        version: options.course.version,
        digest: options.course.digest,
        statements: options.statements,
      },
    ]);
    const name = "kurs-export-" + new Date(now).toISOString().slice(0, 10) + ".json";
    const offered = options.offer === false ? "none" : offer(name, text, "application/json", options.document);
    return { name: name, text: text, offered: offered };
  }

  /// "Save my certificate": the credential issued from the journal's inputs, offered as
  /// `COURSE.json` (the file `kurs certificate verify` checks).
  /// - options: `{course, engine, learnerID, learnerName, statements, language, now, id}`.
  /// Returns `{name, text, credential, offered}`; throws as `certificate` does.
  function saveCertificate(options) {
    const credential = certificate({
      course: options.course,
      engine: options.engine,
      learnerID: options.learnerID,
      learnerName: options.learnerName,
      inputs: inputs(options.statements),
      date: options.now === undefined ? Date.now() : options.now,
      language: options.language,
      id: options.id,
    });
    const text = certificateJSON(credential);
    const name = options.course.id + ".json";
    const offered = options.offer === false ? "none" : offer(name, text, "application/json", options.document);
    return { name: name, text: text, credential: credential, offered: offered };
  }

  // MARK: What the page shows (the records section of the contents, pause and end screens)

  /// The records section's words in the interface's language (`PlayerRecords.strings`).
  function words(course, ui, key, argument) {
    const entry = (course.records.strings || {})[key] || {};
    const text = entry[ui] || entry.en || key;
    return argument === undefined ? text : text.replace("{0}", argument);
  }

  /// The learner's records section: a name for the export and the certificate, "save my
  /// records" and, once the course is complete, "save my certificate", and a line that says
  /// what happened. Nothing is sent anywhere: the files are the learner's to keep or send.
  /// - options: `{course, engine, state, learnerID, journal, ui, storage, now}`; `journal` is
  ///   a function giving the statements so far, `now` a clock giving a `Date` or milliseconds.
  function actions(options) {
    const doc = document;
    const course = options.course;
    const say = (key, argument) => words(course, options.ui, key, argument);
    const nameKey = "kurs/" + course.id + "/name";
    const make = (tag, attributes, text) => {
      const node = doc.createElement(tag);
      for (const name of Object.keys(attributes)) node.setAttribute(name, attributes[name]);
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const section = make("section", { class: "records", "aria-labelledby": "kurs-records-title" });
    section.appendChild(make("h2", { id: "kurs-records-title" }, say("recordsTitle")));
    section.appendChild(make("p", {}, say("recordsExplain")));
    const label = make("label", { for: "kurs-records-name" }, say("nameLabel"));
    const field = make("input", { id: "kurs-records-name", type: "text", autocomplete: "name", maxlength: "200" });
    // A large touch target on a phone, whatever the page's style sheet says of inputs.
    Object.assign(field.style, { display: "block", width: "100%", boxSizing: "border-box", minHeight: "48px", fontSize: "1rem" });
    try {
      field.value = (options.storage && options.storage.getItem(nameKey)) || "";
    } catch (error) {
      field.value = "";
    }
    section.appendChild(label);
    section.appendChild(field);
    const status = make("p", { role: "status", class: "records-status" });
    const buttons = make("div", { class: "actions" });
    const time = () => (options.now ? milliseconds(options.now()) : Date.now());
    function name() {
      const text = field.value.trim();
      if (nameProblem(text) !== null) {
        status.textContent = say("nameNeeded");
        field.focus();
        return null;
      }
      try {
        if (options.storage) options.storage.setItem(nameKey, text);
      } catch (error) {
        // The name is asked again next time; the file is saved all the same.
      }
      return text;
    }
    function told(saved) {
      status.textContent = say(
        saved.offered === "download" ? "savedAs" : saved.offered === "share" ? "shared" : "copyBelow",
        saved.name,
      );
    }
    const saveRecords = make("button", { type: "button" }, say("saveRecords"));
    saveRecords.addEventListener("click", () => {
      const pseudonym = name();
      if (pseudonym === null) return;
      told(
        saveExport({
          course: course,
          learnerID: options.learnerID,
          pseudonym: pseudonym,
          statements: options.journal(),
          now: time(),
        }),
      );
    });
    buttons.appendChild(saveRecords);
    // On a phone that can share files: straight into a messenger or an e-mail.
    if (typeof navigator !== "undefined" && navigator.share && navigator.canShare && typeof File === "function") {
      const probe = new File(["{}"], "kurs.json", { type: "application/json" });
      if (navigator.canShare({ files: [probe] })) {
        const share = make("button", { type: "button" }, say("shareRecords"));
        share.addEventListener("click", () => {
          const pseudonym = name();
          if (pseudonym === null) return;
          const saved = saveExport({
            course: course,
            learnerID: options.learnerID,
            pseudonym: pseudonym,
            statements: options.journal(),
            now: time(),
            offer: false,
          });
          const file = new File([saved.text], saved.name, { type: "application/json" });
          navigator
            .share({ files: [file], title: saved.name })
            .then(() => told({ offered: "share", name: saved.name }))
            .catch(() => {
              copyBox(saved.name, saved.text, doc);
              told({ offered: "copy", name: saved.name });
            });
        });
        buttons.appendChild(share);
      }
    }
    if (options.state && options.state.completed) {
      const saveCredential = make("button", { type: "button", class: "certificate" }, say("saveCertificate"));
      saveCredential.addEventListener("click", () => {
        const learnerName = name();
        if (learnerName === null) return;
        try {
          told(
            saveCertificate({
              course: course,
              engine: options.engine,
              learnerID: options.learnerID,
              learnerName: learnerName,
              statements: options.journal(),
              language: options.engine.language,
              now: time(),
            }),
          );
        } catch (error) {
          status.textContent = say("certificateFailed", (error && error.problem) || String(error));
        }
      });
      buttons.appendChild(saveCredential);
    }
    section.appendChild(buttons);
    section.appendChild(status);
    return section;
  }

  return {
    json: json,
    line: line,
    sha256: (text) => sha256(typeof text === "string" ? utf8(text) : text),
    sha1: (text) => sha1(typeof text === "string" ? utf8(text) : text),
    digest: digest,
    derivedID: derivedID,
    timestamp: timestamp,
    dateText: dateText,
    newID: newID,
    statements: statements,
    Recorder: Recorder,
    entries: entries,
    inputs: inputs,
    rebuild: rebuild,
    exportFile: exportFile,
    transcriptLine: transcriptLine,
    nameProblem: nameProblem,
    certificate: certificate,
    certificateJSON: certificateJSON,
    offer: offer,
    saveExport: saveExport,
    saveCertificate: saveCertificate,
    actions: actions,
  };
})();
