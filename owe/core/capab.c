// SPDX-License-Identifier: GPL-2.0
/*
 * The station's capabilities for the driver, as hostapd chooses them: its
 * supported rates; HT, VHT, HE and EHT only with WMM and only what the BSS
 * advertises itself (HE 6 GHz band capabilities instead of HT and VHT on
 * 6 GHz); its WMM U-APSD queues if the BSS offers U-APSD; its extended
 * capabilities, operating mode notification, listen interval and
 * capability information; the MFP, short preamble and WMM flags.
 * Elements too short for what they carry are ignored, as mac80211's
 * parser does.
 */

#include <linux/ieee80211.h>
#include <linux/string.h>
#include <kunit/visibility.h>
#include <net/cfg80211.h>

#include "core/capab.h"

/* the WMM Information (subtype 0) or Parameter (1) element */
static const struct element *owe_capab_wmm(const u8 *ies, size_t len,
					   u8 subtype)
{
	const struct element *elem;

	for_each_element_id(elem, WLAN_EID_VENDOR_SPECIFIC, ies, len)
		if (elem->datalen >= 7 && elem->data[0] == 0x00 &&
		    elem->data[1] == 0x50 && elem->data[2] == 0xf2 &&
		    elem->data[3] == WLAN_OUI_TYPE_MICROSOFT_WMM &&
		    elem->data[4] == subtype)
			return elem;
	return NULL;
}

/**
 * owe_capab_bss_parse - what a BSS advertises, from its beacon's elements
 * @bss: filled in; @bss->band_6ghz is left alone
 * @ies: the beacon's elements
 * @len: octets of @ies
 */
void owe_capab_bss_parse(struct owe_capab_bss *bss, const u8 *ies, size_t len)
{
	const struct element *wmm = owe_capab_wmm(ies, len, 1);

	bss->wmm = wmm;
	bss->uapsd = wmm && (wmm->data[6] & 0x80);
	bss->ht = cfg80211_find_elem(WLAN_EID_HT_CAPABILITY, ies, len);
	bss->vht = cfg80211_find_elem(WLAN_EID_VHT_CAPABILITY, ies, len);
	bss->he = cfg80211_find_ext_elem(WLAN_EID_EXT_HE_CAPABILITY, ies, len);
	bss->eht = cfg80211_find_ext_elem(WLAN_EID_EXT_EHT_CAPABILITY, ies,
					  len);
}
EXPORT_SYMBOL_IF_KUNIT(owe_capab_bss_parse);

/* an element's data if it carries at least @min octets, else NULL */
static const u8 *owe_capab_find(u8 eid, const u8 *ies, size_t len,
				size_t min, u8 *elen)
{
	const struct element *elem = cfg80211_find_elem(eid, ies, len);

	if (!elem || elem->datalen < min)
		return NULL;
	*elen = elem->datalen;
	return elem->data;
}

/* an extension element's data after its ID, if at least @min octets */
static const u8 *owe_capab_find_ext(u8 ext, const u8 *ies, size_t len,
				    size_t min, u8 *elen)
{
	const struct element *elem = cfg80211_find_ext_elem(ext, ies, len);

	if (!elem || elem->datalen - 1 < min)
		return NULL;
	*elen = elem->datalen - 1;
	return elem->data + 1;
}

static int owe_capab_rates(struct owe_be_sta *sta, const u8 *ies, size_t len)
{
	const struct element *rates, *ext;
	size_t n;

	rates = cfg80211_find_elem(WLAN_EID_SUPP_RATES, ies, len);
	ext = cfg80211_find_elem(WLAN_EID_EXT_SUPP_RATES, ies, len);
	n = (rates ? rates->datalen : 0) + (ext ? ext->datalen : 0);
	/* as hostapd: no rate or more than fit is a broken request */
	if (!rates || !n || n > sizeof(sta->rates))
		return -EINVAL;
	memcpy(sta->rates, rates->data, rates->datalen);
	if (ext)
		memcpy(sta->rates + rates->datalen, ext->data, ext->datalen);
	sta->params.link_sta_params.supported_rates = sta->rates;
	sta->params.link_sta_params.supported_rates_len = n;
	return 0;
}

