/*
 * tplinkbuild.h — builds the pieces of TP-Link backups (parsers/tplink.c)
 * for tests/unit/test_tplink.c and tests/fuzz/fuzz_tplink.c: encryption
 * with OpenSSL (DES from a library context with the legacy provider) and a
 * ustar archive of one member after the 16 bytes the newer backups start
 * with. Failures return 0 / NULL; the caller decides how to stop.
 */
#ifndef EDGELINT_TPLINKBUILD_H
#define EDGELINT_TPLINKBUILD_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/provider.h>

/* DES-ECB, or NULL when OpenSSL's legacy provider is missing. */
static inline const EVP_CIPHER *tpb_des(void)
{
	static EVP_CIPHER *c;
	if (!c) {
		OSSL_LIB_CTX *l = OSSL_LIB_CTX_new();
		if (l && OSSL_PROVIDER_load(l, "legacy"))
			c = EVP_CIPHER_fetch(l, "DES-ECB", NULL);
	}
	return c;
}

/* Encrypts n bytes into out (n + one block); the length, or 0. */
static inline size_t tpb_encrypt(const EVP_CIPHER *c, const unsigned char *key,
				 const unsigned char *iv, bool pad, const unsigned char *in,
				 size_t n, unsigned char *out)
{
	EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
	int l1 = 0, l2 = 0;
	bool ok = x && c && EVP_EncryptInit_ex(x, c, NULL, key, iv) &&
		  EVP_CIPHER_CTX_set_padding(x, pad) && EVP_EncryptUpdate(x, out, &l1, in, (int)n) &&
		  EVP_EncryptFinal_ex(x, out + l1, &l2);
	EVP_CIPHER_CTX_free(x);
	return ok ? (size_t)l1 + (size_t)l2 : 0;
}

/* Bytes tpb_tar_one writes for a member of n bytes. */
static inline size_t tpb_tar_size(size_t n)
{
	return 16 + 512 + (n + 511) / 512 * 512 + 1024;
}

/* 16 zero bytes, a ustar header for name (a bad checksum when bad_sum),
 * the member padded to 512, two zero blocks; returns tpb_tar_size(n). */
static inline size_t tpb_tar_one(unsigned char *out, const char *name, const void *p, size_t n,
				 bool bad_sum)
{
	size_t total = tpb_tar_size(n);
	memset(out, 0, total);
	unsigned char *h = out + 16;
	memcpy(h, name, strlen(name));
	memcpy(h + 100, "0000644", 7);
	snprintf((char *)h + 124, 12, "%011zo", n);
	memcpy(h + 136, "00000000000", 11);
	h[156] = '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memset(h + 148, ' ', 8);
	unsigned sum = 0;
	for (size_t i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum + (bad_sum ? 1u : 0u));
	memcpy(h + 512, p, n);
	return total;
}

#endif
