// SPDX-License-Identifier: GPL-2.0
/*
 * EAPOL frames of a BSS through its interface: a packet_type on the AP
 * interface hands them to the core in softirq (&owe_be_events.rx_eapol);
 * frames go out with dev_queue_xmit(), which mac80211 lets through an
 * unauthorized port for the control port protocol.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include "backend/eapol.h"

static int owe_be_eapol_rcv(struct sk_buff *skb, struct net_device *dev,
			    struct packet_type *pt,
			    struct net_device *orig_dev)
{
	struct owe_be *be = container_of(pt, struct owe_be, eapol_pt);

	if (skb->pkt_type != PACKET_HOST) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	be->events->rx_eapol(be->core, skb);
	return NET_RX_SUCCESS;
}

/**
 * owe_be_eapol_start - receive the BSS's EAPOL frames
 * @be: the BSS's backend
 */
void owe_be_eapol_start(struct owe_be *be)
{
	be->eapol_pt.type = htons(ETH_P_PAE);
	be->eapol_pt.dev = be->dev;
	be->eapol_pt.func = owe_be_eapol_rcv;
	dev_add_pack(&be->eapol_pt);
}

/**
 * owe_be_eapol_stop - stop receiving EAPOL frames
 * @be: the BSS's backend
 *
 * Waits for softirq receivers; does nothing the second time.
 */
void owe_be_eapol_stop(struct owe_be *be)
{
	might_sleep();
	if (!be->eapol_pt.func)
		return;
	dev_remove_pack(&be->eapol_pt);
	be->eapol_pt.func = NULL;
}

/**
 * owe_be_eapol_tx - send an EAPOL frame to a station
 * @be: the BSS's backend
 * @da: the station
 * @frame: the frame from its 802.1X header on
 * @len: octets of @frame
 *
 * Return: 0 or a negative error.
 */
int owe_be_eapol_tx(struct owe_be *be, const u8 *da, const u8 *frame,
		    size_t len)
{
	struct net_device *dev = be->dev;
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + len, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, da);
	ether_addr_copy(eth->h_source, be->bssid);
	eth->h_proto = htons(ETH_P_PAE);
	skb_put_data(skb, frame, len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_PAE);
	return dev_queue_xmit(skb);
}
