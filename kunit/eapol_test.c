// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-eapol": EAPOL-Key build/parse/MIC/verify for key
 * descriptor version 0, Key Data key wrap with the 0xdd padding rule, and
 * the KDE writers, against the vectors and round trips.
 */

#include <kunit/test.h>
#include <linux/ieee80211.h>
#include <linux/random.h>

#include "crypto/eapol_mic.h"
#include "wire/eapol_key.h"
#include "wire/kde.h"
#include "crypto/kdf.h"
#include "wire/rsne.h"
#include "vectors.h"

KUNIT_ARRAY_PARAM_DESC(vector, owe_test_vectors, desc);

static int owe_eapol_test_init(struct kunit *test)
{
	struct owe_crypto *c = owe_crypto_alloc();

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, c);
	test->priv = c;
	return 0;
}

static void owe_eapol_test_exit(struct kunit *test)
{
	owe_crypto_free(test->priv);
}

/* the message 2 shaped frame of the vectors: Pairwise | MIC, replay 1 */
static int build_m2(const struct owe_group *g, u8 *buf, size_t len)
{
	struct owe_eapol_key k = {
		.version = 2,
		.key_info = OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_MIC,
		.key_len = 16,
		.replay = 1,
		.nonce = owe_test_snonce,
	};

	return owe_eapol_key_build(buf, len, g, &k);
}

static void eapol_build_kat(struct kunit *test)
{
	const struct owe_group *g = owe_group_get(19);
	u8 buf[128];

	memset(buf, 0xee, sizeof(buf));
	KUNIT_ASSERT_EQ(test, build_m2(g, buf, sizeof(buf)), 99);
	KUNIT_EXPECT_MEMEQ(test, buf, owe_test_m2_g19, 99);
	KUNIT_EXPECT_EQ(test, build_m2(g, buf, 98), -ENOSPC);
	KUNIT_EXPECT_EQ(test, build_m2(owe_group_get(20), buf, sizeof(buf)),
			99 + 8);
	KUNIT_EXPECT_EQ(test, build_m2(owe_group_get(21), buf, sizeof(buf)),
			99 + 16);
}

/* MIC known answer per group, sign/verify, tampering */
static void eapol_mic_kat(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	struct owe_crypto *c = test->priv;
	u8 buf[128], mic[32];
	int len;

	len = build_m2(g, buf, sizeof(buf));
	KUNIT_ASSERT_GT(test, len, 0);
	KUNIT_ASSERT_EQ(test, owe_eapol_key_mic(c, g, v->kck, buf, len, mic),
			0);
	KUNIT_EXPECT_MEMEQ(test, mic, v->mic, g->mic_len);

	KUNIT_ASSERT_EQ(test, owe_eapol_key_sign(c, g, v->kck, buf, len), 0);
	KUNIT_EXPECT_MEMEQ(test, &buf[OWE_EAPOL_KEY_MIC_OFF], v->mic,
			   g->mic_len);
	/* the MIC field's content does not enter the MIC */
	KUNIT_ASSERT_EQ(test, owe_eapol_key_mic(c, g, v->kck, buf, len, mic),
			0);
	KUNIT_EXPECT_MEMEQ(test, mic, v->mic, g->mic_len);
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kck, buf, len), 0);
	/* Ethernet padding after the body is not covered */
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kck, buf, len + 5),
			0);

	buf[OWE_EAPOL_KEY_MIC_OFF + g->mic_len - 1] ^= 0x01;
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kck, buf, len),
			-EKEYREJECTED);
	buf[OWE_EAPOL_KEY_MIC_OFF + g->mic_len - 1] ^= 0x01;
	buf[20] ^= 0x80;	/* a nonce bit */
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kck, buf, len),
			-EKEYREJECTED);
	buf[20] ^= 0x80;
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kek, buf, len),
			-EKEYREJECTED);
	buf[5] &= ~0x01;	/* Key Information bit 8: MIC */
	KUNIT_EXPECT_EQ(test, owe_eapol_key_verify(c, g, v->kck, buf, len),
			-ENODATA);
}

