#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 14, item 2: an OWE BSS requires PMF unless the operator asks
# otherwise (Wi-Fi Enhanced Open). Started without `pmf`, the BSS says
# PMF required in ap show and beacons MFPC and MFPR; a client with
# ieee80211w=0 does not get in, clients with ieee80211w=1 and =2 connect
# with PMF. `pmf optional` is still possible: the ieee80211w=0 client
# connects, and owectl check warns. An open BSS (the open half of a
# transition pair) has no PMF and takes a client without it.
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (ieee80211w=0, netns sta0)
#                                       wlan2 (ieee80211w=1, netns sta1)
#                                       wlan3 (ieee80211w=2, netns sta2)
#
# OWE_TEST_AP=hostapd runs it against hostapd with ieee80211w=2, the
# configuration this test compares with (lib/owe.sh).
#
# owe-test: radios=4
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools tshark wpa_supplicant wpa_cli iw

ap=$(cat /sys/class/net/wlan0/address)

# beacon_mfp NAME: "MFPC MFPR" of the capture's last beacon from the AP
beacon_mfp() {
	local c r

	read -r c r <<< "$(cap_fields "$1" "wlan.fc.type_subtype == 8 && wlan.sa == $ap" \
		wlan.rsn.capabilities.mfpc wlan.rsn.capabilities.mfpr | tail -n 1)"
	# tshark prints these booleans as True/False or 1/0
	c=${c/True/1} r=${r/True/1}
	echo "${c/False/0} ${r/False/0}"
}

step "the OWE BSS started without pmf"
cap_start default
start_ap_owe
if ap_is_owectl; then
	grep -qP '^\tPMF:\trequired$' "$T_DIR/ap-show" ||
		fail "ap show does not say PMF required"
fi

step "a client without PMF (ieee80211w=0) does not get in"
sta_up sta0 wlan1 192.0.2.2 ieee80211w=0
sleep 8
wpas_completed sta0 wlan1 && fail "a client without PMF connected"
log "ieee80211w=0: $(wpas_state sta0 wlan1)"

step "clients with ieee80211w=1 and ieee80211w=2 connect with PMF"
sta_up sta1 wlan2 192.0.2.3 ieee80211w=1
sta_up sta2 wlan3 192.0.2.4 ieee80211w=2
wait_for 30 "ieee80211w=1 to connect" wpas_completed sta1 wlan2
wait_for 30 "ieee80211w=2 to connect" wpas_completed sta2 wlan3
for x in "sta1 wlan2 192.0.2.3" "sta2 wlan3 192.0.2.4"; do
	read -r ns ifc addr <<< "$x"
	wpas_cli "$ns" "$ifc" status | grep -qx 'pmf=2' ||
		fail "$ifc: PMF is not in use on the link"
	mac=$(ip netns exec "$ns" cat "/sys/class/net/$ifc/address")
	iw dev wlan0 station get "$mac" | grep -qP '^\tMFP:\t\tyes' ||
		fail "mac80211 does not use MFP with $ifc"
	ping_both "$ns" "$addr"
done
wpas_completed sta0 wlan1 && fail "the client without PMF connected meanwhile"
cap_stop default
read -r c r <<< "$(beacon_mfp default)"
log "beacon RSN capabilities: MFPC $c, MFPR $r"
[ "$c $r" = "1 1" ] || fail "the beacon does not say PMF required (MFPC $c, MFPR $r)"
n=$(cap_count default "wlan.fc.type_subtype == 1 && wlan.da == $(ip netns exec sta0 cat /sys/class/net/wlan1/address) && wlan.fixed.status_code == 0")
[ "$n" = 0 ] || fail "the client without PMF got $n successful association responses"

ap_is_owectl || pass

step "pmf optional: the client without PMF connects, owectl check warns"
for x in "sta0 wlan1" "sta1 wlan2" "sta2 wlan3"; do
	read -r ns ifc <<< "$x"
	wpas_cli "$ns" "$ifc" disconnect >/dev/null
done
run owectl dev wlan0 ap stop || fail "cannot stop the BSS"
cap_start optional
run owectl dev wlan0 ap start ssid "$OWE_SSID" freq 2412 security owe pmf optional ||
	fail "cannot start the BSS with pmf optional"
owectl dev wlan0 ap show | grep -qP '^\tPMF:\toptional$' ||
	fail "ap show does not say PMF optional"
wpas_cli sta0 wlan1 reconnect >/dev/null
wait_for 30 "ieee80211w=0 to connect" wpas_completed sta0 wlan1
wpas_cli sta0 wlan1 status | grep -qx 'pmf=2' && fail "PMF in use without ieee80211w"
ping_both sta0 192.0.2.2
cap_stop optional
read -r c r <<< "$(beacon_mfp optional)"
[ "$c $r" = "1 0" ] || fail "pmf optional beacons MFPC $c, MFPR $r"
owectl dev wlan0 ap check > "$T_DIR/check" 2>&1
sed 's/^/    /' "$T_DIR/check"
grep -qP '^\tPMF:\tWARN: .*pmf required' "$T_DIR/check" ||
	fail "owectl check does not warn about pmf optional"

step "an open BSS has no PMF and takes a client without it"
run owectl dev wlan0 ap stop || fail "cannot stop the BSS"
refuses "apply to an OWE BSS only" dev wlan0 ap start ssid open-test freq 2412 pmf required
run owectl dev wlan0 ap start ssid open-test freq 2412 || fail "cannot start the open BSS"
owectl dev wlan0 ap show | tee "$T_DIR/open-show" | grep -q 'PMF' &&
	fail "an open BSS shows a PMF policy"
cat > "$T_DIR/wpas-open.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="open-test"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_cli sta0 wlan1 terminate >/dev/null
sleep 1
rm -f "$T_DIR/wpas-wlan1/wlan1"
wpas_start sta0 wlan1 "$T_DIR/wpas-open.conf"
wait_for 30 "the open client to connect" wpas_completed sta0 wlan1
ping_both sta0 192.0.2.2
pass
