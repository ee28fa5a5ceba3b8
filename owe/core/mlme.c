// SPDX-License-Identifier: GPL-2.0
/*
 * MLME of a BSS in process context, under the wiphy mutex: open system
 * authentication, (re)association, disassociation and deauthentication,
 * and inactivity; and the management frames the BSS sends.
 *
 * The softirq side (mlme_rx.c) answers what needs no state and defers the
 * rest here through the backend (owe_mlme_rx() returns OWE_BE_RX_DEFER).
 */

#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <net/cfg80211.h>
#include <kunit/visibility.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/assoc.h"
#include "core/capab.h"
#include "core/dhq.h"
#include "core/handshake.h"
#include "core/mlme.h"
#include "core/saquery.h"
#include "core/sta.h"
#include "wire/dh_elem.h"

#define OWE_HDR_LEN	offsetof(struct ieee80211_mgmt, u)
/* seconds without a frame from a station before it is disassociated */
#define OWE_INACTIVITY_LIMIT_S	300

/**
 * owe_mlme_malformed - count and (rate-limited) report a malformed frame
 * @ap: the BSS
 * @mgmt: the frame
 * @what: its kind, for the message
 */
void owe_mlme_malformed(struct owe_ap *ap, const struct ieee80211_mgmt *mgmt,
			const char *what)
{
	owe_count(ap, OWE_CNT_RX_MALFORMED);
	if (__ratelimit(&ap->rs))
		netdev_dbg(ap->dev, "dropped %s from %pM: malformed\n", what,
			   mgmt->sa);
}

/**
 * owe_mlme_ies_complete - the elements fill a body exactly
 * @ies: the elements
 * @len: octets of @ies
 *
 * Return: true when no element runs past the end.
 */
bool owe_mlme_ies_complete(const u8 *ies, size_t len)
{
	const struct element *elem;

	for_each_element(elem, ies, len)
		;
	return for_each_element_completed(elem, ies, len);
}

/**
 * owe_mlme_frame - a management frame from the BSS, header filled in
 * @ap: the BSS
 * @stype: the subtype (IEEE80211_STYPE_*)
 * @da: its destination
 * @body_len: room for the body after the header
 * @mgmt: set to the frame's header
 *
 * Any context.
 *
 * Return: the skb, or %NULL.
 */
struct sk_buff *owe_mlme_frame(struct owe_ap *ap, u16 stype, const u8 *da,
			       unsigned int body_len,
			       struct ieee80211_mgmt **mgmt)
{
	struct sk_buff *skb;

	skb = owe_be_alloc_mgmt(&ap->be, OWE_HDR_LEN + body_len);
	if (!skb)
		return NULL;
	*mgmt = skb_put_zero(skb, OWE_HDR_LEN);
	(*mgmt)->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT | stype);
	ether_addr_copy((*mgmt)->da, da);
	ether_addr_copy((*mgmt)->sa, ap->bssid);
	ether_addr_copy((*mgmt)->bssid, ap->bssid);
	return skb;
}

static void owe_mlme_send_leave(struct owe_ap *ap, u16 stype, const u8 *da,
				u16 reason, enum owe_counter c)
{
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	/* deauth and disassoc carry the same body */
	skb = owe_mlme_frame(ap, stype, da, sizeof(mgmt->u.deauth), &mgmt);
	if (!skb)
		return;
	skb_put(skb, sizeof(mgmt->u.deauth));
	mgmt->u.deauth.reason_code = cpu_to_le16(reason);
	if (!owe_be_tx_mgmt(&ap->be, skb))
		owe_count(ap, c);
}

/**
 * owe_mlme_send_deauth - send a Deauthentication frame
 * @ap: the BSS
 * @da: the station, or the broadcast address (owe_mlme_deauth_all() only)
 * @reason: reason code
 */
void owe_mlme_send_deauth(struct owe_ap *ap, const u8 *da, u16 reason)
{
	owe_mlme_send_leave(ap, IEEE80211_STYPE_DEAUTH, da, reason,
			    OWE_CNT_TX_DEAUTH);
}

