/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The field of P-521, p = 2^521 - 1, for curve_impl.h: nine unsaturated
 * limbs of 58 bits, a = sum a[i] 2^(58 i), as in OpenSSL's
 * ecp_nistp521.c. The limbs hold 522 bits and position 9 is
 * 2^522 = 2 mod p, so a product's limbs above the eighth fold back
 * doubled; the six spare bits of each limb make additions carry-free and
 * let a column of the product sum in 128 bits without carries.
 *
 * Bounds: every function takes limbs below 2^60 and returns limbs below
 * 2^60 (fe_add() and fe_sub() below 2^58 + 2^6, fe_mul() and fe_sqr()
 * below 2^59 + 2^10); the value is a residue mod p, not necessarily below
 * p. fe_canon() gives the unique representation below p, which is what
 * fe_mask_zero() and fe_to_int() read.
 */

#define FE_LIMB_BITS	58
#define FE_MASK		((1ULL << FE_LIMB_BITS) - 1)
/* limb 8 holds bits 464..521; bit 521 and up fold at 2^521 = 1 mod p */
#define FE_TOP_BITS	(521 - 8 * FE_LIMB_BITS)
#define FE_TOP_MASK	((1ULL << FE_TOP_BITS) - 1)

static_assert(ECC_N * FE_LIMB_BITS == 522);

/*
 * Columns of a product: 128-bit sums of 64 x 64-bit limb products, the
 * compiler's 128-bit type or, on 32-bit kernels, two words and ecc_mac().
 */
#ifdef CONFIG_CC_HAS_INT128
struct fe_wide {
	u128 v;
};

/* t += a * b, the sum below 2^128 */
static __always_inline void fe_wide_mac(struct fe_wide *t, u64 a, u64 b)
{
	t->v += (u128)a * b;
}

static __always_inline u64 fe_wide_lo(const struct fe_wide *t)
{
	return t->v;
}

static __always_inline u64 fe_wide_hi(const struct fe_wide *t)
{
	return t->v >> 64;
}
#else
struct fe_wide {
	u64 lo, hi;
};

static __always_inline void fe_wide_mac(struct fe_wide *t, u64 a, u64 b)
{
	u64 c = 0;

	t->lo = ecc_mac(a, b, t->lo, &c);
	t->hi += c;
}

static __always_inline u64 fe_wide_lo(const struct fe_wide *t)
{
	return t->lo;
}

static __always_inline u64 fe_wide_hi(const struct fe_wide *t)
{
	return t->hi;
}
#endif

/*
 * s (limbs below 2^63) to limbs below 2^58 + 2^6: each limb's bits above
 * 58 move up one limb, those of the top limb (2^522 = 2 mod p) to limb 0,
 * doubled. The carries are taken from s at once, not chained.
 */
static __always_inline void fe_carry(u64 *r, const u64 *s)
{
	u64 c[ECC_N];
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		c[i] = s[i] >> FE_LIMB_BITS;
	r[0] = (s[0] & FE_MASK) + 2 * c[ECC_N - 1];
#pragma GCC unroll 9
	for (i = 1; i < ECC_N; i++)
		r[i] = (s[i] & FE_MASK) + c[i - 1];
}

static void fe_add(u64 *r, const u64 *a, const u64 *b)
{
	u64 s[ECC_N];
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		s[i] = a[i] + b[i];
	fe_carry(r, s);
}

/*
 * r = a - b + 16p, 16p written with limbs of 2^61 - 8 (limb 0: 2^61 - 16),
 * each above b's (below 2^60), so that no limb goes negative:
 * sum (2^61 - 8) 2^(58 i) - 8 = 8 ((2^58 - 1) sum 2^(58 i) - 1)
 * = 8 (2^522 - 2) = 16p.
 */
static void fe_sub(u64 *r, const u64 *a, const u64 *b)
{
	u64 s[ECC_N];
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		s[i] = a[i] + ((1ULL << 61) - (i ? 8 : 16)) - b[i];
	fe_carry(r, s);
}

/*
 * Columns t[0..8] (each below 17 * 2^120 < 2^125) to limbs: each column
 * is cut at bits 58 and 116 and its three pieces go to limbs k, k + 1 and
 * k + 2, those past limb 8 doubled into limbs 0 and 1. Limb 0 gets up to
 * three 58-bit pieces and is carried once more; the result's limbs are
 * below 2^59 + 2^10.
 */
