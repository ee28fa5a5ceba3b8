// SPDX-License-Identifier: GPL-2.0
/*
 * A kernel netlink socket that talks to nl80211 as hostapd does from user
 * space. Requests go out with netlink_unicast() from process context
 * holding neither the wiphy mutex nor the RTNL: nl80211 takes both, and
 * the generic netlink lock it runs under is taken before the wiphy mutex
 * elsewhere. nl80211 handles a request synchronously, inside
 * netlink_unicast(), so its acknowledgment is in the socket when the call
 * returns. Everything nl80211 sends to the socket (acknowledgments,
 * replies, forwarded frames, events) arrives in sk_data_ready in the
 * sender's context: softirq for a received frame. One reader at a time
 * drains the queue, under @rx_lock.
 */

#include <linux/genetlink.h>
#include <linux/net.h>
#include <linux/nl80211.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "backend/nlsock.h"

/* nl80211's family and its "mlme" multicast group, resolved at load */
static u16 owe_nls_family;
static u32 owe_nls_mlme_group;

/**
 * struct owe_nls - one socket
 * @sock: the kernel socket
 * @portid: its netlink address
 * @rx: where messages that answer no request go
 * @ctx: @rx's argument
 * @rx_lock: one reader of the receive queue at a time; guards the
 *	fields below
 * @seq: the last request's sequence number
 * @wait_seq: the request in flight (0: none)
 * @wait_err: its acknowledgment's error
 * @wait_done: the acknowledgment came
 * @reply: where its reply goes
 * @reply_arg: @reply's argument
 */
struct owe_nls {
	struct socket *sock;
	u32 portid;
	owe_nls_rx_t rx;
	void *ctx;
	spinlock_t rx_lock; /* see above */
	u32 seq;
	u32 wait_seq;
	int wait_err;
	bool wait_done;
	owe_nls_reply_t reply;
	void *reply_arg;
};

static void owe_nls_dispatch(struct owe_nls *nls, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err;

	lockdep_assert_held(&nls->rx_lock);
	if (nlh->nlmsg_seq && nlh->nlmsg_seq == nls->wait_seq) {
		switch (nlh->nlmsg_type) {
		case NLMSG_ERROR:
			if (nlh->nlmsg_len < nlmsg_msg_size(sizeof(*err))) {
				nls->wait_err = -EPROTO;
			} else {
				err = nlmsg_data(nlh);
				nls->wait_err = err->error;
			}
			nls->wait_done = true;
			return;
		case NLMSG_DONE:
			nls->wait_done = true;
			return;
		default:
			if (nls->reply)
				nls->reply(nls->reply_arg, nlh);
			return;
		}
	}
	if (nlh->nlmsg_type == owe_nls_family && nls->rx &&
	    nlh->nlmsg_len >= nlmsg_msg_size(GENL_HDRLEN))
		nls->rx(nls->ctx, nlh);
}

static void owe_nls_drain(struct owe_nls *nls, struct sock *sk)
{
	const struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int rem;

	spin_lock_bh(&nls->rx_lock);
	while ((skb = skb_dequeue(&sk->sk_receive_queue))) {
		nlh = nlmsg_hdr(skb);
		rem = skb->len;
		while (nlmsg_ok(nlh, rem)) {
			owe_nls_dispatch(nls, nlh);
			nlh = nlmsg_next(nlh, &rem);
		}
		kfree_skb(skb);
	}
	spin_unlock_bh(&nls->rx_lock);
}

static void owe_nls_data_ready(struct sock *sk)
{
	struct owe_nls *nls;

	read_lock_bh(&sk->sk_callback_lock);
	nls = sk->sk_user_data;
	if (nls)
		owe_nls_drain(nls, sk);
	else
		skb_queue_purge(&sk->sk_receive_queue);
	read_unlock_bh(&sk->sk_callback_lock);
}

static struct sk_buff *owe_nls_msg_to(u16 type, u8 cmd, u8 version,
				      size_t payload)
{
	struct genlmsghdr *hdr;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;

	skb = nlmsg_new(GENL_HDRLEN + payload, GFP_KERNEL);
	if (!skb)
		return NULL;
	nlh = nlmsg_put(skb, 0, 0, type, GENL_HDRLEN, 0);
	if (!nlh) {
		kfree_skb(skb);
		return NULL;
	}
	hdr = nlmsg_data(nlh);
	hdr->cmd = cmd;
	hdr->version = version;
	hdr->reserved = 0;
	return skb;
}

