// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink plumbing: one generic netlink socket for nl80211 and the owe
 * family, synchronous requests, and extended-ack error reporting.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/msg.h>
#include "owectl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static int (*reg_handler)(struct nl_msg *, void *);
static void *reg_data;

/**
 * register_handler() - set the reply parser for the request the core sends
 * @handler: called for each reply message
 * @data: its argument
 */
void register_handler(int (*handler)(struct nl_msg *, void *), void *data)
{
	reg_handler = handler;
	reg_data = data;
}

/* print the NLMSGERR_ATTR_MSG of an error or done message, if any */
static void print_extack(struct nlmsghdr *nlh, size_t hdr_len)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	struct nlattr *attrs;
	const char *text;
	int len;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (nlh->nlmsg_len <= hdr_len)
		return;
	attrs = (struct nlattr *)((unsigned char *)nlh + hdr_len);
	len = nlh->nlmsg_len - hdr_len;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, attrs, len, NULL) < 0)
		return;
	if (!tb[NLMSGERR_ATTR_MSG])
		return;
	text = nla_data(tb[NLMSGERR_ATTR_MSG]);
	len = strnlen(text, nla_len(tb[NLMSGERR_ATTR_MSG]));
	fprintf(stderr, "kernel reports: %.*s\n", len, text);
}

static int error_handler(struct sockaddr_nl *nla, struct nlmsgerr *err,
			 void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)err - 1;
	size_t hdr_len = sizeof(*nlh) + sizeof(*err);
	int *ret = arg;

	(void)nla;
	*ret = err->error;
	/* without NLM_F_CAPPED the whole request is echoed before the TLVs */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		hdr_len += err->msg.nlmsg_len - sizeof(*nlh);
	print_extack(nlh, hdr_len);
	return NL_STOP;
}

/* a dump ends with NLMSG_DONE, which carries the dump's error, if any */
static int finish_handler(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	int *ret = arg;

	*ret = 0;
	if (nlh->nlmsg_len >= NLMSG_LENGTH(sizeof(int))) {
		int err;

		memcpy(&err, nlmsg_data(nlh), sizeof(err));
		if (err < 0) {
			*ret = err;
			print_extack(nlh, NLMSG_LENGTH(sizeof(int)));
		}
	}
	return NL_SKIP;
}

static int ack_handler(struct nl_msg *msg, void *arg)
{
	int *ret = arg;

	(void)msg;
	*ret = 0;
	return NL_STOP;
}

static int no_seq_check(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/**
 * owectl_send() - send a request and wait for its replies and ack
 * @state: owectl state
 * @msg: the request; always freed
 * @valid: called for each reply (may be NULL)
 * @arg: argument of @valid
 *
 * Return: 0 or a negative errno from the kernel (after printing its extack
 * message as "kernel reports: ...").
 */
int owectl_send(struct owectl_state *state, struct nl_msg *msg,
		int (*valid)(struct nl_msg *, void *), void *arg)
{
	struct nl_cb *cb;
	int err;

	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = nl_send_auto(state->sock, msg);
	nlmsg_free(msg);
	if (err < 0) {
		owectl_err("netlink send: %s\n", nl_geterror(err));
		err = -EIO;
		goto out;
	}
	err = 1;
	nl_cb_err(cb, NL_CB_CUSTOM, error_handler, &err);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, finish_handler, &err);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, ack_handler, &err);
	if (valid)
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, valid, arg);
	while (err > 0) {
		int ret = nl_recvmsgs(state->sock, cb);

		if (ret < 0 && err > 0) {
			owectl_err("netlink receive: %s\n", nl_geterror(ret));
			err = -EIO;
			break;
		}
	}
out:
	nl_cb_put(cb);
	return err;
}

/**
 * owectl_send_registered() - owectl_send() with the register_handler() parser
 * @state: owectl state
 * @msg: the request; always freed
 *
 * Return: as owectl_send().
 */
int owectl_send_registered(struct owectl_state *state, struct nl_msg *msg)
{
	return owectl_send(state, msg, reg_handler, reg_data);
}

/**
 * nl80211_check() - make sure nl80211 is there
 * @state: owectl state
 *
 * Return: 0, or HANDLER_RET_DONE after printing that it is missing.
 */
int nl80211_check(struct owectl_state *state)
{
	if (state->nl80211_id >= 0)
		return 0;
	owectl_err("the kernel has no 'nl80211' generic netlink family\n");
	return HANDLER_RET_DONE;
}

/**
 * owe_family_check() - make sure the owe family is registered
 * @state: owectl state
 *
 * Resolves the family again when it was missing at start-up, so that a
 * module loaded since then is found.
 *
 * Return: 0, or HANDLER_RET_DONE after printing why it is missing.
 */
