/*
 * test_pcap_quic.c — cmocka tests for the QUIC Initial reader
 * (src/capture/quic.c): the Initial keys and the protected client
 * Initial of RFC 9001 Appendix A (version 1) and RFC 9369 Appendix A
 * (version 2) as published (opened, and protected again byte for byte),
 * the ClientHello's SNI through the classifier,
 * CRYPTO frames split over packets and datagrams out of order, coalesced
 * packets (a Handshake packet skipped), a server Initial and a tampered
 * tag not opened, every truncation of a datagram survived, and the
 * per-flow give-up bound.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/capture/classify.h"
#include "../../src/capture/quic.h"

/* RFC 9001 Appendix A.2: the client Initial, 1200 bytes, DCID
 * 0x8394c8f03e515708, packet number 2, a ClientHello for example.com. */
static const char rfc9001_a2[] =
	"c000000001088394c8f03e5157080000449e7b9aec34d1b1c98dd7689fb8ec11"
	"d242b123dc9bd8bab936b47d92ec356c0bab7df5976d27cd449f63300099f399"
	"1c260ec4c60d17b31f8429157bb35a1282a643a8d2262cad67500cadb8e7378c"
	"8eb7539ec4d4905fed1bee1fc8aafba17c750e2c7ace01e6005f80fcb7df6212"
	"30c83711b39343fa028cea7f7fb5ff89eac2308249a02252155e2347b63d58c5"
	"457afd84d05dfffdb20392844ae812154682e9cf012f9021a6f0be17ddd0c208"
	"4dce25ff9b06cde535d0f920a2db1bf362c23e596d11a4f5a6cf3948838a3aec"
	"4e15daf8500a6ef69ec4e3feb6b1d98e610ac8b7ec3faf6ad760b7bad1db4ba3"
	"485e8a94dc250ae3fdb41ed15fb6a8e5eba0fc3dd60bc8e30c5c4287e53805db"
	"059ae0648db2f64264ed5e39be2e20d82df566da8dd5998ccabdae053060ae6c"
	"7b4378e846d29f37ed7b4ea9ec5d82e7961b7f25a9323851f681d582363aa5f8"
	"9937f5a67258bf63ad6f1a0b1d96dbd4faddfcefc5266ba6611722395c906556"
	"be52afe3f565636ad1b17d508b73d8743eeb524be22b3dcbc2c7468d54119c74"
	"68449a13d8e3b95811a198f3491de3e7fe942b330407abf82a4ed7c1b311663a"
	"c69890f4157015853d91e923037c227a33cdd5ec281ca3f79c44546b9d90ca00"
	"f064c99e3dd97911d39fe9c5d0b23a229a234cb36186c4819e8b9c5927726632"
	"291d6a418211cc2962e20fe47feb3edf330f2c603a9d48c0fcb5699dbfe58964"
	"25c5bac4aee82e57a85aaf4e2513e4f05796b07ba2ee47d80506f8d2c25e50fd"
	"14de71e6c418559302f939b0e1abd576f279c4b2e0feb85c1f28ff18f58891ff"
	"ef132eef2fa09346aee33c28eb130ff28f5b766953334113211996d20011a198"
	"e3fc433f9f2541010ae17c1bf202580f6047472fb36857fe843b19f5984009dd"
	"c324044e847a4f4a0ab34f719595de37252d6235365e9b84392b061085349d73"
	"203a4a13e96f5432ec0fd4a1ee65accdd5e3904df54c1da510b0ff20dcc0c77f"
	"cb2c0e0eb605cb0504db87632cf3d8b4dae6e705769d1de354270123cb11450e"
	"fc60ac47683d7b8d0f811365565fd98c4c8eb936bcab8d069fc33bd801b03ade"
	"a2e1fbc5aa463d08ca19896d2bf59a071b851e6c239052172f296bfb5e724047"
	"90a2181014f3b94a4e97d117b438130368cc39dbb2d198065ae3986547926cd2"
	"162f40a29f0c3c8745c0f50fba3852e566d44575c29d39a03f0cda721984b6f4"
	"40591f355e12d439ff150aab7613499dbd49adabc8676eef023b15b65bfc5ca0"
	"6948109f23f350db82123535eb8a7433bdabcb909271a6ecbcb58b936a88cd4e"
	"8f2e6ff5800175f113253d8fa9ca8885c2f552e657dc603f252e1a8e308f76f0"
	"be79e2fb8f5d5fbbe2e30ecadd220723c8c0aea8078cdfcb3868263ff8f09400"
	"54da48781893a7e49ad5aff4af300cd804a6b6279ab3ff3afb64491c85194aab"
	"760d58a606654f9f4400e8b38591356fbf6425aca26dc85244259ff2b19c41b9"
	"f96f3ca9ec1dde434da7d2d392b905ddf3d1f9af93d1af5950bd493f5aa731b4"
	"056df31bd267b6b90a079831aaf579be0a39013137aac6d404f518cfd4684064"
	"7e78bfe706ca4cf5e9c5453e9f7cfd2b8b4c8d169a44e55c88d4a9a7f9474241"
	"e221af44860018ab0856972e194cd934";