static __always_inline void fe_wide_reduce(u64 *r, const struct fe_wide *t)
{
	u64 p0[ECC_N], p1[ECC_N], p2[ECC_N];
	unsigned int i;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		p0[i] = fe_wide_lo(&t[i]) & FE_MASK;
		p1[i] = ((fe_wide_lo(&t[i]) >> FE_LIMB_BITS) |
			 (fe_wide_hi(&t[i]) << (64 - FE_LIMB_BITS))) & FE_MASK;
		p2[i] = fe_wide_hi(&t[i]) >> (2 * FE_LIMB_BITS - 64);
	}
	r[0] = p0[0] + 2 * (p1[8] + p2[7]);
	r[1] = p0[1] + p1[0] + 2 * p2[8];
#pragma GCC unroll 9
	for (i = 2; i < ECC_N; i++)
		r[i] = p0[i] + p1[i - 1] + p2[i - 2];
	r[1] += r[0] >> FE_LIMB_BITS;
	r[0] &= FE_MASK;
}

/*
 * r = a * b: column k sums a[i] b[j] for i + j = k and 2 a[i] b[j] for
 * i + j = k + 9, at most 17 products' worth of 2^120.
 */
static void fe_mul(u64 *r, const u64 *a, const u64 *b)
{
	struct fe_wide t[ECC_N] = {};
	u64 b2[ECC_N];
	unsigned int i, k;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		b2[i] = 2 * b[i];
#pragma GCC unroll 9
	for (k = 0; k < ECC_N; k++) {
#pragma GCC unroll 9
		for (i = 0; i <= k; i++)
			fe_wide_mac(&t[k], a[i], b[k - i]);
#pragma GCC unroll 9
		for (i = k + 1; i < ECC_N; i++)
			fe_wide_mac(&t[k], a[i], b2[k + ECC_N - i]);
	}
	fe_wide_reduce(r, t);
}

/* r = a^2: the same columns, each product a[i] a[j], i != j, taken once */
static __always_inline void fe_sqr_inline(u64 *r, const u64 *a)
{
	struct fe_wide t[ECC_N] = {};
	u64 a2[ECC_N], a4[ECC_N];
	unsigned int i, k;

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		a2[i] = 2 * a[i];
		a4[i] = 4 * a[i];
	}
#pragma GCC unroll 9
	for (k = 0; k < ECC_N; k++) {
#pragma GCC unroll 9
		for (i = 0; 2 * i < k; i++)
			fe_wide_mac(&t[k], a2[i], a[k - i]);
		if (k % 2 == 0)
			fe_wide_mac(&t[k], a[k / 2], a[k / 2]);
#pragma GCC unroll 9
		for (i = k + 1; 2 * i < k + ECC_N; i++)
			fe_wide_mac(&t[k], a4[i], a[k + ECC_N - i]);
		if ((k + ECC_N) % 2 == 0)
			fe_wide_mac(&t[k], a2[(k + ECC_N) / 2],
				    a[(k + ECC_N) / 2]);
	}
	fe_wide_reduce(r, t);
}

static void fe_sqr(u64 *r, const u64 *a)
{
	fe_sqr_inline(r, a);
}

/*
 * r = a^(2^n), n >= 1 (public): the squaring inlined in the loop, as the
 * inversion and the square root are runs of hundreds of them
 */
static void fe_sqr_n(u64 *r, const u64 *a, unsigned int n)
{
	u64 t[ECC_N];

	fe_sqr_inline(t, a);
	while (--n)
		fe_sqr_inline(t, t);
	fe_copy(r, t);
	memzero_explicit(t, sizeof(t));
}

/*
 * r = a^(p - 2) = a^-1 (0 for 0), p - 2 = 2^521 - 3: with
 * x_k = a^(2^k - 1), x_2k = x_k^(2^k) x_k builds x_512, then
 * x_519 = x_512^(2^7) x_7 and r = x_519^4 a. 525 squarings and 13
 * multiplications, the same for every a.
 */
