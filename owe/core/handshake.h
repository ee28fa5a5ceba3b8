/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 4-way handshake and the group key handshake of a station,
 * authenticator side.
 */
#ifndef _OWE_CORE_HANDSHAKE_H
#define _OWE_CORE_HANDSHAKE_H

#include <linux/types.h>
#include <net/cfg80211.h>

#include "crypto/kdf.h"
#include "wire/eapol_key.h"

struct owe_sta;

/* where a station is in its handshakes */
enum owe_hs_state {
	OWE_HS_IDLE,
	OWE_HS_PTKSTART,
	OWE_HS_PTKINITNEGOTIATING,
	OWE_HS_PTKINITDONE,
	OWE_HS_REKEYNEGOTIATING,
};

/**
 * struct owe_handshake - a station's handshake state, embedded in
 *	&struct owe_sta
 * @state: where the station is
 * @ptk: the pairwise transient key (secret); the TK is wiped once the
 *	driver has it
 * @anonce: the AP's nonce of the running 4-way handshake
 * @replay: replay counter of the last EAPOL-Key frame sent
 * @tries: transmissions of the current message
 * @gtk_idx: key index of the GTK the last message 3 or group 1 carried
 * @counted: the BSS's running rekey waits for this station
 * @timer: retransmits messages 1, 3 and group 1, then gives up
 */
struct owe_handshake {
	enum owe_hs_state state;
	struct owe_ptk ptk;
	u8 anonce[OWE_NONCE_LEN];
	u64 replay;
	u8 tries;
	u8 gtk_idx;
	bool counted;
	struct wiphy_delayed_work timer;
};

void owe_hs_init(struct owe_sta *sta);
void owe_hs_start(struct owe_sta *sta);
void owe_hs_stop(struct owe_sta *sta);
void owe_hs_rx(struct owe_sta *sta, const u8 *frame, size_t len);
void owe_hs_rekey(struct owe_sta *sta, bool counted);
const struct owe_group *owe_hs_ptk_fallback(const struct owe_group *group,
					    bool workaround);

#endif /* _OWE_CORE_HANDSHAKE_H */
