/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A pool of precomputed AP key pairs per DH group, made ahead of time in
 * process context so that an association pays only for ECDH and HKDF.
 */
#ifndef _OWE_CRYPTO_DH_POOL_H
#define _OWE_CRYPTO_DH_POOL_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "crypto/dh_key.h"
#include "crypto/tfm.h"
#include "wire/group.h"

/* key pairs kept ready per group */
#define OWE_DH_POOL_SIZE	16

/**
 * struct owe_dh_pool - ready AP key pairs of one BSS
 * @lock: guards @count, @keys and @stopping; taken in any context
 * @crypto: the refill's own transforms, so that it never waits for the
 *	ones the handshakes use under the wiphy mutex
 * @groups: the groups to keep keys of, BIT(group number)
 * @refill: makes keys until every group of @groups has %OWE_DH_POOL_SIZE
 * @stopping: the pool is being destroyed: no more refills
 * @count: ready pairs per group
 * @keys: the pairs (secret), @count[i] of group i from the start
 */
struct owe_dh_pool {
	spinlock_t lock; /* guards count, keys and stopping */
	struct owe_crypto *crypto;
	u32 groups;
	struct work_struct refill;
	bool stopping;
	unsigned int count[OWE_NUM_GROUPS];
	struct owe_dh_key keys[OWE_NUM_GROUPS][OWE_DH_POOL_SIZE];
};

struct owe_dh_pool *owe_dh_pool_create(u32 groups);
void owe_dh_pool_destroy(struct owe_dh_pool *pool);
int owe_dh_pool_take(struct owe_dh_pool *pool, struct owe_crypto *c,
		     const struct owe_group *group, struct owe_dh_key *key,
		     bool *made_inline);
unsigned int owe_dh_pool_ready(struct owe_dh_pool *pool,
			       const struct owe_group *group);

#endif /* _OWE_CRYPTO_DH_POOL_H */
