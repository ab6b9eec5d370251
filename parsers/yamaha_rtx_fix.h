/*
 * yamaha_rtx_fix.h — the fix builder of the YAMAHA format
 * (parsers/yamaha_rtx_fix.c), set as the kind's fix callback in
 * parsers/yamaha_rtx.c.
 */
#ifndef EDGELINT_YAMAHA_RTX_FIX_H
#define EDGELINT_YAMAHA_RTX_FIX_H

#include "../src/finding.h"
#include "../src/fix.h"

/* Fills out with a block per open finding of item 3-2 it knows (EL101,
 * EL102, EL103, EL104, EL105) of in, whose findings are sorted: YAMAHA
 * commands in pasting order and the edits that merge them into the file,
 * or the reason why none can be built. 0, or EL_ENOMEM (in's error set). */
int rtx_fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out);

#endif
