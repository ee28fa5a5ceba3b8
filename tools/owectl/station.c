// SPDX-License-Identifier: GPL-2.0
/* owectl dev <ifname> station dump|get|del, and the station printer */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "owectl.h"

DECLARE_SECTION(station);

static struct nla_policy sta_policy[OWE_A_STA_MAX + 1] = {
	[OWE_A_STA_IFINDEX] = { .type = NLA_U32 },
	[OWE_A_STA_MAC] = { .minlen = ETH_ALEN },
	[OWE_A_STA_AID] = { .type = NLA_U16 },
	[OWE_A_STA_STATE] = { .type = NLA_U32 },
	[OWE_A_STA_AKM] = { .type = NLA_U32 },
	[OWE_A_STA_GROUP] = { .type = NLA_U16 },
	[OWE_A_STA_CIPHER] = { .type = NLA_U32 },
	[OWE_A_STA_PMF] = { .type = NLA_FLAG },
	[OWE_A_STA_PMKID] = { .minlen = OWE_PMKID_LEN },
	[OWE_A_STA_PMKSA_CACHED] = { .type = NLA_FLAG },
	[OWE_A_STA_IPV4] = { .type = NLA_U32 },
	[OWE_A_STA_IPV6] = { .minlen = 16 },
	[OWE_A_STA_HISTORY] = { .type = NLA_NESTED },
	[OWE_A_STA_DEL_REASON] = { .type = NLA_U16 },
	[OWE_A_STA_CONNECTED_MS] = { .minlen = 4 },	/* uint */
};

static struct nla_policy history_policy[OWE_A_HISTORY_MAX + 1] = {
	[OWE_A_HISTORY_STATE] = { .type = NLA_U32 },
	[OWE_A_HISTORY_TIME_NS] = { .minlen = 4 },	/* uint */
	[OWE_A_HISTORY_DETAIL] = { .type = NLA_STRING },
};

/**
 * parse_history() - read one history entry of a station
 * @nest: the OWE_A_STA_HISTORY attribute
 * @state: set to its state
 * @ns: set to its CLOCK_BOOTTIME stamp (0 when absent)
 * @detail: set to its detail text ("" when absent)
 *
 * Return: 0, or -1 when the entry is malformed.
 */
int parse_history(struct nlattr *nest, uint32_t *state, uint64_t *ns,
		  const char **detail)
{
	struct nlattr *tb[OWE_A_HISTORY_MAX + 1];

	if (nla_parse_nested(tb, OWE_A_HISTORY_MAX, nest, history_policy) < 0 ||
	    !tb[OWE_A_HISTORY_STATE])
		return -1;
	*state = nla_get_u32(tb[OWE_A_HISTORY_STATE]);
	*ns = tb[OWE_A_HISTORY_TIME_NS] ? nla_get_uint_any(tb[OWE_A_HISTORY_TIME_NS]) : 0;
	*detail = tb[OWE_A_HISTORY_DETAIL] ? nla_get_string(tb[OWE_A_HISTORY_DETAIL]) : "";
	return 0;
}

static void print_history(struct nlattr *attrs, int len)
{
	struct nlattr *attr;
	int rem;

	printf("\n\thistory:");
	nla_for_each_attr(attr, attrs, len, rem) {
		const char *detail;
		uint32_t state;
		uint64_t ns;

		if (nla_type(attr) != OWE_A_STA_HISTORY ||
		    parse_history(attr, &state, &ns, &detail))
			continue;
		printf("\n\t\t");
		print_boottime(ns);
		printf(" %-8s %s", sta_state_name(state), detail);
	}
}

/**
 * parse_sta() - parse a station message of the owe family
 * @msg: the message
 * @tb: set to its attributes
 *
 * Return: 0, or -1 after printing that the message is malformed.
 */
int parse_sta(struct nl_msg *msg, struct nlattr *tb[OWE_A_STA_MAX + 1])
{
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, OWE_A_STA_MAX, sta_policy) < 0 ||
	    !tb[OWE_A_STA_MAC]) {
		owectl_err("cannot parse a station message from the kernel\n");
		return -1;
	}
	return 0;
}

