/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owe-ap core types: one struct owe_ap per BSS the module serves, one
 * struct owe_sta per station of that BSS.
 *
 * Locking, in the order the locks nest:
 * - the wiphy mutex of the BSS's radio guards every change to a BSS and to
 *   its stations (MLME work, genl handlers and mac80211's callbacks all run
 *   under it);
 * - owe_aps_lock (ap.c) guards only the global list of BSSes.
 * Softirq readers (probe requests, class-3 frames) reach a BSS through the
 * mac80211 hook's private pointer and its stations through RCU.
 *
 * A netdev reference, held by every BSS and by every genl request, keeps
 * the radio (and so its wiphy mutex) alive: cfg80211 cannot unregister a
 * wiphy before its interfaces' last references are gone.
 */
#ifndef _OWE_OWE_H
#define _OWE_OWE_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/in6.h>
#include <linux/llist.h>
#include <linux/if_ether.h>
#include <linux/ieee80211.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/ratelimit.h>
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <net/cfg80211.h>
#include <uapi/linux/owe.h>

#include "dh.h"
#include "kdf.h"
#include "rsne.h"

#define OWE_STA_HASH_BITS	4
#define OWE_STA_HISTORY_LEN	16
#define OWE_STA_DETAIL_LEN	48
#define OWE_MAX_STATIONS	IEEE80211_MAX_AID
/* seconds without a frame from a station before it is disassociated */
#define OWE_INACTIVITY_LIMIT_S	300
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
 * @vif: mac80211's view of @dev, for the backend
 * @cfg: configuration from ap-start
 * @bssid: the BSS's address
 * @ssid: the SSID (also when the beacon hides it)
 * @ssid_len: length of @ssid
 * @capability: Capability Information the BSS advertises
 * @wmm: the BSS beacons a WMM Parameter element
 * @resp_ies: elements every successful (Re)Association Response carries
 *	(rates, HT/VHT, extended capabilities), copied from the beacon
 * @resp_ies_len: length of @resp_ies
 * @wmm_ie: the BSS's WMM Parameter element, for WMM stations
 * @wmm_ie_len: length of @wmm_ie
 * @probe_tmpl: the probe response template, read in softirq
 * @sta_hash: stations by address; RCU readers, writers hold the wiphy mutex
 * @sta_count: number of entries in @sta_hash
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
 * @ip_pt: taps for ARP, IPv4 and IPv6 from stations (IP learning)
 * @ip_seen: addresses the taps saw, for @ip_work
 * @ip_work: moves stations whose address was seen to RUN
 * @debugfs: the BSS's debugfs directory
 * @rx_ns: softirq hook time of the last association requests (debugfs.c)
 * @rx_ns_next: samples recorded so far
 * @partner_ifindex: the running transition partner on this host, 0 if none
 * @trans_work: rebuilds the beacon when the transition partner changes
 * @gtk: the group temporal key (secret)
 * @gtk_len: octets of @gtk
 * @gtk_idx: key index of @gtk (1 or 2)
 * @igtk: the integrity group key when PMF is enabled (secret)
 * @gtk_next: the GTK a running rekey hands out (secret)
 * @rekey_pending: stations that have not confirmed @gtk_next yet
 * @rekeying: a group key handshake is running
 * @rekey_work: periodic rekey (gtk-rekey option)
 * @pmksa: cached PMKSAs, under the wiphy mutex
 * @pmksa_count: entries in @pmksa
 * @eapol_pt: receives EAPOL frames on @dev (softirq)
 * @eapol_rx: EAPOL frames waiting for @eapol_work
 * @eapol_work: handles @eapol_rx under the wiphy mutex
 */
