/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owectl: configure owe.ko, the in-kernel OWE authenticator for mac80211
 * access points. Commands register themselves in the "__cmd" linker section
 * with SECTION() and COMMAND() (one file per command group), as iw does.
 */
#ifndef OWECTL_H
#define OWECTL_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/genl/genl.h>
#include <linux/owe.h>

#define ETH_ALEN 6
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* suite selectors of the IEEE 802.11 RSN OUI, 00-0f-ac:<n> */
#define RSN_OUI			0x000fac
#define RSN_SUITE(n)		(((uint32_t)RSN_OUI << 8) | (n))
#define RSN_SUITE_CCMP		RSN_SUITE(4)
#define RSN_SUITE_OWE		RSN_SUITE(18)

/*
 * Handler return contract (as iw's): a negative errno when a request failed
 * (the core prints "command failed: ..."), 0 on success, HANDLER_RET_USAGE
 * when the arguments were wrong (the core prints the command's usage), or
 * HANDLER_RET_DONE when the handler has printed its own error message.
 */
#define HANDLER_RET_USAGE 1
#define HANDLER_RET_DONE 2

enum command_identify_by {
	CIB_NONE,	/* top-level command: owectl <cmd> ... */
	CIB_NETDEV,	/* owectl dev <ifname> <section> <cmd> ... */
};

struct owectl_state {
	struct nl_sock *sock;
	int nl80211_id;
	int owe_id;		/* -1 when the owe family is not registered */
	unsigned int ifindex;	/* CIB_NETDEV: the interface named on the command line */
	const char *ifname;
	bool no_owe;		/* hidden --no-owe: skip the owe family (tests) */
};

struct cmd {
	const char *name;
	const char *args;
	const char *help;
	/* OWE_CMD_* sent by the core, or 0 when the handler sends its own requests */
	uint8_t cmd;
	int nl_msg_flags;
	bool hidden;
	int order;		/* __LINE__: help lists a section's commands in source order */
	enum command_identify_by idby;
	/*
	 * msg is the request the core sends after the handler returns 0 (with
	 * the ifindex already in it for CIB_NETDEV), NULL when cmd is 0.
	 */
	int (*handler)(struct owectl_state *state, struct nl_msg *msg,
		       int argc, char **argv);
	const struct cmd *parent;	/* the SECTION(), NULL for TOPLEVEL() */
};

#define __COMMAND(_section, _symname, _name, _args, _nlcmd, _flags, _hidden,	\
		  _idby, _handler, _help)						\
	static struct cmd __cmd_ ## _symname = {					\
		.name = (_name),							\
		.args = (_args),							\
		.help = (_help),							\
		.cmd = (_nlcmd),							\
		.nl_msg_flags = (_flags),						\
		.hidden = (_hidden),							\
		.order = __LINE__,							\
		.idby = (_idby),							\
		.handler = (_handler),							\
		.parent = (_section),							\
	};										\
	static struct cmd *__cmd_ ## _symname ## _p					\
	__attribute__((used, section("__cmd"))) = &__cmd_ ## _symname

