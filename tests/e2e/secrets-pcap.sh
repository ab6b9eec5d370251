#!/usr/bin/env bash
# tests/e2e/secrets-pcap.sh CAPTURE… — prints, one per line, the cleartext
# secrets the captures carry (passwords, SASL passwords, Basic and form
# passwords, Telnet passwords, LDAP simple-bind passwords, SNMP
# communities), never the users. run.sh checks that none of them appears
# in any edgelint output. An independent second reading of the packets in
# Python's standard library (no tshark, nothing of edgelint's parser):
# classic pcap and pcapng; Ethernet (802.1Q/QinQ, MPLS, PPPoE), Linux
# cooked v1/v2, raw IP, BSD null; IPv4/IPv6; TCP streams put in sequence
# order per direction, UDP datagrams. Then per client stream: PASS lines,
# IMAP LOGIN astrings, base64 lines that decode to SASL PLAIN, the line
# after the user line of AUTH LOGIN, Basic credentials, form and query
# fields named like passwords, the second line typed into a Telnet
# session at a login prompt (the first is the user), BER simple binds and SNMP communities;
# and (issue 16) SOCKS5 username/password sub-negotiations (RFC 1929), IRC OPER and
# PASS :trailing, Redis AUTH / HELLO AUTH (RESP arrays and inline), XMPP SASL PLAIN in
# <auth>/<response>, and MSSQL TDS LOGIN7 passwords (nibble-swapped, XORed with 0xA5);
# PPP PAP passwords wherever the frame carries them (PPPoE, L2TP); and the NT
# responses of NTLM AUTHENTICATE messages in HTTP, SMB and mail SASL, in hex (EL406: a hash is a secret);
# (hash16) HTTP Digest responses, POP3 APOP digests, VNC Authentication responses (hex),
# PostgreSQL md5 digests and cleartext PasswordMessages.
exec /usr/bin/python3 - "$@" <<'PYEOF'
import base64, re, struct, sys, urllib.parse

def frames(path):
    data = open(path, "rb").read()
    if len(data) < 24:
        return
    m = data[:4]
    if m in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = "<" if m[0] in (0xd4, 0x4d) else ">"
        link = struct.unpack(e + "I", data[20:24])[0] & 0xffff
        o = 24
        while o + 16 <= len(data):
            incl = struct.unpack(e + "I", data[o + 8:o + 12])[0]
            yield link, data[o + 16:o + 16 + incl]
            o += 16 + incl
    elif m == b"\x0a\x0d\x0d\x0a":
        o, e, links = 0, "<", []
        while o + 12 <= len(data):
            if data[o:o + 4] == b"\x0a\x0d\x0d\x0a":
                e = "<" if data[o + 8:o + 12] == b"\x4d\x3c\x2b\x1a" else ">"
                links = []
            t, ln = struct.unpack(e + "II", data[o:o + 8])
            if ln < 12:
                return
            body = data[o + 8:o + ln - 4]
            if t == 1:
                links.append(struct.unpack(e + "H", body[:2])[0])
            elif t == 6 and len(body) >= 20:
                iface, _, _, cap = struct.unpack(e + "IIII", body[:16])
                if iface < len(links):
                    yield links[iface], body[20:20 + cap]
            o += ln

def l3(link, f):
    if link == 1:
        o, et = 14, f[12:14]
        while True:
            if et in (b"\x81\x00", b"\x88\xa8", b"\x91\x00"):
                et, o = f[o + 2:o + 4], o + 4
            elif et == b"\x88\x64":
                et = b"\x08\x00" if f[o + 6:o + 8] == b"\x00\x21" else b"\x86\xdd"
                o += 8
            elif et == b"\x88\x47":
                while o + 4 <= len(f) and not f[o + 2] & 1:
                    o += 4
                o += 4
                et = b"\x08\x00" if o < len(f) and f[o] >> 4 == 4 else b"\x86\xdd"
            else:
                break
        return f[o:]
    if link == 113:
        return f[16:]
    if link == 276:
        return f[20:]
    if link == 0:
        return f[4:]
    if link in (12, 14, 101, 228, 229):
        return f
    return b""

def l4(p):
    if not p:
        return None
    if p[0] >> 4 == 4 and len(p) >= 20:
        hl = (p[0] & 15) * 4
        tot = struct.unpack("!H", p[2:4])[0]
        return p[9], p[12:16], p[16:20], p[hl:tot]
    if p[0] >> 4 == 6 and len(p) >= 40:
        ln = struct.unpack("!H", p[4:6])[0]
        return p[6], p[8:24], p[24:40], p[40:40 + ln]
    return None

