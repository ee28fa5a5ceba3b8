// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "owe-mlme": a BSS on the fake backend (fake_be.h) from
 * start to stop; open system authentication, (re)association on open and
 * OWE BSSes, the addresses no station can have, leaving, class-3 frames
 * from strangers and inactivity.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>

#include "core/ap.h"
#include "core/handshake.h"
#include "wire/dh_elem.h"
#include "fake_be.h"

static const u8 sta_a[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x01 };
static const u8 sta_b[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x02 };

/* SSID and rates: what an open BSS asks of an association request */
static const u8 open_ies[] = {
	WLAN_EID_SSID, 9, 'k', 'u', 'n', 'i', 't', '-', 'o', 'w', 'e',
	WLAN_EID_SUPP_RATES, 4, 0x82, 0x84, 0x8b, 0x96,
};

/* authentication and association on an open BSS; the port is open */
static void open_connect(struct kunit *test, struct owe_fake *f, const u8 *sa)
{
	owe_fake_rx_auth(f, sa, WLAN_AUTH_OPEN, 1);
	owe_fake_rx_assoc(f, sa, false, open_ies, sizeof(open_ies));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_state(f, sa),
			OWE_STA_STATE_IP_LEARN);
}

static void mlme_start_open(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ATTACH), 1);
	/* an open BSS without a partner keeps its beacon as it is */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_BEACON_TAIL), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 0);
}

static void mlme_start_owe(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	const struct owe_fake_call *c;
	const struct element *rsn;

	/* the RSNE goes into the tail after the extended rates */
	c = owe_fake_last(f, OWE_FAKE_BEACON_TAIL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, c->skb);
	KUNIT_EXPECT_EQ(test, c->skb->data[0], WLAN_EID_EXT_SUPP_RATES);
	rsn = cfg80211_find_elem(WLAN_EID_RSN, c->skb->data, c->skb->len);
	KUNIT_ASSERT_NOT_NULL(test, rsn);
	KUNIT_EXPECT_PTR_EQ(test, (const u8 *)rsn, c->skb->data + 6);
	KUNIT_EXPECT_EQ(test, 2 + rsn->datalen, (int)f->ap->rsne_len);
	KUNIT_EXPECT_MEMEQ(test, rsn, f->ap->rsne, f->ap->rsne_len);

	/* the GTK at index 1 and, under PMF, the IGTK at 4, both default */
	KUNIT_ASSERT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 2);
	c = owe_fake_nth(f, OWE_FAKE_SET_KEY, 0);
	KUNIT_EXPECT_EQ(test, c->idx, 1);
	KUNIT_EXPECT_TRUE(test, c->set_default);
	KUNIT_EXPECT_TRUE(test, is_zero_ether_addr(c->addr));
	KUNIT_EXPECT_EQ(test, c->cipher, WLAN_CIPHER_SUITE_CCMP);
	KUNIT_EXPECT_EQ(test, c->key_len, 16);
	c = owe_fake_nth(f, OWE_FAKE_SET_KEY, 1);
	KUNIT_EXPECT_EQ(test, c->idx, 4);
	KUNIT_EXPECT_EQ(test, c->cipher, WLAN_CIPHER_SUITE_AES_CMAC);
}

static void mlme_start_attach_fails(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_ap_config cfg;

	owe_fake_owe_cfg(&cfg);
	f->err[OWE_FAKE_ATTACH] = -EBUSY;
	KUNIT_EXPECT_EQ(test, owe_fake_start(f, &cfg), -EBUSY);
	KUNIT_EXPECT_NULL(test, f->ap);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_SET_KEY), 0);
}

static void mlme_start_key_fails(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_ap_config cfg;

	owe_fake_owe_cfg(&cfg);
	f->err[OWE_FAKE_SET_KEY] = -EIO;
	KUNIT_EXPECT_EQ(test, owe_fake_start(f, &cfg), -EIO);
	KUNIT_EXPECT_NULL(test, f->ap);
	/* undone: detached again */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DETACH), 1);
}