static int print_sta(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[OWE_A_STA_MAX + 1];
	struct owectl_state *state = arg;
	char mac[18];

	if (parse_sta(msg, tb))
		return NL_SKIP;
	mac_to_str(nla_data(tb[OWE_A_STA_MAC]), mac);
	printf("Station %s (on %s)", mac, state->ifname);
	if (tb[OWE_A_STA_STATE])
		printf("\n\tstate:\t%s", sta_state_name(nla_get_u32(tb[OWE_A_STA_STATE])));
	if (tb[OWE_A_STA_AID])
		printf("\n\tAID:\t%u", nla_get_u16(tb[OWE_A_STA_AID]));
	if (tb[OWE_A_STA_AKM]) {
		uint32_t s = nla_get_u32(tb[OWE_A_STA_AKM]);

		print_suite("AKM", s, akm_name(s));
	} else {
		printf("\n\tAKM:\tnone (open)");
	}
	if (tb[OWE_A_STA_GROUP])
		printf("\n\tDH group:\t%u", nla_get_u16(tb[OWE_A_STA_GROUP]));
	if (tb[OWE_A_STA_CIPHER]) {
		uint32_t s = nla_get_u32(tb[OWE_A_STA_CIPHER]);

		print_suite("cipher", s, cipher_name(s));
	}
	printf("\n\tPMF:\t%s", tb[OWE_A_STA_PMF] ? "yes" : "no");
	if (tb[OWE_A_STA_PMKID]) {
		printf("\n\tPMKID:\t");
		print_hex(nla_data(tb[OWE_A_STA_PMKID]), OWE_PMKID_LEN);
		printf("\n\tPMKSA cached:\t%s", tb[OWE_A_STA_PMKSA_CACHED] ? "yes" : "no");
	}
	if (tb[OWE_A_STA_IPV4]) {
		uint32_t a = nla_get_u32(tb[OWE_A_STA_IPV4]);

		printf("\n\tIPv4:\t");
		print_ip(AF_INET, &a);
	}
	if (tb[OWE_A_STA_IPV6]) {
		printf("\n\tIPv6:\t");
		print_ip(AF_INET6, nla_data(tb[OWE_A_STA_IPV6]));
	}
	if (tb[OWE_A_STA_CONNECTED_MS]) {
		uint64_t ms = nla_get_uint_any(tb[OWE_A_STA_CONNECTED_MS]);

		printf("\n\tconnected time:\t%llu.%03llu s", (unsigned long long)(ms / 1000),
		       (unsigned long long)(ms % 1000));
	}
	if (tb[OWE_A_STA_DEL_REASON])
		printf("\n\tlast deletion reason:\t%u", nla_get_u16(tb[OWE_A_STA_DEL_REASON]));
	if (tb[OWE_A_STA_HISTORY])
		print_history(genlmsg_attrdata(gnlh, 0), genlmsg_attrlen(gnlh, 0));
	printf("\n");
	return NL_SKIP;
}

static int handle_station_dump(struct owectl_state *state, struct nl_msg *msg,
			       int argc, char **argv)
{
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	register_handler(print_sta, state);
	return 0;
}
COMMAND(station, dump, NULL, OWE_CMD_STA_GET, NLM_F_DUMP, CIB_NETDEV,
	handle_station_dump,
	"List every station of the BSS with its state, AKM, group and cipher.");

static int handle_station_get(struct owectl_state *state, struct nl_msg *msg,
			      int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];

	if (argc != 1)
		return HANDLER_RET_USAGE;
	if (parse_mac(argv[0], mac))
		return HANDLER_RET_DONE;
	if (nla_put(msg, OWE_A_STA_MAC, ETH_ALEN, mac))
		return -ENOBUFS;
	register_handler(print_sta, state);
	return 0;
}
COMMAND(station, get, "<MAC address>", OWE_CMD_STA_GET, 0, CIB_NETDEV,
	handle_station_get,
	"Show one station: state, AID, AKM, group, cipher, PMF, PMKID,\n"
	"learned addresses, and its state history as a trace.");

static int handle_station_del(struct owectl_state *state, struct nl_msg *msg,
			      int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];
	uint16_t reason;

	(void)state;
	if (argc != 1 && argc != 3)
		return HANDLER_RET_USAGE;
	if (parse_mac(argv[0], mac))
		return HANDLER_RET_DONE;
	if (nla_put(msg, OWE_A_STA_MAC, ETH_ALEN, mac))
		return -ENOBUFS;
	if (argc == 3) {
		if (strcmp(argv[1], "reason")) {
			owectl_err("unknown option '%s' (see owectl help station del)\n",
				   argv[1]);
			return HANDLER_RET_DONE;
		}
		if (parse_reason(argv[2], &reason))
			return HANDLER_RET_DONE;
		if (nla_put_u16(msg, OWE_A_STA_DEL_REASON, reason))
			return -ENOBUFS;
	}
	return 0;
}
COMMAND(station, del, "<MAC address> [reason <code>]", OWE_CMD_STA_DEL, 0,
	CIB_NETDEV, handle_station_del,
	"Deauthenticate a station (reason 2 unless given) and forget it.");
