// SPDX-License-Identifier: GPL-2.0
/*
 * nl80211 backend: &struct owe_be_ops for kernels whose mac80211 lacks the
 * AP-authenticator hook. The module becomes an nl80211 client, the way
 * hostapd is one, over a kernel netlink socket per BSS (backend/nlsock.c):
 *
 * - It registers for the management frames the MLME handles and for
 *   frames from unassociated transmitters; nl80211 forwards them to the
 *   socket in the receive path's softirq, where they reach the core's
 *   rx_mgmt under the same rules as the hook's (validate, reject, answer
 *   probes; defer the rest to the wiphy mutex).
 * - The core calls every op but the frame ones with the wiphy mutex held,
 *   and nl80211 takes that mutex for every command: so each change
 *   (station, key, beacon, frame, EAPOL frame) becomes a request queued in
 *   order and sent by a work item that holds no lock. An op returns once
 *   its request is queued; a station nl80211 refuses is reported back as
 *   removed.
 * - Two reads have no nl80211 command a caller holding the wiphy mutex can
 *   use: the beacon, taken from mac80211's template (with the tail last
 *   queued), and the group key's transmit PN, from mac80211's keys. So
 *   the backend serves mac80211 interfaces only, as the hook does.
 * - Events come as nl80211 multicasts (stations deleted, AP stopped) or
 *   from the interface (carrier off when the AP stops); they reach the core
 *   in a wiphy work. A beacon someone else replaced has no event: the
 *   backend looks at the beacon every OWE_NL_BEACON_POLL and tells the
 *   core when its tail is not the one last set, so for up to that long
 *   the beacon lacks the module's elements.
 * - EAPOL frames from stations are taken at the interface's netfilter
 *   ingress hook, before a bridge the interface is a port of would take
 *   them (without CONFIG_NETFILTER_INGRESS: a packet handler bound to the
 *   interface, which a bridge port's unicast frames do not reach); they go
 *   out through the interface.
 */

#include <linux/etherdevice.h>
#include <linux/genetlink.h>
#include <linux/hashtable.h>
#include <linux/kallsyms.h>
#include <linux/netfilter.h>
#include <linux/nl80211.h>
#include <linux/slab.h>
#include <linux/unaligned.h>
#include <linux/workqueue.h>
#include <net/mac80211.h>
#include <net/netlink.h>

#include "backend/backend.h"
#include "backend/eapol.h"
#include "backend/nlsock.h"

/* frames waiting to go out, per BSS: probe responses come in floods */
#define OWE_NL_MAX_TX		256
/* frames deferred to the wiphy mutex, per BSS */
#define OWE_NL_MAX_DEFERRED	256
/* stations removed by others, waiting for the core */
#define OWE_NL_MAX_REMOVED	64
/* how often the beacon is compared with the tail last set */
#define OWE_NL_BEACON_POLL	(HZ / 5)

enum owe_nl_req {
	OWE_NL_REQ_MSG,		/* an nl80211 request */
	OWE_NL_REQ_FRAME,	/* a management frame to send */
	OWE_NL_REQ_EAPOL,	/* an Ethernet frame for the interface */
};

/* what a queued request's skb->cb holds, until it is sent */
struct owe_nl_cb {
	u8 kind;
	u8 cmd;
	bool wipe;
	u8 addr[ETH_ALEN];
	u16 expect_len;
	u8 *expect;	/* SET_BEACON: the tail it replaces, or NULL */
};

#define OWE_NL_CB(skb) ((struct owe_nl_cb *)(skb)->cb)

enum owe_nl_flag {
	OWE_NL_SET_UP,		/* frames registered */
	OWE_NL_FAILED,		/* registration failed: requests are dropped */
};

/**
 * struct owe_nl_inact - what nl80211 last said of a station's inactivity
 * @node: in &owe_nl80211.inact
 * @addr: the station
 * @ms: its inactive time then
 * @valid: @ms was read
 * @queued: a GET_STATION for it is queued
 */
struct owe_nl_inact {
	struct hlist_node node;
	u8 addr[ETH_ALEN];
	u32 ms;
	bool valid;
	bool queued;
};

/**
 * struct owe_nl80211 - the nl80211 backend of one BSS (&owe_be.priv)
 * @list: in owe_nl_list, for the netdevice notifier, while attached
 * @all: in owe_nl_all until freed, for the namespace's exit
 * @net: the namespace of @nls (no reference: the socket holds none)
 * @be: the core's backend; %NULL once the core let go
 * @nls: the socket to nl80211
 * @dev: the AP interface (a reference held until the last request)
 * @dev_tracker: for @dev's reference
 * @wiphy: its radio
 * @ifindex: @dev's index, for every request
 * @bssid: the BSS's address
 * @flags: &enum owe_nl_flag
 * @eapol_hook: EAPOL frames received on @dev, at its ingress
 * @pt: the same, without netfilter's ingress hook
 * @work: sends @reqs on owe_nl_wq
 * @close_work: closes the socket and frees this, after the last @work
 * @reqs: requests in order
 * @n_tx: management frames in @reqs
 * @sender: the task sending a DEL_STATION (nl80211's event for it is ours)
 * @deleting: the station it deletes
 * @event_work: hands @deferred and @removed to the core (wiphy mutex)
 * @deferred: frames the core deferred
 * @ev_lock: guards @removed, @n_removed, @stop and @gone
 * @removed: stations others removed
 * @n_removed: entries in @removed
 * @stop: the AP stopped
 * @gone: the core let go: @event_work is not queued any more
 * @tail: the beacon tail last queued (wiphy mutex)
 * @tail_len: its length
 * @tail_pending: SET_BEACONs queued and not answered yet
 * @beacon_work: compares the beacon with @tail (wiphy mutex)
 * @inact_lock: guards @inact
 * @inact: &struct owe_nl_inact by address
 */
struct owe_nl80211 {
	struct list_head list;
	struct list_head all;
	struct net *net;
	struct owe_be *be;
	struct owe_nls *nls;
	struct net_device *dev;
	netdevice_tracker dev_tracker;
	struct wiphy *wiphy;
	int ifindex;
	u8 bssid[ETH_ALEN];
	unsigned long flags;
#if IS_ENABLED(CONFIG_NETFILTER_INGRESS)
	struct nf_hook_ops eapol_hook;
#else
	struct packet_type pt;
#endif
	struct work_struct work;
	struct work_struct close_work;
	struct sk_buff_head reqs;
	atomic_t n_tx;
	struct task_struct *sender;
	u8 deleting[ETH_ALEN];
	struct wiphy_work event_work;
	struct sk_buff_head deferred;
	spinlock_t ev_lock; /* see above */
	u8 removed[OWE_NL_MAX_REMOVED][ETH_ALEN];
	unsigned int n_removed;
	bool stop;
	bool gone;
	u8 *tail;
	size_t tail_len;
	atomic_t tail_pending;
	struct wiphy_delayed_work beacon_work;
	spinlock_t inact_lock; /* see above */
	DECLARE_HASHTABLE(inact, 5);
};

