/*
 * registry.h — the rules data edgelint loads from its rules directory:
 * the rule registry (rules/rules.yaml), the checklist items
 * (rules/checklist.yaml), the home-router support table
 * (rules/firmware/home-routers.yaml) and the passphrase settings
 * (rules/passphrase.yaml), and the other tables of rules/. One place
 * feeds --list-rules, --explain, SARIF rules[] and every report, so no
 * rule text lives in C code.
 *
 * This is the umbrella API; registry.c loads the directory from a
 * {file, loader} table and each reg_*.c module loads and looks up the
 * data it owns (reg_load.h lists them). Loading validates every entry
 * and reports EVERY problem of every file as "file:line: message"
 * (yschema.h); all strings live in the registry's arena.
 */
#ifndef EDGELINT_REGISTRY_H
#define EDGELINT_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"
#include "filter.h"
#include "internet.h"
#include "lookalike.h"
#include "passphrase.h"
#include "util.h"

enum lang { LANG_EN, LANG_JA, LANG_COUNT };

enum severity { SEV_INFO, SEV_LOW, SEV_MEDIUM, SEV_HIGH, SEV_CRITICAL, SEV_COUNT };
const char *severity_name(enum severity s);
/* The severity as reports show it in language l (重大, 高 … in Japanese). */
const char *severity_label(enum severity s, enum lang l);
int severity_from_name(const char *s);  /* -1 when unknown */

/* A text in both languages. */
struct ltext {
	const char *t[LANG_COUNT];
};

struct rule_msg {
	const char *variant;      /* "default", "blocklist"… */
	struct ltext text;        /* may contain {placeholders} */
	struct ltext fix;         /* the variant's own remediation (rules.yaml
				   * fixes:), or t[] all NULL: the rule's */
};

struct rule_hint {
	const char *vendor;       /* canonical vendor id, e.g. "buffalo" */
	struct ltext text;
};

struct rule {
	const char *id;           /* EL253 */
	const char *name;         /* passphrase-common */
	int items[ITEM_COUNT + 1];  /* checklist items, ITEM_NONE-terminated */
	size_t nitems;
	enum severity severity;   /* default severity */
	struct ltext title, rationale, remediation;
	struct rule_msg *msgs;
	size_t nmsgs;
	struct rule_hint *hints;
	size_t nhints;
	const char *source;       /* where its advice comes from, or NULL */
	unsigned line;            /* where it is defined in rules.yaml */
};

struct checklist_item {
	const char *id;           /* "3-2" */
	struct ltext title, summary;
	bool methods[9];          /* methods[1..8]: the item applies */
};

struct note {                 /* why an item is NA or unknown */
	const char *id;
	struct ltext text;
};

/* rules/report.yaml: how repeated findings are grouped, and the verdict
 * texts by class of input (docs/report.md). */
#define GROUP_BY_MAX 8
struct group_spec {
	const struct rule *rule;
	const char *by[GROUP_BY_MAX]; /* arguments that must be equal */
	size_t nby;
	const char *accounts;         /* argument holding a user name, or NULL */
};

enum verdict { VERDICT_APPROVE, VERDICT_FIX, VERDICT_REPLACE, VERDICT_INCOMPLETE,
	       VERDICT_NOT_ASSESSED, VERDICT_COUNT };
/* "approve", "fix", "replace", "incomplete", "not-assessed". */
const char *verdict_name(enum verdict v);

#define REPORT_CLASS_MAX 8
struct report_class {
	const char *id;               /* "home-router" … */
	bool items[ITEM_COUNT];       /* the items that make an input of this class */
	bool any;                     /* no items: every input no other class takes */
	const struct rule **replace;  /* rules whose failure means replacing the device */
	size_t nreplace;
	struct ltext verdict[VERDICT_COUNT];  /* t[] NULL when the class has none */
};

struct router_support {
	const char *vendor, *model;   /* model as written */
	char key[64];                 /* normalised model for matching */
	const char **aliases;         /* normalised */
	size_t naliases;
	long end_of_support;          /* days since epoch, or -1 */
	const char *end_of_support_text;
	const char *latest_firmware;  /* or NULL */
	const char *min_fixed_firmware;  /* first release fixing advisory, or NULL */
	const char *last_affected_firmware; /* newest release advisory affects, when the
					     * source names no fixed one; or NULL */
	bool unfixed_vulnerabilities;
	const char *advisory;
	const char *source;
	const char *as_of;
	unsigned line;
};

