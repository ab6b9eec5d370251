#!/usr/bin/env python3
"""gen-tplink-backups.py — writes the TP-Link backup samples of samples/tplink/
from XML written here (no real owner's backup is in the repository), and
samples/tplink/ANSWERS.tsv, the values planted in each (run from the
repository root: python3 tests/gen-tplink-backups.py). Needs the openssl
command (DES comes from its legacy provider).

Formats (sources in parsers/tplink.c):
  older conf.bin: MD5(payload) + payload, zero-padded to 8 bytes, DES-ECB
      with the key 478DA50BF9E3D2CF; the payload is TR-098 XML, either as
      it is or compressed: a 32-bit size (little- or big-endian) then
      TP-Link's LZSS (see compress() below). The MD5 covers the payload
      with its zero padding or without it (md5_padded).
  newer backup .bin: AES-256-CBC (PKCS#7) with the key and IV of the
      firmware's crypto.lua over zlib(16 header bytes + tar); the tar's
      ori-backup-user-config.bin is itself AES-256-CBC over zlib(XML).
The output is deterministic (fixed tar times, zlib level 9, no salt).

library(): the same builders, for tests/unit/test_tplink.c's data
(python3 tests/gen-tplink-backups.py --unit DIR writes the unit files).
"""
import hashlib
import io
import os
import struct
import subprocess
import sys
import tarfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "samples", "tplink")
DES_KEY = "478DA50BF9E3D2CF"
AES_KEY = "2EB38F7EC41D4B8E1422805BCD5F740BC3B95BE163E39D67579EB344427F7836"
AES_IV = "360028C9064242F81074F4C127D299F6"


def openssl(args, data):
    return subprocess.run(["openssl", "enc"] + args, input=data, check=True,
                          capture_output=True).stdout


def des_ecb(data):
    return openssl(["-e", "-des-ecb", "-nopad", "-K", DES_KEY, "-provider", "legacy",
                    "-provider", "default"], data)


def aes_cbc(data):
    return openssl(["-e", "-aes-256-cbc", "-K", AES_KEY, "-iv", AES_IV], data)


class Bits:
    """Flag bits in 16-bit little-endian words, most significant bit first,
    each word reserved in the byte stream when its first bit is written."""

    def __init__(self):
        self.out = bytearray()
        self.at = None
        self.used = 16

    def bit(self, b):
        if self.used == 16:
            self.at = len(self.out)
            self.out += b"\0\0"
            self.used = 0
        if b:
            word = self.out[self.at] | self.out[self.at + 1] << 8
            word |= 1 << (15 - self.used)
            self.out[self.at] = word & 0xFF
            self.out[self.at + 1] = word >> 8
        self.used += 1

    def code(self, v):
        """v >= 2: its bits after the leading 1, each followed by 1 when
        more follow and 0 after the last."""
        bits = bin(v)[3:]
        for i, c in enumerate(bits):
            self.bit(c == "1")
            self.bit(i + 1 < len(bits))


def compress(data, min_len=4, window=8192):
    """TP-Link's LZSS: first byte as it is; then flag 0 + byte, or flag 1 +
    code(len - 2) + code((dist - 1 >> 8) + 2) + byte((dist - 1) & 0xFF)."""
    b = Bits()
    b.out.append(data[0])
    heads = {}
    i = 1
    def remember(k):
        if k + 3 <= len(data):
            heads.setdefault(data[k:k + 3], []).append(k)
    remember(0)
    while i < len(data):
        best_len, best_dist = 0, 0
        for j in reversed(heads.get(data[i:i + 3], [])[-64:]):
            if i - j > window:
                break
            n = 0
            while i + n < len(data) and data[j + n] == data[i + n] and n < 1000:
                n += 1
            if n > best_len:
                best_len, best_dist = n, i - j
        if best_len >= min_len:
            b.bit(1)
            b.code(best_len - 2)
            d = best_dist - 1
            b.code((d >> 8) + 2)
            b.out.append(d & 0xFF)
            for k in range(i, i + best_len):
                remember(k)
            i += best_len
        else:
            b.bit(0)
            b.out.append(data[i])
            remember(i)
            i += 1
    return bytes(b.out)


def conf_bin(xml, compressed=True, big_endian=False, md5_padded=True):
    xml = xml.encode() + b"\0"
    if compressed:
        payload = struct.pack(">I" if big_endian else "<I", len(xml)) + compress(xml)
    else:
        payload = xml
    pad = b"\0" * (-(16 + len(payload)) % 8)
    md5 = hashlib.md5(payload + pad if md5_padded else payload).digest()
    return des_ecb(md5 + payload + pad)


