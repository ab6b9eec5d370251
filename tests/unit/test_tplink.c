/*
 * test_tplink.c — cmocka tests for parsers/tplink.c (kind "tplink"):
 *  - the five samples of samples/tplink/ (built by tests/gen-tplink-backups.py
 *    from XML written there): device, every network's SSID, band, enabled,
 *    security, cipher and passphrase, WPS, remote admin, UPnP, and the
 *    secrets registered (passphrases, admin and DDNS passwords), exactly as
 *    that XML says (values copied from the generator, not from a run);
 *  - containers built here with OpenSSL and zlib: a wrong MD5, files cut
 *    short (DES and AES), bad AES padding, TP-Link compression that
 *    points before the data, ends early or has an overlong code, sizes
 *    over the limit (declared, and a zlib bomb), damaged zlib, a tar with
 *    a bad header checksum or without the settings member, XML that is not
 *    well formed, and bytes that are no TP-Link backup; every message
 *    checked in English and Japanese;
 *  - content detection (probe) and a network without Enable.
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

#include <zlib.h>

#include "../../parsers/parsers.h"
#include "../../src/finding.h"
#include "../../src/model.h"
#include "testctx.h"
#include "testmodel.h"
#include "tplinkbuild.h"

#define SAMPLES "samples/tplink/"

/* ---- helpers --------------------------------------------------------------- */

static char *slurp(const char *name, size_t *n)
{
	FILE *f = fopen(name, "rb");
	assert_non_null(f);
	char *buf = malloc(1 << 20);
	assert_non_null(buf);
	*n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static int tplink_probe_for_test(const void *p, size_t n)
{
	return parser_by_name("tplink")->probe(p, n);
}

static int parse_bytes(struct input *in, const void *p, size_t n)
{
	return parse_as(in, "tplink", "backup.bin", p, n);
}

static int parse_sample(struct input *in, const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), SAMPLES "%s", name);
	size_t n = 0;
	char *b = slurp(path, &n);
	int rc = parse_bytes(in, b, n);
	free(b);
	return rc;
}

static void assert_net(const struct input *in, size_t i, const char *ssid, const char *band,
		       bool enabled, enum wifi_sec sec, enum wifi_cipher c, const char *pass)
{
	const struct wifi_net *w = wifi_nth(in, i);
	assert_string_equal(w->ssid.s, ssid);
	if (band)
		assert_string_equal(w->band.s, band);
	else
		assert_null(w->band.s);
	assert_int_equal(w->enabled, enabled);
	assert_true(w->is_ap);
	assert_int_equal(w->sec, sec);
	assert_int_equal(w->cipher, c);
	if (pass) {
		assert_non_null(w->pass);
		assert_int_equal(w->pass_len, strlen(pass));
		assert_memory_equal(w->pass, pass, strlen(pass));
		assert_true(secret_registered(in, pass));
	} else {
		assert_null(w->pass);
	}
}

/* The error in both languages holds these texts. */
static void assert_error(const struct input *in, const char *en, const char *ja)
{
	assert_non_null(in->error);
	assert_non_null(in->error_ja);
	if (!strstr(in->error, en))
		fail_msg("error [%s] lacks [%s]", in->error, en);
	if (!strstr(in->error_ja, ja))
		fail_msg("error_ja [%s] lacks [%s]", in->error_ja, ja);
}

/* ---- building containers ------------------------------------------------- */

static const unsigned char k_des[8] = {0x47, 0x8D, 0xA5, 0x0B, 0xF9, 0xE3, 0xD2, 0xCF};
static const unsigned char k_aes[32] = {
	0x2E, 0xB3, 0x8F, 0x7E, 0xC4, 0x1D, 0x4B, 0x8E, 0x14, 0x22, 0x80, 0x5B, 0xCD, 0x5F, 0x74, 0x0B,
	0xC3, 0xB9, 0x5B, 0xE1, 0x63, 0xE3, 0x9D, 0x67, 0x57, 0x9E, 0xB3, 0x44, 0x42, 0x7F, 0x78, 0x36};
static const unsigned char k_iv[16] = {0x36, 0x00, 0x28, 0xC9, 0x06, 0x42, 0x42, 0xF8,
				       0x10, 0x74, 0xF4, 0xC1, 0x27, 0xD2, 0x99, 0xF6};

