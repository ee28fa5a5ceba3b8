// SPDX-License-Identifier: GPL-2.0
/*
 * What a BSS says before anyone associates. The module splices its
 * elements into the beacon tail owectl set (the RSNE of an OWE BSS after
 * the rates, the OWE Transition Mode element at the end), and derives
 * from the live beacon the probe response template (answered in softirq)
 * and the elements of association responses.
 */

#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/slab.h>
#include <net/cfg80211.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/beacon.h"
#include "core/capab.h"
#include "core/mlme.h"
#include "wire/trans.h"

#define OWE_FIXED_LEN	offsetof(struct ieee80211_mgmt, u.beacon.variable)

/* an element the module puts into the tail itself */
static bool owe_beacon_elem_own(const struct owe_ap *ap,
				const struct element *elem)
{
	if (elem->id == WLAN_EID_RSN)
		return owe_ap_is_owe(ap);
	return elem->id == WLAN_EID_VENDOR_SPECIFIC && elem->datalen >= 4 &&
	       elem->data[0] == 0x50 && elem->data[1] == 0x6f &&
	       elem->data[2] == 0x9a && elem->data[3] == OWE_TRANS_OUI_TYPE;
}

/**
 * owe_beacon_start - remember the beacon tail owectl (or whoever changed
 *	the beacon since) set, without the module's own elements
 * @ap: the BSS
 *
 * Return: 0 or a negative error.
 */
int owe_beacon_start(struct owe_ap *ap)
{
	unsigned int tim_off, tim_len;
	const struct element *elem;
	struct sk_buff *skb;
	size_t len = 0;
	u8 *tail;

	lockdep_assert_wiphy(ap->wiphy);
	skb = owe_be_beacon(&ap->be, &tim_off, &tim_len);
	if (!skb)
		return -ENODATA;
	if (!tim_off || tim_off + tim_len > skb->len) {
		dev_kfree_skb(skb);
		return -EINVAL;
	}
	tail = kmalloc(skb->len - tim_off - tim_len + 1, GFP_KERNEL);
	if (!tail) {
		dev_kfree_skb(skb);
		return -ENOMEM;
	}
	for_each_element(elem, skb->data + tim_off + tim_len,
			 skb->len - tim_off - tim_len) {
		if (owe_beacon_elem_own(ap, elem))
			continue;
		memcpy(tail + len, elem, sizeof(*elem) + elem->datalen);
		len += sizeof(*elem) + elem->datalen;
	}
	dev_kfree_skb(skb);
	kfree(ap->orig_tail);
	ap->orig_tail = tail;
	ap->orig_tail_len = len;
	return 0;
}

/**
 * owe_beacon_stop - give the beacon back and drop the templates
 * @ap: the BSS
 * @by_driver: the AP stopped: there is no beacon to restore
 */
void owe_beacon_stop(struct owe_ap *ap, bool by_driver)
{
	struct owe_probe_tmpl *tmpl;

	lockdep_assert_wiphy(ap->wiphy);
	if (!by_driver && ap->orig_tail)
		owe_be_set_beacon_tail(&ap->be, ap->orig_tail, ap->orig_tail_len);
	kfree(ap->orig_tail);
	ap->orig_tail = NULL;
	tmpl = rcu_replace_pointer(ap->probe_tmpl, NULL,
				   lockdep_is_held(&ap->wiphy->mtx));
	if (tmpl)
		kfree_rcu(tmpl, rcu);
}

static bool owe_elem_is_wmm_param(const struct element *elem)
{
	return elem->id == WLAN_EID_VENDOR_SPECIFIC && elem->datalen >= 5 &&
	       elem->data[0] == 0x00 && elem->data[1] == 0x50 &&
	       elem->data[2] == 0xf2 &&
	       elem->data[3] == WLAN_OUI_TYPE_MICROSOFT_WMM &&
	       elem->data[4] == 1;
}

static bool owe_elem_in_assoc_resp(u8 id)
{
	switch (id) {
	case WLAN_EID_SUPP_RATES:
	case WLAN_EID_EXT_SUPP_RATES:
	case WLAN_EID_HT_CAPABILITY:
	case WLAN_EID_HT_OPERATION:
	case WLAN_EID_EXT_CAPABILITY:
	case WLAN_EID_VHT_CAPABILITY:
	case WLAN_EID_VHT_OPERATION:
		return true;
	}
	return false;
}

