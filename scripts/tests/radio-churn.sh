#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Radios and the module come and go under a served BSS, and every command
# returns within seconds (a hang keeps RTNL and ends the guest at its
# timeout; run.sh also fails on any kernel warning):
# - the hwsim radio of a running BSS with a client deleted through
#   mac80211_hwsim's generic netlink family, like a USB radio unplugged;
# - the radio of a running BSS moved to another network namespace;
# - rmmod owe while a station is in its 4-way handshake (the injector
#   answers message 1 with a bad MIC, so message 1 is being retransmitted).
# The module is not loaded again: on the debug kernel, UML's KASAN reports
# a module loaded where an unloaded one was (its shadow is not reset).
#
#   wlan0 (AP, deleted)  ~~ hwsim ~~  wlan1 (STA, netns "sta")
#   wlan2 (AP, moved to netns "other")      mon3 (injector on radio 3)
#   wlan4 (AP, rmmod during a handshake)
#
# owe-test: radios=5
. "$(dirname "$0")/lib/common.sh"

command -v owectl >/dev/null || fail "owectl is not built"
python3 -c 'import cryptography' 2>/dev/null || { log "SKIP: no python3-cryptography"; exit 77; }

inject=$(dirname "$0")/inject/owe-inject.py
hwsim=$(dirname "$0")/inject/hwsim-radio.py

in_handshake() {
	owectl dev wlan4 station dump | grep -qP '^\tstate:\tL2_AUTH'
}

step "the hwsim radio of a running BSS with a client is deleted"
run owectl dev wlan0 ap start ssid churn-a freq 2412 ||
	fail "owectl could not start the BSS on wlan0"
netns_sta sta wlan1
cat > "$T_DIR/wpas.conf" <<CONF
ctrl_interface=$T_DIR/wpas-wlan1
network={
	ssid="churn-a"
	key_mgmt=NONE
	scan_freq=2412
}
CONF
wpas_start sta wlan1 "$T_DIR/wpas.conf"
wait_for 30 "the station to reach COMPLETED" wpas_completed sta wlan1
phy0=$(phy_of wlan0)
quick 10 python3 "$hwsim" del "$phy0" || fail "cannot delete $phy0"
rtnl_alive
[ -e /sys/class/net/wlan0 ] && fail "wlan0 still exists"
owectl dev wlan2 ap show > /dev/null 2>&1
wait_for 10 "the client to lose its BSS" sh -c \
	"! ip netns exec sta wpa_cli -p '$T_DIR/wpas-wlan1' -i wlan1 status | grep -qx wpa_state=COMPLETED"
dmesg | grep -q "stopped serving 'churn-a'" ||
	fail "owe.ko did not report the BSS stopped"

step "the radio of a running BSS moves to another network namespace"
run owectl dev wlan2 ap start ssid churn-b freq 2412 ||
	fail "owectl could not start the BSS on wlan2"
run ip netns add other
phy2=$(phy_of wlan2)
quick 10 iw phy "$phy2" set netns name other || fail "cannot move $phy2"
rtnl_alive
dmesg | grep -q "stopped serving 'churn-b'" ||
	fail "owe.ko did not stop serving the moved radio's BSS"
quick 10 ip netns exec other ip link show > /dev/null ||
	fail "the other namespace does not answer"
step "rmmod owe while a station is in its 4-way handshake"
ap4=$(cat /sys/class/net/wlan4/address)
run owectl dev wlan4 ap start ssid churn-owe freq 2412 security owe ||
	fail "owectl could not start the OWE BSS"
phy3=$(phy_of wlan3)
run ip link set wlan3 down
run iw phy "$phy3" interface add mon3 type monitor flags active
run ip link set mon3 up
run iw dev mon3 set freq 2412
# the injected station offers PMF: the BSS requires it (the default)
python3 "$inject" mon3 eapol "$ap4" churn-owe 19 bad pmf > "$T_DIR/inj" 2>&1 &
track $!
wait_for 5 "a station in L2_AUTH" in_handshake
quick 20 rmmod owe || fail "rmmod owe failed"
rtnl_alive
iw dev wlan4 station dump | grep -q Station &&
	fail "mac80211 still lists a station after rmmod"
pass