static void eapol_parse_round_trip(struct kunit *test)
{
	static const u8 rsc[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	static const u8 kd[30] = { [0 ... 29] = 0x42 };
	struct owe_eapol_key in = {
		.version = 2,
		.key_info = OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_ACK |
			    OWE_KEY_INFO_MIC | OWE_KEY_INFO_INSTALL |
			    OWE_KEY_INFO_SECURE | OWE_KEY_INFO_ENC_KEY_DATA,
		.key_len = 32,
		.replay = 0x0102030405060708ULL,
		.nonce = owe_test_anonce,
		.rsc = rsc,
		.key_data = kd,
		.key_data_len = sizeof(kd),
	};
	struct owe_eapol_key out;
	unsigned int i;
	u8 buf[256];
	int len;

	for (i = 0; i < ARRAY_SIZE(owe_test_vectors); i++) {
		const struct owe_group *g =
			owe_group_get(owe_test_vectors[i].group);

		len = owe_eapol_key_build(buf, sizeof(buf), g, &in);
		KUNIT_ASSERT_EQ(test, len, owe_eapol_key_len(g, sizeof(kd)));
		KUNIT_ASSERT_EQ(test, owe_eapol_key_parse(buf, len, g, &out),
				0);
		KUNIT_EXPECT_EQ(test, out.version, in.version);
		KUNIT_EXPECT_EQ(test, out.key_info, in.key_info);
		KUNIT_EXPECT_EQ(test, out.key_len, in.key_len);
		KUNIT_EXPECT_EQ(test, out.replay, in.replay);
		KUNIT_EXPECT_MEMEQ(test, out.nonce, in.nonce, 32);
		KUNIT_EXPECT_MEMEQ(test, out.rsc, rsc, sizeof(rsc));
		KUNIT_EXPECT_PTR_EQ(test, out.mic,
				    (const u8 *)&buf[OWE_EAPOL_KEY_MIC_OFF]);
		KUNIT_EXPECT_EQ(test, out.key_data_len, sizeof(kd));
		KUNIT_EXPECT_MEMEQ(test, out.key_data, kd, sizeof(kd));
	}
	in.key_info |= 2;	/* HMAC-SHA1-MIC/AES key wrap: not for OWE */
	KUNIT_EXPECT_EQ(test, owe_eapol_key_build(buf, sizeof(buf),
						  owe_group_get(19), &in),
			-EINVAL);
}

/**
 * struct eapol_parse_case - a malformed EAPOL-Key frame
 * @desc: case name
 * @off: octet to overwrite (-1: none)
 * @val: value written at @off
 * @val16: when true, write @val as BE16 at @off
 * @len_adj: added to the frame length handed to the parser
 * @err: expected error
 */
struct eapol_parse_case {
	const char *desc;
	int off;
	u16 val;
	bool val16;
	int len_adj;
	int err;
};

/* group 19 message 2 with 8 octets of Key Data: 107 octets */
static const struct eapol_parse_case eapol_parse_cases[] = {
	{ "well formed", -1, 0, false, 0, 0 },
	{ "truncated below the fixed part", -1, 0, false, -9, -EBADMSG },
	{ "not an EAPOL-Key packet (EAP)", 1, 0, false, 0, -EPROTO },
	{ "body length past the buffer", 2, 104, true, 0, -EMSGSIZE },
	{ "body length below the fixed part", 2, 94, true, 0, -EBADMSG },
	{ "descriptor type 254 (WPA)", 4, 254, false, 0, -EPROTONOSUPPORT },
	{ "key descriptor version 2", 5, 0x010a, true, 0, -EOPNOTSUPP },
	{ "key descriptor version 3", 5, 0x010b, true, 0, -EOPNOTSUPP },
	{ "key data length past the frame", 97, 9, true, 0, -EOVERFLOW },
	{ "key data length far past the frame", 97, 0xffff, true, 0,
	  -EOVERFLOW },
	{ "key data length 0", 97, 0, true, 0, 0 },
};

KUNIT_ARRAY_PARAM_DESC(eapol_parse, eapol_parse_cases, desc);

static void eapol_parse_negative(struct kunit *test)
{
	const struct eapol_parse_case *pc = test->param_value;
	const struct owe_group *g = owe_group_get(19);
	static const u8 kd[8] = { 0xdd, 0x06 };
	struct owe_eapol_key k = {
		.version = 2, .key_info = OWE_KEY_INFO_PAIRWISE,
		.key_data = kd, .key_data_len = sizeof(kd),
	};
	struct owe_eapol_key out = {};
	u8 *buf;
	int len;

	buf = kunit_kzalloc(test, 128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = owe_eapol_key_build(buf, 128, g, &k);
	KUNIT_ASSERT_EQ(test, len, 107);
	if (pc->off >= 0 && pc->val16)
		put_unaligned_be16(pc->val, &buf[pc->off]);
	else if (pc->off >= 0)
		buf[pc->off] = pc->val;
	KUNIT_EXPECT_EQ(test, owe_eapol_key_parse(buf, len + pc->len_adj, g,
						  &out), pc->err);
	if (!pc->err)
		KUNIT_EXPECT_PTR_EQ(test, out.key_data, (const u8 *)&buf[99]);
}

/* message 3 Key Data from the writers, padded and wrapped: the vector */
static void key_data_wrap_kat(struct kunit *test)
{
	const struct owe_test_vector *v = test->param_value;
	const struct owe_group *g = owe_group_get(v->group);
	struct owe_rsne_params rp = {
		.pairwise = WLAN_CIPHER_SUITE_CCMP,
		.group = WLAN_CIPHER_SUITE_CCMP,
		.pmf = OWE_PMF_REQUIRED,
	};
	struct owe_crypto *c = test->priv;
	u8 *plain, *wrapped, *out;
	int n, len;

	plain = kunit_kzalloc(test, 64, GFP_KERNEL);
	wrapped = kunit_kzalloc(test, 64, GFP_KERNEL);
	out = kunit_kzalloc(test, 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, wrapped);
	KUNIT_ASSERT_NOT_NULL(test, out);

	len = owe_rsne_build(plain, 64, &rp);
	KUNIT_ASSERT_EQ(test, len, 22);
	n = owe_kde_gtk(plain + len, 64 - len, 1, false, owe_test_gtk, 16);
	KUNIT_ASSERT_EQ(test, n, 24);
	len += n;
	KUNIT_EXPECT_MEMEQ(test, plain, owe_test_m3_plain, len);
	KUNIT_EXPECT_EQ(test, owe_key_data_wrap_len(len), 56);

	n = owe_key_data_wrap(c, v->kek, g->kek_len, plain, len, wrapped, 64);
	KUNIT_ASSERT_EQ(test, n, 56);
	KUNIT_EXPECT_MEMEQ(test, wrapped, v->m3_wrapped, 56);

	KUNIT_ASSERT_EQ(test, owe_key_data_unwrap(c, v->kek, g->kek_len,
						  wrapped, 56, out, 64), 48);
	KUNIT_EXPECT_MEMEQ(test, out, owe_test_m3_plain, 48);

	/* wrong KEK: rejected, nothing written */
	memset(out, 0x77, 64);
	KUNIT_EXPECT_EQ(test, owe_key_data_unwrap(c, v->kck, g->kek_len,
						  wrapped, 56, out, 64),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, out[0], 0x77);
	wrapped[30] ^= 0x10;
	KUNIT_EXPECT_EQ(test, owe_key_data_unwrap(c, v->kek, g->kek_len,
						  wrapped, 56, out, 64),
			-EKEYREJECTED);
	KUNIT_EXPECT_EQ(test, owe_key_data_unwrap(c, v->kek, g->kek_len,
						  wrapped, 52, out, 64),
			-EMSGSIZE);
	KUNIT_EXPECT_EQ(test, owe_key_data_unwrap(c, v->kek, g->kek_len,
						  wrapped, 16, out, 64),
			-EMSGSIZE);
	KUNIT_EXPECT_EQ(test, owe_key_data_unwrap(c, v->kek, g->kek_len,
						  wrapped, 56, out, 47),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, owe_key_data_wrap(c, v->kek, g->kek_len, plain,
						len, wrapped, 55), -ENOSPC);
	KUNIT_EXPECT_EQ(test, owe_key_data_wrap(c, v->kek, 24, plain, len,
						wrapped, 64), -EINVAL);
}

/* wrap then unwrap is the padded plaintext, for every length */
static void key_data_wrap_round_trip(struct kunit *test)
{
	u8 *plain, *wrapped, *out, kek[32];
	struct owe_crypto *c = test->priv;
	size_t len, wlen;
	int n;

	plain = kunit_kzalloc(test, 300, GFP_KERNEL);
	wrapped = kunit_kzalloc(test, 320, GFP_KERNEL);
	out = kunit_kzalloc(test, 320, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, wrapped);
	KUNIT_ASSERT_NOT_NULL(test, out);
	get_random_bytes(kek, sizeof(kek));

	for (len = 1; len <= 300; len++) {
		size_t klen = len % 2 ? 16 : 32;

		get_random_bytes(plain, len);
		wlen = owe_key_data_wrap_len(len);
		KUNIT_ASSERT_EQ(test, wlen % 8, 0);
		KUNIT_ASSERT_GE(test, wlen, max_t(size_t, len + 8, 24));
		KUNIT_ASSERT_LT(test, wlen, max_t(size_t, len + 16, 25));
		n = owe_key_data_wrap(c, kek, klen, plain, len, wrapped, 320);
		KUNIT_ASSERT_EQ(test, n, wlen);
		n = owe_key_data_unwrap(c, kek, klen, wrapped, wlen, out, 320);
		KUNIT_ASSERT_EQ(test, n, wlen - 8);
		KUNIT_ASSERT_MEMEQ(test, out, plain, len);
		if (n > len) {
			KUNIT_ASSERT_EQ(test, out[len], 0xdd);
			KUNIT_ASSERT_TRUE(test, !memchr_inv(out + len + 1, 0,
							    n - len - 1));
		}
	}
}

static void kde_writers(struct kunit *test)
{
	static const u8 ipn[6] = { 1, 2, 3, 4, 5, 6 };
	static const u8 igtk[16] = { [0 ... 15] = 0x55 };
	static const u8 pmkid[16] = { [0 ... 15] = 0x99 };
	static const u8 igtk_hdr[14] = {
		0xdd, 0x1c, 0x00, 0x0f, 0xac, 0x09, 0x04, 0x00,
		1, 2, 3, 4, 5, 6,
	};
	static const u8 pmkid_hdr[6] = { 0xdd, 0x14, 0x00, 0x0f, 0xac, 0x04 };
	const u8 *body;
	size_t blen;
	u8 buf[128];
	int n, m, k;

	n = owe_kde_gtk(buf, sizeof(buf), 2, true, owe_test_gtk, 16);
	KUNIT_ASSERT_EQ(test, n, 24);
	KUNIT_EXPECT_EQ(test, buf[6], 0x06);	/* KeyID 2 | Tx */
	m = owe_kde_igtk(buf + n, sizeof(buf) - n, 4, ipn, igtk, 16);
	KUNIT_ASSERT_EQ(test, m, 30);
	KUNIT_EXPECT_MEMEQ(test, buf + n, igtk_hdr, sizeof(igtk_hdr));
	KUNIT_EXPECT_MEMEQ(test, buf + n + 14, igtk, 16);
	k = owe_kde_pmkid(buf + n + m, sizeof(buf) - n - m, pmkid);
	KUNIT_ASSERT_EQ(test, k, 22);
	KUNIT_EXPECT_MEMEQ(test, buf + n + m, pmkid_hdr, sizeof(pmkid_hdr));
	buf[n + m + k] = 0xdd;
	buf[n + m + k + 1] = 0;

	/* build then find is identity, padding ends the walk */
	KUNIT_ASSERT_EQ(test, owe_kde_find(buf, n + m + k + 2, OWE_KDE_GTK,
					   &body, &blen), 0);
	KUNIT_EXPECT_EQ(test, blen, 18);
	KUNIT_EXPECT_MEMEQ(test, body + 2, owe_test_gtk, 16);
	KUNIT_ASSERT_EQ(test, owe_kde_find(buf, n + m + k + 2, OWE_KDE_IGTK,
					   &body, &blen), 0);
	KUNIT_EXPECT_EQ(test, blen, 24);
	KUNIT_EXPECT_MEMEQ(test, body + 8, igtk, 16);
	KUNIT_ASSERT_EQ(test, owe_kde_find(buf, n + m + k + 2, OWE_KDE_PMKID,
					   &body, &blen), 0);
	KUNIT_EXPECT_MEMEQ(test, body, pmkid, 16);
	KUNIT_EXPECT_EQ(test, owe_kde_find(buf, n + m, OWE_KDE_PMKID, &body,
					   &blen), -ENOENT);
	KUNIT_EXPECT_EQ(test, owe_kde_find(buf, n + m - 1, OWE_KDE_PMKID,
					   &body, &blen), -EBADMSG);
	KUNIT_EXPECT_EQ(test, owe_kde_find(owe_test_m3_plain, 48, OWE_KDE_IGTK,
					   &body, &blen), -ENOENT);

	KUNIT_EXPECT_EQ(test, owe_kde_gtk(buf, 23, 1, false, owe_test_gtk, 16),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, owe_kde_gtk(buf, sizeof(buf), 4, false,
					  owe_test_gtk, 16), -EINVAL);
	KUNIT_EXPECT_EQ(test, owe_kde_igtk(buf, sizeof(buf), 3, ipn, igtk, 16),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, owe_kde_igtk(buf, 29, 5, ipn, igtk, 16),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, owe_kde_pmkid(buf, 21, pmkid), -ENOSPC);
}

static struct kunit_case owe_eapol_cases[] = {
	KUNIT_CASE(eapol_build_kat),
	KUNIT_CASE_PARAM(eapol_mic_kat, vector_gen_params),
	KUNIT_CASE(eapol_parse_round_trip),
	KUNIT_CASE_PARAM(eapol_parse_negative, eapol_parse_gen_params),
	KUNIT_CASE_PARAM(key_data_wrap_kat, vector_gen_params),
	KUNIT_CASE(key_data_wrap_round_trip),
	KUNIT_CASE(kde_writers),
	{}
};

static struct kunit_suite owe_eapol_suite = {
	.name = "owe-eapol",
	.init = owe_eapol_test_init,
	.exit = owe_eapol_test_exit,
	.test_cases = owe_eapol_cases,
};

kunit_test_suite(owe_eapol_suite);