/* One line of releases of a home-router firmware distribution
 * (rules/firmware/home-firmware.yaml): an OpenWrt series ("24.10"), an
 * Asuswrt-Merlin branch ("386"), a RouterOS major version ("7"). */
struct distro_line {
	const char *key;
	const char *codename;         /* OpenWrt DISTRIB_CODENAME, or NULL */
	long end_of_life;             /* days since epoch, or -1 */
	const char *end_of_life_text;
	const char *latest;           /* newest release known, or NULL */
	const char *latest_date;
	const char **models;          /* Merlin: models the branch supports (model_key) */
	size_t nmodels;
	const char *last_branch;      /* Merlin dropped models: their last branch */
	const char *source, *as_of;
};

/* How a firmware line is judged: the judge methods the firmware check
 * implements (checks/firmware_support.c); which one applies to a line is
 * data (home-firmware.yaml "lines", judge). */
enum fw_judge {
	FWJ_MODEL,            /* "model": not a distribution, per-model data */
	FWJ_RELEASE_SERIES,   /* "release-series": series with end of life (OpenWrt) */
	FWJ_MODEL_BRANCH,     /* "model-branch": the model's newest branch (Merlin) */
	FWJ_MAJOR_CHANNEL,    /* "major-channel": channel of the major version (RouterOS) */
	FWJ_NEWEST_RELEASE,   /* "newest-release": the newest release seen (FreshTomato) */
	FWJ_BUILD_AGE,        /* "build-age": builds judged by their age (DD-WRT) */
};

/* One firmware line of home-firmware.yaml "lines": a parser names it by
 * id in the model (struct device distro). */
struct fw_line {
	const char *id;               /* "asuswrt-merlin" */
	const char *name;             /* "Asuswrt-Merlin", as reports print it */
	const char *branch_of;        /* the id of the line it derives from, or NULL */
	enum fw_judge judge;
	struct ltext give;            /* what carries the version; t[] NULL when not said */
	const char *source, *as_of;
	unsigned line;
};

/* Everything home-firmware.yaml says. */
struct distro_data {
	struct fw_line *lines;              /* the firmware lines */
	size_t nlines;
	struct distro_line *openwrt;        /* oldest series first */
	size_t nopenwrt;
	struct distro_line *merlin;         /* branches */
	size_t nmerlin;
	struct distro_line *merlin_dropped; /* models no branch supports any more */
	size_t nmerlin_dropped;
	struct distro_line *routeros;
	size_t nrouteros;
	struct distro_line freshtomato;     /* key NULL; latest */
	long build_age_warn_days, build_age_fail_days;
	const char *build_age_source;
	const char *as_of;
};

/* A known service (rules/ports.yaml): what a protocol and port are. */
struct service_def {
	const char *name;         /* "rdp" */
	uint32_t proto;           /* PROTO_TCP … */
	struct pset ports;        /* empty for protocols without ports */
	enum svc_class cls;
	bool critical;            /* management, remote desktop, file sharing, databases */
};

/* A vendor's port mnemonic ("www" -> 80 for yamaha). */
struct port_alias {
	const char *vendor, *name;
	struct pset ports;
};

/* A VPN device model (rules/firmware/vpn-devices.yaml). */
struct vpn_device {
	const char *vendor, *model;
	char key[64];
	const char **aliases;         /* normalised */
	size_t naliases;
	const char *family;           /* revision prefix, e.g. "15.02" */
	long end_of_support;          /* days, or -1 */
	const char *end_of_support_text;
	bool end_of_life;
	const char *latest_firmware;  /* or NULL */
	/* Every release of the model the data lists (optional; "releases"),
	 * so "N releases behind" counts real releases, never the difference
	 * of two version numbers (YAMAHA skips numbers). */
	const char **releases;
	size_t nreleases;
	const char *source, *as_of;
	unsigned line;
};

