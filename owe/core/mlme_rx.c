// SPDX-License-Identifier: GPL-2.0
/*
 * MLME of a BSS in softirq: every management frame the backend hands over
 * is classified here. Frames from addresses no station can have are
 * dropped; probe requests are answered from the template (beacon.c); SA
 * Query requests of associated stations are answered; association
 * requests that fail a check needing no state are refused at once. What
 * changes a station is deferred to process context (mlme.c).
 */

#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/timekeeping.h>
#include <net/cfg80211.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/assoc.h"
#include "core/beacon.h"
#include "core/debugfs.h"
#include "core/mlme.h"
#include "core/sta.h"

/*
 * Frames deferred to process context and not handled yet, at most. An
 * authentication costs microseconds there, an association with a DH
 * element milliseconds: 64 of those are a fraction of a second.
 */
#define OWE_DEFER_MAX	64

/*
 * SA Query (IEEE 802.11w): a PMF station that doubts its association (an
 * unprotected deauthentication arrived, say) asks; an AP that still knows
 * it answers, protected like any robust action frame to it. mac80211 only
 * answers in station mode.
 */
static void owe_mlme_sa_query(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *req = (void *)skb->data;
	const struct owe_sta *sta;

	if (skb->len < offsetofend(struct ieee80211_mgmt,
				   u.action.u.sa_query.trans_id))
		return;
	sta = owe_sta_find_rcu(ap, req->sa);
	if (!sta || !READ_ONCE(sta->in_driver))
		return;
	owe_mlme_send_sa_query(ap, req->sa, WLAN_ACTION_SA_QUERY_RESPONSE,
			       req->u.action.u.sa_query.trans_id);
}

/*
 * An OWE association request that fails a check needing no state or
 * crypto is refused at once, in softirq; the rest is deferred.
 */
static bool owe_mlme_assoc_early_reject(struct owe_ap *ap, struct sk_buff *skb,
					bool reassoc)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	unsigned int fixed = reassoc ?
		offsetof(struct ieee80211_mgmt, u.reassoc_req.variable) :
		offsetof(struct ieee80211_mgmt, u.assoc_req.variable);
	const struct owe_sta *sta;
	bool need_pmksa;
	u16 status;

	if (!owe_ap_is_owe(ap) || skb->len < fixed)
		return false;
	sta = owe_sta_find_rcu(ap, mgmt->sa);
	if (!sta || READ_ONCE(sta->state) < OWE_STA_STATE_AUTH)
		return false;
	if (!owe_mlme_ies_complete((const u8 *)mgmt + fixed, skb->len - fixed)) {
		owe_mlme_malformed(ap, mgmt,
				   "association request (elements)");
		status = WLAN_STATUS_UNSPECIFIED_FAILURE;
	} else {
		status = owe_assoc_check(ap, (const u8 *)mgmt + fixed,
					 skb->len - fixed, &need_pmksa);
	}
	if (status == WLAN_STATUS_SUCCESS)
		return false;
	owe_count(ap, OWE_CNT_RX_ASSOC);
	owe_mlme_send_assoc_resp(ap, mgmt->sa, reassoc, status, 0, false, NULL,
				 0);
	if (__ratelimit(&ap->rs))
		netdev_dbg(ap->dev, "association of %pM refused at once, status %u\n",
			   mgmt->sa, status);
	return true;
}

/**
 * owe_mlme_peer_addr_ok - whether a frame's source can be a station
 * @ap: the BSS
 * @addr: the source (or transmitter) address of a received frame
 *
 * No station has a group, the zero or the BSS's own address: frames from
 * those are forged, and an answer to them would go to every station (a
 * Deauthentication to the broadcast address, protected with BIP, ends
 * every association). Each rejection is counted by reason. Any context.
 *
 * Return: true when @addr may be a station's.
 */
bool owe_mlme_peer_addr_ok(struct owe_ap *ap, const u8 *addr)
{
	if (is_multicast_ether_addr(addr))
		owe_count(ap, OWE_CNT_RX_DROP_GROUP_SRC);
	else if (is_zero_ether_addr(addr))
		owe_count(ap, OWE_CNT_RX_DROP_ZERO_SRC);
	else if (ether_addr_equal(addr, ap->bssid))
		owe_count(ap, OWE_CNT_RX_DROP_OWN_SRC);
	else
		return true;
	return false;
}

