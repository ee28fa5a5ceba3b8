// SPDX-License-Identifier: GPL-2.0
/*
 * The nl80211 half of "ap start" and "ap stop": make the interface an AP,
 * bring it up, and start or stop its BSS with a beacon owectl builds, as
 * "iw dev X ap start" does. The RSNE and the OWE transition element are not
 * here: owe.ko adds them to the beacon tail (one writer for all frames).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/nl80211.h>
#include <netlink/attr.h>
#include "owectl.h"

#define WLAN_CAPABILITY_ESS		0x0001
#define WLAN_CAPABILITY_PRIVACY		0x0010
#define WLAN_EID_SSID			0
#define WLAN_EID_SUPP_RATES		1
#define WLAN_EID_DS_PARAMS		3
#define WLAN_EID_ERP_INFO		42
#define WLAN_EID_EXT_SUPP_RATES		50
#define WLAN_EID_VENDOR_SPECIFIC	221

struct iface_info {
	uint32_t iftype;
	uint8_t mac[ETH_ALEN];
	bool have_mac;
};

static int iface_info_handler(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct iface_info *info = arg;

	nla_parse(tb, NL80211_ATTR_MAX, genlmsg_attrdata(gnlh, 0),
		  genlmsg_attrlen(gnlh, 0), NULL);
	if (tb[NL80211_ATTR_IFTYPE])
		info->iftype = nla_get_u32(tb[NL80211_ATTR_IFTYPE]);
	if (tb[NL80211_ATTR_MAC] && nla_len(tb[NL80211_ATTR_MAC]) == ETH_ALEN) {
		memcpy(info->mac, nla_data(tb[NL80211_ATTR_MAC]), ETH_ALEN);
		info->have_mac = true;
	}
	return NL_SKIP;
}

static int get_iface(struct owectl_state *state, struct iface_info *info)
{
	struct nl_msg *msg;

	memset(info, 0, sizeof(*info));
	msg = nl80211_msg(state, NL80211_CMD_GET_INTERFACE, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, state->ifindex)) {
		nlmsg_free(msg);
		return -ENOBUFS;
	}
	return owectl_send(state, msg, iface_info_handler, info);
}

static int set_up(const char *ifname, bool up)
{
	struct ifreq ifr;
	int fd, err = 0;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0) {
		err = -errno;
		goto out;
	}
	if (!!(ifr.ifr_flags & IFF_UP) == up)
		goto out;
	if (up)
		ifr.ifr_flags |= IFF_UP;
	else
		ifr.ifr_flags &= ~IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
		err = -errno;
out:
	close(fd);
	return err;
}

/**
 * nl80211_ensure_ap_up() - make the interface an AP interface and bring it up
 * @state: owectl state, with the interface
 *
 * Return: 0 or a negative errno (reported with what failed).
 */
int nl80211_ensure_ap_up(struct owectl_state *state)
{
	struct iface_info info;
	struct nl_msg *msg;
	int err;

	err = nl80211_check(state);
	if (err)
		return err;
	err = get_iface(state, &info);
	if (err) {
		owectl_err("'%s' is not a wireless interface\n", state->ifname);
		return HANDLER_RET_DONE;
	}
	if (info.iftype != NL80211_IFTYPE_AP) {
		err = set_up(state->ifname, false);
		if (err)
			goto err_updown;
		msg = nl80211_msg(state, NL80211_CMD_SET_INTERFACE, 0);
		if (!msg)
			return -ENOMEM;
		if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, state->ifindex) ||
		    nla_put_u32(msg, NL80211_ATTR_IFTYPE, NL80211_IFTYPE_AP)) {
			nlmsg_free(msg);
			return -ENOBUFS;
		}
		err = owectl_send(state, msg, NULL, NULL);
		if (err) {
			owectl_err("cannot make '%s' an AP interface: %s\n",
				   state->ifname, strerror(-err));
			return HANDLER_RET_DONE;
		}
	}
	err = set_up(state->ifname, true);
	if (err)
		goto err_updown;
	return 0;

