// SPDX-License-Identifier: GPL-2.0
/*
 * Key derivation on the HMAC transforms of the BSS context.
 *
 * OWE (RFC 8110 §4.4, as hostapd, wpa_supplicant and iwd compute it):
 *   prk   = HKDF-Extract(salt = C | A | LE16(group), z)
 *   PMK   = HKDF-Expand(prk, "OWE Key Generation", hash_len)
 *   PMKID = Truncate-128(H(C | A))
 * 6.12 exports no HKDF, so RFC 5869 is written out on hmac shash here.
 *
 * PTK (IEEE 802.11 12.7.1.7.2 with the AKM 18 hash):
 *   PTK = KDF-H(PMK, "Pairwise key expansion",
 *               Min(AA, SPA) | Max(AA, SPA) | Min(AN, SN) | Max(AN, SN))
 *   KDF-H(K, label, ctx, L) = HMAC-H(K, LE16(i) | label | ctx | LE16(L)),
 *   i = 1, 2, ... concatenated and cut to L bits; PTK = KCK | KEK | TK.
 */

#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/string.h>
#include <linux/unaligned.h>
#include <kunit/visibility.h>

#include "crypto/kdf.h"

static const char owe_pmk_info[] = "OWE Key Generation";
static const char owe_ptk_label[] = "Pairwise key expansion";

/**
 * owe_hkdf_extract - RFC 5869 HKDF-Extract with the group's hash
 * @c: crypto context; the caller holds @c->lock
 * @group: selects the hash
 * @salt: the salt, in pieces (it is the HMAC key)
 * @nsalt: pieces in @salt
 * @ikm: input keying material
 * @ikm_len: octets of @ikm
 * @prk: receives @group->hash_len octets (secret)
 *
 * Return: 0, -EMSGSIZE when the salt is longer than the context can hold,
 * or the crypto API's error.
 */
int owe_hkdf_extract(struct owe_crypto *c, const struct owe_group *group,
		     const struct kvec *salt, unsigned int nsalt,
		     const u8 *ikm, size_t ikm_len, u8 *prk)
{
	struct kvec data = { .iov_base = (void *)ikm, .iov_len = ikm_len };
	u8 key[3 * OWE_MAX_PRIME_LEN];
	unsigned int i;
	size_t len = 0;
	int err;

	lockdep_assert_held(&c->lock);
	for (i = 0; i < nsalt; i++) {
		if (salt[i].iov_len > sizeof(key) - len)
			return -EMSGSIZE;
		memcpy(key + len, salt[i].iov_base, salt[i].iov_len);
		len += salt[i].iov_len;
	}
	err = owe_crypto_hmac(c, group, key, len, &data, 1, prk);
	memzero_explicit(key, sizeof(key));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_hkdf_extract);

/**
 * owe_hkdf_expand - RFC 5869 HKDF-Expand with the group's hash
 * @c: crypto context; the caller holds @c->lock
 * @group: selects the hash
 * @prk: pseudorandom key, @group->hash_len octets
 * @info: context and application specific information
 * @info_len: octets of @info
 * @okm: receives @okm_len octets (secret)
 * @okm_len: at most 255 * hash_len
 *
 * Return: 0, -EINVAL for a too long @okm_len, or the crypto API's error.
 */
