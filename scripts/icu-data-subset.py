#!/usr/bin/env python3
"""Copies an ICU common data package (.dat) without the items Kurs never uses (scripts/package).

    scripts/icu-data-subset.py SOURCE.dat TARGET.dat

Foundation's internationalisation links all of ICU's data (34 MB in ICU 76) into a static
binary. Kurs formats dates in a course's language (certificates) and compares nothing by
locale, so this keeps: every locale of the main tree (dates and numbers in any language a
course is written in), the converters, normalisation, time zones, break rules, and in the
trees of collation, time-zone names, units, currencies, language and region names and spelled-out
numbers only root, en, ru and uk. It drops the transliterators and the word-break
dictionaries for Chinese, Japanese, Thai, Khmer, Lao and Burmese. A name it does not recognise
is kept. The package keeps ICU's layout: a header, a table of contents sorted by name
(offsets from its start), the names, then each item aligned to 16 bytes.
"""
import re
import struct
import sys

LOCALE_TREES = ("coll", "zone", "unit", "curr", "lang", "region", "rbnf")
KEPT_LOCALE = re.compile(r"^(root|pool|res_index|en|ru|uk)(_.*)?\.res$")
LOCALE_ITEM = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")


def wanted(name):
    parts = name.split("/")[1:]  # the first part is the package name, icudt76l
    if len(parts) == 1:
        return True
    tree, item = parts[0], parts[-1]
    if tree == "translit":
        return False
    if tree == "brkitr" and item.endswith(".dict"):
        return False
    if tree in LOCALE_TREES:
        return not LOCALE_ITEM.match(item) or bool(KEPT_LOCALE.match(item))
    return True


def main(source, target):
    data = open(source, "rb").read()
    header = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD":
        sys.exit(f"{source}: not an ICU common data package")
    count = struct.unpack_from("<I", data, header)[0]
    entries = [struct.unpack_from("<II", data, header + 4 + 8 * i) for i in range(count)]
    names = [data[header + n : data.index(b"\0", header + n)].decode() for n, _ in entries]
    ends = sorted(offset for _, offset in entries) + [len(data) - header]
    size = {offset: ends[i + 1] - offset for i, offset in enumerate(ends[:-1])}
    kept = [(name, offset) for name, (_, offset) in zip(names, entries) if wanted(name)]

    table = 4 + 8 * len(kept)
    blob = b"".join(name.encode() + b"\0" for name, _ in kept)
    position = table + len(blob)
    out = bytearray(data[:header]) + struct.pack("<I", len(kept))
    name_at, items = table, []
    for name, offset in kept:
        position += -position % 16
        out += struct.pack("<II", name_at, position)
        name_at += len(name.encode()) + 1
        item = data[header + offset : header + offset + size[offset]]
        items.append(item)
        position += len(item)
    out += blob
    for item in items:
        out += b"\0" * (-(len(out) - header) % 16)
        out += item
    out += b"\0" * (-(len(out) - header) % 16)
    with open(target, "wb") as file:
        file.write(out)
    print(f"ICU data: {len(kept)} of {count} items, {len(out):,} of {len(data):,} bytes", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: scripts/icu-data-subset.py SOURCE.dat TARGET.dat")
    main(sys.argv[1], sys.argv[2])