def streams(paths):
    tcp, udp = {}, []
    for path in paths:
        for link, f in frames(path):
            r = l4(l3(link, f))
            if not r:
                continue
            proto, src, dst, seg = r
            if proto == 6 and len(seg) >= 20:
                sp, dp, seq = struct.unpack("!HHI", seg[:8])
                pl = seg[(seg[12] >> 4) * 4:]
                if pl:
                    tcp.setdefault((path, src, sp, dst, dp), {}).setdefault(seq, pl)
            elif proto == 17 and len(seg) >= 8:
                udp.append(seg[8:])
    out = {}
    for k, segs in tcp.items():
        s, end = b"", None
        for seq in sorted(segs):
            pl = segs[seq]
            if end is not None and seq < end:
                pl = pl[end - seq:]
            s += pl
            end = seq + len(segs[seq]) if end is None else max(end, seq + len(segs[seq]))
        out[k] = s
    return out, udp

def b64(s):
    try:
        return base64.b64decode(s + b"=" * (-len(s) % 4), validate=True)
    except Exception:
        return None

def astrings(s):
    out, i = [], 0
    while i < len(s) and len(out) < 2:
        if s[i:i + 1] == b" ":
            i += 1
        elif s[i:i + 1] == b'"':
            j, v = i + 1, b""
            while j < len(s) and s[j:j + 1] != b'"':
                if s[j:j + 1] == b"\\":
                    j += 1
                v += s[j:j + 1]
                j += 1
            out.append(v)
            i = j + 1
        else:
            j = s.find(b" ", i)
            j = len(s) if j < 0 else j
            out.append(s[i:j])
            i = j
    return out

PASSNAME = re.compile(rb"(?i)^(?:[a-z0-9]*[_.\[-])*(?:pass|passwd|password|pwd|pw)\]?$")

def text_secrets(s):
    found = []
    lines = re.split(rb"\r?\n", s)
    for i, ln in enumerate(lines):
        m = re.match(rb"(?i)PASS (.+)$", ln)
        if m:
            found.append(m.group(1))
        m = re.match(rb"(?i)\S+ LOGIN (.+)$", ln)
        if m and len(astrings(m.group(1))) == 2:
            found.append(astrings(m.group(1))[1])
        m = re.match(rb"(?i)(?:\S+ )?AUTH(?:ENTICATE)? PLAIN ([A-Za-z0-9+/=]+)$", ln)
        cand = m.group(1) if m else (ln if re.fullmatch(rb"[A-Za-z0-9+/]{8,}={0,2}", ln) else None)
        d = b64(cand) if cand else None
        if d and d.count(b"\0") == 2:
            found.append(d.split(b"\0")[2])
        if re.match(rb"(?i)(?:\S+ )?AUTH(?:ENTICATE)? LOGIN\s*$", ln) and i + 2 < len(lines):
            d = b64(lines[i + 2])
            if d:
                found.append(d)
        m = re.match(rb"(?i)(?:proxy-)?authorization:\s*basic\s+(\S+)", ln)
        if m:
            d = b64(m.group(1))
            if d and b":" in d:
                found.append(d.split(b":", 1)[1])
        for fm in re.finditer(rb"([^&?\s=]+)=([^&\s]*)", ln):
            name = urllib.parse.unquote_to_bytes(fm.group(1).replace(b"+", b" "))
            if PASSNAME.match(name):
                found.append(urllib.parse.unquote_to_bytes(fm.group(2).replace(b"+", b" ")))
    return found

def telnet_secrets(s):
    out, i = b"", 0
    while i < len(s):
        c = s[i]
        if c == 255 and i + 1 < len(s):
            n = s[i + 1]
            if n == 255:
                out += b"\xff"; i += 2
            elif n == 250:
                j = s.find(b"\xff\xf0", i)
                i = len(s) if j < 0 else j + 2
            elif n >= 251:
                i += 3
            else:
                i += 2
        else:
            out += bytes([c]); i += 1
    typed = []
    for ln in re.split(rb"[\r\n]", out.replace(b"\0", b"")):
        v = b""
        for ch in ln:
            v = v[:-1] if ch in (8, 127) else v + bytes([ch])
        if v:
            typed.append(v)
    return typed[1:2]

def ber(b, o):
    if o + 2 > len(b):
        return None
    t, l = b[o], b[o + 1]
    o += 2
    if l & 0x80:
        n = l & 0x7f
        if n == 0 or n > 4 or o + n > len(b):
            return None
        l = int.from_bytes(b[o:o + n], "big")
        o += n
    return t, o, o + l

