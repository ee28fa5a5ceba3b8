#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# GTK rekey on an OWE BSS with two stations connected: after `owectl ap
# rekey` both stations complete the group key handshake and keep receiving
# the AP's broadcast traffic, which is now protected with the new GTK;
# the periodic `gtk-rekey` option does the same by itself.
#
#   wlan0 (AP, owe.ko) ~~ hwsim ~~ wlan1 (netns sta1), wlan2 (netns sta2)
#   192.0.2.1/24                   192.0.2.11/24       192.0.2.12/24
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"

# broadcast_reaches: a broadcast ping from the AP is answered by both
broadcast_reaches() {
	local out

	out=$(ping -b -c 3 -i 0.2 -W 2 192.0.2.255 2>/dev/null)
	printf '%s\n' "$out" | grep -q 'from 192.0.2.11' &&
		printf '%s\n' "$out" | grep -q 'from 192.0.2.12'
}

# rekeyed_both N: both supplicants logged N completed group rekeys
rekeyed_both() {
	local n=$1 i

	for i in 1 2; do
		[ "$(grep -c 'WPA: Group rekeying completed' \
			"$T_DIR/wpas-wlan$i.log")" -ge "$n" ] || return 1
	done
}

step "OWE BSS with periodic rekey every 30 s; two stations connect"
run owectl dev wlan0 ap start ssid owe-rekey freq 2412 security owe \
	gtk-rekey 30 || fail "owectl could not start the BSS"
run ip addr add 192.0.2.1/24 dev wlan0
for i in 1 2; do
	netns_sta "sta$i" "wlan$i"
	cat > "$T_DIR/wpas$i.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan$i
network={
	ssid="owe-rekey"
	key_mgmt=OWE
	ieee80211w=1
	scan_freq=2412
}
CONF
	wpas_start "sta$i" "wlan$i" "$T_DIR/wpas$i.conf"
done
for i in 1 2; do
	wait_for 30 "station $i to reach COMPLETED" wpas_completed "sta$i" "wlan$i"
	ip -n "sta$i" addr add "192.0.2.1$i/24" dev "wlan$i"
	ip netns exec "sta$i" sysctl -q net.ipv4.icmp_echo_ignore_broadcasts=0
done
sysctl -q net.ipv4.icmp_echo_ignore_broadcasts=0
wait_for 10 "the broadcast ping to reach both stations" broadcast_reaches

step "owectl ap rekey: both stations take the new GTK"
run owectl dev wlan0 ap rekey || fail "ap rekey failed"
wait_for 10 "both stations to finish the group key handshake" rekeyed_both 1
for i in 1 2; do
	mac=$(ip netns exec "sta$i" cat "/sys/class/net/wlan$i/address")
	owectl dev wlan0 station get "$mac" | tee "$T_DIR/get$i"
	grep -q 'group key handshake done (key 2)' "$T_DIR/get$i" ||
		fail "station $i's trace lacks the group key handshake"
done
wait_for 10 "broadcast traffic with the new GTK" broadcast_reaches
for i in 1 2; do
	wpas_completed "sta$i" "wlan$i" || fail "station $i lost its link"
done

step "a second rekey goes back to key index 1"
run owectl dev wlan0 ap rekey || fail "second ap rekey failed"
wait_for 10 "the second group key handshake" rekeyed_both 2
wait_for 10 "broadcast traffic with the newest GTK" broadcast_reaches

step "the gtk-rekey timer rekeys by itself"
wait_for 40 "the periodic rekey" rekeyed_both 3
wait_for 10 "broadcast traffic after the periodic rekey" broadcast_reaches
pass
