// SPDX-License-Identifier: GPL-2.0
/*
 * The 4-way handshake of an OWE BSS, authenticator side (IEEE 802.11
 * 12.7.6; AKM 18: key descriptor version 0, MIC length by group).
 *
 *   M1  ANonce (+ PMKID KDE under PMKSA caching)       ->
 *   M2  <- SNonce, the station's RSNE, MIC
 *   M3  ANonce, RSC, {RSNE, GTK KDE, IGTK KDE}KEK, MIC ->
 *   M4  <- MIC; then the PTK goes to the driver and the port opens
 *
 * Messages 1 and 3 are retransmitted (100 ms, then 1 s apart) up to four
 * times with a fresh replay counter; then the station is deauthenticated
 * with reason 15.
 *
 * A GTK rekey runs the group key handshake with each station that
 * finished the 4-way handshake:
 *
 *   G1  RSC, {GTK KDE}KEK, MIC ->
 *   G2  <- MIC
 *
 * retransmitted the same way, reason 16 after four tries. Everything runs
 * under the wiphy mutex.
 */

#include <linux/random.h>
#include <linux/unaligned.h>
#include <crypto/sha2.h>
#include <kunit/visibility.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/eapol.h"
#include "core/gtk.h"
#include "core/handshake.h"
#include "core/mlme.h"
#include "core/pmksa.h"
#include "core/sta.h"
#include "crypto/eapol_mic.h"
#include "crypto/kdf.h"
#include "wire/eapol_key.h"
#include "wire/kde.h"

#define OWE_EAPOL_VERSION	2
#define OWE_EAPOL_TRIES		4
#define OWE_EAPOL_BUF		512

static const char *owe_hs_msg_name(enum owe_hs_state state)
{
	switch (state) {
	case OWE_HS_PTKSTART:
		return "1/4";
	case OWE_HS_REKEYNEGOTIATING:
		return "group 1/2";
	default:
		return "3/4";
	}
}

static void owe_hs_arm(struct owe_sta *sta)
{
	unsigned long delay = sta->hs.tries <= 1 ? msecs_to_jiffies(100) :
						      HZ;

	wiphy_delayed_work_queue(sta->ap->wiphy, &sta->hs.timer, delay);
}

static int owe_hs_send_m1(struct owe_sta *sta)
{
	const struct owe_group *g = sta->rsn.group;
	struct owe_eapol_key key = {};
	u8 kd[OWE_KDE_HDR_LEN + OWE_PMKID_LEN];
	u8 buf[OWE_EAPOL_BUF];
	int len, kd_len = 0;

	if (sta->rsn.pmksa_cached) {
		kd_len = owe_kde_pmkid(kd, sizeof(kd), sta->rsn.pmkid);
		if (kd_len < 0)
			return kd_len;
	}
	key.version = OWE_EAPOL_VERSION;
	key.key_info = OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_ACK;
	key.key_len = sta->hs.ptk.tk_len ?: owe_cipher_tk_len(sta->ap->cfg.cipher);
	key.replay = ++sta->hs.replay;
	key.nonce = sta->hs.anonce;
	key.key_data = kd_len ? kd : NULL;
	key.key_data_len = kd_len;
	len = owe_eapol_key_build(buf, sizeof(buf), g, &key);
	if (len < 0)
		return len;
	return owe_eapol_send(sta, buf, len);
}

static int owe_hs_m3_key_data(struct owe_sta *sta, u8 *plain, size_t size)
{
	struct owe_ap *ap = sta->ap;
	u8 ipn[8] = {};
	size_t len = 0;
	u64 pn = 0;
	int n;

	if (ap->rsne_len > size)
		return -ENOSPC;
	memcpy(plain, ap->rsne, ap->rsne_len);
	len = ap->rsne_len;
	sta->hs.gtk_idx = ap->gtk.idx;
	n = owe_kde_gtk(plain + len, size - len, ap->gtk.idx, false, ap->gtk.key,
			ap->gtk.len);
	if (n < 0)
		return n;
	len += n;
	if (sta->rsn.mfp) {
		if (!owe_be_get_tx_pn(&ap->be, 4, &pn))
			put_unaligned_le64(pn, ipn);
		n = owe_kde_igtk(plain + len, size - len, 4, ipn, ap->gtk.igtk,
				 sizeof(ap->gtk.igtk));
		if (n < 0)
			return n;
		len += n;
	}
	return len;
}

