/*
 * test_fix.c — cmocka tests of fixes (src/fix.c, parsers/yamaha_rtx_fix.c;
 * issue 17): free filter numbers (used ones and template ranges avoided,
 * exhaustion), the numbers data of rules/vendor-templates.yaml, and the
 * YAMAHA list rewriting (the list bound on a LAN port, inside `pp select`
 * and `tunnel select`, the new reject ahead of the permissive filter with
 * the VPN filters kept ahead of it, a new list inside its select block),
 * the merge into the file and the reason when no number is left. The
 * expected commands were written from the YAMAHA command reference
 * (§8.1.1, §8.1.25) before the builder ran.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "testctx.h"
#include "../../src/fix.h"
#include "../../src/run.h"

/* ---- numbers ---------------------------------------------------------------- */

static void test_free_number(void **state)
{
	(void)state;
	static const long used[] = {1003, 1000, 1001};   /* any order */
	static const struct fix_range tmpl[] = {{100000, 299999}};
	assert_int_equal(fix_free_number(used, 3, tmpl, 1, 1000, 2147483647L), 1002);
	assert_int_equal(fix_free_number(NULL, 0, tmpl, 1, 1000, 2147483647L), 1000);
	/* A first number inside a template range moves past it. */
	assert_int_equal(fix_free_number(NULL, 0, tmpl, 1, 200040, 2147483647L), 300000);
	static const long used2[] = {300000, 300001};
	assert_int_equal(fix_free_number(used2, 2, tmpl, 1, 99999, 2147483647L), 99999);
	static const long used3[] = {99999};
	assert_int_equal(fix_free_number(used3, 1, tmpl, 1, 99999, 2147483647L), 300000);
	assert_int_equal(fix_free_number(used3, 1, tmpl, 1, 99999, 300001), 300000);
}

static void test_free_number_exhausted(void **state)
{
	(void)state;
	static const long used[] = {1, 2, 3, 4, 5};
	assert_int_equal(fix_free_number(used, 5, NULL, 0, 1, 5), -1);
	static const struct fix_range tmpl[] = {{3, 10}};
	static const long used2[] = {1, 2};
	assert_int_equal(fix_free_number(used2, 2, tmpl, 1, 1, 10), -1);
	assert_int_equal(fix_free_number(used2, 2, tmpl, 1, 1, 11), 11);
}

static void test_numbers_data(void **state)
{
	(void)state;
	const struct vendor_numbers *v = registry_numbers(&g_reg, "yamaha");
	assert_non_null(v);
	assert_int_equal(v->first, 1000);
	assert_int_equal(v->max, 2147483647L);
	assert_int_equal(v->nreserved, 1);
	assert_int_equal(v->reserved[0].lo, 100000);
	assert_int_equal(v->reserved[0].hi, 299999);
	assert_null(registry_numbers(&g_reg, "cisco"));
}

/* ---- YAMAHA list rewriting ------------------------------------------------------ */

/* in: text read as a config of kind through the pipeline. */
static void run_kind_text(struct input *in, const char *kind, const char *text)
{
	input_init(in, "t.cfg");
	in->kind = input_kind_named(kind);
	in->len = strlen(text);
	in->data = malloc(in->len + 1);
	assert_non_null(in->data);
	memcpy(in->data, text, in->len + 1);
	run_parsed(in, &g_ctx);
	assert_null(in->error);
}

static void run_text(struct input *in, const char *text)
{
	run_kind_text(in, "yamaha-rtx", text);
}

/* The block of the first finding of rule id. */
static const struct fix_block *block_of(const struct fix_set *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->b[i].f->rule->id, id) == 0)
			return &s->b[i];
	return NULL;
}

