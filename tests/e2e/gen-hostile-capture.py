#!/usr/bin/env python3
"""gen-hostile-capture.py OUT N LATE — writes a pcap (Ethernet, IPv4) for the
end-to-end test of issue 12 §1 ("after 10,000 captured credentials, later
passwords are no longer registered as secrets and are printed"):

  N SNMPv2c GetRequests (RFC 1901, RFC 3416), each from its own source port
  with its own community "bulk-community-NNNNN" (N cleartext credentials);
  then one more GetRequest with the community LATE (credential N + 1);
  then an HTTP request whose Host header is LATE, so the later password is
  also a host name the report lists.

Only the standard library; deterministic output. Checksums are left zero
(edgelint, like tcpdump without -vv, does not verify them).
"""
import struct
import sys


def ber(tag, body):
    n = len(body)
    if n < 0x80:
        return bytes([tag, n]) + body
    if n < 0x100:
        return bytes([tag, 0x81, n]) + body
    return bytes([tag, 0x82]) + struct.pack(">H", n) + body


def snmp_get(community, reqid):
    oid = ber(0x06, bytes([0x2B, 6, 1, 2, 1, 1, 1, 0]))  # sysDescr.0
    varbind = ber(0x30, oid + b"\x05\x00")
    pdu = ber(0xA0, ber(0x02, struct.pack(">I", reqid)) + ber(0x02, b"\x00") + ber(0x02, b"\x00") + ber(0x30, varbind))
    return ber(0x30, ber(0x02, b"\x01") + ber(0x04, community) + pdu)


def ipv4(proto, src, dst, payload):
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 0, 0x4000, 64, proto, 0,
                      bytes(src), bytes(dst))
    return hdr + payload


def frame(ip):
    return b"\x02\x00\x00\x00\x00\x02" + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00" + ip


def main():
    out, n, late = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
    client, agent, web = [192, 0, 2, 10], [192, 0, 2, 161], [198, 51, 100, 80]
    pkts = []
    comms = [b"bulk-community-%05d" % i for i in range(n)] + [late]
    for i, c in enumerate(comms):
        sport = 1024 + i
        udp = struct.pack(">HHHH", sport, 161, 8 + len(snmp_get(c, i + 1)), 0) + snmp_get(c, i + 1)
        pkts.append(frame(ipv4(17, client, agent, udp)))
    http = b"GET / HTTP/1.1\r\nHost: " + late + b"\r\nUser-Agent: t\r\n\r\n"
    tcp = struct.pack(">HHIIBBHHH", 50000, 80, 1000, 1, 5 << 4, 0x18, 65535, 0, 0) + http
    pkts.append(frame(ipv4(6, client, web, tcp)))
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for k, p in enumerate(pkts):
            f.write(struct.pack("<IIII", 1700000000 + k // 1000, (k % 1000) * 1000, len(p), len(p)))
            f.write(p)


if __name__ == "__main__":
    main()
