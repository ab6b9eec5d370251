#!/usr/bin/env python3
"""tests/e2e/live-ftp.py SECONDS — FTP logins on the loopback interface for
the live-capture test (tests/e2e/run.sh, issue 16 §7).

A server on 127.0.0.1 (a free port, printed first) answers the FTP
dialogue of RFC 959 (220, 331 after USER, 230 after PASS, 221 after QUIT);
a client logs in as user "alice" every 0.3 s for SECONDS seconds, so the
capture sees at least one whole login however late it started. The
password is made up for the test."""
import socket
import sys
import threading
import time

seconds = float(sys.argv[1])
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(8)
port = srv.getsockname()[1]
print(port, flush=True)
stop = time.monotonic() + seconds


def serve():
    srv.settimeout(0.5)
    while time.monotonic() < stop + 1:
        try:
            c, _ = srv.accept()
        except socket.timeout:
            continue
        with c:
            f = c.makefile("rb")
            c.sendall(b"220 edgelint test FTP\r\n")
            for reply in (b"331 Password required\r\n", b"230 Logged in\r\n", b"221 Bye\r\n"):
                if not f.readline():
                    break
                c.sendall(reply)


t = threading.Thread(target=serve, daemon=True)
t.start()
while time.monotonic() < stop:
    with socket.create_connection(("127.0.0.1", port)) as cl:
        f = cl.makefile("rb")
        f.readline()
        for line in (b"USER alice\r\n", b"PASS not-a-real-pw-42\r\n", b"QUIT\r\n"):
            cl.sendall(line)
            f.readline()
    time.sleep(0.3)
