// engine.js: the rules of Kurs in the browser. A line-by-line mirror of the Swift engine
// (Sources/KursKit/Engine), with the same names; each function names the Swift one it mirrors.
// The engine parity tests (Tests/KursEndToEndTests/EngineParityTests.swift) play every path of
// several courses through both and compare every step: change both together, or neither.
//
// The course is the data `PlayerCourse` writes (Sources/KursKit/Publishing/PlayerCourse.swift):
// what Swift can work out once (a module's most points and pass mark, the fewest steps from a
// node to an end, reading times) is already there. Inputs and events are plain objects shaped
// exactly as Swift's Codable writes `EngineInput` and `EngineEvent` (`{"proceed": {}}`,
// `{"answer": {"_0": {"choices": {"_0": ["a"]}}}}`), so a journal the page writes reads like the
// runner's. The state is a plain object shaped like `CourseState`.
"use strict";

const KursEngine = (() => {
  const MASK = (1n << 64n) - 1n;

  /// SplitMix64 (Support/SplitMix64.swift), in BigInt: the same numbers from the same seed.
  class SplitMix64 {
    constructor(seed) {
      this.state = seed & MASK;
    }

    next() {
      this.state = (this.state + 0x9e3779b97f4a7c15n) & MASK;
      let z = this.state;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
      return z ^ (z >> 31n);
    }
  }

  /// SeededShuffle (Engine/SeededShuffle.swift): FNV-1a of the seed's UTF-8 bytes, then
  /// Fisher–Yates with SplitMix64.
  class SeededShuffle {
    constructor(seed) {
      let hash = 0xcbf29ce484222325n;
      for (const byte of new TextEncoder().encode(seed)) {
        hash ^= BigInt(byte);
        hash = (hash * 0x100000001b3n) & MASK;
      }
      this.generator = new SplitMix64(hash);
    }

    next() {
      return this.generator.next();
    }

    /// SeededShuffle.shuffled(_:)
    shuffled(items) {
      const result = items.slice();
      if (result.length <= 1) return result;
      for (let index = result.length - 1; index > 0; index -= 1) {
        const other = Number(this.next() % BigInt(index + 1));
        const swap = result[index];
        result[index] = result[other];
        result[other] = swap;
      }
      return result;
    }

    /// SeededShuffle.derangedOrder(_:): never the original order (options compare by id).
    derangedOrder(items) {
      let result = this.shuffled(items);
      const same = result.length === items.length && result.every((o, i) => o.id === items[i].id);
      if (same && result.length > 1) result = result.slice(1).concat([result[0]]);
      return result;
    }
  }

  // MARK: values

  /// The case name and payload of a Codable enum value: `{"proceed": {}}` → ["proceed", {}].
  function caseOf(value) {
    const keys = Object.keys(value || {});
    if (keys.length !== 1) return [null, null];
    return [keys[0], value[keys[0]]];
  }

  /// InlineText(_ plain:)
  function inline(plain) {
    return { runs: plain === "" ? [] : [{ style: "plain", text: plain }] };
  }

  /// InlineText.plain
  function plain(text) {
    return text ? text.runs.map((run) => run.text).join("") : "";
  }

  /// LearnerAnswer.response
  function response(answer) {
    const [kind, payload] = caseOf(answer);
    if (kind === "choices") return payload._0.join(",");
    if (kind === "order") return payload._0.join(">");
    const pairs = payload._0;
    return Object.keys(pairs)
      .sort()
      .map((key) => `${key}=${pairs[key]}`)
      .join(";");
  }

  /// ModuleState() with its defaults (Engine/CourseState.swift).
  function freshModuleState() {
    return {
      status: "not-started",
      passedBefore: false,
      node: null,
      phase: { showing: {} },
      flags: [],
      counters: {},
      visits: {},
      scores: {},
      tries: 0,
      lastWrongAnswer: null,
      pendingMatches: null,
      history: [],
      reviewIndex: null,
      runs: 0,
      lastScore: null,
      bestScore: null,
    };
  }

  /// ModuleState.score
  function score(moduleState) {
    return Object.values(moduleState.scores).reduce((a, b) => a + b, 0);
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function refusal(name, values) {
    return Object.assign({ refusal: name }, values || {});
  }

  function sameSet(a, b) {
    const left = new Set(a);
    const right = new Set(b);
    return left.size === right.size && [...left].every((x) => right.has(x));
  }

  class KursEngine {
    /// Engine.init(course:language:seed:)
    constructor(course, language, seed) {
      if (course.format !== 1) {
        throw new Error(`this page reads course data of format 1, not ${course.format}`);
      }
      this.course = course;
      this.language = course.languages.includes(language) ? language : course.defaultLanguage;
      this.seed = String(seed);
      /// Engine.interfaceLanguage
      this.interfaceLanguage = null;
      this.indexByModule = {};
      for (const module of course.modules) {
        const index = {};
        module.nodes.forEach((node, offset) => {
          if (!(node.id in index)) index[node.id] = offset;
        });
        this.indexByModule[module.id] = index;
      }
    }

    // MARK: the course (Model)

    /// Course.module(_:)
    module(id) {
      return this.course.modules.find((module) => module.id === id) || null;
    }

    /// Module.node(_:): the first node with this id.
    node(module, id) {
      const index = this.indexByModule[module.id][id];
      return index === undefined ? null : module.nodes[index];
    }

    /// Course.scoredModules
    scoredModules() {
      return this.course.modules.filter((module) => !module.test);
    }

    /// CourseState.module(_:)
    static moduleState(state, id) {
      return state.modules[id] || freshModuleState();
    }

    /// CourseState()
    initialState() {
      return { modules: {}, currentModule: null, completed: false };
    }

    /// Engine.records(_:from:): whether a step goes into the journal.
    static records(input, state) {
      const [kind] = caseOf(input);
      if (kind === "back") return false;
      if (kind === "proceed") {
        return KursEngine.moduleState(state, state.currentModule || "").reviewIndex === null;
      }
      return true;
    }

    // MARK: texts (Engine+Screens.swift, LocalizedText.resolve)

    /// LocalizedText.resolve(_:fallback:) through Engine.text(_:)
    text(variants) {
      if (!variants) return null;
      const found =
        variants[this.language] || variants[this.course.defaultLanguage] || null;
      if (found) return found;
      const first = Object.keys(variants).sort()[0];
      return first === undefined ? null : variants[first];
    }

    /// LocalizedBody.resolve(_:fallback:) through Engine.blocks(_:)
    blocks(variants) {
      return this.text(variants) || [];
    }

    /// Localization.string(_:_:): the interface's words, English when a language lacks one.
    word(key) {
      const entry = this.course.strings[key] || {};
      const language = this.interfaceLanguage || this.language;
      return entry[language] || entry.en || key;
    }

    // MARK: queries (Engine.swift)

    /// Engine.stepsLeft(in:after:)
    stepsLeft(moduleID, nodeID) {
      const module = this.module(moduleID);
      if (!module) return 0;
      const index = this.indexByModule[moduleID][nodeID];
      return index === undefined ? 0 : module.nodes[index].stepsLeft;
    }

    /// Engine.objectives(of:)
    objectives(module) {
      return module.objectives.map((o) => this.text(o)).filter((t) => t !== null);
    }

    /// Engine.estimatedMinutes(of:), worked out at publish time per language.
    estimatedMinutes(module) {
      return module.minutes[this.language] || 1;
    }

    /// Engine.maximum(of:), worked out at publish time.
    maximum(moduleID) {
      const module = this.module(moduleID);
      return module ? module.maximum : 0;
    }

    /// Engine.missingRequirements(of:in:)
    missingRequirements(moduleID, state) {
      const module = this.module(moduleID);
      if (!module) return [];
      return module.requires.filter((id) => !KursEngine.moduleState(state, id).passedBefore);
    }

    /// Engine.passMark(of:), worked out at publish time.
    passMark(module) {
      return module.passMark;
    }

    /// Engine.nextModule(in:)
    nextModule(state) {
      const found = this.course.modules.find(
        (module) =>
          !KursEngine.moduleState(state, module.id).passedBefore &&
          this.missingRequirements(module.id, state).length === 0,
      );
      return found ? found.id : null;
    }

    /// Engine.isComplete(_:)
    isComplete(state) {
      const rule = this.course.completion;
      const required = rule.modules || this.scoredModules().map((m) => m.id);
      if (!required.every((id) => KursEngine.moduleState(state, id).passedBefore)) return false;
      if (!rule.modules) {
        const finished = ["passed", "failed", "completed"];
        for (const module of this.course.modules) {
          if (module.test !== "post") continue;
          if (!finished.includes(KursEngine.moduleState(state, module.id).status)) return false;
        }
      }
      if (rule.minimumScore !== undefined && rule.minimumScore !== null) {
        const total = required
          .map((id) => KursEngine.moduleState(state, id).bestScore || 0)
          .reduce((a, b) => a + b, 0);
        return total >= rule.minimumScore;
      }
      return true;
    }

    /// Engine.percentDone(_:)
    percentDone(state) {
      const count = this.course.modules.length;
      if (count === 0) return 0;
      const done = this.course.modules.filter(
        (m) => KursEngine.moduleState(state, m.id).passedBefore,
      ).length;
      return Math.floor((done * 100) / count);
    }

    // MARK: screens

    /// Engine.currentScreen(_:)
    currentScreen(state) {
      const module = state.currentModule ? this.module(state.currentModule) : null;
      if (!module) throw refusal("notInAModule");
      return this.screen(module, KursEngine.moduleState(state, module.id), state);
    }

    // MARK: inputs

    /// Engine.apply(_:to:): `{screen, state, events}`, or throws `{refusal: …}` and nothing
    /// changes.
    apply(input, state) {
      const move = this.transition(input, state);
      return {
        screen: this.screen(move.module, KursEngine.moduleState(move.state, move.module.id), move.state),
        state: move.state,
        events: move.events,
      };
    }

    /// Engine.state(after:from:): the state and events without the screen, for replay.
    stateAfter(input, state) {
      const move = this.transition(input, state);
      this.checkPlace(move.module, KursEngine.moduleState(move.state, move.module.id));
      return { state: move.state, events: move.events };
    }

    /// Engine.transition(_:_:)
    transition(input, state) {
      const [kind, payload] = caseOf(input);
      const before = copy(state);
      switch (kind) {
        case "startModule":
          return this.start(payload._0, before);
        case "proceed":
          return this.proceed(before);
        case "answer":
          return this.answerQuestion(payload._0, before);
        case "back":
          return this.back(before);
        case "partialMatches":
          return this.partlyMatch(payload._0, before);
        default:
          throw refusal("notAQuestion");
      }
    }

    /// Engine.current(_:)
    current(state) {
      const module = state.currentModule ? this.module(state.currentModule) : null;
      if (!module) throw refusal("notInAModule");
      return [module, KursEngine.moduleState(state, module.id)];
    }

    /// Engine.partlyMatch(_:_:)
    partlyMatch(pairs, state) {
      const [module, moduleState] = this.current(state);
      const node = moduleState.node === null ? null : this.node(module, moduleState.node);
      if (
        moduleState.reviewIndex !== null ||
        !("showing" in moduleState.phase) ||
        !node ||
        node.kind !== "question" ||
        node.question.kind !== "matching"
      ) {
        throw refusal("notAQuestion");
      }
      const known = new Set(node.question.pairs.map((p) => p.id));
      const keys = Object.keys(pairs);
      const values = keys.map((k) => pairs[k]);
      if (
        !(keys.length > 0) ||
        !(keys.length < known.size) ||
        !keys.every((k) => known.has(k)) ||
        !values.every((v) => known.has(v)) ||
        new Set(values).size !== keys.length
      ) {
        throw refusal("answerDoesNotFit");
      }
      moduleState.pendingMatches = pairs;
      state.modules[module.id] = moduleState;
      return { module, state, events: [] };
    }

    /// Engine.start(_:_:)
    start(id, state) {
      const module = this.module(id);
      if (!module) throw refusal("unknownModule", { _0: id });
      const missing = this.missingRequirements(id, state);
      if (missing.length > 0) throw refusal("moduleLocked", { module: id, missing });
      const status = KursEngine.moduleState(state, id).status;
      if (module.test && status !== "not-started" && status !== "in-progress") {
        throw refusal("testTaken", { module: id });
      }
      const moduleState = freshModuleState();
      const previous = KursEngine.moduleState(state, id);
      moduleState.passedBefore = previous.passedBefore;
      moduleState.bestScore = previous.bestScore;
      moduleState.lastScore = previous.lastScore;
      moduleState.runs = previous.runs + 1;
      moduleState.status = "in-progress";
      const events = [{ moduleStarted: { module: id, run: moduleState.runs } }];
      this.enter(module.start, module, moduleState, events);
      state.currentModule = id;
      state.modules[id] = moduleState;
      this.finishIfEnded(module, state, events);
      return { module, state, events };
    }

    /// Engine.proceed(_:)
    proceed(state) {
      const [module, moduleState] = this.current(state);
      const events = [];
      if (moduleState.reviewIndex !== null) {
        const review = moduleState.reviewIndex;
        moduleState.reviewIndex = review + 1 < moduleState.history.length ? review + 1 : null;
      } else {
        const nodeID = moduleState.node;
        const node = nodeID === null ? null : this.node(module, nodeID);
        if (!node) throw refusal("notInAModule");
        const [phase, payload] = caseOf(moduleState.phase);
        if (node.kind === "page" && phase === "showing") {
          moduleState.history.push(nodeID);
          this.enter(node.next || "", module, moduleState, events);
        } else if (node.kind === "question" && phase === "feedback") {
          const question = node.question;
          let target = node.next || null;
          const [answerKind, answerPayload] = caseOf(payload.answer);
          if (answerKind === "choices" && question.kind !== "multiple") {
            const chosen = question.choices.find((c) => c.id === answerPayload._0[0]);
            if (chosen && chosen.goto) target = chosen.goto;
          }
          this.enter(target || "", module, moduleState, events);
        } else if (node.kind === "end" && phase === "ended") {
          // The end screen stays; the runner moves on to the course.
        } else {
          throw refusal("notAQuestion");
        }
      }
      state.modules[module.id] = moduleState;
      this.finishIfEnded(module, state, events);
      return { module, state, events };
    }

    /// Engine.back(_:)
    back(state) {
      const [module, moduleState] = this.current(state);
      if (!this.canGoBack(module, moduleState)) throw refusal("cannotGoBack");
      moduleState.reviewIndex =
        (moduleState.reviewIndex === null ? moduleState.history.length : moduleState.reviewIndex) -
        1;
      state.modules[module.id] = moduleState;
      return { module, state, events: [] };
    }

    /// Engine.canGoBack(_:_:)
    canGoBack(module, moduleState) {
      if (!module.allowBack) return false;
      if (!("showing" in moduleState.phase) && moduleState.reviewIndex === null) return false;
      if (moduleState.reviewIndex !== null) return moduleState.reviewIndex > 0;
      const node = moduleState.node === null ? null : this.node(module, moduleState.node);
      if (moduleState.history.length === 0 || !node) return false;
      if (node.kind === "page" || node.kind === "question") {
        return node.back === undefined || node.back === null ? true : node.back;
      }
      return false;
    }

    /// Engine.answerQuestion(_:_:)
    answerQuestion(answer, state) {
      const [module, moduleState] = this.current(state);
      const nodeID = moduleState.node;
      const node = nodeID === null ? null : this.node(module, nodeID);
      if (
        moduleState.reviewIndex !== null ||
        !("showing" in moduleState.phase) ||
        !node ||
        node.kind !== "question"
      ) {
        throw refusal("notAQuestion");
      }
      const question = node.question;
      if (!KursEngine.fits(answer, question)) throw refusal("answerDoesNotFit");
      moduleState.pendingMatches = null;
      const events = [];
      const attempt = moduleState.tries + 1;
      const isDecision = KursEngine.isDecision(question);
      const isCorrect = KursEngine.correctness(answer, question).isCorrect;
      // A knowledge test gives one try and no hints: it measures, it does not teach.
      const isFinal = isCorrect || isDecision || attempt >= KursEngine.attempts(question, module);
      const points = isDecision ? 0 : KursEngine.points(answer, question, attempt);
      events.push({
        answered: {
          module: module.id,
          question: nodeID,
          response: response(answer),
          points: isFinal ? points : 0,
          maximum: question.points,
          isCorrect,
          attempt,
          isFinal,
        },
      });
      if (isFinal) {
        moduleState.scores[nodeID] = points;
        const [kind, payload] = caseOf(answer);
        if (kind === "choices") {
          for (const choice of question.choices) {
            if (payload._0.includes(choice.id)) this.applyEffects(choice.effects, moduleState);
          }
        }
        moduleState.phase = { feedback: { answer, isCorrect, points } };
      } else {
        moduleState.tries = attempt;
        if (attempt <= question.hints.length) {
          events.push({ hintShown: { hint: attempt, module: module.id, question: nodeID } });
        }
        moduleState.lastWrongAnswer = answer;
      }
      state.modules[module.id] = moduleState;
      return { module, state, events };
    }

    /// Engine.attempts(of:in:)
    static attempts(question, module) {
      return module.test ? 1 : question.attempts;
    }

    /// Engine.isDecision(_:)
    static isDecision(question) {
      return (
        question.kind === "single" &&
        question.points === 0 &&
        !question.choices.some((c) => c.isCorrect)
      );
    }

    /// Engine.fits(_:_:)
    static fits(answer, question) {
      const [kind, payload] = caseOf(answer);
      if (!payload || payload._0 === undefined || payload._0 === null) return false;
      const value = payload._0;
      if ((question.kind === "single" || question.kind === "true-false") && kind === "choices") {
        return value.length === 1 && question.choices.some((c) => c.id === value[0]);
      }
      if (question.kind === "multiple" && kind === "choices") {
        const known = new Set(question.choices.map((c) => c.id));
        return value.length > 0 && new Set(value).size === value.length && value.every((id) => known.has(id));
      }
      if (question.kind === "ordering" && kind === "order") {
        return value.length === question.items.length && sameSet(value, question.items.map((i) => i.id));
      }
      if (question.kind === "matching" && kind === "matches") {
        const known = new Set(question.pairs.map((p) => p.id));
        const keys = Object.keys(value);
        const values = keys.map((k) => value[k]);
        return (
          sameSet(keys, [...known]) &&
          values.every((v) => known.has(v)) &&
          new Set(values).size === values.length
        );
      }
      return false;
    }

    /// AnswerScoring.correctness(of:to:)
    static correctness(answer, question) {
      const [kind, payload] = caseOf(answer);
      const value = payload ? payload._0 : null;
      if ((question.kind === "single" || question.kind === "true-false") && kind === "choices") {
        const correct = question.choices.find((c) => c.isCorrect);
        const right = value.length === 1 && correct !== undefined && value[0] === correct.id;
        return { fraction: right ? 1 : 0, isCorrect: right };
      }
      if (question.kind === "multiple" && kind === "choices") {
        const correct = new Set(question.choices.filter((c) => c.isCorrect).map((c) => c.id));
        const chosen = new Set(value);
        const right = [...chosen].filter((id) => correct.has(id)).length;
        const wrong = [...chosen].filter((id) => !correct.has(id)).length;
        if (correct.size === 0) return { fraction: 0, isCorrect: false };
        const fraction = Math.max(0, (right - wrong) / correct.size);
        return { fraction, isCorrect: sameSet(chosen, correct) };
      }
      if (question.kind === "ordering" && kind === "order") {
        const expected = question.items.map((i) => i.id);
        if (expected.length === 0) return { fraction: 0, isCorrect: false };
        let inPlace = 0;
        for (let i = 0; i < Math.min(value.length, expected.length); i += 1) {
          if (value[i] === expected[i]) inPlace += 1;
        }
        const same = value.length === expected.length && inPlace === expected.length;
        return { fraction: inPlace / expected.length, isCorrect: same };
      }
      if (question.kind === "matching" && kind === "matches") {
        if (question.pairs.length === 0) return { fraction: 0, isCorrect: false };
        const matched = question.pairs.filter((p) => value[p.id] === p.id).length;
        return {
          fraction: matched / question.pairs.length,
          isCorrect: matched === question.pairs.length,
        };
      }
      return { fraction: 0, isCorrect: false };
    }

    /// AnswerScoring.points(for:to:attempt:)
    static points(answer, question, attempt) {
      const { fraction, isCorrect } = KursEngine.correctness(answer, question);
      let earned;
      if (question.scoring === "all-or-nothing") {
        earned = isCorrect ? question.points : 0;
      } else {
        earned = isCorrect ? question.points : Math.floor(question.points * fraction);
      }
      if (earned <= 0) return 0;
      return Math.max(0, earned - question.penalty * Math.max(0, attempt - 1));
    }

    // MARK: moving

    /// Engine.apply(_:_:) for effects
    applyEffects(effects, moduleState) {
      for (const effect of effects) {
        if (effect.flag !== undefined) {
          const index = moduleState.flags.indexOf(effect.flag);
          if (effect.value && index < 0) moduleState.flags.push(effect.flag);
          if (!effect.value && index >= 0) moduleState.flags.splice(index, 1);
        } else if (effect.counter !== undefined) {
          moduleState.counters[effect.counter] = (moduleState.counters[effect.counter] || 0) + effect.add;
        }
      }
    }

    /// Condition.evaluate(flag:number:)
    static evaluate(condition, flag, number) {
      switch (condition.op) {
        case "const":
          return condition.value;
        case "flag":
          return flag(condition.name);
        case "not":
          return !KursEngine.evaluate(condition.args[0], flag, number);
        case "and":
          return (
            KursEngine.evaluate(condition.args[0], flag, number) &&
            KursEngine.evaluate(condition.args[1], flag, number)
          );
        case "or":
          return (
            KursEngine.evaluate(condition.args[0], flag, number) ||
            KursEngine.evaluate(condition.args[1], flag, number)
          );
        case "compare": {
          const left = number(condition.left);
          const right = number(condition.right);
          switch (condition.comparison) {
            case "=":
              return left === right;
            case "!=":
              return left !== right;
            case "<":
              return left < right;
            case "<=":
              return left <= right;
            case ">":
              return left > right;
            case ">=":
              return left >= right;
          }
          return false;
        }
      }
      return false;
    }

    /// Engine.enter(_:_:_:_:): a node's effects, its visit count, and through branches to the
    /// next node shown.
    enter(id, module, moduleState, events) {
      let target = id;
      // A branch shows nothing, so a loop of branches would never stop: bound the hops.
      for (let hop = 0; hop <= module.nodes.length; hop += 1) {
        const node = this.node(module, target);
        if (!node) throw refusal("notInAModule");
        this.applyEffects(node.effects, moduleState);
        moduleState.visits[target] = (moduleState.visits[target] || 0) + 1;
        if (node.kind !== "branch") {
          moduleState.node = target;
          moduleState.tries = 0;
          moduleState.lastWrongAnswer = null;
          moduleState.pendingMatches = null;
          moduleState.phase = node.kind === "end" ? { ended: {} } : { showing: {} };
          events.push({ nodeEntered: { module: module.id, node: target } });
          return;
        }
        const values = moduleState;
        const maximum = this.maximum(module.id);
        const chosen = node.routes.find((route) =>
          KursEngine.evaluate(
            route.condition,
            (name) => values.flags.includes(name),
            (value) => {
              switch (value.kind) {
                case "number":
                  return value.number;
                case "counter":
                  return values.counters[value.name] || 0;
                case "visits":
                  return values.visits[value.name] || 0;
                case "score":
                  return score(values);
                case "percent":
                  return maximum === 0 ? 0 : Math.trunc((score(values) * 100) / maximum);
              }
              return 0;
            },
          ),
        );
        const next = chosen ? chosen.target : node.otherwise;
        if (next === undefined || next === null) {
          throw refusal("branchLoop", { module: module.id, node: target });
        }
        target = next;
      }
      throw refusal("branchLoop", { module: module.id, node: target });
    }

    /// Engine.finishIfEnded(_:_:_:): the module's result, and the course's completion.
    finishIfEnded(module, state, events) {
      const moduleState = KursEngine.moduleState(state, module.id);
      const node = moduleState.node === null ? null : this.node(module, moduleState.node);
      if (
        !("ended" in moduleState.phase) ||
        moduleState.status !== "in-progress" ||
        !node ||
        node.kind !== "end"
      ) {
        return;
      }
      const total = score(moduleState);
      let status;
      if (node.outcome === "pass") status = total >= this.passMark(module) ? "passed" : "failed";
      else if (node.outcome === "fail") status = "failed";
      else status = "completed";
      moduleState.lastScore = total;
      if (status === "passed") {
        moduleState.passedBefore = true;
        moduleState.bestScore = Math.max(moduleState.bestScore || 0, total);
      }
      moduleState.status = moduleState.passedBefore ? "passed" : status;
      state.modules[module.id] = moduleState;
      events.push({
        moduleEnded: { maximum: this.maximum(module.id), module: module.id, score: total, status },
      });
      if (!state.completed && this.isComplete(state)) {
        state.completed = true;
        const sum = this.scoredModules()
          .map((m) => KursEngine.moduleState(state, m.id).bestScore || 0)
          .reduce((a, b) => a + b, 0);
        events.push({ courseCompleted: { score: sum } });
      }
    }

    // MARK: screens (Engine+Screens.swift)

    /// Engine.displayOrder(of:id:): the same order every time for this learner.
    displayOrder(question, id) {
      const generator = new SeededShuffle(`${this.seed}/${id}`);
      const option = (optionID, text) => ({ id: optionID, text: this.text(text) || inline(optionID) });
      switch (question.kind) {
        case "single":
        case "multiple": {
          const options = question.choices.map((c) => option(c.id, c.text));
          return { options: question.shuffle ? generator.shuffled(options) : options, matches: [] };
        }
        case "true-false": {
          // True before false, always: a shuffled true/false reads as a trick.
          const ordered = ["true", "false"]
            .map((id) => question.choices.find((c) => c.id === id))
            .filter((c) => c !== undefined);
          return {
            options: ordered.map((choice) => ({
              id: choice.id,
              text:
                this.text(choice.text) ||
                inline(this.word(choice.id === "true" ? "trueWord" : "falseWord")),
            })),
            matches: [],
          };
        }
        case "ordering":
          return {
            options: generator.derangedOrder(question.items.map((i) => option(i.id, i.text))),
            matches: [],
          };
        case "matching": {
          const lefts = question.pairs.map((p) => option(p.id, p.left));
          const rights = generator.derangedOrder(question.pairs.map((p) => option(p.id, p.right)));
          return { options: question.shuffle ? generator.shuffled(lefts) : lefts, matches: rights };
        }
      }
      return { options: [], matches: [] };
    }

    /// Engine.position(_:_:)
    position(module, moduleState) {
      const found = this.course.modules.findIndex((m) => m.id === module.id);
      const index = found < 0 ? 0 : found;
      // Pages and questions entered in this run (a page seen again counts again: it is a step).
      let steps = 0;
      for (const key of Object.keys(moduleState.visits)) {
        const node = this.node(module, key);
        if (node && (node.kind === "page" || node.kind === "question")) {
          steps += moduleState.visits[key];
        }
      }
      const title = this.text(module.title);
      return {
        moduleIndex: index + 1,
        moduleCount: this.course.modules.length,
        moduleTitle: title ? plain(title) : module.id,
        step: steps,
        score: score(moduleState),
        maximum: this.maximum(module.id),
        hidesScore: !!module.test,
        expectedSteps:
          steps + (moduleState.node === null ? 0 : this.stepsLeft(module.id, moduleState.node)),
      };
    }

    /// Engine.checkPlace(_:_:)
    checkPlace(module, moduleState) {
      const review = moduleState.reviewIndex;
      if (review !== null && review < moduleState.history.length) {
        const node = this.node(module, moduleState.history[review]);
        if (node && node.kind === "page") return;
      }
      const node = moduleState.node === null ? null : this.node(module, moduleState.node);
      if (!node) throw refusal("notInAModule");
      if (node.kind === "branch") throw refusal("notInAModule");
    }

    /// Engine.screen(_:_:in:)
    screen(module, moduleState, state) {
      const place = this.position(module, moduleState);
      const review = moduleState.reviewIndex;
      if (review !== null && review < moduleState.history.length) {
        const node = this.node(module, moduleState.history[review]);
        if (node && node.kind === "page") {
          return {
            kind: "page",
            nodeID: node.id,
            title: this.text(node.title),
            blocks: this.blocks(node.body),
            canGoBack: module.allowBack && review > 0,
            isReview: true,
            position: place,
          };
        }
      }
      const nodeID = moduleState.node;
      const node = nodeID === null ? null : this.node(module, nodeID);
      if (!node) throw refusal("notInAModule");
      const backAllowed = node.back === undefined || node.back === null ? true : node.back;
      switch (node.kind) {
        case "page":
          return {
            kind: "page",
            nodeID,
            title: this.text(node.title),
            blocks: this.blocks(node.body),
            canGoBack: module.allowBack && backAllowed && moduleState.history.length > 0,
            isReview: false,
            position: place,
          };
        case "question": {
          const question = node.question;
          const [phase, payload] = caseOf(moduleState.phase);
          if (phase === "feedback") {
            if (module.test) {
              // A knowledge test says nothing about an answer until the post-test is done.
              return {
                kind: "feedback",
                nodeID,
                isWithheld: true,
                isCorrect: false,
                isDecision: false,
                points: 0,
                maximum: question.points,
                choiceFeedback: [],
                generalFeedback: null,
                correctAnswer: [],
                position: place,
                verdicts: [],
                expectedNumbers: [],
                expectedLetters: [],
                pointsLost: [],
                questionKind: "single",
              };
            }
            const screen = this.feedback(
              question,
              `${module.id}/${nodeID}`,
              nodeID,
              payload.answer,
              payload.points,
              payload.isCorrect,
              place,
            );
            screen.pointsLost = this.pointsLost(
              question,
              payload.answer,
              payload.points,
              moduleState.tries + 1,
              module,
              screen,
            );
            return screen;
          }
          const { options, matches } = this.displayOrder(question, `${module.id}/${nodeID}`);
          let retryFeedback = [];
          const [wrongKind, wrongPayload] = caseOf(moduleState.lastWrongAnswer);
          if (wrongKind === "choices") {
            retryFeedback = question.choices
              .filter((c) => wrongPayload._0.includes(c.id))
              .map((c) => this.text(c.feedback))
              .filter((t) => t !== null);
          }
          return {
            kind: "question",
            nodeID,
            questionKind: question.kind,
            title: this.text(question.title),
            context: this.blocks(question.body),
            prompt: this.text(question.prompt) || inline(""),
            options,
            matches,
            points: question.points,
            attemptsLeft: KursEngine.attempts(question, module) - moduleState.tries,
            hints: module.test
              ? []
              : question.hints
                  .slice(0, moduleState.tries)
                  .map((h) => this.text(h))
                  .filter((t) => t !== null),
            retryFeedback,
            isRetry: moduleState.tries > 0,
            isDecision: KursEngine.isDecision(question),
            canGoBack: module.allowBack && backAllowed && moduleState.history.length > 0,
            position: place,
            pendingMatches: moduleState.pendingMatches || {},
          };
        }
        case "end": {
          const index = Math.max(0, this.course.modules.findIndex((m) => m.id === module.id));
          const next =
            index + 1 < this.course.modules.length ? this.course.modules[index + 1].id : null;
          const screen = {
            kind: "moduleEnd",
            moduleID: module.id,
            isWithheld: false,
            testReview: null,
            title: this.text(node.title),
            blocks: this.blocks(node.body),
            outcome: node.outcome,
            status: moduleState.status,
            score: score(moduleState),
            maximum: this.maximum(module.id),
            passMark: this.passMark(module),
            nextModule: next,
            position: place,
            missed: module.test ? [] : this.missed(module, moduleState),
          };
          // Screen.withTest(_:_:in:engine:)
          if (module.test === "pre") screen.isWithheld = true;
          if (module.test === "post") {
            screen.testReview = this.testReview(module, module.preTest, moduleState, state);
          }
          return screen;
        }
      }
      throw refusal("notInAModule");
    }

    /// Engine.testReview(_:preTest:_:in:)
    testReview(module, preTest, moduleState, state) {
      const before = KursEngine.moduleState(state, preTest);
      const pre = this.module(preTest);
      const items = [];
      for (const node of module.nodes) {
        if (node.kind !== "question" || !(node.question.points > 0)) continue;
        const question = node.question;
        const full = question.points;
        const rightBefore = node.id in before.scores ? before.scores[node.id] >= full : null;
        // The right answer as a wrong answer's feedback shows it.
        let none;
        if (question.kind === "ordering") none = { order: { _0: [] } };
        else if (question.kind === "matching") none = { matches: { _0: {} } };
        else none = { choices: { _0: [] } };
        const correct = this.feedback(
          question,
          `${module.id}/${node.id}`,
          node.id,
          none,
          0,
          false,
          this.position(module, moduleState),
        ).correctAnswer;
        items.push({
          nodeID: node.id,
          prompt: this.text(question.prompt) || inline(node.id),
          rightBefore,
          rightAfter: (moduleState.scores[node.id] || 0) >= full,
          correctAnswer: correct,
          explanation: this.text(question.feedback),
        });
      }
      const preMaximum = pre ? this.maximum(pre.id) : 0;
      return {
        scoreBefore: score(before),
        scoreAfter: score(moduleState),
        maximum: Math.max(preMaximum, this.maximum(module.id)),
        items,
      };
    }

    /// Engine.missed(_:_:)
    missed(module, moduleState) {
      const result = [];
      for (const node of module.nodes) {
        if (node.kind !== "question" || !(node.question.points > 0)) continue;
        if (!(node.id in moduleState.scores)) continue;
        const points = moduleState.scores[node.id];
        if (!(points < node.question.points)) continue;
        result.push({
          nodeID: node.id,
          prompt: this.text(node.question.prompt) || inline(node.id),
          points,
          maximum: node.question.points,
          explanation: this.text(node.question.feedback),
        });
      }
      return result;
    }

    /// Engine.pointsLost(_:_:_:attempt:in:order:)
    pointsLost(question, answer, points, attempt, module, screen) {
      if (!(points < question.points) || KursEngine.isDecision(question)) return [];
      const reasons = [];
      const isCorrect = KursEngine.correctness(answer, question).isCorrect;
      const [kind, payload] = caseOf(answer);
      if (kind === "choices") {
        if (question.kind === "multiple") {
          const missed = screen.verdicts.filter((v) => v.isCorrect && !v.wasChosen).map((v) => v.number);
          const wrong = screen.verdicts.filter((v) => !v.isCorrect && v.wasChosen).map((v) => v.number);
          if (missed.length > 0) reasons.push({ missed: { _0: missed } });
          if (wrong.length > 0) reasons.push({ wronglyChosen: { _0: wrong } });
        }
      } else if (kind === "order") {
        if (!isCorrect) {
          const ids = payload._0;
          const expected = question.items.map((i) => i.id);
          let inPlace = 0;
          for (let i = 0; i < Math.min(ids.length, expected.length); i += 1) {
            if (ids[i] === expected[i]) inPlace += 1;
          }
          reasons.push({ inPlace: { _0: inPlace, of: question.items.length } });
        }
      } else if (kind === "matches") {
        if (!isCorrect) {
          const pairs = payload._0;
          const inPlace = question.pairs.filter((p) => pairs[p.id] === p.id).length;
          reasons.push({ inPlace: { _0: inPlace, of: question.pairs.length } });
        }
      }
      if (attempt > 1 && question.penalty > 0 && (points > 0 || isCorrect)) {
        reasons.unshift({
          laterTry: {
            afterHint: !module.test && Math.min(attempt - 1, question.hints.length) > 0,
            attempt,
            penalty: question.penalty,
          },
        });
      }
      return reasons;
    }

    /// Engine.feedback(_:_:_:_:_:_:_:)
    feedback(question, orderID, nodeID, answer, points, isCorrect, position) {
      const { options, matches } = this.displayOrder(question, orderID);
      const number = (id) => Math.max(0, options.findIndex((o) => o.id === id)) + 1;
      let choiceFeedback = [];
      let correctAnswer = [];
      let expectedNumbers = [];
      let expectedLetters = [];
      const verdicts = [];
      const [kind, payload] = caseOf(answer);
      if (kind === "choices") {
        const ids = payload._0;
        if (question.kind === "multiple") {
          // Every choice chosen and every right one left out, by its number, in the order shown.
          for (const option of options) {
            const choice = question.choices.find((c) => c.id === option.id);
            if (!choice) continue;
            const chosen = ids.includes(choice.id);
            if (!chosen && !choice.isCorrect) continue;
            verdicts.push({
              number: number(choice.id),
              wasChosen: chosen,
              isCorrect: choice.isCorrect,
              feedback: chosen ? this.text(choice.feedback) : null,
            });
          }
        } else {
          choiceFeedback = question.choices
            .filter((c) => ids.includes(c.id))
            .map((c) => this.text(c.feedback))
            .filter((t) => t !== null);
        }
        if (!isCorrect) {
          const right = question.choices
            .filter((c) => c.isCorrect)
            .sort((a, b) => number(a.id) - number(b.id));
          expectedNumbers = right.map((c) => number(c.id));
          correctAnswer = right.map(
            (choice) =>
              this.text(choice.text) ||
              inline(this.word(choice.id === "true" ? "trueWord" : "falseWord")),
          );
        }
      } else if (kind === "order") {
        if (!isCorrect) {
          correctAnswer = question.items.map((i) => this.text(i.text)).filter((t) => t !== null);
          expectedNumbers = question.items.map((i) => number(i.id));
        }
      } else if (kind === "matches") {
        if (!isCorrect) {
          const lefts = question.pairs.slice().sort((a, b) => number(a.id) - number(b.id));
          correctAnswer = lefts.map((pair) => {
            const left = this.text(pair.left);
            const right = this.text(pair.right);
            return inline(
              (left ? plain(left) : pair.id) + " — " + (right ? plain(right) : pair.id),
            );
          });
          expectedNumbers = lefts.map((p) => number(p.id));
          expectedLetters = lefts.map((pair) => Math.max(0, matches.findIndex((m) => m.id === pair.id)));
        }
      }
      return {
        kind: "feedback",
        nodeID,
        isWithheld: false,
        isCorrect,
        isDecision: KursEngine.isDecision(question),
        points,
        maximum: question.points,
        choiceFeedback,
        generalFeedback: this.text(question.feedback),
        correctAnswer,
        position,
        verdicts,
        expectedNumbers,
        expectedLetters,
        pointsLost: [],
        questionKind: question.kind,
      };
    }
  }

  KursEngine.SplitMix64 = SplitMix64;
  KursEngine.SeededShuffle = SeededShuffle;
  KursEngine.plain = plain;
  KursEngine.response = response;
  KursEngine.caseOf = caseOf;
  return KursEngine;
})();
