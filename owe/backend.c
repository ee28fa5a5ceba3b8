// SPDX-License-Identifier: GPL-2.0
/*
 * mac80211 backend: the AP-authenticator hook of patches/mac80211/.
 * The hook's callbacks land in mlme.c; the helpers below wrap the exported
 * mac80211 functions, which call what nl80211 would call for hostapd.
 */

#include <net/mac80211.h>
#include <net/mac80211_ap_auth.h>

#include "backend.h"
#include "owe.h"

static enum ieee80211_ap_auth_rx owe_be_rx(struct ieee80211_vif *vif,
					   struct sk_buff *skb, void *priv)
{
	switch (owe_mlme_rx(priv, skb)) {
	case OWE_RX_CONSUMED:
		return IEEE80211_AP_AUTH_RX_CONSUMED;
	case OWE_RX_DEFER:
		return IEEE80211_AP_AUTH_RX_DEFER;
	default:
		return IEEE80211_AP_AUTH_RX_CONTINUE;
	}
}

static void owe_be_rx_deferred(struct ieee80211_vif *vif,
			       struct sk_buff *skb, void *priv)
{
	owe_mlme_rx_deferred(priv, skb);
}

static void owe_be_rx_spurious(struct ieee80211_vif *vif, const u8 *ta,
			       void *priv)
{
	owe_mlme_rx_spurious(priv, ta);
}

static void owe_be_tx_status(struct ieee80211_vif *vif, struct sk_buff *skb,
			     bool acked, void *priv)
{
	owe_mlme_tx_status(priv, skb, acked);
}

static void owe_be_ap_stopped(struct ieee80211_vif *vif, void *priv)
{
	owe_ap_destroy(priv, true);
}

static const struct ieee80211_ap_auth_ops owe_be_ops = {
	.stype_mask = BIT(IEEE80211_STYPE_PROBE_REQ >> 4) |
		      BIT(IEEE80211_STYPE_AUTH >> 4) |
		      BIT(IEEE80211_STYPE_ASSOC_REQ >> 4) |
		      BIT(IEEE80211_STYPE_REASSOC_REQ >> 4) |
		      BIT(IEEE80211_STYPE_DISASSOC >> 4) |
		      BIT(IEEE80211_STYPE_DEAUTH >> 4) |
		      BIT(IEEE80211_STYPE_ACTION >> 4),
	.rx_mgmt = owe_be_rx,
	.rx_mgmt_deferred = owe_be_rx_deferred,
	.rx_spurious = owe_be_rx_spurious,
	.tx_status = owe_be_tx_status,
	.ap_stopped = owe_be_ap_stopped,
};

/**
 * owe_be_attach - start receiving the BSS's management frames
 * @ap: the BSS; @ap->dev must be a running mac80211 AP interface
 *
 * Return: 0, -EOPNOTSUPP when @ap->dev is not a mac80211 interface, or an
 * error from mac80211 (-EBUSY when another hook is registered).
 */
int owe_be_attach(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);

	ap->vif = wdev_to_ieee80211_vif(ap->dev->ieee80211_ptr);
	if (!ap->vif)
		return -EOPNOTSUPP;
	return ieee80211_ap_auth_register(ap->vif, &owe_be_ops, ap);
}

/**
 * owe_be_detach - stop receiving the BSS's management frames
 * @ap: the BSS
 *
 * Once this returns no hook callback runs for @ap any more.
 */
void owe_be_detach(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);
	ieee80211_ap_auth_unregister(ap->vif);
}

/**
 * owe_be_beacon - the BSS's current beacon
 * @ap: the BSS
 * @tim_offset: set to the offset of the TIM element in the frame
 * @tim_len: set to the length of the TIM element
 *
 * Return: a copy of the beacon the driver sends, to be freed by the caller,
 * or %NULL.
 */
struct sk_buff *owe_be_beacon(struct owe_ap *ap, unsigned int *tim_offset,
			      unsigned int *tim_len)
{
	struct ieee80211_mutable_offsets offs = {};
	struct ieee80211_hw *hw = wiphy_to_ieee80211_hw(ap->wiphy);
	struct sk_buff *skb;

	skb = ieee80211_beacon_get_template(hw, ap->vif, &offs, 0);
	if (skb) {
		*tim_offset = offs.tim_offset;
		*tim_len = offs.tim_length;
	}
	return skb;
}

