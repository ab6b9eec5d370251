#!/usr/bin/python3
"""gen-certs.py: the certificates of the certificate tests (issue 16 §5),
written once into tests/unit/data/certs/ as DER and checked in (keys are
random, so running it again gives other bytes: the tests then need no
change, the samples of gen-pcap-samples.py are rebuilt from the new files).

A private CA "edgelint test CA" (RSA 2048, SHA-256) and leaves it issues:
  ok.der          www.example.test, *.cdn.example.test; 2020-01-01..2035-01-01
  expired.der     old.example.test; 2018-01-01..2020-01-01
  future.der      new.example.test; 2034-01-01..2036-01-01
  weak.der        weak.example.test; RSA 1024, SHA-1 signature
and self.der, self-signed for self.example.test; other.der, other.example.test,
issued by another CA whose certificate is thrown away (an unknown issuer).
ca.der is the CA; store/ holds it as PEM with its OpenSSL hash link (the
trust store of the tests, EDGELINT_CA_DIR).
Needs python3-cryptography (Debian's, 38.0).
"""
import datetime
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unit", "data", "certs")


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "edgelint tests"),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def day(y, m=1, d=1):
    return datetime.datetime(y, m, d)


def cert(subject, issuer, key, sign_key, start, end, sans=None, ca=False, digest=None):
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(start).not_valid_after(end)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if sans:
        b = b.add_extension(x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]),
                            critical=False)
    if ca:
        b = b.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False,
                                          False), critical=True)
    return b.sign(sign_key, digest or hashes.SHA256())


def save(fn, c):
    with open(os.path.join(OUT, fn), "wb") as f:
        f.write(c.public_bytes(serialization.Encoding.DER))


def main():
    os.makedirs(OUT, exist_ok=True)
    k = lambda bits=2048: rsa.generate_private_key(public_exponent=65537, key_size=bits)
    cak = k()
    ca = cert(name("edgelint test CA"), name("edgelint test CA"), cak, cak, day(2019), day(2040),
              ca=True)
    save("ca.der", ca)
    save("ok.der", cert(name("www.example.test"), ca.subject, k(), cak, day(2020), day(2035),
                        ["www.example.test", "*.cdn.example.test"]))
    save("expired.der", cert(name("old.example.test"), ca.subject, k(), cak, day(2018),
                             day(2020), ["old.example.test"]))
    save("future.der", cert(name("new.example.test"), ca.subject, k(), cak, day(2034),
                            day(2036), ["new.example.test"]))
    save("weak.der", cert(name("weak.example.test"), ca.subject, k(1024), cak, day(2020),
                          day(2035), ["weak.example.test"], digest=hashes.SHA1()))
    ok = k()
    save("other.der", cert(name("other.example.test"), name("another test CA"), k(), ok, day(2020),
                           day(2035), ["other.example.test"]))
    sk = k()
    save("self.der", cert(name("self.example.test"), name("self.example.test"), sk, sk, day(2020),
                          day(2035), ["self.example.test"]))


if __name__ == "__main__":
    main()