static void mlme_stop_restores(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	const struct owe_fake_call *c;

	owe_fake_clear(f);
	owe_fake_stop(f, false);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DETACH), 1);
	/* the original tail back, the group keys removed */
	c = owe_fake_last(f, OWE_FAKE_BEACON_TAIL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_NULL(test, cfg80211_find_elem(WLAN_EID_RSN, c->skb->data,
						   c->skb->len));
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_KEY), 2);
}

static void mlme_auth_open(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;
	const struct ieee80211_mgmt *m;

	KUNIT_EXPECT_EQ(test, owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1),
			OWE_BE_RX_DEFER);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_AUTH);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_status(c), WLAN_STATUS_SUCCESS);
	m = (void *)c->skb->data;
	KUNIT_EXPECT_EQ(test, le16_to_cpu(m->u.auth.auth_transaction), 2);
	KUNIT_EXPECT_MEMEQ(test, m->sa, owe_fake_bssid, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), OWE_STA_STATE_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_TX_AUTH), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
}

static void mlme_auth_unsupported_alg(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_SHARED_KEY, 1);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_status(c),
			WLAN_STATUS_NOT_SUPPORTED_AUTH_ALG);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
}

static void mlme_auth_bad_transaction(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 2);
	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 3);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_MALFORMED), 2);
}

static void mlme_auth_short(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	__le16 alg = cpu_to_le16(WLAN_AUTH_OPEN);

	owe_fake_rx(f, owe_fake_mgmt(f, IEEE80211_STYPE_AUTH, sta_a,
				     owe_fake_bssid, &alg, sizeof(alg)));
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_MALFORMED), 1);
}

/* a retransmission (Retry, same sequence number) is handled once */
static void mlme_auth_retry_once(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	__le16 body[3] = { cpu_to_le16(WLAN_AUTH_OPEN), cpu_to_le16(1), 0 };
	struct ieee80211_mgmt *m;
	struct sk_buff *skb;

	skb = owe_fake_mgmt(f, IEEE80211_STYPE_AUTH, sta_a, owe_fake_bssid,
			    body, sizeof(body));
	owe_fake_rx(f, skb_copy(skb, GFP_KERNEL));
	m = (void *)skb->data;
	m->frame_control |= cpu_to_le16(IEEE80211_FCTL_RETRY);
	owe_fake_rx(f, skb);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DUP), 1);
}

static void mlme_assoc_without_auth(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	owe_fake_rx_assoc(f, sta_a, false, open_ies, sizeof(open_ies));
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_CLASS2_FRAME_FROM_NONAUTH_STA);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
}

static void mlme_assoc_open(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;
	const struct ieee80211_mgmt *m;
	const u8 *ies;
	size_t len;

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	KUNIT_EXPECT_EQ(test, owe_fake_rx_assoc(f, sta_a, false, open_ies,
						sizeof(open_ies)),
			OWE_BE_RX_DEFER);

	c = owe_fake_last(f, OWE_FAKE_ADD_STA);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, c->aid, 1);
	KUNIT_EXPECT_FALSE(test, c->mfp);
	c = owe_fake_last(f, OWE_FAKE_AUTHORIZE);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_TRUE(test, c->authorized);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);

	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_ASSOC_RESP);
	KUNIT_EXPECT_EQ(test, owe_fake_status(c), WLAN_STATUS_SUCCESS);
	m = (void *)c->skb->data;
	KUNIT_EXPECT_EQ(test, le16_to_cpu(m->u.assoc_resp.aid), 1 | 0xc000);
	/* the rates of the beacon, no RSNE on an open BSS */
	ies = owe_fake_resp_ies(c, &len);
	KUNIT_EXPECT_NOT_NULL(test, cfg80211_find_elem(WLAN_EID_SUPP_RATES,
						       ies, len));
	KUNIT_EXPECT_NOT_NULL(test, cfg80211_find_elem(WLAN_EID_EXT_SUPP_RATES,
						       ies, len));
	KUNIT_EXPECT_NULL(test, cfg80211_find_elem(WLAN_EID_RSN, ies, len));
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a),
			OWE_STA_STATE_IP_LEARN);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_a), 1);
}

