/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few kernel definitions ecc/curve_impl.h uses, for building the
 * curves as a host program (ecc-diff.sh). The kernel headers it names are
 * empty files in include/.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint32_t u32;
typedef uint64_t u64;
#ifdef CONFIG_CC_HAS_INT128
typedef unsigned __int128 u128;
#endif

#undef __always_inline
#define __always_inline inline __attribute__((always_inline))
#define __ro_after_init
#define OPTIMIZER_HIDE_VAR(v) __asm__("" : "=r"(v) : "0"(v))
#define memzero_explicit(p, n) memset(p, 0, n)
#define WARN_ON(x) ((x) ? (fprintf(stderr, "WARN_ON(%s)\n", #x), 1) : 0)
#define BUILD_BUG_ON(x) _Static_assert(!(x), #x)
#define static_assert(x) _Static_assert(x, #x)
#define EXPORT_SYMBOL_GPL(x)
/* the blinding's random multiple of n: any value gives the same product */
static inline u64 get_random_u64(void)
{
	return ((u64)random() << 42) ^ ((u64)random() << 21) ^ (u64)random();
}
/* not <errno.h>: it would find the empty <linux/errno.h> of include/ */
#define EFAULT 14
#define EINVAL 22
#define EDOM 33
#define ERANGE 34
/* index of the lowest set bit, x != 0 */
#define __ffs64(x) ((unsigned int)__builtin_ctzll(x))
static inline void *memchr_inv(const void *p, int c, size_t n)
{
	const unsigned char *s = p;

	for (; n; n--, s++)
		if (*s != (unsigned char)c)
			return (void *)s;
	return NULL;
}
