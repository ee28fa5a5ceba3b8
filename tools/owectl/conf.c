// SPDX-License-Identifier: GPL-2.0
/*
 * The hostapd.conf subset of owectl apply. The whole file is read and
 * checked before anything is started: every key is known, every value
 * parses (with the parsers of "ap start"), no two keys conflict, and the
 * transition pairs of the file pair up. Each error names the file and the
 * line, and conf_read() goes on to the end of the file, so that one run
 * shows all of them.
 *
 *   interface=wlan0            the first BSS; the radio's keys follow it
 *   hw_mode=g / channel=1      the radio's channel (a: 5 GHz)
 *   ssid=OPEN-OWE
 *   owe_transition_ifname=wlan1
 *   bss=wlan1                  a second BSS on the same radio
 *   bssid=02:00:00:00:00:10
 *   ssid=OWE-Transition
 *   wpa=2
 *   wpa_key_mgmt=OWE
 *   ...
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "conf.h"

enum key_scope {
	SCOPE_SECTION,		/* interface= and bss= */
	SCOPE_RADIO,		/* before the first bss= line only */
	SCOPE_BSS,
};

static const struct {
	const char *name;
	enum key_scope scope;
} keys[K_COUNT] = {
	[K_INTERFACE] = { "interface", SCOPE_SECTION },
	[K_BSS] = { "bss", SCOPE_SECTION },
	[K_DRIVER] = { "driver", SCOPE_RADIO },
	[K_HW_MODE] = { "hw_mode", SCOPE_RADIO },
	[K_CHANNEL] = { "channel", SCOPE_RADIO },
	[K_BEACON_INT] = { "beacon_int", SCOPE_RADIO },
	[K_SSID] = { "ssid", SCOPE_BSS },
	[K_BSSID] = { "bssid", SCOPE_BSS },
	[K_IGNORE_BROADCAST_SSID] = { "ignore_broadcast_ssid", SCOPE_BSS },
	[K_WPA] = { "wpa", SCOPE_BSS },
	[K_WPA_KEY_MGMT] = { "wpa_key_mgmt", SCOPE_BSS },
	[K_OWE_GROUPS] = { "owe_groups", SCOPE_BSS },
	[K_OWE_PTK_WORKAROUND] = { "owe_ptk_workaround", SCOPE_BSS },
	[K_OWE_TRANSITION_IFNAME] = { "owe_transition_ifname", SCOPE_BSS },
	[K_OWE_TRANSITION_BSSID] = { "owe_transition_bssid", SCOPE_BSS },
	[K_OWE_TRANSITION_SSID] = { "owe_transition_ssid", SCOPE_BSS },
	[K_IEEE80211W] = { "ieee80211w", SCOPE_BSS },
	[K_RSN_PAIRWISE] = { "rsn_pairwise", SCOPE_BSS },
	[K_BRIDGE] = { "bridge", SCOPE_BSS },
	[K_DTIM_PERIOD] = { "dtim_period", SCOPE_BSS },
};

struct message {
	unsigned int line;
	int seq;
	char *text;
};

struct reader {
	struct conf *conf;
	char where[512];
	unsigned int line;		/* of the messages owectl_err() prints now */
	int errors;
	struct message *msgs;
	int n_msgs;
};

/* owectl_err_sink: the messages are kept, and printed in line order */
static struct reader *collecting;

static void collect(const char *msg)
{
	struct reader *r = collecting;
	struct message *m;

	m = realloc(r->msgs, (r->n_msgs + 1) * sizeof(*m));
	if (!m) {
		fputs(msg, stderr);
		return;
	}
	r->msgs = m;
	m = &r->msgs[r->n_msgs];
	m->line = r->line;
	m->seq = r->n_msgs;
	m->text = strdup(msg);
	if (m->text)
		r->n_msgs++;
	else
		fputs(msg, stderr);
}

static int cmp_messages(const void *a, const void *b)
{
	const struct message *ma = a, *mb = b;

	if (ma->line != mb->line)
		return ma->line < mb->line ? -1 : 1;
	return ma->seq - mb->seq;
}

