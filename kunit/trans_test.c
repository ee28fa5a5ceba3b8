// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-trans": the OWE Transition Mode element.
 * The reference octets are iwd's autotest example (an open BSS pointing
 * at 02:00:00:00:f1:00, "owe-hidden").
 */

#include <kunit/test.h>

#include "wire/trans.h"

static const u8 iwd_example[] = {
	0xdd, 0x15, 0x50, 0x6f, 0x9a, 0x1c,
	0x02, 0x00, 0x00, 0x00, 0xf1, 0x00,
	0x0a, 'o', 'w', 'e', '-', 'h', 'i', 'd', 'd', 'e', 'n',
};

static const struct owe_trans iwd_trans = {
	.bssid = { 0x02, 0x00, 0x00, 0x00, 0xf1, 0x00 },
	.ssid = "owe-hidden",
	.ssid_len = 10,
};

static void trans_build_known(struct kunit *test)
{
	u8 buf[OWE_TRANS_ELEM_MAX_LEN];
	int n;

	n = owe_trans_elem_build(buf, sizeof(buf), &iwd_trans);
	KUNIT_ASSERT_EQ(test, n, (int)sizeof(iwd_example));
	KUNIT_EXPECT_MEMEQ(test, buf, iwd_example, sizeof(iwd_example));
	KUNIT_EXPECT_EQ(test, owe_trans_elem_build(buf, n - 1, &iwd_trans),
			-ENOSPC);
}

static void trans_build_channel(struct kunit *test)
{
	struct owe_trans t = iwd_trans, back;
	u8 buf[OWE_TRANS_ELEM_MAX_LEN];
	int n;

	t.op_class = 131;
	t.channel = 37;
	n = owe_trans_elem_build(buf, sizeof(buf), &t);
	KUNIT_ASSERT_EQ(test, n, (int)sizeof(iwd_example) + 2);
	KUNIT_EXPECT_EQ(test, buf[1], 0x17);
	KUNIT_EXPECT_EQ(test, buf[n - 2], 131);
	KUNIT_EXPECT_EQ(test, buf[n - 1], 37);
	KUNIT_ASSERT_EQ(test, owe_trans_elem_parse(buf, n, &back), 0);
	KUNIT_EXPECT_EQ(test, back.op_class, 131);
	KUNIT_EXPECT_EQ(test, back.channel, 37);
	KUNIT_EXPECT_MEMEQ(test, back.bssid, t.bssid, ETH_ALEN);
}

static void trans_build_bad_ssid(struct kunit *test)
{
	struct owe_trans t = iwd_trans;
	u8 buf[OWE_TRANS_ELEM_MAX_LEN + 8];

	t.ssid_len = 0;
	KUNIT_EXPECT_EQ(test, owe_trans_elem_build(buf, sizeof(buf), &t),
			-EINVAL);
	t.ssid_len = IEEE80211_MAX_SSID_LEN + 1;
	KUNIT_EXPECT_EQ(test, owe_trans_elem_build(buf, sizeof(buf), &t),
			-EINVAL);
}

static void trans_parse_known(struct kunit *test)
{
	struct owe_trans t;

	KUNIT_ASSERT_EQ(test, owe_trans_elem_parse(iwd_example,
						   sizeof(iwd_example), &t), 0);
	KUNIT_EXPECT_MEMEQ(test, t.bssid, iwd_trans.bssid, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, t.ssid_len, 10);
	KUNIT_EXPECT_MEMEQ(test, t.ssid, "owe-hidden", 10);
	KUNIT_EXPECT_EQ(test, t.op_class, 0);
}

/**
 * struct trans_parse_case - a broken element and the error it must give
 * @desc: case name
 * @off: octet to change
 * @val: its new value
 * @len_adj: added to the buffer length handed to the parser
 * @err: expected error
 */
struct trans_parse_case {
	const char *desc;
	int off;
	u8 val;
	int len_adj;
	int err;
};

static const struct trans_parse_case trans_parse_cases[] = {
	{ .desc = "length octet past the buffer", .off = -1, .len_adj = -1,
	  .err = -EBADMSG },
	{ .desc = "another vendor OUI type", .off = 5, .val = 0x1b,
	  .err = -EINVAL },
	{ .desc = "another OUI", .off = 2, .val = 0x00, .err = -EINVAL },
	{ .desc = "not a vendor element", .off = 0, .val = 0x30,
	  .err = -EINVAL },
	{ .desc = "SSID length longer than the element", .off = 12,
	  .val = 11, .err = -EMSGSIZE },
	{ .desc = "SSID length one short of the element", .off = 12,
	  .val = 9, .err = -EMSGSIZE },
	{ .desc = "SSID length over 32", .off = 12, .val = 33,
	  .err = -EMSGSIZE },
	{ .desc = "cut before the SSID length", .off = 1, .val = 10,
	  .err = -EMSGSIZE },
};

KUNIT_ARRAY_PARAM_DESC(trans_parse, trans_parse_cases, desc);

static void trans_parse(struct kunit *test)
{
	const struct trans_parse_case *c = test->param_value;
	u8 buf[sizeof(iwd_example)];
	struct owe_trans t;

	memcpy(buf, iwd_example, sizeof(buf));
	if (c->off >= 0)
		buf[c->off] = c->val;
	KUNIT_EXPECT_EQ(test, owe_trans_elem_parse(buf, sizeof(buf) + c->len_adj,
						   &t), c->err);
}

static struct kunit_case owe_trans_cases[] = {
	KUNIT_CASE(trans_build_known),
	KUNIT_CASE(trans_build_channel),
	KUNIT_CASE(trans_build_bad_ssid),
	KUNIT_CASE(trans_parse_known),
	KUNIT_CASE_PARAM(trans_parse, trans_parse_gen_params),
	{}
};

static struct kunit_suite owe_trans_suite = {
	.name = "owe-trans",
	.test_cases = owe_trans_cases,
};

kunit_test_suite(owe_trans_suite);
