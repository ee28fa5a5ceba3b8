#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Issue 5, item 6: ten stations (hwsim radios 1 to 10, each in its own
# netns) start wpa_supplicant with key_mgmt=OWE at the same moment; all
# reach COMPLETED, each pings the AP and is pinged back, and the AP lists all
# ten authorized. Then all leave at once and the AP's station list (nl80211
# and owectl) is empty. Run it under `scripts/vm/run.sh --debug` too: the
# run fails on any lockdep, KASAN or kmemleak report.
#
#   wlan0 (AP under test)  ~~ hwsim ~~  wlan1 .. wlan10 (netns sta1 .. sta10)
#   192.0.2.1/24                        192.0.2.11 .. 192.0.2.20
#
# OWE_TEST_AP=hostapd runs it against hostapd (lib/owe.sh).
#
# owe-test: radios=11
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/owe.sh"

need_tools wpa_supplicant wpa_cli iw

N=10
[ -e /sys/class/net/wlan$N ] || fail "needs $((N + 1)) radios (run.sh -r $((N + 1)))"
[ "${OWE_DEBUG:-0}" = 1 ] && log "debug kernel: lockdep, KASAN and kmemleak are on"

all_completed() {
	local i

	for ((i = 1; i <= N; i++)); do
		wpas_completed "sta$i" "wlan$i" || return 1
	done
}

ap_has_none() {
	[ -z "$(ap_sta_macs)" ] || return 1
	if ap_is_owectl; then
		! owectl dev wlan0 station dump | grep -q '^Station'
	fi
}

step "start the OWE BSS"
start_ap_owe

step "$N stations in their own netns"
declare -a mac
for ((i = 1; i <= N; i++)); do
	mac[i]=$(cat "/sys/class/net/wlan$i/address")
	netns_sta "sta$i" "wlan$i"
	ip -n "sta$i" addr add "192.0.2.$((10 + i))/24" dev "wlan$i"
	wpas_conf_owe "$T_DIR/wpas-wlan$i.conf" "wlan$i"
done

step "start all $N supplicants at once; all reach COMPLETED"
for ((i = 1; i <= N; i++)); do
	ip netns exec "sta$i" wpa_supplicant -i "wlan$i" -c "$T_DIR/wpas-wlan$i.conf" \
		-D nl80211 -d -t -f "$T_DIR/wpas-wlan$i.log" &
	track $!
done
wait_for 60 "all $N stations to reach COMPLETED" all_completed
for ((i = 1; i <= N; i++)); do
	wpas_cli "sta$i" "wlan$i" status | grep -qx 'key_mgmt=OWE' ||
		fail "wlan$i: key_mgmt is not OWE"
done

step "every station pings the AP and is pinged back"
for ((i = 1; i <= N; i++)); do
	ip netns exec "sta$i" ping -c 2 -i 0.2 -W 2 192.0.2.1 >/dev/null ||
		fail "wlan$i cannot ping the AP"
	ping -c 2 -i 0.2 -W 2 "192.0.2.$((10 + i))" >/dev/null ||
		fail "the AP cannot ping wlan$i"
done
log "$N stations ping both ways"

step "the AP lists all $N stations authorized"
for ((i = 1; i <= N; i++)); do
	ap_sta_authorized "${mac[i]}" ||
		fail "the AP has not authorized wlan$i (${mac[i]})"
done
n=$(ap_sta_macs | wc -l)
[ "$n" = "$N" ] || fail "nl80211 lists $n stations, not $N"
if ap_is_owectl; then
	n=$(owectl dev wlan0 station dump | grep -c '^Station')
	[ "$n" = "$N" ] || fail "owectl lists $n stations, not $N"
fi

step "all leave at once; the AP's station list is empty"
pids=()
for ((i = 1; i <= N; i++)); do
	wpas_cli "sta$i" "wlan$i" disconnect >/dev/null &
	pids+=($!)
done
wait "${pids[@]}"
wait_for 20 "the AP to drop every station" ap_has_none
run iw dev wlan0 station dump
ap_is_owectl && run owectl dev wlan0 station dump
pass
