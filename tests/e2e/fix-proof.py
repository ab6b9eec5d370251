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
    line or filter now judged shadowed or redundant, a new unknown), but
    for EL106 with status pass: a flow narrowed to the partners the
    policy's allowed_inbound names is the intended result;
  - nothing else disappears: the findings of the re-run are those of the
    first run minus the fixed ones, so a partner's restricted flow (EL106)
    or a service allowed by the policy is still accepted.

  - every flow that must survive gets the same answer from `edgelint
    query` before and after (issue 17 §2): each VPN flow (IKE udp/500,
    NAT-T udp/4500, ESP, L2TP udp/1701 on the box or forwarded, and the
    box's ssl-vpn service: ASA webvpn/AnyConnect, FortiGate SSL-VPN), and
    each allowed_inbound flow of the policy (--policy), from each of its
    sources. The addresses asked about are every IPv4 address the file
    writes (query itself says which are the box's or a forward's) and the
    policy's `to`. PPTP is not kept: it is a finding to remove (EL3xx).

Prints one line per file with a fixable finding, the failures, and
"fixes proven: N of M fixable findings"; exits 1 when a proof fails.

--plant-bad-fix OLD=>NEW (for the test that the proof can fail): the
merged config has its first OLD replaced by NEW before it is judged, as a
wrong fix would write it.
"""
import collections
import ipaddress
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


ADDR4 = re.compile(r'(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])')
# A new finding that is the intended result of a fix, not a regression:
# EL106 (status pass: reachable only from specific sources) is what a fix
# that narrows a permit to the policy's allowed_inbound partners leaves.
# The hygiene rules (EL108 never matches, EL115 redundant) stay in "no new
# finding": a fix must not leave a dead filter behind (they caught one).
NARROWED_OK = {'EL106'}
VPN_SERVICES = {'ike', 'esp', 'ipsec-nat-t', 'l2tp', 'ssl-vpn'}
VPN_UDP_PORTS = {'500', '4500', '1701'}
MAX_ADDRS = 64


def addresses(path, extra):
    """The IPv4 addresses the file writes (not masks), then extra ones."""
    with open(path, 'rb') as fh:
        text = fh.read().decode('utf-8', 'replace')
    seen = []
    for a in ADDR4.findall(text) + list(extra):
        try:
            ip = ipaddress.IPv4Address(a)
        except ValueError:
            continue
        if a.startswith('255.') or a.startswith('0.') or ip.is_multicast or a in seen:
            continue
        seen.append(a)
    return seen[:MAX_ADDRS]


def query(binary, path, args):
    rc, out, err = run(binary, ['query', path, '--format', 'json'] + args)
    if rc != 0 or not out:
        return None
    return json.loads(out)


def nat_text(p):
    return ' '.join(ln['text'] or '' for ln in p['lines'] if ln['role'] == 'nat')


def vpn_flows(binary, path, addrs):
    """{(addr, interface, family, target, service or NAT line): answer} for
    every path of a VPN flow (see the header)."""
    flows = {}
    for a in addrs:
        d = query(binary, path, ['--to', a])
        if d is None:
            continue
        for p in d['paths']:
            vpn = [(e['proto'], e['ports'], e['sources']) for e in p['accepted']
                   if e['proto'] == 'esp' or (e['proto'] == 'udp' and VPN_UDP_PORTS &
                                               set((e['ports'] or '').split(', ')))]
            svc = p['service']
            if not vpn and svc not in VPN_SERVICES:
                continue
            if svc in VPN_SERVICES:
                vpn = [(e['proto'], e['ports'], e['sources']) for e in p['accepted']]
            k = (a, p['interface'], p['family'], p['target'], svc or nat_text(p))
            flows[k] = (p['state'], tuple(sorted(vpn)))
    return flows


def policy_flows(policy):
    """(to, proto/port, source address) of each allowed_inbound source."""
    if not policy:
        return []
    import yaml
    with open(policy, encoding='utf-8') as fh:
        doc = yaml.safe_load(fh) or {}
    out = []
    for e in doc.get('allowed_inbound') or []:
        if not e.get('to'):
            continue
        to = str(e['to'])
        flow = to
        if e.get('proto'):
            flow += ':' + str(e['proto'])
            if e.get('port') is not None:
                flow += '/' + str(e['port'])
        for src in e.get('sources') or []:
            out.append((to, flow, str(ipaddress.ip_network(str(src), strict=False)[0])))
    return out


def allowed_answers(binary, path, pflows):
    ans = {}
    for to, flow, src in pflows:
        d = query(binary, path, ['--to', flow, '--from', src])
        ans[(flow, src)] = None if d is None else (
            d['accepted'], tuple(sorted((p['interface'], p['family'], p['state'])
                                        for p in d['paths'])))
    return ans


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    binary = os.path.abspath(args.pop(0))
    common = ['--lang', 'en']
    plant = policy = None
    while args and args[0].startswith('--'):
        if args[0] == '--plant-bad-fix':
            plant = args[1].split('=>', 1)
        else:
            common += [args[0], args[1]]
            policy = args[1] if args[0] == '--policy' else policy
        args = args[2:]
    pflows = policy_flows(policy)
    nvpn = nallowed = 0
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
        if plant:
            with open(out, 'rb') as fh:
                merged = fh.read().decode('utf-8', 'surrogateescape')
            with open(out, 'wb') as fh:
                fh.write(merged.replace(plant[0], plant[1], 1).encode('utf-8', 'surrogateescape'))
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
            if k[0] in NARROWED_OK and k[1] == 'pass':
                continue   # the flow a narrowing fix keeps for named partners
            failures.append('%s: new finding after the fix: %s %s' % (path, k[0], k[2]))
            ok_file = False
        lost = (b_count - a_count) - fixed
        for k in lost:
            failures.append('%s: finding gone that no fix was for (a flow cut?): %s %s'
                            % (path, k[0], k[2]))
            ok_file = False
        # The flows that must survive: the same answer from query.
        addrs = addresses(path, [t for t, _, _ in pflows])
        vb, va = vpn_flows(binary, path, addrs), vpn_flows(binary, out, addrs)
        for k in sorted(set(vb) | set(va)):
            if vb.get(k) != va.get(k):
                failures.append('%s: VPN flow changed by the fix: %s %s (%s, %s): before %s, after %s'
                                % (path, k[0], k[4], k[1], k[3], vb.get(k, 'none'),
                                   va.get(k, 'none')))
                ok_file = False
        ab, aa = allowed_answers(binary, path, pflows), allowed_answers(binary, out, pflows)
        for k in sorted(ab):
            if ab[k] != aa[k]:
                failures.append('%s: allowed_inbound flow changed by the fix: %s from %s: '
                                'before %s, after %s' % (path, k[0], k[1], ab[k], aa[k]))
                ok_file = False
        nvpn += len(vb)
        nallowed += len(ab)
        nfix = sum(fixed.values())
        total += nfix
        if ok_file:
            proven += n_ok
        print('%s: %d fixable, %d VPN flows and %d allowed_inbound flows asked, %s'
              % (path, nfix, len(vb), len(ab), 'proven' if ok_file else 'NOT proven'))
    for f in failures:
        print('FAIL: ' + f)
    print('flows kept asked of query: %d VPN, %d allowed_inbound' % (nvpn, nallowed))
    print('fixes proven: %d of %d fixable findings' % (proven, total))
    return 0 if not failures and proven == total else 1


if __name__ == '__main__':
    sys.exit(main())
