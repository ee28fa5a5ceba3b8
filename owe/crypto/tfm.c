// SPDX-License-Identifier: GPL-2.0
/*
 * The per-BSS crypto context. Transforms are allocated in process context
 * when a BSS is set up; the derivation code borrows them under the
 * context's mutex.
 */

#include <linux/err.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "crypto/tfm.h"

/**
 * owe_crypto_alloc - allocate the transforms of one BSS
 *
 * Allocates kpp ECDH (owe_ecc.ko's, by priority), plain hash and HMAC for
 * all three groups and AES key wrap. Process context (GFP_KERNEL).
 *
 * Return: the context, or an ERR_PTR() of the failing allocation.
 */
struct owe_crypto *owe_crypto_alloc(void)
{
	struct owe_crypto *c;
	unsigned int i;
	int err;

	might_sleep();
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return ERR_PTR(-ENOMEM);
	mutex_init(&c->lock);

	for (i = 0; i < OWE_NUM_GROUPS; i++) {
		const struct owe_group *g = owe_group_get(OWE_GROUP_P256 + i);

		if (g->kpp_alg) {
			c->kpp[i] = crypto_alloc_kpp(g->kpp_alg, 0, 0);
			if (IS_ERR(c->kpp[i])) {
				err = PTR_ERR(c->kpp[i]);
				c->kpp[i] = NULL;
				goto free_tfms;
			}
		}
		c->hash[i] = crypto_alloc_shash(g->hash_alg, 0, 0);
		if (IS_ERR(c->hash[i])) {
			err = PTR_ERR(c->hash[i]);
			c->hash[i] = NULL;
			goto free_tfms;
		}
		c->hmac[i] = crypto_alloc_shash(g->hmac_alg, 0, 0);
		if (IS_ERR(c->hmac[i])) {
			err = PTR_ERR(c->hmac[i]);
			c->hmac[i] = NULL;
			goto free_tfms;
		}
	}
	c->kw = crypto_alloc_sync_skcipher("kw(aes)", 0, 0);
	if (IS_ERR(c->kw)) {
		err = PTR_ERR(c->kw);
		c->kw = NULL;
		goto free_tfms;
	}
	return c;

free_tfms:
	owe_crypto_free(c);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_IF_KUNIT(owe_crypto_alloc);

/**
 * owe_crypto_free - free a context from owe_crypto_alloc()
 * @c: the context, or %NULL
 *
 * Transforms holding keys are wiped by the crypto API when freed.
 */
void owe_crypto_free(struct owe_crypto *c)
{
	unsigned int i;

	if (!c)
		return;
	crypto_free_sync_skcipher(c->kw);
	for (i = 0; i < OWE_NUM_GROUPS; i++) {
		crypto_free_shash(c->hmac[i]);
		crypto_free_shash(c->hash[i]);
		crypto_free_kpp(c->kpp[i]);
	}
	mutex_destroy(&c->lock);
	kfree_sensitive(c);
}
EXPORT_SYMBOL_IF_KUNIT(owe_crypto_free);

/**
 * owe_crypto_hmac - HMAC of the group's hash over a list of buffers
 * @c: context; the caller holds @c->lock
 * @group: selects SHA-256/384/512
 * @key: HMAC key
 * @key_len: octets of @key
 * @vec: the message, in pieces; a piece with a %NULL base is that many
 *	zero octets (a MIC field being computed)
 * @nvec: pieces in @vec
 * @out: receives @group->hash_len octets
 *
 * Return: 0, or the crypto API's error.
 */
int owe_crypto_hmac(struct owe_crypto *c, const struct owe_group *group,
		    const u8 *key, size_t key_len, const struct kvec *vec,
		    unsigned int nvec, u8 *out)
{
	static const u8 zeros[OWE_MAX_HASH_LEN];
	struct crypto_shash *tfm = c->hmac[owe_group_idx(group)];
	SHASH_DESC_ON_STACK(desc, tfm);
	unsigned int i;
	int err;

	lockdep_assert_held(&c->lock);
	err = crypto_shash_setkey(tfm, key, key_len);
	if (err)
		return err;
	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	for (i = 0; i < nvec && !err; i++) {
		size_t left = vec[i].iov_len;

		if (vec[i].iov_base) {
			err = crypto_shash_update(desc, vec[i].iov_base, left);
			continue;
		}
		while (left && !err) {
			size_t n = min(left, sizeof(zeros));

			err = crypto_shash_update(desc, zeros, n);
			left -= n;
		}
	}
	if (!err)
		err = crypto_shash_final(desc, out);
	shash_desc_zero(desc);
	/* do not leave the key's pads in the transform */
	crypto_shash_setkey(tfm, zeros, 1);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_crypto_hmac);