def tar_bytes(members):
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1767225600
            ti.mode = 0o644
            t.addfile(ti, io.BytesIO(data))
    return bio.getvalue()


def backup_bin(xml, extra=()):
    member = aes_cbc(zlib.compress(xml.encode(), 9))
    tar = tar_bytes([("./ori-backup-certificate.bin", aes_cbc(zlib.compress(b"-----BEGIN CERTIFICATE-----\n", 9)))]
                    + list(extra) + [("./ori-backup-user-config.bin", member)])
    return aes_cbc(zlib.compress(bytes(range(16)) + tar, 9))


# ---- the XML --------------------------------------------------------------------

def tr_net(inst, ssid, band, beacon, enc11i="AESEncryption", encwpa="AESEncryption",
           auth="PSKAuthentication", psk=None, wps=None, enable="1", basic="None", guest=None):
    s = [f'      <WLANConfiguration instance={inst} >']
    if enable is not None:
        s.append(f'        <Enable val={enable} />')
    s.append(f'        <Name val=wlan{inst - 1} />')
    q = f'"{ssid}"' if " " in ssid else ssid
    s += [f'        <SSID val={q} />', f'        <BeaconType val={beacon} />',
          f'        <X_TP_Band val={band} />', f'        <BasicEncryptionModes val={basic} />',
          '        <BasicAuthenticationMode val=None />',
          f'        <WPAEncryptionModes val={encwpa} />', f'        <WPAAuthenticationMode val={auth} />',
          f'        <IEEE11iEncryptionModes val={enc11i} />',
          f'        <IEEE11iAuthenticationMode val={auth} />']
    if psk is not None:
        s.append(f'        <X_TP_PreSharedKey val={psk} />')
    s.append('        <DeviceOperationMode val=InfrastructureAccessPoint />')
    if wps is not None:
        s += ['        <WPS>', f'          <Enable val={wps} />',
              '          <DevicePassword val=12345670 />', '        </WPS>']
    if guest:
        gname, gssid, gbeacon, gon = guest
        s += ['        <X_TP_MultiSSID>', '          <MultiSSIDEntry instance=1 >',
              f'            <Name val={gname} />', f'            <SSID val={gssid} />',
              f'            <BeaconType val={gbeacon} />', '            <BasicEncryptionModes val=None />',
              '          </MultiSSIDEntry>', '          <MultiSSIDEntry nextInstance=2 />',
              '        </X_TP_MultiSSID>', '        <X_TP_GuestNetwork>',
              f'          <Enable val={gon} />', f'          <Name val={gname} />',
              '        </X_TP_GuestNetwork>']
    s.append('      </WLANConfiguration>')
    return "\n".join(s)


def tr_doc(hw, sw, nets, remote=None, upnp=None, admin_pwd="Kanri-Pass-2026"):
    s = ['<?xml version="1.0"?>', '<DslCpeConfig>', '  <InternetGatewayDevice>',
         '    <DeviceSummary val="InternetGatewayDevice:1.1[](Baseline:1, EthernetLAN:1)" />',
         '    <DeviceInfo>', '      <ManufacturerOUI val=C006C3 />',
         f'      <HardwareVersion val="{hw}" />', f'      <SoftwareVersion val="{sw}" />',
         '      <UpTime val=4 />', '    </DeviceInfo>', '    <X_TP_UserCfg>',
         f'      <AdminPwd val={admin_pwd} />', '    </X_TP_UserCfg>', '    <X_TP_AppCfg>']
    if remote is not None:
        s += ['      <HttpCfg>', f'        <HttpRemoteEnabled val={remote[0]} />',
              f'        <HttpRemotePort val={remote[1]} />', '      </HttpCfg>']
    s += ['      <DynDnsCfg>', '        <Server val=members.dyndns.org />', '      </DynDnsCfg>']
    if upnp is not None:
        s += ['      <UPnPCfg>', f'        <Enable val={upnp} />', '      </UPnPCfg>']
    s += ['      <NoipDnsCfg>', '        <Enable val=1 />', '        <UserName val=tanaka-home />',
          '        <Password val=Noip-Secret-77 />', '        <UserDomain val=tanaka-home.ddns.net />',
          '      </NoipDnsCfg>', '    </X_TP_AppCfg>', '    <LANDevice instance=1 >',
          '      <LANWLANConfigurationNumberOfEntries val=%d />' % len(nets)]
    s += nets
    s += ['      <WLANConfiguration nextInstance=%d />' % (len(nets) + 1), '    </LANDevice>',
          '    <LANDevice nextInstance=2 />', '  </InternetGatewayDevice>', '</DslCpeConfig>']
    return "\n".join(s) + "\n"


