// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-ecc": owe_ecc.ko's curves, directly and as kpp. RFC
 * 5903 and the OWE vectors, scalars 1, 2 and n - 1, scalars and points
 * that must be refused, the fixed-base comb against the variable-base
 * ladder, the crypto API picking our drivers, and a speed case (run the
 * suite with run.sh --realtime for meaningful times: under time travel
 * the guest clock does not follow the CPU).
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/ktime.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <crypto/ecdh.h>
#include <crypto/kpp.h>
#include <owe/ecc.h>

#include "crypto/tfm.h"
#include "wire/group.h"
#include "ecc_vectors.h"
#include "vectors.h"

#define ECC_TEST_RANDOM		8
/* random x for the check against y recovery */
#define ECC_TEST_X		64

static void curve_desc(const struct ecc_test_curve *t, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", t->curve->name);
}

KUNIT_ARRAY_PARAM(curve, ecc_test_curves, curve_desc);

static void rfc_desc(const struct ecc_test_rfc *t, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "rfc5903 %s", t->curve->name);
}

KUNIT_ARRAY_PARAM(rfc, ecc_test_rfc5903, rfc_desc);

static void owe_desc(const struct owe_test_vector *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "group %u", v->group);
}

KUNIT_ARRAY_PARAM(owe, owe_test_vectors, owe_desc);

/* a buffer the test owns (kpp wants scatterlists: no stack memory) */
static u8 *ecc_buf(struct kunit *test, size_t len)
{
	u8 *p = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	return p;
}

static struct owe_ecc_work *ecc_work(struct kunit *test)
{
	return (struct owe_ecc_work *)ecc_buf(test, sizeof(struct owe_ecc_work));
}

static int kpp_set(struct crypto_kpp *tfm, const u8 *priv, unsigned int len)
{
	struct ecdh params = { .key = (char *)priv, .key_size = len };
	u8 buf[8 + OWE_ECC_MAX_BYTES];
	unsigned int blen = crypto_ecdh_key_len(&params);
	int err;

	err = crypto_ecdh_encode_key(buf, blen, &params);
	if (!err)
		err = crypto_kpp_set_secret(tfm, buf, blen);
	memzero_explicit(buf, sizeof(buf));
	return err;
}

/* public key (in == NULL) or shared secret through kpp */
static int kpp_run(struct crypto_kpp *tfm, const u8 *in, unsigned int in_len,
		   u8 *out, unsigned int out_len)
{
	struct scatterlist sg_in, sg_out;
	DECLARE_CRYPTO_WAIT(wait);
	struct kpp_request *req;
	int err;

	req = kpp_request_alloc(tfm, GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	if (in)
		sg_init_one(&sg_in, in, in_len);
	sg_init_one(&sg_out, out, out_len);
	kpp_request_set_input(req, in ? &sg_in : NULL, in_len);
	kpp_request_set_output(req, &sg_out, out_len);
	kpp_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				 crypto_req_done, &wait);
	err = crypto_wait_req(in ? crypto_kpp_compute_shared_secret(req) :
			      crypto_kpp_generate_public_key(req), &wait);
	kpp_request_free(req);
	return err;
}

static struct crypto_kpp *kpp_alloc(struct kunit *test, const char *name)
{
	struct crypto_kpp *tfm = crypto_alloc_kpp(name, 0, 0);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(tfm), "no kpp %s: %ld", name,
			       PTR_ERR(tfm));
	return tfm;
}

static void ecc_rfc5903(struct kunit *test)
{
	const struct ecc_test_rfc *v = test->param_value;
	const struct owe_ecc_curve *c = v->curve;
	struct owe_ecc_work *w = ecc_work(test);
	unsigned int len = c->bytes;
	u8 *out = ecc_buf(test, 2 * len), *in = ecc_buf(test, 2 * len);
	struct crypto_kpp *tfm;

	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, v->i, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->gi, 2 * len);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, v->r, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->gr, 2 * len);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, v->i, v->gr, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->z, len);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, v->r, v->gi, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->z, len);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(w, 0, sizeof(*w)));

	/* the same through the crypto API */
	tfm = kpp_alloc(test, c->kpp_name);
	KUNIT_EXPECT_EQ(test, crypto_kpp_maxsize(tfm), 2 * len);
	KUNIT_ASSERT_EQ(test, kpp_set(tfm, v->i, len), 0);
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, NULL, 0, out, 2 * len), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->gi, 2 * len);
	memcpy(in, v->gr, 2 * len);
	memset(out, 0, 2 * len);
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, in, 2 * len, out, len), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->z, len);
	crypto_free_kpp(tfm);
}