/**
 * owe_mlme_rx - classify a received management frame (softirq)
 * @ap: the BSS
 * @skb: the frame, linear, at least a management header long
 *
 * Return: %OWE_BE_RX_CONSUMED when the frame was handled here (and freed),
 * %OWE_BE_RX_DEFER for frames that need process context, %OWE_BE_RX_CONTINUE
 * for frames that are not the BSS's.
 */
enum owe_be_rx owe_mlme_rx(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	u16 stype = le16_to_cpu(mgmt->frame_control) & IEEE80211_FCTL_STYPE;

	if (!owe_mlme_peer_addr_ok(ap, mgmt->sa))
		goto drop;
	if (stype == IEEE80211_STYPE_PROBE_REQ) {
		owe_beacon_probe(ap, skb);
		consume_skb(skb);
		return OWE_BE_RX_CONSUMED;
	}
	if (!ether_addr_equal(mgmt->bssid, ap->bssid))
		return OWE_BE_RX_CONTINUE;
	if (!ether_addr_equal(mgmt->da, ap->bssid)) {
		owe_count(ap, OWE_CNT_RX_DROP_NOT_TO_BSS);
		goto drop;
	}
	switch (stype) {
	case IEEE80211_STYPE_ACTION:
		if (skb->len <= offsetof(struct ieee80211_mgmt, u.action.u) ||
		    mgmt->u.action.category != WLAN_CATEGORY_SA_QUERY)
			return OWE_BE_RX_CONTINUE;
		/* a response to the AP's query changes the station */
		if (mgmt->u.action.u.sa_query.action ==
		    WLAN_ACTION_SA_QUERY_RESPONSE)
			goto defer;
		if (mgmt->u.action.u.sa_query.action !=
		    WLAN_ACTION_SA_QUERY_REQUEST)
			goto drop;
		owe_mlme_sa_query(ap, skb);
		consume_skb(skb);
		return OWE_BE_RX_CONSUMED;
	case IEEE80211_STYPE_ASSOC_REQ:
	case IEEE80211_STYPE_REASSOC_REQ: {
		u64 start = ktime_get_ns();
		bool rejected;

		rejected = owe_mlme_assoc_early_reject(ap, skb, stype ==
						       IEEE80211_STYPE_REASSOC_REQ);
		owe_debugfs_rx_sample(ap, ktime_get_ns() - start);
		if (rejected) {
			consume_skb(skb);
			return OWE_BE_RX_CONSUMED;
		}
		goto defer;
	}
	case IEEE80211_STYPE_AUTH:
	case IEEE80211_STYPE_DISASSOC:
	case IEEE80211_STYPE_DEAUTH:
		goto defer;
	}
	return OWE_BE_RX_CONTINUE;

defer:
	/* what waits for process context is bounded: the rest is dropped */
	if (atomic_inc_return(&ap->deferred) > OWE_DEFER_MAX) {
		atomic_dec(&ap->deferred);
		owe_count(ap, OWE_CNT_RX_DROP_BUSY);
		goto drop;
	}
	return OWE_BE_RX_DEFER;

drop:
	kfree_skb(skb);
	return OWE_BE_RX_CONSUMED;
}

/**
 * owe_mlme_rx_spurious - a data frame from a station that is not associated
 * @ap: the BSS
 * @ta: its transmitter
 *
 * Softirq. Answers with a deauthentication (reason 7), rate-limited.
 */
void owe_mlme_rx_spurious(struct owe_ap *ap, const u8 *ta)
{
	if (!owe_mlme_peer_addr_ok(ap, ta) || !__ratelimit(&ap->rs))
		return;
	netdev_dbg(ap->dev, "class 3 frame from unassociated %pM\n", ta);
	owe_mlme_send_deauth(ap, ta, WLAN_REASON_CLASS3_FRAME_FROM_NONASSOC_STA);
}
