// SPDX-License-Identifier: GPL-2.0
/*
 * KDE writers. Layout: 0xdd | length | 00-0f-ac | data type | data, with
 *   GTK:   KeyID (bits 0-1) | Tx (bit 2) | reserved octet | GTK
 *   IGTK:  KeyID (LE16) | IPN (6, LE) | IGTK
 *   PMKID: PMKID (16)
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "wire/kde.h"

static u8 *owe_kde_hdr(u8 *buf, u32 type, size_t data_len)
{
	buf[0] = WLAN_EID_VENDOR_SPECIFIC;
	buf[1] = OWE_KDE_HDR_LEN - 2 + data_len;
	put_unaligned_be32(type, &buf[2]);
	return buf + OWE_KDE_HDR_LEN;
}

/**
 * owe_kde_gtk - write a GTK KDE
 * @buf: destination
 * @len: room at @buf
 * @key_id: GTK key index, 1 or 2 (0..3 accepted)
 * @tx: set the Tx bit
 * @gtk: the GTK (secret)
 * @gtk_len: 16 or 32 octets
 *
 * Return: octets written, -EINVAL for a key index above 3 or a bad key
 * length, -ENOSPC when @len is too small.
 */
int owe_kde_gtk(u8 *buf, size_t len, u8 key_id, bool tx, const u8 *gtk,
		size_t gtk_len)
{
	size_t klen = OWE_KDE_HDR_LEN + 2 + gtk_len;
	u8 *pos;

	if (key_id > 3 || !gtk_len || gtk_len > OWE_KDE_MAX_KEY_LEN)
		return -EINVAL;
	if (len < klen)
		return -ENOSPC;
	pos = owe_kde_hdr(buf, OWE_KDE_GTK, 2 + gtk_len);
	pos[0] = key_id | (tx ? BIT(2) : 0);
	pos[1] = 0;
	memcpy(pos + 2, gtk, gtk_len);
	return klen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_kde_gtk);

/**
 * owe_kde_igtk - write an IGTK KDE
 * @buf: destination
 * @len: room at @buf
 * @key_id: IGTK key index, 4 or 5
 * @ipn: IGTK packet number, 6 octets little-endian; %NULL for zero
 * @igtk: the IGTK (secret)
 * @igtk_len: 16 (BIP-CMAC-128, BIP-GMAC-128) or 32 (the -256 ciphers)
 *
 * Return: octets written, -EINVAL for a key index other than 4 or 5 or a
 * bad key length, -ENOSPC when @len is too small.
 */
int owe_kde_igtk(u8 *buf, size_t len, u16 key_id, const u8 *ipn,
		 const u8 *igtk, size_t igtk_len)
{
	size_t klen = OWE_KDE_HDR_LEN + 2 + OWE_KDE_IPN_LEN + igtk_len;
	u8 *pos;

	if ((key_id != 4 && key_id != 5) ||
	    (igtk_len != 16 && igtk_len != 32))
		return -EINVAL;
	if (len < klen)
		return -ENOSPC;
	pos = owe_kde_hdr(buf, OWE_KDE_IGTK, klen - OWE_KDE_HDR_LEN);
	put_unaligned_le16(key_id, pos);
	if (ipn)
		memcpy(pos + 2, ipn, OWE_KDE_IPN_LEN);
	else
		memset(pos + 2, 0, OWE_KDE_IPN_LEN);
	memcpy(pos + 2 + OWE_KDE_IPN_LEN, igtk, igtk_len);
	return klen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_kde_igtk);

/**
 * owe_kde_pmkid - write a PMKID KDE (message 1 under PMKSA caching)
 * @buf: destination
 * @len: room at @buf
 * @pmkid: 16 octets
 *
 * Return: 22 (octets written) or -ENOSPC.
 */
int owe_kde_pmkid(u8 *buf, size_t len, const u8 *pmkid)
{
	size_t klen = OWE_KDE_HDR_LEN + 16;

	if (len < klen)
		return -ENOSPC;
	memcpy(owe_kde_hdr(buf, OWE_KDE_PMKID, 16), pmkid, 16);
	return klen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_kde_pmkid);

/**
 * owe_kde_find - find a KDE in (unwrapped) Key Data
 * @data: Key Data: elements and KDEs, possibly 0xdd 0x00... padded
 * @len: octets at @data
 * @type: the KDE wanted (OWE_KDE_GTK ...)
 * @body: receives a pointer to the data after the KDE's type octet
 * @body_len: receives its length
 *
 * Return: 0 when found, -ENOENT when absent, -EBADMSG when an element
 * runs past @len before the KDE is found.
 */
int owe_kde_find(const u8 *data, size_t len, u32 type, const u8 **body,
		 size_t *body_len)
{
	size_t pos = 0;

	while (len - pos >= 2) {
		const u8 *e = data + pos;

		/* padding: 0xdd with nothing but zeros after it */
		if (e[0] == WLAN_EID_VENDOR_SPECIFIC && !e[1] &&
		    !memchr_inv(e + 1, 0, len - pos - 1))
			return -ENOENT;
		if (e[1] > len - pos - 2)
			return -EBADMSG;
		if (e[0] == WLAN_EID_VENDOR_SPECIFIC &&
		    e[1] >= OWE_KDE_HDR_LEN - 2 &&
		    get_unaligned_be32(&e[2]) == type) {
			*body = e + OWE_KDE_HDR_LEN;
			*body_len = e[1] - (OWE_KDE_HDR_LEN - 2);
			return 0;
		}
		pos += 2 + e[1];
	}
	return -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(owe_kde_find);
