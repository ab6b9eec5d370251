/*
 * test_bundle.c — cmocka tests for src/bundle.c, the files of one home
 * router read as one input:
 *  - a tar built here in memory (ustar headers with real checksums, a GNU
 *    'L' long name, a ustar prefix, a "./etc/config/wireless" member and
 *    an etc/shadow member that must never be read), gzip'd with zlib:
 *    the parts, their display names, lines and bytes, input_locate();
 *  - the same tar uncompressed; an old tar summing signed bytes;
 *  - errors: truncated gzip, corrupt gzip, a wrong header checksum, a
 *    member longer than the archive, parts over the size limit, an
 *    archive that unpacks past BUNDLE_MAX_UNPACKED, an archive without
 *    any file edgelint reads;
 *  - bundle_is_archive on gzip and ustar magic and on text;
 *  - bundle_dir on an unpacked backup (trailing slash, os-release found
 *    twice but read once, a directory with nothing to read).
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
#include <zlib.h>

#include "../../parsers/parsers.h"
#include "../../src/bundle.h"
#include "../../src/model.h"

/* The files of an OpenWrt backup, as the parser table lists them. */
#define OWRT_BACKUP (parser_by_name("openwrt")->backup)

/* ---- building archives ---------------------------------------------------- */

struct buf {
	unsigned char *b;
	size_t n, cap;
};

static void buf_room(struct buf *t, size_t more)
{
	if (t->n + more <= t->cap)
		return;
	size_t cap = t->cap ? t->cap : 4096;
	while (cap < t->n + more)
		cap *= 2;
	t->b = realloc(t->b, cap);
	assert_non_null(t->b);
	memset(t->b + t->cap, 0, cap - t->cap);
	t->cap = cap;
}

/* One ustar header + body. name goes in the name field (cut at 100 bytes),
 * prefix (or NULL) in the prefix field. signed_sum: the checksum of an old
 * tar that summed signed chars. */
static void tar_member(struct buf *t, const char *name, const char *prefix, char type,
		       const char *data, size_t len, bool signed_sum)
{
	buf_room(t, 512 + (len + 511) / 512 * 512);
	unsigned char *h = t->b + t->n;
	memset(h, 0, 512);
	size_t nl = strlen(name);
	memcpy(h, name, nl > 100 ? 100 : nl);
	memcpy(h + 100, "0000644", 8);
	memcpy(h + 108, "0000000", 8);
	memcpy(h + 116, "0000000", 8);
	snprintf((char *)h + 124, 12, "%011zo", len);
	memcpy(h + 136, "14000000000", 12);
	h[156] = (unsigned char)type;
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	if (prefix)
		memcpy(h + 345, prefix, strlen(prefix));
	/* The owner's name; with bytes >= 0x80 the two sums differ. */
	if (signed_sum)
		memcpy(h + 265, "\xc3\xa9l\xc3\xa8ve", 8);
	else
		memcpy(h + 265, "root", 4);
	memset(h + 148, ' ', 8);
	long sum = 0;
	for (size_t i = 0; i < 512; i++)
		sum += signed_sum ? (long)(signed char)h[i] : (long)h[i];
	snprintf((char *)h + 148, 8, "%06lo", (unsigned long)sum);
	h[155] = ' ';
	t->n += 512;
	if (len)
		memcpy(t->b + t->n, data, len);
	t->n += (len + 511) / 512 * 512;
}

static void tar_end(struct buf *t)
{
	buf_room(t, 1024);
	memset(t->b + t->n, 0, 1024);
	t->n += 1024;
}

static void gzip_buf(const unsigned char *in, size_t n, struct buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t bound = deflateBound(&z, (uLong)n) + 64;
	out->b = malloc(bound);
	assert_non_null(out->b);
	out->cap = bound;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	z.next_out = out->b;
	z.avail_out = (uInt)bound;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out->n = bound - z.avail_out;
	deflateEnd(&z);
}

static const char wireless[] =
	"config wifi-iface 'default_radio0'\n"   /* 1 */
	"\toption ssid 'Home'\n"                 /* 2 */
	"\toption encryption 'sae'\n";           /* 3 */
static const char firewall[] =
	"config zone\n"                          /* 4 */
	"\toption name 'wan'\n"                  /* 5 */
	"\toption input 'REJECT'";               /* 6: no final newline */
static const char upnpd[] =
	"config upnpd 'config'\n"                /* 7 */
	"\toption enabled '1'\n";                /* 8 */
static const char shadow[] =
	"root:$6$saltsalt$FAKEHASHnotarealhashFAKEHASH:19000:0:99999:7:::\n";

