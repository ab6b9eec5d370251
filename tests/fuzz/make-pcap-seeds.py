#!/usr/bin/env python3
"""make-pcap-seeds.py DIR — small, corpus-like captures as fuzz seeds for
fuzz_pcap: a TLS 1.3 handshake with SNI split over two segments, HTTP with
Host over 802.1Q, QUIC v1 and v2 Initial headers over IPv6 with extension
headers, MPLS and PPPoE encapsulations, Linux cooked v1/v2, raw IPv4, BSD
null, an IPv4 fragment, and a file cut inside a record; and one capture
per cleartext login reader: FTP (a non-standard port, PASS split and out of
order, AUTH TLS), POP3 (USER/PASS, AUTH PLAIN), IMAP (quoted, literals,
AUTHENTICATE PLAIN, STARTTLS), SMTP (AUTH LOGIN, DATA, STARTTLS), Telnet
(IAC negotiation, one key per segment), HTTP (Basic, forms, a query,
keep-alive), LDAP (simple bind with long-form lengths, StartTLS), SNMP
v1/v2c over IPv6, and the readers of issue 16 in one capture (SOCKS5, IRC,
Redis RESP and inline, XMPP SASL PLAIN, MSSQL TDS LOGIN7, VNC None,
RADIUS PAP).
Deterministic."""
import os, struct, sys

def ip4(src, dst, proto, payload, frag=0):
    h = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, frag, 64, proto, 0,
                    bytes(src), bytes(dst))
    return h + payload

def ip6(src, dst, nh, payload, ext=b''):
    return struct.pack('>IHBB', 0x60000000, len(ext) + len(payload), nh, 64) + src + dst + ext + payload

def tcp(sp, dp, seq, flags, data=b''):
    return struct.pack('>HHIIBBHHH', sp, dp, seq, 0, 0x50, flags, 65535, 0, 0) + data

def udp(sp, dp, data):
    return struct.pack('>HHHH', sp, dp, 8 + len(data), 0) + data

def eth(t, p):
    return b'\x02\0\0\0\0\x01\x02\0\0\0\0\x02' + struct.pack('>H', t) + p

def pcap(link, pkts):
    out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, link)
    for p in pkts:
        out += struct.pack('<IIII', 1700000000, 0, len(p), len(p)) + p
    return out

def client_hello(name):
    sni = name.encode()
    ext = struct.pack('>HHHBH', 0, len(sni) + 5, len(sni) + 3, 0, len(sni)) + sni
    ext += struct.pack('>HHB', 43, 5, 4) + b'\x03\x04\x03\x03'
    body = b'\x03\x03' + bytes(32) + b'\x00' + b'\x00\x02\x13\x01' + b'\x01\x00'
    body += struct.pack('>H', len(ext)) + ext
    hs = b'\x01' + struct.pack('>I', len(body))[1:] + body
    return b'\x16\x03\x01' + struct.pack('>H', len(hs)) + hs

def server_hello():
    body = b'\x03\x03' + bytes(32) + b'\x00' + b'\x13\x01' + b'\x00' + b'\x00\x06\x00\x2b\x00\x02\x03\x04'
    hs = b'\x02' + struct.pack('>I', len(body))[1:] + body
    return b'\x16\x03\x03' + struct.pack('>H', len(hs)) + hs

