// SPDX-License-Identifier: GPL-2.0
/*
 * Stations: lookup, lifetime, association IDs, the association in the
 * driver and the state trace.
 *
 * A station lives in its BSS's hash table from its first authentication
 * until it leaves. This file is the only writer of a station's state
 * (the handshakes keep their own, &owe_sta.hs); changes happen under the
 * wiphy mutex. Softirq readers find stations under RCU and use them only
 * inside the read-side section; a deleted station is freed after a grace
 * period.
 */

#include <linux/etherdevice.h>
#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <net/ipv6.h>

#include "core/ap.h"
#include "core/dhq.h"
#include "core/gtk.h"
#include "core/handshake.h"
#include "core/iplearn.h"
#include "core/sta.h"

static void (*owe_sta_notify)(struct owe_sta *sta);

/**
 * owe_sta_set_notify - where station state changes are announced
 * @notify: called under the wiphy mutex after each state change, or %NULL
 */
void owe_sta_set_notify(void (*notify)(struct owe_sta *sta))
{
	WRITE_ONCE(owe_sta_notify, notify);
}

static u32 owe_sta_hash(const u8 *addr)
{
	return jhash(addr, ETH_ALEN, 0);
}

/* the station is not associated: it waits on the BSS's unassoc list */
static void owe_sta_unassoc_add(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;

	sta->auth_time = jiffies;
	if (list_empty(&sta->unassoc)) {
		list_add_tail(&sta->unassoc, &ap->unassoc);
		ap->unassoc_count++;
	} else {
		list_move_tail(&sta->unassoc, &ap->unassoc);
	}
	if (!wiphy_delayed_work_pending(ap->wiphy, &ap->expire_work))
		wiphy_delayed_work_queue(ap->wiphy, &ap->expire_work, HZ);
}

static void owe_sta_unassoc_del(struct owe_sta *sta)
{
	if (list_empty(&sta->unassoc))
		return;
	list_del_init(&sta->unassoc);
	sta->ap->unassoc_count--;
}

/* associated, its 4-way handshake not completed: on the pending list */
static void owe_sta_pending_add(struct owe_sta *sta)
{
	if (!list_empty(&sta->pending))
		return;
	list_add_tail(&sta->pending, &sta->ap->pending);
	sta->ap->pending_count++;
}

static void owe_sta_pending_del(struct owe_sta *sta)
{
	if (list_empty(&sta->pending))
		return;
	list_del_init(&sta->pending);
	sta->ap->pending_count--;
}

/**
 * owe_sta_handshake_done - a station completed its 4-way handshake
 * @sta: the station
 */
void owe_sta_handshake_done(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	owe_sta_pending_del(sta);
}

/**
 * owe_sta_oldest_pending - the station longest in its 4-way handshake
 * @ap: the BSS
 *
 * Return: the station, or %NULL when fewer than %OWE_MAX_PENDING
 * stations are in their 4-way handshake.
 */