static void ecc_owe_vectors(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	const struct owe_ecc_curve *c;
	struct owe_ecc_work *w = ecc_work(test);
	u8 *pt, *out;

	KUNIT_ASSERT_NOT_NULL(test, g);
	c = owe_ecc_curve_by_bytes(g->prime_len);
	KUNIT_ASSERT_NOT_NULL(test, c);
	pt = ecc_buf(test, 2 * c->bytes);
	out = ecc_buf(test, 2 * c->bytes);

	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, v->d_a, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->a, c->bytes);
	memcpy(pt, v->c, c->bytes);
	KUNIT_ASSERT_EQ(test, owe_ecc_point_y(c, v->c, pt + c->bytes), 0);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, v->d_a, pt, out), 0);
	KUNIT_EXPECT_MEMEQ(test, out, v->z, c->bytes);
}

/* k = small as a big-endian scalar of the curve */
static void scalar_small(u8 *k, unsigned int len, u8 small)
{
	memset(k, 0, len);
	k[len - 1] = small;
}

/* k = n - 1 */
static void scalar_n_minus_1(u8 *k, const struct ecc_test_curve *t)
{
	memcpy(k, t->n, t->curve->bytes);
	k[t->curve->bytes - 1] -= 1;	/* n is odd */
}

static void ecc_edge_scalars(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	struct owe_ecc_work *w = ecc_work(test);
	unsigned int len = c->bytes;
	u8 *k = ecc_buf(test, len), *a = ecc_buf(test, 2 * len);
	u8 *b = ecc_buf(test, 2 * len);

	/* 1 * G = G */
	scalar_small(k, len, 1);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, k, a), 0);
	KUNIT_EXPECT_MEMEQ(test, a, t->g, 2 * len);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, k, t->g, a), 0);
	KUNIT_EXPECT_MEMEQ(test, a, t->g, 2 * len);

	/* 2 * G both ways, and 1 * 2G */
	scalar_small(k, len, 2);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, k, a), 0);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, k, t->g, b), 0);
	KUNIT_EXPECT_MEMEQ(test, a, b, 2 * len);
	scalar_small(k, len, 1);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, k, a, b), 0);
	KUNIT_EXPECT_MEMEQ(test, a, b, 2 * len);

	/* (n - 1) * G = -G: the same x, the other y */
	scalar_n_minus_1(k, t);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, k, a), 0);
	KUNIT_EXPECT_MEMEQ(test, a, t->g, len);
	KUNIT_EXPECT_MEMNEQ(test, a + len, t->g + len, len);
	KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, k, t->g, b), 0);
	KUNIT_EXPECT_MEMEQ(test, a, b, 2 * len);

	/* 0 and n are no scalars */
	scalar_small(k, len, 0);
	KUNIT_EXPECT_FALSE(test, owe_ecc_scalar_ok(c, k));
	KUNIT_EXPECT_EQ(test, owe_ecc_mul_base(c, k, a), -EINVAL);
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, t->g, a), -EINVAL);
	memcpy(k, t->n, len);
	KUNIT_EXPECT_FALSE(test, owe_ecc_scalar_ok(c, k));
	KUNIT_EXPECT_EQ(test, owe_ecc_mul_base(c, k, a), -EINVAL);
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, t->g, a), -EINVAL);
}

static void ecc_invalid_points(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	struct owe_ecc_work *w = ecc_work(test);
	unsigned int len = c->bytes;
	u8 *k = ecc_buf(test, len), *pt = ecc_buf(test, 2 * len);
	u8 *out = ecc_buf(test, 2 * len);
	struct crypto_kpp *tfm;

	scalar_small(k, len, 7);
	/* off the curve */
	memcpy(pt, t->g, 2 * len);
	pt[2 * len - 1] ^= 1;
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, pt, out), -EINVAL);
	/* x = p, y of G */
	memcpy(pt, t->p, len);
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, pt, out), -EINVAL);
	/* y = y(G) + p: the right residue, out of range */
	memcpy(pt, t->g, len);
	memcpy(pt + len, t->p, len);
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, pt, out), -EINVAL);
	/* the point at infinity in its affine encoding */
	memset(pt, 0, 2 * len);
	KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, pt, out), -EINVAL);
	/* x = p for y recovery */
	KUNIT_EXPECT_EQ(test, owe_ecc_point_y(c, t->p, out), -ERANGE);

	tfm = kpp_alloc(test, c->kpp_name);
	KUNIT_ASSERT_EQ(test, kpp_set(tfm, k, len), 0);
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, pt, 2 * len, out, len), -EINVAL);
	memcpy(pt, t->g, 2 * len);
	pt[len] ^= 0x80;
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, pt, 2 * len, out, len), -EINVAL);
	/* a wrong length */
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, pt, len, out, len), -EINVAL);
	/* an empty secret: a random key of its own */
	KUNIT_EXPECT_EQ(test, kpp_set(tfm, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, kpp_run(tfm, NULL, 0, out, 2 * len), 0);
	crypto_free_kpp(tfm);
}

