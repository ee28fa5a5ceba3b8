// SPDX-License-Identifier: GPL-2.0
/*
 * ECDH for OWE (RFC 8110 §4.4) through kpp "ecdh-nist-p256", "-p384" and
 * "-p521", which owe_ecc.ko registers above the kernel's generic ECDH
 * (6.12 has none for P-521). kpp wants the peer's x || y, each coordinate
 * prime_len octets; y comes from owe_point_y(). Requests are allocated
 * with GFP_KERNEL: everything here runs in process context.
 *
 * Private keys are made here rather than inside kpp so that the AP key of
 * a station outlives the (shared) transform: a retransmitted association
 * request must get the same public key (hostapd >= 2.11 behaviour).
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <crypto/ecdh.h>
#include <kunit/visibility.h>
#include <owe/ecc.h>

#include "crypto/dh_key.h"
#include "crypto/kdf.h"
#include "crypto/point.h"

static_assert(3 * OWE_ECC_MAX_BYTES <= OWE_KEY_DATA_MAX);

/* tries at a random scalar in [1, n - 1]; failing 2^-32 events in a row */
#define OWE_DH_KEYGEN_TRIES	8

/*
 * 0 when the private scalar is in [1, n - 1] (SP 800-56A), compared in
 * constant time by owe_ecc.ko: the scalar is the secret
 */
static int owe_dh_priv_check(const struct owe_group *group, const u8 *priv)
{
	const struct owe_ecc_curve *c = owe_ecc_curve_by_bytes(group->prime_len);

	if (!c)
		return -EOPNOTSUPP;
	return owe_ecc_scalar_ok(c, priv) ? 0 : -EINVAL;
}

static int owe_dh_kpp_set(struct owe_crypto *c, const struct owe_dh_key *key)
{
	struct crypto_kpp *tfm = c->kpp[owe_group_idx(key->group)];
	struct ecdh params = {
		.key = (char *)key->priv,
		.key_size = key->group->prime_len,
	};
	u8 buf[8 + OWE_MAX_PRIME_LEN];
	unsigned int len;
	int err;

	len = crypto_ecdh_key_len(&params);
	if (len > sizeof(buf))
		return -EOVERFLOW;
	err = crypto_ecdh_encode_key(buf, len, &params);
	if (!err)
		err = crypto_kpp_set_secret(tfm, buf, len);
	memzero_explicit(buf, sizeof(buf));
	return err;
}

/*
 * A kpp transform keeps the last secret it was given. An empty one makes
 * it pick a random key of its own, so none of ours stays behind.
 */
static void owe_dh_kpp_scrub(struct owe_crypto *c,
			     const struct owe_group *group)
{
	struct crypto_kpp *tfm = c->kpp[owe_group_idx(group)];
	struct ecdh params = {};
	u8 buf[16];
	unsigned int len;

	len = crypto_ecdh_key_len(&params);
	if (len <= sizeof(buf) && !crypto_ecdh_encode_key(buf, len, &params))
		crypto_kpp_set_secret(tfm, buf, len);
}

/* one kpp operation: public key (src == NULL) or shared secret */
static int owe_dh_kpp_run(struct owe_crypto *c, const struct owe_group *group,
			  const u8 *src, unsigned int src_len, u8 *dst,
			  unsigned int dst_len)
{
	struct crypto_kpp *tfm = c->kpp[owe_group_idx(group)];
	struct scatterlist sg_src, sg_dst;
	DECLARE_CRYPTO_WAIT(wait);
	struct kpp_request *req;
	int err;

	req = kpp_request_alloc(tfm, GFP_KERNEL);
	if (!req)
		return -ENOMEM;
	if (src)
		sg_init_one(&sg_src, src, src_len);
	sg_init_one(&sg_dst, dst, dst_len);
	kpp_request_set_input(req, src ? &sg_src : NULL, src_len);
	kpp_request_set_output(req, &sg_dst, dst_len);
	kpp_request_set_callback(req, CRYPTO_TFM_REQ_MAY_SLEEP,
				 crypto_req_done, &wait);
	if (src)
		err = crypto_wait_req(crypto_kpp_compute_shared_secret(req),
				      &wait);
	else
		err = crypto_wait_req(crypto_kpp_generate_public_key(req),
				      &wait);
	kpp_request_free(req);
	return err;
}

/* fills key->pub from key->priv */
static int owe_dh_make_pub(struct owe_crypto *c, struct owe_dh_key *key)
{
	const struct owe_group *group = key->group;
	int err;

	lockdep_assert_held(&c->lock);
	err = owe_dh_priv_check(group, key->priv);
	if (err)
		return err;

	err = owe_dh_kpp_set(c, key);
	if (!err)
		err = owe_dh_kpp_run(c, group, NULL, 0, c->scratch,
				     2 * group->prime_len);
	owe_dh_kpp_scrub(c, group);
	if (!err)
		memcpy(key->pub, c->scratch, group->prime_len);
	memzero_explicit(c->scratch, 2 * group->prime_len);
	return err;
}

static int owe_dh_generate_locked(struct owe_crypto *c,
				  const struct owe_group *group,
				  struct owe_dh_key *key)
{
	int err = -EAGAIN;
	unsigned int i;

	lockdep_assert_held(&c->lock);
	owe_dh_key_clear(key);
	key->group = group;
	for (i = 0; i < OWE_DH_KEYGEN_TRIES && err; i++) {
		get_random_bytes(key->priv, group->prime_len);
		/* P-521: 521 bits in 66 octets */
		if (group->prime_len * 8 > 521)
			key->priv[0] &= 0x01;
		err = owe_dh_priv_check(group, key->priv);
	}
	if (!err)
		err = owe_dh_make_pub(c, key);
	if (err)
		owe_dh_key_clear(key);
	return err;
}

