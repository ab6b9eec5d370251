/*
 * cisco_asa_fix.h — the fix builder of the Cisco ASA format
 * (parsers/cisco_asa_fix.c), set as the kind's fix callback in
 * parsers/cisco_asa.c.
 */
#ifndef EDGELINT_CISCO_ASA_FIX_H
#define EDGELINT_CISCO_ASA_FIX_H

#include "../src/finding.h"
#include "../src/fix.h"

/* Fills out with a block per open EL102, EL104 and EL105 finding of in
 * (sorted): ASA commands in pasting order and the edits that merge them
 * into the file, or the reason why none can be built. 0, or EL_ENOMEM
 * (in's error set). */
int asa_fix_build(struct input *in, const struct run_ctx *ctx, struct fix_set *out);

#endif
