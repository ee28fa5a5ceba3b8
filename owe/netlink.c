// SPDX-License-Identifier: GPL-2.0
/*
 * The "owe" generic netlink family: the handlers behind the generated
 * policies and ops of netlink-gen.c (Documentation/netlink/specs/owe.yaml).
 *
 * Every do request names an interface; owe_nl_pre_doit() resolves it in
 * the requester's network namespace and holds it until owe_nl_post_doit().
 * Handlers take the radio's wiphy mutex themselves.
 */

#include <linux/etherdevice.h>
#include <net/ipv6.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "netlink-gen.h"
#include "owe.h"

#define OWE_NL_MAX_AKMS	8
/* the family has no pad attribute; type 0 pads where alignment needs it */
#define OWE_NL_PAD	0

int owe_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		    struct genl_info *info)
{
	struct net_device *dev;
	u32 ifindex;

	/* one attribute id serves the three attribute sets */
	BUILD_BUG_ON((int)OWE_A_AP_IFINDEX != (int)OWE_A_STA_IFINDEX ||
		     (int)OWE_A_AP_IFINDEX != (int)OWE_A_PMKSA_IFINDEX);
	if (GENL_REQ_ATTR_CHECK(info, OWE_A_AP_IFINDEX))
		return -EINVAL;
	ifindex = nla_get_u32(info->attrs[OWE_A_AP_IFINDEX]);
	dev = dev_get_by_index(genl_info_net(info), ifindex);
	if (!dev) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack,
				       "no interface with index %u", ifindex);
		NL_SET_BAD_ATTR(info->extack, info->attrs[OWE_A_AP_IFINDEX]);
		return -ENODEV;
	}
	if (!dev->ieee80211_ptr) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack,
				       "%s is not a wireless interface",
				       dev->name);
		dev_put(dev);
		return -EOPNOTSUPP;
	}
	info->user_ptr[0] = dev;
	return 0;
}

void owe_nl_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		      struct genl_info *info)
{
	dev_put(info->user_ptr[0]);
}

static struct owe_ap *owe_nl_ap(struct net_device *dev,
				struct netlink_ext_ack *extack)
{
	struct owe_ap *ap = owe_ap_find(dev);

	if (!ap)
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is not served by owe",
				       dev->name);
	return ap;
}

static int owe_nl_parse_config(struct genl_info *info,
			       struct owe_ap_config *cfg)
{
	struct nlattr **tb = info->attrs;
	u32 akms[OWE_NL_MAX_AKMS];
	unsigned int n_akms = 0;
	struct nlattr *attr;
	int rem;

	cfg->security = tb[OWE_A_AP_SECURITY] ?
			nla_get_u32(tb[OWE_A_AP_SECURITY]) : OWE_SECURITY_OPEN;
	cfg->hidden = nla_get_flag(tb[OWE_A_AP_HIDDEN]);
	if (cfg->security == OWE_SECURITY_OWE) {
		cfg->groups = OWE_DH_GROUPS_ECP256 | OWE_DH_GROUPS_ECP384 |
			      OWE_DH_GROUPS_ECP521;
		cfg->pmf = OWE_PMF_OPTIONAL;
		cfg->cipher = WLAN_CIPHER_SUITE_CCMP;
		cfg->pmksa_lifetime = 43200;
	}
	if (tb[OWE_A_AP_GROUPS]) {
		cfg->groups = nla_get_u32(tb[OWE_A_AP_GROUPS]);
		if (cfg->security == OWE_SECURITY_OWE && !cfg->groups) {
			NL_SET_ERR_MSG_ATTR(info->extack, tb[OWE_A_AP_GROUPS],
					    "an OWE BSS needs at least one group");
			return -EINVAL;
		}
	}
	if (tb[OWE_A_AP_PMF])
		cfg->pmf = nla_get_u32(tb[OWE_A_AP_PMF]);
	if (tb[OWE_A_AP_CIPHER])
		cfg->cipher = nla_get_u32(tb[OWE_A_AP_CIPHER]);
	if (tb[OWE_A_AP_GTK_REKEY])
		cfg->gtk_rekey = nla_get_u32(tb[OWE_A_AP_GTK_REKEY]);
	if (tb[OWE_A_AP_PMKSA_LIFETIME])
		cfg->pmksa_lifetime = nla_get_u32(tb[OWE_A_AP_PMKSA_LIFETIME]);