err_updown:
	owectl_err("cannot bring '%s' %s: %s\n", state->ifname,
		   info.iftype != NL80211_IFTYPE_AP ? "down/up" : "up", strerror(-err));
	return HANDLER_RET_DONE;
}

static uint8_t *put_ie(uint8_t *pos, uint8_t id, const void *data, uint8_t len)
{
	*pos++ = id;
	*pos++ = len;
	memcpy(pos, data, len);
	return pos + len;
}

static uint8_t *put_le16(uint8_t *pos, uint16_t v)
{
	*pos++ = v & 0xff;
	*pos++ = v >> 8;
	return pos;
}

/* beacon head: the frame header, fixed fields, SSID, rates, DS parameters */
static size_t build_head(uint8_t *buf, const struct ap_params *p,
			 const uint8_t bssid[ETH_ALEN], unsigned int chan)
{
	static const uint8_t rates_2g[] = { 0x82, 0x84, 0x8b, 0x96,
					    0x0c, 0x12, 0x18, 0x24 };
	static const uint8_t rates_5g[] = { 0x8c, 0x12, 0x98, 0x24,
					    0xb0, 0x48, 0x60, 0x6c };
	uint16_t capab = WLAN_CAPABILITY_ESS;
	uint8_t *pos = buf;
	uint8_t ds = chan;

	if (p->owe)
		capab |= WLAN_CAPABILITY_PRIVACY;
	pos = put_le16(pos, 0x0080);			/* frame control: beacon */
	pos = put_le16(pos, 0);				/* duration */
	memset(pos, 0xff, ETH_ALEN);			/* DA: broadcast */
	pos += ETH_ALEN;
	memcpy(pos, bssid, ETH_ALEN);			/* SA */
	pos += ETH_ALEN;
	memcpy(pos, bssid, ETH_ALEN);			/* BSSID */
	pos += ETH_ALEN;
	pos = put_le16(pos, 0);				/* sequence control */
	memset(pos, 0, 8);				/* timestamp (set by the driver) */
	pos += 8;
	pos = put_le16(pos, p->beacon_int);
	pos = put_le16(pos, capab);
	pos = put_ie(pos, WLAN_EID_SSID, p->ssid, p->hidden ? 0 : p->ssid_len);
	if (p->freq < 3000) {
		pos = put_ie(pos, WLAN_EID_SUPP_RATES, rates_2g, sizeof(rates_2g));
		pos = put_ie(pos, WLAN_EID_DS_PARAMS, &ds, 1);
	} else {
		pos = put_ie(pos, WLAN_EID_SUPP_RATES, rates_5g, sizeof(rates_5g));
	}
	return pos - buf;
}

/* beacon tail: ERP and extended rates on 2.4 GHz, WMM parameters as hostapd's defaults */
static size_t build_tail(uint8_t *buf, const struct ap_params *p)
{
	static const uint8_t ext_rates_2g[] = { 0x30, 0x48, 0x60, 0x6c };
	static const uint8_t wmm_param[] = {
		0x00, 0x50, 0xf2,	/* Microsoft OUI */
		0x02, 0x01, 0x01,	/* WMM, parameter element, version 1 */
		0x00,			/* QoS info: parameter set count 0 */
		0x00,			/* reserved */
		/* ACI/AIFSN, ECWmin/ECWmax, TXOP limit (32 us units) */
		0x03, 0xa4, 0x00, 0x00,	/* AC_BE: AIFSN 3, CW 15-1023 */
		0x27, 0xa4, 0x00, 0x00,	/* AC_BK: AIFSN 7, CW 15-1023 */
		0x42, 0x43, 0x5e, 0x00,	/* AC_VI: AIFSN 2, CW 7-15, 3.008 ms */
		0x62, 0x32, 0x2f, 0x00,	/* AC_VO: AIFSN 2, CW 3-7, 1.504 ms */
	};
	static const uint8_t erp;
	uint8_t *pos = buf;

	if (p->freq < 3000) {
		pos = put_ie(pos, WLAN_EID_ERP_INFO, &erp, 1);
		pos = put_ie(pos, WLAN_EID_EXT_SUPP_RATES, ext_rates_2g,
			     sizeof(ext_rates_2g));
	}
	pos = put_ie(pos, WLAN_EID_VENDOR_SPECIFIC, wmm_param, sizeof(wmm_param));
	return pos - buf;
}