static struct workqueue_struct *owe_nl_wq;
static LIST_HEAD(owe_nl_list);
static DEFINE_SPINLOCK(owe_nl_list_lock);
/*
 * Guards owe_nl_all and serializes the sockets' requests with their
 * shutdown when a namespace goes. Taken by the request worker around
 * nl80211 (which takes the wiphy mutex and the RTNL): never under them,
 * so a socket joins owe_nl_all in the worker's first run.
 */
static LIST_HEAD(owe_nl_all);
static DEFINE_MUTEX(owe_nl_sock_mutex);

static struct owe_nl80211 *owe_nl(struct owe_be *be)
{
	return be->priv;
}

/* --- requests ---------------------------------------------------------- */

/* the live beacon's tail (what follows the TIM), copied (wiphy mutex) */
static u8 *owe_nl_live_tail(struct owe_nl80211 *nl, size_t *len)
{
	struct ieee80211_vif *vif = wdev_to_ieee80211_vif(nl->dev->ieee80211_ptr);
	struct ieee80211_mutable_offsets offs = {};
	struct sk_buff *skb;
	unsigned int head;
	u8 *tail = NULL;

	lockdep_assert_wiphy(nl->wiphy);
	if (!vif)
		return NULL;
	skb = ieee80211_beacon_get_template(wiphy_to_ieee80211_hw(nl->wiphy),
					    vif, &offs, 0);
	if (!skb)
		return NULL;
	head = offs.tim_offset + offs.tim_length;
	if (offs.tim_offset && head <= skb->len) {
		*len = skb->len - head;
		tail = kmemdup(skb->data + head, *len ?: 1, GFP_KERNEL);
	}
	dev_kfree_skb(skb);
	return tail;
}

static bool owe_nl_tail_eq(const u8 *a, size_t a_len, const u8 *b,
			   size_t b_len)
{
	return a_len == b_len && !memcmp(a, b, a_len);
}

static void owe_nl_queue(struct owe_nl80211 *nl, struct sk_buff *skb)
{
	skb_queue_tail(&nl->reqs, skb);
	queue_work(owe_nl_wq, &nl->work);
}

/* a new request; its attributes follow */
static struct sk_buff *owe_nl_msg(struct owe_nl80211 *nl, u8 cmd,
				  size_t payload)
{
	struct sk_buff *msg;

	msg = owe_nls_msg(cmd, nla_total_size(sizeof(u32)) + payload);
	if (!msg)
		return NULL;
	if (nla_put_u32(msg, NL80211_ATTR_IFINDEX, nl->ifindex)) {
		kfree_skb(msg);
		return NULL;
	}
	memset(msg->cb, 0, sizeof(msg->cb));
	OWE_NL_CB(msg)->kind = OWE_NL_REQ_MSG;
	OWE_NL_CB(msg)->cmd = cmd;
	return msg;
}

static void owe_nl_report_removed(struct owe_nl80211 *nl, const u8 *addr)
{
	spin_lock_bh(&nl->ev_lock);
	if (nl->gone)
		goto out;
	if (nl->n_removed < OWE_NL_MAX_REMOVED)
		ether_addr_copy(nl->removed[nl->n_removed++], addr);
	else
		net_warn_ratelimited("%s: station %pM removed, the core not told: too many at once\n",
				     nl->dev->name, addr);
	wiphy_work_queue(nl->wiphy, &nl->event_work);
out:
	spin_unlock_bh(&nl->ev_lock);
}

static void owe_nl_report_stop(struct owe_nl80211 *nl)
{
	spin_lock_bh(&nl->ev_lock);
	if (!nl->gone) {
		nl->stop = true;
		wiphy_work_queue(nl->wiphy, &nl->event_work);
	}
	spin_unlock_bh(&nl->ev_lock);
}

/* GET_STATION's reply: the station's inactive time */
static void owe_nl_sta_reply(void *arg, const struct nlmsghdr *nlh)
{
	struct owe_nl80211 *nl = arg;
	const struct nlattr *attr, *info = NULL, *mac = NULL, *a;
	struct owe_nl_inact *e;
	int rem;

	nla_for_each_attr(attr, nlmsg_data(nlh) + GENL_HDRLEN,
			  nlmsg_len(nlh) - GENL_HDRLEN, rem) {
		if (nla_type(attr) == NL80211_ATTR_MAC &&
		    nla_len(attr) >= ETH_ALEN)
			mac = attr;
		else if (nla_type(attr) == NL80211_ATTR_STA_INFO)
			info = attr;
	}
	if (!mac || !info)
		return;
	nla_for_each_nested(a, info, rem) {
		if (nla_type(a) != NL80211_STA_INFO_INACTIVE_TIME ||
		    nla_len(a) < sizeof(u32))
			continue;
		spin_lock(&nl->inact_lock);
		hash_for_each_possible(nl->inact, e, node,
				       get_unaligned((u32 *)(nla_data(mac) + 2)))
			if (ether_addr_equal(e->addr, nla_data(mac))) {
				e->ms = nla_get_u32(a);
				e->valid = true;
			}
		spin_unlock(&nl->inact_lock);
	}
}

/* the station is gone from the driver */
static void owe_nl_inact_forget(struct owe_nl80211 *nl, const u8 *addr)
{
	struct owe_nl_inact *e;
	struct hlist_node *tmp;

	spin_lock_bh(&nl->inact_lock);
	hash_for_each_possible_safe(nl->inact, e, tmp, node,
				    get_unaligned((u32 *)(addr + 2)))
		if (ether_addr_equal(e->addr, addr)) {
			hash_del(&e->node);
			kfree(e);
		}
	spin_unlock_bh(&nl->inact_lock);
}

static void owe_nl_sta_queried(struct owe_nl80211 *nl, const u8 *addr)
{
	struct owe_nl_inact *e;

	spin_lock_bh(&nl->inact_lock);
	hash_for_each_possible(nl->inact, e, node,
			       get_unaligned((u32 *)(addr + 2)))
		if (ether_addr_equal(e->addr, addr))
			e->queued = false;
	spin_unlock_bh(&nl->inact_lock);
}

