/*
 * fuzz_pcap.c — libFuzzer harness for the capture reader (parsers/pcap.c
 * and the engine behind it, src/capture/: libpcap on an fmemopen'd copy
 * of the bytes, the decoder, the flow table and classifiers) and
 * everything behind it; the body is
 * fuzz_harness.h. Seeds: tests/fuzz/seeds/fuzz_pcap/, made by
 * tests/fuzz/make-pcap-seeds.py, plus copies of samples/pcap/tls12-certs.pcap
 * (tls12-certs.pcap: Certificate messages), samples/pcap/wlan-radiotap-open.pcap
 * (wlan-radiotap.pcap) and two tcpdump captures of tests/e2e/pcap-links
 * (nflog.pcap; radiotap-qos-htc.pcap is ieee802.11_htc.pcap; sources there).
 */
#define FUZZ_NAME "fuzz_pcap"
#define FUZZ_KIND "pcap"
#define FUZZ_PATH "fuzz.pcap"
#include "fuzz_harness.h"