static size_t encrypt(const EVP_CIPHER *c, const unsigned char *key, const unsigned char *iv,
		      bool pad, const unsigned char *in, size_t n, unsigned char *out)
{
	size_t r = tpb_encrypt(c, key, iv, pad, in, n, out);
	assert_true(r > 0);
	return r;
}

static const EVP_CIPHER *des(void)
{
	const EVP_CIPHER *c = tpb_des();
	assert_non_null(c);
	return c;
}

/* An older conf.bin: MD5 + payload + zero padding, DES-ECB. */
static unsigned char *conf_bin(const void *payload, size_t n, size_t *out_n)
{
	size_t total = (16 + n + 7) / 8 * 8;
	unsigned char *plain = calloc(total, 1), *out = malloc(total);
	unsigned int mdn = 0;
	assert_non_null(plain);
	assert_non_null(out);
	assert_true(EVP_Digest(payload, n, plain, &mdn, EVP_md5(), NULL));
	memcpy(plain + 16, payload, n);
	*out_n = encrypt(des(), k_des, NULL, false, plain, total, out);
	free(plain);
	return out;
}

/* zlib + AES-256-CBC. */
static unsigned char *aes_zlib(const void *p, size_t n, size_t *out_n)
{
	uLongf zn = compressBound((uLong)n);
	unsigned char *z = malloc(zn), *out = malloc(zn + 32);
	assert_non_null(z);
	assert_non_null(out);
	assert_int_equal(compress2(z, &zn, p, (uLong)n, 9), Z_OK);
	*out_n = encrypt(EVP_aes_256_cbc(), k_aes, k_iv, true, z, zn, out);
	free(z);
	return out;
}

static unsigned char *tar_one(const char *name, const void *p, size_t n, size_t *out_n,
			      bool bad_sum)
{
	unsigned char *t = malloc(tpb_tar_size(n));
	assert_non_null(t);
	*out_n = tpb_tar_one(t, name, p, n, bad_sum);
	return t;
}

/* A newer backup whose archive holds one member made of xml. */
static unsigned char *backup_bin(const char *member, const char *xml, size_t *out_n, bool bad_sum)
{
	size_t mn = 0, tn = 0;
	unsigned char *m = aes_zlib(xml, strlen(xml), &mn);
	unsigned char *t = tar_one(member, m, mn, &tn, bad_sum);
	unsigned char *b = aes_zlib(t, tn, out_n);
	free(m);
	free(t);
	return b;
}

/* ---- the samples ------------------------------------------------------------ */

static void test_sample_c20(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "archer-c20-v5_conf_wpa2-aes_remote-admin.bin"), 0);
	assert_null(in.error);
	assert_true(in.has_device);
	assert_string_equal(in.dev.vendor.s, "tp-link");
	assert_string_equal(in.dev.vendor_display, "TP-Link");
	assert_string_equal(in.dev.model.s, "Archer C20 v5");
	assert_int_equal(in.dev.model.line, 7);
	assert_string_equal(in.dev.firmware.s, "0.9.1 4.17 v0048.0 Build 230512 Rel.61234n");
	assert_int_equal(in.dev.firmware.line, 8);
	assert_int_equal(in.dev.nwifi, 2);
	assert_net(&in, 0, "Kobayashi Home", "2.4GHz", true, WSEC_WPA2, WCIPH_AES,
		   "hoshizora-kujira-tanbo-71");
	assert_net(&in, 1, "Kobayashi Home 5G", "5GHz", true, WSEC_WPA2, WCIPH_AES,
		   "hoshizora-kujira-tanbo-71");
	assert_string_equal(wifi_nth(&in, 0)->sec_label.s, "BeaconType 11i");
	assert_int_equal(in.dev.remote_admin, TRI_YES);
	assert_string_equal(in.dev.remote_admin_why,
			    "HttpRemoteEnabled 1: the web admin page answers from the WAN on port 8080");
	assert_int_equal(in.dev.upnp, TRI_NO);
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_true(secret_registered(&in, "Kanri-Pass-2026"));
	assert_true(secret_registered(&in, "Noip-Secret-77"));
	assert_true(secret_registered(&in, "12345670"));   /* the WPS PIN */
	assert_false(secret_registered(&in, "tanaka-home"));   /* a user name is no secret */
	input_free(&in);
}

