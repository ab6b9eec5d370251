/*
 * exposure_home.c — what a home router exposes to the internet, reported
 * under item 5-3 (the router itself; item 3-2 is the office's filter):
 * remote administration (EL110, a failure; also a forward onto the
 * router's own admin service), UPnP (EL111) and port forwards (EL114,
 * warnings), from whatever the parsers put in the model (struct device: remote_admin, upnp, hfwds). A
 * device the files show with no internet-facing interface (device.wan ==
 * TRI_NO, a bridged access point) exposes nothing by itself: EL119 says so
 * instead (issue 14 §1). Moved out of exposure.c, whose office-router
 * analysis is the rest of check_exposure().
 */
#include "checks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A Japanese fragment set in a sentence without spaces around its
 * placeholder: a space is put where the fragment meets the Japanese text
 * with an ASCII character (a value, a protocol name), the house style of
 * every Japanese message ("すべての送信元からの tcp ポート 22 が …"). lead:
 * the fragment does not start the sentence. */
static const char *ja_spaced(struct arena *a, const char *s, bool lead)
{
	size_t n = strlen(s);
	bool l = lead && n && (unsigned char)s[0] < 0x80;
	bool t = n && (unsigned char)s[n - 1] < 0x80;
	const char *r = arena_printf(a, "%s%s%s", l ? " " : "", s, t ? " " : "");
	return r ? r : s;
}

/* EL114: a port forward of a home router, said as what is forwarded
 * (protocol and ports, "every" for the parsers' "any" protocol and a
 * forward of all ports), from where, to where. */
static void home_forward_finding(struct input *in, const struct run_ctx *ctx,
				 const struct home_forward *f)
{
	struct arena *a = &in->arena;
	char ports[32];
	bool all = f->port_lo == 0 && f->port_hi == 0;
	bool range = !all && f->port_lo != f->port_hi;
	if (range)
		snprintf(ports, sizeof(ports), "%u-%u", f->port_lo, f->port_hi);
	else
		snprintf(ports, sizeof(ports), "%u", f->port_lo);
	/* "any" is the parsers' word for a forward of every protocol. */
	bool anyproto = !f->proto || strcmp(f->proto, "any") == 0;
	const char *what, *what_ja;
	if (anyproto && all) {
		what = "every port of every protocol";
		what_ja = "すべてのプロトコルのすべてのポート";
	} else if (anyproto) {
		what = arena_printf(a, "port %s of every protocol", ports);
		what_ja = arena_printf(a, "すべてのプロトコルのポート %s", ports);
	} else if (all) {
		what = arena_printf(a, "every %s port", f->proto);
		what_ja = arena_printf(a, "%s のすべてのポート", f->proto);
	} else {
		what = arena_printf(a, "%s port %s", f->proto, ports);
		what_ja = arena_printf(a, "%s ポート %s", f->proto, ports);
	}
	const char *to = f->to ? f->to : "the home network";
	const char *to_ja = f->to ? f->to : "宅内のネットワーク";
	bool port = f->to_port && f->to_port != f->port_lo;
	if (f->to_router) {
		/* The router's own address (or none given) and port, when they
		 * say more than "the router itself". */
		const char *d = f->to && port ? arena_printf(a, "%s port %u", f->to, f->to_port)
				: f->to	      ? f->to
				: port	      ? arena_printf(a, "port %u", f->to_port)
					      : NULL;
		const char *dj = f->to && port ? arena_printf(a, "%s のポート %u", f->to, f->to_port)
				 : f->to       ? f->to
				 : port	       ? arena_printf(a, "ポート %u", f->to_port)
					       : NULL;
		to = d ? arena_printf(a, "the router itself (%s)", d) : "the router itself";
		to_ja = dj ? arena_printf(a, "ルータ自身（%s）", dj) : "ルータ自身";
		if (port && (!d || !dj))
			to = NULL;   /* out of memory, said below */
	} else if (f->to && port) {
		to = arena_printf(a, "%s port %u", f->to, f->to_port);
		to_ja = arena_printf(a, "%s のポート %u", f->to, f->to_port);
	}
	if (!what || !what_ja || !to || !to_ja) {
		input_diag(in, DIAG_ERROR, f->line, 0, "out of memory", "メモリが足りません");
		return;
	}
	/* A forward to the router itself onto an admin service is remote
	 * administration (issue 14 §2), whatever its rule is called: it fails
	 * 5-3 like any other remote administration (exposure_home()). */
	if (f->to_router && f->admin_svc) {
		finding_add(in, ctx, "EL110", "forward", ITEM_5_3, -1, FST_FAIL, f->line,
			    f->name ? arena_printf(a, "redirect: %s", f->name) : NULL, "what", what,
			    "what_ja", ja_spaced(a, what_ja, true), "to", to, "to_ja",
			    ja_spaced(a, to_ja, true),
			    "service", f->admin_svc, "service_ja", ja_spaced(a, f->admin_svc, true),
			    "from", f->from ? f->from : "any source",
			    "from_ja", ja_spaced(a, f->from ? f->from : "すべての送信元", false), ARGS_END);
		return;
	}
	finding_add(in, ctx, "EL114", "default", ITEM_5_3, -1, FST_WARN, f->line,
		    f->name ? arena_printf(a, "redirect: %s", f->name) : NULL, "what", what,
		    "what_ja", ja_spaced(a, what_ja, true), "to", to, "to_ja", ja_spaced(a, to_ja, true),
		    "from", f->from ? f->from : "any source", "from_ja",
		    ja_spaced(a, f->from ? f->from : "すべての送信元", false), ARGS_END);
}

