/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owectl apply: the hostapd.conf subset it reads (conf.c) and what it makes
 * of each BSS: the options of "ap start", the bridge, the BSSID.
 */
#ifndef OWECTL_CONF_H
#define OWECTL_CONF_H

#include "owectl.h"

#define CONF_MAX_BSS	16
#define CONF_MAX_ARGS	32

enum conf_key {
	K_INTERFACE,
	K_BSS,
	K_DRIVER,
	K_HW_MODE,
	K_CHANNEL,
	K_BEACON_INT,
	K_SSID,
	K_BSSID,
	K_IGNORE_BROADCAST_SSID,
	K_WPA,
	K_WPA_KEY_MGMT,
	K_OWE_GROUPS,
	K_OWE_PTK_WORKAROUND,
	K_OWE_TRANSITION_IFNAME,
	K_OWE_TRANSITION_BSSID,
	K_OWE_TRANSITION_SSID,
	K_IEEE80211W,
	K_RSN_PAIRWISE,
	K_BRIDGE,
	K_DTIM_PERIOD,
	K_COUNT,
};

struct conf_bss {
	char ifname[IF_NAMESIZE];
	unsigned int line;		/* of its interface= or bss= line */
	bool from_bss;			/* a bss= section: created when missing */
	char *val[K_COUNT];		/* as the file gives them, NULL: absent */
	unsigned int key_line[K_COUNT];

	/* derived by conf_read() */
	bool owe;
	bool bad_role;			/* wpa_key_mgmt refused: no pair checks */
	bool hidden;
	bool has_bssid;
	uint8_t bssid[ETH_ALEN];
	const char *bridge;		/* NULL: none */
	int argc;			/* the options of "ap start" */
	char *argv[CONF_MAX_ARGS];
};

struct conf {
	const char *path;
	int n_bss;
	struct conf_bss bss[CONF_MAX_BSS];
};

int conf_read(const char *path, struct conf *conf);
void conf_free(struct conf *conf);
struct conf_bss *conf_find(struct conf *conf, const char *ifname);

#endif /* OWECTL_CONF_H */
