#!/usr/bin/env python3
"""tests/e2e/fix-proof.py — proof that edgelint's fixes work (issue 17 §2).

    python3 tests/e2e/fix-proof.py BINARY [--today D] [--policy P] FILE...

For every file: the findings (JSON, English), the fix script (--format fix)
and the config with the fixes merged (--apply-fix). A finding is fixable
when its block has commands, or says that an earlier block's commands fix
it. The merged config is run again, and the proof holds for the file when

  - every fixable finding is gone (by rule and message, line numbers taken
    out of the message: a merge moves lines);
  - no finding appears that was not there before (a new exposure, a VPN
    line or filter now judged shadowed or redundant, a new unknown);
  - nothing else disappears: the findings of the re-run are those of the
    first run minus the fixed ones, so a partner's restricted flow (EL106)
    or a service allowed by the policy is still accepted.

Prints one line per file with a fixable finding, the failures, and
"fixes proven: N of M fixable findings"; exits 1 when a proof fails.
The VPN flows are kept by construction (the filters ahead of a new reject
stay ahead; a new list passes the VPN the router terminates); once
`edgelint query` exists, this script should ask it about each VPN flow.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HEAD = re.compile(r'^[#!] (EL\d+) \S+ \(line (\d+)\): (.*)$')
LINE_REF = re.compile(r'\s*\(?\bline \d+\)?|\blines? \d+(, \d+)*')


def run(binary, args):
    p = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')


def key(f):
    """A finding without its place: rule, status and message, line numbers out."""
    return (f['rule'], f['status'], LINE_REF.sub('', f['message']))


def findings(binary, common, path):
    rc, out, err = run(binary, common + ['--format', 'json', path])
    if rc == 2 or not out:
        return None, err
    d = json.loads(out)
    return d['inputs'][0]['findings'], err


def fixable(script):
    """(rule, line, message) of each block with commands or fixed by another."""
    blocks, cur = [], None
    for ln in script.splitlines():
        m = HEAD.match(ln)
        if m:
            cur = {'rule': m.group(1), 'line': int(m.group(2)), 'msg': m.group(3), 'cmds': 0,
                   'by': False, 'none': False}
            blocks.append(cur)
        elif cur is None or not ln.strip():
            continue
        elif ln[2:].startswith('-> fixed by'):
            cur['by'] = True
        elif ln[2:].startswith('no fix command'):
            cur['none'] = True
        elif ln[0] not in '#!':
            cur['cmds'] += 1
    return [b for b in blocks if (b['cmds'] or b['by']) and not b['none']]


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args.pop(0))
    common = ['--lang', 'en']
    while args and args[0].startswith('--'):
        common += [args[0], args[1]]
        args = args[2:]
    proven = total = 0
    failures = []
    tmp = tempfile.mkdtemp(prefix='fixproof.')
    for path in args:
        before, err = findings(binary, common, path)
        if before is None:
            continue
        rc, script, err = run(binary, common + ['--format', 'fix', path])
        blocks = fixable(script)
        if not blocks:
            continue
        out = os.path.join(tmp, os.path.basename(path))
        rc, _, err = run(binary, common + ['--apply-fix', out, path])
        if rc == 2 or not os.path.exists(out):
            failures.append('%s: --apply-fix failed: %s' % (path, err.strip()))
            total += len(blocks)
            continue
        after, err = findings(binary, common, out)
        if after is None:
            failures.append('%s: the merged config cannot be read: %s' % (path, err.strip()))
            total += len(blocks)
            continue
        b_count = collections.Counter(key(f) for f in before)
        a_count = collections.Counter(key(f) for f in after)
        # The findings the blocks fix, by key.
        by_line = {}
        for f in before:
            by_line.setdefault((f['rule'], f['line']), []).append(f)
        fixed = collections.Counter()
        for b in blocks:
            for f in by_line.get((b['rule'], b['line']), []):
                if f['message'] == b['msg']:
                    fixed[key(f)] += 1
                    break
        ok_file = True
        n_ok = 0
        for k, n in fixed.items():
            still = a_count.get(k, 0) - (b_count[k] - n)
            if still > 0:
                failures.append('%s: not fixed: %s %s' % (path, k[0], k[2]))
                ok_file = False
            else:
                n_ok += n
        new = a_count - b_count
        for k in new:
            failures.append('%s: new finding after the fix: %s %s' % (path, k[0], k[2]))
            ok_file = False
        lost = (b_count - a_count) - fixed
        for k in lost:
            failures.append('%s: finding gone that no fix was for (a flow cut?): %s %s'
                            % (path, k[0], k[2]))
            ok_file = False
        nfix = sum(fixed.values())
        total += nfix
        if ok_file:
            proven += n_ok
        print('%s: %d fixable, %s' % (path, nfix, 'proven' if ok_file else 'NOT proven'))
    for f in failures:
        print('FAIL: ' + f)
    print('fixes proven: %d of %d fixable findings' % (proven, total))
    return 0 if not failures and proven == total else 1


if __name__ == '__main__':
    sys.exit(main())
