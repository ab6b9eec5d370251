#!/usr/bin/env python3
"""tests/tools/asa-md5.py — the Cisco PIX/ASA "encrypted" MD5 password hash,
written from Passlib's description ("passlib.hash.cisco_pix - Cisco PIX MD5
hash", Format & Algorithm, https://passlib.readthedocs.io/en/stable/lib/
passlib.hash.cisco_pix.html) and checked on its reference vectors, to plant
hashes in tests independently of edgelint's C code.

    python3 tests/tools/asa-md5.py PASSWORD [USER]
"""
import hashlib
import sys

B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def asa_md5(secret: str, user: str = "") -> str:
    s = secret.encode()
    if user and len(s) < 28:
        s += user.encode()[:4]
    pad = 32 if len(secret) > 12 else 16
    s = (s + b"\0" * pad)[:pad]
    d = hashlib.md5(s).digest()
    kept = bytes(c for i, c in enumerate(d) if i & 3 != 3)
    out = ""
    for i in range(0, 12, 3):
        v = kept[i] | kept[i + 1] << 8 | kept[i + 2] << 16
        for _ in range(4):
            out += B64[v & 63]
            v >>= 6
    return out


# Passlib's reference vectors.
assert asa_md5("password", "user") == "A5XOy94YKDPXCo7U"
assert asa_md5("password") == "NuLKvvWGg.x9HEKO"

if __name__ == "__main__":
    print(asa_md5(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