static int owe_append(u8 *buf, unsigned int size, unsigned int *len,
		      const void *data, unsigned int n)
{
	if (*len + n > size)
		return -ENOSPC;
	memcpy(buf + *len, data, n);
	*len += n;
	return 0;
}

/*
 * One element of the beacon into the probe response template: the TIM is
 * left out, the first SSID element carries the real SSID (a hidden BSS
 * beacons an empty one), further SSID elements are dropped. Every write
 * is bounded by the template's size.
 */
static int owe_beacon_tmpl_elem(struct owe_ap *ap, struct owe_probe_tmpl *tmpl,
				unsigned int size, const struct element *elem,
				bool *ssid_done)
{
	u8 ssid[2 + IEEE80211_MAX_SSID_LEN];

	if (elem->id == WLAN_EID_TIM)
		return 0;
	if (elem->id != WLAN_EID_SSID)
		return owe_append(tmpl->frame, size, &tmpl->len, elem,
				  sizeof(*elem) + elem->datalen);
	if (*ssid_done)
		return 0;
	*ssid_done = true;
	ssid[0] = WLAN_EID_SSID;
	ssid[1] = ap->ssid_len;
	memcpy(ssid + 2, ap->ssid, ap->ssid_len);
	return owe_append(tmpl->frame, size, &tmpl->len, ssid,
			  2 + ap->ssid_len);
}

/*
 * The probe response template (the beacon without TIM, with the real
 * SSID) and the elements of association responses, from the live beacon.
 */
static int owe_beacon_templates(struct owe_ap *ap)
{
	struct owe_probe_tmpl *tmpl, *old;
	const struct ieee80211_mgmt *bcn;
	unsigned int tim_off, tim_len, size;
	struct ieee80211_channel *chan;
	const struct element *elem;
	struct ieee80211_mgmt *resp;
	bool ssid_done = false;
	struct sk_buff *skb;
	int ret = -EINVAL;

	lockdep_assert_wiphy(ap->wiphy);
	skb = owe_be_beacon(&ap->be, &tim_off, &tim_len);
	if (!skb)
		return -ENODATA;
	if (skb->len < OWE_FIXED_LEN)
		goto out;
	bcn = (void *)skb->data;
	ap->capability = le16_to_cpu(bcn->u.beacon.capab_info);

	/* one SSID element at most grows: by the real SSID's length */
	size = skb->len + IEEE80211_MAX_SSID_LEN;
	tmpl = kzalloc(struct_size(tmpl, frame, size), GFP_KERNEL);
	if (!tmpl) {
		ret = -ENOMEM;
		goto out;
	}
	resp = (void *)tmpl->frame;
	resp->frame_control = cpu_to_le16(IEEE80211_FTYPE_MGMT |
					  IEEE80211_STYPE_PROBE_RESP);
	ether_addr_copy(resp->sa, ap->bssid);
	ether_addr_copy(resp->bssid, ap->bssid);
	resp->u.probe_resp.beacon_int = bcn->u.beacon.beacon_int;
	resp->u.probe_resp.capab_info = bcn->u.beacon.capab_info;
	tmpl->len = OWE_FIXED_LEN;

	ap->resp_ies_len = 0;
	ap->wmm_ie_len = 0;
	owe_capab_bss_parse(&ap->capab, bcn->u.beacon.variable,
			    skb->len - OWE_FIXED_LEN);
	chan = ap->dev->ieee80211_ptr->links[0].ap.chandef.chan;
	ap->capab.band_6ghz = chan && chan->band == NL80211_BAND_6GHZ;
	ret = 0;
	for_each_element(elem, bcn->u.beacon.variable, skb->len - OWE_FIXED_LEN) {
		unsigned int n = sizeof(*elem) + elem->datalen;

		ret = owe_beacon_tmpl_elem(ap, tmpl, size, elem, &ssid_done);
		if (!ret && owe_elem_in_assoc_resp(elem->id))
			ret = owe_append(ap->resp_ies, sizeof(ap->resp_ies),
					 &ap->resp_ies_len, elem, n);
		else if (!ret && owe_elem_is_wmm_param(elem) && !ap->wmm_ie_len)
			ret = owe_append(ap->wmm_ie, sizeof(ap->wmm_ie),
					 &ap->wmm_ie_len, elem, n);
		if (ret)
			break;
	}
	if (ret) {
		kfree(tmpl);
		goto out;
	}
	old = rcu_replace_pointer(ap->probe_tmpl, tmpl,
				  lockdep_is_held(&ap->wiphy->mtx));
	if (old)
		kfree_rcu(old, rcu);
out:
	dev_kfree_skb(skb);
	return ret;
}

