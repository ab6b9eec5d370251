/*
 * traffic.c — item 6-1 on a capture: is web traffic encrypted? Warns when
 * the HTTPS share of web flows (TLS and QUIC against cleartext HTTP) is
 * below the policy's https_share_min (EL401), and for each TLS version
 * below 1.2 that flows used (EL402). Each cleartext credential the login
 * readers found fails the item (EL403, critical, at the packet that
 * completed the secret); an anonymous FTP login is information (EL405).
 * A password hash an eavesdropper can crack offline (NTLM…) fails it too
 * (EL406, high). Many logins from one client to one server that the
 * server refused are a brute force: one grouped finding (EL407, high)
 * instead of one EL403 per attempt.
 * A host name that imitates one of the policy's approved domains (or,
 * without approved_domains, a well-known service's) fails the item
 * (EL404, high); one that only adds a word to the name warns (medium). A capture without web traffic and without
 * credentials leaves the item unknown, with a note.
 */
#include "checks.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lookalike.h"
#include "../registry.h"
#include "../capture/capture.h"


/* A share as a percentage with one decimal ("97.5"). */
static const char *pct(struct input *in, uint64_t part, uint64_t whole)
{
	double s = whole ? 100.0 * (double)part / (double)whole : 0;
	return arena_printf(&in->arena, "%.1f", s);
}

/* EL404: every host name seen (SNI, HTTP Host) that imitates one of the
 * policy's approved domains, or with no approved_domains in the policy
 * the well-known services of rules/service-domains.yaml (src/lookalike.h),
 * at the packet where the name was first seen. A word added to the name
 * (extra-words) is a warning asking to verify the owner; the other ways
 * fail the item. `approved_domains: []` turns the check off. */
static void check_lookalikes(struct input *in, const struct run_ctx *ctx,
			     const struct traffic *t)
{
	const struct policy *pol = ctx->pol;
	if (!t->seen || !ctx->reg)
		return;
	const struct lookalike_data *d = &ctx->reg->lookalike;
	bool known = !pol || !pol->approved_domains_set;
	const char *const *list = known ? d->well_known : (const char *const *)pol->approved_domains;
	size_t nlist = known ? d->nwell_known : pol->napproved_domains;
	if (nlist == 0)
		return;
	const char *listed = known ? "lookalike-well-known" : "lookalike-approved";
	/* Indexed: hosts × domains comparisons were quadratic (16,384 hosts
	 * × 1,000 domains: 135 s); the index gives the same answers. */
	struct lookalike_index *ix = lookalike_index_new(d, list, nlist);
	for (size_t i = 0; i < t->hosts_total; i++) {
		const struct traffic_host *h = &t->seen[i];
		enum lookalike_why why;
		unsigned edits;
		long k = ix ? lookalike_index_match(ix, h->name, &why, &edits)
			    : lookalike_match(d, h->name, list, nlist, &why, &edits);
		if (k < 0)
			continue;
		char ubuf[4 * LOOKALIKE_NAME_MAX + 1];
		const char *uni = lookalike_unicode(h->name, ubuf, sizeof(ubuf));
		const char *shown = uni ? arena_printf(&in->arena, "%s (%s)", h->name, uni) : h->name;
		const char *domain = list[k];
		const char *ev = arena_printf(&in->arena, "%s via %s, first at packet %" PRIu64
					      "; imitates %s (%s)", shown, h->via, h->first_packet,
					      domain, lookalike_why_name(why));
		bool word = why == LA_EXTRA_WORDS;
		check_at_packet(finding_add(in, ctx, "EL404", lookalike_why_name(why), ITEM_6_1,
				      word ? SEV_MEDIUM : -1, word ? FST_WARN : FST_FAIL,
				      (unsigned)h->first_packet, ev, "host", shown, "via", h->via,
				      "domain", domain, "listed", registry_word(ctx->reg, listed, LANG_EN),
				      "listed_ja", registry_word(ctx->reg, listed, LANG_JA), "edits",
				      arena_printf(&in->arena, "%u", edits), ARGS_END));
	}
	lookalike_index_free(ix);
}

/* EL410–EL414: each server certificate with a problem (TLS <= 1.2), one
 * finding per problem at the packet that completed its Certificate
 * message; EL415 (information): certificates edgelint could not see —
 * TLS 1.3 flows (encrypted, RFC 8446 §4.4.2) and messages over the read
 * limit. Evidence: the certificate's names, subject, issuer and dates, as
 * the certificate gives them (escaped by tls_cert.c). */
