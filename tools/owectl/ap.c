// SPDX-License-Identifier: GPL-2.0
/* owectl dev <ifname> ap start|stop|show|rekey */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "owectl.h"

DECLARE_SECTION(ap);

#define MAX_AKMS	8

/* what "ap start" sends to owe.ko besides the BSS itself */
struct ap_config {
	uint32_t security;
	uint32_t groups;		/* 0: not given */
	bool has_pmf;
	uint32_t pmf;
	uint32_t akms[MAX_AKMS];
	int n_akms;
	bool has_ft;
	bool ft;
	unsigned int transition_ifindex;
	const char *transition_ifname;
	bool has_tbssid;
	uint8_t tbssid[ETH_ALEN];
	const char *tssid;
	size_t tssid_len;
	bool has_tchan;
	uint8_t top_class;
	uint8_t tchan;
	bool has_rekey;
	uint32_t rekey;
	bool has_lifetime;
	uint32_t lifetime;
	bool has_ptk_workaround;
	bool ptk_workaround;
};

static const char * const ap_options[] = {
	"ssid", "freq", "beacon-interval", "dtim-period", "security", "groups",
	"pmf", "cipher", "akm", "ft", "transition", "transition-bssid",
	"transition-ssid", "transition-channel", "gtk-rekey", "pmksa-lifetime",
	"ptk-workaround",
};

/**
 * ap_has_option() - does "ap start" know this option?
 * @opt: the option's name ("hidden" is a flag, not an option)
 *
 * Return: true when parse_ap_option() takes it.
 */
bool ap_has_option(const char *opt)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ap_options); i++)
		if (!strcmp(opt, ap_options[i]))
			return true;
	return false;
}

