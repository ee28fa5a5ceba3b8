// SPDX-License-Identifier: GPL-2.0
/*
 * DOC: netlink
 *
 * The "owe" generic netlink family: the handlers behind the generated
 * policies and ops of netlink-gen.c (Documentation/netlink/specs/owe.yaml),
 * in ap.c and sta.c; here what they share.
 *
 * Every do request names an interface. The pre_doit hooks resolve it in
 * the requester's network namespace, hold it and take its radio's wiphy
 * mutex until post_doit; owe_nl_pre_doit_ap() also resolves the BSS served
 * on it (&genl_info.user_ptr[1]) and refuses interfaces that have none.
 * Dumps resolve their interface with owe_nl_dump_dev() and take the mutex
 * per round.
 */

#include <linux/etherdevice.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "core/ap.h"
#include "core/sta.h"
#include "netlink/netlink-gen.h"
#include "netlink/netlink.h"

static int owe_nl_pre(struct genl_info *info, bool need_ap)
{
	struct net_device *dev;
	struct owe_ap *ap;
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
	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_ap_find(dev);
	if (need_ap && !ap) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack, "%s is not served by owe",
				       dev->name);
		wiphy_unlock(dev->ieee80211_ptr->wiphy);
		dev_put(dev);
		return -ENOENT;
	}
	info->user_ptr[0] = dev;
	info->user_ptr[1] = ap;
	return 0;
}

int owe_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		    struct genl_info *info)
{
	return owe_nl_pre(info, false);
}

int owe_nl_pre_doit_ap(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info)
{
	return owe_nl_pre(info, true);
}

void owe_nl_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		      struct genl_info *info)
{
	struct net_device *dev = info->user_ptr[0];

	wiphy_unlock(dev->ieee80211_ptr->wiphy);
	dev_put(dev);
}

/**
 * owe_nl_dump_dev - the interface a dump names, held
 * @skb: the dump's message
 * @cb: the dump
 * @attr: the attribute with the interface index
 *
 * Return: the interface (dev_put() it) or an ERR_PTR() with a message.
 */
struct net_device *owe_nl_dump_dev(struct sk_buff *skb,
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

/**
 * owe_nl_dump_ap - the BSS of a dump's interface, wiphy mutex held
 * @dev: the interface, from owe_nl_dump_dev()
 * @cb: the dump (for the message)
 *
 * Return: the BSS, or %NULL (with a message); either way the caller
 * unlocks the wiphy mutex.
 */
struct owe_ap *owe_nl_dump_ap(struct net_device *dev,
			      struct netlink_callback *cb)
{
	struct owe_ap *ap;

	wiphy_lock(dev->ieee80211_ptr->wiphy);
	ap = owe_ap_find(dev);
	if (!ap)
		NL_SET_ERR_MSG_FMT_MOD(cb->extack, "%s is not served by owe",
				       dev->name);
	return ap;
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
 * owe_nl_notify_ap_detached - announce that the module let go of a BSS
 * @net: the BSS's network namespace
 * @ifindex: its interface
 *
 * Process context; from the backend, once its last request went out.
 */
void owe_nl_notify_ap_detached(struct net *net, int ifindex)
{
	struct sk_buff *msg;
	void *hdr;

	might_sleep();
	if (!genl_has_listeners(&owe_nl_family, net, OWE_NLGRP_EVENTS))
		return;
	msg = genlmsg_new(nla_total_size(sizeof(u32)), GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &owe_nl_family, 0,
			  OWE_CMD_AP_DETACHED_NTF);
	if (!hdr || nla_put_u32(msg, OWE_A_AP_IFINDEX, ifindex)) {
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
