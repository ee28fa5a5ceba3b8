// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-capab": the station parameters the driver gets from an
 * association request and what the BSS advertises (core/capab.c).
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>

#include "core/capab.h"

static const u8 rates[] = { 0x01, 0x04, 0x82, 0x84, 0x8b, 0x96 };
static const u8 ext_rates[] = { 0x32, 0x04, 0x0c, 0x12, 0x18, 0x24 };
static const u8 ht_cap[2 + 26] = { 0x2d, 0x1a, 0x6e, 0x11, 0x1b, 0xff, 0xff };
static const u8 vht_cap[2 + 12] = { 0xbf, 0x0c, 0x32, 0x00, 0x80, 0x03 };

/* elements, one after the other */
struct ies {
	u8 buf[512];
	size_t len;
};

static void add(struct ies *ies, const void *elem, size_t len)
{
	memcpy(ies->buf + ies->len, elem, len);
	ies->len += len;
}

/* a WMM Information element with QoS Info @qos */
static void add_wmm(struct ies *ies, u8 qos)
{
	const u8 wmm[] = { 0xdd, 0x07, 0x00, 0x50, 0xf2, 0x02, 0x00, 0x01, qos };

	add(ies, wmm, sizeof(wmm));
}

static const struct owe_capab_bss bss_all = {
	.wmm = true, .uapsd = true, .ht = true, .vht = true,
};

static int fill(struct owe_be_sta *sta, const struct owe_capab_bss *bss,
		const struct ies *ies)
{
	memset(sta, 0xa5, sizeof(*sta));
	sta->addr = NULL;
	return owe_capab_sta(sta, bss, WLAN_CAPABILITY_ESS, 10, false,
			     ies->buf, ies->len);
}

static bool flag(const struct owe_be_sta *sta, int f)
{
	return sta->params.sta_flags_set & BIT(f);
}

static bool uapsd(const struct owe_be_sta *sta)
{
	return sta->params.sta_modify_mask & STATION_PARAM_APPLY_UAPSD;
}

static void capab_rates(struct kunit *test)
{
	static const u8 want[] = { 0x82, 0x84, 0x8b, 0x96,
				   0x0c, 0x12, 0x18, 0x24 };
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ext_rates, sizeof(ext_rates));
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_ASSERT_EQ(test, sta.params.link_sta_params.supported_rates_len,
			sizeof(want));
	KUNIT_EXPECT_PTR_EQ(test, sta.params.link_sta_params.supported_rates,
			    (const u8 *)sta.rates);
	KUNIT_EXPECT_MEMEQ(test, sta.rates, want, sizeof(want));
	KUNIT_EXPECT_EQ(test, sta.params.link_sta_params.link_id, -1);
	KUNIT_EXPECT_EQ(test, sta.params.listen_interval, 10);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_ASSOCIATED));
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_AUTHENTICATED));
	KUNIT_EXPECT_FALSE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_FALSE(test, flag(&sta, NL80211_STA_FLAG_MFP));
	KUNIT_EXPECT_FALSE(test, flag(&sta, NL80211_STA_FLAG_SHORT_PREAMBLE));
	KUNIT_EXPECT_NULL(test, sta.params.ext_capab);
	KUNIT_EXPECT_FALSE(test, sta.params.link_sta_params.opmode_notif_used);
}

static void capab_no_rates(struct kunit *test)
{
	static const u8 empty[] = { WLAN_EID_SUPP_RATES, 0 };
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, ext_rates, sizeof(ext_rates));
	KUNIT_EXPECT_EQ(test, fill(&sta, &bss_all, &ies), -EINVAL);
	ies.len = 0;
	add(&ies, empty, sizeof(empty));
	KUNIT_EXPECT_EQ(test, fill(&sta, &bss_all, &ies), -EINVAL);
}

static void capab_too_many_rates(struct kunit *test)
{
	struct ies ies = { .buf = { WLAN_EID_SUPP_RATES, 8 } };
	struct owe_be_sta sta;

	ies.buf[10] = WLAN_EID_EXT_SUPP_RATES;
	ies.buf[11] = NL80211_MAX_SUPP_RATES - 8;
	ies.len = 12 + ies.buf[11];
	KUNIT_EXPECT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_EXPECT_EQ(test, sta.params.link_sta_params.supported_rates_len,
			NL80211_MAX_SUPP_RATES);
	/* oversized: more than fit is refused, as hostapd does */
	ies.buf[11] = 255;
	ies.len = 12 + ies.buf[11];
	KUNIT_EXPECT_EQ(test, fill(&sta, &bss_all, &ies), -EINVAL);
}

