/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The finite cyclic groups OWE runs on (RFC 8110 §4.1, IANA "IKE DH group"
 * numbers) and the lengths each one implies for the keys derived from it.
 */
#ifndef _OWE_WIRE_GROUP_H
#define _OWE_WIRE_GROUP_H

#include <linux/bits.h>
#include <linux/types.h>

#define OWE_GROUP_P256		19
#define OWE_GROUP_P384		20
#define OWE_GROUP_P521		21
#define OWE_GROUPS_ALL		(BIT(OWE_GROUP_P256) | BIT(OWE_GROUP_P384) | \
				 BIT(OWE_GROUP_P521))

#define OWE_MAX_PRIME_LEN	66
#define OWE_MAX_HASH_LEN	64
#define OWE_NUM_GROUPS		3

/**
 * struct owe_group - one ECC group OWE may use
 * @id: IANA group number as carried (LE16) in the DH Parameter element
 * @prime_len: octets of the field prime; also the public key length
 * @hash_len: digest length of @hash_alg, which is also the PMK length
 * @kck_len: EAPOL-Key confirmation key length (hash_len / 2)
 * @kek_len: EAPOL-Key encryption key length (16 or 32)
 * @mic_len: EAPOL-Key MIC field length (equals @kck_len)
 * @curve: human-readable curve name, for messages
 * @hash_alg: crypto API name of the hash ("sha256", ...)
 * @hmac_alg: crypto API name of the HMAC ("hmac(sha256)", ...)
 * @prime: the field prime p, big-endian, @prime_len octets
 * @kpp_alg: crypto API name of the kpp ECDH ("ecdh-nist-p256", ...);
 *	owe_ecc.ko registers all three
 */
struct owe_group {
	u16 id;
	u8 prime_len;
	u8 hash_len;
	u8 kck_len;
	u8 kek_len;
	u8 mic_len;
	const char *curve;
	const char *hash_alg;
	const char *hmac_alg;
	const u8 *prime;
	const char *kpp_alg;
};

const struct owe_group *owe_group_get(u16 id);

/* index of a group of the table, 0 .. OWE_NUM_GROUPS - 1 */
static inline unsigned int owe_group_idx(const struct owe_group *group)
{
	return group->id - OWE_GROUP_P256;
}

#endif /* _OWE_WIRE_GROUP_H */
