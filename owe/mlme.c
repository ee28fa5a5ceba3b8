// SPDX-License-Identifier: GPL-2.0
/*
 * MLME of a BSS: probe responses, open system authentication,
 * (re)association, disassociation and deauthentication, class-3 frames
 * from strangers and inactivity.
 *
 * Probe requests are answered in softirq from a template derived from the
 * live beacon. Everything that changes a station runs in process context
 * under the wiphy mutex: mac80211 defers those frames to the interface
 * work for us (owe_mlme_rx() returns OWE_RX_DEFER).
 */

#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/slab.h>
#include <net/cfg80211.h>

#include "backend.h"
#include "ie.h"
#include "owe.h"

#define OWE_HDR_LEN	offsetof(struct ieee80211_mgmt, u)
#define OWE_FIXED_LEN	offsetof(struct ieee80211_mgmt, u.beacon.variable)

static void owe_malformed(struct owe_ap *ap, const struct ieee80211_mgmt *mgmt,
			  const char *what)
{
	owe_count(ap, OWE_CNT_RX_MALFORMED);
	if (__ratelimit(&ap->rs))
		netdev_dbg(ap->dev, "dropped %s from %pM: malformed\n", what,
			   mgmt->sa);
}

/* the elements fill the body exactly, none runs past its end */
static bool owe_ies_complete(const u8 *ies, size_t len)
{
	const struct element *elem;

	for_each_element(elem, ies, len)
		;
	return for_each_element_completed(elem, ies, len);
}

static struct sk_buff *owe_mgmt_alloc(struct owe_ap *ap, u16 stype,
				      const u8 *da, unsigned int body_len,
				      struct ieee80211_mgmt **mgmt)
{
	struct sk_buff *skb;

	skb = owe_be_alloc_mgmt(ap, OWE_HDR_LEN + body_len);
	if (!skb)
		return NULL;
	*mgmt = skb_put_zero(skb, OWE_HDR_LEN);
	(*mgmt)->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT | stype);
	ether_addr_copy((*mgmt)->da, da);
	ether_addr_copy((*mgmt)->sa, ap->bssid);
	ether_addr_copy((*mgmt)->bssid, ap->bssid);
	return skb;
}

static void owe_send_deauth(struct owe_ap *ap, const u8 *da, u16 reason)
{
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	skb = owe_mgmt_alloc(ap, IEEE80211_STYPE_DEAUTH, da,
			     sizeof(mgmt->u.deauth), &mgmt);
	if (!skb)
		return;
	skb_put(skb, sizeof(mgmt->u.deauth));
	mgmt->u.deauth.reason_code = cpu_to_le16(reason);
	if (!owe_be_tx_mgmt(ap, skb, true))
		owe_count(ap, OWE_CNT_TX_DEAUTH);
}

/* ---- templates ------------------------------------------------------- */

static bool owe_elem_is_wmm_param(const struct element *elem)
{
	return elem->id == WLAN_EID_VENDOR_SPECIFIC && elem->datalen >= 5 &&
	       elem->data[0] == 0x00 && elem->data[1] == 0x50 &&
	       elem->data[2] == 0xf2 &&
	       elem->data[3] == WLAN_OUI_TYPE_MICROSOFT_WMM &&
	       elem->data[4] == 1;
}

static bool owe_elem_in_assoc_resp(u8 id)
{
	switch (id) {
	case WLAN_EID_SUPP_RATES:
	case WLAN_EID_EXT_SUPP_RATES:
	case WLAN_EID_HT_CAPABILITY:
	case WLAN_EID_HT_OPERATION:
	case WLAN_EID_EXT_CAPABILITY:
	case WLAN_EID_VHT_CAPABILITY:
	case WLAN_EID_VHT_OPERATION:
		return true;
	}
	return false;
}

static int owe_append(u8 *buf, unsigned int size, unsigned int *len,
		      const void *data, unsigned int n)
{
	if (*len + n > size)
		return -ENOSPC;
	memcpy(buf + *len, data, n);
	*len += n;
	return 0;
}