static int parse_ap_option(struct ap_params *p, struct ap_config *c,
			   const char *opt, const char *val)
{
	unsigned long n;
	unsigned int chan;

	if (!strcmp(opt, "ssid")) {
		if (parse_ssid(val, &p->ssid_len))
			return HANDLER_RET_DONE;
		p->ssid = val;
	} else if (!strcmp(opt, "freq")) {
		return parse_freq(val, &p->freq, &chan);
	} else if (!strcmp(opt, "beacon-interval")) {
		if (parse_uint("beacon interval", val, 15, 65535, &n))
			return HANDLER_RET_DONE;
		p->beacon_int = n;
	} else if (!strcmp(opt, "dtim-period")) {
		if (parse_uint("DTIM period", val, 1, 255, &n))
			return HANDLER_RET_DONE;
		p->dtim_period = n;
	} else if (!strcmp(opt, "security")) {
		if (parse_security(val, &c->security))
			return HANDLER_RET_DONE;
		p->owe = c->security == OWE_SECURITY_OWE;
	} else if (!strcmp(opt, "groups")) {
		return parse_groups(val, &c->groups);
	} else if (!strcmp(opt, "pmf")) {
		c->has_pmf = true;
		return parse_pmf(val, &c->pmf);
	} else if (!strcmp(opt, "cipher")) {
		return parse_cipher(val, &p->cipher);
	} else if (!strcmp(opt, "akm")) {
		return parse_akms(val, c->akms, MAX_AKMS, &c->n_akms);
	} else if (!strcmp(opt, "ft")) {
		c->has_ft = true;
		return parse_on_off("ft", val, &c->ft);
	} else if (!strcmp(opt, "transition")) {
		c->transition_ifname = val;
		return ifname_to_index(val, &c->transition_ifindex);
	} else if (!strcmp(opt, "transition-bssid")) {
		c->has_tbssid = true;
		return parse_mac(val, c->tbssid);
	} else if (!strcmp(opt, "transition-ssid")) {
		if (parse_ssid(val, &c->tssid_len))
			return HANDLER_RET_DONE;
		c->tssid = val;
	} else if (!strcmp(opt, "transition-channel")) {
		c->has_tchan = true;
		return parse_channel(val, &c->top_class, &c->tchan);
	} else if (!strcmp(opt, "gtk-rekey")) {
		if (parse_uint("GTK rekey interval", val, 0, UINT32_MAX, &n))
			return HANDLER_RET_DONE;
		c->has_rekey = true;
		c->rekey = n;
	} else if (!strcmp(opt, "pmksa-lifetime")) {
		if (parse_uint("PMKSA lifetime", val, 1, UINT32_MAX, &n))
			return HANDLER_RET_DONE;
		c->has_lifetime = true;
		c->lifetime = n;
	} else if (!strcmp(opt, "ptk-workaround")) {
		c->has_ptk_workaround = true;
		return parse_on_off("ptk-workaround", val, &c->ptk_workaround);
	} else {
		owectl_err("unknown option '%s' (see owectl help ap start)\n", opt);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * ap_check_option() - check one "ap start" option and its value
 * @opt: the option's name
 * @val: its value
 *
 * For owectl apply, which checks a whole file before it starts anything:
 * the value is parsed as "ap start" parses it, and thrown away. "transition"
 * is not checked here (its interface may not exist yet).
 *
 * Return: 0, or HANDLER_RET_DONE after printing the error.
 */
int ap_check_option(const char *opt, const char *val)
{
	struct ap_params p = { 0 };
	struct ap_config c = { 0 };

	if (!strcmp(opt, "transition"))
		return 0;
	return parse_ap_option(&p, &c, opt, val);
}

/* rules owectl can check before it touches anything */
static int check_ap_config(struct owectl_state *state, const struct ap_params *p,
			   const struct ap_config *c)
{
	if (!p->ssid || !p->freq) {
		owectl_err("'ap start' needs ssid <SSID> and freq <MHz>\n");
		return HANDLER_RET_USAGE;
	}
	if (c->transition_ifindex && (c->has_tbssid || c->tssid)) {
		owectl_err("give either transition <peer-ifname> or transition-bssid and transition-ssid, not both\n");
		return HANDLER_RET_DONE;
	}
	if (c->transition_ifindex == state->ifindex) {
		owectl_err("'%s' cannot be its own transition partner\n",
			   c->transition_ifname);
		return HANDLER_RET_DONE;
	}
	if (c->has_tbssid != !!c->tssid) {
		owectl_err("transition-bssid and transition-ssid go together\n");
		return HANDLER_RET_DONE;
	}
	if (c->has_tchan && !c->has_tbssid) {
		owectl_err("transition-channel needs transition-bssid and transition-ssid\n");
		return HANDLER_RET_DONE;
	}
	return 0;
}

static int put_ap_config(struct nl_msg *msg, unsigned int ifindex,
			 const struct ap_params *p, const struct ap_config *c)
{
	int i;

	if (nla_put_u32(msg, OWE_A_AP_IFINDEX, ifindex) ||
	    nla_put_u32(msg, OWE_A_AP_SECURITY, c->security) ||
	    nla_put(msg, OWE_A_AP_SSID, p->ssid_len, p->ssid))
		return -ENOBUFS;
	if (p->hidden && nla_put_flag(msg, OWE_A_AP_HIDDEN))
		return -ENOBUFS;
	if (c->groups && nla_put_u32(msg, OWE_A_AP_GROUPS, c->groups))
		return -ENOBUFS;
	if (c->has_pmf && nla_put_u32(msg, OWE_A_AP_PMF, c->pmf))
		return -ENOBUFS;
	/* the cipher nl80211 was given, so that the RSNE matches it */
	if ((p->cipher || p->owe) &&
	    nla_put_u32(msg, OWE_A_AP_CIPHER, p->cipher ?: RSN_SUITE_CCMP))
		return -ENOBUFS;
	for (i = 0; i < c->n_akms; i++)
		if (nla_put_u32(msg, OWE_A_AP_AKM, c->akms[i]))
			return -ENOBUFS;
	if (c->has_ft && nla_put_u8(msg, OWE_A_AP_FT, c->ft))
		return -ENOBUFS;
	if (c->transition_ifindex &&
	    nla_put_u32(msg, OWE_A_AP_TRANSITION_IFINDEX, c->transition_ifindex))
		return -ENOBUFS;
	if (c->has_tbssid &&
	    (nla_put(msg, OWE_A_AP_TRANSITION_BSSID, ETH_ALEN, c->tbssid) ||
	     nla_put(msg, OWE_A_AP_TRANSITION_SSID, c->tssid_len, c->tssid)))
		return -ENOBUFS;
	if (c->has_tchan &&
	    (nla_put_u8(msg, OWE_A_AP_TRANSITION_OP_CLASS, c->top_class) ||
	     nla_put_u8(msg, OWE_A_AP_TRANSITION_CHANNEL, c->tchan)))
		return -ENOBUFS;
	if (c->has_rekey && nla_put_u32(msg, OWE_A_AP_GTK_REKEY, c->rekey))
		return -ENOBUFS;
	if (c->has_lifetime && nla_put_u32(msg, OWE_A_AP_PMKSA_LIFETIME, c->lifetime))
		return -ENOBUFS;
	if (c->has_ptk_workaround &&
	    nla_put_u8(msg, OWE_A_AP_PTK_WORKAROUND, c->ptk_workaround))
		return -ENOBUFS;
	return 0;
}

/* step 3 of "ap start": attach owe.ko; on failure the caller stops the BSS */
static int attach_owe(struct owectl_state *state, const struct ap_params *p,
		      const struct ap_config *c)
{
	struct nl_msg *msg;
	int err;

	err = owe_family_check(state);
	if (err)
		return err;
	msg = owe_msg(state, OWE_CMD_AP_START, 0);
	if (!msg)
		return -ENOMEM;
	err = put_ap_config(msg, state->ifindex, p, c);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	err = owectl_send(state, msg, NULL, NULL);
	if (err)
		owectl_err("owe.ko refused the BSS on '%s': %s\n", state->ifname,
			   strerror(-err));
	return err;
}

/**
 * ap_start() - "ap start" on state->ifname with these arguments
 * @state: owectl state, with the interface
 * @argc: number of arguments
 * @argv: the options of "ap start"
 *
 * Also owectl apply's way of starting a BSS.
 *
 * Return: 0, a negative errno, HANDLER_RET_USAGE or HANDLER_RET_DONE.
 */
int ap_start(struct owectl_state *state, int argc, char **argv)
{
	struct ap_params p = { .beacon_int = 100, .dtim_period = 2 };
	struct ap_config c = { .security = OWE_SECURITY_OPEN };
	int err;

	while (argc) {
		if (!strcmp(argv[0], "hidden")) {
			p.hidden = true;
			argc--;
			argv++;
			continue;
		}
		if (argc < 2) {
			if (!ap_has_option(argv[0]))
				owectl_err("unknown option '%s' (see owectl help ap start)\n",
					   argv[0]);
			else
				owectl_err("option '%s' needs a value\n", argv[0]);
			return HANDLER_RET_DONE;
		}
		err = parse_ap_option(&p, &c, argv[0], argv[1]);
		if (err)
			return err;
		argc -= 2;
		argv += 2;
	}
	err = check_ap_config(state, &p, &c);
	if (err)
		return err;

	err = nl80211_ensure_ap_up(state);
	if (err)
		return err;
	err = nl80211_start_ap(state, &p);
	if (err)
		return err;
	if (state->no_owe)
		return 0;
	err = attach_owe(state, &p, &c);
	if (err) {
		/* leave nothing half set up */
		if (nl80211_stop_ap(state))
			owectl_err("and the BSS on '%s' could not be stopped again\n",
				   state->ifname);
		else
			owectl_err("the BSS on '%s' was stopped again\n", state->ifname);
		return HANDLER_RET_DONE;
	}
	return 0;
}

static int handle_ap_start(struct owectl_state *state, struct nl_msg *msg,
			   int argc, char **argv)
{
	(void)msg;
	return ap_start(state, argc, argv);
}
COMMAND(ap, start,
	"ssid <SSID> freq <MHz> [hidden] [beacon-interval <TU>] [dtim-period <n>]\n"
	"\t\t[security open|owe] [groups <19,20,21>] [pmf off|optional|required]\n"
	"\t\t[cipher ccmp|gcmp-256] [akm <owe,psk,sae,8021x,...>] [ft on|off]\n"
	"\t\t[transition <peer-ifname> | transition-bssid <mac> transition-ssid <SSID>\n"
	"\t\t [transition-channel <op-class>/<channel>]] [gtk-rekey <seconds>]\n"
	"\t\t[pmksa-lifetime <seconds>] [ptk-workaround on|off]",
	0, 0, CIB_NETDEV, handle_ap_start,
	"Make the interface an AP, start its BSS through nl80211 and attach\n"
	"owe.ko to it with this configuration. If owe.ko refuses the\n"
	"configuration, the BSS is stopped again. An OWE BSS requires PMF\n"
	"unless pmf says otherwise; on 6 GHz only OWE with PMF required runs.\n"
	"A partner given with transition <peer-ifname> that runs on another\n"
	"channel is named with its operating class and channel.");

struct ap_detach_wait {
	unsigned int ifindex;
	bool done;
};

static int ap_detached_handler(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct ap_detach_wait *w = arg;
	struct nlattr *attr;
	int rem;

	if (gnlh->cmd != OWE_CMD_AP_DETACHED_NTF)
		return NL_SKIP;
	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem)
		if (nla_type(attr) == OWE_A_AP_IFINDEX &&
		    nla_len(attr) >= 4 && nla_get_u32(attr) == w->ifindex)
			w->done = true;
	return NL_SKIP;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/*
 * Wait until owe.ko says it let go of the BSS: its last frames (the
 * stations' deauthentications) go out before the AP stops. The nl80211
 * backend sends them after ap-stop returns; the hook, before.
 */
static void ap_detach_wait(struct nl_sock *sock, unsigned int ifindex)
{
	struct ap_detach_wait w = { .ifindex = ifindex };
	long long end = now_ms() + 2000;
	struct pollfd pfd = { .fd = nl_socket_get_fd(sock), .events = POLLIN };
	char name[IF_NAMESIZE] = "?";

	nl_socket_modify_cb(sock, NL_CB_VALID, NL_CB_CUSTOM,
			    ap_detached_handler, &w);
	nl_socket_set_nonblocking(sock);
	while (!w.done) {
		long long left = end - now_ms();

		if (left <= 0) {
			if_indextoname(ifindex, name);
			owectl_err("owe.ko did not say it let go of '%s' within 2 s; stopping the AP anyway\n",
				   name);
			return;
		}
		if (poll(&pfd, 1, (int)left) > 0)
			nl_recvmsgs_default(sock);
	}
}

/**
 * ap_stop() - detach owe.ko from state->ifname and stop its BSS
 * @state: owectl state, with the interface
 *
 * Return: 0, -ENOENT or -ENOTCONN when no BSS runs, another negative errno.
 */
int ap_stop(struct owectl_state *state)
{
	struct nl_sock *events = NULL;
	struct nl_msg *msg;

	if (!state->no_owe && state->owe_id >= 0) {
		msg = owe_msg(state, OWE_CMD_AP_STOP, 0);
		if (!msg)
			return -ENOMEM;
		if (nla_put_u32(msg, OWE_A_AP_IFINDEX, state->ifindex)) {
			nlmsg_free(msg);
			return -ENOBUFS;
		}
		/* without the group (not an admin) there is no waiting */
		if (owe_event_socket(&events, true))
			events = NULL;
		/* not attached is fine: the BSS is stopped all the same */
		if (!owectl_send(state, msg, NULL, NULL) && events)
			ap_detach_wait(events, state->ifindex);
		if (events)
			nl_socket_free(events);
	}
	return nl80211_stop_ap(state);
}

static int handle_ap_stop(struct owectl_state *state, struct nl_msg *msg,
			  int argc, char **argv)
{
	int err;

	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	err = ap_stop(state);
	if (err == -ENOENT || err == -ENOTCONN) {
		owectl_err("no BSS runs on '%s'\n", state->ifname);
		return HANDLER_RET_DONE;
	}
	return err;
}
COMMAND(ap, stop, NULL, 0, 0, CIB_NETDEV, handle_ap_stop,
	"Detach owe.ko (its stations are deauthenticated) and stop the BSS.");

static struct nla_policy ap_policy[OWE_A_AP_MAX + 1] = {
	[OWE_A_AP_IFINDEX] = { .type = NLA_U32 },
	[OWE_A_AP_IFNAME] = { .type = NLA_STRING },
	[OWE_A_AP_SECURITY] = { .type = NLA_U32 },
	[OWE_A_AP_SSID] = { .maxlen = OWE_SSID_MAX_LEN },
	[OWE_A_AP_BSSID] = { .minlen = ETH_ALEN },
	[OWE_A_AP_HIDDEN] = { .type = NLA_FLAG },
	[OWE_A_AP_GROUPS] = { .type = NLA_U32 },
	[OWE_A_AP_PMF] = { .type = NLA_U32 },
	[OWE_A_AP_CIPHER] = { .type = NLA_U32 },
	[OWE_A_AP_AKM] = { .type = NLA_U32 },
	[OWE_A_AP_FT] = { .type = NLA_U8 },
	[OWE_A_AP_TRANSITION_IFINDEX] = { .type = NLA_U32 },
	[OWE_A_AP_TRANSITION_BSSID] = { .minlen = ETH_ALEN },
	[OWE_A_AP_TRANSITION_SSID] = { .maxlen = OWE_SSID_MAX_LEN },
	[OWE_A_AP_TRANSITION_OP_CLASS] = { .type = NLA_U8 },
	[OWE_A_AP_TRANSITION_CHANNEL] = { .type = NLA_U8 },
	[OWE_A_AP_GTK_REKEY] = { .type = NLA_U32 },
	[OWE_A_AP_PMKSA_LIFETIME] = { .type = NLA_U32 },
	[OWE_A_AP_STA_COUNT] = { .type = NLA_U32 },
	[OWE_A_AP_COUNTERS] = { .type = NLA_NESTED },
	[OWE_A_AP_PARTNER_IFINDEX] = { .type = NLA_U32 },
	[OWE_A_AP_PTK_WORKAROUND] = { .type = NLA_U8 },
	[OWE_A_AP_BACKEND] = { .type = NLA_STRING },
};

static void parse_ap_counters(struct ap_info *ap, struct nlattr *nest)
{
	struct nlattr *attr;
	int rem;

	ap->has_counters = true;
	nla_for_each_nested(attr, nest, rem) {
		int type = nla_type(attr);

		if (type > OWE_A_COUNTERS_MAX)
			continue;
		ap->has_counter[type] = true;
		ap->counters[type] = nla_get_uint_any(attr);
	}
}

/* OWE_A_AP_AKM is multi-attr: the parsed table holds the last one only */
static void parse_ap_akms(struct ap_info *ap, struct nl_msg *msg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem) {
		if (nla_type(attr) != OWE_A_AP_AKM ||
		    nla_len(attr) != sizeof(uint32_t))
			continue;
		if (ap->n_akms == AP_MAX_AKMS)
			break;
		ap->akms[ap->n_akms++] = nla_get_u32(attr);
	}
}

/**
 * parse_ap() - read an ap-get reply (or one message of its dump)
 * @msg: the message
 * @ap: filled with what the message carries, zeroed first
 *
 * Return: 0, or -1 when the message does not parse (nothing is printed).
 */
int parse_ap(struct nl_msg *msg, struct ap_info *ap)
{
	struct nlattr *tb[OWE_A_AP_MAX + 1];

	memset(ap, 0, sizeof(*ap));
	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, OWE_A_AP_MAX, ap_policy) < 0)
		return -1;
	if (tb[OWE_A_AP_IFINDEX]) {
		ap->has_ifindex = true;
		ap->ifindex = nla_get_u32(tb[OWE_A_AP_IFINDEX]);
	}
	if (tb[OWE_A_AP_IFNAME]) {
		ap->has_ifname = true;
		snprintf(ap->ifname, sizeof(ap->ifname), "%s",
			 nla_get_string(tb[OWE_A_AP_IFNAME]));
	}
	if (tb[OWE_A_AP_SECURITY]) {
		ap->has_security = true;
		ap->security = nla_get_u32(tb[OWE_A_AP_SECURITY]);
	}
	if (tb[OWE_A_AP_SSID]) {
		ap->has_ssid = true;
		ap->ssid_len = nla_len(tb[OWE_A_AP_SSID]);
		memcpy(ap->ssid, nla_data(tb[OWE_A_AP_SSID]), ap->ssid_len);
	}
	if (tb[OWE_A_AP_BSSID]) {
		ap->has_bssid = true;
		memcpy(ap->bssid, nla_data(tb[OWE_A_AP_BSSID]), ETH_ALEN);
	}
	ap->hidden = tb[OWE_A_AP_HIDDEN];
	if (tb[OWE_A_AP_GROUPS]) {
		ap->has_groups = true;
		ap->groups = nla_get_u32(tb[OWE_A_AP_GROUPS]);
	}
	if (tb[OWE_A_AP_PMF]) {
		ap->has_pmf = true;
		ap->pmf = nla_get_u32(tb[OWE_A_AP_PMF]);
	}
	if (tb[OWE_A_AP_CIPHER]) {
		ap->has_cipher = true;
		ap->cipher = nla_get_u32(tb[OWE_A_AP_CIPHER]);
	}
	parse_ap_akms(ap, msg);
	if (tb[OWE_A_AP_FT]) {
		ap->has_ft = true;
		ap->ft = nla_get_u8(tb[OWE_A_AP_FT]);
	}
	if (tb[OWE_A_AP_TRANSITION_IFINDEX]) {
		ap->has_trans_ifindex = true;
		ap->trans_ifindex =
			nla_get_u32(tb[OWE_A_AP_TRANSITION_IFINDEX]);
	}
	if (tb[OWE_A_AP_PARTNER_IFINDEX]) {
		ap->has_partner_ifindex = true;
		ap->partner_ifindex = nla_get_u32(tb[OWE_A_AP_PARTNER_IFINDEX]);
	}
	if (tb[OWE_A_AP_TRANSITION_BSSID]) {
		ap->has_tbssid = true;
		memcpy(ap->tbssid, nla_data(tb[OWE_A_AP_TRANSITION_BSSID]),
		       ETH_ALEN);
	}
	if (tb[OWE_A_AP_TRANSITION_SSID]) {
		ap->has_tssid = true;
		ap->tssid_len = nla_len(tb[OWE_A_AP_TRANSITION_SSID]);
		memcpy(ap->tssid, nla_data(tb[OWE_A_AP_TRANSITION_SSID]),
		       ap->tssid_len);
	}
	if (tb[OWE_A_AP_TRANSITION_OP_CLASS] &&
	    tb[OWE_A_AP_TRANSITION_CHANNEL]) {
		ap->has_tchan = true;
		ap->top_class = nla_get_u8(tb[OWE_A_AP_TRANSITION_OP_CLASS]);
		ap->tchan = nla_get_u8(tb[OWE_A_AP_TRANSITION_CHANNEL]);
	}
	if (tb[OWE_A_AP_GTK_REKEY]) {
		ap->has_gtk_rekey = true;
		ap->gtk_rekey = nla_get_u32(tb[OWE_A_AP_GTK_REKEY]);
	}
	if (tb[OWE_A_AP_PMKSA_LIFETIME]) {
		ap->has_pmksa_lifetime = true;
		ap->pmksa_lifetime = nla_get_u32(tb[OWE_A_AP_PMKSA_LIFETIME]);
	}
	if (tb[OWE_A_AP_PTK_WORKAROUND]) {
		ap->has_ptk_workaround = true;
		ap->ptk_workaround = nla_get_u8(tb[OWE_A_AP_PTK_WORKAROUND]);
	}
	if (tb[OWE_A_AP_STA_COUNT]) {
		ap->has_sta_count = true;
		ap->sta_count = nla_get_u32(tb[OWE_A_AP_STA_COUNT]);
	}
	if (tb[OWE_A_AP_BACKEND]) {
		ap->has_backend = true;
		snprintf(ap->backend, sizeof(ap->backend), "%.*s",
			 nla_len(tb[OWE_A_AP_BACKEND]),
			 (const char *)nla_data(tb[OWE_A_AP_BACKEND]));
	}
	if (tb[OWE_A_AP_COUNTERS])
		parse_ap_counters(ap, tb[OWE_A_AP_COUNTERS]);
	return 0;
}

