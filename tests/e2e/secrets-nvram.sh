#!/usr/bin/env bash
# tests/e2e/secrets-nvram.sh FILE... — prints, one per line, every secret
# value written in nvram dumps and nvram backups (Tomato .cfg HDR1/HDR2,
# DD-WRT nvrambak.bin, decoded here as parsers/nvram_backup.c does):
# passphrases, PSKs, WEP keys, RADIUS/SAE keys, passwords, PINs and other
# keys; the passwords of ASUSWRT VPN client lists and Tomato DDNS credentials.
# run.sh checks that none of them appears in any report.
set -u
python3 - "$@" <<'EOF'
import re
import struct
import sys

SECRET = re.compile(r"passwd|password|passphrase|secret|psk|_pin|wep_buf|acc_list|token|"
                    r"privkey|private|authkey|hostkey|dsskey|radius_key|sae_key|_crt_key|"
                    r"pppoe_pass|_key[1-4]", re.I)


def entries(data):
    if data[:4] in (b"HDR1", b"HDR2") and len(data) >= 8:
        if data[:4] == b"HDR1":
            n = struct.unpack("<I", data[4:8])[0]
            pl = data[8:8 + n]
        else:
            n = data[4] | data[5] << 8 | data[6] << 16
            salt = data[7]
            pl = bytes(0 if b > 0xFC else (0xFF + salt - b) & 0xFF for b in data[8:8 + n])
        for part in pl.split(b"\0"):
            if b"=" in part:
                k, v = part.split(b"=", 1)
                yield k, v
        return
    if data[:6] == b"DD-WRT" and len(data) >= 8:
        count = struct.unpack("<H", data[6:8])[0]
        pos = 8
        for _ in range(count):
            if pos >= len(data):
                return
            kn = data[pos]
            k = data[pos + 1:pos + 1 + kn]
            pos += 1 + kn
            if pos + 2 > len(data):
                return
            vn = struct.unpack("<H", data[pos:pos + 2])[0]
            yield k, data[pos + 2:pos + 2 + vn]
            pos += 2 + vn
        return
    for line in data.split(b"\n"):
        line = line.rstrip(b"\r")
        if b"=" in line:
            k, v = line.split(b"=", 1)
            yield k, v


out = set()
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    for k, v in entries(data):
        key = k.decode("latin-1")
        if v and key in ("pptpd_clientlist", "vpn_serverx_clientlist"):
            # "<user>password<user2>password2": the passwords.
            for item in v.decode("utf-8", "replace").split("<"):
                f = item.split(">")
                if len(f) > 1 and f[1]:
                    out.add(f[1])
            continue
        if v and re.fullmatch(r"ddnsx[01]", key):
            # "service<user:password<host<...": the credentials.
            f = v.decode("utf-8", "replace").split("<")
            if len(f) > 1 and f[1]:
                out.add(f[1])
                if ":" in f[1] and f[1].split(":", 1)[1]:
                    out.add(f[1].split(":", 1)[1])
            continue
        if not v or not SECRET.search(key):
            continue
        for piece in v.decode("utf-8", "replace").split("\n"):
            if piece:
                out.add(piece)
for s in sorted(out):
    print(s)
EOF
