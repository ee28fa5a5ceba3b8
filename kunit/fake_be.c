// SPDX-License-Identifier: GPL-2.0
/*
 * The fake backend and the harness of the stateful suites (fake_be.h):
 * a BSS on an unregistered wiphy and net_device, the frames a station
 * sends, and the station side of OWE and of its handshakes.
 */

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/unaligned.h>

#include "core/dhq.h"
#include "core/handshake.h"
#include "core/gtk.h"
#include "core/mlme.h"
#include "core/pmksa.h"
#include "core/sta.h"
#include "crypto/eapol_mic.h"
#include "wire/dh_elem.h"
#include "wire/eapol_key.h"
#include "wire/kde.h"
#include "fake_be.h"

const u8 owe_fake_bssid[ETH_ALEN] = { 0x02, 0x00, 0x00, 0x00, 0x0a, 0x01 };

#define OWE_FAKE_HDR_LEN	offsetof(struct ieee80211_mgmt, u)
#define OWE_FAKE_TIM_LEN	6

static const struct cfg80211_ops owe_fake_cfg_ops;

/* the tail owectl would set: extended rates, extended capabilities, WMM */
static const u8 owe_fake_tail0[] = {
	WLAN_EID_EXT_SUPP_RATES, 4, 0x0c, 0x12, 0x18, 0x24,
	WLAN_EID_EXT_CAPABILITY, 8, 0, 0, 0, 0, 0, 0, 0, 0x40,
	WLAN_EID_VENDOR_SPECIFIC, 24, 0x00, 0x50, 0xf2, 0x02, 0x01, 0x01,
	0x00, 0x00,
	0x03, 0xa4, 0x00, 0x00, 0x27, 0xa4, 0x00, 0x00,
	0x42, 0x43, 0x5e, 0x00, 0x62, 0x32, 0x2f, 0x00,
};

static struct owe_fake_call *owe_fake_record(struct owe_fake *f,
					     enum owe_fake_op op,
					     const u8 *addr)
{
	struct owe_fake_call *c = kzalloc(sizeof(*c), GFP_ATOMIC);
	unsigned long flags;

	if (!c)
		return NULL;
	c->op = op;
	if (addr)
		ether_addr_copy(c->addr, addr);
	spin_lock_irqsave(&f->lock, flags);
	list_add_tail(&c->list, &f->calls);
	f->n_calls[op]++;
	spin_unlock_irqrestore(&f->lock, flags);
	return c;
}

static struct owe_fake *owe_fake_of(struct owe_be *be)
{
	return be->priv;
}

static int owe_fake_attach(struct owe_be *be, struct netlink_ext_ack *extack)
{
	struct owe_fake *f = *(struct owe_fake **)netdev_priv(be->dev);

	owe_fake_record(f, OWE_FAKE_ATTACH, NULL);
	if (f->err[OWE_FAKE_ATTACH]) {
		NL_SET_ERR_MSG_MOD(extack, "fake attach fails");
		return f->err[OWE_FAKE_ATTACH];
	}
	be->priv = f;
	/* the core's BSS, kept if owe_ap_create() succeeds */
	f->ap = be->core;
	return 0;
}

static void owe_fake_detach(struct owe_be *be)
{
	lockdep_assert_wiphy(be->wiphy);
	owe_fake_record(owe_fake_of(be), OWE_FAKE_DETACH, NULL);
}

/* header, fixed fields, SSID, rates, DS, TIM, then the current tail */
static struct sk_buff *owe_fake_beacon(struct owe_be *be,
				       unsigned int *tim_offset,
				       unsigned int *tim_len)
{
	static const u8 rates[] = { WLAN_EID_SUPP_RATES, 8, 0x82, 0x84, 0x8b,
				    0x96, 0x0c, 0x12, 0x18, 0x24 };
	static const u8 ds[] = { WLAN_EID_DS_PARAMS, 1, 6 };
	static const u8 tim[OWE_FAKE_TIM_LEN] = { WLAN_EID_TIM, 4, 0, 2, 0, 0 };
	struct owe_fake *f = owe_fake_of(be);
	struct ieee80211_mgmt *mgmt;
	struct owe_ap *ap = be->core;
	struct sk_buff *skb;
	u8 ssid_len;
	u8 *pos;

	lockdep_assert_wiphy(be->wiphy);
	ssid_len = ap->cfg.hidden ? 0 : f->wdev.u.ap.ssid_len;
	skb = alloc_skb(128 + ssid_len + f->tail_len, GFP_KERNEL);
	if (!skb)
		return NULL;
	mgmt = skb_put_zero(skb, offsetof(struct ieee80211_mgmt,
					  u.beacon.variable));
	mgmt->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT |
					  IEEE80211_STYPE_BEACON);
	eth_broadcast_addr(mgmt->da);
	ether_addr_copy(mgmt->sa, owe_fake_bssid);
	ether_addr_copy(mgmt->bssid, owe_fake_bssid);
	mgmt->u.beacon.beacon_int = cpu_to_le16(100);
	mgmt->u.beacon.capab_info = cpu_to_le16(WLAN_CAPABILITY_ESS |
		(owe_ap_is_owe(ap) ? WLAN_CAPABILITY_PRIVACY : 0));
	pos = skb_put(skb, 2 + ssid_len);
	pos[0] = WLAN_EID_SSID;
	pos[1] = ssid_len;
	memcpy(pos + 2, f->wdev.u.ap.ssid, ssid_len);
	skb_put_data(skb, rates, sizeof(rates));
	skb_put_data(skb, ds, sizeof(ds));
	*tim_offset = skb->len;
	*tim_len = sizeof(tim);
	skb_put_data(skb, tim, sizeof(tim));
	skb_put_data(skb, f->tail, f->tail_len);
	return skb;
}

