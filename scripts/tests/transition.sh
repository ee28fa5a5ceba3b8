#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# OWE transition mode on one radio: the hidden OWE BSS is started first
# and gains its transition element once the open partner comes up; a
# wpa_supplicant profile for the open SSID with key_mgmt=OWE ends on the
# OWE BSS, a key_mgmt=NONE profile on the open one; both ping and reach RUN
# with their address learned; the scan shows the OWE-TRANS flags. Then
# the pairing rules, each refused with its own message.
#
#   radio 0: wlan0 "OPEN-OWE" (open)  +  owe0 "OWE-Transition" (OWE, hidden)
#            192.0.2.1/25                 192.0.2.129/25
#   radio 1: wlan1 in netns sta1, key_mgmt=OWE    192.0.2.139/25
#   radio 2: wlan2 in netns sta2, key_mgmt=NONE   192.0.2.12/25
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/capture.sh"

command -v owectl >/dev/null || fail "owectl is not built"

open_bssid=$(cat /sys/class/net/wlan0/address)
owe_bssid=02:00:00:00:00:10

step "a second AP interface on radio 0 for the OWE BSS"
run iw phy "$(phy_of wlan0)" interface add owe0 type __ap ||
	fail "cannot add owe0"
run ip link set owe0 address "$owe_bssid"

step "the pairing rules"
refuses "must be hidden" dev owe0 ap start ssid OWE-Transition freq 2412 \
	security owe transition wlan0
refuses "must broadcast" dev wlan0 ap start ssid OPEN-OWE freq 2412 \
	security open hidden transition owe0
refuses "OWE cannot be combined with PSK" dev owe0 ap start \
	ssid OWE-Transition freq 2412 security owe hidden akm owe,psk
refuses "OWE cannot be combined with SAE" dev owe0 ap start \
	ssid OWE-Transition freq 2412 security owe hidden akm owe,sae
refuses "OWE cannot be combined with 802.1X" dev owe0 ap start \
	ssid OWE-Transition freq 2412 security owe hidden akm owe,8021x-sha256
refuses "OWE cannot be combined with FT (802.11r)" dev owe0 ap start \
	ssid OWE-Transition freq 2412 security owe hidden ft on

step "the OWE BSS starts first: no partner yet, no element"
run owectl dev owe0 ap start ssid OWE-Transition freq 2412 security owe \
	hidden transition wlan0 || fail "cannot start the OWE BSS"
owectl dev owe0 ap show | tee "$T_DIR/owe0.1"
grep -qP '^\ttransition partner:\tnot running' "$T_DIR/owe0.1" ||
	fail "owe0 reports a running partner before wlan0 is up"

step "partners that do not pair are refused"
refuses "is an OWE BSS too" dev wlan0 ap start ssid OPEN-OWE freq 2412 \
	security owe hidden transition owe0
refuses "does not point back" dev wlan2 ap start ssid OTHER-OPEN freq 2412 \
	transition owe0
run iw dev wlan2 set type managed

step "the open BSS comes up: both beacons carry the element"
cap_start air
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 transition owe0 ||
	fail "cannot start the open BSS"
wait_for 5 "owe0 to see its partner" \
	sh -c "owectl dev owe0 ap show | grep -qP '^\ttransition partner:\twlan0'"
owectl dev wlan0 ap show | grep -qP '^\ttransition partner:\towe0' ||
	fail "wlan0 does not see its partner"
run ip addr add 192.0.2.1/25 dev wlan0
run ip addr add 192.0.2.129/25 dev owe0

step "an OWE client and a legacy client, both asking for OPEN-OWE"
for i in 1 2; do
	netns_sta "sta$i" "wlan$i"
	ip netns exec "sta$i" sysctl -q net.ipv6.conf.all.disable_ipv6=1
