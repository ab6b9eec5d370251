/*
 * loginfields.c — the HTTP form field names that carry a user or a
 * password (rules/capture-login-fields.yaml; interface in capture.h):
 * PCRE2 patterns compiled once, at rules load, and matched against
 * percent-decoded field names of POST bodies and query strings
 * (login_http.c). Patterns are compiled with
 * PCRE2_CASELESS | PCRE2_UTF and JIT-compiled (pcre2_jit_compile); when
 * JIT is unavailable the interpreter runs the same patterns. One match
 * data block serves every match (the tool is single-threaded).
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "capture.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#define LF_MAX 64                 /* patterns per kind */

struct login_fields {
	pcre2_code *code[LF_KINDS][LF_MAX];
	size_t n[LF_KINDS];
	pcre2_match_data *md;
};

struct login_fields *lf_new(void)
{
	struct login_fields *lf = calloc(1, sizeof(*lf));
	if (!lf)
		return NULL;
	lf->md = pcre2_match_data_create(4, NULL);
	if (!lf->md) {
		free(lf);
		return NULL;
	}
	return lf;
}

void lf_free(struct login_fields *lf)
{
	if (!lf)
		return;
	for (int k = 0; k < LF_KINDS; k++)
		for (size_t i = 0; i < lf->n[k]; i++)
			pcre2_code_free(lf->code[k][i]);
	pcre2_match_data_free(lf->md);
	free(lf);
}

int lf_add(struct login_fields *lf, enum lf_kind k, const char *pattern, char *err, size_t errn)
{
	if (lf->n[k] >= LF_MAX) {
		snprintf(err, errn, "more than %d patterns", LF_MAX);
		return -1;
	}
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
				       PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec,
				       &eo, NULL);
	if (!re) {
		PCRE2_UCHAR msg[160];
		pcre2_get_error_message(ec, msg, sizeof(msg));
		snprintf(err, errn, "pattern error at offset %zu: %s", (size_t)eo, (char *)msg);
		return -1;
	}
	/* JIT when the platform has it; the interpreter otherwise. */
	(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	lf->code[k][lf->n[k]++] = re;
	return 0;
}

size_t lf_count(const struct login_fields *lf, enum lf_kind k)
{
	return lf ? lf->n[k] : 0;
}

bool lf_match(const struct login_fields *lf, enum lf_kind k, const char *name, size_t n)
{
	if (!lf || n == 0)
		return false;
	for (size_t i = 0; i < lf->n[k]; i++)
		if (pcre2_match(lf->code[k][i], (PCRE2_SPTR)name, n, 0, 0, lf->md, NULL) >= 0)
			return true;
	return false;
}
