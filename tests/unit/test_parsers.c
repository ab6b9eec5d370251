/*
 * test_parsers.c — cmocka tests for parsers/parsers.c, the table of input
 * formats and what the core, --help and messages take from it:
 *  - every format once in help order (parsers_shown[]), YAMAHA first and
 *    the capture last, as --help has listed them;
 *  - a kind maps back to its parser (parser_of), a descriptor not from the
 *    table to none, a name to its descriptor (input_kind_named);
 *  - the message for an input not recognised, in both languages, exactly
 *    as it was written by hand before the table built it;
 *  - what a backup is read as (OpenWrt) and which directory is one (its
 *    files, made here: etc/openwrt_release, usr/lib/os-release alone);
 *  - only the router facts file is filled in by hand (hand_filled).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../parsers/parsers.h"

static void test_help_order(void **state)
{
	(void)state;
	static const char *const want[] = {"yamaha-rtx", "cisco-asa", "openwrt", "hostapd",
					   "nvram", "routeros", "tplink", "router-facts", "pcap",
					   "nec-ix", "fortigate"};
	assert_int_equal(nparsers, ARRAY_SIZE(want));
	for (size_t i = 0; i < nparsers; i++) {
		assert_non_null(parsers_shown[i]);
		assert_string_equal(parsers_shown[i]->kind.name, want[i]);
	}
	/* The table's own order (the probes' tie-break) is kept apart. */
	assert_string_equal(parsers[0]->kind.name, "pcap");
}

static void test_kind_and_parser(void **state)
{
	(void)state;
	for (size_t i = 0; i < nparsers; i++) {
		const struct input_kind *k = input_kind_named(parsers[i]->kind.name);
		assert_ptr_equal(k, &parsers[i]->kind);
		assert_ptr_equal(parser_of(k), parsers[i]);
	}
	assert_null(input_kind_named("OpenWrt"));
	assert_null(parser_of(NULL));
	struct input_kind copy = parser_by_name("hostapd")->kind;
	assert_null(parser_of(&copy));
}

static void test_expected(void **state)
{
	(void)state;
	struct strbuf en, ja;
	sb_init(&en, 4096);
	sb_init(&ja, 4096);
	assert_int_equal(parsers_expected(&en, &ja), 0);
	assert_string_equal(sb_str(&en),
			    "a YAMAHA RTX/NVR or Cisco ASA config, an OpenWrt, hostapd, nvram or "
			    "RouterOS file, a TP-Link backup, a router facts file, a pcap/pcapng capture or a "
			    "NEC UNIVERGE IX or FortiGate config");
	assert_string_equal(sb_str(&ja),
			    "YAMAHA RTX/NVR か Cisco ASA の設定、OpenWrt・hostapd・nvram・RouterOS の"
			    "ファイル、TP-Link のバックアップ、ルータ事実ファイル、pcap/pcapng のキャプチャ、"
			    "NEC UNIVERGE IX か FortiGate の設定");
	sb_reset(&en);
	sb_reset(&ja);
	assert_int_equal(parsers_backups(&en, &ja, false), 0);
	assert_string_equal(sb_str(&en), "OpenWrt");
	assert_string_equal(sb_str(&ja), "OpenWrt");
	sb_reset(&en);
	sb_reset(&ja);
	assert_int_equal(parsers_backups(&en, &ja, true), 0);
	assert_string_equal(sb_str(&en), "an OpenWrt");
	assert_string_equal(sb_str(&ja), "OpenWrt");
	sb_free(&en);
	sb_free(&ja);
}

static void put(const char *dir, const char *rel)
{
	char p[4096];
	mkdir(dir, 0755);
	snprintf(p, sizeof(p), "%s/%s", dir, rel);
	for (char *s = strchr(p + strlen(dir) + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs("DISTRIB_ID='OpenWrt'\n", f);
	fclose(f);
}

static void test_backup_dir(void **state)
{
	(void)state;
	const struct parser *owrt = parser_by_name("openwrt");
	assert_ptr_equal(parser_backup_default(), owrt);
	char dir[] = "/tmp/el-parsers-XXXXXX";
	assert_non_null(mkdtemp(dir));
	assert_null(parser_backup_dir(AT_FDCWD, dir));
	put(dir, "notes.txt");
	assert_null(parser_backup_dir(AT_FDCWD, dir));
	char a[4200], b[4200];
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	put(a, "etc/openwrt_release");
	put(b, "usr/lib/os-release");
	assert_ptr_equal(parser_backup_dir(AT_FDCWD, a), owrt);
	assert_ptr_equal(parser_backup_dir(AT_FDCWD, b), owrt);
	char cmd[4300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_hand_filled(void **state)
{
	(void)state;
	for (size_t i = 0; i < nparsers; i++)
		assert_int_equal(parsers[i]->kind.hand_filled,
				 strcmp(parsers[i]->kind.name, "router-facts") == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_order),    cmocka_unit_test(test_kind_and_parser),
		cmocka_unit_test(test_expected),      cmocka_unit_test(test_backup_dir),
		cmocka_unit_test(test_hand_filled),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
