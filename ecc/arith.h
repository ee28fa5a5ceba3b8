/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Word arithmetic of the field code: add and subtract with carry, a
 * multiply-accumulate with a 128-bit result, and masks. With the
 * compiler's 128-bit type (64-bit kernels) the carries are its own; on
 * 32-bit kernels the products are put together from four 32 x 32-bit
 * multiplies and the carries come from __builtin_add_overflow(). All of
 * it is branch-free.
 */
#ifndef _OWE_ECC_ARITH_H
#define _OWE_ECC_ARITH_H

#include <linux/compiler.h>
#include <linux/types.h>

/* a + b + *carry; *carry (0 or 1) receives the carry out */
static __always_inline u64 ecc_adc(u64 a, u64 b, u64 *carry)
{
#ifdef CONFIG_CC_HAS_INT128
	u128 s = (u128)a + b + *carry;

	*carry = s >> 64;
	return s;
#else
	u64 s;
	u64 c1 = __builtin_add_overflow(a, b, &s);
	u64 c2 = __builtin_add_overflow(s, *carry, &s);

	*carry = c1 | c2;
	return s;
#endif
}

/* a - b - *borrow; *borrow (0 or 1) receives the borrow out */
static __always_inline u64 ecc_sbb(u64 a, u64 b, u64 *borrow)
{
#ifdef CONFIG_CC_HAS_INT128
	u128 d = (u128)a - b - *borrow;

	*borrow = (d >> 64) & 1;
	return d;
#else
	u64 d;
	u64 b1 = __builtin_sub_overflow(a, b, &d);
	u64 b2 = __builtin_sub_overflow(d, *borrow, &d);

	*borrow = b1 | b2;
	return d;
#endif
}

/* a * b + c + *carry: returns the low word, *carry receives the high one */
static __always_inline u64 ecc_mac(u64 a, u64 b, u64 c, u64 *carry)
{
#ifdef CONFIG_CC_HAS_INT128
	u128 t = (u128)a * b + c + *carry;

	*carry = t >> 64;
	return t;
#else
	u64 al = (u32)a, ah = a >> 32, bl = (u32)b, bh = b >> 32;
	u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	u64 mid = (ll >> 32) + (u32)lh + (u32)hl;
	u64 lo = (mid << 32) | (u32)ll;
	u64 hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);

	hi += __builtin_add_overflow(lo, c, &lo);
	hi += __builtin_add_overflow(lo, *carry, &lo);
	*carry = hi;
	return lo;
#endif
}

/* all ones when a == b, else zero */
static __always_inline u64 ecc_mask_eq(u64 a, u64 b)
{
	u64 x = a ^ b;
	u64 m = ((x | (0 - x)) >> 63) - 1;

	OPTIMIZER_HIDE_VAR(m);
	return m;
}

/* all ones when the bit b (0 or 1) is set, else zero */
static __always_inline u64 ecc_mask_bit(u64 b)
{
	u64 m = 0 - b;

	OPTIMIZER_HIDE_VAR(m);
	return m;
}

#endif /* _OWE_ECC_ARITH_H */
