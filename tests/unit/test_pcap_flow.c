/*
 * test_pcap_flow.c — cmocka tests for the capture pipeline behind the
 * decoder: TCP reassembly of the first bytes (src/capture/flow.c:
 * retransmissions, out-of-order segments, a missing handshake, data
 * before the window, the window's end), the classifiers
 * (src/capture/classify.c, tls.c: TLS ClientHello with SNI and
 * supported_versions, ServerHello versions, a hello split over segments,
 * QUIC v1/v2 long headers, HTTP request lines with Host, and things
 * that are none of them), the flow table (direction-independent keys on
 * full IPv6 addresses, the cap with LRU eviction whose results still
 * count, buffers freed once classified, the port-443/80 fallback), and
 * whole captures through the parser table from memory (exact traffic
 * totals, a truncated file ending with "packet N", an empty capture, the
 * 6-1 check's findings at packet numbers).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../parsers/parsers.h"
#include "../../src/capture/classify.h"
#include "../../src/capture/flow.h"
#include "../../src/capture/tls.h"
#include "../../src/run.h"
#include "pktbuild.h"
#include "testctx.h"

/* ---- reassembly ------------------------------------------------------- */

static bool seg(struct ft_dir *d, uint32_t seq, bool syn, const char *s)
{
	struct pktcur c;
	pc_init(&c, s, strlen(s));
	bool nomem = false;
	bool grew = ft_dir_add(d, seq, syn, c, &nomem);
	assert_false(nomem);
	return grew;
}

static void expect_dir(const struct ft_dir *d, const char *s)
{
	assert_int_equal(d->len, strlen(s));
	assert_memory_equal(d->buf, s, strlen(s));
}

static void test_reassembly(void **state)
{
	(void)state;
	struct ft_dir d = {0};
	/* SYN at 999: data starts at 1000 */
	assert_false(seg(&d, 999, true, ""));
	assert_true(seg(&d, 1000, false, "GET "));
	/* a retransmission changes nothing (first copy wins) */
	assert_false(seg(&d, 1000, false, "XXXX"));
	expect_dir(&d, "GET ");
	/* out of order: 1008 before 1004 */
	assert_false(seg(&d, 1008, false, "HTTP"));
	expect_dir(&d, "GET ");
	assert_int_equal(d.nooo, 1);
	assert_true(seg(&d, 1004, false, "/ab "));
	expect_dir(&d, "GET /ab HTTP");
	assert_int_equal(d.nooo, 0);
	/* overlap with new bytes at the end */
	assert_true(seg(&d, 1010, false, "TP/1.1"));
	expect_dir(&d, "GET /ab HTTP/1.1");
	ft_dir_free(&d);

	/* no handshake: the stream starts at the first segment seen; bytes
	 * before it are dropped, a segment straddling the start is trimmed */
	struct ft_dir e = {0};
	assert_true(seg(&e, 5000, false, "abc"));
	assert_false(seg(&e, 4990, false, "0123456789"));
	assert_true(seg(&e, 4998, false, "zzabcdef"));
	expect_dir(&e, "abcdef");
	/* more out-of-order ranges than remembered: the extra is dropped */
	uint32_t base = 5000;
	for (int i = 0; i < FT_OOO_MAX + 1; i++)
		seg(&e, base + 100 + (uint32_t)i * 10, false, "x");
	assert_int_equal(e.nooo, FT_OOO_MAX);
	ft_dir_free(&e);

	/* the window ends at FT_BUF_MAX bytes, across sequence wrap-around */
	struct ft_dir w = {0};
	static char big[FT_BUF_MAX + 100];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_true(seg(&w, 0xfffffff0u, false, big));
	assert_int_equal(w.len, FT_BUF_MAX);
	assert_false(seg(&w, 0xfffffff0u + FT_BUF_MAX, false, "more"));
	ft_dir_free(&w);
}

/* ---- classifiers ------------------------------------------------------ */

struct names {
	char name[8][300];
	int via[8];
	int n;
};

static int32_t test_intern(void *ctx, const char *s, size_t n, enum cls_via via)
{
	struct names *nm = ctx;
	memcpy(nm->name[nm->n], s, n);
	nm->name[nm->n][n] = '\0';
	nm->via[nm->n] = via;
	return nm->n++;
}

static enum cls_verdict classify(cls_fn fn, const struct pb *c2s, size_t c2s_n,
				 const struct pb *s2c, bool final, struct cls_result *res,
				 struct names *nm)
{
	struct cls_view v = {.intern = test_intern, .intern_ctx = nm, .packet = 7};
	pc_init(&v.data[0], c2s ? c2s->b : NULL, c2s ? c2s_n : 0);
	pc_init(&v.data[1], s2c ? s2c->b : NULL, s2c ? s2c->n : 0);
	v.final[0] = v.final[1] = final;
	return fn(&v, res);
}

