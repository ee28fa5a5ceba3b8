/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The field of P-256 and P-384 for curve_impl.h: Montgomery form,
 * R = 2^(64 * ECC_N), word-by-word (CIOS) reduction, every result fully
 * reduced below p by a masked subtraction, so that values are canonical.
 */

/* R^2 mod p, p - 2, (p + 1) / 4 */
static u64 fe_r2[ECC_N] __ro_after_init;
static u64 exp_inv[ECC_N] __ro_after_init;
static u64 exp_sqrt[ECC_N] __ro_after_init;

/* t (ECC_N limbs) + hi * 2^(64 ECC_N), known to be below 2p: r = t mod p */
static __always_inline void fe_reduce_once(u64 *r, const u64 *t, u64 hi)
{
	u64 d[ECC_N], borrow = 0;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		d[i] = ecc_sbb(t[i], curve_p[i], &borrow);
	/* t < p exactly when the subtraction borrowed past hi */
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		r[i] = d[i];
	fe_cmov(r, t, ecc_mask_bit(borrow & (hi ^ 1)));
}

static void fe_add(u64 *r, const u64 *a, const u64 *b)
{
	u64 t[ECC_N], carry = 0;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		t[i] = ecc_adc(a[i], b[i], &carry);
	fe_reduce_once(r, t, carry);
}

static void fe_sub(u64 *r, const u64 *a, const u64 *b)
{
	u64 t[ECC_N], pm[ECC_N], borrow = 0, carry = 0, mask;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		t[i] = ecc_sbb(a[i], b[i], &borrow);
	mask = ecc_mask_bit(borrow);
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		pm[i] = curve_p[i] & mask;
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		r[i] = ecc_adc(t[i], pm[i], &carry);
}

/* t (2 ECC_N limbs) = a^2: the products below the diagonal once, doubled */
static __always_inline void fe_sqr_wide(u64 *t, const u64 *a)
{
	u64 c, hi, lo;
	unsigned int i, j;

	memset(t, 0, 2 * ECC_N * sizeof(u64));
#pragma GCC unroll 9
	for (i = 0; i < ECC_N - 1; i++) {
		c = 0;
#pragma GCC unroll 9
		for (j = i + 1; j < ECC_N; j++)
			t[i + j] = ecc_mac(a[i], a[j], t[i + j], &c);
		t[i + ECC_N] = c;
	}
	c = 0;
#pragma GCC unroll 18
	for (i = 0; i < 2 * ECC_N; i++) {
		hi = t[i] >> 63;
		t[i] = (t[i] << 1) | c;
		c = hi;
	}
	c = 0;
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		hi = 0;
		lo = ecc_mac(a[i], a[i], 0, &hi);
		t[2 * i] = ecc_adc(t[2 * i], lo, &c);
		t[2 * i + 1] = ecc_adc(t[2 * i + 1], hi, &c);
	}
}

#define ECC_RBITS	(64 * ECC_N)

/*
 * t[0 .. ECC_N - 1] += m * p in place, for the m that zeroes t[0]
 * (t[0] * ECC_PINV); returns the word carried out of t[ECC_N - 1].
 */
#ifdef ECC_P256_REDC
/*
 * P-256: -p^-1 = 1 mod 2^64, so m = t[0]; p's limbs are 2^64 - 1,
 * 2^32 - 1, 0 and 2^64 - 2^32 + 1, and m * p adds up with one multiply:
 * t[0] + m (2^64 - 1) = m 2^64 carries m, and t[1] + m (2^32 - 1) + m is
 * t[1] + m 2^32.
 */
static __always_inline u64 mont_add_mp(u64 *t, u64 m)
{
	u64 c = 0, hi;

	t[0] = 0;
	t[1] = ecc_adc(t[1], m << 32, &c);
	hi = (m >> 32) + c;
	c = 0;
	t[2] = ecc_adc(t[2], hi, &c);
	t[3] = ecc_mac(m, curve_p[3], t[3], &c);
	return c;
}
#else
static __always_inline u64 mont_add_mp(u64 *t, u64 m)
{
	u64 c = 0;
	unsigned int j;

#pragma GCC unroll 9
	for (j = 0; j < ECC_N; j++)
		t[j] = ecc_mac(m, curve_p[j], t[j], &c);
	return c;
}
#endif