static void mlme_assoc_open_second_aid(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	open_connect(test, f, sta_a);
	open_connect(test, f, sta_b);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_b), 2);
	/* a station that leaves frees its AID for the next */
	owe_fake_rx_leave(f, sta_a, IEEE80211_STYPE_DEAUTH,
			  WLAN_REASON_DEAUTH_LEAVING);
	open_connect(test, f, sta_a);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_a), 1);
}

static void mlme_assoc_wrong_ssid(struct kunit *test)
{
	static const u8 ies[] = {
		WLAN_EID_SSID, 4, 'o', 't', 'h', 'r',
		WLAN_EID_SUPP_RATES, 1, 0x82,
	};
	struct owe_fake *f = owe_fake_open(test);

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	owe_fake_rx_assoc(f, sta_a, false, ies, sizeof(ies));
	KUNIT_EXPECT_EQ(test, owe_fake_status(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			WLAN_STATUS_UNSPECIFIED_FAILURE);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), OWE_STA_STATE_AUTH);
}

static void mlme_assoc_no_rates(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	owe_fake_rx_assoc(f, sta_a, false, open_ies, 11);
	KUNIT_EXPECT_EQ(test, owe_fake_status(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			WLAN_STATUS_ASSOC_DENIED_RATES);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
}

static void mlme_assoc_driver_refuses(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	f->err[OWE_FAKE_ADD_STA] = -EIO;
	owe_fake_rx_assoc(f, sta_a, false, open_ies, sizeof(open_ies));
	KUNIT_EXPECT_EQ(test, owe_fake_status(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			WLAN_STATUS_UNSPECIFIED_FAILURE);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_a), 0);
	/* the AID went back: the next association gets 1 */
	f->err[OWE_FAKE_ADD_STA] = 0;
	owe_fake_rx_assoc(f, sta_a, false, open_ies, sizeof(open_ies));
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_a), 1);
}

static void mlme_reauth_disassociates(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	open_connect(test, f, sta_a);
	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), OWE_STA_STATE_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_aid(f, sta_a), 0);
}

static void mlme_owe_assoc(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;
	const struct element *rsn, *dh;
	const u8 *ies;
	size_t len;

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	ies = owe_fake_resp_ies(c, &len);
	rsn = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	KUNIT_ASSERT_NOT_NULL(test, rsn);
	KUNIT_EXPECT_MEMEQ(test, rsn, f->ap->rsne, f->ap->rsne_len);
	dh = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies, len);
	KUNIT_ASSERT_NOT_NULL(test, dh);
	KUNIT_EXPECT_EQ(test, dh->datalen, 3 + 32);
	KUNIT_EXPECT_EQ(test, dh->data[1] | dh->data[2] << 8, OWE_GROUP_P256);

	c = owe_fake_last(f, OWE_FAKE_ADD_STA);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, c->aid, 1);
	KUNIT_EXPECT_TRUE(test, c->mfp);
	/* the port stays closed until the 4-way handshake */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_AUTHORIZE), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_EAPOL), 1);
}

/*
 * At most OWE_MAX_PENDING stations in their 4-way handshake: the next
 * association disassociates the oldest of them (reason 5, counted); a
 * station whose handshake completed does not count and stays.
 */
static void mlme_owe_pending_cap(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *done, *first, *s;
	const struct owe_fake_call *c;
	unsigned int i;

	done = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	owe_fake_sta_connect(f, done);
	for (i = 0; i < OWE_MAX_PENDING; i++) {
		s = owe_fake_sta_new(f, 2 + i, OWE_GROUP_P256);
		if (!i)
			first = s;
		owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
		KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	}
	KUNIT_EXPECT_EQ(test, f->ap->pending_count, OWE_MAX_PENDING);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_STA_EVICTED_PENDING),
			0);

	/* one more: the oldest in its handshake gives way */
	s = owe_fake_sta_new(f, 2 + OWE_MAX_PENDING, OWE_GROUP_P256);
	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, first->addr), -1);
	c = owe_fake_last_to(f, OWE_FAKE_TX_MGMT, first->addr);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c), WLAN_REASON_DISASSOC_AP_BUSY);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_STA_EVICTED_PENDING),
			1);
	KUNIT_EXPECT_EQ(test, f->ap->pending_count, OWE_MAX_PENDING);
	/* the station whose handshake completed is untouched */
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, done->addr),
			OWE_STA_STATE_IP_LEARN);

	/* the oldest pending station associating again evicts no one */
	s = owe_fake_sta_new(f, 3, OWE_GROUP_P256);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_REASSOC),
			0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_L2_AUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_STA_EVICTED_PENDING),
			1);
	KUNIT_EXPECT_EQ(test, f->ap->pending_count, OWE_MAX_PENDING);
}