static void test_tls(void **state)
{
	(void)state;
	struct pb ch = {.n = 0}, sh = {.n = 0};
	static const uint16_t vers[] = {0x7a7a, 0x0304, 0x0303};
	pb_client_hello(&ch, "www.Example.org", vers, 3, 0x0303);
	pb_server_hello(&sh, 0x0303, 0x0304);
	struct names nm = {.n = 0};
	struct cls_result r = {.host = -1};
	/* ClientHello cut after 20 bytes: claimed, more needed */
	assert_int_equal(classify(cls_tls, &ch, 20, NULL, false, &r, &nm), CLS_MORE);
	assert_int_equal(r.app, APP_TLS);
	assert_int_equal(r.packet, 7);
	assert_int_equal(nm.n, 0);
	/* whole ClientHello, no ServerHello yet */
	assert_int_equal(classify(cls_tls, &ch, ch.n, NULL, false, &r, &nm), CLS_MORE);
	assert_int_equal(nm.n, 1);
	assert_string_equal(nm.name[0], "www.Example.org");
	assert_int_equal(nm.via[0], VIA_SNI);
	assert_int_equal(r.host, 0);
	assert_int_equal(r.tls_offered, 0x0304);   /* GREASE ignored */
	assert_int_equal(r.tls_version, 0);
	/* and the ServerHello: TLS 1.3 from supported_versions */
	assert_int_equal(classify(cls_tls, &ch, ch.n, &sh, false, &r, &nm), CLS_DONE);
	assert_int_equal(r.tls_version, 0x0304);
	assert_int_equal(nm.n, 1);

	/* TLS 1.0 server: no supported_versions, the legacy version counts */
	struct pb sh10 = {.n = 0}, ch10 = {.n = 0};
	pb_client_hello(&ch10, NULL, NULL, 0, 0x0301);
	pb_server_hello(&sh10, 0x0301, 0);
	struct cls_result r10 = {.host = -1};
	assert_int_equal(classify(cls_tls, &ch10, ch10.n, &sh10, false, &r10, &nm), CLS_DONE);
	assert_int_equal(r10.tls_version, 0x0301);
	assert_int_equal(r10.tls_offered, 0x0301);
	assert_int_equal(r10.host, -1);

	/* a hello whose record is split into two records */
	struct pb two = {.n = 0};
	size_t body = ch.n - 5;
	pb_u8(&two, 22); pb_be16(&two, 0x0301); pb_be16(&two, 30);
	pb_mem(&two, ch.b + 5, 30);
	pb_u8(&two, 22); pb_be16(&two, 0x0301); pb_be16(&two, (unsigned)(body - 30));
	pb_mem(&two, ch.b + 35, body - 30);
	struct names nm2 = {.n = 0};
	struct cls_result r2 = {.host = -1};
	assert_int_equal(classify(cls_tls, &two, two.n, NULL, true, &r2, &nm2), CLS_DONE);
	assert_int_equal(nm2.n, 1);
	assert_string_equal(nm2.name[0], "www.Example.org");

	/* not TLS: an SMTP greeting; application data without a hello */
	struct pb smtp = {.n = 0};
	pb_str(&smtp, "220 mail.example.org ESMTP\r\n");
	struct cls_result r3 = {.host = -1};
	assert_int_equal(classify(cls_tls, NULL, 0, &smtp, false, &r3, &nm), CLS_NO);
	struct pb app = {.n = 0};
	pb_mem(&app, "\x17\x03\x03\x00\x05hello", 10);
	assert_int_equal(classify(cls_tls, &app, app.n, NULL, false, &r3, &nm), CLS_NO);
	assert_int_equal(r3.app, APP_NONE);
	char buf[16];
	assert_string_equal(cls_tls_version_name(0x0302, buf, sizeof(buf)), "TLS1.1");
	assert_string_equal(cls_tls_version_name(0x0300, buf, sizeof(buf)), "SSL3.0");
	assert_string_equal(cls_tls_version_name(0x7f17, buf, sizeof(buf)), "0x7f17");
}

