// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-kdf": HKDF (RFC 5869 and the OWE vectors), PMK, PMKID,
 * the IEEE 802.11 KDF and the PTK split.
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>

#include "crypto/kdf.h"
#include "vectors.h"

KUNIT_ARRAY_PARAM_DESC(vector, owe_test_vectors, desc);

static int owe_kdf_test_init(struct kunit *test)
{
	struct owe_crypto *c = owe_crypto_alloc();

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	test->priv = c;
	return 0;
}

static void owe_kdf_test_exit(struct kunit *test)
{
	owe_crypto_free(test->priv);
}

/* RFC 5869 A.1: SHA-256, 42 octets of output (two Expand blocks) */
static void hkdf_rfc5869(struct kunit *test)
{
	static const u8 ikm[22] = { [0 ... 21] = 0x0b };
	static const u8 salt[13] = {
		0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
		0x08, 0x09, 0x0a, 0x0b, 0x0c,
	};
	static const u8 info[10] = {
		0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9,
	};
	static const u8 prk_want[32] = {
		0x07, 0x77, 0x09, 0x36, 0x2c, 0x2e, 0x32, 0xdf,
		0x0d, 0xdc, 0x3f, 0x0d, 0xc4, 0x7b, 0xba, 0x63,
		0x90, 0xb6, 0xc7, 0x3b, 0xb5, 0x0f, 0x9c, 0x31,
		0x22, 0xec, 0x84, 0x4a, 0xd7, 0xc2, 0xb3, 0xe5,
	};
	static const u8 okm_want[42] = {
		0x3c, 0xb2, 0x5f, 0x25, 0xfa, 0xac, 0xd5, 0x7a,
		0x90, 0x43, 0x4f, 0x64, 0xd0, 0x36, 0x2f, 0x2a,
		0x2d, 0x2d, 0x0a, 0x90, 0xcf, 0x1a, 0x5a, 0x4c,
		0x5d, 0xb0, 0x2d, 0x56, 0xec, 0xc4, 0xc5, 0xbf,
		0x34, 0x00, 0x72, 0x08, 0xd5, 0xb8, 0x87, 0x18,
		0x58, 0x65,
	};
	/* the salt in two pieces, as the PMK salt C | A | group is */
	struct kvec sv[2] = {
		{ .iov_base = (void *)salt, .iov_len = 5 },
		{ .iov_base = (void *)(salt + 5), .iov_len = 8 },
	};
	const struct owe_group *g = owe_group_get(19);
	struct owe_crypto *c = test->priv;
	u8 prk[32], okm[42];
	int e1, e2, e3;

	mutex_lock(&c->lock);
	e1 = owe_hkdf_extract(c, g, sv, ARRAY_SIZE(sv), ikm, sizeof(ikm), prk);
	e2 = owe_hkdf_expand(c, g, prk, info, sizeof(info), okm, sizeof(okm));
	e3 = owe_hkdf_expand(c, g, prk, info, sizeof(info), okm,
			     255 * 32 + 1);
	mutex_unlock(&c->lock);
	KUNIT_ASSERT_EQ(test, e1, 0);
	KUNIT_ASSERT_EQ(test, e2, 0);
	KUNIT_EXPECT_EQ(test, e3, -EINVAL);
	KUNIT_EXPECT_MEMEQ(test, prk, prk_want, sizeof(prk));
	KUNIT_EXPECT_MEMEQ(test, okm, okm_want, sizeof(okm));
}

