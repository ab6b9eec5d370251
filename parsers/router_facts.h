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
#include "../src/registry.h"

/* Reads a security label as an admin page shows it ("WPA2-PSK(AES)",
 * "WPA/WPA2 mixedmode - PSK", "なし", ASUS "Shared Key"…) by the reading
 * in the README ("Security labels") with the data of wl
 * (rules/wifi-labels.yaml). *cipher is set when the label names ciphers
 * (else left alone). Returns the mode, or WSEC_UNKNOWN when a token is
 * not understood. */
enum wifi_sec facts_security_label(const struct wifi_labels *wl, const char *s, size_t n,
				   enum wifi_cipher *cipher);
/* Reads a cipher value ("aes", "tkip", "tkip-aes", "TKIP/AES", "CCMP"…);
 * returns WCIPH_UNSET when not understood. */
enum wifi_cipher facts_cipher(const struct wifi_labels *wl, const char *s, size_t n);
/* The labels of wl nearest to s (edit distance of their tokens, one per
 * spelling, nearest first, ties in the data's order): at most max (and
 * at most FACTS_NEAREST_MAX) into out; returns how many. */
#define FACTS_NEAREST_MAX 5
size_t facts_label_nearest(const struct wifi_labels *wl, const char *s, size_t n,
			   const char **out, size_t max);

#endif
