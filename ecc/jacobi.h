/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Jacobi symbol of public values (jacobi.c): variable time.
 */
#ifndef _OWE_ECC_JACOBI_H
#define _OWE_ECC_JACOBI_H

#include <linux/types.h>

int owe_ecc_jacobi(u64 *a, u64 *n, unsigned int len);

#endif /* _OWE_ECC_JACOBI_H */