struct ap_find {
	unsigned int ifindex;
	struct ap_info *ap;
	bool found;
};

static int ap_find_handler(struct nl_msg *msg, void *arg)
{
	struct ap_find *f = arg;
	struct ap_info ap;

	if (!parse_ap(msg, &ap) && ap.has_ifindex && ap.ifindex == f->ifindex) {
		*f->ap = ap;
		f->found = true;
	}
	return NL_SKIP;
}

/**
 * ap_get() - the BSS owe.ko serves on state->ifname, if any
 * @state: owectl state, with the interface
 * @ap: filled from owe.ko's reply
 *
 * A dump, filtered here: a BSS that does not run is not an error the
 * kernel reports.
 *
 * Return: 0, -ENOENT when owe.ko serves no BSS there (or is not loaded),
 * or another negative errno.
 */
int ap_get(struct owectl_state *state, struct ap_info *ap)
{
	struct ap_find f = { .ifindex = state->ifindex, .ap = ap };
	struct nl_msg *msg;
	int err;

	memset(ap, 0, sizeof(*ap));
	if (state->owe_id < 0)
		return -ENOENT;
	msg = owe_msg(state, OWE_CMD_AP_GET, NLM_F_DUMP);
	if (!msg)
		return -ENOMEM;
	err = owectl_send(state, msg, ap_find_handler, &f);
	if (err)
		return err;
	return f.found ? 0 : -ENOENT;
}

