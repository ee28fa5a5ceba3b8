// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-ie": the Diffie-Hellman Parameter element.
 * Public keys are the client keys of ../shared vectors (owe-vectors.txt).
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>

#include "crypto/point.h"
#include "wire/dh_elem.h"

static const u8 c19[32] = {
	0xe1, 0xe7, 0xe6, 0xfc, 0x8c, 0x5c, 0x38, 0xa2,
	0xfa, 0x2e, 0x56, 0xf7, 0x6b, 0x43, 0x82, 0xa1,
	0xe5, 0xa3, 0xf4, 0x3b, 0x41, 0x5e, 0xa4, 0x28,
	0x13, 0x17, 0x4e, 0x63, 0x4b, 0xb2, 0xfd, 0x75,
};

static const u8 c20[48] = {
	0x54, 0xf0, 0x04, 0x39, 0xad, 0x5e, 0xff, 0xfa,
	0xfd, 0x53, 0xf0, 0x56, 0x3f, 0x8d, 0x32, 0x7e,
	0xd1, 0xb2, 0xcb, 0x89, 0x45, 0xb1, 0xbb, 0x6d,
	0xc8, 0x37, 0xe9, 0xfd, 0xbb, 0x68, 0xb4, 0xf2,
	0x10, 0x72, 0x4a, 0x4c, 0xa9, 0xfb, 0xf0, 0x97,
	0x10, 0xa4, 0xf8, 0x31, 0x89, 0xa8, 0xbf, 0x85,
};

static const u8 c21[66] = {
	0x00, 0xd4, 0xb3, 0xfc, 0x06, 0x71, 0xb6, 0x15,
	0x9d, 0x1e, 0xdc, 0x00, 0xf1, 0x48, 0x1d, 0xdb,
	0xd9, 0x90, 0xbb, 0x00, 0xa0, 0x58, 0x16, 0xa6,
	0x58, 0xde, 0x77, 0x19, 0xd3, 0xf3, 0xfc, 0x78,
	0xd6, 0x62, 0xf7, 0x56, 0xa5, 0x13, 0x78, 0x16,
	0xe7, 0x76, 0x1a, 0x7d, 0xbe, 0x0f, 0x8e, 0x45,
	0xfa, 0x69, 0xa3, 0x68, 0x36, 0xed, 0x02, 0xa4,
	0x58, 0x44, 0xe2, 0x09, 0x0a, 0x09, 0x4b, 0xa0,
	0x13, 0x47,
};

/* P-256 prime and prime + 1 */
static const u8 p256[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
	[20 ... 31] = 0xff,
};

static const u8 p256_plus1[32] = {
	0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
	[19] = 0x01,
};

static const u8 p521[66] = { 0x01, [1 ... 65] = 0xff };
/* smallest x with no point: 1 on P-256 and P-384, 3 on P-521 */
static const u8 x1_32[32] = { [31] = 1 };
static const u8 x1_48[48] = { [47] = 1 };
static const u8 x3_66[66] = { [65] = 3 };
/* smallest x with a point: 5 on P-256, 1 on P-521 */
static const u8 x5_32[32] = { [31] = 5 };
static const u8 x1_66[66] = { [65] = 1 };
static const u8 ones32[32] = { [0 ... 31] = 0xff };
static const u8 zero32[32];

/**
 * struct dh_parse_case - one DH element parser input
 * @desc: case name
 * @group: group number written into the element
 * @key: public key octets
 * @key_len: octets of @key written
 * @len_adj: added to the element's length octet (a lying length)
 * @buf_adj: added to the buffer length handed to the parser
 * @ext_id: Element ID Extension written (0 means the DH one)
 * @groups: groups enabled; 0 means all
 * @err: expected return value
 * @status: expected status code for that return value
 */
struct dh_parse_case {
	const char *desc;
	u16 group;
	const u8 *key;
	u8 key_len;
	int len_adj;
	int buf_adj;
	u8 ext_id;
	u32 groups;
	int err;
	u16 status;
};

