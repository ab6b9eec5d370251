/*
 * reg_load.h — what the rules data loaders share (not a public API: only
 * registry.c and the reg_*.c modules include it).
 *
 * registry.c reads each file of its {file, loader} table into a struct
 * rload and calls the loader of the module that uses the data:
 *   reg_rules.c      rules.yaml, checklist.yaml, report.yaml
 *   reg_firmware.c   firmware/home-routers.yaml, firmware/home-firmware.yaml,
 *                    firmware/vpn-devices.yaml
 *   reg_filter.c     ports.yaml, vendor-templates.yaml, internet-sources.yaml
 *   reg_passphrase.c passphrase.yaml
 *   reg_capture.c    capture-login-fields.yaml, lookalike.yaml,
 *                    service-domains.yaml
 *   reg_wifi_labels.c wifi-labels.yaml, default-ssids.yaml, admin-defaults.yaml
 * A loader records every problem of its file with rl_err() (yschema.h:
 * "file:line: reason"), skips the rest of the entry at fault and goes on
 * with the next one; the load fails when any problem was recorded. A
 * loader's return value only says whether it stopped early.
 */
#ifndef EDGELINT_REG_LOAD_H
#define EDGELINT_REG_LOAD_H

#include <limits.h>
#include "registry.h"
#include "yschema.h"

struct rload {
	struct yfile f;           /* the file being read and its problems */
	struct registry *r;
	char path[PATH_MAX];      /* f.file points here */
};

#define rl_err(L, at, ...) yf_err(&(L)->f, (at), __VA_ARGS__)

/* Checks the keys of the mapping m (one problem per unknown key). */
int rl_check_keys(struct rload *L, const struct ynode *m, const char *const *allowed,
		  const char *what);
/* The single value under key of m, or NULL when absent or null (a
 * problem when required) or not a single value (a problem); a problem
 * sets *rc, which is otherwise left as it is, so several calls may share
 * one rc. */
const char *rl_str(struct rload *L, const struct ynode *m, const char *key, bool required,
		   int *rc);
/* A whole number from min to max under key of m (required): the number,
 * or -1 with a problem (*rc set) when absent or out of range. */
long rl_num(struct rload *L, const struct ynode *m, const char *key, long min, long max,
	    int *rc);
/* Reads {en: …, ja: …} (v, found in the mapping parent); both languages
 * are required. Problems point at v, or at parent when v is missing. */
int rl_ltext(struct rload *L, const struct ynode *parent, const struct ynode *v,
	     const char *what, struct ltext *out);
/* The optional date under key ("YYYY-MM-DD" or "YYYY-MM"): *days (-1 when
 * absent) and, when text is not NULL, its text. */
int rl_date(struct rload *L, const struct ynode *m, const char *key, long *days,
	    const char **text);
/* The required as_of (review date) of the entry m, written to *text when
 * text is not NULL; a missing one is "<what> <name>: 'as_of' is missing"
 * ("'as_of' is missing" when what is NULL). 0 or EL_EPARSE. */
int rl_as_of(struct rload *L, const struct ynode *m, const char *what, const char *name,
	     const char **text);
/* A dated data table: checks the file's top-level as_of (the review date,
 * which also dates every output's "rules data as of") and returns the
 * list under list_key. */
int rl_table(struct rload *L, const char *list_key, const char **as_of_text,
	     const struct ynode **list);
/* The array for the entries of list (a sequence; a problem "'<key>' must
 * be a list of <shape>" otherwise, naming at when list is NULL): n + 1
 * elements of size bytes from the registry's arena, or NULL (a problem
 * when out of memory). */
void *rl_list(struct rload *L, const struct ynode *list, const struct ynode *at, size_t size,
	      const char *key, const char *shape);
/* Whether the entry m of a list is a mapping (else the problem "a <what>
 * must be a mapping <shape>") with only the keys allowed. */
bool rl_entry(struct rload *L, const struct ynode *m, const char *const *allowed,
	      const char *what, const char *shape);
/* A non-NULL text for a message about an entry whose name is missing. */
static inline const char *rl_name(const char *s)
{
	return s ? s : "?";
}

/* The loaders of the {file, loader} table in registry.c; each finds its
 * document in L->f.root (a mapping). */
int reg_load_rules(struct rload *L);
int reg_load_checklist(struct rload *L);
int reg_load_report(struct rload *L);
int reg_load_routers(struct rload *L);
int reg_load_home_firmware(struct rload *L);
int reg_load_vpn_devices(struct rload *L);
int reg_load_ports(struct rload *L);
int reg_load_templates(struct rload *L);
int reg_load_internet(struct rload *L);
int reg_load_passphrase(struct rload *L);
int reg_load_login_fields(struct rload *L);
int reg_load_lookalike(struct rload *L);
int reg_load_service_domains(struct rload *L);
int reg_load_wifi_labels(struct rload *L);
int reg_load_default_ssids(struct rload *L);
int reg_load_admin_defaults(struct rload *L);

#endif