/* ---- home routers (facts file) -------------------------------------------- */

void exposure_home(struct input *in, const struct run_ctx *ctx)
{
	const struct device *d = &in->dev;
	/* No internet-facing interface (a bridged access point, issue 14 §1):
	 * its admin access, forwards and UPnP reach no further than the home
	 * network, so none of them is a warning about the internet; the report
	 * says why instead (EL119), and that the router in front is the one to
	 * check. */
	if (d->wan == TRI_NO) {
		const char *why = d->wan_why ? d->wan_why : "no internet-facing interface in the input";
		const char *why_ja = d->wan_why_ja ? d->wan_why_ja
				     : "入力にインターネット側のインターフェースがありません";
		finding_evidence_ja(in,
				    finding_add(in, ctx, "EL119", "default", ITEM_5_3, -1, FST_PASS,
						d->wan_line, why, "why", why, "why_ja", why_ja,
						ARGS_END),
				    why_ja, 0);
		return;
	}
	/* Item 3-2 is about the office's internet-facing filter; what a home
	 * router exposes is reported under 5-3 (rules.yaml says why in each
	 * rule's rationale). Remote administration from the internet fails
	 * 5-3: it is the path the police warnings about hijacked home routers
	 * name (Tokyo Metropolitan Police Department, 2023-03-28), and issue 14
	 * asks for it as "EL110, high" (lead's decision of 2026-12-07). UPnP
	 * and port forwards stay warnings. */
	if (d->remote_admin == TRI_YES) {
		if (d->remote_admin_why)
			finding_evidence_ja(in,
					    finding_add(in, ctx, "EL110", "rule", ITEM_5_3, -1, FST_FAIL,
							d->remote_admin_line, d->remote_admin_why,
							"why", d->remote_admin_why, "why_ja",
							d->remote_admin_why_ja, ARGS_END),
					    d->remote_admin_why_ja, 0);
		else
			finding_add(in, ctx, "EL110", "default", ITEM_5_3, -1, FST_FAIL,
				    d->remote_admin_line, "remote_admin: true", ARGS_END);
	}
	if (d->upnp == TRI_YES)
		finding_add(in, ctx, "EL111", "default", ITEM_5_3, -1, FST_WARN,
			    d->upnp_line, "upnp: true", ARGS_END);
	for (const struct home_forward *f = d->hfwds; f; f = f->next)
		home_forward_finding(in, ctx, f);
}
