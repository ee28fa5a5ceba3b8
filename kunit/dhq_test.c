// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-dhq": the caps and the bucket of the DH queue, the pool
 * of AP key pairs, and associations through the queue on the fake backend
 * (fake_be.h): refused with status 17 when the BSS's queue is full; a
 * station that leaves while its DH step is queued leaves nothing behind.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>

#include "core/ap.h"
#include "core/dhq.h"
#include "crypto/dh_pool.h"
#include "wire/group.h"
#include "fake_be.h"

static void dhq_admit_caps(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, owe_dhq_admit(0, 0));
	KUNIT_EXPECT_TRUE(test, owe_dhq_admit(OWE_DHQ_BSS_MAX - 1,
					      OWE_DHQ_ALL_MAX - 1));
	KUNIT_EXPECT_FALSE(test, owe_dhq_admit(OWE_DHQ_BSS_MAX, 0));
	KUNIT_EXPECT_FALSE(test, owe_dhq_admit(0, OWE_DHQ_ALL_MAX));
	KUNIT_EXPECT_FALSE(test, owe_dhq_admit(OWE_DHQ_BSS_MAX + 1,
					       OWE_DHQ_ALL_MAX + 1));
}

/*
 * the bucket: a full one admits a burst, an empty one refuses until the
 * clock refills it at half speed; costs follow what the worker measured
 */
static void dhq_bucket(struct kunit *test)
{
	struct owe_dhq_bucket b;
	u64 now = 1000 * NSEC_PER_SEC;
	unsigned int n = 0;

	owe_dhq_bucket_init(&b, now);
	while (owe_dhq_bucket_take(&b, 0, now) && n < 1000)
		n++;
	KUNIT_EXPECT_EQ(test, n, OWE_DHQ_BURST_NS / OWE_DHQ_COST_INIT_NS);
	KUNIT_EXPECT_FALSE(test, owe_dhq_bucket_take(&b, 0, now));
	/* 2 ms of wall clock buy 1 ms of worker time: one request */
	now += 2 * OWE_DHQ_COST_INIT_NS - 1;
	KUNIT_EXPECT_FALSE(test, owe_dhq_bucket_take(&b, 0, now));
	now += 1;
	KUNIT_EXPECT_TRUE(test, owe_dhq_bucket_take(&b, 0, now));
	KUNIT_EXPECT_FALSE(test, owe_dhq_bucket_take(&b, 0, now));
	/* a clock that went back refills nothing */
	KUNIT_EXPECT_FALSE(test, owe_dhq_bucket_take(&b, 0, now - NSEC_PER_SEC));
	/* an hour idle fills it to the burst, not beyond */
	now += 3600 * NSEC_PER_SEC;
	KUNIT_EXPECT_TRUE(test, owe_dhq_bucket_take(&b, 0, now));
	KUNIT_EXPECT_EQ(test, b.tokens, OWE_DHQ_BURST_NS - OWE_DHQ_COST_INIT_NS);

	/* cheap steps: the cost falls towards them, the burst admits more */
	for (n = 0; n < 100; n++)
		owe_dhq_bucket_cost(&b, 0, 100 * NSEC_PER_USEC);
	KUNIT_EXPECT_LT(test, b.cost[0], 120 * NSEC_PER_USEC);
	KUNIT_EXPECT_GE(test, b.cost[0], 100 * NSEC_PER_USEC);
	KUNIT_EXPECT_EQ(test, b.cost[1], OWE_DHQ_COST_INIT_NS);
	/* a slow spell is capped: a BSS is never shut for good */
	owe_dhq_bucket_init(&b, now);
	for (n = 0; n < 100; n++)
		owe_dhq_bucket_cost(&b, 2, NSEC_PER_SEC);
	KUNIT_EXPECT_EQ(test, b.cost[2], OWE_DHQ_COST_MAX_NS);
	n = 0;
	while (owe_dhq_bucket_take(&b, 2, now) && n < 1000)
		n++;
	KUNIT_EXPECT_EQ(test, n, OWE_DHQ_BURST_NS / OWE_DHQ_COST_MAX_NS);
}

/* every pair is taken once and leaves a wiped slot */
static void dhq_pool_take(struct kunit *test)
{
	const struct owe_group *g = owe_group_get(OWE_GROUP_P256);
	struct owe_dh_key a, b, zero = {};
	struct owe_dh_pool *pool;
	bool made_inline;
	unsigned int n;

	pool = owe_dh_pool_create(BIT(OWE_GROUP_P256));
	KUNIT_ASSERT_FALSE(test, IS_ERR(pool));
	flush_work(&pool->refill);
	KUNIT_EXPECT_EQ(test, owe_dh_pool_ready(pool, g), OWE_DH_POOL_SIZE);

	KUNIT_ASSERT_EQ(test, owe_dh_pool_take(pool, pool->crypto, g, &a,
					       &made_inline), 0);
	KUNIT_EXPECT_FALSE(test, made_inline);
	KUNIT_ASSERT_EQ(test, owe_dh_pool_take(pool, pool->crypto, g, &b,
					       &made_inline), 0);
	KUNIT_EXPECT_FALSE(test, made_inline);
	KUNIT_EXPECT_PTR_EQ(test, a.group, g);
	KUNIT_EXPECT_MEMNEQ(test, a.pub, b.pub, g->prime_len);
	KUNIT_EXPECT_MEMNEQ(test, a.priv, b.priv, g->prime_len);
	spin_lock_bh(&pool->lock);
	n = pool->count[owe_group_idx(g)];
	KUNIT_EXPECT_MEMEQ(test, &pool->keys[owe_group_idx(g)][n], &zero,
			   sizeof(zero));
	spin_unlock_bh(&pool->lock);
	owe_dh_key_clear(&a);
	owe_dh_key_clear(&b);
	owe_dh_pool_destroy(pool);
}

