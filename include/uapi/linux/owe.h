/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/owe.yaml */
/* YNL-GEN uapi header */

#ifndef _UAPI_LINUX_OWE_H
#define _UAPI_LINUX_OWE_H

#define OWE_FAMILY_NAME		"owe"
#define OWE_FAMILY_VERSION	1

#define OWE_SSID_MAX_LEN	32
#define OWE_MAC_LEN		6
#define OWE_PMKID_LEN		16
#define OWE_IFNAME_MAX_LEN	15

/**
 * enum owe_security - Role of a BSS served by the module.
 * @OWE_SECURITY_OPEN: Open system authentication, no encryption (the legacy
 *   side of a transition pair).
 * @OWE_SECURITY_OWE: Opportunistic Wireless Encryption (AKM 00-0F-AC:18).
 */
enum owe_security {
	OWE_SECURITY_OPEN,
	OWE_SECURITY_OWE,
};

/**
 * enum owe_pmf - Protected management frames policy of a BSS (RSN capabilities
 *   MFPC/MFPR).
 * @OWE_PMF_OFF: No management frame protection.
 * @OWE_PMF_OPTIONAL: MFPC set, MFPR clear.
 * @OWE_PMF_REQUIRED: MFPC and MFPR set.
 */
enum owe_pmf {
	OWE_PMF_OFF,
	OWE_PMF_OPTIONAL,
	OWE_PMF_REQUIRED,
};

/**
 * enum owe_dh_groups - Diffie-Hellman groups accepted by an OWE BSS, as a
 *   bitmask with bit N set for IANA group N.
 * @OWE_DH_GROUPS_ECP256: Group 19, NIST P-256 (mandatory for OWE).
 * @OWE_DH_GROUPS_ECP384: Group 20, NIST P-384.
 * @OWE_DH_GROUPS_ECP521: Group 21, NIST P-521.
 */
enum owe_dh_groups {
	OWE_DH_GROUPS_ECP256 = 524288,
	OWE_DH_GROUPS_ECP384 = 1048576,
	OWE_DH_GROUPS_ECP521 = 2097152,
};

/**
 * enum owe_sta_state - State of a station, in the order a station moves
 *   through them; an open BSS skips l2-auth.
 * @OWE_STA_STATE_NONE: Not authenticated (the state after a deletion).
 * @OWE_STA_STATE_AUTH: Open system authentication done.
 * @OWE_STA_STATE_ASSOC: (Re)associated, station added to the driver.
 * @OWE_STA_STATE_L2_AUTH: 4-way handshake running (OWE only).
 * @OWE_STA_STATE_IP_LEARN: Port open; waiting to learn the station's IP
 *   address.
 * @OWE_STA_STATE_RUN: IP address learned, fully connected.
 */
enum owe_sta_state {
	OWE_STA_STATE_NONE,
	OWE_STA_STATE_AUTH,
	OWE_STA_STATE_ASSOC,
	OWE_STA_STATE_L2_AUTH,
	OWE_STA_STATE_IP_LEARN,
	OWE_STA_STATE_RUN,
};

enum {
	OWE_A_AP_IFINDEX = 1,
	OWE_A_AP_IFNAME,
	OWE_A_AP_SECURITY,
	OWE_A_AP_SSID,
	OWE_A_AP_BSSID,
	OWE_A_AP_HIDDEN,
	OWE_A_AP_GROUPS,
	OWE_A_AP_PMF,
	OWE_A_AP_CIPHER,
	OWE_A_AP_AKM,
	OWE_A_AP_FT,
	OWE_A_AP_TRANSITION_IFINDEX,
	OWE_A_AP_TRANSITION_BSSID,
	OWE_A_AP_TRANSITION_SSID,
	OWE_A_AP_TRANSITION_OP_CLASS,
	OWE_A_AP_TRANSITION_CHANNEL,
	OWE_A_AP_GTK_REKEY,
	OWE_A_AP_PMKSA_LIFETIME,
	OWE_A_AP_STA_COUNT,
	OWE_A_AP_COUNTERS,
	OWE_A_AP_PARTNER_IFINDEX,
	OWE_A_AP_PTK_WORKAROUND,