/* a request sent again with the same DH key gets the same AP key */
static void mlme_owe_assoc_repeated(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	unsigned int adds, dels;
	u8 first[32], pmk[32];

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	memcpy(first, s->ap_pub, sizeof(first));
	memcpy(pmk, s->pmk, sizeof(pmk));
	adds = owe_fake_count(f, OWE_FAKE_ADD_STA);
	dels = owe_fake_count(f, OWE_FAKE_DEL_STA);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_EXPECT_MEMEQ(test, s->ap_pub, first, sizeof(first));
	KUNIT_EXPECT_MEMEQ(test, s->pmk, pmk, sizeof(pmk));
	KUNIT_EXPECT_EQ(test, s->aid, 1);
	/* the station stays in the driver: not deleted and added again */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), dels);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), adds);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_ASSOC_REPEAT), 1);
	/* either answer leads through the handshake */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_m3(f, s), 0);
}

static void mlme_owe_assoc_new_key(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	u8 first[32];

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	memcpy(first, s->ap_pub, sizeof(first));
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_NEW_KEY),
			0);
	KUNIT_EXPECT_MEMNEQ(test, s->ap_pub, first, sizeof(first));
}

/*
 * Once the 4-way handshake completed the PMK is wiped: a request with the
 * same DH key, even during a group key handshake, runs a fresh exchange
 * (it once reused the wiped, all-zero PMK).
 */
static void mlme_owe_assoc_repeated_in_rekey(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe_nopmf(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	u8 first[32];

	owe_fake_sta_connect(f, s);
	memcpy(first, s->ap_pub, sizeof(first));
	KUNIT_ASSERT_EQ(test, owe_fake_rekey(f), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_hs_state(f, s->addr),
			OWE_HS_REKEYNEGOTIATING);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_EXPECT_MEMNEQ(test, s->ap_pub, first, sizeof(first));
	/* the handshake runs on the PMK of the new exchange */
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_m3(f, s), 0);
}

/* PMF: an unprotected request for an associated station is held off */
static void mlme_owe_pmf_comeback(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);
	const struct owe_fake_call *c;
	const struct element *ti;
	const u8 *ies;
	size_t len;

	owe_fake_sta_connect(f, s);
	owe_fake_clear(f);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_NEW_KEY),
			WLAN_STATUS_ASSOC_REJECTED_TEMPORARILY);
	c = owe_fake_last_to(f, OWE_FAKE_TX_MGMT, s->addr);
	ies = owe_fake_resp_ies(c, &len);
	ti = cfg80211_find_elem(WLAN_EID_TIMEOUT_INTERVAL, ies, len);
	KUNIT_ASSERT_NOT_NULL(test, ti);
	KUNIT_EXPECT_EQ(test, ti->data[0], WLAN_TIMEOUT_ASSOC_COMEBACK);
	/* the association stands meanwhile */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
}

static void mlme_owe_group_unsupported(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P521);
	u8 buf[256];
	size_t len;

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	len = owe_fake_sta_ies(f, s, 0, buf, sizeof(buf));
	/* refused at once, in softirq */
	KUNIT_EXPECT_EQ(test, owe_fake_rx_assoc(f, s->addr, false, buf, len),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_status(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			OWE_STATUS_GROUP_NOT_SUPPORTED);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_TX_ASSOC_REJECT), 1);
}

static void mlme_owe_no_rsne(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);

	owe_fake_rx_auth(f, sta_a, WLAN_AUTH_OPEN, 1);
	owe_fake_rx_assoc(f, sta_a, false, open_ies, sizeof(open_ies));
	KUNIT_EXPECT_EQ(test, owe_fake_status(owe_fake_last(f, OWE_FAKE_TX_MGMT)),
			WLAN_STATUS_INVALID_IE);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
}

