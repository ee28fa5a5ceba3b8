// SPDX-License-Identifier: GPL-2.0
/*
 * The "owe" family's station and PMKSA commands: sta-get, sta-del,
 * pmksa-get, pmksa-flush, and the station attributes of sta-ntf.
 */

#include <linux/etherdevice.h>
#include <net/genetlink.h>
#include <net/ipv6.h>
#include <net/netlink.h>

#include "core/ap.h"
#include "core/mlme.h"
#include "core/pmksa.h"
#include "core/sta.h"
#include "netlink/netlink-gen.h"
#include "netlink/netlink.h"

static int owe_nl_put_event(struct sk_buff *msg, const struct owe_sta_event *ev)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, OWE_A_STA_HISTORY);
	if (!nest ||
	    nla_put_u32(msg, OWE_A_HISTORY_STATE, ev->state) ||
	    nla_put_uint(msg, OWE_A_HISTORY_TIME_NS, ev->time_ns) ||
	    nla_put_string(msg, OWE_A_HISTORY_DETAIL, ev->detail))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int owe_nl_fill_sta(struct sk_buff *msg, const struct owe_sta *sta,
		    bool whole_history)
{
	unsigned int i, first, n;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (nla_put_u32(msg, OWE_A_STA_IFINDEX, sta->ap->dev->ifindex) ||
	    nla_put(msg, OWE_A_STA_MAC, ETH_ALEN, sta->addr) ||
	    nla_put_u32(msg, OWE_A_STA_STATE, sta->state) ||
	    (sta->aid && nla_put_u16(msg, OWE_A_STA_AID, sta->aid)) ||
	    (sta->del_reason &&
	     nla_put_u16(msg, OWE_A_STA_DEL_REASON, sta->del_reason)))
		return -EMSGSIZE;
	if (sta->rsn.group &&
	    (nla_put_u32(msg, OWE_A_STA_AKM, WLAN_AKM_SUITE_OWE) ||
	     nla_put_u16(msg, OWE_A_STA_GROUP, sta->rsn.group->id) ||
	     nla_put_u32(msg, OWE_A_STA_CIPHER, sta->ap->cfg.cipher) ||
	     nla_put(msg, OWE_A_STA_PMKID, OWE_PMKID_LEN, sta->rsn.pmkid) ||
	     (sta->rsn.mfp && nla_put_flag(msg, OWE_A_STA_PMF)) ||
	     (sta->rsn.pmksa_cached &&
	      nla_put_flag(msg, OWE_A_STA_PMKSA_CACHED))))
		return -EMSGSIZE;
	if ((sta->ipv4 && nla_put_in_addr(msg, OWE_A_STA_IPV4, sta->ipv4)) ||
	    (!ipv6_addr_any(&sta->ipv6) &&
	     nla_put_in6_addr(msg, OWE_A_STA_IPV6, &sta->ipv6)))
		return -EMSGSIZE;
	if (sta->in_driver &&
	    nla_put_uint(msg, OWE_A_STA_CONNECTED_MS,
			 div_u64(ktime_get_boottime_ns() - sta->assoc_time_ns,
				 NSEC_PER_MSEC)))
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
	struct owe_ap *ap = info->user_ptr[1];
	struct owe_sta *sta;
	struct sk_buff *msg;
	const u8 *mac;
	void *hdr;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, OWE_A_STA_MAC))
		return -EINVAL;
	mac = nla_data(info->attrs[OWE_A_STA_MAC]);
	sta = owe_sta_find(ap, mac);
	if (!sta) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "no station %pM on %s",
				       mac, ap->dev->name);
		return -ENOENT;
	}
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_iput(msg, info);
	ret = hdr ? owe_nl_fill_sta(msg, sta, true) : -EMSGSIZE;
	if (ret) {
		nlmsg_free(msg);
		return ret;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
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
	ap = owe_nl_dump_ap(dev, cb);
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
	u16 reason = WLAN_REASON_PREV_AUTH_NOT_VALID;
	struct owe_ap *ap = info->user_ptr[1];
	struct owe_sta *sta;
	const u8 *mac;

	if (GENL_REQ_ATTR_CHECK(info, OWE_A_STA_MAC))
		return -EINVAL;
	mac = nla_data(info->attrs[OWE_A_STA_MAC]);
	if (info->attrs[OWE_A_STA_DEL_REASON])
		reason = nla_get_u16(info->attrs[OWE_A_STA_DEL_REASON]);
	if (is_broadcast_ether_addr(mac)) {
		owe_mlme_deauth_all(ap, reason);
		return 0;
	}
	sta = owe_sta_find(ap, mac);
	if (!sta) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "no station %pM on %s",
				       mac, ap->dev->name);
		return -ENOENT;
	}
	owe_mlme_remove_sta(sta, reason, true,
			    "deauthenticated by the administrator");
	return 0;
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
	ap = owe_nl_dump_ap(dev, cb);
	if (!ap) {
		ret = -ENOENT;
		goto out;
	}
	ret = skb->len;
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
	struct nlattr *mac = info->attrs[OWE_A_PMKSA_MAC];

	owe_pmksa_flush(info->user_ptr[1], mac ? nla_data(mac) : NULL);
	return 0;
}