static void expect_cmds(const struct fix_block *b, const char *const *want, size_t n)
{
	assert_non_null(b);
	assert_null(b->why);
	assert_int_equal(b->ncmds, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(b->cmds[i], want[i]);
}

/* The merged file. */
static char *applied(const struct input *in, const struct fix_set *s)
{
	struct strbuf sb;
	sb_init(&sb, 1u << 20);
	assert_int_equal(fix_apply(in, s, &sb), 0);
	char *r = strdup(sb_str(&sb));
	sb_free(&sb);
	return r;
}

/* A list bound on lan2: the reject goes just before the filter that
 * passes telnet (20), after the VPN filters 10-13, with the first free
 * number (1000 is taken by a filter of the file). */
static void test_lan_list_reject_before_permissive(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip lan2 address 203.0.113.2/30\n"                      /* 1 */
		"ip lan2 nat descriptor 1\n"                            /* 2 */
		"ip lan2 secure filter in 10 11 12 13 20\n"             /* 3 */
		"nat descriptor type 1 masquerade\n"                    /* 4 */
		"ip route default gateway 203.0.113.1\n"                /* 5 */
		"ip filter 10 pass * * udp * 500\n"                     /* 6 */
		"ip filter 11 pass * * esp * *\n"                       /* 7 */
		"ip filter 12 pass * * udp * 4500\n"                    /* 8 */
		"ip filter 13 pass * * udp * 1701\n"                    /* 9 */
		"ip filter 20 pass * * tcp * telnet,www\n"              /* 10 */
		"ip filter 1000 reject * * * * *\n"                     /* 11 */
		"telnetd host any\n";                                   /* 12 */
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1001 reject * * tcp * 23",
		"ip lan2 secure filter in 10 11 12 13 1001 20",
	};
	expect_cmds(block_of(&s, "EL104"), want, 2);
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "\nip lan2 secure filter in 10 11 12 13 1001 20\n"));
	assert_null(strstr(out, "secure filter in 10 11 12 13 20\n"));
	assert_non_null(strstr(out, "ip filter 1000 reject * * * * *\nip filter 1001 reject * * tcp * 23\n"));
	free(out);
	input_free(&in);
}

/* EL102 on a list whose pass-all filter (99) is all that lets the VPN
 * in: the VPN the router terminates (IKE, ESP, NAT-T, L2TP: the services
 * of `ipsec ike …` and `l2tp service on`, YAMAHA Cmdref §8.1.25 examples)
 * gets filters of its own where 99 was, behind NAT to "*"; the reject
 * ahead (10) stays ahead. Removing 99 alone cut the VPN (found by the
 * proof asking `query`, issue 17 §2). */
static void test_pass_all_removed_vpn_kept(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip lan2 address 203.0.113.2/30\n"                      /* 1 */
		"ip lan2 nat descriptor 1\n"                            /* 2 */
		"ip lan2 secure filter in 10 99\n"                      /* 3 */
		"nat descriptor type 1 masquerade\n"                    /* 4 */
		"ip route default gateway 203.0.113.1\n"                /* 5 */
		"ip filter 10 reject * * udp,tcp 135 *\n"               /* 6 */
		"ip filter 99 pass * * * * *\n"                         /* 7 */
		"ipsec ike nat-traversal 1 on\n"                        /* 8 */
		"l2tp service on\n";                                    /* 9 */
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1000 pass * * udp * 500",
		"ip filter 1001 pass * * esp * *",
		"ip filter 1002 pass * * udp * 4500",
		"ip filter 1003 pass * * udp * 1701",
		"ip lan2 secure filter in 10 1000 1001 1002 1003",
	};
	expect_cmds(block_of(&s, "EL102"), want, 5);
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "\nip lan2 secure filter in 10 1000 1001 1002 1003\n"));
	assert_non_null(strstr(out, "ip filter 99 pass * * * * *\nip filter 1000 pass * * udp * 500\n"
				    "ip filter 1001 pass * * esp * *\n"));
	free(out);
	input_free(&in);
}

/* EL105 on a forward whose partner the policy names (allowed_inbound
 * tcp 3389 to 192.168.1.50 from 198.51.100.0/24): the forward stays and
 * filter 20, which passes that service to that host alone, gives its
 * place to a pass from the partner (the list's implicit reject takes the
 * rest; YAMAHA Cmdref §8.1.1 source field, §8.1.25 first match). Without
 * the policy entry the forward is removed. The reject's number (1000) is
 * taken before the filter is found to go, hence 1001. */