static void test_quic(void **state)
{
	(void)state;
	struct names nm = {.n = 0};
	static const uint32_t versions[] = {0x00000001u, 0x6b3343cfu};
	for (size_t i = 0; i < 2; i++) {
		struct pb q = {.n = 0};
		pb_u8(&q, i ? 0xd0 : 0xc0);   /* long header, Initial (v1: 00, v2: 01) */
		pb_be32(&q, versions[i]);
		pb_u8(&q, 8); pb_mem(&q, "\1\2\3\4\5\6\7\x08", 8);
		pb_u8(&q, 0);
		pb_mem(&q, "\0\x41\x00", 3);
		struct cls_result r = {.host = -1};
		assert_int_equal(classify(cls_quic, &q, q.n, NULL, false, &r, &nm), CLS_DONE);
		assert_int_equal(r.app, APP_QUIC);
	}
	/* version negotiation (0), a bad CID length, a short header, DNS */
	struct pb vn = {.n = 0};
	pb_u8(&vn, 0xc0); pb_be32(&vn, 0); pb_u8(&vn, 0); pb_u8(&vn, 0);
	struct cls_result r = {.host = -1};
	assert_int_equal(classify(cls_quic, &vn, vn.n, NULL, false, &r, &nm), CLS_NO);
	vn.n = 0;
	pb_u8(&vn, 0xc0); pb_be32(&vn, 1); pb_u8(&vn, 21);
	assert_int_equal(classify(cls_quic, &vn, vn.n, NULL, false, &r, &nm), CLS_NO);
	vn.n = 0;
	pb_mem(&vn, "\x40\1\2\3\4\5\6\7\x08\x09", 10);
	assert_int_equal(classify(cls_quic, &vn, vn.n, NULL, false, &r, &nm), CLS_NO);
	assert_int_equal(r.app, APP_NONE);
}

static void test_http(void **state)
{
	(void)state;
	struct pb req = {.n = 0};
	pb_str(&req, "POST /login?x=1 HTTP/1.1\r\nUser-Agent: t\r\nhOsT:  Intranet.Example.COM:8080 \r\n\r\nbody");
	struct names nm = {.n = 0};
	struct cls_result r = {.host = -1};
	/* the method alone: maybe */
	assert_int_equal(classify(cls_http, &req, 3, NULL, false, &r, &nm), CLS_MORE);
	assert_int_equal(r.app, APP_NONE);
	/* request line complete, headers not yet */
	assert_int_equal(classify(cls_http, &req, 30, NULL, false, &r, &nm), CLS_MORE);
	assert_int_equal(r.app, APP_HTTP);
	assert_int_equal(nm.n, 0);
	assert_int_equal(classify(cls_http, &req, req.n, NULL, false, &r, &nm), CLS_DONE);
	assert_int_equal(nm.n, 1);
	assert_string_equal(nm.name[0], "Intranet.Example.COM");
	assert_int_equal(nm.via[0], VIA_HTTP_HOST);
	/* HTTP/0.9 and an IPv6 Host with port */
	struct pb h09 = {.n = 0};
	pb_str(&h09, "GET /\r\n\r\n");
	struct cls_result r09 = {.host = -1};
	assert_int_equal(classify(cls_http, &h09, h09.n, NULL, false, &r09, &nm), CLS_DONE);
	assert_int_equal(r09.app, APP_HTTP);
	struct pb v6 = {.n = 0};
	pb_str(&v6, "GET / HTTP/1.0\nHost: [2001:db8::1]:80\n\n");
	struct cls_result r6 = {.host = -1};
	assert_int_equal(classify(cls_http, &v6, v6.n, NULL, false, &r6, &nm), CLS_DONE);
	assert_string_equal(nm.name[nm.n - 1], "[2001:db8::1]");
	/* not HTTP: FTP, an unknown method, a bad version, TLS */
	static const char *const nots[] = {"USER anonymous\r\n", "FETCH / HTTP/1.1\r\n",
					   "GET / HTTP/2.0\r\n", "\x16\x03\x01"};
	for (size_t i = 0; i < 4; i++) {
		struct pb x = {.n = 0};
		pb_str(&x, nots[i]);
		struct cls_result rx = {.host = -1};
		assert_int_equal(classify(cls_http, &x, x.n, NULL, false, &rx, &nm), CLS_NO);
		assert_int_equal(rx.app, APP_NONE);
	}
	/* a response without the request (capture started late) */
	struct pb resp = {.n = 0};
	pb_str(&resp, "HTTP/1.1 200 OK\r\n");
	struct cls_result rr = {.host = -1};
	assert_int_equal(classify(cls_http, NULL, 0, &resp, true, &rr, &nm), CLS_DONE);
	assert_int_equal(rr.app, APP_HTTP);
}

/* ---- flow table ------------------------------------------------------- */

static void mkaddr(uint8_t a[16], int fam, unsigned host)
{
	memset(a, 0, 16);
	if (fam == 4) {
		a[0] = 10; a[1] = 0; a[2] = (uint8_t)(host >> 8); a[3] = (uint8_t)host;
	} else {
		a[0] = 0x20; a[1] = 0x01; a[2] = 0x0d; a[3] = 0xb8;
		a[15] = (uint8_t)host;
	}
}

static struct pd_packet mkpkt(int fam, unsigned from, unsigned to, unsigned sport,
			      unsigned dport, unsigned proto, uint8_t flags, uint32_t seq,
			      const void *data, size_t n)
{
	struct pd_packet pk;
	memset(&pk, 0, sizeof(pk));
	pk.fam = (uint8_t)fam;
	pk.proto = (uint8_t)proto;
	mkaddr(pk.src, fam, from);
	mkaddr(pk.dst, fam, to);
	pk.sport = (uint16_t)sport;
	pk.dport = (uint16_t)dport;
	pk.has_ports = true;
	pk.tcp_flags = flags;
	pk.seq = seq;
	pc_init(&pk.payload, data, n);
	return pk;
}

