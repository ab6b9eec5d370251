/*
 * fix.c (report) — `--format fix`: per input, the commands that fix its
 * findings in the order to paste them in the device's configuration mode,
 * each block after a comment naming the rule, the line and the finding
 * (src/fix.h). Blocks that cannot be built say why, with no command.
 * Inputs follow each other separated by a blank line; nothing else is
 * printed, so the output of one input can be pasted as it is.
 */
#include "report.h"

#include "../fix.h"

static int fix_begin(struct report_run *run)
{
	(void)run;
	return 0;
}

static int fix_input(struct report_run *run, struct input *in)
{
	struct fix_set s;
	int rc = 0;
	if (run->out->len)
		rc = sb_adds(run->out, "\n");
	if (rc == 0)
		rc = fix_build(in, run->ctx, &s);
	if (rc == 0)
		rc = fix_render(in, &s, run->ctx->lang, run->out);
	return rc;
}

static int fix_finding(struct report_run *run, struct input *in, const struct fgroup *g)
{
	(void)run;
	(void)in;
	(void)g;
	return 0;
}

static int fix_end(struct report_run *run)
{
	(void)run;
	return 0;
}

const struct reporter reporter_fix = {
	.name = "fix",
	.begin = fix_begin,
	.input = fix_input,
	.finding = fix_finding,
	.end = fix_end,
};