static void test_forward_narrowed_to_partner(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip lan2 address 203.0.113.2/30\n"                              /* 1 */
		"ip lan2 nat descriptor 1\n"                                    /* 2 */
		"ip lan2 secure filter in 10 20\n"                              /* 3 */
		"nat descriptor type 1 masquerade\n"                            /* 4 */
		"nat descriptor masquerade static 1 1 192.168.1.50 tcp 3389\n"  /* 5 */
		"ip route default gateway 203.0.113.1\n"                        /* 6 */
		"ip filter 10 reject * * udp,tcp 135 *\n"                       /* 7 */
		"ip filter 20 pass * 192.168.1.50 tcp * 3389\n";                /* 8 */
	static const char *srcs[] = {"198.51.100.0/24"};
	struct policy_inbound partner = {.proto = "tcp", .port = 3389, .to = "192.168.1.50",
					 .sources = srcs, .nsources = 1, .reason = "partner"};
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const cut[] = {"no nat descriptor masquerade static 1 1 192.168.1.50 tcp 3389"};
	expect_cmds(block_of(&s, "EL105"), cut, 1);
	input_free(&in);

	g_pol.inbound = &partner;
	g_pol.ninbound = 1;
	run_text(&in, cfg);
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1001 pass 198.51.100.0/24 192.168.1.50 tcp * 3389",
		"ip lan2 secure filter in 10 1001",
	};
	expect_cmds(block_of(&s, "EL105"), want, 2);
	assert_non_null(strstr(block_of(&s, "EL105")->note, "allowed_inbound"));
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "\nip lan2 secure filter in 10 1001\n"));
	assert_non_null(strstr(out, "\nnat descriptor masquerade static 1 1 192.168.1.50 tcp 3389\n"));
	free(out);
	input_free(&in);
	g_pol.inbound = NULL;
	g_pol.ninbound = 0;
}

/* Inside `pp select 1`: the list rewritten there, in full, indentation
 * kept; the commands enter and leave the select. */
static void test_pp_select_list(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip route default gateway pp 1\n"                       /* 1 */
		"pp select 1\n"                                         /* 2 */
		" pppoe use lan2\n"                                     /* 3 */
		" ip pp secure filter in 10 20\n"                       /* 4 */
		" ip pp nat descriptor 1000\n"                          /* 5 */
		" pp enable 1\n"                                        /* 6 */
		"pp select none\n"                                      /* 7 */
		"ip filter 10 pass * * udp * 500\n"                     /* 8 */
		"ip filter 20 pass * * tcp * telnet,www\n"              /* 9 */
		"nat descriptor type 1000 masquerade\n"                 /* 10 */
		"telnetd host any\n";                                   /* 11 */
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1000 reject * * tcp * 23",
		"pp select 1",
		"ip pp secure filter in 10 1000 20",
		"pp select none",
	};
	expect_cmds(block_of(&s, "EL104"), want, 4);
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "pp select 1\n pppoe use lan2\n ip pp secure filter in 10 1000 20\n"));
	free(out);
	input_free(&in);
}

/* Inside `tunnel select 1`: the same with tunnel's words. */
static void test_tunnel_select_list(void **state)
{
	(void)state;
	static const char cfg[] =
		"tunnel select 1\n"                                     /* 1 */
		" tunnel encapsulation map-e\n"                         /* 2 */
		" ip tunnel secure filter in 30 40\n"                   /* 3 */
		" ip tunnel nat descriptor 1000\n"                      /* 4 */
		" tunnel enable 1\n"                                    /* 5 */
		"tunnel select none\n"                                  /* 6 */
		"ip route default gateway tunnel 1\n"                   /* 7 */
		"ip filter 30 pass * * icmp * *\n"                      /* 8 */
		"ip filter 40 pass * * tcp * telnet,www\n"              /* 9 */
		"nat descriptor type 1000 masquerade\n"                 /* 10 */
		"telnetd host any\n";                                   /* 11 */
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1000 reject * * tcp * 23",
		"tunnel select 1",
		"ip tunnel secure filter in 30 1000 40",
		"tunnel select none",
	};
	expect_cmds(block_of(&s, "EL104"), want, 4);
	input_free(&in);
}

/* No list on pp 1 (EL101): a new list inside the pp select block, the VPN
 * the router terminates passed, the out list with dynamic filters bound
 * first; the telnet finding on pp 1 points to that block. */
