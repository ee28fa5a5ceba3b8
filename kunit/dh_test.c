// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-dh": y recovery, AP key pairs, ECDH and the whole
 * AP-side derivation, against the vectors and between fresh key pairs.
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <owe/ecc.h>

#include "crypto/dh_key.h"
#include "crypto/kdf.h"
#include "crypto/point.h"
#include "vectors.h"

/**
 * struct point_case - y recovery known answers
 * @group: group number
 * @bad_x: smallest x with no point on the curve
 * @good_x: smallest x with a point on the curve
 * @y: one y of the client key C of the vectors
 * @y_neg: the other one, p - y
 */
struct point_case {
	u16 group;
	u8 bad_x;
	u8 good_x;
	u8 y[66];
	u8 y_neg[66];
};

static const struct point_case point_cases[] = {
	{
		.group = 19, .bad_x = 1, .good_x = 5,
		.y = {
			0x3a, 0xf8, 0xeb, 0xe7, 0x84, 0x4a, 0xcc, 0xa4,
			0xa4, 0x6b, 0x80, 0x2b, 0x60, 0xe1, 0x4e, 0xb0,
			0xaf, 0x3e, 0x69, 0x57, 0x32, 0x5c, 0xe5, 0xab,
			0x07, 0x93, 0x56, 0xbc, 0x68, 0x1e, 0x20, 0x18,
		},
		.y_neg = {
			0xc5, 0x07, 0x14, 0x17, 0x7b, 0xb5, 0x33, 0x5c,
			0x5b, 0x94, 0x7f, 0xd4, 0x9f, 0x1e, 0xb1, 0x4f,
			0x50, 0xc1, 0x96, 0xa9, 0xcd, 0xa3, 0x1a, 0x54,
			0xf8, 0x6c, 0xa9, 0x43, 0x97, 0xe1, 0xdf, 0xe7,
		},
	},
	{
		.group = 20, .bad_x = 1, .good_x = 2,
		.y = {
			0xdf, 0x11, 0xdf, 0x28, 0x75, 0xed, 0x35, 0x02,
			0x07, 0x15, 0x83, 0x9f, 0xf8, 0x51, 0x43, 0xe5,
			0x41, 0xec, 0x66, 0xc2, 0x90, 0x57, 0xb2, 0xec,
			0x22, 0x32, 0xb1, 0xf8, 0x24, 0xe4, 0x1e, 0xc7,
			0xc8, 0xb9, 0x99, 0x1e, 0x3d, 0x32, 0xce, 0xbf,
			0x84, 0x0b, 0xb7, 0x0d, 0xd3, 0x33, 0x53, 0xeb,
		},
		.y_neg = {
			0x20, 0xee, 0x20, 0xd7, 0x8a, 0x12, 0xca, 0xfd,
			0xf8, 0xea, 0x7c, 0x60, 0x07, 0xae, 0xbc, 0x1a,
			0xbe, 0x13, 0x99, 0x3d, 0x6f, 0xa8, 0x4d, 0x13,
			0xdd, 0xcd, 0x4e, 0x07, 0xdb, 0x1b, 0xe1, 0x37,
			0x37, 0x46, 0x66, 0xe0, 0xc2, 0xcd, 0x31, 0x40,
			0x7b, 0xf4, 0x48, 0xf3, 0x2c, 0xcc, 0xac, 0x14,
		},
	},
	{
		.group = 21, .bad_x = 3, .good_x = 1,
		.y = {
			0x00, 0x7d, 0x78, 0x74, 0x7f, 0xa8, 0x8a, 0xc6,
			0x81, 0xd3, 0x31, 0xbe, 0x43, 0x88, 0x2d, 0x88,
			0xb9, 0xb1, 0x0d, 0x7c, 0xbe, 0x16, 0x27, 0x06,
			0x47, 0x4b, 0x76, 0xb2, 0xb5, 0x21, 0xae, 0x76,
			0xcc, 0x71, 0xf1, 0xc4, 0x66, 0xe9, 0x90, 0x44,
			0x4c, 0x84, 0x89, 0x39, 0x1b, 0xac, 0x7e, 0xf9,
			0xa1, 0x20, 0x7e, 0x76, 0x9d, 0x8c, 0xbf, 0x9d,
			0x44, 0x91, 0x6c, 0xd7, 0xf6, 0x74, 0x70, 0x7c,
			0xbe, 0x49,
		},
		.y_neg = {
			0x01, 0x82, 0x87, 0x8b, 0x80, 0x57, 0x75, 0x39,
			0x7e, 0x2c, 0xce, 0x41, 0xbc, 0x77, 0xd2, 0x77,
			0x46, 0x4e, 0xf2, 0x83, 0x41, 0xe9, 0xd8, 0xf9,
			0xb8, 0xb4, 0x89, 0x4d, 0x4a, 0xde, 0x51, 0x89,
			0x33, 0x8e, 0x0e, 0x3b, 0x99, 0x16, 0x6f, 0xbb,
			0xb3, 0x7b, 0x76, 0xc6, 0xe4, 0x53, 0x81, 0x06,
			0x5e, 0xdf, 0x81, 0x89, 0x62, 0x73, 0x40, 0x62,
			0xbb, 0x6e, 0x93, 0x28, 0x09, 0x8b, 0x8f, 0x83,
			0x41, 0xb6,
		},
	},
};

