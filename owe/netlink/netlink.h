/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The "owe" generic netlink family (Documentation/netlink/specs/owe.yaml).
 */
#ifndef _OWE_NETLINK_H
#define _OWE_NETLINK_H

#include <linux/netdevice.h>
#include <net/netlink.h>

struct owe_ap;
struct owe_sta;

struct net_device *owe_nl_dump_dev(struct sk_buff *skb,
				   struct netlink_callback *cb,
				   unsigned int attr);
struct owe_ap *owe_nl_dump_ap(struct net_device *dev,
			      struct netlink_callback *cb);
int owe_nl_fill_sta(struct sk_buff *msg, const struct owe_sta *sta,
		    bool whole_history);
void owe_nl_notify_sta(struct owe_sta *sta);
void owe_nl_notify_ap_detached(struct net *net, int ifindex);
int owe_nl_init(void);
void owe_nl_exit(void);

#endif /* _OWE_NETLINK_H */
