/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The group keys of an OWE BSS: the GTK (and the IGTK under PMF), and the
 * GTK rekey that hands a new GTK to every station with the group key
 * handshake before the BSS transmits with it.
 */
#ifndef _OWE_CORE_GTK_H
#define _OWE_CORE_GTK_H

#include <linux/types.h>
#include <net/cfg80211.h>

#include "crypto/kdf.h"

struct owe_ap;
struct owe_sta;

/**
 * struct owe_gtk - the group keys of a BSS, embedded in &struct owe_ap
 * @key: the GTK in use (secret)
 * @len: octets of @key
 * @idx: key index of @key (1 or 2)
 * @igtk: the integrity group key when PMF is enabled (secret)
 * @next: the GTK a running rekey hands out (secret)
 * @pending: stations that have not confirmed @next yet
 * @rekeying: a rekey runs
 * @next_installed: @next is in the driver under the other index
 * @rekey_work: periodic rekey (gtk-rekey option)
 */
struct owe_gtk {
	u8 key[OWE_MAX_TK_LEN];
	u8 len;
	u8 idx;
	u8 igtk[16];
	u8 next[OWE_MAX_TK_LEN];
	unsigned int pending;
	bool rekeying;
	bool next_installed;
	struct wiphy_delayed_work rekey_work;
};

int owe_gtk_start(struct owe_ap *ap);
void owe_gtk_cancel(struct owe_ap *ap);
void owe_gtk_stop(struct owe_ap *ap, bool by_driver);
int owe_gtk_rekey(struct owe_ap *ap);
void owe_gtk_sta_done(struct owe_ap *ap);

#endif /* _OWE_CORE_GTK_H */