struct owe_ap {
	struct list_head list;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct wiphy *wiphy;
	struct ieee80211_vif *vif;
	struct owe_ap_config cfg;
	u8 bssid[ETH_ALEN];
	u8 ssid[IEEE80211_MAX_SSID_LEN];
	u8 ssid_len;
	u16 capability;
	bool wmm;
	u8 resp_ies[256];
	unsigned int resp_ies_len;
	u8 wmm_ie[2 + 24];
	unsigned int wmm_ie_len;
	struct owe_probe_tmpl __rcu *probe_tmpl;
	struct hlist_head sta_hash[1 << OWE_STA_HASH_BITS];
	unsigned int sta_count;
	unsigned long aid_map[BITS_TO_LONGS(IEEE80211_MAX_AID + 1)];
	struct wiphy_delayed_work inactivity_work;
	atomic_long_t counters[OWE_CNT_MAX];
	struct ratelimit_state rs;
	struct owe_crypto *crypto;
	u8 rsne[OWE_RSNE_MAX_LEN];
	u8 rsne_len;
	u8 *orig_tail;
	size_t orig_tail_len;
	struct packet_type ip_pt[3];
	struct llist_head ip_seen;
	struct wiphy_work ip_work;
	struct dentry *debugfs;
	u32 rx_ns[OWE_RX_NS_SAMPLES];
	atomic_t rx_ns_next;
	int partner_ifindex;
	struct wiphy_work trans_work;
	u8 gtk[OWE_MAX_TK_LEN];
	u8 gtk_len;
	u8 gtk_idx;
	u8 igtk[16];
	u8 gtk_next[OWE_MAX_TK_LEN];
	unsigned int rekey_pending;
	bool rekeying;
	struct wiphy_delayed_work rekey_work;
	struct list_head pmksa;
	unsigned int pmksa_count;
	struct packet_type eapol_pt;
	struct sk_buff_head eapol_rx;
	struct wiphy_work eapol_work;
};

/* where a station is in the 4-way handshake */
enum owe_wpa_state {
	OWE_WPA_IDLE,
	OWE_WPA_PTKSTART,
	OWE_WPA_PTKINITNEGOTIATING,
	OWE_WPA_PTKINITDONE,
	OWE_WPA_REKEYNEGOTIATING,
};

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
 * struct owe_sta - a station of a BSS
 * @node: entry in the BSS's @sta_hash
 * @rcu: deferred free
 * @ref: references; the hash table holds one
 * @ap: the BSS
 * @addr: the station's address
 * @aid: association ID, 0 when not associated
 * @capability: Capability Information of its last (re)association request
 * @listen_interval: Listen Interval of its last (re)association request
 * @in_driver: the station exists in mac80211 (and the driver)
 * @wme: the station uses WMM
 * @state: current state
 * @assoc_time_ns: when it last associated, CLOCK_BOOTTIME
 * @del_reason: reason code of its last deauthentication or disassociation
 * @hist: state trace, a ring of the last %OWE_STA_HISTORY_LEN transitions
 * @hist_next: next slot of @hist to write
 * @hist_len: valid entries in @hist
 * @group: DH group of its PMK (OWE)
 * @mfp: management frame protection negotiated
 * @pmksa_cached: its last association used a cached PMKSA
 * @ap_key: the AP's DH key pair for this station (secret), kept so a
 *	retransmitted association request gets the same answer
 * @client_x: the station's DH public key from its last request
 * @pmk: pairwise master key (secret)
 * @pmkid: its PMKID
 * @assoc_rsne: the RSNE of its (re)association request, compared with
 *	the one in EAPOL message 2
 * @assoc_rsne_len: length of @assoc_rsne
 * @ptk: the pairwise transient key (secret)
 * @anonce: the AP's nonce of the running handshake
 * @replay: replay counter of the last EAPOL-Key frame sent
 * @wpa_state: 4-way handshake state
 * @eapol_tries: transmissions of the current handshake message
 * @eapol_timer: retransmits EAPOL messages 1 and 3
 * @flags: %OWE_STA_IP_QUEUED
 * @ipv4: its IPv4 address once learned
 * @ipv6: its IPv6 address once learned
 */
struct owe_sta {
	struct hlist_node node;
	struct rcu_head rcu;
	struct kref ref;
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
	const struct owe_group *group;
	bool mfp;
	bool pmksa_cached;
	struct owe_dh_key ap_key;
	u8 client_x[OWE_MAX_PRIME_LEN];
	u8 pmk[OWE_MAX_HASH_LEN];
	u8 pmkid[OWE_PMKID_LEN];
	u8 assoc_rsne[2 + 255];
	u8 assoc_rsne_len;
	struct owe_ptk ptk;
	u8 anonce[OWE_NONCE_LEN];
	u64 replay;
	enum owe_wpa_state wpa_state;
	u8 eapol_tries;
	struct wiphy_delayed_work eapol_timer;
	unsigned long flags;
	__be32 ipv4;
	struct in6_addr ipv6;
};

/* an address seen from the station waits for the IP learning work */
#define OWE_STA_IP_QUEUED	0

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

static inline void owe_count(struct owe_ap *ap, enum owe_counter c)
{
	atomic_long_inc(&ap->counters[c]);
}

/* ap.c */
int owe_ap_create(struct net_device *dev, const struct owe_ap_config *cfg,
		  struct netlink_ext_ack *extack);
