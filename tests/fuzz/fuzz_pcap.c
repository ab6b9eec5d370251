/*
 * fuzz_pcap.c — libFuzzer harness for the capture reader (parsers/pcap.c
 * and the engine behind it, src/capture/: libpcap on an fmemopen'd copy
 * of the bytes, the decoder, the flow table and classifiers) and
 * everything behind it; the body is
 * fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_pcap/, made by
 * tests/fuzz/make-pcap-seeds.py.
 */
#define FUZZ_NAME "fuzz_pcap"
#define FUZZ_KIND "pcap"
#define FUZZ_PATH "fuzz.pcap"
#include "fuzz_harness.h"
