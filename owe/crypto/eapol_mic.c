// SPDX-License-Identifier: GPL-2.0
/*
 * The cryptography of EAPOL-Key frames for AKM 18 (IEEE 802.11 12.7.2;
 * hostapd wpa_eapol_key_mic()):
 *
 * MIC = HMAC-H(KCK, frame with the MIC field zeroed), cut to mic_len.
 * Key Data of message 3 is AES key wrapped with the KEK after padding with
 * 0xdd and zeros to a multiple of 8 octets (and at least 16).
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <crypto/algapi.h>
#include <kunit/visibility.h>

#include "crypto/eapol_mic.h"

#define OWE_KW_IV_LEN			8

static int owe_eapol_key_mic_locked(struct owe_crypto *c,
				    const struct owe_group *group,
				    const u8 *kck, const u8 *frame,
				    size_t len, u8 *mic)
{
	size_t after = OWE_EAPOL_KEY_MIC_OFF + group->mic_len;
	struct kvec vec[3] = {
		{ .iov_base = (void *)frame, .iov_len = OWE_EAPOL_KEY_MIC_OFF },
		{ .iov_base = NULL, .iov_len = group->mic_len },
		{ .iov_base = (void *)(frame + after), .iov_len = len - after },
	};
	u8 full[OWE_MAX_HASH_LEN];
	int err;

	lockdep_assert_held(&c->lock);
	err = owe_crypto_hmac(c, group, kck, group->kck_len, vec,
			      ARRAY_SIZE(vec), full);
	if (!err)
		memcpy(mic, full, group->mic_len);
	memzero_explicit(full, sizeof(full));
	return err;
}

/**
 * owe_eapol_key_mic - compute the MIC of an EAPOL-Key frame
 * @c: crypto context
 * @group: the group (hash, KCK and MIC lengths)
 * @kck: the KCK, @group->kck_len octets
 * @frame: the frame; its MIC field is taken as zero whatever it holds
 * @len: frame length (802.1X header + body), at least the fixed part
 * @mic: receives @group->mic_len octets
 *
 * Process context; takes @c->lock.
 *
 * Return: 0, -EBADMSG for a frame shorter than the fixed part, or the
 * crypto API's error.
 */