A, B = [192, 168, 1, 10], [203, 0, 113, 5]
A6 = bytes.fromhex('20010db8000000010000000000000001')
B6 = bytes.fromhex('20010db8000000020000000000000080')
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
ch = client_hello('www.example.org')
seeds = {}
seeds['tls13-split.pcap'] = pcap(1, [
    eth(0x800, ip4(A, B, 6, tcp(40000, 443, 99, 0x02))),
    eth(0x800, ip4(B, A, 6, tcp(443, 40000, 499, 0x12))),
    eth(0x800, ip4(A, B, 6, tcp(40000, 443, 100, 0x18, ch[:40]))),
    eth(0x800, ip4(A, B, 6, tcp(40000, 443, 140, 0x18, ch[40:]))),
    eth(0x800, ip4(B, A, 6, tcp(443, 40000, 500, 0x18, server_hello()))),
])
req = b'GET /index.html HTTP/1.1\r\nHost: intranet.example.com\r\n\r\n'
seeds['http-vlan.pcap'] = pcap(1, [
    eth(0x8100, struct.pack('>HH', 50, 0x800) + ip4(A, B, 6, tcp(40001, 8080, 1, 0x18, req))),
    eth(0x8100, struct.pack('>HH', 50, 0x800) + ip4(B, A, 6, tcp(8080, 40001, 1, 0x18, b'HTTP/1.1 200 OK\r\n\r\n'))),
])
q1 = b'\xc3\x00\x00\x00\x01\x08' + bytes(range(8)) + b'\x00\x00\x41\x00' + bytes(40)
q2 = b'\xd3\x6b\x33\x43\xcf\x08' + bytes(range(8)) + b'\x00\x00\x41\x00' + bytes(40)
hbh = bytes([60, 0, 1, 4, 0, 0, 0, 0])
dst = bytes([17, 0, 1, 4, 0, 0, 0, 0])
seeds['quic-ipv6-ext.pcap'] = pcap(1, [
    eth(0x86dd, ip6(A6, B6, 0, udp(50000, 443, q1), hbh + dst)),
    eth(0x86dd, ip6(A6, B6, 44, udp(50001, 4433, q2), bytes([17, 0, 0, 1, 0, 0, 0, 7]))),
])
seeds['mpls-pppoe.pcap'] = pcap(1, [
    eth(0x8847, struct.pack('>II', 16 << 12, (17 << 12) | 0x100) + ip4(A, B, 6, tcp(1, 80, 1, 0x18, req))),
    eth(0x88a8, struct.pack('>HHHH', 1, 0x8100, 2, 0x8864) +
        struct.pack('>BBHHH', 0x11, 0, 1, 2 + 20 + 8 + 4, 0x0021) + ip4(A, B, 17, udp(5, 53, b'abcd'))),
])
seeds['sll.pcap'] = pcap(113, [b'\0\0\0\1\0\6\2\0\0\0\0\1\0\0\x08\0' + ip4(A, B, 6, tcp(3, 443, 1, 0x18, ch))])
seeds['sll2.pcap'] = pcap(276, [b'\x08\0\0\0\0\0\0\2\0\1\0\6\2\0\0\0\0\1\0\0' + ip4(A, B, 6, tcp(3, 80, 1, 0x18, req))])
seeds['raw-frag.pcap'] = pcap(101, [ip4(A, B, 17, udp(9, 443, q1), 0x2000), ip4(A, B, 17, b'rest of it', 3)])
seeds['null.pcap'] = pcap(0, [struct.pack('<I', 2) + ip4(A, B, 6, tcp(7, 80, 1, 0x02)),
                               struct.pack('<I', 30) + ip6(A6, B6, 6, tcp(7, 443, 1, 0x02))])
cut = pcap(1, [eth(0x800, ip4(A, B, 6, tcp(40000, 443, 100, 0x18, ch)))])
seeds['cut-record.pcap'] = cut + struct.pack('<III', 1700000000, 0, 4000)

class Conv:
    """A TCP conversation over IPv4 (v6=True: IPv6) with sequence numbers."""
    def __init__(self, cport, sport, v6=False):
        self.c, self.s, self.v6, self.pk = cport, sport, v6, []
        self.seq = [1000, 9000]
        self.seg(0, b'', 0x02); self.seq[0] += 1
        self.seg(1, b'', 0x12); self.seq[1] += 1
    def seg(self, d, data, flags=0x18, at=None):
        sp, dp = (self.c, self.s) if d == 0 else (self.s, self.c)
        t = tcp(sp, dp, self.seq[d] if at is None else at, flags, data)
        if self.v6:
            src, dst = (A6, B6) if d == 0 else (B6, A6)
            self.pk.append(eth(0x86dd, ip6(src, dst, 6, t)))
        else:
            src, dst = (A, B) if d == 0 else (B, A)
            self.pk.append(eth(0x800, ip4(src, dst, 6, t)))
    def say(self, d, data):
        data = data.encode('latin-1') if isinstance(data, str) else data
        self.seg(d, data)
        self.seq[d] += len(data)
        return self

import base64
def b64(x):
    return base64.b64encode(x).decode()

