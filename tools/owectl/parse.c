// SPDX-License-Identifier: GPL-2.0
/*
 * Argument parsers. Each one prints its own error, quoting the bad value,
 * and returns HANDLER_RET_DONE, so a handler can simply pass it on.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "owectl.h"

static int full_ul(const char *arg, int base, unsigned long *val)
{
	char *end;

	if (!*arg || *arg == '-' || *arg == '+')
		return -EINVAL;
	errno = 0;
	*val = strtoul(arg, &end, base);
	if (errno || *end)
		return -EINVAL;
	return 0;
}

/**
 * parse_freq() - parse a frequency in MHz that maps to a channel
 * @arg: the value
 * @freq: set to the frequency
 * @chan: set to its channel number
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_freq(const char *arg, unsigned int *freq, unsigned int *chan)
{
	unsigned long f;

	if (full_ul(arg, 10, &f))
		goto invalid;
	if (f == 2484)
		*chan = 14;
	else if (f >= 2412 && f <= 2472 && (f - 2407) % 5 == 0)
		*chan = (f - 2407) / 5;
	else if (f >= 5160 && f <= 5885 && f % 5 == 0)
		*chan = (f - 5000) / 5;
	else if (f >= 5955 && f <= 7115 && (f - 5950) % 5 == 0)
		*chan = (f - 5950) / 5;
	else
		goto invalid;
	*freq = f;
	return 0;
invalid:
	owectl_err("invalid frequency '%s' (MHz of a 2.4, 5 or 6 GHz channel)\n", arg);
	return HANDLER_RET_DONE;
}

/**
 * parse_uint() - parse a decimal number in a range
 * @what: what the number is, for the error message
 * @arg: the value
 * @min: smallest accepted value
 * @max: largest accepted value
 * @val: set to the number
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_uint(const char *what, const char *arg, unsigned long min,
	       unsigned long max, unsigned long *val)
{
	if (full_ul(arg, 10, val) || *val < min || *val > max) {
		owectl_err("invalid %s '%s' (%lu to %lu)\n", what, arg, min, max);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_mac() - parse a MAC address, xx:xx:xx:xx:xx:xx
 * @arg: the value
 * @mac: set to the address
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_mac(const char *arg, uint8_t mac[ETH_ALEN])
{
	int i;

	if (strlen(arg) != 3 * ETH_ALEN - 1)
		goto invalid;
	for (i = 0; i < 3 * ETH_ALEN - 1; i++) {
		if (i % 3 == 2 ? arg[i] != ':' : !isxdigit((unsigned char)arg[i]))
			goto invalid;
	}
	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = strtoul(arg + 3 * i, NULL, 16);
	return 0;
invalid:
	owectl_err("invalid MAC address '%s'\n", arg);
	return HANDLER_RET_DONE;
}

/**
 * parse_ssid() - check an SSID given as text
 * @arg: the value
 * @len: set to its length in octets
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_ssid(const char *arg, size_t *len)
{
	*len = strlen(arg);
	if (!*len) {
		owectl_err("an empty SSID is not allowed (use 'hidden' to hide it)\n");
		return HANDLER_RET_DONE;
	}
	if (*len > OWE_SSID_MAX_LEN) {
		owectl_err("SSID '%s' is longer than %d bytes\n", arg, OWE_SSID_MAX_LEN);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_groups() - parse a list of DH groups, e.g. "19,20"
 * @arg: the value
 * @mask: set to the groups as a bitmask (BIT(19) for group 19)
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_groups(const char *arg, uint32_t *mask)
{
	char buf[64];
	char *save;
	char *tok;

	*mask = 0;
	if (strlen(arg) >= sizeof(buf))
		goto invalid;
	snprintf(buf, sizeof(buf), "%s", arg);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned long g;

		if (full_ul(tok, 10, &g) || g < 19 || g > 21) {
			owectl_err("unsupported DH group '%s' in '%s' (19, 20 and 21 are)\n",
				   tok, arg);
			return HANDLER_RET_DONE;
		}
		*mask |= 1U << g;
	}
	if (*mask)
		return 0;
invalid:
	owectl_err("invalid DH group list '%s' (e.g. 19,20)\n", arg);
	return HANDLER_RET_DONE;
}

static const struct {
	const char *name;
	uint32_t suite;
} akm_names[] = {
	{ "8021x", RSN_SUITE(1) },
	{ "psk", RSN_SUITE(2) },
	{ "ft-8021x", RSN_SUITE(3) },
	{ "ft-psk", RSN_SUITE(4) },
	{ "8021x-sha256", RSN_SUITE(5) },
	{ "psk-sha256", RSN_SUITE(6) },
	{ "sae", RSN_SUITE(8) },
	{ "ft-sae", RSN_SUITE(9) },
	{ "8021x-suite-b", RSN_SUITE(11) },
	{ "8021x-suite-b-192", RSN_SUITE(12) },
	{ "ft-8021x-sha384", RSN_SUITE(13) },
	{ "owe", RSN_SUITE(18) },
	{ "sae-ext-key", RSN_SUITE(24) },
	{ "ft-sae-ext-key", RSN_SUITE(25) },
};

/**
 * akm_short_name() - the name parse_akms() accepts for an AKM
 * @suite: the selector
 *
 * Return: the name or NULL.
 */
