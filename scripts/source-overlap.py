#!/usr/bin/env python3
"""Finds course sentences that repeat a source document word for word.

A course takes its facts from its source documents but says everything in its own words. When you
adapt a course, or write one from your own sources, run:

    scripts/source-overlap.py SOURCES_DIR COURSE_FILE.xml... [--limit 8]

SOURCES_DIR holds the documents as plain text (*.txt). For every sentence of the course files that
shares a run of LIMIT words or more with a document, it prints `file:line: N words as in DOCUMENT:
sentence`, and it exits with 1 if it printed any. The rules are those of the test that guards the
Marina course (Tests/KursEndToEndTests/MarinaSourceOverlapTests.swift): words are compared in lower
case; "women who use drugs" and "people who use drugs" count as one word each (the documents
write WUD and PUD); comments, cited titles (<em>) and names of organisations (<name>) are skipped.

For the Marina course, with the campaign documents next to the checkout:

    scripts/source-overlap.py ../shared/seeds Courses/marina/course.xml Courses/marina/modules/*.xml \
        Content/glossary.xml Content/checklists.xml Content/help-resources.xml
"""
import argparse
import html
import pathlib
import re
import sys

GROUPS = {("women", "who", "use", "drugs"): "wud", ("woman", "who", "uses", "drugs"): "wud",
          ("people", "who", "use", "drugs"): "pud"}


def words(text):
    found = re.findall(r"[\w']+", text.lower().replace("\u2019", "'"))
    result, index = [], 0
    while index < len(found):
        group = GROUPS.get(tuple(found[index:index + 4]))
        if group:
            result.append(group)
            index += 4
        else:
            result.append(found[index])
            index += 1
    return result


def sentences(xml):
    keep_lines = lambda match: "\n" * match.group(0).count("\n")
    xml = re.sub(r"<!--.*?-->", keep_lines, xml, flags=re.S)
    xml = re.sub(r"<(em|name)\b[^>]*>.*?</\1>", keep_lines, xml, flags=re.S)
    xml = re.sub(r"</?strong>", "", xml)
    for match in re.finditer(r"(?<=>)[^<]+", xml):
        line = xml.count("\n", 0, match.start()) + 1
        for sentence in re.split(r"(?<=[.!?;])\s+", html.unescape(match.group(0))):
            sentence = " ".join(sentence.split())
            if sentence:
                yield line, sentence


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--limit", type=int, default=8, help="words in a row that count as copied (8)")
    options = parser.parse_args()
    limit = options.limit
    runs = {}
    documents = sorted(pathlib.Path(options.sources).glob("*.txt"))
    if not documents:
        sys.exit(f"{options.sources}: no source documents (*.txt) here; give the folder that holds them")
    for document in documents:
        found = words(document.read_text(encoding="utf-8"))
        for start in range(len(found) - limit + 1):
            runs.setdefault(tuple(found[start:start + limit]), document.name)
    copied = 0
    for name in options.files:
        for line, sentence in sentences(pathlib.Path(name).read_text(encoding="utf-8")):
            found = words(sentence)
            best, length, source = 0, 0, None
            for start in range(len(found) - limit + 1):
                document = runs.get(tuple(found[start:start + limit]))
                if document:
                    length += 1
                    if length + limit - 1 > best:
                        best, source = length + limit - 1, document
                else:
                    length = 0
            if best:
                copied += 1
                print(f"{name}:{line}: {best} words as in {source}: {sentence}")
    sys.exit(1 if copied else 0)


main()