/**
 * owe_mlme_build_templates - derive the frames the BSS sends from its beacon
 * @ap: the BSS
 *
 * Builds the probe response template (the beacon without TIM, with the real
 * SSID even when the beacon hides it) and the elements of association
 * responses. Called when the BSS starts and whenever its beacon changes.
 *
 * Return: 0 or a negative error.
 */
int owe_mlme_build_templates(struct owe_ap *ap)
{
	struct owe_probe_tmpl *tmpl, *old;
	const struct ieee80211_mgmt *bcn;
	unsigned int tim_off, tim_len;
	const struct element *elem;
	struct ieee80211_mgmt *resp;
	struct sk_buff *skb;
	int ret = -EINVAL;

	lockdep_assert_wiphy(ap->wiphy);
	skb = owe_be_beacon(ap, &tim_off, &tim_len);
	if (!skb)
		return -ENODATA;
	if (skb->len < OWE_FIXED_LEN)
		goto out;
	bcn = (void *)skb->data;
	ap->capability = le16_to_cpu(bcn->u.beacon.capab_info);

	/* the probe response is never longer than beacon + real SSID */
	tmpl = kzalloc(struct_size(tmpl, frame, skb->len + IEEE80211_MAX_SSID_LEN),
		       GFP_KERNEL);
	if (!tmpl) {
		ret = -ENOMEM;
		goto out;
	}
	resp = (void *)tmpl->frame;
	resp->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT |
					  IEEE80211_STYPE_PROBE_RESP);
	ether_addr_copy(resp->sa, ap->bssid);
	ether_addr_copy(resp->bssid, ap->bssid);
	resp->u.probe_resp.beacon_int = bcn->u.beacon.beacon_int;
	resp->u.probe_resp.capab_info = bcn->u.beacon.capab_info;
	tmpl->len = OWE_FIXED_LEN;

	ap->resp_ies_len = 0;
	ap->wmm_ie_len = 0;
	ap->wmm = false;
	ret = 0;
	for_each_element(elem, bcn->u.beacon.variable, skb->len - OWE_FIXED_LEN) {
		unsigned int n = sizeof(*elem) + elem->datalen;
		u8 *p = tmpl->frame + tmpl->len;

		if (elem->id == WLAN_EID_TIM)
			continue;
		if (elem->id == WLAN_EID_SSID) {
			p[0] = WLAN_EID_SSID;
			p[1] = ap->ssid_len;
			memcpy(p + 2, ap->ssid, ap->ssid_len);
			tmpl->len += 2 + ap->ssid_len;
			continue;
		}
		memcpy(p, elem, n);
		tmpl->len += n;
		if (owe_elem_in_assoc_resp(elem->id))
			ret = owe_append(ap->resp_ies, sizeof(ap->resp_ies),
					 &ap->resp_ies_len, elem, n);
		else if (owe_elem_is_wmm_param(elem) && !ap->wmm)
			ret = owe_append(ap->wmm_ie, sizeof(ap->wmm_ie),
					 &ap->wmm_ie_len, elem, n);
		if (ret)
			break;
		ap->wmm |= ap->wmm_ie_len > 0;
	}
	if (ret) {
		kfree(tmpl);
		goto out;
	}
	old = rcu_replace_pointer(ap->probe_tmpl, tmpl,
				  lockdep_is_held(&ap->wiphy->mtx));
	if (old)
		kfree_rcu(old, rcu);
out:
	dev_kfree_skb(skb);
	return ret;
}

/* ---- softirq: classification and probe responses ----------------------- */

