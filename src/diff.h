/*
 * diff.h — item 3-2 across a change: what changed in internet exposure
 * between two configs of one device (issue 17 §3; `edgelint diff OLD
 * NEW`).
 *
 * It compares the analysis, not the text (so it works for every vendor
 * the model holds, and a line that moved without changing meaning is no
 * change). For each config, the reach of every target the exposure check
 * asks about (src/checks/exposure.c: the box's services, each forwarded
 * host, the inside networks without NAT), on each internet-facing
 * interface and family, is the exact set of new-connection packets the
 * inbound filter passes (filter_reach), sources limited to the outside
 * (internet_sources) and to what the service accepts. Two reaches are
 * compared exactly, packet for packet, with the filter walk itself: the
 * packets NEW passes and OLD does not are what a list made of OLD's
 * packet boxes as rejects, then NEW's as passes, passes (each tagged with
 * the NEW box, hence NEW's deciding line); and the other way round.
 *
 * The semantics follow Batfish's differential questions
 * (github.com/batfish/batfish, questions/experimental/
 * differentialReachability.json: "Returns flows that are successful in
 * one snapshot but not in another"; compareFilters.json: pairs of lines
 * that "match the same flow(s) but treat them differently"), restricted to
 * new connections from outside to one device. Each change is classified:
 *  - added:    packets to a (protocol, port, destination) that OLD let in
 *              from no source at all;
 *  - widened:  more sources for a (protocol, port, destination) OLD let
 *              in from some;
 *  - removed / narrowed: the same, the other way.
 *  - unknown:  a list of either side could not be read or analysed.
 * A change that both adds and removes sources of one service is reported
 * twice (widened and narrowed).
 *
 * Memory: everything lives in the caller's arena.
 */
#ifndef EDGELINT_DIFF_H
#define EDGELINT_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "filter.h"
#include "internet.h"
#include "model.h"
#include "query.h"

enum diff_kind { DK_ADDED, DK_WIDENED, DK_REMOVED, DK_NARROWED, DK_UNKNOWN };

/* "added", "widened", "removed", "narrowed", "unknown". */
const char *diff_kind_name(enum diff_kind k);

struct diff_change {
	enum diff_kind kind;
	const char *iface;        /* the interface's model name */
	enum fam fam;
	enum query_target target;
	const char *service;      /* QT_BOX by a service: its name, else NULL */
	struct pset proto, dport; /* what changed (dport: all when no ports) */
	struct aset dst;          /* to which addresses (the forwarded host, the
				   * box's address, inside hosts) */
	struct aset src;          /* the sources gained or lost (empty: unknown) */
	bool src_any;             /* src is every source that can arrive there */
	bool src_public;          /* src holds every public address (internet_sources) */
	/* Where: in NEW, the line that passes it (added, widened), else the
	 * list, NAT, service or interface line that stands for the target
	 * (0: the target is gone, or not tied to a line); in OLD the same for
	 * what OLD passed (removed, narrowed). */
	unsigned new_line, old_line;
};

struct diff_result {
	struct diff_change *v;
	size_t n;
	bool risky;               /* something added, widened or unknown */
};

/* Compares the exposure of two parsed office-router inputs of one device.
 * internet: the public sources (registry data). Changes come in the order
 * of their targets (interface name, family, kind of target, destination
 * as text), and within a target added, widened, removed, narrowed, each in
 * the order the filter walk found them. Returns 0, EL_ENOMEM or EL_ETOOBIG
 * (more than DIFF_MAX_CHANGES changes). */
#define DIFF_MAX_CHANGES 100000
int diff_exposure(struct arena *a, const struct input *old_in, const struct input *new_in,
		  const struct internet_data *internet, struct diff_result *out);

/* Whether two inputs describe the same kind of device: the same kind of
 * input and, when both name it, the same vendor and model. */
bool diff_same_device(const struct input *a, const struct input *b);

#endif