int owe_hkdf_expand(struct owe_crypto *c, const struct owe_group *group,
		    const u8 *prk, const u8 *info, size_t info_len,
		    u8 *okm, size_t okm_len)
{
	u8 t[OWE_MAX_HASH_LEN];
	struct kvec vec[3];
	size_t done = 0;
	u8 counter = 1;
	int err = 0;

	lockdep_assert_held(&c->lock);
	if (okm_len > 255 * group->hash_len)
		return -EINVAL;
	while (done < okm_len) {
		/* T(i) = HMAC(prk, T(i - 1) | info | i), T(0) empty */
		vec[0].iov_base = t;
		vec[0].iov_len = counter > 1 ? group->hash_len : 0;
		vec[1].iov_base = (void *)info;
		vec[1].iov_len = info_len;
		vec[2].iov_base = &counter;
		vec[2].iov_len = 1;
		err = owe_crypto_hmac(c, group, prk, group->hash_len, vec, 3, t);
		if (err)
			break;
		memcpy(okm + done, t, min_t(size_t, group->hash_len,
					    okm_len - done));
		done += min_t(size_t, group->hash_len, okm_len - done);
		counter++;
	}
	memzero_explicit(t, sizeof(t));
	if (err)
		memzero_explicit(okm, okm_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_hkdf_expand);

/**
 * owe_pmk_locked - owe_pmk() for callers holding @c->lock
 * @c: crypto context
 * @group: the group
 * @client_x: C, @group->prime_len octets
 * @ap_x: A, @group->prime_len octets
 * @z: ECDH shared secret, @group->prime_len octets
 * @pmk: receives @group->hash_len octets
 *
 * Return: see owe_pmk().
 */
int owe_pmk_locked(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *client_x, const u8 *ap_x, const u8 *z, u8 *pmk)
{
	__le16 id = cpu_to_le16(group->id);
	struct kvec salt[3] = {
		{ .iov_base = (void *)client_x, .iov_len = group->prime_len },
		{ .iov_base = (void *)ap_x, .iov_len = group->prime_len },
		{ .iov_base = &id, .iov_len = sizeof(id) },
	};
	u8 prk[OWE_MAX_HASH_LEN];
	int err;

	lockdep_assert_held(&c->lock);
	err = owe_hkdf_extract(c, group, salt, ARRAY_SIZE(salt), z,
			       group->prime_len, prk);
	if (!err)
		err = owe_hkdf_expand(c, group, prk, owe_pmk_info,
				      strlen(owe_pmk_info), pmk,
				      group->hash_len);
	memzero_explicit(prk, sizeof(prk));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_pmk_locked);

/**
 * owe_pmk - the OWE PMK from the DH exchange
 * @c: crypto context
 * @group: the group
 * @client_x: C, the client's public key, @group->prime_len octets
 * @ap_x: A, the AP's public key, @group->prime_len octets
 * @z: ECDH shared secret, @group->prime_len octets
 * @pmk: receives @group->hash_len octets (secret)
 *
 * Process context; takes @c->lock.
 *
 * Return: 0 or the crypto API's error (then @pmk is zeroed).
 */
int owe_pmk(struct owe_crypto *c, const struct owe_group *group,
	    const u8 *client_x, const u8 *ap_x, const u8 *z, u8 *pmk)
{
	int err;

	might_sleep();
	mutex_lock(&c->lock);
	err = owe_pmk_locked(c, group, client_x, ap_x, z, pmk);
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_pmk);

/**
 * owe_pmkid_locked - owe_pmkid() for callers holding @c->lock
 * @c: crypto context
 * @group: the group
 * @client_x: C
 * @ap_x: A
 * @pmkid: receives 16 octets
 *
 * Return: see owe_pmkid().
 */
int owe_pmkid_locked(struct owe_crypto *c, const struct owe_group *group,
		     const u8 *client_x, const u8 *ap_x, u8 *pmkid)
{
	struct crypto_shash *tfm = c->hash[owe_group_idx(group)];
	SHASH_DESC_ON_STACK(desc, tfm);
	u8 digest[OWE_MAX_HASH_LEN];
	int err;

	lockdep_assert_held(&c->lock);
	desc->tfm = tfm;
	err = crypto_shash_init(desc);
	if (!err)
		err = crypto_shash_update(desc, client_x, group->prime_len);
	if (!err)
		err = crypto_shash_update(desc, ap_x, group->prime_len);
	if (!err)
		err = crypto_shash_final(desc, digest);
	if (!err)
		memcpy(pmkid, digest, OWE_PMKID_LEN);
	shash_desc_zero(desc);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_pmkid_locked);

/**
 * owe_pmkid - the OWE PMKID, Truncate-128(H(C | A))
 * @c: crypto context
 * @group: the group (selects H)
 * @client_x: C, @group->prime_len octets
 * @ap_x: A, @group->prime_len octets
 * @pmkid: receives 16 octets
 *
 * Process context; takes @c->lock.
 *
 * Return: 0 or the crypto API's error.
 */
int owe_pmkid(struct owe_crypto *c, const struct owe_group *group,
	      const u8 *client_x, const u8 *ap_x, u8 *pmkid)
{
	int err;

	might_sleep();
	mutex_lock(&c->lock);
	err = owe_pmkid_locked(c, group, client_x, ap_x, pmkid);
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_pmkid);

/**
 * owe_kdf - the IEEE 802.11 KDF with the group's hash
 * @c: crypto context; the caller holds @c->lock
 * @group: selects the hash (KDF-SHA-256/384/512)
 * @key: the key (a PMK)
 * @key_len: octets of @key
 * @label: ASCII label, written without its NUL
 * @ctx: the context, in pieces
 * @nctx: pieces in @ctx
 * @out: receives @out_len octets (secret)
 * @out_len: octets wanted, at most 128
 *
 * Return: 0, -EINVAL for a too long @out_len, or the crypto API's error
 * (then @out is zeroed).
 */
int owe_kdf(struct owe_crypto *c, const struct owe_group *group,
	    const u8 *key, size_t key_len, const char *label,
	    const struct kvec *ctx, unsigned int nctx, u8 *out,
	    size_t out_len)
{
	__le16 bits = cpu_to_le16(out_len * 8);
	u8 block[OWE_MAX_HASH_LEN];
	struct kvec vec[8];
	size_t done = 0;
	unsigned int i;
	__le16 counter;
	int err = 0;

	lockdep_assert_held(&c->lock);
	if (out_len > 128 || nctx > ARRAY_SIZE(vec) - 3)
		return -EINVAL;
	vec[0].iov_base = &counter;
	vec[0].iov_len = sizeof(counter);
	vec[1].iov_base = (void *)label;
	vec[1].iov_len = strlen(label);
	for (i = 0; i < nctx; i++)
		vec[2 + i] = ctx[i];
	vec[2 + nctx].iov_base = &bits;
	vec[2 + nctx].iov_len = sizeof(bits);

	for (i = 1; done < out_len; i++) {
		size_t n = min_t(size_t, group->hash_len, out_len - done);

		counter = cpu_to_le16(i);
		err = owe_crypto_hmac(c, group, key, key_len, vec, nctx + 3,
				      block);
		if (err)
			break;
		memcpy(out + done, block, n);
		done += n;
	}
	memzero_explicit(block, sizeof(block));
	if (err)
		memzero_explicit(out, out_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_kdf);

/**
 * owe_cipher_tk_len - temporal key length of a pairwise cipher suite
 * @cipher: suite selector (WLAN_CIPHER_SUITE_*)
 *
 * Return: 16 for CCMP-128 and GCMP-128, 32 for CCMP-256 and GCMP-256,
 * -EINVAL for anything else (no TKIP or WEP with OWE).
 */
int owe_cipher_tk_len(u32 cipher)
{
	switch (cipher) {
	case WLAN_CIPHER_SUITE_CCMP:
	case WLAN_CIPHER_SUITE_GCMP:
		return 16;
	case WLAN_CIPHER_SUITE_CCMP_256:
	case WLAN_CIPHER_SUITE_GCMP_256:
		return 32;
	default:
		return -EINVAL;
	}
}
EXPORT_SYMBOL_IF_KUNIT(owe_cipher_tk_len);

/**
 * owe_ptk_derive - PTK for AKM 18 and its KCK/KEK/TK split
 * @c: crypto context
 * @group: the OWE group (selects KDF hash and KCK/KEK lengths)
 * @pmk: the PMK, @group->hash_len octets
 * @aa: authenticator (AP) address
 * @spa: supplicant (station) address
 * @anonce: the AP's nonce, 32 octets
 * @snonce: the station's nonce, 32 octets
 * @cipher: pairwise cipher suite (selects the TK length)
 * @ptk: receives the split PTK (secret)
 *
 * Process context; takes @c->lock.
 *
 * Return: 0, -EINVAL for a cipher OWE does not use, or the crypto API's
 * error. @ptk is zeroed on error.
 */
int owe_ptk_derive(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *pmk, const u8 *aa, const u8 *spa,
		   const u8 *anonce, const u8 *snonce, u32 cipher,
		   struct owe_ptk *ptk)
{
	return owe_ptk_derive_prf(c, group, group, pmk, aa, spa, anonce,
				  snonce, cipher, ptk);
}
EXPORT_SYMBOL_IF_KUNIT(owe_ptk_derive);

/**
 * owe_ptk_derive_prf - PTK for AKM 18 with the KDF of another group's hash
 * @c: crypto context
 * @group: the OWE group (selects the PMK and KCK/KEK lengths)
 * @prf: the group whose hash the KDF uses: @group, or group 19 for the
 *	SHA-256 PTK of stations written before IEEE 802.11-2020 (hostapd's
 *	owe_ptk_workaround derives exactly this: SHA-256, the lengths of
 *	@group unchanged)
 * @pmk: the PMK, @group->hash_len octets
 * @aa: authenticator (AP) address
 * @spa: supplicant (station) address
 * @anonce: the AP's nonce, 32 octets
 * @snonce: the station's nonce, 32 octets
 * @cipher: pairwise cipher suite (selects the TK length)
 * @ptk: receives the split PTK (secret)
 *
 * Process context; takes @c->lock.
 *
 * Return: as owe_ptk_derive().
 */
int owe_ptk_derive_prf(struct owe_crypto *c, const struct owe_group *group,
		       const struct owe_group *prf, const u8 *pmk,
		       const u8 *aa, const u8 *spa, const u8 *anonce,
		       const u8 *snonce, u32 cipher, struct owe_ptk *ptk)
{
	bool nonce_lt = memcmp(anonce, snonce, OWE_NONCE_LEN) < 0;
	bool addr_lt = memcmp(aa, spa, ETH_ALEN) < 0;
	struct kvec ctx[4] = {
		{ .iov_base = (void *)(addr_lt ? aa : spa), .iov_len = ETH_ALEN },
		{ .iov_base = (void *)(addr_lt ? spa : aa), .iov_len = ETH_ALEN },
		{ .iov_base = (void *)(nonce_lt ? anonce : snonce),
		  .iov_len = OWE_NONCE_LEN },
		{ .iov_base = (void *)(nonce_lt ? snonce : anonce),
		  .iov_len = OWE_NONCE_LEN },
	};
	u8 buf[OWE_MAX_KCK_LEN + OWE_MAX_KEK_LEN + OWE_MAX_TK_LEN];
	int tk_len = owe_cipher_tk_len(cipher);
	size_t len;
	int err;

	might_sleep();
	memzero_explicit(ptk, sizeof(*ptk));
	if (tk_len < 0)
		return tk_len;
	len = group->kck_len + group->kek_len + tk_len;

	mutex_lock(&c->lock);
	err = owe_kdf(c, prf, pmk, group->hash_len, owe_ptk_label, ctx,
		      ARRAY_SIZE(ctx), buf, len);
	mutex_unlock(&c->lock);
	if (!err) {
		ptk->kck_len = group->kck_len;
		ptk->kek_len = group->kek_len;
		ptk->tk_len = tk_len;
		memcpy(ptk->kck, buf, ptk->kck_len);
		memcpy(ptk->kek, buf + ptk->kck_len, ptk->kek_len);
		memcpy(ptk->tk, buf + ptk->kck_len + ptk->kek_len, tk_len);
	}
	memzero_explicit(buf, sizeof(buf));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_ptk_derive_prf);