static int owe_nl_send_frame(struct owe_nl80211 *nl, struct sk_buff *frame)
{
	struct sk_buff *msg;
	int ret;

	atomic_dec(&nl->n_tx);
	msg = owe_nl_msg(nl, NL80211_CMD_FRAME, nla_total_size(frame->len) +
			 nla_total_size(0));
	if (!msg) {
		kfree_skb(frame);
		return -ENOMEM;
	}
	ret = nla_put(msg, NL80211_ATTR_FRAME, frame->len, frame->data) ?:
	      nla_put_flag(msg, NL80211_ATTR_DONT_WAIT_FOR_ACK);
	kfree_skb(frame);
	if (ret) {
		kfree_skb(msg);
		return ret;
	}
	return owe_nls_request(nl->nls, msg, false, NULL, NULL);
}

/*
 * A SET_BEACON of the module replaces the tail it was made for, not one
 * someone else set since (its request was queued): the worker takes the
 * wiphy mutex to look, and sends nothing to nl80211 under it.
 */
static bool owe_nl_tail_still(struct owe_nl80211 *nl,
			      const struct owe_nl_cb *cb)
{
	size_t len;
	bool same;
	u8 *live;

	if (!cb->expect)
		return true;
	wiphy_lock(nl->wiphy);
	live = owe_nl_live_tail(nl, &len);
	wiphy_unlock(nl->wiphy);
	same = !live || owe_nl_tail_eq(live, len, cb->expect, cb->expect_len);
	kfree(live);
	kfree(cb->expect);
	return same;
}

static void owe_nl_send(struct owe_nl80211 *nl, struct sk_buff *skb)
{
	struct owe_nl_cb cb = *OWE_NL_CB(skb);
	int ret;

	switch (cb.kind) {
	case OWE_NL_REQ_FRAME:
		ret = owe_nl_send_frame(nl, skb);
		break;
	case OWE_NL_REQ_EAPOL:
		ret = dev_queue_xmit(skb);
		break;
	default:
		if (cb.cmd == NL80211_CMD_SET_BEACON &&
		    !owe_nl_tail_still(nl, &cb)) {
			/* someone else's beacon: the poll tells the core */
			atomic_dec(&nl->tail_pending);
			kfree_skb(skb);
			return;
		}
		if (cb.cmd == NL80211_CMD_DEL_STATION) {
			ether_addr_copy(nl->deleting, cb.addr);
			WRITE_ONCE(nl->sender, current);
		}
		ret = owe_nls_request(nl->nls, skb, cb.wipe,
				      cb.cmd == NL80211_CMD_GET_STATION ?
				      owe_nl_sta_reply : NULL, nl);
		WRITE_ONCE(nl->sender, NULL);
		if (cb.cmd == NL80211_CMD_SET_BEACON)
			atomic_dec(&nl->tail_pending);
		if (cb.cmd == NL80211_CMD_GET_STATION)
			owe_nl_sta_queried(nl, cb.addr);
		/* the core counts on the station: it is gone */
		if (ret && cb.cmd == NL80211_CMD_NEW_STATION)
			owe_nl_report_removed(nl, cb.addr);
		break;
	}
	if (ret && ret != -ENOENT && cb.cmd != NL80211_CMD_GET_STATION)
		net_warn_ratelimited("%s: nl80211 request %u for %pM failed: %d\n",
				     nl->dev->name, cb.kind == OWE_NL_REQ_MSG ?
				     cb.cmd : NL80211_CMD_FRAME, cb.addr, ret);
}

/* the frames the MLME handles, and those of unassociated transmitters */
static int owe_nl_register(struct owe_nl80211 *nl)
{
	static const u16 stypes[] = {
		IEEE80211_STYPE_PROBE_REQ, IEEE80211_STYPE_AUTH,
		IEEE80211_STYPE_ASSOC_REQ, IEEE80211_STYPE_REASSOC_REQ,
		IEEE80211_STYPE_DISASSOC, IEEE80211_STYPE_DEAUTH,
		IEEE80211_STYPE_ACTION,
	};
	static const u8 sa_query = WLAN_CATEGORY_SA_QUERY;
	struct sk_buff *msg;
	int i, ret;

	ret = owe_nls_join_mlme(nl->nls);
	if (ret)
		return ret;
	for (i = 0; i < ARRAY_SIZE(stypes); i++) {
		bool action = stypes[i] == IEEE80211_STYPE_ACTION;

		msg = owe_nl_msg(nl, NL80211_CMD_REGISTER_FRAME,
				 nla_total_size(sizeof(u16)) +
				 nla_total_size(1));
		if (!msg)
			return -ENOMEM;
		if (nla_put_u16(msg, NL80211_ATTR_FRAME_TYPE,
				IEEE80211_FTYPE_MGMT | stypes[i]) ||
		    nla_put(msg, NL80211_ATTR_FRAME_MATCH, action ? 1 : 0,
			    &sa_query)) {
			kfree_skb(msg);
			return -EMSGSIZE;
		}
		ret = owe_nls_request(nl->nls, msg, false, NULL, NULL);
		if (ret)
			return ret;
	}
	msg = owe_nl_msg(nl, NL80211_CMD_UNEXPECTED_FRAME, 0);
	if (!msg)
		return -ENOMEM;
	return owe_nls_request(nl->nls, msg, false, NULL, NULL);
}

/* a request that is not sent: what it counted and held goes with it */
static void owe_nl_drop(struct owe_nl80211 *nl, struct sk_buff *skb)
{
	struct owe_nl_cb *cb = OWE_NL_CB(skb);

	if (cb->kind == OWE_NL_REQ_FRAME)
		atomic_dec(&nl->n_tx);
	if (cb->kind == OWE_NL_REQ_MSG && cb->cmd == NL80211_CMD_SET_BEACON) {
		atomic_dec(&nl->tail_pending);
		kfree(cb->expect);
	}
	if (cb->wipe)
		memzero_explicit(skb->data, skb->len);
	kfree_skb(skb);
}

static void owe_nl_free(struct owe_nl80211 *nl)
{
	struct owe_nl_inact *e;
	struct hlist_node *tmp;
	int bkt;

	hash_for_each_safe(nl->inact, bkt, tmp, e, node)
		kfree(e);
	netdev_put(nl->dev, &nl->dev_tracker);
	kfree(nl->tail);
	kfree(nl);
}

