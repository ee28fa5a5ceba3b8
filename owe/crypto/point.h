/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Curve points from the x coordinate a DH Parameter element carries.
 */
#ifndef _OWE_CRYPTO_POINT_H
#define _OWE_CRYPTO_POINT_H

#include <linux/types.h>

#include "wire/dh_elem.h"
#include "wire/group.h"

int owe_point_y(const struct owe_group *group, const u8 *x, u8 *y);
int owe_dh_elem_validate(const u8 *elem, size_t len, u32 groups,
			 struct owe_dh_elem *dh);

#endif /* _OWE_CRYPTO_POINT_H */