static void test_sample_wr841n(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "tl-wr841n-v14_conf_tkip-mixed_open-guest_wps.bin"), 0);
	assert_string_equal(in.dev.model.s, "TL-WR841N v14");
	assert_int_equal(in.dev.nwifi, 2);
	assert_net(&in, 0, "TP-Link_3A5C", "2.4GHz", true, WSEC_WPA_WPA2, WCIPH_TKIP_AES,
		   "kumo-hashi-tetsu-mikan-58");
	/* the guest network X_TP_GuestNetwork switches on */
	assert_net(&in, 1, "TP-Link_Guest_3A5C", "2.4GHz", true, WSEC_OPEN, WCIPH_UNSET, NULL);
	assert_int_equal(in.dev.wps, TRI_YES);
	assert_int_equal(in.dev.upnp, TRI_YES);
	assert_int_equal(in.dev.remote_admin, TRI_NO);
	input_free(&in);
}

static void test_sample_c50_uncompressed(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "archer-c50-v4_conf_uncompressed_wep.bin"), 0);
	assert_string_equal(in.dev.model.s, "Archer C50 v4");
	assert_int_equal(in.dev.nwifi, 1);
	assert_net(&in, 0, "Yamada-Net", "2.4GHz", true, WSEC_WEP, WCIPH_UNSET, NULL);
	assert_int_equal(in.dev.upnp, TRI_UNSET);
	input_free(&in);
}

static void test_sample_ax55(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "backup-ArcherAX55-2026-10-01_wpa2-aes.bin"), 0);
	assert_string_equal(in.dev.vendor.s, "tp-link");
	assert_null(in.dev.model.s);
	assert_null(in.dev.firmware.s);
	assert_int_equal(in.dev.nwifi, 3);
	assert_net(&in, 0, "Sato-Family", "2.4GHz", true, WSEC_WPA2, WCIPH_AES, "umi-kaze-yama-sora-88");
	assert_net(&in, 1, "Sato-Family-5G", "5GHz", true, WSEC_WPA2, WCIPH_AES,
		   "umi-kaze-yama-sora-88");
	assert_net(&in, 2, "Sato-Guest", "2.4GHz", false, WSEC_OPEN, WCIPH_UNSET, NULL);
	assert_string_equal(wifi_nth(&in, 0)->sec_label.s, "encryption psk, psk_version wpa2");
	assert_int_equal(in.dev.wps, TRI_NO);
	assert_true(secret_registered(&in, "Ddns-Hidden-42"));
	input_free(&in);
}

static void test_sample_c7(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "backup-ArcherC7v5-2025-05-02_mixed-tkip_weak-key.bin"), 0);
	assert_int_equal(in.dev.nwifi, 2);
	assert_net(&in, 0, "Ito-Home", "2.4GHz", true, WSEC_WPA_WPA2, WCIPH_TKIP, "password1");
	assert_net(&in, 1, "Ito-Home-5G", "5GHz", false, WSEC_WPA2, WCIPH_TKIP_AES, "password1");
	assert_int_equal(in.dev.wps, TRI_YES);
	input_free(&in);
}

/* WPA3 on a newer model (issue 15 §2): psk_sae with psk_version
 * sae_transition is WPA2/WPA3, sae_only WPA3; PMF from ieee80211w. */
static void test_sample_ax73(void **state)
{
	(void)state;
	struct input in;
	assert_int_equal(parse_sample(&in, "backup-ArcherAX73-2026-09-14_wpa3-sae_pmf.bin"), 0);
	assert_int_equal(in.dev.nwifi, 2);
	assert_net(&in, 0, "Mori-Home", "2.4GHz", true, WSEC_WPA2_WPA3, WCIPH_AES,
		   "tsuki-hotaru-kawa-mizu-36");
	assert_net(&in, 1, "Mori-Home-5G", "5GHz", true, WSEC_WPA3, WCIPH_AES,
		   "tsuki-hotaru-kawa-mizu-36");
	assert_string_equal(wifi_nth(&in, 0)->sec_label.s,
			    "encryption psk_sae, psk_version sae_transition");
	assert_int_equal(wifi_nth(&in, 0)->pmf, WPMF_OPTIONAL);
	assert_int_equal(wifi_nth(&in, 0)->pmf_line, 21);
	assert_int_equal(wifi_nth(&in, 1)->pmf, WPMF_OFF);
	assert_int_equal(wifi_nth(&in, 1)->pmf_line, 34);
	assert_int_equal(in.dev.wps, TRI_NO);
	input_free(&in);
}