/* RFC 9369 Appendix A.2: the same packet in version 2. */
static const char rfc9369_a2[] =
	"d76b3343cf088394c8f03e5157080000449ea0c95e82ffe67b6abcdb4298b485"
	"dd04de806071bf03dceebfa162e75d6c96058bdbfb127cdfcbf903388e99ad04"
	"9f9a3dd4425ae4d0992cfff18ecf0fdb5a842d09747052f17ac2053d21f57c5d"
	"250f2c4f0e0202b70785b7946e992e58a59ac52dea6774d4f03b55545243cf1a"
	"12834e3f249a78d395e0d18f4d766004f1a2674802a747eaa901c3f10cda5500"
	"cb9122faa9f1df66c392079a1b40f0de1c6054196a11cbea40afb6ef5253cd68"
	"18f6625efce3b6def6ba7e4b37a40f7732e093daa7d52190935b8da58976ff33"
	"12ae50b187c1433c0f028edcc4c2838b6a9bfc226ca4b4530e7a4ccee1bfa2a3"
	"d396ae5a3fb512384b2fdd851f784a65e03f2c4fbe11a53c7777c023462239dd"
	"6f7521a3f6c7d5dd3ec9b3f233773d4b46d23cc375eb198c63301c21801f6520"
	"bcfb7966fc49b393f0061d974a2706df8c4a9449f11d7f3d2dcbb90c6b877045"
	"636e7c0c0fe4eb0f697545460c806910d2c355f1d253bc9d2452aaa549e27a1f"
	"ac7cf4ed77f322e8fa894b6a83810a34b361901751a6f5eb65a0326e07de7c12"
	"16ccce2d0193f958bb3850a833f7ae432b65bc5a53975c155aa4bcb4f7b2c4e5"
	"4df16efaf6ddea94e2c50b4cd1dfe06017e0e9d02900cffe1935e0491d77ffb4"
	"fdf85290fdd893d577b1131a610ef6a5c32b2ee0293617a37cbb08b847741c3b"
	"8017c25ca9052ca1079d8b78aebd47876d330a30f6a8c6d61dd1ab5589329de7"
	"14d19d61370f8149748c72f132f0fc99f34d766c6938597040d8f9e2bb522ff9"
	"9c63a344d6a2ae8aa8e51b7b90a4a806105fcbca31506c446151adfeceb51b91"
	"abfe43960977c87471cf9ad4074d30e10d6a7f03c63bd5d4317f68ff325ba3bd"
	"80bf4dc8b52a0ba031758022eb025cdd770b44d6d6cf0670f4e990b22347a7db"
	"848265e3e5eb72dfe8299ad7481a408322cac55786e52f633b2fb6b614eaed18"
	"d703dd84045a274ae8bfa73379661388d6991fe39b0d93debb41700b41f90a15"
	"c4d526250235ddcd6776fc77bc97e7a417ebcb31600d01e57f32162a8560cacc"
	"7e27a096d37a1a86952ec71bd89a3e9a30a2a26162984d7740f81193e8238e61"
	"f6b5b984d4d3dfa033c1bb7e4f0037febf406d91c0dccf32acf423cfa1e70710"
	"10d3f270121b493ce85054ef58bada42310138fe081adb04e2bd901f2f13458b"
	"3d6758158197107c14ebb193230cd1157380aa79cae1374a7c1e5bbcb80ee23e"
	"06ebfde206bfb0fcbc0edc4ebec309661bdd908d532eb0c6adc38b7ca7331dce"
	"8dfce39ab71e7c32d318d136b6100671a1ae6a6600e3899f31f0eed19e3417d1"
	"34b90c9058f8632c798d4490da4987307cba922d61c39805d072b589bd52fdf1"
	"e86215c2d54e6670e07383a27bbffb5addf47d66aa85a0c6f9f32e59d85a44dd"
	"5d3b22dc2be80919b490437ae4f36a0ae55edf1d0b5cb4e9a3ecabee93dfc6e3"
	"8d209d0fa6536d27a5d6fbb17641cde27525d61093f1b28072d111b2b4ae5f89"
	"d5974ee12e5cf7d5da4d6a31123041f33e61407e76cffcdcfd7e19ba58cf4b53"
	"6f4c4938ae79324dc402894b44faf8afbab35282ab659d13c93f70412e85cb19"
	"9a37ddec600545473cfb5a05e08d0b209973b2172b4d21fb69745a262ccde96b"
	"a18b2faa745b6fe189cf772a9f84cbfc";

