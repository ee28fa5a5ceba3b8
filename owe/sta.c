// SPDX-License-Identifier: GPL-2.0
/*
 * Stations: lookup, lifetime, association IDs and the state trace.
 *
 * A station lives in its BSS's hash table from its first authentication
 * until it leaves. Changes happen under the wiphy mutex; softirq readers
 * find stations under RCU and take a reference when they need one past
 * the read-side section. The last reference frees the station after a
 * grace period.
 */

#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "owe.h"

static u32 owe_sta_hash(const u8 *addr)
{
	return jhash(addr, ETH_ALEN, 0);
}

/**
 * owe_sta_find - look up a station of a BSS
 * @ap: the BSS
 * @addr: the station's address
 *
 * Return: the station or %NULL; valid while the caller holds the wiphy
 * mutex.
 */
struct owe_sta *owe_sta_find(struct owe_ap *ap, const u8 *addr)
{
	struct owe_sta *sta;

	lockdep_assert_wiphy(ap->wiphy);
	hash_for_each_possible(ap->sta_hash, sta, node, owe_sta_hash(addr))
		if (ether_addr_equal(sta->addr, addr))
			return sta;
	return NULL;
}

/**
 * owe_sta_find_rcu - look up a station of a BSS from any context
 * @ap: the BSS
 * @addr: the station's address
 *
 * Return: the station or %NULL; valid inside the caller's RCU read-side
 * critical section.
 */
struct owe_sta *owe_sta_find_rcu(struct owe_ap *ap, const u8 *addr)
{
	struct owe_sta *sta;

	hash_for_each_possible_rcu(ap->sta_hash, sta, node,
				   owe_sta_hash(addr))
		if (ether_addr_equal(sta->addr, addr))
			return sta;
	return NULL;
}

/**
 * owe_sta_create - add a station to a BSS, in state NONE
 * @ap: the BSS
 * @addr: the station's address
 *
 * Return: the station, or an ERR_PTR(): -ENOSPC when the BSS is full,
 * -ENOMEM.
 */
struct owe_sta *owe_sta_create(struct owe_ap *ap, const u8 *addr)
{
	struct owe_sta *sta;

	lockdep_assert_wiphy(ap->wiphy);
	if (ap->sta_count >= OWE_MAX_STATIONS)
		return ERR_PTR(-ENOSPC);
	sta = kzalloc(sizeof(*sta), GFP_KERNEL);
	if (!sta)
		return ERR_PTR(-ENOMEM);
	kref_init(&sta->ref);
	sta->ap = ap;
	ether_addr_copy(sta->addr, addr);
	sta->state = OWE_STA_STATE_NONE;
	wiphy_delayed_work_init(&sta->eapol_timer, owe_wpa_timer);
	hash_add_rcu(ap->sta_hash, &sta->node, owe_sta_hash(addr));
	ap->sta_count++;
	netdev_dbg(ap->dev, "station %pM created\n", addr);
	return sta;
}

static void owe_sta_release(struct kref *ref)
{
	struct owe_sta *sta = container_of(ref, struct owe_sta, ref);

	/* owe_sta_remove() wiped the secrets already */
	kfree_rcu(sta, rcu);
}

/**
 * owe_sta_put - drop a reference to a station
 * @sta: the station
 */
void owe_sta_put(struct owe_sta *sta)
{
	kref_put(&sta->ref, owe_sta_release);
}

/**
 * owe_sta_remove - take a station out of its BSS
 * @sta: the station, already gone from mac80211 (!@sta->in_driver)
 *
 * Frees its association ID and drops the table's reference.
 */
void owe_sta_remove(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;

	lockdep_assert_wiphy(ap->wiphy);
	WARN_ON_ONCE(sta->in_driver);
	wiphy_delayed_work_cancel(ap->wiphy, &sta->eapol_timer);
	owe_rsn_sta_clear(sta);
	owe_sta_free_aid(sta);
	hash_del_rcu(&sta->node);
	ap->sta_count--;
	netdev_dbg(ap->dev, "station %pM destroyed\n", sta->addr);
	owe_sta_put(sta);
}

/**
 * owe_sta_alloc_aid - give a station an association ID
 * @sta: the station; keeps the ID it has, if any
 *
 * Return: 0 or -ENOSPC when all IDs are taken.
 */
int owe_sta_alloc_aid(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;
	unsigned long aid;

	lockdep_assert_wiphy(ap->wiphy);
	if (sta->aid)
		return 0;
	aid = find_next_zero_bit(ap->aid_map, IEEE80211_MAX_AID + 1, 1);
	if (aid > IEEE80211_MAX_AID)
		return -ENOSPC;
	__set_bit(aid, ap->aid_map);
	sta->aid = aid;
	return 0;
}

/**
 * owe_sta_free_aid - release a station's association ID
 * @sta: the station
 */
void owe_sta_free_aid(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!sta->aid)
		return;
	__clear_bit(sta->aid, sta->ap->aid_map);
	sta->aid = 0;
}

static const char * const owe_sta_state_names[] = {
	[OWE_STA_STATE_NONE] = "NONE",
	[OWE_STA_STATE_AUTH] = "AUTH",
	[OWE_STA_STATE_ASSOC] = "ASSOC",
	[OWE_STA_STATE_L2_AUTH] = "L2_AUTH",
	[OWE_STA_STATE_IP_LEARN] = "IP_LEARN",
	[OWE_STA_STATE_RUN] = "RUN",
};

/**
 * owe_sta_set_state - move a station to a state and record it in its trace
 * @sta: the station
 * @state: the state entered (may equal the current one: the trace then
 *	records a noteworthy event within the state)
 * @fmt: printf-style detail for the trace
 *
 * Also announces the transition on the genl "events" group.
 */
void owe_sta_set_state(struct owe_sta *sta, enum owe_sta_state state,
		       const char *fmt, ...)
{
	struct owe_sta_event *ev;
	va_list args;

	lockdep_assert_wiphy(sta->ap->wiphy);
	ev = &sta->hist[sta->hist_next];
	sta->hist_next = (sta->hist_next + 1) % OWE_STA_HISTORY_LEN;
	if (sta->hist_len < OWE_STA_HISTORY_LEN)
		sta->hist_len++;

	ev->state = state;
	ev->time_ns = ktime_get_boottime_ns();
	va_start(args, fmt);
	vscnprintf(ev->detail, sizeof(ev->detail), fmt, args);
	va_end(args);

	sta->state = state;
	netdev_dbg(sta->ap->dev, "station %pM: %s (%s)\n", sta->addr,
		   owe_sta_state_names[state], ev->detail);
	owe_nl_notify_sta(sta);
}