/* the GTK a running rekey hands out, or else the one in use */
static int owe_hs_g1_key_data(struct owe_sta *sta, u8 *plain, size_t size)
{
	struct owe_gtk *gtk = &sta->ap->gtk;

	sta->hs.gtk_idx = gtk->rekeying ? 3 - gtk->idx : gtk->idx;
	return owe_kde_gtk(plain, size, sta->hs.gtk_idx, false,
			   gtk->rekeying ? gtk->next : gtk->key, gtk->len);
}

/* M3 and G1: key data wrapped with the KEK, MIC with the KCK */
static int owe_hs_send_wrapped(struct owe_sta *sta)
{
	bool group = sta->hs.state == OWE_HS_REKEYNEGOTIATING;
	const struct owe_group *g = sta->rsn.group;
	struct owe_crypto *c = sta->ap->crypto;
	u8 wrapped[OWE_EAPOL_BUF / 2];
	struct owe_eapol_key key = {};
	u8 plain[OWE_EAPOL_BUF / 2];
	u8 buf[OWE_EAPOL_BUF];
	u8 rsc[8] = {};
	int len, wlen;
	u64 pn = 0;

	len = group ? owe_hs_g1_key_data(sta, plain, sizeof(plain)) :
		      owe_hs_m3_key_data(sta, plain, sizeof(plain));
	if (len < 0)
		goto out;
	wlen = owe_key_data_wrap(c, sta->hs.ptk.kek, sta->hs.ptk.kek_len, plain, len,
				 wrapped, sizeof(wrapped));
	memzero_explicit(plain, sizeof(plain));
	if (wlen < 0) {
		len = wlen;
		goto out;
	}
	/* the new GTK of a rekey starts at PN 0 */
	if ((!group || !sta->ap->gtk.rekeying) &&
	    !owe_be_get_tx_pn(&sta->ap->be, sta->ap->gtk.idx, &pn))
		put_unaligned_le64(pn, rsc);

	key.version = OWE_EAPOL_VERSION;
	key.key_info = OWE_KEY_INFO_ACK | OWE_KEY_INFO_MIC |
		       OWE_KEY_INFO_SECURE | OWE_KEY_INFO_ENC_KEY_DATA;
	if (!group) {
		key.key_info |= OWE_KEY_INFO_PAIRWISE | OWE_KEY_INFO_INSTALL;
		key.key_len = owe_cipher_tk_len(sta->ap->cfg.cipher);
	}
	key.replay = ++sta->hs.replay;
	key.nonce = sta->hs.anonce;
	key.rsc = rsc;
	key.key_data = wrapped;
	key.key_data_len = wlen;
	len = owe_eapol_key_build(buf, sizeof(buf), g, &key);
	if (len < 0)
		goto out;
	len = owe_eapol_key_sign(c, g, sta->hs.ptk.kck, buf, len) ?: len;
	if (len > 0)
		len = owe_eapol_send(sta, buf, len);
out:
	memzero_explicit(wrapped, sizeof(wrapped));
	memzero_explicit(buf, sizeof(buf));
	return len < 0 ? len : 0;
}

static void owe_hs_send(struct owe_sta *sta)
{
	int ret;

	sta->hs.tries++;
	ret = sta->hs.state == OWE_HS_PTKSTART ? owe_hs_send_m1(sta) :
						  owe_hs_send_wrapped(sta);
	if (ret)
		netdev_dbg(sta->ap->dev, "station %pM: EAPOL %s not sent: %d\n",
			   sta->addr, owe_hs_msg_name(sta->hs.state), ret);
	owe_hs_arm(sta);
}