const char *akm_short_name(uint32_t suite)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(akm_names); i++)
		if (akm_names[i].suite == suite)
			return akm_names[i].name;
	return NULL;
}

/**
 * parse_akms() - parse a list of AKMs, e.g. "owe,psk" or "00-0f-ac:18"
 * @arg: the value
 * @akms: set to the suite selectors
 * @max: size of @akms
 * @n: set to the number of selectors
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_akms(const char *arg, uint32_t *akms, int max, int *n)
{
	char buf[256];
	char *save;
	char *tok;

	*n = 0;
	if (strlen(arg) >= sizeof(buf))
		goto invalid;
	snprintf(buf, sizeof(buf), "%s", arg);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned int o1, o2, o3, t;
		uint32_t suite = 0;
		char tail;
		size_t i;

		for (i = 0; i < ARRAY_SIZE(akm_names); i++)
			if (!strcmp(tok, akm_names[i].name))
				suite = akm_names[i].suite;
		if (!suite && sscanf(tok, "%2x-%2x-%2x:%u%c", &o1, &o2, &o3, &t,
				     &tail) == 4 && t < 256)
			suite = (o1 << 24) | (o2 << 16) | (o3 << 8) | t;
		if (!suite) {
			owectl_err("unknown AKM '%s' in '%s' (owe, psk, psk-sha256, sae, 8021x, 8021x-sha256, ft-..., or 00-0f-ac:N)\n",
				   tok, arg);
			return HANDLER_RET_DONE;
		}
		if (*n == max) {
			owectl_err("too many AKMs in '%s' (at most %d)\n", arg, max);
			return HANDLER_RET_DONE;
		}
		akms[(*n)++] = suite;
	}
	if (*n)
		return 0;
invalid:
	owectl_err("invalid AKM list '%s'\n", arg);
	return HANDLER_RET_DONE;
}

/**
 * parse_cipher() - parse a pairwise/group cipher name
 * @arg: the value
 * @suite: set to its suite selector
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_cipher(const char *arg, uint32_t *suite)
{
	if (!strcmp(arg, "ccmp") || !strcmp(arg, "ccmp-128")) {
		*suite = RSN_SUITE(4);
	} else if (!strcmp(arg, "gcmp-256")) {
		*suite = RSN_SUITE(9);
	} else if (!strcmp(arg, "gcmp") || !strcmp(arg, "gcmp-128")) {
		*suite = RSN_SUITE(8);
	} else if (!strcmp(arg, "ccmp-256")) {
		*suite = RSN_SUITE(10);
	} else {
		owectl_err("unknown cipher '%s' (ccmp, gcmp, ccmp-256 or gcmp-256)\n", arg);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_pmf() - parse a PMF policy
 * @arg: off, optional or required
 * @pmf: set to the OWE_PMF_* value
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_pmf(const char *arg, uint32_t *pmf)
{
	if (!strcmp(arg, "off")) {
		*pmf = OWE_PMF_OFF;
	} else if (!strcmp(arg, "optional")) {
		*pmf = OWE_PMF_OPTIONAL;
	} else if (!strcmp(arg, "required")) {
		*pmf = OWE_PMF_REQUIRED;
	} else {
		owectl_err("invalid PMF policy '%s' (off, optional or required)\n", arg);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_security() - parse the role of a BSS
 * @arg: open or owe
 * @security: set to the OWE_SECURITY_* value
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_security(const char *arg, uint32_t *security)
{
	if (!strcmp(arg, "open")) {
		*security = OWE_SECURITY_OPEN;
	} else if (!strcmp(arg, "owe")) {
		*security = OWE_SECURITY_OWE;
	} else {
		owectl_err("invalid security '%s' (open or owe)\n", arg);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_on_off() - parse "on" or "off"
 * @what: the option, for the error message
 * @arg: the value
 * @on: set to true for "on"
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_on_off(const char *what, const char *arg, bool *on)
{
	if (!strcmp(arg, "on")) {
		*on = true;
	} else if (!strcmp(arg, "off")) {
		*on = false;
	} else {
		owectl_err("invalid %s value '%s' (on or off)\n", what, arg);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * parse_channel() - parse an operating class and channel, "81/1"
 * @arg: the value
 * @op_class: set to the operating class
 * @chan: set to the channel
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_channel(const char *arg, uint8_t *op_class, uint8_t *chan)
{
	unsigned long c, o;
	char buf[16];
	char *slash;

	if (strlen(arg) >= sizeof(buf))
		goto invalid;
	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (!slash)
		goto invalid;
	*slash = '\0';
	if (full_ul(buf, 10, &o) || full_ul(slash + 1, 10, &c) ||
	    !o || o > 255 || !c || c > 255)
		goto invalid;
	*op_class = o;
	*chan = c;
	return 0;
invalid:
	owectl_err("invalid channel '%s' (<operating class>/<channel>, e.g. 81/1)\n", arg);
	return HANDLER_RET_DONE;
}

/**
 * parse_reason() - parse an IEEE 802.11 reason code
 * @arg: the value
 * @reason: set to the code
 *
 * Return: 0 or HANDLER_RET_DONE after printing the error.
 */
int parse_reason(const char *arg, uint16_t *reason)
{
	unsigned long r;

	if (parse_uint("reason code", arg, 1, 65535, &r))
		return HANDLER_RET_DONE;
	*reason = r;
	return 0;
}
