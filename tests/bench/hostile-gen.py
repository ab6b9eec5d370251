#!/usr/bin/env python3
"""hostile-gen.py — inputs of the hostile shapes that tests/bench/hostile.sh
times (standard library only; deterministic):

  flows N FILE     classic pcap (Ethernet, IPv4): N short TCP flows, each one
                   segment of 1 payload byte — every classifier wants more,
                   so each flow would keep a 4 KiB buffer (issue 12: 65,536
                   such flows, 9.3 MB, took 547 MB)
  hosts N FILE     N HTTP requests, each on its own flow, each with a
                   different Host that looks like one of the approved domains
                   (`domains`), for the look-alike check (EL404)
  domains M FILE   a policy approving M domains (issue 12: 16,384 hosts x
                   1,000 domains took 135 s)
"""
import struct
import sys


def pcap_header():
    return struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1)


def tcp_packet(i, sport, dport, payload):
    src = bytes([10, (i >> 16) & 255, (i >> 8) & 255, i & 255])
    dst = bytes([192, 0, 2, 1])
    tcp = struct.pack("!HHIIBBHHH", sport, dport, 1000, 0, 5 << 4, 0x18, 65535, 0, 0)
    ip_len = 20 + len(tcp) + len(payload)
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, ip_len, i & 0xFFFF, 0, 64, 6, 0, src, dst)
    frame = b"\x02\x00\x00\x00\x00\x02" + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00" + ip + tcp + payload
    rec = struct.pack("<IIII", 1700000000 + i // 1000, (i % 1000) * 1000, len(frame), len(frame))
    return rec + frame


def domain(k):
    words = ["microsoft", "office", "salesforce", "dropbox", "cybozu", "sakura", "rakuten",
             "github", "cloudflare", "example", "google", "zoom", "amazon", "slack", "notion"]
    return "%s%s%d.%s" % (words[k % 15], words[(k // 15) % 15], k, ["com", "co.jp", "net", "jp"][k % 4])


def main():
    what, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if what == "domains":
        with open(path, "w") as f:
            f.write("approved_domains:\n")
            for k in range(n):
                f.write("  - %s\n" % domain(k))
        return
    with open(path, "wb") as f:
        f.write(pcap_header())
        for i in range(n):
            if what == "flows":
                f.write(tcp_packet(i, 1024 + i % 60000, 8000 + i // 60000, b"x"))
            else:
                d = domain(i % 1000)
                # one edit away (a doubled letter), a hyphenated word, or unrelated
                host = [d[:3] + d[2] + d[3:], "login-" + d, "host%d.unrelated.example" % i][i % 3]
                req = ("GET / HTTP/1.1\r\nHost: %s\r\n\r\n" % host).encode()
                f.write(tcp_packet(i, 1024 + i % 60000, 80, req))


main()
