// SPDX-License-Identifier: GPL-2.0
/*
 * The OWE part of a (re)association: the checks of the RSNE and the DH
 * Parameter element (also run in softirq, to refuse at once), PMKSA reuse,
 * the Diffie-Hellman exchange and the elements of the response.
 *
 * The outcome goes into a &struct owe_sta_rsn of the caller's; the
 * station itself changes only once every check passed (owe_sta_associate()),
 * so a forged request carrying an associated station's address leaves
 * that station as it was.
 */

#include <linux/ieee80211.h>
#include <net/cfg80211.h>

#include "core/ap.h"
#include "core/assoc.h"
#include "core/handshake.h"
#include "core/pmksa.h"
#include "core/sta.h"
#include "crypto/dh_key.h"
#include "crypto/point.h"
#include "wire/dh_elem.h"
#include "wire/rsne.h"

/**
 * owe_assoc_build_rsne - the RSNE of an OWE BSS
 * @ap: the BSS
 * @pmkid: a PMKID to list (association response under PMKSA caching), or
 *	%NULL
 * @buf: destination
 * @len: room at @buf
 *
 * Return: octets written or a negative error.
 */
int owe_assoc_build_rsne(struct owe_ap *ap, const u8 *pmkid, u8 *buf,
			 size_t len)
{
	struct owe_rsne_params p = {
		.pairwise = ap->cfg.cipher,
		.group = ap->cfg.cipher,
		.pmf = ap->cfg.pmf,
		.pmkid = pmkid,
	};

	return owe_rsne_build(buf, len, &p);
}

static u16 __owe_assoc_check(struct owe_ap *ap, const u8 *ies, size_t len,
			     bool *need_pmksa, bool point)
{
	const struct element *rsn, *dh;
	struct owe_dh_elem parsed;
	struct owe_rsne r;
	int ret;

	*need_pmksa = false;
	rsn = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	if (!rsn)
		return WLAN_STATUS_INVALID_IE;
	if (owe_rsne_parse((const u8 *)rsn, ies + len - (const u8 *)rsn, &r))
		return WLAN_STATUS_INVALID_IE;
	if (r.version != 1)
		return WLAN_STATUS_UNSUPP_RSN_VERSION;
	if (!r.owe_akm || r.akm_count != 1)
		return WLAN_STATUS_INVALID_AKMP;
	if (r.group != ap->cfg.cipher)
		return WLAN_STATUS_INVALID_GROUP_CIPHER;
	if (r.pairwise_count != 1 || r.pairwise != ap->cfg.cipher)
		return WLAN_STATUS_INVALID_PAIRWISE_CIPHER;
	if ((ap->cfg.pmf == OWE_PMF_REQUIRED && !r.mfpc) ||
	    (r.mfpr && ap->cfg.pmf == OWE_PMF_OFF))
		return WLAN_STATUS_ROBUST_MGMT_FRAME_POLICY_VIOLATION;

	dh = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies, len);
	if (!dh) {
		if (!r.pmkid_count)
			return owe_dh_status(-ENOENT);
		*need_pmksa = true;
		return WLAN_STATUS_SUCCESS;
	}
	if (point)
		ret = owe_dh_elem_validate((const u8 *)dh,
					   ies + len - (const u8 *)dh,
					   ap->cfg.groups, &parsed);
	else
		ret = owe_dh_elem_parse((const u8 *)dh,
					ies + len - (const u8 *)dh,
					ap->cfg.groups, &parsed);
	return owe_dh_status(ret);
}

/**
 * owe_assoc_check - the checks of an OWE association that need no state
 * @ap: an OWE BSS
 * @ies: the request's elements
 * @len: octets of @ies
 * @need_pmksa: set when only a cached PMKSA can make the request valid
 *	(PMKIDs offered without a DH element)
 *
 * Safe in softirq: it only parses, and checks that the DH element's key
 * is the x of a curve point. The status codes are those of IEEE 802.11
 * and RFC 8110 (77 for an unsupported group).
 *
 * Return: %WLAN_STATUS_SUCCESS or the status to reject with.
 */
u16 owe_assoc_check(struct owe_ap *ap, const u8 *ies, size_t len,
		    bool *need_pmksa)
{
	return __owe_assoc_check(ap, ies, len, need_pmksa, true);
}

static struct owe_pmksa *owe_assoc_pmksa(struct owe_sta *sta,
					 const struct owe_rsne *r)
{
	struct owe_pmksa *e;
	unsigned int i;

	for (i = 0; i < r->pmkid_count; i++) {
		e = owe_pmksa_find(sta->ap, sta->addr,
				   r->pmkids + i * OWE_PMKID_LEN);
		if (e)
			return e;
	}
	return NULL;
}

/**
 * owe_assoc_resp_ies - the elements an OWE association response adds
 * @ap: the BSS
 * @rsn: what the association settled
 * @buf: destination
 * @len: in: room at @buf; out: octets written
 *
 * The RSNE (with the PMKID under PMKSA caching) and, after a
 * Diffie-Hellman exchange, the DH Parameter element with the AP's key.
 *
 * Return: 0 or a negative error.
 */
