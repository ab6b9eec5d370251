/*
 * loginfields.h — the HTTP form field names that carry a user or a
 * password (rules/capture-login-fields.yaml): PCRE2 patterns compiled
 * once, at registry load, with JIT when the platform has it, and matched
 * against percent-decoded field names of POST bodies and query strings
 * (parsers/pcap_login.c).
 */
#ifndef EDGELINT_LOGINFIELDS_H
#define EDGELINT_LOGINFIELDS_H

#include <stdbool.h>
#include <stddef.h>

enum lf_kind { LF_USER, LF_PASSWORD, LF_KINDS };

struct login_fields;

struct login_fields *lf_new(void);
void lf_free(struct login_fields *lf);
/* Compiles one pattern of a kind; on error writes why into err and
 * returns -1. */
int lf_add(struct login_fields *lf, enum lf_kind k, const char *pattern, char *err, size_t errn);
/* Patterns of a kind (for tests). */
size_t lf_count(const struct login_fields *lf, enum lf_kind k);
/* True when a pattern of kind k matches the name (n bytes, not
 * NUL-terminated). */
bool lf_match(const struct login_fields *lf, enum lf_kind k, const char *name, size_t n);

#endif
