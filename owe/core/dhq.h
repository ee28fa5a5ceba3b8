/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Diffie-Hellman step of OWE associations (ECDH with a pooled AP key,
 * HKDF, PMKID) in a bounded queue worked off without the wiphy mutex.
 */
#ifndef _OWE_CORE_DHQ_H
#define _OWE_CORE_DHQ_H

#include <linux/if_ether.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/workqueue.h>
#include <net/cfg80211.h>

#include "core/sta.h"
#include "crypto/dh_pool.h"
#include "crypto/tfm.h"
#include "wire/dh_elem.h"
#include "wire/group.h"

/* DH requests in flight per BSS and in all, at most */
#define OWE_DHQ_BSS_MAX		16
#define OWE_DHQ_ALL_MAX		64
/* completions handled per hold of the wiphy mutex */
#define OWE_DHQ_BATCH		4
/*
 * The rate of new DH work per BSS: a bucket of worker time, refilled at
 * half the wall clock (new stations may take half of a CPU), holding at
 * most %OWE_DHQ_BURST_NS; each request takes its group's measured cost
 * (a moving average, %OWE_DHQ_COST_INIT_NS until measured, at most
 * %OWE_DHQ_COST_MAX_NS so that a slow spell never shuts the door)
 */
#define OWE_DHQ_SHARE_SHIFT	1
#define OWE_DHQ_BURST_NS	(20 * NSEC_PER_MSEC)
#define OWE_DHQ_COST_INIT_NS	NSEC_PER_MSEC
#define OWE_DHQ_COST_MAX_NS	(OWE_DHQ_BURST_NS / 4)

/**
 * enum owe_dhq_stage - where a request is
 * @OWE_DHQ_PENDING: waiting for the worker
 * @OWE_DHQ_RUNNING: the worker has it
 * @OWE_DHQ_DONE: waiting for the completion under the wiphy mutex
 */
enum owe_dhq_stage {
	OWE_DHQ_PENDING,
	OWE_DHQ_RUNNING,
	OWE_DHQ_DONE,
};

/**
 * struct owe_dhq_req - one association waiting for its DH step
 * @list: entry in &owe_dhq.pending or &owe_dhq.done
 * @stage: where it is, under &owe_dhq.lock
 * @skb: the request frame (a reference of its own)
 * @addr: the station's address
 * @reassoc: a Reassociation Request
 * @status: the outcome of the DH step
 * @group: the client's group
 * @client_x: the client's public key
 * @rsn: the association's settlement: what the request said (RSNE, PMF)
 *	and what the DH step derived (secret); the response's elements are
 *	built from it at the completion, under the wiphy mutex, since they
 *	read the BSS's configuration
 */
struct owe_dhq_req {
	struct list_head list;
	enum owe_dhq_stage stage;
	struct sk_buff *skb;
	u8 addr[ETH_ALEN];
	bool reassoc;
	u16 status;
	const struct owe_group *group;
	u8 client_x[OWE_MAX_PRIME_LEN];
	struct owe_sta_rsn rsn;
};

/**
 * struct owe_dhq_bucket - the admission of new DH work of one BSS
 * @tokens: worker time it may still take, ns
 * @stamp: when @tokens was last refilled, ns (ktime_get_ns())
 * @cost: per group, what one DH step took the worker (moving average, ns)
 */
struct owe_dhq_bucket {
	u64 tokens;
	u64 stamp;
	u64 cost[OWE_NUM_GROUPS];
};

/**
 * struct owe_dhq - the DH queue of one BSS
 * @lock: guards @pending, @done, @stopping and the requests' stage
 * @pending: requests waiting for @work, oldest first
 * @done: requests waiting for @done_work, oldest first
 * @in_flight: requests queued and not freed yet (at most
 *	%OWE_DHQ_BSS_MAX)
 * @stopping: the BSS is going: nothing more is queued
 * @bucket: the rate of new DH work, under @lock
 * @work: the worker (process context, no wiphy mutex)
 * @done_work: the completions (wiphy mutex)
 * @crypto: the worker's own transforms
 * @pool: the BSS's ready AP key pairs
 */
struct owe_dhq {
	spinlock_t lock; /* guards the lists, stopping, the requests' stage */
	struct list_head pending;
	struct list_head done;
	unsigned int in_flight;
	bool stopping;
	struct owe_dhq_bucket bucket;
	struct work_struct work;
	struct wiphy_work done_work;
	struct owe_crypto *crypto;
	struct owe_dh_pool *pool;
};

struct owe_ap;

int owe_dhq_init(void);
void owe_dhq_exit(void);
bool owe_dhq_admit(unsigned int bss_in_flight, unsigned int all_in_flight);
void owe_dhq_bucket_init(struct owe_dhq_bucket *b, u64 now);
bool owe_dhq_bucket_take(struct owe_dhq_bucket *b, unsigned int idx, u64 now);
void owe_dhq_bucket_cost(struct owe_dhq_bucket *b, unsigned int idx, u64 ns);
int owe_dhq_start(struct owe_ap *ap);
void owe_dhq_stop(struct owe_ap *ap);
int owe_dhq_queue(struct owe_sta *sta, struct sk_buff *skb, bool reassoc,
		  const struct owe_dh_elem *dh, const struct owe_sta_rsn *rsn);
void owe_dhq_cancel(struct owe_sta *sta);
void owe_dhq_flush(struct owe_ap *ap);

#endif /* _OWE_CORE_DHQ_H */