/* The backup: shadow first, then wireless under "./", firewall behind a GNU
 * long name, upnpd in a ustar prefix, and a directory and a symlink. */
static void build_backup(struct buf *t, bool signed_sum)
{
	memset(t, 0, sizeof(*t));
	tar_member(t, "etc/", NULL, '5', NULL, 0, signed_sum);
	tar_member(t, "etc/shadow", NULL, '0', shadow, strlen(shadow), signed_sum);
	tar_member(t, "./etc/config/wireless", NULL, '0', wireless, strlen(wireless), signed_sum);
	static const char longname[] = "etc/config/firewall";
	tar_member(t, "././@LongLink", NULL, 'L', longname, sizeof(longname), signed_sum);
	tar_member(t, "etc/config/fire", NULL, '0', firewall, strlen(firewall), signed_sum);
	tar_member(t, "upnpd", "etc/config", '0', upnpd, strlen(upnpd), signed_sum);
	tar_member(t, "etc/openwrt_release", NULL, '2', NULL, 0, signed_sum);   /* a symlink */
	tar_end(t);
}

static void check_backup_parts(const struct input *in, const char *archive)
{
	assert_int_equal(in->nparts, 3);
	char want[256];
	snprintf(want, sizeof(want), "%s:etc/config/wireless", archive);
	assert_string_equal(in->parts[0].display, want);
	assert_string_equal(in->parts[0].path, archive);
	snprintf(want, sizeof(want), "%s:etc/config/firewall", archive);
	assert_string_equal(in->parts[1].display, want);
	snprintf(want, sizeof(want), "%s:etc/config/upnpd", archive);
	assert_string_equal(in->parts[2].display, want);

	assert_int_equal(in->parts[0].first_line, 1);
	assert_int_equal(in->parts[0].nlines, 3);
	assert_int_equal(in->parts[1].first_line, 4);
	assert_int_equal(in->parts[1].nlines, 3);
	assert_int_equal(in->parts[2].first_line, 7);
	assert_int_equal(in->parts[2].nlines, 2);
	assert_int_equal(in->parts[0].off, 0);
	assert_int_equal(in->parts[0].len, strlen(wireless));
	assert_memory_equal(in->data + in->parts[1].off, firewall, strlen(firewall));
	assert_int_equal(in->parts[1].len, strlen(firewall));
	/* A newline was added after the firewall text, which had none. */
	assert_int_equal(in->data[in->parts[1].off + in->parts[1].len], '\n');
	assert_int_equal(in->parts[2].off, in->parts[1].off + in->parts[1].len + 1);
	assert_int_equal(in->len, strlen(wireless) + strlen(firewall) + 1 + strlen(upnpd));
	assert_int_equal(in->data[in->len], '\0');

	/* etc/shadow is never read. */
	assert_null(memmem(in->data, in->len, "FAKEHASH", 8));
	assert_null(memmem(in->data, in->len, "root:", 5));

	unsigned local = 0;
	const char *f = input_locate(in, 5, &local);
	snprintf(want, sizeof(want), "%s:etc/config/firewall", archive);
	assert_string_equal(f, want);
	assert_int_equal(local, 2);
	f = input_locate(in, 1, &local);
	assert_int_equal(local, 1);
	assert_non_null(strstr(f, "wireless"));
	f = input_locate(in, 8, &local);
	assert_non_null(strstr(f, "upnpd"));
	assert_int_equal(local, 2);
	assert_ptr_equal(input_part_of(in, 6), &in->parts[1]);
}

static void test_targz(void **state)
{
	(void)state;
	struct buf t, gz;
	build_backup(&t, false);
	gzip_buf(t.b, t.n, &gz);
	assert_true(bundle_is_archive((const char *)gz.b, gz.n));
	struct input in;
	input_init(&in, "backup.tar.gz");
	char why[512] = "";
	assert_int_equal(bundle_archive(&in, "backup.tar.gz", (const char *)gz.b, gz.n,
					OWRT_BACKUP, 1u << 20, why, sizeof(why)),
			 0);
	check_backup_parts(&in, "backup.tar.gz");
	input_free(&in);
	free(t.b);
	free(gz.b);
}

static void test_plain_tar_and_signed_sum(void **state)
{
	(void)state;
	struct buf t;
	build_backup(&t, true);
	assert_true(bundle_is_archive((const char *)t.b, t.n));
	struct input in;
	input_init(&in, "b.tar");
	char why[512] = "";
	assert_int_equal(bundle_archive(&in, "b.tar", (const char *)t.b, t.n, OWRT_BACKUP, 1u << 20, why,
					sizeof(why)),
			 0);
	check_backup_parts(&in, "b.tar");
	input_free(&in);
	free(t.b);
}

