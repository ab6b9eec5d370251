#!/usr/bin/python3
"""gen-pcap-samples.py — writes the capture samples of samples/pcap/.

Run by hand from the repository root, with Debian's Python and packages
(not a pyenv one), then commit the .pcap files with their expectations:

    apt-get install python3-scapy python3-cryptography
    /usr/bin/python3 tests/gen-pcap-samples.py
    UPDATE=1 bash tests/e2e/run.sh ./edgelint   # then keep only tests/e2e/expected/pcap/

`make test` never runs it. The output is deterministic (fixed addresses,
ports, sequence numbers, randoms and time stamps), so regenerating gives
the same bytes. Every password and community in these files is synthetic.

While it writes the captures it writes their answer file,
samples/pcap/ANSWERS.tsv: what each file holds, as planted here, so that
tests/e2e/run.sh checks edgelint's report of each capture against the
generator rather than against edgelint's own earlier output. One row per
planted event, tab-separated:
  file      the capture
  event     login      a cleartext login (EL403; traffic.credentials[])
            old-tls    a TLS flow of a version older than 1.2 (EL402)
            tls        a TLS (or QUIC) flow that completed its hellos
                       (traffic.tls_versions)
            web        a web flow (traffic.web: HTTP or HTTPS flows; a
                       capture whose web flows are under 95% HTTPS, the
                       default policy, also gets EL401)
            host       a host name the client named (traffic.hosts[])
            hash       a password hash that can be cracked offline (EL406;
                       traffic.crackable_hashes[])
            wlan-protected  an encrypted 802.11 data frame (counted, not
                       readable: traffic.wlan_protected_frames)
            succeeded  the server accepted the login of the row with the
            failed     same packet, protocol, name and server (its reply:
                       FTP 230/530, POP3 +OK/-ERR, IMAP tagged OK/NO, SMTP
                       235/535, LDAP bindResponse, Telnet prompt or "Login
                       incorrect"; traffic.credentials[].outcome). In a
                       file with such rows every other login's outcome is
                       "unknown"; files without them are not checked for it
            brute-force  at least 10 refused logins from one client to one
                       server (rules/capture-login-fields.yaml): one EL407
                       at the packet of the first attempt, named by the
                       client's address in the name column; the logins of
                       that server not accepted are no EL403 of their own
            tunnel     a packet read inside a tunnel (traffic.tunnel_packets)
            wlan       an 802.11 network a beacon described
                       (traffic.wlan_networks[]): packet = its first
                       beacon or probe response, protocol = its security,
                       name = its SSID as edgelint writes it ("-" hidden
                       and unnamed), server = its BSSID; the rule it
                       implies: open, owe EL265; wep, wpa-personal,
                       wpa-wpa2-personal EL266; unknown EL268; other EL267
            wlan-data  the network data frames crossed (EL269): name and
                       server as for wlan
            tunnel-cut a packet nested deeper than edgelint opens (4
                       tunnels: traffic.tunnel_cut_packets, and a note)
            cert       a server certificate with a problem (TLS <= 1.2):
                       one row per rule it implies (EL410 expired or not
                       yet valid, EL411 self-signed, EL412 unknown issuer,
                       EL413 name not the SNI, EL414 weak key or SHA-1)
  packet    1-based packet number (as edgelint counts, docs/json.md) of
            the packet that completed the event: for a login the packet
            that completed the secret (the last piece of it, in capture
            order, with its line end), for old-tls the ServerHello that
            settled the version; "-" when the event is a property of a
            flow or of the capture rather than of one packet
  protocol  cert: the rule id;
            login: the protocol name of docs/json.md
            (traffic.credentials[].protocol); hash: the protocol and the
            hash type, space-separated ("HTTP NTLM NetNTLMv2"); old-tls and tls: the
            version name (TLS1.0, TLS1.3); web: HTTP or HTTPS; host: how
            it was named (sni, http-host)
  name      login, hash: the user ("-" when the protocol has none); host: the
            host name; otherwise "-"
  server    login, hash: the server as ip:port ([addr]:port for IPv6);
            otherwise "-"
Never a password or community. A file with no login row must have no
EL403 (the STARTTLS files carry login-like bytes inside TLS records).

Each file is one small scenario, in Ethernet pcap:
  cleartext logins: FTP, Telnet (one character per segment, echoed, the
  password not echoed), POP3 USER/PASS and AUTH PLAIN, IMAP LOGIN with
  quoted and literal strings, SMTP AUTH LOGIN and AUTH PLAIN, HTTP Basic,
  an HTTP form POST, LDAP simple bind, SNMPv2c; a login over IPv6; a login
  on a non-standard port; a login split over three TCP segments, and one
  whose segments arrive out of order;
  the logins of issue 16: SOCKS5 username/password (RFC 1929), IRC PASS
  and OPER on port 7000, Redis AUTH in RESP after a SET value longer than
  edgelint's window and inline on port 16379, XMPP SASL PLAIN split over
  two segments, an MSSQL TDS LOGIN7 without encryption on port 14330, VNC
  sessions with security type None (versions 3.8 and 3.3) next to one with
  VNC Authentication, whose DES response is a crackable hash (EL406); RADIUS PAP requests (the
  password hidden with the shared secret) with a retransmission, on 1812
  and on port 11812, next to a CHAP request, which is not reported;
  PPP PAP requests in PPPoE session frames (one behind an 802.1Q tag,
  one retransmitted; a Nak and an empty password not logins) and in
  L2TPv2 data messages on 1701 and on other ports;
  NTLM over HTTP ([MS-NLMP], RFC 4559): the NEGOTIATE / CHALLENGE /
  AUTHENTICATE exchange with an NTLMv2 response, an NTLMv1 response with
  extended session security to a proxy, an anonymous AUTHENTICATE, which
  is not a hash, and an NTLMv2 AUTHENTICATE inside a SPNEGO Negotiate
  token; NTLM in SMB2 SESSION_SETUP after an SMB1 NEGOTIATE on 445, and
  on port 1445 after a WRITE longer than edgelint's window; NTLM in SMTP
  AUTH; Kerberos 5: an AS-REP with an RC4-HMAC enc-part, an AS-REQ with
  an AES256 PA-ENC-TIMESTAMP (UDP), a TGS-REP with an RC4-HMAC ticket
  (TCP), next to an AS-REQ without pre-authentication, which is not one;
  HTTP Digest (RFC 7616) with qop=auth in MD5 and SHA-256 after the
  server's 401 challenge, and the RFC 2069 form without qop to a proxy;
  POP3 APOP (RFC 1939) on port 1110; SIP Digest (RFC 3261): a REGISTER
  over UDP with its retransmission, an INVITE over TCP without qop;
  PostgreSQL md5 after an SSLRequest refused with 'N', and a cleartext
  password on port 15432;
  STARTTLS (SMTP, IMAP) and STLS (POP3) followed by TLS records, whose
  bytes must never be read as cleartext commands;
  TLS 1.3 with SNI; TLS 1.0 (an old version); a QUIC version 1 connection
  whose ClientHello is split over two protected Initial packets (RFC 9001
  §5, keys from the Destination Connection ID, built here with the
  `cryptography` package); look-alike host names (SNI, punycode SNI, HTTP
  Host) next to a genuine one — tests/e2e/policy-lookalike.yaml approves
  microsoftonline.com for the end-to-end check of EL404; the vendors' own
  domains of issue 16 §6 next to a brand plus a word and four tricks
  (tests/e2e/policy-lookalike-vendors.yaml approves the four vendors);
  TLS 1.2 handshakes whose server sends the certificates of
  tests/gen-certs.py (tests/unit/data/certs/, a private CA: every chain is
  an unknown issuer on a system trust store) — valid, expired, self-signed,
  for another name, RSA 1024 with SHA-1 — the Certificate message split
  over two records and three TCP segments in one of them;
  802.11 with radiotap (link type 127): HTTP over an open network in data
  and QoS data frames through LLC/SNAP, between encrypted (CCMP) data
  frames of another network;
  tunnels (issue 16 §4, tunnels.pcap): an FTP login in GRE with a key
  (RFC 2890), HTTP in VXLAN (RFC 7348), TLS 1.3 in GTP-U (3GPP TS 29.281),
  HTTP over IPv6 in Teredo with an origin indication (RFC 4380), HTTP in
  IPv4-in-IPv6 (RFC 2473) and IPv6-in-IPv4 (RFC 4213), and one UDP
  datagram nested in five IPv4-in-IPv4 layers, one more than edgelint
  opens (its note, EL002);
  802.11 networks (issue 16 §4, wlan-networks.pcap, radiotap): beacons
  (IEEE 802.11-2020 §9.3.3.2) of an open network whose HTTP traffic is in
  the capture, WEP, WPA1/TKIP, WPA2-PSK without PMF with encrypted data
  frames, WPA2/WPA3 transition, WPA3-SAE, OWE, a hidden WPA2 network with
  PMF that a probe response names, and an Enterprise network whose SSID
  has a Japanese character and a control byte.
"""
import base64
import hashlib
import os
import struct

from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from scapy.all import (GRE, IP, LLC, SNAP, TCP, UDP, VXLAN, Dot11, Dot11QoS, Ether, IPv6,
                       RadioTap, Raw, wrpcap)
from scapy.contrib.gtp import GTP_U_Header

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples", "pcap")
T0 = 1763700000.0   # 2025-11-21, fixed

CLIENT4, SERVER4 = "192.168.10.20", "203.0.113.10"
CLIENT6, SERVER6 = "2001:db8:10::20", "2001:db8:113::10"
CMAC, SMAC = "02:00:00:00:10:20", "02:00:00:00:00:01"
ANSWERS = []   # rows of samples/pcap/ANSWERS.tsv, see above


class Capture:
    """Packets of one file, time-stamped 10 ms apart."""

    def __init__(self):
        self.pkts = []
        self.answers = []

    def plant(self, event, protocol, name="-", server="-", packet="-"):
        """Records what this capture holds for samples/pcap/ANSWERS.tsv;
        packet is a number returned by Tcp.c()/s()/split() or udp()."""
        self.answers.append((event, str(packet), protocol, name, server))

    def login(self, protocol, user, server, packet):
        self.plant("login", protocol, user, server, packet)
        self.last_login = (protocol, user, server, packet)

    def outcome(self, verdict):
        """The server's verdict (succeeded, failed) on the last login."""
        protocol, user, server, packet = self.last_login
        self.plant(verdict, protocol, user, server, packet)

    def hashed(self, protocol, hash_type, user, server, packet):
        self.plant("hash", f"{protocol} {hash_type}", user, server, packet)

    def add(self, pkt):
        pkt.time = T0 + 0.01 * len(self.pkts)
        self.pkts.append(pkt)

    def write(self, name, linktype=1):
        wrpcap(os.path.join(OUT, name), self.pkts, linktype=linktype)
        ANSWERS.extend((name,) + a for a in self.answers)
        print(f"wrote samples/pcap/{name} ({len(self.pkts)} packets)")


