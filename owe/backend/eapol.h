/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EAPOL frames out through the AP interface, for both backends.
 */
#ifndef _OWE_BACKEND_EAPOL_H
#define _OWE_BACKEND_EAPOL_H

#include "backend/backend.h"

struct sk_buff *owe_be_eapol_build(struct net_device *dev, const u8 *bssid,
				   const u8 *da, const u8 *frame, size_t len);
int owe_be_eapol_tx(struct owe_be *be, const u8 *da, const u8 *frame,
		    size_t len);

#endif /* _OWE_BACKEND_EAPOL_H */