static void check_certs(struct input *in, const struct run_ctx *ctx, const struct traffic *t)
{
	static const struct {
		unsigned bit;
		const char *id, *variant;
	} kinds[] = {
		{TLS_CERT_EXPIRED, "EL410", "expired"},
		{TLS_CERT_NOT_YET_VALID, "EL410", "not-yet-valid"},
		{TLS_CERT_SELF_SIGNED, "EL411", "default"},
		{TLS_CERT_UNKNOWN_ISSUER, "EL412", "default"},
		{TLS_CERT_CHAIN_INCOMPLETE, "EL412", "incomplete"},
		{TLS_CERT_NAME_MISMATCH, "EL413", "default"},
		{TLS_CERT_WEAK_KEY, "EL414", "rsa"},
		{TLS_CERT_WEAK_SIGNATURE, "EL414", "digest"},
		{TLS_CERT_UNREADABLE, "EL415", "unreadable"},
	};
	for (size_t i = 0; i < t->ncerts; i++) {
		const struct traffic_cert *c = &t->certs[i];
		const char *ev = arena_printf(&in->arena,
					      "server %s, name asked %s; certificate for %s; subject %s; "
					      "issuer %s; valid %s to %s; %" PRIu64 " flow(s)",
					      c->server, c->sni ? c->sni : "(none)", c->names,
					      c->subject, c->issuer, c->not_before, c->not_after,
					      c->flows);
		const char *ev_ja = arena_printf(
			&in->arena,
			"サーバ %s、求められた名前 %s、証明書の名前 %s、subject %s、発行者 %s、"
			"有効期間 %s〜%s、%" PRIu64 " フロー",
			c->server, c->sni ? c->sni : "（なし）", c->names, c->subject, c->issuer,
			c->not_before, c->not_after, c->flows);
		for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
			if (!(c->problems & kinds[k].bit))
				continue;
			/* A weak key or signature, and a chain that could not be
			 * followed (public or private cannot be told), warn. */
			bool weak = kinds[k].bit & (TLS_CERT_WEAK_KEY | TLS_CERT_WEAK_SIGNATURE |
						    TLS_CERT_CHAIN_INCOMPLETE);
			struct finding *f = check_at_packet(finding_add(
				in, ctx, kinds[k].id, kinds[k].variant, ITEM_6_1,
				kinds[k].bit == TLS_CERT_CHAIN_INCOMPLETE ? (int)SEV_MEDIUM : -1,
				kinds[k].bit == TLS_CERT_UNREADABLE ? FST_PASS
				: weak				    ? FST_WARN
								    : FST_FAIL,
				(unsigned)c->packet, kinds[k].bit == TLS_CERT_UNREADABLE ? NULL : ev,
				"server", c->server, "sni",
				c->sni ? c->sni : "", "names", c->names, "issuer", c->issuer,
				"not_before", c->not_before, "not_after", c->not_after, "bits",
				arena_printf(&in->arena, "%d", c->rsa_bits), "digest",
				c->weak_digest ? c->weak_digest : "", "why",
				c->verify_error ? c->verify_error : "", "why_ja",
				c->verify_error_ja ? c->verify_error_ja : "", "flows", check_u64s(in, c->flows),
				ARGS_END));
			finding_evidence_ja(in, f, ev_ja, 0);
			if (kinds[k].bit == TLS_CERT_UNREADABLE)
				continue;
			input_item(in, ITEM_6_1, weak ? IST_WARN : IST_FAIL, NULL);
		}
	}
	uint64_t hidden = 0, first = 0;
	for (size_t i = 0; i < t->ntls; i++)
		if (t->tls[i].version >= 0x0304) {
			hidden += t->tls[i].flows;
			first = t->tls[i].first_packet;
		}
	if (hidden)
		check_at_packet(finding_add(in, ctx, "EL415", "tls13", ITEM_6_1, -1, FST_PASS,
				      (unsigned)first, NULL, "flows", check_u64s(in, hidden), ARGS_END));
	if (t->certs_too_large)
		check_at_packet(finding_add(in, ctx, "EL415", "too-large", ITEM_6_1, -1, FST_PASS,
				      (unsigned)t->certs_too_large_packet, NULL, "flows",
				      check_u64s(in, t->certs_too_large), "max",
				      arena_printf(&in->arena, "%u", (unsigned)t->certs_msg_max),
				      ARGS_END));
}

/* The server's verdict on a login, as a sentence after the EL403 message
 * ("" when unknown), in each language. */
static const char *outcome_en(uint8_t o)
{
	return o == CRED_SUCCEEDED ? " The server accepted the login."
	       : o == CRED_FAILED  ? " The server refused the login."
				   : "";
}

