/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DOC: core
 *
 * One &struct owe_ap per BSS the module serves; its stations
 * (&struct owe_sta, core/sta.h) hang off it.
 *
 * Locking, in the order the locks nest:
 * - the wiphy mutex of the BSS's radio guards every change to a BSS and to
 *   its stations (MLME work, genl handlers and the backend's callbacks all
 *   run under it; functions assert it with lockdep_assert_wiphy());
 * - owe_aps_lock (ap.c) guards only the global list of BSSes.
 *
 * Softirq readers (probe requests, the checks of association requests,
 * class-3 frames, EAPOL and IP taps) reach a BSS through the backend's
 * private pointer and its stations through RCU.
 *
 * A netdev reference, held by every BSS and by every genl request, keeps
 * the radio (and so its wiphy mutex) alive: cfg80211 cannot unregister a
 * wiphy before its interfaces' last references are gone.
 */
#ifndef _OWE_CORE_AP_H
#define _OWE_CORE_AP_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/ieee80211.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/netdevice.h>
#include <linux/ratelimit.h>
#include <linux/skbuff.h>
#include <net/cfg80211.h>
#include <uapi/linux/owe.h>

#include "backend/backend.h"
#include "core/capab.h"
#include "core/dhq.h"
#include "core/gtk.h"
#include "core/sta.h"
#include "crypto/tfm.h"
#include "wire/rsne.h"

/* association requests whose softirq hook time debugfs keeps */
#define OWE_RX_NS_SAMPLES	256

enum owe_counter {
	OWE_CNT_RX_PROBE,
	OWE_CNT_RX_AUTH,
	OWE_CNT_RX_ASSOC,
	OWE_CNT_RX_DISASSOC,
	OWE_CNT_RX_DEAUTH,
	OWE_CNT_RX_EAPOL,
	OWE_CNT_RX_MALFORMED,
	OWE_CNT_TX_PROBE_RESP,
	OWE_CNT_TX_AUTH,
	OWE_CNT_TX_ASSOC_RESP,
	OWE_CNT_TX_ASSOC_REJECT,
	OWE_CNT_TX_DEAUTH,
	OWE_CNT_TX_DISASSOC,
	OWE_CNT_TX_EAPOL,
	OWE_CNT_EAPOL_MIC_FAILURE,
	OWE_CNT_HANDSHAKE_TIMEOUT,
	OWE_CNT_PMKSA_HIT,
	OWE_CNT_RX_DROP_GROUP_SRC,
	OWE_CNT_RX_DROP_ZERO_SRC,
	OWE_CNT_RX_DROP_OWN_SRC,
	OWE_CNT_RX_DROP_NOT_TO_BSS,
	OWE_CNT_RX_DUP,
	OWE_CNT_STA_EXPIRED,
	OWE_CNT_STA_EVICTED,
	OWE_CNT_RX_DROP_BUSY,
	OWE_CNT_ASSOC_REPEAT,
	OWE_CNT_DH_BUSY,
	OWE_CNT_DH_INLINE,
	OWE_CNT_STA_EVICTED_PENDING,
	OWE_CNT_MAX,
};

/**
 * struct owe_ap_config - what ap-start asked for
 * @security: open or OWE
 * @hidden: the BSS beacons a zero-length SSID
 * @groups: accepted DH groups, BIT(group)
 * @pmf: management frame protection policy
 * @cipher: pairwise and group cipher suite
 * @gtk_rekey: GTK rekey interval in seconds, 0 for none
 * @pmksa_lifetime: PMKSA lifetime in seconds
 * @ptk_workaround: for groups 20 and 21, accept message 2 of a station that
 *	derived the PTK with SHA-256 (as stations before IEEE 802.11-2020 did)
 * @transition_ifindex: transition partner on this host, 0 for none
 * @transition_bssid: explicit transition partner BSSID
 * @transition_ssid: explicit transition partner SSID
 * @transition_ssid_len: length of @transition_ssid, 0 for none
 * @transition_op_class: operating class of the partner, 0 for none
 * @transition_channel: channel of the partner
 */
