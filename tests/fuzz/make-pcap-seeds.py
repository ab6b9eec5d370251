#!/usr/bin/env python3
"""make-pcap-seeds.py DIR — small, corpus-like captures as fuzz seeds for
fuzz_pcap: a TLS 1.3 handshake with SNI split over two segments, HTTP with
Host over 802.1Q, QUIC v1 and v2 Initial headers over IPv6 with extension
headers, MPLS and PPPoE encapsulations, Linux cooked v1/v2, raw IPv4, BSD
null, an IPv4 fragment, and a file cut inside a record. Deterministic."""
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
for n, b in seeds.items():
    with open(os.path.join(out, n), 'wb') as f:
        f.write(b)