static void print_messages(struct reader *r)
{
	int i;

	if (r->n_msgs)
		qsort(r->msgs, r->n_msgs, sizeof(r->msgs[0]), cmp_messages);
	for (i = 0; i < r->n_msgs; i++) {
		fputs(r->msgs[i].text, stderr);
		free(r->msgs[i].text);
	}
	free(r->msgs);
	r->msgs = NULL;
	r->n_msgs = 0;
}

/* point owectl_err() at LINE of the file */
static void at(struct reader *r, unsigned int line)
{
	snprintf(r->where, sizeof(r->where), "%s:%u: ", r->conf->path, line);
	owectl_where = r->where;
	r->line = line;
}

__attribute__((format(printf, 3, 4)))
static void error_at(struct reader *r, unsigned int line, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	at(r, line);
	owectl_err("%s\n", msg);
	r->errors++;
}

/* count the error of a parser of ap.c or parse.c, which printed it */
static void check_at(struct reader *r, int err)
{
	if (err)
		r->errors++;
}

static int find_key(const char *name)
{
	int k;

	for (k = 0; k < K_COUNT; k++)
		if (!strcmp(name, keys[k].name))
			return k;
	return -1;
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static bool valid_ifname(const char *name)
{
	size_t len = strlen(name);
	size_t i;

	if (!len || len >= IF_NAMESIZE || !strcmp(name, ".") ||
	    !strcmp(name, ".."))
		return false;
	for (i = 0; i < len; i++)
		if (name[i] == '/' || name[i] == ':' ||
		    isspace((unsigned char)name[i]))
			return false;
	return true;
}

/* the value of a key that takes 0 or 1 (or up to @max) */
static int small_uint(struct reader *r, struct conf_bss *b, int k,
		      unsigned int max)
{
	const char *v = b->val[k];

	if (strlen(v) == 1 && v[0] >= '0' && v[0] <= (char)('0' + max))
		return v[0] - '0';
	error_at(r, b->key_line[k], "%s=%s: expected %s", keys[k].name, v,
		 max == 1 ? "0 or 1" : "0, 1 or 2");
	return -1;
}

static void add_arg(struct conf_bss *b, const char *arg)
{
	if (b->argc < CONF_MAX_ARGS)
		b->argv[b->argc++] = strdup(arg);
}

static void add_opt(struct conf_bss *b, const char *opt, const char *val)
{
	add_arg(b, opt);
	add_arg(b, val);
}

/* hostapd's SSID strings: "text" or hex; into @out, NUL-terminated */
static int unquote_ssid(const char *v, char *out, size_t size)
{
	size_t len = strlen(v), i;

	if (len >= 2 && v[0] == '"' && v[len - 1] == '"') {
		if (len - 2 >= size)
			return -1;
		memcpy(out, v + 1, len - 2);
		out[len - 2] = '\0';
		return 0;
	}
	if (!len || len % 2 || len / 2 >= size)
		return -1;
	for (i = 0; i < len / 2; i++) {
		char hex[3] = { v[2 * i], v[2 * i + 1], '\0' };
		char *end;

		if (!isxdigit((unsigned char)hex[0]) ||
		    !isxdigit((unsigned char)hex[1]))
			return -1;
		out[i] = strtoul(hex, &end, 16);
		if (!out[i])
			return -1;
	}
	out[len / 2] = '\0';
	return 0;
}

/* hw_mode and channel of the radio: the frequency, 0 after an error */
static unsigned int radio_freq(struct reader *r, struct conf_bss *radio)
{
	const char *mode = radio->val[K_HW_MODE] ?: "g";
	unsigned int line = radio->key_line[K_CHANNEL];
	unsigned long ch;
	char *end;

	if (!radio->val[K_CHANNEL]) {
		error_at(r, radio->line,
			 "no channel= for the radio of '%s' (owe-ap has no automatic channel selection)",
			 radio->ifname);
		return 0;
	}
	errno = 0;
	ch = strtoul(radio->val[K_CHANNEL], &end, 10);
	if (errno || *end || !isdigit((unsigned char)radio->val[K_CHANNEL][0])) {
		error_at(r, line, "channel=%s: not a channel number",
			 radio->val[K_CHANNEL]);
		return 0;
	}
	if (!ch) {
		error_at(r, line,
			 "channel=0: owe-ap has no automatic channel selection; give the channel");
		return 0;
	}
	if (!strcmp(mode, "b") || !strcmp(mode, "g")) {
		if (ch >= 1 && ch <= 13)
			return 2407 + 5 * ch;
		if (ch == 14 && !strcmp(mode, "b"))
			return 2484;
		error_at(r, line, "channel=%lu: not a channel of hw_mode=%s (1 to %s)",
			 ch, mode, !strcmp(mode, "b") ? "14" : "13");
		return 0;
	}
	/* hw_mode=a: parse_freq() knows the 5 GHz channels */
	if (ch >= 32 && ch <= 177)
		return 5000 + 5 * ch;
	error_at(r, line, "channel=%lu: not a 5 GHz channel of hw_mode=a (32 to 177)",
		 ch);
	return 0;
}

/* a key that only an OWE BSS takes, given on an open one */
static void owe_only(struct reader *r, struct conf_bss *b, int k)
{
	if (b->val[k] && !b->owe && !b->bad_role)
		error_at(r, b->key_line[k],
			 "%s=%s: only an OWE BSS takes it (this BSS has no wpa_key_mgmt=OWE)",
			 keys[k].name, b->val[k]);
}

/* the keys of one BSS, and what "ap start" gets from them */
static void derive_bss(struct reader *r, struct conf_bss *b,
		       struct conf_bss *radio, unsigned int freq)
{
	char buf[256];
	int v;

	b->argc = 0;
	if (!b->val[K_SSID]) {
		error_at(r, b->line, "the BSS on '%s' has no ssid=", b->ifname);
	} else {
		at(r, b->key_line[K_SSID]);
		check_at(r, ap_check_option("ssid", b->val[K_SSID]));
		add_opt(b, "ssid", b->val[K_SSID]);
	}
	snprintf(buf, sizeof(buf), "%u", freq);
	add_opt(b, "freq", buf);

	if (b->val[K_IGNORE_BROADCAST_SSID]) {
		v = small_uint(r, b, K_IGNORE_BROADCAST_SSID, 2);
		if (v == 2)
			error_at(r, b->key_line[K_IGNORE_BROADCAST_SSID],
				 "ignore_broadcast_ssid=2 (an SSID of zeros) is not supported; use 1 (an empty SSID)");
		b->hidden = v == 1;
		if (b->hidden)
			add_arg(b, "hidden");
	}
	if (radio->val[K_BEACON_INT]) {
		at(r, radio->key_line[K_BEACON_INT]);
		check_at(r, ap_check_option("beacon-interval",
					    radio->val[K_BEACON_INT]));
		add_opt(b, "beacon-interval", radio->val[K_BEACON_INT]);
	}
	if (b->val[K_DTIM_PERIOD]) {
		at(r, b->key_line[K_DTIM_PERIOD]);
		check_at(r, ap_check_option("dtim-period", b->val[K_DTIM_PERIOD]));
		add_opt(b, "dtim-period", b->val[K_DTIM_PERIOD]);
	}

	/* wpa_key_mgmt=OWE makes an OWE BSS; nothing else is served */
	if (b->val[K_WPA_KEY_MGMT]) {
		if (strcmp(b->val[K_WPA_KEY_MGMT], "OWE")) {
			error_at(r, b->key_line[K_WPA_KEY_MGMT],
				 "wpa_key_mgmt=%s: owe-ap serves only OWE or open BSSes",
				 b->val[K_WPA_KEY_MGMT]);
			b->bad_role = true;
		} else {
			b->owe = true;
		}
	}
	if (b->val[K_WPA]) {
		v = small_uint(r, b, K_WPA, 2);
		if (v == 1)
			error_at(r, b->key_line[K_WPA],
				 "wpa=1 (WPA1): owe-ap serves only OWE (wpa=2) or open BSSes (wpa=0)");
		else if (v == 2 && !b->val[K_WPA_KEY_MGMT])
			error_at(r, b->key_line[K_WPA],
				 "wpa=2 without wpa_key_mgmt=OWE means WPA-PSK: owe-ap serves only OWE or open BSSes");
		else if (v == 0 && b->owe)
			error_at(r, b->key_line[K_WPA],
				 "wpa=0 conflicts with wpa_key_mgmt=OWE (line %u)",
				 b->key_line[K_WPA_KEY_MGMT]);
	}
	add_opt(b, "security", b->owe ? "owe" : "open");

	owe_only(r, b, K_OWE_GROUPS);
	if (b->owe && b->val[K_OWE_GROUPS]) {
		char *p;

		/* hostapd's list is space-separated, ap start's comma-separated */
		snprintf(buf, sizeof(buf), "%s", b->val[K_OWE_GROUPS]);
		for (p = buf; *p; p++)
			if (*p == ' ' || *p == '\t')
				*p = ',';
		at(r, b->key_line[K_OWE_GROUPS]);
		check_at(r, ap_check_option("groups", buf));
		add_opt(b, "groups", buf);
	}
	if (b->val[K_IEEE80211W]) {
		static const char * const pmf[] = { "off", "optional", "required" };

		v = small_uint(r, b, K_IEEE80211W, 2);
		if (v > 0 && !b->owe)
			owe_only(r, b, K_IEEE80211W);
		else if (v >= 0 && b->owe)
			add_opt(b, "pmf", pmf[v]);
	}
	owe_only(r, b, K_RSN_PAIRWISE);
	if (b->owe && b->val[K_RSN_PAIRWISE]) {
		const char *c = b->val[K_RSN_PAIRWISE];
		char lower[32];
		size_t i;

		if (strchr(c, ' ') || strchr(c, '\t')) {
			error_at(r, b->key_line[K_RSN_PAIRWISE],
				 "rsn_pairwise=%s: owe-ap takes one cipher, the pairwise and the group one",
				 c);
		} else {
			for (i = 0; c[i] && i < sizeof(lower) - 1; i++)
				lower[i] = tolower((unsigned char)c[i]);
			lower[i] = '\0';
			at(r, b->key_line[K_RSN_PAIRWISE]);
			check_at(r, ap_check_option("cipher", lower));
			add_opt(b, "cipher", lower);
		}
	}
	if (b->val[K_OWE_PTK_WORKAROUND]) {
		v = small_uint(r, b, K_OWE_PTK_WORKAROUND, 1);
		if (v == 1 && !b->owe) {
			owe_only(r, b, K_OWE_PTK_WORKAROUND);
		} else if (v == 1 && !ap_has_option("ptk-workaround")) {
			error_at(r, b->key_line[K_OWE_PTK_WORKAROUND],
				 "owe_ptk_workaround=1: this owectl has no ptk-workaround option for ap start");
		} else if (v == 1) {
			add_opt(b, "ptk-workaround", "on");
		}
		/* 0 is the default of ap start: nothing to pass */
	}

	/* the partner: its interface, or its BSSID and SSID */
	if (b->val[K_OWE_TRANSITION_IFNAME]) {
		if (b->val[K_OWE_TRANSITION_BSSID] || b->val[K_OWE_TRANSITION_SSID]) {
			int k = b->val[K_OWE_TRANSITION_BSSID] ?
				K_OWE_TRANSITION_BSSID : K_OWE_TRANSITION_SSID;

			error_at(r, b->key_line[k],
				 "%s conflicts with owe_transition_ifname (line %u): name the partner's interface, or give its BSSID and SSID",
				 keys[k].name, b->key_line[K_OWE_TRANSITION_IFNAME]);
		}
		add_opt(b, "transition", b->val[K_OWE_TRANSITION_IFNAME]);
	} else if (b->val[K_OWE_TRANSITION_BSSID] || b->val[K_OWE_TRANSITION_SSID]) {
		if (!b->val[K_OWE_TRANSITION_SSID]) {
			error_at(r, b->key_line[K_OWE_TRANSITION_BSSID],
				 "owe_transition_bssid needs owe_transition_ssid");
		} else if (!b->val[K_OWE_TRANSITION_BSSID]) {
			error_at(r, b->key_line[K_OWE_TRANSITION_SSID],
				 "owe_transition_ssid needs owe_transition_bssid");
		} else {
			at(r, b->key_line[K_OWE_TRANSITION_BSSID]);
			check_at(r, ap_check_option("transition-bssid",
						    b->val[K_OWE_TRANSITION_BSSID]));
			add_opt(b, "transition-bssid", b->val[K_OWE_TRANSITION_BSSID]);
			if (unquote_ssid(b->val[K_OWE_TRANSITION_SSID], buf,
					 OWE_SSID_MAX_LEN + 1)) {
				error_at(r, b->key_line[K_OWE_TRANSITION_SSID],
					 "owe_transition_ssid=%s: expected \"SSID\" (quoted) or its octets in hex, at most %d",
					 b->val[K_OWE_TRANSITION_SSID], OWE_SSID_MAX_LEN);
			} else {
				at(r, b->key_line[K_OWE_TRANSITION_SSID]);
				check_at(r, ap_check_option("transition-ssid", buf));
				add_opt(b, "transition-ssid", buf);
			}
		}
	}

	if (b->val[K_BSSID]) {
		at(r, b->key_line[K_BSSID]);
		if (parse_mac(b->val[K_BSSID], b->bssid))
			r->errors++;
		else
			b->has_bssid = true;
	}
	if (b->val[K_BRIDGE]) {
		char path[64 + IF_NAMESIZE];

		b->bridge = b->val[K_BRIDGE];
		snprintf(path, sizeof(path), "/sys/class/net/%s/bridge", b->bridge);
		if (!valid_ifname(b->bridge) || access(path, F_OK))
			error_at(r, b->key_line[K_BRIDGE],
				 "bridge=%s: no such bridge (owectl apply adds the interface to an existing bridge: create it first, e.g. ip link add %s type bridge)",
				 b->bridge, b->bridge);
	}
}

/* the transition pairs that the file describes on both sides */
static void check_pair(struct reader *r, struct conf *conf, struct conf_bss *b)
{
	const char *name = b->val[K_OWE_TRANSITION_IFNAME];
	unsigned int line = b->key_line[K_OWE_TRANSITION_IFNAME];
	struct conf_bss *p;

	if (!name)
		return;
	if (!strcmp(name, b->ifname)) {
		error_at(r, line, "owe_transition_ifname=%s: a BSS cannot be its own transition partner",
			 name);
		return;
	}
	p = conf_find(conf, name);
	if (!p) {
		if (!valid_ifname(name) || !if_nametoindex(name))
			error_at(r, line,
				 "owe_transition_ifname=%s: no such interface, and no BSS of this file",
				 name);
		return;
	}
	if (b->bad_role || p->bad_role)
		;	/* its wpa_key_mgmt has been reported */
	else if (b->owe == p->owe)
		error_at(r, line,
			 "owe_transition_ifname=%s: '%s' and '%s' are both %s BSSes; a transition pair is one open and one OWE BSS",
			 name, b->ifname, name, b->owe ? "OWE" : "open");
	else if (b->owe && !b->hidden)
		error_at(r, line,
			 "owe_transition_ifname=%s: the OWE BSS of a transition pair must be hidden (ignore_broadcast_ssid=1)",
			 name);
	else if (!b->owe && b->hidden)
		error_at(r, line,
			 "owe_transition_ifname=%s: the open BSS of a transition pair must broadcast its SSID (no ignore_broadcast_ssid=1)",
			 name);
	if (p->val[K_OWE_TRANSITION_IFNAME] &&
	    strcmp(p->val[K_OWE_TRANSITION_IFNAME], b->ifname))
		error_at(r, line,
			 "owe_transition_ifname=%s: '%s' names '%s' as its partner (line %u), not '%s'",
			 name, name, p->val[K_OWE_TRANSITION_IFNAME],
			 p->key_line[K_OWE_TRANSITION_IFNAME], b->ifname);
}

struct conf_bss *conf_find(struct conf *conf, const char *ifname)
{
	int i;

	for (i = 0; i < conf->n_bss; i++)
		if (!strcmp(conf->bss[i].ifname, ifname))
			return &conf->bss[i];
	return NULL;
}

static void read_line(struct reader *r, unsigned int line, char *text)
{
	struct conf *conf = r->conf;
	struct conf_bss *b = conf->n_bss ? &conf->bss[conf->n_bss - 1] : NULL;
	char *key, *val, *eq;
	int k;

	key = trim(text);
	if (!*key || *key == '#')
		return;
	eq = strchr(key, '=');
	if (!eq) {
		error_at(r, line, "'%s': expected key=value", key);
		return;
	}
	*eq = '\0';
	key = trim(key);
	val = trim(eq + 1);
	k = find_key(key);
	if (k < 0) {
		error_at(r, line, "unknown key '%s'", key);
		return;
	}
	if (k == K_INTERFACE || k == K_BSS) {
		if (k == K_INTERFACE && conf->n_bss) {
			error_at(r, line,
				 "interface= again (first on line %u): a further BSS of the radio starts with bss=",
				 conf->bss[0].line);
			return;
		}
		if (k == K_BSS && !conf->n_bss) {
			error_at(r, line, "bss=%s before interface=: the first BSS is the radio's interface=",
				 val);
			return;
		}
		if (!valid_ifname(val)) {
			error_at(r, line, "%s=%s: not an interface name", key, val);
			return;
		}
		if (conf_find(conf, val)) {
			error_at(r, line, "%s=%s: '%s' has a BSS already (line %u)",
				 key, val, val, conf_find(conf, val)->line);
			return;
		}
		if (conf->n_bss == CONF_MAX_BSS) {
			error_at(r, line, "more than %d BSSes", CONF_MAX_BSS);
			return;
		}
		b = &conf->bss[conf->n_bss++];
		snprintf(b->ifname, sizeof(b->ifname), "%s", val);
		b->line = line;
		b->from_bss = k == K_BSS;
		return;
	}
	if (!b) {
		error_at(r, line, "%s= before interface=", key);
		return;
	}
	if (keys[k].scope == SCOPE_RADIO && b != &conf->bss[0]) {
		error_at(r, line,
			 "%s= is a setting of the radio: give it before the first bss= line (line %u)",
			 key, conf->bss[1].line);
		return;
	}
	if (b->val[k]) {
		error_at(r, line, "%s= given twice for '%s' (first on line %u)",
			 key, b->ifname, b->key_line[k]);
		return;
	}
	if (k == K_DRIVER && strcmp(val, "nl80211")) {
		error_at(r, line, "driver=%s: owe-ap drives the radio through nl80211 only",
			 val);
		return;
	}
	if (k == K_HW_MODE && strcmp(val, "a") && strcmp(val, "b") &&
	    strcmp(val, "g")) {
		error_at(r, line, "hw_mode=%s: expected a, b or g", val);
		return;
	}
	if (k == K_OWE_TRANSITION_IFNAME && !valid_ifname(val)) {
		error_at(r, line, "owe_transition_ifname=%s: not an interface name", val);
		return;
	}
	b->val[k] = strdup(val);
	b->key_line[k] = line;
}

/**
 * conf_read() - read and check a hostapd.conf subset
 * @path: the file
 * @conf: filled with its BSSes (conf_free() it, also after an error)
 *
 * Every error is printed as "owectl: PATH:LINE: ...".
 *
 * Return: 0, or HANDLER_RET_DONE after printing the errors.
 */
int conf_read(const char *path, struct conf *conf)
{
	struct reader r = { .conf = conf };
	unsigned int line = 0, freq;
	char *text = NULL;
	size_t size = 0;
	FILE *f;
	int i;

	memset(conf, 0, sizeof(*conf));
	conf->path = path;
	f = fopen(path, "r");
	if (!f) {
		owectl_err("cannot read '%s': %s\n", path, strerror(errno));
		return HANDLER_RET_DONE;
	}
	collecting = &r;
	owectl_err_sink = collect;
	while (getline(&text, &size, f) >= 0)
		read_line(&r, ++line, text);
	free(text);
	fclose(f);

	if (!conf->n_bss && !r.errors)
		error_at(&r, line ?: 1, "no interface=: the file describes no BSS");
	if (conf->n_bss) {
		freq = radio_freq(&r, &conf->bss[0]);
		for (i = 0; i < conf->n_bss; i++)
			derive_bss(&r, &conf->bss[i], &conf->bss[0], freq);
		for (i = 0; i < conf->n_bss; i++)
			check_pair(&r, conf, &conf->bss[i]);
	}
	owectl_err_sink = NULL;
	collecting = NULL;
	owectl_where = "";
	print_messages(&r);
	return r.errors ? HANDLER_RET_DONE : 0;
}

void conf_free(struct conf *conf)
{
	int i, k;

	for (i = 0; i < conf->n_bss; i++) {
		for (k = 0; k < K_COUNT; k++)
			free(conf->bss[i].val[k]);
		for (k = 0; k < conf->bss[i].argc; k++)
			free(conf->bss[i].argv[k]);
	}
	conf->n_bss = 0;
}
