#!/usr/bin/env python3
"""Turns question banks into Kurs courses to try the thresholds of `kurs validate --review` on.

How the thresholds in docs/authoring.md ("Writing fair questions") were measured. The banks
themselves are not in the repository (their licences do not allow it); write your own in this
plain format and run:

    scripts/review-corpus.py OUT BANK.txt... [--size 12] [--lang en]
    kurs validate --review OUT/*

A bank of single-choice questions has one question a line: the prompt, then the options,
separated by `|`, the correct option marked with a leading `*`:

    Which budgeting approach requests justification of all expenditures?|*zero-based budgeting|master budgeting|rolling budgets

A bank of true/false answers (a file ending in `-tf.txt`) is one line of T and F.

Each bank becomes courses of `--size` questions (7 for true/false), options in the order
written (no shuffle), plus one course of the whole bank; the script prints, per bank, how often
the correct option is the longest and where the correct options stand.
"""

import argparse
import html
import os
from collections import Counter

CORRECT = ' correct="true"'


def load(path):
    items = []
    with open(path, encoding="utf-8") as bank:
        for line in bank:
            parts = line.rstrip("\n").split("|")
            if len(parts) < 3:
                continue
            options = [option[1:] if option.startswith("*") else option for option in parts[1:]]
            correct = [option.startswith("*") for option in parts[1:]]
            if correct.count(True) == 1:
                items.append((parts[0], options, correct))
    return items


def course(course_id, language, questions=None, answers=None):
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<course xmlns="urn:kurs:course:1" id="{course_id}" version="1.0" '
        f'languages="{language}" default-language="{language}">',
        f"<title>{course_id}</title>",
        '<module id="m" start="q0" pass-mark="1">',
        "<title>m</title>",
    ]
    count = len(questions) if questions is not None else len(answers)
    for index in range(count):
        after = f"q{index + 1}" if index + 1 < count else "done"
        if questions is not None:
            prompt, options, correct = questions[index]
            lines.append(f'<question id="q{index}" kind="single" next="{after}">')
            lines.append(f"<prompt>{html.escape(prompt)}</prompt>")
            for number, (option, right) in enumerate(zip(options, correct)):
                mark = CORRECT if right else ""
                lines.append(f'<choice id="c{number}"{mark}><text>{html.escape(option)}</text></choice>')
            lines.append("</question>")
        else:
            is_true = answers[index] == "T"
            lines.append(f'<question id="q{index}" kind="true-false" next="{after}">')
            lines.append(f"<prompt>Statement {index + 1}.</prompt>")
            lines.append(f'<choice id="true"{CORRECT if is_true else ""}/>')
            lines.append(f'<choice id="false"{"" if is_true else CORRECT}/>')
            lines.append("</question>")
    lines += ['<end id="done" outcome="pass"/>', "</module>", "</course>", ""]
    return "\n".join(lines)


def write(out, course_id, text):
    folder = os.path.join(out, course_id)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "course.xml"), "w", encoding="utf-8") as file:
        file.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("banks", nargs="+")
    parser.add_argument("--size", type=int, default=12)
    parser.add_argument("--lang", default="en")
    arguments = parser.parse_args()
    for path in arguments.banks:
        name = os.path.basename(path).rsplit(".", 1)[0]
        if name.endswith("-tf"):
            with open(path, encoding="utf-8") as bank:
                answers = "".join(character for character in bank.read() if character in "TF")
            for start in range(0, len(answers) - 6, 7):
                write(arguments.out, f"{name}-{start // 7 + 1}", course(name, "en", answers=answers[start:start + 7]))
            print(f"{name}: {len(answers)} answers, {answers.count('T')} true, {answers.count('F')} false")
            continue
        items = load(path)
        size = arguments.size
        for start in range(0, len(items) - size + 1, size):
            write(arguments.out, f"{name}-{start // size + 1}", course(name, arguments.lang, items[start:start + size]))
        write(arguments.out, f"{name}-all", course(name, arguments.lang, items))
        longest = 0
        places = Counter()
        for _, options, correct in items:
            index = correct.index(True)
            lengths = [len(option) for option in options]
            if lengths[index] > max(lengths[:index] + lengths[index + 1:]):
                longest += 1
            places[index + 1] += 1
        print(
            f"{name}: {len(items)} questions; the correct option is the longest in {longest}; "
            f"places {dict(sorted(places.items()))}")


if __name__ == "__main__":
    main()