static void point_case_desc(const struct point_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "group %u", c->group);
}

KUNIT_ARRAY_PARAM(point, point_cases, point_case_desc);
KUNIT_ARRAY_PARAM_DESC(vector, owe_test_vectors, desc);

static const struct owe_test_vector *vector_of(u16 group)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(owe_test_vectors); i++)
		if (owe_test_vectors[i].group == group)
			return &owe_test_vectors[i];
	return NULL;
}

static int owe_dh_test_init(struct kunit *test)
{
	struct owe_crypto *c = owe_crypto_alloc();

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	test->priv = c;
	return 0;
}

static void owe_dh_test_exit(struct kunit *test)
{
	owe_crypto_free(test->priv);
}

/* y of C is one of the two roots; small x on and off the curve */
static void point_y(struct kunit *test)
{
	const struct point_case *pc = test->param_value;
	const struct owe_test_vector *v;
	const struct owe_group *g;
	u8 x[66] = {}, y[66];
	bool match;

	v = vector_of(pc->group);
	g = owe_group_get(pc->group);
	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_EQ(test, owe_point_y(g, v->c, y), 0);
	match = !memcmp(y, pc->y, g->prime_len) ||
		!memcmp(y, pc->y_neg, g->prime_len);
	KUNIT_EXPECT_TRUE_MSG(test, match, "y of C is neither root");
	KUNIT_EXPECT_EQ(test, owe_point_y(g, v->a, NULL), 0);

	x[g->prime_len - 1] = pc->bad_x;
	KUNIT_EXPECT_EQ(test, owe_point_y(g, x, y), -EDOM);
	x[g->prime_len - 1] = pc->good_x;
	KUNIT_EXPECT_EQ(test, owe_point_y(g, x, NULL), 0);
	KUNIT_EXPECT_EQ(test, owe_point_y(g, g->prime, NULL), -ERANGE);
	/* C with its last octet changed: off the curve or on, never crash */
	memcpy(x, v->c, g->prime_len);
	x[g->prime_len - 1] ^= 1;
	KUNIT_EXPECT_NE(test, owe_point_y(g, x, NULL), -ERANGE);
}

