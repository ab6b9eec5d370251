#!/usr/bin/env python3
"""tests/e2e/clients-oracle.py FILE.pcap — the per-client totals of a
classic pcap (Ethernet, IPv4/IPv6, TCP/UDP) computed independently of
edgelint, for the e2e test of traffic.clients (issue 16 §7).

A flow is a TCP or UDP 5-tuple, both directions together; its client is
the source of its first packet, unless that packet came from port 80 or
443 to a port that is neither (the capture began mid-flow at a web
server: the client is the other side). Printed, one line per client
sorted by address: "ADDRESS FLOWS BYTES", bytes being the captured bytes
of whole frames of both directions (as edgelint and tshark count them).
Other frames (ARP, ICMP, fragments after the first…) belong to no flow.
"""
import ipaddress
import struct
import sys


def frames(path):
    with open(path, "rb") as f:
        head = f.read(24)
        magic = struct.unpack("<I", head[:4])[0]
        end = "<" if magic in (0xA1B2C3D4, 0xA1B23C4D) else ">"
        link = struct.unpack(end + "I", head[20:24])[0]
        if link != 1:
            sys.exit("only Ethernet captures")
        while True:
            rec = f.read(16)
            if len(rec) < 16:
                return
            incl = struct.unpack(end + "IIII", rec)[2]
            yield f.read(incl)


def parse(fr):
    off, et = 14, struct.unpack(">H", fr[12:14])[0]
    while et in (0x8100, 0x88A8):
        et = struct.unpack(">H", fr[off + 2:off + 4])[0]
        off += 4
    if et == 0x0800:
        ihl = (fr[off] & 15) * 4
        proto = fr[off + 9]
        if struct.unpack(">H", fr[off + 6:off + 8])[0] & 0x1FFF:
            return None   # a later fragment: no ports
        src, dst = ipaddress.ip_address(fr[off + 12:off + 16]), ipaddress.ip_address(fr[off + 16:off + 20])
        l4 = off + ihl
    elif et == 0x86DD:
        proto = fr[off + 6]
        src, dst = ipaddress.ip_address(fr[off + 8:off + 24]), ipaddress.ip_address(fr[off + 24:off + 40])
        l4 = off + 40
    else:
        return None
    if proto not in (6, 17) or len(fr) < l4 + 4:
        return None
    sp, dp = struct.unpack(">HH", fr[l4:l4 + 4])
    return proto, src, sp, dst, dp


flows = {}
for fr in frames(sys.argv[1]):
    p = parse(fr)
    if not p:
        continue
    proto, src, sp, dst, dp = p
    key = (proto,) + tuple(sorted([(src.packed, sp), (dst.packed, dp)]))
    if key not in flows:
        client = src
        if sp in (80, 443) and dp not in (80, 443):
            client = dst
        flows[key] = [client, 0]
    flows[key][1] += len(fr)
clients = {}
for client, nbytes in flows.values():
    c = clients.setdefault(client, [0, 0])
    c[0] += 1
    c[1] += nbytes
for a in sorted(clients, key=lambda x: (x.version, x)):
    print(a, clients[a][0], clients[a][1])
