/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Known answers shared by the crypto suites. PMK, PMKID and PTK values are
 * those of the project's owe-vectors.txt (self-generated with Python's
 * cryptography library following hostapd's algorithm). The EAPOL-Key MIC
 * and message 3 Key Data wrap for groups 20 and 21 were computed the same
 * way; group 19's are in owe-vectors.txt.
 */
#ifndef _OWE_KUNIT_VECTORS_H
#define _OWE_KUNIT_VECTORS_H

#include <linux/if_ether.h>
#include <linux/types.h>

/**
 * struct owe_test_vector - one group's known answers
 * @desc: case name
 * @group: group number
 * @d_a: AP private key, prime_len octets
 * @c: client public key (x), prime_len octets
 * @a: AP public key (x), prime_len octets
 * @z: ECDH shared secret, prime_len octets
 * @prk: HKDF-Extract output, hash_len octets
 * @pmk: hash_len octets
 * @pmkid: 16 octets
 * @kck: kck_len octets
 * @kek: kek_len octets
 * @tk: CCMP-128 TK
 * @mic: MIC of owe_test_m2 built for the group, mic_len octets
 * @m3_wrapped: owe_test_m3_plain wrapped with @kek
 */
struct owe_test_vector {
	const char *desc;
	u16 group;
	u8 d_a[66];
	u8 c[66];
	u8 a[66];
	u8 z[66];
	u8 prk[64];
	u8 pmk[64];
	u8 pmkid[16];
	u8 kck[32];
	u8 kek[32];
	u8 tk[16];
	u8 mic[32];
	u8 m3_wrapped[56];
};

extern const struct owe_test_vector owe_test_vectors[3];
extern const u8 owe_test_aa[ETH_ALEN];
extern const u8 owe_test_spa[ETH_ALEN];
extern const u8 owe_test_anonce[32];
extern const u8 owe_test_snonce[32];
extern const u8 owe_test_rsne[22];
extern const u8 owe_test_gtk[16];
extern const u8 owe_test_m3_plain[48];
extern const u8 owe_test_m2_g19[99];

#endif /* _OWE_KUNIT_VECTORS_H */