static void test_flow_table(void **state)
{
	(void)state;
	struct flow_table *ft = ft_new(16);
	assert_non_null(ft);
	assert_null(ft_new(0));
	/* One TLS flow over IPv6 in both directions: SYN, SYN-ACK, hello, hello. */
	struct pb ch = {.n = 0}, sh = {.n = 0};
	static const uint16_t v13[] = {0x0304};
	pb_client_hello(&ch, "mail.example.net", v13, 1, 0x0303);
	pb_server_hello(&sh, 0x0303, 0x0304);
	struct pd_packet p;
	p = mkpkt(6, 1, 2, 50000, 8443, 6, PD_TCP_SYN, 100, NULL, 0);
	assert_int_equal(ft_packet(ft, &p, 74, 1), 0);
	p = mkpkt(6, 2, 1, 8443, 50000, 6, PD_TCP_SYN | PD_TCP_ACK, 900, NULL, 0);
	ft_packet(ft, &p, 74, 2);
	p = mkpkt(6, 1, 2, 50000, 8443, 6, PD_TCP_ACK, 101, ch.b, ch.n);
	ft_packet(ft, &p, 100, 3);
	assert_int_equal(ft_buffers(ft), 1);
	p = mkpkt(6, 2, 1, 8443, 50000, 6, PD_TCP_ACK, 901, sh.b, sh.n);
	ft_packet(ft, &p, 100, 4);
	assert_int_equal(ft_live(ft), 1);
	assert_int_equal(ft_buffers(ft), 0);   /* classified: buffers freed */
	/* The same ports between hosts that differ only in the last byte of
	 * the IPv6 address are another flow. */
	p = mkpkt(6, 3, 2, 50000, 8443, 6, PD_TCP_SYN, 5, NULL, 0);
	ft_packet(ft, &p, 74, 5);
	assert_int_equal(ft_live(ft), 2);
	/* HTTP over IPv4 on port 8080 */
	static const char get[] = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n";
	p = mkpkt(4, 1, 2, 40000, 8080, 6, PD_TCP_ACK, 1, get, sizeof(get) - 1);
	ft_packet(ft, &p, 120, 6);
	/* A payload-less flow to port 80 and an unknown-content one to 443 */
	p = mkpkt(4, 1, 2, 40001, 80, 6, PD_TCP_SYN, 1, NULL, 0);
	ft_packet(ft, &p, 60, 7);
	p = mkpkt(4, 1, 2, 40002, 443, 6, PD_TCP_ACK, 1, "\0", 1);
	ft_packet(ft, &p, 61, 8);
	/* QUIC v1 on UDP 4433 and DNS */
	static const uint8_t quic[] = {0xc3, 0, 0, 0, 1, 4, 1, 2, 3, 4, 0, 0};
	p = mkpkt(4, 1, 2, 5555, 4433, 17, 0, 0, quic, sizeof(quic));
	ft_packet(ft, &p, 1250, 9);
	p = mkpkt(4, 1, 2, 5556, 53, 17, 0, 0, "\x12\x34\1\0", 4);
	ft_packet(ft, &p, 80, 10);
	ft_finish(ft);
	const struct ft_totals *t = ft_totals(ft);
	assert_int_equal(t->flows, 7);
	assert_int_equal(t->evicted, 0);
	assert_int_equal(t->https_flows, 3);      /* TLS, 443 fallback, QUIC */
	assert_int_equal(t->https_bytes, 348 + 61 + 1250);
	assert_int_equal(t->tls_flows, 2);
	assert_int_equal(t->quic_flows, 1);
	assert_int_equal(t->http_flows, 2);       /* 8080 by content, 80 by port */
	assert_int_equal(t->http_bytes, 180);
	assert_int_equal(t->port_fallback_flows, 2);
	assert_int_equal(t->first_http_packet, 6);
	assert_int_equal(t->ntls, 1);
	assert_int_equal(t->tls[0].version, 0x0304);
	assert_int_equal(t->tls[0].flows, 1);
	assert_int_equal(t->tls[0].first_packet, 1);
	size_t nn;
	const struct ft_name *names = ft_names(ft, &nn);
	assert_int_equal(nn, 2);
	assert_string_equal(names[0].name, "mail.example.net");
	assert_int_equal(names[0].flows, 1);
	assert_string_equal(names[1].name, "a.example");
	assert_int_equal(names[1].via, VIA_HTTP_HOST);
	ft_free(ft);
}

/* The clients (issue 16 §7): per initiator address, its flows, bytes and
 * web split; a flow first seen from a web server's port belongs to the
 * other side; past FT_MAX_CLIENTS, flows are counted as dropped. */