static void owe_nl_work(struct work_struct *work)
{
	struct owe_nl80211 *nl = container_of(work, struct owe_nl80211, work);
	struct sk_buff *skb;
	int ret;

	mutex_lock(&owe_nl_sock_mutex);
	if (!test_bit(OWE_NL_SET_UP, &nl->flags) &&
	    !test_bit(OWE_NL_FAILED, &nl->flags)) {
		list_add_tail(&nl->all, &owe_nl_all);
		ret = owe_nl_register(nl);
		if (ret) {
			netdev_err(nl->dev,
				   "cannot register for %s's management frames with nl80211: %d%s\n",
				   nl->dev->name, ret, ret == -EALREADY ?
				   " (another authenticator, hostapd?)" : "");
			set_bit(OWE_NL_FAILED, &nl->flags);
			owe_nl_report_stop(nl);
		} else {
			set_bit(OWE_NL_SET_UP, &nl->flags);
		}
	}
	while ((skb = skb_dequeue(&nl->reqs))) {
		if (test_bit(OWE_NL_FAILED, &nl->flags)) {
			owe_nl_drop(nl, skb);
			continue;
		}
		owe_nl_send(nl, skb);
	}
	mutex_unlock(&owe_nl_sock_mutex);
}

/* queued once, after the core let go: owe_nl_wq is ordered */
static void owe_nl_close_work(struct work_struct *work)
{
	struct owe_nl80211 *nl = container_of(work, struct owe_nl80211,
					      close_work);

	mutex_lock(&owe_nl_sock_mutex);
	/* on the list once the first @work ran, which came before this */
	list_del(&nl->all);
	owe_nls_close(nl->nls);
	mutex_unlock(&owe_nl_sock_mutex);
	owe_be_detached(dev_net(nl->dev), nl->ifindex);
	owe_nl_free(nl);
}

/* --- what nl80211 and the interface report ------------------------------ */

static void owe_nl_rx_frame(struct owe_nl80211 *nl, const u8 *data,
			    unsigned int len)
{
	struct owe_be *be = nl->be;
	struct sk_buff *skb;

	if (!be || len < offsetof(struct ieee80211_mgmt, u))
		return;
	skb = dev_alloc_skb(len);
	if (!skb)
		return;
	skb_put_data(skb, data, len);
	switch (be->events->rx_mgmt(be->core, skb)) {
	case OWE_BE_RX_CONSUMED:
		break;
	case OWE_BE_RX_DEFER:
		if (skb_queue_len(&nl->deferred) >= OWE_NL_MAX_DEFERRED) {
			net_warn_ratelimited("%s: deferred frame dropped: %u waiting\n",
					     nl->dev->name, OWE_NL_MAX_DEFERRED);
			kfree_skb(skb);
			break;
		}
		skb_queue_tail(&nl->deferred, skb);
		wiphy_work_queue(nl->wiphy, &nl->event_work);
		break;
	default:
		/* nl80211 gave it to this socket only: nobody else wants it */
		kfree_skb(skb);
		break;
	}
}

/* the socket's messages: frames and events (bottom halves disabled) */
static void owe_nl_rx(void *ctx, const struct nlmsghdr *nlh)
{
	const struct genlmsghdr *gnlh = nlmsg_data(nlh);
	const struct nlattr *attr, *frame = NULL;
	struct owe_nl80211 *nl = ctx;
	const u8 *mac = NULL;
	u32 ifindex = 0;
	int rem;

	nla_for_each_attr(attr, nlmsg_data(nlh) + GENL_HDRLEN,
			  nlmsg_len(nlh) - GENL_HDRLEN, rem) {
		switch (nla_type(attr)) {
		case NL80211_ATTR_IFINDEX:
			if (nla_len(attr) >= sizeof(u32))
				ifindex = nla_get_u32(attr);
			break;
		case NL80211_ATTR_FRAME:
			frame = attr;
			break;
		case NL80211_ATTR_MAC:
			if (nla_len(attr) >= ETH_ALEN)
				mac = nla_data(attr);
			break;
		}
	}
	if (ifindex != nl->ifindex)
		return;

	switch (gnlh->cmd) {
	case NL80211_CMD_FRAME:
		if (frame)
			owe_nl_rx_frame(nl, nla_data(frame), nla_len(frame));
		break;
	case NL80211_CMD_UNEXPECTED_FRAME:
		if (mac && nl->be)
			nl->be->events->rx_spurious(nl->be->core, mac);
		break;
	case NL80211_CMD_DEL_STATION:
		/* nl80211 reports our own deletions to us too, synchronously */
		if (mac && !(READ_ONCE(nl->sender) == current &&
			     ether_addr_equal(mac, nl->deleting)))
			owe_nl_report_removed(nl, mac);
		break;
	case NL80211_CMD_STOP_AP:
		owe_nl_report_stop(nl);
		break;
	}
}

#if IS_ENABLED(CONFIG_NETFILTER_INGRESS)
static unsigned int owe_nl_eapol_ingress(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	struct owe_nl80211 *nl = priv;
	struct owe_be *be = READ_ONCE(nl->be);

	if (skb->protocol != htons(ETH_P_PAE) || !be)
		return NF_ACCEPT;
	be->events->rx_eapol(be->core, skb);
	return NF_STOLEN;
}

static int owe_nl_eapol_start(struct owe_nl80211 *nl)
{
	nl->eapol_hook.hook = owe_nl_eapol_ingress;
	nl->eapol_hook.pf = NFPROTO_NETDEV;
	nl->eapol_hook.hooknum = NF_NETDEV_INGRESS;
	nl->eapol_hook.priority = INT_MIN;
	nl->eapol_hook.dev = nl->dev;
	nl->eapol_hook.priv = nl;
	return nf_register_net_hook(dev_net(nl->dev), &nl->eapol_hook);
}

static void owe_nl_eapol_stop(struct owe_nl80211 *nl)
{
	nf_unregister_net_hook(dev_net(nl->dev), &nl->eapol_hook);
	/* a hook already running may still hand the core a frame */
	synchronize_net();
}
#else
static int owe_nl_eapol_rcv(struct sk_buff *skb, struct net_device *dev,
			    struct packet_type *pt, struct net_device *orig_dev)
{
	struct owe_nl80211 *nl = container_of(pt, struct owe_nl80211, pt);
	struct owe_be *be = READ_ONCE(nl->be);

	if (!be || orig_dev != nl->dev || skb->pkt_type == PACKET_OTHERHOST ||
	    skb->pkt_type == PACKET_OUTGOING) {
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	skb = skb_share_check(skb, GFP_ATOMIC);
	if (!skb)
		return NET_RX_DROP;
	be->events->rx_eapol(be->core, skb);
	return NET_RX_SUCCESS;
}

static int owe_nl_eapol_start(struct owe_nl80211 *nl)
{
	nl->pt.type = htons(ETH_P_PAE);
	nl->pt.dev = nl->dev;
	nl->pt.func = owe_nl_eapol_rcv;
	dev_add_pack(&nl->pt);
	return 0;
}

static void owe_nl_eapol_stop(struct owe_nl80211 *nl)
{
	dev_remove_pack(&nl->pt);
}
#endif

/* frames the core deferred, then stations others removed, then the stop */
static void owe_nl_event_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_nl80211 *nl = container_of(work, struct owe_nl80211,
					      event_work);
	u8 removed[OWE_NL_MAX_REMOVED][ETH_ALEN];
	struct owe_be *be = nl->be;
	unsigned int i, n;
	struct sk_buff *skb;
	bool stop;

