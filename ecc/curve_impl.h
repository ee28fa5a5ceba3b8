/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One short Weierstrass curve y^2 = x^3 - 3x + b over a prime field, in
 * constant time. Included once by each curve's file (p256.c, ...), which
 * first defines
 *
 *   ECC_N      limbs of a field element (64-bit; 58-bit in fe521.h) and
 *              64-bit limbs of an integer below p
 *   ECC_BYTES  octets of a coordinate and of a scalar
 *   ECC_BITS   bits of the group order n
 *   ECC_PINV   -p^-1 mod 2^64, or
 *   ECC_FE521  instead, for P-521's own field (fe521.h)
 *   curve_p, curve_n, curve_b, curve_gx, curve_gy: ECC_N limbs each,
 *   least significant first
 *
 * so that every loop has a constant trip count and the prime's limbs are
 * constants the compiler folds (the zero and all-ones limbs of P-256 cost
 * nothing).
 *
 * The loops over the limbs are unrolled (#pragma GCC unroll): constant
 * trip counts, straight-line carry chains.
 *
 * Field: fe_mont.h (Montgomery form, P-256 and P-384) or fe521.h (58-bit
 * limbs, P-521), each providing on ECC_N-limb elements fe_add(), fe_sub(),
 * fe_mul(), fe_sqr(), fe_inv(), fe_sqrt() (a^((p + 1) / 4)),
 * fe_mask_zero(), fe_from_int() and fe_to_int() (from and to the integer
 * below p, 64-bit limbs) and fe_init() (fe_one, its own constants). Only
 * fe_to_int() and fe_mask_zero() need the canonical value; the rest may
 * work on any representation of the residue.
 *
 * Points: projective (X : Y : Z), the complete formulas of Renes,
 * Costello and Batina (eprint 2015/1060, algorithms 4, 5 and 6 for
 * a = -3): no input, the point at infinity (0 : 1 : 0) and doubling
 * included, needs a branch. Scalars: signed windows of 5 bits (Booth
 * recoding, digits -16..16), tables read whole with masks; a
 * variable-base scalar k is blinded to k + r * n with a fresh 64-bit r
 * (13 more windows). Nothing branches on or indexes memory by a secret.
 */

#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/string.h>
#include <linux/types.h>
#include <crypto/algapi.h>
#include <owe/ecc.h>

#include "arith.h"
#include "jacobi.h"

#define ECC_WBITS	5
#define ECC_WINDOWS	(ECC_BITS / ECC_WBITS + 1)
/* a variable-base scalar blinded with 64 random bits (scalar_blind()) */
#define ECC_BLIND_WINDOWS	((ECC_BITS + 64) / ECC_WBITS + 1)
#define ECC_BLIND_BYTES		(8 * (ECC_N + 1) + 2)

static_assert(ECC_N <= OWE_ECC_MAX_LIMBS);
static_assert(ECC_BYTES <= OWE_ECC_MAX_BYTES);

struct point {
	u64 x[ECC_N];
	u64 y[ECC_N];
	u64 z[ECC_N];
};

struct apoint {
	u64 x[ECC_N];
	u64 y[ECC_N];
};

/* 1 and b as field elements */
static u64 fe_one[ECC_N] __ro_after_init;
static u64 fe_b[ECC_N] __ro_after_init;
/* comb[i][j] = (j + 1) * 2^(5 i) * G, affine, field elements */
static struct apoint comb[ECC_WINDOWS][OWE_ECC_TABLE] __ro_after_init;

static void fe_copy(u64 *r, const u64 *a)
{
	memcpy(r, a, ECC_N * sizeof(u64));
}

/* r = a when mask is all ones, unchanged when it is zero */
static __always_inline void fe_cmov(u64 *r, const u64 *a, u64 mask)
{
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		r[i] ^= (r[i] ^ a[i]) & mask;
}

/* all ones when the integer a (ECC_N limbs) is zero */
static u64 limbs_mask_zero(const u64 *a)
{
	u64 acc = 0;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		acc |= a[i];
	return ecc_mask_eq(acc, 0);
}

#ifdef ECC_FE521
#include "fe521.h"
#else
#include "fe_mont.h"
#endif

/* a < m (both ECC_N limbs), in constant time */
static bool limbs_lt(const u64 *a, const u64 *m)
{
	u64 borrow = 0;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		ecc_sbb(a[i], m[i], &borrow);
	return borrow;
}

static void limbs_from_be(u64 *r, const u8 *in)
{
	unsigned int i;

	memset(r, 0, ECC_N * sizeof(u64));
	for (i = 0; i < ECC_BYTES; i++)
		r[i / 8] |= (u64)in[ECC_BYTES - 1 - i] << (8 * (i % 8));
}

static void limbs_to_be(u8 *out, const u64 *a)
{
	unsigned int i;

	for (i = 0; i < ECC_BYTES; i++)
		out[ECC_BYTES - 1 - i] = a[i / 8] >> (8 * (i % 8));
}

static void point_set_infinity(struct point *r)
{
	memset(r, 0, sizeof(*r));
	fe_copy(r->y, fe_one);
}

/* r = p + q, algorithm 4; r may alias p or q */
static void point_add(struct point *r, const struct point *p,
		      const struct point *q)
{
	u64 t0[ECC_N], t1[ECC_N], t2[ECC_N], t3[ECC_N], t4[ECC_N];
	u64 x3[ECC_N], y3[ECC_N], z3[ECC_N];

	fe_mul(t0, p->x, q->x);
	fe_mul(t1, p->y, q->y);
	fe_mul(t2, p->z, q->z);
	fe_add(t3, p->x, p->y);
	fe_add(t4, q->x, q->y);
	fe_mul(t3, t3, t4);
	fe_add(t4, t0, t1);
	fe_sub(t3, t3, t4);
	fe_add(t4, p->y, p->z);
	fe_add(x3, q->y, q->z);
	fe_mul(t4, t4, x3);
	fe_add(x3, t1, t2);
	fe_sub(t4, t4, x3);
	fe_add(x3, p->x, p->z);
	fe_add(y3, q->x, q->z);
	fe_mul(x3, x3, y3);
	fe_add(y3, t0, t2);
	fe_sub(y3, x3, y3);
	fe_mul(z3, fe_b, t2);
	fe_sub(x3, y3, z3);
	fe_add(z3, x3, x3);
	fe_add(x3, x3, z3);
	fe_sub(z3, t1, x3);
	fe_add(x3, t1, x3);
	fe_mul(y3, fe_b, y3);
	fe_add(t1, t2, t2);
	fe_add(t2, t1, t2);
	fe_sub(y3, y3, t2);
	fe_sub(y3, y3, t0);
	fe_add(t1, y3, y3);
	fe_add(y3, t1, y3);
	fe_add(t1, t0, t0);
	fe_add(t0, t1, t0);
	fe_sub(t0, t0, t2);
	fe_mul(t1, t4, y3);
	fe_mul(t2, t0, y3);
	fe_mul(y3, x3, z3);
	fe_add(y3, y3, t2);
	fe_mul(x3, x3, t3);
	fe_sub(x3, x3, t1);
	fe_mul(z3, t4, z3);
	fe_mul(t1, t3, t0);
	fe_add(z3, z3, t1);
	fe_copy(r->x, x3);
	fe_copy(r->y, y3);
	fe_copy(r->z, z3);
}

/* r = p + q for an affine q (not infinity), algorithm 5 */
static void point_add_affine(struct point *r, const struct point *p,
			     const struct apoint *q)
{
	u64 t0[ECC_N], t1[ECC_N], t2[ECC_N], t3[ECC_N], t4[ECC_N];
	u64 x3[ECC_N], y3[ECC_N], z3[ECC_N];

	fe_mul(t0, p->x, q->x);
	fe_mul(t1, p->y, q->y);
	fe_add(t3, q->x, q->y);
	fe_add(t4, p->x, p->y);
	fe_mul(t3, t3, t4);
	fe_add(t4, t0, t1);
	fe_sub(t3, t3, t4);
	fe_mul(t4, q->y, p->z);
	fe_add(t4, t4, p->y);
	fe_mul(y3, q->x, p->z);
	fe_add(y3, y3, p->x);
	fe_mul(z3, fe_b, p->z);
	fe_sub(x3, y3, z3);
	fe_add(z3, x3, x3);
	fe_add(x3, x3, z3);
	fe_sub(z3, t1, x3);
	fe_add(x3, t1, x3);
	fe_mul(y3, fe_b, y3);
	fe_add(t1, p->z, p->z);
	fe_add(t2, t1, p->z);
	fe_sub(y3, y3, t2);
	fe_sub(y3, y3, t0);
	fe_add(t1, y3, y3);
	fe_add(y3, t1, y3);
	fe_add(t1, t0, t0);
	fe_add(t0, t1, t0);
	fe_sub(t0, t0, t2);
	fe_mul(t1, t4, y3);
	fe_mul(t2, t0, y3);
	fe_mul(y3, x3, z3);
	fe_add(y3, y3, t2);
	fe_mul(x3, x3, t3);
	fe_sub(x3, x3, t1);
	fe_mul(z3, t4, z3);
	fe_mul(t1, t3, t0);
	fe_add(z3, z3, t1);
	fe_copy(r->x, x3);
	fe_copy(r->y, y3);
	fe_copy(r->z, z3);
}

/* r = 2p, algorithm 6; r may alias p */
static void point_dbl(struct point *r, const struct point *p)
{
	u64 t0[ECC_N], t1[ECC_N], t2[ECC_N], t3[ECC_N];
	u64 x3[ECC_N], y3[ECC_N], z3[ECC_N];

	fe_sqr(t0, p->x);
	fe_sqr(t1, p->y);
	fe_sqr(t2, p->z);
	fe_mul(t3, p->x, p->y);
	fe_add(t3, t3, t3);
	fe_mul(z3, p->x, p->z);
	fe_add(z3, z3, z3);
	fe_mul(y3, fe_b, t2);
	fe_sub(y3, y3, z3);
	fe_add(x3, y3, y3);
	fe_add(y3, x3, y3);
	fe_sub(x3, t1, y3);
	fe_add(y3, t1, y3);
	fe_mul(y3, x3, y3);
	fe_mul(x3, x3, t3);
	fe_add(t3, t2, t2);
	fe_add(t2, t2, t3);
	fe_mul(z3, fe_b, z3);
	fe_sub(z3, z3, t2);
	fe_sub(z3, z3, t0);
	fe_add(t3, z3, z3);
	fe_add(z3, z3, t3);
	fe_add(t3, t0, t0);
	fe_add(t0, t3, t0);
	fe_sub(t0, t0, t2);
	fe_mul(t0, t0, z3);
	fe_add(y3, y3, t0);
	fe_mul(t0, p->y, p->z);
	fe_add(t0, t0, t0);
	fe_mul(z3, t0, z3);
	fe_sub(x3, x3, z3);
	fe_mul(z3, t0, t1);
	fe_add(z3, z3, z3);
	fe_add(z3, z3, z3);
	fe_copy(r->x, x3);
	fe_copy(r->y, y3);
	fe_copy(r->z, z3);
}

/*
 * p = 2^5 p in place: five doublings in Jacobian coordinates (X / Z^2,
 * Y / Z^3; "dbl-2001-b", 3M + 5S for a = -3) instead of the complete
 * projective ones (8M + 3S), with the conversions on either side. The
 * Jacobian doubling has no exception either: Z = 0 stays 0, and a point
 * of order 2 (Y = 0) does not exist on these prime-order curves. The
 * point at infinity (0 : 1 : 0) maps to (0, 0, 0) and back to (0 : 0 : 0),
 * whose Y the final mask puts back to 1.
 */
static void point_dbl5(struct point *p)
{
	u64 delta[ECC_N], gamma[ECC_N], beta[ECC_N], alpha[ECC_N];
	u64 t[ECC_N], x[ECC_N], y[ECC_N], z[ECC_N];
	unsigned int i;

	/* to Jacobian: (X Z, Y Z^2, Z) */
	fe_sqr(t, p->z);
	fe_mul(x, p->x, p->z);
	fe_mul(y, p->y, t);
	fe_copy(z, p->z);
	for (i = 0; i < 5; i++) {
		fe_sqr(delta, z);
		fe_sqr(gamma, y);
		fe_mul(beta, x, gamma);
		fe_sub(t, x, delta);
		fe_add(alpha, x, delta);
		fe_mul(alpha, alpha, t);
		fe_add(t, alpha, alpha);
		fe_add(alpha, alpha, t);
		/* Z3 = (Y + Z)^2 - gamma - delta */
		fe_add(z, y, z);
		fe_sqr(z, z);
		fe_sub(z, z, gamma);
		fe_sub(z, z, delta);
		/* X3 = alpha^2 - 8 beta */
		fe_add(beta, beta, beta);
		fe_add(beta, beta, beta);
		fe_sqr(x, alpha);
		fe_add(t, beta, beta);
		fe_sub(x, x, t);
		/* Y3 = alpha (4 beta - X3) - 8 gamma^2 */
		fe_sub(beta, beta, x);
		fe_mul(y, alpha, beta);
		fe_sqr(gamma, gamma);
		fe_add(gamma, gamma, gamma);
		fe_add(gamma, gamma, gamma);
		fe_add(gamma, gamma, gamma);
		fe_sub(y, y, gamma);
	}
	/* back to projective: (X Z, Y, Z^3) */
	fe_mul(p->x, x, z);
	fe_copy(p->y, y);
	fe_sqr(t, z);
	fe_mul(p->z, t, z);
	fe_cmov(p->y, fe_one, fe_mask_zero(p->z));
	memzero_explicit(delta, sizeof(delta));
	memzero_explicit(gamma, sizeof(gamma));
	memzero_explicit(beta, sizeof(beta));
	memzero_explicit(alpha, sizeof(alpha));
	memzero_explicit(t, sizeof(t));
	memzero_explicit(x, sizeof(x));
	memzero_explicit(y, sizeof(y));
	memzero_explicit(z, sizeof(z));
}

/* affine x, y of p (field elements); false for the point at infinity */
static bool point_to_affine(u64 *x, u64 *y, const struct point *p)
{
	u64 zinv[ECC_N];

	if (fe_mask_zero(p->z))
		return false;
	fe_inv(zinv, p->z);
	fe_mul(x, p->x, zinv);
	fe_mul(y, p->y, zinv);
	memzero_explicit(zinv, sizeof(zinv));
	return true;
}

/* r = x^3 - 3x + b, the right-hand side of the curve's equation */
static void curve_rhs(u64 *r, const u64 *x)
{
	u64 t[ECC_N];

	fe_sqr(r, x);
	fe_add(t, fe_one, fe_one);
	fe_add(t, t, fe_one);
	fe_sub(r, r, t);
	fe_mul(r, r, x);
	fe_add(r, r, fe_b);
}

/* y^2 = x^3 - 3x + b, field elements */
static bool on_curve(const u64 *x, const u64 *y)
{
	u64 l[ECC_N], r[ECC_N];

	fe_sqr(l, y);
	curve_rhs(r, x);
	fe_sub(l, l, r);
	return fe_mask_zero(l);
}

/*
 * The scalar, big-endian, into little-endian octets with two zero octets
 * on top, read by windows; false unless it is in [1, n - 1] (the verdict
 * is the only thing that depends on its value).
 */
static bool scalar_load(u8 *kle, const u8 *k)
{
	u64 limbs[ECC_N];
	bool ok;
	unsigned int i;

	for (i = 0; i < ECC_BYTES; i++)
		kle[i] = k[ECC_BYTES - 1 - i];
	kle[ECC_BYTES] = 0;
	kle[ECC_BYTES + 1] = 0;
	limbs_from_be(limbs, k);
	ok = limbs_lt(limbs, curve_n) & !limbs_mask_zero(limbs);
	memzero_explicit(limbs, sizeof(limbs));
	return ok;
}

static bool curve_scalar_ok(const u8 *k)
{
	u8 kle[ECC_BYTES + 2];
	bool ok = scalar_load(kle, k);

	memzero_explicit(kle, sizeof(kle));
	return ok;
}

/* window i: bits 5i - 1 .. 5i + 4 of the scalar (bit -1 is zero) */
static unsigned int scalar_window(const u8 *kle, unsigned int i)
{
	unsigned int pos, w;

	if (!i)
		return (kle[0] << 1) & 0x3f;
	pos = ECC_WBITS * i - 1;
	w = kle[pos / 8] | (kle[pos / 8 + 1] << 8);
	return (w >> (pos % 8)) & 0x3f;
}

/* Booth recoding of a 6-bit window: digit 0..16 and its sign (1: minus) */
static unsigned int booth_recode(unsigned int w, u64 *neg)
{
	unsigned int s = ~((w >> 5) - 1);
	unsigned int d = (1 << 6) - w - 1;

	d = (d & s) | (w & ~s);
	d = (d >> 1) + (d & 1);
	*neg = s & 1;
	return d;
}

/* y = -y when neg is 1 */
static void fe_cneg(u64 *y, u64 neg)
{
	static const u64 zero[ECC_N];
	u64 ny[ECC_N];

	fe_sub(ny, zero, y);
	fe_cmov(y, ny, ecc_mask_bit(neg));
}

/* all ones for the entry of digit d (1..16) of a table, zero elsewhere */
static void table_masks(u64 *mask, unsigned int d)
{
	unsigned int i;

	for (i = 0; i < OWE_ECC_TABLE; i++)
		mask[i] = ecc_mask_eq(i + 1, d);
}

/*
 * r = digit d of a table of 1P .. 16P, the point at infinity for 0. The
 * loop runs limb by limb over the whole table, each limb the OR of all
 * entries' under their masks: one store per limb, where a conditional
 * move per entry would load and store r sixteen times.
 */
static void table_select(struct point *r, const struct point *tbl,
			 unsigned int d)
{
	u64 mask[OWE_ECC_TABLE], x, y, z;
	unsigned int i, l;

	table_masks(mask, d);
	for (l = 0; l < ECC_N; l++) {
		x = 0;
		y = 0;
		z = 0;
#pragma GCC unroll 16
		for (i = 0; i < OWE_ECC_TABLE; i++) {
			x |= tbl[i].x[l] & mask[i];
			y |= tbl[i].y[l] & mask[i];
			z |= tbl[i].z[l] & mask[i];
		}
		r->x[l] = x;
		r->y[l] = y;
		r->z[l] = z;
	}
	fe_cmov(r->y, fe_one, ecc_mask_eq(d, 0));
}

/* the same for window win of the comb; zero for digit 0 */
static void comb_select(struct apoint *r, unsigned int win, unsigned int d)
{
	u64 mask[OWE_ECC_TABLE], x, y;
	unsigned int i, l;

	table_masks(mask, d);
	for (l = 0; l < ECC_N; l++) {
		x = 0;
		y = 0;
#pragma GCC unroll 16
		for (i = 0; i < OWE_ECC_TABLE; i++) {
			x |= comb[win][i].x[l] & mask[i];
			y |= comb[win][i].y[l] & mask[i];
		}
		r->x[l] = x;
		r->y[l] = y;
	}
}

/* a public point x || y into field elements; -EINVAL unless on the curve */
static int point_load(struct point *r, const u8 *in)
{
	u64 x[ECC_N], y[ECC_N];

	limbs_from_be(x, in);
	limbs_from_be(y, in + ECC_BYTES);
	if (!limbs_lt(x, curve_p) || !limbs_lt(y, curve_p))
		return -EINVAL;
	fe_from_int(r->x, x);
	fe_from_int(r->y, y);
	fe_copy(r->z, fe_one);
	if (!on_curve(r->x, r->y))
		return -EINVAL;
	return 0;
}

/* the affine x || y of p, or -EFAULT for the point at infinity */
static int point_store(u8 *out, const struct point *p)
{
	u64 x[ECC_N], y[ECC_N];

	if (!point_to_affine(x, y, p))
		return -EFAULT;
	fe_to_int(x, x);
	fe_to_int(y, y);
	limbs_to_be(out, x);
	limbs_to_be(out + ECC_BYTES, y);
	memzero_explicit(x, sizeof(x));
	memzero_explicit(y, sizeof(y));
	return 0;
}

/*
 * Scalar blinding: k + r * n for a fresh random r < 2^64, the same
 * multiple of any point of the group with a new bit pattern on every
 * multiplication. kle is the scalar_load()ed scalar; kb receives the sum
 * as little-endian octets with two zero octets on top.
 */
static void scalar_blind(u8 *kb, const u8 *kle)
{
	u64 k[ECC_N + 1] = {}, r = get_random_u64(), carry = 0;
	unsigned int i;

	for (i = 0; i < ECC_BYTES; i++)
		k[i / 8] |= (u64)kle[i] << (8 * (i % 8));
	for (i = 0; i < ECC_N; i++)
		k[i] = ecc_mac(r, curve_n[i], k[i], &carry);
	k[ECC_N] = carry;
	for (i = 0; i < 8 * (ECC_N + 1); i++)
		kb[i] = k[i / 8] >> (8 * (i % 8));
	kb[8 * (ECC_N + 1)] = 0;
	kb[8 * (ECC_N + 1) + 1] = 0;
	memzero_explicit(k, sizeof(k));
	memzero_explicit(&r, sizeof(r));
}

static int curve_mul(struct owe_ecc_work *w, const u8 *k, const u8 *in,
		     u8 *out)
{
	struct point *tbl = (struct point *)w->tbl;
	struct point acc, q;
	u8 kle[ECC_BYTES + 2], kb[ECC_BLIND_BYTES];
	unsigned int i, d;
	u64 neg;
	int err;

	BUILD_BUG_ON(sizeof(struct point) > sizeof(w->tbl[0]));
	err = point_load(&tbl[0], in);
	if (err)
		return err;
	if (!scalar_load(kle, k)) {
		err = -EINVAL;
		goto wipe;
	}
	scalar_blind(kb, kle);
	point_dbl(&tbl[1], &tbl[0]);
	for (i = 2; i < OWE_ECC_TABLE; i++)
		point_add(&tbl[i], &tbl[i - 1], &tbl[0]);

	i = ECC_BLIND_WINDOWS - 1;
	d = booth_recode(scalar_window(kb, i), &neg);
	table_select(&acc, tbl, d);
	fe_cneg(acc.y, neg);
	while (i--) {
		point_dbl5(&acc);
		d = booth_recode(scalar_window(kb, i), &neg);
		table_select(&q, tbl, d);
		fe_cneg(q.y, neg);
		point_add(&acc, &acc, &q);
	}
	err = point_store(out, &acc);
wipe:
	memzero_explicit(kle, sizeof(kle));
	memzero_explicit(kb, sizeof(kb));
	memzero_explicit(&acc, sizeof(acc));
	memzero_explicit(&q, sizeof(q));
	memzero_explicit(tbl, sizeof(*tbl) * OWE_ECC_TABLE);
	return err;
}

static int curve_mul_base(const u8 *k, u8 *out)
{
	struct point acc, t;
	struct apoint q;
	u8 kle[ECC_BYTES + 2];
	unsigned int i, d;
	u64 neg;
	int err = -EINVAL;

	if (!scalar_load(kle, k))
		goto wipe;
	/* window 0 is the start of the sum: its point, infinity for digit 0 */
	d = booth_recode(scalar_window(kle, 0), &neg);
	comb_select(&q, 0, d);
	fe_cneg(q.y, neg);
	fe_copy(acc.x, q.x);
	fe_copy(acc.y, q.y);
	fe_copy(acc.z, fe_one);
	point_set_infinity(&t);
	fe_cmov(acc.y, t.y, ecc_mask_eq(d, 0));
	fe_cmov(acc.z, t.z, ecc_mask_eq(d, 0));
	for (i = 1; i < ECC_WINDOWS; i++) {
		d = booth_recode(scalar_window(kle, i), &neg);
		comb_select(&q, i, d);
		fe_cneg(q.y, neg);
		point_add_affine(&t, &acc, &q);
		/* digit 0 adds nothing: the sum with a zero q is dropped */
		fe_cmov(acc.x, t.x, ~ecc_mask_eq(d, 0));
		fe_cmov(acc.y, t.y, ~ecc_mask_eq(d, 0));
		fe_cmov(acc.z, t.z, ~ecc_mask_eq(d, 0));
	}
	err = point_store(out, &acc);
wipe:
	memzero_explicit(kle, sizeof(kle));
	memzero_explicit(&acc, sizeof(acc));
	memzero_explicit(&t, sizeof(t));
	memzero_explicit(&q, sizeof(q));
	return err;
}

/*
 * y = (x^3 - 3x + b)^((p + 1) / 4), a square root when there is one
 * (p = 3 mod 4); x is public. -ERANGE when x >= p, -EDOM when no point
 * of the curve has this x.
 */
static int curve_point_y(const u8 *xb, u8 *yb)
{
	u64 x[ECC_N], r[ECC_N], t[ECC_N], y[ECC_N];

	limbs_from_be(x, xb);
	if (!limbs_lt(x, curve_p))
		return -ERANGE;
	fe_from_int(x, x);
	curve_rhs(r, x);
	fe_sqrt(y, r);
	fe_sqr(t, y);
	fe_sub(t, t, r);
	if (!fe_mask_zero(t))
		return -EDOM;
	fe_to_int(y, y);
	limbs_to_be(yb, y);
	return 0;
}

/*
 * whether x (public, big-endian) is the x of a point: x < p and
 * x^3 - 3x + b a square mod p, told by its Jacobi symbol (jacobi.c, a few
 * microseconds) rather than by a square root (hundreds of squarings). For
 * the DH element's check in softirq; y is recovered later, off it.
 */
static int curve_x_check(const u8 *xb)
{
	u64 x[ECC_N], r[ECC_N], m[ECC_N];

	limbs_from_be(x, xb);
	if (!limbs_lt(x, curve_p))
		return -ERANGE;
	fe_from_int(x, x);
	curve_rhs(r, x);
	fe_to_int(r, r);
	memcpy(m, curve_p, sizeof(m));
	return owe_ecc_jacobi(r, m, ECC_N) < 0 ? -EDOM : 0;
}

/* the constants of the field and the fixed-base tables; module init */
static void curve_init(void)
{
	u64 x[ECC_N], y[ECC_N];
	struct point base, e;
	unsigned int i, j;

	fe_init();
	fe_from_int(fe_b, curve_b);
	fe_from_int(base.x, curve_gx);
	fe_from_int(base.y, curve_gy);
	fe_copy(base.z, fe_one);
	for (i = 0; i < ECC_WINDOWS; i++) {
		e = base;
		for (j = 0; j < OWE_ECC_TABLE; j++) {
			if (j)
				point_add(&e, &e, &base);
			WARN_ON(!point_to_affine(x, y, &e));
			fe_copy(comb[i][j].x, x);
			fe_copy(comb[i][j].y, y);
		}
		/* 2^5 * base = 2 * (16 * base) */
		point_dbl(&base, &e);
	}
}

