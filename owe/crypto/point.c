// SPDX-License-Identifier: GPL-2.0
/*
 * y from x. The DH Parameter element carries only the x coordinate (RFC
 * 8110 §4.3, compact representation of RFC 6090) while the kernel's ECDH
 * wants x || y. On y^2 = x^3 - 3x + b with p = 3 mod 4 (P-256, P-384 and
 * P-521 all qualify) a square root of r is r^((p + 1) / 4) mod p, and x is
 * on the curve exactly when that root squares back to r. Either root will
 * do: x(d * P) = x(d * -P).
 *
 * The arithmetic is Montgomery multiplication on 32-bit limbs with 64-bit
 * products, so it runs the same on 32-bit AP SoCs. The inputs are public
 * keys: nothing here needs constant time. p and b come from crypto/ecc.c.
 * No allocation and no sleeping: callable from softirq.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/string.h>
#include <crypto/internal/ecc.h>
#include <kunit/visibility.h>

#include "crypto/point.h"

#define OWE_LIMBS	(2 * ECC_MAX_DIGITS)

/**
 * struct owe_fp - a prime field in Montgomery form, R = 2^(32 * @n)
 * @p: the prime, least significant limb first
 * @r2: R^2 mod p
 * @one: R mod p, that is 1 in Montgomery form
 * @pinv: -p^-1 mod 2^32
 * @n: limbs in use
 */
struct owe_fp {
	u32 p[OWE_LIMBS];
	u32 r2[OWE_LIMBS];
	u32 one[OWE_LIMBS];
	u32 pinv;
	unsigned int n;
};

static void owe_limbs_from_digits(u32 *r, const u64 *d, unsigned int ndigits)
{
	unsigned int i;

	for (i = 0; i < ndigits; i++) {
		r[2 * i] = lower_32_bits(d[i]);
		r[2 * i + 1] = upper_32_bits(d[i]);
	}
}

static void owe_limbs_from_be(u32 *r, unsigned int n, const u8 *in,
			      size_t len)
{
	size_t i;

	memset(r, 0, n * sizeof(*r));
	for (i = 0; i < len; i++)
		r[i / 4] |= (u32)in[len - 1 - i] << (8 * (i % 4));
}

static void owe_limbs_to_be(u8 *out, size_t len, const u32 *r)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[len - 1 - i] = r[i / 4] >> (8 * (i % 4));
}

static int owe_limbs_cmp(const u32 *a, const u32 *b, unsigned int n)
{
	while (n--) {
		if (a[n] != b[n])
			return a[n] > b[n] ? 1 : -1;
	}
	return 0;
}

/* r = a - b, returns the borrow */
static u32 owe_limbs_sub(u32 *r, const u32 *a, const u32 *b, unsigned int n)
{
	unsigned int i;
	u64 borrow = 0;

	for (i = 0; i < n; i++) {
		u64 d = (u64)a[i] - b[i] - borrow;

		r[i] = lower_32_bits(d);
		borrow = (d >> 32) & 1;
	}
	return borrow;
}

/* r = a + b mod p, for a, b < p */
static void owe_fp_add(u32 *r, const u32 *a, const u32 *b,
		       const struct owe_fp *f)
{
	unsigned int i;
	u64 carry = 0;

	for (i = 0; i < f->n; i++) {
		carry += (u64)a[i] + b[i];
		r[i] = lower_32_bits(carry);
		carry >>= 32;
	}
	if (carry || owe_limbs_cmp(r, f->p, f->n) >= 0)
		owe_limbs_sub(r, r, f->p, f->n);
}

/* r = a - b mod p, for a, b < p */
static void owe_fp_sub(u32 *r, const u32 *a, const u32 *b,
		       const struct owe_fp *f)
{
	unsigned int i;
	u64 carry = 0;

	if (!owe_limbs_sub(r, a, b, f->n))
		return;
	for (i = 0; i < f->n; i++) {
		carry += (u64)r[i] + f->p[i];
		r[i] = lower_32_bits(carry);
		carry >>= 32;
	}
}

/* r = a * b / R mod p (CIOS Montgomery multiplication); r may alias */
static void owe_fp_mul(u32 *r, const u32 *a, const u32 *b,
		       const struct owe_fp *f)
{
	unsigned int i, j, n = f->n;
	u32 t[OWE_LIMBS + 2] = {};
	u64 acc;
	u32 m;

	for (i = 0; i < n; i++) {
		acc = 0;
		for (j = 0; j < n; j++) {
			acc += (u64)a[j] * b[i] + t[j];
			t[j] = lower_32_bits(acc);
			acc >>= 32;
		}
		acc += t[n];
		t[n] = lower_32_bits(acc);
		t[n + 1] = acc >> 32;

		m = t[0] * f->pinv;
		acc = ((u64)m * f->p[0] + t[0]) >> 32;
		for (j = 1; j < n; j++) {
			acc += (u64)m * f->p[j] + t[j];
			t[j - 1] = lower_32_bits(acc);
			acc >>= 32;
		}
		acc += t[n];
		t[n - 1] = lower_32_bits(acc);
		t[n] = t[n + 1] + (u32)(acc >> 32);
	}
	if (t[n] || owe_limbs_cmp(t, f->p, n) >= 0)
		owe_limbs_sub(t, t, f->p, n);
	memcpy(r, t, n * sizeof(*r));
}

