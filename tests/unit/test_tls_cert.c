/*
 * test_tls_cert.c — the certificate judge of src/capture/tls_cert.c on the
 * certificates of tests/gen-certs.py (tests/unit/data/certs/, a private CA
 * and the leaves it issued), with that CA as the trust store
 * (EDGELINT_CA_DIR): validity at a given time, self-signed, unknown
 * issuer, names against SNI under RFC 6125 (a wildcard is one whole
 * label), RSA < 2048 and SHA-1; then malformed messages. Expected values
 * are what gen-certs.py wrote into each certificate, not edgelint's output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/capture/tls.h"

#define CERTS "tests/unit/data/certs"

/* A Certificate message body: certificate_list of the named DER files. */
static size_t message(uint8_t *out, size_t cap, const char *const *files, size_t n)
{
	size_t o = 3;
	for (size_t i = 0; i < n; i++) {
		char path[256];
		snprintf(path, sizeof(path), CERTS "/%s", files[i]);
		FILE *f = fopen(path, "rb");
		assert_non_null(f);
		size_t got = fread(out + o + 3, 1, cap - o - 3, f);
		fclose(f);
		assert_true(got > 0 && got < 4096);
		out[o] = (uint8_t)(got >> 16);
		out[o + 1] = (uint8_t)(got >> 8);
		out[o + 2] = (uint8_t)got;
		o += 3 + got;
	}
	size_t total = o - 3;
	out[0] = (uint8_t)(total >> 16);
	out[1] = (uint8_t)(total >> 8);
	out[2] = (uint8_t)total;
	return o;
}

static const struct cap_time AT_2026 = {1796601600, 0};   /* 2026-12-07T00:00:00Z */
static const struct cap_time AT_2019 = {1561939200, 0};   /* 2019-07-01T00:00:00Z */

static struct cls_cert judge2(const char *leaf, const char *sni, const struct cap_time *t)
{
	uint8_t m[16384];
	const char *files[2] = {leaf, "ca.der"};
	size_t n = message(m, sizeof(m), files, 2);
	struct cls_cert c;
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, sni, t != NULL, t, &c);
	return c;
}

static void test_good(void **state)
{
	(void)state;
	struct cls_cert c = judge2("ok.der", "www.example.test", &AT_2026);
	assert_int_equal(c.problems, 0);
	assert_int_equal(c.certs, 2);
	assert_int_equal(c.rsa_bits, 2048);
	assert_string_equal(c.subject, "CN=www.example.test,O=edgelint tests");
	assert_string_equal(c.issuer, "CN=edgelint test CA,O=edgelint tests");
	assert_string_equal(c.names, "www.example.test, *.cdn.example.test");
	assert_string_equal(c.not_before, "2020-01-01");
	assert_string_equal(c.not_after, "2035-01-01");
	/* a wildcard stands for one whole label, no more, no less */
	assert_int_equal(judge2("ok.der", "img.cdn.example.test", &AT_2026).problems, 0);
	assert_int_equal(judge2("ok.der", "a.b.cdn.example.test", &AT_2026).problems,
			 TLS_CERT_NAME_MISMATCH);
	assert_int_equal(judge2("ok.der", "cdn.example.test", &AT_2026).problems,
			 TLS_CERT_NAME_MISMATCH);
	assert_int_equal(judge2("ok.der", "example.test", &AT_2026).problems,
			 TLS_CERT_NAME_MISMATCH);
	assert_int_equal(judge2("ok.der", "www.example.test.evil.example", &AT_2026).problems,
			 TLS_CERT_NAME_MISMATCH);
	/* no SNI: the name is not judged; no time: validity is not judged */
	assert_int_equal(judge2("ok.der", NULL, NULL).problems, 0);
}

static void test_validity(void **state)
{
	(void)state;
	assert_int_equal(judge2("expired.der", "old.example.test", &AT_2026).problems,
			 TLS_CERT_EXPIRED);
	assert_int_equal(judge2("expired.der", "old.example.test", &AT_2019).problems, 0);
	assert_int_equal(judge2("expired.der", "old.example.test", NULL).problems, 0);
	struct cls_cert c = judge2("future.der", "new.example.test", &AT_2026);
	assert_int_equal(c.problems, TLS_CERT_NOT_YET_VALID);
	assert_string_equal(c.not_before, "2034-01-01");
}

static void test_issuer(void **state)
{
	(void)state;
	uint8_t m[8192];
	const char *self[1] = {"self.der"};
	size_t n = message(m, sizeof(m), self, 1);
	struct cls_cert c;
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, "self.example.test", true, &AT_2026, &c);
	assert_int_equal(c.problems, TLS_CERT_SELF_SIGNED);
	assert_string_equal(c.issuer, "CN=self.example.test,O=edgelint tests");

	const char *other[1] = {"other.der"};
	n = message(m, sizeof(m), other, 1);
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, "other.example.test", true, &AT_2026, &c);
	/* its issuer neither sent nor in the store: public or private cannot
	 * be told (EL412 incomplete, a warning); a chain that ends at a CA
	 * the server sent and the store lacks is tls12-certs.pcap's EL412 */
	assert_int_equal(c.problems, TLS_CERT_CHAIN_INCOMPLETE);
	assert_string_equal(c.issuer, "CN=another test CA,O=edgelint tests");
	assert_non_null(c.verify_error);

	/* the leaf alone, its CA in the store: trusted without the chain */
	const char *alone[1] = {"ok.der"};
	n = message(m, sizeof(m), alone, 1);
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, "www.example.test", true, &AT_2026, &c);
	assert_int_equal(c.problems, 0);
}

static void test_weak(void **state)
{
	(void)state;
	struct cls_cert c = judge2("weak.der", "weak.example.test", &AT_2026);
	assert_int_equal(c.problems, TLS_CERT_WEAK_KEY | TLS_CERT_WEAK_SIGNATURE);
	assert_int_equal(c.rsa_bits, 1024);
	assert_string_equal(c.weak_digest, "SHA-1");
}

static void test_malformed(void **state)
{
	(void)state;
	uint8_t m[8192];
	const char *ok[1] = {"ok.der"};
	size_t n = message(m, sizeof(m), ok, 1);
	struct cls_cert c;
	/* the list's length one more than the bytes */
	m[2]++;
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, "www.example.test", true, &AT_2026, &c);
	assert_int_equal(c.problems, TLS_CERT_UNREADABLE);
	m[2]--;
	/* every cut of the message: never read outside it, never a judged leaf */
	for (size_t cut = 0; cut < n; cut++) {
		memset(&c, 0, sizeof(c));
		tls_cert_judge(m, cut, "www.example.test", true, &AT_2026, &c);
		assert_int_equal(c.problems, TLS_CERT_UNREADABLE);
	}
	/* a certificate whose DER is damaged (its outer length) */
	m[6 + 1] ^= 0x01;
	memset(&c, 0, sizeof(c));
	tls_cert_judge(m, n, "www.example.test", true, &AT_2026, &c);
	assert_int_equal(c.problems, TLS_CERT_UNREADABLE);
}

static int setup(void **state)
{
	(void)state;
	return setenv("EDGELINT_CA_DIR", CERTS "/store", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_validity),
		cmocka_unit_test(test_issuer),
		cmocka_unit_test(test_weak),
		cmocka_unit_test(test_malformed),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
