// SPDX-License-Identifier: GPL-2.0
/* Names and value formatting shared by the commands' output. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "owectl.h"

/**
 * sta_state_name() - the trace name of a station state
 * @state: OWE_STA_STATE_*
 *
 * Return: the name, "UNKNOWN" for a value this owectl does not know.
 */
const char *sta_state_name(uint32_t state)
{
	static const char * const names[] = {
		[OWE_STA_STATE_NONE] = "NONE",
		[OWE_STA_STATE_AUTH] = "AUTH",
		[OWE_STA_STATE_ASSOC] = "ASSOC",
		[OWE_STA_STATE_L2_AUTH] = "L2_AUTH",
		[OWE_STA_STATE_IP_LEARN] = "IP_LEARN",
		[OWE_STA_STATE_RUN] = "RUN",
	};

	if (state < ARRAY_SIZE(names) && names[state])
		return names[state];
	return "UNKNOWN";
}

/**
 * security_name() - the name of a BSS role
 * @security: OWE_SECURITY_*
 *
 * Return: the name.
 */
const char *security_name(uint32_t security)
{
	switch (security) {
	case OWE_SECURITY_OPEN:
		return "open";
	case OWE_SECURITY_OWE:
		return "owe";
	}
	return "unknown";
}

/**
 * pmf_name() - the name of a PMF policy
 * @pmf: OWE_PMF_*
 *
 * Return: the name.
 */
const char *pmf_name(uint32_t pmf)
{
	switch (pmf) {
	case OWE_PMF_OFF:
		return "off";
	case OWE_PMF_OPTIONAL:
		return "optional";
	case OWE_PMF_REQUIRED:
		return "required";
	}
	return "unknown";
}

/**
 * akm_name() - the display name of an AKM suite selector
 * @suite: the selector
 *
 * Return: the name, or NULL when unknown.
 */
const char *akm_name(uint32_t suite)
{
	static const char * const names[] = {
		[1] = "802.1X", [2] = "PSK", [3] = "FT-802.1X", [4] = "FT-PSK",
		[5] = "802.1X-SHA256", [6] = "PSK-SHA256", [8] = "SAE",
		[9] = "FT-SAE", [11] = "802.1X-SUITE-B",
		[12] = "802.1X-SUITE-B-192", [13] = "FT-802.1X-SHA384",
		[18] = "OWE", [24] = "SAE-EXT-KEY", [25] = "FT-SAE-EXT-KEY",
	};
	uint32_t n = suite & 0xff;

	if (suite >> 8 != RSN_OUI || n >= ARRAY_SIZE(names))
		return NULL;
	return names[n];
}

/**
 * cipher_name() - the display name of a cipher suite selector
 * @suite: the selector
 *
 * Return: the name, or NULL when unknown.
 */
const char *cipher_name(uint32_t suite)
{
	static const char * const names[] = {
		[1] = "WEP-40", [2] = "TKIP", [4] = "CCMP-128", [5] = "WEP-104",
		[6] = "BIP-CMAC-128", [8] = "GCMP-128", [9] = "GCMP-256",
		[10] = "CCMP-256", [11] = "BIP-GMAC-128", [12] = "BIP-GMAC-256",
		[13] = "BIP-CMAC-256",
	};
	uint32_t n = suite & 0xff;

	if (suite >> 8 != RSN_OUI || n >= ARRAY_SIZE(names))
		return NULL;
	return names[n];
}

/**
 * print_suite() - print a "\tlabel:\tNAME (00-0f-ac:N)" line
 * @label: the label
 * @suite: the suite selector
 * @name: its name or NULL
 */
void print_suite(const char *label, uint32_t suite, const char *name)
{
	printf("\n\t%s:\t%s%s%02x-%02x-%02x:%u%s", label, name ? name : "",
	       name ? " (" : "", suite >> 24, (suite >> 16) & 0xff,
	       (suite >> 8) & 0xff, suite & 0xff, name ? ")" : "");
}

/**
 * mac_to_str() - format a MAC address
 * @mac: the address
 * @buf: 18 bytes for the text
 */
void mac_to_str(const uint8_t *mac, char buf[18])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

/**
 * print_ssid() - print an SSID, escaping what is not printable ASCII
 * @ssid: the SSID octets
 * @len: their number
 */
void print_ssid(const uint8_t *ssid, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (isprint(ssid[i]) && ssid[i] != '\\')
			putchar(ssid[i]);
		else
			printf("\\x%02x", ssid[i]);
	}
}

/**
 * print_hex() - print octets as lower-case hex digits
 * @data: the octets
 * @len: their number
 */
void print_hex(const uint8_t *data, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		printf("%02x", data[i]);
}

/**
 * print_groups() - print a DH group bitmask as "19 20"
 * @mask: BIT(19) for group 19, ...
 */
void print_groups(uint32_t mask)
{
	const char *sep = "";
	int g;

	for (g = 0; g < 32; g++) {
		if (mask & (1U << g)) {
			printf("%s%d", sep, g);
			sep = " ";
		}
	}
}

/**
 * print_boottime() - print a CLOCK_BOOTTIME stamp like the kernel log does
 * @ns: nanoseconds since boot
 */
void print_boottime(uint64_t ns)
{
	printf("[%5llu.%06llu]", (unsigned long long)(ns / 1000000000ULL),
	       (unsigned long long)(ns % 1000000000ULL / 1000));
}

/**
 * print_ip() - print an IPv4 or IPv6 address
 * @family: AF_INET or AF_INET6
 * @addr: the address in network byte order
 */
void print_ip(int family, const void *addr)
{
	char buf[INET6_ADDRSTRLEN];

	if (inet_ntop(family, addr, buf, sizeof(buf)))
		fputs(buf, stdout);
}

/**
 * nla_get_uint_any() - read a "uint" attribute (4 or 8 bytes)
 * @attr: the attribute
 *
 * Return: its value, 0 when it has another length.
 */
uint64_t nla_get_uint_any(const struct nlattr *attr)
{
	if (nla_len(attr) == sizeof(uint32_t))
		return nla_get_u32((struct nlattr *)attr);
	if (nla_len(attr) == sizeof(uint64_t))
		return nla_get_u64((struct nlattr *)attr);
	return 0;
}
