/*
 * fuzz_hostapd.c — libFuzzer harness for the hostapd.conf parser
 * (parsers/hostapd.c) and everything behind it; the body is
 * fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_hostapd/, dictionary
 * hostapd.dict.
 */
#define FUZZ_NAME "fuzz_hostapd"
#define FUZZ_KIND "hostapd"
#define FUZZ_PATH "hostapd.conf"
#include "fuzz_harness.h"