done
cat > "$T_DIR/wpas1.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="OPEN-OWE"
	key_mgmt=OWE
	ieee80211w=1
	scan_freq=2412
}
CONF
cat > "$T_DIR/wpas2.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan2
network={
	ssid="OPEN-OWE"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta1 wlan1 "$T_DIR/wpas1.conf"
wpas_start sta2 wlan2 "$T_DIR/wpas2.conf"
wait_for 40 "the OWE client to connect" wpas_completed sta1 wlan1
wait_for 40 "the legacy client to connect" wpas_completed sta2 wlan2

wpas_cli sta1 wlan1 status | tee "$T_DIR/s1"
grep -qx "bssid=$owe_bssid" "$T_DIR/s1" || fail "the OWE client is not on the OWE BSS"
grep -qx 'key_mgmt=OWE' "$T_DIR/s1" || fail "the OWE client does not use OWE"
wpas_cli sta2 wlan2 status | tee "$T_DIR/s2"
grep -qx "bssid=$open_bssid" "$T_DIR/s2" || fail "the legacy client is not on the open BSS"
grep -qx 'key_mgmt=NONE' "$T_DIR/s2" || fail "the legacy client is not open"

wpas_cli sta1 wlan1 scan_results | tee "$T_DIR/scan"
grep -i "$open_bssid" "$T_DIR/scan" | grep -q 'OWE-TRANS-OPEN' ||
	fail "the open BSS is not flagged OWE-TRANS-OPEN"
grep -i "$owe_bssid" "$T_DIR/scan" | grep -q '\[OWE-TRANS\]' ||
	fail "the OWE BSS is not flagged OWE-TRANS"

step "the capture: each beacon names the other BSS; the OWE one hides its SSID"
cap_stop air
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
beacon='wlan.fc.type_subtype == 0x0008'
# tshark prints an SSID field as text or as hex digits, depending on version
cap_fields air "$beacon && wlan.bssid == $open_bssid" wlan.wfa.ie.owe.bssid \
	wlan.wfa.ie.owe.ssid | sort -u > "$T_DIR/open-beacons"
cap_fields air "$beacon && wlan.bssid == $owe_bssid" wlan.wfa.ie.owe.bssid \
	wlan.wfa.ie.owe.ssid | sort -u > "$T_DIR/owe-beacons"
log "open BSS beacons (element BSSID, SSID):"
sed 's/^/    /' "$T_DIR/open-beacons"
log "OWE BSS beacons (element BSSID, SSID):"
sed 's/^/    /' "$T_DIR/owe-beacons"
grep -qiE "^$owe_bssid (OWE-Transition|$(hex OWE-Transition))$" "$T_DIR/open-beacons" ||
	fail "the open BSS's beacons do not name the OWE BSS"
grep -qiE "^$open_bssid (OPEN-OWE|$(hex OPEN-OWE))$" "$T_DIR/owe-beacons" ||
	fail "the OWE BSS's beacons do not name the open BSS"
[ "$(cap_count air "$beacon && wlan.bssid == $owe_bssid && wlan.tag.number == 0 && wlan.tag.length == 0")" -gt 0 ] ||
	fail "the OWE BSS's beacons carry its SSID"
[ "$(cap_count air "$beacon && wlan.bssid == $owe_bssid && wlan.rsn.akms.type == 18")" -gt 0 ] ||
	fail "the OWE BSS's beacons lack the RSNE with AKM 18"

step "ping, and both clients reach RUN with their address"
run ip -n sta1 addr add 192.0.2.139/25 dev wlan1
run ip -n sta2 addr add 192.0.2.12/25 dev wlan2
run ping_ok sta1 192.0.2.129 || fail "the OWE client cannot ping the AP"
run ping_ok sta2 192.0.2.1 || fail "the legacy client cannot ping the AP"
sta1=$(ip netns exec sta1 cat /sys/class/net/wlan1/address)
sta2=$(ip netns exec sta2 cat /sys/class/net/wlan2/address)
wait_for 5 "the OWE client to reach RUN" \
	sh -c "owectl dev owe0 station get $sta1 | grep -qP '^\tstate:\tRUN'"
wait_for 5 "the legacy client to reach RUN" \
	sh -c "owectl dev wlan0 station get $sta2 | grep -qP '^\tstate:\tRUN'"
owectl dev owe0 station get "$sta1" | tee "$T_DIR/t1"
owectl dev wlan0 station get "$sta2" | tee "$T_DIR/t2"
grep -q '192.0.2.139' "$T_DIR/t1" || fail "the OWE client's address was not learned"
grep -q '192.0.2.12' "$T_DIR/t2" || fail "the legacy client's address was not learned"
for s in AUTH ASSOC L2_AUTH IP_LEARN RUN; do
	grep -q " $s " "$T_DIR/t1" || fail "the OWE client's trace lacks $s"
done
grep -q ' L2_AUTH ' "$T_DIR/t2" && fail "the legacy client went through L2_AUTH"

step "the open BSS stops: the OWE BSS loses its element"
run owectl dev wlan0 ap stop
wait_for 5 "owe0 to drop its partner" \
	sh -c "owectl dev owe0 ap show | grep -qP '^\ttransition partner:\tnot running'"
pass