	lockdep_assert_wiphy(wiphy);
	if (!be)
		return;
	while ((skb = skb_dequeue(&nl->deferred))) {
		be->events->rx_mgmt_deferred(be->core, skb);
		kfree_skb(skb);
	}
	spin_lock_bh(&nl->ev_lock);
	n = nl->n_removed;
	memcpy(removed, nl->removed, n * ETH_ALEN);
	nl->n_removed = 0;
	stop = nl->stop;
	spin_unlock_bh(&nl->ev_lock);
	for (i = 0; i < n; i++) {
		owe_nl_inact_forget(nl, removed[i]);
		be->events->sta_removed(be->core, removed[i]);
	}
	if (!stop)
		return;
	be->ops->detach(be);
	/* the core frees @be */
	be->events->stopped(be->core);
}

/* someone else replaced the beacon when its tail is not the one last set */
static void owe_nl_beacon_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_nl80211 *nl = container_of(work, struct owe_nl80211,
					      beacon_work.work);
	struct owe_be *be = nl->be;
	size_t len;
	u8 *live;

	lockdep_assert_wiphy(wiphy);
	if (!be)
		return;
	if (nl->tail && !atomic_read(&nl->tail_pending)) {
		live = owe_nl_live_tail(nl, &len);
		if (live && !owe_nl_tail_eq(live, len, nl->tail, nl->tail_len)) {
			/* the live beacon is the truth now: the core reads it */
			kfree(nl->tail);
			nl->tail = NULL;
			be->events->beacon_changed(be->core);
		}
		kfree(live);
	}
	wiphy_delayed_work_queue(wiphy, &nl->beacon_work, OWE_NL_BEACON_POLL);
}

static int owe_nl_netdev_event(struct notifier_block *nb, unsigned long event,
			       void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct owe_nl80211 *nl;

	switch (event) {
	case NETDEV_CHANGE:
		/* mac80211 turns the carrier off when the AP stops */
		if (netif_carrier_ok(dev))
			return NOTIFY_DONE;
		break;
	case NETDEV_GOING_DOWN:
	case NETDEV_UNREGISTER:
		break;
	default:
		return NOTIFY_DONE;
	}
	spin_lock_bh(&owe_nl_list_lock);
	list_for_each_entry(nl, &owe_nl_list, list)
		if (nl->dev == dev)
			owe_nl_report_stop(nl);
	spin_unlock_bh(&owe_nl_list_lock);
	return NOTIFY_DONE;
}

static struct notifier_block owe_nl_netdev_nb = {
	.notifier_call = owe_nl_netdev_event,
};

/* --- the ops ---------------------------------------------------------- */

/*
 * The beacon and the group key's PN come from mac80211's driver API, so
 * the interface must be mac80211's. Nothing exported says so; mac80211's
 * interfaces open with its ieee80211_open(), whose name the symbol table
 * has (functions are always in it).
 */
static bool owe_nl_is_mac80211(struct net_device *dev)
{
	static const char name[] = "ieee80211_open";
	char sym[KSYM_SYMBOL_LEN];

	if (!IS_ENABLED(CONFIG_KALLSYMS) || !dev->netdev_ops->ndo_open)
		return false;
	sprint_symbol_no_offset(sym, (unsigned long)dev->netdev_ops->ndo_open);
	return !strncmp(sym, name, sizeof(name) - 1) &&
	       (!sym[sizeof(name) - 1] || sym[sizeof(name) - 1] == ' ');
}

static int owe_nl_attach(struct owe_be *be, struct netlink_ext_ack *extack)
{
	struct wireless_dev *wdev = be->dev->ieee80211_ptr;
	struct owe_nl80211 *nl;
	int ret;

	lockdep_assert_wiphy(be->wiphy);
	if (!owe_nls_ready()) {
		NL_SET_ERR_MSG_MOD(extack,
				   "nl80211 was not found when the module loaded");
		return -EOPNOTSUPP;
	}
	if (!owe_nl_is_mac80211(be->dev)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is not a mac80211 interface",
				       be->dev->name);
		return -EOPNOTSUPP;
	}
	if (wdev->valid_links) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is an MLD: not supported",
				       be->dev->name);
		return -EOPNOTSUPP;
	}
	if (!netif_carrier_ok(be->dev)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s does not beacon",
				       be->dev->name);
		return -ENETDOWN;
	}
	/* an unlocked look; nl80211 refuses a second registration anyway */
	if (READ_ONCE(wdev->ap_unexpected_nlportid) ||
	    !list_empty_careful(&wdev->mgmt_registrations)) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "another program (hostapd?) takes %s's management frames",
				       be->dev->name);
		return -EBUSY;
	}

	nl = kzalloc(sizeof(*nl), GFP_KERNEL);
	if (!nl)
		return -ENOMEM;
	nl->dev = be->dev;
	nl->wiphy = be->wiphy;
	nl->ifindex = be->dev->ifindex;
	ether_addr_copy(nl->bssid, be->bssid);
	INIT_WORK(&nl->work, owe_nl_work);
	INIT_WORK(&nl->close_work, owe_nl_close_work);
	skb_queue_head_init(&nl->reqs);
	skb_queue_head_init(&nl->deferred);
	wiphy_work_init(&nl->event_work, owe_nl_event_work);
	wiphy_delayed_work_init(&nl->beacon_work, owe_nl_beacon_work);
	spin_lock_init(&nl->ev_lock);
	spin_lock_init(&nl->inact_lock);
	hash_init(nl->inact);
	nl->net = dev_net(be->dev);
	nl->nls = owe_nls_open(nl->net, owe_nl_rx, nl);
	if (IS_ERR(nl->nls)) {
		ret = PTR_ERR(nl->nls);
		kfree(nl);
		return ret;
	}
	netdev_hold(nl->dev, &nl->dev_tracker, GFP_KERNEL);
	nl->be = be;
	be->priv = nl;

	ret = owe_nl_eapol_start(nl);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot hook %s's ingress for EAPOL frames (%d)",
				       nl->dev->name, ret);
		be->priv = NULL;
		netdev_put(nl->dev, &nl->dev_tracker);
		owe_nls_close(nl->nls);
		kfree(nl);
		return ret;
	}
	spin_lock_bh(&owe_nl_list_lock);
	list_add_tail(&nl->list, &owe_nl_list);
	spin_unlock_bh(&owe_nl_list_lock);
	/* the frame registrations go first (and the socket on owe_nl_all) */
	queue_work(owe_nl_wq, &nl->work);
	wiphy_delayed_work_queue(nl->wiphy, &nl->beacon_work,
				 OWE_NL_BEACON_POLL);
	return 0;
}