static const struct dh_parse_case dh_parse_cases[] = {
	{ .desc = "group 19 client key", .group = 19, .key = c19, .key_len = 32 },
	{ .desc = "group 20 client key", .group = 20, .key = c20, .key_len = 48 },
	{ .desc = "group 21 client key", .group = 21, .key = c21, .key_len = 66 },
	{ .desc = "trailing elements after the element are fine", .group = 19,
	  .key = c19, .key_len = 32, .buf_adj = 7 },
	{ .desc = "truncated key", .group = 19, .key = c19, .key_len = 31,
	  .err = -EMSGSIZE, .status = 1 },
	{ .desc = "overlong key", .group = 19, .key = c20, .key_len = 33,
	  .err = -EMSGSIZE, .status = 1 },
	{ .desc = "group 20 with a group 19 sized key", .group = 20,
	  .key = c19, .key_len = 32, .err = -EMSGSIZE, .status = 1 },
	{ .desc = "length octet runs past the buffer", .group = 19,
	  .key = c19, .key_len = 32, .buf_adj = -1, .err = -EBADMSG,
	  .status = 1 },
	{ .desc = "length octet claims more than the key", .group = 19,
	  .key = c19, .key_len = 32, .len_adj = 1, .err = -EBADMSG,
	  .status = 1 },
	{ .desc = "no group field", .group = 19, .key = c19, .key_len = 0,
	  .len_adj = -2, .err = -EBADMSG, .status = 1 },
	{ .desc = "group 0", .group = 0, .key = c19, .key_len = 32,
	  .err = -EOPNOTSUPP, .status = 77 },
	{ .desc = "group 18", .group = 18, .key = c19, .key_len = 32,
	  .err = -EOPNOTSUPP, .status = 77 },
	{ .desc = "group 22", .group = 22, .key = c19, .key_len = 32,
	  .err = -EOPNOTSUPP, .status = 77 },
	{ .desc = "group 65535", .group = 65535, .key = c19, .key_len = 32,
	  .err = -EOPNOTSUPP, .status = 77 },
	{ .desc = "group 19 when only 20 and 21 are enabled", .group = 19,
	  .key = c19, .key_len = 32, .groups = BIT(20) | BIT(21),
	  .err = -EOPNOTSUPP, .status = 77 },
	{ .desc = "x = 0", .group = 19, .key = zero32, .key_len = 32,
	  .err = -ERANGE, .status = 1 },
	{ .desc = "x = p", .group = 19, .key = p256, .key_len = 32,
	  .err = -ERANGE, .status = 1 },
	{ .desc = "x = p + 1", .group = 19, .key = p256_plus1, .key_len = 32,
	  .err = -ERANGE, .status = 1 },
	{ .desc = "x = 2^256 - 1", .group = 19, .key = ones32, .key_len = 32,
	  .err = -ERANGE, .status = 1 },
	{ .desc = "x = p on P-521", .group = 21, .key = p521, .key_len = 66,
	  .err = -ERANGE, .status = 1 },
	{ .desc = "x = 1 is not on P-256", .group = 19, .key = x1_32,
	  .key_len = 32, .err = -EDOM, .status = 1 },
	{ .desc = "x = 1 is not on P-384", .group = 20, .key = x1_48,
	  .key_len = 48, .err = -EDOM, .status = 1 },
	{ .desc = "x = 3 is not on P-521", .group = 21, .key = x3_66,
	  .key_len = 66, .err = -EDOM, .status = 1 },
	{ .desc = "x = 5 is on P-256", .group = 19, .key = x5_32,
	  .key_len = 32 },
	{ .desc = "x = 1 is on P-521", .group = 21, .key = x1_66,
	  .key_len = 66 },
	{ .desc = "another element extension", .group = 19, .key = c19,
	  .key_len = 32, .ext_id = WLAN_EID_EXT_FILS_PUBLIC_KEY,
	  .err = -EINVAL, .status = 1 },
};

KUNIT_ARRAY_PARAM_DESC(dh_parse, dh_parse_cases, desc);

static void dh_parse(struct kunit *test)
{
	const struct dh_parse_case *c = test->param_value;
	struct owe_dh_elem dh = {};
	size_t len;
	u8 *buf;
	int ret;

	buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	buf[0] = WLAN_EID_EXTENSION;
	buf[1] = 3 + c->key_len + c->len_adj;
	buf[2] = c->ext_id ?: WLAN_EID_EXT_OWE_DH_PARAM;
	buf[3] = c->group & 0xff;
	buf[4] = c->group >> 8;
	memcpy(&buf[5], c->key, c->key_len);
	len = OWE_DH_ELEM_HDR_LEN + c->key_len + c->buf_adj;

	ret = owe_dh_elem_parse(buf, len, c->groups ?: OWE_GROUPS_ALL, &dh);
	/* the codec leaves the curve to the curve code */
	KUNIT_EXPECT_EQ(test, ret, c->err == -EDOM ? 0 : c->err);
	memset(&dh, 0, sizeof(dh));
	ret = owe_dh_elem_validate(buf, len, c->groups ?: OWE_GROUPS_ALL, &dh);
	KUNIT_EXPECT_EQ(test, ret, c->err);
	KUNIT_EXPECT_EQ(test, owe_dh_status(ret), c->err ? c->status : 0);
	if (ret)
		return;
	KUNIT_ASSERT_NOT_NULL(test, dh.group);
	KUNIT_EXPECT_EQ(test, dh.group->id, c->group);
	KUNIT_EXPECT_EQ(test, dh.group->prime_len, c->key_len);
	KUNIT_EXPECT_PTR_EQ(test, dh.key, (const u8 *)&buf[5]);
	KUNIT_EXPECT_MEMEQ(test, dh.key, c->key, c->key_len);
}