static void owe_mlme_probe(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *req = (void *)skb->data;
	const unsigned int fixed = offsetof(struct ieee80211_mgmt,
					    u.probe_req.variable);
	const struct owe_probe_tmpl *tmpl;
	const struct element *ssid;
	struct ieee80211_mgmt *resp;
	struct sk_buff *out;
	bool wildcard, match;

	owe_count(ap, OWE_CNT_RX_PROBE);
	ssid = cfg80211_find_elem(WLAN_EID_SSID, req->u.probe_req.variable,
				  skb->len - fixed);
	if (!ssid) {
		owe_malformed(ap, req, "probe request without SSID");
		return;
	}
	wildcard = !ssid->datalen;
	match = ssid->datalen == ap->ssid_len &&
		!memcmp(ssid->data, ap->ssid, ap->ssid_len);
	if (ap->cfg.hidden) {
		/* a hidden BSS answers only who names it */
		if (!match && !(wildcard && ether_addr_equal(req->bssid, ap->bssid)))
			return;
	} else if (!wildcard && !match) {
		return;
	}

	tmpl = rcu_dereference(ap->probe_tmpl);
	if (!tmpl)
		return;
	out = owe_be_alloc_mgmt(ap, tmpl->len);
	if (!out)
		return;
	resp = skb_put_data(out, tmpl->frame, tmpl->len);
	ether_addr_copy(resp->da, req->sa);
	if (!owe_be_tx_mgmt(ap, out, true))
		owe_count(ap, OWE_CNT_TX_PROBE_RESP);
}

/*
 * SA Query (IEEE 802.11w): a PMF station that doubts its association (an
 * unprotected deauthentication arrived, say) asks; an AP that still knows
 * it answers, protected like any robust action frame to it. mac80211 only
 * answers in station mode.
 */
static void owe_mlme_sa_query(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *req = (void *)skb->data;
	struct ieee80211_mgmt *resp;
	const struct owe_sta *sta;
	struct sk_buff *out;
	unsigned int len;

	len = offsetofend(struct ieee80211_mgmt, u.action.u.sa_query.trans_id);
	if (skb->len < len ||
	    req->u.action.u.sa_query.action != WLAN_ACTION_SA_QUERY_REQUEST)
		return;
	sta = owe_sta_find_rcu(ap, req->sa);
	if (!sta || !READ_ONCE(sta->in_driver))
		return;
	out = owe_mgmt_alloc(ap, IEEE80211_STYPE_ACTION, req->sa,
			     len - OWE_HDR_LEN, &resp);
	if (!out)
		return;
	skb_put(out, len - OWE_HDR_LEN);
	resp->u.action.category = WLAN_CATEGORY_SA_QUERY;
	resp->u.action.u.sa_query.action = WLAN_ACTION_SA_QUERY_RESPONSE;
	memcpy(resp->u.action.u.sa_query.trans_id,
	       req->u.action.u.sa_query.trans_id, WLAN_SA_QUERY_TR_ID_LEN);
	owe_be_tx_mgmt(ap, out, true);
}

static void owe_send_assoc_resp(struct owe_ap *ap, const u8 *da, bool reassoc,
				u16 status, u16 aid, bool wme, const u8 *extra,
				size_t extra_len);

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

	if (ap->cfg.security != OWE_SECURITY_OWE || skb->len < fixed)
		return false;
	sta = owe_sta_find_rcu(ap, mgmt->sa);
	if (!sta || READ_ONCE(sta->state) < OWE_STA_STATE_AUTH)
		return false;
	if (!owe_ies_complete((const u8 *)mgmt + fixed, skb->len - fixed)) {
		owe_malformed(ap, mgmt, "association request (elements)");
		status = WLAN_STATUS_UNSPECIFIED_FAILURE;
	} else {
		status = owe_rsn_check(ap, (const u8 *)mgmt + fixed,
				       skb->len - fixed, &need_pmksa);
	}
	if (status == WLAN_STATUS_SUCCESS)
		return false;
	owe_count(ap, OWE_CNT_RX_ASSOC);
	owe_send_assoc_resp(ap, mgmt->sa, reassoc, status, 0, false, NULL, 0);
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
 * Return: %OWE_RX_CONSUMED when the frame was handled here (and freed),
 * %OWE_RX_DEFER for frames that need process context, %OWE_RX_CONTINUE
 * for frames that are not the BSS's.
 */
