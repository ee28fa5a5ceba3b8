/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A kernel-side netlink client of nl80211, for the nl80211 backend: one
 * socket per BSS, in the BSS's network namespace, doing from the kernel
 * what hostapd does from user space.
 */
#ifndef _OWE_BACKEND_NLSOCK_H
#define _OWE_BACKEND_NLSOCK_H

#include <linux/netlink.h>
#include <linux/types.h>
#include <net/net_namespace.h>

struct owe_nls;

/**
 * typedef owe_nls_rx_t - a message of nl80211 that answers no request
 * @ctx: the socket's owner
 * @nlh: the message: a forwarded frame, an event, a multicast
 *
 * Called in the context of whoever sent it (softirq for received frames),
 * never concurrently for one socket, never after owe_nls_stop_rx().
 */
typedef void (*owe_nls_rx_t)(void *ctx, const struct nlmsghdr *nlh);

/**
 * typedef owe_nls_reply_t - a reply to owe_nls_request()'s request
 * @arg: the request's argument
 * @nlh: one message of the reply
 */
typedef void (*owe_nls_reply_t)(void *arg, const struct nlmsghdr *nlh);

int owe_nls_init(void);
bool owe_nls_ready(void);
struct owe_nls *owe_nls_open(struct net *net, owe_nls_rx_t rx, void *ctx);
int owe_nls_join_mlme(struct owe_nls *nls);
void owe_nls_stop_rx(struct owe_nls *nls);
void owe_nls_shutdown(struct owe_nls *nls);
void owe_nls_close(struct owe_nls *nls);
struct sk_buff *owe_nls_msg(u8 cmd, size_t payload);
int owe_nls_request(struct owe_nls *nls, struct sk_buff *msg, bool wipe,
		    owe_nls_reply_t reply, void *arg);

#endif /* _OWE_BACKEND_NLSOCK_H */
