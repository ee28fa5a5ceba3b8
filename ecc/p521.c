// SPDX-License-Identifier: GPL-2.0
/*
 * NIST P-521 (secp521r1, IKE/OWE group 21): p = 2^521 - 1, field elements
 * on 9 unsaturated 58-bit limbs (fe521.h), the constants below on 9
 * 64-bit limbs. The arithmetic is curve_impl.h.
 */

#include <linux/export.h>
#include <linux/types.h>

#define ECC_N		9
#define ECC_BYTES	66
#define ECC_BITS	521
#define ECC_FE521

static const u64 curve_p[ECC_N] = {
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
	0x00000000000001ffULL,
};

static const u64 curve_n[ECC_N] = {
	0xbb6fb71e91386409ULL, 0x3bb5c9b8899c47aeULL,
	0x7fcc0148f709a5d0ULL, 0x51868783bf2f966bULL,
	0xfffffffffffffffaULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
	0x00000000000001ffULL,
};

static const u64 curve_b[ECC_N] = {
	0xef451fd46b503f00ULL, 0x3573df883d2c34f1ULL,
	0x1652c0bd3bb1bf07ULL, 0x56193951ec7e937bULL,
	0xb8b489918ef109e1ULL, 0xa2da725b99b315f3ULL,
	0x929a21a0b68540eeULL, 0x953eb9618e1c9a1fULL,
	0x0000000000000051ULL,
};

static const u64 curve_gx[ECC_N] = {
	0xf97e7e31c2e5bd66ULL, 0x3348b3c1856a429bULL,
	0xfe1dc127a2ffa8deULL, 0xa14b5e77efe75928ULL,
	0xf828af606b4d3dbaULL, 0x9c648139053fb521ULL,
	0x9e3ecb662395b442ULL, 0x858e06b70404e9cdULL,
	0x00000000000000c6ULL,
};

static const u64 curve_gy[ECC_N] = {
	0x88be94769fd16650ULL, 0x353c7086a272c240ULL,
	0xc550b9013fad0761ULL, 0x97ee72995ef42640ULL,
	0x17afbd17273e662cULL, 0x98f54449579b4468ULL,
	0x5c8a5fb42c7d1bd9ULL, 0x39296a789a3bc004ULL,
	0x0000000000000118ULL,
};

#include "curve_impl.h"

const struct owe_ecc_curve owe_ecc_p521 = {
	.name = "p521",
	.bytes = ECC_BYTES,
	.kpp_name = "ecdh-nist-p521",
	.init = curve_init,
	.mul = curve_mul,
	.mul_base = curve_mul_base,
	.point_y = curve_point_y,
	.x_check = curve_x_check,
	.scalar_ok = curve_scalar_ok,
};
EXPORT_SYMBOL_GPL(owe_ecc_p521);
