/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EAPOL frames between the backend and the handshakes.
 */
#ifndef _OWE_CORE_EAPOL_H
#define _OWE_CORE_EAPOL_H

#include <linux/skbuff.h>
#include <linux/types.h>

struct owe_ap;
struct owe_sta;

void owe_eapol_init(struct owe_ap *ap);
void owe_eapol_rx(struct owe_ap *ap, struct sk_buff *skb);
void owe_eapol_stop(struct owe_ap *ap);
int owe_eapol_send(struct owe_sta *sta, const u8 *frame, size_t len);

#endif /* _OWE_CORE_EAPOL_H */