void owe_ap_destroy(struct owe_ap *ap, bool by_mac80211);
struct owe_ap *owe_ap_find(const struct net_device *dev);
int owe_ap_config_check(const struct owe_ap_config *cfg, const u32 *akms,
			unsigned int n_akms, bool ft,
			struct netlink_ext_ack *extack);
int owe_ap_for_each(int (*fn)(struct owe_ap *ap, void *arg), void *arg,
		    unsigned long skip);
void owe_ap_exit(void);

/* sta.c */
struct owe_sta *owe_sta_find(struct owe_ap *ap, const u8 *addr);
struct owe_sta *owe_sta_find_rcu(struct owe_ap *ap, const u8 *addr);
struct owe_sta *owe_sta_create(struct owe_ap *ap, const u8 *addr);
void owe_sta_remove(struct owe_sta *sta);
void owe_sta_put(struct owe_sta *sta);
void owe_sta_set_state(struct owe_sta *sta, enum owe_sta_state state,
		       const char *fmt, ...) __printf(3, 4);
int owe_sta_alloc_aid(struct owe_sta *sta);
void owe_sta_free_aid(struct owe_sta *sta);

#define owe_for_each_sta(ap, bkt, sta)					\
	hash_for_each((ap)->sta_hash, bkt, sta, node)
#define owe_for_each_sta_safe(ap, bkt, tmp, sta)				\
	hash_for_each_safe((ap)->sta_hash, bkt, tmp, sta, node)

/* mlme.c */
enum owe_rx_verdict {
	OWE_RX_CONTINUE,
	OWE_RX_CONSUMED,
	OWE_RX_DEFER,
};

bool owe_mlme_peer_addr_ok(struct owe_ap *ap, const u8 *addr);
enum owe_rx_verdict owe_mlme_rx(struct owe_ap *ap, struct sk_buff *skb);
void owe_mlme_rx_deferred(struct owe_ap *ap, struct sk_buff *skb);
void owe_mlme_rx_spurious(struct owe_ap *ap, const u8 *ta);
void owe_mlme_tx_status(struct owe_ap *ap, struct sk_buff *skb, bool acked);
int owe_mlme_build_templates(struct owe_ap *ap);
void owe_mlme_remove_sta(struct owe_sta *sta, u16 reason, bool send,
			 const char *why);
void owe_mlme_deauth_all(struct owe_ap *ap, u16 reason);
void owe_mlme_inactivity(struct wiphy *wiphy, struct wiphy_work *work);

/* rsn.c */
int owe_rsn_start(struct owe_ap *ap, struct netlink_ext_ack *extack);
void owe_rsn_stop(struct owe_ap *ap, bool by_mac80211);
u16 owe_rsn_check(struct owe_ap *ap, const u8 *ies, size_t len,
		  bool *need_pmksa);
u16 owe_rsn_assoc(struct owe_sta *sta, const u8 *ies, size_t len,
		  u8 *resp, size_t *resp_len);
void owe_rsn_sta_clear(struct owe_sta *sta);
int owe_rsn_rekey(struct owe_ap *ap);
void owe_rsn_rekey_sta_done(struct owe_ap *ap);

/* pmksa.c */
struct owe_pmksa *owe_pmksa_find(struct owe_ap *ap, const u8 *addr,
				 const u8 *pmkid);
void owe_pmksa_add(struct owe_ap *ap, const u8 *addr,
		   const struct owe_group *group, const u8 *pmk,
		   const u8 *pmkid);
void owe_pmksa_flush(struct owe_ap *ap);

/* eapol.c */
int owe_eapol_start(struct owe_ap *ap);
void owe_eapol_stop(struct owe_ap *ap);
int owe_eapol_send(struct owe_sta *sta, const u8 *frame, size_t len);

/* iplearn.c */
void owe_ip_start(struct owe_ap *ap);
void owe_ip_stop(struct owe_ap *ap);

/* wpa.c */
void owe_wpa_start(struct owe_sta *sta);
void owe_wpa_rx(struct owe_sta *sta, const u8 *frame, size_t len);
void owe_wpa_timer(struct wiphy *wiphy, struct wiphy_work *work);
void owe_wpa_rekey(struct owe_sta *sta);

/* debugfs.c */
void owe_debugfs_rx_sample(struct owe_ap *ap, u64 ns);
void owe_debugfs_ap_add(struct owe_ap *ap);
void owe_debugfs_ap_del(struct owe_ap *ap);
void owe_debugfs_init(void);
void owe_debugfs_exit(void);

/* netlink.c */
void owe_nl_notify_sta(struct owe_sta *sta);
int owe_nl_init(void);
void owe_nl_exit(void);

#endif /* _OWE_OWE_H */
