// SPDX-License-Identifier: GPL-2.0
/*
 * SA Query started by the AP (IEEE 802.11 11.13, hostapd's
 * ap_sta_start_sa_query()). An unprotected (re)association request
 * carrying the address of a station associated with PMF may be forged, or
 * the station may have lost its state. The AP neither drops the
 * association nor accepts the request: it answers status 30 with an
 * association comeback time and asks the station with an SA Query Request,
 * which mac80211 protects. An answer proves the association alive; none
 * within the maximum time (retransmitted every retry interval) means the
 * station lost it, and its next request is served.
 */

#include <linux/jiffies.h>
#include <linux/random.h>

#include "core/ap.h"
#include "core/mlme.h"
#include "core/saquery.h"
#include "core/sta.h"

static unsigned long owe_saq_tu(u32 tu)
{
	return usecs_to_jiffies(tu * 1024);
}

static void owe_saq_send(struct owe_sta *sta)
{
	struct owe_sa_query *q = &sta->saq;
	u8 *id;

	if (q->count == OWE_SAQ_MAX_IDS)
		return;
	id = q->ids[q->count++];
	get_random_bytes(id, WLAN_SA_QUERY_TR_ID_LEN);
	owe_mlme_send_sa_query(sta->ap, sta->addr,
			       WLAN_ACTION_SA_QUERY_REQUEST, id);
}

static void owe_saq_timer(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_sta *sta = container_of(work, struct owe_sta,
					   saq.timer.work);
	struct owe_sa_query *q = &sta->saq;

	lockdep_assert_wiphy(wiphy);
	if (!q->start)
		return;
	if (time_after_eq(jiffies, q->start +
			  owe_saq_tu(OWE_SAQ_MAX_TIMEOUT_TU))) {
		q->start = 0;
		q->count = 0;
		q->timed_out = jiffies ?: 1;
		owe_sta_set_state(sta, sta->state,
				  "SA Query unanswered: association lost");
		return;
	}
	owe_saq_send(sta);
	wiphy_delayed_work_queue(wiphy, &q->timer,
				 owe_saq_tu(OWE_SAQ_RETRY_TIMEOUT_TU));
}

/**
 * owe_saq_init - set up a new station's SA Query state
 * @sta: the station
 */
void owe_saq_init(struct owe_sta *sta)
{
	wiphy_delayed_work_init(&sta->saq.timer, owe_saq_timer);
}

/**
 * owe_saq_stop - end a running SA Query and forget its outcome
 * @sta: the station
 */
void owe_saq_stop(struct owe_sta *sta)
{
	struct owe_sa_query *q = &sta->saq;

	lockdep_assert_wiphy(sta->ap->wiphy);
	wiphy_delayed_work_cancel(sta->ap->wiphy, &q->timer);
	q->start = 0;
	q->count = 0;
	q->timed_out = 0;
}

/**
 * owe_saq_comeback_tu - an unprotected request for a PMF station's address
 * @sta: the station, associated with PMF
 *
 * Starts the SA Query unless one runs.
 *
 * Return: the association comeback time in TUs for the status 30 answer,
 * or 0 when the last query timed out and the request is to be served.
 */
u32 owe_saq_comeback_tu(struct owe_sta *sta)
{
	struct owe_sa_query *q = &sta->saq;
	unsigned long end;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (q->timed_out && time_before(jiffies, q->timed_out +
					OWE_SAQ_TIMED_OUT_S * HZ))
		return 0;
	q->timed_out = 0;
	if (!q->start) {
		q->start = jiffies ?: 1;
		q->count = 0;
		owe_sta_set_state(sta, sta->state,
				  "unprotected association request: SA Query");
		owe_saq_send(sta);
		wiphy_delayed_work_queue(sta->ap->wiphy, &q->timer,
					 owe_saq_tu(OWE_SAQ_RETRY_TIMEOUT_TU));
	}
	end = q->start + owe_saq_tu(OWE_SAQ_MAX_TIMEOUT_TU);
	if (time_after_eq(jiffies, end))
		return 1;
	return clamp_t(u32, jiffies_to_usecs(end - jiffies) / 1024, 1,
		       OWE_SAQ_MAX_TIMEOUT_TU);
}

/**
 * owe_saq_rx_response - an SA Query Response from a station
 * @sta: the station
 * @trans_id: its transaction ID
 *
 * A response to any request of the running query proves the association
 * alive: the query ends.
 */
void owe_saq_rx_response(struct owe_sta *sta, const u8 *trans_id)
{
	struct owe_sa_query *q = &sta->saq;
	unsigned int i;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!q->start)
		return;
	for (i = 0; i < q->count; i++) {
		if (memcmp(q->ids[i], trans_id, WLAN_SA_QUERY_TR_ID_LEN))
			continue;
		owe_saq_stop(sta);
		owe_sta_set_state(sta, sta->state,
				  "SA Query answered: association kept");
		return;
	}
}
