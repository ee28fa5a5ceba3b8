// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-rsne": the OWE BSS's RSNE writer (hostapd's bytes) and
 * the parser for clients' RSNEs.
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>

#include "wire/rsne.h"
#include "vectors.h"

static const u8 pmkid_a[16] = { [0 ... 15] = 0xa5 };

/**
 * struct rsne_build_case - writer input and the bytes it must give
 * @desc: case name
 * @p: writer input
 * @want: expected element
 * @len: octets of @want, or the expected negative error
 */
struct rsne_build_case {
	const char *desc;
	struct owe_rsne_params p;
	u8 want[OWE_RSNE_MAX_LEN];
	int len;
};

static const struct rsne_build_case rsne_build_cases[] = {
	{ "CCMP, PMF required (hostapd default)",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_REQUIRED },
	  { 0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0xcc, 0x00 }, 22 },
	{ "CCMP, PMF off",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_OFF },
	  { 0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0x0c, 0x00 }, 22 },
	{ "CCMP, PMF optional, BIP-CMAC-128 not written",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_OPTIONAL,
	    WLAN_CIPHER_SUITE_AES_CMAC },
	  { 0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0x8c, 0x00 }, 22 },
	{ "GCMP-256, BIP-GMAC-256: PMKID count 0 then the suite",
	  { WLAN_CIPHER_SUITE_GCMP_256, WLAN_CIPHER_SUITE_GCMP_256,
	    OWE_PMF_REQUIRED, WLAN_CIPHER_SUITE_BIP_GMAC_256 },
	  { 0x30, 0x1a, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x09, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x09, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0xcc, 0x00, 0x00, 0x00, 0x00, 0x0f, 0xac, 0x0c }, 28 },
	{ "PMKSA caching: one PMKID",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_REQUIRED,
	    0, pmkid_a },
	  { 0x30, 0x26, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0xcc, 0x00, 0x01, 0x00, [24 ... 39] = 0xa5 }, 40 },
	{ "PMKID and BIP-CMAC-256",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_REQUIRED,
	    WLAN_CIPHER_SUITE_BIP_CMAC_256, pmkid_a },
	  { 0x30, 0x2a, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x04, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x12,
	    0xcc, 0x00, 0x01, 0x00, [24 ... 39] = 0xa5,
	    0x00, 0x0f, 0xac, 0x0d }, 44 },
	{ "TKIP pairwise",
	  { WLAN_CIPHER_SUITE_TKIP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_OFF },
	  {}, -EINVAL },
	{ "group management cipher without PMF",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_OFF,
	    WLAN_CIPHER_SUITE_BIP_GMAC_256 },
	  {}, -EINVAL },
	{ "CCMP as group management cipher",
	  { WLAN_CIPHER_SUITE_CCMP, WLAN_CIPHER_SUITE_CCMP, OWE_PMF_REQUIRED,
	    WLAN_CIPHER_SUITE_CCMP },
	  {}, -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(rsne_build, rsne_build_cases, desc);

/* writer bytes; parse of what it wrote gives back its input */
static void rsne_build(struct kunit *test)
{
	const struct rsne_build_case *bc = test->param_value;
	u8 buf[OWE_RSNE_MAX_LEN];
	struct owe_rsne r;
	int len;

	len = owe_rsne_build(buf, sizeof(buf), &bc->p);
	KUNIT_ASSERT_EQ(test, len, bc->len);
	if (len < 0)
		return;
	KUNIT_EXPECT_MEMEQ(test, buf, bc->want, len);
	KUNIT_EXPECT_EQ(test, owe_rsne_build(buf, len - 1, &bc->p), -ENOSPC);

	KUNIT_ASSERT_EQ(test, owe_rsne_build(buf, len, &bc->p), len);
	KUNIT_ASSERT_EQ(test, owe_rsne_parse(buf, len, &r), 0);
	KUNIT_EXPECT_EQ(test, r.version, 1);
	KUNIT_EXPECT_EQ(test, r.group, bc->p.group);
	KUNIT_EXPECT_EQ(test, r.pairwise, bc->p.pairwise);
	KUNIT_EXPECT_EQ(test, r.pairwise_count, 1);
	KUNIT_EXPECT_EQ(test, r.akm, WLAN_AKM_SUITE_OWE);
	KUNIT_EXPECT_EQ(test, r.akm_count, 1);
	KUNIT_EXPECT_TRUE(test, r.owe_akm);
	KUNIT_EXPECT_EQ(test, r.mfpc, bc->p.pmf != OWE_PMF_OFF);
	KUNIT_EXPECT_EQ(test, r.mfpr, bc->p.pmf == OWE_PMF_REQUIRED);
	KUNIT_EXPECT_EQ(test, r.pmkid_count, bc->p.pmkid ? 1 : 0);
	if (bc->p.pmkid)
		KUNIT_EXPECT_MEMEQ(test, r.pmkids, bc->p.pmkid, 16);
	if (bc->p.group_mgmt == WLAN_CIPHER_SUITE_AES_CMAC)
		KUNIT_EXPECT_EQ(test, r.group_mgmt, 0);
	else
		KUNIT_EXPECT_EQ(test, r.group_mgmt, bc->p.group_mgmt);
}

/**
 * struct rsne_parse_case - a client RSNE and what the parser must say
 * @desc: case name
 * @ie: the element
 * @len: octets handed to the parser
 * @err: expected return value
 * @akm: expected first AKM (on success)
 * @owe_akm: expected OWE AKM flag
 * @pmkids: expected PMKID count
 * @mfpc: expected MFPC
 */
struct rsne_parse_case {
	const char *desc;
	u8 ie[64];
	u8 len;
	int err;
	u32 akm;
	bool owe_akm;
	u16 pmkids;
	bool mfpc;
};

static const struct rsne_parse_case rsne_parse_cases[] = {
	{ "wpa_supplicant OWE, PMF capable",
	  { 0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12, 0x80, 0x00 }, 22, 0,
	  WLAN_AKM_SUITE_OWE, true, 0, true },
	{ "OWE with two PMKIDs",
	  { 0x30, 0x36, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12, 0x00, 0x00, 0x02, 0x00,
	    [24 ... 55] = 0x11 }, 56, 0, WLAN_AKM_SUITE_OWE, true, 2, false },
	{ "PSK then OWE in the AKM list",
	  { 0x30, 0x18, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x02, 0x00,
	    0x00, 0x0f, 0xac, 0x02, 0x00, 0x0f, 0xac, 0x12,
	    0x00, 0x00 }, 26, 0,
	  SUITE(0x000FAC, 2), true, 0, false },
	{ "ends after the version: defaults",
	  { 0x30, 0x02, 0x01, 0x00 }, 4, 0, SUITE(0x000FAC, 1), false, 0 },
	{ "ends after the AKM list",
	  { 0x30, 0x12, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12 }, 20, 0, WLAN_AKM_SUITE_OWE, true, 0 },
	{ "zero AKM suites",
	  { 0x30, 0x12, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x00, 0x00,
	    0x00, 0x00, 0x00, 0x00 }, 20,
	  -ENODATA },
	{ "zero pairwise suites",
	  { 0x30, 0x12, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12 }, 20,
	  -ENODATA },
	{ "truncated pairwise suite list",
	  { 0x30, 0x0c, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x02, 0x00, 0x00, 0x0f, 0xac, 0x04 }, 14, -EMSGSIZE },
	{ "truncated AKM suite",
	  { 0x30, 0x11, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac }, 19,
	  -EMSGSIZE },
	{ "truncated group suite",
	  { 0x30, 0x04, 0x01, 0x00, 0x00, 0x0f }, 6, -EMSGSIZE },
	{ "half a capabilities field",
	  { 0x30, 0x13, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12, 0x80 }, 21, -EMSGSIZE },
	{ "PMKID count past the element",
	  { 0x30, 0x26, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12, 0x00, 0x00, 0x02, 0x00,
	    [24 ... 39] = 0x11 }, 40, -EMSGSIZE },
	{ "version 2",
	  { 0x30, 0x02, 0x02, 0x00 }, 4, -EPROTONOSUPPORT },
	{ "not an RSNE",
	  { 0xdd, 0x02, 0x01, 0x00 }, 4, -EINVAL },
	{ "length octet past the buffer",
	  { 0x30, 0x14, 0x01, 0x00, 0x00, 0x0f, 0xac, 0x04,
	    0x01, 0x00, 0x00, 0x0f, 0xac, 0x04, 0x01, 0x00,
	    0x00, 0x0f, 0xac, 0x12, 0x80, 0x00 }, 21, -EBADMSG },
	{ "one octet", { 0x30 }, 1, -EBADMSG },
};

KUNIT_ARRAY_PARAM_DESC(rsne_parse, rsne_parse_cases, desc);

static void rsne_parse(struct kunit *test)
{
	const struct rsne_parse_case *pc = test->param_value;
	struct owe_rsne r;
	int ret;

	ret = owe_rsne_parse(pc->ie, pc->len, &r);
	KUNIT_ASSERT_EQ(test, ret, pc->err);
	if (ret)
		return;
	KUNIT_EXPECT_EQ(test, r.akm, pc->akm);
	KUNIT_EXPECT_EQ(test, r.owe_akm, pc->owe_akm);
	KUNIT_EXPECT_EQ(test, r.pmkid_count, pc->pmkids);
	KUNIT_EXPECT_EQ(test, r.mfpc, pc->mfpc);
	KUNIT_EXPECT_EQ(test, r.pairwise, WLAN_CIPHER_SUITE_CCMP);
	if (pc->pmkids)
		KUNIT_EXPECT_PTR_EQ(test, r.pmkids, (const u8 *)&pc->ie[24]);
}

/* the vectors' message 3 RSNE is the writer's default output */
static void rsne_matches_vectors(struct kunit *test)
{
	struct owe_rsne_params p = {
		.pairwise = WLAN_CIPHER_SUITE_CCMP,
		.group = WLAN_CIPHER_SUITE_CCMP,
		.pmf = OWE_PMF_REQUIRED,
	};
	u8 buf[OWE_RSNE_MAX_LEN];

	KUNIT_ASSERT_EQ(test, owe_rsne_build(buf, sizeof(buf), &p),
			sizeof(owe_test_rsne));
	KUNIT_EXPECT_MEMEQ(test, buf, owe_test_rsne, sizeof(owe_test_rsne));
}

static struct kunit_case owe_rsne_cases[] = {
	KUNIT_CASE_PARAM(rsne_build, rsne_build_gen_params),
	KUNIT_CASE_PARAM(rsne_parse, rsne_parse_gen_params),
	KUNIT_CASE(rsne_matches_vectors),
	{}
};

static struct kunit_suite owe_rsne_suite = {
	.name = "owe-rsne",
	.test_cases = owe_rsne_cases,
};

kunit_test_suite(owe_rsne_suite);
