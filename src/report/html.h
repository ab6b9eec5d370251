/*
 * html.h — what the two files of `--format html` share: html.c (the
 * document, the reporter) and html_svg.c (the pictures: severity counts,
 * the exposure diagram, a capture's HTTPS share and logins per client, and
 * a capture's tables). Internal to src/report/.
 */
#ifndef EDGELINT_REPORT_HTML_H
#define EDGELINT_REPORT_HTML_H

#include "report.h"

/* The reporter's state (report_run.state). */
struct html_state {
	size_t index;        /* 1-based number of the input being rendered */
	size_t nfindings;    /* groups rendered for it */
};

/* A label of rules/report.yaml (words: html-*) in the report's language. */
const char *html_word(const struct report_run *run, const char *id);
/* Appends s (n bytes; html_esc: a C string) with & < > " ' as character
 * references: safe as text and in a quoted attribute. 0 or EL_ENOMEM. */
int html_esc_n(struct strbuf *o, const char *s, size_t n);
int html_esc(struct strbuf *o, const char *s);
/* A value of input in: finding_scrub() (secrets masked), then escaped. */
int html_val(struct strbuf *o, const struct input *in, const char *s);
/* Appends the label tmpl with its {key} placeholders filled from the n
 * keys/vals (our numbers and dates), escaped. */
int html_fill(struct strbuf *o, const char *tmpl, const char *const *keys,
	      const char *const *vals, size_t n);
/* Per item status: its label id, its mark (✓ ✗ ! ? –) and CSS class. */
extern const char *const html_st_word[IST_COUNT];
extern const char *const html_st_mark[IST_COUNT];
extern const char *const html_st_class[IST_COUNT];

/* The pictures of an input (html_svg.c), each appended to run->out:
 * open findings per severity; what the internet reaches (nothing when no
 * finding says it reaches anything); a capture's traffic (in->traffic
 * must be set). 0 or negative. */
int html_svg_severity(struct report_run *run, const struct input *in);
int html_svg_exposure(struct report_run *run, const struct input *in);
int html_traffic(struct report_run *run, const struct input *in);

#endif