static const char *outcome_ja(uint8_t o)
{
	return o == CRED_SUCCEEDED ? "サーバはこのログインを受け入れました。"
	       : o == CRED_FAILED  ? "サーバはこのログインを拒否しました。"
				   : "";
}

/* ---- EL407: brute force ------------------------------------------------ */

/* A cleartext login's place in the brute-force grouping: its server, its
 * client's address without the port, its user. */
struct bf_key {
	const char *server, *client, *user;
	size_t hlen;              /* the client's address: bytes before ":port" */
	size_t i;                 /* index in traffic.creds */
};

/* "192.0.2.1:21" → 9, "[2001:db8::1]:21" → 13; a MAC address (PPPoE,
 * no port) is all of it. */
static size_t client_host_len(const char *ep)
{
	const char *p = ep[0] == '[' ? strchr(ep, ']') : NULL;
	if (p)
		return (size_t)(p - ep) + 1;
	p = strchr(ep, ':');
	return p && !strchr(p + 1, ':') ? (size_t)(p - ep) : strlen(ep);
}

static int bf_cmp(const void *a, const void *b)
{
	const struct bf_key *x = a, *y = b;
	int c = strcmp(x->server, y->server);
	if (c)
		return c;
	size_t n = x->hlen < y->hlen ? x->hlen : y->hlen;
	c = memcmp(x->client, y->client, n);
	if (c || x->hlen != y->hlen)
		return c ? c : x->hlen < y->hlen ? -1 : 1;
	c = strcmp(x->user ? x->user : "", y->user ? y->user : "");
	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

static bool bf_same(const struct bf_key *x, const struct bf_key *y)
{
	return strcmp(x->server, y->server) == 0 && x->hlen == y->hlen &&
	       memcmp(x->client, y->client, x->hlen) == 0;
}

#define BF_ACCOUNTS_SHOWN 10      /* accounts named in an EL407 evidence */

/* One brute force: the logins k[0..n) (sorted by user) from one client to
 * one server. Each login the server did not accept is folded into this
 * finding (fold[i] set): the report says the attempt once, not n times;
 * the accepted ones stay EL403 findings of their own (a password that
 * works, critical) and are named here too. */
static void bf_report(struct input *in, const struct run_ctx *ctx, const struct traffic *t,
		      const struct bf_key *k, size_t n, uint64_t failed, bool *fold)
{
	uint64_t same = 0, accounts = 0, first = UINT64_MAX;
	const char *ok = NULL, *shown = NULL;
	size_t nshown = 0;
	for (size_t j = 0; j < n; j++) {
		const struct traffic_cred *c = &t->creds[k[j].i];
		if (c->packet < first)
			first = c->packet;
		/* the password equal to the user name: the user is not kept
		 * (pcap.c), only counted; accounts counts the named ones */
		if (c->user_is_password)
			same++;
		bool new_user = c->user && (j == 0 || !k[j - 1].user || strcmp(k[j - 1].user, c->user) != 0);
		if (new_user) {
			accounts++;
			if (nshown < BF_ACCOUNTS_SHOWN) {
				shown = shown ? arena_printf(&in->arena, "%s, %s", shown, c->user) : c->user;
				nshown++;
			}
		}
		if (c->outcome == CRED_SUCCEEDED) {
			const char *u = c->user ? c->user : "(the user name as password)";
			ok = ok ? arena_printf(&in->arena, "%s, %s", ok, u) : u;
		} else {
			fold[k[j].i] = true;
		}
	}
	const struct traffic_cred *c0 = &t->creds[k[0].i];
	const char *client = arena_printf(&in->arena, "%.*s", (int)k[0].hlen, k[0].client);
	const char *ja = registry_proto_label(ctx->reg, c0->protocol, LANG_JA);
	const char *more = accounts > nshown ? ", …" : "";
	const char *ev = arena_printf(&in->arena,
				      "%s %s -> %s: %zu attempt(s), %" PRIu64 " refused, first at packet %"
				      PRIu64 "; accounts: %s%s",
				      c0->protocol, client, c0->server, n, failed, first,
				      shown ? shown : "(none named)", more);
	const char *ev_ja = arena_printf(&in->arena,
					 "%s %s -> %s：%zu 回の試行、うち %" PRIu64
					 " 回拒否、最初はパケット %" PRIu64 "／アカウント: %s%s",
					 ja, client, c0->server, n, failed, first,
					 shown ? shown : "（名前なし）", more);
	const char *same_en = same ? arena_printf(&in->arena,
						  " In %" PRIu64 " attempt(s) the password was the "
						  "user name itself (those accounts are not named).", same)
				   : "";
	const char *same_ja = same ? arena_printf(&in->arena,
						  "うち %" PRIu64 " 回は、パスワードがユーザ名そのもの"
						  "でした（そのアカウントは示しません）。", same)
				   : "";
	struct finding *f = check_at_packet(finding_add(
		in, ctx, "EL407", ok ? "succeeded" : "default", ITEM_6_1, -1, FST_FAIL,
		(unsigned)first, ev, "protocol", c0->protocol, "protocol_ja", ja, "client", client,
		"server", c0->server, "attempts", arena_printf(&in->arena, "%zu", n), "failed",
		check_u64s(in, failed), "accounts", check_u64s(in, accounts), "succeeded", ok ? ok : "",
		"same_as_user", same_en, "same_as_user_ja", same_ja, ARGS_END));
	finding_evidence_ja(in, f, ev_ja, 0);
	input_item(in, ITEM_6_1, IST_FAIL, NULL);
}

/* EL407: the cleartext logins grouped by server and client address; a
 * group with at least rules' brute_force.failed_min refused logins is a
 * brute force (bf_report). Logins without a user (SNMP communities) and
 * sessions without a password are no attempts. Returns fold (NULL when
 * none is folded): which logins EL403 no longer reports one by one. */
static bool *check_brute_force(struct input *in, const struct run_ctx *ctx,
			       const struct traffic *t)
{
	unsigned min = ctx->reg ? ctx->reg->brute_force_failed_min : 0;
	if (!min || t->ncreds < min)
		return NULL;
	struct bf_key *k = malloc(t->ncreds * sizeof(*k));
	bool *fold = calloc(t->ncreds, sizeof(*fold));
	if (!k || !fold) {
		free(k);
		free(fold);
		input_nomem(in, 0);
		return NULL;
	}
	size_t n = 0;
	for (size_t i = 0; i < t->ncreds; i++) {
		const struct traffic_cred *c = &t->creds[i];
		if (c->no_auth || c->hidden || (!c->user && !c->user_is_password))
			continue;
		k[n++] = (struct bf_key){c->server, c->client, c->user, client_host_len(c->client), i};
	}
	qsort(k, n, sizeof(*k), bf_cmp);
	bool any = false;
	for (size_t a = 0, b; a < n; a = b) {
		uint64_t failed = 0;
		for (b = a; b < n && bf_same(&k[a], &k[b]); b++)
			failed += t->creds[k[b].i].outcome == CRED_FAILED;
		if (failed >= min) {
			bf_report(in, ctx, t, k + a, b - a, failed, fold);
			any = true;
		}
	}
	free(k);
	if (!any) {
		free(fold);
		return NULL;
	}
	return fold;
}

void check_traffic(struct input *in, const struct run_ctx *ctx)
{
	const struct traffic *t = in->traffic;
	if (!in->kind || !in->kind->feeds[ITEM_6_1] || !t)
		return;
	bool *fold = check_brute_force(in, ctx, t);
	for (size_t i = 0; i < t->ncreds; i++) {
		const struct traffic_cred *c = &t->creds[i];
		if (fold && fold[i])
			continue;   /* said by its brute force (EL407) */
		const char *ja = registry_proto_label(ctx->reg, c->protocol, LANG_JA);
		const char *ev = arena_printf(&in->arena, "%s %s -> %s, packet %" PRIu64, c->protocol,
					      c->client, c->server, c->packet);
		const char *ev_ja = arena_printf(&in->arena, "%s %s -> %s（パケット %" PRIu64 "）",
						 ja, c->client, c->server, c->packet);
		const char *variant = c->no_auth	  ? "no-auth"
				      : c->hidden	  ? "hidden"
				      : c->user_is_password ? "user-as-password"
				      : c->ppp && c->user   ? "ppp"
				      : c->user		  ? "default"
							  : "no_user";
		finding_evidence_ja(in,
				    check_at_packet(finding_add(in, ctx, "EL403", variant, ITEM_6_1, -1,
							  FST_FAIL, (unsigned)c->packet, ev, "protocol",
							  c->protocol, "protocol_ja", ja, "client",
							  c->client, "server", c->server, "user",
							  c->user ? c->user : "", "count",
							  check_u64s(in, c->count), "outcome",
							  outcome_en(c->outcome), "outcome_ja",
							  outcome_ja(c->outcome), ARGS_END)),
				    ev_ja, 0);
		input_item(in, ITEM_6_1, IST_FAIL, NULL);
	}
	free(fold);
	for (size_t i = 0; i < t->nanon; i++) {
		const struct traffic_cred *c = &t->anon[i];
		check_at_packet(finding_add(in, ctx, "EL405", "default", ITEM_6_1, -1, FST_PASS,
				      (unsigned)c->packet, NULL, "protocol", c->protocol, "protocol_ja",
				      registry_proto_label(ctx->reg, c->protocol, LANG_JA), "client",
				      c->client, "server", c->server, "user", c->user ? c->user : "",
				      ARGS_END));
	}
	/* EL406: a hash of the password an eavesdropper can crack offline. */
	for (size_t i = 0; i < t->nhashes; i++) {
		const struct traffic_cred *c = &t->hashes[i];
		const char *ja = registry_proto_label(ctx->reg, c->protocol, LANG_JA);
		const char *ev = arena_printf(&in->arena, "%s %s -> %s, %s, packet %" PRIu64,
					      c->protocol, c->client, c->server, c->hash_type,
					      c->packet);
		const char *ev_ja = arena_printf(&in->arena, "%s %s -> %s、%s（パケット %" PRIu64 "）",
						 ja, c->client, c->server, c->hash_type, c->packet);
		finding_evidence_ja(in,
				    check_at_packet(finding_add(in, ctx, "EL406",
							  c->hash_variant ? c->hash_variant
							  : c->hash_weak  ? "weak"
							  : c->user	  ? "default"
									  : "no_user",
							  ITEM_6_1, -1, FST_FAIL, (unsigned)c->packet, ev,
							  "protocol", c->protocol, "protocol_ja", ja,
							  "client", c->client, "server", c->server,
							  "user", c->user ? c->user : "", "hash",
							  c->hash_type, "count", check_u64s(in, c->count),
							  ARGS_END)),
				    ev_ja, 0);
		input_item(in, ITEM_6_1, IST_FAIL, NULL);
	}
	check_lookalikes(in, ctx, t);
	check_certs(in, ctx, t);
	uint64_t web = t->https_flows + t->http_flows;
	if (web == 0) {
		if (!t->ncreds && !t->nhashes)
			input_item(in, ITEM_6_1, IST_UNKNOWN, "no-web-traffic");
		return;
	}
	input_item(in, ITEM_6_1, IST_PASS, NULL);
	double share = (double)t->https_flows / (double)web;
	if (share < ctx->pol->https_share_min) {
		uint64_t wb = t->https_bytes + t->http_bytes;
		const char *ev = arena_printf(&in->arena,
					      "web flows: %" PRIu64 " HTTPS, %" PRIu64 " HTTP; bytes: %" PRIu64
					      " HTTPS, %" PRIu64 " HTTP",
					      t->https_flows, t->http_flows, t->https_bytes,
					      t->http_bytes);
		const char *ev_ja = arena_printf(&in->arena,
						 "Web のフロー: HTTPS %" PRIu64 "、HTTP %" PRIu64
						 "／バイト: HTTPS %" PRIu64 "、HTTP %" PRIu64,
						 t->https_flows, t->http_flows, t->https_bytes,
						 t->http_bytes);
		struct finding *f = check_at_packet(finding_add(in, ctx, "EL401", "default", ITEM_6_1, -1, FST_WARN,
				      (unsigned)t->first_http_packet, ev, "share",
				      pct(in, t->https_flows, web), "https", check_u64s(in, t->https_flows),
				      "web", check_u64s(in, web), "http", check_u64s(in, t->http_flows), "bytes_share",
				      pct(in, t->https_bytes, wb), "min",
				      arena_printf(&in->arena, "%.1f", 100.0 * ctx->pol->https_share_min),
				      ARGS_END));
		finding_evidence_ours(f, SIZE_MAX);
		finding_evidence_ja(in, f, ev_ja, SIZE_MAX);
	}
	for (size_t i = 0; i < t->ntls; i++) {
		const struct traffic_tls *v = &t->tls[i];
		if (v->version >= 0x0303)
			continue;
		const char *ev = arena_printf(&in->arena, "%s: %" PRIu64 " flow(s)%s%s", v->name,
					      v->flows, v->host ? ", e.g. " : "",
					      v->host ? v->host : "");
		const char *ev_ja = arena_printf(&in->arena, "%s: %" PRIu64 " フロー%s%s%s", v->name,
						 v->flows, v->host ? "（例: " : "",
						 v->host ? v->host : "", v->host ? "）" : "");
		finding_evidence_ja(in,
				    check_at_packet(finding_add(in, ctx, "EL402", v->host ? "host" : "default",
							  ITEM_6_1, -1, FST_WARN,
							  (unsigned)v->first_packet, ev, "version",
							  v->name, "flows", check_u64s(in, v->flows), "host",
							  v->host ? v->host : "", ARGS_END)),
				    ev_ja, 0);
	}
}
