#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 2: an OWE BSS with `pmf required` and a client with
# ieee80211w=2. The beacon's RSNE has MFPC and MFPR set; the client connects
# with PMF (wpa_cli pmf=2), pings go both ways; the AP has an IGTK
# (BIP-CMAC-128, key 4 or 5) installed in mac80211 and the client installed
# one too. An unprotected broadcast
# deauthentication forged with the AP's address (injected from a third
# radio) is ignored by the client; the AP's own broadcast deauthentication,
# protected with BIP, disconnects it. The capture shows both frames: the
# AP's with an MMIE, the forged one without.
#
#   wlan0 (AP under test, pmf required)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#                                                     mon2 (injector, radio 2)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw python3

inject=$(dirname "$0")/inject/owe-inject.py
sta=$(cat /sys/class/net/wlan1/address)
ap=$(cat /sys/class/net/wlan0/address)
bcast=ff:ff:ff:ff:ff:ff

# ap_has_igtk: mac80211 holds a BIP-CMAC-128 key with index 4 or 5 (an
# IGTK) on the AP's radio
ap_has_igtk() {
	local dbg k

	dbg=/sys/kernel/debug/ieee80211/$(phy_of wlan0)
	for k in "$dbg"/keys/*; do
		[ "$(cat "$k/algorithm")" = 00-0f-ac:6 ] || continue
		case "$(cat "$k/keyidx")" in 4|5) return 0 ;; esac
	done
	return 1
}

step "start the OWE BSS with pmf required; the injector's monitor"
inject_mon mon2 wlan2
start_ap_owe pmf required
if ap_is_owectl; then
	grep -qP '^\tPMF:\trequired$' "$T_DIR/ap-show" ||
		fail "ap show does not say PMF required"
fi

step "the client (ieee80211w=2) connects with PMF"
sta_up sta wlan1 192.0.2.2 ieee80211w=2
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
check_sta_link sta wlan1 OWE
wpas_cli sta wlan1 status | grep -qx 'pmf=2' || fail "PMF is not in use on the link"
ping_both sta 192.0.2.2
ap_sta_authorized "$sta" || fail "the AP has not authorized $sta"
iw dev wlan0 station get "$sta" | grep -qP '^\tMFP:\t\tyes' ||
	fail "mac80211 does not use MFP with the station"
ap_has_igtk || fail "the AP has no IGTK installed"
wpas_log_has wlan1 'IGTK keyid [45] ' || fail "the client installed no IGTK"
if ap_is_owectl; then
	run owectl dev wlan0 station get "$sta" | tee "$T_DIR/get"
	grep -qP '^\tPMF:\tyes$' "$T_DIR/get" || fail "owectl does not show PMF"
fi

step "a forged, unprotected broadcast deauthentication is ignored"
cap_start pmf
run python3 "$inject" mon2 deauth "$ap" "$bcast" 7 || fail "injection failed"
sleep 2
wpas_completed sta wlan1 || fail "the client accepted an unprotected deauth"
if wpas_log_has wlan1 'CTRL-EVENT-DISCONNECTED'; then
	# the client answers an unprotected deauth with an SA Query (802.11w)
	wpas_log_has wlan1 'SA Query timed out' &&
		fail "the AP left the client's SA Query unanswered: it disconnected"
	fail "the client disconnected on the forged deauth"
fi
ping_both sta 192.0.2.2

step "the AP's protected broadcast deauthentication disconnects the client"
ap_deauth_broadcast || fail "the AP could not send a broadcast deauth"
wait_for 10 "the client to report the deauthentication" \
	wpas_log_has wlan1 "CTRL-EVENT-DISCONNECTED bssid=$ap reason=3"
grep -m 1 'CTRL-EVENT-DISCONNECTED' "$T_DIR/wpas-wlan1.log" | sed 's/^/    /'
wpas_cli sta wlan1 disconnect >/dev/null
cap_stop pmf

step "the capture: RSNE MFPC/MFPR, one forged deauth without MMIE, the AP's with"
read -r c r <<< "$(cap_fields pmf "wlan.fc.type_subtype == 8 && wlan.sa == $ap" \
	wlan.rsn.capabilities.mfpc wlan.rsn.capabilities.mfpr | tail -n 1)"
log "beacon RSN capabilities: MFPC $c, MFPR $r"
[ "$c" = True ] || [ "$c" = 1 ] || fail "the beacon's RSNE lacks MFPC"
[ "$r" = True ] || [ "$r" = 1 ] || fail "the beacon's RSNE lacks MFPR"
deauths=$(cap_fields pmf "wlan.fc.type_subtype == 12 && wlan.da == $bcast && wlan.sa == $ap" \
	wlan.ta wlan.fixed.reason_code wlan.mmie.keyid wlan.mmie.ipn)
log "broadcast deauthentications from $ap (TA, reason, MMIE key, IPN):"
printf '%s\n' "$deauths" | sed 's/^/    /'
forged=0 bip=0
while read -r _ reason key _; do
	case "$(cap_num "$reason")" in
	7) [ "$key" = - ] || fail "the forged deauth carries an MMIE"
	   forged=$((forged + 1)) ;;
	3) case "$key" in 4|5) bip=$((bip + 1)) ;;
	   *) fail "the AP's broadcast deauth is not BIP-protected (MMIE key '$key')" ;;
	   esac ;;
	*) fail "unexpected broadcast deauth with reason $reason" ;;
	esac
done <<< "$deauths"
[ "$forged" = 1 ] || fail "the capture has $forged forged deauths, not 1"
[ "$bip" -ge 1 ] || fail "the capture has no BIP-protected deauth from the AP"
pass
