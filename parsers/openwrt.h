/*
 * openwrt.h — OpenWrt (kind "openwrt"): the parts of parsers/openwrt.c that
 * unit tests call directly.
 */
#ifndef EDGELINT_OPENWRT_H
#define EDGELINT_OPENWRT_H

#include <stdbool.h>
#include <stddef.h>
#include "../src/model.h"

/* The security mode an /etc/config/wireless `encryption` value gives
 * (NULL: the option is absent), as OpenWrt's wifi scripts read it. Sets
 * *cipher (WCIPH_UNSET for modes without a WPA cipher) and *known (false
 * when OpenWrt does not know the value and so runs the network open). */
enum wifi_sec openwrt_encryption(const char *enc, enum wifi_cipher *cipher, bool *known);

/* True for a release name of an official release: "X.Y" or "X.Y.Z",
 * optionally "-rcN" ("23.05.3", "12.09", "19.07.0-rc2"); false for
 * "SNAPSHOT", "Bleeding Edge", "19.07-SNAPSHOT"… */
bool openwrt_is_release(const char *v);

#endif