static void random_scalar(const struct ecc_test_curve *t, u8 *k)
{
	unsigned int len = t->curve->bytes;

	do {
		get_random_bytes(k, len);
		/* below 2^(bits - 1) < n */
		k[0] &= 0xff >> (8 * len - t->bits + 1);
	} while (!owe_ecc_scalar_ok(t->curve, k));
}

static void ecc_comb_vs_ladder(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	struct owe_ecc_work *w = ecc_work(test);
	unsigned int len = c->bytes, i;
	u8 *k = ecc_buf(test, len), *a = ecc_buf(test, 2 * len);
	u8 *b = ecc_buf(test, 2 * len), *y = ecc_buf(test, len);

	for (i = 0; i < ECC_TEST_RANDOM; i++) {
		random_scalar(t, k);
		KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, k, a), 0);
		KUNIT_ASSERT_EQ(test, owe_ecc_mul(c, w, k, t->g, b), 0);
		KUNIT_EXPECT_MEMEQ(test, a, b, 2 * len);
		/* y recovery gives back y or p - y */
		KUNIT_ASSERT_EQ(test, owe_ecc_point_y(c, a, y), 0);
		memcpy(b + len, y, len);
		KUNIT_EXPECT_EQ(test, owe_ecc_mul(c, w, k, b, b), 0);
	}
}

/*
 * the softirq check of an x (Jacobi symbol) says what y recovery says:
 * on random x (about half are on the curve), on points' x, on p and p - 1
 */
static void ecc_x_check(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	unsigned int len = c->bytes, i, on = 0;
	u8 *x = ecc_buf(test, 2 * len), *y = ecc_buf(test, len);
	u8 *k = ecc_buf(test, len);
	int want;

	for (i = 0; i < ECC_TEST_X; i++) {
		get_random_bytes(x, len);
		x[0] &= 0xff >> (8 * len - t->bits);
		want = owe_ecc_point_y(c, x, y);
		KUNIT_EXPECT_EQ_MSG(test, owe_ecc_x_check(c, x), want,
				    "x %*phN", len, x);
		on += !want;
	}
	/* 2^-63: every x on the curve, or none, would be a test blind */
	KUNIT_EXPECT_GT(test, on, 0U);
	KUNIT_EXPECT_LT(test, on, ECC_TEST_X);
	for (i = 0; i < ECC_TEST_RANDOM; i++) {
		random_scalar(t, k);
		KUNIT_ASSERT_EQ(test, owe_ecc_mul_base(c, k, x), 0);
		KUNIT_EXPECT_EQ(test, owe_ecc_x_check(c, x), 0);
	}
	KUNIT_EXPECT_EQ(test, owe_ecc_x_check(c, t->p), -ERANGE);
	memset(x, 0xff, len);
	KUNIT_EXPECT_EQ(test, owe_ecc_x_check(c, x), -ERANGE);
	memcpy(x, t->p, len);
	x[len - 1]--;
	KUNIT_EXPECT_EQ(test, owe_ecc_x_check(c, x), owe_ecc_point_y(c, x, y));
	memset(x, 0, len);
	KUNIT_EXPECT_EQ(test, owe_ecc_x_check(c, x), owe_ecc_point_y(c, x, y));
}

static void ecc_kpp_driver(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	struct crypto_kpp *tfm = kpp_alloc(test, c->kpp_name);
	char want[CRYPTO_MAX_ALG_NAME];

	snprintf(want, sizeof(want), "%s-owe", c->kpp_name);
	KUNIT_EXPECT_STREQ(test, crypto_tfm_alg_driver_name(crypto_kpp_tfm(tfm)),
			   want);
	crypto_free_kpp(tfm);
}

/* owe.ko's transforms of a BSS are ours too */
static void ecc_owe_uses_ours(struct kunit *test)
{
	struct owe_crypto *c = owe_crypto_alloc();
	const char *drv;
	unsigned int i;

	KUNIT_ASSERT_FALSE(test, IS_ERR(c));
	for (i = 0; i < OWE_NUM_GROUPS; i++) {
		KUNIT_ASSERT_NOT_NULL(test, c->kpp[i]);
		drv = crypto_tfm_alg_driver_name(crypto_kpp_tfm(c->kpp[i]));
		KUNIT_EXPECT_TRUE_MSG(test, strstr(drv, "-owe"),
				      "group %u: %s", OWE_GROUP_P256 + i, drv);
	}
	owe_crypto_free(c);
}