f = Conv(40100, 2121)
f.say(1, '220 ProFTPD ready\r\n').say(0, 'USER fuzzuser\r\n').say(1, '331 Password\r\n')
f.seg(0, b'S Fuzz-Ftp-Pw1\r\n', at=f.seq[0] + 3)
f.say(0, 'PAS'); f.seq[0] += 16
f.say(1, '530 no\r\n').say(0, 'USER anonymous\r\n').say(0, 'PASS fuzz@example.org\r\n')
g = Conv(40101, 21)
g.say(1, '220 ready\r\n').say(0, 'AUTH TLS\r\n').say(1, '234 go\r\n').say(0, ch)
seeds['login-ftp.pcap'] = pcap(1, f.pk + g.pk)
p3 = Conv(40102, 110)
p3.say(1, '+OK ready\r\n').say(0, 'USER popfuzz\r\n').say(1, '+OK\r\n').say(0, 'PASS Fuzz-Pop-Pw2\r\n')
p3.say(0, 'AUTH PLAIN\r\n').say(1, '+ \r\n').say(0, b64(b'\0popfuzz\0Fuzz-Pop-Pw3') + '\r\n')
p3.say(0, 'STLS\r\n').say(1, '+OK go\r\n').say(0, ch)
seeds['login-pop3.pcap'] = pcap(1, p3.pk)
im = Conv(40103, 143)
im.say(1, '* OK [CAPABILITY IMAP4rev1 LITERAL+] ready\r\n')
im.say(0, 'a1 LOGIN "fu\\"zz" "Fuzz \\\\Imap"\r\n').say(1, 'a1 NO\r\n')
im.say(0, 'a2 LOGIN {7}\r\n').say(1, '+ ok\r\n').say(0, 'fuzzlit {12+}\r\nFuzz-Lit-Pw').say(0, '4\r\n')
im.say(0, 'a3 AUTHENTICATE PLAIN ' + b64(b'\0imapfz\0Fuzz-Imap-Pw5') + '\r\n')
im.say(0, 'a4 APPEND INBOX {10}\r\nx LOGIN ab\r\n').say(0, 'a5 STARTTLS\r\n').say(1, 'a5 OK go\r\n')
seeds['login-imap.pcap'] = pcap(1, im.pk)
sm = Conv(40104, 587)
sm.say(1, '220-mail ESMTP\r\n220 ok\r\n').say(0, 'EHLO pc\r\n').say(1, '250 AUTH LOGIN PLAIN\r\n')
sm.say(0, 'AUTH LOGIN\r\n').say(1, '334 VXNlcm5hbWU6\r\n').say(0, b64(b'smtpfuzz') + '\r\n')
sm.say(1, '334 UGFzc3dvcmQ6\r\n').say(0, b64(b'Fuzz-Smtp-Pw6') + '\r\n').say(1, '535 no\r\n')
sm.say(0, 'DATA\r\n').say(0, 'AUTH PLAIN x\r\n.\r\n').say(0, 'STARTTLS\r\n').say(1, '220 go\r\n')
seeds['login-smtp.pcap'] = pcap(1, sm.pk)
tn = Conv(40105, 2323)
tn.say(1, b'\xff\xfd\x18\xff\xfd\x20').say(0, b'\xff\xfb\x18\xff\xfa\x18\x00xterm\xff\xf0')
tn.say(1, '\r\nrouter login: ')
for k in 'tnfuzz':
    tn.say(0, k).say(1, k)
tn.say(0, b'\r\x00').say(1, '\r\nPassword: ')
for k in 'Fuzz-Tel-Pw7':
    tn.say(0, k)
tn.say(0, b'\x7f7\r\x00').say(1, '\r\n$ ')
seeds['login-telnet.pcap'] = pcap(1, tn.pk)
ht = Conv(40106, 8000)
ht.say(0, 'GET /a HTTP/1.1\r\nHost: nas.example\r\nAuthorization: Basic ' + b64(b'webfz:Fuzz:Http-Pw8') + '\r\n\r\n')
ht.say(1, 'HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n\r\n' + 'a' * 2000)
body = 'login=webfz&password=Fuzz-Form-Pw9'
ht.say(0, 'POST /login HTTP/1.1\r\nHost: nas.example\r\nContent-Length: %d\r\n\r\n' % len(body)).say(0, body)
ht.say(0, 'POST /l HTTP/1.1\r\n\r\n').say(0, 'user%5Bemail%5D=q&user%5Bpassword%5D=Fuzz-Nocl-Pw10\r\n')
ht.say(0, 'GET /login?uname=x&pwd=Fuzz-Query-Pw11 HTTP/1.1\r\nProxy-Authorization: Basic ' + b64(b'px:Fuzz-Proxy-Pw12') + '\r\n\r\n')
seeds['login-http.pcap'] = pcap(1, ht.pk)
def ber(tag, c, long=False):
    if long or len(c) >= 128:
        return bytes([tag, 0x82]) + struct.pack('>H', len(c)) + c
    return bytes([tag, len(c)]) + c