static struct sk_buff *owe_fake_alloc_mgmt(struct owe_be *be, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(64 + len, GFP_ATOMIC);

	if (skb)
		skb_reserve(skb, 64);
	return skb;
}

static int owe_fake_tx_mgmt(struct owe_be *be, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *mgmt = (void *)skb->data;
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	c = owe_fake_record(f, OWE_FAKE_TX_MGMT, mgmt->da);
	if (!c || f->err[OWE_FAKE_TX_MGMT]) {
		kfree_skb(skb);
		return c ? f->err[OWE_FAKE_TX_MGMT] : -ENOMEM;
	}
	c->skb = skb;
	return 0;
}

static int owe_fake_tx_eapol(struct owe_be *be, const u8 *da, const u8 *frame,
			     size_t len)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	c = owe_fake_record(f, OWE_FAKE_TX_EAPOL, da);
	if (!c)
		return -ENOMEM;
	c->skb = alloc_skb(len, GFP_ATOMIC);
	if (c->skb)
		skb_put_data(c->skb, frame, len);
	return f->err[OWE_FAKE_TX_EAPOL];
}

static int owe_fake_add_sta(struct owe_be *be, const struct owe_be_sta *sta)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	lockdep_assert_wiphy(be->wiphy);
	c = owe_fake_record(f, OWE_FAKE_ADD_STA, sta->addr);
	if (c) {
		c->aid = sta->params.aid;
		c->capability = sta->params.capability;
		c->wme = sta->params.sta_flags_set & BIT(NL80211_STA_FLAG_WME);
		c->mfp = sta->params.sta_flags_set & BIT(NL80211_STA_FLAG_MFP);
	}
	return f->err[OWE_FAKE_ADD_STA];
}

static int owe_fake_del_sta(struct owe_be *be, const u8 *addr)
{
	struct owe_fake *f = owe_fake_of(be);

	lockdep_assert_wiphy(be->wiphy);
	owe_fake_record(f, OWE_FAKE_DEL_STA, addr);
	return f->err[OWE_FAKE_DEL_STA];
}

static int owe_fake_set_authorized(struct owe_be *be, const u8 *addr,
				   bool authorized)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	lockdep_assert_wiphy(be->wiphy);
	c = owe_fake_record(f, OWE_FAKE_AUTHORIZE, addr);
	if (c)
		c->authorized = authorized;
	return f->err[OWE_FAKE_AUTHORIZE];
}

static int owe_fake_sta_inactive_ms(struct owe_be *be, const u8 *addr, u32 *ms)
{
	lockdep_assert_wiphy(be->wiphy);
	*ms = owe_fake_of(be)->inactive_ms;
	return 0;
}

static int owe_fake_set_key(struct owe_be *be, const u8 *addr,
			    const struct key_params *key, u8 idx,
			    bool set_default)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	lockdep_assert_wiphy(be->wiphy);
	c = owe_fake_record(f, OWE_FAKE_SET_KEY, addr);
	if (c) {
		c->idx = idx;
		c->cipher = key->cipher;
		c->key_len = min_t(int, key->key_len, sizeof(c->key));
		memcpy(c->key, key->key, c->key_len);
		c->set_default = set_default;
	}
	return f->err[OWE_FAKE_SET_KEY];
}

static int owe_fake_del_key(struct owe_be *be, const u8 *addr, u8 idx)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;

	lockdep_assert_wiphy(be->wiphy);
	c = owe_fake_record(f, OWE_FAKE_DEL_KEY, addr);
	if (c)
		c->idx = idx;
	return f->err[OWE_FAKE_DEL_KEY];
}

static int owe_fake_get_tx_pn(struct owe_be *be, u8 idx, u64 *pn)
{
	lockdep_assert_wiphy(be->wiphy);
	*pn = 0;
	return 0;
}

static int owe_fake_set_beacon_tail(struct owe_be *be, const u8 *tail,
				    size_t len)
{
	struct owe_fake *f = owe_fake_of(be);
	struct owe_fake_call *c;
	u8 *copy;

	lockdep_assert_wiphy(be->wiphy);
	c = owe_fake_record(f, OWE_FAKE_BEACON_TAIL, NULL);
	if (f->err[OWE_FAKE_BEACON_TAIL])
		return f->err[OWE_FAKE_BEACON_TAIL];
	if (c) {
		c->skb = alloc_skb(len, GFP_KERNEL);
		if (c->skb)
			skb_put_data(c->skb, tail, len);
	}
	copy = kmemdup(tail, len, GFP_KERNEL);
	if (!copy && len)
		return -ENOMEM;
	kfree(f->tail);
	f->tail = copy;
	f->tail_len = len;
	return 0;
}

static const struct owe_be_ops owe_fake_ops = {
	.attach = owe_fake_attach,
	.detach = owe_fake_detach,
	.beacon = owe_fake_beacon,
	.alloc_mgmt = owe_fake_alloc_mgmt,
	.tx_mgmt = owe_fake_tx_mgmt,
	.tx_eapol = owe_fake_tx_eapol,
	.add_sta = owe_fake_add_sta,
	.del_sta = owe_fake_del_sta,
	.set_authorized = owe_fake_set_authorized,
	.sta_inactive_ms = owe_fake_sta_inactive_ms,
	.set_key = owe_fake_set_key,
	.del_key = owe_fake_del_key,
	.get_tx_pn = owe_fake_get_tx_pn,
	.set_beacon_tail = owe_fake_set_beacon_tail,
};