/* the AP side from d_A and C: A, z, PMK, PMKID */
static void dh_kat(struct kunit *test)
{
	u8 z[OWE_MAX_PRIME_LEN], pmk[OWE_MAX_HASH_LEN], pmkid[16];
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	struct owe_crypto *c = test->priv;
	struct owe_dh_key *key;

	KUNIT_ASSERT_NOT_NULL(test, g);
	key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, key);

	KUNIT_ASSERT_EQ(test, owe_dh_key_set(c, g, v->d_a, key), 0);
	KUNIT_EXPECT_PTR_EQ(test, key->group, g);
	KUNIT_EXPECT_MEMEQ(test, key->pub, v->a, g->prime_len);

	KUNIT_ASSERT_EQ(test, owe_dh_shared(c, key, v->c, z), 0);
	KUNIT_EXPECT_MEMEQ(test, z, v->z, g->prime_len);

	memset(pmk, 0xaa, sizeof(pmk));
	KUNIT_ASSERT_EQ(test, owe_dh_derive(c, g, key, v->c, pmk, pmkid), 0);
	KUNIT_EXPECT_MEMEQ(test, key->pub, v->a, g->prime_len);
	KUNIT_EXPECT_MEMEQ(test, pmk, v->pmk, g->hash_len);
	KUNIT_EXPECT_MEMEQ(test, pmkid, v->pmkid, sizeof(pmkid));

	owe_dh_key_clear(key);
	KUNIT_EXPECT_NULL(test, key->group);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(key, 0, sizeof(*key)));
}