/**
 * owe_dh_key_generate - make a fresh ephemeral key pair
 * @c: crypto context of the BSS
 * @group: the group the client chose
 * @key: receives the pair; cleared on failure
 *
 * Process context. Takes @c->lock.
 *
 * Return: 0, -EAGAIN when the RNG kept giving out-of-range scalars, or an
 * error of the crypto API (-ENOMEM, ...).
 */
int owe_dh_key_generate(struct owe_crypto *c, const struct owe_group *group,
			struct owe_dh_key *key)
{
	int err;

	might_sleep();
	mutex_lock(&c->lock);
	err = owe_dh_generate_locked(c, group, key);
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_key_generate);

/**
 * owe_dh_key_set - make a key pair from a given private key
 * @c: crypto context of the BSS
 * @group: the group
 * @priv: private scalar, big-endian, @group->prime_len octets
 * @key: receives the pair; cleared on failure
 *
 * For known-answer tests (d_A of the vectors). Process context.
 *
 * Return: 0, -EINVAL when @priv is not in [1, n - 1], or an error of the
 * crypto API.
 */
int owe_dh_key_set(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *priv, struct owe_dh_key *key)
{
	int err;

	might_sleep();
	owe_dh_key_clear(key);
	key->group = group;
	memcpy(key->priv, priv, group->prime_len);
	mutex_lock(&c->lock);
	err = owe_dh_make_pub(c, key);
	mutex_unlock(&c->lock);
	if (err)
		owe_dh_key_clear(key);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_key_set);

/**
 * owe_dh_key_clear - wipe a key pair
 * @key: the pair; afterwards its group is %NULL
 */
void owe_dh_key_clear(struct owe_dh_key *key)
{
	memzero_explicit(key, sizeof(*key));
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_key_clear);

static int owe_dh_shared_locked(struct owe_crypto *c,
				const struct owe_dh_key *key,
				const u8 *peer_x, u8 *z)
{
	const struct owe_group *group = key->group;
	unsigned int len = group->prime_len;
	u8 *point = c->scratch;
	u8 *secret = c->scratch + 2 * len;
	int err;

	lockdep_assert_held(&c->lock);
	/* peer point as big-endian x || y */
	memcpy(point, peer_x, len);
	err = owe_point_y(group, peer_x, point + len);
	if (err)
		goto wipe_scratch;

	err = owe_dh_kpp_set(c, key);
	if (!err)
		err = owe_dh_kpp_run(c, group, point, 2 * len, secret, len);
	owe_dh_kpp_scrub(c, group);
	if (!err)
		memcpy(z, secret, len);
wipe_scratch:
	memzero_explicit(c->scratch, 3 * len);
	return err;
}

/**
 * owe_dh_shared - ECDH: x coordinate of our private key times a peer key
 * @c: crypto context of the BSS
 * @key: our key pair
 * @peer_x: the peer's public key (x coordinate), as parsed from its DH
 *	Parameter element, @key->group->prime_len octets
 * @z: receives the shared secret, prime_len octets (secret)
 *
 * Process context. Takes @c->lock.
 *
 * Return: 0, -ERANGE or -EDOM when @peer_x is no point of the curve (see
 * owe_point_y()), -EINVAL when the crypto API rejects the point or the
 * key, -EFAULT when the product is the point at infinity, -ENOMEM.
 */
int owe_dh_shared(struct owe_crypto *c, const struct owe_dh_key *key,
		  const u8 *peer_x, u8 *z)
{
	int err;

	might_sleep();
	mutex_lock(&c->lock);
	err = owe_dh_shared_locked(c, key, peer_x, z);
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_shared);

/**
 * owe_dh_derive - the whole AP-side OWE derivation for one association
 * @c: crypto context of the BSS
 * @group: the group of the client's DH Parameter element
 * @ap_key: the station's AP key pair. Used as is when it is of @group
 *	(a retransmitted association request gets the same key, as in
 *	hostapd >= 2.11); otherwise replaced by a fresh pair. Its @pub is
 *	what the association response's DH element carries.
 * @client_x: the client's public key, @group->prime_len octets
 * @pmk: receives the PMK, @group->hash_len octets (secret)
 * @pmkid: receives the PMKID, 16 octets
 *
 * Key generation (if needed), ECDH, HKDF to the PMK and the PMKID hash,
 * with z wiped before returning. Takes no lock of the caller's and needs
 * none; process context (kpp requests are allocated with GFP_KERNEL).
 *
 * Return: 0 or an error of owe_dh_key_generate(), owe_dh_shared() or
 * owe_pmk(). On error @ap_key keeps its pair and @pmk holds no secret.
 */
int owe_dh_derive(struct owe_crypto *c, const struct owe_group *group,
		  struct owe_dh_key *ap_key, const u8 *client_x, u8 *pmk,
		  u8 *pmkid)
{
	u8 z[OWE_MAX_PRIME_LEN];
	int err = 0;

	might_sleep();
	mutex_lock(&c->lock);
	if (ap_key->group != group)
		err = owe_dh_generate_locked(c, group, ap_key);
	if (err)
		goto unlock;

	err = owe_dh_shared_locked(c, ap_key, client_x, z);
	if (err)
		goto wipe_z;
	err = owe_pmk_locked(c, group, client_x, ap_key->pub, z, pmk);
	if (err)
		goto wipe_z;
	err = owe_pmkid_locked(c, group, client_x, ap_key->pub, pmkid);
	if (err)
		memzero_explicit(pmk, group->hash_len);
wipe_z:
	memzero_explicit(z, sizeof(z));
unlock:
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_dh_derive);
