// SPDX-License-Identifier: GPL-2.0
/*
 * The RSN side of an OWE BSS: what it advertises (the RSNE, built once; ap.c
 * splices it into the beacon tail owectl set), its group keys, and the OWE
 * part of (re)association: RSNE and DH element validation, PMKSA lookup,
 * the Diffie-Hellman exchange and the elements of the response.
 */

#include <linux/random.h>
#include <linux/slab.h>
#include <crypto/utils.h>

#include "backend.h"
#include "ie.h"
#include "owe.h"

static int owe_rsn_build_rsne(struct owe_ap *ap, const u8 *pmkid, u8 *buf,
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

static int owe_rsn_install_group_keys(struct owe_ap *ap)
{
	int ret;

	ap->gtk_len = owe_cipher_tk_len(ap->cfg.cipher);
	ap->gtk_idx = 1;
	get_random_bytes(ap->gtk, ap->gtk_len);
	ret = owe_be_set_key(ap, NULL, ap->cfg.cipher, ap->gtk_idx, ap->gtk,
			     ap->gtk_len, true);
	if (ret || ap->cfg.pmf == OWE_PMF_OFF)
		return ret;
	get_random_bytes(ap->igtk, sizeof(ap->igtk));
	return owe_be_set_key(ap, NULL, WLAN_CIPHER_SUITE_AES_CMAC, 4, ap->igtk,
			      sizeof(ap->igtk), true);
}

static void owe_rsn_rekey_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, rekey_work.work);
	int ret;

	lockdep_assert_wiphy(wiphy);
	ret = owe_rsn_rekey(ap);
	if (ret && ret != -EBUSY)
		netdev_warn(ap->dev, "periodic GTK rekey failed: %d\n", ret);
	wiphy_delayed_work_queue(wiphy, &ap->rekey_work,
				 (unsigned long)ap->cfg.gtk_rekey * HZ);
}

/**
 * owe_rsn_start - make a new BSS an OWE BSS
 * @ap: the BSS, attached to mac80211 and not yet listed
 * @extack: gets the reason of a failure
 *
 * Allocates the crypto transforms, builds the RSNE (the caller puts it into
 * the beacon), installs the group keys and starts EAPOL reception.
 *
 * Return: 0 or a negative error (with a message).
 */
int owe_rsn_start(struct owe_ap *ap, struct netlink_ext_ack *extack)
{
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	INIT_LIST_HEAD(&ap->pmksa);
	ap->crypto = owe_crypto_alloc();
	if (IS_ERR(ap->crypto)) {
		ret = PTR_ERR(ap->crypto);
		ap->crypto = NULL;
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot allocate the OWE crypto transforms (%d): is ecdh_generic loaded?",
				       ret);
		return ret;
	}
	ret = owe_rsn_build_rsne(ap, NULL, ap->rsne, sizeof(ap->rsne));
	if (ret < 0) {
		NL_SET_ERR_MSG_MOD(extack, "cannot build the RSNE");
		goto err_crypto;
	}
	ap->rsne_len = ret;
	ret = owe_rsn_install_group_keys(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot install the group keys (%d)", ret);
		goto err_keys;
	}
	owe_eapol_start(ap);
	wiphy_delayed_work_init(&ap->rekey_work, owe_rsn_rekey_work);
	if (ap->cfg.gtk_rekey)
		wiphy_delayed_work_queue(ap->wiphy, &ap->rekey_work,
					 (unsigned long)ap->cfg.gtk_rekey * HZ);
	return 0;

err_keys:
	owe_be_del_key(ap, NULL, 1);
	ap->rsne_len = 0;
err_crypto:
	owe_crypto_free(ap->crypto);
	ap->crypto = NULL;
	memzero_explicit(ap->gtk, sizeof(ap->gtk));
	memzero_explicit(ap->igtk, sizeof(ap->igtk));
	return ret;
}

/**
 * owe_rsn_stop - undo owe_rsn_start()
 * @ap: the BSS, its stations already gone
 * @by_mac80211: mac80211 is stopping the AP and drops keys and beacon
 *	itself
 */
void owe_rsn_stop(struct owe_ap *ap, bool by_mac80211)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (!ap->crypto)
		return;
	wiphy_delayed_work_cancel(ap->wiphy, &ap->rekey_work);
	owe_eapol_stop(ap);
	if (!by_mac80211) {
		if (ap->rekeying)
			owe_be_del_key(ap, NULL, 3 - ap->gtk_idx);
		owe_be_del_key(ap, NULL, ap->gtk_idx);
		if (ap->cfg.pmf != OWE_PMF_OFF)
			owe_be_del_key(ap, NULL, 4);
	}
	owe_pmksa_flush(ap);
	owe_crypto_free(ap->crypto);
	ap->crypto = NULL;
	ap->rsne_len = 0;
	memzero_explicit(ap->gtk, sizeof(ap->gtk));
	memzero_explicit(ap->gtk_next, sizeof(ap->gtk_next));
	memzero_explicit(ap->igtk, sizeof(ap->igtk));
	ap->rekeying = false;
}