static void capab_ht_without_wmm(struct kunit *test)
{
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add(&ies, vht_cap, sizeof(vht_cap));
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_EXPECT_FALSE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.ht_capa);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.vht_capa);
}

static void capab_ht_with_wmm(struct kunit *test)
{
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add_wmm(&ies, 0);
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_PTR_EQ(test,
			    (const u8 *)sta.params.link_sta_params.ht_capa,
			    &ies.buf[sizeof(rates) + 2]);
}

static void capab_bss_without_wmm(struct kunit *test)
{
	struct owe_capab_bss bss = bss_all;
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add_wmm(&ies, 0x0f);
	bss.wmm = false;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_FALSE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.ht_capa);
	KUNIT_EXPECT_FALSE(test, uapsd(&sta));
}

static void capab_vht_only_if_bss(struct kunit *test)
{
	struct owe_capab_bss bss = bss_all;
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add(&ies, vht_cap, sizeof(vht_cap));
	add_wmm(&ies, 0);
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NOT_NULL(test, sta.params.link_sta_params.vht_capa);
	bss.vht = false;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.vht_capa);
	KUNIT_EXPECT_NOT_NULL(test, sta.params.link_sta_params.ht_capa);
	bss.ht = false;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.ht_capa);
}

static void capab_truncated_ht(struct kunit *test)
{
	u8 short_ht[sizeof(ht_cap) - 1];
	struct ies ies = {};
	struct owe_be_sta sta;

	/* an HT Capabilities element one octet short is no HT */
	memcpy(short_ht, ht_cap, sizeof(short_ht));
	short_ht[1] = sizeof(short_ht) - 2;
	add(&ies, rates, sizeof(rates));
	add(&ies, short_ht, sizeof(short_ht));
	add_wmm(&ies, 0);
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.ht_capa);
}

static void capab_uapsd(struct kunit *test)
{
	static const u8 short_wmm[] = { 0xdd, 0x06, 0x00, 0x50, 0xf2, 0x02,
					0x00, 0x01 };
	struct owe_capab_bss bss = bss_all;
	struct ies ies = {};
	struct owe_be_sta sta;

	/* AC_VO and AC_BE delivery-enabled, max SP length 2 */
	add(&ies, rates, sizeof(rates));
	add_wmm(&ies, 0x09 | (2 << 5));
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_TRUE(test, uapsd(&sta));
	KUNIT_EXPECT_EQ(test, sta.params.uapsd_queues, 0x09);
	KUNIT_EXPECT_EQ(test, sta.params.max_sp, 2);

	bss.uapsd = false;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_FALSE(test, uapsd(&sta));
	KUNIT_EXPECT_EQ(test, sta.params.uapsd_queues, 0);

	/* a WMM element without QoS Info: WMM, but no U-APSD */
	ies.len = 0;
	add(&ies, rates, sizeof(rates));
	add(&ies, short_wmm, sizeof(short_wmm));
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss_all, &ies), 0);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_WME));
	KUNIT_EXPECT_FALSE(test, uapsd(&sta));
}

static void capab_flags(struct kunit *test)
{
	static const u8 ext_capab[] = { 0x7f, 0x03, 0x04, 0x00, 0x08 };
	static const u8 opmode[] = { 0xc7, 0x01, 0x12 };
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ext_capab, sizeof(ext_capab));
	add(&ies, opmode, sizeof(opmode));
	add_wmm(&ies, 0);
	KUNIT_ASSERT_EQ(test, owe_capab_sta(&sta, &bss_all,
					    WLAN_CAPABILITY_ESS |
					    WLAN_CAPABILITY_SHORT_PREAMBLE,
					    3, true, ies.buf, ies.len), 0);
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_SHORT_PREAMBLE));
	KUNIT_EXPECT_TRUE(test, flag(&sta, NL80211_STA_FLAG_MFP));
	KUNIT_EXPECT_TRUE(test, sta.params.sta_flags_mask &
				BIT(NL80211_STA_FLAG_MFP));
	KUNIT_EXPECT_EQ(test, sta.params.capability,
			WLAN_CAPABILITY_ESS | WLAN_CAPABILITY_SHORT_PREAMBLE);
	KUNIT_EXPECT_TRUE(test, sta.params.sta_modify_mask &
				STATION_PARAM_APPLY_CAPABILITY);
	KUNIT_EXPECT_EQ(test, sta.params.listen_interval, 3);
	KUNIT_EXPECT_EQ(test, sta.params.ext_capab_len, 3);
	KUNIT_EXPECT_PTR_EQ(test, sta.params.ext_capab,
			    &ies.buf[sizeof(rates) + 2]);
	KUNIT_EXPECT_TRUE(test, sta.params.link_sta_params.opmode_notif_used);
	KUNIT_EXPECT_EQ(test, sta.params.link_sta_params.opmode_notif, 0x12);
}

