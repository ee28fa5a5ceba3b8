// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-handshake": the 4-way handshake of an OWE BSS on the
 * fake backend (fake_be.h), the station side played with the module's own
 * crypto: message 1 after the association, message 3 for a good message 2,
 * the PTK and the port for message 4; bad MICs, replay counters and RSNEs;
 * retransmissions and the timeout.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>

#include "core/ap.h"
#include "core/handshake.h"
#include "crypto/eapol_mic.h"
#include "wire/eapol_key.h"
#include "wire/kde.h"
#include "fake_be.h"

/* a station of group @group, authenticated and associated: M1 is out */
static struct owe_fake_sta *assoc_sta(struct kunit *test, struct owe_fake *f,
				      u8 id, u16 group)
{
	struct owe_fake_sta *s = owe_fake_sta_new(f, id, group);

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	return s;
}

static void hs_m1(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;
	struct owe_eapol_key key;
	static const u8 zero[OWE_NONCE_LEN];

	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	c = owe_fake_last(f, OWE_FAKE_TX_EAPOL);
	KUNIT_EXPECT_MEMEQ(test, c->addr, s->addr, ETH_ALEN);
	KUNIT_ASSERT_EQ(test, owe_eapol_key_parse(c->skb->data, c->skb->len,
						  s->group, &key), 0);
	KUNIT_EXPECT_EQ(test, key.replay, 1);
	KUNIT_EXPECT_EQ(test, key.key_len, 16);
	KUNIT_EXPECT_EQ(test, key.key_data_len, 0);
	KUNIT_EXPECT_MEMNEQ(test, key.nonce, zero, OWE_NONCE_LEN);
	KUNIT_EXPECT_FALSE(test, s->has_m1_pmkid);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
}

static void hs_m3(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c, *gtk;
	struct owe_eapol_key key;
	u8 plain[256];
	const u8 *body;
	size_t blen;
	int n;

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 2);
	/* MIC and key wrap with the station's own KCK and KEK */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_EXPECT_EQ(test, s->replay, 2);
	c = owe_fake_last(f, OWE_FAKE_TX_EAPOL);
	KUNIT_ASSERT_EQ(test, owe_eapol_key_parse(c->skb->data, c->skb->len,
						  s->group, &key), 0);
	KUNIT_EXPECT_MEMEQ(test, key.nonce, s->anonce, OWE_NONCE_LEN);
	n = owe_key_data_unwrap(f->crypto, s->ptk.kek, s->ptk.kek_len,
				key.key_data, key.key_data_len, plain,
				sizeof(plain));
	KUNIT_ASSERT_GT(test, n, (int)f->ap->rsne_len);
	/* the AP's RSNE, its GTK at index 1 and the IGTK (PMF) */
	KUNIT_EXPECT_MEMEQ(test, plain, f->ap->rsne, f->ap->rsne_len);
	gtk = owe_fake_nth(f, OWE_FAKE_SET_KEY, 0);
	KUNIT_EXPECT_EQ(test, s->gtk_idx, 1);
	KUNIT_EXPECT_EQ(test, s->gtk_len, gtk->key_len);
	KUNIT_EXPECT_MEMEQ(test, s->gtk, gtk->key, gtk->key_len);
	KUNIT_EXPECT_EQ(test, owe_kde_find(plain, n, OWE_KDE_IGTK, &body,
					   &blen), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr),
			OWE_HS_PTKINITNEGOTIATING);
	/* no key, no port before message 4 */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 2);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
}

static void hs_m4(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);

	c = owe_fake_last(f, OWE_FAKE_SET_KEY);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_MEMEQ(test, c->addr, s->addr, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, c->idx, 0);
	KUNIT_EXPECT_EQ(test, c->cipher, WLAN_CIPHER_SUITE_CCMP);
	KUNIT_EXPECT_EQ(test, c->key_len, 16);
	KUNIT_EXPECT_MEMEQ(test, c->key, s->ptk.tk, 16);
	c = owe_fake_last(f, OWE_FAKE_AUTHORIZE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_TRUE(test, c->authorized);
	KUNIT_EXPECT_MEMEQ(test, c->addr, s->addr, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr),
			OWE_HS_PTKINITDONE);
	/* nothing more to send */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 2);
}

