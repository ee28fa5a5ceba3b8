// SPDX-License-Identifier: GPL-2.0
/* owectl event: print station state changes as they happen */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "owectl.h"

static void print_now(void)
{
	struct timeval tv;
	char buf[32];
	struct tm tm;

	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	printf("%s.%06ld: ", buf, (long)tv.tv_usec);
}

/* the module let go of a BSS: its last frames went out */
static int print_detached(struct genlmsghdr *gnlh)
{
	char name[IF_NAMESIZE] = "?";
	struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem)
		if (nla_type(attr) == OWE_A_AP_IFINDEX && nla_len(attr) >= 4)
			if_indextoname(nla_get_u32(attr), name);
	print_now();
	printf("%s: BSS detached\n", name);
	fflush(stdout);
	return NL_SKIP;
}

static int print_event(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[OWE_A_STA_MAX + 1];
	char name[IF_NAMESIZE] = "?";
	const char *detail = "";
	uint32_t state;
	uint64_t ns;
	char mac[18];

	(void)arg;
	if (gnlh->cmd == OWE_CMD_AP_DETACHED_NTF)
		return print_detached(gnlh);
	if (gnlh->cmd != OWE_CMD_STA_NTF || parse_sta(msg, tb))
		return NL_SKIP;
	if (tb[OWE_A_STA_IFINDEX])
		if_indextoname(nla_get_u32(tb[OWE_A_STA_IFINDEX]), name);
	mac_to_str(nla_data(tb[OWE_A_STA_MAC]), mac);
	state = tb[OWE_A_STA_STATE] ? nla_get_u32(tb[OWE_A_STA_STATE]) : 0;
	/* the newest history entry says why */
	if (tb[OWE_A_STA_HISTORY])
		parse_history(tb[OWE_A_STA_HISTORY], &state, &ns, &detail);
	print_now();
	printf("%s: station %s %s", name, mac, sta_state_name(state));
	if (*detail)
		printf(" (%s)", detail);
	if (state == OWE_STA_STATE_NONE && tb[OWE_A_STA_DEL_REASON])
		printf(" reason %u", nla_get_u16(tb[OWE_A_STA_DEL_REASON]));
	printf("\n");
	fflush(stdout);
	return NL_SKIP;
}

static int handle_event(struct owectl_state *state, struct nl_msg *msg,
			int argc, char **argv)
{
	struct nl_sock *sock;
	int err;

	(void)state;
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	err = owe_event_socket(&sock, false);
	if (err)
		return err;
	nl_socket_modify_cb(sock, NL_CB_VALID, NL_CB_CUSTOM, print_event, NULL);
	for (;;) {
		err = nl_recvmsgs_default(sock);
		if (err < 0 && err != -NLE_INTR && err != -NLE_AGAIN) {
			owectl_err("netlink receive: %s\n", nl_geterror(err));
			break;
		}
	}
	nl_socket_free(sock);
	return HANDLER_RET_DONE;
}
TOPLEVEL(event, NULL, 0, 0, CIB_NONE, handle_event,
	 "Print each station state change (owe.ko's \"events\" group), and\n"
	 "each BSS the module let go of, as a line with a timestamp, until\n"
	 "interrupted.");
