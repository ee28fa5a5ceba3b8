// SPDX-License-Identifier: GPL-2.0
/*
 * EAPOL frames of an OWE BSS: a packet_type on the AP interface receives
 * them in softirq and queues them for the BSS's wiphy work, which feeds
 * the 4-way handshake (wpa.c) under the wiphy mutex; frames go out with
 * dev_queue_xmit(), which mac80211 lets through an unauthorized port for
 * the control port protocol.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include "owe.h"

/* frames waiting for the work; more are dropped */
#define OWE_EAPOL_QUEUE_MAX	64
/* the longest EAPOL-Key frame the handshake takes */
#define OWE_EAPOL_MAX_LEN	1024

static int owe_eapol_rcv(struct sk_buff *skb, struct net_device *dev,
			 struct packet_type *pt, struct net_device *orig_dev)
{
	struct owe_ap *ap = container_of(pt, struct owe_ap, eapol_pt);

	if (skb->pkt_type != PACKET_HOST || skb->len > OWE_EAPOL_MAX_LEN ||
	    !owe_mlme_peer_addr_ok(ap, eth_hdr(skb)->h_source) ||
	    skb_queue_len(&ap->eapol_rx) >= OWE_EAPOL_QUEUE_MAX)
		goto drop;
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	if (skb_linearize(skb))
		goto drop;
	owe_count(ap, OWE_CNT_RX_EAPOL);
	skb_queue_tail(&ap->eapol_rx, skb);
	wiphy_work_queue(ap->wiphy, &ap->eapol_work);
	return NET_RX_SUCCESS;

drop:
	kfree_skb(skb);
	return NET_RX_DROP;
}

static void owe_eapol_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, eapol_work);
	struct owe_sta *sta;
	struct sk_buff *skb;

	lockdep_assert_wiphy(wiphy);
	while ((skb = skb_dequeue(&ap->eapol_rx))) {
		sta = owe_sta_find(ap, eth_hdr(skb)->h_source);
		if (sta && sta->in_driver)
			owe_wpa_rx(sta, skb->data, skb->len);
		kfree_skb(skb);
	}
}

/**
 * owe_eapol_start - receive the BSS's EAPOL frames
 * @ap: an OWE BSS
 *
 * Return: 0.
 */
int owe_eapol_start(struct owe_ap *ap)
{
	skb_queue_head_init(&ap->eapol_rx);
	wiphy_work_init(&ap->eapol_work, owe_eapol_work);
	ap->eapol_pt.type = htons(ETH_P_PAE);
	ap->eapol_pt.dev = ap->dev;
	ap->eapol_pt.func = owe_eapol_rcv;
	dev_add_pack(&ap->eapol_pt);
	return 0;
}

/**
 * owe_eapol_stop - stop receiving EAPOL frames and drop the queued ones
 * @ap: the BSS
 */
void owe_eapol_stop(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);
	dev_remove_pack(&ap->eapol_pt);	/* waits for softirq users */
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
	struct net_device *dev = sta->ap->dev;
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, sta->addr);
	ether_addr_copy(eth->h_source, sta->ap->bssid);
	eth->h_proto = htons(ETH_P_PAE);
	skb_put_data(skb, frame, len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_PAE);
	owe_count(sta->ap, OWE_CNT_TX_EAPOL);
	return dev_queue_xmit(skb);
}