static const char * const counter_names[OWE_A_COUNTERS_MAX + 1] = {
	[OWE_A_COUNTERS_RX_PROBE] = "rx probe requests",
	[OWE_A_COUNTERS_RX_AUTH] = "rx authentications",
	[OWE_A_COUNTERS_RX_ASSOC] = "rx (re)associations",
	[OWE_A_COUNTERS_RX_DISASSOC] = "rx disassociations",
	[OWE_A_COUNTERS_RX_DEAUTH] = "rx deauthentications",
	[OWE_A_COUNTERS_RX_EAPOL] = "rx EAPOL-Key",
	[OWE_A_COUNTERS_RX_MALFORMED] = "rx malformed",
	[OWE_A_COUNTERS_TX_PROBE_RESP] = "tx probe responses",
	[OWE_A_COUNTERS_TX_AUTH] = "tx authentications",
	[OWE_A_COUNTERS_TX_ASSOC_RESP] = "tx association responses",
	[OWE_A_COUNTERS_TX_ASSOC_REJECT] = "tx association rejections",
	[OWE_A_COUNTERS_TX_DEAUTH] = "tx deauthentications",
	[OWE_A_COUNTERS_TX_DISASSOC] = "tx disassociations",
	[OWE_A_COUNTERS_TX_EAPOL] = "tx EAPOL-Key",
	[OWE_A_COUNTERS_EAPOL_MIC_FAILURE] = "EAPOL MIC failures",
	[OWE_A_COUNTERS_HANDSHAKE_TIMEOUT] = "handshake timeouts",
	[OWE_A_COUNTERS_PMKSA_HIT] = "PMKSA cache hits",
	[OWE_A_COUNTERS_RX_DROP_GROUP_SRC] = "rx dropped: group source",
	[OWE_A_COUNTERS_RX_DROP_ZERO_SRC] = "rx dropped: zero source",
	[OWE_A_COUNTERS_RX_DROP_OWN_SRC] = "rx dropped: own source",
	[OWE_A_COUNTERS_RX_DROP_NOT_TO_BSS] = "rx dropped: not to the BSS",
	[OWE_A_COUNTERS_RX_DUP] = "rx duplicates",
	[OWE_A_COUNTERS_STA_EXPIRED] = "stations expired unassociated",
	[OWE_A_COUNTERS_STA_EVICTED] = "stations evicted unassociated",
	[OWE_A_COUNTERS_STA_EVICTED_PENDING] = "stations evicted in handshake",
	[OWE_A_COUNTERS_RX_DROP_BUSY] = "rx dropped: busy",
	[OWE_A_COUNTERS_ASSOC_REPEAT] = "association requests repeated",
	[OWE_A_COUNTERS_DH_BUSY] = "DH refused: busy",
	[OWE_A_COUNTERS_DH_INLINE] = "DH keys made inline",
};