	__OWE_A_AP_MAX,
	OWE_A_AP_MAX = (__OWE_A_AP_MAX - 1)
};

enum {
	OWE_A_COUNTERS_RX_PROBE = 1,
	OWE_A_COUNTERS_RX_AUTH,
	OWE_A_COUNTERS_RX_ASSOC,
	OWE_A_COUNTERS_RX_DISASSOC,
	OWE_A_COUNTERS_RX_DEAUTH,
	OWE_A_COUNTERS_RX_EAPOL,
	OWE_A_COUNTERS_RX_MALFORMED,
	OWE_A_COUNTERS_TX_PROBE_RESP,
	OWE_A_COUNTERS_TX_AUTH,
	OWE_A_COUNTERS_TX_ASSOC_RESP,
	OWE_A_COUNTERS_TX_ASSOC_REJECT,
	OWE_A_COUNTERS_TX_DEAUTH,
	OWE_A_COUNTERS_TX_DISASSOC,
	OWE_A_COUNTERS_TX_EAPOL,
	OWE_A_COUNTERS_EAPOL_MIC_FAILURE,
	OWE_A_COUNTERS_HANDSHAKE_TIMEOUT,
	OWE_A_COUNTERS_PMKSA_HIT,
	OWE_A_COUNTERS_RX_DROP_GROUP_SRC,
	OWE_A_COUNTERS_RX_DROP_ZERO_SRC,
	OWE_A_COUNTERS_RX_DROP_OWN_SRC,
	OWE_A_COUNTERS_RX_DROP_NOT_TO_BSS,
	OWE_A_COUNTERS_RX_DUP,
	OWE_A_COUNTERS_STA_EXPIRED,
	OWE_A_COUNTERS_STA_EVICTED,
	OWE_A_COUNTERS_RX_DROP_BUSY,

	__OWE_A_COUNTERS_MAX,
	OWE_A_COUNTERS_MAX = (__OWE_A_COUNTERS_MAX - 1)
};

enum {
	OWE_A_HISTORY_STATE = 1,
	OWE_A_HISTORY_TIME_NS,
	OWE_A_HISTORY_DETAIL,

	__OWE_A_HISTORY_MAX,
	OWE_A_HISTORY_MAX = (__OWE_A_HISTORY_MAX - 1)
};

enum {
	OWE_A_STA_IFINDEX = 1,
	OWE_A_STA_MAC,
	OWE_A_STA_AID,
	OWE_A_STA_STATE,
	OWE_A_STA_AKM,
	OWE_A_STA_GROUP,
	OWE_A_STA_CIPHER,
	OWE_A_STA_PMF,
	OWE_A_STA_PMKID,
	OWE_A_STA_PMKSA_CACHED,
	OWE_A_STA_IPV4,
	OWE_A_STA_IPV6,
	OWE_A_STA_HISTORY,
	OWE_A_STA_DEL_REASON,
	OWE_A_STA_CONNECTED_MS,

	__OWE_A_STA_MAX,
	OWE_A_STA_MAX = (__OWE_A_STA_MAX - 1)
};

enum {
	OWE_A_PMKSA_IFINDEX = 1,
	OWE_A_PMKSA_MAC,
	OWE_A_PMKSA_PMKID,
	OWE_A_PMKSA_GROUP,
	OWE_A_PMKSA_EXPIRES_S,

	__OWE_A_PMKSA_MAX,
	OWE_A_PMKSA_MAX = (__OWE_A_PMKSA_MAX - 1)
};

enum {
	OWE_CMD_AP_START = 1,
	OWE_CMD_AP_STOP,
	OWE_CMD_AP_GET,
	OWE_CMD_AP_REKEY,
	OWE_CMD_STA_GET,
	OWE_CMD_STA_DEL,
	OWE_CMD_PMKSA_GET,
	OWE_CMD_PMKSA_FLUSH,
	OWE_CMD_STA_NTF,

	__OWE_CMD_MAX,
	OWE_CMD_MAX = (__OWE_CMD_MAX - 1)
};

#define OWE_MCGRP_EVENTS	"events"

#endif /* _UAPI_LINUX_OWE_H */
