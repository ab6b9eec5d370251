/*
 * tplink.c — TP-Link configuration backups (kind "tplink"), read directly
 * from the encrypted file the router's web page saves, in two generations.
 * Our own decoder, written from the public descriptions below (no code of
 * the tools named was copied; those under the GPL were not read for code).
 *
 * Older models (TL-WR, Archer C2/C20/C50/C60, VR, TD-W): "conf.bin"
 * ("System Tools > Backup & Restore > Backup", sta-c0000/tpconf_bin_xml
 * README.md):
 *  1. the whole file is DES-ECB with the fixed key 478DA50BF9E3D2CF, no
 *     padding of DES's own (the file is a multiple of 8 bytes):
 *     teknoraver.net/software/hacks/tplink (Matteo Croce, "TP-Link
 *     configuration file decrypt", matteocroce.it/blog/tplink), the
 *     RE200 write-up (resolverblog.blogspot.com/2020/03/tp-link-re200-
 *     configbin-decryption-and.html: `openssl enc -d -des-ecb -nopad -K
 *     478DA50BF9E3D2CF`) and tpconf_bin_xml's README (rdp_backupCfg →
 *     cen_desMinDo, cen_md5VerifyDigest, cen_uncompressBuff);
 *  2. bytes 0-15 of the plain text are the MD5 of the rest: of all of it
 *     (RE200 write-up: "md5 hashing … from the 0x10 offset until the end
 *     of the file") or of it before the zero bytes that pad it to 8
 *     (0x20.ru/posts/2016/May/fixing-tp-link-login.html: "prepend the file
 *     by its MD5 sum and … pad with null bytes to the next 8 byte
 *     boundary"); both are accepted (two public conf.bin files checked
 *     here locally, a TL-WR841N v14 and an Archer C5v v1, use one each);
 *  3. the rest is TP-Link's own compression (encode.su thread 3005
 *     "TP-LINK router config compression": an LZSS with "interlaced
 *     Exp-Golomb" codes; jahed.dev/2021/12/21 "Creating a TP-Link Router
 *     Backup Editor for the Web" for the order of the steps): a 32-bit
 *     uncompressed size (little- or big-endian, as the router's CPU —
 *     the Archer C5v file above is big-endian), the first byte as it is,
 *     then flag bits read most significant first from 16-bit
 *     little-endian words taken from the same byte stream when needed: 0
 *     = the next byte as it is; 1 = a match, whose length is a code + 2
 *     and whose distance is ((code - 2) << 8) + the next byte + 1, a code
 *     being v = 1 then repeatedly v = 2v + bit while the following bit is
 *     1. Some models store the XML uncompressed ("Some TP-LINK routers
 *     just don't have the compression stage", same thread): a payload
 *     starting with "<?xml" or "<DslCpeConfig" is taken as it is;
 *  4. the XML is TR-098 (Broadband Forum TR-098 InternetGatewayDevice) in
 *     TP-Link's dialect: `<Name val=value />`, values quoted only when
 *     they hold blanks, objects `<Name instance=N >`. Read: DeviceInfo
 *     ModelName / HardwareVersion ("TL-WR841N v14 00000014") and
 *     SoftwareVersion; LANDevice/WLANConfiguration Enable, SSID,
 *     BeaconType (None, Basic, WPA, 11i, WPAand11i, Basicand…),
 *     BasicEncryptionModes (None, WEPEncryption), WPA/IEEE11i
 *     EncryptionModes (AESEncryption, TKIPEncryption,
 *     TKIPandAESEncryption) and AuthenticationMode (PSKAuthentication,
 *     EAPAuthentication), X_TP_PreSharedKey, X_TP_Band, WPS/Enable,
 *     DeviceOperationMode; the guest network X_TP_MultiSSID/
 *     MultiSSIDEntry named by X_TP_GuestNetwork Name when its Enable is 1;
 *     X_TP_AppCfg HttpCfg/HttpRemoteEnabled and HttpRemotePort (web admin
 *     from the WAN), UPnPCfg/Enable, DynDnsCfg/NoipDnsCfg (their
 *     passwords registered as secrets; Enable 1 is DDNS on, a sign of a
 *     hijacked router when the owner did not set it up, issue 14 §3). The layout was read in public
 *     conf.xml files (a TL-WR850N v1 in the code index and the two files
 *     of step 2; none is committed: they are real owners' files).
 *     TP-Link writes only values that differ from the model's defaults
 *     (the TL-WR850N's 5 GHz network has no Enable): a network without
 *     Enable is judged as on, with a note, so an open one is never missed.
 *
 * Newer OpenWrt-based models (Archer C7 v5, C2300, AX series):
 * "backup-<Model>-<date>.bin":
 *  1. the file is AES-256-CBC (PKCS#7 padding) with the fixed key
 *     2EB38F7E…427F7836 and IV 360028C9…27D299F6 from the firmware's
 *     crypto.lua (knirch/TPLink-ArcherAX1500 README.md and sterling.py,
 *     public domain; the same values in a public AX5400 Makefile);
 *  2. zlib; the first 16 bytes of the result are skipped (sterling.py
 *     `[16:]`; the AX5400 Makefile keeps them as header.bin) and the rest
 *     is a tar archive;
 *  3. each regular member is encrypted and compressed the same way; the
 *     settings are `ori-backup-user-config.bin` (CVE-2022-30075 write-ups,
 *     the AX1500 README), other members (certificates) are not read;
 *  4. its XML mirrors /etc/config: `<package><type name="section">
 *     <option>value</option>…`. Read: wireless wifi-iface options
 *     (TP-Link's, from the Archer C7 v5 GPL tree's lib/wifi/tplink.sh
 *     wifi_fixup_encryption / wifi_fixup_config, 2key2222/tp-link):
 *     enable (UCI boolean, default off), mode, ssid, device (its
 *     wifi-device's band), guest, encryption none / psk / wpa / wep;
 *     psk_version wpa (WPA1), wpa2 or rsn (WPA2), anything else both;
 *     psk_cipher aes or ccmp (AES), tkip, anything else both; psk_key;
 *     the same with wpa_ for 802.1X; wps (default off). WPA3 (the AX
 *     models' lib/wifi/tplink.sh, wifi_fixup_encryption's "For WPA3
 *     support" case, and the MediaTek-based models' config_wps_setting):
 *     encryption psk_sae with psk_version sae_only is SAE only (the
 *     script sets encryption ccmp and switches WPS off), any other
 *     psk_version (sae_transition) WPA2/WPA3 transition mode (psk2+ccmp);
 *     the cipher is AES either way. PMF: the option ieee80211w (0 off, 1
 *     optional, 2 required) that the firmware's QSDK hostapd.sh reads from
 *     the same wifi-iface (config_get ieee80211w "$vif" ieee80211w); TP-Link
 *     writes only options that are set, so without it PMF is not stated
 *     (the check then says nothing about it). ddns
 *     service passwords are registered as secrets; a service with
 *     enabled on is DDNS on (issue 14 §3). The device's model and
 *     firmware are not in this XML (the backup's file name holds the model
 *     and is not read): 5-3 says what is missing.
 *
 * Lines: evidence and diagnostics about settings name lines of the
 * decoded XML; problems of the container name byte offsets in the file.
 * Secrets: every value whose element names a password, key, PIN or
 * passphrase is registered at once; the decoded buffers are wiped
 * (OPENSSL_cleanse) before they are freed; nothing printed quotes a value
 * of such an element or the keys above.
 *
 * Length: one file per input format (docs/adding-a-vendor.md). Two backup
 * generations (DES with TP-Link's own compression; AES with zlib and a tar
 * of encrypted members), a small bounded XML reader and the TR-098 and
 * UCI-like field mapping share one parser state and its limits.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/provider.h>
#include <zlib.h>

#include "parsers.h"
#include "tplink.h"

#define des_key tplink_des_key
#define aes_key tplink_aes_key
#define aes_iv tplink_aes_iv

/* ---- limits ----------------------------------------------------------------- */

