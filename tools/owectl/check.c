// SPDX-License-Identifier: GPL-2.0
/*
 * owectl check, owectl dev <ifname> ap check: the troubleshooting list of
 * an OWE transition deployment, run against the live configuration. Every
 * BSS owe.ko serves in the network namespace is read with one ap-get dump;
 * each item prints "ok", "WARN: <problem>; fix: <command>" or
 * "FAIL: <problem>; fix: <command>". Any FAIL makes the exit status 1.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/nl80211.h>
#include "owectl.h"

DECLARE_SECTION(ap);

#define CHECK_MAX_BSS		64
/* a 4-way handshake takes milliseconds; the module gives up after seconds */
#define STUCK_L2_AUTH_NS	(5ULL * 1000000000ULL)
/* a client that has link but no address after this has no working DHCP */
#define STUCK_IP_LEARN_NS	(30ULL * 1000000000ULL)
#define NO_BSS_MSG \
	"owe.ko serves no BSS in this network namespace; fix: owectl dev <ifname> ap start ssid <SSID> freq <MHz>"

struct check_bss {
	struct ap_info ap;	/* ifname filled in when the reply has none */
	unsigned int freq;	/* 0: unknown */
};

struct check_ctx {
	struct owectl_state *state;
	struct check_bss bss[CHECK_MAX_BSS];
	int n;
	bool truncated;
	int fails;
	int warns;
	/* station scan of the BSS being checked */
	const struct check_bss *cur;
	uint64_t now_ns;
	int stuck;
};

static void item_ok(const char *item, const char *fmt, ...)
{
	va_list ap;

	printf("\t%s:\tok", item);
	if (fmt) {
		printf(" (");
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		printf(")");
	}
	printf("\n");
}

/* "<problem>; fix: <command>" after the verdict */
static void item_bad(struct check_ctx *ctx, bool fail, const char *item,
		     const char *fmt, ...)
{
	va_list ap;

	if (fail)
		ctx->fails++;
	else
		ctx->warns++;
	printf("\t%s:\t%s: ", item, fail ? "FAIL" : "WARN");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static void ssid_str(const uint8_t *ssid, size_t len, char *buf, size_t size)
{
	size_t i, o = 0;

	for (i = 0; i < len && o + 5 < size; i++) {
		if (ssid[i] >= 0x20 && ssid[i] < 0x7f && ssid[i] != '\\')
			buf[o++] = ssid[i];
		else
			o += snprintf(buf + o, size - o, "\\x%02x", ssid[i]);
	}
	buf[o] = '\0';
}

static int collect_bss(struct nl_msg *msg, void *arg)
{
	struct check_ctx *ctx = arg;
	struct check_bss *b;
	struct ap_info ap;

	if (parse_ap(msg, &ap) || !ap.has_ifindex || !ap.has_security) {
		owectl_err("cannot parse a BSS message from the kernel\n");
		return NL_SKIP;
	}
	if (ctx->n == CHECK_MAX_BSS) {
		ctx->truncated = true;
		return NL_SKIP;
	}
	b = &ctx->bss[ctx->n++];
	memset(b, 0, sizeof(*b));
	b->ap = ap;
	if (!ap.has_ifname && !if_indextoname(ap.ifindex, b->ap.ifname))
		snprintf(b->ap.ifname, sizeof(b->ap.ifname), "if%u", ap.ifindex);
	return NL_SKIP;
}

static int freq_handler(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	unsigned int *freq = arg;

	if (nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gnlh, 0),
		      genlmsg_attrlen(gnlh, 0), NULL) < 0)
		return NL_SKIP;
	if (tb[NL80211_ATTR_WIPHY_FREQ] &&
	    nla_len(tb[NL80211_ATTR_WIPHY_FREQ]) == sizeof(uint32_t))
		*freq = nla_get_u32(tb[NL80211_ATTR_WIPHY_FREQ]);
	return NL_SKIP;
}

/* the operating channel of an interface, as "iw dev X info" shows it */
static void read_freq(struct owectl_state *state, struct check_bss *b)
{
	struct nl_msg *msg;

	if (state->nl80211_id < 0)
		return;
	msg = nl80211_msg(state, NL80211_CMD_GET_INTERFACE, 0);
	if (!msg)
		return;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, b->ap.ifindex)) {
		nlmsg_free(msg);
		return;
	}
	if (owectl_send(state, msg, freq_handler, &b->freq))
		b->freq = 0;
}