static void fe_inv(u64 *r, const u64 *a)
{
	u64 x3[ECC_N], x7[ECC_N], t[ECC_N], x[ECC_N];
	unsigned int k;

	fe_sqr(t, a);
	fe_mul(x, t, a);		/* x_2 */
	fe_sqr(t, x);
	fe_mul(x3, t, a);		/* x_3 */
	fe_sqr_n(t, x, 2);
	fe_mul(x, t, x);		/* x_4 */
	fe_sqr_n(t, x3, 4);
	fe_mul(x7, t, x);		/* x_7 = x_3^(2^4) x_4 */
	for (k = 4; k < 512; k *= 2) {
		fe_sqr_n(t, x, k);
		fe_mul(x, t, x);	/* x_2k */
	}
	fe_sqr_n(t, x, 7);
	fe_mul(x, t, x7);		/* x_519 */
	fe_sqr_n(t, x, 2);
	fe_mul(r, t, a);
	memzero_explicit(x3, sizeof(x3));
	memzero_explicit(x7, sizeof(x7));
	memzero_explicit(t, sizeof(t));
	memzero_explicit(x, sizeof(x));
}

/* a^((p + 1) / 4) = a^(2^519): a square root of a when a has one */
static void fe_sqrt(u64 *r, const u64 *a)
{
	fe_sqr_n(r, a, 519);
}

/*
 * The canonical representation of a: limbs below 2^58 (limb 8 below
 * 2^57) and the value below p. Two chained carries, each folding bit 521
 * and up back to bit 0, bring the value to at most p; p itself, all
 * ones, becomes 0 by a mask.
 */
static void fe_canon(u64 *r, const u64 *a)
{
	u64 all = FE_MASK, mask;
	unsigned int i, pass;

	fe_copy(r, a);
	for (pass = 0; pass < 2; pass++) {
#pragma GCC unroll 9
		for (i = 0; i < ECC_N - 1; i++) {
			r[i + 1] += r[i] >> FE_LIMB_BITS;
			r[i] &= FE_MASK;
		}
		r[0] += r[ECC_N - 1] >> FE_TOP_BITS;
		r[ECC_N - 1] &= FE_TOP_MASK;
	}
	/*
	 * After the first pass the value is below 2^521 + 2^4; the second
	 * leaves the limbs in range, and when it folds it folds a 1 into a
	 * limb 0 below 2^4: no carry is left.
	 */
#pragma GCC unroll 9
	for (i = 0; i < ECC_N - 1; i++)
		all &= r[i];
	mask = ecc_mask_eq((all ^ FE_MASK) | (r[ECC_N - 1] ^ FE_TOP_MASK), 0);
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++)
		r[i] &= ~mask;
}

/* all ones when a is 0 mod p */
static u64 fe_mask_zero(const u64 *a)
{
	u64 c[ECC_N];

	fe_canon(c, a);
	return limbs_mask_zero(c);
}

/* the integer a < 2^521 (64-bit limbs) to 58-bit limbs */
static void fe_from_int(u64 *r, const u64 *a)
{
	unsigned int i, w, s;
	u64 v, t[ECC_N];

#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		w = FE_LIMB_BITS * i / 64;
		s = FE_LIMB_BITS * i % 64;
		v = a[w] >> s;
		if (s > 64 - FE_LIMB_BITS)
			v |= a[w + 1] << (64 - s);
		t[i] = v & FE_MASK;
	}
	fe_copy(r, t);
}

/* a as the integer below p, 64-bit limbs */
static void fe_to_int(u64 *r, const u64 *a)
{
	unsigned int i, w, s;
	u64 c[ECC_N];

	fe_canon(c, a);
	memset(r, 0, ECC_N * sizeof(u64));
#pragma GCC unroll 9
	for (i = 0; i < ECC_N; i++) {
		w = FE_LIMB_BITS * i / 64;
		s = FE_LIMB_BITS * i % 64;
		r[w] |= c[i] << s;
		if (s > 64 - FE_LIMB_BITS)
			r[w + 1] |= c[i] >> (64 - s);
	}
	memzero_explicit(c, sizeof(c));
}

static void fe_init(void)
{
	memset(fe_one, 0, sizeof(fe_one));
	fe_one[0] = 1;
}
