/*
 * login_telnet.c — the Telnet login reader (login.h): prompt/echo
 * aware (RFC 854), IAC commands and subnegotiations skipped (RFC 855); the
 * client's keystrokes after a login or password prompt are the user or
 * the password.
 */
#include "login.h"

#include <stdlib.h>
#include <string.h>

/* ---- Telnet ----------------------------------------------------------- */

#define IAC 255
#define TN_SE 240
#define TN_EC 247
#define TN_EL 248
#define TN_SB 250
/* IAC parser states */
enum { IS_DATA, IS_IAC, IS_OPT, IS_SB, IS_SB_IAC };

static bool tn_prompt(const struct lg_state *st, const char *const *words)
{
	size_t n = st->tail_len;
	while (n && (st->tail[n - 1] == ' ' || st->tail[n - 1] == '\t'))
		n--;
	for (size_t i = 0; words[i]; i++) {
		size_t wn = strlen(words[i]);
		if (n >= wn && memcmp(st->tail + n - wn, words[i], wn) == 0)
			return true;
	}
	return false;
}

static const char *const tn_user_prompts[] = {"login:", "username:", "user name:", "user:", NULL};
static const char *const tn_pass_prompts[] = {"password:", "passcode:", "passwd:", NULL};

static void tn_server_byte(struct lg_state *st, uint8_t ch)
{
	if (ch == 0)
		return;
	if (st->tail_len == LG_TAIL) {
		memmove(st->tail, st->tail + 1, LG_TAIL - 1);
		st->tail_len--;
	}
	st->tail[st->tail_len++] = ch == '\r' ? '\n' : lg_lower(ch);
}

static void tn_erase(struct lg_state *st, bool line)
{
	if (st->field == TN_USER && st->user_len)
		st->user_len = line ? 0 : (uint16_t)(st->user_len - 1);
	else if (st->field == TN_PASS && st->pass_len)
		st->pass_len = line ? 0 : (uint16_t)(st->pass_len - 1);
}

static void tn_client_byte(struct lg *x, uint8_t ch)
{
	struct lg_state *st = x->st;
	if (st->field == TN_NONE) {
		if (ch == '\r' || ch == '\n' || ch == 0)
			return;
		if (tn_prompt(st, tn_pass_prompts)) {
			st->field = TN_PASS;
			st->pass_len = 0;
		} else if (tn_prompt(st, tn_user_prompts)) {
			st->field = TN_USER;
			st->user_len = 0;
			st->have_user = false;
		} else {
			return;
		}
	}
	if (ch == '\r' || ch == '\n') {
		if (st->field == TN_USER) {
			st->have_user = st->user_len > 0;
		} else {
			lg_report_pass(x, "Telnet", false);
			st->have_user = false;
		}
		st->field = TN_NONE;
		st->tail_len = 0;   /* the next prompt is new output */
		return;
	}
	if (ch == 8 || ch == 127) {
		tn_erase(st, false);
		return;
	}
	if (ch == 0x15) {      /* ^U: kill line */
		tn_erase(st, true);
		return;
	}
	if (ch == 3 || ch == 4) {   /* ^C, ^D: abandoned */
		st->field = TN_NONE;
		st->pass_len = 0;
		return;
	}
	if (ch < 0x20)
		return;
	if (st->field == TN_USER && st->user_len < sizeof(st->user))
		st->user[st->user_len++] = ch;
	else if (st->field == TN_PASS && st->pass_len < sizeof(st->pass))
		st->pass[st->pass_len++] = ch;
}

/* After a password was typed (st->pending), the server's output at the
 * end of a segment tells how the login went. Telnet itself (RFC 854)
 * has no verdict; the login programs' own words are it: util-linux and
 * BusyBox login(1) print "Login incorrect" and ask again, Cisco IOS
 * "% Login invalid" or "% Authentication failed", others "Access
 * denied"; a new login prompt is a refusal too (a password prompt is
 * not: a device's "enable" asks for one after a good login). Output that
 * ends in a shell or device prompt ("$", "#", ">", "%": sh, root, IOS
 * user and enable modes, csh) is a session: the login succeeded. Other
 * output (a banner, the message of the day) waits for the next segment. */
