// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-rules": the configuration rules that need no radio (the
 * 6 GHz rules, options an open BSS refuses) and the decision to retry
 * message 2's MIC with the SHA-256 PTK (ptk-workaround).
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>
#include <net/netlink.h>

#include "core/ap.h"
#include "core/handshake.h"

static const struct owe_ap_config owe_rules_owe = {
	.security = OWE_SECURITY_OWE,
	.groups = OWE_DH_GROUPS_ECP256,
	.pmf = OWE_PMF_REQUIRED,
	.cipher = WLAN_CIPHER_SUITE_CCMP,
	.pmksa_lifetime = 43200,
};

/* 6 GHz: OWE with PMF required only; other bands take any policy */
static void band_6ghz(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct owe_ap_config cfg = owe_rules_owe;
	struct owe_ap_config open = {};

	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&cfg, NL80211_BAND_6GHZ,
						&extack), 0);

	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&open, NL80211_BAND_6GHZ,
						&extack), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, extack._msg);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg,
					   "an open BSS is not allowed on 6 GHz"));

	memset(&extack, 0, sizeof(extack));
	cfg.pmf = OWE_PMF_OPTIONAL;
	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&cfg, NL80211_BAND_6GHZ,
						&extack), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, extack._msg);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg,
					   "OWE on 6 GHz requires pmf required, not pmf optional"));

	memset(&extack, 0, sizeof(extack));
	cfg.pmf = OWE_PMF_OFF;
	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&cfg, NL80211_BAND_6GHZ,
						&extack), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, extack._msg);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg, "pmf off"));

	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&open, NL80211_BAND_2GHZ,
						NULL), 0);
	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&open, NL80211_BAND_5GHZ,
						NULL), 0);
	KUNIT_EXPECT_EQ(test, owe_ap_band_check(&cfg, NL80211_BAND_5GHZ,
						NULL), 0);
}

/* ptk-workaround belongs to an OWE BSS */
static void ptk_workaround_owe_only(struct kunit *test)
{
	struct netlink_ext_ack extack = {};
	struct owe_ap_config cfg = owe_rules_owe;
	struct owe_ap_config open = { .ptk_workaround = true };

	cfg.ptk_workaround = true;
	KUNIT_EXPECT_EQ(test, owe_ap_config_check(&cfg, NULL, 0, false,
						  &extack), 0);
	KUNIT_EXPECT_EQ(test, owe_ap_config_check(&open, NULL, 0, false,
						  &extack), -EINVAL);
	KUNIT_ASSERT_NOT_NULL(test, extack._msg);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg, "ptk-workaround"));
}

/* the second try: SHA-256 for groups 20 and 21, only when asked for */
static void ptk_fallback(struct kunit *test)
{
	const struct owe_group *g19 = owe_group_get(19);
	const struct owe_group *g20 = owe_group_get(20);
	const struct owe_group *g21 = owe_group_get(21);

	KUNIT_ASSERT_NOT_NULL(test, g19);
	KUNIT_ASSERT_NOT_NULL(test, g20);
	KUNIT_ASSERT_NOT_NULL(test, g21);
	KUNIT_EXPECT_PTR_EQ(test, owe_hs_ptk_fallback(g20, true), g19);
	KUNIT_EXPECT_PTR_EQ(test, owe_hs_ptk_fallback(g21, true), g19);
	KUNIT_EXPECT_NULL(test, owe_hs_ptk_fallback(g19, true));
	KUNIT_EXPECT_NULL(test, owe_hs_ptk_fallback(g20, false));
	KUNIT_EXPECT_NULL(test, owe_hs_ptk_fallback(g21, false));
	KUNIT_EXPECT_NULL(test, owe_hs_ptk_fallback(g19, false));
}

static struct kunit_case owe_rules_cases[] = {
	KUNIT_CASE(band_6ghz),
	KUNIT_CASE(ptk_workaround_owe_only),
	KUNIT_CASE(ptk_fallback),
	{}
};

static struct kunit_suite owe_rules_suite = {
	.name = "owe-rules",
	.test_cases = owe_rules_cases,
};

kunit_test_suite(owe_rules_suite);
