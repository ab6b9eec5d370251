#!/usr/bin/env python3
"""tests/e2e/check-ja-words.py — no English word of ours inside a Japanese report.

Issue 11 §1: a Japanese message must be Japanese; values from the input (names,
addresses, filter numbers, commands) stay as they are, words we write are
translated. This checks the class, not instances: every Japanese text edgelint
printed (JSON message, fix and input error, SARIF result, rule texts and
input-error notifications, the text report but its evidence, --explain,
--list-rules) is searched for words of a list of our English vocabulary. A word is allowed where the input itself holds it (a
config that says `filter` or `any`), and these spans are not searched because
they quote something that is not ours: `commands`, 'values', "values",
「values」, URLs, the input's path, what follows 出典： (the title of a
cited document), and in an input error the C library's own text of a system
error (strerror: "No such file or directory"), which is not ours either.

  check-ja-words.py [--json F]... [--sarif F]... [--text F]... [--plain F]...

--plain files are searched with no input (rule texts: --explain, --list-rules).
Prints one line per English word found and exits 1 when there is any.
"""
import errno
import json
import os
import re
import sys

# English words our code and rule texts use; none of them belongs in a
# Japanese sentence. Protocol and product names (HTTPS, VPN, Wi-Fi, OpenWrt)
# are not in it: Japanese writes them so; nor are Web and admin (user names
# such as admin arrive one character per packet in a Telnet capture, so the
# input's bytes cannot vouch for them).
VOCAB = set("""
a an the and or not no nor of on in at to from for with by as is are was be been has have
any all every each none only than this that these those it its which who whose what when where
filter filters line lines source sources access inbound outbound default route routes routed
service services remote client clients router routers firewall port ports protocol protocols
address addresses network networks interface interfaces side rule rules list lists
administration page answers accepts accepted drops dropped enabled disabled reachable allowed
denied matches match matching unnamed zone home tunnel prefix delegated towards closed private
reserved public internet settings setting unknown missing hidden characters character
packet packets bytes truncated error value key keys file files read understood delegated
before after behind releases release newer older latest support ended ends days older
passphrase password user users server servers host hosts inside outside forwarded forward
cannot could would should must may might can will
""".split())

# The C library's texts of the system errors (an input error quotes one as the
# reason a file could not be read), longest first.
STRERRORS = sorted({os.strerror(n) for n in errno.errorcode}, key=len, reverse=True)


def without_strerror(text):
    for e in STRERRORS:
        text = text.replace(e, " ")
    return text


# Spans that quote what is not ours.
# In --explain: {placeholders} and the [variant] names of messages.
QUOTED = re.compile(r"`[^`]*`|'[^'\n]*'|\"[^\"\n]*\"|「[^」\n]*」|https?://[^\s）)」、。]+|出典：[^）]*"
                    r"|\{[a-z_]+\}|^\s*\[[a-z0-9-]+\]")
# A word: letters only, not part of an identifier, a path, an option or a
# key=value (firmware_version, api-ssl, tcp/80, misc_http_x=1).
WORD = re.compile(r"(?<![\w./=:@#-])[A-Za-z]+(?![\w/=@#-]|\.\w)")


def input_words(paths):
    """Every letter run of the input files, lower case."""
    words = set()
    for p in paths:
        if not _exists(p):
            p = p.rsplit(":", 1)[0]   # a member of an archive: the archive
        try:
            with open(p, "rb") as f:
                data = f.read().decode("latin-1")
        except OSError:
            continue
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", data))
    return words


def _exists(p):
    try:
        open(p, "rb").close()
        return True
    except OSError:
        return False


def english(text, allowed, paths=()):
    for p in paths:
        text = text.replace(p, " ")
    text = QUOTED.sub(" ", text)
    return sorted({w for w in WORD.findall(text) if w.lower() in VOCAB and w.lower() not in allowed})


found = []


def check(where, text, allowed, paths=()):
    if not text:
        return
    for w in english(text, allowed, paths):
        i = text.find(w)
        found.append("%s: English word '%s' in: …%s…" % (where, w, text[max(0, i - 60):i + 60]))


def files_of(inp):
    return inp.get("files") or [inp.get("path", "")]


def main(argv):
    cache = {}

    def words(paths):
        k = tuple(paths)
        if k not in cache:
            cache[k] = input_words(paths)
        return cache[k]

    args = list(zip(argv[::2], argv[1::2]))
    for opt, fn in args:
        if opt == "--json":
            doc = json.load(open(fn, encoding="utf-8"))
            for inp in doc.get("inputs", []):
                paths = files_of(inp)
                allowed = words(paths)
                if inp.get("error"):
                    check("%s error (JSON)" % paths[0], without_strerror(inp["error"]), allowed, paths)
                for f in inp.get("findings", []):
                    where = "%s:%s %s (JSON)" % (f.get("file", paths[0]), f.get("line"), f["rule"])
                    check(where, f.get("message"), allowed, paths)
                    check(where + " fix", f.get("fix"), allowed, paths)
        elif opt == "--sarif":
            doc = json.load(open(fn, encoding="utf-8"))
            for run in doc.get("runs", []):
                for r in run["tool"]["driver"].get("rules", []):
                    for k in ("shortDescription", "fullDescription", "help"):
                        check("SARIF rule %s %s" % (r["id"], k), (r.get(k) or {}).get("text"), set())
                for inv in run.get("invocations", []):
                    for n in inv.get("toolExecutionNotifications", []):
                        text = n["message"]["text"]
                        path = text.split(": ", 1)[0]
                        check("%s error (SARIF)" % path, without_strerror(text), words([path]), [path])
                for res in run.get("results", []):
                    loc = res["locations"][0]["physicalLocation"]
                    uri = loc["artifactLocation"]["uri"]
                    path = re.sub(r"^file://", "", uri)
                    check("%s:%s %s (SARIF)" % (path, loc["region"]["startLine"], res["ruleId"]),
                          res["message"]["text"], words([path]), [path])
        elif opt == "--text":
            inputs = []
            header = []   # the path of the input's heading, existing or not
            for line in open(fn, encoding="utf-8"):
                m = re.match(r"(\S+) — ", line)
                if m:
                    header = [m.group(1)]
                if m and _exists(m.group(1)):
                    inputs = [m.group(1)]
                    continue
                if line.startswith("    根拠:"):
                    continue   # evidence: the input's own bytes
                if line.startswith("  エラー: "):
                    check("%s error (text)" % (header[0] if header else fn),
                          without_strerror(line.rstrip("\n")), words(header), header)
                    continue
                m = re.match(r"(\S+?):\d+: ", line)
                paths = inputs
                if m and _exists(m.group(1)):
                    paths = [m.group(1)]
                check("%s (text)" % (paths[0] if paths else fn), line.rstrip("\n"),
                      words(paths) if paths else set(), paths)
        elif opt == "--plain":
            for n, line in enumerate(open(fn, encoding="utf-8"), 1):
                check("%s:%d" % (fn, n), line.rstrip("\n"), set())
        else:
            sys.exit("usage: check-ja-words.py [--json F] [--sarif F] [--text F] [--plain F]")
    for f in found:
        print(f)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