def ldap_secrets(s):
    found, o = [], 0
    while True:
        m = ber(s, o)
        if not m or m[0] != 0x30 or m[2] > len(s):
            return found
        i = ber(s, m[1])
        op = ber(s, i[2]) if i else None
        if op and op[0] == 0x60:
            v = ber(s, op[1])
            n = ber(s, v[2]) if v else None
            pw = ber(s, n[2]) if n else None
            if pw and pw[0] == 0x80:
                found.append(s[pw[1]:pw[2]])
        o = m[2]

def snmp_secret(d):
    m = ber(d, 0)
    v = ber(d, m[1]) if m and m[0] == 0x30 else None
    c = ber(d, v[2]) if v and v[0] == 0x02 and d[v[1]:v[2]] in (b"\0", b"\1") else None
    return d[c[1]:c[2]] if c and c[0] == 0x04 else None

SASL_MECHS = {b"PLAIN", b"LOGIN", b"CRAM-MD5", b"DIGEST-MD5", b"GSSAPI", b"XOAUTH2",
              b"OAUTHBEARER", b"NTLM", b"EXTERNAL", b"ANONYMOUS", b"TLS", b"SSL"}

def socks5_secret(s):
    if len(s) < 3 or s[0] != 5 or s[1] == 0:
        return []
    o = 2 + s[1]
    if o + 2 > len(s) or s[o] != 1:
        return []
    ul = s[o + 1]
    o += 2 + ul
    if o >= len(s):
        return []
    pl = s[o]
    pw = s[o + 1:o + 1 + pl]
    return [pw] if len(pw) == pl and pl else []

def resp_commands(s):
    out, i = [], 0
    while i < len(s):
        m = re.match(rb"\*(\d+)\r\n", s[i:])
        if not m:
            j = s.find(b"\n", i)
            if j < 0:
                break
            out.append(s[i:j].rstrip(b"\r").split())
            i = j + 1
            continue
        i += m.end()
        args = []
        for _ in range(int(m.group(1))):
            b = re.match(rb"\$(\d+)\r\n", s[i:])
            if not b:
                return out
            n = int(b.group(1))
            i += b.end()
            args.append(s[i:i + n])
            i += n + 2
        out.append(args)
    return out

def redis_secrets(s):
    found = []
    for a in resp_commands(s):
        if not a:
            continue
        cmd = a[0].upper()
        if cmd == b"AUTH" and len(a) in (2, 3) and a[1].upper() not in SASL_MECHS:
            found.append(a[-1])
        if cmd == b"HELLO" and len(a) >= 5 and a[2].upper() == b"AUTH":
            found.append(a[4])
    return found

def xmpp_secrets(s):
    found = []
    for m in re.finditer(rb"<(?:auth[^>]*mechanism=['\"]PLAIN['\"][^>]*|response[^>]*)>([A-Za-z0-9+/=]+)</", s):
        d = b64(m.group(1))
        if d and d.count(b"\0") == 2:
            found.append(d.split(b"\0")[2])
    return found

def irc_secrets(s):
    found = []
    for ln in re.split(rb"\r?\n", s):
        m = re.match(rb"(?i)(?::\S+ )?OPER \S+ :?(.+)$", ln)
        if m:
            found.append(m.group(1))
        m = re.match(rb"(?i)(?::\S+ )?PASS :(.+)$", ln)
        if m:
            found.append(m.group(1))
    return found

def tds_secrets(s):
    found, o = [], 0
    while o + 8 <= len(s) and s[o] in (0x10, 0x12):
        n = struct.unpack("!H", s[o + 2:o + 4])[0]
        if n <= 8:
            break
        p = s[o + 8:o + n]
        if s[o] == 0x10 and len(p) >= 48:
            po, pc = struct.unpack("<HH", p[44:48])
            raw = bytes((((b ^ 0xA5) << 4) | ((b ^ 0xA5) >> 4)) & 0xff for b in p[po:po + 2 * pc])
            if pc and len(raw) == 2 * pc:
                found.append(raw.decode("utf-16-le", "replace").encode())
        o += n
    return found

def ntlm_secrets(s):
    """NTLM AUTHENTICATE messages ([MS-NLMP] 2.2.1.3) in HTTP Authorization
    / Proxy-Authorization NTLM or Negotiate tokens: the NT response, as the
    hex a report could print it in."""
    found = []
    toks = [b64(m.group(1)) or b"" for m in
            re.finditer(rb"(?im)^(?:proxy-)?authorization: *(?:ntlm|negotiate) +([A-Za-z0-9+/=]+)", s)]
    toks += [b64(m.group(1)) or b"" for m in re.finditer(rb"(?m)^(?:AUTH NTLM )?([A-Za-z0-9+/]{40,}=*)\r?$", s)]
    for tok in toks + [s]:   # SASL lines (mail); s itself: raw in SMB session setups
        i = tok.find(b"NTLMSSP\0\x03\0\0\0")
        while i >= 0 and len(tok) >= i + 28:
            ln, _, off = struct.unpack("<HHI", tok[i + 20:i + 28])
            nt = tok[i + off:i + off + ln]
            if len(nt) == ln and ln >= 24:
                found.append(nt.hex().encode())
            i = tok.find(b"NTLMSSP\0\x03\0\0\0", i + 1)
    return found

