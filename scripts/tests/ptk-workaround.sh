#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 14, item 3: `ptk-workaround on|off`. Clients written before IEEE
# 802.11-2020 derived the PTK with SHA-256 for every group; wpa_supplicant
# does so on purpose with the network option owe_ptk_workaround=1 ("OWE:
# Force SHA256 for PTK derivation": the PRF only, for a PMK longer than 32
# octets; the KCK and KEK keep their lengths and the MIC its hash).
#
#   1. ptk-workaround off (the default): a group 20 client forced to
#      SHA-256 never completes the 4-way handshake, and owe.ko counts the
#      MIC failures of its message 2; a group 19 client with the same
#      option connects (SHA-256 is group 19's own hash).
#   2. ptk-workaround on: the forced group 20 client connects and pings,
#      its history says the PTK was derived with SHA-256; a plain group 20
#      client connects too (the group's hash is tried first).
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 (group 20, owe_ptk_workaround=1)
#                                       wlan2 (group 19, owe_ptk_workaround=1)
#                                       wlan3 (group 20)
#
# OWE_TEST_AP=hostapd runs it against hostapd, owe_ptk_workaround=1 in
# step 2 (lib/owe.sh).
#
# owe-test: radios=4
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools wpa_supplicant wpa_cli iw

sta1=$(cat /sys/class/net/wlan1/address)
sta3=$(cat /sys/class/net/wlan3/address)

step "ptk-workaround off: a group 20 client forced to SHA-256 cannot finish"
start_ap_owe groups 19,20
if ap_is_owectl; then
	grep -qP '^\tPTK workaround:\toff$' "$T_DIR/ap-show" ||
		fail "ap show does not say PTK workaround off"
fi
sta_up sta1 wlan1 192.0.2.2 owe_group=20 owe_ptk_workaround=1
sta_up sta2 wlan2 192.0.2.3 owe_group=19 owe_ptk_workaround=1
wait_for 30 "the group 19 client to connect" wpas_completed sta2 wlan2
ping_both sta2 192.0.2.3
wait_for 20 "the forced client to derive with SHA-256" \
	wpas_log_has wlan1 'OWE: Force SHA256 for PTK derivation'
sleep 5
wpas_completed sta1 wlan1 && fail "the SHA-256 client connected without the workaround"
wpas_log_has wlan2 'OWE: Force SHA256' && fail "the group 19 client forced SHA-256"
if ap_is_owectl; then
	n=$(ap_counter 'EAPOL MIC failures')
	log "EAPOL MIC failures: $n"
	[ "${n:-0}" -gt 0 ] || fail "owe.ko counted no MIC failure of message 2"
	ap_sta_authorized "$sta1" && fail "owe.ko authorized the SHA-256 client"
fi
for ifc in wlan1 wlan2; do
	wpas_cli "sta${ifc#wlan}" "$ifc" disable_network 0 >/dev/null
done

step "ptk-workaround on: the forced client connects, with the group's hash first"
if ap_is_owectl; then
	run owectl dev wlan0 ap stop || fail "cannot stop the BSS"
else
	kill "$OWE_HAPD_PID"
	wait "$OWE_HAPD_PID" 2>/dev/null
fi
start_ap_owe groups 19,20 ptk-workaround on
if ap_is_owectl; then
	grep -qP '^\tPTK workaround:\ton$' "$T_DIR/ap-show" ||
		fail "ap show does not say PTK workaround on"
	before=$(ap_counter 'EAPOL MIC failures')
fi
wpas_cli sta1 wlan1 enable_network 0 >/dev/null
wait_for 30 "the forced SHA-256 client to connect" wpas_completed sta1 wlan1
check_sta_link sta1 wlan1 OWE
ping_both sta1 192.0.2.2
sta_up sta3 wlan3 192.0.2.4 owe_group=20
wait_for 30 "the plain group 20 client to connect" wpas_completed sta3 wlan3
ping_both sta3 192.0.2.4
wpas_log_has wlan3 'OWE: Force SHA256' && fail "the plain client forced SHA-256"
if ap_is_owectl; then
	run owectl dev wlan0 station get "$sta1" | tee "$T_DIR/get1"
	grep -q 'M2 ok (SHA-256 PTK), M3 sent' "$T_DIR/get1" ||
		fail "the history does not say the PTK was derived with SHA-256"
	grep -qP '^\tDH group:\t20$' "$T_DIR/get1" || fail "the client is not on group 20"
	owectl dev wlan0 station get "$sta3" > "$T_DIR/get3"
	grep -q 'SHA-256' "$T_DIR/get3" && fail "the plain client is reported as SHA-256"
	[ "$(ap_counter 'EAPOL MIC failures')" = "$before" ] ||
		fail "the fallback counted a MIC failure for a client it accepted"
fi
pass