/* psk_sae without psk_version is transition mode; ieee80211w other than
 * 0, 1, 2 leaves PMF unstated; PMF is read for psk networks too. */
static const char sae_xml[] = "<?xml version=\"1.0\"?>\n<config>\n<wireless>\n"
			      "<wifi-iface name=\"ath0\">\n<ssid>A</ssid>\n<enable>on</enable>\n"
			      "<encryption>psk_sae</encryption>\n<ieee80211w>3</ieee80211w>\n"
			      "<psk_key>Lab-Key-0001</psk_key>\n</wifi-iface>\n"
			      "<wifi-iface name=\"ath1\">\n<ssid>B</ssid>\n<enable>on</enable>\n"
			      "<encryption>psk</encryption>\n<psk_version>rsn</psk_version>\n"
			      "<psk_cipher>aes</psk_cipher>\n<ieee80211w>2</ieee80211w>\n"
			      "</wifi-iface>\n</wireless>\n</config>\n";

static void test_backup_sae_pmf(void **state)
{
	(void)state;
	size_t n = 0;
	unsigned char *b = backup_bin("ori-backup-user-config.bin", sae_xml, &n, false);
	struct input in;
	assert_int_equal(parse_bytes(&in, b, n), 0);
	assert_int_equal(in.dev.nwifi, 2);
	assert_net(&in, 0, "A", NULL, true, WSEC_WPA2_WPA3, WCIPH_AES, "Lab-Key-0001");
	assert_int_equal(wifi_nth(&in, 0)->pmf, WPMF_UNSET);
	assert_string_equal(wifi_nth(&in, 0)->sec_label.s, "encryption psk_sae");
	assert_net(&in, 1, "B", NULL, true, WSEC_WPA2, WCIPH_AES, NULL);
	assert_int_equal(wifi_nth(&in, 1)->pmf, WPMF_REQUIRED);
	assert_int_equal(wifi_nth(&in, 1)->pmf_line, 17);
	assert_null(in.diags);
	input_free(&in);
	free(b);
}

/* ---- older conf.bin built here ------------------------------------------------ */

static const char tiny_xml[] =
	"<?xml version=\"1.0\"?>\n<DslCpeConfig>\n  <InternetGatewayDevice>\n"
	"    <LANDevice instance=1 >\n      <WLANConfiguration instance=1 >\n"
	"        <SSID val=\"Cafe &amp; Bar\" />\n        <BeaconType val=None />\n"
	"      </WLANConfiguration>\n    </LANDevice>\n  </InternetGatewayDevice>\n</DslCpeConfig>\n";

static void test_conf_no_enable(void **state)
{
	(void)state;
	size_t n = 0;
	unsigned char *b = conf_bin(tiny_xml, sizeof(tiny_xml) - 1, &n);
	struct input in;
	assert_int_equal(parse_bytes(&in, b, n), 0);
	assert_int_equal(in.dev.nwifi, 1);
	assert_net(&in, 0, "Cafe & Bar", NULL, true, WSEC_OPEN, WCIPH_UNSET, NULL);
	assert_int_equal(wifi_nth(&in, 0)->line, 6);
	assert_non_null(in.diags);
	assert_int_equal(in.diags->level, DIAG_NOTE);
	assert_int_equal(in.diags->line, 5);
	assert_non_null(strstr(in.diags->msg, "no Enable value"));
	assert_null(in.dev.model.s);
	input_free(&in);
	free(b);
}

static void test_conf_wrong_checksum(void **state)
{
	(void)state;
	size_t n = 0;
	unsigned char *b = conf_bin(tiny_xml, sizeof(tiny_xml) - 1, &n);
	b[40] ^= 0x01;
	struct input in;
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "the MD5 checksum in the first 16 bytes does not match",
		     "MD5 チェックサムが復号した残りの部分と一致しません");
	input_free(&in);
	free(b);
}

