/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OWE part of a (re)association: RSNE and DH element checks, PMKSA
 * reuse, the Diffie-Hellman exchange and the elements of the response.
 */
#ifndef _OWE_CORE_ASSOC_H
#define _OWE_CORE_ASSOC_H

#include <linux/types.h>

struct owe_ap;
struct owe_dh_elem;
struct owe_sta;
struct owe_sta_rsn;

int owe_assoc_build_rsne(struct owe_ap *ap, const u8 *pmkid, u8 *buf,
			 size_t len);
u16 owe_assoc_check(struct owe_ap *ap, const u8 *ies, size_t len,
		    bool *need_pmksa);
int owe_assoc_resp_ies(struct owe_ap *ap, const struct owe_sta_rsn *rsn,
		       u8 *buf, size_t *len);
bool owe_assoc_is_repeat(struct owe_sta *sta, const u8 *ies, size_t len);
u16 owe_assoc_owe(struct owe_sta *sta, const u8 *ies, size_t len,
		  struct owe_sta_rsn *rsn, u8 *resp, size_t *resp_len,
		  struct owe_dh_elem *dh);

#endif /* _OWE_CORE_ASSOC_H */
