#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# OWE transition mode across two radios: the open BSS on radio 0 and the
# hidden OWE BSS on radio 1 name each other (each rebuilds its beacon from
# a work on its own radio when the other comes up); an OWE profile for the
# open SSID ends on the OWE BSS and pings it.
#
#   radio 0: wlan0 "OPEN-OWE" (open)        192.0.2.1/25
#   radio 1: wlan1 "OWE-Transition" (OWE)   192.0.2.129/25
#   radio 2: wlan2 in netns sta, key_mgmt=OWE   192.0.2.139/25
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"
owe_bssid=$(cat /sys/class/net/wlan1/address)

step "the open BSS first, then the OWE BSS on the other radio"
run owectl dev wlan0 ap start ssid OPEN-OWE freq 2412 transition wlan1 ||
	fail "cannot start the open BSS"
owectl dev wlan0 ap show | grep -qP '^\ttransition partner:\tnot running' ||
	fail "wlan0 reports a partner before wlan1 is up"
run owectl dev wlan1 ap start ssid OWE-Transition freq 2412 security owe \
	hidden transition wlan0 || fail "cannot start the OWE BSS"
wait_for 5 "wlan0 to see its partner" \
	sh -c "owectl dev wlan0 ap show | grep -qP '^\ttransition partner:\twlan1'"
run ip addr add 192.0.2.1/25 dev wlan0
run ip addr add 192.0.2.129/25 dev wlan1

step "an OWE client asking for OPEN-OWE ends on the OWE BSS"
netns_sta sta wlan2
ip netns exec sta sysctl -q net.ipv6.conf.all.disable_ipv6=1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan2
network={
	ssid="OPEN-OWE"
	key_mgmt=OWE
	ieee80211w=1
	scan_freq=2412
}
CONF
wpas_start sta wlan2 "$T_DIR/wpas.conf"
wait_for 40 "the client to connect" wpas_completed sta wlan2
wpas_cli sta wlan2 status | tee "$T_DIR/status"
grep -qx "bssid=$owe_bssid" "$T_DIR/status" || fail "the client is not on the OWE BSS"
grep -qx 'key_mgmt=OWE' "$T_DIR/status" || fail "the client does not use OWE"
run ip -n sta addr add 192.0.2.139/25 dev wlan2
run ping_ok sta 192.0.2.129 || fail "the client cannot ping the AP"
mac=$(ip netns exec sta cat /sys/class/net/wlan2/address)
wait_for 5 "the client to reach RUN" \
	sh -c "owectl dev wlan1 station get $mac | grep -qP '^\tstate:\tRUN'"

step "the OWE BSS stops: the open BSS loses its element"
run owectl dev wlan1 ap stop
wait_for 5 "wlan0 to drop its partner" \
	sh -c "owectl dev wlan0 ap show | grep -qP '^\ttransition partner:\tnot running'"
pass
