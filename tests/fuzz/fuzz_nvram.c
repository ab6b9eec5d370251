/*
 * fuzz_nvram.c — libFuzzer harness for the nvram parser (parsers/nvram.c:
 * `nvram show` dumps) and the binary backup decoders behind it
 * (parsers/nvram_backup.c: Tomato .cfg HDR1/HDR2, DD-WRT nvrambak.bin);
 * the body is fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_nvram/,
 * dictionary nvram.dict.
 */
#define FUZZ_NAME "fuzz_nvram"
#define FUZZ_KIND "nvram"
#define FUZZ_PATH "fuzz-nvram.txt"
#include "fuzz_harness.h"
