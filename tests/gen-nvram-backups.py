#!/usr/bin/env python3
"""gen-nvram-backups.py — writes the binary nvram backup samples of
samples/nvram/ (run from the repository root: python3 tests/gen-nvram-backups.py).

Formats (see parsers/nvram_backup.c for the sources):
  Tomato/FreshTomato .cfg HDR1: "HDR1", u32 LE payload length, payload
      "key=value\\0...\\0\\0".
  Tomato/FreshTomato .cfg HDR2: "HDR2", 24-bit LE length of the payload
      padded to a multiple of 1024, a salt byte; each payload byte b stored
      as (0xFF + salt - b) & 0xFF, each NUL (and the padding) as 0xFD-0xFF.
  DD-WRT nvrambak.bin: "DD-WRT", u16 LE entry count, then per entry u8 name
      length, name, u16 LE value length, value.
The output is deterministic (fixed salt, fixed filler sequence) so that the
committed files and their expected results do not change on regeneration.
"""
import os
import struct
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "nvram")


def payload(entries):
    out = bytearray()
    for k, v in entries:
        out += f"{k}={v}".encode() + b"\0"
    return bytes(out + b"\0")


def hdr1(entries):
    pl = payload(entries)
    return b"HDR1" + struct.pack("<I", len(pl)) + pl


def hdr2(entries, salt=21, block=1024):
    pl = payload(entries)
    filler = 0
    out = bytearray()
    for b in pl:
        if b == 0:
            out.append(0xFD + filler % 3)
            filler += 1
        else:
            out.append((0xFF + salt - b) & 0xFF)
    pad = block - len(pl) % block or block
    for _ in range(pad):
        out.append(0xFD + filler % 3)
        filler += 1
    n = len(out)
    return b"HDR2" + bytes([n & 0xFF, (n >> 8) & 0xFF, (n >> 16) & 0xFF, salt]) + bytes(out)


def ddwrt(entries):
    out = bytearray(b"DD-WRT" + struct.pack("<H", len(entries)))
    for k, v in entries:
        kb, vb = k.encode(), v.encode()
        out += bytes([len(kb)]) + kb + struct.pack("<H", len(vb)) + vb
    return bytes(out)


# FreshTomato backup: WPA2-Personal/AES with a strong passphrase (6-2 passes),
# a guest BSS with WPA2 too, remote management off.
FRESHTOMATO = [
    ("os_name", "linux"),
    ("os_version", "2026.3 K26ARM7 USB AIO-64K"),
    ("os_date", "Sat Jul 11 10:21:33 CEST 2026"),
    ("t_model_name", "Netgear R7000"),
    ("tomatoanon_enable", "0"),
    ("wl0_ssid", "Ito-Family"),
    ("wl0_radio", "1"),
    ("wl0_mode", "ap"),
    ("wl0_security_mode", "wpa2_personal"),
    ("wl0_akm", "psk2"),
    ("wl0_crypto", "aes"),
    ("wl0_wpa_psk", "saffron-glacier-teapot-cinema"),
    ("wl0_nband", "2"),
    ("wl0.1_ssid", "Ito-Guests"),
    ("wl0.1_bss_enabled", "1"),
    ("wl0.1_security_mode", "wpa2_personal"),
    ("wl0.1_crypto", "aes"),
    ("wl0.1_wpa_psk", "velvet-compass-orchard-72"),
    ("http_passwd", "Quartz-Meadow-Lamp-88"),
    ("remote_management", "0"),
    ("upnp_enable", "0"),
]

# An old Tomato (HDR1) with WEP: 6-2 fails.
TOMATO_HDR1 = [
    ("os_version", "1.28.0000 MIPSR2-140 K26 USB AIO"),
    ("os_date", "Mon, 22 Jan 2018 09:00:00 +0100"),
    ("t_model_name", "Asus RT-N66U"),
    ("wl0_ssid", "kobayashi"),
    ("wl0_radio", "1"),
    ("wl0_security_mode", "wep"),
    ("wl0_wep", "enabled"),
    ("wl0_key", "1"),
    ("wl0_key1", "A1B2C3D4E5"),
    ("wl0_wep_bit", "64"),
    ("upnp_enable", "3"),
]

# DD-WRT backup: WPA2/WPA3 (psk2 psk3) with a strong key, a recent build.
DDWRT = [
    ("DD_BOARD", "Netgear R7800"),
    ("os_version", "58819"),
    ("os_date", "Oct 14 2026"),
    ("ath0_ssid", "Mori-Net"),
    ("ath0_mode", "ap"),
    ("ath0_net_mode", "mixed"),
    ("ath0_security_mode", "wpa"),
    ("ath0_akm", "psk2 psk3"),
    ("ath0_psk2", "1"),
    ("ath0_psk3", "1"),
    ("ath0_ccmp", "1"),
    ("ath0_wpa_psk", "thimble-cactus-ferry-lantern"),
    ("ath1_ssid", "Mori-Uplink"),
    ("ath1_mode", "sta"),
    ("ath1_security_mode", "disabled"),
    ("http_passwd", "$1$mori$Zq8uYw3Lr0kP2sT5vX7yA."),
    ("rc_startup", "#!/bin/sh\nlogger started\n"),
    ("remote_management", "0"),
    ("upnp_enable", "0"),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {
        "freshtomato-2026.3_backup-hdr2_wpa2-strong.cfg": hdr2(FRESHTOMATO),
        "tomato-1.28_backup-hdr1_wep.cfg": hdr1(TOMATO_HDR1),
        "ddwrt-r58819_nvrambak_psk2-psk3.bin": ddwrt(DDWRT),
    }
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        print(f"wrote samples/nvram/{name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
