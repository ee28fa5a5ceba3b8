// SPDX-License-Identifier: GPL-2.0
/*
 * mac80211 backend: &struct owe_be_ops on the AP-authenticator hook of
 * patches/mac80211/. The hook's callbacks become &struct owe_be_events;
 * the ops wrap the exported mac80211 helpers, which call what nl80211
 * would call for hostapd. EAPOL frames from stations come through the
 * hook, before the interface's receive path (a bridge port's rx_handler
 * would take them); they go out through the interface (backend/eapol.c).
 */

#include <linux/slab.h>
#include <net/mac80211.h>

#include "backend/backend.h"
#include "backend/eapol.h"
#include "backend/hook.h"

/**
 * owe_be_mac80211_present - the running mac80211 has the hook
 *
 * Return: every one of its symbols resolved when the module loaded.
 */
bool owe_be_mac80211_present(void)
{
	return ieee80211_ap_auth_register && ieee80211_ap_auth_unregister &&
	       ieee80211_ap_auth_tx_mgmt && ieee80211_ap_auth_add_sta &&
	       ieee80211_ap_auth_change_sta && ieee80211_ap_auth_del_sta &&
	       ieee80211_ap_auth_sta_inactive_ms &&
	       ieee80211_ap_auth_add_key && ieee80211_ap_auth_del_key &&
	       ieee80211_ap_auth_get_tx_pn &&
	       ieee80211_ap_auth_set_beacon_tail;
}

/* the hook's registration, allocated by attach */
static struct ieee80211_ap_auth *owe_be_auth(struct owe_be *be)
{
	return be->priv;
}

static enum ieee80211_ap_auth_rx owe_be_hook_rx(void *priv,
						struct sk_buff *skb)
{
	struct owe_be *be = priv;

	switch (be->events->rx_mgmt(be->core, skb)) {
	case OWE_BE_RX_CONSUMED:
		return IEEE80211_AP_AUTH_RX_CONSUMED;
	case OWE_BE_RX_DEFER:
		return IEEE80211_AP_AUTH_RX_DEFER;
	default:
		return IEEE80211_AP_AUTH_RX_CONTINUE;
	}
}

static void owe_be_hook_rx_deferred(void *priv, struct sk_buff *skb)
{
	struct owe_be *be = priv;

	be->events->rx_mgmt_deferred(be->core, skb);
}

static void owe_be_hook_rx_spurious(void *priv, const u8 *ta)
{
	struct owe_be *be = priv;

	be->events->rx_spurious(be->core, ta);
}

static void owe_be_hook_rx_control_port(void *priv, struct sk_buff *skb)
{
	struct owe_be *be = priv;

	be->events->rx_eapol(be->core, skb);
}

static void owe_be_hook_sta_removed(void *priv, const u8 *addr)
{
	struct owe_be *be = priv;

	lockdep_assert_wiphy(be->wiphy);
	be->events->sta_removed(be->core, addr);
}

static void owe_be_hook_beacon_changed(void *priv)
{
	struct owe_be *be = priv;

	lockdep_assert_wiphy(be->wiphy);
	be->events->beacon_changed(be->core);
}

static void owe_be_hook_ap_stopped(void *priv)
{
	struct owe_be *be = priv;
	struct ieee80211_ap_auth *auth = owe_be_auth(be);

	lockdep_assert_wiphy(be->wiphy);
	/* the core frees @be; mac80211 is done with the registration */
	be->events->stopped(be->core);
	kfree(auth);
}

static const struct ieee80211_ap_auth_ops owe_be_hook_ops = {
	.stype_mask = BIT(IEEE80211_STYPE_PROBE_REQ >> 4) |
		      BIT(IEEE80211_STYPE_AUTH >> 4) |
		      BIT(IEEE80211_STYPE_ASSOC_REQ >> 4) |
		      BIT(IEEE80211_STYPE_REASSOC_REQ >> 4) |
		      BIT(IEEE80211_STYPE_DISASSOC >> 4) |
		      BIT(IEEE80211_STYPE_DEAUTH >> 4) |
		      BIT(IEEE80211_STYPE_ACTION >> 4),
	.rx_mgmt = owe_be_hook_rx,
	.rx_mgmt_deferred = owe_be_hook_rx_deferred,
	.rx_spurious = owe_be_hook_rx_spurious,
	.rx_control_port = owe_be_hook_rx_control_port,
	.sta_removed = owe_be_hook_sta_removed,
	.beacon_changed = owe_be_hook_beacon_changed,
	.ap_stopped = owe_be_hook_ap_stopped,
};

static int owe_be_mac80211_attach(struct owe_be *be,
				  struct netlink_ext_ack *extack)
{
	struct ieee80211_ap_auth *auth;
	int ret;