	if (tb[OWE_A_AP_TRANSITION_IFINDEX])
		cfg->transition_ifindex =
			nla_get_u32(tb[OWE_A_AP_TRANSITION_IFINDEX]);
	if (!!tb[OWE_A_AP_TRANSITION_BSSID] != !!tb[OWE_A_AP_TRANSITION_SSID]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "transition-bssid and transition-ssid go together");
		return -EINVAL;
	}
	if (tb[OWE_A_AP_TRANSITION_SSID]) {
		cfg->transition_ssid_len = nla_len(tb[OWE_A_AP_TRANSITION_SSID]);
		if (!cfg->transition_ssid_len) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    tb[OWE_A_AP_TRANSITION_SSID],
					    "the transition SSID is empty");
			return -EINVAL;
		}
		nla_memcpy(cfg->transition_ssid, tb[OWE_A_AP_TRANSITION_SSID],
			   sizeof(cfg->transition_ssid));
		nla_memcpy(cfg->transition_bssid, tb[OWE_A_AP_TRANSITION_BSSID],
			   ETH_ALEN);
	}
	if (!!tb[OWE_A_AP_TRANSITION_OP_CLASS] !=
	    !!tb[OWE_A_AP_TRANSITION_CHANNEL]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "the transition operating class and channel go together");
		return -EINVAL;
	}
	if (tb[OWE_A_AP_TRANSITION_OP_CLASS]) {
		cfg->transition_op_class =
			nla_get_u8(tb[OWE_A_AP_TRANSITION_OP_CLASS]);
		cfg->transition_channel =
			nla_get_u8(tb[OWE_A_AP_TRANSITION_CHANNEL]);
	}

	nla_for_each_attr(attr, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(attr) != OWE_A_AP_AKM)
			continue;
		if (n_akms == OWE_NL_MAX_AKMS) {
			NL_SET_ERR_MSG_ATTR(info->extack, attr, "too many AKMs");
			return -EINVAL;
		}
		akms[n_akms++] = nla_get_u32(attr);
	}
	return owe_ap_config_check(cfg, akms, n_akms,
				   tb[OWE_A_AP_FT] && nla_get_u8(tb[OWE_A_AP_FT]),
				   info->extack);
}

int owe_nl_ap_start_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct owe_ap_config cfg = {};
	int ret;

	ret = owe_nl_parse_config(info, &cfg);
	if (ret)
		return ret;
	if (cfg.transition_ifindex == dev->ifindex) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "a BSS cannot be its own transition partner");
		return -EINVAL;
	}
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ret = owe_ap_create(dev, &cfg, info->extack);
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	return ret;
}

int owe_nl_ap_stop_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct owe_ap *ap;
	int ret = 0;

	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	if (ap)
		owe_ap_destroy(ap, false);
	else
		ret = -ENOENT;
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	return ret;
}