static void test_pp_new_list(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip route default gateway pp 1\n"                       /* 1 */
		"pp select 1\n"                                         /* 2 */
		" pppoe use lan2\n"                                     /* 3 */
		" ip pp nat descriptor 1000\n"                          /* 4 */
		" pp enable 1\n"                                        /* 5 */
		"pp select none\n"                                      /* 6 */
		"nat descriptor type 1000 masquerade\n"                 /* 7 */
		"telnetd host any\n";                                   /* 8 */
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"ip filter 1000 reject * * * * *",
		"ip filter 1001 pass * * * * *",
		"ip filter dynamic 1002 * * tcp",
		"ip filter dynamic 1003 * * udp",
		"pp select 1",
		"ip pp secure filter out 1001 dynamic 1002 1003",
		"pp select none",
		"pp select 1",
		"ip pp secure filter in 1000",
		"pp select none",
	};
	const struct fix_block *b = block_of(&s, "EL101");
	expect_cmds(b, want, 10);
	const struct fix_block *t = block_of(&s, "EL104");
	assert_non_null(t);
	assert_ptr_equal(t->by, b->f);
	assert_int_equal(t->ncmds, 0);
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "pp select 1\nip pp secure filter out 1001 dynamic 1002 1003\n"
				    "ip pp secure filter in 1000\n pppoe use lan2\n"));
	free(out);
	input_free(&in);
}

