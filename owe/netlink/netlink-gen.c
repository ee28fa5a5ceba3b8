// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/owe.yaml */
/* YNL-GEN kernel source */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "netlink-gen.h"

#include <uapi/linux/owe.h>

/* OWE_CMD_AP_START - do */
static const struct nla_policy owe_ap_start_nl_policy[OWE_A_AP_PTK_WORKAROUND + 1] = {
	[OWE_A_AP_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[OWE_A_AP_SECURITY] = NLA_POLICY_MAX(NLA_U32, 1),
	[OWE_A_AP_SSID] = { .type = NLA_BINARY, .len = OWE_SSID_MAX_LEN, },
	[OWE_A_AP_HIDDEN] = { .type = NLA_FLAG, },
	[OWE_A_AP_GROUPS] = NLA_POLICY_MASK(NLA_U32, 0x380000),
	[OWE_A_AP_PMF] = NLA_POLICY_MAX(NLA_U32, 2),
	[OWE_A_AP_CIPHER] = { .type = NLA_U32, },
	[OWE_A_AP_AKM] = { .type = NLA_U32, },
	[OWE_A_AP_FT] = NLA_POLICY_MAX(NLA_U8, 1),
	[OWE_A_AP_TRANSITION_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[OWE_A_AP_TRANSITION_BSSID] = NLA_POLICY_EXACT_LEN(OWE_MAC_LEN),
	[OWE_A_AP_TRANSITION_SSID] = { .type = NLA_BINARY, .len = OWE_SSID_MAX_LEN, },
	[OWE_A_AP_TRANSITION_OP_CLASS] = { .type = NLA_U8, },
	[OWE_A_AP_TRANSITION_CHANNEL] = { .type = NLA_U8, },
	[OWE_A_AP_GTK_REKEY] = { .type = NLA_U32, },
	[OWE_A_AP_PMKSA_LIFETIME] = { .type = NLA_U32, },
	[OWE_A_AP_PTK_WORKAROUND] = NLA_POLICY_MAX(NLA_U8, 1),
};

/* OWE_CMD_AP_STOP - do */
static const struct nla_policy owe_ap_stop_nl_policy[OWE_A_AP_IFINDEX + 1] = {
	[OWE_A_AP_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* OWE_CMD_AP_GET - do */
static const struct nla_policy owe_ap_get_nl_policy[OWE_A_AP_IFINDEX + 1] = {
	[OWE_A_AP_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* OWE_CMD_AP_REKEY - do */
static const struct nla_policy owe_ap_rekey_nl_policy[OWE_A_AP_IFINDEX + 1] = {
	[OWE_A_AP_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* OWE_CMD_STA_GET - do */
static const struct nla_policy owe_sta_get_do_nl_policy[OWE_A_STA_MAC + 1] = {
	[OWE_A_STA_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[OWE_A_STA_MAC] = NLA_POLICY_EXACT_LEN(OWE_MAC_LEN),
};

/* OWE_CMD_STA_GET - dump */
static const struct nla_policy owe_sta_get_dump_nl_policy[OWE_A_STA_IFINDEX + 1] = {
	[OWE_A_STA_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* OWE_CMD_STA_DEL - do */
static const struct nla_policy owe_sta_del_nl_policy[OWE_A_STA_DEL_REASON + 1] = {
	[OWE_A_STA_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[OWE_A_STA_MAC] = NLA_POLICY_EXACT_LEN(OWE_MAC_LEN),
	[OWE_A_STA_DEL_REASON] = { .type = NLA_U16, },
};

/* OWE_CMD_PMKSA_GET - dump */
static const struct nla_policy owe_pmksa_get_nl_policy[OWE_A_PMKSA_IFINDEX + 1] = {
	[OWE_A_PMKSA_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
};

/* OWE_CMD_PMKSA_FLUSH - do */
static const struct nla_policy owe_pmksa_flush_nl_policy[OWE_A_PMKSA_MAC + 1] = {
	[OWE_A_PMKSA_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[OWE_A_PMKSA_MAC] = NLA_POLICY_EXACT_LEN(OWE_MAC_LEN),
};

/* Ops table for owe */
static const struct genl_split_ops owe_nl_ops[] = {
	{
		.cmd		= OWE_CMD_AP_START,
		.pre_doit	= owe_nl_pre_doit,
		.doit		= owe_nl_ap_start_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_ap_start_nl_policy,
		.maxattr	= OWE_A_AP_PTK_WORKAROUND,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= OWE_CMD_AP_STOP,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_ap_stop_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_ap_stop_nl_policy,
		.maxattr	= OWE_A_AP_IFINDEX,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= OWE_CMD_AP_GET,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_ap_get_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_ap_get_nl_policy,
		.maxattr	= OWE_A_AP_IFINDEX,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd	= OWE_CMD_AP_GET,
		.dumpit	= owe_nl_ap_get_dumpit,
		.flags	= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= OWE_CMD_AP_REKEY,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_ap_rekey_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_ap_rekey_nl_policy,
		.maxattr	= OWE_A_AP_IFINDEX,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= OWE_CMD_STA_GET,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_sta_get_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_sta_get_do_nl_policy,
		.maxattr	= OWE_A_STA_MAC,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= OWE_CMD_STA_GET,
		.dumpit		= owe_nl_sta_get_dumpit,
		.policy		= owe_sta_get_dump_nl_policy,
		.maxattr	= OWE_A_STA_IFINDEX,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= OWE_CMD_STA_DEL,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_sta_del_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_sta_del_nl_policy,
		.maxattr	= OWE_A_STA_DEL_REASON,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= OWE_CMD_PMKSA_GET,
		.dumpit		= owe_nl_pmksa_get_dumpit,
		.policy		= owe_pmksa_get_nl_policy,
		.maxattr	= OWE_A_PMKSA_IFINDEX,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= OWE_CMD_PMKSA_FLUSH,
		.pre_doit	= owe_nl_pre_doit_ap,
		.doit		= owe_nl_pmksa_flush_doit,
		.post_doit	= owe_nl_post_doit,
		.policy		= owe_pmksa_flush_nl_policy,
		.maxattr	= OWE_A_PMKSA_MAC,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

static const struct genl_multicast_group owe_nl_mcgrps[] = {
	[OWE_NLGRP_EVENTS] = { "events", .flags = GENL_MCAST_CAP_NET_ADMIN, },
};

struct genl_family owe_nl_family __ro_after_init = {
	.name		= OWE_FAMILY_NAME,
	.version	= OWE_FAMILY_VERSION,
	.netnsok	= true,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.split_ops	= owe_nl_ops,
	.n_split_ops	= ARRAY_SIZE(owe_nl_ops),
	.mcgrps		= owe_nl_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(owe_nl_mcgrps),
};