void owe_fake_lock(struct owe_fake *f)
{
	wiphy_lock(f->wiphy);
}

void owe_fake_unlock(struct owe_fake *f)
{
	wiphy_unlock(f->wiphy);
}

static struct owe_sta *owe_fake_find(struct owe_fake *f, const u8 *addr)
{
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(f->wiphy);
	if (!f->ap)
		return NULL;
	owe_for_each_sta(f->ap, bkt, sta)
		if (ether_addr_equal(sta->addr, addr))
			return sta;
	return NULL;
}

/* stop the clock of the handshakes: the tests run retransmissions */
static void owe_fake_settle(struct owe_fake *f)
{
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(f->wiphy);
	if (!f->ap)
		return;
	owe_for_each_sta(f->ap, bkt, sta)
		wiphy_delayed_work_cancel(f->wiphy, &sta->hs.timer);
}

void owe_fake_clear(struct owe_fake *f)
{
	struct owe_fake_call *c, *tmp;
	unsigned long flags;
	LIST_HEAD(calls);

	spin_lock_irqsave(&f->lock, flags);
	list_splice_init(&f->calls, &calls);
	memset(f->n_calls, 0, sizeof(f->n_calls));
	spin_unlock_irqrestore(&f->lock, flags);
	list_for_each_entry_safe(c, tmp, &calls, list) {
		kfree_skb(c->skb);
		kfree(c);
	}
}

static void owe_fake_release(void *arg)
{
	struct owe_fake *f = arg;

	if (f->ap)
		owe_fake_stop(f, false);
	owe_fake_clear(f);
	kfree(f->tail);
	if (f->crypto)
		owe_crypto_free(f->crypto);
	free_netdev(f->dev);
	wiphy_free(f->wiphy);
}

/**
 * owe_fake_new - a radio and an AP interface for a BSS, not served yet
 * @test: the test; teardown is deferred to its end
 *
 * Return: the harness (the test fails if it cannot be made).
 */
struct owe_fake *owe_fake_new(struct kunit *test)
{
	static atomic_t ifindex = ATOMIC_INIT(0x7ff00000);
	struct net_device *dev;
	struct owe_fake *f;
	struct wiphy *wiphy;
	int ret;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	wiphy = wiphy_new(&owe_fake_cfg_ops, 0);
	KUNIT_ASSERT_NOT_NULL(test, wiphy);
	dev = alloc_etherdev(sizeof(f));
	if (!dev)
		wiphy_free(wiphy);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	*(struct owe_fake **)netdev_priv(dev) = f;
	f->test = test;
	f->wiphy = wiphy;
	f->dev = dev;
	spin_lock_init(&f->lock);
	INIT_LIST_HEAD(&f->calls);
	ret = kunit_add_action_or_reset(test, owe_fake_release, f);
	KUNIT_ASSERT_EQ(test, ret, 0);

	f->crypto = owe_crypto_alloc();
	if (IS_ERR(f->crypto))
		f->crypto = NULL;
	KUNIT_ASSERT_NOT_NULL(test, f->crypto);
	f->tail = kmemdup(owe_fake_tail0, sizeof(owe_fake_tail0), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->tail);
	f->tail_len = sizeof(owe_fake_tail0);

	strscpy(dev->name, "owekunit0", sizeof(dev->name));
	dev->ifindex = atomic_inc_return(&ifindex);
	eth_hw_addr_set(dev, owe_fake_bssid);
	f->wdev.wiphy = wiphy;
	f->wdev.netdev = dev;
	f->wdev.iftype = NL80211_IFTYPE_AP;
	f->wdev.links[0].ap.beacon_interval = 100;
	f->wdev.u.ap.ssid_len = strlen(OWE_FAKE_SSID);
	memcpy(f->wdev.u.ap.ssid, OWE_FAKE_SSID, f->wdev.u.ap.ssid_len);
	dev->ieee80211_ptr = &f->wdev;
	return f;
}

/**
 * owe_fake_start - serve the BSS
 * @f: the harness
 * @cfg: its configuration
 *
 * Return: what owe_ap_create() returned.
 */
int owe_fake_start(struct owe_fake *f, const struct owe_ap_config *cfg)
{
	int ret;

	wiphy_lock(f->wiphy);
	ret = owe_ap_create(f->dev, cfg, &owe_fake_ops, NULL);
	if (ret)
		f->ap = NULL;
	wiphy_unlock(f->wiphy);
	return ret;
}

/**
 * owe_fake_stop - end the BSS before the test does
 * @f: the harness, serving
 * @by_driver: as the AP stopping on the driver side (the stopped event)
 */
void owe_fake_stop(struct owe_fake *f, bool by_driver)
{
	wiphy_lock(f->wiphy);
	if (by_driver)
		f->ap->be.events->stopped(f->ap->be.core);
	else
		owe_ap_destroy(f->ap, false);
	f->ap = NULL;
	wiphy_unlock(f->wiphy);
}

/**
 * owe_fake_owe_cfg - the configuration of the suites' OWE BSS
 * @cfg: filled in: CCMP, groups 19 and 20, PMF optional, no rekey timer
 */
