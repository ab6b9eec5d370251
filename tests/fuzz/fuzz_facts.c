/*
 * fuzz_facts.c — libFuzzer harness for the router facts parser
 * (parsers/router_facts.c) and everything behind it; the body is
 * fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_facts/, dictionary facts.dict.
 */
#define FUZZ_NAME "fuzz_facts"
#define FUZZ_KIND "router-facts"
#define FUZZ_PATH "fuzz.yaml"
#include "fuzz_harness.h"
