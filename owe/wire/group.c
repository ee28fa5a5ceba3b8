// SPDX-License-Identifier: GPL-2.0
/*
 * Group table: groups 19, 20 and 21 (NIST P-256, P-384, P-521). Hash by
 * prime length as RFC 8110 §4.1 says; KCK/KEK/MIC lengths for AKM 18 as
 * IEEE 802.11 and hostapd's wpa_kck_len()/wpa_kek_len()/wpa_mic_len() have
 * them.
 */

#include <linux/kernel.h>
#include <linux/export.h>
#include <kunit/visibility.h>

#include "wire/group.h"

static const u8 p256_prime[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

static const u8 p384_prime[48] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,
};

/* 2^521 - 1, left-padded to 66 octets */
static const u8 p521_prime[66] = {
	0x01, [1 ... 65] = 0xff,
};

static const struct owe_group owe_groups[OWE_NUM_GROUPS] = {
	{
		.id = OWE_GROUP_P256, .prime_len = 32, .hash_len = 32,
		.kck_len = 16, .kek_len = 16, .mic_len = 16,
		.curve = "P-256", .hash_alg = "sha256",
		.hmac_alg = "hmac(sha256)", .prime = p256_prime,
		.kpp_alg = "ecdh-nist-p256",
	},
	{
		.id = OWE_GROUP_P384, .prime_len = 48, .hash_len = 48,
		.kck_len = 24, .kek_len = 32, .mic_len = 24,
		.curve = "P-384", .hash_alg = "sha384",
		.hmac_alg = "hmac(sha384)", .prime = p384_prime,
		.kpp_alg = "ecdh-nist-p384",
	},
	{
		.id = OWE_GROUP_P521, .prime_len = 66, .hash_len = 64,
		.kck_len = 32, .kek_len = 32, .mic_len = 32,
		.curve = "P-521", .hash_alg = "sha512",
		.hmac_alg = "hmac(sha512)", .prime = p521_prime,
		.kpp_alg = "ecdh-nist-p521",
	},
};

/**
 * owe_group_get - look up a group by its IANA number
 * @id: group number from a DH Parameter element or the configuration
 *
 * Return: the group, or %NULL when OWE does not define @id.
 */
const struct owe_group *owe_group_get(u16 id)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(owe_groups); i++)
		if (owe_groups[i].id == id)
			return &owe_groups[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(owe_group_get);