static void test_is_archive(void **state)
{
	(void)state;
	assert_false(bundle_is_archive("config wifi-iface\n", 18));
	assert_false(bundle_is_archive("", 0));
	assert_false(bundle_is_archive("\x1f", 1));
	assert_true(bundle_is_archive("\x1f\x8b\x08", 3));
	char h[300];
	memset(h, 'a', sizeof(h));
	assert_false(bundle_is_archive(h, sizeof(h)));
	memcpy(h + 257, "ustar", 5);
	assert_true(bundle_is_archive(h, sizeof(h)));
	assert_false(bundle_is_archive(h, 261));   /* too short for the magic */
}

/* Runs bundle_archive on data and expects error rc with why containing msg. */
static void expect_error(const unsigned char *data, size_t n, size_t max, int rc,
			 const char *msg)
{
	struct input in;
	input_init(&in, "x.tar.gz");
	char why[512] = "";
	assert_int_equal(bundle_archive(&in, "x.tar.gz", (const char *)data, n, OWRT_BACKUP, max, why,
					sizeof(why)),
			 rc);
	if (!strstr(why, msg))
		fail_msg("why is \"%s\", expected it to mention \"%s\"", why, msg);
	input_free(&in);
}

static void test_errors(void **state)
{
	(void)state;
	struct buf t, gz;
	build_backup(&t, false);
	gzip_buf(t.b, t.n, &gz);
	/* Truncated gzip. */
	expect_error(gz.b, gz.n / 2, 1u << 20, EL_EPARSE, "truncated");
	/* Corrupt deflate data after a valid gzip header. */
	unsigned char bad[64];
	memcpy(bad, gz.b, 10);
	memset(bad + 10, 0xff, sizeof(bad) - 10);
	expect_error(bad, sizeof(bad), 1u << 20, EL_EPARSE, "corrupt");
	/* A header byte changed: its checksum no longer matches. */
	struct buf c = {0};
	buf_room(&c, t.n);
	memcpy(c.b, t.b, t.n);
	c.n = t.n;
	c.b[512 + 5] ^= 0x01;   /* the second header (etc/shadow), in its name */
	expect_error(c.b, c.n, 1u << 20, EL_EPARSE, "tar member 2 (byte 512): the header checksum is wrong");
	/* A member announcing more bytes than the archive has. */
	struct buf s = {0};
	tar_member(&s, "etc/config/wireless", NULL, '0', wireless, strlen(wireless), false);
	s.n = 512 + 10;   /* the body cut short */
	expect_error(s.b, s.n, 1u << 20, EL_EPARSE, "the archive is truncated");
	/* The files read are over the limit. */
	expect_error(gz.b, gz.n, 40, EL_ETOOBIG, "larger than the limit of 40 bytes");
	/* Nothing edgelint reads. */
	struct buf o = {0};
	tar_member(&o, "etc/shadow", NULL, '0', shadow, strlen(shadow), false);
	tar_member(&o, "etc/config/dhcp", NULL, '0', "config x\n", 9, false);
	tar_end(&o);
	expect_error(o.b, o.n, 1u << 20, EL_EPARSE, "holds none of the files");
	/* A size field that is not octal. */
	struct buf z = {0};
	tar_member(&z, "etc/config/wireless", NULL, '0', wireless, strlen(wireless), false);
	memcpy(z.b + 124, "9999999999x", 11);
	memset(z.b + 148, ' ', 8);
	unsigned long sum = 0;
	for (size_t i = 0; i < 512; i++)
		sum += z.b[i];
	snprintf((char *)z.b + 148, 8, "%06lo", sum);
	z.b[155] = ' ';
	expect_error(z.b, z.n, 1u << 20, EL_EPARSE, "the size field is not a number");
	free(t.b);
	free(gz.b);
	free(c.b);
	free(s.b);
	free(o.b);
	free(z.b);
}

static void test_unpacked_size_limit(void **state)
{
	(void)state;
	/* A small gzip that unpacks past BUNDLE_MAX_UNPACKED (a "zip bomb"). */
	size_t n = (size_t)BUNDLE_MAX_UNPACKED + 4096;
	unsigned char *zeros = calloc(1, n);
	assert_non_null(zeros);
	struct buf gz;
	gzip_buf(zeros, n, &gz);
	free(zeros);
	assert_true(gz.n < n / 100);
	expect_error(gz.b, gz.n, 1u << 20, EL_ETOOBIG, "unpacks to more than the limit");
	free(gz.b);
}