static int owe_nl_fill_ap(struct sk_buff *msg, struct owe_ap *ap)
{
	const struct owe_ap_config *cfg = &ap->cfg;
	struct nlattr *nest;
	int i;

	BUILD_BUG_ON((int)OWE_CNT_MAX != (int)OWE_A_COUNTERS_MAX);
	if (nla_put_u32(msg, OWE_A_AP_IFINDEX, ap->dev->ifindex) ||
	    nla_put_string(msg, OWE_A_AP_IFNAME, ap->dev->name) ||
	    nla_put_u32(msg, OWE_A_AP_SECURITY, cfg->security) ||
	    nla_put(msg, OWE_A_AP_SSID, ap->ssid_len, ap->ssid) ||
	    nla_put(msg, OWE_A_AP_BSSID, ETH_ALEN, ap->bssid) ||
	    (cfg->hidden && nla_put_flag(msg, OWE_A_AP_HIDDEN)) ||
	    nla_put_u32(msg, OWE_A_AP_STA_COUNT, READ_ONCE(ap->sta_count)))
		return -EMSGSIZE;
	if (cfg->security == OWE_SECURITY_OWE &&
	    (nla_put_u32(msg, OWE_A_AP_GROUPS, cfg->groups) ||
	     nla_put_u32(msg, OWE_A_AP_PMF, cfg->pmf) ||
	     nla_put_u32(msg, OWE_A_AP_CIPHER, cfg->cipher) ||
	     nla_put_u32(msg, OWE_A_AP_PMKSA_LIFETIME, cfg->pmksa_lifetime) ||
	     (cfg->gtk_rekey &&
	      nla_put_u32(msg, OWE_A_AP_GTK_REKEY, cfg->gtk_rekey))))
		return -EMSGSIZE;
	if (cfg->transition_ifindex &&
	    nla_put_u32(msg, OWE_A_AP_TRANSITION_IFINDEX,
			cfg->transition_ifindex))
		return -EMSGSIZE;
	if (ap->partner_ifindex &&
	    nla_put_u32(msg, OWE_A_AP_PARTNER_IFINDEX, ap->partner_ifindex))
		return -EMSGSIZE;
	if (cfg->transition_ssid_len &&
	    (nla_put(msg, OWE_A_AP_TRANSITION_BSSID, ETH_ALEN,
		     cfg->transition_bssid) ||
	     nla_put(msg, OWE_A_AP_TRANSITION_SSID, cfg->transition_ssid_len,
		     cfg->transition_ssid)))
		return -EMSGSIZE;
	if (cfg->transition_op_class &&
	    (nla_put_u8(msg, OWE_A_AP_TRANSITION_OP_CLASS,
			cfg->transition_op_class) ||
	     nla_put_u8(msg, OWE_A_AP_TRANSITION_CHANNEL,
			cfg->transition_channel)))
		return -EMSGSIZE;

	nest = nla_nest_start(msg, OWE_A_AP_COUNTERS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < OWE_CNT_MAX; i++)
		if (nla_put_uint(msg, i + 1, atomic_long_read(&ap->counters[i])))
			return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int owe_nl_ap_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct sk_buff *msg;
	struct owe_ap *ap;
	void *hdr;
	int ret;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr) {
		ret = -EMSGSIZE;
		goto err_free;
	}
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	ret = ap ? owe_nl_fill_ap(msg, ap) : -ENOENT;
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	if (ret)
		goto err_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return ret;
}

struct owe_nl_dump {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int owe_nl_dump_one_ap(struct owe_ap *ap, void *arg)
{
	struct owe_nl_dump *d = arg;
	void *hdr;

	if (!net_eq(dev_net(ap->dev), sock_net(d->skb->sk)))
		return 0;
	hdr = genlmsg_iput(d->skb, genl_info_dump(d->cb));
	if (!hdr)
		return -EMSGSIZE;
	if (owe_nl_fill_ap(d->skb, ap)) {
		genlmsg_cancel(d->skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(d->skb, hdr);
	return 0;
}

int owe_nl_ap_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct owe_nl_dump d = { .skb = skb, .cb = cb };

	cb->args[0] = owe_ap_for_each(owe_nl_dump_one_ap, &d, cb->args[0]);
	return skb->len;
}

int owe_nl_ap_rekey_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct owe_ap *ap;
	int ret;

	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	if (!ap) {
		ret = -ENOENT;
	} else if (ap->cfg.security == OWE_SECURITY_OPEN) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack,
				       "%s is an open BSS: it has no group key",
				       dev->name);
		ret = -EOPNOTSUPP;
	} else {
		ret = owe_rsn_rekey(ap);
		if (ret == -EBUSY)
			NL_SET_ERR_MSG_MOD(info->extack,
					   "a GTK rekey is already running");
	}
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	return ret;
}