static void test_conf_truncated(void **state)
{
	(void)state;
	size_t n = 0;
	unsigned char *b = conf_bin(tiny_xml, sizeof(tiny_xml) - 1, &n);
	struct input in;
	assert_int_equal(parse_bytes(&in, b, n - 3), EL_EPARSE);
	/* A short head is not recognised at all. */
	assert_error(&in, "not a TP-Link backup", "TP-Link のバックアップではありません");
	input_free(&in);
	/* Cut at a block boundary: the checksum no longer matches. */
	assert_int_equal(parse_bytes(&in, b, n - 8), EL_EPARSE);
	assert_error(&in, "MD5 checksum", "MD5 チェックサム");
	input_free(&in);
	/* Forced on bytes that do not fill a DES block. */
	assert_int_equal(parse_as(&in, "tplink", "x.bin", (const char *)b, 20), EL_EPARSE);
	assert_error(&in, "not a TP-Link backup", "TP-Link のバックアップではありません");
	input_free(&in);
	free(b);
}

static void test_conf_bad_compression(void **state)
{
	(void)state;
	struct input in;
	size_t n = 0;
	/* size 100, '<', flags 1 (match) 0 0 (length 4) 0 0 (high 0), low 5:
	 * distance 6 with one byte out. */
	static const unsigned char before[] = {100, 0, 0, 0, '<', 0x00, 0x80, 5};
	unsigned char *b = conf_bin(before, sizeof(before), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "a match points before the start of the data",
		     "一致の参照先がデータの先頭より前を指しています");
	input_free(&in);
	free(b);
	/* 16 literals announced, 3 given. */
	static const unsigned char shortd[] = {100, 0, 0, 0, '<', 0x00, 0x00, 'a', 'b', 'c'};
	b = conf_bin(shortd, sizeof(shortd), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "the data ends before the declared size is reached",
		     "宣言された大きさに達する前にデータが終わっています");
	input_free(&in);
	free(b);
	/* A code of ones that never ends. */
	unsigned char longc[64] = {100, 0, 0, 0, '<'};
	memset(longc + 5, 0xFF, sizeof(longc) - 5);
	b = conf_bin(longc, sizeof(longc), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "a length or distance code is longer than 24 bits",
		     "長さか距離の符号が 24 ビットを超えています");
	input_free(&in);
	free(b);
}

static void test_conf_oversize(void **state)
{
	(void)state;
	struct input in;
	size_t n = 0;
	static const unsigned char huge[] = {0xFF, 0xFF, 0xFF, 0x7F, '<', 0, 0, 'a'};
	unsigned char *b = conf_bin(huge, sizeof(huge), &n);
	/* Not recognised (no plausible size); read as TP-Link, the size is named. */
	assert_int_equal(tplink_probe_for_test(b, n), 0);
	assert_int_equal(parse_bytes(&in, b, n), EL_ETOOBIG);
	assert_error(&in, "declare a size of 2147483647 bytes: zero, or over the limit of 16777216",
		     "2147483647 バイトと宣言されています: 0 か、上限の 16777216");
	input_free(&in);
	free(b);
	/* 17 MiB little-endian, 4097 big-endian: the big-endian reading is
	 * tried and fails on its data, the other is over the limit. */
	static const unsigned char big[24] = {0x00, 0x00, 0x10, 0x01, '<', 0, 0, 'a'};
	b = conf_bin(big, sizeof(big), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "the data ends before", "データが終わっています");
	input_free(&in);
	free(b);
	/* 1 MiB (little-endian) or 4096 bytes (big-endian) from 8: more than
	 * 256 times either way, not allocated; the smaller claim is named. */
	static const unsigned char bomb[] = {0x00, 0x00, 0x10, 0x00, '<', 0, 0, 'a'};
	b = conf_bin(bomb, sizeof(bomb), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_ETOOBIG);
	assert_error(&in, "(8 bytes) claim to expand to 4096 bytes, more than 256 times",
		     "上限の 256 倍を超えています");
	input_free(&in);
	free(b);
	/* The file itself over the limit. */
	char *z = calloc((8u << 20) + 8, 1);
	assert_non_null(z);
	assert_int_equal(parse_bytes(&in, z, (8u << 20) + 8), EL_ETOOBIG);
	assert_error(&in, "over the limit of 8388608 bytes", "上限の 8388608 バイト");
	input_free(&in);
	free(z);
}