void owe_fake_owe_cfg(struct owe_ap_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->security = OWE_SECURITY_OWE;
	cfg->groups = BIT(OWE_GROUP_P256) | BIT(OWE_GROUP_P384);
	cfg->pmf = OWE_PMF_OPTIONAL;
	cfg->cipher = WLAN_CIPHER_SUITE_CCMP;
	cfg->pmksa_lifetime = 3600;
}

struct owe_fake *owe_fake_open(struct kunit *test)
{
	struct owe_ap_config cfg = { .security = OWE_SECURITY_OPEN };
	struct owe_fake *f = owe_fake_new(test);

	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);
	return f;
}

struct owe_fake *owe_fake_owe(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_ap_config cfg;

	owe_fake_owe_cfg(&cfg);
	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);
	return f;
}

/*
 * Without PMF: a station associated with PMF that asks again is answered
 * with status 30 and an SA Query first, so the tests of re-associations
 * use this one.
 */
struct owe_fake *owe_fake_owe_nopmf(struct kunit *test)
{
	struct owe_fake *f = owe_fake_new(test);
	struct owe_ap_config cfg;

	owe_fake_owe_cfg(&cfg);
	cfg.pmf = OWE_PMF_OFF;
	KUNIT_ASSERT_EQ(test, owe_fake_start(f, &cfg), 0);
	return f;
}

unsigned int owe_fake_count(struct owe_fake *f, enum owe_fake_op op)
{
	unsigned long flags;
	unsigned int n;

	spin_lock_irqsave(&f->lock, flags);
	n = f->n_calls[op];
	spin_unlock_irqrestore(&f->lock, flags);
	return n;
}

/* the @n-th (from 0) call of @op, to @addr if set; @n < 0 counts back */
static const struct owe_fake_call *owe_fake_walk(struct owe_fake *f,
						 enum owe_fake_op op,
						 const u8 *addr, int n)
{
	const struct owe_fake_call *c, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&f->lock, flags);
	if (n >= 0) {
		list_for_each_entry(c, &f->calls, list)
			if (c->op == op && (!addr || ether_addr_equal(c->addr, addr)) &&
			    !n--) {
				found = c;
				break;
			}
	} else {
		list_for_each_entry_reverse(c, &f->calls, list)
			if (c->op == op && (!addr || ether_addr_equal(c->addr, addr)) &&
			    !++n) {
				found = c;
				break;
			}
	}
	spin_unlock_irqrestore(&f->lock, flags);
	return found;
}

const struct owe_fake_call *owe_fake_nth(struct owe_fake *f,
					 enum owe_fake_op op, unsigned int n)
{
	return owe_fake_walk(f, op, NULL, n);
}

const struct owe_fake_call *owe_fake_last(struct owe_fake *f,
					  enum owe_fake_op op)
{
	return owe_fake_walk(f, op, NULL, -1);
}

const struct owe_fake_call *owe_fake_last_to(struct owe_fake *f,
					     enum owe_fake_op op,
					     const u8 *addr)
{
	return owe_fake_walk(f, op, addr, -1);
}

u16 owe_fake_stype(const struct owe_fake_call *c)
{
	const struct ieee80211_mgmt *mgmt;

	if (!c || !c->skb || c->skb->len < OWE_FAKE_HDR_LEN)
		return 0xffff;
	mgmt = (void *)c->skb->data;
	return le16_to_cpu(mgmt->frame_control) & IEEE80211_FCTL_STYPE;
}

u16 owe_fake_status(const struct owe_fake_call *c)
{
	const struct ieee80211_mgmt *mgmt;

	switch (owe_fake_stype(c)) {
	case IEEE80211_STYPE_AUTH:
		if (c->skb->len < offsetofend(struct ieee80211_mgmt,
					      u.auth.status_code))
			break;
		mgmt = (void *)c->skb->data;
		return le16_to_cpu(mgmt->u.auth.status_code);
	case IEEE80211_STYPE_ASSOC_RESP:
	case IEEE80211_STYPE_REASSOC_RESP:
		if (c->skb->len < offsetof(struct ieee80211_mgmt,
					   u.assoc_resp.variable))
			break;
		mgmt = (void *)c->skb->data;
		return le16_to_cpu(mgmt->u.assoc_resp.status_code);
	}
	return 0xffff;
}

u16 owe_fake_reason(const struct owe_fake_call *c)
{
	const struct ieee80211_mgmt *mgmt;

	switch (owe_fake_stype(c)) {
	case IEEE80211_STYPE_DEAUTH:
	case IEEE80211_STYPE_DISASSOC:
		if (c->skb->len < offsetofend(struct ieee80211_mgmt,
					      u.deauth.reason_code))
			break;
		mgmt = (void *)c->skb->data;
		return le16_to_cpu(mgmt->u.deauth.reason_code);
	}
	return 0xffff;
}

const u8 *owe_fake_resp_ies(const struct owe_fake_call *c, size_t *len)
{
	const size_t fixed = offsetof(struct ieee80211_mgmt,
				      u.assoc_resp.variable);

	*len = 0;
	if (!c || !c->skb || c->skb->len < fixed)
		return NULL;
	*len = c->skb->len - fixed;
	return c->skb->data + fixed;
}

long owe_fake_counter(struct owe_fake *f, enum owe_counter c)
{
	return atomic_long_read(&f->ap->counters[c]);
}

/**
 * owe_fake_mgmt - a management frame to the BSS
 * @f: the harness
 * @stype: subtype
 * @sa: its source
 * @da: its destination (the BSSID field is always the BSS's)
 * @body: the body after the header
 * @len: octets of @body
 *
 * Return: the frame (the test fails if it cannot be allocated).
 */
