/*
 * tplink.h — the fixed keys of TP-Link's configuration backups (sources in
 * parsers/tplink.c), for the fuzz harness that wraps its input the way the
 * routers do. The unit tests keep their own copy, written from the same
 * public sources, so that a wrong key here cannot pass them.
 */
#ifndef EDGELINT_TPLINK_H
#define EDGELINT_TPLINK_H

/* DES-ECB key of the older conf.bin. */
extern const unsigned char tplink_des_key[8];
/* AES-256-CBC key and IV of the newer backup .bin. */
extern const unsigned char tplink_aes_key[32];
extern const unsigned char tplink_aes_iv[16];

#endif