def uci_iface(name, dev, ssid, enc, ver=None, cipher=None, key=None, enable="on", wps="off",
              mode="ap", guest="off", pmf=None):
    s = [f'<wifi-iface name="{name}">', f'<device>{dev}</device>', f'<mode>{mode}</mode>',
         f'<ssid>{ssid}</ssid>', f'<enable>{enable}</enable>', f'<guest>{guest}</guest>',
         f'<encryption>{enc}</encryption>']
    if ver:
        s.append(f'<psk_version>{ver}</psk_version>')
    if cipher:
        s.append(f'<psk_cipher>{cipher}</psk_cipher>')
    if key is not None:
        s.append(f'<psk_key>{key}</psk_key>')
    if pmf is not None:
        # ieee80211w: 0 off, 1 optional, 2 required (parsers/tplink.c).
        s.append(f'<ieee80211w>{pmf}</ieee80211w>')
    s += [f'<wps>{wps}</wps>', '<hidden>off</hidden>', '</wifi-iface>']
    return "\n".join(s)


def uci_doc(ifaces):
    s = ['<?xml version="1.0" encoding="utf-8"?>', '<config>', '<wireless>',
         '<wifi-device name="wifi0">', '<band>2g</band>', '<disabled>off</disabled>', '</wifi-device>',
         '<wifi-device name="wifi1">', '<band>5g</band>', '<disabled>off</disabled>', '</wifi-device>']
    s += ifaces
    s += ['</wireless>', '<ddns>', '<service name="noip">', '<enabled>off</enabled>',
          '<username>sato-home</username>', '<password>Ddns-Hidden-42</password>', '</service>',
          '</ddns>', '</config>']
    return "\n".join(s) + "\n"


# ---- the samples ----------------------------------------------------------------