static void owe_nl_detach(struct owe_be *be)
{
	struct owe_nl80211 *nl = owe_nl(be);

	lockdep_assert_wiphy(be->wiphy);
	owe_nls_stop_rx(nl->nls);
	owe_nl_eapol_stop(nl);
	spin_lock_bh(&owe_nl_list_lock);
	list_del(&nl->list);
	spin_unlock_bh(&owe_nl_list_lock);
	spin_lock_bh(&nl->ev_lock);
	nl->gone = true;
	spin_unlock_bh(&nl->ev_lock);
	wiphy_work_cancel(nl->wiphy, &nl->event_work);
	wiphy_delayed_work_cancel(nl->wiphy, &nl->beacon_work);
	skb_queue_purge(&nl->deferred);
	WRITE_ONCE(nl->be, NULL);
	be->priv = NULL;
	/* what the core queued last still goes out, then the socket closes */
	queue_work(owe_nl_wq, &nl->close_work);
}

/* the live beacon, with the tail last queued in place of its own */
static struct sk_buff *owe_nl_beacon(struct owe_be *be,
				     unsigned int *tim_offset,
				     unsigned int *tim_len)
{
	struct ieee80211_hw *hw = wiphy_to_ieee80211_hw(be->wiphy);
	struct ieee80211_vif *vif = wdev_to_ieee80211_vif(be->dev->ieee80211_ptr);
	struct ieee80211_mutable_offsets offs = {};
	struct owe_nl80211 *nl = owe_nl(be);
	struct sk_buff *skb, *out;
	unsigned int head;

	lockdep_assert_wiphy(be->wiphy);
	if (!vif)
		return NULL;
	skb = ieee80211_beacon_get_template(hw, vif, &offs, 0);
	if (!skb || !nl->tail)
		goto done;
	head = offs.tim_offset + offs.tim_length;
	if (!offs.tim_offset || head > skb->len)
		goto done;
	out = dev_alloc_skb(head + nl->tail_len);
	if (!out)
		goto done;
	skb_put_data(out, skb->data, head);
	skb_put_data(out, nl->tail, nl->tail_len);
	dev_kfree_skb(skb);
	skb = out;
done:
	*tim_offset = offs.tim_offset;
	*tim_len = offs.tim_length;
	return skb;
}

static struct sk_buff *owe_nl_alloc_mgmt(struct owe_be *be, unsigned int len)
{
	return alloc_skb(len, GFP_ATOMIC);
}

static int owe_nl_tx_mgmt(struct owe_be *be, struct sk_buff *skb)
{
	struct owe_nl80211 *nl = owe_nl(be);

	if (atomic_inc_return(&nl->n_tx) > OWE_NL_MAX_TX) {
		atomic_dec(&nl->n_tx);
		kfree_skb(skb);
		return -ENOBUFS;
	}
	memset(skb->cb, 0, sizeof(skb->cb));
	OWE_NL_CB(skb)->kind = OWE_NL_REQ_FRAME;
	if (skb->len >= ETH_ALEN + 4)
		ether_addr_copy(OWE_NL_CB(skb)->addr, skb->data + 4);
	owe_nl_queue(nl, skb);
	return 0;
}

static int owe_nl_tx_eapol(struct owe_be *be, const u8 *da, const u8 *frame,
			   size_t len)
{
	struct sk_buff *skb;

	skb = owe_be_eapol_build(be->dev, be->bssid, da, frame, len);
	if (!skb)
		return -ENOMEM;
	memset(skb->cb, 0, sizeof(skb->cb));
	OWE_NL_CB(skb)->kind = OWE_NL_REQ_EAPOL;
	ether_addr_copy(OWE_NL_CB(skb)->addr, da);
	owe_nl_queue(owe_nl(be), skb);
	return 0;
}

static int owe_nl_put_capa(struct sk_buff *msg, int type, const void *data,
			   size_t len)
{
	return data ? nla_put(msg, type, len, data) : 0;
}

static int owe_nl_add_sta(struct owe_be *be, const struct owe_be_sta *sta)
{
	const struct station_parameters *p = &sta->params;
	const struct link_station_parameters *l = &p->link_sta_params;
	struct nl80211_sta_flag_update flags = {
		.mask = p->sta_flags_mask,
		.set = p->sta_flags_set,
	};
	struct owe_nl80211 *nl = owe_nl(be);
	struct sk_buff *msg;
	struct nlattr *wme;
	int ret;

	lockdep_assert_wiphy(be->wiphy);
	msg = owe_nl_msg(nl, NL80211_CMD_NEW_STATION, NLMSG_GOODSIZE / 2);
	if (!msg)
		return -ENOMEM;
	ret = nla_put(msg, NL80211_ATTR_MAC, ETH_ALEN, sta->addr) ?:
	      nla_put(msg, NL80211_ATTR_STA_SUPPORTED_RATES,
		      l->supported_rates_len, l->supported_rates) ?:
	      nla_put_u16(msg, NL80211_ATTR_STA_AID, p->aid) ?:
	      nla_put_u16(msg, NL80211_ATTR_STA_LISTEN_INTERVAL,
			  p->listen_interval) ?:
	      nla_put(msg, NL80211_ATTR_STA_FLAGS2, sizeof(flags), &flags) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_STA_EXT_CAPABILITY,
			      p->ext_capab, p->ext_capab_len) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_HT_CAPABILITY, l->ht_capa,
			      sizeof(*l->ht_capa)) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_VHT_CAPABILITY, l->vht_capa,
			      sizeof(*l->vht_capa)) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_HE_CAPABILITY, l->he_capa,
			      l->he_capa_len) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_EHT_CAPABILITY, l->eht_capa,
			      l->eht_capa_len) ?:
	      owe_nl_put_capa(msg, NL80211_ATTR_HE_6GHZ_CAPABILITY,
			      l->he_6ghz_capa, sizeof(*l->he_6ghz_capa));
	if (!ret && (p->sta_modify_mask & STATION_PARAM_APPLY_CAPABILITY))
		ret = nla_put_u16(msg, NL80211_ATTR_STA_CAPABILITY,
				  p->capability);
	if (!ret && l->opmode_notif_used)
		ret = nla_put_u8(msg, NL80211_ATTR_OPMODE_NOTIF,
				 l->opmode_notif);
	if (!ret && (p->sta_modify_mask & STATION_PARAM_APPLY_UAPSD)) {
		wme = nla_nest_start(msg, NL80211_ATTR_STA_WME);
		ret = !wme ||
		      nla_put_u8(msg, NL80211_STA_WME_UAPSD_QUEUES,
				 p->uapsd_queues) ||
		      nla_put_u8(msg, NL80211_STA_WME_MAX_SP, p->max_sp);
		if (!ret)
			nla_nest_end(msg, wme);
	}
	if (ret) {
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	ether_addr_copy(OWE_NL_CB(msg)->addr, sta->addr);
	owe_nl_queue(nl, msg);
	return 0;
}

