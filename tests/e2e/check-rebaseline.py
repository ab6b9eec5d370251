#!/usr/bin/env python3
"""check-rebaseline.py — proves that a re-baseline of tests/e2e/expected/
after the projection of tests/e2e/run.sh gained `severity` and `line //
packet` (issue 13 §6) changed nothing else.

    python3 tests/e2e/check-rebaseline.py [REV]     (REV defaults to main)

For every file under tests/e2e/expected/ that differs between REV and the
work tree, the old and the new projection must be equal except that
  - every finding gained `severity`, which is the rule's default severity
    in rules/rules.yaml, unless the code decides it (OVERRIDES below, with
    the place in the code; each such finding is listed);
  - a finding whose `line` was null may now hold a packet number, and only
    in a capture (kind pcap): a finding has `line` or `packet`, never both
    (docs/json.md); a `line` that was a number must not change.
Rule, item and status of each finding (in order), the groups, the items,
the verdict, the exit code and the summary must be identical. A file added
or removed is a failure. Prints one line per file and per override, then
the totals; exits 1 on any difference these rules do not explain.
Needs git and PyYAML (Debian python3-yaml).
"""
import json
import os
import subprocess
import sys

import yaml

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
EXP = "tests/e2e/expected"

# Findings whose severity is not the rule's default: rule -> (severities
# the code may choose, where the code decides it).
OVERRIDES = {
    "EL105": ({"critical", "high"},
              "src/checks/exposure.c:497 (critical when a reached port's class in "
              "rules/ports.yaml is a critical one, the class table of src/registry.c l.947, or "
              "the reach spans more than 1024 ports: reach_class() l.356-390; else high)"),
    "EL302": ({"critical", "high"},
              "src/checks/firmware_support.c:196 and :211 (critical when the advisory is "
              "known exploited, else the advisory's severity in rules/firmware/, at least high)"),
}


def git(*args):
    return subprocess.run(["git", "-C", ROOT, *args], check=True, capture_output=True,
                          text=True).stdout


def main():
    rev = sys.argv[1] if len(sys.argv) > 1 else "main"
    with open(os.path.join(ROOT, "rules", "rules.yaml"), encoding="utf-8") as f:
        default = {r["id"]: r["severity"] for r in yaml.safe_load(f)["rules"]}
    changed = [l for l in git("diff", "--name-status", rev, "--", EXP).splitlines() if l]
    problems, nfiles, nsev, nover, npkt = [], 0, 0, 0, 0
    for entry in changed:
        status, path = entry.split("\t", 1)
        if status != "M":
            problems.append(f"{path}: {status} (added or removed, not a re-baseline)")
            continue
        nfiles += 1
        old = json.loads(git("show", f"{rev}:{path}"))
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            new = json.load(f)
        name = path[len(EXP) + 1:]

        def bad(msg):
            problems.append(f"{name}: {msg}")

        if {k: v for k, v in old.items() if k != "inputs"} != \
                {k: v for k, v in new.items() if k != "inputs"}:
            bad("exit code or summary changed")
        if len(old["inputs"]) != len(new["inputs"]):
            bad("number of inputs changed")
            continue
        fsev = fpkt = 0
        for i, (oi, ni) in enumerate(zip(old["inputs"], new["inputs"])):
            if {k: v for k, v in oi.items() if k != "findings"} != \
                    {k: v for k, v in ni.items() if k != "findings"}:
                bad(f"input {i}: items, groups, verdict or kind changed")
            of, nf = oi["findings"], ni["findings"]
            if len(of) != len(nf):
                bad(f"input {i}: {len(of)} findings before, {len(nf)} now")
                continue
            for j, (o, n) in enumerate(zip(of, nf)):
                where = f"input {i} finding {j} ({n.get('rule')})"
                if set(n) != set(o) | {"severity"} or "severity" in o:
                    bad(f"{where}: keys {sorted(o)} -> {sorted(n)}")
                    continue
                for k in ("rule", "item", "status"):
                    if o[k] != n[k]:
                        bad(f"{where}: {k} {o[k]} -> {n[k]}")
                if o["line"] != n["line"]:
                    if o["line"] is None and isinstance(n["line"], int) and n["line"] >= 1 \
                            and ni["kind"] == "pcap":
                        fpkt += 1
                    else:
                        bad(f"{where}: line {o['line']} -> {n['line']}")
                sev, rule = n["severity"], n["rule"]
                if rule not in default:
                    bad(f"{where}: rule not in rules/rules.yaml")
                elif sev == default[rule]:
                    fsev += 1
                elif rule in OVERRIDES and sev in OVERRIDES[rule][0]:
                    fsev += 1
                    nover += 1
                    print(f"override {name}: {rule} line {n['line']} {sev} "
                          f"(default {default[rule]}), decided by {OVERRIDES[rule][1]}")
                else:
                    bad(f"{where}: severity {sev}, rule default {default[rule]}, "
                        f"and the code does not override it")
        nsev += fsev
        npkt += fpkt
        print(f"ok {name}: {fsev} severities added, {fpkt} packet numbers where line was null")
    print(f"{nfiles} files changed, {nsev} severities added ({nsev - nover} the rule's default, "
          f"{nover} decided by the code), {npkt} packet numbers filled; "
          f"{len(problems)} unexplained differences")
    for p in problems:
        print("UNEXPLAINED " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
