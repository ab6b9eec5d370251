/*
 * fuzz_openwrt.c — libFuzzer harness for the OpenWrt parser
 * (parsers/openwrt.c: UCI wireless/firewall/upnpd in file, export and
 * `uci show` form, release files, the board JSON) and everything behind it;
 * the body is fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_openwrt/,
 * dictionary openwrt.dict. Archives and several files: fuzz_bundle.c.
 */
#define FUZZ_NAME "fuzz_openwrt"
#define FUZZ_KIND "openwrt"
#define FUZZ_PATH "fuzz.uci"
#include "fuzz_harness.h"
