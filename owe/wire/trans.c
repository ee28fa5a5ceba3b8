// SPDX-License-Identifier: GPL-2.0
/*
 * OWE Transition Mode element (WFA OWE specification; OUI type 28): each
 * BSS of a transition pair names the other. The operating class and
 * channel are optional and come as a pair (iwd uses them to find a partner
 * on another band; wpa_supplicant ignores them).
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "wire/trans.h"

/**
 * owe_trans_elem_build - write an OWE Transition Mode element
 * @buf: destination
 * @len: room at @buf
 * @t: the other BSS
 *
 * Return: octets written, -EINVAL for an empty or overlong SSID, -ENOSPC
 * when @len is too small.
 */
int owe_trans_elem_build(u8 *buf, size_t len, const struct owe_trans *t)
{
	size_t n = 2 + 4 + ETH_ALEN + 1 + t->ssid_len + (t->op_class ? 2 : 0);
	u8 *p = buf;

	if (!t->ssid_len || t->ssid_len > IEEE80211_MAX_SSID_LEN)
		return -EINVAL;
	if (len < n)
		return -ENOSPC;
	*p++ = WLAN_EID_VENDOR_SPECIFIC;
	*p++ = n - 2;
	*p++ = 0x50;
	*p++ = 0x6f;
	*p++ = 0x9a;
	*p++ = OWE_TRANS_OUI_TYPE;
	memcpy(p, t->bssid, ETH_ALEN);
	p += ETH_ALEN;
	*p++ = t->ssid_len;
	memcpy(p, t->ssid, t->ssid_len);
	p += t->ssid_len;
	if (t->op_class) {
		*p++ = t->op_class;
		*p++ = t->channel;
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(owe_trans_elem_build);

/**
 * owe_trans_elem_parse - read an OWE Transition Mode element
 * @elem: the element, from its Element ID octet
 * @len: octets available at @elem
 * @t: filled in on success
 *
 * Return: 0, -EBADMSG when the length octet runs past @len, -EINVAL when
 * @elem is not a transition element, -EMSGSIZE when its length does not
 * match its SSID length (with or without the optional pair).
 */
int owe_trans_elem_parse(const u8 *elem, size_t len, struct owe_trans *t)
{
	static const u8 oui[4] = { 0x50, 0x6f, 0x9a, OWE_TRANS_OUI_TYPE };
	size_t elen, base;

	if (len < 2 || len - 2 < elem[1])
		return -EBADMSG;
	elen = elem[1];
	if (elem[0] != WLAN_EID_VENDOR_SPECIFIC || elen < sizeof(oui) ||
	    memcmp(elem + 2, oui, sizeof(oui)))
		return -EINVAL;
	if (elen < sizeof(oui) + ETH_ALEN + 1)
		return -EMSGSIZE;
	t->ssid_len = elem[2 + sizeof(oui) + ETH_ALEN];
	base = sizeof(oui) + ETH_ALEN + 1 + t->ssid_len;
	if (t->ssid_len > IEEE80211_MAX_SSID_LEN ||
	    (elen != base && elen != base + 2))
		return -EMSGSIZE;
	memcpy(t->bssid, elem + 2 + sizeof(oui), ETH_ALEN);
	memcpy(t->ssid, elem + 2 + sizeof(oui) + ETH_ALEN + 1, t->ssid_len);
	t->op_class = elen == base + 2 ? elem[2 + base] : 0;
	t->channel = elen == base + 2 ? elem[3 + base] : 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_trans_elem_parse);