int owe_eapol_key_mic(struct owe_crypto *c, const struct owe_group *group,
		      const u8 *kck, const u8 *frame, size_t len, u8 *mic)
{
	int err;

	might_sleep();
	if (len < owe_eapol_key_len(group, 0))
		return -EBADMSG;
	mutex_lock(&c->lock);
	err = owe_eapol_key_mic_locked(c, group, kck, frame, len, mic);
	mutex_unlock(&c->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_eapol_key_mic);

/**
 * owe_eapol_key_sign - set the MIC bit and write the MIC into a frame
 * @c: crypto context
 * @group: the group
 * @kck: the KCK
 * @frame: a frame from owe_eapol_key_build()
 * @len: its length
 *
 * Return: 0 or an error of owe_eapol_key_mic().
 */
int owe_eapol_key_sign(struct owe_crypto *c, const struct owe_group *group,
		       const u8 *kck, u8 *frame, size_t len)
{
	u8 mic[OWE_MAX_HASH_LEN / 2];
	int err;

	if (len < owe_eapol_key_len(group, 0))
		return -EBADMSG;
	put_unaligned_be16(get_unaligned_be16(&frame[5]) | OWE_KEY_INFO_MIC,
			   &frame[5]);
	err = owe_eapol_key_mic(c, group, kck, frame, len, mic);
	if (!err)
		memcpy(&frame[OWE_EAPOL_KEY_MIC_OFF], mic, group->mic_len);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_eapol_key_sign);

/**
 * owe_eapol_key_verify - check a received EAPOL-Key frame and its MIC
 * @c: crypto context
 * @group: the group the station negotiated
 * @kck: the KCK of the PTK being confirmed
 * @frame: the frame from the 802.1X version octet
 * @len: octets at @frame
 *
 * The MIC covers the 802.1X header and body, not trailing padding.
 * Process context; takes @c->lock.
 *
 * Return: 0 when the frame is well formed and its MIC matches, an error of
 * owe_eapol_key_parse(), -ENODATA when the MIC bit is clear,
 * -EKEYREJECTED when the MIC does not match, or the crypto API's error.
 */
int owe_eapol_key_verify(struct owe_crypto *c, const struct owe_group *group,
			 const u8 *kck, const u8 *frame, size_t len)
{
	u8 mic[OWE_MAX_HASH_LEN / 2];
	struct owe_eapol_key key;
	size_t flen;
	int err;

	might_sleep();
	err = owe_eapol_key_parse(frame, len, group, &key);
	if (err)
		return err;
	if (!(key.key_info & OWE_KEY_INFO_MIC))
		return -ENODATA;
	flen = OWE_EAPOL_HDR_LEN + get_unaligned_be16(&frame[2]);
	mutex_lock(&c->lock);
	err = owe_eapol_key_mic_locked(c, group, kck, frame, flen, mic);
	mutex_unlock(&c->lock);
	if (!err && crypto_memneq(mic, key.mic, group->mic_len))
		err = -EKEYREJECTED;
	memzero_explicit(mic, sizeof(mic));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(owe_eapol_key_verify);

/**
 * owe_key_data_wrap_len - Key Data length after padding and key wrap
 * @len: plaintext octets
 *
 * Return: the padded length (multiple of 8, at least 16) plus the 8 octet
 * integrity check value.
 */
size_t owe_key_data_wrap_len(size_t len)
{
	return max_t(size_t, ALIGN(len, 8), 16) + OWE_KW_IV_LEN;
}
EXPORT_SYMBOL_IF_KUNIT(owe_key_data_wrap_len);

static int owe_kw_run(struct owe_crypto *c, const u8 *kek, size_t kek_len,
		      size_t data_len, bool encrypt)
{
	SYNC_SKCIPHER_REQUEST_ON_STACK(req, c->kw);
	static const u8 zero_key[16];
	u8 *data = c->scratch + OWE_KW_IV_LEN;
	struct scatterlist sg;
	int err;

	lockdep_assert_held(&c->lock);
	err = crypto_sync_skcipher_setkey(c->kw, kek, kek_len);
	if (err)
		return err;
	sg_init_one(&sg, data, data_len);
	skcipher_request_set_sync_tfm(req, c->kw);
	skcipher_request_set_callback(req, 0, NULL, NULL);
	skcipher_request_set_crypt(req, &sg, &sg, data_len, c->scratch);
	err = encrypt ? crypto_skcipher_encrypt(req) :
			crypto_skcipher_decrypt(req);
	skcipher_request_zero(req);
	/* do not leave the KEK's schedule in the transform */
	crypto_sync_skcipher_setkey(c->kw, zero_key, sizeof(zero_key));
	return err;
}

/**
 * owe_key_data_wrap - pad and AES key wrap EAPOL-Key Key Data
 * @c: crypto context
 * @kek: the KEK (16 or 32 octets: AES-128 or AES-256 key wrap)
 * @kek_len: octets of @kek
 * @plain: Key Data (RSNE, KDEs)
 * @len: octets of @plain
 * @out: receives owe_key_data_wrap_len(@len) octets
 * @out_len: room at @out
 *
 * Padding: 0xdd then zeros up to a multiple of 8, and to 16 at least.
 * Process context; takes @c->lock.
 *
 * Return: the wrapped length, -EMSGSIZE when @len exceeds what the context
 * handles, -ENOSPC when @out_len is too small, -EINVAL for a bad KEK
 * length, or the crypto API's error.
 */
int owe_key_data_wrap(struct owe_crypto *c, const u8 *kek, size_t kek_len,
		      const u8 *plain, size_t len, u8 *out, size_t out_len)
{
	size_t wlen = owe_key_data_wrap_len(len);
	u8 *data = c->scratch + OWE_KW_IV_LEN;
	int err;

	might_sleep();
	if (wlen > sizeof(c->scratch))
		return -EMSGSIZE;
	if (out_len < wlen)
		return -ENOSPC;
	if (kek_len != 16 && kek_len != 32)
		return -EINVAL;
	mutex_lock(&c->lock);
	memcpy(data, plain, len);
	memset(data + len, 0, wlen - OWE_KW_IV_LEN - len);
	if (wlen - OWE_KW_IV_LEN > len)
		data[len] = 0xdd;
	err = owe_kw_run(c, kek, kek_len, wlen - OWE_KW_IV_LEN, true);
	if (!err)
		memcpy(out, c->scratch, wlen);
	memzero_explicit(c->scratch, wlen);
	mutex_unlock(&c->lock);
	return err ? err : wlen;
}
EXPORT_SYMBOL_IF_KUNIT(owe_key_data_wrap);

/**
 * owe_key_data_unwrap - AES key unwrap of EAPOL-Key Key Data
 * @c: crypto context
 * @kek: the KEK (16 or 32 octets)
 * @kek_len: octets of @kek
 * @in: wrapped Key Data
 * @len: octets of @in
 * @out: receives @len - 8 octets, padding included
 * @out_len: room at @out
 *
 * Process context; takes @c->lock.
 *
 * Return: the plaintext length, -EMSGSIZE when @len is below 24, not a
 * multiple of 8 or too large, -ENOSPC when @out_len is too small, -EINVAL
 * for a bad KEK length, -EKEYREJECTED when the integrity check fails (wrong
 * KEK or altered data; @out is then not written), or the crypto API's
 * error.
 */
int owe_key_data_unwrap(struct owe_crypto *c, const u8 *kek, size_t kek_len,
			const u8 *in, size_t len, u8 *out, size_t out_len)
{
	int err;

	might_sleep();
	if (len < 24 || len % 8 || len > sizeof(c->scratch))
		return -EMSGSIZE;
	if (out_len < len - OWE_KW_IV_LEN)
		return -ENOSPC;
	if (kek_len != 16 && kek_len != 32)
		return -EINVAL;
	mutex_lock(&c->lock);
	memcpy(c->scratch, in, len);
	err = owe_kw_run(c, kek, kek_len, len - OWE_KW_IV_LEN, false);
	if (err == -EBADMSG)
		err = -EKEYREJECTED;
	if (!err)
		memcpy(out, c->scratch + OWE_KW_IV_LEN, len - OWE_KW_IV_LEN);
	memzero_explicit(c->scratch, len);
	mutex_unlock(&c->lock);
	return err ? err : len - OWE_KW_IV_LEN;
}
EXPORT_SYMBOL_IF_KUNIT(owe_key_data_unwrap);
