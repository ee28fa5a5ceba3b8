/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a BSS says on the air before anyone associates: the module's
 * elements in the beacon (RSNE, OWE Transition Mode element) and the probe
 * responses derived from the live beacon.
 */
#ifndef _OWE_CORE_BEACON_H
#define _OWE_CORE_BEACON_H

#include <linux/skbuff.h>
#include <net/cfg80211.h>

struct owe_ap;
struct owe_trans;

int owe_beacon_start(struct owe_ap *ap);
void owe_beacon_stop(struct owe_ap *ap, bool by_driver);
int owe_beacon_update(struct owe_ap *ap, const struct owe_trans *partner);
void owe_beacon_probe(struct owe_ap *ap, struct sk_buff *skb);

#endif /* _OWE_CORE_BEACON_H */