/* elements that precede the RSNE in a beacon tail (IEEE 802.11 order) */
static bool owe_tail_before_rsne(u8 id)
{
	return id == WLAN_EID_ERP_INFO || id == WLAN_EID_EXT_SUPP_RATES ||
	       id == WLAN_EID_COUNTRY || id == WLAN_EID_PWR_CONSTRAINT;
}

/**
 * owe_beacon_update - put the module's elements into the beacon
 * @ap: the BSS
 * @partner: what the transition element names, or %NULL for none
 *
 * The tail owectl set, with the RSNE of an OWE BSS after the rates and the
 * OWE Transition Mode element at the end; the templates follow.
 *
 * Return: 0 or a negative error.
 */
int owe_beacon_update(struct owe_ap *ap, const struct owe_trans *partner)
{
	u8 trans[OWE_TRANS_ELEM_MAX_LEN];
	const struct element *elem;
	size_t split = 0, len;
	int trans_len = 0;
	u8 *tail;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	if (partner) {
		trans_len = owe_trans_elem_build(trans, sizeof(trans), partner);
		if (trans_len < 0)
			return trans_len;
	}
	if (!ap->rsne_len && !trans_len && !ap->cfg.transition_ifindex)
		return owe_beacon_templates(ap);

	for_each_element(elem, ap->orig_tail, ap->orig_tail_len) {
		if (!owe_tail_before_rsne(elem->id))
			break;
		split = (const u8 *)elem - ap->orig_tail + 2 + elem->datalen;
	}
	len = ap->orig_tail_len + ap->rsne_len + trans_len;
	tail = kmalloc(len ?: 1, GFP_KERNEL);
	if (!tail)
		return -ENOMEM;
	memcpy(tail, ap->orig_tail, split);
	memcpy(tail + split, ap->rsne, ap->rsne_len);
	memcpy(tail + split + ap->rsne_len, ap->orig_tail + split,
	       ap->orig_tail_len - split);
	memcpy(tail + ap->orig_tail_len + ap->rsne_len, trans, trans_len);
	ret = owe_be_set_beacon_tail(&ap->be, tail, len);
	kfree(tail);
	if (ret)
		return ret;
	return owe_beacon_templates(ap);
}

/**
 * owe_beacon_probe - answer a probe request from the template (softirq)
 * @ap: the BSS
 * @skb: the request; the caller frees it
 */
void owe_beacon_probe(struct owe_ap *ap, struct sk_buff *skb)
{
	const struct ieee80211_mgmt *req = (void *)skb->data;
	const unsigned int fixed = offsetof(struct ieee80211_mgmt,
					    u.probe_req.variable);
	const struct owe_probe_tmpl *tmpl;
	const struct element *ssid;
	struct ieee80211_mgmt *resp;
	struct sk_buff *out;
	bool wildcard, match;

	owe_count(ap, OWE_CNT_RX_PROBE);
	ssid = cfg80211_find_elem(WLAN_EID_SSID, req->u.probe_req.variable,
				  skb->len - fixed);
	if (!ssid) {
		owe_mlme_malformed(ap, req, "probe request without SSID");
		return;
	}
	wildcard = !ssid->datalen;
	match = ssid->datalen == ap->ssid_len &&
		!memcmp(ssid->data, ap->ssid, ap->ssid_len);
	if (ap->cfg.hidden) {
		/* a hidden BSS answers only who names it */
		if (!match && !(wildcard && ether_addr_equal(req->bssid, ap->bssid)))
			return;
	} else if (!wildcard && !match) {
		return;
	}

	tmpl = rcu_dereference(ap->probe_tmpl);
	if (!tmpl)
		return;
	out = owe_be_alloc_mgmt(&ap->be, tmpl->len);
	if (!out)
		return;
	resp = skb_put_data(out, tmpl->frame, tmpl->len);
	ether_addr_copy(resp->da, req->sa);
	if (!owe_be_tx_mgmt(&ap->be, out))
		owe_count(ap, OWE_CNT_TX_PROBE_RESP);
}