static int owe_nl_put_event(struct sk_buff *msg, const struct owe_sta_event *ev)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, OWE_A_STA_HISTORY);
	if (!nest ||
	    nla_put_u32(msg, OWE_A_HISTORY_STATE, ev->state) ||
	    nla_put_u64_64bit(msg, OWE_A_HISTORY_TIME_NS, ev->time_ns,
			      OWE_NL_PAD) ||
	    nla_put_string(msg, OWE_A_HISTORY_DETAIL, ev->detail))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int owe_nl_fill_sta(struct sk_buff *msg, const struct owe_sta *sta,
			   bool whole_history)
{
	unsigned int i, first, n;

	if (nla_put_u32(msg, OWE_A_STA_IFINDEX, sta->ap->dev->ifindex) ||
	    nla_put(msg, OWE_A_STA_MAC, ETH_ALEN, sta->addr) ||
	    nla_put_u32(msg, OWE_A_STA_STATE, sta->state) ||
	    (sta->aid && nla_put_u16(msg, OWE_A_STA_AID, sta->aid)) ||
	    (sta->del_reason &&
	     nla_put_u16(msg, OWE_A_STA_DEL_REASON, sta->del_reason)))
		return -EMSGSIZE;
	if (sta->group &&
	    (nla_put_u32(msg, OWE_A_STA_AKM, WLAN_AKM_SUITE_OWE) ||
	     nla_put_u16(msg, OWE_A_STA_GROUP, sta->group->id) ||
	     nla_put_u32(msg, OWE_A_STA_CIPHER, sta->ap->cfg.cipher) ||
	     nla_put(msg, OWE_A_STA_PMKID, OWE_PMKID_LEN, sta->pmkid) ||
	     (sta->mfp && nla_put_flag(msg, OWE_A_STA_PMF)) ||
	     (sta->pmksa_cached && nla_put_flag(msg, OWE_A_STA_PMKSA_CACHED))))
		return -EMSGSIZE;
	if ((sta->ipv4 && nla_put_in_addr(msg, OWE_A_STA_IPV4, sta->ipv4)) ||
	    (!ipv6_addr_any(&sta->ipv6) &&
	     nla_put_in6_addr(msg, OWE_A_STA_IPV6, &sta->ipv6)))
		return -EMSGSIZE;
	if (sta->in_driver &&
	    nla_put_u64_64bit(msg, OWE_A_STA_CONNECTED_MS,
			      div_u64(ktime_get_boottime_ns() -
				      sta->assoc_time_ns, NSEC_PER_MSEC),
			      OWE_NL_PAD))
		return -EMSGSIZE;

	n = whole_history ? sta->hist_len : min_t(unsigned int, sta->hist_len, 1);
	first = sta->hist_next + OWE_STA_HISTORY_LEN - n;
	for (i = 0; i < n; i++)
		if (owe_nl_put_event(msg, &sta->hist[(first + i) %
						     OWE_STA_HISTORY_LEN]))
			return -EMSGSIZE;
	return 0;
}

int owe_nl_sta_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct owe_sta *sta = NULL;
	struct sk_buff *msg;
	struct owe_ap *ap;
	const u8 *mac;
	void *hdr;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, OWE_A_STA_MAC))
		return -EINVAL;
	mac = nla_data(info->attrs[OWE_A_STA_MAC]);
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	if (!hdr) {
		ret = -EMSGSIZE;
		goto err_free;
	}
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	if (ap) {
		sta = owe_sta_find(ap, mac);
		if (!sta)
			NL_SET_ERR_MSG_FMT_MOD(info->extack,
					       "no station %pM on %s", mac,
					       dev->name);
	}
	ret = sta ? owe_nl_fill_sta(msg, sta, true) : -ENOENT;
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	if (ret)
		goto err_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return ret;
}

static struct net_device *owe_nl_dump_dev(struct sk_buff *skb,
					  struct netlink_callback *cb,
					  unsigned int attr)
{
	const struct genl_info *info = genl_info_dump(cb);
	struct net_device *dev;

	if (!info->attrs[attr]) {
		NL_SET_ERR_MSG_MOD(cb->extack, "the dump needs an interface");
		return ERR_PTR(-EINVAL);
	}
	dev = dev_get_by_index(sock_net(skb->sk),
			       nla_get_u32(info->attrs[attr]));
	if (!dev) {
		NL_SET_ERR_MSG_MOD(cb->extack, "no such interface");
		return ERR_PTR(-ENODEV);
	}
	if (!dev->ieee80211_ptr) {
		NL_SET_ERR_MSG_FMT_MOD(cb->extack,
				       "%s is not a wireless interface",
				       dev->name);
		dev_put(dev);
		return ERR_PTR(-EOPNOTSUPP);
	}
	return dev;
}

int owe_nl_sta_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net_device *dev;
	struct owe_sta *sta;
	struct owe_ap *ap;
	unsigned long i = 0;
	int bkt, ret = 0;
	void *hdr;

	dev = owe_nl_dump_dev(skb, cb, OWE_A_STA_IFINDEX);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, cb->extack);
	if (!ap) {
		ret = -ENOENT;
		goto out;
	}
	owe_for_each_sta(ap, bkt, sta) {
		if (i++ < cb->args[0])
			continue;
		hdr = genlmsg_iput(skb, genl_info_dump(cb));
		if (!hdr)
			break;
		if (owe_nl_fill_sta(skb, sta, true)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = i;
	}
	ret = skb->len;
out:
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	dev_put(dev);
	return ret;
}

