/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MIC of EAPOL-Key frames and the AES key wrap of their Key Data.
 */
#ifndef _OWE_CRYPTO_EAPOL_MIC_H
#define _OWE_CRYPTO_EAPOL_MIC_H

#include <linux/types.h>

#include "crypto/tfm.h"
#include "wire/eapol_key.h"
#include "wire/group.h"

int owe_eapol_key_mic(struct owe_crypto *c, const struct owe_group *group,
		      const u8 *kck, const u8 *frame, size_t len, u8 *mic);
int owe_eapol_key_sign(struct owe_crypto *c, const struct owe_group *group,
		       const u8 *kck, u8 *frame, size_t len);
int owe_eapol_key_verify(struct owe_crypto *c, const struct owe_group *group,
			 const u8 *kck, const u8 *frame, size_t len);
size_t owe_key_data_wrap_len(size_t len);
int owe_key_data_wrap(struct owe_crypto *c, const u8 *kek, size_t kek_len,
		      const u8 *plain, size_t len, u8 *out, size_t out_len);
int owe_key_data_unwrap(struct owe_crypto *c, const u8 *kek, size_t kek_len,
			const u8 *in, size_t len, u8 *out, size_t out_len);

#endif /* _OWE_CRYPTO_EAPOL_MIC_H */