enum owe_rx_verdict owe_mlme_rx(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	u16 stype = le16_to_cpu(mgmt->frame_control) & IEEE80211_FCTL_STYPE;

	if (!owe_mlme_peer_addr_ok(ap, mgmt->sa))
		goto drop;
	if (stype == IEEE80211_STYPE_PROBE_REQ) {
		owe_mlme_probe(ap, skb);
		consume_skb(skb);
		return OWE_RX_CONSUMED;
	}
	if (!ether_addr_equal(mgmt->bssid, ap->bssid))
		return OWE_RX_CONTINUE;
	if (!ether_addr_equal(mgmt->da, ap->bssid)) {
		owe_count(ap, OWE_CNT_RX_DROP_NOT_TO_BSS);
		goto drop;
	}
	switch (stype) {
	case IEEE80211_STYPE_ACTION:
		if (skb->len <= offsetof(struct ieee80211_mgmt, u.action.u) ||
		    mgmt->u.action.category != WLAN_CATEGORY_SA_QUERY)
			return OWE_RX_CONTINUE;
		owe_mlme_sa_query(ap, skb);
		consume_skb(skb);
		return OWE_RX_CONSUMED;
	case IEEE80211_STYPE_ASSOC_REQ:
	case IEEE80211_STYPE_REASSOC_REQ: {
		u64 start = ktime_get_ns();
		bool rejected;

		rejected = owe_mlme_assoc_early_reject(ap, skb, stype ==
						       IEEE80211_STYPE_REASSOC_REQ);
		owe_debugfs_rx_sample(ap, ktime_get_ns() - start);
		if (rejected) {
			consume_skb(skb);
			return OWE_RX_CONSUMED;
		}
		return OWE_RX_DEFER;
	}
	case IEEE80211_STYPE_AUTH:
	case IEEE80211_STYPE_DISASSOC:
	case IEEE80211_STYPE_DEAUTH:
		return OWE_RX_DEFER;
	}
	return OWE_RX_CONTINUE;

drop:
	kfree_skb(skb);
	return OWE_RX_CONSUMED;
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
	owe_send_deauth(ap, ta, WLAN_REASON_CLASS3_FRAME_FROM_NONASSOC_STA);
}

/**
 * owe_mlme_tx_status - the status of a frame the BSS sent
 * @ap: the BSS
 * @skb: the frame
 * @acked: the peer acknowledged it
 */
void owe_mlme_tx_status(struct owe_ap *ap, struct sk_buff *skb, bool acked)
{
}

/* ---- process context: station changes --------------------------------- */

/**
 * owe_mlme_remove_sta - take a station out of the BSS
 * @sta: the station
 * @reason: reason code (sent, and kept as the reason of the deletion)
 * @send: send a Deauthentication frame first
 * @why: what happened, for the station's trace
 */
void owe_mlme_remove_sta(struct owe_sta *sta, u16 reason, bool send,
			 const char *why)
{
	struct owe_ap *ap = sta->ap;

	lockdep_assert_wiphy(ap->wiphy);
	wiphy_delayed_work_cancel(ap->wiphy, &sta->eapol_timer);
	if (send)
		owe_send_deauth(ap, sta->addr, reason);
	if (sta->in_driver) {
		owe_be_del_sta(ap, sta->addr);
		sta->in_driver = false;
	}
	owe_rsn_sta_clear(sta);
	sta->del_reason = reason;
	owe_sta_set_state(sta, OWE_STA_STATE_NONE, "%s (reason %u)", why,
			  reason);
	owe_sta_remove(sta);
}

/**
 * owe_mlme_deauth_all - deauthenticate every station with one frame
 * @ap: the BSS
 * @reason: reason code
 *
 * One broadcast Deauthentication frame (protected with BIP when the BSS
 * has an IGTK), then every station is removed.
 */
void owe_mlme_deauth_all(struct owe_ap *ap, u16 reason)
{
	struct hlist_node *tmp;
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(ap->wiphy);
	owe_send_deauth(ap, ap->dev->broadcast, reason);
	owe_for_each_sta_safe(ap, bkt, tmp, sta)
		owe_mlme_remove_sta(sta, reason, false,
				    "deauthenticated (broadcast) by the administrator");
}