/* retransmit message 1, 3 or group 1, or give up */
static void owe_hs_timer(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_sta *sta = container_of(work, struct owe_sta,
					   hs.timer.work);

	lockdep_assert_wiphy(wiphy);
	if (sta->hs.state == OWE_HS_IDLE ||
	    sta->hs.state == OWE_HS_PTKINITDONE)
		return;
	if (sta->hs.tries < OWE_EAPOL_TRIES) {
		owe_hs_send(sta);
		return;
	}
	owe_count(sta->ap, OWE_CNT_HANDSHAKE_TIMEOUT);
	/* removing the station also counts it out of a running rekey */
	if (sta->hs.state == OWE_HS_REKEYNEGOTIATING) {
		owe_mlme_remove_sta(sta, WLAN_REASON_GROUP_KEY_HANDSHAKE_TIMEOUT,
				    true, "group key handshake timed out");
		return;
	}
	owe_mlme_remove_sta(sta, WLAN_REASON_4WAY_HANDSHAKE_TIMEOUT, true,
			    "4-way handshake timed out");
}

/**
 * owe_hs_init - set up a new station's handshake state
 * @sta: the station
 */
void owe_hs_init(struct owe_sta *sta)
{
	wiphy_delayed_work_init(&sta->hs.timer, owe_hs_timer);
}

/**
 * owe_hs_stop - end a station's handshakes and wipe its PTK
 * @sta: the station
 *
 * A station in a group key handshake is counted out of the running rekey.
 */
void owe_hs_stop(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	wiphy_delayed_work_cancel(sta->ap->wiphy, &sta->hs.timer);
	memzero_explicit(&sta->hs.ptk, sizeof(sta->hs.ptk));
	sta->hs.state = OWE_HS_IDLE;
	if (sta->hs.counted) {
		sta->hs.counted = false;
		owe_gtk_sta_done(sta->ap);
	}
}

/**
 * owe_hs_start - start the 4-way handshake with a newly associated station
 * @sta: the station, with its PMK in place
 */
void owe_hs_start(struct owe_sta *sta)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	memzero_explicit(&sta->hs.ptk, sizeof(sta->hs.ptk));
	get_random_bytes(sta->hs.anonce, sizeof(sta->hs.anonce));
	sta->hs.state = OWE_HS_PTKSTART;
	sta->hs.tries = 0;
	owe_sta_set_state(sta, OWE_STA_STATE_L2_AUTH, "4-way handshake: M1%s",
			  sta->rsn.pmksa_cached ? " with PMKID" : "");
	owe_hs_send(sta);
}

static bool owe_hs_mic_ok(struct owe_sta *sta, const u8 *frame, size_t len,
			  const u8 *kck)
{
	int ret;

	ret = owe_eapol_key_verify(sta->ap->crypto, sta->rsn.group, kck, frame,
				   len);
	if (!ret)
		return true;
	if (ret == -EKEYREJECTED)
		owe_count(sta->ap, OWE_CNT_EAPOL_MIC_FAILURE);
	if (__ratelimit(&sta->ap->rs))
		netdev_dbg(sta->ap->dev, "station %pM: EAPOL-Key dropped: %d\n",
			   sta->addr, ret);
	return false;
}

/**
 * owe_hs_ptk_fallback - the KDF hash to retry message 2's MIC with
 * @group: the station's group
 * @workaround: the BSS runs with ptk-workaround on
 *
 * Stations written before IEEE 802.11-2020 derived the PTK with SHA-256
 * for every group; with the workaround, groups 20 and 21 get a second try
 * with that PTK (the KCK and KEK keep their lengths, the MIC its hash).
 *
 * Return: group 19, whose hash is SHA-256, or %NULL for no second try.
 */
const struct owe_group *owe_hs_ptk_fallback(const struct owe_group *group,
					    bool workaround)
{
	if (!workaround || group->hash_len <= SHA256_DIGEST_SIZE)
		return NULL;
	return owe_group_get(19);
}
EXPORT_SYMBOL_IF_KUNIT(owe_hs_ptk_fallback);

