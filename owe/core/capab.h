/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a station gets in the driver: its capabilities from its
 * (re)association request, limited to what the BSS itself advertises.
 */
#ifndef _OWE_CORE_CAPAB_H
#define _OWE_CORE_CAPAB_H

#include <linux/types.h>

#include "backend/backend.h"

/**
 * struct owe_capab_bss - what a BSS advertises in its beacon
 * @wmm: a WMM Parameter element
 * @uapsd: its QoS Info announces U-APSD
 * @ht: HT Capabilities
 * @vht: VHT Capabilities
 * @he: HE Capabilities
 * @eht: EHT Capabilities
 * @band_6ghz: the BSS runs on 6 GHz (from its channel, not its beacon)
 */
struct owe_capab_bss {
	bool wmm;
	bool uapsd;
	bool ht;
	bool vht;
	bool he;
	bool eht;
	bool band_6ghz;
};

void owe_capab_bss_parse(struct owe_capab_bss *bss, const u8 *ies,
			 size_t len);
int owe_capab_sta(struct owe_be_sta *sta, const struct owe_capab_bss *bss,
		  u16 capability, u16 listen_interval, bool mfp,
		  const u8 *ies, size_t len);

#endif /* _OWE_CORE_CAPAB_H */