struct sk_buff *owe_fake_mgmt(struct owe_fake *f, u16 stype, const u8 *sa,
			      const u8 *da, const void *body, size_t len)
{
	struct ieee80211_mgmt *mgmt;
	struct sk_buff *skb;

	skb = alloc_skb(OWE_FAKE_HDR_LEN + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(f->test, skb);
	mgmt = skb_put_zero(skb, OWE_FAKE_HDR_LEN);
	mgmt->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT | stype);
	ether_addr_copy(mgmt->da, da);
	ether_addr_copy(mgmt->sa, sa);
	ether_addr_copy(mgmt->bssid, owe_fake_bssid);
	mgmt->seq_ctrl = cpu_to_le16(f->seq++ << 4);
	skb_put_data(skb, body, len);
	return skb;
}

/**
 * owe_fake_rx - hand a management frame to the core as the mac80211
 *	backend does: in softirq, then deferred under the wiphy mutex
 * @f: the harness
 * @skb: the frame; consumed
 *
 * Return: what the softirq hook answered.
 */
enum owe_be_rx owe_fake_rx(struct owe_fake *f, struct sk_buff *skb)
{
	const struct owe_be *be = &f->ap->be;
	enum owe_be_rx ret;

	local_bh_disable();
	rcu_read_lock();
	ret = be->events->rx_mgmt(be->core, skb);
	rcu_read_unlock();
	local_bh_enable();
	if (ret == OWE_BE_RX_CONSUMED)
		return ret;
	if (ret == OWE_BE_RX_DEFER) {
		wiphy_lock(f->wiphy);
		be->events->rx_mgmt_deferred(be->core, skb);
		wiphy_unlock(f->wiphy);
		/* a DH step the request queued, and its completion */
		owe_dhq_flush(f->ap);
		wiphy_lock(f->wiphy);
		owe_fake_settle(f);
		wiphy_unlock(f->wiphy);
	}
	kfree_skb(skb);
	return ret;
}

enum owe_be_rx owe_fake_rx_auth(struct owe_fake *f, const u8 *sa, u16 alg,
				u16 seq)
{
	__le16 body[3] = { cpu_to_le16(alg), cpu_to_le16(seq), 0 };

	return owe_fake_rx(f, owe_fake_mgmt(f, IEEE80211_STYPE_AUTH, sa,
					    owe_fake_bssid, body,
					    sizeof(body)));
}

/**
 * owe_fake_assoc_frame - a (re)association request from a station
 * @f: the harness
 * @sa: the station
 * @reassoc: a Reassociation Request
 * @ies: its elements
 * @len: octets of @ies
 *
 * Return: the frame.
 */
struct sk_buff *owe_fake_assoc_frame(struct owe_fake *f, const u8 *sa,
				     bool reassoc, const u8 *ies, size_t len)
{
	u8 *body = kunit_kzalloc(f->test, 10 + len, GFP_KERNEL);
	size_t fixed = reassoc ? 10 : 4;

	KUNIT_ASSERT_NOT_NULL(f->test, body);
	put_unaligned_le16(WLAN_CAPABILITY_ESS, body);
	put_unaligned_le16(10, body + 2);
	if (reassoc)
		ether_addr_copy(body + 4, owe_fake_bssid);
	memcpy(body + fixed, ies, len);
	return owe_fake_mgmt(f, reassoc ? IEEE80211_STYPE_REASSOC_REQ :
					  IEEE80211_STYPE_ASSOC_REQ,
			     sa, owe_fake_bssid, body, fixed + len);
}

enum owe_be_rx owe_fake_rx_assoc(struct owe_fake *f, const u8 *sa,
				 bool reassoc, const u8 *ies, size_t len)
{
	return owe_fake_rx(f, owe_fake_assoc_frame(f, sa, reassoc, ies, len));
}

enum owe_be_rx owe_fake_rx_leave(struct owe_fake *f, const u8 *sa, u16 stype,
				 u16 reason)
{
	__le16 body = cpu_to_le16(reason);

	return owe_fake_rx(f, owe_fake_mgmt(f, stype, sa, owe_fake_bssid,
					    &body, sizeof(body)));
}

/**
 * owe_fake_rx_eapol - an EAPOL frame from a station, handled at once
 * @f: the harness
 * @sa: the station
 * @frame: the frame from its 802.1X header on
 * @len: octets of @frame
 *
 * The rx_eapol event in softirq, then the BSS's EAPOL work, run here
 * under the wiphy mutex.
 */
