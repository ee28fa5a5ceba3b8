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
#include <linux/workqueue.h>
#include <net/cfg80211.h>

#include "core/sta.h"
#include "crypto/dh_pool.h"
#include "crypto/tfm.h"
#include "wire/dh_elem.h"

/* DH requests in flight per BSS and in all, at most */
#define OWE_DHQ_BSS_MAX		16
#define OWE_DHQ_ALL_MAX		64
/* completions handled per hold of the wiphy mutex */
#define OWE_DHQ_BATCH		4

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
 * struct owe_dhq - the DH queue of one BSS
 * @lock: guards @pending, @done, @stopping and the requests' stage
 * @pending: requests waiting for @work, oldest first
 * @done: requests waiting for @done_work, oldest first
 * @in_flight: requests queued and not freed yet (at most
 *	%OWE_DHQ_BSS_MAX)
 * @stopping: the BSS is going: nothing more is queued
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
	struct work_struct work;
	struct wiphy_work done_work;
	struct owe_crypto *crypto;
	struct owe_dh_pool *pool;
};

struct owe_ap;

int owe_dhq_init(void);
void owe_dhq_exit(void);
bool owe_dhq_admit(unsigned int bss_in_flight, unsigned int all_in_flight);
int owe_dhq_start(struct owe_ap *ap);
void owe_dhq_stop(struct owe_ap *ap);
int owe_dhq_queue(struct owe_sta *sta, struct sk_buff *skb, bool reassoc,
		  const struct owe_dh_elem *dh, const struct owe_sta_rsn *rsn);
void owe_dhq_cancel(struct owe_sta *sta);
void owe_dhq_flush(struct owe_ap *ap);

#endif /* _OWE_CORE_DHQ_H */