/* Real backups are 5-200 KB; the decoded XML 40-400 KB. */
#define TPL_MAX_BYTES (8u << 20)      /* the backup file */
#define TPL_MAX_XML (16u << 20)       /* a decoded XML or the outer tar */
#define TPL_MAX_MEMBERS 256           /* tar members looked at */
#define TPL_MAX_NODES 500000          /* XML elements */
#define TPL_MAX_DEPTH 64              /* XML nesting */
#define TPL_MAX_NETS 64               /* Wi-Fi networks */
#define TPL_CODE_BITS 24              /* bits of one length/distance code */
/* Decompressed size per compressed byte: real files have 7 (42297 from
 * 6064, 79333 from 11760); a larger claim is not allocated. */
#define TPL_MAX_RATIO 256
#define TPL_PROBE_AES 4096            /* bytes of the head the probe decrypts */

const unsigned char tplink_des_key[8] = {0x47, 0x8D, 0xA5, 0x0B, 0xF9, 0xE3, 0xD2, 0xCF};
const unsigned char tplink_aes_key[32] = {
	0x2E, 0xB3, 0x8F, 0x7E, 0xC4, 0x1D, 0x4B, 0x8E, 0x14, 0x22, 0x80, 0x5B, 0xCD, 0x5F, 0x74, 0x0B,
	0xC3, 0xB9, 0x5B, 0xE1, 0x63, 0xE3, 0x9D, 0x67, 0x57, 0x9E, 0xB3, 0x44, 0x42, 0x7F, 0x78, 0x36};
const unsigned char tplink_aes_iv[16] = {0x36, 0x00, 0x28, 0xC9, 0x06, 0x42, 0x42, 0xF8,
				     0x10, 0x74, 0xF4, 0xC1, 0x27, 0xD2, 0x99, 0xF6};

enum tpl_gen { TPL_NONE, TPL_DES, TPL_AES };

/* ---- buffers that hold decrypted bytes ---------------------------------------- */

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void buf_wipe(struct buf *b)
{
	if (b->p) {
		OPENSSL_cleanse(b->p, b->cap);
		free(b->p);
	}
	*b = (struct buf){0};
}

static int buf_alloc(struct buf *b, size_t cap)
{
	b->p = malloc(cap ? cap : 1);
	b->cap = cap ? cap : 1;
	b->n = 0;
	return b->p ? 0 : EL_ENOMEM;
}

/* ---- crypto --------------------------------------------------------------------- */

/* DES lives in OpenSSL 3's legacy provider: loaded once into a library
 * context of our own, so the rest of the process keeps the defaults. */
static const EVP_CIPHER *des_ecb(void)
{
	static OSSL_LIB_CTX *lctx;
	static EVP_CIPHER *c;
	static bool tried;
	if (!tried) {
		tried = true;
		lctx = OSSL_LIB_CTX_new();
		if (lctx && OSSL_PROVIDER_load(lctx, "legacy"))
			c = EVP_CIPHER_fetch(lctx, "DES-ECB", NULL);
	}
	return c;
}

/* Decrypts n bytes (a whole number of blocks) into out (n bytes); with
 * pad, PKCS#7 padding is checked and removed. *outn: bytes produced.
 * Returns 0, or -1 (bad padding, a library failure). */
static int decrypt(const EVP_CIPHER *c, const unsigned char *key, const unsigned char *iv,
		   const unsigned char *in, size_t n, bool pad, unsigned char *out, size_t *outn)
{
	*outn = 0;
	if (!c || n > INT_MAX)
		return -1;
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0, ok = x && EVP_DecryptInit_ex(x, c, NULL, key, iv) &&
				 EVP_CIPHER_CTX_set_padding(x, pad ? 1 : 0) &&
				 EVP_DecryptUpdate(x, out, &l1, in, (int)n) &&
				 EVP_DecryptFinal_ex(x, out + l1, &l2);
	EVP_CIPHER_CTX_free(x);
	if (!ok)
		return -1;
	*outn = (size_t)l1 + (size_t)l2;
	return 0;
}

static bool md5_is(const unsigned char *want, const unsigned char *p, size_t n)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdn = 0;
	return EVP_Digest(p, n, md, &mdn, EVP_md5(), NULL) && mdn == 16 &&
	       CRYPTO_memcmp(md, want, 16) == 0;
}

/* ---- TP-Link's compression (older models) ------------------------------------ */

struct bits {
	const unsigned char *p;
	size_t n, pos;
	unsigned word, left;
	bool eof;
};

static unsigned bit(struct bits *b)
{
	if (b->left == 0) {
		if (b->n - b->pos < 2) {
			b->eof = true;
			return 0;
		}
		b->word = (unsigned)b->p[b->pos] | (unsigned)b->p[b->pos + 1] << 8;
		b->pos += 2;
		b->left = 16;
	}
	b->left--;
	return (b->word >> b->left) & 1u;
}

/* v = 1, then v = 2v + bit while the next bit is 1; 0 when the code is
 * longer than TPL_CODE_BITS or the data ends. */
static size_t code(struct bits *b)
{
	size_t v = 1;
	for (unsigned i = 0; i < TPL_CODE_BITS; i++) {
		v = v * 2 + bit(b);
		if (!bit(b))
			return b->eof ? 0 : v;
		if (b->eof)
			return 0;
	}
	return 0;
}

enum unz { UNZ_OK, UNZ_SHORT, UNZ_DIST, UNZ_CODE, UNZ_OVER };

/* Decompresses src (n bytes, after the size) into out (size bytes). *at:
 * the source offset where it stopped, for messages. */
static enum unz tp_uncompress(const unsigned char *src, size_t n, unsigned char *out, size_t size,
			      size_t *at)
{
	struct bits b = {.p = src, .n = n};
	size_t o = 0;
	*at = 0;
	if (size == 0)
		return UNZ_OK;
	if (n < 1)
		return UNZ_SHORT;
	out[o++] = src[b.pos++];
	while (o < size) {
		unsigned f = bit(&b);
		*at = b.pos;
		if (b.eof)
			return UNZ_SHORT;
		if (!f) {
			if (b.pos >= n)
				return UNZ_SHORT;
			out[o++] = src[b.pos++];
			continue;
		}
		size_t len = code(&b), hi = len ? code(&b) : 0;
		if (!len || !hi)
			return b.eof ? UNZ_SHORT : UNZ_CODE;
		if (b.pos >= n)
			return UNZ_SHORT;
		len += 2;
		size_t dist = ((hi - 2) << 8) + src[b.pos++] + 1;
		*at = b.pos;
		if (dist > o)
			return UNZ_DIST;
		if (len > size - o)
			return UNZ_OVER;
		for (size_t k = 0; k < len; k++, o++)
			out[o] = out[o - dist];
	}
	*at = b.pos;
	return UNZ_OK;
}

/* ---- zlib (newer models) ----------------------------------------------------- */

enum inf { INF_OK, INF_BAD, INF_SHORT, INF_BIG, INF_MEM };

