// SPDX-License-Identifier: GPL-2.0
/*
 * The Jacobi symbol (a / n) for an odd n, by the binary algorithm: strip
 * the factors of two of a (each flips the sign when n = 3 or 5 mod 8),
 * swap a and n when a < n (quadratic reciprocity flips the sign when both
 * are 3 mod 4), subtract n from a, until a equals n, their gcd. For a
 * prime n it is the Legendre symbol: 1 for a square, -1 for a non-square,
 * 0 for zero.
 *
 * Variable time, by design: it is for public values only (whether the x
 * coordinate a station sent is on the curve), where it costs a few
 * microseconds instead of the hundreds of squarings of Euler's criterion.
 * Never call it on a secret.
 */

#include <linux/bitops.h>
#include <linux/string.h>
#include <linux/types.h>

#include "jacobi.h"

/* -1, 0 or 1 as a <, == or > b */
static int limbs_cmp(const u64 *a, const u64 *b, unsigned int len)
{
	while (len--) {
		if (a[len] != b[len])
			return a[len] < b[len] ? -1 : 1;
	}
	return 0;
}

/*
 * a = a / 2^s for a != 0, s its count of trailing zeros; returns s mod 2,
 * all that the symbol needs (a whole zero limb is 64 factors of two)
 */
static unsigned int limbs_strip(u64 *a, unsigned int len)
{
	unsigned int i, s;

	for (i = 0; !a[i]; i++)
		;
	if (i) {
		memmove(a, a + i, (len - i) * sizeof(u64));
		memset(a + len - i, 0, i * sizeof(u64));
	}
	s = __ffs64(a[0]);
	if (s) {
		for (i = 0; i + 1 < len; i++)
			a[i] = (a[i] >> s) | (a[i + 1] << (64 - s));
		a[len - 1] >>= s;
	}
	return s & 1;
}

/* a -= b for a >= b */
static void limbs_sub(u64 *a, const u64 *b, unsigned int len)
{
	u64 borrow = 0, t, d;
	unsigned int i;

	for (i = 0; i < len; i++) {
		t = a[i] - b[i];
		d = t - borrow;
		borrow = (a[i] < b[i]) | (t < borrow);
		a[i] = d;
	}
}

/* (2 / m) is -1 for m = 3 or 5 mod 8 */
static bool two_flips(const u64 *m)
{
	return (m[0] & 7) == 3 || (m[0] & 7) == 5;
}

/**
 * owe_ecc_jacobi - the Jacobi symbol (a / n), variable time
 * @a: below @n, least significant limb first; destroyed
 * @n: odd, least significant limb first; destroyed
 * @len: limbs of @a and of @n
 *
 * Return: 1, -1, or 0 when @a and @n have a common factor.
 */
int owe_ecc_jacobi(u64 *a, u64 *n, unsigned int len)
{
	u64 *x = a, *m = n, *t;
	int sym = 1, c;

	if (!memchr_inv(x, 0, len * sizeof(u64))) {
		/* (0 / 1) = 1, else gcd(0, n) = n > 1 */
		return m[0] == 1 &&
		       !memchr_inv(m + 1, 0, (len - 1) * sizeof(u64));
	}
	if (limbs_strip(x, len) && two_flips(m))
		sym = -sym;
	/* both odd from here on */
	for (;;) {
		c = limbs_cmp(x, m, len);
		if (!c)
			break;
		if (c < 0) {
			t = x;
			x = m;
			m = t;
			if ((x[0] & 3) == 3 && (m[0] & 3) == 3)
				sym = -sym;
		}
		limbs_sub(x, m, len);
		if (limbs_strip(x, len) && two_flips(m))
			sym = -sym;
		while (len > 1 && !x[len - 1] && !m[len - 1])
			len--;
	}
	/* gcd(a, n) is m */
	while (len > 1 && !m[len - 1])
		len--;
	return len == 1 && m[0] == 1 ? sym : 0;
}