static void owe_fp_init(struct owe_fp *f, const struct ecc_curve *curve)
{
	unsigned int i, n = 2 * curve->g.ndigits;
	u32 v[OWE_LIMBS] = { 1 };
	u32 inv = 0;

	memset(f, 0, sizeof(*f));
	f->n = n;
	owe_limbs_from_digits(f->p, curve->p, curve->g.ndigits);

	/* Newton: each step doubles the correct low bits of p[0]^-1 */
	inv = f->p[0];
	for (i = 0; i < 4; i++)
		inv *= 2 - f->p[0] * inv;
	f->pinv = -inv;

	/* 2^k mod p by doubling: k = 32n gives R, k = 64n gives R^2 */
	for (i = 1; i <= 64 * n; i++) {
		owe_fp_add(v, v, v, f);
		if (i == 32 * n)
			memcpy(f->one, v, sizeof(v));
	}
	memcpy(f->r2, v, sizeof(v));
}

/**
 * owe_point_y - recover a y coordinate for an x coordinate
 * @group: the group of the key
 * @x: x coordinate, big-endian, @group->prime_len octets
 * @y: receives one of the two y coordinates, big-endian, prime_len octets;
 *	may be %NULL to only check that @x is on the curve
 *
 * Pure computation on public data, no allocation: any context.
 *
 * Return: 0 on success, -ERANGE when @x is not below the prime, -EDOM when
 * no point of the curve has @x as its x coordinate, -EOPNOTSUPP when
 * crypto/ecc.c does not know the curve.
 */
int owe_point_y(const struct owe_group *group, const u8 *x, u8 *y)
{
	const struct ecc_curve *curve = ecc_get_curve(group->ecc_curve_id);
	u32 xm[OWE_LIMBS], r[OWE_LIMBS], t[OWE_LIMBS], e[OWE_LIMBS];
	u32 plain_one[OWE_LIMBS] = { 1 };
	struct owe_fp f;
	unsigned int i;
	int bit;

	if (!curve)
		return -EOPNOTSUPP;
	owe_fp_init(&f, curve);

	owe_limbs_from_be(xm, f.n, x, group->prime_len);
	if (owe_limbs_cmp(xm, f.p, f.n) >= 0)
		return -ERANGE;

	/* r = x^3 - 3x + b, all in Montgomery form */
	owe_fp_mul(xm, xm, f.r2, &f);
	owe_fp_mul(r, xm, xm, &f);
	owe_fp_mul(r, r, xm, &f);
	for (i = 0; i < 3; i++)
		owe_fp_sub(r, r, xm, &f);
	memset(t, 0, sizeof(t));
	owe_limbs_from_digits(t, curve->b, curve->g.ndigits);
	owe_fp_mul(t, t, f.r2, &f);
	owe_fp_add(r, r, t, &f);

	/* e = (p + 1) / 4; p is odd and below R, so no carry out */
	memcpy(e, f.p, sizeof(e));
	for (i = 0; i < f.n && !++e[i]; i++)
		;
	for (i = 0; i < f.n; i++)
		e[i] = (e[i] >> 2) | (i + 1 < f.n ? e[i + 1] << 30 : 0);

	/* t = r^e, left to right from the top set bit of e */
	memcpy(t, f.one, sizeof(t));
	for (bit = 32 * f.n - 1; bit > 0 && !(e[bit / 32] & BIT(bit % 32));)
		bit--;
	for (; bit >= 0; bit--) {
		owe_fp_mul(t, t, t, &f);
		if (e[bit / 32] & BIT(bit % 32))
			owe_fp_mul(t, t, r, &f);
	}

	owe_fp_mul(xm, t, t, &f);
	if (owe_limbs_cmp(xm, r, f.n))
		return -EDOM;

	if (y) {
		owe_fp_mul(t, t, plain_one, &f);
		owe_limbs_to_be(y, group->prime_len, t);
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_point_y);

/**
 * owe_dh_elem_validate - parse a DH Parameter element and check its key
 * @elem: the element, starting at its Element ID octet
 * @len: octets available at @elem (may exceed the element)
 * @groups: bitmap of the groups the BSS accepts, BIT(group number)
 * @dh: filled in on success; @dh->key points into @elem
 *
 * owe_dh_elem_parse(), then the curve's word on the x coordinate. Safe in
 * softirq.
 *
 * Return: 0, an error of owe_dh_elem_parse(), or -EDOM when no point of
 * the curve has that x coordinate (status 1).
 */
int owe_dh_elem_validate(const u8 *elem, size_t len, u32 groups,
			 struct owe_dh_elem *dh)
{
	struct owe_dh_elem parsed;
	int ret;

	ret = owe_dh_elem_parse(elem, len, groups, &parsed);
	if (!ret)
		ret = owe_point_y(parsed.group, parsed.key, NULL);
	if (!ret)
		*dh = parsed;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_elem_validate);
