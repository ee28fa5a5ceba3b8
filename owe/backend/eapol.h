/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EAPOL frames through the AP interface, for the mac80211 backend.
 */
#ifndef _OWE_BACKEND_EAPOL_H
#define _OWE_BACKEND_EAPOL_H

#include "backend/backend.h"

void owe_be_eapol_start(struct owe_be *be);
void owe_be_eapol_stop(struct owe_be *be);
int owe_be_eapol_tx(struct owe_be *be, const u8 *da, const u8 *frame,
		    size_t len);

#endif /* _OWE_BACKEND_EAPOL_H */
