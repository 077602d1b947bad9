#!/usr/bin/env python3
"""Writes the hostile input corpus under Tests/KursEndToEndTests/Hostile/.

Each file is something a user or a file could hand Kurs: broken or hostile course XML, wrong
encodings, absurd sizes, damaged journals and exports. The test suite runs the real binary on
every one and expects a clear message with the file's location, a non-zero exit, no crash and
no hang. Run this script again after changing it; the files are committed.
"""
import json, os, shutil, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "KursEndToEndTests", "Hostile")
courses = os.path.join(root, "courses")
journals = os.path.join(root, "journals")
exports = os.path.join(root, "exports")
for d in (courses, journals, exports):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
OPEN = '<course xmlns="urn:kurs:course:1" id="h" version="1.0" languages="en" default-language="en">\n'
TITLE = "<title>H</title>\n"
MODULE = ('<module id="m" start="a" pass-mark="1">\n  <title>M</title>\n'
          '  <page id="a" next="q"><body><p>Text.</p></body></page>\n'
          '  <question id="q" kind="single" next="done">\n    <prompt>Which?</prompt>\n'
          '    <choice id="x" correct="true"><text>X</text></choice>\n'
          '    <choice id="y"><text>Y</text></choice>\n  </question>\n'
          '  <end id="done" outcome="pass"/>\n</module>\n')
VALID = HEAD + OPEN + TITLE + MODULE + "</course>\n"

def course(name, content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(courses, name + ".xml"), "wb") as f:
        f.write(data)

# --- malformed XML ---------------------------------------------------------------------------
for i, cut in enumerate([10, 40, 60, 120, 200, 300, 420, len(VALID) - 12, len(VALID) - 3]):
    course(f"malformed-truncated-{i}", VALID[:cut])
course("malformed-mismatched-tag", VALID.replace("</title>", "</titel>", 1))
course("malformed-unclosed-attribute", VALID.replace('id="h"', 'id="h', 1))
course("malformed-duplicate-attribute", VALID.replace('id="h"', 'id="h" id="i"', 1))
course("malformed-two-roots", VALID + OPEN + TITLE + "</course>\n")
course("malformed-text-after-root", VALID + "trailing text\n")
course("malformed-lone-ampersand", VALID.replace("Text.", "Salt & pepper", 1))
course("malformed-lt-in-attribute", VALID.replace('pass-mark="1"', 'pass-mark="<1"', 1))
course("malformed-nul-byte", VALID.replace("Text.", "Te\x00xt.", 1))
course("malformed-control-char", VALID.replace("Text.", "Te\x01xt.", 1))
course("malformed-unterminated-comment", VALID.replace("<title>H", "<!-- never closed <title>H", 1))
course("malformed-unterminated-cdata", VALID.replace("Text.", "<![CDATA[never closed", 1))
course("malformed-bad-name", VALID.replace("<title>H</title>", "<1title>H</1title>", 1))
course("malformed-bad-pi", VALID.replace(HEAD, HEAD + "<?xml version='1.0'?>\n", 1))
course("malformed-xml-decl-not-first", "\n\n" + VALID)
course("malformed-empty", "")
course("malformed-whitespace-only", "   \n\t\n")
course("malformed-not-xml", "This is a text file, not a course.\n")
course("malformed-json", json.dumps({"course": "h"}))
course("malformed-binary", bytes(range(256)) * 4)
course("malformed-unknown-entity", VALID.replace("Text.", "&nbsp;Text.", 1))
course("malformed-bad-char-ref", VALID.replace("Text.", "&#0;Text.", 1))
course("malformed-huge-char-ref", VALID.replace("Text.", "&#x110000;Text.", 1))
course("malformed-unquoted-attribute", VALID.replace('version="1.0" languages', 'version=1.0 languages', 1))
course("malformed-missing-end-root", VALID.replace("</course>", "", 1))