/**
 * nl80211_start_ap() - start the BSS (NL80211_CMD_START_AP)
 * @state: owectl state, with the interface
 * @p: the BSS parameters (already validated)
 *
 * The BSS is not bound to owectl's socket (no NL80211_ATTR_SOCKET_OWNER): it
 * must outlive the command.
 *
 * Return: 0, a negative errno, or HANDLER_RET_DONE after printing why.
 */
int nl80211_start_ap(struct owectl_state *state, const struct ap_params *p)
{
	uint8_t head[256], tail[128];
	struct iface_info info;
	size_t head_len, tail_len;
	unsigned int chan = 0;
	struct nl_msg *msg;
	uint32_t cipher;
	int err;

	err = get_iface(state, &info);
	if (err)
		return err;
	if (!info.have_mac) {
		owectl_err("cannot read the MAC address of '%s'\n", state->ifname);
		return HANDLER_RET_DONE;
	}
	if (p->freq == 2484)
		chan = 14;
	else if (p->freq < 3000)
		chan = (p->freq - 2407) / 5;
	head_len = build_head(head, p, info.mac, chan);
	tail_len = build_tail(tail, p);
	cipher = p->cipher ? p->cipher : RSN_SUITE_CCMP;

	msg = nl80211_msg(state, NL80211_CMD_START_AP, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, state->ifindex) ||
	    nla_put(msg, NL80211_ATTR_BEACON_HEAD, head_len, head) ||
	    nla_put(msg, NL80211_ATTR_BEACON_TAIL, tail_len, tail) ||
	    nla_put_u32(msg, NL80211_ATTR_BEACON_INTERVAL, p->beacon_int) ||
	    nla_put_u32(msg, NL80211_ATTR_DTIM_PERIOD, p->dtim_period) ||
	    nla_put(msg, NL80211_ATTR_SSID, p->ssid_len, p->ssid) ||
	    nla_put_u32(msg, NL80211_ATTR_HIDDEN_SSID,
			p->hidden ? NL80211_HIDDEN_SSID_ZERO_LEN :
				    NL80211_HIDDEN_SSID_NOT_IN_USE) ||
	    nla_put_u32(msg, NL80211_ATTR_WIPHY_FREQ, p->freq) ||
	    nla_put_u32(msg, NL80211_ATTR_CHANNEL_WIDTH, NL80211_CHAN_WIDTH_20_NOHT) ||
	    nla_put_u32(msg, NL80211_ATTR_CENTER_FREQ1, p->freq) ||
	    nla_put_u32(msg, NL80211_ATTR_AUTH_TYPE, NL80211_AUTHTYPE_OPEN_SYSTEM))
		goto err_nobufs;
	if (p->owe &&
	    (nla_put_flag(msg, NL80211_ATTR_PRIVACY) ||
	     nla_put_u32(msg, NL80211_ATTR_WPA_VERSIONS, NL80211_WPA_VERSION_2) ||
	     nla_put_u32(msg, NL80211_ATTR_AKM_SUITES, RSN_SUITE_OWE) ||
	     nla_put_u32(msg, NL80211_ATTR_CIPHER_SUITES_PAIRWISE, cipher) ||
	     nla_put_u32(msg, NL80211_ATTR_CIPHER_SUITE_GROUP, cipher)))
		goto err_nobufs;
	err = owectl_send(state, msg, NULL, NULL);
	if (err == -EALREADY || err == -EBUSY) {
		owectl_err("'%s' already runs a BSS (stop it first: owectl dev %s ap stop)\n",
			   state->ifname, state->ifname);
		return HANDLER_RET_DONE;
	}
	if (err) {
		owectl_err("nl80211 cannot start the BSS on '%s' at %u MHz: %s\n",
			   state->ifname, p->freq, strerror(-err));
		return HANDLER_RET_DONE;
	}
	return 0;