bind = ber(0x30, b'\x02\x01\x01' + ber(0x60, b'\x02\x01\x03' + ber(0x04, b'cn=fuzz,dc=example') + ber(0x80, b'Fuzz-Ldap-Pw13'), True), True)
st = ber(0x30, b'\x02\x01\x02' + ber(0x77, ber(0x80, b'1.3.6.1.4.1.1466.20037')))
ld = Conv(40107, 3268)
ld.say(0, bind[:5]).say(0, bind[5:]).say(1, ber(0x30, b'\x02\x01\x01' + ber(0x61, b'\x0a\x01\x00\x04\x00\x04\x00')))
ld.say(0, st).say(1, ber(0x30, b'\x02\x01\x02' + ber(0x78, b'\x0a\x01\x00\x04\x00\x04\x00'))).say(0, ch)
seeds['login-ldap.pcap'] = pcap(1, ld.pk)
def snmp(ver, comm, pdu):
    body = b'\x02\x01' + bytes([ver]) + ber(0x04, comm) + ber(pdu, b'\x02\x01\x07\x02\x01\x00\x02\x01\x00\x30\x00')
    return ber(0x30, body)
seeds['login-snmp.pcap'] = pcap(1, [
    eth(0x86dd, ip6(A6, B6, 17, udp(40108, 161, snmp(1, b'Fuzz-Comm-14', 0xa0)))),
    eth(0x86dd, ip6(B6, A6, 17, udp(161, 40108, snmp(1, b'Fuzz-Comm-14', 0xa2)))),
    eth(0x86dd, ip6(A6, B6, 17, udp(40108, 161, snmp(1, b'Fuzz-Comm-14', 0xa1)))),
    eth(0x800, ip4(A, B, 17, udp(40109, 1161, snmp(0, b'Fuzz-Comm-15', 0xa4)))),
])
# pcapng (draft-ietf-opsawg-pcapng), read by src/capture/pcapng.c: blocks of
# (type, total length, body padded to 4, total length) in the section's
# byte order.
def block(e, btype, body):
    body += bytes(-len(body) % 4)
    n = 12 + len(body)
    return struct.pack(e + 'II', btype, n) + body + struct.pack(e + 'I', n)

def shb(e):
    return block(e, 0x0A0D0D0A, struct.pack(e + 'IHHq', 0x1A2B3C4D, 1, 0, -1))

def idb(e, link, snaplen):
    return block(e, 1, struct.pack(e + 'HHI', link, 0, snaplen) + struct.pack(e + 'HH', 2, 4) + b'eth0' + bytes(4))

def epb(e, iface, frame):
    return block(e, 6, struct.pack(e + 'IIIII', iface, 0, 0, len(frame), len(frame)) + frame)

def spb(e, frame):
    return block(e, 3, struct.pack(e + 'I', len(frame)) + frame)

def opb(e, iface, frame):
    return block(e, 2, struct.pack(e + 'HHIIII', iface, 0, 0, 0, len(frame), len(frame)) + frame)

