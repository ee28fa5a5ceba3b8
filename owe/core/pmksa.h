/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PMKSA cache of a BSS.
 */
#ifndef _OWE_CORE_PMKSA_H
#define _OWE_CORE_PMKSA_H

#include <linux/if_ether.h>
#include <linux/list.h>
#include <linux/types.h>

#include "crypto/kdf.h"
#include "wire/group.h"

struct owe_ap;

/**
 * struct owe_pmksa - a cached PMK security association
 * @list: entry in &owe_ap.pmksa
 * @addr: the station
 * @pmkid: its PMKID
 * @pmk: the PMK (secret)
 * @group: the DH group the PMK came from
 * @expires: jiffies when the entry expires
 */
struct owe_pmksa {
	struct list_head list;
	u8 addr[ETH_ALEN];
	u8 pmkid[OWE_PMKID_LEN];
	u8 pmk[OWE_MAX_HASH_LEN];
	const struct owe_group *group;
	unsigned long expires;
};

struct owe_pmksa *owe_pmksa_find(struct owe_ap *ap, const u8 *addr,
				 const u8 *pmkid);
void owe_pmksa_add(struct owe_ap *ap, const u8 *addr,
		   const struct owe_group *group, const u8 *pmk,
		   const u8 *pmkid);
void owe_pmksa_flush(struct owe_ap *ap, const u8 *addr);

#endif /* _OWE_CORE_PMKSA_H */
