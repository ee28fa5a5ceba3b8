/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DOC: backend
 *
 * The module's only door to the driver side. The core asks through
 * &struct owe_be_ops (send a frame, add a station, install a key, change
 * the beacon) and hears back through &struct owe_be_events (a management
 * frame, an EAPOL frame, a class-3 frame from a stranger, a station or a
 * beacon someone else changed, the AP stopped).
 * backend/mac80211.c implements the ops on the mac80211 AP-authenticator
 * hook of patches/mac80211/ and is the only code that includes the hook
 * header; backend/nl80211.c implements them as an nl80211 client, for
 * kernels without the hook; kunit/ has a fake that records what the core
 * asks for. backend/select.c picks one when a BSS starts.
 *
 * The backend knows no core type: every event carries the core's opaque
 * pointer (&owe_be.core).
 */
#ifndef _OWE_BACKEND_H
#define _OWE_BACKEND_H

#include <linux/if_ether.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/cfg80211.h>

struct owe_be;

/**
 * enum owe_be_rx - what the core did with a management frame in softirq
 * @OWE_BE_RX_CONTINUE: not the core's; the driver side goes on without it
 * @OWE_BE_RX_CONSUMED: handled (answered or dropped) and freed
 * @OWE_BE_RX_DEFER: hand it to &owe_be_events.rx_mgmt_deferred in process
 *	context, with the wiphy mutex held
 */
enum owe_be_rx {
	OWE_BE_RX_CONTINUE,
	OWE_BE_RX_CONSUMED,
	OWE_BE_RX_DEFER,
};

/**
 * struct owe_be_events - what the driver side reports to the core
 * @rx_mgmt: a management frame of a subtype the MLME handles (softirq,
 *	RCU read side; must not sleep). The frame is linear and at least a
 *	management header long.
 * @rx_mgmt_deferred: a frame @rx_mgmt deferred (wiphy mutex held); the
 *	backend frees it afterwards
 * @rx_spurious: a data or PS-Poll frame from a transmitter that is no
 *	associated station (softirq)
 * @rx_eapol: an EAPOL frame from a station, from its 802.1X header on,
 *	with the Ethernet header at skb_mac_header() (softirq); the core owns
 *	and frees @skb. It comes from the driver side, before the interface's
 *	receive path, so a bridge over the interface does not take it.
 * @sta_removed: someone else removed the station @addr (%NULL: every
 *	station) from the driver (wiphy mutex held)
 * @beacon_changed: someone else replaced the beacon; the module's own
 *	changes (@set_beacon_tail) are not reported (wiphy mutex held)
 * @stopped: the AP stopped or its interface went down (wiphy mutex held);
 *	the backend is detached already and reports nothing more
 */
struct owe_be_events {
	enum owe_be_rx (*rx_mgmt)(void *core, struct sk_buff *skb);
	void (*rx_mgmt_deferred)(void *core, struct sk_buff *skb);
	void (*rx_spurious)(void *core, const u8 *ta);
	void (*rx_eapol)(void *core, struct sk_buff *skb);
	void (*sta_removed)(void *core, const u8 *addr);
	void (*beacon_changed)(void *core);
	void (*stopped)(void *core);
};

/**
 * struct owe_be_sta - a station to add, from its (re)association request
 * @addr: its address
 * @params: what the driver gets, as nl80211 would pass it (core/capab.c
 *	fills it in); its pointers point into the request and @rates
 * @rates: the station's supported rates, for @params
 */
struct owe_be_sta {
	const u8 *addr;
	struct station_parameters params;
	u8 rates[NL80211_MAX_SUPP_RATES];
};

/**
 * struct owe_be_ops - the driver side of one BSS
 * @name: what `owectl ap show` calls it
 * @attach: take over the BSS's management and EAPOL frames; the interface
 *	runs an AP. Errors carry a message in @extack.
 * @detach: stop reporting events; when it returns no event runs any more
 * @beacon: a copy of the beacon with the TIM's offset and length
 * @alloc_mgmt: an skb for a management frame of @len octets (any context)
 * @tx_mgmt: send a management frame from @alloc_mgmt (any context);
 *	consumes @skb
 * @tx_eapol: send an EAPOL frame to @da through the unauthorized port
 * @add_sta: add an associated station
 * @del_sta: remove a station (no frame is sent)
 * @set_authorized: open or close a station's port
 * @sta_inactive_ms: milliseconds since a station was last heard
 * @set_key: install a pairwise (@addr set) or group key, as
 *	NL80211_CMD_NEW_KEY; @set_default makes a group key the default
 *	multicast (or management) key
 * @del_key: remove a key
 * @get_tx_pn: the transmit packet number of a group key
 * @set_beacon_tail: replace the elements after the beacon's TIM
 *
 * Every op but @alloc_mgmt and @tx_mgmt runs with the wiphy mutex held.
 */