static int dump_bsses(struct check_ctx *ctx)
{
	struct owectl_state *state = ctx->state;
	struct nl_msg *msg;
	int err, i;

	err = owe_family_check(state);
	if (err)
		return err;
	msg = owe_msg(state, OWE_CMD_AP_GET, NLM_F_DUMP);
	if (!msg)
		return -ENOMEM;
	err = owectl_send(state, msg, collect_bss, ctx);
	if (err)
		return err;
	if (ctx->truncated)
		owectl_err("more than %d BSSes: only the first %d are checked\n",
			   CHECK_MAX_BSS, CHECK_MAX_BSS);
	for (i = 0; i < ctx->n; i++)
		read_freq(state, &ctx->bss[i]);
	return 0;
}

static const struct check_bss *find_by_ifindex(const struct check_ctx *ctx,
					       unsigned int ifindex)
{
	int i;

	for (i = 0; i < ctx->n; i++)
		if (ctx->bss[i].ap.ifindex == ifindex)
			return &ctx->bss[i];
	return NULL;
}

static const struct check_bss *find_by_bssid(const struct check_ctx *ctx,
					     const uint8_t *bssid)
{
	int i;

	for (i = 0; i < ctx->n; i++)
		if (!memcmp(ctx->bss[i].ap.bssid, bssid, ETH_ALEN))
			return &ctx->bss[i];
	return NULL;
}

/* a partner named by BSSID and SSID (a BSSID alone is not used) */
static bool has_tbssid(const struct check_bss *b)
{
	return b->ap.has_tbssid && b->ap.has_tssid;
}

static bool is_paired(const struct check_bss *b)
{
	return b->ap.trans_ifindex || has_tbssid(b);
}

static bool is_owe(const struct check_bss *b)
{
	return b->ap.security == OWE_SECURITY_OWE;
}

/*
 * The "ap start" command that serves @b again, with @hidden and, when
 * @partner is not NULL, "transition @partner": the fix for most items.
 */
static const char *start_cmd(const struct check_bss *b, bool hidden,
			     const char *partner, char *buf, size_t size)
{
	char ssid[4 * OWE_SSID_MAX_LEN + 1];
	int n;

	ssid_str(b->ap.ssid, b->ap.ssid_len, ssid, sizeof(ssid));
	n = snprintf(buf, size, "owectl dev %s ap stop; owectl dev %s ap start ssid '%s'",
		     b->ap.ifname, b->ap.ifname, ssid);
	if (b->freq && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - n, " freq %u", b->freq);
	else if (n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - n, " freq <MHz>");
	if (n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - n, " security %s%s",
			      is_owe(b) ? "owe" : "open", hidden ? " hidden" : "");
	if (partner && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - n, " transition %s", partner);
	return buf;
}

static bool akm_not_owe(const struct check_bss *b)
{
	int i;

	for (i = 0; i < b->ap.n_akms; i++)
		if (b->ap.akms[i] != RSN_SUITE_OWE)
			return true;
	return false;
}

static void check_security(struct check_ctx *ctx, const struct check_bss *b)
{
	if (b->ap.security != OWE_SECURITY_OWE &&
	    b->ap.security != OWE_SECURITY_OPEN) {
		item_bad(ctx, true, "security",
			 "unknown role %u; fix: update owectl to match owe.ko",
			 b->ap.security);
		return;
	}
	if (is_owe(b) && (akm_not_owe(b) || b->ap.ft)) {
		item_bad(ctx, true, "security",
			 "OWE is combined with %s; fix: restart %s with akm owe ft off",
			 b->ap.ft ? "FT (802.11r)" : "another AKM", b->ap.ifname);
		return;
	}
	item_ok("security", is_owe(b) ? "owe, AKM 00-0f-ac:18" : "open");
}

