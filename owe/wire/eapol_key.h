/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EAPOL-Key frames for AKM 18: descriptor type 2 (RSN), key descriptor
 * version 0 ("AKM-defined"), MIC field of the group's length and the Key
 * Data Length right after it.
 */
#ifndef _OWE_WIRE_EAPOL_KEY_H
#define _OWE_WIRE_EAPOL_KEY_H

#include <linux/bits.h>
#include <linux/types.h>

#include "wire/group.h"

#define OWE_EAPOL_TYPE_KEY		3
#define OWE_EAPOL_DESC_RSN		2
/* 802.1X header, then descriptor type .. Key ID: the octets before the MIC */
#define OWE_EAPOL_HDR_LEN		4
#define OWE_EAPOL_KEY_MIC_OFF		81
#define OWE_EAPOL_KEY_RSC_LEN		8
#define OWE_NONCE_LEN			32

#define OWE_KEY_INFO_VERSION		GENMASK(2, 0)
#define OWE_KEY_INFO_PAIRWISE		BIT(3)
#define OWE_KEY_INFO_INSTALL		BIT(6)
#define OWE_KEY_INFO_ACK		BIT(7)
#define OWE_KEY_INFO_MIC		BIT(8)
#define OWE_KEY_INFO_SECURE		BIT(9)
#define OWE_KEY_INFO_ERROR		BIT(10)
#define OWE_KEY_INFO_REQUEST		BIT(11)
#define OWE_KEY_INFO_ENC_KEY_DATA	BIT(12)

/**
 * owe_eapol_key_len - length of an EAPOL-Key frame for a group
 * @group: the group (selects the MIC length)
 * @key_data_len: octets of Key Data
 *
 * Return: octets from the 802.1X version to the end of the Key Data.
 */
static inline size_t owe_eapol_key_len(const struct owe_group *group,
				       size_t key_data_len)
{
	return OWE_EAPOL_KEY_MIC_OFF + group->mic_len + 2 + key_data_len;
}

/**
 * struct owe_eapol_key - fields of an EAPOL-Key frame
 * @version: 802.1X protocol version octet
 * @key_info: Key Information; bits 0-2 (descriptor version) must be 0
 * @key_len: Key Length (the pairwise cipher's key length in M1/M3)
 * @replay: Key Replay Counter
 * @nonce: Key Nonce, 32 octets; %NULL for zeros when building
 * @rsc: Key RSC, 8 octets; %NULL for zeros when building
 * @mic: the MIC field (parse only; building leaves it zero)
 * @key_data: Key Data; points into the frame after parsing
 * @key_data_len: octets of @key_data
 */
struct owe_eapol_key {
	u8 version;
	u16 key_info;
	u16 key_len;
	u64 replay;
	const u8 *nonce;
	const u8 *rsc;
	const u8 *mic;
	const u8 *key_data;
	u16 key_data_len;
};

int owe_eapol_key_build(u8 *buf, size_t len, const struct owe_group *group,
			const struct owe_eapol_key *key);
int owe_eapol_key_parse(const u8 *frame, size_t len,
			const struct owe_group *group,
			struct owe_eapol_key *key);

#endif /* _OWE_WIRE_EAPOL_KEY_H */
