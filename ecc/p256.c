// SPDX-License-Identifier: GPL-2.0
/*
 * NIST P-256 (secp256r1, IKE/OWE group 19):
 * p = 2^256 - 2^224 + 2^192 + 2^96 - 1,
 * Montgomery form on 4 64-bit limbs. The arithmetic is curve_impl.h.
 */

#include <linux/export.h>
#include <linux/types.h>

#define ECC_N		4
#define ECC_BYTES	32
#define ECC_BITS	256
#define ECC_PINV	0x0000000000000001ULL
/* the reduction written for this p (fe_mont.h) */
#define ECC_P256_REDC

static const u64 curve_p[ECC_N] = {
	0xffffffffffffffffULL, 0x00000000ffffffffULL,
	0x0000000000000000ULL, 0xffffffff00000001ULL,
};

static const u64 curve_n[ECC_N] = {
	0xf3b9cac2fc632551ULL, 0xbce6faada7179e84ULL,
	0xffffffffffffffffULL, 0xffffffff00000000ULL,
};

static const u64 curve_b[ECC_N] = {
	0x3bce3c3e27d2604bULL, 0x651d06b0cc53b0f6ULL,
	0xb3ebbd55769886bcULL, 0x5ac635d8aa3a93e7ULL,
};

static const u64 curve_gx[ECC_N] = {
	0xf4a13945d898c296ULL, 0x77037d812deb33a0ULL,
	0xf8bce6e563a440f2ULL, 0x6b17d1f2e12c4247ULL,
};

static const u64 curve_gy[ECC_N] = {
	0xcbb6406837bf51f5ULL, 0x2bce33576b315eceULL,
	0x8ee7eb4a7c0f9e16ULL, 0x4fe342e2fe1a7f9bULL,
};

#include "curve_impl.h"

const struct owe_ecc_curve owe_ecc_p256 = {
	.name = "p256",
	.bytes = ECC_BYTES,
	.kpp_name = "ecdh-nist-p256",
	.init = curve_init,
	.mul = curve_mul,
	.mul_base = curve_mul_base,
	.point_y = curve_point_y,
	.x_check = curve_x_check,
	.scalar_ok = curve_scalar_ok,
};
EXPORT_SYMBOL_GPL(owe_ecc_p256);
