/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Key Data Encapsulations (IEEE 802.11 12.7.2) the AP puts into the Key
 * Data of EAPOL-Key frames: GTK, IGTK and PMKID KDEs, and a walker to find
 * one.
 */
#ifndef _OWE_WIRE_KDE_H
#define _OWE_WIRE_KDE_H

#include <linux/types.h>

/* 00-0f-ac:<type> as the u32 selector the walker reports */
#define OWE_KDE_GTK		0x000fac01
#define OWE_KDE_PMKID		0x000fac04
#define OWE_KDE_IGTK		0x000fac09
/* 0xdd, length, OUI, data type */
#define OWE_KDE_HDR_LEN		6
#define OWE_KDE_IPN_LEN		6
#define OWE_KDE_MAX_KEY_LEN	32

int owe_kde_gtk(u8 *buf, size_t len, u8 key_id, bool tx, const u8 *gtk,
		size_t gtk_len);
int owe_kde_igtk(u8 *buf, size_t len, u16 key_id, const u8 *ipn,
		 const u8 *igtk, size_t igtk_len);
int owe_kde_pmkid(u8 *buf, size_t len, const u8 *pmkid);
int owe_kde_find(const u8 *data, size_t len, u32 type, const u8 **body,
		 size_t *body_len);

#endif /* _OWE_WIRE_KDE_H */