static void print_counters(const struct ap_info *ap)
{
	int type;

	printf("\n\tcounters:");
	for (type = 0; type <= OWE_A_COUNTERS_MAX; type++) {
		if (!ap->has_counter[type] || !counter_names[type])
			continue;
		printf("\n\t\t%s:\t%llu", counter_names[type],
		       (unsigned long long)ap->counters[type]);
	}
}

static void print_ifindex(const char *label, unsigned int idx)
{
	char name[IF_NAMESIZE];

	printf("\n\t%s:\t%s (ifindex %u)", label,
	       if_indextoname(idx, name) ? name : "?", idx);
}

static int print_ap(struct nl_msg *msg, void *arg)
{
	struct owectl_state *state = arg;
	char name[IF_NAMESIZE] = "?";
	char bssid[18] = "??:??:??:??:??:??";
	struct ap_info ap;
	int i;

	if (parse_ap(msg, &ap)) {
		owectl_err("cannot parse the kernel's reply\n");
		return NL_SKIP;
	}
	if (ap.has_ifname)
		snprintf(name, sizeof(name), "%s", ap.ifname);
	else if (state->ifname)
		snprintf(name, sizeof(name), "%s", state->ifname);
	if (ap.has_bssid)
		mac_to_str(ap.bssid, bssid);
	printf("BSS %s (on %s)", bssid, name);
	if (ap.has_ssid) {
		printf("\n\tssid:\t");
		print_ssid(ap.ssid, ap.ssid_len);
	}
	if (ap.has_security)
		printf("\n\tsecurity:\t%s", security_name(ap.security));
	printf("\n\thidden:\t%s", ap.hidden ? "yes" : "no");
	if (ap.has_groups) {
		printf("\n\tDH groups:\t");
		print_groups(ap.groups);
	}
	if (ap.has_pmf)
		printf("\n\tPMF:\t%s", pmf_name(ap.pmf));
	if (ap.has_cipher)
		print_suite("cipher", ap.cipher, cipher_name(ap.cipher));
	for (i = 0; i < ap.n_akms; i++)
		print_suite("AKM", ap.akms[i], akm_name(ap.akms[i]));
	if (ap.has_ft)
		printf("\n\tFT:\t%s", ap.ft ? "on" : "off");
	if (ap.has_trans_ifindex)
		print_ifindex("transition", ap.trans_ifindex);
	if (ap.has_partner_ifindex)
		print_ifindex("transition partner", ap.partner_ifindex);
	else if (ap.has_trans_ifindex)
		printf("\n\ttransition partner:\tnot running");
	if (ap.has_tbssid) {
		mac_to_str(ap.tbssid, bssid);
		printf("\n\ttransition BSSID:\t%s", bssid);
	}
	if (ap.has_tssid) {
		printf("\n\ttransition SSID:\t");
		print_ssid(ap.tssid, ap.tssid_len);
	}
	if (ap.has_tchan)
		printf("\n\ttransition channel:\t%u/%u", ap.top_class,
		       ap.tchan);
	if (ap.has_gtk_rekey)
		printf("\n\tGTK rekey:\t%u s", ap.gtk_rekey);
	if (ap.has_pmksa_lifetime)
		printf("\n\tPMKSA lifetime:\t%u s", ap.pmksa_lifetime);
	if (ap.has_ptk_workaround)
		printf("\n\tPTK workaround:\t%s",
		       ap.ptk_workaround ? "on" : "off");
	if (ap.has_backend)
		printf("\n\tbackend:\t%s", ap.backend);
	if (ap.has_sta_count)
		printf("\n\tstations:\t%u", ap.sta_count);
	if (ap.has_counters)
		print_counters(&ap);
	printf("\n");
	return NL_SKIP;
}

static int handle_ap_show(struct owectl_state *state, struct nl_msg *msg,
			  int argc, char **argv)
{
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	register_handler(print_ap, state);
	return 0;
}
COMMAND(ap, show, NULL, OWE_CMD_AP_GET, 0, CIB_NETDEV, handle_ap_show,
	"Show the BSS as owe.ko serves it: role, SSID, groups, PMF, transition\n"
	"partner, number of stations and frame counters.");

static int handle_ap_rekey(struct owectl_state *state, struct nl_msg *msg,
			   int argc, char **argv)
{
	(void)state;
	(void)msg;
	(void)argv;
	return argc ? HANDLER_RET_USAGE : 0;
}
COMMAND(ap, rekey, NULL, OWE_CMD_AP_REKEY, 0, CIB_NETDEV, handle_ap_rekey,
	"Start a group key rekey on an OWE BSS now.");