/* prk, PMK and PMKID of the vectors from C, A and z */
static void pmk_kat(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	__le16 id = cpu_to_le16(v->group);
	struct kvec salt[3] = {
		{ .iov_base = (void *)v->c, .iov_len = g->prime_len },
		{ .iov_base = (void *)v->a, .iov_len = g->prime_len },
		{ .iov_base = &id, .iov_len = sizeof(id) },
	};
	u8 prk[OWE_MAX_HASH_LEN], pmk[OWE_MAX_HASH_LEN], pmkid[16];
	struct owe_crypto *c = test->priv;
	int err;

	mutex_lock(&c->lock);
	err = owe_hkdf_extract(c, g, salt, 3, v->z, g->prime_len, prk);
	mutex_unlock(&c->lock);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_MEMEQ(test, prk, v->prk, g->hash_len);

	KUNIT_ASSERT_EQ(test, owe_pmk(c, g, v->c, v->a, v->z, pmk), 0);
	KUNIT_EXPECT_MEMEQ(test, pmk, v->pmk, g->hash_len);
	KUNIT_ASSERT_EQ(test, owe_pmkid(c, g, v->c, v->a, pmkid), 0);
	KUNIT_EXPECT_MEMEQ(test, pmkid, v->pmkid, sizeof(pmkid));

	/* C and A swapped: a different PMK and PMKID */
	KUNIT_ASSERT_EQ(test, owe_pmk(c, g, v->a, v->c, v->z, pmk), 0);
	KUNIT_EXPECT_MEMNEQ(test, pmk, v->pmk, g->hash_len);
	KUNIT_ASSERT_EQ(test, owe_pmkid(c, g, v->a, v->c, pmkid), 0);
	KUNIT_EXPECT_MEMNEQ(test, pmkid, v->pmkid, sizeof(pmkid));
}

/* PTK from the vectors' PMK, addresses and nonces; min/max ordering */
static void ptk_kat(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	struct owe_crypto *c = test->priv;
	struct owe_ptk *ptk;

	ptk = kunit_kzalloc(test, sizeof(*ptk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ptk);

	KUNIT_ASSERT_EQ(test, owe_ptk_derive(c, g, v->pmk, owe_test_aa,
					     owe_test_spa, owe_test_anonce,
					     owe_test_snonce,
					     WLAN_CIPHER_SUITE_CCMP, ptk), 0);
	KUNIT_EXPECT_EQ(test, ptk->kck_len, g->kck_len);
	KUNIT_EXPECT_EQ(test, ptk->kek_len, g->kek_len);
	KUNIT_EXPECT_EQ(test, ptk->tk_len, 16);
	KUNIT_EXPECT_MEMEQ(test, ptk->kck, v->kck, g->kck_len);
	KUNIT_EXPECT_MEMEQ(test, ptk->kek, v->kek, g->kek_len);
	KUNIT_EXPECT_MEMEQ(test, ptk->tk, v->tk, 16);

	/* roles swapped: Min/Max ordering gives the same PTK */
	KUNIT_ASSERT_EQ(test, owe_ptk_derive(c, g, v->pmk, owe_test_spa,
					     owe_test_aa, owe_test_snonce,
					     owe_test_anonce,
					     WLAN_CIPHER_SUITE_CCMP, ptk), 0);
	KUNIT_EXPECT_MEMEQ(test, ptk->kck, v->kck, g->kck_len);
	KUNIT_EXPECT_MEMEQ(test, ptk->tk, v->tk, 16);

	/* GCMP-256: 32 octet TK, and L changes every octet */
	KUNIT_ASSERT_EQ(test, owe_ptk_derive(c, g, v->pmk, owe_test_aa,
					     owe_test_spa, owe_test_anonce,
					     owe_test_snonce,
					     WLAN_CIPHER_SUITE_GCMP_256, ptk),
			0);
	KUNIT_EXPECT_EQ(test, ptk->tk_len, 32);
	KUNIT_EXPECT_MEMNEQ(test, ptk->kck, v->kck, g->kck_len);

	KUNIT_EXPECT_EQ(test, owe_ptk_derive(c, g, v->pmk, owe_test_aa,
					     owe_test_spa, owe_test_anonce,
					     owe_test_snonce,
					     WLAN_CIPHER_SUITE_TKIP, ptk),
			-EINVAL);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(ptk, 0, sizeof(*ptk)));
}

/*
 * Group 20 with the KDF of SHA-256 (the PTK of pre-802.11-2020 stations,
 * hostapd's and wpa_supplicant's owe_ptk_workaround): the lengths of group
 * 20, the vector's PMK, addresses and nonces; values computed with Python's
 * hmac module
 */
