/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MLME of a BSS: the frames of authentication, (re)association,
 * deauthentication and SA Query, and station inactivity.
 */
#ifndef _OWE_CORE_MLME_H
#define _OWE_CORE_MLME_H

#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/cfg80211.h>

#include "backend/backend.h"

struct owe_ap;
struct owe_dhq_req;
struct owe_sta;

/* mlme_rx.c: softirq */
bool owe_mlme_peer_addr_ok(struct owe_ap *ap, const u8 *addr);
enum owe_be_rx owe_mlme_rx(struct owe_ap *ap, struct sk_buff *skb);
void owe_mlme_rx_spurious(struct owe_ap *ap, const u8 *ta);

/* mlme.c: process context, wiphy mutex (the helpers: any context) */
void owe_mlme_malformed(struct owe_ap *ap, const struct ieee80211_mgmt *mgmt,
			const char *what);
bool owe_mlme_ies_complete(const u8 *ies, size_t len);
void owe_mlme_rx_deferred(struct owe_ap *ap, struct sk_buff *skb);
void owe_mlme_assoc_dh_done(struct owe_sta *sta, struct owe_dhq_req *req);
struct sk_buff *owe_mlme_frame(struct owe_ap *ap, u16 stype, const u8 *da,
			       unsigned int body_len,
			       struct ieee80211_mgmt **mgmt);
void owe_mlme_send_deauth(struct owe_ap *ap, const u8 *da, u16 reason);
void owe_mlme_send_sa_query(struct owe_ap *ap, const u8 *da, u8 action,
			    const u8 *trans_id);
void owe_mlme_send_assoc_resp(struct owe_ap *ap, const u8 *da, bool reassoc,
			      u16 status, u16 aid, bool wme, const u8 *extra,
			      size_t extra_len);
void owe_mlme_remove_sta(struct owe_sta *sta, u16 reason, bool send,
			 const char *why);
void owe_mlme_deauth_all(struct owe_ap *ap, u16 reason);
void owe_mlme_inactivity(struct wiphy *wiphy, struct wiphy_work *work);

#endif /* _OWE_CORE_MLME_H */
