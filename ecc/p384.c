// SPDX-License-Identifier: GPL-2.0
/*
 * NIST P-384 (secp384r1, IKE/OWE group 20):
 * p = 2^384 - 2^128 - 2^96 + 2^32 - 1,
 * Montgomery form on 6 64-bit limbs. The arithmetic is curve_impl.h.
 */

#include <linux/export.h>
#include <linux/types.h>

#define ECC_N		6
#define ECC_BYTES	48
#define ECC_BITS	384
#define ECC_PINV	0x0000000100000001ULL

static const u64 curve_p[ECC_N] = {
	0x00000000ffffffffULL, 0xffffffff00000000ULL,
	0xfffffffffffffffeULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
};

static const u64 curve_n[ECC_N] = {
	0xecec196accc52973ULL, 0x581a0db248b0a77aULL,
	0xc7634d81f4372ddfULL, 0xffffffffffffffffULL,
	0xffffffffffffffffULL, 0xffffffffffffffffULL,
};

static const u64 curve_b[ECC_N] = {
	0x2a85c8edd3ec2aefULL, 0xc656398d8a2ed19dULL,
	0x0314088f5013875aULL, 0x181d9c6efe814112ULL,
	0x988e056be3f82d19ULL, 0xb3312fa7e23ee7e4ULL,
};

static const u64 curve_gx[ECC_N] = {
	0x3a545e3872760ab7ULL, 0x5502f25dbf55296cULL,
	0x59f741e082542a38ULL, 0x6e1d3b628ba79b98ULL,
	0x8eb1c71ef320ad74ULL, 0xaa87ca22be8b0537ULL,
};

static const u64 curve_gy[ECC_N] = {
	0x7a431d7c90ea0e5fULL, 0x0a60b1ce1d7e819dULL,
	0xe9da3113b5f0b8c0ULL, 0xf8f41dbd289a147cULL,
	0x5d9e98bf9292dc29ULL, 0x3617de4a96262c6fULL,
};

#include "curve_impl.h"

const struct owe_ecc_curve owe_ecc_p384 = {
	.name = "p384",
	.bytes = ECC_BYTES,
	.kpp_name = "ecdh-nist-p384",
	.init = curve_init,
	.mul = curve_mul,
	.mul_base = curve_mul_base,
	.point_y = curve_point_y,
	.x_check = curve_x_check,
	.scalar_ok = curve_scalar_ok,
};
EXPORT_SYMBOL_GPL(owe_ecc_p384);
