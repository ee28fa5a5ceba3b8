// SPDX-License-Identifier: GPL-2.0
/*
 * EAPOL frames between the backend and the handshakes. The backend hands
 * them over in softirq; they wait in a bounded queue for the BSS's wiphy
 * work, which feeds the handshakes under the wiphy mutex.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>

#include "core/ap.h"
#include "core/eapol.h"
#include "core/handshake.h"
#include "core/mlme.h"
#include "core/sta.h"

/* frames waiting for the work; more are dropped */
#define OWE_EAPOL_QUEUE_MAX	64
/* the longest EAPOL-Key frame the handshake takes */
#define OWE_EAPOL_MAX_LEN	1024

static void owe_eapol_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, eapol_work);
	struct owe_sta *sta;
	struct sk_buff *skb;

	lockdep_assert_wiphy(wiphy);
	while ((skb = skb_dequeue(&ap->eapol_rx))) {
		sta = owe_sta_find(ap, eth_hdr(skb)->h_source);
		if (sta && sta->in_driver)
			owe_hs_rx(sta, skb->data, skb->len);
		kfree_skb(skb);
	}
}

/**
 * owe_eapol_init - set up a new BSS's EAPOL queue
 * @ap: the BSS
 */
void owe_eapol_init(struct owe_ap *ap)
{
	skb_queue_head_init(&ap->eapol_rx);
	wiphy_work_init(&ap->eapol_work, owe_eapol_work);
}

/**
 * owe_eapol_rx - an EAPOL frame from the backend (softirq)
 * @ap: the BSS
 * @skb: the frame from its 802.1X header on; consumed
 */
void owe_eapol_rx(struct owe_ap *ap, struct sk_buff *skb)
{
	if (!owe_ap_is_owe(ap) || skb->len > OWE_EAPOL_MAX_LEN ||
	    !owe_mlme_peer_addr_ok(ap, eth_hdr(skb)->h_source) ||
	    skb_queue_len(&ap->eapol_rx) >= OWE_EAPOL_QUEUE_MAX)
		goto drop;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return;
	if (skb_linearize(skb))
		goto drop;
	owe_count(ap, OWE_CNT_RX_EAPOL);
	skb_queue_tail(&ap->eapol_rx, skb);
	wiphy_work_queue(ap->wiphy, &ap->eapol_work);
	return;

drop:
	kfree_skb(skb);
}

/**
 * owe_eapol_stop - drop the queued frames; the backend delivers no more
 * @ap: the BSS
 */
void owe_eapol_stop(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);
	wiphy_work_cancel(ap->wiphy, &ap->eapol_work);
	skb_queue_purge(&ap->eapol_rx);
}

/**
 * owe_eapol_send - send an EAPOL frame to a station
 * @sta: the station
 * @frame: the frame from its 802.1X header on
 * @len: octets of @frame
 *
 * Return: 0 or a negative error.
 */
int owe_eapol_send(struct owe_sta *sta, const u8 *frame, size_t len)
{
	owe_count(sta->ap, OWE_CNT_TX_EAPOL);
	return owe_be_tx_eapol(&sta->ap->be, sta->addr, frame, len);
}
