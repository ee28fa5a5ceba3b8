// SPDX-License-Identifier: GPL-2.0
/*
 * PMKSA cache of a BSS, keyed by (station address, PMKID). A returning
 * station that offers a cached PMKID skips the Diffie-Hellman exchange.
 * Entries live under the wiphy mutex and are wiped when they go.
 */

#include <linux/jiffies.h>
#include <linux/slab.h>
#include <crypto/utils.h>
#include <kunit/visibility.h>

#include "core/ap.h"
#include "core/pmksa.h"

#define OWE_PMKSA_MAX	1024

static void owe_pmksa_free(struct owe_ap *ap, struct owe_pmksa *e)
{
	list_del(&e->list);
	ap->pmksa_count--;
	kfree_sensitive(e);
}

/**
 * owe_pmksa_find - look up a station's PMKSA by PMKID
 * @ap: the BSS
 * @addr: the station
 * @pmkid: a PMKID the station offered
 *
 * Expired entries met on the way are dropped.
 *
 * Return: the entry or %NULL.
 */
struct owe_pmksa *owe_pmksa_find(struct owe_ap *ap, const u8 *addr,
				 const u8 *pmkid)
{
	struct owe_pmksa *e, *tmp;

	lockdep_assert_wiphy(ap->wiphy);
	list_for_each_entry_safe(e, tmp, &ap->pmksa, list) {
		if (time_after(jiffies, e->expires)) {
			owe_pmksa_free(ap, e);
			continue;
		}
		if (ether_addr_equal(e->addr, addr) &&
		    !crypto_memneq(e->pmkid, pmkid, OWE_PMKID_LEN))
			return e;
	}
	return NULL;
}

/**
 * owe_pmksa_add - cache a station's new PMKSA
 * @ap: the BSS
 * @addr: the station
 * @group: the DH group of the PMK
 * @pmk: the PMK, @group->hash_len octets
 * @pmkid: its PMKID
 *
 * Replaces the station's previous entry; the oldest entry goes when the
 * cache is full. Failure to allocate only costs a future DH exchange.
 */
void owe_pmksa_add(struct owe_ap *ap, const u8 *addr,
		   const struct owe_group *group, const u8 *pmk,
		   const u8 *pmkid)
{
	struct owe_pmksa *e, *tmp;

	lockdep_assert_wiphy(ap->wiphy);
	list_for_each_entry_safe(e, tmp, &ap->pmksa, list)
		if (ether_addr_equal(e->addr, addr))
			owe_pmksa_free(ap, e);
	if (ap->pmksa_count >= OWE_PMKSA_MAX)
		owe_pmksa_free(ap, list_first_entry(&ap->pmksa,
						    struct owe_pmksa, list));

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return;
	ether_addr_copy(e->addr, addr);
	memcpy(e->pmkid, pmkid, OWE_PMKID_LEN);
	memcpy(e->pmk, pmk, group->hash_len);
	e->group = group;
	e->expires = jiffies + (unsigned long)ap->cfg.pmksa_lifetime * HZ;
	list_add_tail(&e->list, &ap->pmksa);
	ap->pmksa_count++;
}

/**
 * owe_pmksa_flush - forget cached PMKSAs
 * @ap: the BSS
 * @addr: forget only this station's entries, or %NULL for all
 */
void owe_pmksa_flush(struct owe_ap *ap, const u8 *addr)
{
	struct owe_pmksa *e, *tmp;

	lockdep_assert_wiphy(ap->wiphy);
	list_for_each_entry_safe(e, tmp, &ap->pmksa, list)
		if (!addr || ether_addr_equal(e->addr, addr))
			owe_pmksa_free(ap, e);
}
EXPORT_SYMBOL_IF_KUNIT(owe_pmksa_flush);
