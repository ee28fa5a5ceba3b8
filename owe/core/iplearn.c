// SPDX-License-Identifier: GPL-2.0
/*
 * IP learning: a station whose port is open (IP_LEARN) moves to RUN once
 * the AP has seen its address, from its ARP traffic or the source of its
 * IPv4 packets (DHCP's own requests come from 0.0.0.0 and teach nothing),
 * or the source of its IPv6 packets (neighbour discovery comes first).
 * The first address of the other family is recorded later too.
 *
 * Packet taps on the AP interface note what they see in softirq; a wiphy
 * work moves the stations under the wiphy mutex.
 */

#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/llist.h>
#include <linux/slab.h>
#include <net/ipv6.h>

#include "core/ap.h"
#include "core/iplearn.h"
#include "core/sta.h"

/**
 * struct owe_ip_seen - an address seen from a station, on its way to the work
 * @node: entry in &owe_ap.ip_seen
 * @addr: the station
 * @family: AF_INET or AF_INET6
 * @ip: the address (IPv4 in the first four octets, network order)
 * @how: where it was seen, for the trace
 */
struct owe_ip_seen {
	struct llist_node node;
	u8 addr[ETH_ALEN];
	u8 family;
	u8 ip[16];
	const char *how;
};

static void owe_ip_note(struct owe_ap *ap, const u8 *addr, int family,
			const void *ip, const char *how)
{
	struct owe_ip_seen *seen;
	struct owe_sta *sta;

	sta = owe_sta_find_rcu(ap, addr);
	if (!sta || READ_ONCE(sta->state) < OWE_STA_STATE_IP_LEARN)
		return;
	/* racy peeks, settled by the work under the wiphy mutex */
	if (family == AF_INET ? !!READ_ONCE(sta->ipv4) :
				!ipv6_addr_any(&sta->ipv6))
		return;
	if (test_and_set_bit(OWE_STA_IP_QUEUED, &sta->flags))
		return;
	seen = kzalloc(sizeof(*seen), GFP_ATOMIC);
	if (!seen) {
		clear_bit(OWE_STA_IP_QUEUED, &sta->flags);
		return;
	}
	ether_addr_copy(seen->addr, addr);
	seen->family = family;
	memcpy(seen->ip, ip, family == AF_INET ? 4 : 16);
	seen->how = how;
	llist_add(&seen->node, &ap->ip_seen);
	wiphy_work_queue(ap->wiphy, &ap->ip_work);
}

/* ARP for IPv4 over Ethernet: header, then sender MAC and IP */
struct owe_arp {
	struct arphdr hdr;
	u8 sha[ETH_ALEN];
	__be32 sip;
} __packed;

/* The skb may be shared with other taps: read it, never change it. */
static int owe_ip_rcv(struct sk_buff *skb, struct net_device *dev,
		      struct packet_type *pt, struct net_device *orig_dev)
{
	struct owe_ap *ap = pt->af_packet_priv;
	const u8 *src = eth_hdr(skb)->h_source;
	const struct ipv6hdr *ip6;
	const struct owe_arp *arp;
	const struct iphdr *ip4;
	union {
		struct owe_arp arp;
		struct iphdr ip4;
		struct ipv6hdr ip6;
	} buf;

	if (skb->pkt_type == PACKET_OTHERHOST)
		goto out;
	switch (ntohs(skb->protocol)) {
	case ETH_P_ARP:
		arp = skb_header_pointer(skb, 0, sizeof(buf.arp), &buf.arp);
		if (arp && arp->hdr.ar_pro == htons(ETH_P_IP) &&
		    arp->hdr.ar_hln == ETH_ALEN && arp->hdr.ar_pln == 4 &&
		    ether_addr_equal(arp->sha, src) && arp->sip)
			owe_ip_note(ap, src, AF_INET, &arp->sip, "ARP");
		break;
	case ETH_P_IP:
		ip4 = skb_header_pointer(skb, 0, sizeof(buf.ip4), &buf.ip4);
		if (ip4 && ip4->saddr)
			owe_ip_note(ap, src, AF_INET, &ip4->saddr, "IPv4");
		break;
	case ETH_P_IPV6:
		ip6 = skb_header_pointer(skb, 0, sizeof(buf.ip6), &buf.ip6);
		if (ip6 && !ipv6_addr_any(&ip6->saddr))
			owe_ip_note(ap, src, AF_INET6, &ip6->saddr, "IPv6");
		break;
	}
out:
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static void owe_ip_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, ip_work);
	struct owe_ip_seen *seen, *tmp;
	struct llist_node *list;
	struct owe_sta *sta;

	lockdep_assert_wiphy(wiphy);
	list = llist_del_all(&ap->ip_seen);
	llist_for_each_entry_safe(seen, tmp, list, node) {
		sta = owe_sta_find(ap, seen->addr);
		if (sta && sta->state >= OWE_STA_STATE_IP_LEARN)
			owe_sta_learn_ip(sta, seen->family, seen->ip, seen->how);
		if (sta)
			clear_bit(OWE_STA_IP_QUEUED, &sta->flags);
		kfree(seen);
	}
}

/**
 * owe_ip_start - watch the BSS's IP traffic for station addresses
 * @ap: the BSS
 */
void owe_ip_start(struct owe_ap *ap)
{
	static const u16 protos[] = { ETH_P_ARP, ETH_P_IP, ETH_P_IPV6 };
	unsigned int i;

	init_llist_head(&ap->ip_seen);
	wiphy_work_init(&ap->ip_work, owe_ip_work);
	BUILD_BUG_ON(ARRAY_SIZE(protos) != ARRAY_SIZE(ap->ip_pt));
	for (i = 0; i < ARRAY_SIZE(protos); i++) {
		ap->ip_pt[i].type = htons(protos[i]);
		ap->ip_pt[i].dev = ap->dev;
		ap->ip_pt[i].func = owe_ip_rcv;
		ap->ip_pt[i].af_packet_priv = ap;
		dev_add_pack(&ap->ip_pt[i]);
	}
}

/**
 * owe_ip_stop - stop watching and drop what was noted
 * @ap: the BSS
 */
void owe_ip_stop(struct owe_ap *ap)
{
	struct owe_ip_seen *seen, *tmp;
	unsigned int i;

	lockdep_assert_wiphy(ap->wiphy);
	for (i = 0; i < ARRAY_SIZE(ap->ip_pt); i++)
		__dev_remove_pack(&ap->ip_pt[i]);
	synchronize_net();
	wiphy_work_cancel(ap->wiphy, &ap->ip_work);
	llist_for_each_entry_safe(seen, tmp, llist_del_all(&ap->ip_seen), node)
		kfree(seen);
}