void owe_fake_rx_eapol(struct owe_fake *f, const u8 *sa, const u8 *frame,
		       size_t len)
{
	const struct owe_be *be = &f->ap->be;
	struct ethhdr *eth;
	struct sk_buff *skb;

	skb = alloc_skb(ETH_HLEN + len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(f->test, skb);
	eth = skb_put(skb, ETH_HLEN);
	ether_addr_copy(eth->h_dest, owe_fake_bssid);
	ether_addr_copy(eth->h_source, sa);
	eth->h_proto = htons(ETH_P_PAE);
	skb_reset_mac_header(skb);
	skb_pull(skb, ETH_HLEN);
	skb_put_data(skb, frame, len);
	skb->protocol = htons(ETH_P_PAE);

	local_bh_disable();
	rcu_read_lock();
	be->events->rx_eapol(be->core, skb);
	rcu_read_unlock();
	local_bh_enable();

	wiphy_lock(f->wiphy);
	wiphy_work_flush(f->wiphy, &f->ap->eapol_work);
	owe_fake_settle(f);
	wiphy_unlock(f->wiphy);
}

void owe_fake_rx_spurious(struct owe_fake *f, const u8 *ta)
{
	const struct owe_be *be = &f->ap->be;

	local_bh_disable();
	rcu_read_lock();
	be->events->rx_spurious(be->core, ta);
	rcu_read_unlock();
	local_bh_enable();
}

/* a station's state, or -1 when the BSS does not know it */
int owe_fake_sta_state(struct owe_fake *f, const u8 *addr)
{
	struct owe_sta *sta;
	int ret;

	wiphy_lock(f->wiphy);
	sta = owe_fake_find(f, addr);
	ret = sta ? sta->state : -1;
	wiphy_unlock(f->wiphy);
	return ret;
}

int owe_fake_sta_aid(struct owe_fake *f, const u8 *addr)
{
	struct owe_sta *sta;
	int ret;

	wiphy_lock(f->wiphy);
	sta = owe_fake_find(f, addr);
	ret = sta ? sta->aid : -1;
	wiphy_unlock(f->wiphy);
	return ret;
}

int owe_fake_hs_state(struct owe_fake *f, const u8 *addr)
{
	struct owe_sta *sta;
	int ret;

	wiphy_lock(f->wiphy);
	sta = owe_fake_find(f, addr);
	ret = sta ? sta->hs.state : -1;
	wiphy_unlock(f->wiphy);
	return ret;
}

/**
 * owe_fake_hs_timer - the EAPOL retransmission timer of a station expires
 * @f: the harness
 * @addr: the station
 */
void owe_fake_hs_timer(struct owe_fake *f, const u8 *addr)
{
	struct owe_sta *sta;

	wiphy_lock(f->wiphy);
	sta = owe_fake_find(f, addr);
	if (sta) {
		wiphy_delayed_work_cancel(f->wiphy, &sta->hs.timer);
		sta->hs.timer.work.func(f->wiphy, &sta->hs.timer.work);
	}
	owe_fake_settle(f);
	wiphy_unlock(f->wiphy);
}

/* the periodic inactivity check runs now */
void owe_fake_inactivity(struct owe_fake *f)
{
	struct wiphy_work *work = &f->ap->inactivity_work.work;

	wiphy_lock(f->wiphy);
	work->func(f->wiphy, work);
	owe_fake_settle(f);
	wiphy_unlock(f->wiphy);
}

/* the AP removes a station, sending a deauthentication */
void owe_fake_remove(struct owe_fake *f, const u8 *addr, u16 reason)
{
	struct owe_sta *sta;

	wiphy_lock(f->wiphy);
	sta = owe_fake_find(f, addr);
	if (sta)
		owe_mlme_remove_sta(sta, reason, true, "removed by the test");
	owe_fake_settle(f);
	wiphy_unlock(f->wiphy);
}

int owe_fake_rekey(struct owe_fake *f)
{
	int ret;

	wiphy_lock(f->wiphy);
	ret = owe_gtk_rekey(f->ap);
	owe_fake_settle(f);
	wiphy_unlock(f->wiphy);
	return ret;
}

/* cached PMKSAs of a station (of all with @addr %NULL), expired included */
unsigned int owe_fake_pmksa_count(struct owe_fake *f, const u8 *addr)
{
	struct owe_pmksa *e;
	unsigned int n = 0;

	wiphy_lock(f->wiphy);
	list_for_each_entry(e, &f->ap->pmksa, list)
		if (!addr || ether_addr_equal(e->addr, addr))
			n++;
	wiphy_unlock(f->wiphy);
	return n;
}

/**
 * owe_fake_sta_new - a station 02:00:00:00:01:@last_octet with a DH key
 * @f: the harness
 * @last_octet: the last octet of its address
 * @group: the DH group it offers
 *
 * Return: the station (freed with the test).
 */
struct owe_fake_sta *owe_fake_sta_new(struct owe_fake *f, u8 last_octet,
				      u16 group)
{
	struct owe_fake_sta *s = kunit_kzalloc(f->test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(f->test, s);
	s->addr[0] = 0x02;
	s->addr[4] = 0x01;
	s->addr[5] = last_octet;
	s->group = owe_group_get(group);
	KUNIT_ASSERT_NOT_NULL(f->test, s->group);
	KUNIT_ASSERT_EQ(f->test,
			owe_dh_key_generate(f->crypto, s->group, &s->key), 0);
	return s;
}

/**
 * owe_fake_sta_ies - the elements of the station's association request
 * @f: the harness
 * @s: the station
 * @flags: OWE_FAKE_ASSOC_*
 * @buf: destination
 * @size: room at @buf
 *
 * SSID, rates, the RSNE (kept in @s->rsne) and the DH Parameter element.
 *
 * Return: octets written.
 */
size_t owe_fake_sta_ies(struct owe_fake *f, struct owe_fake_sta *s,
			unsigned int flags, u8 *buf, size_t size)
{
	static const u8 rates[] = { WLAN_EID_SUPP_RATES, 4, 0x82, 0x84, 0x8b,
				    0x96 };
	struct owe_rsne_params p = {
		.pairwise = WLAN_CIPHER_SUITE_CCMP,
		.group = WLAN_CIPHER_SUITE_CCMP,
		.pmf = f->ap->cfg.pmf == OWE_PMF_OFF ? OWE_PMF_OFF :
						       OWE_PMF_OPTIONAL,
		.pmkid = flags & OWE_FAKE_ASSOC_PMKID ? s->pmkid : NULL,
	};
	size_t len = 0;
	int n;

	buf[len++] = WLAN_EID_SSID;
	buf[len++] = strlen(OWE_FAKE_SSID);
	memcpy(buf + len, OWE_FAKE_SSID, strlen(OWE_FAKE_SSID));
	len += strlen(OWE_FAKE_SSID);
	memcpy(buf + len, rates, sizeof(rates));
	len += sizeof(rates);
	n = owe_rsne_build(s->rsne, sizeof(s->rsne), &p);
	KUNIT_ASSERT_GT(f->test, n, 0);
	s->rsne_len = n;
	memcpy(buf + len, s->rsne, n);
	len += n;
	if (!(flags & OWE_FAKE_ASSOC_NO_DH)) {
		n = owe_dh_elem_build(buf + len, size - len, s->group,
				      s->key.pub);
		KUNIT_ASSERT_GT(f->test, n, 0);
		len += n;
	}
	return len;
}

/**
 * owe_fake_sta_assoc - the station (re)associates
 * @f: the harness
 * @s: the station, authenticated
 * @flags: OWE_FAKE_ASSOC_*
 *
 * On success with a DH element in the response, the station derives its
 * PMK and PMKID from the AP's public key.
 *
 * Return: the response's status code, or -ENOENT when none was sent.
 */
int owe_fake_sta_assoc(struct owe_fake *f, struct owe_fake_sta *s,
		       unsigned int flags)
{
	bool reassoc = flags & OWE_FAKE_ASSOC_REASSOC;
	const struct owe_fake_call *c;
	const struct element *elem;
	u8 z[OWE_MAX_PRIME_LEN];
	struct owe_dh_elem dh;
	unsigned int before;
	const u8 *ies;
	size_t len;
	u8 buf[256];

	if (flags & OWE_FAKE_ASSOC_NEW_KEY)
		KUNIT_ASSERT_EQ(f->test, owe_dh_key_generate(f->crypto, s->group,
							     &s->key), 0);
	len = owe_fake_sta_ies(f, s, flags, buf, sizeof(buf));
	before = owe_fake_count(f, OWE_FAKE_TX_MGMT);
	owe_fake_rx_assoc(f, s->addr, reassoc, buf, len);
	c = owe_fake_last_to(f, OWE_FAKE_TX_MGMT, s->addr);
	if (owe_fake_count(f, OWE_FAKE_TX_MGMT) == before || !c ||
	    owe_fake_stype(c) != (reassoc ? IEEE80211_STYPE_REASSOC_RESP :
					    IEEE80211_STYPE_ASSOC_RESP))
		return -ENOENT;
	s->status = owe_fake_status(c);
	s->aid = le16_to_cpu(((struct ieee80211_mgmt *)c->skb->data)->u.assoc_resp.aid) &
		 0x3fff;
	if (s->status != WLAN_STATUS_SUCCESS)
		return s->status;
	ies = owe_fake_resp_ies(c, &len);
	elem = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies, len);
	if (!elem)
		return s->status;
	KUNIT_ASSERT_EQ(f->test, owe_dh_elem_parse((const u8 *)elem,
						   2 + elem->datalen,
						   BIT(s->group->id), &dh), 0);
	memcpy(s->ap_pub, dh.key, s->group->prime_len);
	KUNIT_ASSERT_EQ(f->test, owe_dh_shared(f->crypto, &s->key, s->ap_pub,
					       z), 0);
	KUNIT_ASSERT_EQ(f->test, owe_pmk(f->crypto, s->group, s->key.pub,
					 s->ap_pub, z, s->pmk), 0);
	KUNIT_ASSERT_EQ(f->test, owe_pmkid(f->crypto, s->group, s->key.pub,
					   s->ap_pub, s->pmkid), 0);
	memzero_explicit(z, sizeof(z));
	return s->status;
}

/* the last EAPOL-Key frame the AP sent the station, parsed */
static int owe_fake_sta_last_key(struct owe_fake *f, struct owe_fake_sta *s,
				 struct owe_eapol_key *key,
				 const struct owe_fake_call **call)
{
	const struct owe_fake_call *c;

	c = owe_fake_last_to(f, OWE_FAKE_TX_EAPOL, s->addr);
	if (!c || !c->skb)
		return -ENOENT;
	*call = c;
	return owe_eapol_key_parse(c->skb->data, c->skb->len, s->group, key);
}

/**
 * owe_fake_sta_m1 - the station reads message 1
 * @f: the harness
 * @s: the station
 *
 * Keeps the ANonce, the replay counter and a PMKID KDE; picks an SNonce.
 *
 * Return: 0, or a negative error when the last EAPOL frame is no message 1.
 */
int owe_fake_sta_m1(struct owe_fake *f, struct owe_fake_sta *s)
{
	const struct owe_fake_call *c;
	struct owe_eapol_key key;
	const u8 *body;
	size_t blen;
	int ret;

	ret = owe_fake_sta_last_key(f, s, &key, &c);
	if (ret)
		return ret;
	if ((key.key_info & ~OWE_KEY_INFO_VERSION) !=
	    (OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_ACK))
		return -EPROTO;
	memcpy(s->anonce, key.nonce, OWE_NONCE_LEN);
	s->replay = key.replay;
	s->has_m1_pmkid = false;
	if (!owe_kde_find(key.key_data, key.key_data_len, OWE_KDE_PMKID, &body,
			  &blen) && blen == OWE_PMKID_LEN) {
		memcpy(s->m1_pmkid, body, OWE_PMKID_LEN);
		s->has_m1_pmkid = true;
	}
	get_random_bytes(s->snonce, sizeof(s->snonce));
	return 0;
}

/**
 * owe_fake_sta_send - the station sends an EAPOL-Key frame, MIC by its KCK
 * @f: the harness
 * @s: the station
 * @key_info: Key Information
 * @replay: replay counter
 * @kd: Key Data, or %NULL
 * @kd_len: octets of @kd
 * @corrupt_mic: flip a bit of the MIC
 *
 * Return: 0 or a negative error.
 */
int owe_fake_sta_send(struct owe_fake *f, struct owe_fake_sta *s,
		      u16 key_info, u64 replay, const u8 *kd, size_t kd_len,
		      bool corrupt_mic)
{
	struct owe_eapol_key key = {
		.version = 2,
		.key_info = key_info,
		.replay = replay,
		.nonce = s->snonce,
		.key_data = kd,
		.key_data_len = kd_len,
	};
	u8 buf[256];
	int len, ret;

	len = owe_eapol_key_build(buf, sizeof(buf), s->group, &key);
	if (len < 0)
		return len;
	ret = owe_eapol_key_sign(f->crypto, s->group, s->ptk.kck, buf, len);
	if (ret)
		return ret;
	if (corrupt_mic)
		buf[OWE_EAPOL_KEY_MIC_OFF] ^= 0x01;
	owe_fake_rx_eapol(f, s->addr, buf, len);
	return 0;
}

/* message 2: the PTK from the station's PMK, its RSNE, the MIC */
int owe_fake_sta_m2(struct owe_fake *f, struct owe_fake_sta *s)
{
	int ret;

	ret = owe_ptk_derive(f->crypto, s->group, s->pmk, owe_fake_bssid,
			     s->addr, s->anonce, s->snonce,
			     WLAN_CIPHER_SUITE_CCMP, &s->ptk);
	if (ret)
		return ret;
	return owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_MIC,
				 s->replay, s->rsne, s->rsne_len, false);
}

