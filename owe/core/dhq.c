// SPDX-License-Identifier: GPL-2.0
/*
 * The Diffie-Hellman step of OWE associations, off the wiphy mutex: the
 * way WireGuard works off handshakes in a capped work queue.
 *
 *   wiphy mutex   owe_dhq_queue(): admission (%OWE_DHQ_BSS_MAX per BSS,
 *                 %OWE_DHQ_ALL_MAX in all, and the BSS's bucket of worker
 *                 time; beyond them the request is refused with status
 *                 17 and counted as "DH refused: busy")
 *   worker        owe_dhq_work(): a pooled AP key pair, ECDH, HKDF, PMKID
 *                 and the response's elements; no wiphy mutex, transforms
 *                 of its own
 *   wiphy mutex   owe_dhq_done(): at most %OWE_DHQ_BATCH completions per
 *                 hold: the station is added, answered, its 4-way starts
 *
 * A request knows its station by address only. The station points at its
 * request (&owe_sta.dh_req); owe_dhq_cancel() (from every path that ends
 * an association or a station) unlinks it, and frees it unless the worker
 * has it: the completion then finds the station no longer pointing at the
 * request and only frees it. owe_dhq_stop() (the BSS goes: ap-stop, the
 * interface or the radio deleted, module unload) waits for the worker and
 * frees everything left.
 *
 * Who is served first: a retransmitted request (same RSNE, group and key)
 * is answered by the one in flight and costs nothing; a PMKSA-cached
 * station skips the DH step and never comes here; only new DH work waits
 * for the bucket, which a flood of fresh addresses drains at the rate the
 * worker can take, not beyond.
 */

#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "core/ap.h"
#include "core/debugfs.h"
#include "core/dhq.h"
#include "core/mlme.h"
#include "core/sta.h"
#include "crypto/dh_key.h"

static struct workqueue_struct *owe_dhq_wq;
/* requests in flight on every BSS */
static atomic_t owe_dhq_all = ATOMIC_INIT(0);

/**
 * owe_dhq_admit - whether a BSS may queue one more DH request
 * @bss_in_flight: its requests in flight
 * @all_in_flight: the requests in flight on every BSS
 *
 * Return: true when both are below their caps.
 */
bool owe_dhq_admit(unsigned int bss_in_flight, unsigned int all_in_flight)
{
	return bss_in_flight < OWE_DHQ_BSS_MAX &&
	       all_in_flight < OWE_DHQ_ALL_MAX;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dhq_admit);

/**
 * owe_dhq_bucket_init - a full bucket, every group at its initial cost
 * @b: the bucket
 * @now: ktime_get_ns()
 */
void owe_dhq_bucket_init(struct owe_dhq_bucket *b, u64 now)
{
	unsigned int i;

	b->tokens = OWE_DHQ_BURST_NS;
	b->stamp = now;
	for (i = 0; i < OWE_NUM_GROUPS; i++)
		b->cost[i] = OWE_DHQ_COST_INIT_NS;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dhq_bucket_init);

/**
 * owe_dhq_bucket_take - refill, then take one DH step's cost if it is there
 * @b: the bucket (the caller holds its queue's lock)
 * @idx: the group's index (owe_group_idx())
 * @now: ktime_get_ns()
 *
 * Return: true when the request may be queued.
 */
bool owe_dhq_bucket_take(struct owe_dhq_bucket *b, unsigned int idx, u64 now)
{
	u64 add;

	if (now > b->stamp) {
		/* the clock's remainder below one token counts next time */
		add = (now - b->stamp) >> OWE_DHQ_SHARE_SHIFT;
		b->stamp += add << OWE_DHQ_SHARE_SHIFT;
		b->tokens += add;
		if (b->tokens >= OWE_DHQ_BURST_NS) {
			b->tokens = OWE_DHQ_BURST_NS;
			b->stamp = now;
		}
	}
	if (b->tokens < b->cost[idx])
		return false;
	b->tokens -= b->cost[idx];
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dhq_bucket_take);

