// SPDX-License-Identifier: GPL-2.0
/* owectl dev <ifname> pmksa show|flush */
#include <errno.h>
#include <stdio.h>
#include "owectl.h"

DECLARE_SECTION(pmksa);

static int print_pmksa(struct nl_msg *msg, void *arg)
{
	static struct nla_policy policy[OWE_A_PMKSA_MAX + 1] = {
		[OWE_A_PMKSA_IFINDEX] = { .type = NLA_U32 },
		[OWE_A_PMKSA_MAC] = { .minlen = ETH_ALEN },
		[OWE_A_PMKSA_PMKID] = { .minlen = OWE_PMKID_LEN },
		[OWE_A_PMKSA_GROUP] = { .type = NLA_U16 },
		[OWE_A_PMKSA_EXPIRES_S] = { .type = NLA_U32 },
	};
	struct nlattr *tb[OWE_A_PMKSA_MAX + 1];
	struct owectl_state *state = arg;
	char mac[18];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, OWE_A_PMKSA_MAX, policy) < 0 ||
	    !tb[OWE_A_PMKSA_MAC]) {
		owectl_err("cannot parse a PMKSA message from the kernel\n");
		return NL_SKIP;
	}
	mac_to_str(nla_data(tb[OWE_A_PMKSA_MAC]), mac);
	printf("PMKSA %s (on %s)", mac, state->ifname);
	if (tb[OWE_A_PMKSA_PMKID]) {
		printf("\n\tPMKID:\t");
		print_hex(nla_data(tb[OWE_A_PMKSA_PMKID]), OWE_PMKID_LEN);
	}
	if (tb[OWE_A_PMKSA_GROUP])
		printf("\n\tDH group:\t%u", nla_get_u16(tb[OWE_A_PMKSA_GROUP]));
	if (tb[OWE_A_PMKSA_EXPIRES_S])
		printf("\n\texpires in:\t%u s", nla_get_u32(tb[OWE_A_PMKSA_EXPIRES_S]));
	printf("\n");
	return NL_SKIP;
}

static int handle_pmksa_show(struct owectl_state *state, struct nl_msg *msg,
			     int argc, char **argv)
{
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	register_handler(print_pmksa, state);
	return 0;
}
COMMAND(pmksa, show, NULL, OWE_CMD_PMKSA_GET, NLM_F_DUMP, CIB_NETDEV,
	handle_pmksa_show,
	"List the PMKSA cache of the BSS: station, PMKID, group, lifetime left.");

static int handle_pmksa_flush(struct owectl_state *state, struct nl_msg *msg,
			      int argc, char **argv)
{
	uint8_t mac[ETH_ALEN];

	(void)state;
	if (argc > 1)
		return HANDLER_RET_USAGE;
	if (argc) {
		if (parse_mac(argv[0], mac))
			return HANDLER_RET_DONE;
		if (nla_put(msg, OWE_A_PMKSA_MAC, ETH_ALEN, mac))
			return -ENOBUFS;
	}
	return 0;
}
COMMAND(pmksa, flush, "[<MAC address>]", OWE_CMD_PMKSA_FLUSH, 0, CIB_NETDEV,
	handle_pmksa_flush,
	"Flush the PMKSA cache of the BSS, or only one station's entries.");
