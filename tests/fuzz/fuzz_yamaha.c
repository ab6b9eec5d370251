/*
 * fuzz_yamaha.c — libFuzzer harness for the YAMAHA RTX/NVR config parser
 * (parsers/yamaha_rtx.c), the filter analysis (src/filter.c) and everything
 * behind them; the body is fuzz_harness.h. Secrets here are pre-shared keys,
 * PPP and L2TP passwords and SNMP communities. Seeds:
 * tests/fuzz/seeds/fuzz_yamaha/, dictionary yamaha.dict.
 */
#define FUZZ_NAME "fuzz_yamaha"
#define FUZZ_KIND "yamaha-rtx"
#define FUZZ_PATH "fuzz.cfg"
#include "fuzz_harness.h"