static void mlme_owe_no_dh(struct kunit *test)
{
	struct owe_fake *f = owe_fake_owe(test);
	struct owe_fake_sta *s = owe_fake_sta_new(f, 1, OWE_GROUP_P256);

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_assoc(f, s, OWE_FAKE_ASSOC_NO_DH),
			WLAN_STATUS_INVALID_AKMP);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_ADD_STA), 0);
}

static void mlme_drop_group_src(struct kunit *test)
{
	static const u8 mc[ETH_ALEN] = { 0x03, 0, 0, 0, 0, 1 };
	struct owe_fake *f = owe_fake_open(test);

	KUNIT_EXPECT_EQ(test, owe_fake_rx_auth(f, mc, WLAN_AUTH_OPEN, 1),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_rx_auth(f, f->dev->broadcast,
					       WLAN_AUTH_OPEN, 1),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_GROUP_SRC), 2);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, mc), -1);
}

static void mlme_drop_zero_src(struct kunit *test)
{
	static const u8 zero[ETH_ALEN];
	struct owe_fake *f = owe_fake_open(test);

	KUNIT_EXPECT_EQ(test, owe_fake_rx_auth(f, zero, WLAN_AUTH_OPEN, 1),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_ZERO_SRC), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
}

static void mlme_drop_own_src(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	KUNIT_EXPECT_EQ(test, owe_fake_rx_leave(f, owe_fake_bssid,
						IEEE80211_STYPE_DEAUTH, 3),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_rx_auth(f, owe_fake_bssid,
					       WLAN_AUTH_OPEN, 1),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_OWN_SRC), 2);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
}

static void mlme_drop_not_to_bss(struct kunit *test)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0x0a, 0x02 };
	__le16 body[3] = { cpu_to_le16(WLAN_AUTH_OPEN), cpu_to_le16(1), 0 };
	struct owe_fake *f = owe_fake_open(test);

	KUNIT_EXPECT_EQ(test, owe_fake_rx(f, owe_fake_mgmt(f, IEEE80211_STYPE_AUTH,
							   sta_a, other, body,
							   sizeof(body))),
			OWE_BE_RX_CONSUMED);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_NOT_TO_BSS), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
}

/* another BSS's frame is left to the driver side */
static void mlme_other_bssid_continues(struct kunit *test)
{
	static const u8 other[ETH_ALEN] = { 0x02, 0, 0, 0, 0x0a, 0x02 };
	__le16 body[3] = { cpu_to_le16(WLAN_AUTH_OPEN), cpu_to_le16(1), 0 };
	struct owe_fake *f = owe_fake_open(test);
	struct ieee80211_mgmt *m;
	struct sk_buff *skb;

	skb = owe_fake_mgmt(f, IEEE80211_STYPE_AUTH, sta_a, other, body,
			    sizeof(body));
	m = (void *)skb->data;
	ether_addr_copy(m->bssid, other);
	KUNIT_EXPECT_EQ(test, owe_fake_rx(f, skb), OWE_BE_RX_CONTINUE);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
}

static void mlme_deauth_from_sta(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	open_connect(test, f, sta_a);
	owe_fake_clear(f);
	owe_fake_rx_leave(f, sta_a, IEEE80211_STYPE_DEAUTH,
			  WLAN_REASON_DEAUTH_LEAVING);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DEAUTH), 1);
}

static void mlme_disassoc_from_sta(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	open_connect(test, f, sta_a);
	open_connect(test, f, sta_b);
	owe_fake_clear(f);
	owe_fake_rx_leave(f, sta_a, IEEE80211_STYPE_DISASSOC,
			  WLAN_REASON_DISASSOC_STA_HAS_LEFT);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_MEMEQ(test, owe_fake_last(f, OWE_FAKE_DEL_STA)->addr,
			   sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_b),
			OWE_STA_STATE_IP_LEARN);
}