static void owe_send_auth(struct owe_ap *ap, const u8 *da, u16 alg, u16 status)
{
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	skb = owe_mgmt_alloc(ap, IEEE80211_STYPE_AUTH, da,
			     sizeof(mgmt->u.auth), &mgmt);
	if (!skb)
		return;
	skb_put(skb, sizeof(mgmt->u.auth));
	mgmt->u.auth.auth_alg = cpu_to_le16(alg);
	mgmt->u.auth.auth_transaction = cpu_to_le16(2);
	mgmt->u.auth.status_code = cpu_to_le16(status);
	if (!owe_be_tx_mgmt(ap, skb, true))
		owe_count(ap, OWE_CNT_TX_AUTH);
}

static void owe_mlme_auth(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_sta *sta;
	u16 alg, seq;

	owe_count(ap, OWE_CNT_RX_AUTH);
	if (skb->len < offsetofend(struct ieee80211_mgmt, u.auth.status_code)) {
		owe_malformed(ap, mgmt, "authentication");
		return;
	}
	alg = le16_to_cpu(mgmt->u.auth.auth_alg);
	seq = le16_to_cpu(mgmt->u.auth.auth_transaction);
	if (seq != 1) {
		owe_malformed(ap, mgmt, "authentication (transaction)");
		return;
	}
	if (alg != WLAN_AUTH_OPEN) {
		owe_send_auth(ap, mgmt->sa, alg,
			      WLAN_STATUS_NOT_SUPPORTED_AUTH_ALG);
		return;
	}

	sta = owe_sta_find(ap, mgmt->sa);
	if (sta) {
		/* the station starts over: its association is gone */
		wiphy_delayed_work_cancel(ap->wiphy, &sta->eapol_timer);
		if (sta->in_driver)
			owe_be_del_sta(ap, sta->addr);
		sta->in_driver = false;
		owe_sta_free_aid(sta);
		owe_rsn_sta_clear(sta);
		/* learned again after the new association */
		sta->ipv4 = 0;
		sta->ipv6 = in6addr_any;
	}
	if (!sta) {
		sta = owe_sta_create(ap, mgmt->sa);
		if (IS_ERR(sta)) {
			owe_send_auth(ap, mgmt->sa, alg,
				      WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA);
			return;
		}
	}
	owe_send_auth(ap, mgmt->sa, alg, WLAN_STATUS_SUCCESS);
	owe_sta_set_state(sta, OWE_STA_STATE_AUTH, "open system authentication");
}

static void owe_send_assoc_resp(struct owe_ap *ap, const u8 *da, bool reassoc,
				u16 status, u16 aid, bool wme, const u8 *extra,
				size_t extra_len)
{
	u16 stype = reassoc ? IEEE80211_STYPE_REASSOC_RESP :
			      IEEE80211_STYPE_ASSOC_RESP;
	const unsigned int fixed = offsetof(struct ieee80211_mgmt,
					    u.assoc_resp.variable) - OWE_HDR_LEN;
	unsigned int len = fixed;
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	if (status == WLAN_STATUS_SUCCESS)
		len += ap->resp_ies_len + (wme ? ap->wmm_ie_len : 0) + extra_len;
	skb = owe_mgmt_alloc(ap, stype, da, len, &mgmt);
	if (!skb)
		return;
	skb_put(skb, fixed);
	mgmt->u.assoc_resp.capab_info = cpu_to_le16(ap->capability);
	mgmt->u.assoc_resp.status_code = cpu_to_le16(status);
	mgmt->u.assoc_resp.aid = cpu_to_le16(aid | BIT(14) | BIT(15));
	if (status == WLAN_STATUS_SUCCESS) {
		skb_put_data(skb, ap->resp_ies, ap->resp_ies_len);
		if (wme)
			skb_put_data(skb, ap->wmm_ie, ap->wmm_ie_len);
		skb_put_data(skb, extra, extra_len);
	} else {
		mgmt->u.assoc_resp.aid = 0;
	}
	if (owe_be_tx_mgmt(ap, skb, true))
		return;
	owe_count(ap, status == WLAN_STATUS_SUCCESS ? OWE_CNT_TX_ASSOC_RESP :
						      OWE_CNT_TX_ASSOC_REJECT);
}