/* message 3 or group 1: MIC checked, Key Data unwrapped, GTK kept */
static int owe_fake_sta_wrapped(struct owe_fake *f, struct owe_fake_sta *s,
				u16 want)
{
	const struct owe_fake_call *c;
	struct owe_eapol_key key;
	u8 plain[256];
	const u8 *body;
	size_t blen;
	int ret, n;

	ret = owe_fake_sta_last_key(f, s, &key, &c);
	if (ret)
		return ret;
	if ((key.key_info & ~OWE_KEY_INFO_VERSION) != want)
		return -EPROTO;
	ret = owe_eapol_key_verify(f->crypto, s->group, s->ptk.kck,
				   c->skb->data, c->skb->len);
	if (ret)
		return ret;
	n = owe_key_data_unwrap(f->crypto, s->ptk.kek, s->ptk.kek_len,
				key.key_data, key.key_data_len, plain,
				sizeof(plain));
	if (n < 0)
		return n;
	ret = owe_kde_find(plain, n, OWE_KDE_GTK, &body, &blen);
	if (ret)
		return ret;
	if (blen < 3 || blen - 2 > sizeof(s->gtk))
		return -EMSGSIZE;
	s->gtk_idx = body[0] & 3;
	s->gtk_len = blen - 2;
	memcpy(s->gtk, body + 2, s->gtk_len);
	s->replay = key.replay;
	memzero_explicit(plain, sizeof(plain));
	return 0;
}

