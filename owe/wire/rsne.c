// SPDX-License-Identifier: GPL-2.0
/*
 * RSN element for an OWE BSS (IEEE 802.11 9.4.2.24):
 *
 *   0x30 | len | version 1 (LE16) | group suite | pairwise count (LE16) |
 *   pairwise suites | AKM count (LE16) | AKM suites | RSN Capabilities |
 *   [PMKID count | PMKIDs] | [group management suite]
 *
 * Suites are OUI | type, written as the big-endian u32 WLAN_CIPHER_SUITE_*
 * values. owe_rsne_build() is the only writer: beacon, probe response,
 * association response and EAPOL-Key message 3 all take their bytes from
 * it, so a client never sees two versions (wpa_supplicant drops the link
 * with reason 17 when message 3 disagrees with the beacon).
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "wire/rsne.h"

#define OWE_SUITE_LEN		4
/* IEEE 802.11 default AKM when the element ends before the AKM list */
#define OWE_AKM_DEFAULT		SUITE(0x000FAC, 1)

static bool owe_rsne_cipher_ok(u32 cipher)
{
	return cipher == WLAN_CIPHER_SUITE_CCMP ||
	       cipher == WLAN_CIPHER_SUITE_GCMP_256;
}

static bool owe_rsne_mgmt_ok(u32 cipher)
{
	switch (cipher) {
	case WLAN_CIPHER_SUITE_AES_CMAC:
	case WLAN_CIPHER_SUITE_BIP_CMAC_256:
	case WLAN_CIPHER_SUITE_BIP_GMAC_128:
	case WLAN_CIPHER_SUITE_BIP_GMAC_256:
		return true;
	default:
		return false;
	}
}

/**
 * owe_rsne_build - write the RSNE of an OWE BSS
 * @buf: destination
 * @len: room at @buf
 * @p: what to advertise
 *
 * RSN Capabilities carry 16 PTKSA replay counters (WMM is always on with
 * mac80211) plus MFPC/MFPR per @p->pmf, which gives hostapd's bytes.
 *
 * Return: octets written (the whole element), -EINVAL for a cipher OWE
 * does not use or a group management cipher without PMF, -ENOSPC when
 * @len is too small.
 */
int owe_rsne_build(u8 *buf, size_t len, const struct owe_rsne_params *p)
{
	bool mgmt = p->group_mgmt &&
		    p->group_mgmt != WLAN_CIPHER_SUITE_AES_CMAC;
	u16 caps = OWE_RSN_CAP_PTKSA_16;
	size_t elen;
	u8 *pos;

	if (!owe_rsne_cipher_ok(p->pairwise) || !owe_rsne_cipher_ok(p->group))
		return -EINVAL;
	if (p->group_mgmt && (!owe_rsne_mgmt_ok(p->group_mgmt) ||
			      p->pmf == OWE_PMF_OFF))
		return -EINVAL;
	if (p->pmf > OWE_PMF_REQUIRED)
		return -EINVAL;

	elen = 2 + 2 + OWE_SUITE_LEN + 2 + OWE_SUITE_LEN + 2 + OWE_SUITE_LEN +
	       2;
	if (p->pmkid || mgmt)
		elen += 2 + (p->pmkid ? OWE_PMKID_LEN : 0);
	if (mgmt)
		elen += OWE_SUITE_LEN;
	if (len < elen)
		return -ENOSPC;

	if (p->pmf != OWE_PMF_OFF)
		caps |= OWE_RSN_CAP_MFPC;
	if (p->pmf == OWE_PMF_REQUIRED)
		caps |= OWE_RSN_CAP_MFPR;

	pos = buf;
	*pos++ = WLAN_EID_RSN;
	*pos++ = elen - 2;
	put_unaligned_le16(1, pos);
	pos += 2;
	put_unaligned_be32(p->group, pos);
	pos += OWE_SUITE_LEN;
	put_unaligned_le16(1, pos);
	put_unaligned_be32(p->pairwise, pos + 2);
	pos += 2 + OWE_SUITE_LEN;
	put_unaligned_le16(1, pos);
	put_unaligned_be32(WLAN_AKM_SUITE_OWE, pos + 2);
	pos += 2 + OWE_SUITE_LEN;
	put_unaligned_le16(caps, pos);
	pos += 2;
	if (p->pmkid || mgmt) {
		put_unaligned_le16(p->pmkid ? 1 : 0, pos);
		pos += 2;
		if (p->pmkid) {
			memcpy(pos, p->pmkid, OWE_PMKID_LEN);
			pos += OWE_PMKID_LEN;
		}
	}
	if (mgmt) {
		put_unaligned_be32(p->group_mgmt, pos);
		pos += OWE_SUITE_LEN;
	}
	return pos - buf;
}
EXPORT_SYMBOL_IF_KUNIT(owe_rsne_build);

