#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Authentication costs a sender nothing, so it must not buy a place for
# long: 2,100 Open System Authentication frames from random addresses (in
# bursts, so that each reaches owe.ko), then 500 at once (most are dropped
# before they wait for process context: "rx dropped: busy"), then a
# legitimate client connects within 10 seconds. Stations that
# authenticated and never associated make room for newer ones (at most
# 128 wait) and are gone a few seconds later; owe.ko counts them in
# "stations evicted unassociated" and "stations expired unassociated".
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#                                       mon2 (injector on radio 2)
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools iw python3 wpa_supplicant wpa_cli

inject=$(dirname "$0")/inject/owe-inject.py
ap=$(cat /sys/class/net/wlan0/address)
FLOOD=2100

step "the OWE BSS and the injector's monitor"
inject_mon mon2 wlan2
start_ap_owe

step "$FLOOD authentication frames from random addresses, in bursts of 50"
run python3 "$inject" mon2 auth-flood "$ap" "$FLOOD" 50 20 > "$T_DIR/inj" 2>&1 ||
	{ cat "$T_DIR/inj"; fail "the injector failed"; }
sed 's/^/    /' "$T_DIR/inj"
if ap_is_owectl; then
	run owectl dev wlan0 ap show | tee "$T_DIR/show"
	n=$(sed -n 's/^\tstations:\t\([0-9]*\)$/\1/p' "$T_DIR/show")
	log "stations held right after the flood: ${n:-?}"
	[ -n "$n" ] && [ "$n" -le 128 ] ||
		fail "owe.ko holds ${n:-?} stations after the flood, more than 128"
	[ "$(ap_counter 'stations evicted unassociated')" -gt 0 ] ||
		fail "no station was made to leave room"
fi

step "500 more at once: what waits for process context is bounded"
run python3 "$inject" mon2 auth-flood "$ap" 500 > "$T_DIR/inj" 2>&1 ||
	{ cat "$T_DIR/inj"; fail "the injector failed"; }
if ap_is_owectl; then
	busy=$(ap_counter 'rx dropped: busy')
	log "rx dropped: busy: $busy"
	[ "$busy" -gt 0 ] || fail "500 frames at once all waited for process context"
fi

step "a legitimate client connects within 10 seconds"
t0=$(date +%s.%N)
sta_up sta wlan1 192.0.2.2
wait_for 10 "the client to connect after the flood" wpas_completed sta wlan1
t1=$(date +%s.%N)
log "connected $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s after the flood"
ping_both sta 192.0.2.2

if ap_is_owectl; then
	step "the flood's stations are gone a few seconds later"
	only_client() {
		owectl dev wlan0 ap show |
			grep -qP '^\tstations:\t1$'
	}
	wait_for 10 "owe.ko to forget the flood's stations" only_client
	[ "$(ap_counter 'stations expired unassociated')" -gt 0 ] ||
		fail "no station expired"
fi
pass