static u16 owe_mlme_assoc_check(struct owe_ap *ap, const u8 *ies, size_t len)
{
	const struct element *ssid;

	if (!owe_ies_complete(ies, len)) {
		owe_count(ap, OWE_CNT_RX_MALFORMED);
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	}

	ssid = cfg80211_find_elem(WLAN_EID_SSID, ies, len);
	if (!ssid || ssid->datalen != ap->ssid_len ||
	    memcmp(ssid->data, ap->ssid, ap->ssid_len))
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	if (!cfg80211_find_elem(WLAN_EID_SUPP_RATES, ies, len))
		return WLAN_STATUS_ASSOC_DENIED_RATES;
	return WLAN_STATUS_SUCCESS;
}

static void owe_mlme_assoc(struct owe_ap *ap, struct sk_buff *skb,
			   bool reassoc)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	unsigned int fixed = reassoc ?
		offsetof(struct ieee80211_mgmt, u.reassoc_req.variable) :
		offsetof(struct ieee80211_mgmt, u.assoc_req.variable);
	u8 extra[OWE_RSNE_MAX_LEN + OWE_DH_ELEM_MAX_LEN];
	size_t extra_len = sizeof(extra);
	struct owe_be_sta bsta = {};
	struct owe_sta *sta;
	u16 status;
	int ret;

	owe_count(ap, OWE_CNT_RX_ASSOC);
	if (skb->len < fixed) {
		owe_malformed(ap, mgmt, "association request");
		return;
	}
	sta = owe_sta_find(ap, mgmt->sa);
	if (!sta || sta->state < OWE_STA_STATE_AUTH) {
		owe_send_deauth(ap, mgmt->sa,
				WLAN_REASON_CLASS2_FRAME_FROM_NONAUTH_STA);
		return;
	}

	bsta.addr = sta->addr;
	bsta.ies = (const u8 *)mgmt + fixed;
	bsta.ies_len = skb->len - fixed;
	/* the fixed fields of both request types start alike */
	bsta.capability = le16_to_cpu(mgmt->u.assoc_req.capab_info);
	bsta.listen_interval = le16_to_cpu(mgmt->u.assoc_req.listen_interval);
	bsta.wme = ap->wmm &&
		   cfg80211_find_vendor_elem(WLAN_OUI_MICROSOFT,
					     WLAN_OUI_TYPE_MICROSOFT_WMM,
					     bsta.ies, bsta.ies_len);

	status = owe_mlme_assoc_check(ap, bsta.ies, bsta.ies_len);
	if (status != WLAN_STATUS_SUCCESS)
		goto reject;
	if (ap->cfg.security == OWE_SECURITY_OWE) {
		wiphy_delayed_work_cancel(ap->wiphy, &sta->eapol_timer);
		status = owe_rsn_assoc(sta, bsta.ies, bsta.ies_len, extra,
				       &extra_len);
		if (status != WLAN_STATUS_SUCCESS)
			goto reject;
		bsta.mfp = sta->mfp;
	} else {
		extra_len = 0;
	}

	if (sta->in_driver) {
		owe_be_del_sta(ap, sta->addr);
		sta->in_driver = false;
	}
	status = WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA;
	if (owe_sta_alloc_aid(sta))
		goto reject;
	bsta.aid = sta->aid;
	ret = owe_be_add_sta(ap, &bsta);
	if (ret) {
		netdev_warn(ap->dev, "cannot add station %pM: %d\n", sta->addr,
			    ret);
		owe_sta_free_aid(sta);
		status = WLAN_STATUS_UNSPECIFIED_FAILURE;
		goto reject;
	}
	sta->in_driver = true;
	sta->capability = bsta.capability;
	sta->listen_interval = bsta.listen_interval;
	sta->wme = bsta.wme;
	sta->assoc_time_ns = ktime_get_boottime_ns();

	owe_send_assoc_resp(ap, sta->addr, reassoc, WLAN_STATUS_SUCCESS,
			    sta->aid, sta->wme, extra, extra_len);
	memzero_explicit(extra, sizeof(extra));
	if (ap->cfg.security == OWE_SECURITY_OWE) {
		owe_sta_set_state(sta, OWE_STA_STATE_ASSOC,
				  "%sassociated, AID %u, OWE group %u%s%s",
				  reassoc ? "re" : "", sta->aid, sta->group->id,
				  sta->pmksa_cached ? ", PMKSA cached" : ", DH done",
				  sta->mfp ? ", PMF" : "");
		owe_wpa_start(sta);
		return;
	}
	owe_sta_set_state(sta, OWE_STA_STATE_ASSOC, "%sassociated, AID %u%s",
			  reassoc ? "re" : "", sta->aid, sta->wme ? ", WMM" : "");

	ret = owe_be_set_authorized(ap, sta->addr, true);
	if (ret) {
		owe_mlme_remove_sta(sta, WLAN_REASON_UNSPECIFIED, true,
				    "cannot open the port");
		return;
	}
	owe_sta_set_state(sta, OWE_STA_STATE_IP_LEARN, "port open (open BSS)");
	return;