/**
 * owe_be_alloc_mgmt - allocate a management frame
 * @ap: the BSS that sends it
 * @len: frame length
 *
 * Any context.
 *
 * Return: an skb with room for @len octets and the driver's headroom, or
 * %NULL.
 */
struct sk_buff *owe_be_alloc_mgmt(struct owe_ap *ap, unsigned int len)
{
	return ieee80211_ap_auth_alloc_mgmt(ap->vif, len);
}

/**
 * owe_be_tx_mgmt - send a management frame from the BSS
 * @ap: the BSS
 * @skb: the frame, consumed in every case
 * @need_ack: report the frame's status to owe_mlme_tx_status()
 *
 * Any context.
 *
 * Return: 0 or a negative error.
 */
int owe_be_tx_mgmt(struct owe_ap *ap, struct sk_buff *skb, bool need_ack)
{
	return ieee80211_ap_auth_tx_mgmt(ap->vif, skb, need_ack ? 0 :
					 IEEE80211_AP_AUTH_TX_NO_ACK);
}

/**
 * owe_be_add_sta - add an associated station to mac80211 and the driver
 * @ap: the BSS
 * @sta: the station
 *
 * Return: 0 or a negative error.
 */
int owe_be_add_sta(struct owe_ap *ap, const struct owe_be_sta *sta)
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

	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_add_sta(ap->vif, &p);
}

/**
 * owe_be_del_sta - remove a station from mac80211 and the driver
 * @ap: the BSS
 * @addr: the station
 *
 * Return: 0 or a negative error (-ENOENT when mac80211 has no such station).
 */
int owe_be_del_sta(struct owe_ap *ap, const u8 *addr)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_del_sta(ap->vif, addr);
}

/**
 * owe_be_set_authorized - open or close a station's port
 * @ap: the BSS
 * @addr: the station
 * @authorized: the new port state
 *
 * Return: 0 or a negative error.
 */
int owe_be_set_authorized(struct owe_ap *ap, const u8 *addr, bool authorized)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_set_authorized(ap->vif, addr, authorized);
}

/**
 * owe_be_sta_inactive_ms - time since a station was last heard
 * @ap: the BSS
 * @addr: the station
 * @ms: set to the milliseconds since its last received frame
 *
 * Return: 0 or a negative error.
 */
int owe_be_sta_inactive_ms(struct owe_ap *ap, const u8 *addr, u32 *ms)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_sta_inactive_ms(ap->vif, addr, ms);
}

/**
 * owe_be_set_key - install a pairwise or group key
 * @ap: the BSS
 * @addr: the station for a pairwise key, %NULL for a group key
 * @cipher: cipher suite selector
 * @idx: key index (0 pairwise, 1..3 group, 4..5 integrity group)
 * @key: the key
 * @key_len: octets of @key
 * @set_default: make a group key the default multicast (or management) key
 *
 * Return: 0 or a negative error.
 */
int owe_be_set_key(struct owe_ap *ap, const u8 *addr, u32 cipher, u8 idx,
		   const u8 *key, u8 key_len, bool set_default)
{
	struct ieee80211_ap_auth_key k = {
		.cipher = cipher,
		.idx = idx,
		.key_len = key_len,
		.key = key,
	};

	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_set_key(ap->vif, addr, &k, set_default);
}

/**
 * owe_be_del_key - remove a pairwise or group key
 * @ap: the BSS
 * @addr: the station for a pairwise key, %NULL for a group key
 * @idx: key index
 *
 * Return: 0 or a negative error.
 */
int owe_be_del_key(struct owe_ap *ap, const u8 *addr, u8 idx)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_del_key(ap->vif, addr, idx);
}

/**
 * owe_be_get_tx_pn - the transmit packet number of a group key
 * @ap: the BSS
 * @idx: key index
 * @pn: set to the PN
 *
 * Return: 0 or a negative error.
 */
int owe_be_get_tx_pn(struct owe_ap *ap, u8 idx, u64 *pn)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_get_tx_pn(ap->vif, idx, pn);
}

/**
 * owe_be_set_beacon_tail - replace the elements after the beacon's TIM
 * @ap: the BSS
 * @tail: the new tail
 * @len: octets of @tail
 *
 * Return: 0 or a negative error.
 */
int owe_be_set_beacon_tail(struct owe_ap *ap, const u8 *tail, size_t len)
{
	lockdep_assert_wiphy(ap->wiphy);
	return ieee80211_ap_auth_set_beacon_tail(ap->vif, tail, len);
}