	lockdep_assert_wiphy(be->wiphy);
	if (be->dev->ieee80211_ptr->valid_links) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is an MLD: not supported",
				       be->dev->name);
		return -EOPNOTSUPP;
	}
	auth = kzalloc(sizeof(*auth), GFP_KERNEL);
	if (!auth)
		return -ENOMEM;
	auth->ops = &owe_be_hook_ops;
	auth->priv = be;
	ret = ieee80211_ap_auth_register(be->dev, auth);
	if (ret) {
		if (ret == -EOPNOTSUPP)
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s is not a mac80211 interface",
					       be->dev->name);
		else
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "cannot take over %s's management frames (%d): the AP does not beacon, or another authenticator is registered",
					       be->dev->name, ret);
		kfree(auth);
		return ret;
	}
	be->priv = auth;
	return 0;
}

static void owe_be_mac80211_detach(struct owe_be *be)
{
	lockdep_assert_wiphy(be->wiphy);
	ieee80211_ap_auth_unregister(owe_be_auth(be));
	kfree(be->priv);
	be->priv = NULL;
	owe_be_detached(dev_net(be->dev), be->dev->ifindex);
}

static struct sk_buff *owe_be_mac80211_beacon(struct owe_be *be,
					      unsigned int *tim_offset,
					      unsigned int *tim_len)
{
	struct ieee80211_mutable_offsets offs = {};
	struct ieee80211_hw *hw = wiphy_to_ieee80211_hw(be->wiphy);
	struct sk_buff *skb;

	skb = ieee80211_beacon_get_template(hw, owe_be_auth(be)->vif, &offs, 0);
	if (skb) {
		*tim_offset = offs.tim_offset;
		*tim_len = offs.tim_length;
	}
	return skb;
}

static struct sk_buff *owe_be_mac80211_alloc_mgmt(struct owe_be *be,
						  unsigned int len)
{
	unsigned int hr = wiphy_to_ieee80211_hw(be->wiphy)->extra_tx_headroom;
	struct sk_buff *skb;

	skb = dev_alloc_skb(hr + len);
	if (skb)
		skb_reserve(skb, hr);
	return skb;
}

static int owe_be_mac80211_tx_mgmt(struct owe_be *be, struct sk_buff *skb)
{
	return ieee80211_ap_auth_tx_mgmt(owe_be_auth(be), skb);
}

static int owe_be_mac80211_add_sta(struct owe_be *be,
				   const struct owe_be_sta *sta)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_add_sta(owe_be_auth(be), sta->addr,
					 &sta->params);
}

static int owe_be_mac80211_del_sta(struct owe_be *be, const u8 *addr)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_del_sta(owe_be_auth(be), addr);
}

static int owe_be_mac80211_set_authorized(struct owe_be *be, const u8 *addr,
					  bool authorized)
{
	struct station_parameters p = {
		.sta_flags_mask = BIT(NL80211_STA_FLAG_AUTHORIZED),
		.sta_flags_set = authorized ?
				 BIT(NL80211_STA_FLAG_AUTHORIZED) : 0,
		.listen_interval = -1,
		.support_p2p_ps = -1,
		.link_sta_params.link_id = -1,
	};

	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_change_sta(owe_be_auth(be), addr, &p);
}

static int owe_be_mac80211_sta_inactive_ms(struct owe_be *be, const u8 *addr,
					   u32 *ms)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_sta_inactive_ms(owe_be_auth(be), addr, ms);
}

static int owe_be_mac80211_set_key(struct owe_be *be, const u8 *addr,
				   const struct key_params *key, u8 idx,
				   bool set_default)
{
	struct key_params p = *key;

	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_add_key(owe_be_auth(be), addr, idx, &p,
					 set_default);
}

static int owe_be_mac80211_del_key(struct owe_be *be, const u8 *addr, u8 idx)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_del_key(owe_be_auth(be), addr, idx);
}

static int owe_be_mac80211_get_tx_pn(struct owe_be *be, u8 idx, u64 *pn)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_get_tx_pn(owe_be_auth(be), idx, pn);
}

static int owe_be_mac80211_set_beacon_tail(struct owe_be *be, const u8 *tail,
					   size_t len)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_set_beacon_tail(owe_be_auth(be), tail, len);
}

const struct owe_be_ops owe_be_mac80211_ops = {
	.name = "mac80211-hook",
	.attach = owe_be_mac80211_attach,
	.detach = owe_be_mac80211_detach,
	.beacon = owe_be_mac80211_beacon,
	.alloc_mgmt = owe_be_mac80211_alloc_mgmt,
	.tx_mgmt = owe_be_mac80211_tx_mgmt,
	.tx_eapol = owe_be_eapol_tx,
	.add_sta = owe_be_mac80211_add_sta,
	.del_sta = owe_be_mac80211_del_sta,
	.set_authorized = owe_be_mac80211_set_authorized,
	.sta_inactive_ms = owe_be_mac80211_sta_inactive_ms,
	.set_key = owe_be_mac80211_set_key,
	.del_key = owe_be_mac80211_del_key,
	.get_tx_pn = owe_be_mac80211_get_tx_pn,
	.set_beacon_tail = owe_be_mac80211_set_beacon_tail,
};