struct owe_be_ops {
	const char *name;
	int (*attach)(struct owe_be *be, struct netlink_ext_ack *extack);
	void (*detach)(struct owe_be *be);
	struct sk_buff *(*beacon)(struct owe_be *be, unsigned int *tim_offset,
				  unsigned int *tim_len);
	struct sk_buff *(*alloc_mgmt)(struct owe_be *be, unsigned int len);
	int (*tx_mgmt)(struct owe_be *be, struct sk_buff *skb);
	int (*tx_eapol)(struct owe_be *be, const u8 *da, const u8 *frame,
			size_t len);
	int (*add_sta)(struct owe_be *be, const struct owe_be_sta *sta);
	int (*del_sta)(struct owe_be *be, const u8 *addr);
	int (*set_authorized)(struct owe_be *be, const u8 *addr,
			      bool authorized);
	int (*sta_inactive_ms)(struct owe_be *be, const u8 *addr, u32 *ms);
	int (*set_key)(struct owe_be *be, const u8 *addr,
		       const struct key_params *key, u8 idx, bool set_default);
	int (*del_key)(struct owe_be *be, const u8 *addr, u8 idx);
	int (*get_tx_pn)(struct owe_be *be, u8 idx, u64 *pn);
	int (*set_beacon_tail)(struct owe_be *be, const u8 *tail, size_t len);
};

/**
 * struct owe_be - the driver side of one BSS, embedded in the core's BSS
 * @ops: the implementation
 * @events: the core's callbacks
 * @core: passed to every event
 * @dev: the AP interface
 * @wiphy: its radio
 * @bssid: the BSS's address
 * @priv: the implementation's state, set by @ops->attach (mac80211: the
 *	hook's registration)
 */
struct owe_be {
	const struct owe_be_ops *ops;
	const struct owe_be_events *events;
	void *core;
	struct net_device *dev;
	struct wiphy *wiphy;
	u8 bssid[ETH_ALEN];
	void *priv;
};

extern const struct owe_be_ops owe_be_nl80211_ops;
#ifdef OWE_HAVE_HOOK
extern const struct owe_be_ops owe_be_mac80211_ops;
bool owe_be_mac80211_present(void);
#else
static inline bool owe_be_mac80211_present(void)
{
	return false;
}
#endif

int owe_be_init(void);
void owe_be_exit(void);
void owe_be_set_detached_notify(void (*notify)(struct net *net, int ifindex));
void owe_be_detached(struct net *net, int ifindex);
void owe_be_nl80211_flush(void);
const struct owe_be_ops *owe_be_select(struct netlink_ext_ack *extack);
int owe_be_nl80211_init(void);
void owe_be_nl80211_exit(void);

static inline int owe_be_attach(struct owe_be *be,
				struct netlink_ext_ack *extack)
{
	return be->ops->attach(be, extack);
}

static inline void owe_be_detach(struct owe_be *be)
{
	be->ops->detach(be);
}

static inline struct sk_buff *owe_be_beacon(struct owe_be *be,
					    unsigned int *tim_offset,
					    unsigned int *tim_len)
{
	return be->ops->beacon(be, tim_offset, tim_len);
}

static inline struct sk_buff *owe_be_alloc_mgmt(struct owe_be *be,
						unsigned int len)
{
	return be->ops->alloc_mgmt(be, len);
}

static inline int owe_be_tx_mgmt(struct owe_be *be, struct sk_buff *skb)
{
	return be->ops->tx_mgmt(be, skb);
}

static inline int owe_be_tx_eapol(struct owe_be *be, const u8 *da,
				  const u8 *frame, size_t len)
{
	return be->ops->tx_eapol(be, da, frame, len);
}

static inline int owe_be_add_sta(struct owe_be *be,
				 const struct owe_be_sta *sta)
{
	return be->ops->add_sta(be, sta);
}

static inline int owe_be_del_sta(struct owe_be *be, const u8 *addr)
{
	return be->ops->del_sta(be, addr);
}

static inline int owe_be_set_authorized(struct owe_be *be, const u8 *addr,
					bool authorized)
{
	return be->ops->set_authorized(be, addr, authorized);
}

static inline int owe_be_sta_inactive_ms(struct owe_be *be, const u8 *addr,
					 u32 *ms)
{
	return be->ops->sta_inactive_ms(be, addr, ms);
}

/**
 * owe_be_set_key - install a key
 * @be: the BSS's backend
 * @addr: the station for a pairwise key, %NULL for a group key
 * @cipher: cipher suite selector
 * @idx: key index (0 pairwise, 1..3 group, 4..5 integrity group)
 * @key: the key
 * @key_len: octets of @key
 * @set_default: make a group key the default multicast (or management) key
 *
 * Return: 0 or a negative error.
 */
static inline int owe_be_set_key(struct owe_be *be, const u8 *addr,
				 u32 cipher, u8 idx, const u8 *key,
				 u8 key_len, bool set_default)
{
	struct key_params p = {
		.key = key,
		.key_len = key_len,
		.cipher = cipher,
		.mode = NL80211_KEY_RX_TX,
	};

	return be->ops->set_key(be, addr, &p, idx, set_default);
}

static inline int owe_be_del_key(struct owe_be *be, const u8 *addr, u8 idx)
{
	return be->ops->del_key(be, addr, idx);
}

static inline int owe_be_get_tx_pn(struct owe_be *be, u8 idx, u64 *pn)
{
	return be->ops->get_tx_pn(be, idx, pn);
}

static inline int owe_be_set_beacon_tail(struct owe_be *be, const u8 *tail,
					 size_t len)
{
	return be->ops->set_beacon_tail(be, tail, len);
}

#endif /* _OWE_BACKEND_H */