/* COMMAND(ap, start, ...): "owectl dev <ifname> ap start ..." */
#define COMMAND(_section, _name, _args, _nlcmd, _flags, _idby, _handler, _help)	\
	__COMMAND(&(__section_ ## _section), _section ## _ ## _name, #_name,	\
		  _args, _nlcmd, _flags, false, _idby, _handler, _help)
#define HIDDEN(_section, _name, _args, _nlcmd, _flags, _idby, _handler)		\
	__COMMAND(&(__section_ ## _section), _section ## _ ## _name, #_name,	\
		  _args, _nlcmd, _flags, true, _idby, _handler, NULL)
/* TOPLEVEL(event, ...): "owectl event ..." */
#define TOPLEVEL(_name, _args, _nlcmd, _flags, _idby, _handler, _help)		\
	__COMMAND(NULL, top_ ## _name, #_name, _args, _nlcmd, _flags, false,	\
		  _idby, _handler, _help)
/* SECTION(ap): a group of commands ("owectl dev <ifname> ap ...") */
#define SECTION(_name)								\
	struct cmd __section_ ## _name = {					\
		.name = (#_name),						\
		.hidden = true,							\
		.order = __LINE__,						\
		.idby = CIB_NETDEV,						\
	};									\
	static struct cmd *__section_ ## _name ## _p				\
	__attribute__((used, section("__cmd"))) = &__section_ ## _name
#define DECLARE_SECTION(_name) extern struct cmd __section_ ## _name

extern struct cmd *__start___cmd[];
extern struct cmd *__stop___cmd[];
#define for_each_cmd(_cmdp)							\
	for (struct cmd **__c = __start___cmd;					\
	     __c < __stop___cmd && ((_cmdp) = *__c, 1); __c++)

/* nl.c */
void register_handler(int (*handler)(struct nl_msg *, void *), void *data);
struct nl_msg *owe_msg(struct owectl_state *state, uint8_t cmd, int flags);
struct nl_msg *nl80211_msg(struct owectl_state *state, uint8_t cmd, int flags);
int owectl_send(struct owectl_state *state, struct nl_msg *msg,
		int (*valid)(struct nl_msg *, void *), void *arg);
int owectl_send_registered(struct owectl_state *state, struct nl_msg *msg);
int owe_family_check(struct owectl_state *state);
int nl80211_check(struct owectl_state *state);
int owe_event_socket(struct nl_sock **sock, bool quiet);
int nl_init(struct owectl_state *state);
void nl_cleanup(struct owectl_state *state);

/* nl80211.c */
struct ap_params {
	const char *ssid;
	size_t ssid_len;
	unsigned int freq;
	bool hidden;
	unsigned int beacon_int;
	unsigned int dtim_period;
	bool owe;
	uint32_t cipher;
};

int nl80211_ensure_ap_up(struct owectl_state *state);
int nl80211_start_ap(struct owectl_state *state, const struct ap_params *p);
int nl80211_stop_ap(struct owectl_state *state);
int ifname_to_index(const char *ifname, unsigned int *ifindex);
int nl80211_add_ap_iface(struct owectl_state *state, const char *radio_ifname,
			 const char *name);
int nl80211_del_iface(struct owectl_state *state, unsigned int ifindex);

/* parse.c */
int parse_freq(const char *arg, unsigned int *freq, unsigned int *chan);
int parse_uint(const char *what, const char *arg, unsigned long min,
	       unsigned long max, unsigned long *val);
int parse_mac(const char *arg, uint8_t mac[ETH_ALEN]);
int parse_ssid(const char *arg, size_t *len);
int parse_groups(const char *arg, uint32_t *mask);
int parse_akms(const char *arg, uint32_t *akms, int max, int *n);
int parse_cipher(const char *arg, uint32_t *suite);
int parse_pmf(const char *arg, uint32_t *pmf);
int parse_security(const char *arg, uint32_t *security);
int parse_on_off(const char *what, const char *arg, bool *on);
int parse_channel(const char *arg, uint8_t *op_class, uint8_t *chan);
int parse_reason(const char *arg, uint16_t *reason);
const char *akm_short_name(uint32_t suite);

/* ap.c */
#define AP_MAX_AKMS 16

/*
 * An ap-get reply of owe.ko, as parse_ap() reads it: has_* tell which
 * attributes the reply carried; what is absent reads as zero.
 */
struct ap_info {
	bool has_ifindex;
	unsigned int ifindex;
	bool has_ifname;
	char ifname[IF_NAMESIZE];
	bool has_security;
	uint32_t security;
	bool has_ssid;
	uint8_t ssid[OWE_SSID_MAX_LEN];
	size_t ssid_len;
	bool has_bssid;
	uint8_t bssid[ETH_ALEN];
	bool hidden;
	bool has_groups;
	uint32_t groups;
	bool has_pmf;
	uint32_t pmf;
	bool has_cipher;
	uint32_t cipher;
	uint32_t akms[AP_MAX_AKMS];
	int n_akms;
	bool has_ft;
	bool ft;
	bool has_trans_ifindex;
	unsigned int trans_ifindex;
	bool has_partner_ifindex;
	unsigned int partner_ifindex;
	bool has_tbssid;
	uint8_t tbssid[ETH_ALEN];
	bool has_tssid;
	uint8_t tssid[OWE_SSID_MAX_LEN];
	size_t tssid_len;
	bool has_tchan;		/* the op class and the channel both */
	uint8_t top_class;
	uint8_t tchan;
	bool has_gtk_rekey;
	uint32_t gtk_rekey;
	bool has_pmksa_lifetime;
	uint32_t pmksa_lifetime;
	bool has_ptk_workaround;
	bool ptk_workaround;
	bool has_sta_count;
	uint32_t sta_count;
	bool has_backend;
	char backend[32];
	bool has_counters;
	bool has_counter[OWE_A_COUNTERS_MAX + 1];
	uint64_t counters[OWE_A_COUNTERS_MAX + 1];
};

int parse_ap(struct nl_msg *msg, struct ap_info *ap);
bool ap_has_option(const char *opt);
int ap_check_option(const char *opt, const char *val);
int ap_start(struct owectl_state *state, int argc, char **argv);
int ap_stop(struct owectl_state *state);
int ap_get(struct owectl_state *state, struct ap_info *ap);

/* station.c */
int parse_history(struct nlattr *nest, uint32_t *state, uint64_t *ns,
		  const char **detail);
int parse_sta(struct nl_msg *msg, struct nlattr *tb[OWE_A_STA_MAX + 1]);

/* print.c */
const char *sta_state_name(uint32_t state);
const char *security_name(uint32_t security);
const char *pmf_name(uint32_t pmf);
const char *akm_name(uint32_t suite);
const char *cipher_name(uint32_t suite);
void print_suite(const char *label, uint32_t suite, const char *name);
void mac_to_str(const uint8_t *mac, char buf[18]);
void print_ssid(const uint8_t *ssid, size_t len);
void print_hex(const uint8_t *data, size_t len);
void print_groups(uint32_t mask);
void print_boottime(uint64_t ns);
void print_ip(int family, const void *addr);
uint64_t nla_get_uint_any(const struct nlattr *attr);

/*
 * owectl_err() prints "owectl: " and the message on stderr; while owectl
 * apply reads a file, owectl_where holds "FILE:LINE: ", so that every
 * parser's message names the line it came from, and owectl_err_sink, when
 * set, takes the messages instead of stderr (to print them in line order).
 */
extern const char *owectl_where;
extern void (*owectl_err_sink)(const char *msg);
void owectl_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* OWECTL_H */
