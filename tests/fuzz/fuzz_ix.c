/*
 * fuzz_ix.c — libFuzzer harness for the NEC UNIVERGE IX running-config
 * parser (parsers/nec_ix.c), the filter analysis it feeds (src/filter.c,
 * including the filter-and-NAPT lists) and everything behind them; the body
 * is fuzz_harness.h. Secrets here are pre-shared keys, PPP, http-server and
 * account passwords and SNMP communities. Seeds: tests/fuzz/seeds/fuzz_ix/,
 * dictionary ix.dict.
 */
#define FUZZ_NAME "fuzz_ix"
#define FUZZ_KIND "nec-ix"
#define FUZZ_PATH "fuzz.cfg"
#include "fuzz_harness.h"