class Tcp:
    """One TCP connection: handshake, data both ways (each segment ACKed),
    close. seg() builds a segment without adding it, for reordering."""

    def __init__(self, cap, cport, sport, v6=False, isn=(1000, 5000)):
        self.cap, self.cport, self.sport, self.v6 = cap, cport, sport, v6
        self.seq = [isn[0], isn[1]]   # next sequence number: client, server

    def ip(self, d):
        cli, srv = (CLIENT6, SERVER6) if self.v6 else (CLIENT4, SERVER4)
        src, dst = (cli, srv) if d == 0 else (srv, cli)
        eth = Ether(src=CMAC if d == 0 else SMAC, dst=SMAC if d == 0 else CMAC)
        return eth / (IPv6(src=src, dst=dst) if self.v6 else IP(src=src, dst=dst, id=1))

    def seg(self, d, flags, data=b"", seq=None):
        sp, dp = (self.cport, self.sport) if d == 0 else (self.sport, self.cport)
        s = self.seq[d] if seq is None else seq
        p = self.ip(d) / TCP(sport=sp, dport=dp, flags=flags, seq=s, ack=self.seq[1 - d],
                             window=64240)
        return p / Raw(data) if data else p

    def open(self):
        self.cap.add(self.seg(0, "S"))
        self.seq[0] += 1
        self.cap.add(self.seg(1, "SA"))
        self.seq[1] += 1
        self.cap.add(self.seg(0, "A"))
        return self

    def send(self, d, data, ack=True):
        """Returns the 1-based packet number of the data segment."""
        self.cap.add(self.seg(d, "PA", data))
        n = len(self.cap.pkts)
        self.seq[d] += len(data)
        if ack:
            self.cap.add(self.seg(1 - d, "A"))
        return n

    def c(self, data, ack=True):
        return self.send(0, data, ack)

    def s(self, data, ack=True):
        return self.send(1, data, ack)

    def server(self):
        """The server as edgelint prints it: ip:port, [addr]:port for IPv6."""
        return f"[{SERVER6}]:{self.sport}" if self.v6 else f"{SERVER4}:{self.sport}"

    def split(self, d, data, cuts, order=None):
        """data sent in pieces cut at the offsets cuts, in the given order."""
        bounds = [0] + list(cuts) + [len(data)]
        segs = []
        for i in range(len(bounds) - 1):
            piece = data[bounds[i]:bounds[i + 1]]
            segs.append(self.seg(d, "PA", piece, seq=self.seq[d] + bounds[i]))
        for i in order or range(len(segs)):
            self.cap.add(segs[i])
        n = len(self.cap.pkts)      # the last piece to arrive completes the data
        self.seq[d] += len(data)
        self.cap.add(self.seg(1 - d, "A"))
        return n

    def close(self):
        self.cap.add(self.seg(0, "FA"))
        self.seq[0] += 1
        self.cap.add(self.seg(1, "FA"))
        self.seq[1] += 1
        self.cap.add(self.seg(0, "A"))


BSSID = "02:00:00:00:0a:01"


class WlanTcp(Tcp):
    """A TCP connection over an open 802.11 network, as a monitor-mode
    capture with radiotap shows it: the client sends To DS (Address 1 the
    BSSID), the access point delivers From DS; QoS data frames when qos;
    LLC/SNAP then IP (IEEE 802.11-2020 §9.2.4, RFC 1042)."""

    def __init__(self, cap, cport, sport, qos=False):
        super().__init__(cap, cport, sport)
        self.qos = qos

    def ip(self, d):
        src, dst = (CLIENT4, SERVER4) if d == 0 else (SERVER4, CLIENT4)
        if d == 0:
            mac = Dot11(type=2, subtype=8 if self.qos else 0, FCfield="to-DS", addr1=BSSID,
                        addr2=CMAC, addr3=SMAC)
        else:
            mac = Dot11(type=2, subtype=8 if self.qos else 0, FCfield="from-DS", addr1=CMAC,
                        addr2=BSSID, addr3=SMAC)
        if self.qos:
            mac = mac / Dot11QoS(TID=0)
        return RadioTap() / mac / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0, code=0x0800) / \
            IP(src=src, dst=dst, id=1)


def protected_frame(cap, n):
    """An encrypted (CCMP) data frame of another network: Protected Frame
    set, an 8-byte CCMP header and opaque bytes."""
    f = RadioTap() / Dot11(type=2, subtype=8, FCfield="to-DS+protected",
                           addr1="02:00:00:00:0b:01", addr2="02:00:00:00:0b:20",
                           addr3="02:00:00:00:0b:01") / Dot11QoS(TID=0) / \
        Raw(bytes([n, 0, 0, 0x20, 0, 0, 0, 0]) + bytes(range(64)))
    cap.add(f)
    cap.plant("wlan-protected", "802.11")


# Tunnel endpoints (issue 16 §4): the outer addresses; flows are the inner ones.
TUN_A4, TUN_B4 = "198.51.100.1", "198.51.100.2"
TUN_A6, TUN_B6 = "2001:db8:51::1", "2001:db8:51::2"
# Teredo origin indication (RFC 4380 §5.1.1): 00 00, port and IPv4
# address each XORed with all ones (here 40000, 192.0.2.45)
TEREDO_ORIGIN = b"\x00\x00" + struct.pack(">H", 40000 ^ 0xffff) + bytes(b ^ 0xff for b in (192, 0, 2, 45))


class TunnelTcp(Tcp):
    """A TCP connection whose every packet crosses a tunnel: kind "gre"
    (GRE with a key, IPv4 inside), "vxlan" (an Ethernet frame inside),
    "gtpu" (a G-PDU), "teredo" (IPv6 inside, origin indication), "4in6",
    "6in4". Every packet it adds is a planted "tunnel" row."""

    def __init__(self, cap, cport, sport, kind):
        super().__init__(cap, cport, sport, v6=kind in ("teredo", "6in4"))
        self.kind = kind

    def ip(self, d):
        cli, srv = (CLIENT6, SERVER6) if self.v6 else (CLIENT4, SERVER4)
        src, dst = (cli, srv) if d == 0 else (srv, cli)
        inner = IPv6(src=src, dst=dst) if self.v6 else IP(src=src, dst=dst, id=1)
        a, b = (TUN_A4, TUN_B4) if d == 0 else (TUN_B4, TUN_A4)
        eth = Ether(src=CMAC if d == 0 else SMAC, dst=SMAC if d == 0 else CMAC)
        if self.kind == "gre":
            return eth / IP(src=a, dst=b, id=1) / GRE(key_present=1, key=0x2a) / inner
        if self.kind == "vxlan":
            return eth / IP(src=a, dst=b, id=1) / UDP(sport=49152 + d, dport=4789) / \
                VXLAN(vni=100) / Ether(src=CMAC if d == 0 else SMAC,
                                       dst=SMAC if d == 0 else CMAC) / inner
        if self.kind == "gtpu":
            return eth / IP(src=a, dst=b, id=1) / UDP(sport=2152, dport=2152) / \
                GTP_U_Header(teid=0x1001 + d, gtp_type=255) / inner
        if self.kind == "teredo":
            return eth / IP(src=a, dst=b, id=1) / \
                UDP(sport=3544 if d == 1 else 40000, dport=40000 if d == 1 else 3544) / \
                Raw(TEREDO_ORIGIN) / inner
        if self.kind == "4in6":
            a6, b6 = (TUN_A6, TUN_B6) if d == 0 else (TUN_B6, TUN_A6)
            return eth / IPv6(src=a6, dst=b6, nh=4) / inner
        return eth / IP(src=a, dst=b, id=1, proto=41) / inner   # 6in4



def tunnels(cap):
    """tunnels.pcap: every scenario of the docstring; each tunnelled
    packet planted as a "tunnel" row."""
    start = len(cap.pkts)
    ftp(cap, TunnelTcp(cap, 40050, 21, "gre"), user="tunnel-gre")
    t = TunnelTcp(cap, 40051, 80, "vxlan").open()
    http_get_on(t, "vxlan.example.net")
    t = TunnelTcp(cap, 40052, 443, "gtpu").open()
    tls_session(t, "gtp.example.net")   # plants tls, host and web
    t.close()
    for port, kind, host in ((40053, "teredo", "teredo.example.net"),
                             (40054, "4in6", "v4in6.example.net"),
                             (40055, "6in4", "v6in4.example.net")):
        t = TunnelTcp(cap, port, 80, kind).open()
        http_get_on(t, host)
    for _ in range(len(cap.pkts) - start):
        cap.plant("tunnel", "IP")
    # five layers of IPv4 in IPv4: the packet inside the fourth is read (a
    # tunnelled packet, proto 4), the fifth is not opened
    p = Ether(src=CMAC, dst=SMAC) / IP(src=TUN_A4, dst=TUN_B4, id=1)
    for _ in range(4):
        p = p / IP(src=TUN_A4, dst=TUN_B4, id=1)
    cap.add(p / IP(src=CLIENT4, dst=SERVER4, id=1) / UDP(sport=40056, dport=9) / Raw(b"deep"))
    cap.plant("tunnel", "IP")
    cap.plant("tunnel-cut", "IP")


