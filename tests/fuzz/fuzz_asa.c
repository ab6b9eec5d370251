/*
 * fuzz_asa.c — libFuzzer harness for the Cisco ASA running-config parser
 * (parsers/cisco_asa.c), the filter analysis (src/filter.c) and everything
 * behind them; the body is fuzz_harness.h. Secrets here are SNMP
 * communities, IKE pre-shared keys and clear-text passwords. Seeds:
 * tests/fuzz/seeds/fuzz_asa/, dictionary asa.dict.
 */
#define FUZZ_NAME "fuzz_asa"
#define FUZZ_KIND "cisco-asa"
#define FUZZ_PATH "fuzz.cfg"
#include "fuzz_harness.h"