static void test_conf_bad_xml(void **state)
{
	(void)state;
	static const char bad[] = "<?xml version=\"1.0\"?>\n<DslCpeConfig>\n<A val=1 >\n</B>\n";
	size_t n = 0;
	unsigned char *b = conf_bin(bad, sizeof(bad) - 1, &n);
	struct input in;
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "not well-formed XML at line 4: an end tag does not match its start tag",
		     "4 行目が XML として正しくありません: 終了タグが開始タグと対応していません");
	assert_null(strstr(in.error_ja, "end tag"));
	input_free(&in);
	free(b);
	static const char deep_head[] = "<?xml version=\"1.0\"?>\n";
	char *deep = malloc(sizeof(deep_head) + 70 * 4);
	assert_non_null(deep);
	strcpy(deep, deep_head);
	for (int i = 0; i < 70; i++)
		strcat(deep, "<a>");
	b = conf_bin(deep, strlen(deep), &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_ETOOBIG);
	assert_error(&in, "nests deeper than 64 levels", "上限の 64 段");
	input_free(&in);
	free(b);
	free(deep);
	static const char noigd[] = "<?xml version=\"1.0\"?>\n<DslCpeConfig>\n</DslCpeConfig>\n";
	b = conf_bin(noigd, sizeof(noigd) - 1, &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "no InternetGatewayDevice element", "InternetGatewayDevice 要素がありません");
	input_free(&in);
	free(b);
}

/* ---- newer backup .bin built here ---------------------------------------------- */

static const char uci_xml[] = "<?xml version=\"1.0\"?>\n<config>\n<wireless>\n"
			      "<wifi-iface name=\"ath0\">\n<ssid>Lab</ssid>\n<enable>on</enable>\n"
			      "<encryption>psk</encryption>\n<psk_version>wpa</psk_version>\n"
			      "<psk_key>Lab-Key-0001</psk_key>\n</wifi-iface>\n"
			      "<wifi-iface name=\"ath1\">\n<ssid>Odd</ssid>\n<enable>1</enable>\n"
			      "<encryption>sae</encryption>\n</wifi-iface>\n</wireless>\n</config>\n";

static void test_backup_built(void **state)
{
	(void)state;
	size_t n = 0;
	unsigned char *b = backup_bin("ori-backup-user-config.bin", uci_xml, &n, false);
	struct input in;
	assert_int_equal(tplink_probe_for_test(b, n), 90);
	assert_int_equal(parse_bytes(&in, b, n), 0);
	assert_int_equal(in.dev.nwifi, 2);
	/* no psk_cipher: both; no device: no band */
	assert_net(&in, 0, "Lab", NULL, true, WSEC_WPA, WCIPH_TKIP_AES, "Lab-Key-0001");
	assert_net(&in, 1, "Odd", NULL, true, WSEC_UNKNOWN, WCIPH_UNSET, NULL);
	assert_non_null(in.diags);
	assert_int_equal(in.diags->line, 14);
	assert_non_null(strstr(in.diags->msg, "encryption 'sae' is not a value edgelint knows"));
	input_free(&in);
	free(b);
}

static void test_backup_malformed(void **state)
{
	(void)state;
	struct input in;
	size_t n = 0;
	unsigned char *b = backup_bin("ori-backup-user-config.bin", uci_xml, &n, false);
	/* cut short */
	assert_int_equal(parse_as(&in, "tplink", "x.bin", (const char *)b, n - 5), EL_EPARSE);
	assert_error(&in, "not a TP-Link backup", "TP-Link のバックアップではありません");
	input_free(&in);
	/* bad padding: the last block's last byte changed */
	b[n - 1] ^= 0x5A;
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "the backup: AES decryption failed (bad padding)",
		     "バックアップ: AES の復号に失敗しました（パディングが不正です）");
	assert_null(strstr(in.error_ja, "the backup"));
	input_free(&in);
	free(b);
	/* a bad tar header checksum */
	b = backup_bin("ori-backup-user-config.bin", uci_xml, &n, true);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "damaged member header at byte 16", "ヘッダが壊れています");
	input_free(&in);
	free(b);
	/* no settings member */
	b = backup_bin("ori-backup-certificate.bin", uci_xml, &n, false);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "has no settings member ori-backup-user-config.bin",
		     "設定のメンバー ori-backup-user-config.bin がありません");
	input_free(&in);
	free(b);
}