static const struct ft_client *find_client(const struct ft_client *c, size_t n, int fam,
					   unsigned host)
{
	uint8_t a[16];
	memset(a, 0, sizeof(a));
	mkaddr(a, fam, host);
	for (size_t i = 0; i < n; i++)
		if (c[i].fam == fam && memcmp(c[i].addr, a, 16) == 0)
			return &c[i];
	return NULL;
}

static void test_flow_clients(void **state)
{
	(void)state;
	struct flow_table *ft = ft_new(64);
	assert_non_null(ft);
	static const char get[] = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n";
	struct pd_packet p;
	/* host 1: HTTP on 8080 (120 bytes) and an unknown payload to 443 (61) */
	p = mkpkt(4, 1, 2, 40000, 8080, 6, PD_TCP_ACK, 1, get, sizeof(get) - 1);
	ft_packet(ft, &p, 120, 1);
	p = mkpkt(4, 1, 2, 40002, 443, 6, PD_TCP_ACK, 1, "\0", 1);
	ft_packet(ft, &p, 61, 2);
	/* a flow first seen from server 2's port 443 to host 3: host 3's */
	p = mkpkt(4, 2, 3, 443, 51000, 6, PD_TCP_ACK, 7, "\1", 1);
	ft_packet(ft, &p, 70, 3);
	/* DNS from host 1 over IPv6 (another family: another client) */
	p = mkpkt(6, 1, 2, 5556, 53, 17, 0, 0, "\x12\x34\1\0", 4);
	ft_packet(ft, &p, 90, 4);
	ft_finish(ft);
	size_t n;
	const struct ft_client *c = ft_clients(ft, &n);
	assert_int_equal(n, 3);
	const struct ft_client *h1 = find_client(c, n, 4, 1);
	assert_non_null(h1);
	assert_int_equal(h1->flows, 2);
	assert_int_equal(h1->bytes, 181);
	assert_int_equal(h1->http_flows, 1);
	assert_int_equal(h1->http_bytes, 120);
	assert_int_equal(h1->https_flows, 1);
	assert_int_equal(h1->https_bytes, 61);
	const struct ft_client *h3 = find_client(c, n, 4, 3);
	assert_non_null(h3);
	assert_int_equal(h3->flows, 1);
	assert_int_equal(h3->https_flows, 1);
	assert_int_equal(h3->bytes, 70);
	assert_null(find_client(c, n, 4, 2));   /* the server is nobody's client */
	const struct ft_client *v6 = find_client(c, n, 6, 1);
	assert_non_null(v6);
	assert_int_equal(v6->flows, 1);
	assert_int_equal(v6->bytes, 90);
	assert_int_equal(v6->https_flows + v6->http_flows, 0);
	assert_int_equal(ft_totals(ft)->clients_dropped_flows, 0);
	ft_free(ft);

	/* FT_MAX_CLIENTS + 5 clients, one DNS flow each: 5 flows dropped */
	ft = ft_new(FT_MAX_FLOWS_DEFAULT);
	assert_non_null(ft);
	for (unsigned i = 0; i < FT_MAX_CLIENTS + 5; i++) {
		p = mkpkt(4, 100000 + i, 2, 5556, 53, 17, 0, 0, "\x12\x34\1\0", 4);
		ft_packet(ft, &p, 60, i + 1);
	}
	ft_finish(ft);
	ft_clients(ft, &n);
	assert_int_equal(n, FT_MAX_CLIENTS);
	assert_int_equal(ft_totals(ft)->clients_dropped_flows, 5);
	assert_false(ft_totals(ft)->clients_nomem);
	ft_free(ft);
}

static void test_flow_cap_eviction(void **state)
{
	(void)state;
	struct flow_table *ft = ft_new(16);
	static const char get[] = "GET / HTTP/1.1\r\nHost: h.example\r\n\r\n";
	/* 40 HTTP flows through a table of 16: the oldest are evicted, and
	 * every one still counts. */
	for (unsigned i = 0; i < 40; i++) {
		struct pd_packet p = mkpkt(4, 1, 2, 10000 + i, 80, 6, PD_TCP_ACK, 1, get,
					   sizeof(get) - 1);
		ft_packet(ft, &p, 100, i + 1);
		assert_true(ft_live(ft) <= 16);
	}
	/* the most recent flow is still live: a packet of it is no new flow */
	struct pd_packet p = mkpkt(4, 2, 1, 80, 10039, 6, PD_TCP_ACK, 9, NULL, 0);
	ft_packet(ft, &p, 60, 41);
	ft_finish(ft);
	const struct ft_totals *t = ft_totals(ft);
	assert_int_equal(t->flows, 40);
	assert_int_equal(t->evicted, 24);
	assert_int_equal(t->http_flows, 40);
	assert_int_equal(t->http_bytes, 40 * 100 + 60);
	size_t nn;
	const struct ft_name *names = ft_names(ft, &nn);
	assert_int_equal(nn, 1);
	assert_int_equal(names[0].flows, 40);
	ft_free(ft);
}

