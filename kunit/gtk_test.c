// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-gtk": GTK rekeying on the fake backend (fake_be.h):
 * the new key at the other index, group message 1 to every station that
 * finished its 4-way handshake, the switch once all answered or left, and
 * stations that join, leave or re-associate meanwhile.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>

#include "core/ap.h"
#include "core/gtk.h"
#include "core/handshake.h"
#include "fake_be.h"

static struct owe_fake_sta *connect_sta(struct owe_fake *f, u8 id)
{
	struct owe_fake_sta *s = owe_fake_sta_new(f, id, OWE_GROUP_P256);

	owe_fake_sta_connect(f, s);
	return s;
}

/* the last group key set as the default one at index @idx, or NULL */
static const struct owe_fake_call *default_gtk(struct owe_fake *f)
{
	const struct owe_fake_call *c;
	unsigned int i, n = owe_fake_count(f, OWE_FAKE_SET_KEY);

	for (i = n; i-- > 0;) {
		c = owe_fake_nth(f, OWE_FAKE_SET_KEY, i);
		if (c->set_default && c->idx >= 1 && c->idx <= 3)
			return c;
	}
	return NULL;
}

static bool rekeying(struct owe_fake *f)
{
	bool ret;

	owe_fake_lock(f);
	ret = f->ap->gtk.rekeying;
	owe_fake_unlock(f);
	return ret;
}

static void gtk_rekey_alone(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	const struct owe_fake_call *c;

	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	/* nobody to ask: installed, then switched at once */
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 2);
	c = owe_fake_nth(f, OWE_FAKE_SET_KEY, 0);
	KUNIT_EXPECT_EQ(test, c->idx, 2);
	KUNIT_EXPECT_FALSE(test, c->set_default);
	c = owe_fake_nth(f, OWE_FAKE_SET_KEY, 1);
	KUNIT_EXPECT_EQ(test, c->idx, 2);
	KUNIT_EXPECT_TRUE(test, c->set_default);
	c = owe_fake_last(f, OWE_FAKE_DEL_KEY);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->idx, 1);
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 2);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
}

static void gtk_rekey_g1(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	const struct owe_fake_call *c, *old = owe_fake_nth(f, OWE_FAKE_SET_KEY, 0);
	u8 old_key[16];

	memcpy(old_key, old->key, sizeof(old_key));
	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 1);
	c = owe_fake_last(f, OWE_FAKE_SET_KEY);
	KUNIT_EXPECT_EQ(test, c->idx, 2);
	KUNIT_EXPECT_FALSE(test, c->set_default);
	KUNIT_EXPECT_TRUE(test, is_zero_ether_addr(c->addr));
	KUNIT_EXPECT_MEMNEQ(test, c->key, old_key, 16);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_KEY), 0);
	KUNIT_EXPECT_TRUE(test, rekeying(f));

	/* group 1: MIC by the station's KCK, the new GTK at index 2 */
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_EXPECT_EQ(test, a->gtk_idx, 2);
	KUNIT_EXPECT_EQ(test, a->gtk_len, 16);
	KUNIT_EXPECT_MEMEQ(test, a->gtk, c->key, 16);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, a->addr),
			OWE_HS_REKEYNEGOTIATING);
}

static void gtk_rekey_g2_switches(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	const struct owe_fake_call *c;

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	c = owe_fake_last(f, OWE_FAKE_SET_KEY);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->idx, 2);
	KUNIT_EXPECT_TRUE(test, c->set_default);
	KUNIT_EXPECT_MEMEQ(test, c->key, a->gtk, 16);
	c = owe_fake_last(f, OWE_FAKE_DEL_KEY);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->idx, 1);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, a->addr), OWE_HS_PTKINITDONE);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, a->addr),
			OWE_STA_STATE_IP_LEARN);
}

static void gtk_rekey_waits_for_all(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = connect_sta(f, 2);

	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 2);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, b), 0);
	KUNIT_EXPECT_MEMEQ(test, a->gtk, b->gtk, 16);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_KEY), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, b), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_KEY), 1);
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 2);
}

/* only stations done with the 4-way handshake take part */
static void gtk_rekey_skips_handshaking(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = owe_fake_sta_new(f, 2, OWE_GROUP_P256);

	owe_fake_rx_auth(f, b->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, b, 0), 0);
	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
	KUNIT_EXPECT_NULL(test, owe_fake_last_to(f, OWE_FAKE_TX_EAPOL, b->addr));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
}

/*
 * A station that runs its 4-way handshake during a rekey ends up with
 * the GTK the BSS transmits with once the rekey is over.
 */