/* Inflates a zlib stream into out (allocated, up to max bytes). */
static enum inf inflate_all(const unsigned char *p, size_t n, size_t max, struct buf *out)
{
	z_stream z = {0};
	if (n > UINT_MAX || inflateInit(&z) != Z_OK)
		return INF_MEM;
	size_t cap = n * 4 < 65536 ? 65536 : n * 4;
	if (cap > max)
		cap = max;
	if (buf_alloc(out, cap)) {
		inflateEnd(&z);
		return INF_MEM;
	}
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (unsigned)n;
	enum inf r = INF_OK;
	for (;;) {
		if (out->n == out->cap) {
			if (out->cap >= max) {
				r = INF_BIG;
				break;
			}
			size_t nc = out->cap * 2 > max ? max : out->cap * 2;
			unsigned char *np = malloc(nc);
			if (!np) {
				r = INF_MEM;
				break;
			}
			memcpy(np, out->p, out->n);
			OPENSSL_cleanse(out->p, out->cap);
			free(out->p);
			out->p = np;
			out->cap = nc;
		}
		size_t room = out->cap - out->n;
		z.next_out = out->p + out->n;
		z.avail_out = room > UINT_MAX ? UINT_MAX : (unsigned)room;
		unsigned before = z.avail_out;
		int zr = inflate(&z, Z_NO_FLUSH);
		out->n += before - z.avail_out;
		if (zr == Z_STREAM_END)
			break;
		if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || zr == Z_STREAM_ERROR) {
			r = INF_BAD;
			break;
		}
		if (zr == Z_MEM_ERROR) {
			r = INF_MEM;
			break;
		}
		if (z.avail_in == 0 && z.avail_out != 0) {
			r = INF_SHORT;
			break;
		}
	}
	inflateEnd(&z);
	return r;
}

/* ---- detection ---------------------------------------------------------------- */

static bool starts(const unsigned char *p, size_t n, const char *s)
{
	size_t l = strlen(s);
	return n >= l && memcmp(p, s, l) == 0;
}

