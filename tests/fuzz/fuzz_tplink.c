/*
 * fuzz_tplink.c — libFuzzer harness for the TP-Link backup parser
 * (parsers/tplink.c); the body is fuzz_harness.h. Mutating encrypted bytes
 * reaches nothing past the first layer, so the first input byte picks
 * what the rest is, and the harness wraps it as the router would:
 *   0  the backup file itself (raw);
 *   1  the DES payload: MD5 + it, zero-padded, DES-ECB (TP-Link's
 *      decompressor, or the XML reader when it starts with "<?xml");
 *   2  the XML of an older backup: compressed with literals only (flag
 *      words of zero bits), then as 1;
 *   3  the newer backup's tar (after the 16 skipped bytes): zlib, AES;
 *   4  the XML of a newer backup: ori-backup-user-config.bin (zlib, AES)
 *      in a tar, then as 3.
 * Each wrapped input then goes through the shared body (every probe, the
 * parser, the checks, every reporter, the secret oracle). Seeds:
 * tests/fuzz/seeds/fuzz_tplink/ (samples/tplink/ files, damaged copies,
 * and XML for modes 2 and 4), dictionary tplink.dict.
 */
#define FUZZ_NAME "fuzz_tplink"
#define FUZZ_KIND "tplink"
#define FUZZ_PATH "fuzz-tplink.bin"
#define LLVMFuzzerTestOneInput fuzz_tplink_body
#include "fuzz_harness.h"
#undef LLVMFuzzerTestOneInput

#include <zlib.h>

#include "../../parsers/tplink.h"
#include "../unit/tplinkbuild.h"

#define WRAP_MAX (1u << 20)

#define wk_des tplink_des_key
#define wk_aes tplink_aes_key
#define wk_iv tplink_aes_iv

static size_t enc(const EVP_CIPHER *c, const unsigned char *key, const unsigned char *iv,
		  bool pad, const unsigned char *in, size_t n, unsigned char *out)
{
	size_t r = tpb_encrypt(c, key, iv, pad, in, n, out);
	if (!r)
		die("encryption failed");
	return r;
}

static const EVP_CIPHER *wrap_des(void)
{
	const EVP_CIPHER *c = tpb_des();
	if (!c)
		die("no DES");
	return c;
}

/* MD5 + payload + zero padding, DES-ECB. */
static size_t des_wrap(const unsigned char *p, size_t n, unsigned char *out)
{
	unsigned char *plain = calloc(n + 24, 1);
	unsigned int mdn = 0;
	if (!plain || !EVP_Digest(p, n, plain, &mdn, EVP_md5(), NULL))
		die("md5");
	memcpy(plain + 16, p, n);
	size_t total = (16 + n + 7) / 8 * 8;
	size_t r = enc(wrap_des(), wk_des, NULL, false, plain, total, out);
	free(plain);
	return r;
}

/* zlib then AES-256-CBC. */
static size_t aes_wrap(const unsigned char *p, size_t n, unsigned char *out)
{
	uLongf zn = compressBound((uLong)n);
	unsigned char *z = malloc(zn);
	if (!z || compress(z, &zn, p, (uLong)n) != Z_OK)
		die("zlib");
	size_t r = enc(EVP_aes_256_cbc(), wk_aes, wk_iv, true, z, zn, out);
	free(z);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > WRAP_MAX)
		return fuzz_tplink_body(data, size);
	const unsigned char *p = data + 1;
	size_t n = size - 1;
	unsigned mode = data[0] % 5;
	if (mode == 0)
		return fuzz_tplink_body(p, n);
	size_t cap = 3 * n + 8192;
	unsigned char *a = malloc(cap), *b = malloc(cap);
	if (!a || !b)
		die("out of memory");
	size_t out = 0;
	if (mode == 1) {
		out = des_wrap(p, n, b);
	} else if (mode == 2 && n > 0) {
		/* size, the first byte, then 16 literals per zero word */
		size_t k = 0;
		a[k++] = (unsigned char)n;
		a[k++] = (unsigned char)(n >> 8);
		a[k++] = (unsigned char)(n >> 16);
		a[k++] = (unsigned char)(n >> 24);
		a[k++] = p[0];
		for (size_t i = 1; i < n; i++) {
			if ((i - 1) % 16 == 0) {
				a[k++] = 0;
				a[k++] = 0;
			}
			a[k++] = p[i];
		}
		out = des_wrap(a, k, b);
	} else if (mode == 3) {
		memset(a, 0, 16);
		memcpy(a + 16, p, n);
		out = aes_wrap(a, 16 + n, b);
	} else if (mode == 4) {
		size_t mn = aes_wrap(p, n, b);
		size_t tn = tpb_tar_one(a, "./ori-backup-user-config.bin", b, mn, false);
		out = aes_wrap(a, tn, b);
	}
	int r = fuzz_tplink_body(b, out);
	free(a);
	free(b);
	return r;
}