/* HT and later: only with WMM, only what the BSS has */
static void owe_capab_wmm_sta(struct owe_be_sta *sta,
			      const struct owe_capab_bss *bss,
			      const u8 *ies, size_t len)
{
	struct link_station_parameters *link = &sta->params.link_sta_params;
	const struct element *wmm = owe_capab_wmm(ies, len, 0);
	const u8 *data;
	u8 n;

	if (bss->band_6ghz) {
		link->he_6ghz_capa = (const void *)
			owe_capab_find_ext(WLAN_EID_EXT_HE_6GHZ_CAPA, ies, len,
					   sizeof(*link->he_6ghz_capa), &n);
	} else {
		if (bss->ht)
			link->ht_capa = (const void *)
				owe_capab_find(WLAN_EID_HT_CAPABILITY, ies, len,
					       sizeof(*link->ht_capa), &n);
		if (bss->vht)
			link->vht_capa = (const void *)
				owe_capab_find(WLAN_EID_VHT_CAPABILITY, ies,
					       len, sizeof(*link->vht_capa), &n);
	}
	data = bss->he ? owe_capab_find_ext(WLAN_EID_EXT_HE_CAPABILITY, ies,
					    len, 1, &n) : NULL;
	if (data && n <= NL80211_HE_MAX_CAPABILITY_LEN &&
	    ieee80211_he_capa_size_ok(data, n)) {
		link->he_capa = (const void *)data;
		link->he_capa_len = n;
		data = bss->eht ? owe_capab_find_ext(WLAN_EID_EXT_EHT_CAPABILITY,
						     ies, len, 1, &n) : NULL;
		if (data && ieee80211_eht_capa_size_ok((const u8 *)link->he_capa,
						       data, n, false)) {
			link->eht_capa = (const void *)data;
			link->eht_capa_len = n;
		}
	}
	data = owe_capab_find(WLAN_EID_OPMODE_NOTIF, ies, len, 1, &n);
	if (data) {
		link->opmode_notif_used = true;
		link->opmode_notif = *data;
	}
	/* WMM Information: OUI, type, subtype, version, QoS Info */
	if (bss->uapsd && wmm) {
		sta->params.uapsd_queues = wmm->data[6] &
					   IEEE80211_WMM_IE_STA_QOSINFO_AC_MASK;
		sta->params.max_sp = (wmm->data[6] >>
				      IEEE80211_WMM_IE_STA_QOSINFO_SP_SHIFT) &
				     IEEE80211_WMM_IE_STA_QOSINFO_SP_MASK;
		sta->params.sta_modify_mask |= STATION_PARAM_APPLY_UAPSD;
	}
}

/**
 * owe_capab_sta - the station parameters of an associating station
 * @sta: filled in but for @sta->addr and the AID
 * @bss: what the BSS advertises
 * @capability: Capability Information of the request
 * @listen_interval: Listen Interval of the request
 * @mfp: management frame protection was negotiated
 * @ies: the request's elements, complete (owe_mlme_ies_complete())
 * @len: octets of @ies
 *
 * The station is added authenticated and associated. Its parameters point
 * into @ies and @sta->rates.
 *
 * Return: 0, or -EINVAL when the request carries no supported rates or
 * more than a station may have.
 */
int owe_capab_sta(struct owe_be_sta *sta, const struct owe_capab_bss *bss,
		  u16 capability, u16 listen_interval, bool mfp,
		  const u8 *ies, size_t len)
{
	struct station_parameters *p = &sta->params;
	bool wme = bss->wmm && cfg80211_find_vendor_elem(WLAN_OUI_MICROSOFT,
							 WLAN_OUI_TYPE_MICROSOFT_WMM,
							 ies, len);
	const u8 *ext;
	u8 n;

	memset(p, 0, sizeof(*p));
	p->link_sta_params.link_id = -1;
	p->listen_interval = listen_interval;
	p->capability = capability;
	p->sta_modify_mask = STATION_PARAM_APPLY_CAPABILITY;
	p->sta_flags_mask = BIT(NL80211_STA_FLAG_AUTHENTICATED) |
			    BIT(NL80211_STA_FLAG_ASSOCIATED) |
			    BIT(NL80211_STA_FLAG_SHORT_PREAMBLE) |
			    BIT(NL80211_STA_FLAG_WME) |
			    BIT(NL80211_STA_FLAG_MFP);
	p->sta_flags_set = BIT(NL80211_STA_FLAG_AUTHENTICATED) |
			   BIT(NL80211_STA_FLAG_ASSOCIATED);
	if (capability & WLAN_CAPABILITY_SHORT_PREAMBLE)
		p->sta_flags_set |= BIT(NL80211_STA_FLAG_SHORT_PREAMBLE);
	if (mfp)
		p->sta_flags_set |= BIT(NL80211_STA_FLAG_MFP);
	ext = owe_capab_find(WLAN_EID_EXT_CAPABILITY, ies, len, 1, &n);
	if (ext) {
		p->ext_capab = ext;
		p->ext_capab_len = n;
	}
	if (wme) {
		p->sta_flags_set |= BIT(NL80211_STA_FLAG_WME);
		owe_capab_wmm_sta(sta, bss, ies, len);
	}
	return owe_capab_rates(sta, ies, len);
}
EXPORT_SYMBOL_IF_KUNIT(owe_capab_sta);
