/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SA Query (IEEE 802.11w) started by the AP: an associated PMF station
 * whose address sends an unprotected (re)association request is asked,
 * protected, whether it is still there.
 */
#ifndef _OWE_CORE_SAQUERY_H
#define _OWE_CORE_SAQUERY_H

#include <linux/ieee80211.h>
#include <linux/types.h>
#include <net/cfg80211.h>

/* hostapd's defaults: assoc_sa_query_max_timeout, _retry_timeout */
#define OWE_SAQ_MAX_TIMEOUT_TU		1000
#define OWE_SAQ_RETRY_TIMEOUT_TU	201
#define OWE_SAQ_MAX_IDS			8
/* how long an unanswered query lets the station's next request through */
#define OWE_SAQ_TIMED_OUT_S		10

struct owe_sta;

/**
 * struct owe_sa_query - the AP's SA Query of a station, embedded in
 *	&struct owe_sta
 * @start: jiffies when the query began, 0 when none runs
 * @ids: transaction IDs sent (any of them answers the query)
 * @count: entries in @ids
 * @timed_out: jiffies when the last query went unanswered, 0 if it did
 *	not: for %OWE_SAQ_TIMED_OUT_S seconds the station's next
 *	(re)association request is taken as its own
 * @timer: retransmits the request, ends the query after its maximum time
 */
struct owe_sa_query {
	unsigned long start;
	u8 ids[OWE_SAQ_MAX_IDS][WLAN_SA_QUERY_TR_ID_LEN];
	u8 count;
	unsigned long timed_out;
	struct wiphy_delayed_work timer;
};

void owe_saq_init(struct owe_sta *sta);
void owe_saq_stop(struct owe_sta *sta);
u32 owe_saq_comeback_tu(struct owe_sta *sta);
void owe_saq_rx_response(struct owe_sta *sta, const u8 *trans_id);

#endif /* _OWE_CORE_SAQUERY_H */
