// SPDX-License-Identifier: GPL-2.0
/*
 * IP learning: a station whose port is open (IP_LEARN) moves to RUN once
 * the AP has seen its address: the address a DHCP server leases it (the
 * DHCPACK going out to it), the sender of its ARP traffic or the source
 * of its IPv4 packets (DHCP's own requests come from 0.0.0.0 and teach
 * nothing), or the source of its IPv6 packets (neighbour discovery comes
 * first). The first address of the other family is recorded later too.
 *
 * One tap on the AP interface (a device-specific ETH_P_ALL packet_type)
 * notes what it sees in softirq; a wiphy work moves the stations under the
 * wiphy mutex. Such a tap runs before the interface's rx_handler, so a
 * bridge the interface is a port of does not hide the stations' frames,
 * and it sees the frames the interface sends, the DHCP server's answers
 * among them. It sees every frame it receives: it reads the EtherType
 * first and allocates nothing for a frame that teaches nothing. Sent
 * frames reach a tap as clones, one allocation each, so it asks for them
 * only while a station waits for its address (owe_ip_learning()).
 */

#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/llist.h>
#include <linux/slab.h>
#include <linux/udp.h>
#include <net/ip.h>
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
 * @lease: the DHCP lease in seconds (@how is "DHCP")
 */
struct owe_ip_seen {
	struct llist_node node;
	u8 addr[ETH_ALEN];
	u8 family;
	u8 ip[16];
	const char *how;
	u32 lease;
};

static void owe_ip_note(struct owe_ap *ap, const u8 *addr, int family,
			const void *ip, const char *how, u32 lease)
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
	seen->lease = lease;
	llist_add(&seen->node, &ap->ip_seen);
	wiphy_work_queue(ap->wiphy, &ap->ip_work);
}

/* ARP for IPv4 over Ethernet: header, then sender MAC and IP */
struct owe_arp {
	struct arphdr hdr;
	u8 sha[ETH_ALEN];
	__be32 sip;
} __packed;

/* BOOTP (RFC 951) as far as DHCP's answer needs it, then the options */
struct owe_bootp {
	u8 op;
	u8 htype;
	u8 hlen;
	u8 hops;
	__be32 xid;
	__be16 secs;
	__be16 flags;
	__be32 ciaddr;
	__be32 yiaddr;
	__be32 siaddr;
	__be32 giaddr;
	u8 chaddr[16];
	u8 sname[64];
	u8 file[128];
	__be32 cookie;
} __packed;

#define OWE_BOOTREPLY		2
#define OWE_DHCP_COOKIE		0x63825363
#define OWE_DHCP_OPT_PAD	0
#define OWE_DHCP_OPT_LEASE	51
#define OWE_DHCP_OPT_TYPE	53
#define OWE_DHCP_OPT_END	255
#define OWE_DHCPACK		5

/*
 * A DHCPACK the interface sends: the server leased yiaddr to chaddr. Only
 * an answer to a station of this BSS, addressed to it (or broadcast), and
 * not sent by a station itself (relayed within the BSS) is believed; the
 * options are read only then.
 */
static void owe_ip_dhcp_tx(struct owe_ap *ap, const struct sk_buff *skb,
			   const struct ethhdr *eth, int off)
{
	union {
		struct iphdr ip4;
		struct udphdr udp;
		struct owe_bootp bootp;
	} buf;
	const struct owe_bootp *bootp;
	const struct udphdr *udp;
	const struct iphdr *ip4;
	u8 addr[ETH_ALEN], opt[2], type = 0;
	__be32 yiaddr, lease = 0;
	const u8 *p;

	ip4 = skb_header_pointer(skb, off, sizeof(buf.ip4), &buf.ip4);
	if (!ip4 || ip4->version != 4 || ip4->ihl < 5 ||
	    ip4->protocol != IPPROTO_UDP || ip_is_fragment(ip4))
		return;
	off += ip4->ihl * 4;
	udp = skb_header_pointer(skb, off, sizeof(buf.udp), &buf.udp);
	if (!udp || udp->source != htons(67) || udp->dest != htons(68))
		return;
	off += sizeof(*udp);
	bootp = skb_header_pointer(skb, off, sizeof(buf.bootp), &buf.bootp);
	if (!bootp || bootp->op != OWE_BOOTREPLY ||
	    bootp->htype != ARPHRD_ETHER || bootp->hlen != ETH_ALEN ||
	    bootp->cookie != htonl(OWE_DHCP_COOKIE) || !bootp->yiaddr ||
	    !is_valid_ether_addr(bootp->chaddr) ||
	    (!is_broadcast_ether_addr(eth->h_dest) &&
	     !ether_addr_equal(eth->h_dest, bootp->chaddr)) ||
	    !owe_sta_find_rcu(ap, bootp->chaddr) ||
	    owe_sta_find_rcu(ap, eth->h_source))
		return;
	ether_addr_copy(addr, bootp->chaddr);
	yiaddr = bootp->yiaddr;
	off += sizeof(*bootp);
	while ((p = skb_header_pointer(skb, off, sizeof(opt), opt)) &&
	       p[0] != OWE_DHCP_OPT_END) {
		if (p[0] == OWE_DHCP_OPT_PAD) {
			off++;
			continue;
		}
		if (p[0] == OWE_DHCP_OPT_TYPE && p[1] == 1 &&
		    skb_copy_bits(skb, off + 2, &type, 1))
			return;
		if (p[0] == OWE_DHCP_OPT_LEASE && p[1] == 4 &&
		    skb_copy_bits(skb, off + 2, &lease, 4))
			return;
		off += 2 + p[1];
	}
	if (type == OWE_DHCPACK)
		owe_ip_note(ap, addr, AF_INET, &yiaddr, "DHCP",
			    be32_to_cpu(lease));
}