static void ptk_sha256_workaround(struct kunit *test)
{
	static const u8 kck[24] = {
		0x77, 0xbc, 0xa1, 0xd7, 0x49, 0xb0, 0x66, 0x18,
		0x0e, 0x47, 0xa6, 0xa5, 0xc5, 0xeb, 0x71, 0x98,
		0x02, 0x58, 0x10, 0xc9, 0xcf, 0xa7, 0xae, 0x00,
	};
	static const u8 kek[32] = {
		0x15, 0x09, 0x40, 0x9f, 0x8c, 0x79, 0x7f, 0x3a,
		0x6f, 0xd9, 0xd9, 0x4d, 0xbc, 0x1c, 0x5d, 0x88,
		0xf5, 0xb6, 0x89, 0xa6, 0x6e, 0x3f, 0x3f, 0x69,
		0x59, 0x33, 0xae, 0x84, 0x0f, 0xd4, 0x38, 0x35,
	};
	static const u8 tk[16] = {
		0x80, 0x5b, 0xa1, 0x54, 0x6e, 0x1c, 0xc4, 0x20,
		0xb0, 0x8e, 0x92, 0xde, 0xa9, 0x90, 0xaf, 0xe6,
	};
	const struct owe_test_vector *v = &owe_test_vectors[1];
	const struct owe_group *g = owe_group_get(20);
	struct owe_crypto *c = test->priv;
	struct owe_ptk *ptk;

	KUNIT_ASSERT_EQ(test, v->group, 20);
	ptk = kunit_kzalloc(test, sizeof(*ptk), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ptk);
	KUNIT_ASSERT_EQ(test, owe_ptk_derive_prf(c, g, owe_group_get(19),
						 v->pmk, owe_test_aa,
						 owe_test_spa, owe_test_anonce,
						 owe_test_snonce,
						 WLAN_CIPHER_SUITE_CCMP, ptk), 0);
	KUNIT_EXPECT_EQ(test, ptk->kck_len, 24);
	KUNIT_EXPECT_EQ(test, ptk->kek_len, 32);
	KUNIT_EXPECT_EQ(test, ptk->tk_len, 16);
	KUNIT_EXPECT_MEMEQ(test, ptk->kck, kck, sizeof(kck));
	KUNIT_EXPECT_MEMEQ(test, ptk->kek, kek, sizeof(kek));
	KUNIT_EXPECT_MEMEQ(test, ptk->tk, tk, sizeof(tk));
	/* and not the PTK of the group's own hash */
	KUNIT_EXPECT_MEMNEQ(test, ptk->kck, v->kck, sizeof(kck));

	/* with the group's own hash, the vector's PTK */
	KUNIT_ASSERT_EQ(test, owe_ptk_derive_prf(c, g, g, v->pmk, owe_test_aa,
						 owe_test_spa, owe_test_anonce,
						 owe_test_snonce,
						 WLAN_CIPHER_SUITE_CCMP, ptk), 0);
	KUNIT_EXPECT_MEMEQ(test, ptk->kck, v->kck, g->kck_len);
}

static void cipher_tk_len(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_CCMP), 16);
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_GCMP), 16);
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_CCMP_256),
			32);
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_GCMP_256),
			32);
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_TKIP),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, owe_cipher_tk_len(WLAN_CIPHER_SUITE_WEP104),
			-EINVAL);
}

static void kdf_limits(struct kunit *test)
{
	const struct owe_group *g = owe_group_get(21);
	struct owe_crypto *c = test->priv;
	u8 key[64] = {}, out[129];
	int e1, e2;

	mutex_lock(&c->lock);
	e1 = owe_kdf(c, g, key, sizeof(key), "x", NULL, 0, out, 129);
	e2 = owe_kdf(c, g, key, sizeof(key), "x", NULL, 0, out, 128);
	mutex_unlock(&c->lock);
	KUNIT_EXPECT_EQ(test, e1, -EINVAL);
	KUNIT_EXPECT_EQ(test, e2, 0);
}

static struct kunit_case owe_kdf_cases[] = {
	KUNIT_CASE(hkdf_rfc5869),
	KUNIT_CASE_PARAM(pmk_kat, vector_gen_params),
	KUNIT_CASE_PARAM(ptk_kat, vector_gen_params),
	KUNIT_CASE(ptk_sha256_workaround),
	KUNIT_CASE(cipher_tk_len),
	KUNIT_CASE(kdf_limits),
	{}
};

static struct kunit_suite owe_kdf_suite = {
	.name = "owe-kdf",
	.init = owe_kdf_test_init,
	.exit = owe_kdf_test_exit,
	.test_cases = owe_kdf_cases,
};

kunit_test_suite(owe_kdf_suite);