static const uint8_t dcid[8] = {0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57, 0x08};

static size_t unhex(const char *h, uint8_t *out, size_t cap)
{
	size_t n = 0;
	for (; h[0] && h[1] && n < cap; h += 2) {
		unsigned v;
		assert_int_equal(sscanf(h, "%2x", &v), 1);
		out[n++] = (uint8_t)v;
	}
	return n;
}

static void expect_hex(const uint8_t *got, size_t n, const char *want)
{
	uint8_t w[64];
	assert_int_equal(unhex(want, w, sizeof(w)), n);
	assert_memory_equal(got, w, n);
}

static void test_initial_keys(void **state)
{
	(void)state;
	struct quic_keys k;
	/* RFC 9001 A.1 */
	assert_int_equal(quic_initial_keys(QUIC_V1, dcid, sizeof(dcid), false, &k), 0);
	expect_hex(k.key, 16, "1f369613dd76d5467730efcbe3b1a22d");
	expect_hex(k.iv, 12, "fa044b2f42a3fd3b46fb255c");
	expect_hex(k.hp, 16, "9f50449e04a0e810283a1e9933adedd2");
	assert_int_equal(quic_initial_keys(QUIC_V1, dcid, sizeof(dcid), true, &k), 0);
	expect_hex(k.key, 16, "cf3a5331653c364c88f0f379b6067e37");
	expect_hex(k.iv, 12, "0ac1493ca1905853b0bba03e");
	expect_hex(k.hp, 16, "c206b8d9b9f0f37644430b490eeaa314");
	/* RFC 9369 A.1 */
	assert_int_equal(quic_initial_keys(QUIC_V2, dcid, sizeof(dcid), false, &k), 0);
	expect_hex(k.key, 16, "8b1a0bc121284290a29e0971b5cd045d");
	expect_hex(k.iv, 12, "91f73e2351d8fa91660e909f");
	expect_hex(k.hp, 16, "45b95e15235d6f45a6b19cbcb0294ba9");
	assert_int_equal(quic_initial_keys(QUIC_V2, dcid, sizeof(dcid), true, &k), 0);
	expect_hex(k.key, 16, "82db637861d55e1d011f19ea71d5d2a7");
	expect_hex(k.iv, 12, "dd13c276499c0249d3310652");
	expect_hex(k.hp, 16, "edf6d05c83121201b436e16877593c3a");
	/* other versions, empty and oversized connection IDs */
	assert_int_equal(quic_initial_keys(0xff00001du, dcid, sizeof(dcid), false, &k), -1);
	assert_int_equal(quic_initial_keys(QUIC_V1, dcid, 0, false, &k), -1);
	uint8_t big[21] = {0};
	assert_int_equal(quic_initial_keys(QUIC_V1, big, sizeof(big), false, &k), -1);
}

