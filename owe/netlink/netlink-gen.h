/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/owe.yaml */
/* YNL-GEN kernel header */

#ifndef _LINUX_OWE_GEN_H
#define _LINUX_OWE_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/owe.h>

int owe_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		    struct genl_info *info);
int owe_nl_pre_doit_ap(const struct genl_split_ops *ops, struct sk_buff *skb,
		       struct genl_info *info);
void
owe_nl_post_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		 struct genl_info *info);

int owe_nl_ap_start_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_ap_stop_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_ap_get_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_ap_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int owe_nl_ap_rekey_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_sta_get_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_sta_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int owe_nl_sta_del_doit(struct sk_buff *skb, struct genl_info *info);
int owe_nl_pmksa_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int owe_nl_pmksa_flush_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	OWE_NLGRP_EVENTS,
};

extern struct genl_family owe_nl_family;

#endif /* _LINUX_OWE_GEN_H */