reject:
	owe_send_assoc_resp(ap, mgmt->sa, reassoc, status, 0, false, NULL, 0);
	netdev_dbg(ap->dev, "association of %pM refused, status %u\n",
		   mgmt->sa, status);
}

static void owe_mlme_leave(struct owe_ap *ap, struct sk_buff *skb,
			   bool deauth)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_sta *sta;
	u16 reason;

	owe_count(ap, deauth ? OWE_CNT_RX_DEAUTH : OWE_CNT_RX_DISASSOC);
	if (skb->len < offsetofend(struct ieee80211_mgmt, u.deauth.reason_code)) {
		owe_malformed(ap, mgmt, deauth ? "deauthentication" :
						 "disassociation");
		return;
	}
	sta = owe_sta_find(ap, mgmt->sa);
	if (!sta)
		return;
	reason = le16_to_cpu(mgmt->u.deauth.reason_code);
	owe_mlme_remove_sta(sta, reason, false, deauth ?
			    "deauthenticated by the station" :
			    "disassociated by the station");
}

/**
 * owe_mlme_rx_deferred - handle a frame owe_mlme_rx() deferred
 * @ap: the BSS
 * @skb: the frame; mac80211 frees it afterwards
 */
void owe_mlme_rx_deferred(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;

	lockdep_assert_wiphy(ap->wiphy);
	switch (le16_to_cpu(mgmt->frame_control) & IEEE80211_FCTL_STYPE) {
	case IEEE80211_STYPE_AUTH:
		owe_mlme_auth(ap, skb);
		break;
	case IEEE80211_STYPE_ASSOC_REQ:
		owe_mlme_assoc(ap, skb, false);
		break;
	case IEEE80211_STYPE_REASSOC_REQ:
		owe_mlme_assoc(ap, skb, true);
		break;
	case IEEE80211_STYPE_DISASSOC:
		owe_mlme_leave(ap, skb, false);
		break;
	case IEEE80211_STYPE_DEAUTH:
		owe_mlme_leave(ap, skb, true);
		break;
	}
}

/**
 * owe_mlme_inactivity - disassociate stations that went silent
 * @wiphy: the BSS's radio
 * @work: &owe_ap.inactivity_work
 *
 * Runs every ten seconds under the wiphy mutex.
 */
void owe_mlme_inactivity(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap,
					 inactivity_work.work);
	struct hlist_node *tmp;
	struct owe_sta *sta;
	int bkt;
	u32 ms;

	lockdep_assert_wiphy(wiphy);
	owe_for_each_sta_safe(ap, bkt, tmp, sta) {
		if (!sta->in_driver || owe_be_sta_inactive_ms(ap, sta->addr, &ms))
			continue;
		if (ms > OWE_INACTIVITY_LIMIT_S * 1000)
			owe_mlme_remove_sta(sta,
					    WLAN_REASON_DISASSOC_DUE_TO_INACTIVITY,
					    true, "inactive");
	}
	wiphy_delayed_work_queue(wiphy, &ap->inactivity_work, 10 * HZ);
}