/**
 * owe_nls_msg - a new nl80211 request
 * @cmd: the command
 * @payload: room for its attributes, in octets (nla_total_size() of each)
 *
 * Size it exactly when it carries a key: a message with much spare room is
 * copied by netlink_unicast() into a smaller one, which owe_nls_request()
 * cannot wipe.
 *
 * Return: the message, or %NULL when out of memory.
 */
struct sk_buff *owe_nls_msg(u8 cmd, size_t payload)
{
	return owe_nls_msg_to(owe_nls_family, cmd, 0, payload);
}

/**
 * owe_nls_request - send a request and wait for its acknowledgment
 * @nls: the socket
 * @msg: from owe_nls_msg(), attributes added; consumed
 * @wipe: @msg carries a secret: zero it once nl80211 is done with it
 * @reply: called for each message of the reply (under the socket's
 *	receive lock, bottom halves disabled), or %NULL
 * @arg: @reply's argument
 *
 * Requests on one socket must not overlap; the caller serializes them.
 *
 * Return: nl80211's answer (0 or a negative error).
 */
int owe_nls_request(struct owe_nls *nls, struct sk_buff *msg, bool wipe,
		    owe_nls_reply_t reply, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	unsigned int len = msg->len;
	u8 *data = msg->data;
	bool done;
	int ret;

	might_sleep();
	if (!nls->sock) {
		if (wipe)
			memzero_explicit(data, len);
		kfree_skb(msg);
		return -ENOTCONN;
	}
	nlh->nlmsg_len = len;
	nlh->nlmsg_pid = nls->portid;
	nlh->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	spin_lock_bh(&nls->rx_lock);
	nls->seq = nls->seq + 1 ?: 1;
	nlh->nlmsg_seq = nls->seq;
	nls->wait_seq = nls->seq;
	nls->wait_err = 0;
	nls->wait_done = false;
	nls->reply = reply;
	nls->reply_arg = arg;
	spin_unlock_bh(&nls->rx_lock);

	NETLINK_CB(msg).portid = nls->portid;
	/* addressed, as sendto() does: nl80211 checks the sender's caps */
	NETLINK_CB(msg).flags = NETLINK_SKB_DST;
	if (wipe)
		skb_get(msg);
	ret = netlink_unicast(nls->sock->sk, msg, 0, MSG_DONTWAIT);
	if (wipe) {
		memzero_explicit(data, len);
		kfree_skb(msg);
	}

	/* a reader on another CPU may hold the acknowledgment: wait for it */
	owe_nls_drain(nls, nls->sock->sk);
	spin_lock_bh(&nls->rx_lock);
	done = nls->wait_done;
	if (ret >= 0)
		ret = done ? nls->wait_err : -ETIMEDOUT;
	nls->wait_seq = 0;
	nls->reply = NULL;
	spin_unlock_bh(&nls->rx_lock);
	return ret;
}

/**
 * owe_nls_open - a socket to nl80211 in @net
 * @net: the network namespace of the BSS
 * @rx: where nl80211's frames and events go
 * @ctx: @rx's argument
 *
 * Return: the socket, or an ERR_PTR().
 */
struct owe_nls *owe_nls_open(struct net *net, owe_nls_rx_t rx, void *ctx)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	struct owe_nls *nls;
	struct sock *sk;
	int ret;

	nls = kzalloc(sizeof(*nls), GFP_KERNEL);
	if (!nls)
		return ERR_PTR(-ENOMEM);
	spin_lock_init(&nls->rx_lock);
	nls->rx = rx;
	nls->ctx = ctx;
	ret = sock_create_kern(net, AF_NETLINK, SOCK_RAW, NETLINK_GENERIC,
			       &nls->sock);
	if (ret)
		goto err_free;
	ret = kernel_bind(nls->sock, (struct sockaddr *)&addr, sizeof(addr));
	if (ret)
		goto err_release;
	ret = kernel_getsockname(nls->sock, (struct sockaddr *)&addr);
	if (ret < 0)
		goto err_release;
	nls->portid = addr.nl_pid;

	sk = nls->sock->sk;
	/* frames come in bursts; a full queue would stay congested */
	WRITE_ONCE(sk->sk_rcvbuf, 4 << 20);
	write_lock_bh(&sk->sk_callback_lock);
	sk->sk_user_data = nls;
	sk->sk_data_ready = owe_nls_data_ready;
	write_unlock_bh(&sk->sk_callback_lock);
	return nls;

err_release:
	sock_release(nls->sock);
err_free:
	kfree(nls);
	return ERR_PTR(ret);
}