def http_get_on(t, host):
    """An HTTP GET for host on t (already open) and its reply; plants the
    web flow and the host."""
    t.c(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    t.cap.plant("web", "HTTP")
    t.cap.plant("host", "http-host", host)
    t.s(b"HTTP/1.1 204 No Content\r\n\r\n")
    t.close()


# ---- 802.11 networks (issue 16 §4) -----------------------------------------------

def rsn(pairwise, akms, caps):
    """An RSNE (IEEE 802.11-2020 §9.4.2.24): version 1, group CCMP, the
    pairwise cipher and AKM suite types under 00-0F-AC, RSN Capabilities."""
    body = struct.pack("<H", 1) + b"\x00\x0f\xac\x04"
    body += struct.pack("<H", len(pairwise)) + b"".join(b"\x00\x0f\xac" + bytes([c]) for c in pairwise)
    body += struct.pack("<H", len(akms)) + b"".join(b"\x00\x0f\xac" + bytes([a]) for a in akms)
    body += struct.pack("<H", caps)
    return bytes([48, len(body)]) + body


# WPA1 (vendor element 00-50-F2 type 1): TKIP group and pairwise, PSK
WPA1_TKIP_PSK = bytes([221, 22]) + b"\x00\x50\xf2\x01" + struct.pack("<H", 1) + \
    b"\x00\x50\xf2\x02" + struct.pack("<H", 1) + b"\x00\x50\xf2\x02" + \
    struct.pack("<H", 1) + b"\x00\x50\xf2\x02"
MFPC, MFPR = 0x80, 0x40


def mgmt(cap, bssid, ssid, privacy, elements, probe=False):
    """A beacon (or probe response) of bssid: timestamp, interval 100,
    Capability Information (ESS, Privacy), SSID, the elements; returns its
    packet number."""
    capinfo = 0x0001 | (0x0010 if privacy else 0)
    body = struct.pack("<QHH", 0, 100, capinfo) + bytes([0, len(ssid)]) + ssid + elements
    f = RadioTap() / Dot11(type=0, subtype=5 if probe else 8,
                           addr1="02:00:00:00:10:20" if probe else "ff:ff:ff:ff:ff:ff",
                           addr2=bssid, addr3=bssid) / Raw(body)
    cap.add(f)
    return len(cap.pkts)


def wlan_networks(cap):
    """wlan-networks.pcap: each network planted with what edgelint must
    say of it (the docstring's wlan rows)."""
    def net(bssid, ssid_shown, sec, n):
        cap.plant("wlan", sec, ssid_shown, bssid, packet=n)
    n = mgmt(cap, BSSID, b"Cafe-Free", False, b"")
    net(BSSID, "Cafe-Free", "open", n)
    http_get_on(WlanTcp(cap, 40060, 80).open(), "cafe.example.net")
    cap.plant("wlan-data", "802.11", "Cafe-Free", BSSID)
    n = mgmt(cap, "02:00:00:00:0c:01", b"OldPrinter", True, b"")
    net("02:00:00:00:0c:01", "OldPrinter", "wep", n)
    n = mgmt(cap, "02:00:00:00:0c:02", b"Legacy-WPA", True, WPA1_TKIP_PSK)
    net("02:00:00:00:0c:02", "Legacy-WPA", "wpa-personal", n)
    n = mgmt(cap, "02:00:00:00:0b:01", b"Home-WPA2", True, rsn([4], [2], 0))
    net("02:00:00:00:0b:01", "Home-WPA2", "wpa2-personal", n)
    for i in range(2):   # its encrypted data frames (the BSSID of protected_frame)
        protected_frame(cap, 10 + i)
    cap.plant("wlan-data", "802.11", "Home-WPA2", "02:00:00:00:0b:01")
    n = mgmt(cap, "02:00:00:00:0c:03", b"Office", True, rsn([4], [2, 8], MFPC))
    net("02:00:00:00:0c:03", "Office", "wpa2-wpa3-personal", n)
    n = mgmt(cap, "02:00:00:00:0c:04", b"Office-WPA3", True, rsn([4], [8], MFPC | MFPR))
    net("02:00:00:00:0c:04", "Office-WPA3", "wpa3-personal", n)
    n = mgmt(cap, "02:00:00:00:0c:05", b"Station-OWE", True, rsn([4], [18], MFPC | MFPR))
    net("02:00:00:00:0c:05", "Station-OWE", "owe", n)
    n = mgmt(cap, "02:00:00:00:0c:06", b"", True, rsn([4], [2], MFPC))
    mgmt(cap, "02:00:00:00:0c:06", b"Secret-Net", True, rsn([4], [2], MFPC), probe=True)
    net("02:00:00:00:0c:06", "Secret-Net", "wpa2-personal", n)
    n = mgmt(cap, "02:00:00:00:0c:07", "家".encode() + b"\x01-corp", True, rsn([4], [1], 0))
    net("02:00:00:00:0c:07", "家\\x01-corp", "wpa2-enterprise", n)


def b64(s):
    return base64.b64encode(s.encode()).decode()


# ---- TLS ---------------------------------------------------------------------

def ext(t, body):
    return struct.pack("!HH", t, len(body)) + body


def client_hello(sni, version=0x0304, quic=False):
    """A ClientHello handshake message (type, 24-bit length, body)."""
    exts = b""
    if sni:
        name = sni.encode()
        exts += ext(0, struct.pack("!HBH", len(name) + 3, 0, len(name)) + name)
    exts += ext(10, struct.pack("!HH", 2, 0x001d))                    # supported_groups
    exts += ext(13, struct.pack("!HHH", 4, 0x0403, 0x0804))           # signature_algorithms
    if version >= 0x0304:
        exts += ext(43, struct.pack("!BH", 2, 0x0304))                 # supported_versions
        exts += ext(51, struct.pack("!HHH", 36, 0x001d, 32) + bytes(range(32)))   # key_share
    if quic:
        exts += ext(16, b"\x00\x03\x02h3")                            # ALPN h3
        exts += ext(0x39, b"\x04\x04\x80\x10\x00\x00")                # transport parameters
    legacy = 0x0303 if version >= 0x0303 else version
    sid = b"" if quic else bytes(range(32, 64))
    suites = [0x1301, 0x1302] if version >= 0x0304 else [0x002f, 0x0035]
    body = (struct.pack("!H", legacy) + bytes(range(64, 96)) + bytes([len(sid)]) + sid +
            struct.pack("!H", 2 * len(suites)) + b"".join(struct.pack("!H", s) for s in suites) +
            b"\x01\x00" + struct.pack("!H", len(exts)) + exts)
    return b"\x01" + struct.pack("!I", len(body))[1:] + body


def server_hello(version):
    exts = b""
    if version >= 0x0304:
        exts = ext(43, struct.pack("!H", 0x0304)) + ext(51, struct.pack("!HH", 0x001d, 32) +
                                                          bytes(range(100, 132)))
    legacy = 0x0303 if version >= 0x0303 else version
    body = (struct.pack("!H", legacy) + bytes(range(132, 164)) + b"\x20" + bytes(range(32, 64)) +
            struct.pack("!H", 0x1301 if version >= 0x0304 else 0x002f) + b"\x00" +
            (struct.pack("!H", len(exts)) + exts if exts else b""))
    return b"\x02" + struct.pack("!I", len(body))[1:] + body


def record(ctype, version, body):
    return struct.pack("!BHH", ctype, version, len(body)) + body


def tls_session(t, sni, version=0x0304, appdata=b""):
    """Hellos, then application data records (whose content is opaque)."""
    t.c(record(22, 0x0301, client_hello(sni, version)))
    n = t.s(record(22, 0x0303 if version >= 0x0303 else version, server_hello(version)))
    name = {0x0304: "TLS1.3", 0x0303: "TLS1.2", 0x0302: "TLS1.1", 0x0301: "TLS1.0"}[version]
    t.cap.plant("tls", name)
    if version < 0x0303:
        t.cap.plant("old-tls", name, packet=n)
    if sni:
        t.cap.plant("host", "sni", sni)
    if t.sport == 443:
        t.cap.plant("web", "HTTPS")
    rv = 0x0303 if version >= 0x0303 else version
    t.c(record(23, rv, appdata or bytes(64)))
    t.s(record(23, rv, bytes(range(200))))


CERTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unit", "data", "certs")


def certificate_msg(files):
    """A TLS 1.2 Certificate handshake message (RFC 5246 §7.4.2)."""
    ders = []
    for fn in files:
        with open(os.path.join(CERTS, fn), "rb") as f:
            ders.append(f.read())
    body = b"".join(struct.pack("!I", len(d))[1:] + d for d in ders)
    body = struct.pack("!I", len(body))[1:] + body
    return b"\x0b" + struct.pack("!I", len(body))[1:] + body


def tls12_cert_session(t, sni, files, rules, split=False):
    """A TLS 1.2 handshake: ClientHello; ServerHello, Certificate and
    ServerHelloDone from the server (split: the Certificate in two records,
    the flight in three TCP segments); the rules its certificate implies
    planted at the packet that completed the Certificate message."""
    t.c(record(22, 0x0301, client_hello(sni, 0x0303)))
    cert = certificate_msg(files)
    done = b"\x0e\x00\x00\x00"
    if split:
        half = len(cert) // 2
        flight = (record(22, 0x0303, server_hello(0x0303)) + record(22, 0x0303, cert[:half]) +
                  record(22, 0x0303, cert[half:] + done))
        end = len(flight) - len(done)   # the Certificate's last byte is before ServerHelloDone
        n = t.split(1, flight, [300, 900])
        assert end > 900
    else:
        n = t.s(record(22, 0x0303, server_hello(0x0303)) + record(22, 0x0303, cert) +
                record(22, 0x0303, done))
    t.cap.plant("tls", "TLS1.2")
    t.cap.plant("host", "sni", sni)
    t.cap.plant("web", "HTTPS")
    for r in rules:
        t.cap.plant("cert", r, packet=n)
    t.c(record(20, 0x0303, b"\x01"))
    t.s(record(20, 0x0303, b"\x01"))
    t.c(record(23, 0x0303, bytes(64)))
    t.close()


def http_get(cap, cport, host):
    """A cleartext HTTP GET naming host (port 80), and its empty reply."""
    t = Tcp(cap, cport, 80).open()
    t.c(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n")
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", host)
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()


# ---- QUIC (RFC 9001) ------------------------------------------------------------

def hkdf_extract(salt, ikm):
    h = hmac.HMAC(salt, hashes.SHA256())
    h.update(ikm)
    return h.finalize()


def expand_label(secret, label, n):
    full = b"tls13 " + label.encode()
    info = struct.pack("!HB", n, len(full)) + full + b"\x00"
    return HKDFExpand(hashes.SHA256(), n, info).derive(secret)


def quic_initial(dcid, pn, frames, pad_to=1200):
    """A protected client Initial of version 1 (RFC 9001 §5), padded so the
    datagram reaches pad_to bytes (RFC 9000 §14.1)."""
    salt = bytes.fromhex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a")
    secret = expand_label(hkdf_extract(salt, dcid), "client in", 32)
    key, iv, hp = (expand_label(secret, "quic key", 16), expand_label(secret, "quic iv", 12),
                   expand_label(secret, "quic hp", 16))
    scid = bytes.fromhex("c0ffee0000000001")
    head = b"\xc1" + struct.pack("!I", 1) + bytes([len(dcid)]) + dcid + bytes([len(scid)]) + scid
    head += b"\x00"                                   # no token
    fixed = len(head) + 2 + 2                         # + Length (2-byte varint) + pn (2 bytes)
    frames = frames + bytes(max(0, pad_to - fixed - len(frames) - 16))   # PADDING frames
    length = 2 + len(frames) + 16
    head += struct.pack("!H", 0x4000 | length)
    pn_off = len(head)
    head += struct.pack("!H", pn)
    nonce = bytes(a ^ b for a, b in zip(iv, pn.to_bytes(12, "big")))
    payload = AESGCM(key).encrypt(nonce, frames, head)
    pkt = bytearray(head + payload)
    enc = Cipher(algorithms.AES(hp), modes.ECB()).encryptor()
    mask = enc.update(bytes(pkt[pn_off + 4:pn_off + 20])) + enc.finalize()
    pkt[0] ^= mask[0] & 0x0F
    pkt[pn_off] ^= mask[1]
    pkt[pn_off + 1] ^= mask[2]
    return bytes(pkt)


def crypto_frame(off, data):
    return b"\x06" + struct.pack("!HH", 0x4000 | off, 0x4000 | len(data)) + data


def udp(cap, d, sport, dport, data):
    src, dst = (CLIENT4, SERVER4) if d == 0 else (SERVER4, CLIENT4)
    sp, dp = (sport, dport) if d == 0 else (dport, sport)
    eth = Ether(src=CMAC if d == 0 else SMAC, dst=SMAC if d == 0 else CMAC)
    cap.add(eth / IP(src=src, dst=dst, id=1) / UDP(sport=sp, dport=dp) / Raw(data))
    return len(cap.pkts)


# ---- the scenarios ----------------------------------------------------------------

def ftp(cap, t, user="alice", pw="Synth-Ftp-Pw1"):
    t.open()
    t.s(b"220 files.example.org FTP server ready\r\n")
    t.c(f"USER {user}\r\n".encode())
    t.s(b"331 Password required\r\n")
    cap.login("FTP", user, t.server(), t.c(f"PASS {pw}\r\n".encode()))
    t.s(b"230 User logged in\r\n")
    cap.outcome("succeeded")   # RFC 959 §5.4
    t.c(b"QUIT\r\n")
    t.s(b"221 Goodbye\r\n")
    t.close()


# ---- the logins of issue 16 -------------------------------------------------------

def tds_packet(ptype, data, status=0x01, pid=1):
    """[MS-TDS] 2.2.3.1.1: type, status (0x01 end of message), length
    (big-endian, with the 8-byte header), SPID, PacketID, Window."""
    return struct.pack(">BBHHBB", ptype, status, 8 + len(data), 0, pid, 0) + data


def tds_prelogin(encryption):
    """[MS-TDS] 2.2.6.5 PRELOGIN: VERSION and ENCRYPTION option tokens
    (0x02 ENCRYPT_NOT_SUP: nothing is encrypted, the login included)."""
    opts = [(0x00, bytes([16, 0, 0x07, 0xd0, 0, 0])), (0x01, bytes([encryption]))]
    off = 5 * len(opts) + 1
    head, body = b"", b""
    for tok, val in opts:
        head += struct.pack(">BHH", tok, off + len(body), len(val))
        body += val
    return head + b"\xff" + body


def tds_login7(host, user, pw, app, server, db):
    """[MS-TDS] 2.2.6.4 LOGIN7 (TDS 7.4): the 94-byte fixed part, then the
    UTF-16LE strings; the password nibble-swapped then XORed with 0xA5."""
    def u16(x):
        return x.encode("utf-16-le")
    def hide(x):
        return bytes((((b << 4) | (b >> 4)) & 0xff) ^ 0xA5 for b in u16(x))
    fields = [u16(host), u16(user), hide(pw), u16(app), u16(server), b"", u16("ODBC"),
              b"", u16(db)]
    off, ol, data = 94, b"", b""
    for f in fields:
        ol += struct.pack("<HH", off + len(data), len(f) // 2)
        data += f
    ol += bytes(6)                                          # ClientID
    ol += struct.pack("<HH", off + len(data), 0)           # SSPI
    ol += struct.pack("<HH", off + len(data), 0)           # AtchDBFile
    ol += struct.pack("<HH", off + len(data), 0)           # ChangePassword
    ol += struct.pack("<I", 0)                             # cbSSPILong
    fixed = struct.pack("<IIIIII", 94 + len(data), 0x74000004, 4096, 7, 4242, 0)
    fixed += bytes([0xE0, 0x03, 0x00, 0x00]) + struct.pack("<iI", 0, 0x0409)
    body = fixed + ol + data
    assert len(fixed + ol) == 94
    return body




# ---- hash16 (issue 16 section 1): Digest (HTTP, SIP), APOP, PostgreSQL -----------

def digest_response(alg, user, realm, pw, method, uri, nonce, qop=None, nc=None, cnonce=None):
    """The Digest response of RFC 7616 section 3.4.1 (RFC 2617 3.2.2.1
    without qop): KD(H(A1), nonce:nc:cnonce:qop:H(A2)) or, without qop,
    KD(H(A1), nonce:H(A2)); H is MD5 or SHA-256."""
    h = (lambda b: hashlib.sha256(b).hexdigest()) if alg == "SHA-256" else \
        (lambda b: hashlib.md5(b).hexdigest())
    ha1 = h(f"{user}:{realm}:{pw}".encode())
    ha2 = h(f"{method}:{uri}".encode())
    mid = f"{nonce}:{nc}:{cnonce}:{qop}" if qop else nonce
    return h(f"{ha1}:{mid}:{ha2}".encode())


def hash16_samples():
    """http-digest.pcap, pop3-apop.pcap, sip-digest.pcap and
    pgsql-login.pcap (EL406 http-digest, http-digest-replay, apop,
    sip-digest, sip-digest-replay and pgsql-md5; EL403 for PostgreSQL's
    cleartext password); every password synthetic."""
    # HTTP Digest (RFC 7616 sections 3.3, 3.4): a request, the server's 401
    # with WWW-Authenticate Digest (qop="auth"), the request again with the
    # credentials, 200; MD5 on port 80, SHA-256 on port 8081; then the
    # RFC 2069 form (no qop, no cnonce: RFC 2617 3.2.2.1) to a proxy on 3128
    cap = Capture()
    for cport, sport, alg, user, pw in ((40200, 80, "MD5", "greta", "Synth-Digest-Pw31"),
                                        (40201, 8081, "SHA-256", "hugo", "Synth-Digest-Pw32")):
        realm, nonce, cnonce = "intranet@example.org", f"nonce-{cport}-7ypf", f"cn-{cport}"
        t = Tcp(cap, cport, sport).open()
        cap.plant("web", "HTTP")
        cap.plant("host", "http-host", "intranet.example.org")
        t.c(b"GET /private/ HTTP/1.1\r\nHost: intranet.example.org\r\n\r\n")
        t.s(f'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="{realm}", '
            f'qop="auth", algorithm={alg}, nonce="{nonce}", opaque="op"\r\n'
            f"Content-Length: 0\r\n\r\n".encode())
        resp = digest_response(alg, user, realm, pw, "GET", "/private/", nonce, "auth",
                               "00000001", cnonce)
        cap.hashed("HTTP Digest", f"Digest {alg}", f'{user} (realm {realm})', t.server(),
                   t.c(f'GET /private/ HTTP/1.1\r\nHost: intranet.example.org\r\n'
                       f'Authorization: Digest username="{user}", realm="{realm}", '
                       f'uri="/private/", algorithm={alg}, nonce="{nonce}", nc=00000001, '
                       f'cnonce="{cnonce}", qop=auth, response="{resp}", opaque="op"\r\n\r\n'
                       .encode()))
        t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        t.close()
    t = Tcp(cap, 40202, 3128).open()
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "www.example.com")
    nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
    t.c(b"GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\n\r\n")
    t.s(f'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Digest '
        f'realm="proxy", nonce="{nonce}"\r\nContent-Length: 0\r\n\r\n'.encode())
    resp = digest_response("MD5", "ines", "proxy", "Synth-Digest-Pw33", "GET", "http://www.example.com/",
                           nonce)
    cap.hashed("HTTP proxy Digest", "Digest MD5", 'ines (realm proxy)', t.server(),
               t.c(f'GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\n'
                   f'Proxy-Authorization: Digest username="ines", realm="proxy", '
                   f'nonce="{nonce}", uri="http://www.example.com/", response="{resp}"\r\n\r\n'
                   .encode()))
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    t.close()
    cap.write("http-digest.pcap")

    # POP3 APOP (RFC 1939 section 7): the greeting's timestamp, then APOP
    # name digest, the MD5 of the timestamp followed by the secret, in hex;
    # on port 1110 (recognised by the dialogue)
    cap = Capture()
    t = Tcp(cap, 40210, 1110).open()
    stamp = b"<4242.1763700000@mail.example.org>"
    t.s(b"+OK POP3 server ready " + stamp + b"\r\n")
    digest = hashlib.md5(stamp + b"Synth-Apop-Pw34").hexdigest().encode()
    cap.hashed("POP3 APOP", "APOP MD5", "jorge", t.server(), t.c(b"APOP jorge " + digest + b"\r\n"))
    t.s(b"+OK jorge's maildrop has 0 messages (0 octets)\r\n")
    t.c(b"QUIT\r\n")
    t.s(b"+OK bye\r\n")
    t.close()
    cap.write("pop3-apop.pcap")

    # SIP Digest (RFC 3261 sections 8.1.3.5, 22.4): over UDP a REGISTER, the
    # registrar's 401 with WWW-Authenticate, the REGISTER again with
    # Authorization (qop=auth) and its retransmission (section 17.1.1.2: the
    # same credentials, counted, not another login); over TCP on port 5080
    # an INVITE with Proxy-Authorization in the RFC 2069 form (no qop)
    cap = Capture()
    def sip_req(method, uri, cseq, auth=b""):
        return (f"{method} {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {CLIENT4}:5060;branch=z9hG4bK{cseq}\r\n"
                f"From: <sip:201@pbx.example.org>;tag=77\r\nTo: <sip:201@pbx.example.org>\r\n"
                f"Call-ID: c0ffee@{CLIENT4}\r\nCSeq: {cseq} {method}\r\n").encode() + auth + \
            b"Content-Length: 0\r\n\r\n"
    udp(cap, 0, 5060, 5060, sip_req("REGISTER", "sip:pbx.example.org", 1))
    nonce = "62e1a5f0"
    udp(cap, 1, 5060, 5060, (f'SIP/2.0 401 Unauthorized\r\nCSeq: 1 REGISTER\r\nWWW-Authenticate: '
                             f'Digest realm="pbx.example.org", nonce="{nonce}", qop="auth", '
                             f'algorithm=MD5\r\nContent-Length: 0\r\n\r\n').encode())
    resp = digest_response("MD5", "201", "pbx.example.org", "Synth-Sip-Pw35", "REGISTER",
                           "sip:pbx.example.org", nonce, "auth", "00000001", "a9")
    reg = sip_req("REGISTER", "sip:pbx.example.org", 2,
                  (f'Authorization: Digest username="201", realm="pbx.example.org", nonce="{nonce}", '
                   f'uri="sip:pbx.example.org", response="{resp}", algorithm=MD5, qop=auth, '
                   f'cnonce="a9", nc=00000001\r\n').encode())
    cap.hashed("SIP Digest", "Digest MD5", '201 (realm pbx.example.org)', f"{SERVER4}:5060",
               udp(cap, 0, 5060, 5060, reg))
    udp(cap, 0, 5060, 5060, reg)                                               # retransmitted
    udp(cap, 1, 5060, 5060, b"SIP/2.0 200 OK\r\nCSeq: 2 REGISTER\r\nContent-Length: 0\r\n\r\n")
    t = Tcp(cap, 40220, 5080).open()
    resp = digest_response("MD5", "202", "voip", "Synth-Sip-Pw36", "INVITE", "sip:300@pbx.example.org",
                           "dcd98b71")
    sdp = b"v=0\r\no=- 1 1 IN IP4 192.168.10.20\r\ns=-\r\nc=IN IP4 192.168.10.20\r\nt=0 0\r\n"
    cap.hashed("SIP proxy Digest", "Digest MD5", '202 (realm voip)', t.server(),
               t.c(("INVITE sip:300@pbx.example.org SIP/2.0\r\nCSeq: 1 INVITE\r\n"
                    'Proxy-Authorization: Digest username="202", realm="voip", nonce="dcd98b71", '
                    f'uri="sip:300@pbx.example.org", response="{resp}"\r\n'
                    f"Content-Type: application/sdp\r\nContent-Length: {len(sdp)}\r\n\r\n")
                   .encode() + sdp))
    t.s(b"SIP/2.0 100 Trying\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
    t.close()
    cap.write("sip-digest.pcap")

    # PostgreSQL (frontend/backend protocol 3.0, PostgreSQL documentation,
    # Frontend/Backend Protocol: Message Flow, Message Formats): an SSLRequest answered 'N', the StartupMessage,
    # AuthenticationMD5Password with its salt, the PasswordMessage "md5" +
    # hex(MD5(hex(MD5(password + user)) + salt)), AuthenticationOk; on port
    # 15432 AuthenticationCleartextPassword and the password as it is (EL403)
    cap = Capture()
    def pg(mtype, body):
        return (mtype if mtype else b"") + struct.pack(">I", 4 + len(body)) + body
    def startup(user):
        return pg(b"", struct.pack(">I", 196608) + b"user\0" + user + b"\0database\0sales\0\0")
    t = Tcp(cap, 40230, 5432).open()
    t.c(struct.pack(">II", 8, 80877103))
    t.s(b"N")
    t.c(startup(b"karl"))
    salt = bytes([0x89, 0xbb, 0x8e, 0xd0])
    t.s(pg(b"R", struct.pack(">I", 5) + salt))
    inner = hashlib.md5(b"Synth-Pg-Pw37" + b"karl").hexdigest().encode()
    cap.hashed("PostgreSQL", "PostgreSQL md5", "karl", t.server(),
               t.c(pg(b"p", b"md5" + hashlib.md5(inner + salt).hexdigest().encode() + b"\0")))
    t.s(pg(b"R", struct.pack(">I", 0)) + pg(b"Z", b"I"))
    t.close()
    t = Tcp(cap, 40231, 15432).open()
    t.c(startup(b"lena"))
    t.s(pg(b"R", struct.pack(">I", 3)))
    cap.login("PostgreSQL", "lena", t.server(), t.c(pg(b"p", b"Synth-Pg-Pw38\0")))
    t.s(pg(b"R", struct.pack(">I", 0)) + pg(b"Z", b"I"))
    t.close()
    cap.write("pgsql-login.pcap")


def main():
    os.makedirs(OUT, exist_ok=True)

    cap = Capture()
    ftp(cap, Tcp(cap, 40001, 21))
    cap.write("ftp-login.pcap")

    cap = Capture()
    ftp(cap, Tcp(cap, 40002, 21, v6=True), user="bob", pw="Synth-V6-Pw2")
    cap.write("ftp-login-ipv6.pcap")

    # Telnet: the server echoes each login character, not the password's
    cap = Capture()
    t = Tcp(cap, 40003, 23).open()
    t.s(b"\xff\xfb\x01\xff\xfb\x03")        # IAC WILL ECHO, IAC WILL SUPPRESS-GO-AHEAD
    t.c(b"\xff\xfd\x01\xff\xfd\x03")        # IAC DO ECHO, IAC DO SUPPRESS-GO-AHEAD
    t.s(b"\r\nswitch01 login: ")
    for ch in "admin":
        t.c(ch.encode(), ack=False)
        t.s(ch.encode())
    t.c(b"\r\n", ack=False)
    t.s(b"\r\nPassword: ")
    for ch in "Synth-Tn-Pw3":
        t.c(ch.encode())
    cap.login("Telnet", "admin", t.server(), t.c(b"\r\n", ack=False))
    t.s(b"\r\nLast login: Fri Nov 21 09:00:00 2025\r\nswitch01$ ")
    cap.outcome("succeeded")   # a shell prompt
    t.close()
    cap.write("telnet-login.pcap")

    cap = Capture()
    t = Tcp(cap, 40004, 110).open()
    t.s(b"+OK POP3 mail.example.org ready\r\n")
    t.c(b"USER carol\r\n")
    t.s(b"+OK\r\n")
    cap.login("POP3", "carol", t.server(), t.c(b"PASS Synth-Pop-Pw4\r\n"))
    t.s(b"+OK carol has 2 messages\r\n")
    cap.outcome("succeeded")   # RFC 1939 §7
    t.c(b"QUIT\r\n")
    t.s(b"+OK bye\r\n")
    t.close()
    cap.write("pop3-user-pass.pcap")

    cap = Capture()
    t = Tcp(cap, 40005, 110).open()
    t.s(b"+OK POP3 ready\r\n")
    t.c(b"AUTH PLAIN\r\n")
    t.s(b"+ \r\n")
    cap.login("POP3 AUTH PLAIN", "dave@example.org", t.server(),
              t.c((b64("\0dave@example.org\0Synth-Plain-Pw5") + "\r\n").encode()))
    t.s(b"+OK authenticated\r\n")
    cap.outcome("succeeded")   # RFC 5034 §4
    t.close()
    cap.write("pop3-auth-plain.pcap")

    cap = Capture()
    t = Tcp(cap, 40006, 143).open()
    t.s(b"* OK IMAP4rev1 ready\r\n")
    cap.login("IMAP", "erin", t.server(), t.c(b'a1 LOGIN "erin" "Synth Imap Pw6"\r\n'))
    t.s(b"a1 OK LOGIN completed\r\n")
    cap.outcome("succeeded")   # RFC 9051 §6.2.3
    t.c(b"a2 LOGOUT\r\n")
    t.s(b"* BYE\r\na2 OK\r\n")
    t.close()
    cap.write("imap-login-quoted.pcap")

    # IMAP literals: {n} then a continuation request before the n bytes (RFC 3501 §4.3)
    cap = Capture()
    t = Tcp(cap, 40007, 143).open()
    t.s(b"* OK IMAP4rev1 ready\r\n")
    t.c(b"b1 LOGIN {5}\r\n")
    t.s(b"+ Ready for literal data\r\n")
    t.c(b"frank {13}\r\n")
    t.s(b"+ Ready for literal data\r\n")
    cap.login("IMAP", "frank", t.server(), t.c(b"Synth-Lit-Pw7\r\n"))
    t.s(b"b1 OK LOGIN completed\r\n")
    cap.outcome("succeeded")
    t.close()
    cap.write("imap-login-literal.pcap")

    cap = Capture()
    t = Tcp(cap, 40008, 587).open()
    t.s(b"220 smtp.example.org ESMTP\r\n")
    t.c(b"EHLO client.example.org\r\n")
    t.s(b"250-smtp.example.org\r\n250-AUTH LOGIN PLAIN\r\n250 OK\r\n")
    t.c(b"AUTH LOGIN\r\n")
    t.s(b"334 VXNlcm5hbWU6\r\n")
    t.c((b64("grace@example.org") + "\r\n").encode())
    t.s(b"334 UGFzc3dvcmQ6\r\n")
    cap.login("SMTP AUTH LOGIN", "grace@example.org", t.server(),
              t.c((b64("Synth-Login-Pw8") + "\r\n").encode()))
    t.s(b"235 2.7.0 Authentication successful\r\n")
    cap.outcome("succeeded")   # RFC 4954 §6
    t.c(b"QUIT\r\n")
    t.s(b"221 Bye\r\n")
    t.close()
    cap.write("smtp-auth-login.pcap")

    cap = Capture()
    t = Tcp(cap, 40009, 25).open()
    t.s(b"220 smtp.example.org ESMTP\r\n")
    t.c(b"EHLO client.example.org\r\n")
    t.s(b"250-smtp.example.org\r\n250 AUTH PLAIN\r\n")
    cap.login("SMTP AUTH PLAIN", "heidi@example.org", t.server(),
              t.c(("AUTH PLAIN " + b64("\0heidi@example.org\0Synth-Plain-Pw9") + "\r\n").encode()))
    t.s(b"235 2.7.0 Authentication successful\r\n")
    cap.outcome("succeeded")
    t.close()
    cap.write("smtp-auth-plain.pcap")

    cap = Capture()
    t = Tcp(cap, 40010, 80).open()
    cap.login("HTTP Basic", "ivan", t.server(),
              t.c(("GET /admin/ HTTP/1.1\r\nHost: router.example.net\r\nAuthorization: Basic " +
                   b64("ivan:Synth-Basic-Pw10") + "\r\n\r\n").encode()))
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "router.example.net")
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    t.close()
    cap.write("http-basic.pcap")

    cap = Capture()
    t = Tcp(cap, 40011, 80).open()
    form = b"username=judy&password=Synth-Form-Pw11&remember=1"
    cap.login("HTTP form", "judy", t.server(),
              t.c(b"POST /login HTTP/1.1\r\nHost: intranet.example.org\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                  str(len(form)).encode() + b"\r\n\r\n" + form))
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "intranet.example.org")
    t.s(b"HTTP/1.1 302 Found\r\nLocation: /home\r\nContent-Length: 0\r\n\r\n")
    t.close()
    cap.write("http-form-post.pcap")

    # LDAP simple bind (RFC 4511 §4.2): BindRequest [APPLICATION 0], simple [0]
    cap = Capture()
    t = Tcp(cap, 40012, 389).open()
    dn, pw = b"cn=ken,ou=people,dc=example,dc=org", b"Synth-Ldap-Pw12"
    op = b"\x02\x01\x03" + b"\x04" + bytes([len(dn)]) + dn + b"\x80" + bytes([len(pw)]) + pw
    msg = b"\x02\x01\x01" + b"\x60" + bytes([len(op)]) + op
    cap.login("LDAP simple bind", dn.decode(), t.server(), t.c(b"\x30" + bytes([len(msg)]) + msg))
    t.s(bytes.fromhex("300c02010161070a010004000400"))     # bindResponse success
    cap.outcome("succeeded")   # RFC 4511 §4.2.2
    t.close()
    cap.write("ldap-simple-bind.pcap")

    # SNMPv2c GetRequest for sysDescr.0 (RFC 3416), and the response
    cap = Capture()
    comm = b"synth-community-13"
    vb = bytes.fromhex("300e300c06082b060102010101000500")
    pdu = bytes.fromhex("020400001234020100020100") + vb
    get = b"\x02\x01\x01\x04" + bytes([len(comm)]) + comm + b"\xa0" + bytes([len(pdu)]) + pdu
    cap.login("SNMPv2c community", "-", f"{SERVER4}:161",
              udp(cap, 0, 40013, 161, b"\x30" + bytes([len(get)]) + get))
    resp = get.replace(b"\xa0", b"\xa2", 1)
    udp(cap, 1, 40013, 161, b"\x30" + bytes([len(resp)]) + resp)
    cap.write("snmpv2c-community.pcap")

    # HTTP Basic on a non-standard port
    cap = Capture()
    t = Tcp(cap, 40014, 8081).open()
    cap.login("HTTP Basic", "leo", t.server(),
              t.c(("GET /status HTTP/1.1\r\nHost: nas.example.org:8081\r\nAuthorization: Basic " +
                   b64("leo:Synth-Port-Pw14") + "\r\n\r\n").encode()))
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "nas.example.org")    # the Host header's port is not the name
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    cap.write("http-basic-port-8081.pcap")

    # an IMAP LOGIN in three segments, in order; a POP3 PASS in three, out of order
    cap = Capture()
    t = Tcp(cap, 40015, 143).open()
    t.s(b"* OK IMAP4rev1 ready\r\n")
    cap.login("IMAP", "mallory", t.server(),
              t.split(0, b'c1 LOGIN mallory "Synth-Split-Pw15"\r\n', [6, 20]))
    t.s(b"c1 OK LOGIN completed\r\n")
    t.close()
    cap.write("imap-login-split.pcap")

    cap = Capture()
    t = Tcp(cap, 40016, 110).open()
    t.s(b"+OK POP3 ready\r\n")
    t.c(b"USER niaj\r\n")
    t.s(b"+OK\r\n")
    cap.login("POP3", "niaj", t.server(),
              t.split(0, b"PASS Synth-Ooo-Pw16\r\n", [4, 11], order=[2, 0, 1]))
    t.s(b"+OK logged in\r\n")
    t.close()
    cap.write("pop3-login-out-of-order.pcap")

    # STARTTLS: after the switch, TLS records whose bytes happen to spell a
    # login must not be read as one
    fake = b"AUTH PLAIN " + b64("\0olivia@example.org\0Not-A-Login-17").encode() + b"\r\n"
    cap = Capture()
    t = Tcp(cap, 40017, 587).open()
    t.s(b"220 smtp.example.org ESMTP\r\n")
    t.c(b"EHLO client.example.org\r\n")
    t.s(b"250-smtp.example.org\r\n250 STARTTLS\r\n")
    t.c(b"STARTTLS\r\n")
    t.s(b"220 2.0.0 Ready to start TLS\r\n")
    tls_session(t, "smtp.example.org", appdata=fake)
    t.close()
    cap.write("smtp-starttls.pcap")

    cap = Capture()
    t = Tcp(cap, 40018, 143).open()
    t.s(b"* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n")
    t.c(b"a1 STARTTLS\r\n")
    t.s(b"a1 OK Begin TLS negotiation now\r\n")
    tls_session(t, "imap.example.org", appdata=b'a2 LOGIN "peggy" "Not-A-Login-18"\r\n')
    t.close()
    cap.write("imap-starttls.pcap")

    cap = Capture()
    t = Tcp(cap, 40019, 110).open()
    t.s(b"+OK POP3 ready\r\n")
    t.c(b"STLS\r\n")
    t.s(b"+OK Begin TLS\r\n")
    tls_session(t, "pop.example.org", appdata=b"USER quentin\r\nPASS Not-A-Login-19\r\n")
    t.close()
    cap.write("pop3-stls.pcap")

    cap = Capture()
    t = Tcp(cap, 40020, 443).open()
    tls_session(t, "www.example.com")
    t.close()
    cap.write("tls13-sni.pcap")

    cap = Capture()
    t = Tcp(cap, 40021, 443).open()
    tls_session(t, "legacy.example.net", version=0x0301)
    t.close()
    cap.write("tls10-old.pcap")

    # Server certificates over TLS 1.2 (issue 16 §5). The capture's time is
    # 2025-11-21; the test CA is private, so each chain also has an unknown
    # issuer (EL412) unless it is self-signed (EL411 instead).
    cap = Capture()
    tls12_cert_session(Tcp(cap, 40030, 443).open(), "www.example.test", ["ok.der", "ca.der"],
                       ["EL412"], split=True)
    tls12_cert_session(Tcp(cap, 40031, 443).open(), "img.cdn.example.test",
                       ["ok.der", "ca.der"], ["EL412"])
    tls12_cert_session(Tcp(cap, 40032, 443).open(), "old.example.test",
                       ["expired.der", "ca.der"], ["EL410", "EL412"])
    tls12_cert_session(Tcp(cap, 40033, 443).open(), "self.example.test", ["self.der"],
                       ["EL411"])
    tls12_cert_session(Tcp(cap, 40034, 443).open(), "bank.example.test", ["ok.der", "ca.der"],
                       ["EL412", "EL413"])
    tls12_cert_session(Tcp(cap, 40035, 443).open(), "weak.example.test",
                       ["weak.der", "ca.der"], ["EL412", "EL414"])
    cap.write("tls12-certs.pcap")

    # 802.11 with radiotap (issue 16 §4): an open network's HTTP GET in data
    # frames (plain, then QoS) and three encrypted frames of another network
    cap = Capture()
    protected_frame(cap, 1)
    t = WlanTcp(cap, 40040, 80).open()
    t.c(b"GET / HTTP/1.1\r\nHost: open.example.net\r\n\r\n")
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "open.example.net")
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    protected_frame(cap, 2)
    t = WlanTcp(cap, 40041, 80, qos=True).open()
    t.c(b"GET /q HTTP/1.1\r\nHost: qos.example.net\r\n\r\n")
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "qos.example.net")
    t.s(b"HTTP/1.1 204 No Content\r\n\r\n")
    t.close()
    protected_frame(cap, 3)
    cap.write("wlan-radiotap-open.pcap", linktype=127)

    # QUIC v1: the ClientHello in two CRYPTO frames, two Initial packets in
    # two datagrams; then the server's (opaque) reply
    cap = Capture()
    dcid = bytes.fromhex("5b1e5c0a0000aa01")
    ch = client_hello("quic.example.net", quic=True)
    half = len(ch) // 2
    udp(cap, 0, 40022, 443, quic_initial(dcid, 0, crypto_frame(0, ch[:half])))
    udp(cap, 0, 40022, 443, quic_initial(dcid, 1, crypto_frame(half, ch[half:])))
    cap.plant("tls", "TLS1.3")          # QUIC counts as TLS 1.3 (docs/json.md)
    cap.plant("web", "HTTPS")
    cap.plant("host", "sni", "quic.example.net")
    udp(cap, 1, 40022, 443, b"\xc3\x00\x00\x00\x01\x08" + bytes(range(8)) + bytes(200))
    udp(cap, 0, 40022, 443, b"\x43" + bytes(range(8)) + bytes(40))
    cap.write("quic-v1-sni.pcap")

    # look-alike host names: a genuine one, then three imitations
    cap = Capture()
    t = Tcp(cap, 40023, 443).open()
    tls_session(t, "login.microsoftonline.com")
    t.close()
    t = Tcp(cap, 40024, 443).open()
    tls_session(t, "login.rnicrosoftonline.com")
    t.close()
    t = Tcp(cap, 40025, 443).open()
    tls_session(t, "xn--mirosoftonline-60l.com")      # mi<Cyrillic es>rosoftonline.com
    t.close()
    http_get(cap, 40026, "login-microsoftonline.com")
    cap.write("lookalike-hosts.pcap")

    # SOCKS5 username/password (RFC 1928 section 3, RFC 1929 section 2),
    # then a CONNECT request (RFC 1928 section 4) and its reply
    cap = Capture()
    t = Tcp(cap, 40030, 1080).open()
    t.c(b"\x05\x02\x00\x02")                       # no auth, or username/password
    t.s(b"\x05\x02")                                # the server picks username/password
    user, pw = b"olivia", b"Synth-Socks-Pw15"
    cap.login("SOCKS5", "olivia", t.server(),
              t.c(b"\x01" + bytes([len(user)]) + user + bytes([len(pw)]) + pw))
    t.s(b"\x01\x00")                                # success
    t.c(b"\x05\x01\x00\x03\x0bexample.org\x00\x50")
    t.s(b"\x05\x00\x00\x01\xcb\x00\x71\x0a\x9c\x40")
    t.close()
    cap.write("socks5-login.pcap")

    # IRC on a non-standard port: PASS (a connection password, no user),
    # NICK/USER, then OPER name password (RFC 2812 sections 3.1.1, 3.1.4)
    cap = Capture()
    t = Tcp(cap, 40031, 7000).open()
    t.s(b":irc.example.org NOTICE * :*** Looking up your hostname...\r\n")
    cap.login("IRC PASS", "-", t.server(), t.c(b"PASS Synth-Irc-Pw16\r\n"))
    t.c(b"NICK peggy\r\nUSER peggy 0 * :Peggy Example\r\n")
    t.s(b":irc.example.org 001 peggy :Welcome to the Example IRC Network peggy\r\n")
    cap.login("IRC OPER", "peggy", t.server(), t.c(b"OPER peggy Synth-Oper-Pw17\r\n"))
    t.s(b":irc.example.org 381 peggy :You are now an IRC operator\r\n")
    t.c(b"QUIT :bye\r\n")
    t.close()
    cap.write("irc-pass-oper.pcap")

    # Redis: AUTH user password in a RESP array (Redis 6 ACLs) after a SET
    # whose value is longer than edgelint's 4 KiB window, and the inline
    # one-argument AUTH on a non-standard port (redis.io/commands/auth)
    cap = Capture()
    t = Tcp(cap, 40032, 6379).open()
    big = b"v" * 5000
    t.c(b"*3\r\n$3\r\nSET\r\n$4\r\nblob\r\n$5000\r\n" + big[:1400])
    t.c(big[1400:2800])
    t.c(big[2800:4200])
    t.c(big[4200:] + b"\r\n")
    t.s(b"-NOAUTH Authentication required.\r\n")
    cap.login("Redis AUTH", "quentin", t.server(),
              t.c(b"*3\r\n$4\r\nAUTH\r\n$7\r\nquentin\r\n$16\r\nSynth-Redis-Pw18\r\n"))
    t.s(b"+OK\r\n")
    t.close()
    t = Tcp(cap, 40033, 16379).open()
    cap.login("Redis AUTH", "-", t.server(), t.c(b"AUTH Synth-Redis-Pw19\r\n"))
    t.s(b"+OK\r\n")
    t.c(b"PING\r\n")
    t.s(b"+PONG\r\n")
    t.close()
    cap.write("redis-auth.pcap")

    # XMPP SASL PLAIN (RFC 6120 section 6.4.2, RFC 4616): the initial
    # response in <auth/>, base64 of authzid NUL authcid NUL passwd
    cap = Capture()
    t = Tcp(cap, 40034, 5222).open()
    t.c(b"<?xml version='1.0'?><stream:stream to='example.org' xmlns='jabber:client' "
        b"xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>")
    t.s(b"<?xml version='1.0'?><stream:stream from='example.org' id='c2s-1' "
        b"xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
        b"version='1.0'><stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
        b"<mechanism>PLAIN</mechanism></mechanisms></stream:features>")
    plain = base64.b64encode(b"\0rupert\0Synth-Xmpp-Pw20")
    cap.login("XMPP SASL PLAIN", "rupert", t.server(),
              t.split(0, b"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" +
                      plain + b"</auth>", [40]))
    t.s(b"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>")
    t.close()
    cap.write("xmpp-sasl-plain.pcap")

    # MSSQL: PRELOGIN without encryption (ENCRYPT_NOT_SUP), then LOGIN7 on a
    # non-standard port ([MS-TDS] 2.2.6.5, 2.2.6.4)
    cap = Capture()
    t = Tcp(cap, 40035, 14330).open()
    t.c(tds_packet(0x12, tds_prelogin(0x02)))
    t.s(tds_packet(0x04, tds_prelogin(0x02)))
    cap.login("MSSQL TDS login", "sybil", t.server(),
              t.c(tds_packet(0x10, tds_login7("WS-17", "sybil", "Synth-Tds-Pw21", "edgelint-test",
                                              "db.example.org", "sales"))))
    t.s(tds_packet(0x04, bytes.fromhex("fd0000000000000000")))  # DONE token
    t.close()
    cap.write("mssql-tds-login.pcap")

    # VNC (RFC 6143 section 7.1): version 3.8 with security type None
    # chosen by the client; version 3.3 where the server decides None;
    # and a 3.8 session with VNC Authentication (type 2): no EL403, but
    # the client's DES response to the challenge is a crackable hash
    # (section 7.2.2; EL406 vnc, hash16)
    cap = Capture()
    t = Tcp(cap, 40036, 5901).open()
    t.s(b"RFB 003.008\n")
    t.c(b"RFB 003.008\n")
    t.s(b"\x01\x01")                                # one type: None
    cap.login("VNC without authentication", "-", t.server(), t.c(b"\x01"))
    t.s(b"\x00\x00\x00\x00")                        # SecurityResult OK
    t.c(b"\x01")                                    # ClientInit shared
    t.close()
    t = Tcp(cap, 40037, 5900).open()
    t.s(b"RFB 003.008\n")
    t.c(b"RFB 003.003\n")
    cap.login("VNC without authentication", "-", t.server(), t.s(b"\x00\x00\x00\x01"))
    t.c(b"\x01")
    t.close()
    t = Tcp(cap, 40038, 5900).open()
    t.s(b"RFB 003.008\n")
    t.c(b"RFB 003.008\n")
    t.s(b"\x02\x02\x12")                            # VNC Authentication, TLS
    t.c(b"\x02")
    t.s(bytes(range(16)))                            # the challenge
    cap.hashed("VNC", "VNC DES", "-", t.server(), t.c(bytes(range(16, 32))))
    t.s(b"\x00\x00\x00\x00")
    t.close()
    cap.write("vnc-no-auth.pcap")

    # RADIUS PAP (RFC 2865 sections 3, 5.1, 5.2): an Access-Request whose
    # User-Password is hidden with the shared secret, its retransmission (the
    # same Request Authenticator: counted, not another login), the
    # Access-Accept; a request on a non-standard port; and a CHAP request
    # (CHAP-Password, a hash: not this)
    cap = Capture()
    secret, auth = b"Synth-Radius-Secret", bytes(range(0x40, 0x50))
    def pap(user, pw, auth, ident, nas_port=1):
        p = pw + bytes(-len(pw) % 16)
        hidden, prev = b"", auth
        for i in range(0, len(p), 16):
            key = hashlib.md5(secret + prev).digest()
            blk = bytes(a ^ b for a, b in zip(p[i:i + 16], key))
            hidden += blk
            prev = blk
        attrs = (bytes([1, 2 + len(user)]) + user + bytes([2, 2 + len(hidden)]) + hidden +
                 bytes([4, 6]) + bytes([192, 168, 10, 1]) + bytes([5, 6]) + struct.pack(">I", nas_port))
        return struct.pack(">BBH", 1, ident, 20 + len(attrs)) + auth + attrs
    req = pap(b"trent", b"Synth-Pap-Pw22", auth, 7)
    cap.login("RADIUS PAP", "trent", f"{SERVER4}:1812", udp(cap, 0, 40039, 1812, req))
    udp(cap, 0, 40039, 1812, req)                    # retransmitted
    acc = struct.pack(">BBH", 2, 7, 20) + hashlib.md5(struct.pack(">BBH", 2, 7, 20) + auth +
                                                       secret).digest()
    udp(cap, 1, 40039, 1812, acc)
    req2 = pap(b"uma@example.org", b"Synth-Pap-Pw23", bytes(range(0x60, 0x70)), 8)
    cap.login("RADIUS PAP", "uma@example.org", f"{SERVER4}:11812", udp(cap, 0, 40040, 11812, req2))
    chap = (bytes([1, 2 + 6]) + b"victor" + bytes([3, 19, 1]) + bytes(range(16)) +
            bytes([60, 18]) + bytes(range(100, 116)))
    udp(cap, 0, 40041, 1812, struct.pack(">BBH", 1, 9, 20 + len(chap)) + bytes(range(16)) + chap)
    cap.write("radius-pap.pcap")

    # PPP PAP (RFC 1334 section 2.2.1) in PPPoE session frames (RFC 2516
    # sections 4 and 7, EtherType 0x8864): LCP Configure-Requests both ways,
    # an Authenticate-Request, its retransmission (same Identifier: counted,
    # not another login), the Authenticate-Ack; a second session behind an
    # 802.1Q tag; an Authenticate-Nak and a request with an empty password,
    # which are not logins
    cap = Capture()
    def pppoe(d, session, ppp, vlan=None, cmac=CMAC):
        body = struct.pack(">BBHH", 0x11, 0, session, len(ppp)) + ppp
        src, dst = (cmac, SMAC) if d == 0 else (SMAC, cmac)
        if vlan is None:
            cap.add(Ether(src=src, dst=dst, type=0x8864) / Raw(body))
        else:
            cap.add(Ether(src=src, dst=dst, type=0x8100) /
                    Raw(struct.pack(">HH", vlan, 0x8864) + body))
        return len(cap.pkts)
    def pap_req(ident, user, pw):
        body = bytes([len(user)]) + user + bytes([len(pw)]) + pw
        return struct.pack(">HBBH", 0xc023, 1, ident, 4 + len(body)) + body
    lcp = struct.pack(">HBBH", 0xc021, 1, 1, 14) + bytes([1, 4, 0x05, 0xd4, 5, 6, 1, 2, 3, 4])
    pppoe(0, 0x0011, lcp)
    pppoe(1, 0x0011, lcp)
    cap.login("PPPoE PAP", "wendy@isp.example", SMAC,
              pppoe(0, 0x0011, pap_req(1, b"wendy@isp.example", b"Synth-Pppoe-Pw24")))
    pppoe(0, 0x0011, pap_req(1, b"wendy@isp.example", b"Synth-Pppoe-Pw24"))   # retransmitted
    pppoe(1, 0x0011, struct.pack(">HBBHB", 0xc023, 2, 1, 5, 0))                 # Ack
    xmac = "02:00:00:00:10:21"
    cap.login("PPPoE PAP", "xavier", SMAC,
              pppoe(0, 0x0012, pap_req(7, b"xavier", b"Synth-Pppoe-Pw25"), vlan=10, cmac=xmac))
    pppoe(1, 0x0012, struct.pack(">HBBHB", 0xc023, 3, 7, 5, 0), vlan=10, cmac=xmac)  # Nak
    pppoe(0, 0x0013, pap_req(2, b"yuri", b""))                                  # empty password
    cap.write("pppoe-pap.pcap")

    # PPP PAP in L2TP version 2 data messages over UDP (RFC 2661 section
    # 3.1): a tunnel on 1701 opened by an SCCRQ control message, then a
    # data message with Length, the PPP address and control bytes and the
    # PAP request; a tunnel on non-standard ports seen from its first data
    # message (Ns/Nr and an Offset pad, no address and control bytes): LCP,
    # then the PAP request and its retransmission; a datagram on a third
    # flow whose reserved header bits are set, which is not L2TP
    cap = Capture()
    sccrq_avps = struct.pack(">HHHH", 0x8008, 0, 0, 1)                           # Message Type SCCRQ
    sccrq = struct.pack(">HHHHHH", 0xc802, 12 + len(sccrq_avps), 0, 0, 0, 0) + sccrq_avps
    udp(cap, 0, 1701, 1701, sccrq)
    udp(cap, 1, 1701, 1701, struct.pack(">HHHHHH", 0xc802, 12 + 8, 5, 0, 0, 1) +
        struct.pack(">HHHH", 0x8008, 0, 0, 2))                                   # SCCRP
    def l2tp_data(ppp, tunnel, session, flags=0x4002, hdlc=True):
        frame = (b"\xff\x03" if hdlc else b"") + ppp
        hdr = b""
        if flags & 0x0800:
            hdr += struct.pack(">HH", 0, 0)
        if flags & 0x0200:
            hdr += struct.pack(">H", 2) + b"\x00\x00"
        body = struct.pack(">HH", tunnel, session) + hdr + frame
        if flags & 0x4000:
            return struct.pack(">HH", flags, 4 + len(body)) + body
        return struct.pack(">H", flags) + body
    cap.login("L2TP PAP", "yvonne", f"{SERVER4}:1701",
              udp(cap, 0, 1701, 1701, l2tp_data(pap_req(1, b"yvonne", b"Synth-L2tp-Pw26"), 5, 9)))
    udp(cap, 1, 1701, 1701, l2tp_data(struct.pack(">HBBHB", 0xc023, 2, 1, 5, 0), 5, 9))
    udp(cap, 0, 41701, 11701, l2tp_data(lcp, 6, 3, flags=0x0a02, hdlc=False))
    cap.login("L2TP PAP", "zoe@example.org", f"{SERVER4}:11701",
              udp(cap, 0, 41701, 11701, l2tp_data(pap_req(4, b"zoe@example.org", b"Synth-L2tp-Pw27"),
                                                  6, 3, flags=0x0a02, hdlc=False)))
    udp(cap, 0, 41701, 11701, l2tp_data(pap_req(4, b"zoe@example.org", b"Synth-L2tp-Pw27"),
                                        6, 3, flags=0x0a02, hdlc=False))          # retransmitted
    udp(cap, 0, 41702, 1701, struct.pack(">H", 0x1002) +
        l2tp_data(pap_req(5, b"anna", b"Synth-L2tp-Pw28"), 7, 1)[2:])            # reserved bit set
    cap.write("l2tp-pap.pcap")
    # NTLM over HTTP (RFC 4559 section 4; [MS-NLMP] 2.2.1.1-2.2.1.3): the
    # three messages on one connection, the AUTHENTICATE with an NTLMv2
    # response (Unicode names); an NTLMv1 response with extended session
    # security (OEM names) in Proxy-Authorization; an anonymous AUTHENTICATE
    # (empty user and NT response, one-byte LM response: not a hash); an
    # NTLMv2 AUTHENTICATE inside a SPNEGO token (Negotiate)
    cap = Capture()
    def ntlm_auth(user, domain, nt, lm, flags):
        enc = (lambda x: x.encode("utf-16-le")) if flags & 1 else (lambda x: x.encode())
        fields = [lm, nt, enc(domain), enc(user), enc("WS-7"), b""]
        off, desc, payload = 64, b"", b""
        for f in fields:
            desc += struct.pack("<HHI", len(f), len(f), off + len(payload))
            payload += f
        return b"NTLMSSP\0" + struct.pack("<I", 3) + desc + struct.pack("<I", flags) + payload
    negotiate = b"NTLMSSP\0" + struct.pack("<II", 1, 0xe2088297) + bytes(16)
    challenge = (b"NTLMSSP\0" + struct.pack("<I", 2) + struct.pack("<HHI", 0, 0, 56) +
                 struct.pack("<I", 0xe2898215) + bytes(range(0x11, 0x19)) + bytes(8) +
                 struct.pack("<HHI", 0, 0, 56) + bytes(8))
    blob = (b"\x01\x01" + bytes(6) + struct.pack("<Q", 133000000000000000) +
            bytes(range(0x21, 0x29)) + bytes(4) + struct.pack("<HH", 0, 0))   # MsvAvEOL
    ntv2 = bytes(range(0xa0, 0xb0)) + blob + bytes(4)
    t = Tcp(cap, 40050, 80).open()
    t.c(b"GET /intranet/ HTTP/1.1\r\nHost: intranet.example.org\r\nAuthorization: NTLM " +
        base64.b64encode(negotiate) + b"\r\n\r\n")
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "intranet.example.org")
    t.s(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM " + base64.b64encode(challenge) +
        b"\r\nContent-Length: 0\r\n\r\n")
    cap.hashed("HTTP NTLM", "NetNTLMv2", "EXAMPLE\\nina", t.server(),
               t.c(b"GET /intranet/ HTTP/1.1\r\nHost: intranet.example.org\r\nAuthorization: NTLM " +
                   base64.b64encode(ntlm_auth("nina", "EXAMPLE", ntv2, bytes(24), 0xe2888215)) +
                   b"\r\n\r\n"))
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    t = Tcp(cap, 40051, 3128).open()
    cap.hashed("HTTP proxy NTLM", "NetNTLMv1-ESS", "oscar", t.server(),
               t.c(b"GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\n"
                   b"Proxy-Authorization: NTLM " +
                   base64.b64encode(ntlm_auth("oscar", "", bytes(range(0x40, 0x58)),
                                              bytes(range(0x60, 0x68)) + bytes(16), 0x00088206)) +
                   b"\r\n\r\n"))
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "www.example.com")
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    t = Tcp(cap, 40052, 80).open()
    t.c(b"GET / HTTP/1.1\r\nHost: files.example.org\r\nAuthorization: NTLM " +
        base64.b64encode(ntlm_auth("", "", b"", b"\0", 0xe2888a15)) + b"\r\n\r\n")
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "files.example.org")
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    inner = ntlm_auth("pia", "EXAMPLE", bytes(range(0xc0, 0xd0)) + blob + bytes(4), bytes(24),
                      0xe2888215)
    # negTokenResp (RFC 4178 section 4.2.2): [1] { SEQUENCE { [2] responseToken OCTET STRING } }
    octets = b"\x04\x82" + struct.pack(">H", len(inner)) + inner
    tagged = b"\xa2\x82" + struct.pack(">H", len(octets)) + octets
    seq = b"\x30\x82" + struct.pack(">H", len(tagged)) + tagged
    spnego = b"\xa1\x82" + struct.pack(">H", len(seq)) + seq
    t = Tcp(cap, 40053, 80).open()
    cap.hashed("HTTP NTLM", "NetNTLMv2", "EXAMPLE\\pia", t.server(),
               t.c(b"GET /portal/ HTTP/1.1\r\nHost: portal.example.org\r\nAuthorization: Negotiate " +
                   base64.b64encode(spnego) + b"\r\n\r\n"))
    cap.plant("web", "HTTP")
    cap.plant("host", "http-host", "portal.example.org")
    t.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    t.close()
    cap.write("http-ntlm.pcap")

    # NTLM in SMB ([MS-SMB2] 2.1, 2.2.1.2, 2.2.5): on 445 an SMB1 NEGOTIATE
    # first (as Windows clients open), the SMB2 NEGOTIATE, then SESSION_SETUP
    # with the NTLM NEGOTIATE and, after the server's CHALLENGE, the
    # AUTHENTICATE (NTLMv2, inside SPNEGO); on port 1445 an SMB2 WRITE longer
    # than edgelint's window, then a SESSION_SETUP with a raw NTLMv1
    # AUTHENTICATE
    cap = Capture()
    def smb2(cmd, body, flags=0, status=0):
        hdr = (b"\xfeSMB" + struct.pack("<HHIHHIIQIIQ", 64, 0, status, cmd, 1, flags, 0, 1, 0, 0, 0) +
               bytes(16))
        msg = hdr + body
        return struct.pack(">I", len(msg)) + msg
    def setup(blob):
        return struct.pack("<HBBIIHHQ", 25, 0, 1, 1, 0, 88, len(blob), 0) + blob
    smb1_neg = (b"\xffSMB\x72" + bytes(4) + b"\x18" + struct.pack("<H", 0xc853) + bytes(12) +
                struct.pack("<HHHHB", 0, 0xfeff, 0, 0, 0) + struct.pack("<H", 12) + b"\x02SMB 2.002\x00")
    t = Tcp(cap, 40060, 445).open()
    t.c(struct.pack(">I", len(smb1_neg)) + smb1_neg)
    t.s(smb2(0, struct.pack("<HH", 65, 1) + bytes(60), flags=1))
    t.c(smb2(0, struct.pack("<HHHHI", 36, 1, 1, 0, 0) + bytes(16 + 8) + struct.pack("<H", 0x0210)))
    t.s(smb2(0, struct.pack("<HH", 65, 1) + bytes(60), flags=1))
    t.c(smb2(1, setup(negotiate)))
    t.s(smb2(1, struct.pack("<HHHH", 9, 0, 72, len(challenge)) + challenge, flags=1,
             status=0xc0000016))
    smbv2 = ntlm_auth("quentin", "EXAMPLE", bytes(range(0xe0, 0xf0)) + blob + bytes(4), bytes(24),
                      0xe2888215)
    octets = b"\x04\x82" + struct.pack(">H", len(smbv2)) + smbv2
    tagged = b"\xa2\x82" + struct.pack(">H", len(octets)) + octets
    seq = b"\x30\x82" + struct.pack(">H", len(tagged)) + tagged
    cap.hashed("SMB NTLM", "NetNTLMv2", "EXAMPLE\\quentin", t.server(),
               t.c(smb2(1, setup(b"\xa1\x82" + struct.pack(">H", len(seq)) + seq))))
    t.s(smb2(1, struct.pack("<HHHH", 9, 0, 0, 0), flags=1))
    t.close()
    t = Tcp(cap, 40061, 1445).open()
    write = smb2(9, struct.pack("<HHIQQQIIHHI", 49, 112, 6000, 0, 0, 0, 0, 0, 0, 0, 0) + bytes(6000))
    t.split(0, write, range(1400, len(write), 1400))                         # MSS-sized segments
    t.s(smb2(9, struct.pack("<HHIII", 17, 0, 6000, 0, 0), flags=1))
    cap.hashed("SMB NTLM", "NetNTLMv1", "rita", t.server(),
               t.c(smb2(1, setup(ntlm_auth("rita", "", bytes(range(0x30, 0x48)), bytes(24),
                                           0x00000206)))))
    t.s(smb2(1, struct.pack("<HHHH", 9, 0, 0, 0), flags=1))
    t.close()
    cap.write("smb-ntlm.pcap")

    # NTLM in SMTP AUTH (RFC 4954; the NTLM SASL exchange of [MS-SMTPNTLM]
    # 3.1.5): the NEGOTIATE as the initial response, the server's CHALLENGE
    # in a 334 reply, the AUTHENTICATE (NTLMv2) on its own line
    cap = Capture()
    t = Tcp(cap, 40062, 587).open()
    t.s(b"220 mail.example.org ESMTP\r\n")
    t.c(b"EHLO ws7\r\n")
    t.s(b"250-mail.example.org\r\n250 AUTH NTLM LOGIN\r\n")
    t.c(b"AUTH NTLM " + base64.b64encode(negotiate) + b"\r\n")
    t.s(b"334 " + base64.b64encode(challenge) + b"\r\n")
    cap.hashed("SMTP AUTH NTLM", "NetNTLMv2", "EXAMPLE\\sven", t.server(),
               t.c(base64.b64encode(ntlm_auth("sven", "EXAMPLE", bytes(range(0x50, 0x60)) + blob +
                                               bytes(4), bytes(24), 0xe2888215)) + b"\r\n"))
    t.s(b"235 2.7.0 Authentication successful\r\n")
    t.c(b"QUIT\r\n")
    t.close()
    cap.write("smtp-auth-ntlm.pcap")

    # Kerberos 5 (RFC 4120 sections 5.2.7.2, 5.4.1, 5.4.2, 5.3; 7.2.2 for
    # TCP): on UDP an AS-REQ without pre-authentication (nothing to crack),
    # the KDC's AS-REP to it, whose enc-part is RC4-HMAC (etype 23, "AS-REP
    # roasting"), then an AS-REQ with PA-ENC-TIMESTAMP in AES256 (etype 18);
    # on TCP a TGS-REQ and the TGS-REP whose ticket is RC4-HMAC
    # ("Kerberoasting"; the account is the service's)
    cap = Capture()
    def der(tag, content):
        n = len(content)
        ln = bytes([n]) if n < 128 else (b"\x81" + bytes([n]) if n < 256 else b"\x82" + struct.pack(">H", n))
        return bytes([tag]) + ln + content
    def dint(v):
        return der(0x02, bytes([v]) if v < 128 else b"\x00" + bytes([v]))
    def ctx(n, content):
        return der(0xa0 | n, content)
    def kstr(x):
        return der(0x1b, x.encode())
    def principal(ntype, *names):
        return der(0x30, ctx(0, dint(ntype)) + ctx(1, der(0x30, b"".join(kstr(x) for x in names))))
    def encdata(etype, cipher):
        return der(0x30, ctx(0, dint(etype)) + ctx(2, der(0x04, cipher)))
    def req_body(cname, sname):
        return der(0x30, ctx(0, der(0x03, b"\x00\x40\x81\x00\x10")) +
                   (ctx(1, principal(1, cname)) if cname else b"") + ctx(2, kstr("EXAMPLE.ORG")) +
                   ctx(3, principal(2, *sname)) + ctx(5, der(0x18, b"20371231000000Z")) +
                   ctx(7, dint(12)) + ctx(8, der(0x30, dint(18) + dint(23))))
    def as_req(cname, padata=b""):
        return der(0x6a, der(0x30, ctx(1, dint(5)) + ctx(2, dint(10)) +
                             (ctx(3, der(0x30, padata)) if padata else b"") +
                             ctx(4, req_body(cname, ("krbtgt", "EXAMPLE.ORG")))))
    def ticket(sname, etype, cipher):
        return der(0x61, der(0x30, ctx(0, dint(5)) + ctx(1, kstr("EXAMPLE.ORG")) +
                             ctx(2, principal(2, *sname)) + ctx(3, encdata(etype, cipher))))
    def kdc_rep(app, mtype, cname, tkt, etype, cipher):
        return der(app, der(0x30, ctx(0, dint(5)) + ctx(1, dint(mtype)) + ctx(3, kstr("EXAMPLE.ORG")) +
                            ctx(4, principal(1, cname)) + ctx(5, tkt) + ctx(6, encdata(etype, cipher))))
    krbtgt = ticket(("krbtgt", "EXAMPLE.ORG"), 18, bytes(range(0x10, 0x60)))
    udp(cap, 0, 40090, 88, as_req("bob"))
    cap.hashed("Kerberos", "krb5asrep-rc4-hmac (etype 23)", "bob@EXAMPLE.ORG", f"{SERVER4}:88",
               udp(cap, 1, 40090, 88, kdc_rep(0x6b, 11, "bob", krbtgt, 23, bytes(range(0x70, 0xd0)))))
    pa = der(0x30, ctx(1, dint(2)) + ctx(2, der(0x04, encdata(18, bytes(range(0x20, 0x58))))))
    cap.hashed("Kerberos", "krb5pa-aes256 (etype 18)", "alice@EXAMPLE.ORG", f"{SERVER4}:88",
               udp(cap, 0, 40091, 88, as_req("alice", pa)))
    t = Tcp(cap, 40092, 88).open()
    tgs_req = der(0x6c, der(0x30, ctx(1, dint(5)) + ctx(2, dint(12)) +
                            ctx(4, req_body(None, ("MSSQLSvc", "db.example.org:1433")))))
    t.c(struct.pack(">I", len(tgs_req)) + tgs_req)
    tgs_rep = kdc_rep(0x6d, 13, "alice", ticket(("MSSQLSvc", "db.example.org:1433"), 23,
                                                bytes(range(0x80, 0xf0))), 18, bytes(range(0x30, 0x70)))
    cap.hashed("Kerberos", "krb5tgs-rc4-hmac (etype 23)", "MSSQLSvc/db.example.org:1433@EXAMPLE.ORG",
               t.server(), t.s(struct.pack(">I", len(tgs_rep)) + tgs_rep))
    t.close()
    cap.write("kerberos-roast.pcap")
    # issue 16 §6: the vendors' own domains seen on real traffic (each was a
    # false EL404 failure with google.com, amazon.com, microsoft.com and
    # cloudflare.com approved: tests/e2e/policy-lookalike-vendors.yaml),
    # then a brand plus a word (SNI and HTTP Host) and four tricks
    cap = Capture()
    port = 40030
    for host in ("www.google-analytics.com", "images-na.ssl-images-amazon.com",
                 "c.amazon-adsystem.com", "cloudflare-quic.com", "cloudflare-ech.com",
                 "m.media-amazon.com", "pagead2.googlesyndication.com",
                 "login.microsoftonline.com",
                 "google-login-secure.com",
                 "arnazon.com", "xn--googl-3we.com", "gooqle.com",   # rn for m; Cyrillic e
                 "cloudflare.com.evil.example"):
        t = Tcp(cap, port, 443).open()
        tls_session(t, host)
        t.close()
        port += 1
    http_get(cap, port, "amazon-support.net")
    cap.write("lookalike-vendors.pcap")
    # issue 16 §4: 802.11 networks (the docstring)
    cap = Capture()
    wlan_networks(cap)
    cap.write("wlan-networks.pcap", linktype=127)
    # issue 16 §4: tunnels (the docstring)
    cap = Capture()
    tunnels(cap)
    cap.write("tunnels.pcap")

    hash16_samples()
    # ---- login outcomes and a brute force (issue 16 §2, login16) ----
    # Refused and accepted logins of each protocol whose reply edgelint
    # reads: FTP 530 then 230 (RFC 959 §5.4), POP3 -ERR then +OK (RFC 1939
    # §7), IMAP NO, then BAD (RFC 9051 §6.2.3: no verdict), then OK; SMTP
    # 535 then 235 (RFC 4954 §6), LDAP invalidCredentials (49) then
    # success (RFC 4511 §4.2.2), Telnet "Login incorrect" then a prompt
    # (util-linux login), and FTP with no reply captured (unknown).
    cap = Capture()
    t = Tcp(cap, 40300, 21).open()
    t.s(b"220 files.example.org FTP server ready\r\n")
    for pw, code in (("Synth-Out-Pw1", b"530 Login incorrect.\r\n"),
                     ("Synth-Out-Pw2", b"230 User uma logged in.\r\n")):
        t.c(b"USER uma\r\n")
        t.s(b"331 Password required\r\n")
        cap.login("FTP", "uma", t.server(), t.c(f"PASS {pw}\r\n".encode()))
        t.s(code)
        cap.outcome("failed" if code.startswith(b"530") else "succeeded")
    t.close()
    t = Tcp(cap, 40301, 110).open()
    t.s(b"+OK POP3 ready\r\n")
    for pw, reply in (("Synth-Out-Pw3", b"-ERR [AUTH] Authentication failed.\r\n"),
                      ("Synth-Out-Pw4", b"+OK Logged in.\r\n")):
        t.c(b"USER victor\r\n")
        t.s(b"+OK\r\n")
        cap.login("POP3", "victor", t.server(), t.c(f"PASS {pw}\r\n".encode()))
        t.s(reply)
        cap.outcome("failed" if reply.startswith(b"-ERR") else "succeeded")
    t.close()
    t = Tcp(cap, 40302, 143).open()
    t.s(b"* OK IMAP4rev1 ready\r\n")
    cap.login("IMAP", "wanda", t.server(), t.c(b"x1 LOGIN wanda Synth-Out-Pw5\r\n"))
    t.s(b"x1 NO [AUTHENTICATIONFAILED] Invalid credentials\r\n")
    cap.outcome("failed")
    cap.login("IMAP", "wanda", t.server(), t.c(b"x2 LOGIN wanda Synth-Out-Pw6\r\n"))
    t.s(b"x2 BAD Invalid arguments\r\n")                 # no verdict: unknown
    cap.login("IMAP", "wanda", t.server(), t.c(b"x3 LOGIN wanda Synth-Out-Pw7\r\n"))
    t.s(b"* CAPABILITY IMAP4rev1\r\nx3 OK LOGIN completed\r\n")
    cap.outcome("succeeded")
    t.close()
    t = Tcp(cap, 40303, 587).open()
    t.s(b"220 smtp.example.org ESMTP\r\n")
    t.c(b"EHLO client.example.org\r\n")
    t.s(b"250-smtp.example.org\r\n250 AUTH PLAIN\r\n")
    cap.login("SMTP AUTH PLAIN", "xavier", t.server(),
              t.c(("AUTH PLAIN " + b64("\0xavier\0Synth-Out-Pw8") + "\r\n").encode()))
    t.s(b"535 5.7.8 Authentication credentials invalid\r\n")
    cap.outcome("failed")
    cap.login("SMTP AUTH PLAIN", "xavier", t.server(),
              t.c(("AUTH PLAIN " + b64("\0xavier\0Synth-Out-Pw9") + "\r\n").encode()))
    t.s(b"235 2.7.0 Authentication successful\r\n")
    cap.outcome("succeeded")
    t.close()
    t = Tcp(cap, 40304, 389).open()
    for mid, pw, rc in ((1, b"Synth-Out-Pw10", 49), (2, b"Synth-Out-Pw11", 0)):
        dn = b"uid=yuki,dc=example,dc=org"
        op = b"\x02\x01\x03" + b"\x04" + bytes([len(dn)]) + dn + b"\x80" + bytes([len(pw)]) + pw
        msg = bytes([2, 1, mid]) + b"\x60" + bytes([len(op)]) + op
        cap.login("LDAP simple bind", dn.decode(), t.server(), t.c(b"\x30" + bytes([len(msg)]) + msg))
        t.s(bytes([0x30, 0x0c, 2, 1, mid, 0x61, 0x07, 0x0a, 0x01, rc, 4, 0, 4, 0]))
        cap.outcome("failed" if rc else "succeeded")
    t.close()
    t = Tcp(cap, 40305, 23).open()
    t.s(b"\xff\xfb\x01\xff\xfb\x03")
    t.c(b"\xff\xfd\x01\xff\xfd\x03")
    t.s(b"\r\nnas01 login: ")
    for pw, after in (("Synth-Out-Pw12", b"\r\nLogin incorrect\r\n\r\nnas01 login: "),
                      ("Synth-Out-Pw13", b"\r\nLast login: Fri Nov 21 09:00:00 2025\r\nnas01$ ")):
        t.c(b"zach\r\n")
        t.s(b"Password: ")
        cap.login("Telnet", "zach", t.server(), t.c(f"{pw}\r\n".encode()))
        t.s(after)
        cap.outcome("failed" if b"incorrect" in after else "succeeded")
    t.close()
    t = Tcp(cap, 40306, 2121).open()                 # the reply was not captured
    t.s(b"220 FTP ready\r\n")
    t.c(b"USER quinn\r\n")
    t.s(b"331 Password required\r\n")
    cap.login("FTP", "quinn", t.server(), t.c(b"PASS Synth-Out-Pw14\r\n"))
    t.close()
    cap.write("login-outcomes.pcap")

    # A brute force (EL407): 12 FTP logins from one client, each in its
    # own connection as tools open them, 11 refused with 530, the last
    # accepted with 230; two tried the user name as the password.
    cap = Capture()
    tries = (("admin", "admin123"), ("root", "toor"), ("test", "test"), ("guest", "guest1"),
             ("oracle", "oracle"), ("backup", "backup2020"), ("info", "Password1"),
             ("sales", "sales2024"), ("www", "www-data"), ("user", "123456"),
             ("dora", "Spring2026"), ("dora", "Summer-2026!"))
    first = None
    for i, (user, pw) in enumerate(tries):
        t = Tcp(cap, 40400 + i, 21).open()
        t.s(b"220 files.example.org FTP server ready\r\n")
        t.c(f"USER {user}\r\n".encode())
        t.s(b"331 Password required\r\n")
        pkt = t.c(f"PASS {pw}\r\n".encode())
        # a password equal to the user name is reported without the user (EL403 user-as-password)
        cap.login("FTP", "-" if user == pw else user, t.server(), pkt)
        first = first or pkt
        ok = i == len(tries) - 1
        t.s(b"230 User logged in\r\n" if ok else b"530 Login incorrect.\r\n")
        cap.outcome("succeeded" if ok else "failed")
        t.close()
    cap.plant("brute-force", "FTP", CLIENT4, f"{SERVER4}:21", first)
    cap.write("ftp-brute-force.pcap")

    with open(os.path.join(OUT, "ANSWERS.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# What tests/gen-pcap-samples.py planted in each capture (its docstring\n"
                "# explains the columns); written by it, never by edgelint.\n"
                "# file\tevent\tpacket\tprotocol\tname\tserver\n")
        for row in ANSWERS:
            f.write("\t".join(row) + "\n")
    print(f"wrote samples/pcap/ANSWERS.tsv ({len(ANSWERS)} rows)")


if __name__ == "__main__":
    main()