static void test_unprotect_vectors(void **state)
{
	(void)state;
	const char *pk[2] = {rfc9001_a2, rfc9369_a2};
	const uint32_t ver[2] = {QUIC_V1, QUIC_V2};
	for (int i = 0; i < 2; i++) {
		uint8_t p[1200];
		assert_int_equal(unhex(pk[i], p, sizeof(p)), 1200);
		struct quic_keys k;
		assert_int_equal(quic_initial_keys(ver[i], dcid, sizeof(dcid), false, &k), 0);
		size_t plen = 0;
		uint64_t pn = 0;
		/* the packet number starts at byte 18 (RFC 9001 A.2) */
		assert_int_equal(quic_unprotect(&k, p, sizeof(p), 18, -1, &plen, &pn), 22);
		assert_int_equal(pn, 2);
		assert_int_equal(plen, 1162);
		/* unprotected header as published, then CRYPTO offset 0 length 241 */
		expect_hex(p, 22, i ? "d36b3343cf088394c8f03e5157080000449e00000002"
				    : "c300000001088394c8f03e5157080000449e00000002");
		expect_hex(p + 22, 8, "060040f1010000ed");
		/* the server's keys do not open it; nor does a flipped bit */
		assert_int_equal(quic_initial_keys(ver[i], dcid, sizeof(dcid), true, &k), 0);
		unhex(pk[i], p, sizeof(p));
		assert_int_equal(quic_unprotect(&k, p, sizeof(p), 18, -1, &plen, &pn), -1);
		assert_int_equal(quic_initial_keys(ver[i], dcid, sizeof(dcid), false, &k), 0);
		unhex(pk[i], p, sizeof(p));
		p[600] ^= 1;
		assert_int_equal(quic_unprotect(&k, p, sizeof(p), 18, -1, &plen, &pn), -1);
		/* too short for the sample */
		unhex(pk[i], p, sizeof(p));
		assert_int_equal(quic_unprotect(&k, p, 37, 18, -1, &plen, &pn), -1);
	}
}

/* ---- the classifier over datagrams --------------------------------------- */

struct flowsim {
	uint8_t scratch[CLS_SCRATCH_MAX];
	bool given;
	char names[4][CLS_NAME_MAX + 1];
	int n;
};

static void *sim_scratch(void *ctx)
{
	struct flowsim *s = ctx;
	if (!s->given) {
		memset(s->scratch, 0, sizeof(s->scratch));
		s->given = true;
	}
	return s->scratch;
}

static int32_t sim_intern(void *ctx, const char *name, size_t n, enum cls_via via)
{
	struct flowsim *s = ctx;
	assert_int_equal(via, VIA_SNI);
	assert_true(s->n < 4 && n <= CLS_NAME_MAX);
	memcpy(s->names[s->n], name, n);
	s->names[s->n][n] = '\0';
	return s->n++;
}

/* One datagram of the flow (direction dir) through cls_quic. */
static enum cls_verdict datagram(struct flowsim *s, int dir, const uint8_t *d, size_t n,
				 struct cls_result *r)
{
	struct cls_view v = {.udp = true, .packet = 1, .intern = sim_intern, .intern_ctx = s,
			     .scratch = sim_scratch, .scratch_ctx = s};
	pc_init(&v.data[dir], d, n);
	pc_init(&v.data[!dir], NULL, 0);
	return cls_quic(&v, r);
}

static void test_classify_vectors(void **state)
{
	(void)state;
	const char *pk[2] = {rfc9001_a2, rfc9369_a2};
	for (int i = 0; i < 2; i++) {
		uint8_t p[1200];
		unhex(pk[i], p, sizeof(p));
		static struct flowsim s;
		memset(&s, 0, sizeof(s));
		struct cls_result r = {.host = -1};
		assert_int_equal(datagram(&s, 0, p, sizeof(p), &r), CLS_DONE);
		assert_int_equal(r.app, APP_QUIC);
		assert_int_equal(s.n, 1);
		assert_string_equal(s.names[0], "example.com");
		assert_int_equal(r.host, 0);
		assert_int_equal(r.tls_offered, 0x0304);
		/* without scratch memory: QUIC, no name */
		struct cls_view v = {.udp = true, .packet = 1};
		pc_init(&v.data[0], p, sizeof(p));
		struct cls_result r2 = {.host = -1};
		assert_int_equal(cls_quic(&v, &r2), CLS_DONE);
		assert_int_equal(r2.app, APP_QUIC);
		assert_int_equal(r2.host, -1);
	}
}

/* Builds a protected client Initial of version 1 carrying frames, with
 * packet number pn in 2 bytes. Returns its length. */
