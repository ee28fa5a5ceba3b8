/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EAPOL frames out through the AP interface, for the mac80211 backend.
 */
#ifndef _OWE_BACKEND_EAPOL_H
#define _OWE_BACKEND_EAPOL_H

#include "backend/backend.h"

int owe_be_eapol_tx(struct owe_be *be, const u8 *da, const u8 *frame,
		    size_t len);

#endif /* _OWE_BACKEND_EAPOL_H */