/**
 * owe_mlme_send_sa_query - send an SA Query Request or Response
 * @ap: the BSS
 * @da: the station (associated: mac80211 protects the frame)
 * @action: %WLAN_ACTION_SA_QUERY_REQUEST or _RESPONSE
 * @trans_id: the transaction ID
 *
 * Any context.
 */
void owe_mlme_send_sa_query(struct owe_ap *ap, const u8 *da, u8 action,
			    const u8 *trans_id)
{
	unsigned int len = offsetofend(struct ieee80211_mgmt,
				       u.action.u.sa_query.trans_id) -
			   OWE_HDR_LEN;
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	skb = owe_mlme_frame(ap, IEEE80211_STYPE_ACTION, da, len, &mgmt);
	if (!skb)
		return;
	skb_put(skb, len);
	mgmt->u.action.category = WLAN_CATEGORY_SA_QUERY;
	mgmt->u.action.u.sa_query.action = action;
	memcpy(mgmt->u.action.u.sa_query.trans_id, trans_id,
	       WLAN_SA_QUERY_TR_ID_LEN);
	owe_be_tx_mgmt(&ap->be, skb);
}

/**
 * owe_mlme_send_assoc_resp - send a (Re)Association Response
 * @ap: the BSS
 * @da: the station
 * @reassoc: answer a Reassociation Request
 * @status: status code
 * @aid: the station's AID (success only)
 * @wme: add the WMM Parameter element
 * @extra: more elements (RSNE, DH element; Timeout Interval with status
 *	30), or %NULL
 * @extra_len: octets of @extra
 *
 * Any context.
 */
void owe_mlme_send_assoc_resp(struct owe_ap *ap, const u8 *da, bool reassoc,
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
		len += ap->resp_ies_len + (wme ? ap->wmm_ie_len : 0);
	len += extra_len;
	skb = owe_mlme_frame(ap, stype, da, len, &mgmt);
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
	} else {
		mgmt->u.assoc_resp.aid = 0;
	}
	skb_put_data(skb, extra, extra_len);
	if (owe_be_tx_mgmt(&ap->be, skb))
		return;
	owe_count(ap, status == WLAN_STATUS_SUCCESS ? OWE_CNT_TX_ASSOC_RESP :
						      OWE_CNT_TX_ASSOC_REJECT);
}

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
	lockdep_assert_wiphy(sta->ap->wiphy);
	if (send)
		owe_mlme_send_deauth(sta->ap, sta->addr, reason);
	owe_sta_delete(sta, reason, why);
}
EXPORT_SYMBOL_IF_KUNIT(owe_mlme_remove_sta);

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
	owe_mlme_send_deauth(ap, ap->dev->broadcast, reason);
	owe_for_each_sta_safe(ap, bkt, tmp, sta)
		owe_sta_delete(sta, reason,
			       "deauthenticated (broadcast) by the administrator");
}

static void owe_mlme_send_auth(struct owe_ap *ap, const u8 *da, u16 alg,
			       u16 status)
{
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	skb = owe_mlme_frame(ap, IEEE80211_STYPE_AUTH, da,
			     sizeof(mgmt->u.auth), &mgmt);
	if (!skb)
		return;
	skb_put(skb, sizeof(mgmt->u.auth));
	mgmt->u.auth.auth_alg = cpu_to_le16(alg);
	mgmt->u.auth.auth_transaction = cpu_to_le16(2);
	mgmt->u.auth.status_code = cpu_to_le16(status);
	if (!owe_be_tx_mgmt(&ap->be, skb))
		owe_count(ap, OWE_CNT_TX_AUTH);
}