/**
 * owe_dhq_bucket_cost - fold what one DH step took into its group's cost
 * @b: the bucket (the caller holds its queue's lock)
 * @idx: the group's index
 * @ns: the worker's time for the step
 *
 * A moving average with weight 1/8, at most %OWE_DHQ_COST_MAX_NS.
 */
void owe_dhq_bucket_cost(struct owe_dhq_bucket *b, unsigned int idx, u64 ns)
{
	u64 c = b->cost[idx] - (b->cost[idx] >> 3) + (ns >> 3);

	b->cost[idx] = min_t(u64, c, OWE_DHQ_COST_MAX_NS);
}
EXPORT_SYMBOL_IF_KUNIT(owe_dhq_bucket_cost);

/* a request out of the books; the caller holds q->lock */
static void owe_dhq_unaccount(struct owe_dhq *q)
{
	lockdep_assert_held(&q->lock);
	q->in_flight--;
	atomic_dec(&owe_dhq_all);
}

static void owe_dhq_free(struct owe_dhq_req *req)
{
	consume_skb(req->skb);
	kfree_sensitive(req);
}

/* the DH step of one request; no wiphy mutex */
static void owe_dhq_derive(struct owe_ap *ap, struct owe_dhq *q,
			   struct owe_dhq_req *req)
{
	struct owe_sta_rsn *rsn = &req->rsn;
	bool made_inline;
	int ret;

	ret = owe_dh_pool_take(q->pool, q->crypto, req->group, &rsn->ap_key,
			       &made_inline);
	if (made_inline)
		owe_count(ap, OWE_CNT_DH_INLINE);
	if (!ret)
		ret = owe_dh_derive(q->crypto, req->group, &rsn->ap_key,
				    req->client_x, rsn->pmk, rsn->pmkid);
	/* the PMK is derived: the private key has served */
	memzero_explicit(rsn->ap_key.priv, sizeof(rsn->ap_key.priv));
	if (ret) {
		netdev_dbg(ap->dev, "station %pM: DH failed: %d\n", req->addr,
			   ret);
		req->status = WLAN_STATUS_UNSPECIFIED_FAILURE;
		return;
	}
	rsn->group = req->group;
	memcpy(rsn->client_x, req->client_x, req->group->prime_len);
	req->status = WLAN_STATUS_SUCCESS;
}

static void owe_dhq_work(struct work_struct *work)
{
	struct owe_dhq *q = container_of(work, struct owe_dhq, work);
	struct owe_ap *ap = container_of(q, struct owe_ap, dhq);
	struct owe_dhq_req *req;
	u64 t0;

	might_sleep();
	for (;;) {
		spin_lock_bh(&q->lock);
		req = list_first_entry_or_null(&q->pending, struct owe_dhq_req,
					       list);
		if (req) {
			list_del_init(&req->list);
			req->stage = OWE_DHQ_RUNNING;
		}
		spin_unlock_bh(&q->lock);
		if (!req)
			break;
		t0 = ktime_get_ns();
		owe_dhq_derive(ap, q, req);
		spin_lock_bh(&q->lock);
		owe_dhq_bucket_cost(&q->bucket, owe_group_idx(req->group),
				    ktime_get_ns() - t0);
		req->stage = OWE_DHQ_DONE;
		list_add_tail(&req->list, &q->done);
		spin_unlock_bh(&q->lock);
		wiphy_work_queue(ap->wiphy, &q->done_work);
		cond_resched();
	}
}

/* up to @max completions; true when more wait */
static bool owe_dhq_complete(struct owe_ap *ap, unsigned int max)
{
	struct owe_dhq *q = &ap->dhq;
	struct owe_dhq_req *req;
	struct owe_sta *sta;
	bool more = false;
	unsigned int n;

	lockdep_assert_wiphy(ap->wiphy);
	for (n = 0; n < max; n++) {
		spin_lock_bh(&q->lock);
		req = list_first_entry_or_null(&q->done, struct owe_dhq_req,
					       list);
		if (req) {
			list_del_init(&req->list);
			owe_dhq_unaccount(q);
		}
		more = !list_empty(&q->done);
		spin_unlock_bh(&q->lock);
		if (!req)
			break;
		sta = owe_sta_find(ap, req->addr);
		if (sta && sta->dh_req == req) {
			sta->dh_req = NULL;
			owe_mlme_assoc_dh_done(sta, req);
		}
		owe_dhq_free(req);
	}
	return more;
}