static void check_hidden(struct check_ctx *ctx, const struct check_bss *b)
{
	char cmd[256];

	if (!is_paired(b)) {
		item_ok("hidden", b->ap.hidden ?
			"hidden, not in a transition pair" :
			"SSID broadcast, not in a transition pair");
		return;
	}
	if (is_owe(b) && !b->ap.hidden) {
		item_bad(ctx, true, "hidden",
			 "the OWE BSS of a transition pair broadcasts its SSID, so legacy clients see an SSID they cannot join; fix: %s",
			 start_cmd(b, true, NULL, cmd, sizeof(cmd)));
	} else if (!is_owe(b) && b->ap.hidden) {
		item_bad(ctx, true, "hidden",
			 "the open BSS of a transition pair is hidden, so no client finds the pair; fix: %s",
			 start_cmd(b, false, NULL, cmd, sizeof(cmd)));
	} else {
		item_ok("hidden", is_owe(b) ? "OWE BSS hidden" : "open BSS broadcasts its SSID");
	}
}

/* does @p's transition configuration name @b? */
static bool points_at(const struct check_bss *p, const struct check_bss *b)
{
	if (p->ap.trans_ifindex)
		return p->ap.trans_ifindex == b->ap.ifindex;
	return has_tbssid(p) && !memcmp(p->ap.tbssid, b->ap.bssid, ETH_ALEN) &&
	       p->ap.tssid_len == b->ap.ssid_len &&
	       !memcmp(p->ap.tssid, b->ap.ssid, b->ap.ssid_len);
}

/* the partner item; returns the local partner, or NULL */
static const struct check_bss *check_partner(struct check_ctx *ctx,
					     const struct check_bss *b)
{
	char name[IF_NAMESIZE] = "";
	const struct check_bss *p;
	char cmd[256], mac[18];

	if (!is_paired(b)) {
		item_ok("transition partner", "none: a standalone %s BSS",
			is_owe(b) ? "OWE" : "open");
		return NULL;
	}
	if (b->ap.trans_ifindex) {
		if (!if_indextoname(b->ap.trans_ifindex, name)) {
			item_bad(ctx, true, "transition partner",
				 "interface %u does not exist; fix: owectl dev %s ap start ... transition <partner-ifname> with the partner's interface",
				 b->ap.trans_ifindex, b->ap.ifname);
			return NULL;
		}
		p = find_by_ifindex(ctx, b->ap.trans_ifindex);
		if (!p) {
			item_bad(ctx, true, "transition partner",
				 "%s is not served by owe.ko, so %s beacons no transition element; fix: owectl dev %s ap start ssid <SSID> freq <MHz> security %s%s transition %s (or point %s at the right interface)",
				 name, b->ap.ifname, name,
				 is_owe(b) ? "open" : "owe",
				 is_owe(b) ? "" : " hidden", b->ap.ifname,
				 b->ap.ifname);
			return NULL;
		}
	} else {
		p = find_by_bssid(ctx, b->ap.tbssid);
		if (!p) {
			mac_to_str(b->ap.tbssid, mac);
			item_ok("transition partner",
				"%s on another radio or AP: not visible from here",
				mac);
			return NULL;
		}
	}
	if (p->ap.security == b->ap.security) {
		item_bad(ctx, true, "transition partner",
			 "%s is an %s BSS too: a pair is one open and one OWE BSS; fix: %s",
			 p->ap.ifname, is_owe(b) ? "OWE" : "open",
			 start_cmd(p, !is_owe(p), b->ap.ifname, cmd, sizeof(cmd)));
		return p;
	}
	if (!points_at(p, b)) {
		const struct check_bss *q = p->ap.trans_ifindex ?
			find_by_ifindex(ctx, p->ap.trans_ifindex) : NULL;

		if (p->ap.trans_ifindex &&
		    !if_indextoname(p->ap.trans_ifindex, name))
			snprintf(name, sizeof(name), "if%u", p->ap.trans_ifindex);
		item_bad(ctx, true, "transition partner",
			 "%s does not point back at %s (it points at %s); fix: %s",
			 p->ap.ifname, b->ap.ifname,
			 q ? q->ap.ifname : p->ap.trans_ifindex ? name :
			 has_tbssid(p) ? "another BSSID" : "nothing",
			 start_cmd(p, is_owe(p), b->ap.ifname, cmd, sizeof(cmd)));
		return p;
	}
	if (b->ap.trans_ifindex && b->ap.partner_ifindex != p->ap.ifindex) {
		item_bad(ctx, true, "transition partner",
			 "owe.ko has not resolved %s as the running partner yet; fix: owectl dev %s ap stop, then start it again with transition %s",
			 p->ap.ifname, b->ap.ifname, p->ap.ifname);
		return p;
	}
	item_ok("transition partner", "%s, %s, points back", p->ap.ifname,
		is_owe(p) ? "OWE" : "open");
	return p;
}