/* one word of CIOS: t = (t + a * bi + m * p) / 2^64 */
static __always_inline void fe_mul_word(u64 *t, const u64 *a, u64 bi)
{
	u64 c = 0, cc = 0;
	unsigned int j;

#pragma GCC unroll 9
	for (j = 0; j < ECC_N; j++)
		t[j] = ecc_mac(a[j], bi, t[j], &c);
	t[ECC_N] = ecc_adc(t[ECC_N], c, &cc);
	t[ECC_N + 1] = cc;

	c = mont_add_mp(t, t[0] * ECC_PINV);
#pragma GCC unroll 9
	for (j = 1; j < ECC_N; j++)
		t[j - 1] = t[j];
	cc = 0;
	t[ECC_N - 1] = ecc_adc(t[ECC_N], c, &cc);
	t[ECC_N] = t[ECC_N + 1] + cc;
}

/* Montgomery product a * b / R mod p; r may alias a or b */
static void fe_mul(u64 *r, const u64 *a, const u64 *b)
{
	u64 t[ECC_N + 2] = {};
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		fe_mul_word(t, a, b[i]);
	fe_reduce_once(r, t, t[ECC_N]);
}

/* r = t / R mod p for t < p R (2 ECC_N limbs, clobbered) */
static __always_inline void fe_redc(u64 *r, u64 *t)
{
	u64 c, m, top = 0;
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		m = t[i] * ECC_PINV;
		c = mont_add_mp(t + i, m);
		t[i + ECC_N] = ecc_adc(t[i + ECC_N], c, &top);
	}
	fe_reduce_once(r, t + ECC_N, top);
}

static void fe_sqr(u64 *r, const u64 *a)
{
	u64 t[2 * ECC_N];

	fe_sqr_wide(t, a);
	fe_redc(r, t);
}

/* r = a^e for a public exponent e, fixed windows of 4 bits */
static void fe_pow(u64 *r, const u64 *a, const u64 *e)
{
	u64 tbl[16][ECC_N], acc[ECC_N];
	unsigned int nib;
	int i;

	fe_copy(tbl[0], fe_one);
	fe_copy(tbl[1], a);
	for (i = 2; i < 16; i++)
		fe_mul(tbl[i], tbl[i - 1], a);
	fe_copy(acc, fe_one);
	for (i = ECC_N * 16 - 1; i >= 0; i--) {
		fe_sqr(acc, acc);
		fe_sqr(acc, acc);
		fe_sqr(acc, acc);
		fe_sqr(acc, acc);
		nib = (e[i / 16] >> (4 * (i % 16))) & 15;
		if (nib)
			fe_mul(acc, acc, tbl[nib]);
	}
	fe_copy(r, acc);
	memzero_explicit(tbl, sizeof(tbl));
	memzero_explicit(acc, sizeof(acc));
}

static void fe_inv(u64 *r, const u64 *a)
{
	fe_pow(r, a, exp_inv);
}

/* a^((p + 1) / 4): a square root of a when a has one (p = 3 mod 4) */
static void fe_sqrt(u64 *r, const u64 *a)
{
	fe_pow(r, a, exp_sqrt);
}

/* the integer a < p (ECC_N 64-bit limbs) into Montgomery form */
static void fe_from_int(u64 *r, const u64 *a)
{
	fe_mul(r, a, fe_r2);
}

/* out of Montgomery form: the integer below p */
static void fe_to_int(u64 *r, const u64 *a)
{
	static const u64 one[ECC_N] = { 1 };

	fe_mul(r, a, one);
}

/* all ones when a is zero: values are canonical */
static u64 fe_mask_zero(const u64 *a)
{
	return limbs_mask_zero(a);
}

/* fe_one, R^2 mod p and the exponents, from p; module init */
static void fe_init(void)
{
	static const u64 two[ECC_N] = { 2 };
	u64 carry = 0, borrow = 0, x[ECC_N];
	unsigned int i;

	/* R mod p and R^2 mod p by doubling 1, which fe_add() keeps below p */
	memset(fe_one, 0, sizeof(fe_one));
	fe_one[0] = 1;
	for (i = 0; i < ECC_RBITS; i++)
		fe_add(fe_one, fe_one, fe_one);
	fe_copy(fe_r2, fe_one);
	for (i = 0; i < ECC_RBITS; i++)
		fe_add(fe_r2, fe_r2, fe_r2);
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		exp_inv[i] = ecc_sbb(curve_p[i], two[i], &borrow);
	/* (p + 1) / 4 */
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		x[i] = ecc_adc(curve_p[i], i ? 0 : 1, &carry);
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		exp_sqrt[i] = (x[i] >> 2) |
			      (i + 1 < ECC_N ? x[i + 1] << 62 : carry << 62);
}
