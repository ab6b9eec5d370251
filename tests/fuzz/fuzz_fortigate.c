/*
 * fuzz_fortigate.c — libFuzzer harness for the FortiGate configuration
 * parser (parsers/fortigate.c), the filter analysis (src/filter.c) and
 * everything behind them; the body is fuzz_harness.h. Secrets here are
 * ENC blobs and clear-text passwords, pre-shared keys and communities.
 * Seeds: tests/fuzz/seeds/fuzz_fortigate/, dictionary fortigate.dict.
 */
#define FUZZ_NAME "fuzz_fortigate"
#define FUZZ_KIND "fortigate"
#define FUZZ_PATH "fuzz.conf"
#include "fuzz_harness.h"
