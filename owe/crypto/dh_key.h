/* SPDX-License-Identifier: GPL-2.0 */
/*
 * OWE Diffie-Hellman: the AP's ephemeral key pair and the AP-side
 * derivation from a client's DH Parameter element to PMK and PMKID.
 */
#ifndef _OWE_CRYPTO_DH_KEY_H
#define _OWE_CRYPTO_DH_KEY_H

#include <linux/types.h>

#include "crypto/tfm.h"
#include "wire/group.h"

/**
 * struct owe_dh_key - an ephemeral ECDH key pair
 * @group: its group; %NULL while no key has been made
 * @priv: private scalar, big-endian, @group->prime_len octets (secret)
 * @pub: public key as the DH Parameter element carries it: the x
 *	coordinate, big-endian, @group->prime_len octets
 *
 * Kept by the MLME per station so that a retransmitted association request
 * is answered with the same public key. Wipe with owe_dh_key_clear().
 */
struct owe_dh_key {
	const struct owe_group *group;
	u8 priv[OWE_MAX_PRIME_LEN];
	u8 pub[OWE_MAX_PRIME_LEN];
};

int owe_dh_key_generate(struct owe_crypto *c, const struct owe_group *group,
			struct owe_dh_key *key);
int owe_dh_key_set(struct owe_crypto *c, const struct owe_group *group,
		   const u8 *priv, struct owe_dh_key *key);
void owe_dh_key_clear(struct owe_dh_key *key);
int owe_dh_shared(struct owe_crypto *c, const struct owe_dh_key *key,
		  const u8 *peer_x, u8 *z);
int owe_dh_derive(struct owe_crypto *c, const struct owe_group *group,
		  struct owe_dh_key *ap_key, const u8 *client_x, u8 *pmk,
		  u8 *pmkid);

#endif /* _OWE_CRYPTO_DH_KEY_H */