/**
 * owe_nls_join_mlme - receive nl80211's "mlme" events (stations deleted,
 *	the AP stopped) of the socket's namespace
 * @nls: the socket
 *
 * Process context, no wiphy mutex (generic netlink's bind takes its lock).
 *
 * Return: 0 or a negative error.
 */
int owe_nls_join_mlme(struct owe_nls *nls)
{
	u32 group = owe_nls_mlme_group;

	might_sleep();
	if (!group)
		return -ENOENT;
	if (!nls->sock)
		return -ENOTCONN;
	return nls->sock->ops->setsockopt(nls->sock, SOL_NETLINK,
					  NETLINK_ADD_MEMBERSHIP,
					  KERNEL_SOCKPTR(&group),
					  sizeof(group));
}

/**
 * owe_nls_stop_rx - no more calls of the socket's rx callback
 * @nls: the socket
 *
 * When it returns, no callback runs; the socket can still send requests.
 */
void owe_nls_stop_rx(struct owe_nls *nls)
{
	spin_lock_bh(&nls->rx_lock);
	nls->rx = NULL;
	spin_unlock_bh(&nls->rx_lock);
}

/**
 * owe_nls_shutdown - release the socket; requests fail from now on
 * @nls: the socket
 *
 * nl80211 forgets the socket's frame registrations with it. The caller
 * serializes it with owe_nls_request(). Also when the socket's network
 * namespace goes away: the socket holds no reference on it.
 */
void owe_nls_shutdown(struct owe_nls *nls)
{
	struct sock *sk;

	if (!nls->sock)
		return;
	sk = nls->sock->sk;
	write_lock_bh(&sk->sk_callback_lock);
	sk->sk_user_data = NULL;
	write_unlock_bh(&sk->sk_callback_lock);
	sock_release(nls->sock);
	nls->sock = NULL;
}

/**
 * owe_nls_close - release the socket and free it
 * @nls: the socket
 */
void owe_nls_close(struct owe_nls *nls)
{
	owe_nls_shutdown(nls);
	kfree(nls);
}

/* CTRL_CMD_GETFAMILY's reply: the family's id and its multicast groups */
static void owe_nls_family_reply(void *arg, const struct nlmsghdr *nlh)
{
	const struct nlattr *attr, *grp, *a;
	int rem, rem2, rem3;
	u32 id;

	nla_for_each_attr(attr, nlmsg_data(nlh) + GENL_HDRLEN,
			  nlmsg_len(nlh) - GENL_HDRLEN, rem) {
		if (nla_type(attr) == CTRL_ATTR_FAMILY_ID &&
		    nla_len(attr) >= sizeof(u16))
			owe_nls_family = nla_get_u16(attr);
		if (nla_type(attr) != CTRL_ATTR_MCAST_GROUPS)
			continue;
		nla_for_each_nested(grp, attr, rem2) {
			bool mlme = false;

			id = 0;
			nla_for_each_nested(a, grp, rem3) {
				if (nla_type(a) == CTRL_ATTR_MCAST_GRP_ID &&
				    nla_len(a) >= sizeof(u32))
					id = nla_get_u32(a);
				if (nla_type(a) == CTRL_ATTR_MCAST_GRP_NAME &&
				    !nla_strcmp(a, NL80211_MULTICAST_GROUP_MLME))
					mlme = true;
			}
			if (mlme)
				owe_nls_mlme_group = id;
		}
	}
}

/**
 * owe_nls_init - find nl80211's generic netlink family
 *
 * Return: 0 or a negative error (no nl80211).
 */
int owe_nls_init(void)
{
	struct owe_nls *nls;
	struct sk_buff *msg;
	int ret;

	nls = owe_nls_open(&init_net, NULL, NULL);
	if (IS_ERR(nls))
		return PTR_ERR(nls);
	msg = owe_nls_msg_to(GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1,
			     nla_total_size(sizeof(NL80211_GENL_NAME)));
	if (!msg) {
		ret = -ENOMEM;
		goto out;
	}
	if (nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, NL80211_GENL_NAME)) {
		kfree_skb(msg);
		ret = -EMSGSIZE;
		goto out;
	}
	ret = owe_nls_request(nls, msg, false, owe_nls_family_reply, NULL);
	if (!ret && (!owe_nls_family || !owe_nls_mlme_group))
		ret = -ENOENT;
out:
	owe_nls_close(nls);
	return ret;
}

/* the family was found: sockets can talk to nl80211 */
bool owe_nls_ready(void)
{
	return owe_nls_family && owe_nls_mlme_group;
}
