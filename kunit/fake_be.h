/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake backend for the suites of the stateful code: it implements
 * &struct owe_be_ops, records what the core asks of the driver (stations,
 * port, keys, management and EAPOL frames, beacon tails) and fails an op
 * on request. owe_fake_start() serves a real &struct owe_ap on a wiphy and
 * a net_device of its own, never registered; frames go in through the
 * events the core registered, the way the mac80211 backend hands them
 * over. Teardown (owe_ap_destroy(), then the netdev and the wiphy) is a
 * KUnit deferred action, so it runs however the test ends.
 *
 * Locking and time. The wiphy mutex is taken inside each helper and never
 * held across a KUnit assertion (a failed one ends the test's thread).
 * cfg80211 runs wiphy works from rdev->wiphy_work on system_unbound_wq,
 * registered wiphy or not: a queued work runs as soon as the mutex is
 * free, and cfg80211_dev_free() (wiphy_free()) waits for that worker. To
 * keep the tests deterministic every helper ends, under the mutex, by
 * cancelling the stations' EAPOL retransmission timers: the tests run a
 * retransmission themselves (owe_fake_hs_timer()), the EAPOL queue is
 * flushed synchronously (wiphy_work_flush() on &owe_ap.eapol_work) and the
 * inactivity check is called directly (owe_fake_inactivity()). The only
 * works left to the clock are the expiry of unassociated stations (after
 * OWE_UNASSOC_TIMEOUT_S) and the ten-second inactivity check, which the
 * fake keeps harmless (stations are reported active unless a test says
 * otherwise).
 */
#ifndef _OWE_KUNIT_FAKE_BE_H
#define _OWE_KUNIT_FAKE_BE_H

#include <kunit/test.h>
#include <linux/ieee80211.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <net/cfg80211.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "crypto/dh_key.h"
#include "crypto/kdf.h"
#include "wire/rsne.h"

/* what the core asked for */
enum owe_fake_op {
	OWE_FAKE_ATTACH,
	OWE_FAKE_DETACH,
	OWE_FAKE_TX_MGMT,
	OWE_FAKE_TX_EAPOL,
	OWE_FAKE_ADD_STA,
	OWE_FAKE_DEL_STA,
	OWE_FAKE_AUTHORIZE,
	OWE_FAKE_SET_KEY,
	OWE_FAKE_DEL_KEY,
	OWE_FAKE_BEACON_TAIL,
	OWE_FAKE_NR_OPS,
};

/**
 * struct owe_fake_call - one recorded call
 * @list: entry in &owe_fake.calls, in call order
 * @op: the op
 * @addr: the station (add/del station, authorize, pairwise key), the DA
 *	of a frame; zero for group keys
 * @aid: add station: its AID
 * @capability: add station: its capability
 * @wme: add station: WMM
 * @mfp: add station: PMF
 * @authorized: authorize: open (true) or close
 * @idx: set/del key: key index
 * @cipher: set key: cipher suite
 * @key: set key: the key
 * @key_len: set key: octets of @key
 * @set_default: set key: made the default key
 * @skb: tx_mgmt: the frame itself; tx_eapol: a copy of the frame from
 *	its 802.1X header on; beacon tail: a copy of the tail
 */
struct owe_fake_call {
	struct list_head list;
	enum owe_fake_op op;
	u8 addr[ETH_ALEN];
	u16 aid;
	u16 capability;
	bool wme;
	bool mfp;
	bool authorized;
	u8 idx;
	u32 cipher;
	u8 key[32];
	u8 key_len;
	bool set_default;
	struct sk_buff *skb;
};

/**
 * struct owe_fake - a BSS served on the fake backend
 * @test: the test it belongs to
 * @wiphy: its radio, never registered
 * @dev: its interface, never registered
 * @wdev: the interface's wireless_dev (an AP, beaconing)
 * @ap: the core's BSS, %NULL before owe_fake_start() and once destroyed
 * @crypto: transforms for the tests' side (the station's crypto)
 * @lock: guards @calls and @n_calls (tx_mgmt may come from any context)
 * @calls: the recorded calls
 * @n_calls: calls recorded per op
 * @err: what each op returns (0 by default; attach and the key and
 *	station ops honour it)
 * @inactive_ms: what sta_inactive_ms reports for every station
 * @tail: the beacon tail the beacon op returns (set_beacon_tail sets it)
 * @tail_len: octets of @tail
 * @seq: Sequence Control of the next injected frame
 */
struct owe_fake {
	struct kunit *test;
	struct wiphy *wiphy;
	struct net_device *dev;
	struct wireless_dev wdev;
	struct owe_ap *ap;
	struct owe_crypto *crypto;
	spinlock_t lock; /* guards @calls and @n_calls */
	struct list_head calls;
	unsigned int n_calls[OWE_FAKE_NR_OPS];
	int err[OWE_FAKE_NR_OPS];
	u32 inactive_ms;
	u8 *tail;
	size_t tail_len;
	u16 seq;
};

extern const u8 owe_fake_bssid[ETH_ALEN];
#define OWE_FAKE_SSID	"kunit-owe"

/* the BSS */
struct owe_fake *owe_fake_new(struct kunit *test);
int owe_fake_start(struct owe_fake *f, const struct owe_ap_config *cfg);
struct owe_fake *owe_fake_open(struct kunit *test);
struct owe_fake *owe_fake_owe(struct kunit *test);
struct owe_fake *owe_fake_owe_nopmf(struct kunit *test);
void owe_fake_owe_cfg(struct owe_ap_config *cfg);
void owe_fake_stop(struct owe_fake *f, bool by_driver);
void owe_fake_lock(struct owe_fake *f);
void owe_fake_unlock(struct owe_fake *f);

/* records */
unsigned int owe_fake_count(struct owe_fake *f, enum owe_fake_op op);
const struct owe_fake_call *owe_fake_nth(struct owe_fake *f,
					 enum owe_fake_op op, unsigned int n);
const struct owe_fake_call *owe_fake_last(struct owe_fake *f,
					  enum owe_fake_op op);
const struct owe_fake_call *owe_fake_last_to(struct owe_fake *f,
					     enum owe_fake_op op,
					     const u8 *addr);
void owe_fake_clear(struct owe_fake *f);
u16 owe_fake_stype(const struct owe_fake_call *c);
u16 owe_fake_status(const struct owe_fake_call *c);
u16 owe_fake_reason(const struct owe_fake_call *c);
const u8 *owe_fake_resp_ies(const struct owe_fake_call *c, size_t *len);
long owe_fake_counter(struct owe_fake *f, enum owe_counter c);

/* frames in */
struct sk_buff *owe_fake_mgmt(struct owe_fake *f, u16 stype, const u8 *sa,
			      const u8 *da, const void *body, size_t len);
enum owe_be_rx owe_fake_rx(struct owe_fake *f, struct sk_buff *skb);
enum owe_be_rx owe_fake_rx_auth(struct owe_fake *f, const u8 *sa, u16 alg,
				u16 seq);
struct sk_buff *owe_fake_assoc_frame(struct owe_fake *f, const u8 *sa,
				     bool reassoc, const u8 *ies, size_t len);
enum owe_be_rx owe_fake_rx_assoc(struct owe_fake *f, const u8 *sa,
				 bool reassoc, const u8 *ies, size_t len);
enum owe_be_rx owe_fake_rx_leave(struct owe_fake *f, const u8 *sa,
				 u16 stype, u16 reason);
void owe_fake_rx_eapol(struct owe_fake *f, const u8 *sa, const u8 *frame,
		       size_t len);
void owe_fake_rx_spurious(struct owe_fake *f, const u8 *ta);

/* stations and time */
int owe_fake_sta_state(struct owe_fake *f, const u8 *addr);
int owe_fake_sta_aid(struct owe_fake *f, const u8 *addr);
int owe_fake_hs_state(struct owe_fake *f, const u8 *addr);
void owe_fake_hs_timer(struct owe_fake *f, const u8 *addr);
void owe_fake_inactivity(struct owe_fake *f);
void owe_fake_remove(struct owe_fake *f, const u8 *addr, u16 reason);
int owe_fake_rekey(struct owe_fake *f);
unsigned int owe_fake_pmksa_count(struct owe_fake *f, const u8 *addr);

/**
 * struct owe_fake_sta - the station side of an OWE association, played by
 *	a test
 * @addr: its address
 * @group: the DH group it offers
 * @key: its DH key pair
 * @ap_pub: the AP's public key from the association response
 * @pmk: the PMK (the station's derivation)
 * @pmkid: its PMKID
 * @rsne: the RSNE of its association request
 * @rsne_len: octets of @rsne
 * @anonce: from message 1
 * @snonce: its nonce
 * @ptk: its PTK
 * @replay: replay counter of the last EAPOL-Key frame from the AP
 * @m1_pmkid: message 1 carried a PMKID KDE with this PMKID
 * @has_m1_pmkid: @m1_pmkid is set
 * @gtk: the GTK of the last message 3 or group 1
 * @gtk_len: octets of @gtk
 * @gtk_idx: its key index
 * @status: status code of the last association response
 * @aid: AID of the last association response
 */
struct owe_fake_sta {
	u8 addr[ETH_ALEN];
	const struct owe_group *group;
	struct owe_dh_key key;
	u8 ap_pub[OWE_MAX_PRIME_LEN];
	u8 pmk[OWE_MAX_HASH_LEN];
	u8 pmkid[OWE_PMKID_LEN];
	u8 rsne[OWE_RSNE_MAX_LEN];
	u8 rsne_len;
	u8 anonce[OWE_NONCE_LEN];
	u8 snonce[OWE_NONCE_LEN];
	struct owe_ptk ptk;
	u64 replay;
	u8 m1_pmkid[OWE_PMKID_LEN];
	bool has_m1_pmkid;
	u8 gtk[32];
	u8 gtk_len;
	u8 gtk_idx;
	u16 status;
	u16 aid;
};

/* what the association request of owe_fake_sta_assoc() carries */
#define OWE_FAKE_ASSOC_NO_DH	BIT(0)	/* no DH Parameter element */
#define OWE_FAKE_ASSOC_PMKID	BIT(1)	/* the PMKID of @pmkid in the RSNE */
#define OWE_FAKE_ASSOC_REASSOC	BIT(2)	/* a Reassociation Request */
#define OWE_FAKE_ASSOC_NEW_KEY	BIT(3)	/* a fresh DH key pair first */

struct owe_fake_sta *owe_fake_sta_new(struct owe_fake *f, u8 last_octet,
				      u16 group);
size_t owe_fake_sta_ies(struct owe_fake *f, struct owe_fake_sta *s,
			unsigned int flags, u8 *buf, size_t size);
int owe_fake_sta_assoc(struct owe_fake *f, struct owe_fake_sta *s,
		       unsigned int flags);
int owe_fake_sta_m1(struct owe_fake *f, struct owe_fake_sta *s);
int owe_fake_sta_send(struct owe_fake *f, struct owe_fake_sta *s,
		      u16 key_info, u64 replay, const u8 *kd, size_t kd_len,
		      bool corrupt_mic);
int owe_fake_sta_m2(struct owe_fake *f, struct owe_fake_sta *s);
int owe_fake_sta_m3(struct owe_fake *f, struct owe_fake_sta *s);
int owe_fake_sta_m4(struct owe_fake *f, struct owe_fake_sta *s);
int owe_fake_sta_g1(struct owe_fake *f, struct owe_fake_sta *s);
int owe_fake_sta_g2(struct owe_fake *f, struct owe_fake_sta *s);
void owe_fake_sta_connect(struct owe_fake *f, struct owe_fake_sta *s);

#endif /* _OWE_KUNIT_FAKE_BE_H */