/* Many short flows that each carry one byte (every classifier wants more,
 * so each would keep a 4 KiB buffer): the memory budget holds, the least
 * recently seen flows give their buffers up and say so, and every flow
 * and byte still counts. Then a table growing past its first slots
 * (rehashed buckets) finds its live flows again. */
static void test_flow_memory_budget(void **state)
{
	(void)state;
	enum { N = 3000 };
	struct flow_table *ft = ft_new(65536);
	assert_non_null(ft);
	size_t budget = (size_t)2 << 20;
	ft_set_budget(ft, budget);
	size_t peak = 0;
	for (unsigned i = 0; i < N; i++) {
		struct pd_packet p = mkpkt(4, 1 + i / 60000, 2, 1024 + i % 60000, 5000, 6, PD_TCP_ACK,
					   1, "x", 1);
		assert_int_equal(ft_packet(ft, &p, 61, i + 1), 0);
		size_t m = ft_memory(ft);
		peak = m > peak ? m : peak;
	}
	assert_true(peak <= budget);
	assert_int_equal(ft_live(ft), N);
	/* slots and buckets at most half the budget; the rest: buffers */
	const struct ft_totals *t = ft_totals(ft);
	assert_int_equal(t->budget, budget);
	assert_false(t->budget_slots);
	assert_true(ft_buffers(ft) * FT_BUF_MAX <= budget);
	assert_int_equal(t->budget_cut, N - ft_buffers(ft));
	/* the first flow was cut: a packet of it allocates nothing */
	size_t before = ft_buffers(ft);
	struct pd_packet p = mkpkt(4, 1, 2, 1024, 5000, 6, PD_TCP_ACK, 2, "y", 1);
	ft_packet(ft, &p, 61, N + 1);
	assert_int_equal(ft_buffers(ft), before);
	assert_int_equal(ft_live(ft), N);
	ft_finish(ft);
	assert_int_equal(t->flows, N);
	ft_free(ft);

	/* A budget too small for max_flows slots: the table stops growing
	 * and evicts (least recently seen first), and says why. */
	ft = ft_new(1u << 20);
	ft_set_budget(ft, (size_t)1 << 20);
	for (unsigned i = 0; i < 20000; i++) {
		struct pd_packet q = mkpkt(4, 1 + i / 60000, 2, 1024 + i % 60000, 5000, 6, PD_TCP_ACK,
					   1, NULL, 0);
		ft_packet(ft, &q, 60, i + 1);
		assert_true(ft_memory(ft) <= ((size_t)1 << 20));
	}
	t = ft_totals(ft);
	assert_true(t->budget_slots);
	assert_int_equal(t->flows, 20000);
	assert_int_equal(t->evicted, 20000 - ft_live(ft));
	/* the most recent flow is live, found through the rehashed buckets */
	struct pd_packet q = mkpkt(4, 1, 2, 1024 + 19999, 5000, 6, PD_TCP_ACK, 1, NULL, 0);
	ft_packet(ft, &q, 60, 20001);
	assert_int_equal(t->flows, 20000);
	ft_free(ft);
}

/* ---- whole captures --------------------------------------------------- */

static struct pb g_file;

/* Runs the bytes of g_file (first n bytes) through the pipeline. */
static void run_capture(struct input *in, size_t n)
{
	input_init(in, "mem.pcap");
	in->kind = input_kind_named("pcap");
	in->data = malloc(n + 1);
	memcpy(in->data, g_file.b, n);
	in->data[n] = '\0';
	in->len = n;
	run_parsed(in, &g_ctx);
}

static void add_tcp4(unsigned sport, unsigned dport, uint32_t seq, unsigned flags, const char *data,
		     size_t n, bool reply)
{
	static const uint8_t a[4] = {192, 168, 1, 10}, b[4] = {203, 0, 113, 5};
	struct pb p = {.n = 0};
	pb_eth(&p, 0x0800);
	size_t ip = pb_ipv4(&p, reply ? b : a, reply ? a : b, 6, 0);
	pb_tcp(&p, reply ? dport : sport, reply ? sport : dport, seq, flags);
	pb_mem(&p, data, n);
	pb_ipv4_done(&p, ip);
	pcapf_add(&g_file, &p);
}