/* two fresh pairs agree; derive reuses a key of the same group only */
static void dh_round_trip(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	u8 pmkid1[16], pmkid2[16], pub[OWE_MAX_PRIME_LEN];
	u8 z1[OWE_MAX_PRIME_LEN], z2[OWE_MAX_PRIME_LEN];
	u8 pmk1[OWE_MAX_HASH_LEN], pmk2[OWE_MAX_HASH_LEN];
	struct owe_crypto *c = test->priv;
	const struct owe_group *other;
	struct owe_dh_key *k1, *k2;

	other = owe_group_get(g->id == 19 ? 20 : 19);
	k1 = kunit_kzalloc(test, sizeof(*k1), GFP_KERNEL);
	k2 = kunit_kzalloc(test, sizeof(*k2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, k1);
	KUNIT_ASSERT_NOT_NULL(test, k2);

	KUNIT_ASSERT_EQ(test, owe_dh_key_generate(c, g, k1), 0);
	KUNIT_ASSERT_EQ(test, owe_dh_key_generate(c, g, k2), 0);
	KUNIT_EXPECT_PTR_EQ(test, k1->group, g);
	KUNIT_EXPECT_MEMNEQ(test, k1->pub, k2->pub, g->prime_len);
	KUNIT_EXPECT_MEMNEQ(test, k1->priv, k2->priv, g->prime_len);
	KUNIT_EXPECT_EQ(test, owe_point_y(g, k1->pub, NULL), 0);

	KUNIT_ASSERT_EQ(test, owe_dh_shared(c, k1, k2->pub, z1), 0);
	KUNIT_ASSERT_EQ(test, owe_dh_shared(c, k2, k1->pub, z2), 0);
	KUNIT_EXPECT_MEMEQ(test, z1, z2, g->prime_len);

	/* empty key: derive makes one; a retransmission reuses it */
	owe_dh_key_clear(k1);
	KUNIT_ASSERT_EQ(test, owe_dh_derive(c, g, k1, k2->pub, pmk1, pmkid1),
			0);
	KUNIT_ASSERT_PTR_EQ(test, k1->group, g);
	memcpy(pub, k1->pub, g->prime_len);
	KUNIT_ASSERT_EQ(test, owe_dh_derive(c, g, k1, k2->pub, pmk2, pmkid2),
			0);
	KUNIT_EXPECT_MEMEQ(test, k1->pub, pub, g->prime_len);
	KUNIT_EXPECT_MEMEQ(test, pmk1, pmk2, g->hash_len);
	KUNIT_EXPECT_MEMEQ(test, pmkid1, pmkid2, sizeof(pmkid1));

	/* the client's view: its own z and PMK from the AP's public key */
	KUNIT_ASSERT_EQ(test, owe_dh_shared(c, k2, k1->pub, z2), 0);
	KUNIT_ASSERT_EQ(test, owe_pmk(c, g, k2->pub, k1->pub, z2, pmk2), 0);
	KUNIT_EXPECT_MEMEQ(test, pmk1, pmk2, g->hash_len);

	/* a key of another group is replaced */
	KUNIT_ASSERT_EQ(test, owe_dh_key_generate(c, other, k1), 0);
	KUNIT_ASSERT_EQ(test, owe_dh_derive(c, g, k1, k2->pub, pmk1, pmkid1),
			0);
	KUNIT_EXPECT_PTR_EQ(test, k1->group, g);
	KUNIT_EXPECT_EQ(test, owe_point_y(g, k1->pub, NULL), 0);
	memzero_explicit(z1, sizeof(z1));
	memzero_explicit(z2, sizeof(z2));
}

/* peer keys off the curve or out of range, invalid private keys */
static void dh_negative(struct kunit *test)
{
	u8 z[OWE_MAX_PRIME_LEN], pmk[OWE_MAX_HASH_LEN], pmkid[16];
	u8 priv[OWE_MAX_PRIME_LEN], x[OWE_MAX_PRIME_LEN] = {};
	u8 gen[2 * OWE_ECC_MAX_BYTES];
	const struct owe_test_vector *v = test->param_value;
	const struct owe_ecc_curve *ecc;
	const struct owe_group *g = owe_group_get(v->group);
	struct owe_crypto *c = test->priv;
	struct owe_dh_key *key;
	unsigned int i;

	key = kunit_kzalloc(test, sizeof(*key), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, key);
	KUNIT_ASSERT_EQ(test, owe_dh_key_set(c, g, v->d_a, key), 0);

	for (i = 0; i < ARRAY_SIZE(point_cases); i++)
		if (point_cases[i].group == g->id)
			x[g->prime_len - 1] = point_cases[i].bad_x;
	KUNIT_EXPECT_EQ(test, owe_dh_shared(c, key, x, z), -EDOM);
	KUNIT_EXPECT_EQ(test, owe_dh_shared(c, key, g->prime, z), -ERANGE);
	memset(pmk, 0x5a, sizeof(pmk));
	KUNIT_EXPECT_EQ(test, owe_dh_derive(c, g, key, x, pmk, pmkid), -EDOM);
	/* the key pair survives a bad peer: a retry still gets the KAT */
	KUNIT_EXPECT_MEMEQ(test, key->pub, v->a, g->prime_len);
	KUNIT_ASSERT_EQ(test, owe_dh_derive(c, g, key, v->c, pmk, pmkid), 0);
	KUNIT_EXPECT_MEMEQ(test, pmk, v->pmk, g->hash_len);

	memset(priv, 0, sizeof(priv));
	KUNIT_EXPECT_EQ(test, owe_dh_key_set(c, g, priv, key), -EINVAL);
	KUNIT_EXPECT_NULL(test, key->group);
	memcpy(priv, g->prime, g->prime_len);	/* p > n */
	KUNIT_EXPECT_EQ(test, owe_dh_key_set(c, g, priv, key), -EINVAL);
	memset(priv, 0xff, g->prime_len);
	KUNIT_EXPECT_EQ(test, owe_dh_key_set(c, g, priv, key), -EINVAL);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(key, 0, sizeof(*key)));
	/* SP 800-56A's range is [1, n - 1]: 1 is a key, its public key G */
	memset(priv, 0, sizeof(priv));
	priv[g->prime_len - 1] = 1;
	KUNIT_ASSERT_EQ(test, owe_dh_key_set(c, g, priv, key), 0);
	ecc = owe_ecc_curve_by_bytes(g->prime_len);
	KUNIT_ASSERT_NOT_NULL(test, ecc);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(ecc, priv, gen), 0);
	KUNIT_EXPECT_MEMEQ(test, key->pub, gen, g->prime_len);
	owe_dh_key_clear(key);
}

static struct kunit_case owe_dh_cases[] = {
	KUNIT_CASE_PARAM(point_y, point_gen_params),
	KUNIT_CASE_PARAM(dh_kat, vector_gen_params),
	KUNIT_CASE_PARAM(dh_round_trip, vector_gen_params),
	KUNIT_CASE_PARAM(dh_negative, vector_gen_params),
	{}
};

static struct kunit_suite owe_dh_suite = {
	.name = "owe-dh",
	.init = owe_dh_test_init,
	.exit = owe_dh_test_exit,
	.test_cases = owe_dh_cases,
};

kunit_test_suite(owe_dh_suite);
