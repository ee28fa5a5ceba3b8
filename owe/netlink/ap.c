// SPDX-License-Identifier: GPL-2.0
/*
 * The "owe" family's BSS commands: ap-start, ap-stop, ap-get, ap-rekey.
 */

#include <linux/etherdevice.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/gtk.h"
#include "netlink/netlink-gen.h"
#include "netlink/netlink.h"

#define OWE_NL_MAX_AKMS	8

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
		/* Wi-Fi Enhanced Open: PMF required unless asked otherwise */
		cfg->pmf = OWE_PMF_REQUIRED;
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
	if (tb[OWE_A_AP_PTK_WORKAROUND])
		cfg->ptk_workaround = nla_get_u8(tb[OWE_A_AP_PTK_WORKAROUND]);

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
	struct wireless_dev *wdev = dev->ieee80211_ptr;
	struct nlattr *ssid = info->attrs[OWE_A_AP_SSID];
	const struct owe_be_ops *be_ops;
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
	if (ssid && (nla_len(ssid) != wdev->u.ap.ssid_len ||
		     memcmp(nla_data(ssid), wdev->u.ap.ssid, nla_len(ssid)))) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack,
				       "%s runs the SSID '%.*s', not '%.*s'",
				       dev->name, wdev->u.ap.ssid_len,
				       wdev->u.ap.ssid, nla_len(ssid),
				       (const char *)nla_data(ssid));
		NL_SET_BAD_ATTR(info->extack, ssid);
		return -EINVAL;
	}
	be_ops = owe_be_select(info->extack);
	if (IS_ERR(be_ops))
		return PTR_ERR(be_ops);
	return owe_ap_create(dev, &cfg, be_ops, info->extack);
}

int owe_nl_ap_stop_doit(struct sk_buff *skb, struct genl_info *info)
{
	owe_ap_destroy(info->user_ptr[1], false);
	return 0;
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
	    nla_put_u32(msg, OWE_A_AP_STA_COUNT, READ_ONCE(ap->sta_count)) ||
	    nla_put_string(msg, OWE_A_AP_BACKEND, ap->be.ops->name))
		return -EMSGSIZE;
	if (nla_put_u8(msg, OWE_A_AP_FT, 0))
		return -EMSGSIZE;
	if (cfg->security == OWE_SECURITY_OWE &&
	    (nla_put_u32(msg, OWE_A_AP_AKM, WLAN_AKM_SUITE_OWE) ||
	     nla_put_u32(msg, OWE_A_AP_GROUPS, cfg->groups) ||
	     nla_put_u32(msg, OWE_A_AP_PMF, cfg->pmf) ||
	     nla_put_u32(msg, OWE_A_AP_CIPHER, cfg->cipher) ||
	     nla_put_u32(msg, OWE_A_AP_PMKSA_LIFETIME, cfg->pmksa_lifetime) ||
	     nla_put_u8(msg, OWE_A_AP_PTK_WORKAROUND, cfg->ptk_workaround) ||
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
	/* what the element carries: configured, or the partner's elsewhere */
	if (cfg->transition_op_class &&
	    (nla_put_u8(msg, OWE_A_AP_TRANSITION_OP_CLASS,
			cfg->transition_op_class) ||
	     nla_put_u8(msg, OWE_A_AP_TRANSITION_CHANNEL,
			cfg->transition_channel)))
		return -EMSGSIZE;
	if (!cfg->transition_op_class && ap->trans_op_class &&
	    (nla_put_u8(msg, OWE_A_AP_TRANSITION_OP_CLASS,
			ap->trans_op_class) ||
	     nla_put_u8(msg, OWE_A_AP_TRANSITION_CHANNEL,
			ap->trans_channel)))
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
	struct sk_buff *msg;
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
	ret = owe_nl_fill_ap(msg, info->user_ptr[1]);
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
	struct owe_ap *ap = info->user_ptr[1];
	int ret;

	if (!owe_ap_is_owe(ap)) {
		NL_SET_ERR_MSG_FMT_MOD(info->extack,
				       "%s is an open BSS: it has no group key",
				       ap->dev->name);
		return -EOPNOTSUPP;
	}
	ret = owe_gtk_rekey(ap);
	if (ret == -EBUSY)
		NL_SET_ERR_MSG_MOD(info->extack, "a GTK rekey is already running");
	return ret;
}