static void test_parse_capture(void **state)
{
	(void)state;
	pcapf_begin(&g_file, 1);
	static const char get[] = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n\r\n";
	add_tcp4(40000, 80, 1, PD_TCP_ACK, get, sizeof(get) - 1, false);   /* packet 1 */
	struct pb ch = {.n = 0}, sh = {.n = 0};
	pb_client_hello(&ch, "old.example.com", NULL, 0, 0x0301);
	pb_server_hello(&sh, 0x0301, 0);
	add_tcp4(40001, 443, 1, PD_TCP_ACK, (const char *)ch.b, ch.n, false);  /* 2 */
	add_tcp4(40001, 443, 1, PD_TCP_ACK, (const char *)sh.b, sh.n, true);   /* 3 */
	struct pb arp = {.n = 0};
	pb_eth(&arp, 0x0806);
	pb_mem(&arp, "\0\1\x08\0\6\4\0\1", 8);
	pcapf_add(&g_file, &arp);                                               /* 4 */
	size_t whole = g_file.n;
	struct input in;
	run_capture(&in, whole);
	assert_null(in.error);
	const struct traffic *t = in.traffic;
	assert_non_null(t);
	assert_int_equal(t->packets, 4);
	assert_int_equal(t->flows, 2);
	assert_int_equal(t->http_flows, 1);
	assert_int_equal(t->https_flows, 1);
	assert_int_equal(t->not_ip, 1);
	assert_int_equal(t->nhosts, 2);
	assert_string_equal(t->hosts[0].name, "old.example.com");   /* ties: by name */
	assert_string_equal(t->hosts[0].via, "sni");
	assert_string_equal(t->hosts[1].name, "www.example.com");
	assert_string_equal(t->hosts[1].via, "http-host");
	assert_int_equal(t->ntls, 1);
	assert_string_equal(t->tls[0].name, "TLS1.0");
	/* 6-1: 50 % HTTPS (warn, at the HTTP flow's first packet) and TLS 1.0
	 * (warn, at the TLS flow's first packet) */
	assert_int_equal(in.items[ITEM_6_1], IST_WARN);
	assert_int_equal(in.nfindings, 2);
	assert_string_equal(in.findings[0].rule->id, "EL401");
	assert_int_equal(in.findings[0].line, 1);
	assert_true(in.findings[0].is_packet);
	assert_string_equal(in.findings[1].rule->id, "EL402");
	assert_int_equal(in.findings[1].line, 2);
	assert_true(in.findings[1].is_packet);
	input_free(&in);

	/* Cut 3 bytes into packet 3's record header: libpcap's error names
	 * packet 3, the first two packets are still analysed. */
	size_t cut = 24 + (16 + 14 + 20 + 20 + sizeof(get) - 1) + (16 + 14 + 20 + 20 + ch.n) + 3;
	run_capture(&in, cut);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "mem.pcap: packet 3: truncated dump file"));
	assert_int_equal(in.traffic->packets, 2);
	assert_int_equal(in.traffic->http_flows, 1);
	assert_int_equal(in.traffic->https_flows, 1);
	assert_int_equal(in.traffic->tls[0].version, 0x0301);   /* offered */
	bool el001 = false;
	for (size_t i = 0; i < in.nfindings; i++)
		if (strcmp(in.findings[i].rule->id, "EL001") == 0) {
			el001 = true;
			assert_int_equal(in.findings[i].line, 3);
			assert_true(in.findings[i].is_packet);
		}
	assert_true(el001);
	input_free(&in);

	/* Header only: no packets, no error, 6-1 unknown (no web traffic). */
	run_capture(&in, 24);
	assert_null(in.error);
	assert_int_equal(in.traffic->packets, 0);
	assert_int_equal(in.items[ITEM_6_1], IST_UNKNOWN);
	assert_string_equal(in.item_note[ITEM_6_1], "no-web-traffic");
	input_free(&in);

	/* Not a capture at all (bad magic): unreadable. */
	memcpy(g_file.b, "NOPE", 4);
	run_capture(&in, whole);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "cannot read the capture: unknown file format"));
	/* In Japanese libpcap's own words are quoted as libpcap's. */
	assert_non_null(strstr(in.error_ja, "キャプチャを読み込めません: libpcap のエラー「unknown file format」"));
	input_free(&in);
}

/* A TLS 1.2 server flight: the ServerHello record, then one handshake
 * record holding a Certificate message of declared body length declared
 * whose first n bytes are body (the rest not sent). */
static void cert_flight(struct pb *p, uint32_t declared, const char *body, size_t n)
{
	pb_server_hello(p, 0x0303, 0);
	pb_u8(p, 22);
	pb_be16(p, 0x0303);
	pb_be16(p, (unsigned)(4 + n));
	pb_u8(p, 11);
	pb_be24(p, declared);
	pb_mem(p, body, n);
}

/* Certificates through the whole pipeline (tls_cert.c's reader; the judge
 * itself is test_tls_cert.c): a message over the 64 KiB limit is counted
 * and reported (EL415 too-large), one whose certificate is not DER is
 * reported unreadable (EL415), a resumed session (ServerHello then
 * ChangeCipherSpec) has no certificate; none of them fails 6-1. */