static void check_ssids(struct check_ctx *ctx, const struct check_bss *b,
			const struct check_bss *p)
{
	char ssid[4 * OWE_SSID_MAX_LEN + 1], cmd[256];

	if (!p)
		return;
	if (b->ap.ssid_len == p->ap.ssid_len &&
	    !memcmp(b->ap.ssid, p->ap.ssid, b->ap.ssid_len)) {
		ssid_str(b->ap.ssid, b->ap.ssid_len, ssid, sizeof(ssid));
		item_bad(ctx, true, "partner SSIDs",
			 "both BSSes use the SSID '%s'; fix: give the OWE BSS its own SSID: %s",
			 ssid, start_cmd(is_owe(b) ? b : p, true,
					 is_owe(b) ? p->ap.ifname : b->ap.ifname,
					 cmd, sizeof(cmd)));
		return;
	}
	item_ok("partner SSIDs", "differ");
}

static void check_pmf(struct check_ctx *ctx, const struct check_bss *b)
{
	if (!is_owe(b))
		return;
	if (b->ap.has_pmf && b->ap.pmf == OWE_PMF_REQUIRED) {
		item_ok("PMF", "required");
		return;
	}
	item_bad(ctx, false, "PMF",
		 "PMF is %s: management frames of OWE clients can be forged; fix: restart %s with pmf required",
		 b->ap.has_pmf ? pmf_name(b->ap.pmf) : "not reported", b->ap.ifname);
}

static void check_groups(struct check_ctx *ctx, const struct check_bss *b)
{
	if (!is_owe(b))
		return;
	if (!b->ap.has_groups || !(b->ap.groups & (1U << 19))) {
		item_bad(ctx, true, "DH groups",
			 "group 19 (P-256, mandatory in RFC 8110) is not offered, so most clients are rejected with status 77; fix: restart %s with groups 19,20",
			 b->ap.ifname);
		return;
	}
	item_ok("DH groups", "19 offered");
}

/* the global operating class of a 2.4 or 5 GHz channel (20 MHz) */
static void freq_to_channel(unsigned int freq, unsigned int *op_class,
			    unsigned int *chan)
{
	*op_class = 0;
	*chan = 0;
	if (freq >= 2412 && freq <= 2472) {
		*chan = (freq - 2407) / 5;
		*op_class = 81;
	} else if (freq == 2484) {
		*chan = 14;
		*op_class = 82;
	} else if (freq >= 5180 && freq <= 5885) {
		*chan = (freq - 5000) / 5;
		if (*chan <= 48)
			*op_class = 115;
		else if (*chan <= 64)
			*op_class = 118;
		else if (*chan <= 144)
			*op_class = 121;
		else
			*op_class = 125;
	}
}

static void check_channel(struct check_ctx *ctx, const struct check_bss *b,
			  const struct check_bss *p)
{
	unsigned int op_class, chan;
	char mac[18];

	if (!is_paired(b))
		return;
	if (b->ap.has_tchan) {
		item_ok("channel", "the transition element names %u/%u",
			b->ap.top_class, b->ap.tchan);
		return;
	}
	if (!p) {
		if (b->ap.trans_ifindex)
			return;	/* the partner item already failed */
		mac_to_str(b->ap.tbssid, mac);
		item_bad(ctx, false, "channel",
			 "the partner %s is elsewhere and no transition-channel is given: clients look for it on %s's channel only; fix: add transition-channel <op-class>/<channel>",
			 mac, b->ap.ifname);
		return;
	}
	if (!b->freq || !p->freq) {
		item_bad(ctx, false, "channel",
			 "cannot read the channel of %s; fix: check 'iw dev %s info'",
			 b->freq ? p->ap.ifname : b->ap.ifname,
			 b->freq ? p->ap.ifname : b->ap.ifname);
		return;
	}
	if (b->freq == p->freq) {
		item_ok("channel", "both on %u MHz", b->freq);
		return;
	}
	freq_to_channel(p->freq, &op_class, &chan);
	mac_to_str(p->ap.bssid, mac);
	/* a warning: wpa_supplicant finds the partner in its scan all the same */
	item_bad(ctx, false, "channel",
		 "%s is on %u MHz and its partner %s on %u MHz, and no transition-channel is given: clients that look for the partner on this channel only miss it; fix: put both on one channel, or restart %s with transition-bssid %s transition-ssid <SSID> transition-channel %u/%u",
		 b->ap.ifname, b->freq, p->ap.ifname, p->freq, b->ap.ifname, mac,
		 op_class, chan);
}