struct vpn_fix {
	char key[64];                 /* normalised model */
	const char *fixed;            /* first fixed revision */
};

struct vpn_train_fix {
	const char *train;            /* "9.12" */
	const char *fixed;            /* first fixed release, or NULL */
	/* The last affected release where the source names no fixed one
	 * (a vendor's CVE record listing affected builds): that release and
	 * older are affected, newer ones are not claimed. NULL with fixed
	 * NULL: no fix in the train. */
	const char *last_affected;
};

struct vpn_advisory {
	const char *id, *title, *source;
	const char *title_ja;         /* the title in Japanese */
	const char *vendor;           /* NULL: any (per-model fixes name it) */
	enum severity severity;
	/* Exploitation, two facts kept apart (issue 18 §1): in CISA's Known
	 * Exploited Vulnerabilities catalog (kev, with the catalog's dateAdded
	 * and knownRansomwareCampaignUse "Known"), and the vendor's own word
	 * that it was exploited (vendor_exploited, with its source). */
	bool kev;
	const char *kev_date_added;   /* YYYY-MM-DD, set when kev */
	bool kev_ransomware;
	bool vendor_exploited;
	const char *vendor_exploited_source; /* set when vendor_exploited */
	bool compromise_note;         /* upgrading alone may not remove a compromise */
	struct vpn_fix *fixed;        /* per model */
	size_t nfixed;
	struct vpn_train_fix *trains; /* per software train (Cisco) */
	size_t ntrains;
	unsigned line;
};

/* Where a maker publishes its support and security notices (the
 * "makers" list of rules/firmware/home-routers.yaml and vpn-devices.yaml):
 * the page a report names for a model the data does not know. */
struct maker_page {
	const char *vendor;           /* the vendor id inputs use (nec, cisco, …) */
	const char *page;             /* http(s) address */
	const char *source;
	unsigned line;
};

/* A software train (Cisco ASA "9.12"). */
struct vpn_train {
	const char *vendor, *train;
	long end_of_support;          /* days, or -1 */
	const char *end_of_support_text;
	const char *latest;           /* newest release seen, or NULL */
	const char *source;
	unsigned line;
};

/* A filter line of a vendor's standard template (vendor-templates.yaml). */
struct vendor_template {
	const char *id;               /* the EL117 message variant */
	const char *vendor;
	bool v6;
	const char *line;             /* fields after the filter number, single blanks */
};

/* A closed range of numbers (filter numbers a template takes). */
struct fix_range {
	long lo, hi;
};

/* The filter numbers a fix may take for a vendor (vendor-templates.yaml
 * numbers): from first to max, outside the reserved ranges. */
struct vendor_numbers {
	const char *vendor;
	long first, max;
	struct fix_range *reserved;
	size_t nreserved;
};

/* What a report calls a login the capture readers name en (rules/
 * capture-login-fields.yaml, labels). */
struct proto_label {
	const char *en, *ja;
};

/* rules/wifi-labels.yaml: how the security labels admin pages print are
 * read (parsers/router_facts.c holds the reading; this is its data).
 * What a token of a label means, as bits (WL_*). */
enum wifi_label_bit {
	WL_W1 = 1 << 0, WL_W2 = 1 << 1, WL_W3 = 1 << 2, WL_SAE = 1 << 3,
	WL_WEP = 1 << 4, WL_OWE = 1 << 5, WL_OPEN = 1 << 6, WL_ENT = 1 << 7,
	WL_MIXED = 1 << 8, WL_AES = 1 << 9, WL_TKIP = 1 << 10,
	WL_NOISE = 1 << 11, WL_ENHANCED = 1 << 12,
};

struct wifi_label_token {
	const char *tok;              /* upper-case ASCII or Japanese */
	unsigned bits;                /* WL_* */
};

/* A whole label seen on a maker's admin page or in its manual. */
struct wifi_label_seen {
	const char *label, *maker, *source, *as_of;
	enum wifi_sec mode;           /* what the manual says it allows */
	enum wifi_cipher cipher;      /* WCIPH_UNSET: the label names none */
	bool whole;                   /* read as a whole: its tokens alone
				       * would not give this mode */
	unsigned line;
};