/* ---- unpacked directories ---------------------------------------------------- */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_dir(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/el-bundle-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	char p[512];
	snprintf(p, sizeof(p), "%s/etc", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/etc/config", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/usr", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/usr/lib", dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/etc/config/wireless", dir);
	write_file(p, wireless);
	snprintf(p, sizeof(p), "%s/etc/shadow", dir);
	write_file(p, shadow);
	snprintf(p, sizeof(p), "%s/etc/openwrt_release", dir);
	write_file(p, "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='24.10.4'\n");
	snprintf(p, sizeof(p), "%s/usr/lib/os-release", dir);
	write_file(p, "NAME=\"OpenWrt\"\nID=\"openwrt\"\n");
	snprintf(p, sizeof(p), "%s/etc/os-release", dir);
	write_file(p, "NAME=\"OpenWrt\"\nID=\"openwrt\"\n");

	struct input in;
	input_init(&in, dir);
	char why[512] = "";
	char withslash[300];
	snprintf(withslash, sizeof(withslash), "%s//", dir);
	assert_int_equal(bundle_dir(&in, withslash, OWRT_BACKUP, 1u << 20, why, sizeof(why)), 0);
	assert_int_equal(in.nparts, 3);   /* wireless, openwrt_release, one os-release */
	char want[1200];
	snprintf(want, sizeof(want), "%s/etc/config/wireless", dir);
	assert_string_equal(in.parts[0].display, want);
	snprintf(want, sizeof(want), "%s/etc/openwrt_release", dir);
	assert_string_equal(in.parts[1].display, want);
	snprintf(want, sizeof(want), "%s/usr/lib/os-release", dir);
	assert_string_equal(in.parts[2].display, want);
	assert_int_equal(in.parts[1].first_line, 4);
	assert_int_equal(in.parts[2].first_line, 6);
	assert_null(memmem(in.data, in.len, "FAKEHASH", 8));
	unsigned local;
	input_locate(&in, 7, &local);
	assert_int_equal(local, 2);
	input_free(&in);

	/* Over the limit. */
	input_init(&in, dir);
	assert_int_equal(bundle_dir(&in, dir, OWRT_BACKUP, 60, why, sizeof(why)), EL_ETOOBIG);
	assert_string_equal(why, "etc/config/wireless: larger than the limit of 60 bytes for "
				 "this kind of input");
	/* The input's error, in both languages. */
	snprintf(want, sizeof(want), "%s: %s", dir, why);
	assert_string_equal(in.error, want);
	snprintf(want, sizeof(want),
		 "%s: etc/config/wireless: この種類の入力の上限 60 バイトを超えています", dir);
	assert_string_equal(in.error_ja, want);
	input_free(&in);
	/* Each file fits, all of them together do not. */
	input_init(&in, dir);
	assert_int_equal(bundle_dir(&in, dir, OWRT_BACKUP, 100, why, sizeof(why)), EL_ETOOBIG);
	assert_non_null(strstr(why, "larger than the limit of 100 bytes"));
	input_free(&in);

	/* Nothing to read. */
	snprintf(p, sizeof(p), "%s/etc/config", dir);
	input_init(&in, p);
	assert_int_equal(bundle_dir(&in, p, OWRT_BACKUP, 1u << 20, why, sizeof(why)), EL_EPARSE);
	assert_non_null(strstr(why, "holds none"));
	snprintf(want, sizeof(want), "%s: ディレクトリに edgelint が読むファイル（etc/config/wireless、"
		 "etc/config/firewall、etc/openwrt_release、etc/os-release、etc/config/upnpd、"
		 "etc/config/network、etc/config/uhttpd、etc/config/dropbear、etc/config/ddns、etc/config/openvpn）が"
		 "一つもありません", p);
	assert_string_equal(in.error_ja, want);
	input_free(&in);

	const char *files[] = {"etc/config/wireless", "etc/shadow", "etc/openwrt_release",
			       "usr/lib/os-release", "etc/os-release", NULL};
	for (size_t i = 0; files[i]; i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, files[i]);
		unlink(p);
	}
	const char *dirs[] = {"etc/config", "etc", "usr/lib", "usr", NULL};
	for (size_t i = 0; dirs[i]; i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, dirs[i]);
		rmdir(p);
	}
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_targz),
		cmocka_unit_test(test_plain_tar_and_signed_sum),
		cmocka_unit_test(test_is_archive),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_unpacked_size_limit),
		cmocka_unit_test(test_dir),
	};
	return cmocka_run_group_tests_name("bundle", tests, NULL, NULL);
}