static void check_counters(struct check_ctx *ctx, const struct check_bss *b)
{
	const uint64_t *cnt = b->ap.counters;
	uint64_t mic_failures = cnt[OWE_A_COUNTERS_EAPOL_MIC_FAILURE];
	uint64_t hs_timeouts = cnt[OWE_A_COUNTERS_HANDSHAKE_TIMEOUT];
	uint64_t malformed = cnt[OWE_A_COUNTERS_RX_MALFORMED];
	bool any = false;

	if (mic_failures) {
		item_bad(ctx, false, "EAPOL MIC failures",
			 "%llu: a client derived another PMK (a stale PMKSA, or a forged frame); fix: owectl dev %s pmksa flush, and watch owectl event",
			 (unsigned long long)mic_failures, b->ap.ifname);
		any = true;
	}
	if (hs_timeouts) {
		item_bad(ctx, false, "handshake timeouts",
			 "%llu: clients stopped answering the 4-way handshake; fix: look at the capture (scripts/capture.sh) for EAPOL 1/4 without 2/4, and at the client's log",
			 (unsigned long long)hs_timeouts);
		any = true;
	}
	if (malformed) {
		item_bad(ctx, false, "malformed frames",
			 "%llu received; fix: enable dynamic debug (echo 'module owe +p' > /sys/kernel/debug/dynamic_debug/control) to see which frames and why",
			 (unsigned long long)malformed);
		any = true;
	}
	if (!any)
		item_ok("counters", "no MIC failures, handshake timeouts or malformed frames");
}

/*
 * When the station entered @state: the stamp of the first entry of the
 * history's trailing run in @state (a group key handshake, say, adds an
 * entry without changing the state).
 */
static uint64_t state_since_ns(struct genlmsghdr *gnlh, uint32_t state)
{
	struct nlattr *attr;
	uint64_t since = 0;
	int rem;

	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0), genlmsg_attrlen(gnlh, 0), rem) {
		const char *detail;
		uint32_t st;
		uint64_t ns;

		if (nla_type(attr) != OWE_A_STA_HISTORY ||
		    parse_history(attr, &st, &ns, &detail))
			continue;
		if (st != state)
			since = 0;
		else if (!since)
			since = ns;
	}
	return since;
}

static int check_sta(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[OWE_A_STA_MAX + 1];
	struct check_ctx *ctx = arg;
	uint64_t since, limit;
	uint32_t state;
	char mac[18];

	if (parse_sta(msg, tb) || !tb[OWE_A_STA_STATE])
		return NL_SKIP;
	state = nla_get_u32(tb[OWE_A_STA_STATE]);
	if (state == OWE_STA_STATE_L2_AUTH)
		limit = STUCK_L2_AUTH_NS;
	else if (state == OWE_STA_STATE_IP_LEARN)
		limit = STUCK_IP_LEARN_NS;
	else
		return NL_SKIP;
	since = state_since_ns(gnlh, state);
	if (!since || since > ctx->now_ns || ctx->now_ns - since < limit)
		return NL_SKIP;
	mac_to_str(nla_data(tb[OWE_A_STA_MAC]), mac);
	ctx->stuck++;
	if (state == OWE_STA_STATE_L2_AUTH)
		item_bad(ctx, true, "stations",
			 "%s stuck in L2_AUTH for %llu s (the 4-way handshake does not finish); fix: owectl dev %s station get %s for its trace, then owectl dev %s station del %s",
			 mac, (unsigned long long)((ctx->now_ns - since) / 1000000000ULL),
			 ctx->cur->ap.ifname, mac, ctx->cur->ap.ifname, mac);
	else
		item_bad(ctx, true, "stations",
			 "%s stuck in IP_LEARN for %llu s (no ARP, DHCP or neighbour discovery seen: the client has no address); fix: check the DHCP server on %s's network, then owectl dev %s station get %s",
			 mac, (unsigned long long)((ctx->now_ns - since) / 1000000000ULL),
			 ctx->cur->ap.ifname, ctx->cur->ap.ifname, mac);
	return NL_SKIP;
}