/* No number left: the block says why and holds no command. */
static void test_exhausted_reason(void **state)
{
	(void)state;
	static const char cfg[] =
		"ip lan2 address 203.0.113.2/30\n"
		"ip lan2 nat descriptor 1\n"
		"ip lan2 secure filter in 10 20\n"
		"nat descriptor type 1 masquerade\n"
		"ip route default gateway 203.0.113.1\n"
		"ip filter 10 pass * * udp * 500\n"
		"ip filter 20 pass * * tcp * telnet,www\n"
		"ip filter 1000 reject * * * * *\n"
		"telnetd host any\n";
	struct vendor_numbers *v = (struct vendor_numbers *)registry_numbers(&g_reg, "yamaha");
	long max = v->max;
	v->max = 1000;
	struct input in;
	run_text(&in, cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	v->max = max;
	const struct fix_block *b = block_of(&s, "EL104");
	assert_non_null(b);
	assert_int_equal(b->ncmds, 0);
	assert_int_equal(b->nedits, 0);
	assert_string_equal(b->why, "no free filter number is left outside the ranges of YAMAHA's templates");
	input_free(&in);
}

/* fix_split: every token ends, the last one kept too (regression: the
 * token at the limit ran on to the end of the line). */
static void test_split(void **state)
{
	(void)state;
	struct arena a = {0};
	char *t[3];
	assert_int_equal(fix_split(&a, "  access-list  A remark x y", t, 3), 3);
	assert_string_equal(t[0], "access-list");
	assert_string_equal(t[1], "A");
	assert_string_equal(t[2], "remark");
	assert_int_equal(fix_split(&a, "\tno\t", t, 3), 1);
	assert_string_equal(t[0], "no");
	assert_int_equal(fix_split(&a, "   ", t, 3), 0);
	arena_free(&a);
}

/* The file's lines for builders: split up to the first CR or LF
 * (fix_text_split), and "no" + the words of a line (fix_no_line), which
 * refuses a line with as many words as it may hold (never a cut command). */
static void test_text_split_and_no_line(void **state)
{
	(void)state;
	static const char text[] = "http 0.0.0.0 0.0.0.0 outside\r\n\r\na b c d\n";
	struct input in;
	input_init(&in, "t.cfg");
	in.len = strlen(text);
	in.data = malloc(in.len + 1);
	assert_non_null(in.data);
	memcpy(in.data, text, in.len + 1);
	struct fix_text t;
	assert_int_equal(fix_text_init(&in, &t), 0);
	assert_int_equal(t.n, 3);
	struct arena scratch = {0};
	char *tok[8];
	assert_int_equal(fix_text_split(&in, &t, &scratch, 1, tok, 8), 4);
	assert_string_equal(tok[3], "outside");
	assert_int_equal(fix_text_split(&in, &t, &scratch, 2, tok, 8), 0);
	assert_int_equal(fix_text_split(&in, &t, &scratch, 4, tok, 8), 0);
	arena_free(&scratch);
	size_t nt;
	assert_string_equal(fix_no_line(&in, &t, 1, tok, 8, &nt), "no http 0.0.0.0 0.0.0.0 outside");
	assert_int_equal(nt, 4);
	assert_null(fix_no_line(&in, &t, 2, tok, 8, &nt));
	assert_null(fix_no_line(&in, &t, 3, tok, 4, &nt));
	assert_string_equal(fix_no_line(&in, &t, 3, tok, 5, &nt), "no a b c d");
	input_free(&in);
}

/* ASA (8.3 and later: the ACL names the real address): the entry permits
 * every TCP port of the host while only 3389 is forwarded, so a deny for
 * that port goes in at the entry's line of the list (the remark is line
 * 1, the entry line 2), and into the file just before the entry. */
static void test_asa_deny_before_entry(void **state)
{
	(void)state;
	static const char cfg[] =
		"ASA Version 9.8(4)\n"                                          /* 1 */
		"interface GigabitEthernet0/0\n"                                /* 2 */
		" nameif outside\n"                                             /* 3 */
		" security-level 0\n"                                           /* 4 */
		" ip address 203.0.113.2 255.255.255.0\n"                       /* 5 */
		"interface GigabitEthernet0/1\n"                                /* 6 */
		" nameif inside\n"                                              /* 7 */
		" security-level 100\n"                                         /* 8 */
		" ip address 192.168.1.1 255.255.255.0\n"                       /* 9 */
		"object network RDP-HOST\n"                                     /* 10 */
		" host 192.168.1.50\n"                                          /* 11 */
		" nat (inside,outside) static interface service tcp 3389 3389\n" /* 12 */
		"access-list OUTSIDE_IN remark partners\n"                      /* 13 */
		"access-list OUTSIDE_IN extended permit tcp any host 192.168.1.50\n" /* 14 */
		"access-group OUTSIDE_IN in interface outside\n"                /* 15 */
		"route outside 0.0.0.0 0.0.0.0 203.0.113.1 1\n";                /* 16 */
	struct input in;
	run_kind_text(&in, "cisco-asa", cfg);
	struct fix_set s;
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const want[] = {
		"access-list OUTSIDE_IN line 2 extended deny tcp any host 192.168.1.50 eq 3389",
	};
	expect_cmds(block_of(&s, "EL105"), want, 1);
	char *out = applied(&in, &s);
	assert_non_null(strstr(out, "access-list OUTSIDE_IN remark partners\n"
				    "access-list OUTSIDE_IN extended deny tcp any host 192.168.1.50 eq 3389\n"
				    "access-list OUTSIDE_IN extended permit tcp any host 192.168.1.50\n"));
	free(out);
	input_free(&in);

	/* The policy names a partner for it (allowed_inbound tcp 3389 to
	 * 192.168.1.50 from 198.51.100.0/24): its permit goes first (mask
	 * form, ASA command reference "access-list extended"), the deny for
	 * the rest after it, both before the entry. */
	static const char *srcs[] = {"198.51.100.0/24"};
	struct policy_inbound partner = {.proto = "tcp", .port = 3389, .to = "192.168.1.50",
					 .sources = srcs, .nsources = 1, .reason = "partner"};
	g_pol.inbound = &partner;
	g_pol.ninbound = 1;
	run_kind_text(&in, "cisco-asa", cfg);
	assert_int_equal(fix_build(&in, &g_ctx, &s), 0);
	static const char *const narrowed[] = {
		"access-list OUTSIDE_IN line 2 extended permit tcp 198.51.100.0 255.255.255.0 host 192.168.1.50 eq 3389",
		"access-list OUTSIDE_IN line 3 extended deny tcp any host 192.168.1.50 eq 3389",
	};
	expect_cmds(block_of(&s, "EL105"), narrowed, 2);
	out = applied(&in, &s);
	assert_non_null(strstr(out, "access-list OUTSIDE_IN remark partners\n"
				    "access-list OUTSIDE_IN extended permit tcp 198.51.100.0 255.255.255.0 host 192.168.1.50 eq 3389\n"
				    "access-list OUTSIDE_IN extended deny tcp any host 192.168.1.50 eq 3389\n"
				    "access-list OUTSIDE_IN extended permit tcp any host 192.168.1.50\n"));
	free(out);
	input_free(&in);
	g_pol.inbound = NULL;
	g_pol.ninbound = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_free_number),
		cmocka_unit_test(test_free_number_exhausted),
		cmocka_unit_test(test_numbers_data),
		cmocka_unit_test(test_lan_list_reject_before_permissive),
		cmocka_unit_test(test_pass_all_removed_vpn_kept),
		cmocka_unit_test(test_forward_narrowed_to_partner),
		cmocka_unit_test(test_pp_select_list),
		cmocka_unit_test(test_tunnel_select_list),
		cmocka_unit_test(test_pp_new_list),
		cmocka_unit_test(test_exhausted_reason),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_text_split_and_no_line),
		cmocka_unit_test(test_asa_deny_before_entry),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
