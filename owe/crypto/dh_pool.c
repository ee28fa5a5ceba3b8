// SPDX-License-Identifier: GPL-2.0
/*
 * A pool of AP key pairs per DH group. hostapd makes a fresh key pair for
 * every station; so does this, ahead of time: a work item on the system's
 * unbound workqueue keeps %OWE_DH_POOL_SIZE pairs ready per group, with
 * transforms of its own and never under the wiphy mutex. Each pair goes
 * to exactly one station (which keeps its public half for the station's
 * repeated requests) and leaves the pool wiped; an empty pool makes one
 * on the spot, in the caller's context. Destroying the pool waits for the
 * refill and wipes what is left.
 */

#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "crypto/dh_pool.h"

/* the refill starts when a group is down to this many ready pairs */
#define OWE_DH_POOL_LOW		(OWE_DH_POOL_SIZE / 2)

/* the first group of the pool that wants a key, or NULL */
static const struct owe_group *owe_dh_pool_wanted(struct owe_dh_pool *pool)
{
	const struct owe_group *group;
	unsigned int i;

	lockdep_assert_held(&pool->lock);
	if (pool->stopping)
		return NULL;
	for (i = 0; i < OWE_NUM_GROUPS; i++) {
		group = owe_group_get(OWE_GROUP_P256 + i);
		if ((pool->groups & BIT(group->id)) &&
		    pool->count[i] < OWE_DH_POOL_SIZE)
			return group;
	}
	return NULL;
}

static void owe_dh_pool_refill(struct work_struct *work)
{
	struct owe_dh_pool *pool = container_of(work, struct owe_dh_pool,
						refill);
	const struct owe_group *group;
	struct owe_dh_key key;
	unsigned int i;

	might_sleep();
	for (;;) {
		spin_lock_bh(&pool->lock);
		group = owe_dh_pool_wanted(pool);
		spin_unlock_bh(&pool->lock);
		if (!group)
			break;
		/* one pair at a time, outside the lock */
		if (owe_dh_key_generate(pool->crypto, group, &key))
			break;
		i = owe_group_idx(group);
		spin_lock_bh(&pool->lock);
		if (!pool->stopping && pool->count[i] < OWE_DH_POOL_SIZE)
			pool->keys[i][pool->count[i]++] = key;
		spin_unlock_bh(&pool->lock);
		owe_dh_key_clear(&key);
		cond_resched();
	}
}

/**
 * owe_dh_pool_create - a pool for the groups of a BSS; starts filling it
 * @groups: the groups, BIT(group number)
 *
 * Process context.
 *
 * Return: the pool or an ERR_PTR() (-ENOMEM, or the crypto API's error).
 */
struct owe_dh_pool *owe_dh_pool_create(u32 groups)
{
	struct owe_dh_pool *pool;

	might_sleep();
	pool = kzalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return ERR_PTR(-ENOMEM);
	pool->crypto = owe_crypto_alloc();
	if (IS_ERR(pool->crypto)) {
		int err = PTR_ERR(pool->crypto);

		kfree(pool);
		return ERR_PTR(err);
	}
	spin_lock_init(&pool->lock);
	pool->groups = groups;
	INIT_WORK(&pool->refill, owe_dh_pool_refill);
	queue_work(system_unbound_wq, &pool->refill);
	return pool;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_pool_create);

/**
 * owe_dh_pool_destroy - stop the refill, wipe the keys, free the pool
 * @pool: the pool, or %NULL
 *
 * Process context; waits for a running refill (one key generation at
 * most), which takes no lock of the caller's.
 */
void owe_dh_pool_destroy(struct owe_dh_pool *pool)
{
	if (!pool)
		return;
	spin_lock_bh(&pool->lock);
	pool->stopping = true;
	spin_unlock_bh(&pool->lock);
	cancel_work_sync(&pool->refill);
	owe_crypto_free(pool->crypto);
	kfree_sensitive(pool);
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_pool_destroy);

/**
 * owe_dh_pool_take - a key pair of a group for one station
 * @pool: the pool
 * @c: transforms to make a pair with when the pool has none ready
 * @group: the group
 * @key: receives the pair (secret); it leaves the pool
 * @made_inline: set when the pool was empty and the pair was made here
 *
 * Process context (an empty pool means a key generation here).
 *
 * Return: 0 or an error of owe_dh_key_generate().
 */
int owe_dh_pool_take(struct owe_dh_pool *pool, struct owe_crypto *c,
		     const struct owe_group *group, struct owe_dh_key *key,
		     bool *made_inline)
{
	unsigned int i = owe_group_idx(group);
	struct owe_dh_key *slot;
	bool refill = false;

	might_sleep();
	*made_inline = false;
	spin_lock_bh(&pool->lock);
	if (pool->count[i]) {
		slot = &pool->keys[i][--pool->count[i]];
		*key = *slot;
		owe_dh_key_clear(slot);
	} else {
		*made_inline = true;
	}
	if (!pool->stopping && (pool->groups & BIT(group->id)) &&
	    pool->count[i] <= OWE_DH_POOL_LOW)
		refill = true;
	spin_unlock_bh(&pool->lock);
	if (refill)
		queue_work(system_unbound_wq, &pool->refill);
	if (*made_inline)
		return owe_dh_key_generate(c, group, key);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_pool_take);

/**
 * owe_dh_pool_ready - how many pairs of a group are ready
 * @pool: the pool
 * @group: the group
 *
 * Return: the number, a snapshot.
 */
unsigned int owe_dh_pool_ready(struct owe_dh_pool *pool,
			       const struct owe_group *group)
{
	unsigned int n;

	spin_lock_bh(&pool->lock);
	n = pool->count[owe_group_idx(group)];
	spin_unlock_bh(&pool->lock);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_pool_ready);