/* The skb may be shared with other taps: read it, never change it. */
static int owe_ip_rcv(struct sk_buff *skb, struct net_device *dev,
		      struct packet_type *pt, struct net_device *orig_dev)
{
	struct owe_ap *ap = pt->af_packet_priv;
	const struct ethhdr *eth = eth_hdr(skb);
	/* received: data is past the Ethernet header; sent: at it */
	int off = skb_mac_offset(skb) + ETH_HLEN;
	const struct ipv6hdr *ip6;
	const struct owe_arp *arp;
	const struct iphdr *ip4;
	union {
		struct owe_arp arp;
		struct iphdr ip4;
		struct ipv6hdr ip6;
	} buf;

	if (off < 0 || off > skb_headlen(skb) ||
	    skb->pkt_type == PACKET_OTHERHOST)
		goto out;
	if (skb->pkt_type == PACKET_OUTGOING) {
		if (eth->h_proto == htons(ETH_P_IP))
			owe_ip_dhcp_tx(ap, skb, eth, off);
		goto out;
	}
	switch (ntohs(eth->h_proto)) {
	case ETH_P_ARP:
		arp = skb_header_pointer(skb, off, sizeof(buf.arp), &buf.arp);
		if (arp && arp->hdr.ar_pro == htons(ETH_P_IP) &&
		    arp->hdr.ar_hln == ETH_ALEN && arp->hdr.ar_pln == 4 &&
		    ether_addr_equal(arp->sha, eth->h_source) && arp->sip)
			owe_ip_note(ap, eth->h_source, AF_INET, &arp->sip,
				    "ARP", 0);
		break;
	case ETH_P_IP:
		ip4 = skb_header_pointer(skb, off, sizeof(buf.ip4), &buf.ip4);
		if (ip4 && ip4->saddr)
			owe_ip_note(ap, eth->h_source, AF_INET, &ip4->saddr,
				    "IPv4", 0);
		break;
	case ETH_P_IPV6:
		ip6 = skb_header_pointer(skb, off, sizeof(buf.ip6), &buf.ip6);
		if (ip6 && !ipv6_addr_any(&ip6->saddr))
			owe_ip_note(ap, eth->h_source, AF_INET6, &ip6->saddr,
				    "IPv6", 0);
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
			owe_sta_learn_ip(sta, seen->family, seen->ip, seen->how,
					 seen->lease);
		if (sta)
			clear_bit(OWE_STA_IP_QUEUED, &sta->flags);
		kfree(seen);
	}
}

/**
 * owe_ip_learning - a station of the BSS enters or leaves IP_LEARN
 * @ap: the BSS
 * @enter: it enters
 *
 * The tap sees sent frames while any station is in IP_LEARN: the DHCP
 * server answers then. As af_packet's PACKET_IGNORE_OUTGOING, this flips
 * a registered tap's ignore_outgoing.
 */
void owe_ip_learning(struct owe_ap *ap, bool enter)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (enter)
		ap->ip_learning++;
	else if (!WARN_ON_ONCE(!ap->ip_learning))
		ap->ip_learning--;
	WRITE_ONCE(ap->ip_pt.ignore_outgoing, !ap->ip_learning);
}

/**
 * owe_ip_start - watch the BSS's traffic for station addresses
 * @ap: the BSS
 */
void owe_ip_start(struct owe_ap *ap)
{
	init_llist_head(&ap->ip_seen);
	wiphy_work_init(&ap->ip_work, owe_ip_work);
	ap->ip_pt.ignore_outgoing = !ap->ip_learning;
	ap->ip_pt.type = htons(ETH_P_ALL);
	ap->ip_pt.dev = ap->dev;
	ap->ip_pt.func = owe_ip_rcv;
	ap->ip_pt.af_packet_priv = ap;
	dev_add_pack(&ap->ip_pt);
}

/**
 * owe_ip_stop - stop watching and drop what was noted
 * @ap: the BSS
 */
void owe_ip_stop(struct owe_ap *ap)
{
	struct owe_ip_seen *seen, *tmp;

	lockdep_assert_wiphy(ap->wiphy);
	__dev_remove_pack(&ap->ip_pt);
	synchronize_net();
	wiphy_work_cancel(ap->wiphy, &ap->ip_work);
	llist_for_each_entry_safe(seen, tmp, llist_del_all(&ap->ip_seen), node)
		kfree(seen);
}