static void hs_connect_p384(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P384);

	owe_fake_sta_connect(f, s);
	KUNIT_EXPECT_EQ(test, owe_fake_last(f, OWE_FAKE_SET_KEY)->idx, 0);
}

static void hs_connect_no_pmf(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_fake_sta *s;
	struct owe_ap_config cfg;

	owe_fake_owe_cfg(&cfg);
	cfg.pmf = OWE_PMF_OFF;
	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);
	/* the GTK only */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 1);
	s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	owe_fake_sta_connect(f, s);
	KUNIT_EXPECT_FALSE(test, owe_fake_last(f, OWE_FAKE_ADD_STA)->mfp);
}

static void hs_m2_bad_mic(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_ptk_derive(f->crypto, s->group, s->pmk,
					     owe_fake_bssid, s->addr,
					     s->anonce, s->snonce,
					     WLAN_CIPHER_SUITE_CCMP, &s->ptk),
			0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE |
						OWE_KEY_INFO_MIC, s->replay,
						s->rsne, s->rsne_len, true), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_EAPOL_MIC_FAILURE), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
	/* dropped only: the right message 2 still works */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_m3(f, s), 0);
}

static void hs_m2_wrong_replay(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	s->replay++;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	s->replay -= 2;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_EAPOL_MIC_FAILURE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
	s->replay++;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_m3(f, s), 0);
}

static void hs_m2_rsne_differs(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;

	/* other RSN capabilities than in the association request */
	s->rsne[s->rsne_len - 2] ^= OWE_RSN_CAP_PTKSA_16;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_MEMEQ(test, c->addr, s->addr, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c), WLAN_REASON_IE_DIFFERENT);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr), -1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
}

static void hs_m4_bad_mic(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE |
						OWE_KEY_INFO_MIC |
						OWE_KEY_INFO_SECURE, s->replay,
						NULL, 0, true), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_EAPOL_MIC_FAILURE), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
}

/* message 4 with message 2's replay counter is no message 4 */
static void hs_m4_old_replay(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	s->replay--;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr),
			OWE_HS_PTKINITNEGOTIATING);
}

static void hs_m1_retransmit(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	u8 anonce[OWE_NONCE_LEN];
	u64 old = s->replay;

	memcpy(anonce, s->anonce, sizeof(anonce));
	owe_fake_hs_timer(f, s->addr);
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 2);
	/* the same ANonce, a new replay counter */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_EXPECT_EQ(test, s->replay, old + 1);
	KUNIT_EXPECT_MEMEQ(test, s->anonce, anonce, sizeof(anonce));
	/* an answer to the first copy is too late */
	s->replay = old;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 2);
	s->replay = old + 1;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_m3(f, s), 0);
}

static void hs_m1_timeout(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;
	int i;

	for (i = 0; i < 3; i++)
		owe_fake_hs_timer(f, s->addr);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 4);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	owe_fake_hs_timer(f, s->addr);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 4);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_4WAY_HANDSHAKE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr), -1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_HANDSHAKE_TIMEOUT), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
}

static void hs_m3_retransmit_timeout(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;
	u64 first;

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	first = s->replay;
	owe_fake_hs_timer(f, s->addr);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_EXPECT_EQ(test, s->replay, first + 1);
	owe_fake_hs_timer(f, s->addr);
	owe_fake_hs_timer(f, s->addr);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1 + 4);
	owe_fake_hs_timer(f, s->addr);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_4WAY_HANDSHAKE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr), -1);
}

/* message 4 answering the latest copy of message 3 completes */
static void hs_m3_retransmit_m4(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	owe_fake_hs_timer(f, s->addr);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
	/* done: the timer does nothing any more */
	owe_fake_hs_timer(f, s->addr);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 3);
}