static void check_stations(struct check_ctx *ctx, const struct check_bss *b)
{
	struct nl_msg *msg;
	struct timespec ts;
	int err;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	ctx->now_ns = (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
	ctx->cur = b;
	ctx->stuck = 0;
	msg = owe_msg(ctx->state, OWE_CMD_STA_GET, NLM_F_DUMP);
	if (!msg || nla_put_u32(msg, OWE_A_STA_IFINDEX, b->ap.ifindex)) {
		nlmsg_free(msg);
		item_bad(ctx, true, "stations", "out of memory; fix: retry");
		return;
	}
	err = owectl_send(ctx->state, msg, check_sta, ctx);
	if (err) {
		item_bad(ctx, true, "stations", "cannot list them: %s; fix: retry",
			 strerror(-err));
		return;
	}
	if (!ctx->stuck)
		item_ok("stations", "none stuck in L2_AUTH or IP_LEARN");
}

static void check_one(struct check_ctx *ctx, const struct check_bss *b)
{
	const struct check_bss *p;
	char ssid[4 * OWE_SSID_MAX_LEN + 1];
	char mac[18];

	mac_to_str(b->ap.bssid, mac);
	ssid_str(b->ap.ssid, b->ap.ssid_len, ssid, sizeof(ssid));
	printf("BSS %s (on %s, ssid '%s')\n", mac, b->ap.ifname, ssid);
	check_security(ctx, b);
	check_hidden(ctx, b);
	p = check_partner(ctx, b);
	check_ssids(ctx, b, p);
	check_channel(ctx, b, p);
	check_pmf(ctx, b);
	check_groups(ctx, b);
	check_stations(ctx, b);
	check_counters(ctx, b);
}

static int run_check(struct owectl_state *state, unsigned int ifindex)
{
	struct check_ctx *ctx;
	int err, i, checked = 0;

	ctx = calloc(1, sizeof(*ctx));
	if (!ctx)
		return -ENOMEM;
	ctx->state = state;
	err = dump_bsses(ctx);
	if (err)
		goto out;
	for (i = 0; i < ctx->n; i++) {
		if (ifindex && ctx->bss[i].ap.ifindex != ifindex)
			continue;
		check_one(ctx, &ctx->bss[i]);
		checked++;
	}
	if (!checked && ifindex) {
		printf("BSS on %s\n", state->ifname);
		item_bad(ctx, true, "served",
			 "owe.ko serves no BSS on %s; fix: owectl dev %s ap start ssid <SSID> freq <MHz> [security owe]",
			 state->ifname, state->ifname);
	} else if (!checked) {
		puts(NO_BSS_MSG);
	}
	if (!checked) {
		err = HANDLER_RET_DONE;
		goto out;
	}
	printf("%d BSS%s checked: %d failed, %d warning%s\n", checked,
	       checked == 1 ? "" : "es", ctx->fails, ctx->warns,
	       ctx->warns == 1 ? "" : "s");
	err = ctx->fails ? HANDLER_RET_DONE : 0;
out:
	free(ctx);
	return err;
}

static int handle_check(struct owectl_state *state, struct nl_msg *msg,
			int argc, char **argv)
{
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	return run_check(state, 0);
}
TOPLEVEL(check, NULL, 0, 0, CIB_NONE, handle_check,
	 "Run the troubleshooting list against every BSS owe.ko serves in\n"
	 "this network namespace: security, hidden/broadcast rules of a\n"
	 "transition pair, partners that exist and point back, SSIDs,\n"
	 "channels, PMF, DH groups, stuck stations and trouble counters.\n"
	 "Each item prints ok, WARN or FAIL with the problem and its fix;\n"
	 "the exit status is 1 when an item failed.");

static int handle_ap_check(struct owectl_state *state, struct nl_msg *msg,
			   int argc, char **argv)
{
	(void)msg;
	(void)argv;
	if (argc)
		return HANDLER_RET_USAGE;
	return run_check(state, state->ifindex);
}
COMMAND(ap, check, NULL, 0, 0, CIB_NETDEV, handle_ap_check,
	"Run the troubleshooting list of 'owectl check' against this BSS\n"
	"(its partner is read too). Exit status 1 when an item failed.");
