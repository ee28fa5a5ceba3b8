// SPDX-License-Identifier: GPL-2.0
/*
 * owe_ecc.ko: module init and exit, and the exported entry points for
 * owe.ko and the KUnit suites. The curves are p256.c, ... on the
 * arithmetic of curve_impl.h; kpp.c registers them with the crypto API.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/module.h>
#include <crypto/algapi.h>
#include <owe/ecc.h>

#include "kpp.h"

static const struct owe_ecc_curve *const owe_ecc_curves[] = {
	&owe_ecc_p256,
	&owe_ecc_p384,
	&owe_ecc_p521,
};

/**
 * owe_ecc_curve_by_bytes - the curve whose coordinates have @bytes octets
 * @bytes: 32, 48 or 66
 *
 * Return: the curve, or %NULL.
 */
const struct owe_ecc_curve *owe_ecc_curve_by_bytes(unsigned int bytes)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(owe_ecc_curves); i++)
		if (owe_ecc_curves[i]->bytes == bytes)
			return owe_ecc_curves[i];
	return NULL;
}
EXPORT_SYMBOL_GPL(owe_ecc_curve_by_bytes);

/**
 * owe_ecc_mul - x || y of k * P, constant time in @k
 * @c: the curve
 * @w: scratch for the window table, wiped on return
 * @k: the scalar, in [1, n - 1]
 * @point: P as x || y; validated (coordinates below p, on the curve)
 * @out: receives x || y of the product (2 * @c->bytes octets)
 *
 * Return: 0, -EINVAL for a scalar out of range or an invalid point,
 * -EFAULT for a product at infinity.
 */
int owe_ecc_mul(const struct owe_ecc_curve *c, struct owe_ecc_work *w,
		const u8 *k, const u8 *point, u8 *out)
{
	return c->mul(w, k, point, out);
}
EXPORT_SYMBOL_GPL(owe_ecc_mul);

/**
 * owe_ecc_mul_base - x || y of k * G (fixed-base comb), constant time
 * @c: the curve
 * @k: the scalar, in [1, n - 1]
 * @out: receives x || y (2 * @c->bytes octets)
 *
 * Return: 0 or -EINVAL for a scalar out of range.
 */
int owe_ecc_mul_base(const struct owe_ecc_curve *c, const u8 *k, u8 *out)
{
	return c->mul_base(k, out);
}
EXPORT_SYMBOL_GPL(owe_ecc_mul_base);

/**
 * owe_ecc_point_y - a y with (x, y) on the curve
 * @c: the curve
 * @x: the x coordinate (public), @c->bytes octets
 * @y: receives one of the two y (either does for ECDH)
 *
 * Return: 0, -ERANGE when @x >= p, -EDOM when no point has this x.
 */
int owe_ecc_point_y(const struct owe_ecc_curve *c, const u8 *x, u8 *y)
{
	return c->point_y(x, y);
}
EXPORT_SYMBOL_GPL(owe_ecc_point_y);

/**
 * owe_ecc_x_check - whether a point of the curve has this x
 * @c: the curve
 * @x: the x coordinate (public: variable time), @c->bytes octets
 *
 * The answer of owe_ecc_point_y() without the square root: a few
 * microseconds, for softirq.
 *
 * Return: 0, -ERANGE when @x >= p, -EDOM when no point has this x.
 */
int owe_ecc_x_check(const struct owe_ecc_curve *c, const u8 *x)
{
	return c->x_check(x);
}
EXPORT_SYMBOL_GPL(owe_ecc_x_check);

/**
 * owe_ecc_scalar_ok - whether @k is in [1, n - 1], in constant time
 * @c: the curve
 * @k: the scalar, @c->bytes octets
 *
 * Return: true when it is.
 */
bool owe_ecc_scalar_ok(const struct owe_ecc_curve *c, const u8 *k)
{
	return c->scalar_ok(k);
}
EXPORT_SYMBOL_GPL(owe_ecc_scalar_ok);

static int __init owe_ecc_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(owe_ecc_curves); i++)
		owe_ecc_curves[i]->init();
	return owe_ecc_kpp_register();
}

static void __exit owe_ecc_exit(void)
{
	owe_ecc_kpp_unregister();
}

module_init(owe_ecc_init);
module_exit(owe_ecc_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Constant-time NIST P-256/P-384/P-521 ECDH for owe-ap");
MODULE_ALIAS_CRYPTO("ecdh-nist-p256");
MODULE_ALIAS_CRYPTO("ecdh-nist-p256-owe");
MODULE_ALIAS_CRYPTO("ecdh-nist-p384");
MODULE_ALIAS_CRYPTO("ecdh-nist-p384-owe");
MODULE_ALIAS_CRYPTO("ecdh-nist-p521");
MODULE_ALIAS_CRYPTO("ecdh-nist-p521-owe");