static void owe_mlme_auth(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_sta *sta;
	u16 alg, seq;

	owe_count(ap, OWE_CNT_RX_AUTH);
	if (skb->len < offsetofend(struct ieee80211_mgmt, u.auth.status_code)) {
		owe_mlme_malformed(ap, mgmt, "authentication");
		return;
	}
	alg = le16_to_cpu(mgmt->u.auth.auth_alg);
	seq = le16_to_cpu(mgmt->u.auth.auth_transaction);
	if (seq != 1) {
		owe_mlme_malformed(ap, mgmt, "authentication (transaction)");
		return;
	}
	if (alg != WLAN_AUTH_OPEN) {
		owe_mlme_send_auth(ap, mgmt->sa, alg,
				   WLAN_STATUS_NOT_SUPPORTED_AUTH_ALG);
		return;
	}

	sta = owe_sta_find(ap, mgmt->sa);
	if (sta && owe_sta_rx_dup(sta, (void *)mgmt))
		return;
	if (sta && sta->in_driver && sta->rsn.mfp) {
		/*
		 * Unprotected, so anyone may have sent it: an association
		 * with PMF ends only through a protected frame, or through
		 * the SA Query of a (re)association request (802.11w).
		 */
		owe_mlme_send_auth(ap, mgmt->sa, alg, WLAN_STATUS_SUCCESS);
		return;
	}
	if (sta) {
		/* the station starts over: its association is gone */
		owe_sta_disassociate(sta);
		owe_sta_forget_ip(sta);
		owe_sta_authenticated(sta);
	} else {
		sta = owe_sta_create(ap, mgmt->sa);
		if (IS_ERR(sta)) {
			owe_mlme_send_auth(ap, mgmt->sa, alg,
					   WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA);
			return;
		}
		owe_sta_rx_dup(sta, (void *)mgmt);
	}
	owe_mlme_send_auth(ap, mgmt->sa, alg, WLAN_STATUS_SUCCESS);
	owe_sta_set_state(sta, OWE_STA_STATE_AUTH, "open system authentication");
}

