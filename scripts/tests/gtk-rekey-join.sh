#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# A station that runs its 4-way handshake while a GTK rekey is pending
# must end up with the new GTK: when the rekey completes, the BSS
# transmits group traffic (ARP, DHCP, ND) with it. The rekey is held open
# by a second station whose radio is deaf (it never answers group message
# 1 and is deauthenticated after the retries); meanwhile the first station
# reconnects, and after the switch to the new GTK a broadcast ping from
# the AP must still reach it.
#
#   wlan0 (AP, owe.ko) ~~ hwsim ~~ wlan1 (netns sta1), wlan2 (netns sta2)
#   192.0.2.1/24                   192.0.2.11/24       192.0.2.12/24
#
# owe-test: radios=3
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"

# broadcast_reaches N: a broadcast ping from the AP is answered by station N
broadcast_reaches() {
	ping -b -c 3 -i 0.2 -W 2 192.0.2.255 2>/dev/null |
		grep -q "from 192.0.2.1$1"
}

phy2=$(phy_of wlan2)

step "OWE BSS; two stations connect"
run owectl dev wlan0 ap start ssid owe-rekey freq 2412 security owe ||
	fail "owectl could not start the BSS"
run ip addr add 192.0.2.1/24 dev wlan0
sysctl -q net.ipv4.icmp_echo_ignore_broadcasts=0
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
wait_for 10 "the broadcast ping to reach station 1" broadcast_reaches 1
sta2=$(ip netns exec sta2 cat /sys/class/net/wlan2/address)

step "station 2's radio goes deaf; a rekey starts and stays pending"
echo 1 > "/sys/kernel/debug/ieee80211/$phy2/hwsim/ps" ||
	fail "cannot make station 2's radio deaf"
run owectl dev wlan0 ap rekey || fail "ap rekey failed"

step "station 1 reconnects during the rekey"
ip netns exec sta1 wpa_cli -p "$T_DIR/wpas-wlan1" -i wlan1 reassociate > /dev/null
wait_for 5 "station 1 to reassociate" sh -c \
	"grep -c 'CTRL-EVENT-CONNECTED' '$T_DIR/wpas-wlan1.log' | grep -qx 2"
owectl dev wlan0 station get "$sta2" | grep -q 'L2_AUTH\|RUN\|IP_LEARN' ||
	log "note: station 2 left before station 1 was back"

step "the rekey completes (station 2 times out); station 1 hears the new GTK"
wait_for 15 "station 2 to be deauthenticated (reason 16)" sh -c \
	"! owectl dev wlan0 station dump | grep -q '$sta2'"
dmesg | grep -q 'GTK rekeyed' || fail "the rekey did not complete"
wait_for 10 "broadcast traffic with the new GTK to reach station 1" \
	broadcast_reaches 1
wpas_completed sta1 wlan1 || fail "station 1 lost its link"
pass