/* one timed operation, ours or the generic kpp's */
struct ecc_op {
	const struct owe_ecc_curve *c;
	struct owe_ecc_work *w;
	struct crypto_kpp *tfm;
	const u8 *k;
	u8 *pub;
	u8 *out;
};

static int op_base(struct ecc_op *o)
{
	return owe_ecc_mul_base(o->c, o->k, o->pub);
}

static int op_var(struct ecc_op *o)
{
	return owe_ecc_mul(o->c, o->w, o->k, o->pub, o->out);
}

static int op_kpp_pub(struct ecc_op *o)
{
	return kpp_run(o->tfm, NULL, 0, o->pub, 2 * o->c->bytes);
}

static int op_kpp_shared(struct ecc_op *o)
{
	return kpp_run(o->tfm, o->pub, 2 * o->c->bytes, o->out, o->c->bytes);
}

/*
 * Microseconds of n runs: the best (the figure least disturbed by other
 * work on the host) and the mean.
 */
static void ecc_time(struct kunit *test, int (*op)(struct ecc_op *),
		     struct ecc_op *o, char *buf, size_t len)
{
	u64 t, sum = 0, best = U64_MAX;
	unsigned int i, n = 20;

	for (i = 0; i < n; i++) {
		t = ktime_get_ns();
		KUNIT_EXPECT_EQ(test, op(o), 0);
		t = ktime_get_ns() - t;
		sum += t;
		best = min(best, t);
	}
	snprintf(buf, len, "%llu us (mean %llu)", div_u64(best, 1000),
		 div_u64(sum, 1000 * n));
}

static void ecc_speed(struct kunit *test)
{
	const struct ecc_test_curve *t = test->param_value;
	const struct owe_ecc_curve *c = t->curve;
	unsigned int len = c->bytes;
	struct ecc_op o = {
		.c = c,
		.w = ecc_work(test),
		.pub = ecc_buf(test, 2 * len),
		.out = ecc_buf(test, 2 * len),
	};
	char name[CRYPTO_MAX_ALG_NAME], a[40], b[40];
	u8 *k = ecc_buf(test, len);

	random_scalar(t, k);
	o.k = k;
	ecc_time(test, op_base, &o, a, sizeof(a));
	ecc_time(test, op_var, &o, b, sizeof(b));
	kunit_info(test, "%s: owe: fixed-base %s, variable-base %s\n",
		   c->name, a, b);

	/* the kernel's generic kpp of the curve, if any, for comparison */
	snprintf(name, sizeof(name), "%s-generic", c->kpp_name);
	o.tfm = crypto_alloc_kpp(name, 0, 0);
	if (IS_ERR(o.tfm)) {
		kunit_info(test, "%s: no %s to compare with\n", c->name, name);
		return;
	}
	KUNIT_ASSERT_EQ(test, kpp_set(o.tfm, k, len), 0);
	ecc_time(test, op_kpp_pub, &o, a, sizeof(a));
	ecc_time(test, op_kpp_shared, &o, b, sizeof(b));
	kunit_info(test, "%s: generic kpp: public key %s, shared secret %s\n",
		   c->name, a, b);
	crypto_free_kpp(o.tfm);
}

static struct kunit_case owe_ecc_cases[] = {
	KUNIT_CASE_PARAM(ecc_rfc5903, rfc_gen_params),
	KUNIT_CASE_PARAM(ecc_owe_vectors, owe_gen_params),
	KUNIT_CASE_PARAM(ecc_edge_scalars, curve_gen_params),
	KUNIT_CASE_PARAM(ecc_invalid_points, curve_gen_params),
	KUNIT_CASE_PARAM(ecc_comb_vs_ladder, curve_gen_params),
	KUNIT_CASE_PARAM(ecc_x_check, curve_gen_params),
	KUNIT_CASE_PARAM(ecc_kpp_driver, curve_gen_params),
	KUNIT_CASE(ecc_owe_uses_ours),
	KUNIT_CASE_PARAM(ecc_speed, curve_gen_params),
	{}
};

static struct kunit_suite owe_ecc_suite = {
	.name = "owe-ecc",
	.test_cases = owe_ecc_cases,
};

kunit_test_suite(owe_ecc_suite);
