#!/usr/bin/python3
"""make-quic-seeds.py DIR — seeds for fuzz_quic (see tests/fuzz/fuzz_quic.c for the
record format): a ClientHello with SNI in one CRYPTO frame; split over two packets
of two datagrams, out of order; two packets coalesced with junk after them; ACK,
PING, PADDING and CONNECTION_CLOSE frames around CRYPTO; a server-side datagram
first. Run by hand with Debian's Python (it reuses tests/gen-pcap-samples.py's
ClientHello builder, which needs python3-scapy and python3-cryptography)."""
import importlib.util
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "..", "gen-pcap-samples.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)


def rec(flags, frames):
    return bytes([flags]) + struct.pack("!H", len(frames)) + frames


def crypto(off, data):
    return gen.crypto_frame(off, data)


def main(out):
    os.makedirs(out, exist_ok=True)
    ch = gen.client_hello("fuzz.example.org", quic=True)
    h = len(ch) // 2
    seeds = {
        "one-packet": rec(1, crypto(0, ch) + bytes(40)),
        "split-out-of-order": rec(1, crypto(h, ch[h:])) + rec(1, crypto(0, ch[:h])),
        "coalesced-junk": rec(3, crypto(0, ch[:h])) + rec(2, crypto(h, ch[h:])),
        "frames-around": rec(1, b"\x02\x05\x00\x01\x00\x01\x00\x01" + crypto(0, ch[:h]) + b"\x00\x00" +
                             b"\x03\x01\x00\x00\x00\x01\x02\x03" + crypto(h, ch[h:]) +
                             b"\x1c\x00\x00\x02ok"),
        "server-first": rec(5, bytes(30)) + rec(1, crypto(0, ch)),
    }
    for name, data in seeds.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"wrote {name} ({len(data)} bytes)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "seeds", "fuzz_quic"))
