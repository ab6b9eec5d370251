/*
 * exposure.c — item 3-2: what the internet can reach. For home routers
 * described by a facts file this is remote administration and UPnP; the
 * filter analysis of office routers joins here with their parsers.
 */
#include "checks.h"

#include "../../parsers/parsers.h"

void check_exposure(struct input *in, const struct run_ctx *ctx)
{
	/* remote_admin and upnp are top-level facts: judged even without a
	 * router: section. */
	if (!in->kind || !in->kind->feeds[ITEM_3_2])
		return;
	const struct device *d = &in->dev;
	if (d->remote_admin == TRI_UNSET && d->upnp == TRI_UNSET) {
		input_item(in, ITEM_3_2, IST_NA, "facts-no-internet-side");
		return;
	}
	input_item(in, ITEM_3_2, IST_PASS, NULL);
	if (d->remote_admin == TRI_YES)
		finding_add(in, ctx, "EL110", "default", ITEM_3_2, -1, FST_FAIL,
			    d->remote_admin_line, "remote_admin: true", ARGS_END);
	if (d->upnp == TRI_YES)
		finding_add(in, ctx, "EL111", "default", ITEM_3_2, -1, FST_WARN,
			    d->upnp_line, "upnp: true", ARGS_END);
}
