/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mac80211 hook's API, for backend/mac80211.c only, with every symbol
 * a weak reference: owe.ko built against a patched tree loads on a kernel
 * without the patch too (the symbols are then NULL, which
 * owe_be_mac80211_present() tells) and serves through nl80211 there.
 */
#ifndef _OWE_BACKEND_HOOK_H
#define _OWE_BACKEND_HOOK_H

#include <net/mac80211_ap_auth.h>

extern typeof(ieee80211_ap_auth_register) ieee80211_ap_auth_register __weak;
extern typeof(ieee80211_ap_auth_unregister) ieee80211_ap_auth_unregister __weak;
extern typeof(ieee80211_ap_auth_tx_mgmt) ieee80211_ap_auth_tx_mgmt __weak;
extern typeof(ieee80211_ap_auth_add_sta) ieee80211_ap_auth_add_sta __weak;
extern typeof(ieee80211_ap_auth_change_sta) ieee80211_ap_auth_change_sta __weak;
extern typeof(ieee80211_ap_auth_del_sta) ieee80211_ap_auth_del_sta __weak;
extern typeof(ieee80211_ap_auth_sta_inactive_ms) ieee80211_ap_auth_sta_inactive_ms __weak;
extern typeof(ieee80211_ap_auth_add_key) ieee80211_ap_auth_add_key __weak;
extern typeof(ieee80211_ap_auth_del_key) ieee80211_ap_auth_del_key __weak;
extern typeof(ieee80211_ap_auth_get_tx_pn) ieee80211_ap_auth_get_tx_pn __weak;
extern typeof(ieee80211_ap_auth_set_beacon_tail) ieee80211_ap_auth_set_beacon_tail __weak;

#endif /* _OWE_BACKEND_HOOK_H */