static void mlme_ap_removes(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	open_connect(test, f, sta_a);
	owe_fake_clear(f);
	owe_fake_remove(f, sta_a, WLAN_REASON_PREV_AUTH_NOT_VALID);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_PREV_AUTH_NOT_VALID);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
}

static void mlme_class3_stranger(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	owe_fake_rx_spurious(f, sta_a);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_CLASS3_FRAME_FROM_NONASSOC_STA);
}

static void mlme_class3_never_to_group(struct kunit *test)
{
	static const u8 zero[ETH_ALEN];
	struct owe_fake *f = owe_fake_open(test);

	owe_fake_rx_spurious(f, f->dev->broadcast);
	owe_fake_rx_spurious(f, zero);
	owe_fake_rx_spurious(f, owe_fake_bssid);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_GROUP_SRC), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_ZERO_SRC), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_counter(f, OWE_CNT_RX_DROP_OWN_SRC), 1);
}

static void mlme_inactivity(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	open_connect(test, f, sta_a);
	owe_fake_clear(f);
	f->inactive_ms = 299 * 1000;
	owe_fake_inactivity(f);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a),
			OWE_STA_STATE_IP_LEARN);

	f->inactive_ms = 301 * 1000;
	owe_fake_inactivity(f);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DISASSOC);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c),
			WLAN_REASON_DISASSOC_DUE_TO_INACTIVITY);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
	KUNIT_EXPECT_EQ(test, owe_fake_sta_state(f, sta_a), -1);
}

static void mlme_probe_wildcard(struct kunit *test)
{
	static const u8 ies[] = { WLAN_EID_SSID, 0 };
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;
	const struct element *ssid;
	struct sk_buff *skb;

	skb = owe_fake_mgmt(f, IEEE80211_STYPE_PROBE_REQ, sta_a,
			    f->dev->broadcast, ies, sizeof(ies));
	KUNIT_EXPECT_EQ(test, owe_fake_rx(f, skb), OWE_BE_RX_CONSUMED);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_PROBE_RESP);
	KUNIT_EXPECT_MEMEQ(test, c->addr, sta_a, ETH_ALEN);
	ssid = cfg80211_find_elem(WLAN_EID_SSID, c->skb->data + 36,
				  c->skb->len - 36);
	KUNIT_ASSERT_NOT_NULL(test, ssid);
	KUNIT_EXPECT_EQ(test, ssid->datalen, strlen(OWE_FAKE_SSID));
	KUNIT_EXPECT_NULL(test, cfg80211_find_elem(WLAN_EID_TIM,
						   c->skb->data + 36,
						   c->skb->len - 36));
}

/*
 * A beacon with many (empty) SSID elements: the template once replaced
 * each with the real SSID, writing past its buffer. Only the first
 * carries the SSID now, the others are left out.
 */
static void mlme_probe_multi_ssid_beacon(struct kunit *test)
{
	static const u8 ssid_ie[] = { WLAN_EID_SSID, sizeof(OWE_FAKE_SSID) - 1,
				      'k', 'u', 'n', 'i', 't', '-', 'o', 'w',
				      'e' };
	struct owe_fake *f = owe_fake_new(test);
	const struct owe_fake_call *c;
	const struct element *elem;
	struct owe_ap_config cfg;
	unsigned int n = 0, i;
	struct sk_buff *skb;
	const u8 *ies;
	size_t len;

	/* the tail owectl sets: 20 empty SSID elements */
	kfree(f->tail);
	f->tail = kzalloc(40, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->tail);
	for (i = 0; i < 20; i++)
		f->tail[2 * i] = WLAN_EID_SSID;
	f->tail_len = 40;
	owe_fake_owe_cfg(&cfg);
	cfg.hidden = true;
	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);

	skb = owe_fake_mgmt(f, IEEE80211_STYPE_PROBE_REQ, sta_a,
			    f->dev->broadcast, ssid_ie, sizeof(ssid_ie));
	KUNIT_EXPECT_EQ(test, owe_fake_rx(f, skb), OWE_BE_RX_CONSUMED);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_PROBE_RESP);
	ies = c->skb->data + 36;
	len = c->skb->len - 36;
	for_each_element_id(elem, WLAN_EID_SSID, ies, len) {
		n++;
		KUNIT_EXPECT_EQ(test, elem->datalen, sizeof(OWE_FAKE_SSID) - 1);
		KUNIT_EXPECT_MEMEQ(test, elem->data, OWE_FAKE_SSID,
				   sizeof(OWE_FAKE_SSID) - 1);
	}
	KUNIT_EXPECT_EQ(test, n, 1);
}