/* the PTK with @prf's hash, if message 2's MIC verifies with it */
static int owe_hs_m2_ptk(struct owe_sta *sta, const u8 *frame, size_t len,
			 const struct owe_eapol_key *key,
			 const struct owe_group *prf, struct owe_ptk *ptk)
{
	struct owe_ap *ap = sta->ap;
	int ret;

	ret = owe_ptk_derive_prf(ap->crypto, sta->rsn.group, prf, sta->rsn.pmk,
				 ap->bssid, sta->addr, sta->hs.anonce,
				 key->nonce, ap->cfg.cipher, ptk);
	if (!ret)
		ret = owe_eapol_key_verify(ap->crypto, sta->rsn.group, ptk->kck,
					   frame, len);
	if (ret)
		memzero_explicit(ptk, sizeof(*ptk));
	return ret;
}

static void owe_hs_rx_m2(struct owe_sta *sta, const u8 *frame, size_t len,
			 const struct owe_eapol_key *key)
{
	const struct owe_group *fallback;
	struct owe_ptk ptk;
	bool sha256 = false;
	int ret;

	ret = owe_hs_m2_ptk(sta, frame, len, key, sta->rsn.group, &ptk);
	fallback = owe_hs_ptk_fallback(sta->rsn.group,
				       sta->ap->cfg.ptk_workaround);
	if (ret == -EKEYREJECTED && fallback) {
		ret = owe_hs_m2_ptk(sta, frame, len, key, fallback, &ptk);
		sha256 = !ret;
	}
	if (ret) {
		if (ret == -EKEYREJECTED)
			owe_count(sta->ap, OWE_CNT_EAPOL_MIC_FAILURE);
		if (__ratelimit(&sta->ap->rs))
			netdev_dbg(sta->ap->dev,
				   "station %pM: EAPOL-Key 2/4 dropped: %d\n",
				   sta->addr, ret);
		return;
	}
	sta->hs.ptk = ptk;
	memzero_explicit(&ptk, sizeof(ptk));

	/* the RSNE in M2 must be the one of the association request */
	if (key->key_data_len < 2 || key->key_data[0] != WLAN_EID_RSN ||
	    key->key_data[1] + 2 > key->key_data_len ||
	    key->key_data[1] + 2 != sta->rsn.assoc_rsne_len ||
	    memcmp(key->key_data, sta->rsn.assoc_rsne, sta->rsn.assoc_rsne_len)) {
		owe_mlme_remove_sta(sta, WLAN_REASON_IE_DIFFERENT, true,
				    "RSNE in EAPOL 2/4 differs from the association's");
		return;
	}
	sta->hs.state = OWE_HS_PTKINITNEGOTIATING;
	sta->hs.tries = 0;
	owe_sta_set_state(sta, OWE_STA_STATE_L2_AUTH,
			  "4-way handshake: M2 ok%s, M3 sent",
			  sha256 ? " (SHA-256 PTK)" : "");
	owe_hs_send(sta);
}

