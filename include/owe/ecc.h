/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owe_ecc.ko: constant-time NIST P-256, P-384 and P-521, registered as kpp
 * "ecdh-nist-p256/384/521" and callable directly by owe.ko and its tests.
 * Points are big-endian x || y, each coordinate ->bytes octets; scalars
 * are big-endian, ->bytes octets. No allocation, no sleeping: every entry
 * point may run with bottom halves disabled.
 */
#ifndef _OWE_ECC_H
#define _OWE_ECC_H

#include <linux/types.h>

#define OWE_ECC_MAX_LIMBS	9
#define OWE_ECC_MAX_BYTES	66
/* entries of the variable-base window table: 1P .. 16P */
#define OWE_ECC_TABLE		16

/**
 * struct owe_ecc_work - scratch of a variable-base multiplication
 * @tbl: the window table, projective points; too large for the stack
 *
 * The caller provides it (a kpp request context, a kmalloc'ed buffer);
 * it holds multiples of a public point only, but is wiped after use.
 */
struct owe_ecc_work {
	u64 tbl[OWE_ECC_TABLE][3][OWE_ECC_MAX_LIMBS];
};

/**
 * struct owe_ecc_curve - one curve
 * @name: "p256", "p384", "p521"
 * @bytes: octets of a coordinate and of a scalar
 * @kpp_name: crypto API name of its ECDH ("ecdh-nist-p256", ...)
 * @init: builds the fixed-base tables; module init only
 * @mul: variable-base scalar multiplication, see owe_ecc_mul()
 * @mul_base: fixed-base scalar multiplication, see owe_ecc_mul_base()
 * @point_y: a y for an x, see owe_ecc_point_y()
 * @x_check: whether an x is a point's, see owe_ecc_x_check()
 * @scalar_ok: whether a scalar is in [1, n - 1], in constant time
 */
struct owe_ecc_curve {
	const char *name;
	unsigned int bytes;
	const char *kpp_name;
	void (*init)(void);
	int (*mul)(struct owe_ecc_work *w, const u8 *k, const u8 *point,
		   u8 *out);
	int (*mul_base)(const u8 *k, u8 *out);
	int (*point_y)(const u8 *x, u8 *y);
	int (*x_check)(const u8 *x);
	bool (*scalar_ok)(const u8 *k);
};

extern const struct owe_ecc_curve owe_ecc_p256;
extern const struct owe_ecc_curve owe_ecc_p384;
extern const struct owe_ecc_curve owe_ecc_p521;

const struct owe_ecc_curve *owe_ecc_curve_by_bytes(unsigned int bytes);
int owe_ecc_mul(const struct owe_ecc_curve *c, struct owe_ecc_work *w,
		const u8 *k, const u8 *point, u8 *out);
int owe_ecc_mul_base(const struct owe_ecc_curve *c, const u8 *k, u8 *out);
int owe_ecc_point_y(const struct owe_ecc_curve *c, const u8 *x, u8 *y);
int owe_ecc_x_check(const struct owe_ecc_curve *c, const u8 *x);
bool owe_ecc_scalar_ok(const struct owe_ecc_curve *c, const u8 *k);

#endif /* _OWE_ECC_H */