static void hs_key_install_fails(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	f->err[OWE_FAKE_SET_KEY] = -EIO;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			WLAN_REASON_UNSPECIFIED);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr), -1);
	/* no PMKSA from a handshake that did not finish */
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, s->addr), 0);
}

/* EAPOL from a station that is not associated goes nowhere */
static void hs_eapol_stranger(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE |
						OWE_KEY_INFO_MIC, 1, NULL, 0,
						false), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_EAPOL), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr), -1);
}

static void hs_eapol_group_src(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	static const u8 frame[8] = { 2, 3, 0, 4 };

	owe_fake_rx_eapol(f, f->dev->broadcast, frame, sizeof(frame));
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_GROUP_SRC), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_EAPOL), 0);
}

static void hs_eapol_open_bss(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	static const u8 frame[8] = { 2, 3, 0, 4 };
	static const u8 sa[ETH_ALEN] = { 0x02, 0, 0, 0, 1, 1 };

	owe_fake_rx_eapol(f, sa, frame, sizeof(frame));
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_EAPOL), 0);
}

static void hs_eapol_malformed(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	static const u8 frame[40] = { 2, 3, 0, 36, 2 };

	owe_fake_rx_eapol(f, s->addr, frame, sizeof(frame));
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_MALFORMED), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
}

/* a frame with Ack set (an authenticator's) is not the station's */
static void hs_ack_bit_ignored(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);

	KUNIT_ASSERT_EQ(test, owe_ptk_derive(f->crypto, s->group, s->pmk,
					     owe_fake_bssid, s->addr,
					     s->anonce, s->snonce,
					     WLAN_CIPHER_SUITE_CCMP, &s->ptk),
			0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE |
						OWE_KEY_INFO_MIC |
						OWE_KEY_INFO_ACK, s->replay,
						s->rsne, s->rsne_len, false),
			0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
}

/* a station that associates again starts the handshake over */
static void hs_reassoc_restarts(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = assoc_sta(test, f, 1, OWE_GROUP_P256);
	u8 anonce[OWE_NONCE_LEN];

	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	memcpy(anonce, s->anonce, sizeof(anonce));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_REASSOC |
						 OWE_FAKE_ASSOC_NEW_KEY), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, s->addr), OWE_HS_PTKSTART);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_EXPECT_MEMNEQ(test, s->anonce, anonce, sizeof(anonce));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
}

static struct kunit_case owe_hs_cases[] = {
	KUNIT_CASE(hs_m1),
	KUNIT_CASE(hs_m3),
	KUNIT_CASE(hs_m4),
	KUNIT_CASE(hs_connect_p384),
	KUNIT_CASE(hs_connect_no_pmf),
	KUNIT_CASE(hs_m2_bad_mic),
	KUNIT_CASE(hs_m2_wrong_replay),
	KUNIT_CASE(hs_m2_rsne_differs),
	KUNIT_CASE(hs_m4_bad_mic),
	KUNIT_CASE(hs_m4_old_replay),
	KUNIT_CASE(hs_m1_retransmit),
	KUNIT_CASE(hs_m1_timeout),
	KUNIT_CASE(hs_m3_retransmit_timeout),
	KUNIT_CASE(hs_m3_retransmit_m4),
	KUNIT_CASE(hs_key_install_fails),
	KUNIT_CASE(hs_eapol_stranger),
	KUNIT_CASE(hs_eapol_group_src),
	KUNIT_CASE(hs_eapol_open_bss),
	KUNIT_CASE(hs_eapol_malformed),
	KUNIT_CASE(hs_ack_bit_ignored),
	KUNIT_CASE(hs_reassoc_restarts),
	{}
};

static struct kunit_suite owe_hs_suite = {
	.name = "owe-handshake",
	.test_cases = owe_hs_cases,
};

kunit_test_suite(owe_hs_suite);
