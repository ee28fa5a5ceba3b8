/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stations of a BSS. sta.c is the only writer of a station's state: its
 * place in the BSS, its association in the driver, its trace; the
 * handshakes write their own embedded &struct owe_handshake.
 */
#ifndef _OWE_CORE_STA_H
#define _OWE_CORE_STA_H

#include <linux/hashtable.h>
#include <linux/if_ether.h>
#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <uapi/linux/owe.h>

#include "backend/backend.h"
#include "core/handshake.h"
#include "core/saquery.h"
#include "crypto/dh_key.h"
#include "crypto/kdf.h"
#include "wire/group.h"
#include "wire/rsne.h"

#define OWE_STA_HASH_BITS	4
#define OWE_STA_HISTORY_LEN	16
#define OWE_STA_DETAIL_LEN	48
#define OWE_MAX_STATIONS	IEEE80211_MAX_AID
/* authenticated stations that have not associated (yet): how many, how long */
#define OWE_MAX_UNASSOC		128
#define OWE_UNASSOC_TIMEOUT_S	5
/*
 * associated stations whose 4-way handshake has not completed, at most:
 * a client's handshake takes tens of milliseconds, a forged association
 * holds its AID for the 3 s of retransmissions
 */
#define OWE_MAX_PENDING		128

struct owe_ap;
struct owe_dhq_req;

/**
 * struct owe_sta_event - one entry of a station's state trace
 * @state: state entered
 * @time_ns: when, CLOCK_BOOTTIME
 * @detail: what happened, for people
 */
struct owe_sta_event {
	enum owe_sta_state state;
	u64 time_ns;
	char detail[OWE_STA_DETAIL_LEN];
};

/**
 * struct owe_sta_rsn - what an OWE (re)association settled
 * @group: DH group of the PMK
 * @mfp: management frame protection negotiated
 * @pmksa_cached: the association used a cached PMKSA
 * @ap_key: the AP's DH public key for this station (the private half is
 *	wiped once the PMK is derived), kept so a repeated association
 *	request gets the same answer
 * @client_x: the station's DH public key from its request
 * @pmk: pairwise master key (secret)
 * @pmkid: its PMKID
 * @assoc_rsne: the RSNE of the request, compared with the one in EAPOL
 *	message 2
 * @assoc_rsne_len: length of @assoc_rsne
 */
struct owe_sta_rsn {
	const struct owe_group *group;
	bool mfp;
	bool pmksa_cached;
	struct owe_dh_key ap_key;
	u8 client_x[OWE_MAX_PRIME_LEN];
	u8 pmk[OWE_MAX_HASH_LEN];
	u8 pmkid[OWE_PMKID_LEN];
	u8 assoc_rsne[2 + 255];
	u16 assoc_rsne_len;
};

/**
 * struct owe_sta - a station of a BSS
 * @node: entry in the BSS's &owe_ap.sta_hash
 * @unassoc: entry in &owe_ap.unassoc while not associated, oldest first
 * @pending: entry in &owe_ap.pending while associated to an OWE BSS and
 *	its 4-way handshake not completed, oldest first
 * @auth_time: jiffies of its last authentication (or disassociation)
 * @last_seq_ctrl: Sequence Control of its last management frame handled
 * @last_stype: subtype of that frame
 * @last_valid: @last_seq_ctrl and @last_stype are set
 * @rcu: deferred free
 * @ap: the BSS
 * @addr: the station's address
 * @aid: association ID, 0 when not associated
 * @capability: Capability Information of its last (re)association request
 * @listen_interval: Listen Interval of its last (re)association request
 * @in_driver: the station exists in the driver (associated)
 * @wme: the station uses WMM
 * @state: current state
 * @assoc_time_ns: when it last associated, CLOCK_BOOTTIME
 * @del_reason: reason code of its last deauthentication or disassociation
 * @hist: state trace, a ring of the last %OWE_STA_HISTORY_LEN transitions
 * @hist_next: next slot of @hist to write
 * @hist_len: valid entries in @hist
 * @rsn: the OWE association (all zero on an open BSS)
 * @hs: the handshakes
 * @saq: the AP's SA Query of the station
 * @flags: %OWE_STA_IP_QUEUED
 * @ipv4: its IPv4 address once learned
 * @ipv6: its IPv6 address once learned
 * @dh_req: its association waiting for the DH worker, or %NULL
 *	(core/dhq.c)
 */
struct owe_sta {
	struct hlist_node node;
	struct list_head unassoc;
	struct list_head pending;
	unsigned long auth_time;
	u16 last_seq_ctrl;
	u16 last_stype;
	bool last_valid;
	struct rcu_head rcu;
	struct owe_ap *ap;
	u8 addr[ETH_ALEN];
	u16 aid;
	u16 capability;
	u16 listen_interval;
	bool in_driver;
	bool wme;
	enum owe_sta_state state;
	u64 assoc_time_ns;
	u16 del_reason;
	struct owe_sta_event hist[OWE_STA_HISTORY_LEN];
	u8 hist_next;
	u8 hist_len;
	struct owe_sta_rsn rsn;
	struct owe_handshake hs;
	struct owe_sa_query saq;
	unsigned long flags;
	__be32 ipv4;
	struct in6_addr ipv6;
	struct owe_dhq_req *dh_req;
};

/* an address seen from the station waits for the IP learning work */
#define OWE_STA_IP_QUEUED	0

#define owe_for_each_sta(ap, bkt, sta)					\
	hash_for_each((ap)->sta_hash, bkt, sta, node)
#define owe_for_each_sta_safe(ap, bkt, tmp, sta)				\
	hash_for_each_safe((ap)->sta_hash, bkt, tmp, sta, node)

struct owe_sta *owe_sta_find(struct owe_ap *ap, const u8 *addr);
struct owe_sta *owe_sta_find_rcu(struct owe_ap *ap, const u8 *addr);
struct owe_sta *owe_sta_create(struct owe_ap *ap, const u8 *addr);
void owe_sta_set_state(struct owe_sta *sta, enum owe_sta_state state,
		       const char *fmt, ...) __printf(3, 4);
void owe_sta_set_notify(void (*notify)(struct owe_sta *sta));

int owe_sta_associate(struct owe_sta *sta, struct owe_be_sta *bsta,
		      const struct owe_sta_rsn *rsn);
void owe_sta_disassociate(struct owe_sta *sta);
void owe_sta_driver_gone(struct owe_sta *sta);
void owe_sta_forget_ip(struct owe_sta *sta);
void owe_sta_learn_ip(struct owe_sta *sta, int family, const u8 *ip,
		      const char *how, u32 lease);
void owe_sta_delete(struct owe_sta *sta, u16 reason, const char *why);
void owe_sta_authenticated(struct owe_sta *sta);
void owe_sta_handshake_done(struct owe_sta *sta);
struct owe_sta *owe_sta_oldest_pending(struct owe_ap *ap);
bool owe_sta_rx_dup(struct owe_sta *sta, const struct ieee80211_hdr *hdr);
void owe_sta_expire(struct wiphy *wiphy, struct wiphy_work *work);

#endif /* _OWE_CORE_STA_H */