/**
 * owe_rsn_check - the checks of an OWE association that need no state
 * @ap: an OWE BSS
 * @ies: the request's elements
 * @len: octets of @ies
 * @need_pmksa: set when only a cached PMKSA can make the request valid
 *	(PMKIDs offered without a DH element)
 *
 * Safe in softirq: it only parses. The status codes are those of
 * IEEE 802.11 and RFC 8110 (77 for an unsupported group).
 *
 * Return: %WLAN_STATUS_SUCCESS or the status to reject with.
 */
u16 owe_rsn_check(struct owe_ap *ap, const u8 *ies, size_t len,
		  bool *need_pmksa)
{
	const struct element *rsn, *dh;
	struct owe_dh_elem parsed;
	struct owe_rsne r;

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
	return owe_dh_status(owe_dh_elem_parse((const u8 *)dh,
					       ies + len - (const u8 *)dh,
					       ap->cfg.groups, &parsed));
}

/**
 * owe_rsn_sta_clear - wipe a station's OWE secrets
 * @sta: the station
 */
void owe_rsn_sta_clear(struct owe_sta *sta)
{
	owe_dh_key_clear(&sta->ap_key);
	memzero_explicit(sta->pmk, sizeof(sta->pmk));
	memzero_explicit(&sta->ptk, sizeof(sta->ptk));
	sta->group = NULL;
	sta->pmksa_cached = false;
	if (sta->wpa_state == OWE_WPA_REKEYNEGOTIATING) {
		sta->wpa_state = OWE_WPA_IDLE;
		owe_rsn_rekey_sta_done(sta->ap);
	}
	sta->wpa_state = OWE_WPA_IDLE;
}