/* a group the pool does not keep: the pair is made on the spot */
static void dhq_pool_inline(struct kunit *test)
{
	const struct owe_group *g = owe_group_get(OWE_GROUP_P384);
	struct owe_dh_pool *pool;
	struct owe_dh_key key;
	bool made_inline;

	pool = owe_dh_pool_create(BIT(OWE_GROUP_P256));
	KUNIT_ASSERT_FALSE(test, IS_ERR(pool));
	KUNIT_ASSERT_EQ(test, owe_dh_pool_take(pool, pool->crypto, g, &key,
					       &made_inline), 0);
	KUNIT_EXPECT_TRUE(test, made_inline);
	KUNIT_EXPECT_PTR_EQ(test, key.group, g);
	owe_dh_key_clear(&key);
	owe_dh_pool_destroy(pool);
}

/* a full queue refuses with status 17 and counts it */
static void dhq_busy(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	owe_fake_lock(f);
	f->ap->dhq.in_flight = OWE_DHQ_BSS_MAX;
	owe_fake_unlock(f);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, 0),
			WLAN_STATUS_AP_UNABLE_TO_HANDLE_NEW_STA);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_DH_BUSY), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
	owe_fake_lock(f);
	f->ap->dhq.in_flight = 0;
	owe_fake_unlock(f);
	/* room again: the next request goes through */
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_NEW_KEY),
			WLAN_STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 1);
}

/*
 * A station deauthenticated while its DH step waits: the step is
 * cancelled, nothing is added or answered, nothing leaks.
 */
static void dhq_cancel_on_leave(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	__le16 reason = cpu_to_le16(WLAN_REASON_DEAUTH_LEAVING);
	struct sk_buff *skb, *deauth;
	u8 buf[256];
	size_t len;

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	len = owe_fake_sta_ies(f, s, 0, buf, sizeof(buf));
	skb = owe_fake_assoc_frame(f, s->addr, false, buf, len);
	deauth = owe_fake_mgmt(f, IEEE80211_STYPE_DEAUTH, s->addr,
			       owe_fake_bssid, &reason, sizeof(reason));
	/* both under one hold of the mutex: no completion in between */
	owe_fake_lock(f);
	/* as the softirq hook would have counted them */
	atomic_add(2, &f->ap->deferred);
	f->ap->be.events->rx_mgmt_deferred(f->ap->be.core, skb);
	KUNIT_EXPECT_EQ(test, f->ap->dhq.in_flight, 1);
	f->ap->be.events->rx_mgmt_deferred(f->ap->be.core, deauth);
	owe_fake_unlock(f);
	kfree_skb(skb);
	kfree_skb(deauth);
	owe_dhq_flush(f->ap);
	owe_fake_lock(f);
	KUNIT_EXPECT_EQ(test, f->ap->dhq.in_flight, 0);
	owe_fake_unlock(f);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_TX_ASSOC_RESP), 0);
}

/* the BSS stops with a DH step queued: freed with it */
static void dhq_stop_with_queued(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	struct sk_buff *skb;
	u8 buf[256];
	size_t len;

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	len = owe_fake_sta_ies(f, s, 0, buf, sizeof(buf));
	skb = owe_fake_assoc_frame(f, s->addr, false, buf, len);
	owe_fake_lock(f);
	/* as the softirq hook would have counted it */
	atomic_inc(&f->ap->deferred);
	f->ap->be.events->rx_mgmt_deferred(f->ap->be.core, skb);
	owe_fake_unlock(f);
	kfree_skb(skb);
	owe_fake_stop(f, false);
}

static struct kunit_case owe_dhq_cases[] = {
	KUNIT_CASE(dhq_admit_caps),
	KUNIT_CASE(dhq_bucket),
	KUNIT_CASE(dhq_pool_take),
	KUNIT_CASE(dhq_pool_inline),
	KUNIT_CASE(dhq_busy),
	KUNIT_CASE(dhq_cancel_on_leave),
	KUNIT_CASE(dhq_stop_with_queued),
	{}
};

static struct kunit_suite owe_dhq_suite = {
	.name = "owe-dhq",
	.test_cases = owe_dhq_cases,
};

kunit_test_suite(owe_dhq_suite);