static void owe_hs_rx_m4(struct owe_sta *sta, const u8 *frame, size_t len)
{
	struct owe_ap *ap = sta->ap;
	int ret;

	if (!owe_hs_mic_ok(sta, frame, len, sta->hs.ptk.kck))
		return;
	wiphy_delayed_work_cancel(ap->wiphy, &sta->hs.timer);
	sta->hs.state = OWE_HS_PTKINITDONE;
	ret = owe_be_set_key(&ap->be, sta->addr, ap->cfg.cipher, 0, sta->hs.ptk.tk,
			     sta->hs.ptk.tk_len, false);
	if (!ret)
		ret = owe_be_set_authorized(&ap->be, sta->addr, true);
	if (ret) {
		netdev_warn(ap->dev, "station %pM: cannot install its key: %d\n",
			    sta->addr, ret);
		owe_mlme_remove_sta(sta, WLAN_REASON_UNSPECIFIED, true,
				    "cannot install the PTK");
		return;
	}
	/* the TK is with the driver now */
	memzero_explicit(sta->hs.ptk.tk, sizeof(sta->hs.ptk.tk));
	owe_sta_handshake_done(sta);
	/* only a completed handshake proves the PMK worth caching */
	if (!sta->rsn.pmksa_cached)
		owe_pmksa_add(ap, sta->addr, sta->rsn.group, sta->rsn.pmk,
			      sta->rsn.pmkid);
	/* the PTK is derived and the cache has its copy: the PMK has served */
	memzero_explicit(sta->rsn.pmk, sizeof(sta->rsn.pmk));
	owe_sta_set_state(sta, OWE_STA_STATE_IP_LEARN,
			  "4-way handshake done, port open");
	/*
	 * M3 carried the GTK in use; a rekey running meanwhile would switch
	 * the BSS to one this station lacks: hand it over like to the others.
	 */
	if (ap->gtk.rekeying) {
		ap->gtk.pending++;
		owe_hs_rekey(sta, true);
	} else if (sta->hs.gtk_idx != ap->gtk.idx) {
		/* a rekey completed after message 3: the GTK moved on */
		owe_hs_rekey(sta, false);
	}
}

/**
 * owe_hs_rekey - hand a station the group key with the group key handshake
 * @sta: a station that finished the 4-way handshake
 * @counted: the running rekey counts it (owe_gtk_sta_done() when done)
 *
 * The GTK of a running rekey, or else the one in use (a station whose
 * message 3 carried a GTK replaced since).
 */
void owe_hs_rekey(struct owe_sta *sta, bool counted)
{
	lockdep_assert_wiphy(sta->ap->wiphy);
	sta->hs.state = OWE_HS_REKEYNEGOTIATING;
	sta->hs.counted = counted;
	sta->hs.tries = 0;
	owe_hs_send(sta);
}

static void owe_hs_rx_g2(struct owe_sta *sta, const u8 *frame, size_t len)
{
	if (!owe_hs_mic_ok(sta, frame, len, sta->hs.ptk.kck))
		return;
	wiphy_delayed_work_cancel(sta->ap->wiphy, &sta->hs.timer);
	sta->hs.state = OWE_HS_PTKINITDONE;
	owe_sta_set_state(sta, sta->state, "group key handshake done (key %u)",
			  sta->hs.gtk_idx);
	if (sta->hs.counted) {
		sta->hs.counted = false;
		owe_gtk_sta_done(sta->ap);
	}
}

/**
 * owe_hs_rx - an EAPOL frame from a station
 * @sta: the station (associated)
 * @frame: the frame from its 802.1X header on
 * @len: octets of @frame
 */
void owe_hs_rx(struct owe_sta *sta, const u8 *frame, size_t len)
{
	struct owe_eapol_key key;
	u16 info;

	lockdep_assert_wiphy(sta->ap->wiphy);
	if (!sta->rsn.group ||
	    owe_eapol_key_parse(frame, len, sta->rsn.group, &key)) {
		owe_count(sta->ap, OWE_CNT_RX_MALFORMED);
		return;
	}
	info = key.key_info;
	if ((info & (OWE_KEY_INFO_ACK | OWE_KEY_INFO_REQUEST)) ||
	    key.replay != sta->hs.replay)
		return;

	if (!(info & OWE_KEY_INFO_PAIRWISE)) {
		if (sta->hs.state == OWE_HS_REKEYNEGOTIATING &&
		    (info & OWE_KEY_INFO_SECURE))
			owe_hs_rx_g2(sta, frame, len);
	} else if (sta->hs.state == OWE_HS_PTKSTART &&
		   !(info & OWE_KEY_INFO_SECURE)) {
		owe_hs_rx_m2(sta, frame, len, &key);
	} else if (sta->hs.state == OWE_HS_PTKINITNEGOTIATING &&
		   (info & OWE_KEY_INFO_SECURE)) {
		owe_hs_rx_m4(sta, frame, len);
	}
}