static void tn_verdict(struct lg *x)
{
	/* Whole phrases: a banner's "There were 3 failed login attempts"
	 * (pam_lastlog) after a good login is no refusal. */
	static const char *const refused[] = {"incorrect", "login invalid", "authentication failed",
					      "access denied", "bad password", NULL};
	struct lg_state *st = x->st;
	size_t n = st->tail_len;
	for (size_t i = 0; refused[i]; i++) {
		size_t wn = strlen(refused[i]);
		for (size_t k = 0; k + wn <= n; k++)
			if (memcmp(st->tail + k, refused[i], wn) == 0) {
				lg_outcome(x, CRED_FAILED);
				return;
			}
	}
	if (tn_prompt(st, tn_user_prompts)) {
		lg_outcome(x, CRED_FAILED);
		return;
	}
	while (n && (st->tail[n - 1] == ' ' || st->tail[n - 1] == '\t'))
		n--;
	if (n && st->tail[n - 1] && strchr("$#>%", st->tail[n - 1]))
		lg_outcome(x, CRED_SUCCEEDED);
}

/* Runs the bytes of direction d through the IAC parser (RFC 854: IAC
 * IAC is a data 255; IAC WILL/WONT/DO/DONT take an option byte; IAC SB …
 * IAC SE is a subnegotiation; IAC EC / IAC EL erase). */
static void tn_bytes(struct lg *x, int d)
{
	struct lg_state *st = x->st;
	struct pktcur c = x->v->data[d];
	uint8_t ch;
	while (!pc_u8(&c, &ch)) {
		uint8_t *s = &st->iac[d];
		switch (*s) {
		case IS_DATA:
			if (ch == IAC) {
				*s = IS_IAC;
				continue;
			}
			break;
		case IS_IAC:
			*s = IS_DATA;
			if (ch == IAC)
				break;   /* an escaped 255 */
			if (ch >= 251)
				*s = IS_OPT;
			else if (ch == TN_SB)
				*s = IS_SB;
			else if (d == 0 && (ch == TN_EC || ch == TN_EL))
				tn_erase(st, ch == TN_EL);
			continue;
		case IS_OPT:
			*s = IS_DATA;
			continue;
		case IS_SB:
			if (ch == IAC)
				*s = IS_SB_IAC;
			continue;
		default:   /* IS_SB_IAC */
			*s = ch == TN_SE ? IS_DATA : IS_SB;
			continue;
		}
		if (d == 1)
			tn_server_byte(st, ch);
		else
			tn_client_byte(x, ch);
	}
	x->res->consumed[d] = (uint16_t)(c.off - x->v->data[d].off);
	if (d == 1 && st->pending >= 0 && st->tail_len)
		tn_verdict(x);
}

/* Telnet by content: option negotiation at the start of either side, or
 * a server whose first output is text ending in a login prompt. */
static int tn_recognise(const struct cls_view *v)
{
	for (int d = 0; d < 2; d++) {
		uint8_t a, b;
		if (!pc_peek(&v->data[d], 0, &a) && a == IAC) {
			if (pc_peek(&v->data[d], 1, &b))
				return v->final[d] ? -1 : 0;   /* IAC alone so far */
			return b >= TN_SB && b != IAC ? 1 : -1;
		}
	}
	struct pktcur s = v->data[1];
	size_t n = pc_left(&s);
	if (n == 0 || n > 512 || pc_left(&v->data[0]))
		return v->final[1] || pc_left(&v->data[0]) ? -1 : 0;
	struct lg_state tmp;
	memset(&tmp, 0, sizeof(tmp));
	uint8_t ch;
	while (!pc_u8(&s, &ch)) {
		if (ch < 0x20 && ch != '\r' && ch != '\n' && ch != '\t' && ch != 0)
			return -1;
		tn_server_byte(&tmp, ch);
	}
	return tn_prompt(&tmp, tn_user_prompts) ? 1 : 0;
}

enum cls_verdict cls_telnet(const struct cls_view *v, struct cls_result *res)
{
	struct lg x;
	int verdict = lg_open(v, res, tn_recognise, APP_TELNET, &x);
	if (verdict >= 0)
		return (enum cls_verdict)verdict;
	for (int d = 0; d < 2; d++) {
		if (v->gap[d]) {
			x.st->iac[d] = IS_DATA;
			if (d == 0)
				x.st->field = TN_NONE;
		}
	}
	/* the server's output first: its prompt precedes what is typed */
	tn_bytes(&x, 1);
	tn_bytes(&x, 0);
	return CLS_MORE;
}