static void owe_dhq_done(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, dhq.done_work);
	u64 start = ktime_get_ns();
	bool more;

	more = owe_dhq_complete(ap, OWE_DHQ_BATCH);
	owe_debugfs_locked_sample(ap, ktime_get_ns() - start);
	/* the rest after others had the mutex */
	if (more)
		wiphy_work_queue(wiphy, work);
}

/**
 * owe_dhq_queue - hand an association's DH step to the worker
 * @sta: the station; a request of its still in flight is cancelled
 * @skb: the (re)association request, referenced until the completion
 * @reassoc: it is a Reassociation Request
 * @dh: its DH Parameter element, parsed
 * @rsn: what the request settled so far (RSNE, PMF); copied
 *
 * A request that repeats the one in flight (same RSNE, group and key: the
 * client sent it again before the answer came) is not queued twice: the
 * answer to the first one serves.
 *
 * Return: 0 (queued, or the same request is in flight), -EBUSY when a cap
 * is reached or the BSS is stopping (the caller refuses with status 17),
 * -ENOMEM.
 */
int owe_dhq_queue(struct owe_sta *sta, struct sk_buff *skb, bool reassoc,
		  const struct owe_dh_elem *dh, const struct owe_sta_rsn *rsn)
{
	struct owe_ap *ap = sta->ap;
	struct owe_dhq *q = &ap->dhq;
	struct owe_dhq_req *req = sta->dh_req;
	bool ok;

	lockdep_assert_wiphy(ap->wiphy);
	if (req && req->group == dh->group &&
	    req->rsn.assoc_rsne_len == rsn->assoc_rsne_len &&
	    !memcmp(req->rsn.assoc_rsne, rsn->assoc_rsne,
		    rsn->assoc_rsne_len) &&
	    !memcmp(req->client_x, dh->key, dh->group->prime_len)) {
		owe_count(ap, OWE_CNT_ASSOC_REPEAT);
		return 0;
	}
	owe_dhq_cancel(sta);
	req = kzalloc(sizeof(*req), GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	ether_addr_copy(req->addr, sta->addr);
	req->reassoc = reassoc;
	req->group = dh->group;
	memcpy(req->client_x, dh->key, dh->group->prime_len);
	req->rsn = *rsn;

	spin_lock_bh(&q->lock);
	ok = !q->stopping &&
	     owe_dhq_admit(q->in_flight, atomic_read(&owe_dhq_all)) &&
	     owe_dhq_bucket_take(&q->bucket, owe_group_idx(dh->group),
				 ktime_get_ns()) &&
	     atomic_add_unless(&owe_dhq_all, 1, OWE_DHQ_ALL_MAX);
	if (ok) {
		q->in_flight++;
		req->stage = OWE_DHQ_PENDING;
		req->skb = skb_get(skb);
		list_add_tail(&req->list, &q->pending);
	}
	spin_unlock_bh(&q->lock);
	if (!ok) {
		kfree_sensitive(req);
		return -EBUSY;
	}
	sta->dh_req = req;
	queue_work(owe_dhq_wq, &q->work);
	return 0;
}

/**
 * owe_dhq_cancel - forget a station's DH request, if any
 * @sta: the station
 *
 * A request the worker has is freed by its completion, which finds the
 * station no longer waiting for it.
 */
void owe_dhq_cancel(struct owe_sta *sta)
{
	struct owe_dhq_req *req = sta->dh_req;
	struct owe_dhq *q = &sta->ap->dhq;
	bool running;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!req)
		return;
	sta->dh_req = NULL;
	spin_lock_bh(&q->lock);
	running = req->stage == OWE_DHQ_RUNNING;
	if (!running) {
		list_del_init(&req->list);
		owe_dhq_unaccount(q);
	}
	spin_unlock_bh(&q->lock);
	if (!running)
		owe_dhq_free(req);
}

