#!/usr/bin/env python3
"""tests/docs/examples.py — the example blocks of the documentation are edgelint's own output.

    python3 tests/docs/examples.py BINARY            check (make test): exit 1 and a diff on drift
    python3 tests/docs/examples.py --update BINARY   rewrite every block from BINARY's output
    make docs-examples                               the same as --update with ./edgelint

After a change of the report (wording, layout, a verdict), run `make docs-examples`,
read `git diff README.md README.ja.md docs/` as a review of what users will see, and
commit it with the change. Never edit a generated block by hand: the check fails.

A block is generated when an HTML comment naming the command comes right before it:

    <!-- example: edgelint --today 2026-11-21 samples/facts/nec-wpa2-weak-key.yaml -->
    ```console
    $ edgelint --today 2026-11-21 samples/facts/nec-wpa2-weak-key.yaml
    … what the command printed on standard output …
    ```

The command is run by bash in the top directory of the source tree with `edgelint`
meaning BINARY (pipes into jq, `2>&1` and `;` work), in the C.UTF-8 locale, with
NO_COLOR=1 and TERM=dumb and without EDGELINT_RULES (the rules beside the binary). The
block is the command after `$ `, then its standard output exactly (its exit code is
not shown). Output that would vary must be fixed with options in the command
(`--today`, relative paths), never by editing the output. A block whose first line is
`$ edgelint …` or that looks like a report (a finding line `… EL123 …: …`) without a
marker is an error, so every report shown is generated.

Files: README.md, README.ja.md and docs/*.md (those that exist).
"""
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARKER = re.compile(r'^<!-- example: (edgelint\b.*?) -->\s*$')
FENCE = re.compile(r'^(```+)([^`]*)$')
FINDING = re.compile(r'^\S.*: (critical|high|medium|low|info|重大|高|中|低|情報) EL[0-9]{3}\b')
TIMEOUT = 60


def doc_files():
    files = [f for f in ('README.md', 'README.ja.md') if os.path.exists(os.path.join(ROOT, f))]
    docs = os.path.join(ROOT, 'docs')
    if os.path.isdir(docs):
        files += sorted('docs/' + f for f in os.listdir(docs) if f.endswith('.md'))
    return files


class Block:
    def __init__(self, path, mline, cmd, start, end, fence, body):
        self.path = path      # file
        self.mline = mline    # 1-based line of the marker
        self.cmd = cmd        # the command after "example: "
        self.start = start    # index of the first body line (after the opening fence)
        self.end = end        # index of the closing fence
        self.fence = fence    # the opening fence's backticks
        self.body = body      # current text of the block


def parse(path, lines, errors):
    """The marked blocks of one file; unmarked report blocks are errors."""
    blocks = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i])
        f = FENCE.match(lines[i].rstrip('\n'))
        if m:
            if i + 1 >= len(lines) or not FENCE.match(lines[i + 1].rstrip('\n')):
                errors.append('%s:%d: example marker not followed by a fenced block' % (path, i + 1))
                i += 1
                continue
            fence = FENCE.match(lines[i + 1].rstrip('\n')).group(1)
            j = i + 2
            while j < len(lines) and lines[j].rstrip('\n') != fence:
                j += 1
            if j >= len(lines):
                errors.append('%s:%d: example block not closed' % (path, i + 2))
                return blocks
            blocks.append(Block(path, i + 1, m.group(1), i + 2, j, fence, ''.join(lines[i + 2:j])))
            i = j + 1
            continue
        if f and f.group(1) and '<!-- example:' not in (lines[i - 1] if i else ''):
            fence = f.group(1)
            j = i + 1
            while j < len(lines) and lines[j].rstrip('\n') != fence:
                j += 1
            body = lines[i + 1:j]
            first = body[0] if body else ''
            if re.match(r'^\$ (\./|\S*/)?edgelint\b', first) or any(FINDING.match(b) for b in body):
                errors.append('%s:%d: a block of edgelint output without an '
                              '"<!-- example: edgelint … -->" marker' % (path, i + 1))
            i = j + 1
            continue
        i += 1
    return blocks


def run(binary, cmd, bindir):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith('LC_') and k not in ('LANG', 'LANGUAGE', 'EDGELINT_RULES')}
    env.update(LANG='C.UTF-8', NO_COLOR='1', TERM='dumb', PATH=bindir + os.pathsep + env.get('PATH', ''))
    p = subprocess.run(['bash', '-o', 'pipefail', '-c', cmd], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    out = p.stdout.decode('utf-8', 'replace')
    return out, p.stderr.decode('utf-8', 'replace'), p.returncode


def main(argv):
    update = '--update' in argv
    args = [a for a in argv if a != '--update']
    if len(args) != 1:
        sys.stderr.write('usage: examples.py [--update] BINARY\n')
        return 2
    binary = os.path.abspath(args[0])
    if not os.access(binary, os.X_OK):
        sys.stderr.write('examples.py: %s is not an executable\n' % binary)
        return 2
    bindir = tempfile.mkdtemp(prefix='edgelint-docs-')
    try:
        os.symlink(binary, os.path.join(bindir, 'edgelint'))
        return work(update, binary, bindir)
    finally:
        shutil.rmtree(bindir, ignore_errors=True)


def work(update, binary, bindir):
    errors = []
    files = {}
    blocks = []
    for path in doc_files():
        with open(os.path.join(ROOT, path), encoding='utf-8') as fh:
            lines = fh.readlines()
        files[path] = lines
        blocks += parse(path, lines, errors)
    cmds = sorted({b.cmd for b in blocks})
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = dict(zip(cmds, pool.map(lambda c: run(binary, c, bindir), cmds)))
    drift = 0
    for b in blocks:
        out, err, rc = results[b.cmd]
        if not out:
            errors.append('%s:%d: `%s` printed nothing on standard output (exit %d): %s'
                          % (b.path, b.mline, b.cmd, rc, err.strip()[:300]))
            continue
        if rc > 2 or rc < 0:
            errors.append('%s:%d: `%s` ended with status %d: %s' % (b.path, b.mline, b.cmd, rc, err.strip()[:300]))
            continue
        if not out.endswith('\n'):
            out += '\n'
        want = '$ ' + b.cmd + '\n' + out
        if any(line.startswith(b.fence) for line in want.splitlines()):
            errors.append('%s:%d: the output holds a line starting with %s: use a longer fence'
                          % (b.path, b.mline, b.fence))
            continue
        b.want = want
        if want != b.body:
            drift += 1
            if not update:
                sys.stdout.writelines(difflib.unified_diff(
                    b.body.splitlines(True), want.splitlines(True),
                    '%s:%d (in the file)' % (b.path, b.mline), '%s (what `%s` prints)' % (b.path, b.cmd)))
    if update:
        for path, lines in files.items():
            mine = sorted((b for b in blocks if b.path == path and hasattr(b, 'want')), key=lambda b: -b.start)
            changed = False
            for b in mine:
                if b.want != b.body:
                    lines[b.start:b.end] = [b.want]
                    changed = True
            if changed:
                with open(os.path.join(ROOT, path), 'w', encoding='utf-8') as fh:
                    fh.write(''.join(lines))
                print('examples: rewrote %s' % path)
    for e in errors:
        print('FAIL: ' + e)
    if errors or (drift and not update):
        if drift and not update:
            print('FAIL: %d example block(s) differ from the binary\'s output; if the change is intended, '
                  'run `make docs-examples` and review the diff' % drift)
        return 1
    print('examples: %d block(s) in %d file(s), %d command(s)%s'
          % (len(blocks), len(files), len(cmds), ', %d rewritten' % drift if update else ', all match'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