# --- schema violations -----------------------------------------------------------------------
schema = {
    "schema-no-namespace": VALID.replace(' xmlns="urn:kurs:course:1"', "", 1),
    "schema-wrong-namespace": VALID.replace("urn:kurs:course:1", "urn:kurs:course:7", 1),
    "schema-wrong-root": VALID.replace("<course ", "<lesson ", 1).replace("</course>", "</lesson>"),
    "schema-missing-id": VALID.replace(' id="h"', "", 1),
    "schema-missing-version": VALID.replace(' version="1.0"', "", 1),
    "schema-missing-languages": VALID.replace(' languages="en"', "", 1),
    "schema-bad-version": VALID.replace('version="1.0"', 'version="one"', 1),
    "schema-bad-id-chars": VALID.replace('id="h"', 'id="h h"', 1),
    "schema-bad-pass-mark": VALID.replace('pass-mark="1"', 'pass-mark="lots"', 1),
    "schema-negative-pass-mark": VALID.replace('pass-mark="1"', 'pass-mark="-5"', 1),
    "schema-bad-kind": VALID.replace('kind="single"', 'kind="essay"', 1),
    "schema-bad-outcome": VALID.replace('outcome="pass"', 'outcome="maybe"', 1),
    "schema-unknown-element": VALID.replace("<title>H</title>", "<title>H</title><script>x</script>", 1),
    "schema-unknown-attribute": VALID.replace('<page id="a"', '<page onload="x" id="a"', 1),
    "schema-module-without-title": VALID.replace("  <title>M</title>\n", "", 1),
    "schema-question-without-choices": VALID.replace('    <choice id="x" correct="true"><text>X</text></choice>\n    <choice id="y"><text>Y</text></choice>\n', "", 1),
    "schema-text-in-course": VALID.replace(TITLE, TITLE + "loose text\n", 1),
    "schema-negative-points": VALID.replace('kind="single"', 'kind="single" points="-3"', 1),
    "schema-zero-attempts": VALID.replace('kind="single"', 'kind="single" attempts="0"', 1),
    "schema-huge-points": VALID.replace('kind="single"', 'kind="single" points="99999999999999999999"', 1),
    "schema-bad-boolean": VALID.replace('correct="true"', 'correct="yes please"', 1),
    "schema-empty-module": VALID.replace(MODULE, '<module id="m" start="a" pass-mark="1"><title>M</title></module>\n', 1),
    "schema-no-modules": VALID.replace(MODULE, "", 1),
    "schema-bad-xml-lang": VALID.replace("<title>H</title>", '<title xml:lang="">H</title>', 1),
    "schema-format-version-9": VALID.replace('<course ', '<course format="9" ', 1),
}
for name, text in schema.items():
    course(name, text)

# --- semantic errors (valid against the schema, wrong for Kurs) ------------------------------------
course("semantic-unknown-start", VALID.replace('start="a"', 'start="zzz"', 1))
course("semantic-unknown-next", VALID.replace('next="q"', 'next="nowhere"', 1))
course("semantic-duplicate-node", VALID.replace('<end id="done"', '<end id="a"', 1).replace('next="done"', 'next="a"', 1))
course("semantic-requires-itself", VALID.replace('<module id="m"', '<module id="m" requires="m"', 1))
course("semantic-no-correct-answer", VALID.replace(' correct="true"', "", 1))