struct owe_sta *owe_sta_oldest_pending(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (ap->pending_count < OWE_MAX_PENDING)
		return NULL;
	return list_first_entry(&ap->pending, struct owe_sta, pending);
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
 * Return: the station, or an ERR_PTR(): -ENOSPC when the BSS is full of
 * associated stations, -ENOMEM.
 */
struct owe_sta *owe_sta_create(struct owe_ap *ap, const u8 *addr)
{
	struct owe_sta *sta;

	lockdep_assert_wiphy(ap->wiphy);
	if (ap->sta_count >= OWE_MAX_STATIONS && !ap->unassoc_count)
		return ERR_PTR(-ENOSPC);
	sta = kzalloc(sizeof(*sta), GFP_KERNEL);
	if (!sta)
		return ERR_PTR(-ENOMEM);
	/*
	 * Authentication costs a sender nothing: the oldest station that
	 * never associated makes room, so forged ones cannot lock the BSS.
	 */
	if (ap->unassoc_count >= OWE_MAX_UNASSOC ||
	    ap->sta_count >= OWE_MAX_STATIONS) {
		struct owe_sta *old = list_first_entry(&ap->unassoc,
						       struct owe_sta, unassoc);

		owe_count(ap, OWE_CNT_STA_EVICTED);
		owe_sta_delete(old, WLAN_REASON_DEAUTH_LEAVING,
			       "dropped: too many unassociated stations");
	}
	sta->ap = ap;
	ether_addr_copy(sta->addr, addr);
	sta->state = OWE_STA_STATE_NONE;
	INIT_LIST_HEAD(&sta->unassoc);
	INIT_LIST_HEAD(&sta->pending);
	owe_hs_init(sta);
	owe_saq_init(sta);
	hash_add_rcu(ap->sta_hash, &sta->node, owe_sta_hash(addr));
	ap->sta_count++;
	owe_sta_unassoc_add(sta);
	netdev_dbg(ap->dev, "station %pM created\n", addr);
	return sta;
}

static int owe_sta_alloc_aid(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;
	unsigned long aid;

	if (sta->aid)
		return 0;
	aid = find_next_zero_bit(ap->aid_map, IEEE80211_MAX_AID + 1, 1);
	if (aid > IEEE80211_MAX_AID)
		return -ENOSPC;
	__set_bit(aid, ap->aid_map);
	sta->aid = aid;
	return 0;
}

static void owe_sta_free_aid(struct owe_sta *sta)
{
	if (!sta->aid)
		return;
	__clear_bit(sta->aid, sta->ap->aid_map);
	sta->aid = 0;
}

static void owe_sta_clear_rsn(struct owe_sta *sta)
{
	memzero_explicit(&sta->rsn, sizeof(sta->rsn));
}

/**
 * owe_sta_disassociate - end a station's association, keep it authenticated
 * @sta: the station
 *
 * The one path that undoes an association: a DH step in flight is
 * cancelled, the handshakes stop (a running group key handshake counts
 * the station out of the rekey), the station leaves the driver, its AID
 * is freed and its keys are wiped. Does
 * nothing to a station that is not associated. The state is the caller's
 * to set.
 */
void owe_sta_disassociate(struct owe_sta *sta)
{
	struct owe_ap *ap = sta->ap;

	lockdep_assert_wiphy(ap->wiphy);
	owe_dhq_cancel(sta);
	owe_hs_stop(sta);
	owe_saq_stop(sta);
	owe_sta_pending_del(sta);
	if (sta->in_driver) {
		owe_be_del_sta(&ap->be, sta->addr);
		WRITE_ONCE(sta->in_driver, false);
		owe_sta_unassoc_add(sta);
	}
	owe_sta_free_aid(sta);
	owe_sta_clear_rsn(sta);
}

/**
 * owe_sta_driver_gone - the driver dropped the station by itself
 * @sta: the station
 *
 * For a BSS whose AP stopped, or a station someone else deleted: nothing
 * is left to delete on the driver side.
 */
void owe_sta_driver_gone(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	WRITE_ONCE(sta->in_driver, false);
	owe_sta_pending_del(sta);
	owe_sta_unassoc_add(sta);
}

/**
 * owe_sta_associate - (re)associate a station in the driver
 * @sta: the station, authenticated; an earlier association is ended first
 * @bsta: what the driver gets (the AID is filled in here)
 * @rsn: what the OWE part of the association settled, or %NULL on an open
 *	BSS
 *
 * Called once every check of the request has passed: nothing of the
 * station changes before.
 *
 * Return: 0, -ENOSPC when no AID is left, or the driver's error.
 */
int owe_sta_associate(struct owe_sta *sta, struct owe_be_sta *bsta,
		      const struct owe_sta_rsn *rsn)
{
	struct owe_ap *ap = sta->ap;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	owe_sta_disassociate(sta);
	ret = owe_sta_alloc_aid(sta);
	if (ret)
		goto fail;
	bsta->params.aid = sta->aid;
	ret = owe_be_add_sta(&ap->be, bsta);
	if (ret) {
		owe_sta_free_aid(sta);
		goto fail;
	}
	WRITE_ONCE(sta->in_driver, true);
	owe_sta_unassoc_del(sta);
	sta->capability = bsta->params.capability;
	sta->listen_interval = bsta->params.listen_interval;
	sta->wme = bsta->params.sta_flags_set & BIT(NL80211_STA_FLAG_WME);
	sta->assoc_time_ns = ktime_get_boottime_ns();
	if (rsn) {
		sta->rsn = *rsn;
		owe_sta_pending_add(sta);
	}
	return 0;

fail:
	/* its earlier association, if any, is gone: back to AUTH */
	if (sta->state > OWE_STA_STATE_AUTH)
		owe_sta_set_state(sta, OWE_STA_STATE_AUTH,
				  "association failed (%d)", ret);
	return ret;
}

/**
 * owe_sta_forget_ip - forget the station's addresses (a new association
 *	learns them again)
 * @sta: the station
 */
void owe_sta_forget_ip(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	sta->ipv4 = 0;
	sta->ipv6 = in6addr_any;
}

/**
 * owe_sta_learn_ip - record the first address of a family seen from a
 *	station; a station in IP_LEARN moves to RUN
 * @sta: the station
 * @family: AF_INET or AF_INET6
 * @ip: the address (4 or 16 octets, network order)
 * @how: where it was seen, for the trace
 * @lease: seconds of the DHCP lease that gave it, 0 when not leased
 */
void owe_sta_learn_ip(struct owe_sta *sta, int family, const u8 *ip,
		      const char *how, u32 lease)
{
	enum owe_sta_state next = OWE_STA_STATE_RUN;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (sta->state != OWE_STA_STATE_IP_LEARN)
		next = sta->state;	/* RUN already: only note the address */
	if (family == AF_INET && !sta->ipv4 && lease) {
		memcpy(&sta->ipv4, ip, 4);
		owe_sta_set_state(sta, next, "IP %pI4 by %s, lease %u s",
				  &sta->ipv4, how, lease);
	} else if (family == AF_INET && !sta->ipv4) {
		memcpy(&sta->ipv4, ip, 4);
		owe_sta_set_state(sta, next, "IP %pI4 learned (%s)", &sta->ipv4,
				  how);
	} else if (family == AF_INET6 && ipv6_addr_any(&sta->ipv6)) {
		memcpy(&sta->ipv6, ip, 16);
		owe_sta_set_state(sta, next, "IP %pI6c learned (%s)",
				  &sta->ipv6, how);
	}
}

/**
 * owe_sta_delete - take a station out of its BSS
 * @sta: the station
 * @reason: reason code, kept as the reason of the deletion
 * @why: what happened, for the station's trace
 *
 * Disassociates it (which wipes its secrets), records NONE in its trace
 * and frees it once softirq readers are done with it.
 */
void owe_sta_delete(struct owe_sta *sta, u16 reason, const char *why)
{
	struct owe_ap *ap = sta->ap;

	lockdep_assert_wiphy(ap->wiphy);
	owe_sta_disassociate(sta);
	sta->del_reason = reason;
	owe_sta_set_state(sta, OWE_STA_STATE_NONE, "%s (reason %u)", why,
			  reason);
	owe_sta_unassoc_del(sta);
	hash_del_rcu(&sta->node);
	ap->sta_count--;
	netdev_dbg(ap->dev, "station %pM destroyed\n", sta->addr);
	kfree_rcu(sta, rcu);
}

/**
 * owe_sta_authenticated - a station (re)authenticated
 * @sta: the station, not associated
 *
 * Its time to associate starts again.
 */
void owe_sta_authenticated(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!sta->in_driver)
		owe_sta_unassoc_add(sta);
}