struct wifi_labels {
	struct wifi_label_token *tokens;
	size_t ntokens;
	struct wifi_label_seen *labels;
	size_t nlabels;
	const char *as_of;
};

/* A network name a maker ships its routers with (rules/default-ssids.yaml). */
struct default_ssid {
	const char *maker, *pattern, *source, *as_of;
	unsigned line;
};

/* An admin password a firmware ships with, as its settings store it
 * (rules/admin-defaults.yaml). */
struct admin_default {
	const char *firmware, *key, *stored, *source, *as_of;
	size_t nstored;
	unsigned line;
};

struct registry {
	struct arena arena;
	const char *dir;
	struct rule *rules;
	size_t nrules;
	struct checklist_item items[ITEM_COUNT];
	struct note *notes;
	size_t nnotes;
	struct router_support *routers;
	size_t nrouters;
	const char *routers_as_of;
	struct distro_data distros;
	long data_as_of;              /* oldest review date of the data tables */
	struct vpn_device *vpns;
	size_t nvpns;
	struct vpn_advisory *advisories;
	size_t nadvisories;
	struct vpn_train *trains;
	size_t ntrains;
	const char *vpns_as_of;
	struct maker_page *makers;
	size_t nmakers;
	struct service_def *services;
	size_t nservices;
	/* Every port some TCP (index 0) or UDP (1) service names, and whether
	 * a port-less entry exists for that protocol: a fast "no service". */
	struct pset service_ports[2];
	bool service_portless[2];
	struct port_alias *port_aliases;
	size_t nport_aliases;
	struct pass_config pass;
	struct pass_blocklist *blocklist;
	struct pass_blocklist *context_words;  /* vendor/product words */
	char blocklist_note[256];     /* why a list was skipped, or "" */
	struct login_fields *login_fields;   /* capture-login-fields.yaml, compiled */
	unsigned brute_force_failed_min;     /* its brute_force.failed_min (EL407) */
	struct proto_label *proto_labels;    /* its labels: what reports call a login */
	size_t nproto_labels;
	struct lookalike_data lookalike;   /* rules/lookalike.yaml, service-domains.yaml (EL404) */
	struct vendor_template *templates; /* rules/vendor-templates.yaml (EL117) */
	size_t ntemplates;
	struct vendor_numbers *numbers;    /* rules/vendor-templates.yaml numbers (fixes) */
	size_t nnumbers;
	struct internet_data internet;     /* rules/internet-sources.yaml (3-2) */
	struct group_spec *groups;         /* rules/report.yaml */
	size_t ngroups;
	struct report_class classes[REPORT_CLASS_MAX];
	size_t nclasses;
	struct note *words;               /* the reports' own words */
	size_t nwords;
	struct wifi_labels wifi_labels;   /* rules/wifi-labels.yaml */
	struct default_ssid *default_ssids;  /* rules/default-ssids.yaml */
	size_t ndefault_ssids;
	const char *default_ssids_as_of;
	struct admin_default *admin_defaults;  /* rules/admin-defaults.yaml */
	size_t nadmin_defaults;
	const char *admin_defaults_as_of;
};

/* Finds the rules directory when none was given: $EDGELINT_RULES, then
 * <dir of the executable>/rules (source tree), then
 * <dir of the executable>/../share/edgelint/rules (installed), then the
 * compiled-in EDGELINT_RULES_DIR. Writes it into buf; 0 or -1. */
int registry_find_dir(const char *argv0, char *buf, size_t n);

/* Loads and validates everything under dir. On failure returns negative
 * and writes every problem into err, one "file:line: reason" per line, in
 * the order of the files and of the lines (what does not fit in errn
 * bytes is counted in a last line "… and N more problems"); the registry
 * is then empty (call registry_free anyway). Files that name rules
 * (report.yaml, vendor-templates.yaml) are not checked when rules.yaml
 * has problems; nothing else is when rules.yaml cannot be read. */
int registry_load(struct registry *r, const char *dir, char *err, size_t errn);
void registry_free(struct registry *r);

const struct rule *registry_rule(const struct registry *r, const char *id_or_name);
/* Whether tok (from --select/--ignore) names the rule: its name in any
 * letter case, or a prefix of its id of two characters or more ("EL1",
 * "el105"). */
