// SPDX-License-Identifier: GPL-2.0
/*
 * mac80211 backend: &struct owe_be_ops on the AP-authenticator hook of
 * patches/mac80211/. The hook's callbacks become &struct owe_be_events;
 * the ops wrap the exported mac80211 helpers, which call what nl80211
 * would call for hostapd. EAPOL frames travel through the interface
 * (backend/eapol.c).
 */

#include <net/mac80211.h>
#include <net/mac80211_ap_auth.h>

#include "backend/backend.h"
#include "backend/eapol.h"

static struct ieee80211_vif *owe_be_vif(struct owe_be *be)
{
	return be->priv;
}

static enum ieee80211_ap_auth_rx owe_be_hook_rx(struct ieee80211_vif *vif,
						struct sk_buff *skb,
						void *priv)
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

static void owe_be_hook_rx_deferred(struct ieee80211_vif *vif,
				    struct sk_buff *skb, void *priv)
{
	struct owe_be *be = priv;

	be->events->rx_mgmt_deferred(be->core, skb);
}

static void owe_be_hook_rx_spurious(struct ieee80211_vif *vif, const u8 *ta,
				    void *priv)
{
	struct owe_be *be = priv;

	be->events->rx_spurious(be->core, ta);
}

static void owe_be_hook_ap_stopped(struct ieee80211_vif *vif, void *priv)
{
	struct owe_be *be = priv;

	owe_be_eapol_stop(be);
	be->events->stopped(be->core);
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
	.ap_stopped = owe_be_hook_ap_stopped,
};

static int owe_be_mac80211_attach(struct owe_be *be,
				  struct netlink_ext_ack *extack)
{
	struct ieee80211_vif *vif;
	int ret;

	lockdep_assert_wiphy(be->wiphy);
	vif = wdev_to_ieee80211_vif(be->dev->ieee80211_ptr);
	if (!vif) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is not a running mac80211 interface",
				       be->dev->name);
		return -EOPNOTSUPP;
	}
	be->priv = vif;
	ret = ieee80211_ap_auth_register(vif, &owe_be_hook_ops, be);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot take over %s's management frames (%d): kernel without the mac80211 AP-authenticator patch, or another authenticator is registered",
				       be->dev->name, ret);
		return ret;
	}
	owe_be_eapol_start(be);
	return 0;
}

static void owe_be_mac80211_detach(struct owe_be *be)
{
	lockdep_assert_wiphy(be->wiphy);
	ieee80211_ap_auth_unregister(owe_be_vif(be));
	owe_be_eapol_stop(be);
}

static struct sk_buff *owe_be_mac80211_beacon(struct owe_be *be,
					      unsigned int *tim_offset,
					      unsigned int *tim_len)
{
	struct ieee80211_mutable_offsets offs = {};
	struct ieee80211_hw *hw = wiphy_to_ieee80211_hw(be->wiphy);
	struct sk_buff *skb;

	skb = ieee80211_beacon_get_template(hw, owe_be_vif(be), &offs, 0);
	if (skb) {
		*tim_offset = offs.tim_offset;
		*tim_len = offs.tim_length;
	}
	return skb;
}

static struct sk_buff *owe_be_mac80211_alloc_mgmt(struct owe_be *be,
						  unsigned int len)
{
	return ieee80211_ap_auth_alloc_mgmt(owe_be_vif(be), len);
}

static int owe_be_mac80211_tx_mgmt(struct owe_be *be, struct sk_buff *skb,
				   bool need_ack)
{
	return ieee80211_ap_auth_tx_mgmt(owe_be_vif(be), skb, need_ack ? 0 :
					 IEEE80211_AP_AUTH_TX_NO_ACK);
}

static int owe_be_mac80211_add_sta(struct owe_be *be,
				   const struct owe_be_sta *sta)
{
	struct ieee80211_ap_auth_sta p = {
		.addr = sta->addr,
		.aid = sta->aid,
		.capability = sta->capability,
		.listen_interval = sta->listen_interval,
		.ies = sta->ies,
		.ies_len = sta->ies_len,
		.wme = sta->wme,
		.mfp = sta->mfp,
		.short_preamble = sta->capability &
				  WLAN_CAPABILITY_SHORT_PREAMBLE,
	};

	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_add_sta(owe_be_vif(be), &p);
}

static int owe_be_mac80211_del_sta(struct owe_be *be, const u8 *addr)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_del_sta(owe_be_vif(be), addr);
}

static int owe_be_mac80211_set_authorized(struct owe_be *be, const u8 *addr,
					  bool authorized)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_set_authorized(owe_be_vif(be), addr,
						authorized);
}

static int owe_be_mac80211_sta_inactive_ms(struct owe_be *be, const u8 *addr,
					   u32 *ms)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_sta_inactive_ms(owe_be_vif(be), addr, ms);
}

static int owe_be_mac80211_set_key(struct owe_be *be, const u8 *addr,
				   const struct key_params *key, u8 idx,
				   bool set_default)
{
	struct ieee80211_ap_auth_key k = {
		.cipher = key->cipher,
		.idx = idx,
		.key_len = key->key_len,
		.key = key->key,
	};

	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_set_key(owe_be_vif(be), addr, &k, set_default);
}

static int owe_be_mac80211_del_key(struct owe_be *be, const u8 *addr, u8 idx)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_del_key(owe_be_vif(be), addr, idx);
}

static int owe_be_mac80211_get_tx_pn(struct owe_be *be, u8 idx, u64 *pn)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_get_tx_pn(owe_be_vif(be), idx, pn);
}

static int owe_be_mac80211_set_beacon_tail(struct owe_be *be, const u8 *tail,
					   size_t len)
{
	lockdep_assert_wiphy(be->wiphy);
	return ieee80211_ap_auth_set_beacon_tail(owe_be_vif(be), tail, len);
}

const struct owe_be_ops owe_be_mac80211_ops = {
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