int owe_assoc_resp_ies(struct owe_ap *ap, const struct owe_sta_rsn *rsn,
		       u8 *buf, size_t *len)
{
	size_t room = *len;
	int n;

	*len = 0;
	n = owe_assoc_build_rsne(ap, rsn->pmksa_cached ? rsn->pmkid : NULL,
				 buf, room);
	if (n < 0)
		return n;
	*len = n;
	if (rsn->pmksa_cached)
		return 0;
	n = owe_dh_elem_build(buf + *len, room - *len, rsn->group,
			      rsn->ap_key.pub);
	if (n < 0)
		return n;
	*len += n;
	return 0;
}

/**
 * owe_assoc_is_repeat - whether a request repeats the one that associated
 *	the station
 * @sta: the station
 * @ies: the request's elements
 * @len: octets of @ies
 *
 * A station whose association response got lost sends its request again
 * (a new frame, not a retransmission at the MAC layer). While its 4-way
 * handshake has not completed, a request with the same RSNE and the same
 * DH key (or the same PMKSA) is the same request: it gets the same answer,
 * as in hostapd >= 2.11, and the station stays in the driver. Once the
 * handshake completed the PMK is wiped: a new exchange then.
 *
 * Return: true for a repeat.
 */
bool owe_assoc_is_repeat(struct owe_sta *sta, const u8 *ies, size_t len)
{
	const struct owe_sta_rsn *cur = &sta->rsn;
	const struct element *rsne, *elem;
	struct owe_dh_elem dh;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!sta->in_driver || !cur->group ||
	    (sta->hs.state != OWE_HS_PTKSTART &&
	     sta->hs.state != OWE_HS_PTKINITNEGOTIATING))
		return false;
	rsne = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	if (!rsne || 2 + rsne->datalen != cur->assoc_rsne_len ||
	    memcmp(rsne, cur->assoc_rsne, cur->assoc_rsne_len))
		return false;
	elem = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies, len);
	if (cur->pmksa_cached)
		return !elem;
	if (!elem || owe_dh_elem_parse((const u8 *)elem,
				       ies + len - (const u8 *)elem,
				       sta->ap->cfg.groups, &dh))
		return false;
	return dh.group == cur->group &&
	       !memcmp(cur->client_x, dh.key, dh.group->prime_len);
}

/**
 * owe_assoc_owe - the OWE part of a (re)association, but the DH step
 * @sta: the station, authenticated; left unchanged
 * @ies: the request's elements
 * @len: octets of @ies
 * @rsn: receives the outcome (zeroed here; the caller wipes it)
 * @resp: receives the elements the response adds (RSNE)
 * @resp_len: in: room at @resp; out: octets written
 * @dh: receives the DH element when a Diffie-Hellman exchange is to run
 *	(core/dhq.c); its group is %NULL when a cached PMKSA settled it
 *
 * The checks of the request and PMKSA caching; the point of the DH
 * element was checked in softirq already, so it is only parsed here.
 *
 * Return: %WLAN_STATUS_SUCCESS or the status to reject with.
 */
u16 owe_assoc_owe(struct owe_sta *sta, const u8 *ies, size_t len,
		  struct owe_sta_rsn *rsn, u8 *resp, size_t *resp_len,
		  struct owe_dh_elem *dh)
{
	struct owe_ap *ap = sta->ap;
	const struct element *elem;
	struct owe_pmksa *cached;
	size_t room = *resp_len;
	bool need_pmksa;
	struct owe_rsne r;
	u16 status;

	lockdep_assert_wiphy(ap->wiphy);
	memset(rsn, 0, sizeof(*rsn));
	memset(dh, 0, sizeof(*dh));
	*resp_len = 0;
	status = __owe_assoc_check(ap, ies, len, &need_pmksa, false);
	if (status != WLAN_STATUS_SUCCESS)
		return status;
	elem = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	if (owe_rsne_parse((const u8 *)elem, ies + len - (const u8 *)elem, &r))
		return WLAN_STATUS_INVALID_IE;
	rsn->assoc_rsne_len = 2 + elem->datalen;
	memcpy(rsn->assoc_rsne, elem, rsn->assoc_rsne_len);
	rsn->mfp = r.mfpc && ap->cfg.pmf != OWE_PMF_OFF;

	cached = owe_assoc_pmksa(sta, &r);
	if (!cached) {
		if (need_pmksa)
			return owe_dh_status(-ENOENT);
		elem = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies,
					      len);
		if (owe_dh_elem_parse((const u8 *)elem,
				      ies + len - (const u8 *)elem,
				      ap->cfg.groups, dh))
			return WLAN_STATUS_UNSPECIFIED_FAILURE;
		return WLAN_STATUS_SUCCESS;
	}
	rsn->group = cached->group;
	memcpy(rsn->pmk, cached->pmk, cached->group->hash_len);
	memcpy(rsn->pmkid, cached->pmkid, OWE_PMKID_LEN);
	rsn->pmksa_cached = true;
	*resp_len = room;
	if (owe_assoc_resp_ies(ap, rsn, resp, resp_len))
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	return WLAN_STATUS_SUCCESS;
}
