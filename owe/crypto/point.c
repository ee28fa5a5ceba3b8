// SPDX-License-Identifier: GPL-2.0
/*
 * y from x. The DH Parameter element carries only the x coordinate (RFC
 * 8110 §4.3, compact representation of RFC 6090) while ECDH wants x || y.
 * On y^2 = x^3 - 3x + b with p = 3 mod 4 (P-256, P-384 and P-521 all
 * qualify) a square root of r is r^((p + 1) / 4) mod p. Either root will
 * do: x(d * P) = x(d * -P).
 *
 * Softirq only asks whether x is on the curve: x < p and x^3 - 3x + b a
 * square, told by its Jacobi symbol (owe_ecc_x_check(), a few
 * microseconds on public data). The square root, hundreds of squarings,
 * waits for the DH step in process context (owe_dh_shared()).
 *
 * The arithmetic is owe_ecc.ko's field code, the same that does the
 * ECDH. No allocation and no sleeping: callable from softirq.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <kunit/visibility.h>
#include <owe/ecc.h>

#include "crypto/point.h"

/**
 * owe_point_y - recover a y coordinate for an x coordinate
 * @group: the group of the key
 * @x: x coordinate, big-endian, @group->prime_len octets
 * @y: receives one of the two y coordinates, big-endian, prime_len octets;
 *	may be %NULL to only check that @x is on the curve, which skips the
 *	square root (the check of the DH element in softirq)
 *
 * Pure computation on public data, no allocation: any context.
 *
 * Return: 0 on success, -ERANGE when @x is not below the prime, -EDOM when
 * no point of the curve has @x as its x coordinate, -EOPNOTSUPP when
 * owe_ecc.ko has no curve of the group's size.
 */
int owe_point_y(const struct owe_group *group, const u8 *x, u8 *y)
{
	const struct owe_ecc_curve *c;

	c = owe_ecc_curve_by_bytes(group->prime_len);
	if (!c)
		return -EOPNOTSUPP;
	return y ? owe_ecc_point_y(c, x, y) : owe_ecc_x_check(c, x);
}
EXPORT_SYMBOL_IF_KUNIT(owe_point_y);

/**
 * owe_dh_elem_validate - parse a DH Parameter element and check its key
 * @elem: the element, starting at its Element ID octet
 * @len: octets available at @elem (may exceed the element)
 * @groups: bitmap of the groups the BSS accepts, BIT(group number)
 * @dh: filled in on success; @dh->key points into @elem
 *
 * owe_dh_elem_parse(), then the curve's word on the x coordinate. Safe in
 * softirq.
 *
 * Return: 0, an error of owe_dh_elem_parse(), or -EDOM when no point of
 * the curve has that x coordinate (status 1).
 */
int owe_dh_elem_validate(const u8 *elem, size_t len, u32 groups,
			 struct owe_dh_elem *dh)
{
	struct owe_dh_elem parsed;
	int ret;

	ret = owe_dh_elem_parse(elem, len, groups, &parsed);
	if (!ret)
		ret = owe_point_y(parsed.group, parsed.key, NULL);
	if (!ret)
		*dh = parsed;
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_elem_validate);
