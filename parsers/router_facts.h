/*
 * router_facts.h — the router facts file (kind "router-facts"): a small
 * YAML file the admin fills in from a home router's status pages, for
 * routers whose backups are opaque binaries. Format: README "Router facts
 * file" and samples/facts/template.yaml.
 */
#ifndef EDGELINT_ROUTER_FACTS_H
#define EDGELINT_ROUTER_FACTS_H

#include <stddef.h>
#include "../src/model.h"

/* Reads a security label as an admin page shows it ("WPA2-PSK(AES)",
 * "WPA/WPA2 mixedmode-PSK", "なし"…) by the token rules in the README.
 * *cipher is set when the label names ciphers (else left alone).
 * Returns the mode, or WSEC_UNKNOWN when a token is not understood. */
enum wifi_sec facts_security_label(const char *s, size_t n,
				   enum wifi_cipher *cipher);
/* Reads a cipher value ("aes", "tkip", "tkip-aes", "TKIP/AES", "CCMP"…);
 * returns WCIPH_UNSET when not understood. */
enum wifi_cipher facts_cipher(const char *s, size_t n);

#endif