/* a count and that many suites; 1 when the element ended before it */
static int owe_rsne_suites(const u8 **pos, const u8 *end, u32 *first,
			   u16 *count, u32 find, bool *found)
{
	u16 i, n;

	if (*pos == end)
		return 1;
	if (end - *pos < 2)
		return -EMSGSIZE;
	n = get_unaligned_le16(*pos);
	*pos += 2;
	if (!n)
		return -ENODATA;
	if ((end - *pos) / OWE_SUITE_LEN < n)
		return -EMSGSIZE;
	*first = get_unaligned_be32(*pos);
	*count = n;
	for (i = 0; i < n; i++, *pos += OWE_SUITE_LEN)
		if (found && get_unaligned_be32(*pos) == find)
			*found = true;
	return 0;
}

/**
 * owe_rsne_parse - validate a client's RSN element and read it
 * @elem: the element, from its Element ID octet
 * @len: octets available at @elem (may exceed the element)
 * @r: filled in on success; @r->pmkids points into @elem
 *
 * Return: 0, or
 * -EBADMSG when the element header is cut off or its length octet runs
 * past @len,
 * -EINVAL when @elem is not an RSN element,
 * -EPROTONOSUPPORT when the version is not 1,
 * -EMSGSIZE when a field or a suite list is cut off by the element's end
 * (truncated suites, PMKID list longer than the element),
 * -ENODATA when the pairwise or the AKM suite count is zero.
 */
int owe_rsne_parse(const u8 *elem, size_t len, struct owe_rsne *r)
{
	const u8 *pos, *end;
	int ret;

	if (len < 2 || elem[1] > len - 2)
		return -EBADMSG;
	if (elem[0] != WLAN_EID_RSN)
		return -EINVAL;
	pos = elem + 2;
	end = pos + elem[1];

	memset(r, 0, sizeof(*r));
	r->group = WLAN_CIPHER_SUITE_CCMP;
	r->pairwise = WLAN_CIPHER_SUITE_CCMP;
	r->pairwise_count = 1;
	r->akm = OWE_AKM_DEFAULT;
	r->akm_count = 1;

	if (end - pos < 2)
		return -EMSGSIZE;
	r->version = get_unaligned_le16(pos);
	pos += 2;
	if (r->version != 1)
		return -EPROTONOSUPPORT;

	if (pos == end)
		return 0;
	if (end - pos < OWE_SUITE_LEN)
		return -EMSGSIZE;
	r->group = get_unaligned_be32(pos);
	pos += OWE_SUITE_LEN;

	ret = owe_rsne_suites(&pos, end, &r->pairwise, &r->pairwise_count,
			      0, NULL);
	if (ret)
		return ret < 0 ? ret : 0;
	ret = owe_rsne_suites(&pos, end, &r->akm, &r->akm_count,
			      WLAN_AKM_SUITE_OWE, &r->owe_akm);
	if (ret)
		return ret < 0 ? ret : 0;

	if (pos == end)
		return 0;
	if (end - pos < 2)
		return -EMSGSIZE;
	r->caps = get_unaligned_le16(pos);
	r->mfpc = r->caps & OWE_RSN_CAP_MFPC;
	r->mfpr = r->caps & OWE_RSN_CAP_MFPR;
	pos += 2;

	if (pos == end)
		return 0;
	if (end - pos < 2)
		return -EMSGSIZE;
	r->pmkid_count = get_unaligned_le16(pos);
	pos += 2;
	if ((end - pos) / OWE_PMKID_LEN < r->pmkid_count)
		return -EMSGSIZE;
	r->pmkids = r->pmkid_count ? pos : NULL;
	pos += r->pmkid_count * OWE_PMKID_LEN;

	if (pos == end)
		return 0;
	if (end - pos < OWE_SUITE_LEN)
		return -EMSGSIZE;
	r->group_mgmt = get_unaligned_be32(pos);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_rsne_parse);
