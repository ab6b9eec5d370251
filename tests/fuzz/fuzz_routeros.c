/*
 * fuzz_routeros.c — libFuzzer harness for the MikroTik RouterOS export
 * parser (parsers/routeros.c) and everything behind it; the body is
 * fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_routeros/, dictionary
 * routeros.dict.
 */
#define FUZZ_NAME "fuzz_routeros"
#define FUZZ_KIND "routeros"
#define FUZZ_PATH "fuzz.rsc"
#include "fuzz_harness.h"