# --- hostile entities and includes ------------------------------------------------------------
ent = {
    "entity-xxe-file": '<!DOCTYPE course [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
    "entity-xxe-http": '<!DOCTYPE course [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>\n',
    "entity-parameter": '<!DOCTYPE course [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n',
    "entity-external-dtd": '<!DOCTYPE course SYSTEM "http://127.0.0.1:9/course.dtd">\n',
    "entity-external-dtd-file": '<!DOCTYPE course SYSTEM "/etc/passwd">\n',
    "entity-billion-laughs": "<!DOCTYPE course [" + "".join(
        f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10 if i else "lol"}">' for i in range(10)) + "]>\n",
    "entity-quadratic": '<!DOCTYPE course [<!ENTITY a "' + "x" * 50000 + '">]>\n',
    "entity-recursive": '<!DOCTYPE course [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n',
}
for name, doctype in ent.items():
    use = {"entity-xxe-file": "&x;", "entity-xxe-http": "&x;", "entity-billion-laughs": "&l9;",
           "entity-quadratic": "&a;" * 2000, "entity-recursive": "&a;"}.get(name, "")
    course(name, HEAD + doctype + (OPEN + TITLE + MODULE).replace("Text.", "Text." + use, 1) + "</course>\n")
course("include-passwd", VALID.replace("<p>Text.</p>", '<include href="../../../../../../etc/passwd"/>', 1))
course("include-url", VALID.replace("<p>Text.</p>", '<include href="http://127.0.0.1:9/x.xml"/>', 1))
course("include-absolute", VALID.replace("<p>Text.</p>", '<include href="/etc/hostname"/>', 1))
course("xinclude-passwd", VALID.replace("<p>Text.</p>",
       '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>', 1))
course("module-ref-escape", VALID.replace(MODULE, '<module-ref href="../../../../etc/passwd"/>\n', 1))

