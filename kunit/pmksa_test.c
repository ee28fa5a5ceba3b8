// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-pmksa": PMKSA caching on the fake backend (fake_be.h):
 * an entry only after a completed 4-way handshake, a returning station
 * that offers its PMKID skips the DH exchange, misses, expiry and flushes.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/jiffies.h>

#include "core/ap.h"
#include "core/pmksa.h"
#include "wire/dh_elem.h"
#include "wire/rsne.h"
#include "fake_be.h"

static struct owe_fake_sta *connect_sta(struct owe_fake *f, u8 id)
{
	struct owe_fake_sta *s = owe_fake_sta_new(f, id, OWE_GROUP_P256);

	owe_fake_sta_connect(f, s);
	return s;
}

/* the station leaves and authenticates again */
static void come_back(struct owe_fake *f, struct owe_fake_sta *s)
{
	owe_fake_rx_leave(f, s->addr, IEEE80211_STYPE_DEAUTH,
			  WLAN_REASON_DEAUTH_LEAVING);
	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
}

static void pmksa_after_handshake_only(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, NULL), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, NULL), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, s->addr), 1);
}

/* an association that stops before message 4 caches nothing */
static void pmksa_none_for_unfinished(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	come_back(f, s);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, NULL), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
}

static void pmksa_hit(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = connect_sta(f, 1);
	const struct owe_fake_call *c;
	const struct element *elem;
	struct owe_rsne r;
	const u8 *ies;
	size_t len;

	come_back(f, s);
	owe_fake_clear(f);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_PMKSA_HIT), 1);
	/* the response names the PMKID and carries no DH element */
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	ies = owe_fake_resp_ies(c, &len);
	KUNIT_EXPECT_NULL(test, cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM,
						       ies, len));
	elem = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	KUNIT_ASSERT_NOT_NULL(test, elem);
	KUNIT_ASSERT_EQ(test, owe_rsne_parse((const u8 *)elem, 2 + elem->datalen,
					     &r), 0);
	KUNIT_ASSERT_EQ(test, r.pmkid_count, 1);
	KUNIT_EXPECT_MEMEQ(test, r.pmkids, s->pmkid, OWE_PMKID_LEN);
	/* message 1 carries it too; the cached PMK leads through */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_EXPECT_TRUE(test, s->has_m1_pmkid);
	KUNIT_EXPECT_MEMEQ(test, s->m1_pmkid, s->pmkid, OWE_PMKID_LEN);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, s->addr), 1);
	KUNIT_EXPECT_MEMEQ(test, owe_fake_last(f, OWE_FAKE_SET_KEY)->key,
			   s->ptk.tk, 16);
}

static void pmksa_miss(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = connect_sta(f, 1);

	come_back(f, s);
	s->pmkid[0] ^= 0xff;
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_PMKSA_HIT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, s->addr), 0);
}

/* an unknown PMKID next to a DH element: a fresh DH exchange */
static void pmksa_miss_dh_fallback(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = connect_sta(f, 1);
	const struct owe_fake_call *c;
	const struct element *elem;
	struct owe_rsne r;
	const u8 *ies;
	size_t len;

	come_back(f, s);
	s->pmkid[0] ^= 0xff;
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NEW_KEY), 0);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	ies = owe_fake_resp_ies(c, &len);
	KUNIT_EXPECT_NOT_NULL(test, cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM,
							   ies, len));
	elem = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	KUNIT_ASSERT_NOT_NULL(test, elem);
	KUNIT_ASSERT_EQ(test, owe_rsne_parse((const u8 *)elem, 2 + elem->datalen,
					     &r), 0);
	KUNIT_EXPECT_EQ(test, r.pmkid_count, 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_EXPECT_FALSE(test, s->has_m1_pmkid);
}

