/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _OWE_ECC_KPP_H
#define _OWE_ECC_KPP_H

/* above crypto/ecdh.c's 100, so crypto_alloc_kpp() by name picks ours */
#define OWE_ECC_KPP_PRIORITY	300

int owe_ecc_kpp_register(void);
void owe_ecc_kpp_unregister(void);

#endif /* _OWE_ECC_KPP_H */
