/*
 * pcap_loop.c — the bare libpcap read loop edgelint's capture reader is
 * measured against (tests/bench/pcap.sh): pcap_next_ex until the end of
 * the file, touching the first byte of each packet so the loop cannot be
 * optimised away; prints the packet count. The limit for any libpcap tool.
 */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	if (argc != 2) {
		fprintf(stderr, "usage: pcap_loop FILE\n");
		return 2;
	}
	pcap_t *p = pcap_open_offline(argv[1], err);
	if (!p) {
		fprintf(stderr, "pcap_loop: %s\n", err);
		return 2;
	}
	struct pcap_pkthdr *h;
	const u_char *d;
	unsigned long long n = 0, sum = 0;
	int rc;
	while ((rc = pcap_next_ex(p, &h, &d)) == 1) {
		n++;
		sum += h->caplen ? d[0] : 0;
	}
	printf("%llu packets (%llu)\n", n, sum);
	pcap_close(p);
	return rc == -1 ? 1 : 0;
}