bool rule_matches_token(const struct rule *ru, const char *tok);
/* Appends a rule text read without a finding (SARIF rules[], --explain):
 * each {placeholder}, which only a finding can fill (the policy's minimum,
 * a fixed release), becomes "…". Returns 0 or EL_ENOMEM/EL_ETOOBIG. */
int rule_text_plain(const char *t, struct strbuf *sb);
const struct rule_msg *rule_msg(const struct rule *ru, const char *variant);
/* The remediation a finding of this variant shows: the variant's own
 * (fixes: in rules.yaml) when it has one, else the rule's. */
const char *rule_fix(const struct rule *ru, const char *variant, enum lang l);
const char *rule_hint(const struct rule *ru, const char *vendor, enum lang l);
const char *registry_note(const struct registry *r, const char *id, enum lang l);
/* A word of rules/report.yaml (words:) in language l; the id itself
 * when absent (a bug the registry tests catch). */
const char *registry_word(const struct registry *r, const char *id, enum lang l);
/* What a report in language l calls the login a capture reader named en
 * (its label, or en itself when it has none). */
const char *registry_proto_label(const struct registry *r, const char *en, enum lang l);
/* The grouping of rule ru's findings, or NULL (group equal arguments). */
const struct group_spec *registry_group(const struct registry *r, const struct rule *ru);
/* Looks a router up by vendor (may be NULL: any) and model; NULL if absent. */
const struct router_support *registry_router(const struct registry *r,
					     const char *vendor,
					     const char *model);
/* The support and security page of the maker vendor, or NULL. */
const struct maker_page *registry_maker_page(const struct registry *r, const char *vendor);
/* The firmware line whose id is id (home-firmware.yaml "lines"), or NULL. */
const struct fw_line *registry_fw_line(const struct registry *r, const char *id);
/* The line of list[0..n) whose key is key, or NULL. */
const struct distro_line *distro_find(const struct distro_line *list, size_t n,
				      const char *key);
/* True when line lists the model (compared with model_key). */
bool distro_has_model(const struct distro_line *line, const char *model);
/* The ports a vendor's mnemonic stands for (case-insensitive), or NULL. */
/* The template line of vendor whose fields (after the filter number,
 * joined by single blanks) are text, or NULL. */
/* The numbers a fix may take for vendor, or NULL when the data has none. */
const struct vendor_numbers *registry_numbers(const struct registry *r, const char *vendor);
const struct vendor_template *registry_template(const struct registry *r, const char *vendor,
					      bool v6, const char *text);
const struct pset *registry_port_alias(const struct registry *r, const char *vendor,
				       const char *name, size_t n);
/* The best-known service on proto/port (exact port first), or NULL. */
const struct service_def *registry_service(const struct registry *r, uint32_t proto,
					   uint32_t port);
/* The train a release belongs to: "9.12(4)67" and "9.12.4.67" -> "9.12". */
void registry_release_train(const char *release, char *out, size_t n);
/* The software train of a release ("9.12(4)67" -> "9.12"), or NULL. */
const struct vpn_train *registry_train(const struct registry *r, const char *vendor,
				       const char *release);
/* A VPN device by vendor and model (aliases too), or NULL. */
const struct vpn_device *registry_vpn_device(const struct registry *r, const char *vendor,
					     const char *model);
/* Normalises a model name for matching: lower case, without spaces, '-'
 * and '_'. */
void model_key(char *dst, size_t n, const char *model);
/* Text in language l, falling back to English. */
static inline const char *ltext_get(const struct ltext *t, enum lang l)
{
	return t->t[l] ? t->t[l] : t->t[LANG_EN];
}

/* The entry of rules/default-ssids.yaml whose pattern the SSID matches
 * (the first, in file order), or NULL. */
const struct default_ssid *default_ssid_find(const struct registry *r, const char *ssid);
/* The entry of rules/admin-defaults.yaml for firmware's setting key whose
 * stored default is the n bytes at v, or NULL. The value is compared in
 * place and never copied: it is the router's admin password (issue 14 §3). */
const struct admin_default *admin_default_is(const struct registry *r, const char *firmware,
					     const char *key, const char *v, size_t n);

#endif