/**
 * owe_dhq_start - the DH queue and key pool of an OWE BSS
 * @ap: the BSS
 *
 * Return: 0 or a negative error.
 */
int owe_dhq_start(struct owe_ap *ap)
{
	struct owe_dhq *q = &ap->dhq;

	lockdep_assert_wiphy(ap->wiphy);
	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->pending);
	INIT_LIST_HEAD(&q->done);
	owe_dhq_bucket_init(&q->bucket, ktime_get_ns());
	INIT_WORK(&q->work, owe_dhq_work);
	wiphy_work_init(&q->done_work, owe_dhq_done);
	q->crypto = owe_crypto_alloc();
	if (IS_ERR(q->crypto)) {
		int err = PTR_ERR(q->crypto);

		q->crypto = NULL;
		return err;
	}
	q->pool = owe_dh_pool_create(ap->cfg.groups);
	if (IS_ERR(q->pool)) {
		int err = PTR_ERR(q->pool);

		q->pool = NULL;
		owe_crypto_free(q->crypto);
		q->crypto = NULL;
		return err;
	}
	return 0;
}

/**
 * owe_dhq_stop - end the DH queue of a BSS whose stations are gone
 * @ap: the BSS
 *
 * Waits for the worker (one DH step at most), drops the completions and
 * frees every request left, the pool and the transforms. The wiphy mutex
 * is held: the worker never takes it.
 */
void owe_dhq_stop(struct owe_ap *ap)
{
	struct owe_dhq *q = &ap->dhq;
	struct owe_dhq_req *req, *tmp;
	LIST_HEAD(gone);

	lockdep_assert_wiphy(ap->wiphy);
	if (!q->crypto)
		return;
	spin_lock_bh(&q->lock);
	q->stopping = true;
	list_splice_init(&q->pending, &gone);
	spin_unlock_bh(&q->lock);
	cancel_work_sync(&q->work);
	wiphy_work_cancel(ap->wiphy, &q->done_work);
	spin_lock_bh(&q->lock);
	list_splice_tail_init(&q->done, &gone);
	list_for_each_entry(req, &gone, list)
		owe_dhq_unaccount(q);
	WARN_ON_ONCE(q->in_flight);
	spin_unlock_bh(&q->lock);
	list_for_each_entry_safe(req, tmp, &gone, list)
		owe_dhq_free(req);
	owe_dh_pool_destroy(q->pool);
	q->pool = NULL;
	owe_crypto_free(q->crypto);
	q->crypto = NULL;
}

/**
 * owe_dhq_flush - run every queued DH step and its completion now
 * @ap: the BSS
 *
 * For tests: waits for the worker, then completes everything done under
 * the wiphy mutex, which the caller must not hold.
 */
void owe_dhq_flush(struct owe_ap *ap)
{
	if (!ap->dhq.crypto)
		return;
	flush_work(&ap->dhq.work);
	wiphy_lock(ap->wiphy);
	wiphy_work_cancel(ap->wiphy, &ap->dhq.done_work);
	while (owe_dhq_complete(ap, OWE_DHQ_BATCH))
		;
	wiphy_unlock(ap->wiphy);
}
EXPORT_SYMBOL_IF_KUNIT(owe_dhq_flush);

/**
 * owe_dhq_init - the workqueue of every BSS's DH worker
 *
 * Return: 0 or -ENOMEM.
 */
int owe_dhq_init(void)
{
	owe_dhq_wq = alloc_workqueue("owe_dh", WQ_UNBOUND, 0);
	return owe_dhq_wq ? 0 : -ENOMEM;
}

/**
 * owe_dhq_exit - destroy the workqueue; every BSS is gone
 */
void owe_dhq_exit(void)
{
	destroy_workqueue(owe_dhq_wq);
}