static struct owe_pmksa *owe_rsn_pmksa(struct owe_sta *sta,
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

static u16 owe_rsn_dh(struct owe_sta *sta, const u8 *ies, size_t len)
{
	const struct element *elem;
	struct owe_dh_elem dh;
	bool same;
	int ret;

	elem = cfg80211_find_ext_elem(WLAN_EID_EXT_OWE_DH_PARAM, ies, len);
	if (!elem)
		return owe_dh_status(-ENOENT);
	ret = owe_dh_elem_parse((const u8 *)elem, ies + len - (const u8 *)elem,
				sta->ap->cfg.groups, &dh);
	if (ret)
		return owe_dh_status(ret);

	/*
	 * A retransmitted request (same group and key, handshake not done)
	 * keeps the AP's key pair, so both copies get the same answer.
	 */
	same = sta->ap_key.group == dh.group &&
	       sta->wpa_state != OWE_WPA_PTKINITDONE &&
	       !memcmp(sta->client_x, dh.key, dh.group->prime_len);
	if (!same)
		owe_dh_key_clear(&sta->ap_key);
	ret = owe_dh_derive(sta->ap->crypto, dh.group, &sta->ap_key, dh.key,
			    sta->pmk, sta->pmkid);
	if (ret) {
		netdev_dbg(sta->ap->dev, "station %pM: DH failed: %d\n",
			   sta->addr, ret);
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	}
	memcpy(sta->client_x, dh.key, dh.group->prime_len);
	sta->group = dh.group;
	sta->pmksa_cached = false;
	owe_pmksa_add(sta->ap, sta->addr, dh.group, sta->pmk, sta->pmkid);
	return WLAN_STATUS_SUCCESS;
}

/**
 * owe_rsn_assoc - the OWE part of a (re)association
 * @sta: the station, authenticated
 * @ies: the request's elements
 * @len: octets of @ies
 * @resp: receives the elements the response adds (RSNE, DH element)
 * @resp_len: in: room at @resp; out: octets written
 *
 * Uses a cached PMKSA when the station offers one, otherwise runs the
 * Diffie-Hellman exchange (process context: ECDH sleeps). On success the
 * station has its PMK, PMKID, group and MFP flag.
 *
 * Return: %WLAN_STATUS_SUCCESS or the status to reject with.
 */
u16 owe_rsn_assoc(struct owe_sta *sta, const u8 *ies, size_t len,
		  u8 *resp, size_t *resp_len)
{
	struct owe_ap *ap = sta->ap;
	const struct element *rsn;
	struct owe_pmksa *cached;
	bool need_pmksa;
	struct owe_rsne r;
	size_t room = *resp_len;
	u16 status;
	int n;

	lockdep_assert_wiphy(ap->wiphy);
	might_sleep();
	*resp_len = 0;
	status = owe_rsn_check(ap, ies, len, &need_pmksa);
	if (status != WLAN_STATUS_SUCCESS)
		return status;
	rsn = cfg80211_find_elem(WLAN_EID_RSN, ies, len);
	if (owe_rsne_parse((const u8 *)rsn, ies + len - (const u8 *)rsn, &r))
		return WLAN_STATUS_INVALID_IE;
	sta->assoc_rsne_len = 2 + rsn->datalen;
	memcpy(sta->assoc_rsne, rsn, sta->assoc_rsne_len);
	sta->mfp = r.mfpc && ap->cfg.pmf != OWE_PMF_OFF;

	cached = owe_rsn_pmksa(sta, &r);
	if (cached) {
		owe_dh_key_clear(&sta->ap_key);
		sta->group = cached->group;
		memcpy(sta->pmk, cached->pmk, cached->group->hash_len);
		memcpy(sta->pmkid, cached->pmkid, OWE_PMKID_LEN);
		sta->pmksa_cached = true;
		owe_count(ap, OWE_CNT_PMKSA_HIT);
	} else {
		status = need_pmksa ? owe_dh_status(-ENOENT) :
				      owe_rsn_dh(sta, ies, len);
		if (status != WLAN_STATUS_SUCCESS)
			return status;
	}

	n = owe_rsn_build_rsne(ap, sta->pmksa_cached ? sta->pmkid : NULL,
			       resp, room);
	if (n < 0)
		return WLAN_STATUS_UNSPECIFIED_FAILURE;
	*resp_len = n;
	if (!sta->pmksa_cached) {
		n = owe_dh_elem_build(resp + *resp_len, room - *resp_len,
				      sta->group, sta->ap_key.pub);
		if (n < 0)
			return WLAN_STATUS_UNSPECIFIED_FAILURE;
		*resp_len += n;
	}
	return WLAN_STATUS_SUCCESS;
}

static void owe_rsn_rekey_finish(struct owe_ap *ap)
{
	u8 old = ap->gtk_idx;
	int ret;

	/* every station has the new key (or is gone): transmit with it */
	ret = owe_be_set_key(ap, NULL, ap->cfg.cipher, 3 - old, ap->gtk_next,
			     ap->gtk_len, true);
	if (ret) {
		netdev_warn(ap->dev, "GTK rekey: cannot switch keys: %d\n", ret);
	} else {
		owe_be_del_key(ap, NULL, old);
		memcpy(ap->gtk, ap->gtk_next, ap->gtk_len);
		ap->gtk_idx = 3 - old;
		netdev_info(ap->dev, "GTK rekeyed, key index %u\n", ap->gtk_idx);
	}
	memzero_explicit(ap->gtk_next, sizeof(ap->gtk_next));
	ap->rekeying = false;
}

/**
 * owe_rsn_rekey_sta_done - a station confirmed the new GTK, or left
 * @ap: the BSS
 */
void owe_rsn_rekey_sta_done(struct owe_ap *ap)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (!ap->rekeying || WARN_ON_ONCE(!ap->rekey_pending))
		return;
	if (!--ap->rekey_pending)
		owe_rsn_rekey_finish(ap);
}

/**
 * owe_rsn_rekey - start a GTK rekey
 * @ap: an OWE BSS
 *
 * The new GTK goes to the driver under the other key index at once, for
 * transmission only once every station confirmed it in a group key
 * handshake; until then the old one stays in use.
 *
 * Return: 0, -EBUSY while a rekey runs, or a negative error.
 */
int owe_rsn_rekey(struct owe_ap *ap)
{
	struct owe_sta *sta;
	int bkt, ret;

	lockdep_assert_wiphy(ap->wiphy);
	if (ap->rekeying)
		return -EBUSY;
	get_random_bytes(ap->gtk_next, ap->gtk_len);
	ret = owe_be_set_key(ap, NULL, ap->cfg.cipher, 3 - ap->gtk_idx,
			     ap->gtk_next, ap->gtk_len, false);
	if (ret) {
		memzero_explicit(ap->gtk_next, sizeof(ap->gtk_next));
		return ret;
	}
	ap->rekeying = true;
	ap->rekey_pending = 1;	/* dropped below, once all are asked */
	owe_for_each_sta(ap, bkt, sta) {
		if (sta->wpa_state != OWE_WPA_PTKINITDONE)
			continue;
		ap->rekey_pending++;
		owe_wpa_rekey(sta);
	}
	owe_rsn_rekey_sta_done(ap);
	return 0;
}