static void gtk_join_during_rekey(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b;
	const struct owe_fake_call *c;

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	b = connect_sta(f, 2);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	/* B answers a group message 1 if it got one */
	if (owe_fake_sta_g1(f, b) == 0)
		KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, b), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	c = default_gtk(f);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->idx, 2);
	KUNIT_EXPECT_EQ(test, b->gtk_idx, c->idx);
	KUNIT_EXPECT_MEMEQ(test, b->gtk, c->key, 16);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, b->addr),
			OWE_STA_STATE_IP_LEARN);
}

static void gtk_leave_during_rekey(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = connect_sta(f, 2);

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	/* B leaves instead of answering: that completes the rekey */
	owe_fake_rx_leave(f, b->addr, IEEE80211_STYPE_DEAUTH,
			  WLAN_REASON_DEAUTH_LEAVING);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 2);
	KUNIT_EXPECT_EQ(test, default_gtk(f)->idx, 2);
}

/* the bug of the last fix: a re-association during group 1/2 */
static void gtk_reassoc_during_rekey(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = connect_sta(f, 2);

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, b), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, b, OWE_FAKE_ASSOC_REASSOC |
						 OWE_FAKE_ASSOC_NEW_KEY), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_hs_state(f, b->addr), OWE_HS_PTKSTART);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 2);
	/* and B's new handshake hands it the key in use */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, b), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, b), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, b), 0);
	KUNIT_EXPECT_EQ(test, b->gtk_idx, 2);
	KUNIT_EXPECT_MEMEQ(test, b->gtk, a->gtk, 16);
}

static void gtk_rekey_busy(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_rekey(f), -EBUSY);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	/* over: the next one goes back to index 1 */
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_EXPECT_EQ(test, a->gtk_idx, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 1);
	KUNIT_EXPECT_EQ(test, owe_fake_last(f, OWE_FAKE_DEL_KEY)->idx, 2);
}

static void gtk_rekey_install_fails(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);

	connect_sta(f, 1);
	owe_fake_clear(f);
	f->err[OWE_FAKE_SET_KEY] = -EIO;
	KUNIT_EXPECT_EQ(test, owe_fake_rekey(f), -EIO);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	f->err[OWE_FAKE_SET_KEY] = 0;
	KUNIT_EXPECT_EQ(test, owe_fake_rekey(f), 0);
}

static void gtk_g1_timeout(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	const struct owe_fake_call *c;
	int i;

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	owe_fake_clear(f);
	for (i = 0; i < 3; i++)
		owe_fake_hs_timer(f, a->addr);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 3);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	owe_fake_hs_timer(f, a->addr);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_GROUP_KEY_HANDSHAKE_TIMEOUT);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, a->addr), -1);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, f->ap->gtk.idx, 2);
}

static void gtk_g2_bad_mic(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);

	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g1(f, a), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, a, OWE_KEY_INFO_MIC |
						OWE_KEY_INFO_SECURE, a->replay,
						NULL, 0, true), 0);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_EAPOL_MIC_FAILURE), 1);
	/* an old replay counter neither */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_send(f, a, OWE_KEY_INFO_MIC |
						OWE_KEY_INFO_SECURE,
						a->replay - 1, NULL, 0, false),
			0);
	KUNIT_EXPECT_TRUE(test, rekeying(f));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_g2(f, a), 0);
	KUNIT_EXPECT_FALSE(test, rekeying(f));
}

static void gtk_stop_during_rekey(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	bool del[6] = {};
	unsigned int i;

	connect_sta(f, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	owe_fake_clear(f);
	owe_fake_stop(f, false);
	for (i = 0; i < owe_fake_count(f, OWE_FAKE_DEL_KEY); i++)
		del[owe_fake_nth(f, OWE_FAKE_DEL_KEY, i)->idx % 6] = true;
	/* every group key leaves the driver */
	KUNIT_EXPECT_TRUE(test, del[1] || del[2]);
	KUNIT_EXPECT_TRUE(test, del[2]);
	KUNIT_EXPECT_TRUE(test, del[4]);
}

static struct kunit_case owe_gtk_cases[] = {
	KUNIT_CASE(gtk_rekey_alone),
	KUNIT_CASE(gtk_rekey_g1),
	KUNIT_CASE(gtk_rekey_g2_switches),
	KUNIT_CASE(gtk_rekey_waits_for_all),
	KUNIT_CASE(gtk_rekey_skips_handshaking),
	KUNIT_CASE(gtk_join_during_rekey),
	KUNIT_CASE(gtk_leave_during_rekey),
	KUNIT_CASE(gtk_reassoc_during_rekey),
	KUNIT_CASE(gtk_rekey_busy),
	KUNIT_CASE(gtk_rekey_install_fails),
	KUNIT_CASE(gtk_g1_timeout),
	KUNIT_CASE(gtk_g2_bad_mic),
	KUNIT_CASE(gtk_stop_during_rekey),
	{}
};

static struct kunit_suite owe_gtk_suite = {
	.name = "owe-gtk",
	.test_cases = owe_gtk_cases,
};

kunit_test_suite(owe_gtk_suite);