static void capab_6ghz(struct kunit *test)
{
	static const u8 he_6ghz[] = { 0xff, 0x03, WLAN_EID_EXT_HE_6GHZ_CAPA,
				      0xbd, 0x06 };
	struct owe_capab_bss bss = bss_all;
	struct ies ies = {};
	struct owe_be_sta sta;

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add(&ies, he_6ghz, sizeof(he_6ghz));
	add_wmm(&ies, 0);
	bss.band_6ghz = true;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.ht_capa);
	KUNIT_EXPECT_PTR_EQ(test,
			    (const u8 *)sta.params.link_sta_params.he_6ghz_capa,
			    &ies.buf[sizeof(rates) + sizeof(ht_cap) + 3]);
	/* not on 6 GHz: HT, and no 6 GHz capabilities */
	bss.band_6ghz = false;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NOT_NULL(test, sta.params.link_sta_params.ht_capa);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.he_6ghz_capa);
}

static void capab_he_only_if_bss(struct kunit *test)
{
	/* HE Capabilities: ext ID, MAC 6, PHY 11, 80 MHz MCS map 4 */
	u8 he[2 + 1 + 6 + 11 + 4] = { 0xff, 1 + 6 + 11 + 4,
				      WLAN_EID_EXT_HE_CAPABILITY };
	struct owe_capab_bss bss = bss_all;
	struct ies ies = {};
	struct owe_be_sta sta;

	memset(he + sizeof(he) - 4, 0xfa, 4);
	add(&ies, rates, sizeof(rates));
	add(&ies, he, sizeof(he));
	add_wmm(&ies, 0);
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.he_capa);
	bss.he = true;
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_PTR_EQ(test,
			    (const u8 *)sta.params.link_sta_params.he_capa,
			    &ies.buf[sizeof(rates) + 3]);
	KUNIT_EXPECT_EQ(test, sta.params.link_sta_params.he_capa_len, 21);
	/* truncated: no room for the MCS map its PHY capabilities promise */
	ies.len = 0;
	add(&ies, rates, sizeof(rates));
	he[1] -= 1;
	add(&ies, he, sizeof(he) - 1);
	KUNIT_ASSERT_EQ(test, fill(&sta, &bss, &ies), 0);
	KUNIT_EXPECT_NULL(test, sta.params.link_sta_params.he_capa);
}

static void capab_bss_parse(struct kunit *test)
{
	u8 wmm_param[2 + 24] = { 0xdd, 24, 0x00, 0x50, 0xf2, 0x02, 0x01,
				 0x01, 0x80 };
	struct owe_capab_bss bss = { .band_6ghz = true };
	struct ies ies = {};

	add(&ies, rates, sizeof(rates));
	add(&ies, ht_cap, sizeof(ht_cap));
	add(&ies, wmm_param, sizeof(wmm_param));
	owe_capab_bss_parse(&bss, ies.buf, ies.len);
	KUNIT_EXPECT_TRUE(test, bss.wmm);
	KUNIT_EXPECT_TRUE(test, bss.uapsd);
	KUNIT_EXPECT_TRUE(test, bss.ht);
	KUNIT_EXPECT_FALSE(test, bss.vht);
	KUNIT_EXPECT_FALSE(test, bss.he);
	KUNIT_EXPECT_TRUE(test, bss.band_6ghz);
	/* a WMM Information element (subtype 0) is no parameter set */
	ies.len = 0;
	add_wmm(&ies, 0x80);
	owe_capab_bss_parse(&bss, ies.buf, ies.len);
	KUNIT_EXPECT_FALSE(test, bss.wmm);
	KUNIT_EXPECT_FALSE(test, bss.uapsd);
	KUNIT_EXPECT_FALSE(test, bss.ht);
}

static struct kunit_case capab_cases[] = {
	KUNIT_CASE(capab_rates),
	KUNIT_CASE(capab_no_rates),
	KUNIT_CASE(capab_too_many_rates),
	KUNIT_CASE(capab_ht_without_wmm),
	KUNIT_CASE(capab_ht_with_wmm),
	KUNIT_CASE(capab_bss_without_wmm),
	KUNIT_CASE(capab_vht_only_if_bss),
	KUNIT_CASE(capab_truncated_ht),
	KUNIT_CASE(capab_uapsd),
	KUNIT_CASE(capab_flags),
	KUNIT_CASE(capab_6ghz),
	KUNIT_CASE(capab_he_only_if_bss),
	KUNIT_CASE(capab_bss_parse),
	{}
};

static struct kunit_suite capab_suite = {
	.name = "owe-capab",
	.test_cases = capab_cases,
};

kunit_test_suite(capab_suite);