err_nobufs:
	nlmsg_free(msg);
	return -ENOBUFS;
}

/**
 * nl80211_stop_ap() - stop the BSS (NL80211_CMD_STOP_AP)
 * @state: owectl state, with the interface
 *
 * Return: 0, -ENOENT when no BSS was running, or another negative errno.
 */
int nl80211_stop_ap(struct owectl_state *state)
{
	struct nl_msg *msg;

	if (state->nl80211_id < 0)
		return -ENOENT;

	msg = nl80211_msg(state, NL80211_CMD_STOP_AP, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, state->ifindex)) {
		nlmsg_free(msg);
		return -ENOBUFS;
	}
	return owectl_send(state, msg, NULL, NULL);
}

/**
 * ifname_to_index() - resolve an interface name
 * @ifname: the name
 * @ifindex: set to its index
 *
 * Return: 0 or HANDLER_RET_DONE after printing "no such interface".
 */
int ifname_to_index(const char *ifname, unsigned int *ifindex)
{
	*ifindex = strlen(ifname) < IFNAMSIZ ? if_nametoindex(ifname) : 0;
	if (!*ifindex) {
		owectl_err("no such interface '%s'\n", ifname);
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * nl80211_add_ap_iface() - add an AP interface on the radio of another one
 * @state: owectl state
 * @radio_ifname: an interface of the radio
 * @name: the new interface's name
 *
 * As "iw phy PHY interface add NAME type __ap".
 *
 * Return: 0, or HANDLER_RET_DONE after printing why not.
 */
int nl80211_add_ap_iface(struct owectl_state *state, const char *radio_ifname,
			 const char *name)
{
	char path[64 + IF_NAMESIZE];
	unsigned int wiphy;
	struct nl_msg *msg;
	FILE *f;
	int err, n;

	err = nl80211_check(state);
	if (err)
		return err;
	snprintf(path, sizeof(path), "/sys/class/net/%s/phy80211/index",
		 radio_ifname);
	f = fopen(path, "r");
	if (!f) {
		owectl_err("cannot add '%s': '%s' is not a wireless interface\n",
			   name, radio_ifname);
		return HANDLER_RET_DONE;
	}
	n = fscanf(f, "%u", &wiphy);
	fclose(f);
	if (n != 1) {
		owectl_err("cannot add '%s': no radio index for '%s'\n", name,
			   radio_ifname);
		return HANDLER_RET_DONE;
	}
	msg = nl80211_msg(state, NL80211_CMD_NEW_INTERFACE, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, NL80211_ATTR_WIPHY, wiphy) ||
	    nla_put_string(msg, NL80211_ATTR_IFNAME, name) ||
	    nla_put_u32(msg, NL80211_ATTR_IFTYPE, NL80211_IFTYPE_AP)) {
		nlmsg_free(msg);
		return -ENOBUFS;
	}
	err = owectl_send(state, msg, NULL, NULL);
	if (err) {
		owectl_err("cannot add the AP interface '%s' on the radio of '%s': %s\n",
			   name, radio_ifname, strerror(-err));
		return HANDLER_RET_DONE;
	}
	return 0;
}

/**
 * nl80211_del_iface() - delete an interface (NL80211_CMD_DEL_INTERFACE)
 * @state: owectl state
 * @ifindex: the interface
 *
 * Return: 0 or a negative errno.
 */
int nl80211_del_iface(struct owectl_state *state, unsigned int ifindex)
{
	struct nl_msg *msg;

	if (state->nl80211_id < 0)
		return -ENOENT;
	msg = nl80211_msg(state, NL80211_CMD_DEL_INTERFACE, 0);
	if (!msg)
		return -ENOMEM;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, ifindex)) {
		nlmsg_free(msg);
		return -ENOBUFS;
	}
	return owectl_send(state, msg, NULL, NULL);
}