static void dh_parse_empty(struct kunit *test)
{
	static const u8 one[1] = { WLAN_EID_EXTENSION };
	struct owe_dh_elem dh = {};

	KUNIT_EXPECT_EQ(test, owe_dh_elem_parse(one, 0, OWE_GROUPS_ALL, &dh),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, owe_dh_elem_parse(one, 1, OWE_GROUPS_ALL, &dh),
			-EBADMSG);
	KUNIT_EXPECT_NULL(test, dh.group);
}

static void dh_build_round_trip(struct kunit *test)
{
	static const struct {
		u16 id;
		const u8 *key;
	} keys[] = { { 19, c19 }, { 20, c20 }, { 21, c21 } };
	u8 buf[OWE_DH_ELEM_MAX_LEN];
	struct owe_dh_elem dh;
	unsigned int i;
	int n;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		const struct owe_group *g = owe_group_get(keys[i].id);

		KUNIT_ASSERT_NOT_NULL(test, g);
		n = owe_dh_elem_build(buf, sizeof(buf), g, keys[i].key);
		KUNIT_ASSERT_EQ(test, n, OWE_DH_ELEM_HDR_LEN + g->prime_len);
		KUNIT_EXPECT_EQ(test, buf[1], 3 + g->prime_len);
		KUNIT_ASSERT_EQ(test, owe_dh_elem_parse(buf, n, BIT(g->id), &dh),
				0);
		KUNIT_EXPECT_PTR_EQ(test, dh.group, g);
		KUNIT_EXPECT_MEMEQ(test, dh.key, keys[i].key, g->prime_len);
		KUNIT_EXPECT_EQ(test, owe_dh_elem_build(buf, n - 1, g,
							keys[i].key), -ENOSPC);
	}
}

static void dh_build_header(struct kunit *test)
{
	static const u8 hdr19[] = { 0xff, 0x23, 0x20, 0x13, 0x00 };
	static const u8 hdr21[] = { 0xff, 0x45, 0x20, 0x15, 0x00 };
	u8 buf[OWE_DH_ELEM_MAX_LEN];

	KUNIT_ASSERT_EQ(test, owe_dh_elem_build(buf, sizeof(buf),
						owe_group_get(19), c19), 37);
	KUNIT_EXPECT_MEMEQ(test, buf, hdr19, sizeof(hdr19));
	KUNIT_ASSERT_EQ(test, owe_dh_elem_build(buf, sizeof(buf),
						owe_group_get(21), c21), 71);
	KUNIT_EXPECT_MEMEQ(test, buf, hdr21, sizeof(hdr21));
}

static void group_table(struct kunit *test)
{
	static const struct {
		u16 id;
		u8 prime, hash, kck, kek, mic;
	} want[] = {
		{ 19, 32, 32, 16, 16, 16 },
		{ 20, 48, 48, 24, 32, 24 },
		{ 21, 66, 64, 32, 32, 32 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(want); i++) {
		const struct owe_group *g = owe_group_get(want[i].id);

		KUNIT_ASSERT_NOT_NULL(test, g);
		KUNIT_EXPECT_EQ(test, g->prime_len, want[i].prime);
		KUNIT_EXPECT_EQ(test, g->hash_len, want[i].hash);
		KUNIT_EXPECT_EQ(test, g->kck_len, want[i].kck);
		KUNIT_EXPECT_EQ(test, g->kek_len, want[i].kek);
		KUNIT_EXPECT_EQ(test, g->mic_len, want[i].mic);
	}
	KUNIT_EXPECT_NULL(test, owe_group_get(0));
	KUNIT_EXPECT_NULL(test, owe_group_get(18));
	KUNIT_EXPECT_NULL(test, owe_group_get(22));
	KUNIT_EXPECT_MEMEQ(test, owe_group_get(19)->prime, p256, 32);
	KUNIT_EXPECT_MEMEQ(test, owe_group_get(21)->prime, p521, 66);
}

static struct kunit_case owe_ie_cases[] = {
	KUNIT_CASE_PARAM(dh_parse, dh_parse_gen_params),
	KUNIT_CASE(dh_parse_empty),
	KUNIT_CASE(dh_build_round_trip),
	KUNIT_CASE(dh_build_header),
	KUNIT_CASE(group_table),
	{}
};

static struct kunit_suite owe_ie_suite = {
	.name = "owe-ie",
	.test_cases = owe_ie_cases,
};

kunit_test_suite(owe_ie_suite);
