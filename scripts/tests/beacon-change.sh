#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Someone else replaces the beacon of the OWE BSS of a transition pair
# (NL80211_CMD_SET_BEACON with a new tail, as hostapd would send it;
# set-beacon.py, since iw has no such command). owe.ko takes the new tail
# as the one to splice its elements into: the beacons on the air carry
# the new tail's element and again the RSNE with AKM 00-0f-ac:18 and the
# OWE Transition Mode element, and an OWE client still connects. With the
# nl80211 backend (the stock variant) the module notices within 0.2 s.
#
#   wlan0 (open) + owe0 (OWE, hidden), radio 0  ~~  wlan1 (STA, netns sta1)
#
# owe-test: radios=2
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"

command -v owectl >/dev/null || fail "owectl is not built"
owe_bssid=02:00:00:00:00:10
open_bssid=$(cat /sys/class/net/wlan0/address)
# Extended Supported Rates and a vendor element to recognise the new tail
marker=00112233ab
tail=320430486c60dd05$marker

step "a transition pair"
run iw phy "$(phy_of wlan0)" interface add owe0 type __ap ||
	fail "cannot add owe0"
run ip link set owe0 address "$owe_bssid"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe \
	hidden transition wlan0 || fail "cannot start the OWE BSS"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 transition owe0 ||
	fail "cannot start the open BSS"
wait_for 5 "owe0 to see its partner" \
	sh -c "owectl dev owe0 ap show | grep -qP '^\ttransition partner:\twlan0'"

step "NL80211_CMD_SET_BEACON replaces owe0's beacon tail"
run "$(dirname "$0")/set-beacon.py" owe0 "$tail" || fail "SET_BEACON failed"
# the hook reports the change inside SET_BEACON; nl80211 has no event for
# it, and its backend sees the change at its next look (every 0.2 s)
if owectl dev owe0 ap show | grep -qP '^\tbackend:\tnl80211$'; then
	sleep 1
fi
cap_start air
sleep 1

step "an OWE client connects through the open BSS"
netns_sta sta1 wlan1
cat > "$T_DIR/wpas1.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="OPEN-OWE"
	key_mgmt=OWE
	ieee80211w=1
	scan_freq=2412
}
CONF
wpas_start sta1 wlan1 "$T_DIR/wpas1.conf"
wait_for 40 "the OWE client to connect" wpas_completed sta1 wlan1
wpas_cli sta1 wlan1 status | tee "$T_DIR/s1"
grep -qx "bssid=$owe_bssid" "$T_DIR/s1" || fail "the client is not on the OWE BSS"
grep -qx 'key_mgmt=OWE' "$T_DIR/s1" || fail "the client does not use OWE"

step "owe0's beacons on the air: the new tail and the module's elements"
cap_stop air
beacon="wlan.fc.type_subtype == 0x0008 && wlan.bssid == $owe_bssid"
n=$(cap_count air "$beacon")
new=$(cap_count air "$beacon && frame contains $(sed 's/../&:/g; s/:$//' <<< "$marker")")
rsn=$(cap_count air "$beacon && wlan.rsn.akms.type == 18")
trans=$(cap_count air "$beacon && wlan.wfa.ie.owe.bssid == $open_bssid")
log "owe0 beacons: $n, with the new tail's element: $new, RSNE AKM 18: $rsn, transition element: $trans"
[ "$n" -gt 0 ] || fail "no beacon of owe0 captured"
[ "$new" = "$n" ] || fail "not every beacon carries the new tail"
[ "$rsn" = "$n" ] || fail "the beacons lost the RSNE with AKM 00-0f-ac:18"
[ "$trans" = "$n" ] || fail "the beacons lost the OWE Transition Mode element"
pass