int owe_nl_sta_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	u16 reason = WLAN_REASON_PREV_AUTH_NOT_VALID;
	struct owe_sta *sta;
	struct owe_ap *ap;
	const u8 *mac;
	int ret = -ENOENT;

	if (GENL_REQ_ATTR_CHECK(info, OWE_A_STA_MAC))
		return -EINVAL;
	mac = nla_data(info->attrs[OWE_A_STA_MAC]);
	if (info->attrs[OWE_A_STA_DEL_REASON])
		reason = nla_get_u16(info->attrs[OWE_A_STA_DEL_REASON]);

	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	if (ap && is_broadcast_ether_addr(mac)) {
		owe_mlme_deauth_all(ap, reason);
		wiphy_unlock(dev->ieee80211_ptr->wiphy);
		return 0;
	}
	sta = ap ? owe_sta_find(ap, mac) : NULL;
	if (sta) {
		owe_mlme_remove_sta(sta, reason, true,
				    "deauthenticated by the administrator");
		ret = 0;
	} else if (ap) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "no station %pM on %s",
				       mac, dev->name);
	}
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	return ret;
}

static int owe_nl_fill_pmksa(struct sk_buff *msg, struct owe_ap *ap,
			     const struct owe_pmksa *e)
{
	long left = (long)(e->expires - jiffies);

	if (nla_put_u32(msg, OWE_A_PMKSA_IFINDEX, ap->dev->ifindex) ||
	    nla_put(msg, OWE_A_PMKSA_MAC, ETH_ALEN, e->addr) ||
	    nla_put(msg, OWE_A_PMKSA_PMKID, OWE_PMKID_LEN, e->pmkid) ||
	    nla_put_u16(msg, OWE_A_PMKSA_GROUP, e->group->id) ||
	    nla_put_u32(msg, OWE_A_PMKSA_EXPIRES_S,
			left > 0 ? DIV_ROUND_UP(left, HZ) : 0))
		return -EMSGSIZE;
	return 0;
}

int owe_nl_pmksa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct owe_pmksa *e;
	struct net_device *dev;
	struct owe_ap *ap;
	unsigned long i = 0;
	int ret;
	void *hdr;

	dev = owe_nl_dump_dev(skb, cb, OWE_A_PMKSA_IFINDEX);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, cb->extack);
	if (!ap) {
		ret = -ENOENT;
		goto out;
	}
	ret = skb->len;
	if (!ap->crypto)
		goto out;	/* an open BSS caches nothing */
	list_for_each_entry(e, &ap->pmksa, list) {
		if (i++ < cb->args[0])
			continue;
		hdr = genlmsg_iput(skb, genl_info_dump(cb));
		if (!hdr)
			break;
		if (owe_nl_fill_pmksa(skb, ap, e)) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = i;
	}
	ret = skb->len;
out:
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	dev_put(dev);
	return ret;
}

int owe_nl_pmksa_flush_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];
	struct owe_ap *ap;
	int ret = 0;

	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_nl_ap(dev, info->extack);
	if (!ap)
		ret = -ENOENT;
	else if (ap->crypto)
		owe_pmksa_flush(ap);
	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	return ret;
}

/**
 * owe_nl_notify_sta - announce a station's newest state on "events"
 * @sta: the station
 */
void owe_nl_notify_sta(struct owe_sta *sta)
{
	struct net *net = dev_net(sta->ap->dev);
	struct sk_buff *msg;
	void *hdr;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!genl_has_listeners(&owe_nl_family, net, OWE_NLGRP_EVENTS))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &owe_nl_family, 0, OWE_CMD_STA_NTF);
	if (!hdr || owe_nl_fill_sta(msg, sta, false)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&owe_nl_family, net, msg, 0, OWE_NLGRP_EVENTS,
				GFP_KERNEL);
}

/**
 * owe_nl_init - register the "owe" family
 *
 * Return: 0 or a negative error.
 */
int owe_nl_init(void)
{
	return genl_register_family(&owe_nl_family);
}

/**
 * owe_nl_exit - unregister the "owe" family
 */
void owe_nl_exit(void)
{
	genl_unregister_family(&owe_nl_family);
}