/**
 * owe_sta_rx_dup - whether a management frame repeats the last one handled
 * @sta: the station that sent it
 * @hdr: the frame's header
 *
 * A frame with the Retry bit and the Sequence Control and subtype of the
 * last frame handled from the station is a retransmission of it (its
 * acknowledgment was lost): handled once, as hostapd does. Otherwise the
 * frame becomes the last one.
 *
 * Return: true for a retransmission, to be dropped.
 */
bool owe_sta_rx_dup(struct owe_sta *sta, const struct ieee80211_hdr *hdr)
{
	u16 stype = le16_to_cpu(hdr->frame_control) & IEEE80211_FCTL_STYPE;
	u16 seq = le16_to_cpu(hdr->seq_ctrl);

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (ieee80211_has_retry(hdr->frame_control) && sta->last_valid &&
	    sta->last_stype == stype && sta->last_seq_ctrl == seq) {
		owe_count(sta->ap, OWE_CNT_RX_DUP);
		return true;
	}
	sta->last_valid = true;
	sta->last_stype = stype;
	sta->last_seq_ctrl = seq;
	return false;
}

/**
 * owe_sta_expire - end the stations that authenticated but did not
 *	associate within %OWE_UNASSOC_TIMEOUT_S seconds
 * @wiphy: the BSS's radio
 * @work: &owe_ap.expire_work
 *
 * Runs every second while such stations exist.
 */
void owe_sta_expire(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap,
					 expire_work.work);
	struct owe_sta *sta, *tmp;

	lockdep_assert_wiphy(wiphy);
	list_for_each_entry_safe(sta, tmp, &ap->unassoc, unassoc) {
		if (time_before(jiffies, sta->auth_time +
					 OWE_UNASSOC_TIMEOUT_S * HZ))
			break;	/* the list is oldest first */
		owe_count(ap, OWE_CNT_STA_EXPIRED);
		owe_sta_delete(sta, WLAN_REASON_DEAUTH_LEAVING,
			       "did not associate in time");
	}
	if (!list_empty(&ap->unassoc))
		wiphy_delayed_work_queue(wiphy, &ap->expire_work, HZ);
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
 * Also announces the transition (owe_sta_set_notify()).
 */
void owe_sta_set_state(struct owe_sta *sta, enum owe_sta_state state,
		       const char *fmt, ...)
{
	void (*notify)(struct owe_sta *sta);
	struct owe_sta_event *ev;
	bool learning, was_learning;
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

	/* IP learning watches sent frames while stations wait in IP_LEARN */
	learning = state == OWE_STA_STATE_IP_LEARN;
	was_learning = sta->state == OWE_STA_STATE_IP_LEARN;
	if (learning != was_learning)
		owe_ip_learning(sta->ap, learning);
	WRITE_ONCE(sta->state, state);
	netdev_dbg(sta->ap->dev, "station %pM: %s (%s)\n", sta->addr,
		   owe_sta_state_names[state], ev->detail);
	notify = READ_ONCE(owe_sta_notify);
	if (notify)
		notify(sta);
}
