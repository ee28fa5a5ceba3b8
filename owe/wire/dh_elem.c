// SPDX-License-Identifier: GPL-2.0
/*
 * Diffie-Hellman Parameter element (RFC 8110 §4.3; IEEE 802.11 element 255,
 * extension 32):
 *
 *   | 0xff | length | 0x20 | group (LE16) | public key (prime_len) |
 *
 * The parser is strict where hostapd leans on OpenSSL: the length must be
 * exactly 3 + prime_len and the x coordinate must lie in 1..p-1. Whether
 * a point of the curve has that x is for the curve code to say
 * (owe_dh_elem_validate() in crypto/point.c). Each failure has its own
 * errno so the MLME can answer with the right status and the tests can
 * tell the failures apart.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "wire/dh_elem.h"

static bool owe_mem_is_zero(const u8 *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

/**
 * owe_dh_elem_parse - parse a DH Parameter element
 * @elem: the element, starting at its Element ID octet
 * @len: octets available at @elem (may exceed the element)
 * @groups: bitmap of the groups the BSS accepts, BIT(group number)
 * @dh: filled in on success; @dh->key points into @elem
 *
 * Return: 0 on success, or
 * -EBADMSG when the element is truncated or its length octet runs past @len,
 * -EINVAL when @elem is not a DH Parameter element,
 * -EOPNOTSUPP when the group is unknown or not in @groups (status 77),
 * -EMSGSIZE when the key length does not match the group's prime length,
 * -ERANGE when the x coordinate is 0 or not below the prime.
 */
int owe_dh_elem_parse(const u8 *elem, size_t len, u32 groups,
		      struct owe_dh_elem *dh)
{
	const struct owe_group *group;
	const u8 *key;
	size_t elen;
	u16 id;

	if (len < 2 || len - 2 < elem[1])
		return -EBADMSG;
	elen = elem[1];
	if (elem[0] != WLAN_EID_EXTENSION || elen < 1 ||
	    elem[2] != WLAN_EID_EXT_OWE_DH_PARAM)
		return -EINVAL;
	if (elen < 3)
		return -EBADMSG;

	id = get_unaligned_le16(&elem[3]);
	group = id < 32 && (groups & BIT(id)) ? owe_group_get(id) : NULL;
	if (!group)
		return -EOPNOTSUPP;
	if (elen != 3 + group->prime_len)
		return -EMSGSIZE;

	key = &elem[OWE_DH_ELEM_HDR_LEN];
	if (owe_mem_is_zero(key, group->prime_len) ||
	    memcmp(key, group->prime, group->prime_len) >= 0)
		return -ERANGE;

	dh->group = group;
	dh->key = key;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_elem_parse);

/**
 * owe_dh_elem_build - write a DH Parameter element
 * @buf: destination
 * @len: room at @buf
 * @group: the group
 * @key: public key, @group->prime_len octets
 *
 * Return: the number of octets written, or -ENOSPC.
 */
int owe_dh_elem_build(u8 *buf, size_t len, const struct owe_group *group,
		      const u8 *key)
{
	size_t elen = OWE_DH_ELEM_HDR_LEN + group->prime_len;

	if (len < elen)
		return -ENOSPC;
	buf[0] = WLAN_EID_EXTENSION;
	buf[1] = elen - 2;
	buf[2] = WLAN_EID_EXT_OWE_DH_PARAM;
	put_unaligned_le16(group->id, &buf[3]);
	memcpy(&buf[OWE_DH_ELEM_HDR_LEN], key, group->prime_len);
	return elen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_elem_build);

/**
 * owe_dh_status - the (re)association status code for a parse error
 * @err: 0, -ENOENT (no DH element although the AKM is OWE) or an error of
 *	owe_dh_elem_parse() or owe_dh_elem_validate()
 *
 * Return: an IEEE 802.11 status code.
 */
u16 owe_dh_status(int err)
{
	switch (err) {
	case 0:
		return WLAN_STATUS_SUCCESS;
	case -EOPNOTSUPP:
		return OWE_STATUS_GROUP_NOT_SUPPORTED;
	case -ENOENT:
		return WLAN_STATUS_INVALID_AKMP;
	default:
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	}
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_status);
