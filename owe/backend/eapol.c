// SPDX-License-Identifier: GPL-2.0
/*
 * EAPOL frames to a BSS's stations: they go out with dev_queue_xmit(),
 * which mac80211 lets through an unauthorized port for the control port
 * protocol. With the hook they come in through it (rx_control_port in
 * backend/mac80211.c), never through the interface, which may be a
 * bridge port; the nl80211 backend takes them with a packet handler bound
 * to the interface.
 */

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netdevice.h>

#include "backend/eapol.h"

/**
 * owe_be_eapol_build - an EAPOL frame to a station, ready for the interface
 * @dev: the AP interface
 * @bssid: the BSS's address, the frame's source
 * @da: the station
 * @frame: the frame from its 802.1X header on
 * @len: octets of @frame
 *
 * Return: the Ethernet frame, or %NULL when out of memory.
 */
struct sk_buff *owe_be_eapol_build(struct net_device *dev, const u8 *bssid,
				   const u8 *da, const u8 *frame, size_t len)
{
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + len, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, da);
	ether_addr_copy(eth->h_source, bssid);
	eth->h_proto = htons(ETH_P_PAE);
	skb_put_data(skb, frame, len);
	skb_reset_mac_header(skb);
	skb_set_network_header(skb, ETH_HLEN);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_PAE);
	return skb;
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
	struct sk_buff *skb;

	skb = owe_be_eapol_build(be->dev, be->bssid, da, frame, len);
	if (!skb)
		return -ENOMEM;
	return dev_queue_xmit(skb);
}