struct owe_ap_config {
	enum owe_security security;
	bool hidden;
	u32 groups;
	enum owe_pmf pmf;
	u32 cipher;
	u32 gtk_rekey;
	u32 pmksa_lifetime;
	bool ptk_workaround;
	int transition_ifindex;
	u8 transition_bssid[ETH_ALEN];
	u8 transition_ssid[IEEE80211_MAX_SSID_LEN];
	u8 transition_ssid_len;
	u8 transition_op_class;
	u8 transition_channel;
};

/**
 * struct owe_probe_tmpl - probe response template, RCU-managed
 * @rcu: frees the template after the last softirq reader
 * @len: length of @frame
 * @frame: a whole Probe Response frame; DA is filled in per request
 */
struct owe_probe_tmpl {
	struct rcu_head rcu;
	unsigned int len;
	u8 frame[];
};

/**
 * struct owe_ap - one BSS served by the module
 * @list: entry in the global list, under owe_aps_lock
 * @dev: the AP interface, held (@dev_tracker) until the BSS is destroyed
 * @dev_tracker: tracker of the reference on @dev
 * @wiphy: the radio; its mutex guards everything below that changes
 * @be: the driver side
 * @stopping: the BSS is being destroyed: events from @be are ignored
 * @cfg: configuration from ap-start
 * @bssid: the BSS's address
 * @ssid: the SSID (also when the beacon hides it)
 * @ssid_len: length of @ssid
 * @op_class: global operating class of the BSS's channel, 0 if unknown
 * @channel: the BSS's channel number
 * @capability: Capability Information the BSS advertises
 * @capab: what else the beacon advertises, for stations' capabilities
 * @resp_ies: elements every successful (Re)Association Response carries
 *	(rates, HT/VHT, extended capabilities), copied from the beacon
 * @resp_ies_len: length of @resp_ies
 * @wmm_ie: the BSS's WMM Parameter element, for WMM stations
 * @wmm_ie_len: length of @wmm_ie
 * @probe_tmpl: the probe response template, read in softirq
 * @sta_hash: stations by address; RCU readers, writers hold the wiphy mutex
 * @sta_count: number of entries in @sta_hash
 * @unassoc: stations not associated, oldest first (&owe_sta.unassoc)
 * @unassoc_count: entries in @unassoc, at most %OWE_MAX_UNASSOC
 * @pending: stations associated to the OWE BSS whose 4-way handshake has
 *	not completed, oldest first (&owe_sta.pending)
 * @pending_count: entries in @pending, at most %OWE_MAX_PENDING
 * @expire_work: ends the stations that stayed unassociated too long
 * @deferred: frames handed to process context and not handled yet
 * @aid_map: allocated association IDs
 * @inactivity_work: periodic check for silent stations
 * @counters: frame and event counters
 * @rs: rate limit of debug messages about malformed frames
 * @crypto: transforms of an OWE BSS, allocated once when it starts
 * @rsne: the RSNE the BSS advertises, built once; beacons, probe and
 *	association responses and EAPOL message 3 all carry these octets
 * @rsne_len: length of @rsne (0 for an open BSS)
 * @orig_tail: the beacon tail as owectl set it, before the module's elements
 * @orig_tail_len: length of @orig_tail
 * @ip_pt: tap on the interface, both ways (IP learning, DHCP snooping)
 * @ip_learning: stations in IP_LEARN; @ip_pt sees sent frames only then
 * @ip_seen: addresses the taps saw, for @ip_work
 * @ip_work: moves stations whose address was seen to RUN
 * @debugfs: the BSS's debugfs directory
 * @rx_ns: softirq hook time of the last association requests (debugfs.c)
 * @rx_ns_next: samples recorded so far
 * @partner_ifindex: the running transition partner on this host, 0 if none
 * @trans_op_class: operating class the transition element carries, 0 for
 *	none (the configured one, or the partner's when it runs elsewhere)
 * @trans_channel: channel the transition element carries
 * @trans_work: rebuilds the beacon when the transition partner changes
 * @gtk: the group keys
 * @pmksa: cached PMKSAs, under the wiphy mutex
 * @pmksa_count: entries in @pmksa
 * @eapol_rx: EAPOL frames waiting for @eapol_work
 * @eapol_work: hands @eapol_rx to the handshakes under the wiphy mutex
 * @dhq: the DH steps of associations, worked off without the wiphy mutex
 * @locked_max_ns: the longest the module held the wiphy mutex in one go
 *	for a deferred frame or a batch of DH completions (debugfs.c)
 */
