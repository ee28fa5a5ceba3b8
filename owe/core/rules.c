// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration rules of OWE: OWE never goes with PSK, SAE, 802.1X or
 * FT; an open BSS has no AKM, groups, PMF or cipher at all; on 6 GHz only
 * OWE with PMF required. (The rules of a transition pair, which need the
 * other BSS, are in ap.c.)
 */

#include <linux/ieee80211.h>
#include <net/cfg80211.h>
#include <net/netlink.h>
#include <kunit/visibility.h>

#include "core/ap.h"

/* AKM suites 6.12's <linux/ieee80211.h> does not name */
#define OWE_AKM_8021X_SHA384		SUITE(0x000fac, 23)
#define OWE_AKM_SAE_EXT_KEY		SUITE(0x000fac, 24)
#define OWE_AKM_FT_SAE_EXT_KEY		SUITE(0x000fac, 25)

static bool owe_akm_is_ft(u32 akm)
{
	switch (akm) {
	case WLAN_AKM_SUITE_FT_8021X:
	case WLAN_AKM_SUITE_FT_PSK:
	case WLAN_AKM_SUITE_FT_OVER_SAE:
	case WLAN_AKM_SUITE_FT_8021X_SHA384:
	case WLAN_AKM_SUITE_FT_FILS_SHA256:
	case WLAN_AKM_SUITE_FT_FILS_SHA384:
	case WLAN_AKM_SUITE_FT_PSK_SHA384:
	case OWE_AKM_FT_SAE_EXT_KEY:
		return true;
	}
	return false;
}

/**
 * owe_ap_config_check - apply the configuration rules of OWE
 * @cfg: the configuration
 * @akms: AKM suite selectors the user listed (OWE is implied for an OWE BSS)
 * @n_akms: number of @akms
 * @ft: the user asked for FT (802.11r)
 * @extack: gets the reason of a rejection
 *
 * OWE never goes with PSK, SAE, 802.1X or FT; an open BSS has no AKM,
 * groups, PMF or cipher at all.
 *
 * Return: 0 or -EINVAL.
 */
int owe_ap_config_check(const struct owe_ap_config *cfg, const u32 *akms,
			unsigned int n_akms, bool ft,
			struct netlink_ext_ack *extack)
{
	bool owe = cfg->security == OWE_SECURITY_OWE;
	unsigned int i;

	for (i = 0; i < n_akms; i++) {
		u32 akm = akms[i];

		if (owe && akm == WLAN_AKM_SUITE_OWE)
			continue;
		if (!owe) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "an open BSS has no AKM (got %08x); use security owe",
					       akm);
			return -EINVAL;
		}
		if (owe_akm_is_ft(akm)) {
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with FT (802.11r)");
			return -EINVAL;
		}
		switch (akm) {
		case WLAN_AKM_SUITE_PSK:
		case WLAN_AKM_SUITE_PSK_SHA256:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with PSK: use a separate BSS for WPA2/WPA3-Personal");
			return -EINVAL;
		case WLAN_AKM_SUITE_SAE:
		case OWE_AKM_SAE_EXT_KEY:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with SAE: use a separate BSS for WPA3-Personal");
			return -EINVAL;
		case WLAN_AKM_SUITE_8021X:
		case WLAN_AKM_SUITE_8021X_SHA256:
		case WLAN_AKM_SUITE_8021X_SUITE_B:
		case WLAN_AKM_SUITE_8021X_SUITE_B_192:
		case OWE_AKM_8021X_SHA384:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with 802.1X: use a separate BSS for WPA2/WPA3-Enterprise");
			return -EINVAL;
		default:
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "AKM %08x cannot be combined with OWE",
					       akm);
			return -EINVAL;
		}
	}
	if (ft && owe) {
		NL_SET_ERR_MSG_MOD(extack,
				   "OWE cannot be combined with FT (802.11r)");
		return -EINVAL;
	}
	if (ft) {
		NL_SET_ERR_MSG_MOD(extack,
				   "FT (802.11r) needs an RSN AKM; an open BSS has none");
		return -EINVAL;
	}
	if (!owe) {
		if (cfg->groups || cfg->pmf != OWE_PMF_OFF || cfg->cipher ||
		    cfg->gtk_rekey || cfg->pmksa_lifetime ||
		    cfg->ptk_workaround) {
			NL_SET_ERR_MSG_MOD(extack,
					   "groups, pmf, cipher, gtk-rekey, pmksa-lifetime and ptk-workaround apply to an OWE BSS only");
			return -EINVAL;
		}
	} else if (cfg->cipher != WLAN_CIPHER_SUITE_CCMP &&
		   cfg->cipher != WLAN_CIPHER_SUITE_GCMP_256) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cipher %08x is not supported: use CCMP-128 or GCMP-256",
				       cfg->cipher);
		return -EINVAL;
	}
	if (cfg->transition_ifindex && cfg->transition_ssid_len) {
		NL_SET_ERR_MSG_MOD(extack,
				   "give either a transition interface or a transition BSSID and SSID, not both");
		return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_ap_config_check);

/**
 * owe_ap_band_check - the rules of the band the BSS runs on
 * @cfg: the configuration
 * @band: the band of the BSS's channel
 * @extack: gets the reason of a rejection
 *
 * 6 GHz admits no open BSS, and OWE there only with PMF required (IEEE
 * 802.11ax-2021 12.12.2, as hostapd's 6 GHz configuration check has it).
 *
 * Return: 0 or -EINVAL.
 */
int owe_ap_band_check(const struct owe_ap_config *cfg, enum nl80211_band band,
		      struct netlink_ext_ack *extack)
{
	if (band != NL80211_BAND_6GHZ)
		return 0;
	if (cfg->security != OWE_SECURITY_OWE) {
		NL_SET_ERR_MSG_MOD(extack,
				   "an open BSS is not allowed on 6 GHz: use security owe (the open BSS of a transition pair goes on 2.4 or 5 GHz)");
		return -EINVAL;
	}
	if (cfg->pmf != OWE_PMF_REQUIRED) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "OWE on 6 GHz requires pmf required, not pmf %s",
				       cfg->pmf == OWE_PMF_OFF ? "off" : "optional");
		return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_ap_band_check);