static void test_backup_zlib(void **state)
{
	(void)state;
	struct input in;
	/* The member's zlib data damaged (a valid outer container). */
	size_t mn = 0, tn = 0, n = 0;
	unsigned char garbage[64];
	memset(garbage, 0xFF, sizeof(garbage));
	garbage[0] = 0x78;
	garbage[1] = 0x9C;
	unsigned char *m = malloc(sizeof(garbage) + 32);
	assert_non_null(m);
	mn = encrypt(EVP_aes_256_cbc(), k_aes, k_iv, true, garbage, sizeof(garbage), m);
	unsigned char *t = tar_one("./ori-backup-user-config.bin", m, mn, &tn, false);
	unsigned char *b = aes_zlib(t, tn, &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_EPARSE);
	assert_error(&in, "ori-backup-user-config.bin: the zlib data is damaged",
		     "ori-backup-user-config.bin: zlib のデータが壊れています");
	input_free(&in);
	free(b);
	free(t);
	free(m);
	/* A member that inflates past the 16 MiB limit. */
	size_t big = (16u << 20) + 4096;
	char *zeros = calloc(big, 1);
	assert_non_null(zeros);
	memcpy(zeros, "<?xml", 5);
	m = aes_zlib(zeros, big, &mn);
	free(zeros);
	t = tar_one("ori-backup-user-config.bin", m, mn, &tn, false);
	b = aes_zlib(t, tn, &n);
	assert_int_equal(parse_bytes(&in, b, n), EL_ETOOBIG);
	assert_error(&in, "ori-backup-user-config.bin: decompresses to more than 16777216 bytes",
		     "上限の 16777216 バイトを超えます");
	input_free(&in);
	free(b);
	free(t);
	free(m);
}

static void test_detect(void **state)
{
	(void)state;
	size_t n = 0;
	char *b = slurp(SAMPLES "archer-c20-v5_conf_wpa2-aes_remote-admin.bin", &n);
	assert_ptr_equal(parser_detect(b, n), parser_by_name("tplink"));
	free(b);
	b = slurp(SAMPLES "backup-ArcherAX55-2026-10-01_wpa2-aes.bin", &n);
	assert_ptr_equal(parser_detect(b, n), parser_by_name("tplink"));
	free(b);
	static const char text[] = "wl0_ssid=home\nwl0_akm=psk2\nlan_ipaddr=192.168.1.1\n";
	assert_int_equal(parser_by_name("tplink")->probe(text, sizeof(text) - 1), 0);
	unsigned char noise[256];
	for (size_t i = 0; i < sizeof(noise); i++)
		noise[i] = (unsigned char)(i * 37 + 11);
	assert_int_equal(tplink_probe_for_test(noise, sizeof(noise)), 0);
	struct input in;
	assert_int_equal(parse_bytes(&in, noise, sizeof(noise)), EL_EPARSE);
	assert_error(&in, "not a TP-Link backup: neither the older conf.bin (DES) nor the newer",
		     "旧形式の conf.bin（DES）としても新形式の");
	input_free(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_c20),
		cmocka_unit_test(test_sample_wr841n),
		cmocka_unit_test(test_sample_c50_uncompressed),
		cmocka_unit_test(test_sample_ax55),
		cmocka_unit_test(test_sample_c7),
		cmocka_unit_test(test_sample_ax73),
		cmocka_unit_test(test_backup_sae_pmf),
		cmocka_unit_test(test_conf_no_enable),
		cmocka_unit_test(test_conf_wrong_checksum),
		cmocka_unit_test(test_conf_truncated),
		cmocka_unit_test(test_conf_bad_compression),
		cmocka_unit_test(test_conf_oversize),
		cmocka_unit_test(test_conf_bad_xml),
		cmocka_unit_test(test_backup_built),
		cmocka_unit_test(test_backup_malformed),
		cmocka_unit_test(test_backup_zlib),
		cmocka_unit_test(test_detect),
	};
	return cmocka_run_group_tests_name("tplink", tests, group_setup, group_teardown);
}