static size_t protect(uint8_t *out, uint64_t pn, const uint8_t *frames, size_t fn)
{
	struct quic_keys k;
	assert_int_equal(quic_initial_keys(QUIC_V1, dcid, sizeof(dcid), false, &k), 0);
	size_t n = 0;
	out[n++] = 0xc1;   /* long, fixed, Initial, 2-byte packet number */
	out[n++] = 0; out[n++] = 0; out[n++] = 0; out[n++] = 1;
	out[n++] = sizeof(dcid);
	memcpy(out + n, dcid, sizeof(dcid));
	n += sizeof(dcid);
	out[n++] = 0;      /* SCID */
	out[n++] = 0;      /* token */
	size_t len = 2 + fn + 16;
	out[n++] = (uint8_t)(0x40 | len >> 8);
	out[n++] = (uint8_t)len;
	size_t pn_off = n;
	out[n++] = (uint8_t)(pn >> 8);
	out[n++] = (uint8_t)pn;
	memcpy(out + n, frames, fn);
	n += fn + 16;
	assert_int_equal(quic_protect(&k, out, n, pn_off), 0);
	return n;
}

/* quic_protect reproduces the published protected packets byte for byte. */
static void test_protect_vectors(void **state)
{
	(void)state;
	const char *pk[2] = {rfc9001_a2, rfc9369_a2};
	const uint32_t ver[2] = {QUIC_V1, QUIC_V2};
	for (int i = 0; i < 2; i++) {
		uint8_t want[1200], p[1200];
		unhex(pk[i], want, sizeof(want));
		memcpy(p, want, sizeof(p));
		struct quic_keys k;
		assert_int_equal(quic_initial_keys(ver[i], dcid, sizeof(dcid), false, &k), 0);
		size_t plen;
		uint64_t pn;
		assert_int_equal(quic_unprotect(&k, p, sizeof(p), 18, -1, &plen, &pn), 22);
		/* the header's packet number length bits say 4 bytes: pn 2 at 18..22 */
		assert_int_equal(quic_protect(&k, p, sizeof(p), 18), 0);
		assert_memory_equal(p, want, sizeof(p));
		assert_int_equal(quic_protect(&k, p, 37, 18), -1);
	}
}

/* A CRYPTO frame with bytes ch[off, off + n), then PADDING to pad. */
static size_t crypto_frame(uint8_t *f, const uint8_t *ch, size_t off, size_t n, size_t pad)
{
	size_t k = 0;
	f[k++] = 0x06;
	f[k++] = (uint8_t)(0x40 | off >> 8);
	f[k++] = (uint8_t)off;
	f[k++] = (uint8_t)(0x40 | n >> 8);
	f[k++] = (uint8_t)n;
	memcpy(f + k, ch + off, n);
	k += n;
	while (k < pad)
		f[k++] = 0;
	return k;
}

/* The 245-byte ClientHello message (with its handshake header) of the
 * RFC 9001 A.2 packet. */
static void rfc_client_hello(uint8_t ch[245])
{
	uint8_t p[1200];
	unhex(rfc9001_a2, p, sizeof(p));
	struct quic_keys k;
	quic_initial_keys(QUIC_V1, dcid, sizeof(dcid), false, &k);
	size_t plen;
	uint64_t pn;
	assert_int_equal(quic_unprotect(&k, p, sizeof(p), 18, -1, &plen, &pn), 22);
	memcpy(ch, p + 22 + 4, 245);
}

