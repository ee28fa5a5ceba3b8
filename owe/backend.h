/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's only door into mac80211. Everything the MLME asks of the
 * driver side goes through these functions; backend.c implements them on
 * the mac80211 AP-authenticator hook (patches/mac80211/). A backend for an
 * unpatched kernel would implement the same functions another way.
 */
#ifndef _OWE_BACKEND_H
#define _OWE_BACKEND_H

#include <linux/skbuff.h>
#include <linux/types.h>

struct owe_ap;

/**
 * struct owe_be_sta - a station to add, from its (re)association request
 * @addr: its address
 * @aid: association ID
 * @capability: Capability Information of the request
 * @listen_interval: Listen Interval of the request
 * @ies: the request's elements
 * @ies_len: length of @ies
 * @wme: the station uses WMM
 * @mfp: management frame protection was negotiated
 */
struct owe_be_sta {
	const u8 *addr;
	u16 aid;
	u16 capability;
	u16 listen_interval;
	const u8 *ies;
	size_t ies_len;
	bool wme;
	bool mfp;
};

int owe_be_attach(struct owe_ap *ap);
void owe_be_detach(struct owe_ap *ap);
struct sk_buff *owe_be_beacon(struct owe_ap *ap, unsigned int *tim_offset,
			      unsigned int *tim_len);
struct sk_buff *owe_be_alloc_mgmt(struct owe_ap *ap, unsigned int len);
int owe_be_tx_mgmt(struct owe_ap *ap, struct sk_buff *skb, bool need_ack);
int owe_be_add_sta(struct owe_ap *ap, const struct owe_be_sta *sta);
int owe_be_del_sta(struct owe_ap *ap, const u8 *addr);
int owe_be_set_authorized(struct owe_ap *ap, const u8 *addr, bool authorized);
int owe_be_sta_inactive_ms(struct owe_ap *ap, const u8 *addr, u32 *ms);
int owe_be_set_key(struct owe_ap *ap, const u8 *addr, u32 cipher, u8 idx,
		   const u8 *key, u8 key_len, bool set_default);
int owe_be_del_key(struct owe_ap *ap, const u8 *addr, u8 idx);
int owe_be_get_tx_pn(struct owe_ap *ap, u8 idx, u64 *pn);
int owe_be_set_beacon_tail(struct owe_ap *ap, const u8 *tail, size_t len);

#endif /* _OWE_BACKEND_H */
