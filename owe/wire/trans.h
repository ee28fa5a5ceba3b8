/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Wi-Fi Alliance OWE Transition Mode element:
 *
 *   | 0xdd | len | 50 6f 9a | 0x1c | BSSID | SSID len | SSID | [op class | channel] |
 */
#ifndef _OWE_WIRE_TRANS_H
#define _OWE_WIRE_TRANS_H

#include <linux/if_ether.h>
#include <linux/ieee80211.h>
#include <linux/types.h>

#define OWE_TRANS_OUI_TYPE	0x1c
#define OWE_TRANS_ELEM_MAX_LEN	(2 + 4 + ETH_ALEN + 1 + \
				 IEEE80211_MAX_SSID_LEN + 2)

/**
 * struct owe_trans - what a transition element says about the other BSS
 * @bssid: its BSSID
 * @ssid: its SSID
 * @ssid_len: length of @ssid
 * @op_class: its operating class, 0 when the element has none
 * @channel: its channel (with @op_class)
 */
struct owe_trans {
	u8 bssid[ETH_ALEN];
	u8 ssid[IEEE80211_MAX_SSID_LEN];
	u8 ssid_len;
	u8 op_class;
	u8 channel;
};

int owe_trans_elem_build(u8 *buf, size_t len, const struct owe_trans *t);
int owe_trans_elem_parse(const u8 *elem, size_t len, struct owe_trans *t);

#endif /* _OWE_WIRE_TRANS_H */
