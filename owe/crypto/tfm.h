/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-BSS crypto context: every transform OWE needs, allocated once when
 * the BSS starts and freed when it stops, never per frame.
 */
#ifndef _OWE_CRYPTO_TFM_H
#define _OWE_CRYPTO_TFM_H

#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/uio.h>
#include <crypto/hash.h>
#include <crypto/kpp.h>
#include <crypto/skcipher.h>

#include "wire/group.h"

/* room for the largest Key Data the AP wraps or unwraps, plus the IV */
#define OWE_KEY_DATA_MAX	512

/**
 * struct owe_crypto - transforms and scratch memory of one BSS
 * @lock: serialises every use of the context; the transforms carry keys
 *	(set_secret, setkey), so two users would overwrite each other's
 * @kpp: ECDH per group, %NULL where 6.12 has no kpp (group 21)
 * @hash: plain hash per group (PMKID)
 * @hmac: HMAC per group (HKDF, PTK KDF, EAPOL-Key MIC)
 * @kw: AES key wrap, SP 800-38F / RFC 3394
 * @scratch: linear memory for scatterlists (ECC points, Key Data); holds
 *	secrets only while @lock is held and is wiped before it is released
 */
struct owe_crypto {
	struct mutex lock; /* held for every use of the tfms below */
	struct crypto_kpp *kpp[OWE_NUM_GROUPS];
	struct crypto_shash *hash[OWE_NUM_GROUPS];
	struct crypto_shash *hmac[OWE_NUM_GROUPS];
	struct crypto_sync_skcipher *kw;
	u8 scratch[OWE_KEY_DATA_MAX + 8] __aligned(8);
};

struct owe_crypto *owe_crypto_alloc(void);
void owe_crypto_free(struct owe_crypto *c);
int owe_crypto_hmac(struct owe_crypto *c, const struct owe_group *group,
		    const u8 *key, size_t key_len, const struct kvec *vec,
		    unsigned int nvec, u8 *out);

#endif /* _OWE_CRYPTO_TFM_H */