static void mlme_stopped_by_driver(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);

	open_connect(test, f, sta_a);
	owe_fake_clear(f);
	owe_fake_stop(f, true);
	/* the driver dropped everything itself: nothing is asked of it */
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DETACH), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_TX_MGMT), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 0);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_BEACON_TAIL), 0);
}

static void mlme_stop_deauths(struct kunit *test)
{
	struct owe_fake *f = owe_fake_open(test);
	const struct owe_fake_call *c;

	open_connect(test, f, sta_a);
	owe_fake_clear(f);
	owe_fake_stop(f, false);
	c = owe_fake_last(f, OWE_FAKE_TX_MGMT);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, owe_fake_stype(c), IEEE80211_STYPE_DEAUTH);
	KUNIT_EXPECT_EQ(test, owe_fake_reason(c), WLAN_REASON_DEAUTH_LEAVING);
	KUNIT_EXPECT_EQ(test, owe_fake_count(f, OWE_FAKE_DEL_STA), 1);
}

static struct kunit_case owe_mlme_cases[] = {
	KUNIT_CASE(mlme_start_open),
	KUNIT_CASE(mlme_start_owe),
	KUNIT_CASE(mlme_start_attach_fails),
	KUNIT_CASE(mlme_start_key_fails),
	KUNIT_CASE(mlme_stop_restores),
	KUNIT_CASE(mlme_auth_open),
	KUNIT_CASE(mlme_auth_unsupported_alg),
	KUNIT_CASE(mlme_auth_bad_transaction),
	KUNIT_CASE(mlme_auth_short),
	KUNIT_CASE(mlme_auth_retry_once),
	KUNIT_CASE(mlme_assoc_without_auth),
	KUNIT_CASE(mlme_assoc_open),
	KUNIT_CASE(mlme_assoc_open_second_aid),
	KUNIT_CASE(mlme_assoc_wrong_ssid),
	KUNIT_CASE(mlme_assoc_no_rates),
	KUNIT_CASE(mlme_assoc_driver_refuses),
	KUNIT_CASE(mlme_reauth_disassociates),
	KUNIT_CASE(mlme_owe_assoc),
	KUNIT_CASE(mlme_owe_pending_cap),
	KUNIT_CASE(mlme_owe_assoc_repeated),
	KUNIT_CASE(mlme_owe_assoc_new_key),
	KUNIT_CASE(mlme_owe_assoc_repeated_in_rekey),
	KUNIT_CASE(mlme_owe_pmf_comeback),
	KUNIT_CASE(mlme_owe_group_unsupported),
	KUNIT_CASE(mlme_owe_no_rsne),
	KUNIT_CASE(mlme_owe_no_dh),
	KUNIT_CASE(mlme_drop_group_src),
	KUNIT_CASE(mlme_drop_zero_src),
	KUNIT_CASE(mlme_drop_own_src),
	KUNIT_CASE(mlme_drop_not_to_bss),
	KUNIT_CASE(mlme_other_bssid_continues),
	KUNIT_CASE(mlme_deauth_from_sta),
	KUNIT_CASE(mlme_disassoc_from_sta),
	KUNIT_CASE(mlme_ap_removes),
	KUNIT_CASE(mlme_class3_stranger),
	KUNIT_CASE(mlme_class3_never_to_group),
	KUNIT_CASE(mlme_inactivity),
	KUNIT_CASE(mlme_probe_wildcard),
	KUNIT_CASE(mlme_probe_multi_ssid_beacon),
	KUNIT_CASE(mlme_stopped_by_driver),
	KUNIT_CASE(mlme_stop_deauths),
	{}
};

static struct kunit_suite owe_mlme_suite = {
	.name = "owe-mlme",
	.test_cases = owe_mlme_cases,
};

kunit_test_suite(owe_mlme_suite);
