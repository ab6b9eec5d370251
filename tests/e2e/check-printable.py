#!/usr/bin/env python3
"""check-printable.py FILE... — exits 1 (naming the file, the offset and the
character) unless every file is valid UTF-8 holding nothing a terminal acts
on: no C0 control but newline and tab, no DEL, no C1 control (U+0080-U+009F,
e.g. U+009B, a one-character CSI), no bidi embedding, override or isolate
(U+202A-U+202E, U+2066-U+2069). A file that parses as JSON is also checked
string by string after decoding, since a consumer (jq -r) prints the
decoded text: "\\u001b" in JSON is an ESC on the reader's terminal.
Written for issue 12 §4/§5, independently of edgelint's own sanitiser.
"""
import json
import sys

BAD = set(range(0x00, 0x20)) - {0x0A, 0x09}
BAD |= {0x7F} | set(range(0x80, 0xA0))
BAD |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def bad_char(text):
    for i, ch in enumerate(text):
        if ord(ch) in BAD:
            return i, ch
    return None


def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from strings(x)


def main():
    failed = False
    for path in sys.argv[1:]:
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8", errors="strict")
        except UnicodeDecodeError as e:
            print(f"{path}: not valid UTF-8 at byte {e.start}: {raw[max(0, e.start - 40):e.start + 10]!r}")
            failed = True
            continue
        hit = bad_char(text)
        if hit:
            print(f"{path}: U+{ord(hit[1]):04X} at character {hit[0]}: {text[max(0, hit[0] - 40):hit[0] + 10]!r}")
            failed = True
            continue
        try:
            doc = json.loads(text)
        except ValueError:
            continue
        for s in strings(doc):
            hit = bad_char(s)
            if hit:
                print(f"{path}: JSON string holds U+{ord(hit[1]):04X}: {s[max(0, hit[0] - 40):hit[0] + 10]!r}")
                failed = True
                break
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