int owe_family_check(struct owectl_state *state)
{
	if (state->owe_id < 0)
		state->owe_id = genl_ctrl_resolve(state->sock, OWE_FAMILY_NAME);
	if (state->owe_id >= 0)
		return 0;
	owectl_err("the kernel has no '%s' generic netlink family (is owe.ko loaded?)\n",
		   OWE_FAMILY_NAME);
	return HANDLER_RET_DONE;
}

static struct nl_msg *genl_msg(int family, uint8_t cmd, int flags,
			       uint8_t version)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, flags, cmd,
			 version)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/**
 * owe_msg() - start a request of the owe family
 * @state: owectl state (owe_family_check() must have succeeded)
 * @cmd: OWE_CMD_*
 * @flags: netlink flags (NLM_F_DUMP)
 *
 * Return: the message or NULL when out of memory.
 */
struct nl_msg *owe_msg(struct owectl_state *state, uint8_t cmd, int flags)
{
	return genl_msg(state->owe_id, cmd, flags, OWE_FAMILY_VERSION);
}

/**
 * nl80211_msg() - start an nl80211 request
 * @state: owectl state
 * @cmd: NL80211_CMD_*
 * @flags: netlink flags
 *
 * Return: the message or NULL when out of memory.
 */
struct nl_msg *nl80211_msg(struct owectl_state *state, uint8_t cmd, int flags)
{
	return genl_msg(state->nl80211_id, cmd, flags, 0);
}

/**
 * nl_init() - open the generic netlink socket and resolve the families
 * @state: owectl state to fill
 *
 * A missing family is not an error here (its id stays negative): commands
 * that need it say so through owe_family_check() or nl80211_check().
 *
 * Return: 0 or a negative errno after printing why.
 */
int nl_init(struct owectl_state *state)
{
	int one = 1;
	int err;

	state->sock = nl_socket_alloc();
	if (!state->sock) {
		owectl_err("cannot allocate a netlink socket\n");
		return -ENOMEM;
	}
	err = genl_connect(state->sock);
	if (err) {
		owectl_err("cannot connect to generic netlink: %s\n", nl_geterror(err));
		err = -ENOLINK;
		goto err_sock;
	}
	nl_socket_set_buffer_size(state->sock, 65536, 65536);
	/* error messages from the kernel, printed as "kernel reports: ..." */
	setsockopt(nl_socket_get_fd(state->sock), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	/* checked by nl80211_check() where needed, so arguments come first */
	state->nl80211_id = genl_ctrl_resolve(state->sock, "nl80211");
	state->owe_id = genl_ctrl_resolve(state->sock, OWE_FAMILY_NAME);
	return 0;

err_sock:
	nl_socket_free(state->sock);
	state->sock = NULL;
	return err;
}

/**
 * nl_cleanup() - close what nl_init() opened
 * @state: owectl state
 */
void nl_cleanup(struct owectl_state *state)
{
	if (state->sock)
		nl_socket_free(state->sock);
	state->sock = NULL;
}

/**
 * owe_event_socket() - a socket subscribed to the owe "events" group
 * @sock: set to the new socket
 * @quiet: say nothing when it cannot be had
 *
 * Return: 0 or HANDLER_RET_DONE (after printing why not, unless @quiet).
 */
int owe_event_socket(struct nl_sock **sock, bool quiet)
{
	struct nl_sock *s;
	int grp;
	int err;

	s = nl_socket_alloc();
	if (!s) {
		if (!quiet)
			owectl_err("cannot allocate a netlink socket\n");
		return HANDLER_RET_DONE;
	}
	err = genl_connect(s);
	if (err) {
		if (!quiet)
			owectl_err("cannot connect to generic netlink: %s\n",
				   nl_geterror(err));
		goto err_sock;
	}
	grp = genl_ctrl_resolve_grp(s, OWE_FAMILY_NAME, OWE_MCGRP_EVENTS);
	if (grp < 0) {
		if (!quiet)
			owectl_err("the kernel has no '%s' generic netlink family (is owe.ko loaded?)\n",
				   OWE_FAMILY_NAME);
		goto err_sock;
	}
	err = nl_socket_add_membership(s, grp);
	if (err) {
		if (!quiet)
			owectl_err("cannot join the '%s' multicast group: %s\n",
				   OWE_MCGRP_EVENTS, nl_geterror(err));
		goto err_sock;
	}
	nl_socket_disable_seq_check(s);
	nl_socket_modify_cb(s, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	*sock = s;
	return 0;

err_sock:
	nl_socket_free(s);
	return HANDLER_RET_DONE;
}
