#!/usr/bin/env python3
"""The reference for `kurs cohort import`: reads the same export files with Python's json module
and computes the same per-learner summary Kurs keeps (module status, attempts and best score,
first-try result and wrong answers per question, last activity and place), then the cohort
totals. Prints one line so the work cannot be skipped."""
import json
import os
import sys

EVENT = "urn:kurs:xapi:event"


def summarise(statements):
    modules, first, wrong = {}, {}, {}
    completed, last_node, last = False, None, ""
    for statement in statements:
        last = max(last, statement["timestamp"])
        event = statement["context"]["extensions"].get(EVENT)
        if not event:
            continue
        kind, body = next(iter(event.items()))
        if kind == "moduleStarted":
            m = modules.setdefault(body["module"], {"attempts": 0, "best": None, "open": False, "ended": None, "passed": False})
            m["attempts"] += 1
            m["open"] = True
        elif kind == "nodeEntered":
            last_node = body["module"] + "/" + body["node"]
        elif kind == "answered":
            key = body["module"] + "/" + body["question"]
            if key not in first:
                first[key] = body["isCorrect"] and body["attempt"] == 1
            if not body["isCorrect"]:
                w = wrong.setdefault(key, {})
                w[body["response"]] = w.get(body["response"], 0) + 1
        elif kind == "moduleEnded":
            m = modules.setdefault(body["module"], {"attempts": 0, "best": None, "open": False, "ended": None, "passed": False})
            m["open"] = False
            m["ended"] = body["status"]
            m["passed"] = m["passed"] or body["status"] == "passed"
            m["best"] = max(m["best"] or 0, body["score"])
        elif kind == "courseCompleted":
            completed = True
    for m in modules.values():
        m["status"] = "passed" if m["passed"] else "in-progress" if m["open"] else (m["ended"] or "not-started")
    return {"modules": modules, "first": first, "wrong": wrong, "completed": completed,
            "lastNode": None if completed else last_node, "lastActivity": last}


def main(folder):
    learners = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            export = json.load(handle)
        if export.get("format") != "kurs-export":
            continue
        learner = export["learner"]
        statements = export["courses"][0]["statements"] if export["courses"] else []
        learners[learner["id"]] = (learner["pseudonym"], summarise(statements))
    passed, answered, correct = {}, {}, {}
    for _, summary in learners.values():
        for module, m in summary["modules"].items():
            if m["status"] == "passed":
                passed[module] = passed.get(module, 0) + 1
        for key, ok in summary["first"].items():
            answered[key] = answered.get(key, 0) + 1
            correct[key] = correct.get(key, 0) + (1 if ok else 0)
    completed = sum(1 for _, s in learners.values() if s["completed"])
    print(f"{len(learners)} learners, {completed} completed, {len(answered)} questions answered")


if __name__ == "__main__":
    main(sys.argv[1])