get = b'GET / HTTP/1.1\r\nHost: www.example.com\r\nAuthorization: Basic dXNlcjpGdXp6LVBhc3MtOTk=\r\n\r\n'
mixed = shb('<') + idb('<', 1, 262144) + idb('<', 101, 1500)
mixed += block('<', 4, b'\x01\x00\x0b\x00example.com' + bytes(4))
mixed += epb('<', 0, eth(0x800, ip4(A, B, 6, tcp(40000, 443, 1, 0x18, ch))))
mixed += epb('<', 1, ip4(B, A, 6, tcp(443, 40000, 1, 0x18, server_hello())))
mixed += spb('<', eth(0x800, ip4(A, B, 6, tcp(40001, 80, 1, 0x18, get))))
mixed += opb('<', 1, ip4(A, B, 17, udp(9, 443, q1)))
mixed += shb('>') + idb('>', 113, 0)
mixed += epb('>', 0, b'\0\0\0\1\0\6\2\0\0\0\0\1\0\0\x08\0' + ip4(A, B, 6, tcp(3, 443, 1, 0x18, ch)))
seeds['mixed-links.pcapng'] = mixed
seeds['cut-block.pcapng'] = mixed[:-30]
# issue 16: SOCKS5 (RFC 1929), IRC, Redis (RESP and inline), XMPP SASL PLAIN,
# MSSQL TDS LOGIN7, VNC security type None (3.8 and 3.3)
so = Conv(40110, 1080)
so.say(0, b'\x05\x02\x00\x02').say(1, b'\x05\x02').say(0, b'\x01\x06sockfz\x0dFuzz-Sock-P14')
so.say(1, b'\x01\x00').say(0, b'\x05\x01\x00\x03\x0bexample.org\x00\x50')
ir = Conv(40111, 6667)
ir.say(1, ':irc.example NOTICE * :hello\r\n').say(0, 'PASS :Fuzz Irc Pw15\r\nNICK fz\r\nUSER fz 0 * :F\r\n')
ir.say(0, 'AUTHENTICATE PLAIN\r\n').say(1, 'AUTHENTICATE +\r\n').say(0, 'AUTHENTICATE ' + b64(b'\0fz\0Fuzz-Sasl-P16') + '\r\n')
ir.say(0, 'OPER fz Fuzz-Oper-P17\r\nSTARTTLS\r\n').say(1, ':irc.example 670 fz :go\r\n').say(0, ch)
rd = Conv(40112, 6379)
rd.say(0, '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$300\r\n' + 'v' * 300 + '\r\n')
rd.say(0, '*3\r\n$4\r\nAUTH\r\n$6\r\nredsfz\r\n$13\r\nFuzz-Redis-18\r\n').say(1, '+OK\r\n')
rd.say(0, '*5\r\n$5\r\nHELLO\r\n$1\r\n3\r\n$4\r\nAUTH\r\n$2\r\nfz\r\n$13\r\nFuzz-Hello-19\r\n')
ri = Conv(40113, 16379)
ri.say(0, 'AUTH Fuzz-Inline-20\r\n').say(1, '+OK\r\n')
xm = Conv(40114, 5222)
xm.say(0, "<?xml version='1.0'?><stream:stream to='example.org' xmlns='jabber:client'>")
xm.say(0, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + b64(b'\0xmfz\0Fuzz-Xmpp-P21') + '</auth>')
xm.say(0, "<auth mechanism='PLAIN'>=</auth><response>" + b64(b'\0xmfz\0Fuzz-Xmpp-P22') + '</response><starttls/>').say(0, ch)
def tds(t, d):
    return struct.pack('>BBHHBB', t, 1, 8 + len(d), 0, 1, 0) + d
def login7(user, pw):
    u = user.encode('utf-16-le')
    p = bytes((((b << 4) | (b >> 4)) & 0xff) ^ 0xa5 for b in pw.encode('utf-16-le'))
    ol = struct.pack('<HHHHHH', 94, 0, 94, len(u) // 2, 94 + len(u), len(p) // 2) + bytes(24) + bytes(6) + bytes(16)
    fx = struct.pack('<IIIIII', 94 + len(u) + len(p), 0x74000004, 4096, 7, 1, 0) + bytes([0xe0, 3, 0, 0]) + bytes(8)
    return fx + ol + u + p
td = Conv(40115, 1433)
td.say(0, tds(0x12, b'\x00\x00\x0b\x00\x06\x01\x00\x11\x00\x01\xff\x10\x00\x07\xd0\x00\x00\x02'))
td.say(1, tds(0x04, b'\x00\x00\x0b\x00\x06\x01\x00\x11\x00\x01\xff\x10\x00\x07\xd0\x00\x00\x02'))
l7 = tds(0x10, login7('tdsfz', 'Fuzz-Tds-P23'))
td.say(0, l7[:40]).say(0, l7[40:])
vn = Conv(40116, 5900)
vn.say(1, 'RFB 003.008\n').say(0, 'RFB 003.008\n').say(1, b'\x02\x02\x01').say(0, b'\x01').say(1, b'\0\0\0\0')
v3 = Conv(40117, 5901)
v3.say(1, 'RFB 003.008\n').say(0, 'RFB 003.003\n').say(1, b'\0\0\0\x01')
ra = b'\x01\x05\x00\x00' + bytes(range(16)) + b'\x01\x07radfz' + b'\x02\x12' + bytes(range(16))
ra = ra[:2] + struct.pack('>H', len(ra)) + ra[4:]
rad = [eth(0x800, ip4(A, B, 17, udp(40118, 1812, ra))), eth(0x800, ip4(A, B, 17, udp(40118, 1812, ra)))]
seeds['login-issue16.pcap'] = pcap(1, so.pk + ir.pk + rd.pk + ri.pk + xm.pk + td.pk + vn.pk + v3.pk + rad)
ng = shb('<') + idb('<', 1, 65535) + idb('<', 1, 2048)
for i, f in enumerate(ld.pk):
    ng += epb('<', i % 2, f)
seeds['login-ldap.pcapng'] = ng
for n, b in seeds.items():
    with open(os.path.join(out, n), 'wb') as f:
        f.write(b)
