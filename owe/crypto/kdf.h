/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Key derivation: HKDF and the OWE PMK/PMKID (RFC 8110 §4.4), the IEEE
 * 802.11 KDF and the PTK with its KCK/KEK/TK split.
 */
#ifndef _OWE_CRYPTO_KDF_H
#define _OWE_CRYPTO_KDF_H

#include <linux/types.h>

#include "crypto/tfm.h"
#include "wire/eapol_key.h"
#include "wire/group.h"
#include "wire/rsne.h"

#define OWE_MAX_KCK_LEN		32
#define OWE_MAX_KEK_LEN		32
#define OWE_MAX_TK_LEN		32

/**
 * struct owe_ptk - a pairwise transient key, split
 * @kck: EAPOL-Key confirmation key, @kck_len octets
 * @kek: EAPOL-Key encryption key, @kek_len octets
 * @tk: temporal key for the pairwise cipher, @tk_len octets
 * @kck_len: 16/24/32 for groups 19/20/21
 * @kek_len: 16/32/32 for groups 19/20/21
 * @tk_len: 16 (CCMP-128, GCMP-128) or 32 (CCMP-256, GCMP-256)
 *
 * Secret: wipe with memzero_explicit() when done.
 */
struct owe_ptk {
	u8 kck[OWE_MAX_KCK_LEN];
	u8 kek[OWE_MAX_KEK_LEN];
	u8 tk[OWE_MAX_TK_LEN];
	u8 kck_len;
	u8 kek_len;
	u8 tk_len;
};

int owe_hkdf_extract(struct owe_crypto *c, const struct owe_group *group,
		     const struct kvec *salt, unsigned int nsalt,
		     const u8 *ikm, size_t ikm_len, u8 *prk);
int owe_hkdf_expand(struct owe_crypto *c, const struct owe_group *group,
		    const u8 *prk, const u8 *info, size_t info_len,
		    u8 *okm, size_t okm_len);
int owe_pmk_locked(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *client_x, const u8 *ap_x, const u8 *z, u8 *pmk);
int owe_pmk(struct owe_crypto *c, const struct owe_group *group,
	    const u8 *client_x, const u8 *ap_x, const u8 *z, u8 *pmk);
int owe_pmkid_locked(struct owe_crypto *c, const struct owe_group *group,
		     const u8 *client_x, const u8 *ap_x, u8 *pmkid);
int owe_pmkid(struct owe_crypto *c, const struct owe_group *group,
	      const u8 *client_x, const u8 *ap_x, u8 *pmkid);
int owe_kdf(struct owe_crypto *c, const struct owe_group *group,
	    const u8 *key, size_t key_len, const char *label,
	    const struct kvec *ctx, unsigned int nctx, u8 *out,
	    size_t out_len);
int owe_cipher_tk_len(u32 cipher);
int owe_ptk_derive(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *pmk, const u8 *aa, const u8 *spa,
		   const u8 *anonce, const u8 *snonce, u32 cipher,
		   struct owe_ptk *ptk);
int owe_ptk_derive_prf(struct owe_crypto *c, const struct owe_group *group,
		       const struct owe_group *prf, const u8 *pmk,
		       const u8 *aa, const u8 *spa, const u8 *anonce,
		       const u8 *snonce, u32 cipher, struct owe_ptk *ptk);

#endif /* _OWE_CRYPTO_KDF_H */
