/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RSN element of an OWE BSS: the one writer every frame takes its
 * RSNE from, and the parser for the client's.
 */
#ifndef _OWE_WIRE_RSNE_H
#define _OWE_WIRE_RSNE_H

#include <linux/types.h>
#include <uapi/linux/owe.h>

#define OWE_RSNE_MAX_LEN	48
/* a PMKID, in the RSNE's PMKID list and the PMKID KDE */
#define OWE_PMKID_LEN		16

#define OWE_RSN_CAP_PTKSA_16	0x000c	/* 16 PTKSA replay counters (WMM) */
#define OWE_RSN_CAP_MFPR	0x0040
#define OWE_RSN_CAP_MFPC	0x0080

/* enum owe_pmf (off, optional, required) comes from the uapi header */

/**
 * struct owe_rsne_params - what the AP's RSNE says
 * @pairwise: pairwise cipher suite (WLAN_CIPHER_SUITE_CCMP or _GCMP_256)
 * @group: group data cipher suite (same choices)
 * @pmf: the PMF policy
 * @group_mgmt: group management cipher suite; 0 or
 *	WLAN_CIPHER_SUITE_AES_CMAC mean the default BIP-CMAC-128 (not
 *	written); needs PMF
 * @pmkid: a PMKID to list (association response under PMKSA caching), or
 *	%NULL
 */
struct owe_rsne_params {
	u32 pairwise;
	u32 group;
	enum owe_pmf pmf;
	u32 group_mgmt;
	const u8 *pmkid;
};

/**
 * struct owe_rsne - a parsed RSN element
 * @version: always 1 after a successful parse
 * @group: group data cipher suite
 * @pairwise: the first pairwise cipher suite
 * @pairwise_count: number of pairwise suites listed
 * @akm: the first AKM suite
 * @akm_count: number of AKM suites listed
 * @owe_akm: true when any listed AKM is OWE (00-0f-ac:18)
 * @caps: RSN Capabilities (0 when absent)
 * @mfpc: MFP capable bit
 * @mfpr: MFP required bit
 * @pmkid_count: number of PMKIDs
 * @pmkids: @pmkid_count PMKIDs of 16 octets, pointing into the element
 * @group_mgmt: group management cipher suite, 0 when absent
 *
 * Absent trailing fields take the IEEE 802.11 defaults (CCMP-128 and
 * 00-0f-ac:1), as hostapd's parser does.
 */
struct owe_rsne {
	u16 version;
	u32 group;
	u32 pairwise;
	u16 pairwise_count;
	u32 akm;
	u16 akm_count;
	bool owe_akm;
	u16 caps;
	bool mfpc;
	bool mfpr;
	u16 pmkid_count;
	const u8 *pmkids;
	u32 group_mgmt;
};

int owe_rsne_build(u8 *buf, size_t len, const struct owe_rsne_params *p);
int owe_rsne_parse(const u8 *elem, size_t len, struct owe_rsne *r);

#endif /* _OWE_WIRE_RSNE_H */
