/*
 * nec_ix.h — what the two halves of the NEC UNIVERGE IX parser share:
 * parsers/nec_ix.c reads the lines into this state, parsers/nec_ix_model.c
 * turns the state into the vendor-neutral model (internet-facing
 * interfaces, their lists with NAPT, the router's services, the VPN).
 * Semantics and sources: the header comment of parsers/nec_ix.c.
 */
#ifndef EDGELINT_NEC_IX_H
#define EDGELINT_NEC_IX_H

#include <stdbool.h>
#include <string.h>

#include "../src/filter.h"
#include "parsers.h"


#define IX_MAX_LINE 4095
#define IX_MAX_TOKENS 64
#define IX_MAX_APPLY 64           /* `ip filter` lines per interface and family */
#define IX_MAX_GW 16              /* default routes kept */
#define IX_MAX_NAPT_RULES 20000   /* rules of a filter-and-NAPT list (ix_napt_list) */

/* ---- state ------------------------------------------------------------- */

struct ix_ace {                   /* one `ip access-list NAME permit|deny …` */
	struct frule rule;
	bool ok;
	const char *bad_kind, *bad;
};

struct ix_acl {
	const char *name;
	bool v6;
	const char *dyn_of;       /* `… access-list dynamic NAME access LIST` */
	struct ix_ace *e;
	size_t n, cap;
};

struct ix_apply {                 /* `ip filter NAME SEQ in` */
	const char *list;
	long seq;
	unsigned line;
	const char *text;
};

struct ix_static {                /* `ip napt static` / `ip napt service` */
	bool to_box;              /* names an interface: the router itself */
	struct u128 inner;
	struct pset proto, ports;
	unsigned line;
	const char *text;
};

struct ix_if {
	const char *name;
	unsigned line;
	bool shutdown, pppoe, ipcp, dhcp_default, has_addr4, mape;
	struct u128 addr4;
	unsigned plen4, addr_line, pppoe_line;
	bool napt;
	unsigned napt_line;
	bool v6wan;
	unsigned v6line;
	const char *v6how, *v6how_ja;
	const char *tmode;        /* `tunnel mode` first word */
	unsigned tline;
	struct ix_apply in4[IX_MAX_APPLY], in6[IX_MAX_APPLY];
	size_t nin4, nin6;
	struct ix_static *st;
	size_t nst, capst;
	bool wan4;
	const char *how, *how_ja;
	unsigned wanline;
};

struct ix_svc {                   /* a server of the router itself */
	bool on;
	unsigned line;
	const char *acl;          /* `… ip access-list NAME` */
	unsigned acl_line;
};

enum ix_block { BLK_NONE, BLK_IF, BLK_PPP, BLK_IKEV2, BLK_OTHER };

struct ix {
	struct input *in;
	struct arena *a;
	struct ix_acl *acls;
	size_t nacls, capacls;
	struct strmap acl4, acl6;     /* list name -> index in acls */
	struct ix_if **ifs;
	size_t nifs, capifs;
	struct strmap ifmap;          /* interface name -> index in ifs */
	enum ix_block blk;
	struct ix_if *cur;
	struct ix_svc telnet, ssh, http, snmp;
	const char *gw[IX_MAX_GW];
	unsigned gwline[IX_MAX_GW];
	size_t ngw;
	const char *gw6[IX_MAX_GW];
	unsigned gw6line[IX_MAX_GW];
	size_t ngw6;
	bool ipsec, natt, peer_any, mode_cfg, l2tp_lns, pool;
	unsigned ipsec_line, peer_any_line, mode_cfg_line, l2tp_line;
	bool saw_header;
};

static inline bool tok_is(const char *t, const char *w)
{
	return strcmp(t, w) == 0;
}

/* The interface named name, or NULL. */
struct ix_if *ix_if_find(const struct ix *x, const char *name);
/* The access list of that family named name, or NULL. */
struct ix_acl *ix_acl_find(const struct ix *x, bool v6, const char *name);
/* Fills x->in->dev from the state read (after the last line). */
void ix_model(struct ix *x);

#endif
