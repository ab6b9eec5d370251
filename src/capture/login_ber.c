/*
 * login_ber.c — the BER login readers (login.h): LDAP simple
 * binds (RFC 4511 §4.2, anonymous binds per RFC 4513 §5.1, StartTLS per
 * RFC 4511 §4.14) and SNMP v1/v2c communities (RFC 1157, RFC 1901).
 */
#include "login.h"

#include <stdlib.h>
#include <string.h>

/* ---- LDAP ------------------------------------------------------------- */

#define LDAP_STARTTLS_OID "1.3.6.1.4.1.1466.20037"

static bool ldap_op(uint8_t t)
{
	/* protocolOp tags of RFC 4511 §4.2–4.14: [APPLICATION n] */
	static const uint8_t ops[] = {0x60, 0x61, 0x42, 0x63, 0x64, 0x65, 0x73, 0x66, 0x67,
				      0x68, 0x69, 0x4a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x50,
				      0x77, 0x78, 0x79};
	for (size_t i = 0; i < sizeof(ops); i++)
		if (ops[i] == t)
			return true;
	return false;
}

/* The header of an LDAPMessage at c: 1 complete message of *total bytes
 * (c unmoved), 0 more needed, -1 not LDAP. */
static int ldap_msg(const struct pktcur *c, size_t *total)
{
	*total = 0;
	struct pktcur k = *c;
	uint8_t t;
	uint32_t l;
	int r = lg_ber_hdr(&k, &t, &l);
	if (r)
		return r > 0 ? 0 : -1;
	if (t != 0x30 || l < 5 || l > (1u << 24))
		return -1;
	*total = k.off - c->off + l;
	return pc_left(c) >= *total ? 1 : 0;
}

static void ldap_message(struct lg *x, int d, struct pktcur m)
{
	struct lg_state *st = x->st;
	uint8_t t;
	uint32_t l, id;
	struct pktcur op = PC_NONE;
	if (lg_ber_hdr(&m, &t, &l) || !lg_ber_int(&m, &id) || lg_ber_hdr(&m, &t, &l) || pc_sub(&m, l, &op))
		return;
	if (d == 0 && t == 0x60) {
		/* BindRequest: version, name, authentication */
		uint32_t ver;
		struct pktcur name = PC_NONE, pw = PC_NONE;
		if (!lg_ber_int(&op, &ver) || !lg_ber_get(&op, 0x04, &name) || !lg_ber_get(&op, 0x80, &pw))
			return;   /* SASL or malformed */
		uint8_t user[LG_USER_MAX], pass[LG_SECRET_MAX];
		size_t un = pc_left(&name) < sizeof(user) ? pc_left(&name) : sizeof(user);
		size_t pn = pc_left(&pw) < sizeof(pass) ? pc_left(&pw) : sizeof(pass);
		pc_copy(&name, user, un);
		pc_copy(&pw, pass, pn);
		st->pending = lg_report(x->v, "LDAP simple bind", user, un, pass, pn, false);
		st->bind_msgid = id;
		memset(pass, 0, sizeof(pass));
	} else if (d == 0 && t == 0x77) {
		struct pktcur oid = PC_NONE;
		if (lg_ber_get(&op, 0x80, &oid) && pc_left(&oid) == strlen(LDAP_STARTTLS_OID) &&
		    pc_match(&oid, LDAP_STARTTLS_OID, strlen(LDAP_STARTTLS_OID))) {
			st->tls_wait = true;
			st->tls_msgid = id;
		}
	} else if (d == 1 && t == 0x61 && st->pending >= 0 && id == st->bind_msgid) {
		/* BindResponse (RFC 4511 §4.2.2): resultCode success (0) is
		 * a bound session; any other code leaves the client
		 * unauthenticated (invalidCredentials 49, …). */
		struct pktcur rc = PC_NONE;
		uint32_t code;
		if (lg_ber_get(&op, 0x0a, &rc) && pc_left(&rc) >= 1 && pc_left(&rc) <= 4) {
			code = 0;
			uint8_t b;
			while (!pc_u8(&rc, &b))
				code = code << 8 | b;
			lg_outcome(x, code == 0 ? CRED_SUCCEEDED : CRED_FAILED);
		}
	} else if (d == 1 && t == 0x78 && st->tls_wait && id == st->tls_msgid) {
		struct pktcur rc = PC_NONE;
		uint8_t code;
		if (lg_ber_get(&op, 0x0a, &rc) && pc_left(&rc) == 1 && !pc_u8(&rc, &code)) {
			if (code == 0)
				x->encrypted = true;   /* success: TLS starts */
			else
				st->tls_wait = false;
		}
	}
}