int owe_fake_sta_m3(struct owe_fake *f, struct owe_fake_sta *s)
{
	return owe_fake_sta_wrapped(f, s, OWE_KEY_INFO_PAIRWISE |
				    OWE_KEY_INFO_INSTALL | OWE_KEY_INFO_ACK |
				    OWE_KEY_INFO_MIC | OWE_KEY_INFO_SECURE |
				    OWE_KEY_INFO_ENC_KEY_DATA);
}

int owe_fake_sta_m4(struct owe_fake *f, struct owe_fake_sta *s)
{
	return owe_fake_sta_send(f, s, OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_MIC |
				 OWE_KEY_INFO_SECURE, s->replay, NULL, 0,
				 false);
}

int owe_fake_sta_g1(struct owe_fake *f, struct owe_fake_sta *s)
{
	return owe_fake_sta_wrapped(f, s, OWE_KEY_INFO_ACK | OWE_KEY_INFO_MIC |
				    OWE_KEY_INFO_SECURE |
				    OWE_KEY_INFO_ENC_KEY_DATA);
}

int owe_fake_sta_g2(struct owe_fake *f, struct owe_fake_sta *s)
{
	return owe_fake_sta_send(f, s, OWE_KEY_INFO_MIC | OWE_KEY_INFO_SECURE,
				 s->replay, NULL, 0, false);
}

/**
 * owe_fake_sta_connect - authentication, OWE association and the 4-way
 *	handshake; the test fails unless the port ends up open
 * @f: the harness
 * @s: the station
 */
void owe_fake_sta_connect(struct owe_fake *f, struct owe_fake_sta *s)
{
	struct kunit *test = f->test;

	owe_fake_rx_auth(f, s->addr, WLAN_AUTH_OPEN, 1);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_AUTH);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_assoc(f, s, 0), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m1(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m2(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m3(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_m4(f, s), 0);
	KUNIT_ASSERT_EQ(test, owe_fake_sta_state(f, s->addr),
			OWE_STA_STATE_IP_LEARN);
}