# (file, bytes, answers): answers are (what, value) rows of ANSWERS.tsv.
def samples():
    out = []
    xml = tr_doc("Archer C20 v5 00000005", "0.9.1 4.17 v0048.0 Build 230512 Rel.61234n",
                 [tr_net(1, "Kobayashi Home", "2.4GHz", "11i", psk="hoshizora-kujira-tanbo-71", wps="0"),
                  tr_net(2, "Kobayashi Home 5G", "5GHz", "11i", psk="hoshizora-kujira-tanbo-71", wps="0",
                         guest=("wlan6", "Kobayashi-Guest", "Basic", "0"))],
                 remote=("1", "8080"), upnp="0")
    out.append(("archer-c20-v5_conf_wpa2-aes_remote-admin.bin", conf_bin(xml),
                [("generation", "des"), ("model", "Archer C20 v5"),
                 ("firmware", "0.9.1 4.17 v0048.0 Build 230512 Rel.61234n"),
                 ("net", "Kobayashi Home|2.4GHz|wpa2-personal|aes|on"),
                 ("net", "Kobayashi Home 5G|5GHz|wpa2-personal|aes|on"),
                 ("secret", "hoshizora-kujira-tanbo-71"), ("secret", "Kanri-Pass-2026"),
                 ("secret", "Noip-Secret-77"), ("remote_admin", "on (port 8080)"), ("upnp", "off"),
                 ("wps", "off")]))
    xml = tr_doc("TL-WR841N v14 00000014", "0.9.1 4.16 v01e4.0 Build 180515 Rel.41770n",
                 [tr_net(1, "TP-Link_3A5C", "2.4GHz", "WPAand11i", enc11i="TKIPandAESEncryption",
                         encwpa="TKIPandAESEncryption", psk="kumo-hashi-tetsu-mikan-58", wps="1",
                         guest=("wlan1", "TP-Link_Guest_3A5C", "Basic", "1"))],
                 remote=("0", "80"), upnp="1")
    out.append(("tl-wr841n-v14_conf_tkip-mixed_open-guest_wps.bin",
                conf_bin(xml, big_endian=True, md5_padded=False),
                [("generation", "des"), ("model", "TL-WR841N v14"),
                 ("firmware", "0.9.1 4.16 v01e4.0 Build 180515 Rel.41770n"),
                 ("net", "TP-Link_3A5C|2.4GHz|wpa-wpa2-personal|tkip+aes|on"),
                 ("net", "TP-Link_Guest_3A5C|2.4GHz|open|-|on"),
                 ("secret", "kumo-hashi-tetsu-mikan-58"), ("secret", "Kanri-Pass-2026"),
                 ("secret", "Noip-Secret-77"), ("remote_admin", "off"), ("upnp", "on"), ("wps", "on")]))
    xml = tr_doc("Archer C50 v4 00000004", "1.0.0 0.9.1 v0001.0 Build 200114 Rel.40421n",
                 [tr_net(1, "Yamada-Net", "2.4GHz", "Basic", basic="WEPEncryption", wps="0")],
                 remote=("0", "80"))
    out.append(("archer-c50-v4_conf_uncompressed_wep.bin", conf_bin(xml, compressed=False),
                [("generation", "des-uncompressed"), ("model", "Archer C50 v4"),
                 ("firmware", "1.0.0 0.9.1 v0001.0 Build 200114 Rel.40421n"),
                 ("net", "Yamada-Net|2.4GHz|wep|-|on"), ("secret", "Kanri-Pass-2026"),
                 ("secret", "Noip-Secret-77"), ("remote_admin", "off"), ("wps", "off")]))
    xml = uci_doc([uci_iface("ath0", "wifi0", "Sato-Family", "psk", "wpa2", "aes", "umi-kaze-yama-sora-88"),
                   uci_iface("ath1", "wifi1", "Sato-Family-5G", "psk", "rsn", "ccmp", "umi-kaze-yama-sora-88"),
                   uci_iface("ath02", "wifi0", "Sato-Guest", "none", enable="off", guest="on")])
    out.append(("backup-ArcherAX55-2026-10-01_wpa2-aes.bin", backup_bin(xml),
                [("generation", "aes"), ("model", "-"), ("firmware", "-"),
                 ("net", "Sato-Family|2.4GHz|wpa2-personal|aes|on"),
                 ("net", "Sato-Family-5G|5GHz|wpa2-personal|aes|on"),
                 ("net", "Sato-Guest|2.4GHz|open|-|off"),
                 ("secret", "umi-kaze-yama-sora-88"), ("secret", "Ddns-Hidden-42"), ("wps", "off")]))
    xml = uci_doc([uci_iface("ath0", "wifi0", "Ito-Home", "psk", "auto", "tkip", "password1", wps="on"),
                   uci_iface("ath1", "wifi1", "Ito-Home-5G", "psk", "wpa2", "auto", "password1", enable="off")])
    out.append(("backup-ArcherC7v5-2025-05-02_mixed-tkip_weak-key.bin", backup_bin(xml),
                [("generation", "aes"), ("model", "-"), ("firmware", "-"),
                 ("net", "Ito-Home|2.4GHz|wpa-wpa2-personal|tkip|on"),
                 ("net", "Ito-Home-5G|5GHz|wpa2-personal|tkip+aes|off"),
                 ("secret", "password1"), ("secret", "Ddns-Hidden-42"), ("wps", "on")]))
    # WPA3 on a newer model (issue 15 §2): psk_sae, sae_transition with PMF
    # optional on 2.4 GHz; sae_only with PMF off on 5 GHz.
    xml = uci_doc([uci_iface("ath0", "wifi0", "Mori-Home", "psk_sae", "sae_transition",
                             key="tsuki-hotaru-kawa-mizu-36", pmf="1"),
                   uci_iface("ath1", "wifi1", "Mori-Home-5G", "psk_sae", "sae_only",
                             key="tsuki-hotaru-kawa-mizu-36", pmf="0")])
    out.append(("backup-ArcherAX73-2026-09-14_wpa3-sae_pmf.bin", backup_bin(xml),
                [("generation", "aes"), ("model", "-"), ("firmware", "-"),
                 ("net", "Mori-Home|2.4GHz|wpa2-wpa3-personal|aes|on"),
                 ("net", "Mori-Home-5G|5GHz|wpa3-personal|aes|on"),
                 ("pmf", "Mori-Home|optional"), ("pmf", "Mori-Home-5G|off"),
                 ("secret", "tsuki-hotaru-kawa-mizu-36"), ("secret", "Ddns-Hidden-42"),
                 ("wps", "off")]))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, data, answers in samples():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
        rows += [f"{name}\t{w}\t{v}" for w, v in answers]
    with open(os.path.join(OUT, "ANSWERS.tsv"), "w") as f:
        f.write("# What tests/gen-tplink-backups.py planted in each backup; written by it,\n"
                "# never by edgelint. Columns: file, what, value. net: ssid|band|security|cipher|on/off\n"
                "# (security and cipher as edgelint names them: wifi_sec_name, wifi_cipher_name).\n"
                "# secret: a value that no report may print.\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    sys.exit(main())