static int owe_nl_sta_msg(struct owe_nl80211 *nl, u8 cmd, const u8 *addr,
			  const struct nl80211_sta_flag_update *flags)
{
	struct sk_buff *msg;

	msg = owe_nl_msg(nl, cmd, nla_total_size(ETH_ALEN) +
			 nla_total_size(sizeof(*flags)));
	if (!msg)
		return -ENOMEM;
	if (nla_put(msg, NL80211_ATTR_MAC, ETH_ALEN, addr) ||
	    (flags && nla_put(msg, NL80211_ATTR_STA_FLAGS2, sizeof(*flags),
			      flags))) {
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	ether_addr_copy(OWE_NL_CB(msg)->addr, addr);
	owe_nl_queue(nl, msg);
	return 0;
}

static int owe_nl_del_sta(struct owe_be *be, const u8 *addr)
{
	struct owe_nl80211 *nl = owe_nl(be);

	lockdep_assert_wiphy(be->wiphy);
	owe_nl_inact_forget(nl, addr);
	return owe_nl_sta_msg(nl, NL80211_CMD_DEL_STATION, addr, NULL);
}

static int owe_nl_set_authorized(struct owe_be *be, const u8 *addr,
				 bool authorized)
{
	struct nl80211_sta_flag_update flags = {
		.mask = BIT(NL80211_STA_FLAG_AUTHORIZED),
		.set = authorized ? BIT(NL80211_STA_FLAG_AUTHORIZED) : 0,
	};

	lockdep_assert_wiphy(be->wiphy);
	return owe_nl_sta_msg(owe_nl(be), NL80211_CMD_SET_STATION, addr,
			      &flags);
}

/*
 * What nl80211 said at the last look, and a new look queued: a station's
 * inactivity is read a round late, which only delays its removal by one.
 */
static int owe_nl_sta_inactive_ms(struct owe_be *be, const u8 *addr, u32 *ms)
{
	struct owe_nl80211 *nl = owe_nl(be);
	struct owe_nl_inact *e, *found = NULL, *new;
	bool query = false;
	int ret = -EAGAIN;

	lockdep_assert_wiphy(be->wiphy);
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	spin_lock_bh(&nl->inact_lock);
	hash_for_each_possible(nl->inact, e, node,
			       get_unaligned((u32 *)(addr + 2)))
		if (ether_addr_equal(e->addr, addr))
			found = e;
	if (!found && new) {
		ether_addr_copy(new->addr, addr);
		hash_add(nl->inact, &new->node,
			 get_unaligned((u32 *)(addr + 2)));
		found = new;
		new = NULL;
	}
	if (found) {
		if (found->valid) {
			*ms = found->ms;
			ret = 0;
		}
		query = !found->queued;
		found->queued = true;
	}
	spin_unlock_bh(&nl->inact_lock);
	kfree(new);
	if (query && owe_nl_sta_msg(nl, NL80211_CMD_GET_STATION, addr, NULL))
		owe_nl_sta_queried(nl, addr);
	return ret;
}

static int owe_nl_set_key(struct owe_be *be, const u8 *addr,
			  const struct key_params *key, u8 idx,
			  bool set_default)
{
	struct owe_nl80211 *nl = owe_nl(be);
	struct nlattr *nest, *types;
	struct sk_buff *msg;
	int ret;

	lockdep_assert_wiphy(be->wiphy);
	/* sized to the octet: netlink would copy a roomier one, unwiped */
	msg = owe_nl_msg(nl, NL80211_CMD_NEW_KEY, nla_total_size(ETH_ALEN) +
			 nla_total_size(nla_total_size(key->key_len) +
					3 * nla_total_size(sizeof(u32))));
	if (!msg)
		return -ENOMEM;
	OWE_NL_CB(msg)->wipe = true;
	if (addr) {
		ether_addr_copy(OWE_NL_CB(msg)->addr, addr);
		if (nla_put(msg, NL80211_ATTR_MAC, ETH_ALEN, addr)) {
			kfree_skb(msg);
			return -EMSGSIZE;
		}
	}
	nest = nla_nest_start(msg, NL80211_ATTR_KEY);
	ret = !nest ||
	      nla_put(msg, NL80211_KEY_DATA, key->key_len, key->key) ||
	      nla_put_u8(msg, NL80211_KEY_IDX, idx) ||
	      nla_put_u32(msg, NL80211_KEY_CIPHER, key->cipher) ||
	      nla_put_u32(msg, NL80211_KEY_TYPE, addr ? NL80211_KEYTYPE_PAIRWISE :
			  NL80211_KEYTYPE_GROUP);
	if (ret) {
		memzero_explicit(msg->data, msg->len);
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	owe_nl_queue(nl, msg);
	if (!set_default || addr)
		return 0;

	msg = owe_nl_msg(nl, NL80211_CMD_SET_KEY,
			 nla_total_size(4 * nla_total_size(sizeof(u32))));
	if (!msg)
		return -ENOMEM;
	nest = nla_nest_start(msg, NL80211_ATTR_KEY);
	ret = !nest || nla_put_u8(msg, NL80211_KEY_IDX, idx);
	if (!ret && idx >= 4) {
		ret = nla_put_flag(msg, NL80211_KEY_DEFAULT_MGMT);
	} else if (!ret) {
		ret = nla_put_flag(msg, NL80211_KEY_DEFAULT);
		types = ret ? NULL : nla_nest_start(msg,
						    NL80211_KEY_DEFAULT_TYPES);
		ret = !types || nla_put_flag(msg,
					     NL80211_KEY_DEFAULT_TYPE_MULTICAST);
		if (!ret)
			nla_nest_end(msg, types);
	}
	if (ret) {
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	owe_nl_queue(nl, msg);
	return 0;
}

static int owe_nl_del_key(struct owe_be *be, const u8 *addr, u8 idx)
{
	struct owe_nl80211 *nl = owe_nl(be);
	struct sk_buff *msg;
	struct nlattr *nest;

	lockdep_assert_wiphy(be->wiphy);
	msg = owe_nl_msg(nl, NL80211_CMD_DEL_KEY, nla_total_size(ETH_ALEN) +
			 nla_total_size(2 * nla_total_size(sizeof(u32))));
	if (!msg)
		return -ENOMEM;
	nest = nla_nest_start(msg, NL80211_ATTR_KEY);
	if (!nest || nla_put_u8(msg, NL80211_KEY_IDX, idx) ||
	    nla_put_u32(msg, NL80211_KEY_TYPE, addr ? NL80211_KEYTYPE_PAIRWISE :
			NL80211_KEYTYPE_GROUP)) {
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	if (addr && nla_put(msg, NL80211_ATTR_MAC, ETH_ALEN, addr)) {
		kfree_skb(msg);
		return -EMSGSIZE;
	}
	owe_nl_queue(nl, msg);
	return 0;
}

struct owe_nl_pn {
	u8 idx;
	u64 pn;
	bool found;
};

static void owe_nl_pn_iter(struct ieee80211_hw *hw, struct ieee80211_vif *vif,
			   struct ieee80211_sta *sta,
			   struct ieee80211_key_conf *key, void *data)
{
	struct owe_nl_pn *pn = data;

	if (sta || key->keyidx != pn->idx)
		return;
	pn->pn = atomic64_read(&key->tx_pn);
	pn->found = true;
}

/* nl80211's GET_KEY needs the wiphy mutex the caller holds: read mac80211 */
static int owe_nl_get_tx_pn(struct owe_be *be, u8 idx, u64 *pn)
{
	struct ieee80211_vif *vif = wdev_to_ieee80211_vif(be->dev->ieee80211_ptr);
	struct owe_nl_pn p = { .idx = idx };

	lockdep_assert_wiphy(be->wiphy);
	if (!vif)
		return -ENODEV;
	ieee80211_iter_keys(wiphy_to_ieee80211_hw(be->wiphy), vif,
			    owe_nl_pn_iter, &p);
	if (!p.found)
		return -ENOENT;
	*pn = p.pn;
	return 0;
}

static int owe_nl_set_beacon_tail(struct owe_be *be, const u8 *tail,
				  size_t len)
{
	struct owe_nl80211 *nl = owe_nl(be);
	struct sk_buff *msg;
	size_t expect_len = 0;
	u8 *copy, *expect;

	lockdep_assert_wiphy(be->wiphy);
	copy = kmemdup(tail, len ?: 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	/*
	 * What the beacon's tail is when this request is sent, unless someone
	 * else changed it meanwhile: the one queued before, or the live one.
	 */
	if (nl->tail) {
		expect = kmemdup(nl->tail, nl->tail_len ?: 1, GFP_KERNEL);
		expect_len = nl->tail_len;
	} else {
		expect = owe_nl_live_tail(nl, &expect_len);
	}
	msg = owe_nl_msg(nl, NL80211_CMD_SET_BEACON, nla_total_size(len));
	if (!msg || nla_put(msg, NL80211_ATTR_BEACON_TAIL, len, tail)) {
		kfree(expect);
		kfree(copy);
		kfree_skb(msg);
		return msg ? -EMSGSIZE : -ENOMEM;
	}
	OWE_NL_CB(msg)->expect = expect;
	OWE_NL_CB(msg)->expect_len = expect_len;
	kfree(nl->tail);
	nl->tail = copy;
	nl->tail_len = len;
	atomic_inc(&nl->tail_pending);
	owe_nl_queue(nl, msg);
	return 0;
}

const struct owe_be_ops owe_be_nl80211_ops = {
	.name = "nl80211",
	.attach = owe_nl_attach,
	.detach = owe_nl_detach,
	.beacon = owe_nl_beacon,
	.alloc_mgmt = owe_nl_alloc_mgmt,
	.tx_mgmt = owe_nl_tx_mgmt,
	.tx_eapol = owe_nl_tx_eapol,
	.add_sta = owe_nl_add_sta,
	.del_sta = owe_nl_del_sta,
	.set_authorized = owe_nl_set_authorized,
	.sta_inactive_ms = owe_nl_sta_inactive_ms,
	.set_key = owe_nl_set_key,
	.del_key = owe_nl_del_key,
	.get_tx_pn = owe_nl_get_tx_pn,
	.set_beacon_tail = owe_nl_set_beacon_tail,
};

/*
 * The namespace's devices have left (their BSSes' stop events may still
 * be queued): its sockets go before the namespace does. What their BSSes
 * still ask of nl80211 fails, as it would for interfaces that are gone.
 */
static void __net_exit owe_nl_net_exit(struct net *net)
{
	struct owe_nl80211 *nl;

	/* a BSS attached just now joins owe_nl_all in its first run */
	flush_workqueue(owe_nl_wq);
	mutex_lock(&owe_nl_sock_mutex);
	list_for_each_entry(nl, &owe_nl_all, all)
		if (net_eq(nl->net, net))
			owe_nls_shutdown(nl->nls);
	mutex_unlock(&owe_nl_sock_mutex);
}

/* a subsystem: its exit runs after the devices' exits, before netlink's */
static struct pernet_operations owe_nl_net_ops = {
	.exit = owe_nl_net_exit,
};

/**
 * owe_be_nl80211_init - find nl80211 and start the request queue
 *
 * Return: 0 or a negative error; without nl80211 the backend refuses to
 * attach but the module loads.
 */
int owe_be_nl80211_init(void)
{
	int ret;

	owe_nl_wq = alloc_ordered_workqueue("owe_nl80211", 0);
	if (!owe_nl_wq)
		return -ENOMEM;
	ret = register_pernet_subsys(&owe_nl_net_ops);
	if (ret) {
		destroy_workqueue(owe_nl_wq);
		return ret;
	}
	ret = register_netdevice_notifier(&owe_nl_netdev_nb);
	if (ret) {
		unregister_pernet_subsys(&owe_nl_net_ops);
		destroy_workqueue(owe_nl_wq);
		return ret;
	}
	ret = owe_nls_init();
	if (ret)
		pr_warn("nl80211 not found (%d): the nl80211 backend cannot serve\n",
			ret);
	return 0;
}

/* what detached BSSes queued has gone out */
void owe_be_nl80211_flush(void)
{
	flush_workqueue(owe_nl_wq);
}

/* every BSS is gone: send what they queued last and close their sockets */
void owe_be_nl80211_exit(void)
{
	unregister_netdevice_notifier(&owe_nl_netdev_nb);
	destroy_workqueue(owe_nl_wq);
	unregister_pernet_subsys(&owe_nl_net_ops);
}