static void ldap_dir(struct lg *x, int d)
{
	const struct cls_view *v = x->v;
	struct lg_state *st = x->st;
	struct pktcur c = v->data[d];
	if (v->gap[d]) {
		x->stop = true;   /* no way to find the next message's start */
		return;
	}
	while (!x->encrypted && pc_left(&c)) {
		if (st->skip[d]) {
			size_t take = pc_left(&c) < st->skip[d] ? pc_left(&c) : st->skip[d];
			pc_skip(&c, take);
			st->skip[d] -= (uint32_t)take;
			continue;
		}
		if (d == 0 && st->tls_wait) {
			uint8_t b0, b1;
			if (!pc_peek(&c, 0, &b0) && !pc_peek(&c, 1, &b1) && b0 == 0x16 && b1 == 0x03)
				x->encrypted = true;
			break;
		}
		size_t total;
		int r = ldap_msg(&c, &total);
		if (r < 0) {
			x->stop = true;
			break;
		}
		if (r == 0) {
			if (total > FT_BUF_MAX / 2 && total > pc_left(&c)) {
				/* larger than the window will hold: skip it */
				st->skip[d] = (uint32_t)(total - pc_left(&c));
				pc_skip(&c, pc_left(&c));
			}
			break;
		}
		struct pktcur m = PC_NONE;
		pc_sub(&c, total, &m);
		ldap_message(x, d, m);
	}
	x->res->consumed[d] = (uint16_t)(c.off - v->data[d].off);
}

enum cls_verdict cls_ldap(const struct cls_view *v, struct cls_result *res)
{
	if (res->app == APP_NONE) {
		/* the client's first LDAPMessage: SEQUENCE, messageID, protocolOp */
		struct pktcur k = v->data[0];
		if (pc_left(&k) == 0)
			return pc_left(&v->data[1]) ? CLS_NO : CLS_MORE;
		uint8_t t;
		uint32_t l;
		int r = lg_ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && (t != 0x30 || l < 5 || l > (1u << 24))))
			return CLS_NO;
		if (r == 0)
			r = lg_ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && (t != 0x02 || l == 0 || l > 4)))
			return CLS_NO;
		if (r == 0)
			r = pc_skip(&k, l) ? 1 : lg_ber_hdr(&k, &t, &l);
		if (r < 0 || (r == 0 && !ldap_op(t)))
			return CLS_NO;
		if (r > 0)
			return v->final[0] ? CLS_NO : CLS_MORE;
		lg_claim(v, res, APP_LDAP);
	}
	struct lg x = {v, res, lg_state(res), false, false};
	if (!x.st)
		return CLS_DONE;
	ldap_dir(&x, 1);
	ldap_dir(&x, 0);
	return x.encrypted || x.stop ? CLS_DONE : CLS_MORE;
}

/* ---- SNMP ------------------------------------------------------------- */

/* An SNMPv1/v2c message: version and community; *pdu its PDU tag. */
static bool snmp_parse(struct pktcur c, uint32_t *ver, struct pktcur *comm, uint8_t *pdu)
{
	uint8_t t;
	uint32_t l;
	struct pktcur msg = PC_NONE;
	if (lg_ber_hdr(&c, &t, &l) || t != 0x30 || pc_sub(&c, l, &msg))
		return false;
	if (!lg_ber_int(&msg, ver) || *ver > 1 || !lg_ber_get(&msg, 0x04, comm))
		return false;
	if (lg_ber_hdr(&msg, pdu, &l) || *pdu < 0xa0 || *pdu > 0xa8 || (*ver == 0 && *pdu > 0xa4))
		return false;
	return true;
}

static uint64_t snmp_hash(struct pktcur c)
{
	uint64_t h = 1469598103934665603ULL ^ pc_left(&c);
	uint8_t b;
	while (!pc_u8(&c, &b))
		h = (h ^ b) * 1099511628211ULL;
	return h;
}

enum cls_verdict cls_snmp(const struct cls_view *v, struct cls_result *res)
{
	int d = pc_left(&v->data[0]) ? 0 : 1;
	uint32_t ver;
	struct pktcur comm = PC_NONE;
	uint8_t pdu;
	if (!snmp_parse(v->data[d], &ver, &comm, &pdu))
		return res->app == APP_SNMP ? CLS_MORE : CLS_NO;
	if (res->app == APP_NONE)
		lg_claim(v, res, APP_SNMP);
	struct lg_state *st = lg_state(res);
	if (!st || pc_left(&comm) == 0)
		return CLS_MORE;
	bool request = pdu != 0xa2 && pdu != 0xa8;   /* not Response, not Report */
	uint64_t h = snmp_hash(comm);
	if (lg_seen(v, st, h, request))
		return CLS_MORE;
	uint8_t secret[LG_SECRET_MAX];
	size_t n = pc_left(&comm) < sizeof(secret) ? pc_left(&comm) : sizeof(secret);
	pc_copy(&comm, secret, n);
	int64_t id = lg_report(v, ver == 0 ? "SNMPv1 community" : "SNMPv2c community", NULL, 0,
			       secret, n, false);
	memset(secret, 0, sizeof(secret));
	lg_remember(st, h, id);
	return CLS_MORE;
}
