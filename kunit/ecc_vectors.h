/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Known answers of the owe-ecc suite: each curve's generator, p and n,
 * and the ECDH vectors of RFC 5903 section 8 (the public keys there were
 * recomputed from the scalars; the shared x values are the RFC's).
 */
#ifndef _OWE_KUNIT_ECC_VECTORS_H
#define _OWE_KUNIT_ECC_VECTORS_H

#include <linux/types.h>
#include <owe/ecc.h>

/**
 * struct ecc_test_curve - a curve's constants, big-endian
 * @curve: the curve
 * @bits: bits of n
 * @g: the generator, x || y
 * @p: the field prime
 * @n: the group order
 */
struct ecc_test_curve {
	const struct owe_ecc_curve *curve;
	unsigned int bits;
	u8 g[2 * OWE_ECC_MAX_BYTES];
	u8 p[OWE_ECC_MAX_BYTES];
	u8 n[OWE_ECC_MAX_BYTES];
};

/**
 * struct ecc_test_rfc - one ECDH vector of RFC 5903
 * @curve: the curve
 * @i: the initiator's private scalar
 * @r: the responder's
 * @gi: i * G, x || y
 * @gr: r * G, x || y
 * @z: x of i * r * G
 */
struct ecc_test_rfc {
	const struct owe_ecc_curve *curve;
	u8 i[OWE_ECC_MAX_BYTES];
	u8 r[OWE_ECC_MAX_BYTES];
	u8 gi[2 * OWE_ECC_MAX_BYTES];
	u8 gr[2 * OWE_ECC_MAX_BYTES];
	u8 z[OWE_ECC_MAX_BYTES];
};

extern const struct ecc_test_curve ecc_test_curves[3];
extern const struct ecc_test_rfc ecc_test_rfc5903[3];

#endif /* _OWE_KUNIT_ECC_VECTORS_H */