/* the cache is keyed by address: another station's PMKID is no hit */
static void pmksa_other_address(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = owe_fake_sta_new(f, 2, OWE_GROUP_P256);

	memcpy(b->pmkid, a->pmkid, OWE_PMKID_LEN);
	owe_fake_rx_auth(f, b->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, b, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
}

static void set_expires(struct owe_fake *f, unsigned long expires)
{
	struct owe_pmksa *e;

	owe_fake_lock(f);
	list_for_each_entry(e, &f->ap->pmksa, list)
		e->expires = expires;
	owe_fake_unlock(f);
}

static void pmksa_expiry(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_ap_config cfg;
	struct owe_fake_sta *s;
	unsigned long expires;

	owe_fake_owe_cfg(&cfg);
	cfg.pmksa_lifetime = 2;
	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);
	s = connect_sta(f, 1);
	owe_fake_lock(f);
	expires = list_first_entry(&f->ap->pmksa, struct owe_pmksa,
				   list)->expires;
	owe_fake_unlock(f);
	/* the lifetime of the configuration */
	KUNIT_EXPECT_TRUE(test, time_after(expires, jiffies));
	KUNIT_EXPECT_FALSE(test, time_after(expires, jiffies + 2 * HZ));

	set_expires(f, jiffies - 1);
	come_back(f, s);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
	/* dropped on the way */
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, NULL), 0);
}

/* an entry still alive is used */
static void pmksa_not_expired(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = connect_sta(f, 1);

	set_expires(f, jiffies + HZ);
	come_back(f, s);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH), 0);
}

static void pmksa_flush_one(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *a = connect_sta(f, 1);
	struct owe_fake_sta *b = connect_sta(f, 2);
	struct owe_fake_sta *c = connect_sta(f, 3);

	KUNIT_ASSERT_EQ(test, owe_fake_pmksa_count(f, NULL), 3);
	owe_fake_lock(f);
	owe_pmksa_flush(f->ap, b->addr);
	owe_fake_unlock(f);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, b->addr), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, a->addr), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, c->addr), 1);
	/* the others still hit */
	come_back(f, a);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, a, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH), 0);
	come_back(f, b);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, b, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
	owe_fake_lock(f);
	owe_pmksa_flush(f->ap, NULL);
	owe_fake_unlock(f);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, NULL), 0);
}

/* a new DH exchange replaces the station's entry */
static void pmksa_replaced(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = connect_sta(f, 1);
	u8 old[OWE_PMKID_LEN];

	memcpy(old, s->pmkid, sizeof(old));
	come_back(f, s);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_NEW_KEY), 0);
	KUNIT_EXPECT_MEMNEQ(test, s->pmkid, old, sizeof(old));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_pmksa_count(f, s->addr), 1);
	come_back(f, s);
	memcpy(s->pmkid, old, sizeof(old));
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_PMKID |
						 OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
}

static void pmksa_flushed_on_stop(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);

	connect_sta(f, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_pmksa_count(f, NULL), 1);
	owe_fake_lock(f);
	KUNIT_EXPECT_EQ(test, f->ap->pmksa_count, 1);
	owe_fake_unlock(f);
	/* the BSS's teardown frees it (kmemleak would tell otherwise) */
	owe_fake_stop(f, false);
}

static struct kunit_case owe_pmksa_cases[] = {
	KUNIT_CASE(pmksa_after_handshake_only),
	KUNIT_CASE(pmksa_none_for_unfinished),
	KUNIT_CASE(pmksa_hit),
	KUNIT_CASE(pmksa_miss),
	KUNIT_CASE(pmksa_miss_dh_fallback),
	KUNIT_CASE(pmksa_other_address),
	KUNIT_CASE(pmksa_expiry),
	KUNIT_CASE(pmksa_not_expired),
	KUNIT_CASE(pmksa_flush_one),
	KUNIT_CASE(pmksa_replaced),
	KUNIT_CASE(pmksa_flushed_on_stop),
	{}
};

static struct kunit_suite owe_pmksa_suite = {
	.name = "owe-pmksa",
	.test_cases = owe_pmksa_cases,
};

kunit_test_suite(owe_pmksa_suite);