static u16 owe_mlme_assoc_check(struct owe_ap *ap, const u8 *ies, size_t len)
{
	const struct element *ssid;

	if (!owe_mlme_ies_complete(ies, len)) {
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

/*
 * An unprotected request for a station associated with PMF: status 30
 * with the association comeback time while the SA Query runs; false when
 * the query timed out and the request is to be served.
 */
static bool owe_mlme_assoc_comeback(struct owe_sta *sta, bool reassoc)
{
	u8 tie[2 + sizeof(struct ieee80211_timeout_interval_ie)];
	struct ieee80211_timeout_interval_ie *ti = (void *)&tie[2];
	u32 tu;

	tu = owe_saq_comeback_tu(sta);
	if (!tu)
		return false;
	tie[0] = WLAN_EID_TIMEOUT_INTERVAL;
	tie[1] = sizeof(*ti);
	ti->type = WLAN_TIMEOUT_ASSOC_COMEBACK;
	ti->value = cpu_to_le32(tu);
	owe_mlme_send_assoc_resp(sta->ap, sta->addr, reassoc,
				 WLAN_STATUS_ASSOC_REJECTED_TEMPORARILY, 0,
				 false, tie, sizeof(tie));
	return true;
}

/* the station's port opens at once: no handshake on an open BSS */
static void owe_mlme_open_port(struct owe_sta *sta)
{
	if (owe_be_set_authorized(&sta->ap->be, sta->addr, true)) {
		owe_mlme_remove_sta(sta, WLAN_REASON_UNSPECIFIED, true,
				    "cannot open the port");
		return;
	}
	owe_sta_set_state(sta, OWE_STA_STATE_IP_LEARN, "port open (open BSS)");
}

/*
 * The station sent its request again (the response got lost): the same
 * answer, and the station stays in the driver with its handshake running.
 */
static void owe_mlme_assoc_repeat(struct owe_sta *sta, bool reassoc)
{
	u8 extra[OWE_RSNE_MAX_LEN + OWE_DH_ELEM_MAX_LEN];
	size_t extra_len = sizeof(extra);

	owe_count(sta->ap, OWE_CNT_ASSOC_REPEAT);
	if (owe_assoc_resp_ies(sta->ap, &sta->rsn, extra, &extra_len))
		return;
	owe_mlme_send_assoc_resp(sta->ap, sta->addr, reassoc,
				 WLAN_STATUS_SUCCESS, sta->aid, sta->wme,
				 extra, extra_len);
	owe_sta_set_state(sta, sta->state,
			  "%sassociation request repeated: same answer",
			  reassoc ? "re" : "");
}

static void owe_mlme_assoc_reject(struct owe_ap *ap, const u8 *da,
				  bool reassoc, u16 status)
{
	owe_mlme_send_assoc_resp(ap, da, reassoc, status, 0, false, NULL, 0);
	netdev_dbg(ap->dev, "association of %pM refused, status %u\n", da,
		   status);
}

/* the request's elements and the length of its fixed fields */
static const u8 *owe_mlme_assoc_ies(const struct sk_buff *skb, bool reassoc,
				    size_t *len)
{
	unsigned int fixed = reassoc ?
		offsetof(struct ieee80211_mgmt, u.reassoc_req.variable) :
		offsetof(struct ieee80211_mgmt, u.assoc_req.variable);

	*len = skb->len - fixed;
	return skb->data + fixed;
}

/* the station's capabilities, for the driver */
static int owe_mlme_assoc_capab(struct owe_sta *sta, struct owe_be_sta *bsta,
				const struct sk_buff *skb, bool reassoc,
				bool mfp)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	const u8 *ies;
	size_t len;

	ies = owe_mlme_assoc_ies(skb, reassoc, &len);
	bsta->addr = sta->addr;
	/* the fixed fields of both request types start alike */
	return owe_capab_sta(bsta, &sta->ap->capab,
			     le16_to_cpu(mgmt->u.assoc_req.capab_info),
			     le16_to_cpu(mgmt->u.assoc_req.listen_interval),
			     mfp, ies, len);
}

/*
 * An association pays a DH step once, then holds an AID and a driver
 * station until its 4-way handshake completes or times out (3 s of
 * retransmissions). Forged associations with valid DH elements would fill
 * the BSS that way and keep clients out; when %OWE_MAX_PENDING stations
 * are in their handshake, the oldest of them makes room for the new one
 * (a client's handshake takes tens of milliseconds). The station itself
 * may be that oldest: its new association replaces its pending one.
 */
static void owe_mlme_pending_room(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;
	struct owe_sta *old = owe_sta_oldest_pending(ap);

	if (!old || old == sta)
		return;
	owe_count(ap, OWE_CNT_STA_EVICTED_PENDING);
	owe_mlme_remove_sta(old, WLAN_REASON_DISASSOC_AP_BUSY, true,
			    "dropped: too many 4-way handshakes pending");
}

/*
 * The rest of an association once its OWE part is settled (@rsn is %NULL
 * on an open BSS): the station goes into the driver, gets its answer and
 * its 4-way handshake starts.
 */
static void owe_mlme_assoc_finish(struct owe_sta *sta,
				  const struct sk_buff *skb, bool reassoc,
				  const struct owe_sta_rsn *rsn,
				  const u8 *extra, size_t extra_len)
{
	struct owe_ap *ap = sta->ap;
	struct owe_be_sta bsta = {};
	u16 status;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	if (owe_mlme_assoc_capab(sta, &bsta, skb, reassoc, rsn && rsn->mfp)) {
		owe_mlme_assoc_reject(ap, sta->addr, reassoc,
				      WLAN_STATUS_ASSOC_DENIED_RATES);
		return;
	}
	/* every check passed: from here on the station changes */
	if (rsn)
		owe_mlme_pending_room(sta);
	ret = owe_sta_associate(sta, &bsta, rsn);
	if (ret) {
		netdev_warn(ap->dev, "cannot add station %pM: %d\n", sta->addr,
			    ret);
		status = ret == -ENOSPC ? WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA :
					  WLAN_STATUS_UNSPECIFIED_FAILURE;
		owe_mlme_assoc_reject(ap, sta->addr, reassoc, status);
		return;
	}
	owe_mlme_send_assoc_resp(ap, sta->addr, reassoc, WLAN_STATUS_SUCCESS,
				 sta->aid, sta->wme, extra, extra_len);
	if (!owe_ap_is_owe(ap)) {
		owe_sta_set_state(sta, OWE_STA_STATE_ASSOC,
				  "%sassociated, AID %u%s", reassoc ? "re" : "",
				  sta->aid, sta->wme ? ", WMM" : "");
		owe_mlme_open_port(sta);
		return;
	}
	if (sta->rsn.pmksa_cached)
		owe_count(ap, OWE_CNT_PMKSA_HIT);
	owe_sta_set_state(sta, OWE_STA_STATE_ASSOC,
			  "%sassociated, AID %u, OWE group %u%s%s",
			  reassoc ? "re" : "", sta->aid, sta->rsn.group->id,
			  sta->rsn.pmksa_cached ? ", PMKSA cached" : ", DH done",
			  sta->rsn.mfp ? ", PMF" : "");
	owe_hs_start(sta);
}

/**
 * owe_mlme_assoc_dh_done - an association whose DH step the worker ran
 * @sta: the station, still waiting for it
 * @req: the request, with the outcome; the caller frees it
 */
void owe_mlme_assoc_dh_done(struct owe_sta *sta, struct owe_dhq_req *req)
{
	u8 extra[OWE_RSNE_MAX_LEN + OWE_DH_ELEM_MAX_LEN];
	size_t extra_len = sizeof(extra);
	u16 status = req->status;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (status == WLAN_STATUS_SUCCESS &&
	    owe_assoc_resp_ies(sta->ap, &req->rsn, extra, &extra_len))
		status = WLAN_STATUS_UNSPECIFIED_FAILURE;
	if (status != WLAN_STATUS_SUCCESS) {
		owe_mlme_assoc_reject(sta->ap, sta->addr, req->reassoc, status);
		return;
	}
	owe_mlme_assoc_finish(sta, req->skb, req->reassoc, &req->rsn,
			      extra, extra_len);
}

/*
 * An OWE request that needs a Diffie-Hellman exchange: the capabilities
 * are checked now, the exchange is the worker's (core/dhq.c).
 */
static u16 owe_mlme_assoc_queue(struct owe_sta *sta, struct sk_buff *skb,
				bool reassoc, const struct owe_dh_elem *dh,
				const struct owe_sta_rsn *rsn)
{
	struct owe_be_sta bsta = {};
	int ret;

	if (owe_mlme_assoc_capab(sta, &bsta, skb, reassoc, rsn->mfp))
		return WLAN_STATUS_ASSOC_DENIED_RATES;
	ret = owe_dhq_queue(sta, skb, reassoc, dh, rsn);
	if (ret == -EBUSY) {
		owe_count(sta->ap, OWE_CNT_DH_BUSY);
		return WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA;
	}
	return ret ? WLAN_STATUS_UNSPECIFIED_FAILURE : WLAN_STATUS_SUCCESS;
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
	struct owe_sta_rsn *rsn = NULL;
	struct owe_dh_elem dh;
	struct owe_sta *sta;
	size_t ies_len;
	const u8 *ies;
	u16 status;

	owe_count(ap, OWE_CNT_RX_ASSOC);
	if (skb->len < fixed) {
		owe_mlme_malformed(ap, mgmt, "association request");
		return;
	}
	sta = owe_sta_find(ap, mgmt->sa);
	if (!sta || sta->state < OWE_STA_STATE_AUTH) {
		owe_mlme_send_deauth(ap, mgmt->sa,
				     WLAN_REASON_CLASS2_FRAME_FROM_NONAUTH_STA);
		return;
	}
	if (owe_sta_rx_dup(sta, (void *)mgmt))
		return;

	ies = owe_mlme_assoc_ies(skb, reassoc, &ies_len);
	status = owe_mlme_assoc_check(ap, ies, ies_len);
	if (status != WLAN_STATUS_SUCCESS)
		goto reject;
	/* changes nothing, so it needs no SA Query either */
	if (owe_ap_is_owe(ap) && owe_assoc_is_repeat(sta, ies, ies_len)) {
		owe_mlme_assoc_repeat(sta, reassoc);
		return;
	}
	if (sta->in_driver && sta->rsn.mfp &&
	    owe_mlme_assoc_comeback(sta, reassoc))
		return;
	if (!owe_ap_is_owe(ap)) {
		owe_mlme_assoc_finish(sta, skb, reassoc, NULL, NULL, 0);
		return;
	}

	status = WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA;
	rsn = kmalloc(sizeof(*rsn), GFP_KERNEL);
	if (!rsn)
		goto reject;
	status = owe_assoc_owe(sta, ies, ies_len, rsn, extra, &extra_len, &dh);
	if (status == WLAN_STATUS_SUCCESS && dh.group)
		status = owe_mlme_assoc_queue(sta, skb, reassoc, &dh, rsn);
	else if (status == WLAN_STATUS_SUCCESS)
		owe_mlme_assoc_finish(sta, skb, reassoc, rsn, extra,
				      extra_len);
	kfree_sensitive(rsn);
	if (status == WLAN_STATUS_SUCCESS)
		return;
reject:
	owe_mlme_assoc_reject(ap, mgmt->sa, reassoc, status);
}

/* an SA Query Response (protected: mac80211 checked it) */
static void owe_mlme_action(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_sta *sta;

	if (skb->len < offsetofend(struct ieee80211_mgmt,
				   u.action.u.sa_query.trans_id) ||
	    mgmt->u.action.category != WLAN_CATEGORY_SA_QUERY ||
	    mgmt->u.action.u.sa_query.action != WLAN_ACTION_SA_QUERY_RESPONSE)
		return;
	sta = owe_sta_find(ap, mgmt->sa);
	if (sta)
		owe_saq_rx_response(sta, mgmt->u.action.u.sa_query.trans_id);
}

static void owe_mlme_leave(struct owe_ap *ap, struct sk_buff *skb,
			   bool deauth)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_sta *sta;
	u16 reason;

	owe_count(ap, deauth ? OWE_CNT_RX_DEAUTH : OWE_CNT_RX_DISASSOC);
	if (skb->len < offsetofend(struct ieee80211_mgmt, u.deauth.reason_code)) {
		owe_mlme_malformed(ap, mgmt, deauth ? "deauthentication" :
						      "disassociation");
		return;
	}
	sta = owe_sta_find(ap, mgmt->sa);
	if (!sta)
		return;
	reason = le16_to_cpu(mgmt->u.deauth.reason_code);
	owe_sta_delete(sta, reason, deauth ? "deauthenticated by the station" :
					     "disassociated by the station");
}

/**
 * owe_mlme_rx_deferred - handle a frame owe_mlme_rx() deferred
 * @ap: the BSS
 * @skb: the frame; the backend frees it afterwards
 */
void owe_mlme_rx_deferred(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;

	lockdep_assert_wiphy(ap->wiphy);
	atomic_dec(&ap->deferred);
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
	case IEEE80211_STYPE_ACTION:
		owe_mlme_action(ap, skb);
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
		if (!sta->in_driver ||
		    owe_be_sta_inactive_ms(&ap->be, sta->addr, &ms))
			continue;
		if (ms <= OWE_INACTIVITY_LIMIT_S * 1000)
			continue;
		owe_mlme_send_leave(ap, IEEE80211_STYPE_DISASSOC, sta->addr,
				    WLAN_REASON_DISASSOC_DUE_TO_INACTIVITY,
				    OWE_CNT_TX_DISASSOC);
		owe_sta_delete(sta, WLAN_REASON_DISASSOC_DUE_TO_INACTIVITY,
			       "disassociated: inactive");
	}
	wiphy_delayed_work_queue(wiphy, &ap->inactivity_work, 10 * HZ);
}