static void test_certificates(void **state)
{
	(void)state;
	pcapf_begin(&g_file, 1);
	struct pb ch = {.n = 0};
	pb_client_hello(&ch, "big.example.com", NULL, 0, 0x0303);
	add_tcp4(40010, 443, 1, PD_TCP_ACK, (const char *)ch.b, ch.n, false);   /* 1 */
	struct pb sh = {.n = 0};
	cert_flight(&sh, 70000, "\x00\x11\x6c", 3);
	add_tcp4(40010, 443, 1, PD_TCP_ACK, (const char *)sh.b, sh.n, true);    /* 2 */
	ch.n = 0;
	pb_client_hello(&ch, "junk.example.com", NULL, 0, 0x0303);
	add_tcp4(40011, 443, 1, PD_TCP_ACK, (const char *)ch.b, ch.n, false);   /* 3 */
	sh.n = 0;
	/* certificate_list of 8 bytes: one "certificate" of 5 bytes, not DER */
	cert_flight(&sh, 11, "\x00\x00\x08\x00\x00\x05\x30\x03\x01\x01\x01", 11);
	add_tcp4(40011, 443, 1, PD_TCP_ACK, (const char *)sh.b, sh.n, true);    /* 4 */
	ch.n = 0;
	pb_client_hello(&ch, "again.example.com", NULL, 0, 0x0303);
	add_tcp4(40012, 443, 1, PD_TCP_ACK, (const char *)ch.b, ch.n, false);   /* 5 */
	sh.n = 0;
	pb_server_hello(&sh, 0x0303, 0);
	pb_mem(&sh, "\x14\x03\x03\x00\x01\x01", 6);   /* ChangeCipherSpec */
	add_tcp4(40012, 443, 1, PD_TCP_ACK, (const char *)sh.b, sh.n, true);    /* 6 */
	struct input in;
	run_capture(&in, g_file.n);
	assert_null(in.error);
	const struct traffic *t = in.traffic;
	assert_int_equal(t->https_flows, 3);
	assert_int_equal(t->certs_too_large, 1);
	assert_int_equal(t->certs_too_large_packet, 2);
	assert_int_equal(t->certs_read, 1);   /* the unreadable one */
	assert_int_equal(t->ncerts, 1);
	assert_int_equal(t->certs[0].problems, TLS_CERT_UNREADABLE);
	assert_string_equal(t->certs[0].server, "203.0.113.5:443");
	assert_string_equal(t->certs[0].sni, "junk.example.com");
	assert_int_equal(t->certs[0].packet, 4);
	assert_int_equal(in.items[ITEM_6_1], IST_PASS);
	size_t el415 = 0;
	for (size_t i = 0; i < in.nfindings; i++) {
		const struct finding *f = &in.findings[i];
		assert_string_equal(f->rule->id, "EL415");
		assert_int_equal(f->status, FST_PASS);
		assert_int_equal(f->line, strcmp(f->variant, "too-large") == 0 ? 2 : 4);
		el415++;
	}
	assert_int_equal(el415, 2);
	assert_string_equal(t->time_first, "2023-11-14T22:13:20.000000Z");   /* 1700000000 */
	input_free(&in);
}

static void test_policy_share_and_link(void **state)
{
	(void)state;
	/* Raw IPv4 capture, one HTTPS flow: passes; https_share_min 1.0 with
	 * one HTTP flow of two warns. */
	pcapf_begin(&g_file, 228);
	struct pb p = {.n = 0};
	static const uint8_t a[4] = {10, 1, 1, 1}, b[4] = {10, 2, 2, 2};
	size_t ip = pb_ipv4(&p, a, b, 6, 0);
	pb_tcp(&p, 1234, 443, 1, PD_TCP_SYN);
	pb_ipv4_done(&p, ip);
	pcapf_add(&g_file, &p);
	struct input in;
	run_capture(&in, g_file.n);
	assert_string_equal(in.traffic->link_name, "raw IPv4");
	assert_int_equal(in.traffic->https_flows, 1);
	assert_int_equal(in.items[ITEM_6_1], IST_PASS);
	input_free(&in);
	/* An unsupported link type: an error, nothing analysed. */
	pcapf_begin(&g_file, 147);
	pcapf_add(&g_file, &p);
	run_capture(&in, g_file.n);
	assert_non_null(in.error);
	assert_non_null(strstr(in.error, "is not one edgelint reads"));
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reassembly),
		cmocka_unit_test(test_tls),
		cmocka_unit_test(test_quic),
		cmocka_unit_test(test_http),
		cmocka_unit_test(test_flow_table),
		cmocka_unit_test(test_flow_clients),
		cmocka_unit_test(test_flow_cap_eviction),
		cmocka_unit_test(test_flow_memory_budget),
		cmocka_unit_test(test_parse_capture),
		cmocka_unit_test(test_policy_share_and_link),
		cmocka_unit_test(test_certificates),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