def digest_secrets(s):
    """hash16: Digest responses in Authorization / Proxy-Authorization
    (RFC 7616 section 3.4) and APOP digests (RFC 1939 section 7), as they
    cross (hex text)."""
    found = [m.group(1) for m in re.finditer(
        rb'(?im)^(?:proxy-)?authorization: *digest [^\r\n]*?response="?([0-9A-Fa-f]+)', s)]
    found += [m.group(1) for m in re.finditer(rb"(?m)^APOP +\S+ +([0-9A-Fa-f]{32})\r?$", s)]
    return found

def pgsql_secrets(s):
    """hash16: PostgreSQL PasswordMessages ('p') after a StartupMessage
    (protocol 3.0): the 32 hex digits after "md5", or a cleartext
    password; SCRAM messages are not passwords."""
    if not re.search(rb"\x00\x03\x00\x00user\x00", s):
        return []
    found = []
    for m in re.finditer(rb"p\x00\x00([\x00-\xff]{2})", s):
        ln = struct.unpack("!H", m.group(1))[0]
        body = s[m.end():m.end() + ln - 4].split(b"\0")[0]
        if body.startswith(b"md5") and len(body) == 35:
            found.append(body[3:])
        elif body and not body.startswith(b"SCRAM") and not body.startswith(b"n,,") and not body.startswith(b"c="):
            found.append(body)
    return found

def vnc_secret(c, srv):
    """hash16: the client's 16-byte response to VNC Authentication (RFC
    6143 section 7.2.2; c the client's stream, srv the server's), as hex."""
    if not re.match(rb"RFB \d{3}\.\d{3}\n", c) or not re.match(rb"RFB \d{3}\.\d{3}\n", srv):
        return []
    if c[:12] in (b"RFB 003.007\n", b"RFB 003.008\n") or c[4:7] != b"003" or int(c[8:11]) >= 7:
        r = c[13:29] if len(c) >= 13 and c[12] == 2 else b""
    else:
        r = c[12:28] if srv[12:16] == b"\0\0\0\2" else b""
    return [r.hex().encode()] if len(r) == 16 else []

def pap_secrets(paths):
    """PPP PAP Authenticate-Requests (RFC 1334 2.2.1) anywhere in a frame,
    whatever carries them (PPPoE, L2TP): protocol 0xc023, Code 1, and a
    Length that the Peer-ID and Password lengths fill exactly."""
    found = []
    for path in paths:
        for _, f in frames(path):
            i = f.find(b"\xc0\x23\x01")
            while i >= 0:
                q = i + 2
                if q + 6 <= len(f):
                    ln = struct.unpack("!H", f[q + 2:q + 4])[0]
                    ul = f[q + 4]
                    if q + 5 + ul < len(f):
                        pl = f[q + 5 + ul]
                        if ln == 6 + ul + pl and q + ln <= len(f):
                            found.append(f[q + 6 + ul:q + ln])
                i = f.find(b"\xc0\x23\x01", i + 1)
    return found

tcp, udp = streams(sys.argv[1:])
secrets = set(pap_secrets(sys.argv[1:]))
for k, s in tcp.items():
    if re.search(rb"(?i)(?:login|username): ?", tcp.get((k[0], k[3], k[4], k[1], k[2]), b"")):
        secrets.update(telnet_secrets(s))   # s is typed at a login prompt
    secrets.update(text_secrets(s))
    secrets.update(ldap_secrets(s))
    for f in (socks5_secret, redis_secrets, xmpp_secrets, irc_secrets, tds_secrets, ntlm_secrets,
              digest_secrets, pgsql_secrets):
        secrets.update(f(s))
    if k[4] < k[2]:   # RFB's two streams look alike: the client is the one on the ephemeral port
        secrets.update(vnc_secret(s, tcp.get((k[0], k[3], k[4], k[1], k[2]), b"")))
for d in udp:
    secrets.update(digest_secrets(d))   # SIP over UDP
    c = snmp_secret(d)
    if c:
        secrets.add(c)
for x in sorted(secrets):
    if x:
        sys.stdout.buffer.write(x + b"\n")
PYEOF
