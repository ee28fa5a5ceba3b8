// SPDX-License-Identifier: GPL-2.0
/*
 * EAPOL-Key frames of the 4-way and group key handshakes for AKM 18
 * (IEEE 802.11 12.7.2; hostapd __wpa_send_eapol() and wpa_eapol_key_mic()):
 *
 *   0 version | 1 type (3) | 2 body length (BE16) | 4 descriptor type (2)
 *   5 Key Information (BE16) | 7 Key Length (BE16) | 9 Replay Counter (8)
 *  17 Key Nonce (32) | 49 EAPOL-Key IV (16) | 65 Key RSC (8) | 73 Key ID (8)
 *  81 MIC (mic_len) | Key Data Length (BE16) | Key Data
 *
 * Build and parse only; the MIC and the Key Data wrap are in
 * crypto/eapol_mic.c.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "wire/eapol_key.h"

#define OWE_EAPOL_KEY_NONCE_OFF		17
#define OWE_EAPOL_KEY_RSC_OFF		65

/**
 * owe_eapol_key_build - write an EAPOL-Key frame with a zero MIC field
 * @buf: destination
 * @len: room at @buf
 * @group: the group (MIC length)
 * @key: the fields; @key->mic is ignored
 *
 * Return: the frame length, -ENOSPC when @len is too small, -EINVAL when
 * the descriptor version bits of @key->key_info are not 0.
 */
int owe_eapol_key_build(u8 *buf, size_t len, const struct owe_group *group,
			const struct owe_eapol_key *key)
{
	size_t flen = owe_eapol_key_len(group, key->key_data_len);
	u8 *pos;

	if (key->key_info & OWE_KEY_INFO_VERSION)
		return -EINVAL;
	if (len < flen)
		return -ENOSPC;
	memset(buf, 0, flen);
	buf[0] = key->version;
	buf[1] = OWE_EAPOL_TYPE_KEY;
	put_unaligned_be16(flen - OWE_EAPOL_HDR_LEN, &buf[2]);
	buf[4] = OWE_EAPOL_DESC_RSN;
	put_unaligned_be16(key->key_info, &buf[5]);
	put_unaligned_be16(key->key_len, &buf[7]);
	put_unaligned_be64(key->replay, &buf[9]);
	if (key->nonce)
		memcpy(&buf[OWE_EAPOL_KEY_NONCE_OFF], key->nonce, 32);
	if (key->rsc)
		memcpy(&buf[OWE_EAPOL_KEY_RSC_OFF], key->rsc,
		       OWE_EAPOL_KEY_RSC_LEN);
	pos = &buf[OWE_EAPOL_KEY_MIC_OFF + group->mic_len];
	put_unaligned_be16(key->key_data_len, pos);
	if (key->key_data_len)
		memcpy(pos + 2, key->key_data, key->key_data_len);
	return flen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_eapol_key_build);

/**
 * owe_eapol_key_parse - validate an EAPOL-Key frame and read its fields
 * @frame: the frame from the 802.1X version octet
 * @len: octets at @frame; octets past the 802.1X body length (padding)
 *	are ignored
 * @group: the group the station negotiated (MIC length)
 * @key: filled in on success; pointers point into @frame
 *
 * Return: 0, or
 * -EBADMSG when @len or the body length is shorter than the fixed part,
 * -EPROTO when the 802.1X packet type is not EAPOL-Key,
 * -EMSGSIZE when the 802.1X body length runs past @len,
 * -EPROTONOSUPPORT when the descriptor type is not 2 (RSN),
 * -EOPNOTSUPP when the key descriptor version is not 0 (AKM-defined),
 * -EOVERFLOW when the Key Data Length runs past the body.
 */
int owe_eapol_key_parse(const u8 *frame, size_t len,
			const struct owe_group *group,
			struct owe_eapol_key *key)
{
	size_t fixed = owe_eapol_key_len(group, 0);
	size_t body, kd_len;
	u16 info;

	if (len < fixed)
		return -EBADMSG;
	if (frame[1] != OWE_EAPOL_TYPE_KEY)
		return -EPROTO;
	body = get_unaligned_be16(&frame[2]);
	if (body > len - OWE_EAPOL_HDR_LEN)
		return -EMSGSIZE;
	if (body + OWE_EAPOL_HDR_LEN < fixed)
		return -EBADMSG;
	if (frame[4] != OWE_EAPOL_DESC_RSN)
		return -EPROTONOSUPPORT;
	info = get_unaligned_be16(&frame[5]);
	if (info & OWE_KEY_INFO_VERSION)
		return -EOPNOTSUPP;
	kd_len = get_unaligned_be16(&frame[fixed - 2]);
	if (kd_len > body + OWE_EAPOL_HDR_LEN - fixed)
		return -EOVERFLOW;

	key->version = frame[0];
	key->key_info = info;
	key->key_len = get_unaligned_be16(&frame[7]);
	key->replay = get_unaligned_be64(&frame[9]);
	key->nonce = &frame[OWE_EAPOL_KEY_NONCE_OFF];
	key->rsc = &frame[OWE_EAPOL_KEY_RSC_OFF];
	key->mic = &frame[OWE_EAPOL_KEY_MIC_OFF];
	key->key_data = &frame[fixed];
	key->key_data_len = kd_len;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_eapol_key_parse);
