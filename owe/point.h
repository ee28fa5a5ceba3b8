/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Curve points from the x coordinate a DH Parameter element carries.
 */
#ifndef _OWE_POINT_H
#define _OWE_POINT_H

#include <linux/types.h>

#include "group.h"

int owe_point_y(const struct owe_group *group, const u8 *x, u8 *y);

#endif /* _OWE_POINT_H */
