/*
 * test_walk.c — cmocka tests for src/walk.c, the FILE arguments as the
 * inputs they stand for, on directories made here:
 *  - consecutive OpenWrt files of different roles are one input, a second
 *    wireless starts the next (the command line rule, unchanged);
 *  - a directory: files in name order, hidden names skipped with a note,
 *    a file not recognised skipped with a note, a subdirectory's OpenWrt
 *    files joined when each has its own role, not joined (a note) when two
 *    share one, an unpacked backup below it one input, a note input last;
 *  - a directory with nothing edgelint reads, and one deeper than
 *    WALK_MAX_DEPTH: an error on the note input.
 * The file contents are minimal forms of what each probe recognises
 * (OpenWrt UCI sections, a YAMAHA header).
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../parsers/parsers.h"
#include "../../src/walk.h"

static const char wireless[] = "config wifi-iface 'default_radio0'\n\toption ssid 'home'\n";
static const char firewall[] = "config zone\n\toption name 'wan'\n";
static const char yamaha[] = "# RTX830 Rev.15.02.30 (Fri Oct 11 12:00:00 2023)\nip route default gateway pp 1\n";

static void put(const char *dir, const char *name, const char *text)
{
	char p[4096];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void sub(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
	assert_int_equal(mkdir(out, 0755), 0);
}

static void test_args_rule(void **state)
{
	(void)state;
	char dir[] = "/tmp/el-walk-XXXXXX";
	assert_non_null(mkdtemp(dir));
	put(dir, "w1", wireless);
	put(dir, "fw", firewall);
	put(dir, "w2", wireless);
	char a[3][4200];
	snprintf(a[0], sizeof(a[0]), "%s/w1", dir);
	snprintf(a[1], sizeof(a[1]), "%s/fw", dir);
	snprintf(a[2], sizeof(a[2]), "%s/w2", dir);
	char *args[] = {a[0], a[1], a[2], "-"};
	struct walk plan;
	assert_int_equal(walk_args(args, 4, NULL, &plan), 0);
	assert_int_equal(plan.ninputs, 3);
	assert_int_equal(plan.inputs[0].n, 2);
	assert_ptr_equal(plan.inputs[0].kind, parser_by_name("openwrt"));
	assert_string_equal(plan.inputs[0].paths[1], a[1]);
	assert_int_equal(plan.inputs[1].n, 1);
	assert_string_equal(plan.inputs[1].paths[0], a[2]);
	assert_string_equal(plan.inputs[2].paths[0], "-");
	walk_free(&plan);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_directory(void **state)
{
	(void)state;
	char dir[] = "/tmp/el-walk-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char one[4200], two[4200], bk[4200], p[4300];
	sub(one, sizeof(one), dir, "one");
	sub(two, sizeof(two), dir, "two");
	sub(bk, sizeof(bk), dir, "bk");
	snprintf(p, sizeof(p), "%s/etc", bk);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof(p), "%s/etc/config", bk);
	assert_int_equal(mkdir(p, 0755), 0);
	put(p, "wireless", wireless);
	put(one, "wireless", wireless);
	put(one, "firewall", firewall);
	put(two, "wireless-a", wireless);
	put(two, "wireless-b", wireless);
	put(dir, "rtx.conf", yamaha);
	put(dir, ".rtx-copy.conf", yamaha);
	put(dir, "notes.txt", "hello\n");
	/* "configs/" names its files "configs/…". */
	char arg[4200];
	snprintf(arg, sizeof(arg), "%s/", dir);
	char *args[] = {arg};
	struct walk plan;
	assert_int_equal(walk_args(args, 1, NULL, &plan), 0);
	/* bk, one (joined), rtx.conf, two/wireless-a, two/wireless-b, notes. */
	assert_int_equal(plan.ninputs, 6);
	char want[4300];
	snprintf(want, sizeof(want), "%s/bk", dir);
	assert_string_equal(plan.inputs[0].paths[0], want);
	assert_int_equal(plan.inputs[0].n, 1);
	assert_int_equal(plan.inputs[1].n, 2);
	snprintf(want, sizeof(want), "%s/one/firewall", dir);
	assert_string_equal(plan.inputs[1].paths[0], want);
	snprintf(want, sizeof(want), "%s/one/wireless", dir);
	assert_string_equal(plan.inputs[1].paths[1], want);
	snprintf(want, sizeof(want), "%s/rtx.conf", dir);
	assert_string_equal(plan.inputs[2].paths[0], want);
	snprintf(want, sizeof(want), "%s/two/wireless-a", dir);
	assert_string_equal(plan.inputs[3].paths[0], want);
	assert_int_equal(plan.inputs[3].n, 1);
	snprintf(want, sizeof(want), "%s/two/wireless-b", dir);
	assert_string_equal(plan.inputs[4].paths[0], want);
	const struct walk_input *e = &plan.inputs[5];
	assert_true(e->is_notes);
	assert_null(e->error);
	assert_string_equal(e->paths[0], dir);
	assert_int_equal(e->nnotes, 3);
	snprintf(want, sizeof(want), "%s/.rtx-copy.conf: a hidden file or directory; skipped", dir);
	assert_string_equal(e->notes[0].en, want);
	snprintf(want, sizeof(want), "%s/.rtx-copy.conf: 隠しファイルまたは隠しディレクトリのため飛ばしました", dir);
	assert_string_equal(e->notes[0].ja, want);
	snprintf(want, sizeof(want), "%s/notes.txt: not an input edgelint reads", dir);
	assert_memory_equal(e->notes[1].en, want, strlen(want));
	snprintf(want, sizeof(want), "%s/two: %s/two/wireless-a and %s/two/wireless-b are the same part "
		 "of a router's OpenWrt configuration, so they come from more than one router", dir, dir, dir);
	assert_memory_equal(e->notes[2].en, want, strlen(want));
	assert_non_null(strstr(e->notes[2].ja, "どちらもOpenWrt の設定の同じ部分で、複数のルータのものです"));
	walk_free(&plan);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_errors(void **state)
{
	(void)state;
	char dir[] = "/tmp/el-walk-XXXXXX";
	assert_non_null(mkdtemp(dir));
	put(dir, "notes.txt", "hello\n");
	char *args[] = {dir};
	struct walk plan;
	assert_int_equal(walk_args(args, 1, NULL, &plan), 0);
	assert_int_equal(plan.ninputs, 1);
	assert_string_equal(plan.inputs[0].error, "no file in the directory is an input edgelint "
						  "reads (the notes say what was skipped)");
	walk_free(&plan);
	/* WALK_MAX_DEPTH + 1 levels, a config at the bottom. */
	char deep[4200];
	snprintf(deep, sizeof(deep), "%s", dir);
	for (int i = 0; i <= WALK_MAX_DEPTH; i++) {
		char next[4200];
		snprintf(next, sizeof(next), "%.4000s/d", deep);
		assert_int_equal(mkdir(next, 0755), 0);
		snprintf(deep, sizeof(deep), "%s", next);
	}
	put(deep, "rtx.conf", yamaha);
	assert_int_equal(walk_args(args, 1, NULL, &plan), 0);
	assert_int_equal(plan.ninputs, 1);
	assert_non_null(plan.inputs[0].error);
	assert_non_null(strstr(plan.inputs[0].error, ": deeper than 16 directory levels; what is "
						     "below was not read"));
	walk_free(&plan);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_args_rule),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