static uint32_t rd32le(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint32_t rd32be(const unsigned char *p)
{
	return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
}

static bool size_ok(uint32_t s)
{
	return s > 0 && s <= TPL_MAX_XML;
}

/* The first plain block after the MD5 (bytes 16-23): XML, or a plausible
 * size and the XML's '<' as the first byte. */
static bool des_block_ok(const unsigned char *b)
{
	if (starts(b, 8, "<?xml") || starts(b, 8, "<DslCpe"))
		return true;
	return b[4] == '<' && (size_ok(rd32le(b)) || size_ok(rd32be(b)));
}

/* strict: as the probe asks; else (a file read as TP-Link anyway) the
 * XML's '<' after any size is enough, so a size out of range is named. */
static bool des_probe(const unsigned char *p, size_t n, bool strict)
{
	unsigned char blk[8];
	size_t got = 0;
	if (n < 24 || n % 8)
		return false;
	bool ok = decrypt(des_ecb(), des_key, NULL, p + 16, 8, false, blk, &got) == 0 && got == 8 &&
		  (des_block_ok(blk) || (!strict && blk[4] == '<'));
	OPENSSL_cleanse(blk, sizeof(blk));
	return ok;
}

/* Decrypts the head (CBC needs no more), inflates what it can and looks
 * for the tar header's "ustar" after the 16 skipped bytes. */
static bool aes_probe(const unsigned char *p, size_t n)
{
	if (n < 32 || n % 16)
		return false;
	size_t m = n < TPL_PROBE_AES ? n : TPL_PROBE_AES;
	unsigned char plain[TPL_PROBE_AES], inf[1024];
	size_t got = 0;
	bool ok = false;
	if (decrypt(EVP_aes_256_cbc(), aes_key, aes_iv, p, m, false, plain, &got) == 0 &&
	    plain[0] == 0x78 && ((unsigned)plain[0] << 8 | plain[1]) % 31 == 0) {
		z_stream z = {0};
		if (inflateInit(&z) == Z_OK) {
			z.next_in = plain;
			z.avail_in = (unsigned)got;
			z.next_out = inf;
			z.avail_out = sizeof(inf);
			int zr = inflate(&z, Z_SYNC_FLUSH);
			size_t out = sizeof(inf) - z.avail_out;
			ok = (zr == Z_OK || zr == Z_STREAM_END || zr == Z_BUF_ERROR) &&
			     out >= 16 + 262 && memcmp(inf + 16 + 257, "ustar", 5) == 0;
			inflateEnd(&z);
		}
	}
	OPENSSL_cleanse(plain, sizeof(plain));
	OPENSSL_cleanse(inf, sizeof(inf));
	return ok;
}

static enum tpl_gen tpl_detect(const unsigned char *p, size_t n, bool strict)
{
	if (aes_probe(p, n))
		return TPL_AES;
	if (des_probe(p, n, strict))
		return TPL_DES;
	return TPL_NONE;
}

static int tplink_probe(const char *head, size_t n)
{
	return tpl_detect((const unsigned char *)head, n, true) != TPL_NONE ? 90 : 0;
}

/* ---- a small XML reader for TP-Link's two dialects --------------------------- */

struct xnode {
	const char *name;
	const char *val;          /* the val= attribute (TR-098), or NULL */
	const char *nattr;        /* the name= attribute (UCI sections), or NULL */
	const char *text;         /* text content (UCI options), or NULL */
	unsigned line;
	struct xnode *parent, *child, *last, *next;
};

struct xml {
	struct input *in;
	const char *s;
	size_t n, pos;
	unsigned line;
	size_t nodes;
	struct xnode root;
};

static bool xspace(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void xadvance(struct xml *x, size_t to)
{
	for (; x->pos < to; x->pos++)
		if (x->s[x->pos] == '\n')
			x->line++;
}

/* Copies s[0..n) into the arena with the five XML entities decoded. */
static char *xdup(struct xml *x, const char *s, size_t n)
{
	char *d = arena_alloc(&x->in->arena, n + 1);
	if (!d)
		return NULL;
	static const struct {
		const char *e;
		char c;
	} ents[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		bool done = false;
		for (size_t k = 0; s[i] == '&' && k < ARRAY_SIZE(ents); k++) {
			size_t l = strlen(ents[k].e);
			if (n - i >= l && memcmp(s + i, ents[k].e, l) == 0) {
				d[o++] = ents[k].c;
				i += l;
				done = true;
				break;
			}
		}
		if (!done)
			d[o++] = s[i++];
	}
	d[o] = '\0';
	return d;
}

static int xerr(struct xml *x, const char *what_en, const char *what_ja)
{
	input_fail(x->in, "the decoded settings are not well-formed XML at line %u: %s%.0s",
		   "復号した設定の %u 行目が XML として正しくありません: %.0s%s", x->line, what_en,
		   what_ja);
	return EL_EPARSE;
}

/* Reads the attributes of a start tag up to '>' or "/>". */
static int xattrs(struct xml *x, struct xnode *nd, bool *selfclose)
{
	const char *s = x->s;
	for (;;) {
		size_t i = x->pos;
		while (i < x->n && xspace(s[i]))
			i++;
		xadvance(x, i);
		if (i >= x->n)
			return xerr(x, "a tag is not closed", "タグが閉じていません");
		if (s[i] == '>') {
			xadvance(x, i + 1);
			return 0;
		}
		if (s[i] == '/' && i + 1 < x->n && s[i + 1] == '>') {
			*selfclose = true;
			xadvance(x, i + 2);
			return 0;
		}
		size_t ns = i;
		while (i < x->n && !xspace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/')
			i++;
		size_t ne = i;
		if (ne == ns || i >= x->n || s[i] != '=')
			return xerr(x, "an attribute has no value", "属性に値がありません");
		i++;
		size_t vs, ve;
		if (i < x->n && (s[i] == '"' || s[i] == '\'')) {
			const char *q = memchr(s + i + 1, s[i], x->n - i - 1);
			if (!q)
				return xerr(x, "a quoted value is not closed", "引用符で囲んだ値が閉じていません");
			vs = i + 1;
			ve = (size_t)(q - s);
			i = ve + 1;
		} else {
			/* TP-Link writes values without quotes unless they hold
			 * blanks: up to a blank or the end of the tag. */
			vs = i;
			while (i < x->n && !xspace(s[i]) && s[i] != '>' &&
			       !(s[i] == '/' && i + 1 < x->n && s[i + 1] == '>'))
				i++;
			ve = i;
		}
		const char **slot = NULL;
		if (ne - ns == 3 && memcmp(s + ns, "val", 3) == 0)
			slot = &nd->val;
		else if (ne - ns == 4 && memcmp(s + ns, "name", 4) == 0)
			slot = &nd->nattr;
		if (slot && !(*slot = xdup(x, s + vs, ve - vs)))
			return EL_ENOMEM;
		xadvance(x, i);
	}
}

/* Parses the whole text into x->root's children. */
static int xml_parse(struct xml *x)
{
	const char *s = x->s;
	struct xnode *cur = &x->root;
	unsigned depth = 0;
	while (x->pos < x->n) {
		const char *lt = memchr(s + x->pos, '<', x->n - x->pos);
		size_t at = lt ? (size_t)(lt - s) : x->n;
		/* Text before the tag: an option's value (kept when the
		 * element has no children). */
		if (cur != &x->root && !cur->child && at > x->pos) {
			size_t a = x->pos, b = at;
			while (a < b && xspace(s[a]))
				a++;
			while (b > a && xspace(s[b - 1]))
				b--;
			if (b > a && !(cur->text = xdup(x, s + a, b - a)))
				return EL_ENOMEM;
		}
		xadvance(x, at);
		if (!lt)
			break;
		size_t i = at + 1;
		if (i < x->n && (s[i] == '?' || s[i] == '!')) {
			const char *e = s[i] == '!' && x->n - i >= 3 && memcmp(s + i, "!--", 3) == 0
						? memmem(s + i, x->n - i, "-->", 3)
						: memchr(s + i, '>', x->n - i);
			if (!e)
				return xerr(x, "a declaration or comment is not closed", "宣言かコメントが閉じていません");
			xadvance(x, (size_t)(e - s) + 1);
			continue;
		}
		if (i < x->n && s[i] == '/') {
			size_t ns = i + 1, ne = ns;
			while (ne < x->n && !xspace(s[ne]) && s[ne] != '>')
				ne++;
			const char *gt = memchr(s + ne, '>', x->n - ne);
			if (!gt)
				return xerr(x, "an end tag is not closed", "終了タグが閉じていません");
			if (cur == &x->root || strlen(cur->name) != ne - ns ||
			    memcmp(cur->name, s + ns, ne - ns) != 0)
				return xerr(x, "an end tag does not match its start tag", "終了タグが開始タグと対応していません");
			cur = cur->parent;
			depth--;
			xadvance(x, (size_t)(gt - s) + 1);
			continue;
		}
		size_t ns = i, ne = i;
		while (ne < x->n && !xspace(s[ne]) && s[ne] != '>' && s[ne] != '/')
			ne++;
		if (ne == ns)
			return xerr(x, "a tag has no name", "タグに名前がありません");
		if (++x->nodes > TPL_MAX_NODES) {
			input_fail(x->in, "the settings have more than %u XML elements (the limit)",
				   "設定の XML 要素が上限の %u 個を超えています", TPL_MAX_NODES);
			return EL_ETOOBIG;
		}
		struct xnode *nd = arena_alloc(&x->in->arena, sizeof(*nd));
		if (!nd || !(nd->name = arena_strndup(&x->in->arena, s + ns, ne - ns)))
			return EL_ENOMEM;
		nd->line = x->line;
		nd->parent = cur;
		if (cur->last)
			cur->last->next = nd;
		else
			cur->child = nd;
		cur->last = nd;
		cur->text = NULL;
		xadvance(x, ne);
		bool selfclose = false;
		int rc = xattrs(x, nd, &selfclose);
		if (rc)
			return rc;
		if (!selfclose) {
			if (++depth > TPL_MAX_DEPTH) {
				input_fail(x->in, "the settings' XML nests deeper than %u levels (the limit)",
					   "設定の XML の入れ子が上限の %u 段を超えています", TPL_MAX_DEPTH);
				return EL_ETOOBIG;
			}
			cur = nd;
		}
	}
	if (cur != &x->root)
		return xerr(x, "the document ends inside an element", "要素の途中で文書が終わっています");
	return 0;
}

static const struct xnode *xchild(const struct xnode *n, const char *name)
{
	for (const struct xnode *c = n ? n->child : NULL; c; c = c->next)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* The first element named name anywhere under n (document order). */
static const struct xnode *xfind(const struct xnode *n, const char *name)
{
	for (const struct xnode *c = n ? n->child : NULL; c; c = c->next) {
		if (strcmp(c->name, name) == 0)
			return c;
		const struct xnode *r = xfind(c, name);
		if (r)
			return r;
	}
	return NULL;
}

/* The val= of child name (TR-098) or its text (UCI option). */
static const char *xval(const struct xnode *n, const char *name, unsigned *line)
{
	const struct xnode *c = xchild(n, name);
	if (!c)
		return NULL;
	if (line)
		*line = c->line;
	return c->val ? c->val : c->text ? c->text : "";
}

/* ---- secrets --------------------------------------------------------------------- */

static bool secret_name(const char *name)
{
	static const char *const subs[] = {"Password", "password", "Pwd", "pwd", "PreSharedKey",
					   "Passphrase", "passphrase", "psk_key", "wpa_key",
					   "wep_key", "Secret", "secret", "DevicePassword", "PIN"};
	for (size_t i = 0; i < ARRAY_SIZE(subs); i++)
		if (strstr(name, subs[i]))
			return true;
	return strcmp(name, "WEPKey") == 0 || strcmp(name, "key") == 0 ||
	       strcmp(name, "KeyPassphrase") == 0;
}

static int register_secrets(struct input *in, const struct xnode *n)
{
	for (const struct xnode *c = n->child; c; c = c->next) {
		const char *v = c->val ? c->val : c->text;
		if (v && *v && secret_name(c->name)) {
			int rc = input_add_secret(in, v, strlen(v));
			if (rc)
				return rc;
		}
		int rc = register_secrets(in, c);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- the model: shared --------------------------------------------------------- */

struct tpl {
	struct input *in;
	enum tpl_gen gen;
	unsigned skipped_nets;     /* networks past TPL_MAX_NETS */
};

/* A new network linked to the device, or NULL: past TPL_MAX_NETS (*err
 * 0, counted) or out of memory (*err EL_ENOMEM). */
static struct wifi_net *net_new(struct tpl *t, const char *ssid, unsigned line, int *err)
{
	struct input *in = t->in;
	*err = 0;
	if (in->dev.nwifi >= TPL_MAX_NETS) {
		t->skipped_nets++;
		return NULL;
	}
	struct wifi_net *w = arena_alloc(&in->arena, sizeof(*w));
	if (!w) {
		*err = EL_ENOMEM;
		return NULL;
	}
	w->ssid = (struct sval){ssid, line};
	w->line = line;
	w->is_ap = true;
	*in->dev.wifi_tail = w;
	in->dev.wifi_tail = &w->next;
	in->dev.nwifi++;
	return w;
}

static int set_pass(struct tpl *t, struct wifi_net *w, const char *v, unsigned line)
{
	if (!v || !*v || !wifi_sec_is_personal(w->sec))
		return 0;
	w->pass = v;
	w->pass_len = strlen(v);
	w->pass_line = line;
	return input_add_secret(t->in, v, w->pass_len);
}

static bool is(const char *v, const char *s)
{
	return v && strcmp(v, s) == 0;
}

/* ---- older models: TR-098 ------------------------------------------------------ */

static enum wifi_cipher tr_cipher(const char *v)
{
	if (!v)
		return WCIPH_UNSET;
	bool aes = strstr(v, "AES") != NULL, tkip = strstr(v, "TKIP") != NULL;
	return aes && tkip ? WCIPH_TKIP_AES : aes ? WCIPH_AES : tkip ? WCIPH_TKIP : WCIPH_UNSET;
}

static void not_understood(struct tpl *t, const char *what, const char *v, unsigned line)
{
	input_diag(t->in, DIAG_NOTE, line, 0,
		   "%s '%s' is not a value edgelint knows; the network's security is not judged",
		   "%s '%s' は edgelint の知らない値のため、このネットワークの暗号化は判定しません",
		   what, v);
}

/* BeaconType and the modes beside it (TR-098 WLANConfiguration). */
static void tr_security(struct tpl *t, const struct xnode *n, struct wifi_net *w)
{
	unsigned bl = 0, l = 0;
	const char *bt = xval(n, "BeaconType", &bl);
	if (!bt)
		return;
	w->sec_label = (struct sval){arena_printf(&t->in->arena, "BeaconType %s", bt), bl};
	const char *basic = xval(n, "BasicEncryptionModes", NULL);
	bool wep = is(basic, "WEPEncryption");
	bool has_basic = strncmp(bt, "Basic", 5) == 0 || strcmp(bt, "None") == 0;
	bool has_wpa = strstr(bt, "WPA") != NULL, has_11i = strstr(bt, "11i") != NULL;
	if (strcmp(bt, "None") == 0 || (has_basic && !wep)) {
		w->sec = WSEC_OPEN;
	} else if (has_basic) {
		w->sec = WSEC_WEP;
	} else if (has_wpa || has_11i) {
		const char *am = xval(n, has_11i ? "IEEE11iAuthenticationMode" : "WPAAuthenticationMode",
				      NULL);
		bool eap = am && strstr(am, "EAP");
		w->sec = has_wpa && has_11i ? WSEC_WPA_WPA2 : has_wpa ? WSEC_WPA
			 : eap		    ? WSEC_WPA2_ENT
					    : WSEC_WPA2;
		enum wifi_cipher c = WCIPH_UNSET;
		if (has_11i)
			c = tr_cipher(xval(n, "IEEE11iEncryptionModes", &l));
		if (has_wpa) {
			unsigned l2 = 0;
			enum wifi_cipher c2 = tr_cipher(xval(n, "WPAEncryptionModes", &l2));
			if (c == WCIPH_UNSET) {
				c = c2;
				l = l2;
			} else if (c2 != WCIPH_UNSET && c2 != c) {
				c = WCIPH_TKIP_AES;
			}
		}
		w->cipher = c;
		w->cipher_line = l;
	} else {
		w->sec = WSEC_UNKNOWN;
		not_understood(t, "BeaconType", bt, bl);
	}
}

/* One WLANConfiguration or guest MultiSSIDEntry. */
static int tr_net(struct tpl *t, const struct xnode *n, bool guest_on, const char *band,
		  unsigned band_line)
{
	unsigned sl = n->line, el = 0;
	const char *ssid = xval(n, "SSID", &sl);
	int err;
	struct wifi_net *w = net_new(t, ssid, sl, &err);
	if (!w)
		return err;
	const char *en = xval(n, "Enable", &el);
	if (guest_on) {
		w->enabled = true;
	} else if (en) {
		w->enabled = !is(en, "0");
	} else {
		w->enabled = true;
		input_diag(t->in, DIAG_NOTE, n->line, 0,
			   "this Wi-Fi network has no Enable value (TP-Link saves only values "
			   "changed from the model's defaults); it is judged as switched on",
			   "この Wi-Fi ネットワークには Enable の値がありません（TP-Link は初期値から"
			   "変えた値だけを保存します）。有効として判定します");
	}
	const char *mode = xval(n, "DeviceOperationMode", NULL);
	if (mode && strcmp(mode, "InfrastructureAccessPoint") != 0 &&
	    strcmp(mode, "WirelessRepeater") != 0)
		w->is_ap = false;
	if (band)
		w->band = (struct sval){band, band_line};
	tr_security(t, n, w);
	unsigned pl = 0;
	const char *psk = xval(n, "X_TP_PreSharedKey", &pl);
	if (!psk)
		psk = xval(n, "PreSharedKey", &pl);
	int rc = set_pass(t, w, psk, pl);
	if (rc)
		return rc;
	unsigned wl = 0;
	const char *wps = xval(xchild(n, "WPS"), "Enable", &wl);
	if (wps && w->enabled && t->in->dev.wps != TRI_YES) {
		t->in->dev.wps = is(wps, "1") ? TRI_YES : TRI_NO;
		t->in->dev.wps_line = wl;
	}
	return 0;
}

/* Every WLANConfiguration under every LANDevice, each followed by its
 * guest network when X_TP_GuestNetwork switches one on. */
static int tr_wifi(struct tpl *t, const struct xnode *root)
{
	for (const struct xnode *ld = root ? root->child : NULL; ld; ld = ld->next) {
		if (strcmp(ld->name, "LANDevice") != 0)
			continue;
		for (const struct xnode *wc = ld->child; wc; wc = wc->next) {
			if (strcmp(wc->name, "WLANConfiguration") != 0 || !xchild(wc, "SSID"))
				continue;
			unsigned bl = 0;
			const char *band = xval(wc, "X_TP_Band", &bl);
			int rc = tr_net(t, wc, false, band, bl);
			if (rc)
				return rc;
			const struct xnode *g = xchild(wc, "X_TP_GuestNetwork");
			const char *gname = xval(g, "Name", NULL);
			bool gon = is(xval(g, "Enable", NULL), "1");
			const struct xnode *ms = xchild(wc, "X_TP_MultiSSID");
			for (const struct xnode *e = ms ? ms->child : NULL; e; e = e->next) {
				if (strcmp(e->name, "MultiSSIDEntry") != 0 || !xchild(e, "SSID"))
					continue;
				if (gon && gname && is(xval(e, "Name", NULL), gname)) {
					rc = tr_net(t, e, true, band, bl);
					if (rc)
						return rc;
				}
			}
		}
	}
	return 0;
}

/* "TL-WR841N v14 00000014" → "TL-WR841N v14": the trailing hardware id
 * (eight hex digits) is dropped. */
static const char *tr_model(struct tpl *t, const char *hw)
{
	size_t n = strlen(hw);
	const char *sp = strrchr(hw, ' ');
	if (sp && n - (size_t)(sp + 1 - hw) == 8 && strspn(sp + 1, "0123456789abcdefABCDEF") == 8)
		return arena_strndup(&t->in->arena, hw, (size_t)(sp - hw));
	return hw;
}

static void tr_device(struct tpl *t, const struct xnode *igd)
{
	struct device *d = &t->in->dev;
	const struct xnode *di = xchild(igd, "DeviceInfo");
	unsigned l = 0;
	const char *v;
	if ((v = xval(di, "ModelName", &l)) && *v)
		d->model = (struct sval){v, l};
	else if ((v = xval(di, "HardwareVersion", &l)) && *v)
		d->model = (struct sval){tr_model(t, v), l};
	if ((v = xval(di, "SoftwareVersion", &l)) && *v)
		d->firmware = (struct sval){v, l};
	const struct xnode *app = xchild(igd, "X_TP_AppCfg");
	const struct xnode *http = xchild(app, "HttpCfg");
	if ((v = xval(http, "HttpRemoteEnabled", &l))) {
		d->remote_admin = is(v, "1") ? TRI_YES : TRI_NO;
		d->remote_admin_line = l;
		if (d->remote_admin == TRI_YES) {
			const char *port = xval(http, "HttpRemotePort", NULL);
			d->remote_admin_why =
				port ? arena_printf(&t->in->arena,
						    "HttpRemoteEnabled 1: the web admin page answers "
						    "from the WAN on port %s", port)
				     : "HttpRemoteEnabled 1: the web admin page answers from the WAN";
			d->remote_admin_why_ja =
				port ? arena_printf(&t->in->arena,
						    "HttpRemoteEnabled 1：Web の管理画面が WAN 側の"
						    "ポート %s で応答します", port)
				     : "HttpRemoteEnabled 1：Web の管理画面が WAN 側から応答します";
		}
	}
	if ((v = xval(xchild(app, "UPnPCfg"), "Enable", &l))) {
		d->upnp = is(v, "1") ? TRI_YES : TRI_NO;
		d->upnp_line = l;
	}
	/* DDNS (issue 14 §3): NoipDnsCfg (No-IP) and DynDnsCfg (DynDNS,
	 * provider in Server) with Enable 1. Only values that differ from
	 * the defaults are written, so an Enable that is absent is off. */
	if ((v = xval(xchild(app, "NoipDnsCfg"), "Enable", &l)) && is(v, "1"))
		device_add_sign(t->in, HSIGN_DDNS, "No-IP", NULL, l, "NoipDnsCfg Enable 1");
	const struct xnode *dyn = xchild(app, "DynDnsCfg");
	if ((v = xval(dyn, "Enable", &l)) && is(v, "1")) {
		const char *srv = xval(dyn, "Server", NULL);
		device_add_sign(t->in, HSIGN_DDNS, srv && *srv ? srv : "DynDNS", NULL, l,
				"DynDnsCfg Enable 1");
	}
}

static int read_tr098(struct tpl *t, const struct xnode *doc)
{
	const struct xnode *igd = xfind(doc, "InternetGatewayDevice");
	if (!igd) {
		input_fail(t->in, "the decoded settings have no InternetGatewayDevice element "
				  "(not TP-Link's TR-098 layout)",
			   "復号した設定に InternetGatewayDevice 要素がありません（TP-Link の "
			   "TR-098 形式ではありません）");
		return EL_EPARSE;
	}
	tr_device(t, igd);
	return tr_wifi(t, igd);
}

/* ---- newer models: /etc/config as XML -------------------------------------------- */

/* UCI booleans (uci config_get_bool: 1/on/true/yes/enabled). */
static enum tri uci_bool(const char *v)
{
	if (!v)
		return TRI_UNSET;
	static const char *const yes[] = {"1", "on", "true", "yes", "enabled"};
	static const char *const no[] = {"0", "off", "false", "no", "disabled"};
	for (size_t i = 0; i < 5; i++) {
		if (strcmp(v, yes[i]) == 0)
			return TRI_YES;
		if (strcmp(v, no[i]) == 0)
			return TRI_NO;
	}
	return TRI_UNSET;
}

/* PMF from the wifi-iface's ieee80211w (0, 1, 2); anything else or none
 * leaves it unstated. */
static void uci_pmf(const struct xnode *s, struct wifi_net *w)
{
	unsigned l = 0;
	const char *v = xval(s, "ieee80211w", &l);
	static const enum wifi_pmf pmf[] = {WPMF_OFF, WPMF_OPTIONAL, WPMF_REQUIRED};
	if (v && v[0] >= '0' && v[0] <= '2' && v[1] == '\0') {
		w->pmf = pmf[v[0] - '0'];
		w->pmf_line = l;
	}
}

static void uci_security(struct tpl *t, const struct xnode *s, struct wifi_net *w)
{
	unsigned el = 0, vl = 0, cl = 0;
	const char *enc = xval(s, "encryption", &el);
	if (!enc)
		return;
	w->sec_label = (struct sval){arena_printf(&t->in->arena, "encryption %s", enc), el};
	if (strcmp(enc, "none") == 0) {
		w->sec = WSEC_OPEN;
		return;
	}
	if (strcmp(enc, "wep") == 0) {
		w->sec = WSEC_WEP;
		return;
	}
	if (strcmp(enc, "psk_sae") == 0) {
		/* tplink.sh: sae_only → SAE alone, else transition; CCMP. */
		const char *ver = xval(s, "psk_version", &vl);
		w->sec = is(ver, "sae_only") ? WSEC_WPA3 : WSEC_WPA2_WPA3;
		if (ver)
			w->sec_label = (struct sval){
				arena_printf(&t->in->arena, "encryption %s, psk_version %s", enc, ver),
				vl};
		w->cipher = WCIPH_AES;
		w->cipher_line = el;
		uci_pmf(s, w);
		return;
	}
	bool psk = strcmp(enc, "psk") == 0, wpa = strcmp(enc, "wpa") == 0;
	if (!psk && !wpa) {
		w->sec = WSEC_UNKNOWN;
		not_understood(t, "encryption", enc, el);
		return;
	}
	const char *ver = xval(s, psk ? "psk_version" : "wpa_version", &vl);
	const char *ciph = xval(s, psk ? "psk_cipher" : "wpa_cipher", &cl);
	/* tplink.sh: wpa → WPA1; wpa2 or rsn → WPA2; else mixed. */
	if (is(ver, "wpa"))
		w->sec = WSEC_WPA;
	else if (is(ver, "wpa2") || is(ver, "rsn"))
		w->sec = psk ? WSEC_WPA2 : WSEC_WPA2_ENT;
	else
		w->sec = WSEC_WPA_WPA2;
	if (ver)
		w->sec_label = (struct sval){arena_printf(&t->in->arena, "encryption %s, %s %s", enc,
							  psk ? "psk_version" : "wpa_version", ver),
					     vl};
	/* aes or ccmp → CCMP; tkip → TKIP; else both. */
	w->cipher = is(ciph, "aes") || is(ciph, "ccmp") ? WCIPH_AES
		    : is(ciph, "tkip")			 ? WCIPH_TKIP
							 : WCIPH_TKIP_AES;
	w->cipher_line = ciph ? cl : el;
	uci_pmf(s, w);
}

static const char *uci_band(const struct xnode *wireless, const char *dev, unsigned *line)
{
	for (const struct xnode *c = wireless->child; dev && c; c = c->next)
		if (strcmp(c->name, "wifi-device") == 0 && is(c->nattr, dev)) {
			const char *b = xval(c, "band", line);
			return is(b, "2g") ? "2.4GHz" : is(b, "5g") ? "5GHz" : is(b, "6g") ? "6GHz" : b;
		}
	return NULL;
}

static int read_uci(struct tpl *t, const struct xnode *doc)
{
	const struct xnode *wl = xfind(doc, "wireless");
	if (!wl) {
		input_fail(t->in, "the backup's settings have no wireless section",
			   "バックアップの設定に wireless の節がありません");
		return EL_EPARSE;
	}
	for (const struct xnode *s = wl->child; s; s = s->next) {
		if (strcmp(s->name, "wifi-iface") != 0)
			continue;
		unsigned sl = s->line, l = 0;
		const char *ssid = xval(s, "ssid", &sl);
		int err;
		struct wifi_net *w = net_new(t, ssid, sl, &err);
		if (!w) {
			if (err)
				return err;
			continue;
		}
		w->line = s->line;
		w->enabled = uci_bool(xval(s, "enable", NULL)) == TRI_YES;
		const char *mode = xval(s, "mode", NULL);
		w->is_ap = !mode || strcmp(mode, "ap") == 0;
		const char *band = uci_band(wl, xval(s, "device", NULL), &l);
		if (band)
			w->band = (struct sval){band, l};
		uci_security(t, s, w);
		unsigned pl = 0;
		const char *pass = xval(s, "psk_key", &pl);
		int rc = set_pass(t, w, pass, pl);
		if (rc)
			return rc;
		unsigned wpl = 0;
		enum tri wps = uci_bool(xval(s, "wps", &wpl));
		if (wps != TRI_UNSET && w->enabled && w->is_ap && t->in->dev.wps != TRI_YES) {
			t->in->dev.wps = wps;
			t->in->dev.wps_line = wpl;
		}
	}
	/* DDNS services (issue 14 §3): <ddns><service name="noip">
	 * <enabled>on</enabled>, a UCI boolean like the wireless options. */
	const struct xnode *dd = xfind(doc, "ddns");
	for (const struct xnode *s = dd ? dd->child : NULL; s; s = s->next) {
		unsigned el = s->line;
		if (strcmp(s->name, "service") != 0 ||
		    uci_bool(xval(s, "enabled", &el)) != TRI_YES)
			continue;
		device_add_sign(t->in, HSIGN_DDNS, s->nattr && *s->nattr ? s->nattr : "ddns", NULL,
				el, "ddns service enabled on");
	}
	return 0;
}

/* ---- the containers ----------------------------------------------------------------- */

static int fail_mem(struct input *in)
{
	input_fail(in, "out of memory", "メモリが足りません");
	return EL_ENOMEM;
}

/* The payload after the MD5: a 32-bit size, little-endian or big-endian
 * as the router's CPU, then the compressed data; each plausible reading
 * is tried. */
static int uncompress_any(struct input *in, const unsigned char *p, size_t pn, struct buf *out)
{
	static const char *const why_en[] = {
		"", "the data ends before the declared size is reached",
		"a match points before the start of the data",
		"a length or distance code is longer than 24 bits",
		"a match runs past the declared size"};
	static const char *const why_ja[] = {
		"", "宣言された大きさに達する前にデータが終わっています",
		"一致の参照先がデータの先頭より前を指しています",
		"長さか距離の符号が 24 ビットを超えています",
		"一致が宣言された大きさを超えています"};
	uint32_t sizes[2] = {rd32le(p), rd32be(p)};
	enum unz r = UNZ_SHORT;
	size_t at = 0;
	bool tried = false;
	uint32_t ratio = 0;
	for (int k = 0; k < 2; k++) {
		if ((k == 1 && sizes[1] == sizes[0]) || !size_ok(sizes[k]))
			continue;
		if (sizes[k] / TPL_MAX_RATIO > pn) {
			if (!ratio || sizes[k] < ratio)
				ratio = sizes[k];
			continue;
		}
		tried = true;
		buf_wipe(out);
		if (buf_alloc(out, sizes[k]))
			return EL_ENOMEM;
		r = tp_uncompress(p + 4, pn - 4, out->p, sizes[k], &at);
		if (r == UNZ_OK) {
			out->n = sizes[k];
			return 0;
		}
	}
	buf_wipe(out);
	if (!tried && ratio) {
		input_fail(in, "the compressed settings (%zu bytes) claim to expand to %u bytes, more "
			       "than %u times their size (the limit)",
			   "圧縮された設定（%zu バイト）が %u バイトに展開されると宣言しており、上限の "
			   "%u 倍を超えています", pn, (unsigned)ratio, TPL_MAX_RATIO);
		return EL_ETOOBIG;
	}
	if (!tried) {
		uint32_t m = sizes[0] < sizes[1] ? sizes[0] : sizes[1];
		input_fail(in, "the compressed settings declare a size of %u bytes: zero, or over "
			       "the limit of %u bytes",
			   "圧縮された設定の大きさが %u バイトと宣言されています: 0 か、上限の %u "
			   "バイトを超えています", (unsigned)m, TPL_MAX_XML);
		return m ? EL_ETOOBIG : EL_EPARSE;
	}
	input_fail(in, "the compressed settings are damaged at byte %zu of the decrypted data: "
		       "%s%.0s",
		   "圧縮された設定が復号後のバイト位置 %zu で壊れています: %.0s%s", at + 20,
		   why_en[r], why_ja[r]);
	return EL_EPARSE;
}

/* DES, MD5, TP-Link compression: the XML into out. */
static int open_des(struct input *in, struct buf *out)
{
	const unsigned char *u = (const unsigned char *)in->data;
	size_t n = in->len;
	if (n < 24 || n % 8) {
		input_fail(in, "not a whole TP-Link conf.bin: %zu bytes is not a multiple of the "
			       "8-byte DES block (truncated?)",
			   "TP-Link の conf.bin として不完全です: %zu バイトは DES の 8 バイト単位に"
			   "なっていません（途中で切れている可能性があります）", n);
		return EL_EPARSE;
	}
	if (!des_ecb()) {
		input_fail(in, "this OpenSSL has no DES (its legacy provider is missing): the older "
			       "TP-Link backups cannot be decrypted",
			   "この OpenSSL には DES がありません（legacy プロバイダがありません）。"
			   "旧形式の TP-Link バックアップを復号できません");
		return EL_EPARSE;
	}
	struct buf d = {0};
	size_t got = 0;
	if (buf_alloc(&d, n))
		return fail_mem(in);
	if (decrypt(des_ecb(), des_key, NULL, u, n, false, d.p, &got) || got != n) {
		buf_wipe(&d);
		input_fail(in, "DES decryption failed", "DES の復号に失敗しました");
		return EL_EPARSE;
	}
	d.n = n;
	size_t end = n;
	bool sum = md5_is(d.p, d.p + 16, end - 16);
	while (!sum && end > 16 && n - end < 7 && d.p[end - 1] == 0) {
		end--;
		sum = md5_is(d.p, d.p + 16, end - 16);
	}
	if (!sum) {
		buf_wipe(&d);
		input_fail(in, "the MD5 checksum in the first 16 bytes does not match the rest of "
			       "the decrypted backup: the file is damaged or is not a TP-Link conf.bin",
			   "先頭 16 バイトの MD5 チェックサムが復号した残りの部分と一致しません。"
			   "ファイルが壊れているか、TP-Link の conf.bin ではありません");
		return EL_EPARSE;
	}
	const unsigned char *p = d.p + 16;
	size_t pn = end - 16;
	int rc = 0;
	if (starts(p, pn, "<?xml") || starts(p, pn, "<DslCpe")) {
		rc = buf_alloc(out, pn) ? EL_ENOMEM : 0;
		if (!rc) {
			memcpy(out->p, p, pn);
			out->n = pn;
		}
	} else if (pn < 5) {
		input_fail(in, "the compressed settings are only %zu bytes long (truncated)",
			   "圧縮された設定が %zu バイトしかありません（途中で切れています）", pn);
		rc = EL_EPARSE;
	} else {
		rc = uncompress_any(in, p, pn, out);
	}
	buf_wipe(&d);
	if (rc == EL_ENOMEM)
		fail_mem(in);
	return rc;
}

/* AES-256-CBC then zlib, into out; what says which layer, for messages. */
static int aes_zlib(struct input *in, const unsigned char *p, size_t n, const char *what,
		    const char *what_ja, struct buf *out)
{
	if (n == 0 || n % 16) {
		input_fail(in, "%s%.0s: %zu bytes is not a multiple of the 16-byte AES block "
			       "(truncated?)",
			   "%.0s%s: %zu バイトは AES の 16 バイト単位になっていません（途中で切れている"
			   "可能性があります）", what, what_ja, n);
		return EL_EPARSE;
	}
	struct buf d = {0};
	size_t got = 0;
	if (buf_alloc(&d, n))
		return fail_mem(in);
	if (decrypt(EVP_aes_256_cbc(), aes_key, aes_iv, p, n, true, d.p, &got)) {
		buf_wipe(&d);
		input_fail(in, "%s%.0s: AES decryption failed (bad padding): the file is damaged "
			       "or is not a TP-Link backup",
			   "%.0s%s: AES の復号に失敗しました（パディングが不正です）。ファイルが壊れて"
			   "いるか、TP-Link のバックアップではありません", what, what_ja);
		return EL_EPARSE;
	}
	enum inf r = inflate_all(d.p, got, TPL_MAX_XML, out);
	buf_wipe(&d);
	if (r == INF_OK)
		return 0;
	buf_wipe(out);
	if (r == INF_MEM)
		return fail_mem(in);
	if (r == INF_BIG) {
		input_fail(in, "%s%.0s: decompresses to more than %u bytes (the limit)",
			   "%.0s%s: 展開すると上限の %u バイトを超えます", what, what_ja, TPL_MAX_XML);
		return EL_ETOOBIG;
	}
	input_fail(in, "%s%.0s: the zlib data is %s%.0s", "%.0s%s: zlib のデータが%.0s%s", what,
		   what_ja, r == INF_SHORT ? "truncated" : "damaged",
		   r == INF_SHORT ? "途中で切れています" : "壊れています");
	return EL_EPARSE;
}

static size_t tar_octal(const unsigned char *f, size_t n, bool *ok)
{
	size_t v = 0, i = 0;
	*ok = false;
	while (i < n && f[i] == ' ')
		i++;
	for (; i < n && f[i] >= '0' && f[i] <= '7'; i++) {
		if (v > (SIZE_MAX >> 3))
			return 0;
		v = v * 8 + (size_t)(f[i] - '0');
		*ok = true;
	}
	for (; i < n; i++)
		if (f[i] != ' ' && f[i] != '\0')
			*ok = false;
	return v;
}

#define USER_CONFIG "ori-backup-user-config.bin"

/* The outer archive: the user settings' member, decoded, into out. */
static int open_aes(struct input *in, struct buf *out)
{
	struct buf tar = {0};
	int rc = aes_zlib(in, (const unsigned char *)in->data, in->len, "the backup",
			  "バックアップ", &tar);
	if (rc)
		return rc;
	size_t pos = 16, members = 0;
	const unsigned char *t = tar.p;
	rc = 1;
	while (rc == 1) {
		if (tar.n < pos || tar.n - pos < 512) {
			input_fail(in, "the backup's archive ends at byte %zu without the settings "
				       "member " USER_CONFIG,
				   "バックアップのアーカイブがバイト位置 %zu で終わり、設定のメンバー "
				   USER_CONFIG " がありません", tar.n);
			rc = EL_EPARSE;
			break;
		}
		const unsigned char *h = t + pos;
		bool zero = true;
		for (size_t i = 0; i < 512 && zero; i++)
			zero = h[i] == 0;
		if (zero) {
			input_fail(in, "the backup's archive has no settings member " USER_CONFIG,
				   "バックアップのアーカイブに設定のメンバー " USER_CONFIG " がありません");
			rc = EL_EPARSE;
			break;
		}
		unsigned sum = 0;
		for (size_t i = 0; i < 512; i++)
			sum += i >= 148 && i < 156 ? ' ' : h[i];
		bool ok1, ok2;
		size_t want = tar_octal(h + 148, 8, &ok1), size = tar_octal(h + 124, 12, &ok2);
		if (!ok1 || want != sum || !ok2) {
			input_fail(in, "the backup's archive has a damaged member header at byte %zu "
				       "of the decompressed data (checksum or size)",
				   "バックアップのアーカイブの、展開後のバイト位置 %zu にあるメンバーの"
				   "ヘッダが壊れています（チェックサムか大きさ）", pos);
			rc = EL_EPARSE;
			break;
		}
		if (++members > TPL_MAX_MEMBERS) {
			input_fail(in, "the backup's archive has more than %u members (the limit)",
				   "バックアップのアーカイブのメンバーが上限の %u 個を超えています",
				   TPL_MAX_MEMBERS);
			rc = EL_ETOOBIG;
			break;
		}
		size_t data = pos + 512;
		if (tar.n - data < size) {
			input_fail(in, "the backup's archive is truncated: a member of %zu bytes at "
				       "byte %zu runs past its end (%zu bytes)",
				   "バックアップのアーカイブが途中で切れています: バイト位置 %zu の "
				   "%zu バイトのメンバーが末尾（%zu バイト）を超えています",
				   size, data, tar.n);
			rc = EL_EPARSE;
			break;
		}
		size_t nl = strnlen((const char *)h, 100);
		const char *name = (const char *)h;
		while (nl >= 2 && name[0] == '.' && name[1] == '/') {
			name += 2;
			nl -= 2;
		}
		bool regular = h[156] == '0' || h[156] == '\0';
		if (regular && nl == strlen(USER_CONFIG) && memcmp(name, USER_CONFIG, nl) == 0) {
			rc = aes_zlib(in, t + data, size, USER_CONFIG, USER_CONFIG, out);
			break;
		}
		size_t padded = (size + 511) / 512 * 512;
		if (padded < size || tar.n - data < padded) {
			pos = tar.n;
			continue;
		}
		pos = data + padded;
	}
	buf_wipe(&tar);
	return rc;
}

/* ---- the parser ---------------------------------------------------------------------- */

static int tplink_parse(struct input *in, const struct run_ctx *ctx)
{
	(void)ctx;
	struct tpl t = {.in = in};
	if (in->len > TPL_MAX_BYTES) {
		input_fail(in, "the backup is %zu bytes, over the limit of %u bytes",
			   "バックアップが %zu バイトあり、上限の %u バイトを超えています", in->len,
			   TPL_MAX_BYTES);
		return EL_ETOOBIG;
	}
	t.gen = tpl_detect((const unsigned char *)in->data, in->len, false);
	if (t.gen == TPL_NONE) {
		input_fail(in, "not a TP-Link backup: neither the older conf.bin (DES) nor the newer "
			       "backup .bin (AES) decrypts to the expected structure",
			   "TP-Link のバックアップではありません: 旧形式の conf.bin（DES）としても新形式の "
			   "backup .bin（AES）としても、復号した結果が想定の構造になりません");
		return EL_EPARSE;
	}
	struct buf xmlb = {0};
	int rc = t.gen == TPL_DES ? open_des(in, &xmlb) : open_aes(in, &xmlb);
	if (rc) {
		buf_wipe(&xmlb);
		return rc;
	}
	/* The XML as text: a NUL ends it (the older files end with one). */
	size_t xn = strnlen((const char *)xmlb.p, xmlb.n);
	struct xml x = {.in = in, .s = (const char *)xmlb.p, .n = xn, .line = 1};
	rc = xml_parse(&x);
	if (!rc)
		rc = register_secrets(in, &x.root);
	if (!rc) {
		in->dev.vendor = (struct sval){"tp-link", 0};
		in->dev.vendor_display = "TP-Link";
		rc = t.gen == TPL_DES ? read_tr098(&t, &x.root) : read_uci(&t, &x.root);
	}
	buf_wipe(&xmlb);
	if (rc == EL_ENOMEM && !in->error)
		fail_mem(in);
	if (rc)
		return rc < 0 ? rc : EL_EPARSE;
	if (t.skipped_nets)
		input_diag(in, DIAG_NOTE, 0, 0,
			   "%u more Wi-Fi networks past the first %u were not read (the limit)",
			   "最初の %2$u 個より後の Wi-Fi ネットワーク %1$u 個は読んでいません（上限）",
			   t.skipped_nets, TPL_MAX_NETS);
	if (in->dev.nwifi == 0)
		input_diag(in, DIAG_NOTE, 0, 0, "the backup describes no Wi-Fi network",
			   "バックアップに Wi-Fi ネットワークの記述がありません");
	in->has_device = true;
	return 0;
}

const struct parser parser_tplink = {
	.kind = {
		.name = "tplink",
		.label = "TP-Link configuration backup",
		.label_ja = "TP-Link の設定バックアップ",
		.feeds = {[ITEM_5_3] = true, [ITEM_6_2] = true},
		.home_router = true,
	},
	.probe = tplink_probe,
	.parse = tplink_parse,
	.max_bytes = TPL_MAX_BYTES,
	.expect = "TP-Link",
	.expect_ja = "TP-Link",
	.what = "backup",
	.what_ja = "バックアップ",
};