# --- wrong encodings -----------------------------------------------------------------------
course("encoding-utf16le-bom", b"\xff\xfe" + VALID.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
course("encoding-utf16be-nobom", VALID.encode("utf-16-be"))
course("encoding-utf32", VALID.encode("utf-32"))
course("encoding-latin1-declared-utf8", VALID.replace("Text.", "Texte très étrange.", 1).encode("latin-1"))
course("encoding-invalid-utf8", VALID.encode("utf-8").replace(b"Text.", b"Te\xc3\x28xt.", 1))
course("encoding-overlong-utf8", VALID.encode("utf-8").replace(b"Text.", b"Te\xc0\xafxt.", 1))
course("encoding-surrogate-utf8", VALID.encode("utf-8").replace(b"Text.", b"Te\xed\xa0\x80xt.", 1))
course("encoding-bogus-name", VALID.replace('encoding="UTF-8"', 'encoding="KLINGON-8"', 1))
course("encoding-ebcdic-declared", VALID.replace('encoding="UTF-8"', 'encoding="EBCDIC-US"', 1))
course("encoding-truncated-multibyte", (VALID.replace("Text.", "Текст", 1)).encode("utf-8")[:VALID.index("Text.") + 3])

# --- absurd sizes --------------------------------------------------------------------------
course("size-huge-attribute", VALID.replace('version="1.0"', 'version="1.0" data-x="' + "A" * 200_000 + '"', 1))
course("size-huge-id", VALID.replace('id="h"', 'id="' + "h" * 100_000 + '"', 1))
course("size-many-attributes", VALID.replace("<page id=\"a\"", "<page " + " ".join(f'a{i}="1"' for i in range(5000)) + ' id="a"', 1))
course("size-deep-emphasis", VALID.replace("Text.", "<em>" * 10000 + "deep" + "</em>" * 10000, 1))
course("size-deep-unknown", VALID.replace("<p>Text.</p>", "<div>" * 10000 + "</div>" * 10000, 1))
course("size-deep-lists", VALID.replace("<p>Text.</p>", "<list><item>" * 5000 + "x" + "</item></list>" * 5000, 1))

# --- damaged journals ----------------------------------------------------------------------
def journal(name, content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(journals, name + ".journal"), "wb") as f:
        f.write(data)

line = ('{"actor":{"account":{"homePage":"urn:kurs:learner","name":"L"},"objectType":"Agent"},'
        '"context":{"extensions":{"urn:kurs:xapi:course-digest":"d","urn:kurs:xapi:course-version":"1.0.0",'
        '"urn:kurs:xapi:input":{"startModule":{"_0":"basics"}},"urn:kurs:xapi:journal-version":2,'
        '"urn:kurs:xapi:step":"s1"}},"id":"00000000-0000-4000-8000-000000000001",'
        '"object":{"id":"urn:kurs:course:example:module:basics","objectType":"Activity"},'
        '"timestamp":"2026-11-22T10:00:00.000000Z","verb":{"display":{"en-US":"initialized"},'
        '"id":"http://adlnet.gov/expapi/verbs/initialized"}}')
journal("damaged-garbage-line", line + "\nnot json at all\n" + line.replace("s1", "s2") + "\n")
journal("damaged-binary", bytes(range(256)) * 8)
journal("damaged-middle-cut", line[:80] + "\n" + line.replace("s1", "s2") + "\n" + line.replace("s1", "s3") + "x\n")
journal("damaged-not-object", '["an", "array"]\n')
journal("damaged-number", "42\n")
journal("damaged-missing-fields", '{"id":"x"}\n')
journal("damaged-wrong-types", line.replace('"urn:kurs:xapi:journal-version":2', '"urn:kurs:xapi:journal-version":"two"') + "\n")
journal("damaged-newer-version", line.replace('"urn:kurs:xapi:journal-version":2', '"urn:kurs:xapi:journal-version":99') + "\n")
journal("damaged-invalid-utf8", line.encode() + b"\n\xff\xfe\xfd{\"a\":1}\n")
journal("damaged-nul-bytes", b"\x00" * 4096)
journal("damaged-old-format", '{"v":1,"id":"x","time":"2026-01-01T00:00:00Z","course":"example"}\n')
journal("damaged-unknown-input", line.replace('{"startModule":{"_0":"basics"}}', '{"teleport":{}}') + "\n")
journal("damaged-deep-json", "[" * 20000 + "]" * 20000 + "\n")
# A real line with 20,000 levels inside a field the fast reader skips.
journal("damaged-deep-field", line.replace('{"id":', '{"deep":' + "[" * 20000 + "]" * 20000 + ',"id":', 1) + "\n")
journal("damaged-huge-line", '{"x":"' + "A" * 300_000 + '"}\n')
journal("damaged-closing-brace-only", "}\n" + line + "\n")

# --- damaged or hostile exports --------------------------------------------------------------
def export(name, content):
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    with open(os.path.join(exports, name + ".json"), "wb") as f:
        f.write(data)

base = {"format": "kurs-export", "version": 1, "exported": "2026-11-22T10:00:00Z",
        "learner": {"id": "11111111-2222-4333-8444-555555555555", "pseudonym": "Ana"},
        "courses": [{"id": "example", "version": "1.0.0", "digest": "d", "statements": []}],
        "seal": "0" * 64}
export("export-empty", "")
export("export-garbage", "not json")
export("export-binary", bytes(range(256)) * 4)
export("export-array", "[]")
export("export-other-format", json.dumps({**base, "format": "scorm"}))
export("export-newer-version", json.dumps({**base, "version": 7}))
export("export-broken-seal", json.dumps(base))
export("export-no-seal", json.dumps({k: v for k, v in base.items() if k != "seal"}))
export("export-truncated", json.dumps(base)[:90])
export("export-wrong-types", json.dumps({**base, "courses": "example"}))
export("export-path-in-id", json.dumps({**base, "learner": {"id": "../../../etc", "pseudonym": "x"}}))
export("export-deep", "{\"format\":\"kurs-export\",\"x\":" + "[" * 20000 + "]" * 20000 + "}")
export("export-invalid-utf8", b'{"format":"kurs-export","learner":"\xff\xfe"}')
export("export-other-course", json.dumps({**base, "courses": [{**base["courses"][0], "id": "marina"}]}))
export("export-huge-string", json.dumps({**base, "learner": {"id": "x", "pseudonym": "A" * 300_000}}))

count = sum(len(os.listdir(d)) for d in (courses, journals, exports))
print(f"wrote {count} files under {os.path.relpath(root)}")