struct owe_ap {
	struct list_head list;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct wiphy *wiphy;
	struct owe_be be;
	bool stopping;
	struct owe_ap_config cfg;
	u8 bssid[ETH_ALEN];
	u8 ssid[IEEE80211_MAX_SSID_LEN];
	u8 ssid_len;
	u8 op_class;
	u8 channel;
	u16 capability;
	struct owe_capab_bss capab;
	u8 resp_ies[256];
	unsigned int resp_ies_len;
	u8 wmm_ie[2 + 24];
	unsigned int wmm_ie_len;
	struct owe_probe_tmpl __rcu *probe_tmpl;
	struct hlist_head sta_hash[1 << OWE_STA_HASH_BITS];
	unsigned int sta_count;
	struct list_head unassoc;
	unsigned int unassoc_count;
	struct list_head pending;
	unsigned int pending_count;
	struct wiphy_delayed_work expire_work;
	atomic_t deferred;
	unsigned long aid_map[BITS_TO_LONGS(IEEE80211_MAX_AID + 1)];
	struct wiphy_delayed_work inactivity_work;
	atomic_long_t counters[OWE_CNT_MAX];
	struct ratelimit_state rs;
	struct owe_crypto *crypto;
	u8 rsne[OWE_RSNE_MAX_LEN];
	u8 rsne_len;
	u8 *orig_tail;
	size_t orig_tail_len;
	struct packet_type ip_pt;
	unsigned int ip_learning;
	struct llist_head ip_seen;
	struct wiphy_work ip_work;
	struct dentry *debugfs;
	u32 rx_ns[OWE_RX_NS_SAMPLES];
	atomic_t rx_ns_next;
	int partner_ifindex;
	u8 trans_op_class;
	u8 trans_channel;
	struct wiphy_work trans_work;
	struct owe_gtk gtk;
	struct list_head pmksa;
	unsigned int pmksa_count;
	struct sk_buff_head eapol_rx;
	struct wiphy_work eapol_work;
	struct owe_dhq dhq;
	u64 locked_max_ns;
};

static inline void owe_count(struct owe_ap *ap, enum owe_counter c)
{
	atomic_long_inc(&ap->counters[c]);
}

static inline bool owe_ap_is_owe(const struct owe_ap *ap)
{
	return ap->cfg.security == OWE_SECURITY_OWE;
}

int owe_ap_create(struct net_device *dev, const struct owe_ap_config *cfg,
		  const struct owe_be_ops *be_ops,
		  struct netlink_ext_ack *extack);
void owe_ap_destroy(struct owe_ap *ap, bool by_driver);
struct owe_ap *owe_ap_find(const struct net_device *dev);
int owe_ap_config_check(const struct owe_ap_config *cfg, const u32 *akms,
			unsigned int n_akms, bool ft,
			struct netlink_ext_ack *extack);
int owe_ap_band_check(const struct owe_ap_config *cfg, enum nl80211_band band,
		      struct netlink_ext_ack *extack);
int owe_ap_for_each(int (*fn)(struct owe_ap *ap, void *arg), void *arg,
		    unsigned long skip);
void owe_ap_exit(void);

#endif /* _OWE_CORE_AP_H */