static void test_crypto_reassembly(void **state)
{
	(void)state;
	uint8_t ch[245];
	rfc_client_hello(ch);
	static uint8_t d1[2048], d2[2048], f[1400];
	/* datagram 1: bytes 100..245 (out of order) with an ACK and a PING;
	 * datagram 2: a Handshake packet (skipped), then bytes 0..100 */
	size_t fn = 0;
	f[fn++] = 0x02; f[fn++] = 5; f[fn++] = 0; f[fn++] = 1; f[fn++] = 0; f[fn++] = 1; f[fn++] = 0;
	f[fn++] = 0x01;
	fn += crypto_frame(f + fn, ch, 100, 145, 0);
	size_t n1 = protect(d1, 0, f, fn + 900);
	size_t n2 = 0;
	static const uint8_t hs[] = {0xe0, 0, 0, 0, 1, 0, 0, 0x05, 1, 2, 3, 4, 5};
	memcpy(d2, hs, sizeof(hs));
	n2 += sizeof(hs);
	fn = crypto_frame(f, ch, 0, 100, 300);
	n2 += protect(d2 + n2, 1, f, fn);
	static struct flowsim s;
	memset(&s, 0, sizeof(s));
	struct cls_result r = {.host = -1};
	assert_int_equal(datagram(&s, 0, d1, n1, &r), CLS_MORE);
	assert_int_equal(r.app, APP_QUIC);
	assert_int_equal(s.n, 0);
	/* a server datagram in between: the client keys do not open it */
	uint8_t srv[1200];
	unhex(rfc9001_a2, srv, sizeof(srv));
	srv[700] ^= 0x80;
	assert_int_equal(datagram(&s, 1, srv, sizeof(srv), &r), CLS_MORE);
	assert_int_equal(datagram(&s, 0, d2, n2, &r), CLS_DONE);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.names[0], "example.com");

	/* both packets coalesced in one datagram, the second first, and the
	 * first byte repeated in a third overlapping frame */
	static uint8_t d3[4096];
	fn = crypto_frame(f, ch, 50, 195, 0);
	size_t n3 = protect(d3, 0, f, fn);
	fn = crypto_frame(f, ch, 0, 60, 0);
	n3 += protect(d3 + n3, 1, f, fn);
	memset(&s, 0, sizeof(s));
	struct cls_result r3 = {.host = -1};
	assert_int_equal(datagram(&s, 0, d3, n3, &r3), CLS_DONE);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.names[0], "example.com");

	/* every truncation of that datagram (an exact-size heap copy, so
	 * ASan sees any read past the end): the second packet is then cut,
	 * never opened, and no name comes out */
	for (size_t cut = 0; cut < n3; cut++) {
		memset(&s, 0, sizeof(s));
		struct cls_result rc = {.host = -1};
		uint8_t *copy = malloc(cut ? cut : 1);
		assert_non_null(copy);
		memcpy(copy, d3, cut);
		enum cls_verdict vd = datagram(&s, 0, copy, cut, &rc);
		free(copy);
		assert_int_equal(s.n, 0);
		assert_int_equal(vd, rc.app == APP_QUIC ? CLS_MORE : CLS_NO);
	}
}

static void test_give_up(void **state)
{
	(void)state;
	uint8_t ch[245];
	rfc_client_hello(ch);
	static uint8_t d[2048], f[1400];
	/* only the tail of the ClientHello, again and again */
	size_t fn = crypto_frame(f, ch, 100, 145, 1000);
	static struct flowsim s;
	memset(&s, 0, sizeof(s));
	struct cls_result r = {.host = -1};
	int more = 0;
	for (uint64_t pn = 0; pn < 100; pn++) {
		size_t n = protect(d, pn, f, fn);
		if (datagram(&s, 0, d, n, &r) != CLS_MORE)
			break;
		more++;
	}
	assert_int_equal(more, QUIC_DATAGRAMS_MAX - 1);
	assert_int_equal(s.n, 0);
	/* a CRYPTO stream that is not a ClientHello: given up at once */
	uint8_t notch[245];
	memcpy(notch, ch, sizeof(notch));
	notch[0] = 2;
	fn = crypto_frame(f, notch, 0, 245, 1000);
	memset(&s, 0, sizeof(s));
	struct cls_result r2 = {.host = -1};
	size_t n = protect(d, 0, f, fn);
	assert_int_equal(datagram(&s, 0, d, n, &r2), CLS_DONE);
	assert_int_equal(s.n, 0);
	/* an unknown frame type ends the frames: the CRYPTO after it is not read */
	fn = 0;
	f[fn++] = 0x08;   /* STREAM: not allowed in Initial packets */
	fn += crypto_frame(f + fn, ch, 0, 245, 1000);
	memset(&s, 0, sizeof(s));
	struct cls_result r3 = {.host = -1};
	n = protect(d, 0, f, fn);
	assert_int_equal(datagram(&s, 0, d, n, &r3), CLS_MORE);
	assert_int_equal(s.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_initial_keys),
		cmocka_unit_test(test_unprotect_vectors),
		cmocka_unit_test(test_protect_vectors),
		cmocka_unit_test(test_classify_vectors),
		cmocka_unit_test(test_crypto_reassembly),
		cmocka_unit_test(test_give_up),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
